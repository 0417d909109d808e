package backprop

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// SplitConfig says how Split divides a data set. The zero value puts every
// example in the training part, shuffled with seed 0.
type SplitConfig struct {
	// Validation and Test are the fractions of the examples that go to the
	// validation and test parts, each in [0, 1) and together below 1; the
	// rest is for training. Counts are rounded to the nearest integer.
	Validation, Test float64
	// Stratify keeps the share of each class the same in every part, up to
	// rounding (done per class, so a part can differ from the unstratified
	// count by up to one example per class). Y must hold class indices.
	Stratify bool
	// Seed drives the shuffle: the same seed gives the same split.
	Seed uint64
}

// Subset is one part of a split: copies of the rows of X and Y listed in
// Rows, in that order. An empty part has Rows of length 0 and nil X and Y
// (a gonum matrix cannot have zero rows).
type Subset struct {
	X, Y *mat.Dense
	Rows []int // indices of the examples in the original X and Y
}

// Len returns the number of examples in s.
func (s Subset) Len() int { return len(s.Rows) }

// Split shuffles the examples (rows of X and Y) and divides them into a
// training, a validation and a test part, as cfg says. Fit everything that
// learns from data (weights, and a Standardizer too) on the training part
// only: the other two must stay unseen to measure how the model
// generalises. Tune on validation; report test once, at the end.
//
// It panics if X and Y have different numbers of rows, if a fraction is
// outside [0, 1) or they leave no example for training, or, with
// Stratify, if Y is not one column of class indices.
func Split(X, Y *mat.Dense, cfg SplitConfig) (train, val, test Subset) {
	mustSameRows("Split", X, Y)
	if !(cfg.Validation >= 0 && cfg.Validation < 1 && cfg.Test >= 0 && cfg.Test < 1) {
		panic(fmt.Sprintf("backprop: Split: fractions must be in [0, 1), got Validation %g, Test %g", cfg.Validation, cfg.Test))
	}
	n, _ := X.Dims()
	rng := NewRand(cfg.Seed)

	// Each group is divided in the same proportions: the whole data set,
	// or with Stratify each class on its own.
	groups := [][]int{rowIndices(n)}
	if cfg.Stratify {
		groups = rowsByClass("Split", Y)
	}
	var parts [3][]int // train, validation, test
	for _, g := range groups {
		rng.Shuffle(len(g), func(i, j int) { g[i], g[j] = g[j], g[i] })
		nVal := int(math.Round(cfg.Validation * float64(len(g))))
		nTest := int(math.Round(cfg.Test * float64(len(g))))
		if nVal+nTest > len(g) { // both rounded up past the group size
			nTest = len(g) - nVal
		}
		parts[2] = append(parts[2], g[:nTest]...)
		parts[1] = append(parts[1], g[nTest:nTest+nVal]...)
		parts[0] = append(parts[0], g[nTest+nVal:]...)
	}
	if len(parts[0]) == 0 {
		panic(fmt.Sprintf("backprop: Split: Validation %g and Test %g leave no training examples out of %d", cfg.Validation, cfg.Test, n))
	}
	var out [3]Subset
	for i, rows := range parts {
		// Stratified parts are grouped by class: mix them.
		rng.Shuffle(len(rows), func(a, b int) { rows[a], rows[b] = rows[b], rows[a] })
		out[i].Rows = rows
		if len(rows) > 0 {
			out[i].X = TakeRows(nil, X, rows)
			out[i].Y = TakeRows(nil, Y, rows)
		}
	}
	return out[0], out[1], out[2]
}

// rowIndices returns 0, 1, …, n-1.
func rowIndices(n int) []int {
	idx := make([]int, n)
	for i := range idx {
		idx[i] = i
	}
	return idx
}

// rowsByClass groups the row indices of a column of class indices by
// class: the result's element c lists the rows of class c.
func rowsByClass(op string, y mat.Matrix) [][]int {
	n, c := y.Dims()
	if c != 1 {
		panic(fmt.Sprintf("backprop: %s: class labels must be one column, got %s", op, shapeString(y)))
	}
	var groups [][]int
	for i := range n {
		k := classAt(op, y, i, math.MaxInt)
		for len(groups) <= k {
			groups = append(groups, nil)
		}
		groups[k] = append(groups[k], i)
	}
	return groups
}

// classAt returns the class index in row i of the column y, and panics,
// naming the row, if it is not an integer in [0, k).
func classAt(op string, y mat.Matrix, i, k int) int {
	v := y.At(i, 0)
	if v != math.Trunc(v) || v < 0 || v >= float64(k) {
		if k == math.MaxInt {
			panic(fmt.Sprintf("backprop: %s: label %g in row %d is not a class index (0, 1, 2, …)", op, v, i))
		}
		panic(fmt.Sprintf("backprop: %s: label %g in row %d is not a class index in [0, %d)", op, v, i, k))
	}
	return int(v)
}

// OneHot turns a column of class indices into one row per example with a
// 1 in the column of its class and 0 elsewhere: labels 2, 0 with k = 3
// give rows (0 0 1) and (1 0 0).
//
// It panics if labels is not one column, or, naming the row, if a label is
// not an integer in [0, k).
func OneHot(labels mat.Matrix, k int) *mat.Dense {
	if k < 1 {
		panic(fmt.Sprintf("backprop: OneHot: need k ≥ 1 classes, got %d", k))
	}
	n, c := labels.Dims()
	if c != 1 {
		panic(fmt.Sprintf("backprop: OneHot: labels must be one column, got %s", shapeString(labels)))
	}
	out := mat.NewDense(n, k, nil)
	for i := range n {
		out.Set(i, classAt("OneHot", labels, i, k), 1)
	}
	return out
}

// TakeRows copies the rows of m listed in idx, in that order, into a
// len(idx)×cols matrix, reusing dst's storage when it is large enough (dst
// may be nil), and returns it. It is how a mini-batch is gathered.
//
// It panics if idx is empty or an index is out of range.
func TakeRows(dst, m *mat.Dense, idx []int) *mat.Dense {
	if len(idx) == 0 {
		panic("backprop: TakeRows: empty batch (no row indices)")
	}
	r, c := m.Dims()
	dst = resize(dst, len(idx), c)
	for i, k := range idx {
		if k < 0 || k >= r {
			panic(fmt.Sprintf("backprop: TakeRows: index %d (position %d) out of range for %s", k, i, shapeString(m)))
		}
		copy(dst.RawRowView(i), m.RawRowView(k))
	}
	return dst
}

// Batches cuts order (usually a permutation of the example indices, new
// every epoch) into consecutive mini-batches of size examples; the last
// batch is smaller when size does not divide len(order). The batches are
// sub-slices of order, not copies. With size = len(order) it gives one
// batch (batch gradient descent), with size 1 one batch per example
// (stochastic gradient descent).
//
// It panics if size < 1.
func Batches(order []int, size int) [][]int {
	if size < 1 {
		panic(fmt.Sprintf("backprop: Batches: batch size must be at least 1, got %d", size))
	}
	batches := make([][]int, 0, (len(order)+size-1)/size)
	for start := 0; start < len(order); start += size {
		end := min(start+size, len(order))
		batches = append(batches, order[start:end:end])
	}
	return batches
}

// Standardizer rescales each feature (column) to mean 0 and standard
// deviation 1: x' = (x - Mean[j]) / Scale[j]. Features on very different
// scales (a breast-cancer area in the thousands beside a smoothness near
// 0.1) otherwise make gradient descent crawl along the small ones.
//
// Fit it on the training split only, then Transform every split with the
// same Mean and Scale: statistics of the validation or test data must not
// leak into training.
//
// The standard deviation is the population one (divide by n, as
// scikit-learn's StandardScaler does). A constant column has no spread to
// divide by: its Scale is set to 1, so it becomes all zeros instead of
// NaN.
type Standardizer struct {
	Mean  []float64 // per column
	Scale []float64 // per column: the standard deviation, or 1 for a constant column
}

// Fit computes the mean and standard deviation of each column of X.
//
// It panics, naming the place, if X holds a NaN or an infinity.
func (s *Standardizer) Fit(X mat.Matrix) {
	n, d := X.Dims()
	s.Mean = make([]float64, d)
	s.Scale = make([]float64, d)
	for j := range d {
		sum, lo, hi := 0.0, math.Inf(1), math.Inf(-1)
		for i := range n {
			v := X.At(i, j)
			if math.IsNaN(v) || math.IsInf(v, 0) {
				panic(fmt.Sprintf("backprop: Standardizer.Fit: %g in row %d, column %d", v, i, j))
			}
			sum += v
			lo, hi = min(lo, v), max(hi, v)
		}
		mean := sum / float64(n)
		// Two passes: summing squared deviations from the mean is exact
		// enough where the one-pass E[x²] - E[x]² loses every digit.
		ss := 0.0
		for i := range n {
			dv := X.At(i, j) - mean
			ss += dv * dv
		}
		s.Mean[j] = mean
		s.Scale[j] = math.Sqrt(ss / float64(n))
		if lo == hi { // constant: the computed spread is 0 or rounding noise
			s.Scale[j] = 1
		}
	}
}

// Transform returns a standardised copy of X.
//
// It panics if s has not been fitted or X has a different number of
// columns than the data s was fitted on.
func (s *Standardizer) Transform(X mat.Matrix) *mat.Dense {
	return s.apply("Transform", X, func(v, mean, scale float64) float64 { return (v - mean) / scale })
}

// FitTransform fits s on X and returns X standardised.
func (s *Standardizer) FitTransform(X mat.Matrix) *mat.Dense {
	s.Fit(X)
	return s.Transform(X)
}

// Inverse undoes Transform: it returns X·Scale + Mean, column by column,
// e.g. to turn a regression model's standardised predictions back into
// the target's units.
//
// It panics like Transform.
func (s *Standardizer) Inverse(X mat.Matrix) *mat.Dense {
	return s.apply("Inverse", X, func(v, mean, scale float64) float64 { return v*scale + mean })
}

// apply returns a copy of X with f applied to each entry and its column's
// statistics, after checking that s fits X.
func (s *Standardizer) apply(op string, X mat.Matrix, f func(v, mean, scale float64) float64) *mat.Dense {
	if s.Mean == nil {
		panic(fmt.Sprintf("backprop: Standardizer.%s before Fit", op))
	}
	n, d := X.Dims()
	if d != len(s.Mean) || d != len(s.Scale) {
		panic(fmt.Sprintf("backprop: Standardizer.%s: fitted on %d columns, got %s", op, len(s.Mean), shapeString(X)))
	}
	out := mat.NewDense(n, d, nil)
	for i := range n {
		for j := range d {
			out.Set(i, j, f(X.At(i, j), s.Mean[j], s.Scale[j]))
		}
	}
	return out
}
