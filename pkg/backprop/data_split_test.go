package backprop

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestSplit(t *testing.T) {
	d := Iris()
	tests := []struct {
		name                string
		cfg                 SplitConfig
		nTrain, nVal, nTest int
	}{
		{"zero config", SplitConfig{}, 150, 0, 0},
		{"60/20/20", SplitConfig{Validation: 0.2, Test: 0.2, Seed: 1}, 90, 30, 30},
		{"test only", SplitConfig{Test: 0.3, Seed: 2}, 105, 0, 45},
		{"stratified", SplitConfig{Validation: 0.2, Test: 0.2, Stratify: true, Seed: 3}, 90, 30, 30},
		{"stratified odd", SplitConfig{Validation: 0.15, Test: 0.1, Stratify: true, Seed: 4}, 111, 24, 15}, // 7.5 rounds to 8 per class
	}
	for _, tc := range tests {
		train, val, test := Split(d.X, d.Y, tc.cfg)
		if train.Len() != tc.nTrain || val.Len() != tc.nVal || test.Len() != tc.nTest {
			t.Errorf("%s: sizes %d/%d/%d, want %d/%d/%d", tc.name, train.Len(), val.Len(), test.Len(), tc.nTrain, tc.nVal, tc.nTest)
		}
		// Together the parts are a permutation of all rows.
		all := slices.Concat(train.Rows, val.Rows, test.Rows)
		slices.Sort(all)
		if !slices.Equal(all, rowIndices(150)) {
			t.Errorf("%s: the parts do not cover every row exactly once", tc.name)
		}
		for _, part := range []Subset{train, val, test} {
			if part.Len() == 0 {
				if part.X != nil || part.Y != nil {
					t.Errorf("%s: empty part has matrices", tc.name)
				}
				continue
			}
			for i, k := range part.Rows {
				if !slices.Equal(part.X.RawRowView(i), d.X.RawRowView(k)) || part.Y.At(i, 0) != d.Y.At(k, 0) {
					t.Fatalf("%s: row %d of a part is not row %d of the data", tc.name, i, k)
				}
			}
			if tc.cfg.Stratify {
				// 50 of each class: every class has the same share.
				counts := classCounts(part.Y)
				if len(counts) != 3 || counts[0] != counts[1] || counts[1] != counts[2] {
					t.Errorf("%s: class counts %v in a part of %d", tc.name, counts, part.Len())
				}
			}
		}
		// Same seed, same split.
		train2, _, _ := Split(d.X, d.Y, tc.cfg)
		if !slices.Equal(train.Rows, train2.Rows) {
			t.Errorf("%s: two splits with one seed differ", tc.name)
		}
	}
	a, _, _ := Split(d.X, d.Y, SplitConfig{Test: 0.2, Seed: 1})
	b, _, _ := Split(d.X, d.Y, SplitConfig{Test: 0.2, Seed: 2})
	if slices.Equal(a.Rows, b.Rows) {
		t.Errorf("seeds 1 and 2 give the same split")
	}
}

// TestSplitStratifiedImbalanced checks stratification on unequal classes:
// breast cancer is 212 malignant to 357 benign.
func TestSplitStratifiedImbalanced(t *testing.T) {
	d := BreastCancer()
	_, _, test := Split(d.X, d.Y, SplitConfig{Test: 0.25, Stratify: true, Seed: 9})
	if got := classCounts(test.Y); !slices.Equal(got, []int{53, 89}) {
		t.Errorf("test class counts %v, want [53 89] (a quarter of each class)", got)
	}
}

func TestSplitPanics(t *testing.T) {
	X := mat.NewDense(4, 2, nil)
	y := mat.NewDense(4, 1, []float64{0, 1, 2, 0.5})
	tests := []struct {
		f    func()
		want string
	}{
		{func() { Split(X, mat.NewDense(3, 1, nil), SplitConfig{}) }, "backprop: Split: row count mismatch: 4×2 vs 3×1"},
		{func() { Split(X, y, SplitConfig{Test: 1}) }, "backprop: Split: fractions must be in [0, 1), got Validation 0, Test 1"},
		{func() { Split(X, y, SplitConfig{Validation: -0.1}) }, "backprop: Split: fractions must be in [0, 1), got Validation -0.1, Test 0"},
		{func() { Split(X, y, SplitConfig{Validation: 0.5, Test: 0.5}) }, "backprop: Split: Validation 0.5 and Test 0.5 leave no training examples out of 4"},
		{func() { Split(X, y, SplitConfig{Stratify: true}) }, "backprop: Split: label 0.5 in row 3 is not a class index (0, 1, 2, …)"},
		{func() { Split(X, X, SplitConfig{Stratify: true}) }, "backprop: Split: class labels must be one column, got 4×2"},
	}
	for _, tc := range tests {
		if got := panicOf(tc.f); got != tc.want {
			t.Errorf("panic %q, want %q", got, tc.want)
		}
	}
}

func TestStandardizer(t *testing.T) {
	d := Wine()
	train, val, _ := Split(d.X, d.Y, SplitConfig{Validation: 0.3, Seed: 1})
	var s Standardizer
	Z := s.FitTransform(train.X)
	n, cols := Z.Dims()
	for j := range cols {
		mean, sd := columnMeanStd(Z, j)
		if math.Abs(mean) > 1e-12 || math.Abs(sd-1) > 1e-12 {
			t.Errorf("train column %d: mean %v, sd %v; want 0, 1", j, mean, sd)
		}
	}
	if n != train.Len() {
		t.Fatalf("Transform changed the row count")
	}
	// The validation split uses the training statistics: near 0 and 1, not
	// exactly.
	V := s.Transform(val.X)
	exact := 0
	for j := range cols {
		if mean, _ := columnMeanStd(V, j); math.Abs(mean) < 1e-12 {
			exact++
		}
	}
	if exact == cols {
		t.Errorf("validation columns are exactly centred: the standardizer was refitted")
	}
	// Inverse undoes Transform.
	back := s.Inverse(V)
	if !mat.EqualApprox(back, val.X, 1e-9) {
		t.Errorf("Inverse(Transform(X)) differs from X")
	}
}

// columnMeanStd returns the mean and population standard deviation of
// column j of m.
func columnMeanStd(m *mat.Dense, j int) (mean, sd float64) {
	n, _ := m.Dims()
	for i := range n {
		mean += m.At(i, j)
	}
	mean /= float64(n)
	for i := range n {
		sd += (m.At(i, j) - mean) * (m.At(i, j) - mean)
	}
	return mean, math.Sqrt(sd / float64(n))
}

func TestStandardizerConstantColumn(t *testing.T) {
	// Column 1 is constant at 0.1, whose mean is not exactly 0.1 in floating
	// point: the spread must still count as zero.
	X := mat.NewDense(3, 2, []float64{1, 0.1, 2, 0.1, 3, 0.1})
	var s Standardizer
	Z := s.FitTransform(X)
	if s.Scale[1] != 1 {
		t.Errorf("constant column scale %v, want 1", s.Scale[1])
	}
	for i := range 3 {
		if v := Z.At(i, 1); math.Abs(v) > 1e-15 {
			t.Errorf("constant column row %d standardised to %v, want 0", i, v)
		}
	}
	if want := math.Sqrt(2.0 / 3); math.Abs(s.Scale[0]-want) > 1e-15 {
		t.Errorf("scale of 1, 2, 3 is %v, want the population sd %v", s.Scale[0], want)
	}
}

func TestStandardizerPanics(t *testing.T) {
	var fitted Standardizer
	fitted.Fit(mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6}))
	tests := []struct {
		f    func()
		want string
	}{
		{func() { new(Standardizer).Transform(mat.NewDense(2, 2, nil)) }, "backprop: Standardizer.Transform before Fit"},
		{func() { fitted.Transform(mat.NewDense(2, 2, nil)) }, "backprop: Standardizer.Transform: fitted on 3 columns, got 2×2"},
		{func() { fitted.Inverse(mat.NewDense(1, 4, nil)) }, "backprop: Standardizer.Inverse: fitted on 3 columns, got 1×4"},
		{func() { new(Standardizer).Fit(mat.NewDense(2, 2, []float64{1, 2, 3, math.NaN()})) }, "backprop: Standardizer.Fit: NaN in row 1, column 1"},
		{func() { new(Standardizer).Fit(mat.NewDense(1, 2, []float64{math.Inf(-1), 0})) }, "backprop: Standardizer.Fit: -Inf in row 0, column 0"},
	}
	for _, tc := range tests {
		if got := panicOf(tc.f); got != tc.want {
			t.Errorf("panic %q, want %q", got, tc.want)
		}
	}
}

func TestOneHot(t *testing.T) {
	got := OneHot(mat.NewDense(4, 1, []float64{2, 0, 1, 2}), 3)
	want := mat.NewDense(4, 3, []float64{
		0, 0, 1,
		1, 0, 0,
		0, 1, 0,
		0, 0, 1,
	})
	if !mat.Equal(got, want) {
		t.Errorf("OneHot =\n%v", mat.Formatted(got))
	}
	tests := []struct {
		f    func()
		want string
	}{
		{func() { OneHot(mat.NewDense(3, 1, []float64{0, 1, 3}), 3) }, "backprop: OneHot: label 3 in row 2 is not a class index in [0, 3)"},
		{func() { OneHot(mat.NewDense(2, 1, []float64{-1, 0}), 3) }, "backprop: OneHot: label -1 in row 0 is not a class index in [0, 3)"},
		{func() { OneHot(mat.NewDense(2, 1, []float64{0, 1.5}), 3) }, "backprop: OneHot: label 1.5 in row 1 is not a class index in [0, 3)"},
		{func() { OneHot(mat.NewDense(1, 1, []float64{math.NaN()}), 3) }, "backprop: OneHot: label NaN in row 0 is not a class index in [0, 3)"},
		{func() { OneHot(mat.NewDense(2, 2, nil), 3) }, "backprop: OneHot: labels must be one column, got 2×2"},
		{func() { OneHot(mat.NewDense(2, 1, nil), 0) }, "backprop: OneHot: need k ≥ 1 classes, got 0"},
	}
	for _, tc := range tests {
		if got := panicOf(tc.f); got != tc.want {
			t.Errorf("panic %q, want %q", got, tc.want)
		}
	}
}

func TestTakeRows(t *testing.T) {
	m := mat.NewDense(4, 2, []float64{0, 1, 10, 11, 20, 21, 30, 31})
	got := TakeRows(nil, m, []int{3, 0, 3})
	if want := mat.NewDense(3, 2, []float64{30, 31, 0, 1, 30, 31}); !mat.Equal(got, want) {
		t.Errorf("TakeRows = %v", mat.Formatted(got))
	}
	// A smaller batch reuses the buffer.
	again := TakeRows(got, m, []int{1, 2})
	if &again.RawMatrix().Data[0] != &got.RawMatrix().Data[0] {
		t.Errorf("TakeRows did not reuse dst")
	}
	if want := mat.NewDense(2, 2, []float64{10, 11, 20, 21}); !mat.Equal(again, want) {
		t.Errorf("TakeRows into dst = %v", mat.Formatted(again))
	}
	for _, tc := range []struct {
		idx  []int
		want string
	}{
		{nil, "backprop: TakeRows: empty batch (no row indices)"},
		{[]int{0, 4}, "backprop: TakeRows: index 4 (position 1) out of range for 4×2"},
		{[]int{-1}, "backprop: TakeRows: index -1 (position 0) out of range for 4×2"},
	} {
		if got := panicOf(func() { TakeRows(nil, m, tc.idx) }); got != tc.want {
			t.Errorf("TakeRows(%v): panic %q, want %q", tc.idx, got, tc.want)
		}
	}
}

func TestBatches(t *testing.T) {
	order := []int{4, 2, 0, 1, 3, 6, 5}
	tests := []struct {
		size  int
		sizes []int
	}{
		{1, []int{1, 1, 1, 1, 1, 1, 1}},
		{3, []int{3, 3, 1}},
		{7, []int{7}},
		{100, []int{7}},
	}
	for _, tc := range tests {
		batches := Batches(order, tc.size)
		var sizes []int
		for _, b := range batches {
			sizes = append(sizes, len(b))
		}
		if !slices.Equal(sizes, tc.sizes) || !slices.Equal(slices.Concat(batches...), order) {
			t.Errorf("Batches(size %d) = %v", tc.size, batches)
		}
	}
	if got := Batches(nil, 2); len(got) != 0 {
		t.Errorf("Batches of nothing = %v", got)
	}
	// Appending to a batch must not overwrite the next one.
	b := Batches(order, 3)
	_ = append(b[0], -1)
	if b[1][0] != 1 {
		t.Errorf("append to batch 0 changed batch 1: %v", b[1])
	}
	if got, want := panicOf(func() { Batches(order, 0) }), "backprop: Batches: batch size must be at least 1, got 0"; got != want {
		t.Errorf("panic %q, want %q", got, want)
	}
}
