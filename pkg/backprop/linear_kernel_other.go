//go:build !amd64 || purego

package backprop

// useAVX2 is false: the Go kernel runs everywhere.
const useAVX2 = false

func combineRowsAVX2(dst []float64, idx []int, val []float64, b []float64, stride int) {
	panic("backprop: combineRowsAVX2 called without AVX2")
}
