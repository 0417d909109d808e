package backprop

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// Fuzz tests for the numerically stable losses: for every finite input in
// their domain, Value and Grad must be finite (never NaN or ±Inf) and Value
// must not be negative. The seeds (f.Add and testdata/fuzz/Fuzz*) run in
// every plain `go test`; `go test -fuzz FuzzBCE ./pkg/backprop/` searches
// further.
//
// Logits are bounded by lossFuzzMaxLogit: beyond about 1e308 the exact loss
// itself (for example z − (−z) for a wrong logit) exceeds float64.

const lossFuzzMaxLogit = 1e300

// lossFuzzUnit maps a fuzzed number into [0, 1], keeping 0 and 1 (and every
// value already inside) as they are. ok is false for NaN and ±Inf.
func lossFuzzUnit(x float64) (u float64, ok bool) {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, false
	}
	x = math.Abs(x)
	if x > 1 {
		x = math.Mod(x, 1)
	}
	return x, true
}

// lossFuzzUnits maps xs into [0, 1] as an r×c matrix; it skips the test
// for NaN or ±Inf.
func lossFuzzUnits(t *testing.T, r, c int, xs ...float64) *mat.Dense {
	m := mat.NewDense(r, c, nil)
	for k, x := range xs {
		u, ok := lossFuzzUnit(x)
		if !ok {
			t.Skip("not a finite number")
		}
		m.Set(k/c, k%c, u)
	}
	return m
}

// lossFuzzRows maps xs into an r×c matrix of rows that sum to 1; it skips
// the test for NaN, ±Inf or an all-zero row.
func lossFuzzRows(t *testing.T, r, c int, xs ...float64) *mat.Dense {
	m := lossFuzzUnits(t, r, c, xs...)
	for i := range r {
		row := m.RawRowView(i)
		var s float64
		for _, v := range row {
			s += v
		}
		if s == 0 {
			t.Skip("a row of zeros is no distribution")
		}
		for j := range row {
			row[j] /= s
		}
	}
	return m
}

// lossFuzzLogits returns xs as an r×c matrix of logits; it skips the test
// for NaN or a magnitude above lossFuzzMaxLogit.
func lossFuzzLogits(t *testing.T, r, c int, xs ...float64) *mat.Dense {
	for _, x := range xs {
		if !(math.Abs(x) <= lossFuzzMaxLogit) { // also rejects NaN
			t.Skip("logit out of range")
		}
	}
	return mat.NewDense(r, c, xs)
}

// lossFuzzLabels returns class indices in [0, classes) as a column.
func lossFuzzLabels(classes int, ks ...uint8) *mat.Dense {
	m := mat.NewDense(len(ks), 1, nil)
	for i, k := range ks {
		m.Set(i, 0, float64(int(k)%classes))
	}
	return m
}

// checkLossFinite fails t unless l's Value and Grad are finite and Value is
// not negative (up to rounding).
func checkLossFinite(t *testing.T, l Loss, pred, target *mat.Dense) {
	t.Helper()
	v := l.Value(pred, target)
	if math.IsNaN(v) || math.IsInf(v, 0) || v < -1e-12 {
		t.Fatalf("%v.Value = %v for pred %v target %v", l, v, mat.Formatted(pred), mat.Formatted(target))
	}
	r, c := pred.Dims()
	grad := mat.NewDense(r, c, nil)
	l.Grad(grad, pred, target)
	for i := range r {
		for j := range c {
			if g := grad.At(i, j); math.IsNaN(g) || math.IsInf(g, 0) {
				t.Fatalf("%v.Grad[%d,%d] = %v for pred %v target %v", l, i, j, g,
					mat.Formatted(pred), mat.Formatted(target))
			}
		}
	}
}

func FuzzBCE(f *testing.F) {
	f.Add(0.0, 1.0, 0.0, 1.0, 0.0, 1.0, 1.0, 0.0)
	f.Add(0.5, 1e-300, 1-1e-16, 0.25, 1.0, 0.0, 0.5, 1.0)
	f.Add(5e-324, 0.9999999999999999, 1e-8, 0.3, 1.0, 0.0, 0.0, 1.0)
	f.Fuzz(func(t *testing.T, p0, p1, p2, p3, y0, y1, y2, y3 float64) {
		pred := lossFuzzUnits(t, 2, 2, p0, p1, p2, p3)
		target := lossFuzzUnits(t, 2, 2, y0, y1, y2, y3)
		checkLossFinite(t, BCE{}, pred, target)
	})
}

func FuzzBCEWithLogits(f *testing.F) {
	f.Add(1000.0, -1000.0, 0.0, 40.0, 0.0, 1.0, 0.5, 1.0)
	f.Add(-1e300, 1e300, 1e-300, -745.0, 1.0, 0.0, 0.3, 0.0)
	f.Add(36.7, -36.7, 710.0, -710.0, 0.0, 1.0, 1.0, 0.0)
	f.Fuzz(func(t *testing.T, z0, z1, z2, z3, y0, y1, y2, y3 float64) {
		pred := lossFuzzLogits(t, 2, 2, z0, z1, z2, z3)
		target := lossFuzzUnits(t, 2, 2, y0, y1, y2, y3)
		checkLossFinite(t, BCEWithLogits{}, pred, target)
	})
}

func FuzzCrossEntropy(f *testing.F) {
	f.Add(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0, 0.0)
	f.Add(5e-324, 1.0, 1.0, 0.2, 0.3, 0.5, 1.0, 0.0, 0.0, 0.0, 0.0, 1.0)
	f.Fuzz(func(t *testing.T, p0, p1, p2, p3, p4, p5, y0, y1, y2, y3, y4, y5 float64) {
		pred := lossFuzzRows(t, 2, 3, p0, p1, p2, p3, p4, p5)
		target := lossFuzzRows(t, 2, 3, y0, y1, y2, y3, y4, y5)
		checkLossFinite(t, CrossEntropy{}, pred, target)
		checkLossFinite(t, KLDivergence{}, pred, target)
	})
}

func FuzzCrossEntropyWithLogits(f *testing.F) {
	f.Add(1000.0, -1000.0, 0.0, 1000.0, 999.0, 998.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0)
	f.Add(-1e300, 1e300, 0.0, -1000.0, -1000.0, -1000.0, 1.0, 0.0, 0.0, 0.2, 0.3, 0.5)
	f.Fuzz(func(t *testing.T, z0, z1, z2, z3, z4, z5, y0, y1, y2, y3, y4, y5 float64) {
		pred := lossFuzzLogits(t, 2, 3, z0, z1, z2, z3, z4, z5)
		target := lossFuzzRows(t, 2, 3, y0, y1, y2, y3, y4, y5)
		checkLossFinite(t, CrossEntropyWithLogits{}, pred, target)
	})
}

func FuzzSparseCrossEntropy(f *testing.F) {
	f.Add(1.0, 0.0, 0.0, 0.0, 1.0, 0.0, uint8(1), uint8(0))
	f.Add(5e-324, 1.0, 1.0, 0.2, 0.3, 0.5, uint8(0), uint8(2))
	f.Fuzz(func(t *testing.T, p0, p1, p2, p3, p4, p5 float64, k0, k1 uint8) {
		pred := lossFuzzRows(t, 2, 3, p0, p1, p2, p3, p4, p5)
		checkLossFinite(t, SparseCrossEntropy{}, pred, lossFuzzLabels(3, k0, k1))
	})
}

func FuzzSparseCrossEntropyWithLogits(f *testing.F) {
	f.Add(1000.0, -1000.0, 0.0, 1000.0, 999.0, 998.0, uint8(1), uint8(2))
	f.Add(-1e300, 1e300, 0.0, -1000.0, -1000.0, -1000.0, uint8(0), uint8(1))
	f.Fuzz(func(t *testing.T, z0, z1, z2, z3, z4, z5 float64, k0, k1 uint8) {
		pred := lossFuzzLogits(t, 2, 3, z0, z1, z2, z3, z4, z5)
		checkLossFinite(t, SparseCrossEntropyWithLogits{}, pred, lossFuzzLabels(3, k0, k1))
	})
}
