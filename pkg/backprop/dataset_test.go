package backprop

import (
	"encoding/json"
	"math"
	"os"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// datasetLoaders are the embedded data sets, keyed as in
// testdata/golden_datasets.json.
var datasetLoaders = map[string]func() *Dataset{
	"iris":          Iris,
	"breast_cancer": BreastCancer,
	"wine":          Wine,
	"digits":        Digits,
	"diabetes":      Diabetes,
}

// TestDatasetsGolden compares every loader with scikit-learn's own reading
// of the same files (testdata/golden_datasets.py).
func TestDatasetsGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/golden_datasets.json")
	if err != nil {
		t.Fatal(err)
	}
	var golden map[string]struct {
		Rows, Cols   int
		ColSums      []float64 `json:"col_sums"`
		FirstRow     []float64 `json:"first_row"`
		YSum         float64   `json:"y_sum"`
		ClassNames   []string  `json:"class_names"`
		ClassCounts  []int     `json:"class_counts"`
		FeatureNames []string  `json:"feature_names"`
	}
	if err := json.Unmarshal(raw, &golden); err != nil {
		t.Fatal(err)
	}
	if len(golden) != len(datasetLoaders) {
		t.Fatalf("golden file has %d data sets, test knows %d", len(golden), len(datasetLoaders))
	}
	for name, load := range datasetLoaders {
		g := golden[name]
		d := load()
		if d.Name != name {
			t.Errorf("%s: Name %q", name, d.Name)
		}
		if r, c := d.X.Dims(); r != g.Rows || c != g.Cols {
			t.Errorf("%s: X is %d×%d, want %d×%d", name, r, c, g.Rows, g.Cols)
			continue
		}
		if r, c := d.Y.Dims(); r != g.Rows || c != 1 {
			t.Errorf("%s: Y is %d×%d, want %d×1", name, r, c, g.Rows)
		}
		if !slices.Equal(d.FeatureNames, g.FeatureNames) {
			t.Errorf("%s: feature names %q, want %q", name, d.FeatureNames, g.FeatureNames)
		}
		if !slices.Equal(d.ClassNames, g.ClassNames) || d.NumClasses() != len(g.ClassNames) {
			t.Errorf("%s: class names %q, want %q", name, d.ClassNames, g.ClassNames)
		}
		if got := mat.Row(nil, 0, d.X); !slices.Equal(got, g.FirstRow) {
			t.Errorf("%s: first row %v, want %v", name, got, g.FirstRow)
		}
		for j, want := range g.ColSums {
			if got := mat.Sum(d.X.ColView(j)); !approxEqual(got, want, 1e-12) {
				t.Errorf("%s: column %d sums to %v, want %v", name, j, got, want)
			}
		}
		if got := mat.Sum(d.Y); !approxEqual(got, g.YSum, 1e-12) {
			t.Errorf("%s: Y sums to %v, want %v", name, got, g.YSum)
		}
		if g.ClassCounts != nil {
			if got := classCounts(d.Y); !slices.Equal(got, g.ClassCounts) {
				t.Errorf("%s: class counts %v, want %v", name, got, g.ClassCounts)
			}
		}
	}
}

// classCounts returns how many rows of the class column y hold each class.
func classCounts(y mat.Matrix) []int {
	var counts []int
	for _, rows := range rowsByClass("classCounts", y) {
		counts = append(counts, len(rows))
	}
	return counts
}

func TestDatasetShapes(t *testing.T) {
	tests := []struct {
		load            func() *Dataset
		rows, cols, cls int
	}{
		{Iris, 150, 4, 3},
		{BreastCancer, 569, 30, 2},
		{Wine, 178, 13, 3},
		{Digits, 1797, 64, 10},
		{Diabetes, 442, 10, 0},
	}
	for _, tc := range tests {
		d := tc.load()
		if r, c := d.X.Dims(); r != tc.rows || c != tc.cols || d.NumClasses() != tc.cls {
			t.Errorf("%s: %d×%d with %d classes, want %d×%d with %d", d.Name, r, c, d.NumClasses(), tc.rows, tc.cols, tc.cls)
		}
		if len(d.FeatureNames) != tc.cols {
			t.Errorf("%s: %d feature names for %d columns", d.Name, len(d.FeatureNames), tc.cols)
		}
		if !strings.Contains(d.Description, "BSD-3-Clause") {
			t.Errorf("%s: description lacks the licence", d.Name)
		}
	}
}

func TestDigitsPixels(t *testing.T) {
	d := Digits()
	r, c := d.X.Dims()
	for i := range r {
		for j := range c {
			if v := d.X.At(i, j); v != math.Trunc(v) || v < 0 || v > 16 {
				t.Fatalf("pixel (%d, %d) = %v, want an integer in 0..16", i, j, v)
			}
		}
	}
	if lo, hi := mat.Min(d.X), mat.Max(d.X); lo != 0 || hi != 16 {
		t.Errorf("pixels span %v..%v, want 0..16", lo, hi)
	}
}

func TestDiabetesTarget(t *testing.T) {
	d := Diabetes()
	if lo, hi := mat.Min(d.Y), mat.Max(d.Y); lo != 25 || hi != 346 {
		t.Errorf("target spans %v..%v, want 25..346", lo, hi)
	}
	if d.ClassNames != nil {
		t.Errorf("regression data set has class names %q", d.ClassNames)
	}
}

func TestDatasetFreshCopy(t *testing.T) {
	a := Iris()
	a.X.Set(0, 0, -1)
	a.FeatureNames[0] = "changed"
	if b := Iris(); b.X.At(0, 0) != 5.1 || b.FeatureNames[0] != "sepal length (cm)" {
		t.Errorf("changing one Iris() changed the next: %v %q", b.X.At(0, 0), b.FeatureNames[0])
	}
}

func TestParseNumbersErrors(t *testing.T) {
	tests := []struct {
		in, want string
	}{
		{"1,2\n3\n", "backprop: embedded data set t.csv: line 2 has 1 fields, want 2"},
		{"1,x\n", `backprop: embedded data set t.csv: line 1: strconv.ParseFloat: parsing "x": invalid syntax`},
		{"\n\n", "backprop: embedded data set t.csv: no data"},
	}
	for _, tc := range tests {
		got := panicOf(func() { parseNumbers("t.csv", strings.NewReader(tc.in), 2) })
		if got != tc.want {
			t.Errorf("parseNumbers(%q): panic %q, want %q", tc.in, got, tc.want)
		}
	}
	if got := panicOf(func() { readNumbers("missing.csv", 1) }); !strings.HasPrefix(got, "backprop: embedded data set missing.csv: ") {
		t.Errorf("missing file: panic %q", got)
	}
	rows := parseNumbers("t.csv", strings.NewReader("1 2\n\n3,4\n"), 2)
	if len(rows) != 2 || rows[1][1] != 4 {
		t.Errorf("blanks, commas and empty lines: %v", rows)
	}
}
