package backprop

import "gonum.org/v1/gonum/blas/blas64"

// The three matrix products of a dense layer, written as plain loops over the
// raw row-major storage.
//
// Why not mat.Dense.Mul? For the small matrices of a course (a 32×16 batch
// times a 16×16 weight matrix) the fixed cost of a gonum/BLAS call is as
// large as the arithmetic itself; these loops have none. They also skip the
// zero entries of the input, which makes the products on image data (most
// pixels are 0) several times faster. Skipping 0·w is exact unless w is
// infinite or NaN, and then the loss is already NaN and training stops.
//
// Loop order is chosen so that the innermost loop walks contiguous rows
// (an "axpy": y += a·x), which the CPU's caches and prefetchers like.

// linearForward sets out = x·w + bias (bias broadcast to every row).
// Shapes: x r×k, w k×n, bias 1×n, out r×n; they are not checked here.
func linearForward(out, x, w blas64.General, bias []float64) {
	n := w.Cols
	bias = bias[:n]
	for i := 0; i < x.Rows; i++ {
		orow := out.Data[i*out.Stride : i*out.Stride+n]
		copy(orow, bias)
		xrow := x.Data[i*x.Stride : i*x.Stride+x.Cols]
		for p, a := range xrow {
			if a == 0 {
				continue
			}
			axpy(a, w.Data[p*w.Stride:p*w.Stride+n], orow)
		}
	}
}

// linearGradW adds xᵀ·g into dw and the column sums of g into db.
// Shapes: x r×k, g r×n, dw k×n, db 1×n.
func linearGradW(dw, x, g blas64.General, db []float64) {
	n := g.Cols
	db = db[:n]
	for i := 0; i < x.Rows; i++ {
		grow := g.Data[i*g.Stride : i*g.Stride+n]
		for j, v := range grow {
			db[j] += v
		}
		xrow := x.Data[i*x.Stride : i*x.Stride+x.Cols]
		for p, a := range xrow {
			if a == 0 {
				continue
			}
			axpy(a, grow, dw.Data[p*dw.Stride:p*dw.Stride+n])
		}
	}
}

// linearGradX sets dx = g·wᵀ. Shapes: g r×n, w k×n, dx r×k.
func linearGradX(dx, g, w blas64.General) {
	n := g.Cols
	for i := 0; i < g.Rows; i++ {
		grow := g.Data[i*g.Stride : i*g.Stride+n]
		dxrow := dx.Data[i*dx.Stride : i*dx.Stride+w.Rows]
		for p := range dxrow {
			dxrow[p] = dot(grow, w.Data[p*w.Stride:p*w.Stride+n])
		}
	}
}

// axpy adds a·x into y; len(y) must be at least len(x).
// Four independent lanes per iteration let the CPU overlap the work.
func axpy(a float64, x, y []float64) {
	y = y[:len(x)]
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
