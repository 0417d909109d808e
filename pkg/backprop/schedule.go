package backprop

import (
	"fmt"
	"math"
)

// Learning-rate schedules. Each constructor checks its settings once and
// returns a Schedule, a pure function of the step (counted from 0): a
// training loop asks it for the rate at every step and passes that to
// Optimizer.Step. Being pure, a schedule can be plotted before training,
// restarted, or evaluated at any step in any order.
//
// Where PyTorch has the same schedule in torch.optim.lr_scheduler, the
// rate at step t equals the optimizer's lr after t calls of that
// scheduler's step() (checked by testdata/golden_schedules.py).
//
// Every Schedule returned here panics if called with a negative step.

// mustStep panics if step is negative.
func mustStep(name string, step int) {
	if step < 0 {
		panic(fmt.Sprintf("backprop: %s schedule: negative step %d", name, step))
	}
}

// mustRate panics unless lr is a finite rate ≥ 0.
func mustRate(op, field string, lr float64) {
	if !(lr >= 0) || math.IsInf(lr, 1) {
		panic(fmt.Sprintf("backprop: %s: %s = %v, want a finite rate ≥ 0", op, field, lr))
	}
}

// mustPositive panics unless n > 0.
func mustPositive(op, field string, n int) {
	if n <= 0 {
		panic(fmt.Sprintf("backprop: %s: %s = %d, want > 0", op, field, n))
	}
}

// Constant returns the schedule lr(t) = lr0. It panics if lr0 is negative,
// infinite or NaN.
func Constant(lr0 float64) Schedule {
	mustRate("Constant", "lr0", lr0)
	return func(step int) float64 {
		mustStep("Constant", step)
		return lr0
	}
}

// StepDecay returns the staircase lr(t) = lr0 · γ^⌊t/every⌋: the rate is
// multiplied by gamma every `every` steps (torch StepLR with step_size =
// every).
//
// It panics if lr0 is negative or not finite, every is not positive, or
// gamma is not positive.
func StepDecay(lr0 float64, every int, gamma float64) Schedule {
	mustRate("StepDecay", "lr0", lr0)
	mustPositive("StepDecay", "every", every)
	mustConfig(gamma > 0 && !math.IsInf(gamma, 1), "StepDecay", "gamma", gamma, "> 0")
	return func(step int) float64 {
		mustStep("StepDecay", step)
		return lr0 * math.Pow(gamma, float64(step/every))
	}
}

// Exponential returns lr(t) = lr0 · γ^t, a decay by the same factor at
// every step (torch ExponentialLR).
//
// It panics if lr0 is negative or not finite, or gamma is not positive.
func Exponential(lr0, gamma float64) Schedule {
	mustRate("Exponential", "lr0", lr0)
	mustConfig(gamma > 0 && !math.IsInf(gamma, 1), "Exponential", "gamma", gamma, "> 0")
	return func(step int) float64 {
		mustStep("Exponential", step)
		return lr0 * math.Pow(gamma, float64(step))
	}
}

// InverseTime returns lr(t) = lr0 / (1 + k·t). It decays like 1/t, the
// rate for which stochastic gradient descent provably converges on convex
// problems (the sum of rates diverges, the sum of their squares does not).
//
// It panics if lr0 is negative or not finite, or k is negative.
func InverseTime(lr0, k float64) Schedule {
	mustRate("InverseTime", "lr0", lr0)
	mustConfig(k >= 0 && !math.IsInf(k, 1), "InverseTime", "k", k, "≥ 0")
	return func(step int) float64 {
		mustStep("InverseTime", step)
		return lr0 / (1 + k*float64(step))
	}
}

// CosineAnnealing returns cosine annealing from maxLR down to minLR over
// a period of `period` steps, restarted at maxLR when the period ends
// (SGDR, Loshchilov and Hutter, 2017). Within a period of length T_i, at
// its step t_cur,
//
//	lr = minLR + (maxLR − minLR) · (1 + cos(π · t_cur / T_i)) / 2
//
// Each period is mult times as long as the one before (T_0 = period,
// T_i = period·multⁱ), so mult = 1 restarts at a fixed rhythm (torch
// CosineAnnealingWarmRestarts with T_0 = period, T_mult = mult, eta_min =
// minLR). mult = 0 means no restart: one half cosine over `period` steps,
// then minLR for ever. That equals torch CosineAnnealingLR with T_max =
// period only up to step period: past it, torch follows the cosine back up
// towards maxLR, and so does CosineWave.
//
// It panics if the rates are negative or not finite, minLR > maxLR,
// period is not positive, or mult is negative.
func CosineAnnealing(maxLR, minLR float64, period, mult int) Schedule {
	const op = "CosineAnnealing"
	mustCosine(op, maxLR, minLR, period)
	if mult < 0 {
		panic(fmt.Sprintf("backprop: %s: mult = %d, want ≥ 0 (0: no restarts)", op, mult))
	}
	return func(step int) float64 {
		mustStep(op, step)
		cur, length := step, period
		switch {
		case mult == 0:
			cur = min(step, period)
		case mult == 1:
			cur = step % period
		default:
			// Periods grow geometrically, so this loop runs
			// about log_mult(step/period) times.
			for cur >= length {
				cur -= length
				length *= mult
			}
		}
		return cosineBetween(maxLR, minLR, float64(cur)/float64(length))
	}
}

// CosineWave returns the cosine with no restart and no floor:
//
//	lr(t) = minLR + (maxLR − minLR) · (1 + cos(π · t / period)) / 2
//
// for every step t. It falls from maxLR to minLR over the first `period`
// steps, climbs back to maxLR over the next `period`, and so on, a wave of
// length 2·period. This is torch CosineAnnealingLR with T_max = period and
// eta_min = minLR, past T_max too; CosineAnnealing with mult = 0 instead
// stays at minLR after step period, which is what a run that ends at step
// period never notices and a longer run usually wants.
//
// It panics if the rates are negative or not finite, minLR > maxLR, or
// period is not positive.
func CosineWave(maxLR, minLR float64, period int) Schedule {
	const op = "CosineWave"
	mustCosine(op, maxLR, minLR, period)
	return func(step int) float64 {
		mustStep(op, step)
		// cos has period 2π: reduce the step first so that huge steps
		// keep their precision.
		return cosineBetween(maxLR, minLR, float64(step%(2*period))/float64(period))
	}
}

// mustCosine panics unless the rates are finite, 0 ≤ minLR ≤ maxLR, and
// period > 0.
func mustCosine(op string, maxLR, minLR float64, period int) {
	mustRate(op, "maxLR", maxLR)
	mustRate(op, "minLR", minLR)
	if minLR > maxLR {
		panic(fmt.Sprintf("backprop: %s: minLR %v > maxLR %v", op, minLR, maxLR))
	}
	mustPositive(op, "period", period)
}

// cosineBetween goes from start (pct = 0) to end (pct = 1) along half a
// cosine, slowly at both ends.
func cosineBetween(start, end, pct float64) float64 {
	return end + (start-end)/2*(math.Cos(math.Pi*pct)+1)
}

// linearBetween goes from start (pct = 0) to end (pct = 1) along a line.
func linearBetween(start, end, pct float64) float64 {
	return (end-start)*pct + start
}

// WarmUp returns a schedule that ramps the rate up linearly over the first
// `steps` steps and then follows inner from inner's step 0:
//
//	lr(t) = inner(0) · (t+1)/(steps+1)   for t < steps
//	lr(t) = inner(t − steps)             for t ≥ steps
//
// A short warm-up lets adaptive optimizers gather their statistics before
// taking full steps. It is torch's SequentialLR of LinearLR(start_factor =
// 1/(steps+1), total_iters = steps) and the inner scheduler, with
// milestone `steps`. steps = 0 gives inner unchanged.
//
// It panics if steps is negative or inner is nil.
func WarmUp(steps int, inner Schedule) Schedule {
	if steps < 0 {
		panic(fmt.Sprintf("backprop: WarmUp: steps = %d, want ≥ 0", steps))
	}
	if inner == nil {
		panic("backprop: WarmUp: inner schedule is nil")
	}
	return func(step int) float64 {
		mustStep("WarmUp", step)
		if step >= steps {
			return inner(step - steps)
		}
		return inner(0) * float64(step+1) / float64(steps+1)
	}
}
