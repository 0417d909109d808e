package kernel

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// TestCombineRowsKernels checks that the kernel in use (assembly on amd64
// with AVX2) gives the Go kernel's results bit for bit, for every width
// from 1 to 40 columns, strided matrices, repeated and absent rows.
func TestCombineRowsKernels(t *testing.T) {
	rng := newRand(7)
	for n := 1; n <= 40; n++ {
		for _, terms := range []int{0, 1, 3, 17} {
			rows, stride := 9, n+3
			b := blas64.General{Rows: rows, Cols: n, Stride: stride, Data: make([]float64, (rows-1)*stride+n)}
			for i := range b.Data {
				b.Data[i] = rng.NormFloat64() * math.Exp(4*rng.NormFloat64())
			}
			idx := make([]int, terms)
			val := make([]float64, terms)
			for k := range idx {
				idx[k] = rng.IntN(rows)
				val[k] = rng.NormFloat64()
			}
			start := make([]float64, n)
			for j := range start {
				start[j] = rng.NormFloat64()
			}
			got := append([]float64(nil), start...)
			combineRows(got, idx, val, b)
			want := append([]float64(nil), start...)
			combineRowsGo(want, idx, val, b, 0)
			for j := range want {
				if math.Float64bits(got[j]) != math.Float64bits(want[j]) {
					t.Fatalf("n=%d terms=%d: column %d is %v, the Go kernel gives %v", n, terms, j, got[j], want[j])
				}
				// The reference: the same sum, term by term.
				s := start[j]
				for k, p := range idx {
					s += float64(val[k] * b.Data[p*stride+j])
				}
				if s != want[j] {
					t.Fatalf("n=%d terms=%d: column %d is %v, want %v", n, terms, j, want[j], s)
				}
			}
		}
	}
}

// TestSparseRowsSet checks the entries set gives for a matrix with many
// zeros (listed entry by entry) and one without (used as it is).
func TestSparseRowsSet(t *testing.T) {
	for _, c := range []struct {
		name string
		m    blas64.General
	}{
		{"zeros", blas64.General{Rows: 3, Cols: 4, Stride: 5, Data: []float64{
			0, 1, 0, 2, 99,
			0, 0, 0, 0, 99,
			3, 0, 4, 5,
		}}},
		{"no zeros", blas64.General{Rows: 2, Cols: 3, Stride: 4, Data: []float64{
			1, 2, 3, 99,
			4, 5, 6,
		}}},
	} {
		var s sparseRows
		s.set(c.m)
		checkSparseRows(t, c.name, &s, c.m)
	}
}

// checkSparseRows checks that s lists the non-zeros of m, each row's in
// increasing order.
func checkSparseRows(t *testing.T, name string, s *sparseRows, m blas64.General) {
	t.Helper()
	rows, cols := m.Rows, m.Cols
	at := func(i, p int) float64 { return m.Data[i*m.Stride+p] }
	for i := 0; i < rows; i++ {
		idx, val := s.row(i)
		dense := make([]float64, cols)
		prev := -1
		for k, p := range idx {
			if p <= prev {
				t.Errorf("%s: row %d: columns %v not increasing", name, i, idx)
			}
			prev = p
			dense[p] = val[k]
		}
		for p := range dense {
			if dense[p] != at(i, p) {
				t.Errorf("%s: row %d: entry %d is %v, want %v", name, i, p, dense[p], at(i, p))
			}
		}
	}
}

// TestCombineDense checks the one-call product of a matrix without zeros
// against combineRowsGo row by row (combineRowsFused for the columns the
// kernel fuses, see fusedCols), bit for bit, for widths 1 to 40 and
// strided matrices.
func TestCombineDense(t *testing.T) {
	rng := newRand(9)
	fill := func(r, c, stride int) blas64.General {
		m := blas64.General{Rows: r, Cols: c, Stride: stride, Data: make([]float64, (r-1)*stride+c)}
		for i := range m.Data {
			m.Data[i] = rng.NormFloat64() + 3 // no zeros
		}
		return m
	}
	for n := 1; n <= 40; n++ {
		for _, k := range []int{1, 3, 16} {
			a, b := fill(5, k, k+2), fill(k, n, n+1)
			got, want := fill(5, n, n+3), fill(5, n, n+3)
			copy(want.Data, got.Data)
			var s sparseRows
			s.set(a)
			if !s.whole {
				t.Fatal("a matrix without zeros is not listed whole")
			}
			combineDense(got, &s, b)
			f := fusedCols(n)
			for i := 0; i < a.Rows; i++ {
				w := want.Data[i*want.Stride : i*want.Stride+n]
				r := a.Data[i*a.Stride : i*a.Stride+k]
				combineRowsFused(w[:f], s.iota, r, b)
				combineRowsGo(w, s.iota, r, b, f)
			}
			for i := range got.Data {
				if math.Float64bits(got.Data[i]) != math.Float64bits(want.Data[i]) {
					t.Fatalf("n=%d k=%d: element %d is %v, want %v", n, k, i, got.Data[i], want.Data[i])
				}
			}
		}
	}
}

// combineRowsFused is combineRowsGo with math.FMA: it adds
// Σ_t val[t]·b[idx[t],j] to dst[j], one fused multiply-add per term, in
// increasing t, for every column j of dst.
func combineRowsFused(dst []float64, idx []int, val []float64, b blas64.General) {
	for j := range dst {
		s := dst[j]
		for t, p := range idx {
			s = math.FMA(val[t], b.Data[p*b.Stride+j], s)
		}
		dst[j] = s
	}
}

// TestCountZeros puts one zero (or −0, or nothing) at every position of
// slices of every length up to 40, beside a NaN (not a zero, as in Go).
func TestCountZeros(t *testing.T) {
	for n := 1; n <= 40; n++ {
		for pos := -1; pos < n; pos++ {
			for _, z := range []float64{0, math.Copysign(0, -1)} {
				v := make([]float64, n)
				for i := range v {
					v[i] = float64(i+1) * 0.5
				}
				v[n/2] = math.NaN()
				want := 0
				if pos >= 0 {
					v[pos], want = z, 1
				}
				if got := countZeros(v); got != want {
					t.Fatalf("n=%d zero at %d: countZeros = %d, want %d", n, pos, got, want)
				}
			}
		}
	}
}

// TestFewZeros checks the sample that chooses the dense kernels: the
// first, middle and last rows, under a quarter of zeros.
func TestFewZeros(t *testing.T) {
	m := func(rows, cols int, zeroAt ...[2]int) blas64.General {
		g := blas64.General{Rows: rows, Cols: cols, Stride: cols + 1, Data: make([]float64, rows*(cols+1))}
		for i := range g.Data {
			g.Data[i] = 1
		}
		for _, z := range zeroAt {
			g.Data[z[0]*g.Stride+z[1]] = 0
		}
		return g
	}
	for _, c := range []struct {
		name string
		m    blas64.General
		want bool
	}{
		{"no zeros", m(5, 4), true},
		{"2 of 12 sampled", m(5, 4, [2]int{0, 0}, [2]int{4, 3}), true},
		{"3 of 12 sampled", m(5, 4, [2]int{0, 0}, [2]int{2, 1}, [2]int{4, 3}), false},
		{"zeros in rows not sampled", m(5, 4, [2]int{1, 0}, [2]int{1, 1}, [2]int{3, 2}, [2]int{3, 3}), true},
		{"one row, one zero in four", m(1, 4, [2]int{0, 2}), false},
		{"two rows, one zero in eight", m(2, 4, [2]int{1, 2}), true},
		{"empty", blas64.General{}, true},
	} {
		if got := fewZeros(c.m); got != c.want {
			t.Errorf("%s: fewZeros = %v, want %v", c.name, got, c.want)
		}
	}
}

// TestTransposeInto transposes matrices of every shape up to 9×9, strided.
func TestTransposeInto(t *testing.T) {
	var buf []float64
	for r := 1; r <= 9; r++ {
		for c := 1; c <= 9; c++ {
			m := blas64.General{Rows: r, Cols: c, Stride: c + 2, Data: make([]float64, (r-1)*(c+2)+c)}
			for i := range m.Data {
				m.Data[i] = float64(i)
			}
			tr := transposeInto(buf, m)
			buf = tr.Data
			for i := 0; i < r; i++ {
				for j := 0; j < c; j++ {
					if got, want := tr.Data[j*tr.Stride+i], m.Data[i*m.Stride+j]; got != want {
						t.Fatalf("%d×%d: transpose[%d][%d] = %v, want %v", r, c, j, i, got, want)
					}
				}
			}
		}
	}
}

// TestLinearGradW checks xᵀ·g, for inputs x with many zeros (listed,
// scattered by blocks of rows of dw) and with few or none (one dense
// product, fused multiply-adds in the columns fusedCols names), against
// the sum term by term in increasing row order, zeros of a listed x
// skipped, bit for bit; widths 1 to 40, strided matrices, added to what dw
// holds; and the column sums of g (AddColSums) against a plain loop.
func TestLinearGradW(t *testing.T) {
	rng := newRand(11)
	fill := func(r, c, stride int, zeros float64) blas64.General {
		m := blas64.General{Rows: r, Cols: c, Stride: stride, Data: make([]float64, (r-1)*stride+c)}
		for i := range m.Data {
			if rng.Float64() >= zeros {
				m.Data[i] = rng.NormFloat64() * math.Exp(4*rng.NormFloat64())
			}
		}
		return m
	}
	var xs, xt sparseRows
	var lin Linear
	for n := 1; n <= 40; n++ {
		for c, zeros := range []float64{0, 0.5, 0.9, 0, 0, 0.1, 0.8, 0, 0.1} {
			{
				r, k, pad := 7, 5, c%2*3 // contiguous and strided
				switch c {
				case 4:
					k = 9
				case 6:
					k = 300 // several blocks of rows of dw (scatterBlocks)
				case 7, 8:
					k = 4 * c // whole quads of rows: the four-row fused kernel
				}
				x, g := fill(r, k, k+pad, zeros), fill(r, n, n+pad, 0)
				dw, db := fill(k, n, n+pad, 0), mat.NewDense(1, n, nil)
				want := append([]float64(nil), dw.Data...)
				xs.set(x)
				linearGradW(dw, x, &xs, &xt, g)
				var gm mat.Dense
				gm.SetRawMatrix(g)
				lin.AddColSums(db, &gm)
				// Which elements are fused multiply-adds: only in a dense
				// product, the columns fusedCols names, or for one column
				// (computed as a row, see combineDenseT) the rows it names.
				fused := func(p, j int) bool {
					switch {
					case !xs.whole:
						return false
					case n == 1 && dw.Stride == 1:
						return p < fusedCols(k)
					}
					return j < fusedCols(n)
				}
				for p := 0; p < k; p++ {
					for j := 0; j < n; j++ {
						s := want[p*dw.Stride+j]
						for i := 0; i < r; i++ {
							if v, w := x.Data[i*x.Stride+p], g.Data[i*g.Stride+j]; v == 0 && !xs.whole {
								continue
							} else if fused(p, j) {
								s = math.FMA(v, w, s)
							} else {
								s += float64(v * w)
							}
						}
						if got := dw.Data[p*dw.Stride+j]; math.Float64bits(got) != math.Float64bits(s) {
							t.Fatalf("n=%d k=%d pad=%d zeros=%v dw[%d,%d] is %v, want %v", n, k, pad, zeros, p, j, got, s)
						}
					}
				}
				for j := range n {
					var s float64
					for i := 0; i < r; i++ {
						s += g.Data[i*g.Stride+j]
					}
					if got := db.At(0, j); got != s {
						t.Fatalf("n=%d: db[%d] is %v, want %v", n, j, got, s)
					}
				}
			}
		}
	}
}

// TestSparseRowsListEveryWidth lists rows of every width up to 40, strided, with
// zeros, −0 (a zero too) and NaN (not a zero, as in Go), and compares the
// listing with a plain loop, bit for bit.
func TestSparseRowsListEveryWidth(t *testing.T) {
	rng := newRand(13)
	var s sparseRows
	for n := 1; n <= 40; n++ {
		rows, stride := 5, n+1
		m := blas64.General{Rows: rows, Cols: n, Stride: stride, Data: make([]float64, (rows-1)*stride+n)}
		for i := range m.Data {
			switch u := rng.Float64(); {
			case u < 0.4:
			case u < 0.5:
				m.Data[i] = math.Copysign(0, -1)
			case u < 0.55:
				m.Data[i] = math.NaN()
			default:
				m.Data[i] = rng.NormFloat64()
			}
		}
		m.Data[0] = 1 // at least one zero, so that s lists entries
		m.Data[1%n] = 0
		s.list(m)
		for i := 0; i < rows; i++ {
			var wantIdx []int
			var wantVal []float64
			for p, v := range m.Data[i*stride : i*stride+n] {
				if v != 0 {
					wantIdx, wantVal = append(wantIdx, p), append(wantVal, v)
				}
			}
			idx, val := s.row(i)
			if len(idx) != len(wantIdx) {
				t.Fatalf("n=%d row %d: %d entries listed, want %d", n, i, len(idx), len(wantIdx))
			}
			for k := range idx {
				if idx[k] != wantIdx[k] || math.Float64bits(val[k]) != math.Float64bits(wantVal[k]) {
					t.Fatalf("n=%d row %d: entry %d is (%d, %v), want (%d, %v)", n, i, k, idx[k], val[k], wantIdx[k], wantVal[k])
				}
			}
		}
	}
}
