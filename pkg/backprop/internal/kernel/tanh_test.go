package kernel

import (
	"math"
	"testing"
)

// ulpDiff returns the distance between a and b in units in the last place
// (0 for equal values, including two NaNs).
func ulpDiff(a, b float64) float64 {
	if a == b || (a != a && b != b) {
		return 0
	}
	if math.Signbit(a) != math.Signbit(b) {
		return math.Inf(1)
	}
	d := int64(math.Float64bits(a)) - int64(math.Float64bits(b))
	return math.Abs(float64(d))
}

// TestTanhAccuracy compares tanh with math.Tanh over a dense sweep of
// [-25, 25], over magnitudes from 1e-310 to 1e300 and at the special values.
func TestTanhAccuracy(t *testing.T) {
	const maxULP = 3
	check := func(x float64) {
		t.Helper()
		if d := ulpDiff(tanh(x), math.Tanh(x)); d > maxULP {
			t.Fatalf("tanh(%v) = %v, math.Tanh gives %v: %v ulp apart", x, tanh(x), math.Tanh(x), d)
		}
	}
	worst, at := 0.0, 0.0
	for i := -500_000; i <= 500_000; i++ {
		x := float64(i) * 5e-5
		if d := ulpDiff(tanh(x), math.Tanh(x)); d > worst {
			worst, at = d, x
		}
	}
	for x := 1e-310; x < 1e300; x *= 1.001 {
		check(x)
		check(-x)
	}
	for _, x := range []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(),
		math.SmallestNonzeroFloat64, math.MaxFloat64, 19.06, 19.5, math.Nextafter(19.5, 0)} {
		check(x)
	}
	if tanh(math.Copysign(0, -1)) != 0 || !math.Signbit(tanh(math.Copysign(0, -1))) {
		t.Errorf("tanh(-0) = %v, want -0", tanh(math.Copysign(0, -1)))
	}
	t.Logf("largest difference from math.Tanh on [-25, 25]: %v ulp at %v", worst, at)
	if worst > maxULP {
		t.Errorf("tanh(%v) = %v, math.Tanh gives %v: %v ulp apart", at, tanh(at), math.Tanh(at), worst)
	}
}

func BenchmarkTanh(b *testing.B) {
	xs := make([]float64, 1024)
	for i := range xs {
		xs[i] = float64(i-512) / 128
	}
	ys := make([]float64, len(xs))
	b.Run("slice", func(b *testing.B) {
		for b.Loop() {
			tanhSlice(ys, xs)
		}
	})
	b.Run("scalar", func(b *testing.B) {
		for b.Loop() {
			for i, x := range xs {
				ys[i] = tanh(x)
			}
		}
	})
	b.Run("math", func(b *testing.B) {
		for b.Loop() {
			for i, x := range xs {
				ys[i] = math.Tanh(x)
			}
		}
	})
}

// TestTanhSliceMatchesTanh checks that tanhSlice (assembly on amd64 with
// AVX2) gives tanh's bits for every element, special values included, and
// for every length's tail.
func TestTanhSliceMatchesTanh(t *testing.T) {
	src := []float64{0, math.Copysign(0, -1), math.Inf(1), math.Inf(-1), math.NaN(), 19.5, -19.5,
		math.Nextafter(19.5, 0), 1e-300, -5e-324, math.MaxFloat64, -math.MaxFloat64}
	rng := newRand(3)
	for range 100_000 {
		src = append(src, rng.NormFloat64()*math.Exp(2*rng.NormFloat64()))
	}
	for i := -200_000; i <= 200_000; i++ {
		src = append(src, float64(i)*1e-4)
	}
	dst := make([]float64, len(src))
	for _, n := range []int{len(src), 1, 2, 3, 5, 7, 8, 12, 13, 15, 21} {
		tanhSlice(dst[:n], src[:n])
		for i, x := range src[:n] {
			if want := tanh(x); math.Float64bits(dst[i]) != math.Float64bits(want) {
				t.Fatalf("tanhSlice at %v = %v, tanh gives %v", x, dst[i], want)
			}
		}
	}
}

// TestTanhKernelsInUse reports which tanh kernel this machine runs.
func TestTanhKernelsInUse(t *testing.T) {
	t.Logf("AVX2 %v, AVX-512 %v", useAVX2, useAVX512)
}

// TestTanhGrad checks the backward pass of Tanh (assembly with AVX2)
// against its formula, bit for bit, for lengths 0 to 20.
func TestTanhGrad(t *testing.T) {
	rng := newRand(5)
	for n := 0; n <= 20; n++ {
		g, y, d := make([]float64, n), make([]float64, n), make([]float64, n)
		for i := range g {
			g[i], y[i] = rng.NormFloat64(), math.Tanh(rng.NormFloat64())
		}
		tanhGrad(d, g, y)
		for i := range d {
			if want := g[i] * (1 - float64(y[i]*y[i])); math.Float64bits(d[i]) != math.Float64bits(want) {
				t.Fatalf("n=%d: element %d is %v, want %v", n, i, d[i], want)
			}
		}
	}
}
