package solutions

import (
	"fmt"
	"math"
)

// The tiny network of notebook 01: two inputs, a hidden layer of two sigmoid
// units and one linear output, trained on one example with the squared error.
// Its nine parameters travel in one slice, in this order:
//
//	w11 w12 w21 w22   hidden weights, w_ij from input i to hidden unit j
//	b1 b2             hidden biases
//	v1 v2             output weights
//	c                 output bias
const tinyNetParams = 9

// tinyNetCheck panics unless params has 9 entries and x has 2.
func tinyNetCheck(what string, params, x []float64) {
	if len(params) != tinyNetParams || len(x) != 2 {
		panic(fmt.Sprintf("solutions: %s: %d parameters and %d inputs; want 9 (w11 w12 w21 w22 b1 b2 v1 v2 c) and 2",
			what, len(params), len(x)))
	}
}

// tinyNetLoss is the forward pass of the tiny network: (ŷ − target)².
func tinyNetLoss(p, x []float64, target float64) float64 {
	h1 := sigmoid(x[0]*p[0] + x[1]*p[2] + p[4])
	h2 := sigmoid(x[0]*p[1] + x[1]*p[3] + p[5])
	e := p[6]*h1 + p[7]*h2 + p[8] - target
	return e * e
}

// TinyNetBackward is the forward and backward pass, by the chain rule, of the
// tiny network of notebook 01 on one example x = (x1, x2) with a target:
//
//	z1 = x1·w11 + x2·w21 + b1      h1 = σ(z1)
//	z2 = x1·w12 + x2·w22 + b2      h2 = σ(z2)
//	ŷ  = v1·h1 + v2·h2 + c         L  = (ŷ − target)²
//
// and backwards, each line one use of the chain rule:
//
//	∂L/∂ŷ = 2(ŷ − target)
//	∂L/∂c = ∂L/∂ŷ        ∂L/∂v_j = ∂L/∂ŷ · h_j      ∂L/∂h_j = ∂L/∂ŷ · v_j
//	∂L/∂z_j = ∂L/∂h_j · h_j(1 − h_j)
//	∂L/∂w_ij = ∂L/∂z_j · x_i        ∂L/∂b_j = ∂L/∂z_j
//
// It returns L and the nine gradients in the order of params (w11 w12 w21
// w22 b1 b2 v1 v2 c). It panics unless params has 9 entries and x has 2.
func TinyNetBackward(params, x []float64, target float64) (loss float64, grad []float64) {
	tinyNetCheck("TinyNetBackward", params, x)
	w11, w12, w21, w22, b1, b2, v1, v2, c := params[0], params[1], params[2], params[3], params[4], params[5], params[6], params[7], params[8]
	x1, x2 := x[0], x[1]
	// forward
	h1 := sigmoid(x1*w11 + x2*w21 + b1)
	h2 := sigmoid(x1*w12 + x2*w22 + b2)
	yHat := v1*h1 + v2*h2 + c
	loss = (yHat - target) * (yHat - target)
	// backward
	dYHat := 2 * (yHat - target)
	dZ1 := dYHat * v1 * h1 * (1 - h1)
	dZ2 := dYHat * v2 * h2 * (1 - h2)
	grad = []float64{
		dZ1 * x1, dZ2 * x1, dZ1 * x2, dZ2 * x2, // w11 w12 w21 w22
		dZ1, dZ2, // b1 b2
		dYHat * h1, dYHat * h2, // v1 v2
		dYHat, // c
	}
	return loss, grad
}

// TinyNetNumericGrad estimates the gradient of the tiny network's loss (see
// TinyNetBackward) by central differences, with the forward pass only: for
// each parameter θ_k,
//
//	∂L/∂θ_k ≈ (L(θ + h·e_k) − L(θ − h·e_k)) / (2h)
//
// where e_k moves parameter k alone. The error of the estimate shrinks like
// h². It panics unless params has 9 entries and x has 2, or if h is not
// positive.
func TinyNetNumericGrad(params, x []float64, target, h float64) []float64 {
	tinyNetCheck("TinyNetNumericGrad", params, x)
	if !(h > 0) {
		panic(fmt.Sprintf("solutions: TinyNetNumericGrad: step h = %v, want > 0", h))
	}
	grad := make([]float64, len(params))
	p := append([]float64(nil), params...)
	for k := range p {
		old := p[k]
		p[k] = old + h
		up := tinyNetLoss(p, x, target)
		p[k] = old - h
		down := tinyNetLoss(p, x, target)
		p[k] = old
		grad[k] = (up - down) / (2 * h)
	}
	return grad
}

// MulBackward is the backward rule of out = a·b in an autograd: given the
// upstream gradient gradOut = ∂L/∂out, it returns
//
//	∂L/∂a = gradOut · b        ∂L/∂b = gradOut · a
//
// Each input's local gradient is the other input.
func MulBackward(a, b, gradOut float64) (gradA, gradB float64) {
	return gradOut * b, gradOut * a
}

// DivBackward is the backward rule of out = a/b:
//
//	∂L/∂a = gradOut / b        ∂L/∂b = −gradOut · a / b²
//
// It panics if b is 0, where a/b has no value.
func DivBackward(a, b, gradOut float64) (gradA, gradB float64) {
	if b == 0 {
		panic("solutions: DivBackward: divisor b is 0")
	}
	return gradOut / b, -gradOut * a / (b * b)
}

// PowBackward is the backward rule of out = aᵖ for a constant exponent p:
//
//	∂L/∂a = gradOut · p · aᵖ⁻¹
//
// It panics where the power is not a real number: a negative base with an
// exponent that is not a whole number, or a zero base with a negative
// exponent.
func PowBackward(a, p, gradOut float64) float64 {
	if a < 0 && p != math.Trunc(p) {
		panic(fmt.Sprintf("solutions: PowBackward: negative base %v with non-integer exponent %v", a, p))
	}
	if a == 0 && p < 0 {
		panic(fmt.Sprintf("solutions: PowBackward: zero base with negative exponent %v", p))
	}
	return gradOut * p * math.Pow(a, p-1)
}

// ExpBackward is the backward rule of out = eᵃ, whose derivative is itself:
//
//	∂L/∂a = gradOut · eᵃ
func ExpBackward(a, gradOut float64) float64 {
	return gradOut * math.Exp(a)
}
