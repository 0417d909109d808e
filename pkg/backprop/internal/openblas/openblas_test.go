//go:build openblas

package openblas

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// TestDgemm compares OpenBLAS's product with gonum's for every
// combination of transposes, with strides larger than the rows, and
// checks the size checks.
func TestDgemm(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	fill := func(n int) []float64 {
		s := make([]float64, n)
		for i := range s {
			s[i] = rng.NormFloat64()
		}
		return s
	}
	const m, n, k = 37, 29, 53
	for _, tA := range []blas.Transpose{blas.NoTrans, blas.Trans} {
		for _, tB := range []blas.Transpose{blas.NoTrans, blas.Trans} {
			ar, ac := m, k
			if tA == blas.Trans {
				ar, ac = k, m
			}
			br, bc := k, n
			if tB == blas.Trans {
				br, bc = n, k
			}
			lda, ldb, ldc := ac+3, bc+1, n+2
			a, b, c := fill(ar*lda), fill(br*ldb), fill(m*ldc)
			want := append([]float64(nil), c...)
			gonum.Implementation{}.Dgemm(tA, tB, m, n, k, 0.7, a, lda, b, ldb, 0.3, want, ldc)
			Implementation{}.Dgemm(tA, tB, m, n, k, 0.7, a, lda, b, ldb, 0.3, c, ldc)
			for i := range c {
				if math.Abs(c[i]-want[i]) > 1e-12*(1+math.Abs(want[i])) {
					t.Fatalf("tA=%v tB=%v: element %d is %v, gonum gives %v", tA, tB, i, c[i], want[i])
				}
			}
		}
	}
	defer func() {
		if recover() == nil {
			t.Error("a too short C did not panic")
		}
	}()
	Implementation{}.Dgemm(blas.NoTrans, blas.NoTrans, 2, 2, 2, 1, make([]float64, 4), 2, make([]float64, 4), 2, 0, make([]float64, 3), 2)
}
