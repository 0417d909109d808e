package solutions

import (
	"fmt"
	"math"
)

// NesterovStep returns the weights and velocity after one step of SGD with
// Nesterov momentum, in PyTorch's form (SGD with nesterov=True):
//
//	v ← beta · v + grad
//	w ← w − lr · (grad + beta · v)      (with the new v)
//
// The step looks ahead: it uses the gradient plus where the velocity is
// about to carry the weights. The velocity starts at zeros. It panics if
// the lengths differ.
func NesterovStep(w, grad, velocity []float64, lr, beta float64) (newW, newVelocity []float64) {
	sameLen("NesterovStep (w, grad)", len(w), len(grad))
	sameLen("NesterovStep (w, velocity)", len(w), len(velocity))
	newW = make([]float64, len(w))
	newVelocity = make([]float64, len(w))
	for i, g := range grad {
		newVelocity[i] = beta*velocity[i] + g
		newW[i] = w[i] - lr*(g+beta*newVelocity[i])
	}
	return newW, newVelocity
}

// AdagradStep returns the weights and the sum of squared gradients after one
// step of Adagrad (PyTorch's torch.optim.Adagrad without learning-rate
// decay):
//
//	s ← s + grad²
//	w ← w − lr · grad / (√s + eps)
//
// s starts at zeros and only grows, so every weight's step shrinks as
// training goes on; PyTorch's eps is 1e-10. It panics if the lengths differ.
func AdagradStep(w, grad, sumSq []float64, lr, eps float64) (newW, newSumSq []float64) {
	sameLen("AdagradStep (w, grad)", len(w), len(grad))
	sameLen("AdagradStep (w, sumSq)", len(w), len(sumSq))
	newW = make([]float64, len(w))
	newSumSq = make([]float64, len(w))
	for i, g := range grad {
		newSumSq[i] = sumSq[i] + g*g
		newW[i] = w[i] - lr*g/(math.Sqrt(newSumSq[i])+eps)
	}
	return newW, newSumSq
}

// AdadeltaStep returns the weights and the two running averages after one
// step of Adadelta (PyTorch's torch.optim.Adadelta):
//
//	s ← rho · s + (1 − rho) · grad²                 average of squared gradients
//	Δ = √(u + eps) / √(s + eps) · grad              (with the new s, the old u)
//	u ← rho · u + (1 − rho) · Δ²                    average of squared updates
//	w ← w − lr · Δ
//
// s and u start at zeros; PyTorch's defaults are lr 1, rho 0.9, eps 1e-6.
// It panics if the lengths differ or rho is outside [0, 1].
func AdadeltaStep(w, grad, sqAvg, deltaAvg []float64, lr, rho, eps float64) (newW, newSqAvg, newDeltaAvg []float64) {
	sameLen("AdadeltaStep (w, grad)", len(w), len(grad))
	sameLen("AdadeltaStep (w, sqAvg)", len(w), len(sqAvg))
	sameLen("AdadeltaStep (w, deltaAvg)", len(w), len(deltaAvg))
	if !(rho >= 0 && rho <= 1) {
		panic(fmt.Sprintf("solutions: AdadeltaStep: rho = %v, want in [0, 1]", rho))
	}
	newW = make([]float64, len(w))
	newSqAvg = make([]float64, len(w))
	newDeltaAvg = make([]float64, len(w))
	for i, g := range grad {
		newSqAvg[i] = rho*sqAvg[i] + (1-rho)*g*g
		delta := math.Sqrt(deltaAvg[i]+eps) / math.Sqrt(newSqAvg[i]+eps) * g
		newDeltaAvg[i] = rho*deltaAvg[i] + (1-rho)*delta*delta
		newW[i] = w[i] - lr*delta
	}
	return newW, newSqAvg, newDeltaAvg
}
