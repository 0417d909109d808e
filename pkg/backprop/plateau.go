package backprop

import (
	"fmt"
	"math"
)

// PlateauMode says whether a smaller or a larger metric is better.
type PlateauMode int

const (
	// PlateauMin is for metrics to minimise, such as a validation loss.
	PlateauMin PlateauMode = iota
	// PlateauMax is for metrics to maximise, such as an accuracy.
	PlateauMax
)

// ThresholdMode says how a new metric must beat the best one so far to
// count as an improvement.
type ThresholdMode int

const (
	// ThresholdRel asks for a relative gain: below best·(1 − Threshold)
	// in PlateauMin mode, above best·(1 + Threshold) in PlateauMax mode.
	ThresholdRel ThresholdMode = iota
	// ThresholdAbs asks for an absolute gain: below best − Threshold, or
	// above best + Threshold.
	ThresholdAbs
)

// PlateauConfig configures ReduceLROnPlateau. The zero value gives
// PyTorch's defaults: watch a loss, cut the rate ten-fold after 10 epochs
// without a 0.01% improvement.
type PlateauConfig struct {
	// Mode: PlateauMin (the zero value) or PlateauMax.
	Mode PlateauMode
	// Factor in (0, 1) multiplies the rate at each reduction; 0 means 0.1.
	Factor float64
	// Patience is the number of epochs without improvement tolerated:
	// the rate is cut at the (Patience+1)-th. 0 means 10; a negative value
	// asks for none, cutting at the first epoch without improvement.
	Patience int
	// Threshold is the least gain that counts as an improvement (relative
	// or absolute, per ThresholdMode). 0 means 1e-4; a negative value asks
	// for 0, so that any gain counts.
	Threshold float64
	// ThresholdMode: ThresholdRel (the zero value) or ThresholdAbs.
	ThresholdMode ThresholdMode
	// Cooldown ≥ 0 is the number of epochs after a cut during which
	// epochs without improvement are not counted. Default 0.
	Cooldown int
	// MinLR ≥ 0 is a floor for the rate. Default 0.
	MinLR float64
	// Eps > 0: a cut smaller than Eps is skipped, so a rate at its floor
	// stays put. 0 means 1e-8.
	Eps float64
}

// ReduceLROnPlateau lowers the learning rate when a validation metric
// stops improving, as torch.optim.lr_scheduler.ReduceLROnPlateau. Feed it
// the metric once per epoch with Step, and train the next epoch at the
// rate it returns.
//
// It is the one stateful piece of the schedules in this package: when it
// cuts the rate depends on the metrics seen so far, which a Schedule, a
// pure function of the step number, cannot know.
//
// At each Step: a metric that beats the best so far by the threshold
// becomes the new best and resets the count of bad epochs; any other adds
// a bad epoch (a NaN metric is never an improvement). During a cooldown
// bad epochs are not counted. When the count exceeds Patience, the rate
// becomes max(rate·Factor, MinLR), the count restarts and a cooldown
// begins.
type ReduceLROnPlateau struct {
	cfg      PlateauConfig
	lr       float64
	best     float64
	bad      int // epochs without improvement since the last one or the last cut
	cooldown int // epochs of cooldown left
}

// NewReduceLROnPlateau returns a ReduceLROnPlateau starting at rate lr.
//
// It panics if lr is negative or not finite, Factor is outside [0, 1),
// MinLR, Eps or Cooldown is negative, or a mode is unknown.
func NewReduceLROnPlateau(lr float64, cfg PlateauConfig) *ReduceLROnPlateau {
	const op = "NewReduceLROnPlateau"
	mustRate(op, "lr", lr)
	mustRate(op, "MinLR", cfg.MinLR)
	mustConfig(cfg.Factor >= 0 && cfg.Factor < 1, op, "Factor", cfg.Factor, "in (0, 1) (0 means 0.1)")
	mustConfig(cfg.Eps >= 0, op, "Eps", cfg.Eps, "≥ 0")
	if cfg.Cooldown < 0 {
		panic(fmt.Sprintf("backprop: %s: Cooldown = %d, want ≥ 0", op, cfg.Cooldown))
	}
	if cfg.Mode != PlateauMin && cfg.Mode != PlateauMax {
		panic(fmt.Sprintf("backprop: %s: unknown Mode %d", op, cfg.Mode))
	}
	if cfg.ThresholdMode != ThresholdRel && cfg.ThresholdMode != ThresholdAbs {
		panic(fmt.Sprintf("backprop: %s: unknown ThresholdMode %d", op, cfg.ThresholdMode))
	}
	cfg.Factor = defaultIfZero(cfg.Factor, 0.1)
	cfg.Threshold = zeroIfNegative(cfg.Threshold, 1e-4)
	switch {
	case cfg.Patience == 0:
		cfg.Patience = 10
	case cfg.Patience < 0:
		cfg.Patience = 0
	}
	cfg.Eps = defaultIfZero(cfg.Eps, 1e-8)
	best := math.Inf(1)
	if cfg.Mode == PlateauMax {
		best = math.Inf(-1)
	}
	return &ReduceLROnPlateau{cfg: cfg, lr: lr, best: best}
}

// Config returns the settings in effect, defaults filled in. Patience and
// Threshold hold the values used, so a 0 there is a true 0.
func (p *ReduceLROnPlateau) Config() PlateauConfig { return p.cfg }

// LR returns the current learning rate.
func (p *ReduceLROnPlateau) LR() float64 { return p.lr }

// Best returns the best metric seen so far (+Inf, or −Inf in PlateauMax
// mode, before the first Step).
func (p *ReduceLROnPlateau) Best() float64 { return p.best }

// Step records the metric of the epoch just finished and returns the
// learning rate for the next one.
func (p *ReduceLROnPlateau) Step(metric float64) float64 {
	if p.improves(metric) {
		p.best = metric
		p.bad = 0
	} else {
		p.bad++
	}
	if p.cooldown > 0 {
		p.cooldown--
		p.bad = 0
	}
	if p.bad > p.cfg.Patience {
		if cut := math.Max(p.lr*p.cfg.Factor, p.cfg.MinLR); p.lr-cut > p.cfg.Eps {
			p.lr = cut
		}
		p.cooldown = p.cfg.Cooldown
		p.bad = 0
	}
	return p.lr
}

// improves reports whether metric beats the best so far by the threshold.
// Comparisons with NaN are false, so a NaN metric never improves.
func (p *ReduceLROnPlateau) improves(metric float64) bool {
	th := p.cfg.Threshold
	switch {
	case p.cfg.Mode == PlateauMin && p.cfg.ThresholdMode == ThresholdRel:
		return metric < p.best*(1-th)
	case p.cfg.Mode == PlateauMin:
		return metric < p.best-th
	case p.cfg.ThresholdMode == ThresholdRel:
		return metric > p.best*(1+th)
	default:
		return metric > p.best+th
	}
}
