package backprop

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// An epochHook runs after every epoch of Fit, in order with the others.
// stop says whether training ends after this epoch (the last epoch, or an
// earlier hook stopped it); the hook returns it, or true to stop training.
type epochHook func(e EpochStats, stop bool) bool

// epochHooks returns what Fit does after each epoch, in this order: keep
// track of the best epoch and stop early (cfg.Patience), log the epoch
// (cfg.Log), call cfg.OnEpoch, put back the best epoch's parameters when
// training stops (cfg.RestoreBest), log why it stopped.
func epochHooks(h *History, params []*Param, cfg FitConfig) []epochHook {
	var best []*mat.Dense // parameter values at the best epoch, for RestoreBest
	wait := 0
	hooks := []epochHook{func(e EpochStats, stop bool) bool {
		if watched := watchedLoss(e, cfg); watched < h.BestLoss-cfg.MinDelta {
			h.BestEpoch, h.BestLoss, wait = e.Epoch, watched, 0
			if cfg.RestoreBest && cfg.Patience > 0 {
				best = copyValues(best, params)
			}
		} else {
			wait++
		}
		// Patience running out at the last epoch is not an early stop:
		// training ends where it would have anyway.
		if !stop && cfg.Patience > 0 && wait >= cfg.Patience {
			h.Stop = StopEarly
			return true
		}
		return stop
	}}
	width := len(fmt.Sprint(cfg.Epochs))
	if cfg.Log != nil {
		hooks = append(hooks, func(e EpochStats, stop bool) bool {
			if e.Epoch == 1 || stop || e.Epoch%cfg.LogEvery == 0 {
				fmt.Fprintln(cfg.Log, e.logLine(width, cfg.Epochs))
			}
			return stop
		})
	}
	if cfg.OnEpoch != nil {
		hooks = append(hooks, func(e EpochStats, stop bool) bool {
			cfg.OnEpoch(e)
			return stop
		})
	}
	hooks = append(hooks, func(e EpochStats, stop bool) bool {
		if stop && best != nil && h.BestEpoch != e.Epoch {
			restoreValues(params, best)
			h.RestoredEpoch = h.BestEpoch
		}
		return stop
	})
	if cfg.Log != nil {
		hooks = append(hooks, func(e EpochStats, stop bool) bool {
			if stop {
				fmt.Fprintf(cfg.Log, "stopped: %v after %d epochs; best loss %.4g at epoch %d\n",
					h.Stop, len(h.Epochs), h.BestLoss, h.BestEpoch)
			}
			return stop
		})
	}
	return hooks
}

// watchedLoss is the loss early stopping watches: the validation loss
// when there is validation data, else the training loss.
func watchedLoss(e EpochStats, cfg FitConfig) float64 {
	if cfg.ValX != nil {
		return e.ValLoss
	}
	return e.Loss
}

// logLine formats one epoch, e.g.
// "epoch  3/20  loss 0.2514  acc 91.20%  val_loss 0.2733  val_acc 90.00%  lr 0.1".
func (e EpochStats) logLine(width, epochs int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "epoch %*d/%d  loss %.4f", width, e.Epoch, epochs, e.Loss)
	if !math.IsNaN(e.Accuracy) {
		fmt.Fprintf(&b, "  acc %.2f%%", 100*e.Accuracy)
	}
	if !math.IsNaN(e.ValLoss) {
		fmt.Fprintf(&b, "  val_loss %.4f", e.ValLoss)
	}
	if !math.IsNaN(e.ValAccuracy) {
		fmt.Fprintf(&b, "  val_acc %.2f%%", 100*e.ValAccuracy)
	}
	fmt.Fprintf(&b, "  lr %.4g", e.LR)
	return b.String()
}

// copyValues copies the value of every parameter into dst (reused when it
// has the right length) and returns it.
func copyValues(dst []*mat.Dense, params []*Param) []*mat.Dense {
	if len(dst) != len(params) {
		dst = make([]*mat.Dense, len(params))
	}
	for i, p := range params {
		if dst[i] == nil {
			dst[i] = mat.DenseCopyOf(p.Value)
		} else {
			dst[i].Copy(p.Value)
		}
	}
	return dst
}

// restoreValues copies saved values back into the parameters.
func restoreValues(params []*Param, saved []*mat.Dense) {
	for i, p := range params {
		p.Value.Copy(saved[i])
	}
}
