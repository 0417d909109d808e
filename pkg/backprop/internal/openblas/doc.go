// Package openblas gives gonum's BLAS interface a matrix product computed
// by OpenBLAS, through cgo, in the build with the tag openblas (without it
// the package is empty). It needs Debian's libopenblas-dev (found with
// pkg-config). The package backprop uses it in the build with the tag
// openblas; OPENBLAS_NUM_THREADS sets how many threads OpenBLAS uses.
package openblas
