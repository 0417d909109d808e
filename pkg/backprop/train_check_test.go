package backprop

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// allFinite must agree with math.IsNaN/IsInf at every position (the four
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
				if got := allFinite(x); got != want {
					t.Fatalf("allFinite with %v at %d of %d = %v, want %v", v, pos, n, got, want)
				}
			}
		}
	}
	if !allFinite(nil) {
		t.Error("allFinite(nil) = false")
	}
}

func TestCheckFiniteNamesTheEntry(t *testing.T) {
	m := mat.NewDense(3, 5, nil)
	m.Set(2, 3, math.Inf(-1))
	err := checkFinite("Fit", "x", m)
	if err == nil || !strings.Contains(err.Error(), "x has -Inf at row 2, column 3") {
		t.Fatalf("checkFinite = %v, want the -Inf at row 2, column 3", err)
	}
	// A view: the elements outside it (beyond its columns) are not checked.
	m.Set(2, 3, 0)
	m.Set(1, 4, math.NaN())
	if err := checkFinite("Fit", "x", m.Slice(0, 3, 0, 4).(*mat.Dense)); err != nil {
		t.Fatalf("checkFinite of a view saw outside it: %v", err)
	}
}

// BenchmarkCheckFinite checks a W1-sized data set (60,000 × 784): Fit does
// it once before training; it should run at the speed of memory.
func BenchmarkCheckFinite(b *testing.B) {
	x, _ := mnistLike(60000, 1)
	b.SetBytes(60000 * 784 * 8)
	for b.Loop() {
		if err := checkFinite("Fit", "x", x); err != nil {
			b.Fatal(err)
		}
	}
}
