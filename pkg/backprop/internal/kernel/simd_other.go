//go:build !amd64 || purego

package kernel

// useAVX2, useAVX512 and useFMA are false: the Go kernels run everywhere.
// (useFMA is a variable, as on amd64, so that a test can turn it off in
// every build.)
const (
	useAVX2   = false
	useAVX512 = false
)

var useFMA = false

func combineRowsAVX2(dst []float64, idx []int, val []float64, b []float64, stride int) {
	panic("backprop: combineRowsAVX2 called without AVX2")
}

func combineDenseAVX2(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int) {
	panic("backprop: combineDenseAVX2 called without AVX2")
}

func combineDenseFMA512(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int) {
	panic("backprop: combineDenseFMA512 called without AVX-512")
}

func combineDenseQuadsFMA512(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int) {
	panic("backprop: combineDenseQuadsFMA512 called without AVX-512")
}

func combineDensePairsAVX512(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int) {
	panic("backprop: combineDensePairsAVX512 called without AVX-512")
}

func scatterRowAVX2(dst []float64, stride int, idx []int, val []float64, src []float64) {
	panic("backprop: scatterRowAVX2 called without AVX2")
}

func scatterRowAVX512(dst []float64, stride int, idx []int, val []float64, src []float64) {
	panic("backprop: scatterRowAVX512 called without AVX-512")
}

func combineRowsAVX512(dst []float64, idx []int, val []float64, b []float64, stride int) {
	panic("backprop: combineRowsAVX512 called without AVX-512")
}

func listNonZeroAVX512(col []int, val []float64, row []float64) int {
	panic("backprop: listNonZeroAVX512 called without AVX-512")
}

func tanhAVX2(dst, src []float64) {
	panic("backprop: tanhAVX2 called without AVX2")
}

func tanhAVX512(dst, src []float64) {
	panic("backprop: tanhAVX512 called without AVX-512")
}

func tanhGradAVX2(dst, g, y []float64) {
	panic("backprop: tanhGradAVX2 called without AVX2")
}

func sgdStepAVX2(w, g []float64, lr float64) {
	panic("backprop: sgdStepAVX2 called without AVX2")
}

func allFiniteAVX2(v []float64) bool {
	panic("backprop: allFiniteAVX2 called without AVX2")
}
