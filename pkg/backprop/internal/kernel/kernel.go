// Package kernel is the fast path of package backprop: the arithmetic of a
// training step (the products of a dense layer, tanh, the update w −= lr·g,
// the test for NaN and infinities) computed with hand-written kernels, SIMD
// assembly on amd64 and, in the build with the tag openblas, OpenBLAS.
//
// Each exported function is named after the formula it computes, which is
// also the formula the caller in package backprop states: the layers,
// activations and optimizers read as the lecture, one call above this
// package, and nothing here changes what they compute, only how fast.
//
// Every function does the floating-point operations of its formula in a
// fixed order (see products.go for the products): results are the same from
// run to run on one machine and, in the pure-Go build (-tags purego) or on
// a CPU without FMA, on every machine. The matrices passed in must have the
// shapes the doc comments give: the callers in backprop check them, with
// messages that name the layer, and this package only checks what the
// assembly would otherwise get wrong.
package kernel

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// Linear computes the three products of a dense layer y = x·W + b, with
// the scratch space they reuse from call to call (the lists of non-zero
// entries of x and of the gradient, transposes), so that a training step
// allocates nothing once it has grown to the batch's size. The zero value
// is ready to use; one Linear serves one layer.
type Linear struct {
	xs, xt, gs sparseRows
	ones       sparseRows // a row of ones, to sum the rows of g
	wt         []float64  // storage of Wᵀ
	viaBLAS    bool       // the last XWPlusB multiplied through BLAS
}

// XWPlusB sets out = x·w + b, b (1×n) added to every row (x r×k, w k×n,
// out r×n). It lists the non-zero entries of x for AddXTG, which must get
// the same x, unchanged.
func (k *Linear) XWPlusB(out, x, w, b *mat.Dense) {
	xr := x.RawMatrix()
	k.xs.set(xr)
	xs := &k.xs // the non-zeros of x, or nil to multiply through BLAS
	k.viaBLAS = blasPays(xr.Rows, xr.Cols, w.RawMatrix().Cols, xs.nnz())
	if k.viaBLAS {
		xs = nil
	}
	linearForward(out.RawMatrix(), xr, xs, w.RawMatrix(), b.RawMatrix().Data)
}

// AddXTG adds xᵀ·g into dw (x r×k as given to the last XWPlusB, g r×n,
// dw k×n).
func (k *Linear) AddXTG(dw, x, g *mat.Dense) {
	xs := &k.xs
	if k.viaBLAS {
		xs = nil
	}
	linearGradW(dw.RawMatrix(), x.RawMatrix(), xs, &k.xt, g.RawMatrix())
}

// AddColSums adds the column sums of g, Σ over its rows, into db (1×n, g
// r×n). They are the product of a row of ones by g, computed by the same
// kernel (1·v is v exactly: the sums are those of a plain loop).
func (k *Linear) AddColSums(db, g *mat.Dense) {
	gr := g.RawMatrix()
	k.ones.setOnes(gr.Rows)
	n := gr.Cols
	combineDense(blas64.General{Rows: 1, Cols: n, Stride: n, Data: db.RawMatrix().Data[:n]}, &k.ones, gr)
}

// GWT sets dx = g·wᵀ (g r×n, w k×n, dx r×k).
func (k *Linear) GWT(dx, g, w *mat.Dense) {
	gr, wr := g.RawMatrix(), w.RawMatrix()
	k.gs.set(gr)
	if blasPays(gr.Rows, gr.Cols, wr.Rows, k.gs.nnz()) {
		blas64.Gemm(blas.NoTrans, blas.Trans, 1, gr, wr, 0, dx.RawMatrix())
		return
	}
	wt := transposeInto(k.wt, wr)
	k.wt = wt.Data
	linearGradX(dx.RawMatrix(), &k.gs, wt)
}

// ViaBLAS reports whether the last XWPlusB multiplied through BLAS (only
// in the build with the tag openblas).
func (k *Linear) ViaBLAS() bool { return k.viaBLAS }

// Tanh sets y = tanh(x), element by element (x and y of the same shape),
// within 2 units in the last place of math.Tanh (see tanh).
func Tanh(y, x *mat.Dense) {
	eachRow2(y.RawMatrix(), x.RawMatrix(), tanhSlice)
}

// MulOneMinusSquare sets dx = g ⊙ (1 − y²), element by element (the
// backward pass of tanh, y its output; all three of the same shape).
func MulOneMinusSquare(dx, g, y *mat.Dense) {
	d, gr, yr := dx.RawMatrix(), g.RawMatrix(), y.RawMatrix()
	if contiguous(d) && contiguous(gr) && contiguous(yr) {
		n := gr.Rows * gr.Cols
		tanhGrad(d.Data[:n], gr.Data[:n], yr.Data[:n])
		return
	}
	for i := 0; i < gr.Rows; i++ {
		tanhGrad(row(d, i), row(gr, i), row(yr, i))
	}
}

// SubScaled sets w −= lr·g, element by element (w and g of the same
// shape), with the roundings of w − float64(lr·g): a multiply, then a
// subtraction.
func SubScaled(w *mat.Dense, lr float64, g *mat.Dense) {
	eachRow2(w.RawMatrix(), g.RawMatrix(), func(w, g []float64) { sgdStep(w, g, lr) })
}

// contiguous reports whether the rows of m follow each other in Data.
func contiguous(m blas64.General) bool { return m.Stride == m.Cols }

// row returns row i of m as a slice of length m.Cols.
func row(m blas64.General, i int) []float64 {
	return m.Data[i*m.Stride : i*m.Stride+m.Cols]
}

// eachRow2 calls fn with the matching rows of two matrices of the same
// shape: all of them at once when both are contiguous (one call, one tight
// loop), else row by row. fn does not escape, so a closure costs no
// allocation.
func eachRow2(a, b blas64.General, fn func(a, b []float64)) {
	if contiguous(a) && contiguous(b) {
		n := b.Rows * b.Cols
		fn(a.Data[:n], b.Data[:n])
		return
	}
	for i := 0; i < b.Rows; i++ {
		fn(row(a, i), row(b, i))
	}
}
