package backprop

import (
	"fmt"
	"math"
)

// GradNorm returns the L2 norm of all the gradients of params taken as one
// vector: sqrt(Σ g²). Watching it per layer as training goes shows
// vanishing (norms shrinking toward the input) and exploding gradients.
func GradNorm(params ...*Param) float64 {
	sum := 0.0
	for _, p := range params {
		g := p.Grad.RawMatrix()
		for i := 0; i < g.Rows; i++ {
			for _, v := range row(g, i) {
				sum += v * v
			}
		}
	}
	return math.Sqrt(sum)
}

// ClipGradNorm rescales the gradients of params so that their joint L2 norm
// is at most maxNorm, and returns the norm before clipping. Directions are
// kept; only steps that would be too long are shortened, which stops one
// huge gradient (an exploding one) from throwing the weights far away.
// Same rule as PyTorch's torch.nn.utils.clip_grad_norm_ (without its 1e-6
// in the denominator).
//
// ClipGradNorm panics if maxNorm is not positive.
func ClipGradNorm(maxNorm float64, params ...*Param) float64 {
	if !(maxNorm > 0) {
		panic(fmt.Sprintf("backprop: ClipGradNorm: maxNorm = %v, want > 0", maxNorm))
	}
	norm := GradNorm(params...)
	if norm > maxNorm {
		scale := maxNorm / norm
		for _, p := range params {
			p.Grad.Scale(scale, p.Grad)
		}
	}
	return norm
}
