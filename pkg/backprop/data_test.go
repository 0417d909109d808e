package backprop

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// generatorTest is one toy-data generator under test, called with a seed.
type generatorTest struct {
	name   string
	gen    func(seed uint64) (X, y *mat.Dense)
	rows   int
	cols   int
	counts []int // examples per class; nil for a regression
}

var generatorTests = []generatorTest{
	{"MakeLinear", func(s uint64) (X, y *mat.Dense) { return MakeLinear(50, []float64{2, -1, 0.5}, 3, 0.1, s) }, 50, 3, nil},
	{"MakePolynomial", func(s uint64) (X, y *mat.Dense) { return MakePolynomial(40, []float64{1, 0, -2, 1}, 0.1, s) }, 40, 1, nil},
	{"MakeXOR", func(s uint64) (X, y *mat.Dense) { return MakeXOR(103, 0.1, s) }, 103, 2, []int{51, 52}},
	{"MakeMoons", func(s uint64) (X, y *mat.Dense) { return MakeMoons(101, 0.1, s) }, 101, 2, []int{51, 50}},
	{"MakeCircles", func(s uint64) (X, y *mat.Dense) { return MakeCircles(100, 0.5, 0.05, s) }, 100, 2, []int{50, 50}},
	{"MakeSpirals", func(s uint64) (X, y *mat.Dense) { return MakeSpirals(302, 3, 0.05, s) }, 302, 2, []int{101, 101, 100}},
	{"MakeBlobs", func(s uint64) (X, y *mat.Dense) {
		return MakeBlobs(80, [][]float64{{0, 0, 0}, {5, 5, 5}, {-5, 5, 0}, {0, -5, 5}}, 1, s)
	}, 80, 3, []int{20, 20, 20, 20}},
}

func TestGenerators(t *testing.T) {
	for _, tc := range generatorTests {
		X, y := tc.gen(7)
		if r, c := X.Dims(); r != tc.rows || c != tc.cols {
			t.Errorf("%s: X is %d×%d, want %d×%d", tc.name, r, c, tc.rows, tc.cols)
		}
		if r, c := y.Dims(); r != tc.rows || c != 1 {
			t.Errorf("%s: y is %d×%d, want %d×1", tc.name, r, c, tc.rows)
		}
		if tc.counts != nil {
			if got := classCounts(y); !slices.Equal(got, tc.counts) {
				t.Errorf("%s: class counts %v, want %v", tc.name, got, tc.counts)
			}
		}

		// Same seed: the same bits. Another seed: other data.
		X2, y2 := tc.gen(7)
		if !bitEqual(X, X2) || !bitEqual(y, y2) {
			t.Errorf("%s: two calls with seed 7 differ", tc.name)
		}
		if X3, _ := tc.gen(8); bitEqual(X, X3) {
			t.Errorf("%s: seeds 7 and 8 give the same X", tc.name)
		}
	}
}

// bitEqual reports whether a and b have the same shape and the same bits
// in every entry.
func bitEqual(a, b *mat.Dense) bool {
	ar, ac := a.Dims()
	br, bc := b.Dims()
	if ar != br || ac != bc {
		return false
	}
	for i := range ar {
		for j := range ac {
			if math.Float64bits(a.At(i, j)) != math.Float64bits(b.At(i, j)) {
				return false
			}
		}
	}
	return true
}

// TestGeneratorsNoiseFree checks the geometry of each generator with noise 0.
func TestGeneratorsNoiseFree(t *testing.T) {
	// Linear and polynomial: y is exactly the function of X.
	X, y := MakeLinear(30, []float64{2, -1}, 0.5, 0, 1)
	for i := range 30 {
		if want := 2*X.At(i, 0) - X.At(i, 1) + 0.5; !approxEqual(y.At(i, 0), want, 1e-15) {
			t.Fatalf("MakeLinear row %d: y %v, want %v", i, y.At(i, 0), want)
		}
	}
	if lo, hi := mat.Min(X), mat.Max(X); lo < -1 || hi > 1 {
		t.Errorf("MakeLinear: X spans %v..%v, want within [-1, 1]", lo, hi)
	}
	x, y := MakePolynomial(30, []float64{1, 0, -2, 1}, 0, 1)
	for i := range 30 {
		xi := x.At(i, 0)
		if want := 1 - 2*xi*xi + xi*xi*xi; !approxEqual(y.At(i, 0), want, 1e-15) {
			t.Fatalf("MakePolynomial row %d: y %v, want %v", i, y.At(i, 0), want)
		}
	}

	// XOR without noise is the truth table, in order.
	X, y = MakeXOR(4, 0, 1)
	if want := mat.NewDense(4, 2, []float64{0, 0, 0, 1, 1, 0, 1, 1}); !mat.Equal(X, want) {
		t.Errorf("MakeXOR(4, 0): X = %v", mat.Formatted(X))
	}
	if want := mat.NewDense(4, 1, []float64{0, 1, 1, 0}); !mat.Equal(y, want) {
		t.Errorf("MakeXOR(4, 0): y = %v", mat.Formatted(y))
	}

	// Circles: class 0 at radius 1, class 1 at radius factor.
	X, y = MakeCircles(40, 0.3, 0, 1)
	for i := range 40 {
		r := math.Hypot(X.At(i, 0), X.At(i, 1))
		if want := []float64{1, 0.3}[int(y.At(i, 0))]; !approxEqual(r, want, 1e-15) {
			t.Fatalf("MakeCircles row %d (class %v): radius %v, want %v", i, y.At(i, 0), r, want)
		}
	}

	// Moons: class 0 on the upper half of the unit circle, class 1 on the
	// lower half of the unit circle centred at (1, 0.5).
	X, y = MakeMoons(40, 0, 1)
	for i := range 40 {
		px, py := X.At(i, 0), X.At(i, 1)
		cx, cy, upper := 0.0, 0.0, true
		if y.At(i, 0) == 1 {
			cx, cy, upper = 1, 0.5, false
		}
		// The ends of each arc lie on the line y = cy: allow rounding there.
		side := py - cy
		if r := math.Hypot(px-cx, py-cy); !approxEqual(r, 1, 1e-15) || upper && side < -1e-15 || !upper && side > 1e-15 {
			t.Fatalf("MakeMoons row %d (class %v): (%v, %v) is not on its arc", i, y.At(i, 0), px, py)
		}
	}

	// Spirals: radius in (0, 1], and along the arm the angle grows with it.
	X, y = MakeSpirals(30, 3, 0, 1)
	for i := range 30 {
		r := math.Hypot(X.At(i, 0), X.At(i, 1))
		theta := 2*math.Pi*y.At(i, 0)/3 + 2*math.Pi*r
		if r <= 0 || r > 1+1e-15 || !approxEqual(X.At(i, 0), r*math.Cos(theta), 1e-12) {
			t.Fatalf("MakeSpirals row %d: (%v, %v) is not on arm %v", i, X.At(i, 0), X.At(i, 1), y.At(i, 0))
		}
	}
}

func TestGeneratorNoiseLevel(t *testing.T) {
	// The residuals of MakeLinear are the noise: their standard deviation
	// should be near the one asked for.
	const n, noise = 20000, 0.3
	X, y := MakeLinear(n, []float64{1.5}, -2, noise, 3)
	ss := 0.0
	for i := range n {
		r := y.At(i, 0) - (1.5*X.At(i, 0) - 2)
		ss += r * r
	}
	if sd := math.Sqrt(ss / n); math.Abs(sd-noise) > 0.01 {
		t.Errorf("residual sd %v, want about %v", sd, noise)
	}

	// Blobs: each class's mean is near its centre.
	centers := [][]float64{{3, -1}, {-2, 4}}
	X, y = MakeBlobs(4000, centers, 0.5, 5)
	for c, rows := range rowsByClass("test", y) {
		for j := range 2 {
			m := 0.0
			for _, i := range rows {
				m += X.At(i, j)
			}
			if m /= float64(len(rows)); math.Abs(m-centers[c][j]) > 0.05 {
				t.Errorf("blob %d coordinate %d: mean %v, want about %v", c, j, m, centers[c][j])
			}
		}
	}
}

func TestGeneratorPanics(t *testing.T) {
	tests := []struct {
		f    func()
		want string
	}{
		{func() { MakeLinear(0, []float64{1}, 0, 0, 1) }, "backprop: MakeLinear: need at least 1 examples, got 0"},
		{func() { MakeLinear(5, nil, 0, 0, 1) }, "backprop: MakeLinear: no weights (w is empty)"},
		{func() { MakePolynomial(5, nil, 0, 1) }, "backprop: MakePolynomial: no coefficients (coef is empty)"},
		{func() { MakeXOR(-1, 0, 1) }, "backprop: MakeXOR: need at least 1 examples, got -1"},
		{func() { MakeMoons(1, 0, 1) }, "backprop: MakeMoons: need at least 2 examples, got 1"},
		{func() { MakeCircles(10, 1, 0, 1) }, "backprop: MakeCircles: factor 1 is not in (0, 1)"},
		{func() { MakeSpirals(10, 1, 0, 1) }, "backprop: MakeSpirals: need k ≥ 2 arms and n ≥ k examples, got n=10 k=1"},
		{func() { MakeSpirals(2, 3, 0, 1) }, "backprop: MakeSpirals: need k ≥ 2 arms and n ≥ k examples, got n=2 k=3"},
		{func() { MakeBlobs(10, nil, 1, 1) }, "backprop: MakeBlobs: no centres"},
		{func() { MakeBlobs(1, [][]float64{{0}, {1}}, 1, 1) }, "backprop: MakeBlobs: 1 examples for 2 centres"},
		{func() { MakeBlobs(10, [][]float64{{0, 0}, {1}}, 1, 1) }, "backprop: MakeBlobs: centre 1 has 1 coordinates, centre 0 has 2"},
	}
	for _, tc := range tests {
		if got := panicOf(tc.f); got != tc.want {
			t.Errorf("panic %q, want %q", got, tc.want)
		}
	}
}
