package backprop

import (
	"math"
	"testing"
)

// TestBCELabelShortcut checks that BCE.loss, which skips the log whose
// weight is 0 for a 0/1 label, gives the bits of the full formula.
func TestBCELabelShortcut(t *testing.T) {
	full := func(p, t float64) float64 {
		return -(t*lossLog(p) + (1-t)*math.Max(math.Log1p(-p), lossLogFloor))
	}
	ps := []float64{0, math.Copysign(0, -1), 1, 0.5, 1e-300, 5e-324, 1 - 1e-16, 0.999, 1e-45, math.Nextafter(1, 0)}
	rng := NewRand(1)
	for range 1000 {
		ps = append(ps, rng.Float64())
	}
	for _, label := range []float64{0, 1} {
		for _, p := range ps {
			got, want := BCE{}.loss(p, label), full(p, label)
			if math.Float64bits(got) != math.Float64bits(want) {
				t.Errorf("BCE loss(p=%v, y=%v) = %v, full formula %v", p, label, got, want)
			}
		}
	}
}
