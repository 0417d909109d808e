package backprop

import (
	"fmt"
	"math"
)

// CyclicMode selects how the amplitude of a Cyclical schedule changes
// from cycle to cycle.
type CyclicMode int

const (
	// CyclicTriangular keeps every cycle between BaseLR and MaxLR.
	CyclicTriangular CyclicMode = iota
	// CyclicTriangular2 halves the amplitude after each cycle.
	CyclicTriangular2
	// CyclicExpRange multiplies the amplitude by Gamma at every step.
	CyclicExpRange
)

// String returns the mode's name as PyTorch spells it.
func (m CyclicMode) String() string {
	switch m {
	case CyclicTriangular:
		return "triangular"
	case CyclicTriangular2:
		return "triangular2"
	case CyclicExpRange:
		return "exp_range"
	}
	return fmt.Sprintf("CyclicMode(%d)", int(m))
}

// CyclicalConfig configures a Cyclical schedule. Zero fields take
// PyTorch's defaults, except the rates, which must be given.
type CyclicalConfig struct {
	// BaseLR and MaxLR bound the cycle: 0 ≤ BaseLR ≤ MaxLR.
	BaseLR, MaxLR float64
	// StepSizeUp is the number of steps from BaseLR up to MaxLR; 0
	// means 2000. StepSizeDown is the number back down; 0 means
	// StepSizeUp.
	StepSizeUp, StepSizeDown int
	// Mode is the amplitude policy; the zero value is CyclicTriangular.
	Mode CyclicMode
	// Gamma in (0, 1] is CyclicExpRange's decay per step; 0 means 1.
	Gamma float64
}

// Cyclical returns a cyclical learning rate (Smith, "Cyclical Learning
// Rates for Training Neural Networks", 2017): the rate climbs linearly
// from BaseLR to MaxLR in StepSizeUp steps, comes back down in
// StepSizeDown steps, and repeats. With L = StepSizeUp + StepSizeDown, at
// step t
//
//	cycle = ⌊1 + t/L⌋,  x = 1 + t/L − cycle            (x in [0, 1))
//	h = x/r if x ≤ r, else (x−1)/(r−1)  with r = StepSizeUp/L
//	lr = BaseLR + (MaxLR − BaseLR) · h · scale
//
// where scale is 1 (triangular), 1/2^(cycle−1) (triangular2) or γ^t
// (exp_range): torch CyclicLR with cycle_momentum off.
//
// It panics if the rates are negative, not finite or out of order, MaxLR
// is 0, a step size is negative, Gamma is outside [0, 1], or Mode is unknown.
func Cyclical(cfg CyclicalConfig) Schedule {
	const op = "Cyclical"
	mustRate(op, "BaseLR", cfg.BaseLR)
	mustRate(op, "MaxLR", cfg.MaxLR)
	mustConfig(cfg.MaxLR > 0, op, "MaxLR", cfg.MaxLR, "> 0")
	if cfg.BaseLR > cfg.MaxLR {
		panic(fmt.Sprintf("backprop: %s: BaseLR %v > MaxLR %v", op, cfg.BaseLR, cfg.MaxLR))
	}
	if cfg.StepSizeUp < 0 || cfg.StepSizeDown < 0 {
		panic(fmt.Sprintf("backprop: %s: step sizes %d up, %d down: want ≥ 0 (0: default)", op, cfg.StepSizeUp, cfg.StepSizeDown))
	}
	mustConfig(cfg.Gamma >= 0 && cfg.Gamma <= 1, op, "Gamma", cfg.Gamma, "in (0, 1] (0 means 1)")
	if cfg.Mode < CyclicTriangular || cfg.Mode > CyclicExpRange {
		panic(fmt.Sprintf("backprop: %s: unknown mode %v", op, cfg.Mode))
	}
	up := float64(cfg.StepSizeUp)
	if up == 0 {
		up = 2000
	}
	down := float64(cfg.StepSizeDown)
	if down == 0 {
		down = up
	}
	total := up + down
	ratio := up / total
	gamma := defaultIfZero(cfg.Gamma, 1)
	return func(step int) float64 {
		mustStep(op, step)
		t := float64(step)
		cycle := math.Floor(1 + t/total)
		x := 1 + t/total - cycle
		var h float64
		if x <= ratio {
			h = x / ratio
		} else {
			h = (x - 1) / (ratio - 1)
		}
		scale := 1.0
		switch cfg.Mode {
		case CyclicTriangular2:
			scale = 1 / math.Pow(2, cycle-1)
		case CyclicExpRange:
			scale = math.Pow(gamma, t)
		}
		return cfg.BaseLR + (cfg.MaxLR-cfg.BaseLR)*h*scale
	}
}

// OneCycleConfig configures a OneCycle schedule. Zero fields take
// PyTorch's defaults, except MaxLR and TotalSteps, which must be given.
type OneCycleConfig struct {
	// MaxLR is the peak rate.
	MaxLR float64
	// TotalSteps is the length of training in steps (optimizer updates).
	TotalSteps int
	// PctStart in (0, 1) is the fraction of the steps spent warming up;
	// 0 means 0.3.
	PctStart float64
	// DivFactor > 0 sets the first rate, MaxLR/DivFactor; 0 means 25.
	DivFactor float64
	// FinalDivFactor > 0 sets the last rate, MaxLR/DivFactor/
	// FinalDivFactor; 0 means 1e4.
	FinalDivFactor float64
	// Linear anneals along straight lines instead of half cosines.
	Linear bool
	// ThreePhase comes back down to the first rate symmetrically before
	// annealing to the last one (the schedule of Smith's paper), instead
	// of annealing from the peak straight to the last rate.
	ThreePhase bool
}

// OneCycle returns the 1cycle policy (Smith and Topin, "Super-Convergence",
// 2018) with torch OneCycleLR's semantics (cycle_momentum off). With
// T = TotalSteps, p = PctStart, η₀ = MaxLR/DivFactor and η_min =
// η₀/FinalDivFactor, the rate goes
//
//	from η₀ up to MaxLR       over steps 0 … pT−1
//	from MaxLR down to η_min  over steps pT−1 … T−1
//
// along half cosines (or lines, if Linear). With ThreePhase it goes up
// over 0 … pT−1, back down to η₀ over pT−1 … 2pT−2, then to η_min over
// 2pT−2 … T−1. The phase boundaries are real numbers, as in PyTorch.
// After step T−1 the rate stays at η_min (PyTorch raises an error there).
//
// It panics if MaxLR is not positive and finite, TotalSteps is not
// positive, PctStart is outside [0, 1), a factor is negative, or the
// phases are too short to have two steps each (p·T ≤ 1, or nothing left
// after the warm-up).
func OneCycle(cfg OneCycleConfig) Schedule {
	const op = "OneCycle"
	mustRate(op, "MaxLR", cfg.MaxLR)
	mustConfig(cfg.MaxLR > 0, op, "MaxLR", cfg.MaxLR, "> 0")
	mustPositive(op, "TotalSteps", cfg.TotalSteps)
	mustConfig(cfg.PctStart >= 0 && cfg.PctStart < 1, op, "PctStart", cfg.PctStart, "in (0, 1) (0 means 0.3)")
	mustConfig(cfg.DivFactor >= 0, op, "DivFactor", cfg.DivFactor, "> 0 (0 means 25)")
	mustConfig(cfg.FinalDivFactor >= 0, op, "FinalDivFactor", cfg.FinalDivFactor, "> 0 (0 means 1e4)")
	pct := defaultIfZero(cfg.PctStart, 0.3)
	initial := cfg.MaxLR / defaultIfZero(cfg.DivFactor, 25)
	final := initial / defaultIfZero(cfg.FinalDivFactor, 1e4)
	last := float64(cfg.TotalSteps - 1)

	// Each phase runs from the previous phase's end (or step 0) to end.
	type phase struct{ end, from, to float64 }
	phases := []phase{{pct*float64(cfg.TotalSteps) - 1, initial, cfg.MaxLR}}
	if cfg.ThreePhase {
		phases = append(phases, phase{2*pct*float64(cfg.TotalSteps) - 2, cfg.MaxLR, initial}, phase{last, initial, final})
	} else {
		phases = append(phases, phase{last, cfg.MaxLR, final})
	}
	start := 0.0
	for _, ph := range phases {
		if !(ph.end > start) {
			panic(fmt.Sprintf("backprop: %s: PctStart %v of TotalSteps %d leaves a phase without steps (it would end at step %.4g, start at %.4g)", op, pct, cfg.TotalSteps, ph.end, start))
		}
		start = ph.end
	}
	anneal := cosineBetween
	if cfg.Linear {
		anneal = linearBetween
	}
	return func(step int) float64 {
		mustStep(op, step)
		t := math.Min(float64(step), last)
		start := 0.0
		for _, ph := range phases {
			if t <= ph.end {
				return anneal(ph.from, ph.to, (t-start)/(ph.end-start))
			}
			start = ph.end
		}
		return final // not reached: the last phase ends at the last step
	}
}
