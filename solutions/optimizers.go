package solutions

import "math"

// SGDStep returns the weights after one step of plain gradient descent:
//
//	w ← w − lr · grad
//
// It panics if the lengths differ.
func SGDStep(w, grad []float64, lr float64) []float64 {
	sameLen("SGDStep", len(w), len(grad))
	out := make([]float64, len(w))
	for i := range w {
		out[i] = w[i] - lr*grad[i]
	}
	return out
}

// MomentumStep returns the weights and velocity after one step of SGD with
// momentum, in PyTorch's form:
//
//	v ← beta · v + grad
//	w ← w − lr · v
//
// The velocity starts at zeros; beta is typically 0.9. It panics if the
// lengths differ.
func MomentumStep(w, grad, velocity []float64, lr, beta float64) (newW, newVelocity []float64) {
	sameLen("MomentumStep (w, grad)", len(w), len(grad))
	sameLen("MomentumStep (w, velocity)", len(w), len(velocity))
	newW = make([]float64, len(w))
	newVelocity = make([]float64, len(w))
	for i := range w {
		newVelocity[i] = beta*velocity[i] + grad[i]
		newW[i] = w[i] - lr*newVelocity[i]
	}
	return newW, newVelocity
}

// RMSpropStep returns the weights and the running average of squared
// gradients after one step of RMSprop:
//
//	s ← rho · s + (1 − rho) · grad²
//	w ← w − lr · grad / (√s + eps)
//
// The average s starts at zeros; rho is typically 0.99 and eps 1e-8. eps is
// added after the square root, as in PyTorch. It panics if the lengths
// differ.
func RMSpropStep(w, grad, sqAvg []float64, lr, rho, eps float64) (newW, newSqAvg []float64) {
	sameLen("RMSpropStep (w, grad)", len(w), len(grad))
	sameLen("RMSpropStep (w, sqAvg)", len(w), len(sqAvg))
	newW = make([]float64, len(w))
	newSqAvg = make([]float64, len(w))
	for i, g := range grad {
		newSqAvg[i] = rho*sqAvg[i] + (1-rho)*g*g
		newW[i] = w[i] - lr*g/(math.Sqrt(newSqAvg[i])+eps)
	}
	return newW, newSqAvg
}

// AdamStep returns the weights and both moment estimates after step t of
// Adam (t counts from 1):
//
//	m ← beta1 · m + (1 − beta1) · grad
//	v ← beta2 · v + (1 − beta2) · grad²
//	m̂ = m / (1 − beta1^t)        bias correction: m and v start at zeros
//	v̂ = v / (1 − beta2^t)
//	w ← w − lr · m̂ / (√v̂ + eps)
//
// The returned m and v are the uncorrected averages, ready for step t+1.
// Typical values: beta1 0.9, beta2 0.999, eps 1e-8. It panics if the lengths
// differ or t < 1.
func AdamStep(w, grad, m, v []float64, t int, lr, beta1, beta2, eps float64) (newW, newM, newV []float64) {
	sameLen("AdamStep (w, grad)", len(w), len(grad))
	sameLen("AdamStep (w, m)", len(w), len(m))
	sameLen("AdamStep (w, v)", len(w), len(v))
	if t < 1 {
		panic("solutions: AdamStep: step t must be at least 1")
	}
	c1 := 1 - math.Pow(beta1, float64(t))
	c2 := 1 - math.Pow(beta2, float64(t))
	newW = make([]float64, len(w))
	newM = make([]float64, len(w))
	newV = make([]float64, len(w))
	for i, g := range grad {
		newM[i] = beta1*m[i] + (1-beta1)*g
		newV[i] = beta2*v[i] + (1-beta2)*g*g
		mHat := newM[i] / c1
		vHat := newV[i] / c2
		newW[i] = w[i] - lr*mHat/(math.Sqrt(vHat)+eps)
	}
	return newW, newM, newV
}
