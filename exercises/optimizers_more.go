package exercises

// NesterovStep returns the new weights and velocity after one step of SGD
// with Nesterov momentum, as PyTorch's SGD(nesterov=True) computes it (all
// slices have the same length; the velocity starts at zeros):
//
//	v ← beta · v + grad
//	w ← w − lr · (grad + beta · v)      (with the new v)
//
// Compare with MomentumStep, which steps by lr · v: Nesterov looks ahead,
// adding where the velocity is about to carry the weights.
//
// Example: w [1], grad [0.5], velocity [1], lr 0.1, beta 0.9 gives
// v = 0.9 + 0.5 = 1.4 and w = 1 − 0.1·(0.5 + 0.9·1.4) = 0.824.
func NesterovStep(w, grad, velocity []float64, lr, beta float64) (newW, newVelocity []float64) {
	panic("not implemented")
}

// AdagradStep returns the new weights and the new sum of squared gradients
// after one step of Adagrad (sumSq starts at zeros):
//
//	s ← s + grad²
//	w ← w − lr · grad / (√s + eps)      (with the new s; eps outside the root)
//
// The sum only grows, so each weight's steps shrink as training goes on:
// weights that have seen large gradients slow down most.
//
// Example: w [1], grad [2], sumSq [0], lr 0.5, eps 0 gives s = 4 and
// w = 1 − 0.5·2/2 = 0.5.
func AdagradStep(w, grad, sumSq []float64, lr, eps float64) (newW, newSumSq []float64) {
	panic("not implemented")
}

// AdadeltaStep returns the new weights and both running averages after one
// step of Adadelta (sqAvg and deltaAvg start at zeros):
//
//	s ← rho · s + (1 − rho) · grad²          running average of squared gradients
//	Δ = √(u + eps) / √(s + eps) · grad       (the new s, the old u)
//	u ← rho · u + (1 − rho) · Δ²             running average of squared steps
//	w ← w − lr · Δ
//
// where s is sqAvg and u is deltaAvg. Adadelta needs no real learning rate:
// the ratio of the two roots has the units of w; lr = 1 is the method as
// published (and PyTorch's default).
//
// Hint: compute Δ with the new s but the old u, then update u.
func AdadeltaStep(w, grad, sqAvg, deltaAvg []float64, lr, rho, eps float64) (newW, newSqAvg, newDeltaAvg []float64) {
	panic("not implemented")
}
