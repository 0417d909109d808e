package exercises

// WarmUp returns the learning rate at step (counted from 0) of a linear
// warm-up: the rate climbs in equal steps to lr over the first warmupSteps
// steps, then stays at lr:
//
//	lr(step) = lr · (step + 1) / (warmupSteps + 1)   if step < warmupSteps
//	lr(step) = lr                                    if step ≥ warmupSteps
//
// Example with lr 0.1 and warmupSteps 4: steps 0, 1, 2, 3 give 0.02, 0.04,
// 0.06, 0.08, and every step from 4 on gives 0.1.
//
// Hint: convert to float64 before dividing.
func WarmUp(lr float64, warmupSteps, step int) float64 {
	panic("not implemented")
}

// OneCycle returns the learning rate at step (counted from 0) of the
// one-cycle policy over total steps, as PyTorch's OneCycleLR: up from
// initial = maxLR/divFactor to maxLR, then down to final =
// initial/finalDivFactor, both along half cosines. The peak is at
// u = pctStart·total − 1 (not always a whole number):
//
//	anneal(a, b, t) = b + (a − b) · (1 + cos(π·t)) / 2    (a at t = 0, b at t = 1)
//	lr(step) = anneal(initial, maxLR, step/u)                      if step ≤ u
//	lr(step) = anneal(maxLR, final, (step − u)/(total − 1 − u))    if step > u
//
// and final for every step after total − 1. PyTorch's defaults are
// pctStart 0.3, divFactor 25, finalDivFactor 1e4.
//
// Example with maxLR 1, pctStart 0.3, divFactor 10, finalDivFactor 100,
// total 11: u = 2.3; step 0 gives 0.1, step 11 − 1 = 10 gives 0.001.
func OneCycle(maxLR, pctStart, divFactor, finalDivFactor float64, total, step int) float64 {
	panic("not implemented")
}
