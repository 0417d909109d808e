package backprop

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// The three matrix products of a dense layer.
//
// gonum's Gemm (its pure-Go BLAS, with SIMD assembly inner loops) is the
// fastest choice measured here, from a 32×16 batch times a 16×16 matrix up
// to 64×784 times 784×128 (BenchmarkLinearForward). Its serial kernels walk
// rows of the output with y += a·x updates and skip a = 0, which suits
// image inputs where most pixels are 0. When the output spans 4 or more
// 64×64 blocks, Gemm splits the work over goroutines, and that allocates;
// a training step must not, so for such shapes the same algorithm runs
// here, serially, in plain loops (gemmSerialOK decides).

// gemmSerialOK reports whether gonum's Gemm computes an m×n product on the
// calling goroutine (fewer than 4 blocks of 64×64, gonum v0.17).
func gemmSerialOK(m, n int) bool {
	return ((m+63)/64)*((n+63)/64) < 4
}

// linearForward sets out = x·w + bias (bias broadcast to every row).
// Shapes: x r×k, w k×n, bias 1×n, out r×n; they are not checked here.
func linearForward(out, x, w blas64.General, bias []float64) {
	n := w.Cols
	bias = bias[:n]
	for i := 0; i < out.Rows; i++ {
		copy(out.Data[i*out.Stride:i*out.Stride+n], bias)
	}
	if gemmSerialOK(out.Rows, n) {
		blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, x, w, 1, out)
		return
	}
	for i := 0; i < x.Rows; i++ {
		orow := out.Data[i*out.Stride : i*out.Stride+n]
		for p, a := range x.Data[i*x.Stride : i*x.Stride+x.Cols] {
			if a != 0 {
				axpy(a, w.Data[p*w.Stride:p*w.Stride+n], orow)
			}
		}
	}
}

// linearGradW adds xᵀ·g into dw and the column sums of g into db.
// Shapes: x r×k, g r×n, dw k×n, db 1×n.
func linearGradW(dw, x, g blas64.General, db []float64) {
	n := g.Cols
	db = db[:n]
	for i := 0; i < g.Rows; i++ {
		for j, v := range g.Data[i*g.Stride : i*g.Stride+n] {
			db[j] += v
		}
	}
	if gemmSerialOK(dw.Rows, n) {
		blas64.Gemm(blas.Trans, blas.NoTrans, 1, x, g, 1, dw)
		return
	}
	for i := 0; i < x.Rows; i++ {
		grow := g.Data[i*g.Stride : i*g.Stride+n]
		for p, a := range x.Data[i*x.Stride : i*x.Stride+x.Cols] {
			if a != 0 {
				axpy(a, grow, dw.Data[p*dw.Stride:p*dw.Stride+n])
			}
		}
	}
}

// linearGradX sets dx = g·wᵀ. Shapes: g r×n, w k×n, dx r×k.
func linearGradX(dx, g, w blas64.General) {
	if gemmSerialOK(dx.Rows, dx.Cols) {
		blas64.Gemm(blas.NoTrans, blas.Trans, 1, g, w, 0, dx)
		return
	}
	n := g.Cols
	for i := 0; i < g.Rows; i++ {
		grow := g.Data[i*g.Stride : i*g.Stride+n]
		dxrow := dx.Data[i*dx.Stride : i*dx.Stride+w.Rows]
		for p := range dxrow {
			dxrow[p] = dot(grow, w.Data[p*w.Stride:p*w.Stride+n])
		}
	}
}

// blasMinLen is the row length from which axpy hands over to gonum's
// assembly (SIMD) kernel, whose fixed cost per call only pays off on long
// rows.
const blasMinLen = 64

// axpy adds a·x into y; len(y) must be at least len(x).
// Four independent lanes per iteration let the CPU overlap the work.
func axpy(a float64, x, y []float64) {
	y = y[:len(x)]
	if len(x) >= blasMinLen {
		blas64.Axpy(a, blas64.Vector{N: len(x), Inc: 1, Data: x}, blas64.Vector{N: len(x), Inc: 1, Data: y})
		return
	}
	i := 0
	for ; i+4 <= len(x); i += 4 {
		xs := x[i : i+4 : i+4]
		ys := y[i : i+4 : i+4]
		ys[0] += a * xs[0]
		ys[1] += a * xs[1]
		ys[2] += a * xs[2]
		ys[3] += a * xs[3]
	}
	for ; i < len(x); i++ {
		y[i] += a * x[i]
	}
}

// dot returns Σ x[i]·y[i]; len(y) must be at least len(x). The four partial
// sums are added in a fixed order, so the result is deterministic.
func dot(x, y []float64) float64 {
	y = y[:len(x)]
	var s0, s1, s2, s3 float64
	i := 0
	for ; i+4 <= len(x); i += 4 {
		xs := x[i : i+4 : i+4]
		ys := y[i : i+4 : i+4]
		s0 += xs[0] * ys[0]
		s1 += xs[1] * ys[1]
		s2 += xs[2] * ys[2]
		s3 += xs[3] * ys[3]
	}
	for ; i < len(x); i++ {
		s0 += x[i] * y[i]
	}
	return (s0 + s1) + (s2 + s3)
}
