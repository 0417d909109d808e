package kernel

import (
	"math"
	"testing"
)

// TestSGDStepKernel checks the plain SGD update (assembly with AVX2)
// against w − lr·g, bit for bit, for lengths 0 to 40.
func TestSGDStepKernel(t *testing.T) {
	rng := newRand(11)
	for n := 0; n <= 40; n++ {
		w, g := make([]float64, n), make([]float64, n)
		for i := range w {
			w[i], g[i] = rng.NormFloat64(), rng.NormFloat64()
		}
		want := make([]float64, n)
		for i := range want {
			want[i] = w[i] - float64(0.3*g[i])
		}
		sgdStep(w, g, 0.3)
		for i := range w {
			if math.Float64bits(w[i]) != math.Float64bits(want[i]) {
				t.Fatalf("n=%d: element %d is %v, want %v", n, i, w[i], want[i])
			}
		}
	}
}
