package exercises

// TinyNetBackward is the forward and backward pass, by hand, of the tiny
// network of notebook 01: two inputs, two sigmoid hidden units, one linear
// output, and the squared error on one example.
//
// params holds the nine parameters in this order:
//
//	params = [w11 w12 w21 w22 b1 b2 v1 v2 c]
//
// where w_ij connects input i to hidden unit j; x = [x1 x2] is the example
// and target its target. Forward:
//
//	z1 = x1·w11 + x2·w21 + b1      h1 = σ(z1)      σ(z) = 1/(1 + e^−z)
//	z2 = x1·w12 + x2·w22 + b2      h2 = σ(z2)
//	ŷ  = v1·h1 + v2·h2 + c         loss = (ŷ − target)²
//
// Backward, one chain-rule step a line:
//
//	∂L/∂ŷ   = 2(ŷ − target)
//	∂L/∂c   = ∂L/∂ŷ               ∂L/∂v_j = ∂L/∂ŷ · h_j
//	∂L/∂h_j = ∂L/∂ŷ · v_j         ∂L/∂z_j = ∂L/∂h_j · h_j(1 − h_j)
//	∂L/∂w_ij = ∂L/∂z_j · x_i      ∂L/∂b_j = ∂L/∂z_j
//
// Return the loss and the nine gradients in the order of params.
//
// Example (the notebook's numbers): params [0.4 −0.3 0.2 0.6 0.1 −0.1 0.7
// −0.5 0.2], x [1 0.5], target 1 give loss 0.3429 and ∂L/∂c = −1.1711,
// ∂L/∂w11 = −0.1876.
func TinyNetBackward(params, x []float64, target float64) (loss float64, grad []float64) {
	panic("not implemented")
}

// TinyNetNumericGrad estimates the same nine gradients as TinyNetBackward,
// without any chain rule: only the forward pass (the loss), run twice per
// parameter. For each parameter θ_k, nudge it by +h and by −h, the others
// unchanged:
//
//	∂L/∂θ_k ≈ (L(θ_k + h) − L(θ_k − h)) / (2h)
//
// Return the nine estimates in the order of params.
//
// Hint: work on a copy of params (append([]float64(nil), params...)), and
// put each parameter back before nudging the next one. With h = 1e-5 your
// result should agree with TinyNetBackward to about 10 digits; with a large
// h such as 0.5 it should not, and the checks use large steps too.
func TinyNetNumericGrad(params, x []float64, target, h float64) []float64 {
	panic("not implemented")
}

// MulBackward is what an autograd does, going backwards, through one
// multiplication out = a·b. Given the inputs a, b and the upstream gradient
// gradOut = ∂L/∂out, return the gradients of the loss with respect to the
// inputs, local gradient times upstream gradient:
//
//	∂L/∂a = gradOut · b        ∂L/∂b = gradOut · a
//
// Example: a = 2, b = −3, gradOut = 1 gives ∂L/∂a = −3 and ∂L/∂b = 2.
// (For an addition out = a + b both local gradients are 1: the gradient
// passes through unchanged.)
func MulBackward(a, b, gradOut float64) (gradA, gradB float64) {
	panic("not implemented")
}

// DivBackward is the backward rule of out = a/b:
//
//	∂L/∂a = gradOut / b        ∂L/∂b = −gradOut · a / b²
//
// Example: a = 2, b = −3, gradOut = 1 gives ∂L/∂a = −1/3 and
// ∂L/∂b = −2/9.
func DivBackward(a, b, gradOut float64) (gradA, gradB float64) {
	panic("not implemented")
}

// PowBackward is the backward rule of out = aᵖ, for a constant exponent p
// (no gradient flows to p):
//
//	∂L/∂a = gradOut · p · aᵖ⁻¹
//
// Example: a = 3, p = 2, gradOut = 1 gives 6; a = 2, p = −1.5, gradOut =
// 3 gives 3 · (−1.5) · 2^−2.5 = −0.7955…
//
// Hint: math.Pow(a, p-1).
func PowBackward(a, p, gradOut float64) float64 {
	panic("not implemented")
}

// ExpBackward is the backward rule of out = eᵃ, the function that is its own
// derivative:
//
//	∂L/∂a = gradOut · eᵃ
//
// Example: a = 1, gradOut = 2 gives 2e = 5.4365…
func ExpBackward(a, gradOut float64) float64 {
	panic("not implemented")
}
