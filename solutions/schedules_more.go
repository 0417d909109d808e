package solutions

import (
	"fmt"
	"math"
)

// WarmUp returns the learning rate at a step (counted from 0) of a linear
// warm-up to lr over the first warmupSteps steps, then lr:
//
//	lr(step) = lr · (step + 1) / (warmupSteps + 1)   for step < warmupSteps
//	lr(step) = lr                                    for step ≥ warmupSteps
//
// So the rate never starts at 0 (step 0 already gets lr/(warmupSteps+1)).
// This is PyTorch's LinearLR with start_factor 1/(warmupSteps+1) and
// total_iters warmupSteps; warmupSteps = 0 gives lr from the start. It
// panics if warmupSteps or step is negative.
func WarmUp(lr float64, warmupSteps, step int) float64 {
	if warmupSteps < 0 || step < 0 {
		panic(fmt.Sprintf("solutions: WarmUp: warmupSteps %d and step %d must be ≥ 0", warmupSteps, step))
	}
	if step >= warmupSteps {
		return lr
	}
	return lr * float64(step+1) / float64(warmupSteps+1)
}

// OneCycle returns the learning rate at a step (counted from 0) of the
// one-cycle policy over total steps, as PyTorch's OneCycleLR (two phases,
// cosine annealing). With initial = maxLR/divFactor, final =
// initial/finalDivFactor, and the peak at step u = pctStart·total − 1 (a
// real number):
//
//	lr(step) = anneal(initial, maxLR, step/u)                       for step ≤ u
//	lr(step) = anneal(maxLR, final, (step − u)/(total − 1 − u))     for u < step ≤ total − 1
//	lr(step) = final                                                after total − 1
//
// where anneal(a, b, t) = b + (a − b)·(1 + cos(π·t))/2 goes from a at t = 0
// to b at t = 1. PyTorch's defaults are pctStart 0.3, divFactor 25 and
// finalDivFactor 1e4. It panics if total or step is negative, or if either
// phase would have no length (u ≤ 0 or u ≥ total − 1).
func OneCycle(maxLR, pctStart, divFactor, finalDivFactor float64, total, step int) float64 {
	peak := pctStart*float64(total) - 1
	last := float64(total - 1)
	if step < 0 || !(peak > 0) || !(peak < last) {
		panic(fmt.Sprintf("solutions: OneCycle: need step ≥ 0 and 0 < pctStart·total − 1 < total − 1; got step %d, pctStart %v, total %d", step, pctStart, total))
	}
	initial := maxLR / divFactor
	final := initial / finalDivFactor
	anneal := func(a, b, t float64) float64 { return b + (a-b)*(1+math.Cos(math.Pi*t))/2 }
	t := math.Min(float64(step), last)
	if t <= peak {
		return anneal(initial, maxLR, t/peak)
	}
	return anneal(maxLR, final, (t-peak)/(last-peak))
}
