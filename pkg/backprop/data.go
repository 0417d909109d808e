package backprop

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Toy data sets, drawn from a seeded random source: the same arguments give
// the same matrices, bit for bit, on every run and every machine. Each
// returns X (n×d, one example per row) and y (n×1): a target value for the
// regressions, a class index 0, 1, … for the classifications (the form that
// OneHot and the classification losses take).
//
// noise is always the standard deviation of Gaussian noise; 0 gives clean
// data.

// MakeLinear returns n examples of a linear function with noise:
// y = X·w + b + ε, where each entry of X is uniform in [-1, 1], X has
// len(w) columns and ε ~ N(0, noise²).
//
// It panics if n < 1 or w is empty.
func MakeLinear(n int, w []float64, b, noise float64, seed uint64) (X, y *mat.Dense) {
	if len(w) == 0 {
		panic("backprop: MakeLinear: no weights (w is empty)")
	}
	X, y, rng := toyData("MakeLinear", n, 1, len(w), seed)
	for i := range n {
		s := b
		for j, wj := range w {
			x := 2*rng.Float64() - 1
			X.Set(i, j, x)
			s += wj * x
		}
		y.Set(i, 0, s+noise*rng.NormFloat64())
	}
	return X, y
}

// MakePolynomial returns n examples of a polynomial with noise: x is
// uniform in [-1, 1] (one column) and
// y = coef[0] + coef[1]·x + coef[2]·x² + … + ε with ε ~ N(0, noise²).
//
// It panics if n < 1 or coef is empty.
func MakePolynomial(n int, coef []float64, noise float64, seed uint64) (x, y *mat.Dense) {
	if len(coef) == 0 {
		panic("backprop: MakePolynomial: no coefficients (coef is empty)")
	}
	x, y, rng := toyData("MakePolynomial", n, 1, 1, seed)
	for i := range n {
		xi := 2*rng.Float64() - 1
		// Horner's rule: c0 + x(c1 + x(c2 + …)).
		p := 0.0
		for k := len(coef) - 1; k >= 0; k-- {
			p = p*xi + coef[k]
		}
		x.Set(i, 0, xi)
		y.Set(i, 0, p+noise*rng.NormFloat64())
	}
	return x, y
}

// MakeXOR returns n examples of the XOR problem: the rows cycle through the
// truth table (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0, and each point is then
// moved by N(0, noise²) in both coordinates. MakeXOR(4, 0, seed) is the
// truth table itself. No straight line separates the classes, so a network
// needs a hidden layer to learn it.
//
// It panics if n < 1.
func MakeXOR(n int, noise float64, seed uint64) (X, y *mat.Dense) {
	X, y, rng := toyData("MakeXOR", n, 1, 2, seed)
	for i := range n {
		a, b := (i>>1)&1, i&1 // corner i%4 of the unit square
		X.Set(i, 0, float64(a)+noise*rng.NormFloat64())
		X.Set(i, 1, float64(b)+noise*rng.NormFloat64())
		y.Set(i, 0, float64(a^b))
	}
	return X, y
}

// MakeMoons returns n points on two interleaving half circles: class 0 on
// the upper arc of the unit circle centred at (0, 0), class 1 on the lower
// arc of the one centred at (1, 0.5), ⌈n/2⌉ and ⌊n/2⌋ points evenly spaced,
// each moved by N(0, noise²). Rows are shuffled. noise 0.1 gives a problem
// a small network learns in seconds.
//
// It panics if n < 2.
func MakeMoons(n int, noise float64, seed uint64) (X, y *mat.Dense) {
	X, y, rng := toyData("MakeMoons", n, 2, 2, seed)
	outer := (n + 1) / 2
	for i := range n {
		if i < outer {
			t := math.Pi * spaced(i, outer)
			X.Set(i, 0, math.Cos(t))
			X.Set(i, 1, math.Sin(t))
		} else {
			t := math.Pi * spaced(i-outer, n-outer)
			X.Set(i, 0, 1-math.Cos(t))
			X.Set(i, 1, 0.5-math.Sin(t))
			y.Set(i, 0, 1)
		}
	}
	jitter(X, noise, rng)
	shuffleRows(X, y, rng)
	return X, y
}

// MakeCircles returns n points on two concentric circles: class 0 on the
// unit circle, class 1 on the circle of radius factor (0 < factor < 1),
// ⌈n/2⌉ and ⌊n/2⌋ points evenly spaced around each, moved by N(0, noise²).
// Rows are shuffled.
//
// It panics if n < 2 or factor is not in (0, 1).
func MakeCircles(n int, factor, noise float64, seed uint64) (X, y *mat.Dense) {
	if !(factor > 0 && factor < 1) {
		panic(fmt.Sprintf("backprop: MakeCircles: factor %g is not in (0, 1)", factor))
	}
	X, y, rng := toyData("MakeCircles", n, 2, 2, seed)
	outer := (n + 1) / 2
	for i := range n {
		r, k, m := 1.0, i, outer
		if i >= outer {
			r, k, m = factor, i-outer, n-outer
			y.Set(i, 0, 1)
		}
		t := 2 * math.Pi * float64(k) / float64(m) // the full turn, without repeating the start
		X.Set(i, 0, r*math.Cos(t))
		X.Set(i, 1, r*math.Sin(t))
	}
	jitter(X, noise, rng)
	shuffleRows(X, y, rng)
	return X, y
}

// MakeSpirals returns n points on k spiral arms, one class per arm, the
// classes as equal in size as n allows. Arm j starts near the centre at
// angle 2πj/k and makes one full turn while its radius grows to 1, so
// along any ray from the centre the arms alternate, 1/k apart. Each point
// is moved by N(0, noise²); rows are shuffled. With k = 3 and noise 0.05
// it is the classic problem a linear model cannot solve and a network with
// one hidden layer can.
//
// It panics if k < 2 or n < k.
func MakeSpirals(n, k int, noise float64, seed uint64) (X, y *mat.Dense) {
	if k < 2 || n < k {
		panic(fmt.Sprintf("backprop: MakeSpirals: need k ≥ 2 arms and n ≥ k examples, got n=%d k=%d", n, k))
	}
	X, y, rng := toyData("MakeSpirals", n, 1, 2, seed)
	row := 0
	for j := range k {
		m := classSize(n, k, j)
		for i := range m {
			r := float64(i+1) / float64(m) // radius in (0, 1]
			t := 2*math.Pi*float64(j)/float64(k) + 2*math.Pi*r
			X.Set(row, 0, r*math.Cos(t))
			X.Set(row, 1, r*math.Sin(t))
			y.Set(row, 0, float64(j))
			row++
		}
	}
	jitter(X, noise, rng)
	shuffleRows(X, y, rng)
	return X, y
}

// MakeBlobs returns n points in len(centers) Gaussian clusters: class j is
// drawn from N(centers[j], std²·I), the classes as equal in size as n
// allows. The number of columns is the length of the centres. Rows are
// shuffled.
//
// It panics if centers is empty, the centres differ in length, or
// n < len(centers).
func MakeBlobs(n int, centers [][]float64, std float64, seed uint64) (X, y *mat.Dense) {
	k := len(centers)
	if k == 0 || len(centers[0]) == 0 {
		panic("backprop: MakeBlobs: no centres")
	}
	if n < k {
		panic(fmt.Sprintf("backprop: MakeBlobs: %d examples for %d centres", n, k))
	}
	d := len(centers[0])
	for j, c := range centers {
		if len(c) != d {
			panic(fmt.Sprintf("backprop: MakeBlobs: centre %d has %d coordinates, centre 0 has %d", j, len(c), d))
		}
	}
	X, y, rng := toyData("MakeBlobs", n, 1, d, seed)
	row := 0
	for j, c := range centers {
		for range classSize(n, k, j) {
			for col, mu := range c {
				X.Set(row, col, mu+std*rng.NormFloat64())
			}
			y.Set(row, 0, float64(j))
			row++
		}
	}
	shuffleRows(X, y, rng)
	return X, y
}

// toyData starts a generator: it panics unless n, the number of examples,
// is at least least, and returns X (n×d) and y (n×1), zeroed, and the
// random source for seed.
func toyData(op string, n, least, d int, seed uint64) (X, y *mat.Dense, rng *rand.Rand) {
	if n < least {
		panic(fmt.Sprintf("backprop: %s: need at least %d examples, got %d", op, least, n))
	}
	return mat.NewDense(n, d, nil), mat.NewDense(n, 1, nil), NewRand(seed)
}

// spaced returns the i-th of m evenly spaced numbers from 0 to 1, both
// ends included (0 when m is 1).
func spaced(i, m int) float64 {
	if m == 1 {
		return 0
	}
	return float64(i) / float64(m-1)
}

// classSize is how many of n examples class j of k gets: n/k, and one more
// for the first n%k classes.
func classSize(n, k, j int) int {
	if j < n%k {
		return n/k + 1
	}
	return n / k
}

// jitter adds N(0, noise²) to every entry of X.
func jitter(X *mat.Dense, noise float64, rng *rand.Rand) {
	if noise == 0 {
		return
	}
	r, c := X.Dims()
	for i := range r {
		for j := range c {
			X.Set(i, j, X.At(i, j)+noise*rng.NormFloat64())
		}
	}
}

// shuffleRows applies one random permutation to the rows of X and y, so
// that examples stay paired with their labels.
func shuffleRows(X, y *mat.Dense, rng *rand.Rand) {
	n, _ := X.Dims()
	rng.Shuffle(n, func(i, j int) {
		swapRows(X, i, j)
		swapRows(y, i, j)
	})
}

// swapRows exchanges rows i and j of m in place.
func swapRows(m *mat.Dense, i, j int) {
	a, b := m.RawRowView(i), m.RawRowView(j)
	for k := range a {
		a[k], b[k] = b[k], a[k]
	}
}
