package kernel

import (
	"math"
	"testing"
)

// AllFinite must agree with math.IsNaN/IsInf at every position (the four
// lanes and the tail) for every kind of value.
func TestAllFinite(t *testing.T) {
	values := []float64{0, math.Copysign(0, -1), 1, -1, math.MaxFloat64, -math.MaxFloat64,
		math.SmallestNonzeroFloat64, 1e308, math.Inf(1), math.Inf(-1), math.NaN(),
		math.Float64frombits(0xFFF8_0000_0000_0001)} // a negative NaN
	for n := 0; n <= 9; n++ {
		for pos := 0; pos < n; pos++ {
			for _, v := range values {
				x := make([]float64, n)
				for i := range x {
					x[i] = float64(i) - 3.5
				}
				x[pos] = v
				want := !math.IsNaN(v) && !math.IsInf(v, 0)
				if got := AllFinite(x); got != want {
					t.Fatalf("allFinite with %v at %d of %d = %v, want %v", v, pos, n, got, want)
				}
			}
		}
	}
	if !AllFinite(nil) {
		t.Error("AllFinite(nil) = false")
	}
}
