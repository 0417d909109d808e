package backprop

import (
	"fmt"
	"math"
)

// LRRangeConfig configures LRRangeTest. The zero value gives the settings
// of fastai's lr_find: 100 steps from 1e-7 to 10, smoothing 0.98, stop at
// four times the best loss.
type LRRangeConfig struct {
	// MinLR and MaxLR bound the ramp, 0 < MinLR < MaxLR; 0 means 1e-7 and
	// 10 respectively.
	MinLR, MaxLR float64
	// Steps ≥ 2 is the number of training steps of the ramp; 0 means 100.
	Steps int
	// Smoothing β in [0, 1) weights the running average of the loss:
	// s ← β·s + (1−β)·loss, divided by 1−βⁱ to undo the zero start.
	// 0 means 0.98; a negative value asks for none (the raw loss).
	Smoothing float64
	// DivergeFactor > 1: the test stops once the smoothed loss exceeds
	// DivergeFactor times the best smoothed loss; 0 means 4.
	DivergeFactor float64
}

// LRRangeResult is what LRRangeTest measured: one entry per step taken.
type LRRangeResult struct {
	Rates    []float64 // the learning rate of each step
	Losses   []float64 // the loss that step returned
	Smoothed []float64 // the running average of Losses, bias-corrected
	// Suggested is a tenth of MinLoss, the rule of fastai's first lr_find:
	// the smoothed loss lags the raw one, so its minimum lies at or past
	// the edge of stability; being a minimum, it is robust to the noise
	// of mini-batch losses.
	Suggested float64
	// MinLoss is the rate of the lowest smoothed loss.
	MinLoss float64
	// Steepest is the rate where the smoothed loss falls fastest per
	// decade of rate (the most negative slope against log(rate), each
	// slope taken across a tenth of the steps), looked for before the
	// minimum and after the first tenth of the steps, where the average
	// still holds few losses and is noisy. It is the other common rule,
	// more sensitive to noise than Suggested. 0 if the loss never fell.
	Steepest float64
	// Diverged reports that the test stopped early: the smoothed loss
	// passed DivergeFactor times its best, or a loss was NaN or infinite.
	Diverged bool
}

// LRRangeTest runs the learning-rate range test (Smith, 2017; fastai's
// lr_find): train for a few steps with a rate that grows exponentially,
//
//	lr_i = MinLR · (MaxLR/MinLR)^(i/(Steps−1)),   i = 0 … Steps−1,
//
// record the loss at each rate, and pick a rate from the curve. Too small
// a rate leaves the loss flat; a good one makes it fall fast; too large a
// one makes it explode, which ends the test early. Plot Smoothed against
// Rates on a log axis to see it; Suggested and Steepest read it by rule.
//
// step performs one training step (forward, backward, optimizer update)
// with the given rate on the next mini-batch and returns that batch's
// loss. The test changes the model: save its parameters before and
// restore them after.
//
// It panics if step is nil or the config is invalid: rates not positive,
// finite and in order, Steps of 1 or negative, Smoothing of 1 or more, or
// DivergeFactor of 1 or less.
func LRRangeTest(cfg LRRangeConfig, step func(lr float64) (loss float64)) LRRangeResult {
	const op = "LRRangeTest"
	if step == nil {
		panic("backprop: LRRangeTest: step function is nil")
	}
	lo := defaultIfZero(cfg.MinLR, 1e-7)
	hi := defaultIfZero(cfg.MaxLR, 10)
	if !(lo > 0 && lo < hi) || math.IsInf(hi, 1) {
		panic(fmt.Sprintf("backprop: %s: MinLR %v, MaxLR %v: want 0 < MinLR < MaxLR, finite", op, lo, hi))
	}
	n := cfg.Steps
	if n == 0 {
		n = 100
	}
	if n < 2 {
		panic(fmt.Sprintf("backprop: %s: Steps = %d, want ≥ 2", op, cfg.Steps))
	}
	mustConfig(cfg.Smoothing < 1, op, "Smoothing", cfg.Smoothing, "< 1 (0 means 0.98, negative means none)")
	beta := zeroIfNegative(cfg.Smoothing, 0.98)
	mustConfig(cfg.DivergeFactor == 0 || cfg.DivergeFactor > 1, op, "DivergeFactor", cfg.DivergeFactor, "> 1 (0 means 4)")
	diverge := defaultIfZero(cfg.DivergeFactor, 4)

	res := LRRangeResult{
		Rates:    make([]float64, 0, n),
		Losses:   make([]float64, 0, n),
		Smoothed: make([]float64, 0, n),
	}
	avg, best, bestAt := 0.0, math.Inf(1), -1
	for i := 0; i < n; i++ {
		lr := lo * math.Pow(hi/lo, float64(i)/float64(n-1))
		loss := step(lr)
		avg = beta*avg + (1-beta)*loss
		smooth := avg / (1 - math.Pow(beta, float64(i+1)))
		res.Rates = append(res.Rates, lr)
		res.Losses = append(res.Losses, loss)
		res.Smoothed = append(res.Smoothed, smooth)
		if math.IsNaN(loss) || math.IsInf(loss, 0) || smooth > diverge*best {
			res.Diverged = true
			break
		}
		if smooth < best {
			best, bestAt = smooth, i
		}
	}
	if bestAt < 0 {
		return res // the first loss was already NaN or infinite
	}
	res.MinLoss = res.Rates[bestAt]
	res.Suggested = res.MinLoss / 10
	// Skip the first tenth, where the average holds few losses; measure
	// slopes across a tenth of the steps.
	if skip := n / 10; bestAt > skip {
		res.Steepest = steepestRate(res.Rates[skip:bestAt+1], res.Smoothed[skip:bestAt+1], max(n/20, 1))
	}
	return res
}

// steepestRate returns the rate at which loss falls fastest against
// log(rate), or 0 if it never falls. The rates are evenly spaced in log,
// so comparing loss differences is comparing slopes. Each slope is taken
// across a window of 2h+1 points (narrower at the ends), which averages
// out the step-to-step noise of mini-batch losses.
func steepestRate(rates, loss []float64, h int) float64 {
	best, at := 0.0, -1
	for i := range loss {
		l, r := max(i-h, 0), min(i+h, len(loss)-1)
		if l == r {
			continue
		}
		slope := (loss[r] - loss[l]) / float64(r-l)
		if slope < best {
			best, at = slope, i
		}
	}
	if at < 0 {
		return 0
	}
	return rates[at]
}
