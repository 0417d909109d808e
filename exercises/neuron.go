package exercises

// Neuron returns the output of one neuron with a tanh activation: multiply
// each input by its weight, add them up with the bias, and squash the sum
// with math.Tanh:
//
//	z = w_1·x_1 + w_2·x_2 + … + w_n·x_n + b
//	ŷ = tanh(z)
//
// x and w have one entry per input (the same length).
//
// Example: x = [1 2], w = [0.5 −0.25], b = 0.1 gives z = 0.5 − 0.5 + 0.1 =
// 0.1 and ŷ = tanh(0.1) = 0.0997…
//
// Hint: start with z := b, then a for loop over the indices of x.
func Neuron(x, w []float64, b float64) float64 {
	panic("not implemented")
}
