package exercises

// DenseBackward is the backward pass of a dense layer y = x·w + b.
//
// Inputs: x is the layer's input (N×in), w its weights (in×out), gradOut is
// ∂L/∂y (N×out). Return
//
//	gradX = gradOut · wᵀ     (N×in)    what flows on to the layer below
//	gradW = xᵀ · gradOut     (in×out)
//	gradB = Σ_i gradOut[i]   (out)     the sum of gradOut over the rows
//
// Hint: each gradient has exactly the shape of what it is the gradient of;
// write the shapes down and the products follow.
func DenseBackward(x, w, gradOut [][]float64) (gradX, gradW [][]float64, gradB []float64) {
	panic("not implemented")
}

// SigmoidBackward is the backward pass of y = sigmoid(z) = 1/(1 + e^−z),
// applied entry by entry. z is the input of the activation and gradOut is
// ∂L/∂y, both N×K. Return ∂L/∂z (N×K):
//
//	∂L/∂z_ij = gradOut_ij · σ(z_ij) · (1 − σ(z_ij))
func SigmoidBackward(z, gradOut [][]float64) [][]float64 {
	panic("not implemented")
}

// ReLUBackward is the backward pass of y = max(0, z), entry by entry. Return
// ∂L/∂z (N×K):
//
//	∂L/∂z_ij = gradOut_ij if z_ij > 0, else 0
//
// At z = 0 take the derivative to be 0.
func ReLUBackward(z, gradOut [][]float64) [][]float64 {
	panic("not implemented")
}

// TanhBackward is the backward pass of y = tanh(z), entry by entry. Return
// ∂L/∂z (N×K):
//
//	∂L/∂z_ij = gradOut_ij · (1 − tanh²(z_ij))
func TanhBackward(z, gradOut [][]float64) [][]float64 {
	panic("not implemented")
}
