package solutions

import "math"

// Neuron returns the output of one neuron with a tanh activation:
//
//	z = Σ_i w_i · x_i + b
//	ŷ = tanh(z)
//
// x and w have one entry per input. It panics if their lengths differ.
func Neuron(x, w []float64, b float64) float64 {
	sameLen("Neuron", len(x), len(w))
	z := b
	for i := range x {
		z += w[i] * x[i]
	}
	return math.Tanh(z)
}
