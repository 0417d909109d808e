package backprop

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"

	"github.com/deepdive-dl/backprop/pkg/backprop/internal/kernel"
)

// Activations are layers without parameters that apply a function to each
// element (Softmax: to each row). Each one keeps its last output, because
// the local derivative is cheapest to compute from it:
//
//	Sigmoid    y = 1/(1+e^-x)        dy/dx = y(1-y)
//	Tanh       y = tanh x            dy/dx = 1-y²
//	ReLU       y = max(0, x)         dy/dx = 1 if x > 0, else 0
//	LeakyReLU  y = x or αx           dy/dx = 1 if x > 0, else α
//	Softmax    y_j = e^x_j / Σ_k e^x_k (per row)
//	                                 dL/dx_j = y_j (g_j - Σ_k g_k y_k)
//	Identity   y = x                 dy/dx = 1
//
// Backward multiplies the incoming gradient by the local derivative (the
// chain rule). The zero value of each type is ready to use.

var (
	_ Layer = (*Sigmoid)(nil)
	_ Layer = (*Tanh)(nil)
	_ Layer = (*ReLU)(nil)
	_ Layer = (*LeakyReLU)(nil)
	_ Layer = (*Softmax)(nil)
	_ Layer = (*Identity)(nil)
)

// actCache holds the buffers shared by the activation layers: the last
// output y (kept for Backward) and the input gradient.
type actCache struct {
	out, dx *mat.Dense
}

// forward sizes the output buffer for x and returns both raw matrices.
func (a *actCache) forward(x *mat.Dense) (xr, yr blas64.General) {
	r, c := x.Dims()
	a.out = resize(a.out, r, c)
	return x.RawMatrix(), a.out.RawMatrix()
}

// backward checks gradOut against the last output, sizes the input gradient
// and returns the raw matrices of gradOut, y and dx.
func (a *actCache) backward(op string, gradOut *mat.Dense) (gr, yr, dxr blas64.General) {
	if a.out == nil {
		panic("backprop: " + op + ": called before Forward")
	}
	if !sameShape(gradOut, a.out) {
		panic(fmt.Sprintf("backprop: %s: gradOut is %s, want the output's shape %s",
			op, shapeString(gradOut), shapeString(a.out)))
	}
	r, c := gradOut.Dims()
	a.dx = resize(a.dx, r, c)
	return gradOut.RawMatrix(), a.out.RawMatrix(), a.dx.RawMatrix()
}

// row returns row i of m as a slice of length m.Cols.
func row(m blas64.General, i int) []float64 {
	return m.Data[i*m.Stride : i*m.Stride+m.Cols]
}

// eachRowOf3 calls fn with the matching rows of three matrices of the same
// shape, len(gs) elements each: all of them at once when the three are
// contiguous (one call, one tight loop), else row by row. fn does not
// escape, so the closure costs no allocation.
func eachRowOf3(d, g, y blas64.General, fn func(ds, gs, ys []float64)) {
	if d.Stride == d.Cols && g.Stride == g.Cols && y.Stride == y.Cols {
		n := g.Rows * g.Cols
		fn(d.Data[:n], g.Data[:n], y.Data[:n])
		return
	}
	for i := 0; i < g.Rows; i++ {
		gs := row(g, i)
		fn(row(d, i)[:len(gs)], gs, row(y, i)[:len(gs)])
	}
}

// mapElems sets dst[i,j] = f(src[i,j]) for matrices of the same shape.
func mapElems(dst, src blas64.General, f func(float64) float64) {
	for i := 0; i < src.Rows; i++ {
		xs := row(src, i)
		ys := row(dst, i)[:len(xs)]
		for j, v := range xs {
			ys[j] = f(v)
		}
	}
}

// Params returns nil: activations have no parameters.
func (*actCache) Params() []*Param { return nil }

// Sigmoid is the logistic function σ(x) = 1/(1+e^-x), squashing any real
// number into (0, 1). Its derivative σ(1-σ) is at most 1/4, which is why deep
// stacks of sigmoids learn slowly (vanishing gradients).
type Sigmoid struct{ actCache }

// Forward returns σ(x), element-wise, owned by the layer.
func (s *Sigmoid) Forward(x *mat.Dense) *mat.Dense {
	xr, yr := s.forward(x)
	mapElems(yr, xr, sigmoid)
	return s.out
}

// Backward returns gradOut ⊙ y(1-y). It panics if called before Forward or
// if gradOut is not the output's shape.
func (s *Sigmoid) Backward(gradOut *mat.Dense) *mat.Dense {
	gr, yr, dxr := s.backward("Sigmoid.Backward", gradOut)
	for i := 0; i < gr.Rows; i++ {
		gs := row(gr, i)
		ys, ds := row(yr, i)[:len(gs)], row(dxr, i)[:len(gs)]
		for j, g := range gs {
			ds[j] = g * ys[j] * (1 - ys[j])
		}
	}
	return s.dx
}

// sigmoid computes 1/(1+e^-x) without overflow: e^-x is only evaluated for
// x ≥ 0, and e^x for x < 0, so the exponent never exceeds 0.
func sigmoid(x float64) float64 {
	if x >= 0 {
		return 1 / (1 + math.Exp(-x))
	}
	e := math.Exp(x)
	return e / (1 + e)
}

// Tanh is the hyperbolic tangent, squashing into (-1, 1) and centred on 0.
type Tanh struct{ actCache }

// Forward returns y = tanh(x), element-wise, owned by the layer.
func (t *Tanh) Forward(x *mat.Dense) *mat.Dense {
	t.forward(x)
	kernel.Tanh(t.out, x) // y = tanh x
	return t.out
}

// Backward returns gradOut ⊙ (1-y²). It panics if called before Forward or
// if gradOut is not the output's shape.
func (t *Tanh) Backward(gradOut *mat.Dense) *mat.Dense {
	t.backward("Tanh.Backward", gradOut)
	kernel.MulOneMinusSquare(t.dx, gradOut, t.out) // dL/dx = g ⊙ (1 − y²)
	return t.dx
}

// ReLU is the rectified linear unit max(0, x). Its gradient is 1 for
// positive inputs and 0 otherwise (0 also at x = 0, as in PyTorch).
type ReLU struct{ actCache }

// Forward returns max(0, x), element-wise, owned by the layer.
func (r *ReLU) Forward(x *mat.Dense) *mat.Dense {
	return leakyForward(&r.actCache, x, 0)
}

// Backward returns gradOut where the input was positive and 0 elsewhere.
// It panics if called before Forward or if gradOut is not the output's
// shape.
func (r *ReLU) Backward(gradOut *mat.Dense) *mat.Dense {
	return leakyBackward(&r.actCache, "ReLU.Backward", gradOut, 0)
}

// LeakyReLU is x for x > 0 and Alpha·x otherwise: a small slope (commonly
// 0.01) keeps a gradient flowing for negative inputs, so units cannot "die"
// the way ReLU units can. The zero value has Alpha 0 and behaves as ReLU.
type LeakyReLU struct {
	Alpha float64
	actCache
}

// NewLeakyReLU returns a LeakyReLU with slope alpha for negative inputs.
// It panics if alpha is negative or NaN.
func NewLeakyReLU(alpha float64) *LeakyReLU {
	if !(alpha >= 0) {
		panic(fmt.Sprintf("backprop: NewLeakyReLU: alpha must be ≥ 0, got %v", alpha))
	}
	return &LeakyReLU{Alpha: alpha}
}

// String describes the layer, e.g. "LeakyReLU(0.01)".
func (l *LeakyReLU) String() string { return fmt.Sprintf("LeakyReLU(%g)", l.Alpha) }

// Forward returns x where x > 0 and Alpha·x elsewhere, owned by the layer.
func (l *LeakyReLU) Forward(x *mat.Dense) *mat.Dense {
	return leakyForward(&l.actCache, x, l.Alpha)
}

// Backward returns gradOut where the input was positive and Alpha·gradOut
// elsewhere. It panics if called before Forward, if gradOut is not the
// output's shape, or if Alpha is negative (the sign of the output would no
// longer tell the sign of the input).
func (l *LeakyReLU) Backward(gradOut *mat.Dense) *mat.Dense {
	if !(l.Alpha >= 0) {
		panic(fmt.Sprintf("backprop: LeakyReLU.Backward: Alpha must be ≥ 0, got %v", l.Alpha))
	}
	return leakyBackward(&l.actCache, "LeakyReLU.Backward", gradOut, l.Alpha)
}

// leakyForward is the forward pass of ReLU (alpha 0) and LeakyReLU.
//
// Both passes multiply by a factor picked from a table, slope[1] = 1 for a
// positive input, slope[0] = alpha otherwise, rather than branching on
// the sign: the signs of a layer's inputs are random, and a branch the
// processor cannot predict costs more than the multiplication. v·1 = v
// exactly, so the results are those of the if-else.
func leakyForward(a *actCache, x *mat.Dense, alpha float64) *mat.Dense {
	xr, yr := a.forward(x)
	slope := [2]float64{alpha, 1}
	for i := 0; i < xr.Rows; i++ {
		xs := row(xr, i)
		ys := row(yr, i)[:len(xs)]
		for j, v := range xs {
			ys[j] = v * slope[b2i(v > 0)]
		}
	}
	return a.out
}

// leakyBackward is the backward pass of ReLU (alpha 0) and LeakyReLU. With
// alpha ≥ 0 the output is positive exactly where the input was, so the
// cached output is enough.
func leakyBackward(a *actCache, op string, gradOut *mat.Dense, alpha float64) *mat.Dense {
	gr, yr, dxr := a.backward(op, gradOut)
	slope := [2]float64{alpha, 1}
	eachRowOf3(dxr, gr, yr, func(ds, gs, ys []float64) {
		ds, ys = ds[:len(gs)], ys[:len(gs)]
		for j, g := range gs {
			ds[j] = g * slope[b2i(ys[j] > 0)]
		}
	})
	return a.dx
}

// b2i is 1 for true and 0 for false; the compiler makes it a flag copy,
// not a branch.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Softmax turns each row of scores (logits) into a probability distribution:
// y_j = e^(x_j - m) / Σ_k e^(x_k - m), with m the row's maximum. Subtracting m
// changes nothing mathematically but keeps e^… from overflowing.
//
// When Softmax is followed by cross-entropy, a loss that takes the logits
// directly is both faster and more accurate than this layer plus a loss on
// probabilities; Softmax as a layer is for reading the probabilities out or
// for learning how its Jacobian works.
type Softmax struct{ actCache }

// Forward returns the row-wise softmax of x, owned by the layer.
func (s *Softmax) Forward(x *mat.Dense) *mat.Dense {
	xr, yr := s.forward(x)
	for i := 0; i < xr.Rows; i++ {
		xs := row(xr, i)
		ys := row(yr, i)[:len(xs)]
		m := math.Inf(-1)
		for _, v := range xs {
			m = math.Max(m, v)
		}
		var sum float64
		for j, v := range xs {
			ys[j] = math.Exp(v - m)
			sum += ys[j]
		}
		inv := 1 / sum
		for j := range ys {
			ys[j] *= inv
		}
	}
	return s.out
}

// Backward returns, for each row, y ⊙ (g - (g·y)): the product of the
// softmax Jacobian diag(y) - y yᵀ with the incoming gradient g, without
// forming the Jacobian. It panics if called before Forward or if gradOut is
// not the output's shape.
func (s *Softmax) Backward(gradOut *mat.Dense) *mat.Dense {
	gr, yr, dxr := s.backward("Softmax.Backward", gradOut)
	for i := 0; i < gr.Rows; i++ {
		gs := row(gr, i)
		ys, ds := row(yr, i)[:len(gs)], row(dxr, i)[:len(gs)]
		gy := kernel.Dot(gs, ys) // g·y
		for j, g := range gs {
			ds[j] = ys[j] * (g - gy)
		}
	}
	return s.dx
}

// Identity passes its input through unchanged: y = x. It is the "no
// activation" of a regression output layer. Unlike the other layers it
// returns its argument itself (no copy) from both Forward and Backward.
type Identity struct{}

// Forward returns x itself.
func (Identity) Forward(x *mat.Dense) *mat.Dense { return x }

// Backward returns gradOut itself.
func (Identity) Backward(gradOut *mat.Dense) *mat.Dense { return gradOut }

// Params returns nil: Identity has no parameters.
func (Identity) Params() []*Param { return nil }

// String methods name the parameterless activations in a model summary.
func (*Sigmoid) String() string { return "Sigmoid" }
func (*Tanh) String() string    { return "Tanh" }
func (*ReLU) String() string    { return "ReLU" }
func (*Softmax) String() string { return "Softmax" }
func (Identity) String() string { return "Identity" }
