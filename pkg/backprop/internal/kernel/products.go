package kernel

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// The three matrix products of a dense layer, written as one kernel.
//
// A row of x·W is a combination of the rows of W, weighted by the entries
// of the matching row of x:
//
//	(x·W)[i,:] = Σ_p x[i,p]·W[p,:]
//
// The same holds for the other two products of a layer: row p of xᵀ·G
// combines the rows of G, weighted by column p of x, and row i of G·Wᵀ
// combines the rows of Wᵀ, weighted by row i of G. combineRows computes one
// such row; the products list the non-zero weights first (sparseRows), so
// zero inputs cost nothing. That matters: 80% of the pixels of a digit
// image are 0, and ReLU zeroes about half of its outputs' gradients.
//
// Per call, a general-purpose matrix multiply (gonum's Gemm) checks its
// arguments, picks a strategy and walks blocks; for the products of a small
// network (32×16 times 16×16) that fixed cost is most of the time. The
// kernel here has none of it, and keeps a block of output sums (8 in Go,
// 16 in the AVX2 assembly, 32 with AVX-512) in registers while it walks
// the terms, rather than loading and storing the output row for every
// term. A matrix with few zeros (fewZeros) goes through combineDense, the
// same kernel for all its rows in one call; the weight gradient xᵀ·G reads
// x in place (combineDenseT, or scatterRow when x is listed) instead of
// transposing it.
//
// Every output element is accumulated in the same order whatever the sizes:
// start value (what the output held), then term by term in increasing p (or i, or j), with the
// zero weights of a listed matrix skipped (a zero term adds nothing).
// Each term is a multiply then an add, two roundings, except in the wide
// dense (not listed) products on a CPU with AVX-512 and FMA, where it is
// one fused multiply-add (fusedCols says which columns); that choice
// depends on the CPU, the shapes and the zeros sampled (fewZeros) only.
// Results are therefore identical from run to run on one machine, and, in
// the pure-Go build or without FMA, on every machine.

// sparseRows lists the non-zero entries of a matrix, row by row: the
// entries of row i are at positions start[i] to start[i+1]-1 of col (their
// column indices, increasing) and val (their values). The slices are reused
// from call to call, so a training step allocates nothing once they have
// grown to the batch's size.
//
// A matrix with few zeros (the usual case for the hidden values of a tanh
// network) is not listed: its rows are used as they are, zeros included,
// with the column indices 0, 1, 2, … (dense holds it, iota the indices).
// Skipping a zero term changes no sum (x + 0·w is x), so the choice only
// changes the speed: the dense kernels walk every term at full speed, the
// listed form skips the zeros.
type sparseRows struct {
	cols  int // every column index is below cols
	start []int
	col   []int
	val   []float64

	whole bool           // the matrix is used whole: dense and iota hold it
	dense blas64.General // the matrix, when whole
	iota  []int          // 0, 1, …, dense.Cols-1
	buf   []float64      // storage of a row of ones, or of a transposed whole matrix
}

// nnz returns the number of entries listed.
func (s *sparseRows) nnz() int {
	if s.whole {
		return s.dense.Rows * s.dense.Cols
	}
	return len(s.col)
}

// row returns the column indices and values of the non-zeros of row i.
func (s *sparseRows) row(i int) ([]int, []float64) {
	if s.whole {
		m := s.dense
		return s.iota, m.Data[i*m.Stride : i*m.Stride+m.Cols]
	}
	a, b := s.start[i], s.start[i+1]
	return s.col[a:b], s.val[a:b]
}

// setDense makes s the list of every entry of m.
func (s *sparseRows) setDense(m blas64.General) {
	s.whole, s.dense, s.cols = true, m, m.Cols
	if len(s.iota) != m.Cols {
		s.iota = growInts(s.iota, m.Cols)
		for p := range s.iota {
			s.iota[p] = p
		}
	}
}

// setOnes makes s the list of a row of n ones.
func (s *sparseRows) setOnes(n int) {
	if len(s.buf) != n || (n > 0 && s.buf[0] != 1) {
		s.buf = growFloats(s.buf, n)
		for i := range s.buf {
			s.buf[i] = 1
		}
	}
	s.setDense(blas64.General{Rows: 1, Cols: n, Stride: n, Data: s.buf})
}

// set makes s the entries of m: the whole matrix if it has few zeros
// (fewZeros), else the list of its non-zeros. s keeps a reference to m
// when whole: m must not change while s is in use.
func (s *sparseRows) set(m blas64.General) {
	if fewZeros(m) {
		s.setDense(m)
		return
	}
	s.list(m)
}

// fewZeros reports whether fewer than a quarter of the entries of the
// first, middle and last rows of m are zero: a sample, so that deciding
// costs nothing next to the product. Reading a whole batch of images
// before the product would cost as much as a tenth of a training step,
// because the batch comes from main memory: the product itself reads it
// while it computes. On images with a black background (80% zeros) the
// listed form does a fifth of the work; with under a quarter of zeros the
// dense kernels are faster.
func fewZeros(m blas64.General) bool {
	if m.Rows == 0 || m.Cols == 0 {
		return true
	}
	zeros := 0
	rows := []int{0, m.Rows / 2, m.Rows - 1}
	if m.Rows < 3 {
		rows = rows[:m.Rows]
	}
	for _, i := range rows {
		zeros += countZeros(m.Data[i*m.Stride : i*m.Stride+m.Cols])
	}
	return 4*zeros < len(rows)*m.Cols
}

// countZeros returns the number of elements of v equal to 0 (or −0),
// without a branch per element (see list).
func countZeros(v []float64) int {
	n := 0
	for _, x := range v {
		b := math.Float64bits(x) << 1 // 0 only for ±0
		n += int((b|-b)>>63) ^ 1
	}
	return n
}

// list makes s the list of the non-zero entries of m.
func (s *sparseRows) list(m blas64.General) {
	s.whole, s.cols = false, m.Cols
	s.start = growInts(s.start, m.Rows+1)
	// 8 more: listNonZeroAVX512 stores eight entries at a time.
	s.col = growInts(s.col, m.Rows*m.Cols+8)
	s.val = growFloats(s.val, m.Rows*m.Cols+8)
	col, val := s.col, s.val
	// Every entry is written at position k, which only moves on past a
	// non-zero: a zero is overwritten by the next entry. Computing the step
	// (0 or 1) from the bits instead of with an if avoids a mispredicted
	// branch on every other pixel of an image. With AVX-512, assembly
	// lists the entries eight at a time, the same way.
	k := 0
	s.start[0] = 0
	for i := 0; i < m.Rows; i++ {
		r := m.Data[i*m.Stride : i*m.Stride+m.Cols]
		p := 0
		if useAVX512 && len(r) >= 8 {
			p = len(r) &^ 7
			k += listNonZeroAVX512(col[k:], val[k:], r[:p])
		}
		for ; p < len(r); p++ {
			v := r[p]
			col[k], val[k] = p, v
			b := math.Float64bits(v) << 1 // 0 only for ±0
			k += int((b | -b) >> 63)
		}
		s.start[i+1] = k
	}
	s.col, s.val = col[:k], val[:k]
}

// mustFit panics unless every column index of s is a row of b: the
// assembly kernel does not check its indices, so the products check them
// here, once for all rows.
func mustFit(s *sparseRows, b blas64.General) {
	if s.cols > b.Rows {
		panic(fmt.Sprintf("backprop: internal error: %d columns combine %d rows", s.cols, b.Rows))
	}
}

// growInts returns s resized to n elements, reusing its array if it can.
func growInts(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n)
	}
	return s[:n]
}

// growFloats returns s resized to n elements, reusing its array if it can.
func growFloats(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n)
	}
	return s[:n]
}

// combineRows adds Σ_t val[t]·b[idx[t],:] to dst, which has b.Cols
// elements; len(val) must be len(idx), and every idx[t] a row of b (see
// mustFit).
//
// On amd64 with AVX2, an assembly version computes four columns per
// instruction (combineRowsAVX2, products_amd64.s); with AVX-512,
// eight, the last few under a mask, so that a narrow output (the ten
// classes of a digit classifier) needs no column-by-column loop. Both do
// exactly the operations of combineRowsGo (a multiply, then an add, both
// rounded), so the results are the same bit for bit on every machine.
// Build with -tags purego to use the Go version everywhere.
func combineRows(dst []float64, idx []int, val []float64, b blas64.General) {
	n := b.Cols
	dst = dst[:n]
	val = val[:len(idx)]
	bData := b.Data[:(b.Rows-1)*b.Stride+n]
	j := 0
	switch {
	case useAVX512:
		combineRowsAVX512(dst, idx, val, bData, b.Stride)
		return
	case useAVX2 && n >= 4:
		j = n &^ 3
		combineRowsAVX2(dst[:j], idx, val, bData, b.Stride)
	}
	combineRowsGo(dst, idx, val, b, j)
}

// combineDense adds a·b to dst, where s lists the whole matrix a (a r×k,
// b k×n, dst r×n): combineRows for every row of a, in one call.
func combineDense(dst blas64.General, s *sparseRows, b blas64.General) {
	a := s.dense
	if a.Rows != dst.Rows || a.Cols != b.Rows || b.Cols != dst.Cols {
		panic(fmt.Sprintf("backprop: internal error: combineDense of %d×%d by %d×%d into %d×%d",
			a.Rows, a.Cols, b.Rows, b.Cols, dst.Rows, dst.Cols))
	}
	n := b.Cols
	j := combineDenseSIMD(dst.Data[:(dst.Rows-1)*dst.Stride+n], dst.Stride, dst.Rows,
		a.Data[:(a.Rows-1)*a.Stride+a.Cols], a.Stride, 1, a.Cols,
		b.Data[:(b.Rows-1)*b.Stride+n], b.Stride, n)
	if j == n {
		return
	}
	// The last columns (fewer than 4), one at a time, for four rows at once:
	// one column's sum is a chain of dependent additions, four rows' sums
	// are four chains the processor can interleave.
	k := a.Cols
	for ; j < n; j++ {
		i := 0
		for ; i+4 <= a.Rows; i += 4 {
			r0 := a.Data[i*a.Stride : i*a.Stride+k]
			r1 := a.Data[(i+1)*a.Stride : (i+1)*a.Stride+k]
			r2 := a.Data[(i+2)*a.Stride : (i+2)*a.Stride+k]
			r3 := a.Data[(i+3)*a.Stride : (i+3)*a.Stride+k]
			d := dst.Data[i*dst.Stride+j:]
			s0, s1, s2, s3 := d[0], d[dst.Stride], d[2*dst.Stride], d[3*dst.Stride]
			for p, v := range r0 {
				w := b.Data[p*b.Stride+j]
				s0 += float64(v * w)
				s1 += float64(r1[p] * w)
				s2 += float64(r2[p] * w)
				s3 += float64(r3[p] * w)
			}
			d[0], d[dst.Stride], d[2*dst.Stride], d[3*dst.Stride] = s0, s1, s2, s3
		}
		for ; i < a.Rows; i++ {
			combineRowsGo(dst.Data[i*dst.Stride:i*dst.Stride+j+1], s.iota, a.Data[i*a.Stride:i*a.Stride+k], b, j)
		}
	}
}

// combineDenseSIMD runs the assembly kernels on the first columns of a
// product (arguments as for combineDenseAVX2, dst and b sliced to their
// last element) and returns how many columns they did: fusedCols(n) with
// AVX-512 and FMA, four rows at a time; otherwise 16 with AVX-512, two
// rows at a time, when 16 ≤ n; then up to n&^3 with AVX2; 0 without AVX2.
func combineDenseSIMD(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int) int {
	j := 0
	switch {
	case fusedCols(n) > 0:
		j = fusedCols(n)
		quads := rows &^ 3
		if quads > 0 {
			combineDenseQuadsFMA512(dst, dstStride, quads, a, aStride, aStep, k, b, bStride, j)
		}
		if quads < rows {
			combineDenseFMA512(dst[quads*dstStride:], dstStride, rows-quads, a[quads*aStride:], aStride, aStep, k, b, bStride, j)
		}
	case useAVX512 && n >= 16 && rows >= 2:
		j = 16
		pairs := rows &^ 1
		combineDensePairsAVX512(dst, dstStride, pairs, a, aStride, aStep, k, b, bStride, j)
		if pairs < rows {
			combineDenseAVX2(dst[pairs*dstStride:], dstStride, 1, a[pairs*aStride:], aStride, aStep, k, b, bStride, j)
		}
	}
	if useAVX2 && n&^3 > j {
		combineDenseAVX2(dst[j:], dstStride, rows, a, aStride, aStep, k, b[j:], bStride, n&^3-j)
		j = n &^ 3
	}
	return j
}

// fusedCols returns how many of the first columns of an n-column dense
// product (combineDense, combineDenseT) are computed with fused
// multiply-adds: n&^31 on a CPU with AVX-512 and FMA (useFMA), 0
// otherwise. Those columns get, term by term in the same order,
//
//	s = math.FMA(a[i,p], b[p,j], s)
//
// one rounding per term instead of two: the wide products of W1 are
// limited by arithmetic, and a fused multiply-add is one instruction
// where a multiply and an add are two. The other columns, the products
// of matrices with zeros (combineRows, scatterRow) and the pure-Go build
// round twice, as combineRowsGo does. Which columns are fused depends on
// the CPU and the shape only, so results are the same from run to run.
func fusedCols(n int) int {
	if useFMA && n >= 32 {
		return n &^ 31
	}
	return 0
}

// combineDenseT adds aᵀ·b to dst (a r×k, b r×n, dst k×n), with the
// assembly kernel of combineDense reading a column by column: every
// element receives its terms in increasing row order, as combineDense of
// a transposed copy of a would give them, without making the copy. Only
// with AVX2 (useAVX2): the Go kernels need the copy to go fast.
func combineDenseT(dst, a, b blas64.General) {
	if a.Rows != b.Rows || a.Cols != dst.Rows || b.Cols != dst.Cols {
		panic(fmt.Sprintf("backprop: internal error: combineDenseT of (%d×%d)ᵀ by %d×%d into %d×%d",
			a.Rows, a.Cols, b.Rows, b.Cols, dst.Rows, dst.Cols))
	}
	r, k, n := a.Rows, a.Cols, b.Cols
	aData, bData := a.Data[:(r-1)*a.Stride+k], b.Data[:(r-1)*b.Stride+n]
	if n == 1 && dst.Stride == 1 {
		// One column: dstᵀ = bᵀ·a, a row combining the rows of a, so
		// that the kernel works along a's rows rather than down one long
		// chain of additions per element.
		dst, a, b = blas64.General{Rows: 1, Cols: k, Stride: k, Data: dst.Data[:k]}, b, a
		aData, bData = bData, aData
		n = k
	}
	j := combineDenseSIMD(dst.Data[:(dst.Rows-1)*dst.Stride+n], dst.Stride, dst.Rows,
		aData, 1, a.Stride, r, bData, b.Stride, n)
	for ; j < n; j++ {
		for p := 0; p < dst.Rows; p++ {
			s := dst.Data[p*dst.Stride+j]
			for i := 0; i < r; i++ {
				s += float64(aData[i*a.Stride+p] * bData[i*b.Stride+j])
			}
			dst.Data[p*dst.Stride+j] = s
		}
	}
}

// combineRowsGo is combineRows for the columns from j on. Eight (then
// four, then one) columns at a time, the sums stay in registers for the
// whole walk over the terms. The conversions float64(a*r) forbid the
// compiler to fuse the multiply and the add into one instruction (it may
// on some processors), so that every build rounds the same way.
func combineRowsGo(dst []float64, idx []int, val []float64, b blas64.General, j int) {
	n := len(dst)
	data, stride := b.Data, b.Stride
	for ; j+8 <= n; j += 8 {
		d := dst[j : j+8 : j+8]
		s0, s1, s2, s3, s4, s5, s6, s7 := d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7]
		for t, p := range idx {
			a := val[t]
			r := data[p*stride+j : p*stride+j+8 : p*stride+j+8]
			s0 += float64(a * r[0])
			s1 += float64(a * r[1])
			s2 += float64(a * r[2])
			s3 += float64(a * r[3])
			s4 += float64(a * r[4])
			s5 += float64(a * r[5])
			s6 += float64(a * r[6])
			s7 += float64(a * r[7])
		}
		d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7] = s0, s1, s2, s3, s4, s5, s6, s7
	}
	for ; j+4 <= n; j += 4 {
		d := dst[j : j+4 : j+4]
		s0, s1, s2, s3 := d[0], d[1], d[2], d[3]
		for t, p := range idx {
			a := val[t]
			r := data[p*stride+j : p*stride+j+4 : p*stride+j+4]
			s0 += float64(a * r[0])
			s1 += float64(a * r[1])
			s2 += float64(a * r[2])
			s3 += float64(a * r[3])
		}
		d[0], d[1], d[2], d[3] = s0, s1, s2, s3
	}
	for ; j < n; j++ {
		s := dst[j]
		for t, p := range idx {
			s += float64(val[t] * data[p*stride+j])
		}
		dst[j] = s
	}
}

// useBLAS, set in the build with the tag openblas (openblas.go),
// sends large products to the BLAS library through gonum's blas64.Gemm.
var useBLAS = false

// blasPays reports whether a product of an r×k matrix with nnz non-zero
// entries by a k×n one should go to BLAS: OpenBLAS only wins when there is
// enough work to amortise its fixed cost per call (about 64³
// multiply-adds), when at least a quarter of the entries are non-zero
// (otherwise the kernel here, which skips them, does less work; measured
// on W1's images, 19% non-zero), and when the kernels here do not already
// run at the processor's peak: with AVX-512 and FMA (fusedCols) they
// match OpenBLAS on these sizes without its cost per call (W1 on dense
// inputs: 0.50 s per epoch, against 0.85 s through OpenBLAS).
func blasPays(r, k, n, nnz int) bool {
	return useBLAS && fusedCols(n) == 0 && r*k*n >= 1<<18 && 4*nnz >= r*k
}

// linearForward sets out = x·w + bias (bias added to every row). xs lists
// the non-zero entries of x, unless it is nil: then BLAS computes the
// product. Shapes: x r×k, w k×n, bias 1×n, out r×n; they are not checked
// here.
func linearForward(out, x blas64.General, xs *sparseRows, w blas64.General, bias []float64) {
	n := w.Cols
	bias = bias[:n]
	if out.Stride == n {
		// Contiguous rows: copy the rows done so far after themselves,
		// doubling; a copy per row costs a call for a handful of numbers.
		all := out.Data[:out.Rows*n]
		done := copy(all, bias)
		for done < len(all) {
			done += copy(all[done:], all[:done])
		}
	} else {
		for i := 0; i < out.Rows; i++ {
			copy(out.Data[i*out.Stride:i*out.Stride+n], bias)
		}
	}
	if xs == nil {
		blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, x, w, 1, out)
		return
	}
	if xs.whole {
		combineDense(out, xs, w)
		return
	}
	mustFit(xs, w)
	for i := 0; i < out.Rows; i++ {
		idx, val := xs.row(i)
		combineRows(out.Data[i*out.Stride:i*out.Stride+n], idx, val, w)
	}
}

// linearGradW adds xᵀ·g into dw. xs lists the non-zero entries of x,
// unless it is nil: then BLAS computes the product; xt is scratch space for
// xᵀ. Shapes: x r×k, g r×n, dw k×n.
//
// For a matrix x with zeros, each non-zero x[i,p] adds x[i,p]·g[i,:] to
// row p of dw (scatterRow), rows i in increasing order, so that every
// element of dw receives its terms in the order of the dense product, and
// the same bits. The rows of dw are taken in blocks small enough to stay
// in the fastest cache (scatterBlocks): adding a term reads and writes a
// whole row of dw, and over all the rows of x at once those trips would go
// to a slower cache.
func linearGradW(dw, x blas64.General, xs, xt *sparseRows, g blas64.General) {
	switch {
	case xs == nil:
		blas64.Gemm(blas.Trans, blas.NoTrans, 1, x, g, 1, dw)
	case xs.whole && useAVX2:
		combineDenseT(dw, x, g)
	case xs.whole:
		tr := transposeInto(xt.buf, x)
		xt.buf = tr.Data
		xt.setDense(tr)
		combineDense(dw, xt, g)
	default:
		mustFit(xs, dw)
		xt.start = scatterBlocks(dw, xs, g, xt.start)
	}
}

// scatterBlocks adds xᵀ·g to dw, where xs lists the non-zeros of x, by
// blocks of rows of dw: for each block, for each row i of x in order, the
// entries of row i whose columns fall in the block. next is scratch space
// (returned, to be reused): where each row of x resumes.
func scatterBlocks(dw blas64.General, xs *sparseRows, g blas64.General, next []int) []int {
	n := g.Cols
	// 32 rows of 128 columns are 32 kB: with the row of g, within the
	// 48 kB first-level data cache of current x86 cores.
	block := max(4, (32<<10)/(8*max(n, 1)))
	rows := len(xs.start) - 1
	next = growInts(next, rows)
	copy(next, xs.start[:rows])
	for p0 := 0; p0 < dw.Rows; p0 += block {
		p1 := p0 + block
		last := p1 >= dw.Rows
		for i := 0; i < rows; i++ {
			a, b, end := next[i], next[i], xs.start[i+1]
			if last {
				b = end // every entry left is in the last block
			}
			for b < end && xs.col[b] < p1 {
				b++
			}
			if b > a {
				scatterRow(dw, xs.col[a:b], xs.val[a:b], g.Data[i*g.Stride:i*g.Stride+n])
				next[i] = b
			}
		}
	}
	return next
}

// scatterRow adds val[t]·src to row idx[t] of dst, for every t; src has
// dst.Cols elements and every idx[t] is a row of dst (see mustFit). With
// AVX2, assembly (scatterRowAVX2) does the columns four at a time, or
// eight with AVX-512 (the last few under a mask), with the roundings of
// the Go loop: a multiply, then an add.
func scatterRow(dst blas64.General, idx []int, val, src []float64) {
	n := len(src)
	val = val[:len(idx)]
	data := dst.Data[:(dst.Rows-1)*dst.Stride+n]
	j := 0
	switch {
	case useAVX512:
		scatterRowAVX512(data, dst.Stride, idx, val, src)
		return
	case useAVX2 && n >= 4:
		j = n &^ 3
		scatterRowAVX2(data, dst.Stride, idx, val, src[:j])
	}
	if j == n {
		return
	}
	for t, p := range idx {
		a := val[t]
		d := dst.Data[p*dst.Stride+j : p*dst.Stride+n]
		for c, v := range src[j:n] {
			d[c] += float64(a * v)
		}
	}
}

// linearGradX sets dx = g·wᵀ, where gs lists the non-zero entries of g and
// wt holds wᵀ. Shapes: g r×n, wt n×k, dx r×k.
func linearGradX(dx blas64.General, gs *sparseRows, wt blas64.General) {
	k := wt.Cols
	if dx.Stride == k {
		clear(dx.Data[:dx.Rows*k])
	} else {
		for i := 0; i < dx.Rows; i++ {
			clear(dx.Data[i*dx.Stride : i*dx.Stride+k])
		}
	}
	if gs.whole {
		combineDense(dx, gs, wt)
		return
	}
	mustFit(gs, wt)
	for i := 0; i < dx.Rows; i++ {
		dxrow := dx.Data[i*dx.Stride : i*dx.Stride+k]
		idx, val := gs.row(i)
		combineRows(dxrow, idx, val, wt)
	}
}

// transposeInto sets dst (n×k, contiguous, reused) to the transpose of m
// (k×n) and returns it. Four rows of m at a time, so that each write fills
// four consecutive elements of a row of the transpose.
func transposeInto(dst []float64, m blas64.General) blas64.General {
	dst = growFloats(dst, m.Rows*m.Cols)
	t := blas64.General{Rows: m.Cols, Cols: m.Rows, Stride: m.Rows, Data: dst}
	p := 0
	for ; p+4 <= m.Rows; p += 4 {
		r0 := m.Data[p*m.Stride : p*m.Stride+m.Cols]
		r1 := m.Data[(p+1)*m.Stride:][:len(r0)]
		r2 := m.Data[(p+2)*m.Stride:][:len(r0)]
		r3 := m.Data[(p+3)*m.Stride:][:len(r0)]
		for j, v := range r0 {
			d := dst[j*t.Stride+p : j*t.Stride+p+4 : j*t.Stride+p+4]
			d[0], d[1], d[2], d[3] = v, r1[j], r2[j], r3[j]
		}
	}
	for ; p < m.Rows; p++ {
		for j, v := range m.Data[p*m.Stride : p*m.Stride+m.Cols] {
			dst[j*t.Stride+p] = v
		}
	}
	return t
}

// Dot returns Σ x[i]·y[i]; len(y) must be at least len(x). The four partial
// sums are added in a fixed order, so the result is deterministic.
func Dot(x, y []float64) float64 {
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
