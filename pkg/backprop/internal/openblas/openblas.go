//go:build openblas

package openblas

/*
#cgo pkg-config: openblas
#include <cblas.h>
*/
import "C"

import (
	"fmt"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/gonum"
)

// Implementation is gonum's pure-Go BLAS with Dgemm replaced by
// OpenBLAS's. blas64.Use(openblas.Implementation{}) routes gonum's
// matrix products (mat.Dense.Mul, blas64.Gemm) to OpenBLAS.
type Implementation struct{ gonum.Implementation }

var _ blas.Float64 = Implementation{}

// Dgemm computes C = alpha·op(A)·op(B) + beta·C for row-major matrices,
// as blas.Float64 documents. It panics, as gonum's does, on sizes or
// slices that do not fit: OpenBLAS itself checks nothing.
func (Implementation) Dgemm(tA, tB blas.Transpose, m, n, k int, alpha float64, a []float64, lda int, b []float64, ldb int, beta float64, c []float64, ldc int) {
	if m == 0 || n == 0 || k == 0 || alpha == 0 {
		gonum.Implementation{}.Dgemm(tA, tB, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc)
		return
	}
	ar, ac := m, k
	if tA != blas.NoTrans {
		ar, ac = k, m
	}
	br, bc := k, n
	if tB != blas.NoTrans {
		br, bc = n, k
	}
	checkGeneral("A", ar, ac, a, lda)
	checkGeneral("B", br, bc, b, ldb)
	checkGeneral("C", m, n, c, ldc)
	C.cblas_dgemm(C.CblasRowMajor, cblasTrans(tA), cblasTrans(tB), C.blasint(m), C.blasint(n), C.blasint(k),
		C.double(alpha), (*C.double)(&a[0]), C.blasint(lda), (*C.double)(&b[0]), C.blasint(ldb),
		C.double(beta), (*C.double)(&c[0]), C.blasint(ldc))
}

// checkGeneral panics unless s holds an r×c row-major matrix with row
// stride ld, r and c positive.
func checkGeneral(name string, r, c int, s []float64, ld int) {
	if r < 0 || c < 0 || ld < max(1, c) || len(s) < (r-1)*ld+c || int64(ld) > 1<<31-1 {
		panic(fmt.Sprintf("openblas: Dgemm: %s is %d×%d with stride %d but has %d elements", name, r, c, ld, len(s)))
	}
}

func cblasTrans(t blas.Transpose) C.enum_CBLAS_TRANSPOSE {
	switch t {
	case blas.NoTrans:
		return C.CblasNoTrans
	case blas.Trans, blas.ConjTrans:
		return C.CblasTrans
	}
	panic(fmt.Sprintf("openblas: Dgemm: bad transpose %v", t))
}
