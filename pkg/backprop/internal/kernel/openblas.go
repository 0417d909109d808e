//go:build openblas

package kernel

// With the build tag openblas (go build -tags openblas; needs cgo and
// Debian's libopenblas-dev), gonum's BLAS does its matrix products with
// OpenBLAS, and the large products of Linear go through it (blasPays).
// Results then differ from the pure-Go build in the last bits (OpenBLAS
// sums in another order, with fused multiply-adds) but stay the same from
// run to run.

import (
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/deepdive-dl/backprop/pkg/backprop/internal/openblas"
)

func init() {
	blas64.Use(openblas.Implementation{})
	useBLAS = true
}
