package solutions

import (
	"fmt"
	"math"
)

// DenseBackward is the backward pass of a dense layer y = x·w + b.
//
// Given the layer input x (N×in), its weights w (in×out) and gradOut =
// ∂L/∂y (N×out), it returns
//
//	gradX = gradOut · wᵀ        (N×in)   what flows on to the layer below
//	gradW = xᵀ · gradOut        (in×out) one entry per weight
//	gradB = Σ_i gradOut[i]      (out)    the column sums of gradOut
//
// Each gradient has the shape of what it is the gradient of. It panics if
// the shapes do not fit together.
func DenseBackward(x, w, gradOut [][]float64) (gradX, gradW [][]float64, gradB []float64) {
	n, in := dims("DenseBackward x", x)
	wIn, out := dims("DenseBackward w", w)
	gn, gOut := dims("DenseBackward gradOut", gradOut)
	if wIn != in || gn != n || gOut != out {
		panic(fmt.Sprintf("solutions: DenseBackward: x is %dx%d, w is %dx%d, gradOut is %dx%d; want N×in, in×out, N×out",
			n, in, wIn, out, gn, gOut))
	}
	gradX = zeros(n, in)
	gradW = zeros(in, out)
	gradB = make([]float64, out)
	for i := range n {
		for j := range in {
			for k := range out {
				gradX[i][j] += gradOut[i][k] * w[j][k]
				gradW[j][k] += x[i][j] * gradOut[i][k]
			}
		}
		for k := range out {
			gradB[k] += gradOut[i][k]
		}
	}
	return gradX, gradW, gradB
}

// elementwise returns the matrix gradOut[i][j] · deriv(z[i][j]): the backward
// pass of any activation applied entry by entry. It panics if the shapes of z
// and gradOut differ.
func elementwise(what string, z, gradOut [][]float64, deriv func(z float64) float64) [][]float64 {
	n, k := sameDims(what, z, gradOut)
	grad := zeros(n, k)
	for i := range z {
		for j, v := range z[i] {
			grad[i][j] = gradOut[i][j] * deriv(v)
		}
	}
	return grad
}

// sigmoid is the logistic function 1 / (1 + e^−z).
func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// SigmoidBackward is the backward pass of y = sigmoid(z), applied entry by
// entry. Given the pre-activation z and gradOut = ∂L/∂y (same shape), it
// returns ∂L/∂z:
//
//	∂L/∂z = gradOut ⊙ σ(z) (1 − σ(z))
//
// It panics if the shapes differ.
func SigmoidBackward(z, gradOut [][]float64) [][]float64 {
	return elementwise("SigmoidBackward", z, gradOut, func(v float64) float64 {
		s := sigmoid(v)
		return s * (1 - s)
	})
}

// ReLUBackward is the backward pass of y = max(0, z), applied entry by
// entry:
//
//	∂L/∂z = gradOut where z > 0, and 0 where z ≤ 0
//
// At z = 0 the derivative is taken to be 0, as in PyTorch. It panics if the
// shapes differ.
func ReLUBackward(z, gradOut [][]float64) [][]float64 {
	return elementwise("ReLUBackward", z, gradOut, func(v float64) float64 {
		if v > 0 {
			return 1
		}
		return 0
	})
}

// TanhBackward is the backward pass of y = tanh(z), applied entry by entry:
//
//	∂L/∂z = gradOut ⊙ (1 − tanh²(z))
//
// It panics if the shapes differ.
func TanhBackward(z, gradOut [][]float64) [][]float64 {
	return elementwise("TanhBackward", z, gradOut, func(v float64) float64 {
		t := math.Tanh(v)
		return 1 - t*t
	})
}
