package exercises

// SGDStep returns the weights after one step of gradient descent (w and
// grad have the same length):
//
//	w ← w − lr · grad
func SGDStep(w, grad []float64, lr float64) []float64 {
	panic("not implemented")
}

// MomentumStep returns the new weights and the new velocity after one step
// of SGD with momentum (all slices have the same length; the velocity starts
// at zeros):
//
//	v ← beta · v + grad
//	w ← w − lr · v        (with the new v)
func MomentumStep(w, grad, velocity []float64, lr, beta float64) (newW, newVelocity []float64) {
	panic("not implemented")
}

// RMSpropStep returns the new weights and the new running average of
// squared gradients after one step of RMSprop (sqAvg starts at zeros):
//
//	s ← rho · s + (1 − rho) · grad²
//	w ← w − lr · grad / (√s + eps)      (eps outside the square root)
func RMSpropStep(w, grad, sqAvg []float64, lr, rho, eps float64) (newW, newSqAvg []float64) {
	panic("not implemented")
}

// AdamStep returns the new weights and the new first and second moment
// estimates after step t of Adam; t counts from 1 and m, v start at zeros:
//
//	m ← beta1 · m + (1 − beta1) · grad
//	v ← beta2 · v + (1 − beta2) · grad²
//	m̂ = m / (1 − beta1^t)
//	v̂ = v / (1 − beta2^t)
//	w ← w − lr · m̂ / (√v̂ + eps)
//
// Return m and v themselves (not m̂ and v̂): they are the input of step t+1.
// Hint: without the bias correction (m̂, v̂) the first steps are far too
// small, because m and v start at zero.
func AdamStep(w, grad, m, v []float64, t int, lr, beta1, beta2, eps float64) (newW, newM, newV []float64) {
	panic("not implemented")
}
