package backprop

import (
	"bufio"
	"compress/gzip"
	"embed"
	"fmt"
	"io"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Dataset is a real data set: a feature matrix, its targets and what they
// mean.
type Dataset struct {
	Name string
	// X holds one example per row, one feature per column.
	X *mat.Dense
	// Y is one column: the class index 0, 1, … of each example for a
	// classification data set, the target value for a regression one.
	Y            *mat.Dense
	FeatureNames []string // one per column of X
	// ClassNames names the classes, ClassNames[i] for index i; nil for a
	// regression data set.
	ClassNames []string
	// Description says what the data are, where they come from, whom to
	// cite and under which licence they are redistributed.
	Description string
}

// NumClasses returns the number of classes, 0 for a regression data set.
func (d *Dataset) NumClasses() int { return len(d.ClassNames) }

// The files in datasets/ are scikit-learn's copies of these data sets, as
// shipped by Debian's python3-sklearn, unchanged (see datasets/README.md).
//
//go:embed datasets/iris.csv datasets/breast_cancer.csv datasets/wine_data.csv
//go:embed datasets/digits.csv.gz datasets/diabetes_data_raw.csv.gz datasets/diabetes_target.csv.gz
var datasetFiles embed.FS

const sklearnLicence = "The file is scikit-learn's copy, redistributed under the BSD-3-Clause " +
	"licence of scikit-learn (Copyright 2007-2019 Scikit-Learn Developers); " +
	"see pkg/backprop/datasets/README.md."

// Iris returns Fisher's iris data: 150 flowers, 4 measurements in cm
// (sepal length, sepal width, petal length, petal width), 3 species of 50
// flowers each. Setosa is linearly separable from the other two; versicolor
// and virginica overlap a little. Each call returns a fresh copy.
func Iris() *Dataset {
	X, y, classes := loadLabelledCSV("iris.csv")
	return &Dataset{
		Name: "iris", X: X, Y: y, ClassNames: classes,
		FeatureNames: []string{"sepal length (cm)", "sepal width (cm)", "petal length (cm)", "petal width (cm)"},
		Description: "Iris plants: 150 examples, 4 features, 3 classes (50 each).\n" +
			"Fisher, R.A. (1936) \"The use of multiple measurements in taxonomic problems\", " +
			"Annals of Eugenics 7(2), 179-188. The values are those of Fisher's paper " +
			"(as in R), not the UCI copy, which has two wrong data points.\n" + sklearnLicence,
	}
}

// BreastCancer returns the Wisconsin Diagnostic Breast Cancer data: 569
// tumours, 30 features computed from a digitised image of a fine needle
// aspirate (mean, standard error and worst value of 10 cell-nucleus
// measurements), 2 classes: 0 malignant (212), 1 benign (357). The features
// span several orders of magnitude: standardise them before training.
// Each call returns a fresh copy.
func BreastCancer() *Dataset {
	X, y, classes := loadLabelledCSV("breast_cancer.csv")
	var names []string
	for _, stat := range []string{"mean %s", "%s error", "worst %s"} {
		for _, f := range []string{"radius", "texture", "perimeter", "area", "smoothness",
			"compactness", "concavity", "concave points", "symmetry", "fractal dimension"} {
			names = append(names, fmt.Sprintf(stat, f))
		}
	}
	return &Dataset{
		Name: "breast_cancer", X: X, Y: y, ClassNames: classes, FeatureNames: names,
		Description: "Breast Cancer Wisconsin (Diagnostic): 569 examples, 30 features, " +
			"2 classes (212 malignant, 357 benign).\n" +
			"Street, W.N., Wolberg, W.H., Mangasarian, O.L. (1993) \"Nuclear feature extraction " +
			"for breast tumor diagnosis\", IS&T/SPIE Biomedical Image Processing and Biomedical " +
			"Visualization, vol. 1905, 861-870. From the UCI Machine Learning Repository.\n" +
			sklearnLicence,
	}
}

// Wine returns the wine recognition data: 178 wines from three cultivars
// of the same region of Italy, 13 results of a chemical analysis, 3 classes
// (59, 71 and 48 wines). Proline is in the hundreds while hue is near 1:
// standardise before training. Each call returns a fresh copy.
func Wine() *Dataset {
	X, y, classes := loadLabelledCSV("wine_data.csv")
	return &Dataset{
		Name: "wine", X: X, Y: y, ClassNames: classes,
		FeatureNames: []string{"alcohol", "malic_acid", "ash", "alcalinity_of_ash", "magnesium",
			"total_phenols", "flavanoids", "nonflavanoid_phenols", "proanthocyanins",
			"color_intensity", "hue", "od280/od315_of_diluted_wines", "proline"},
		Description: "Wine recognition: 178 examples, 13 features, 3 classes (59, 71, 48).\n" +
			"Forina, M. et al., PARVUS - An Extendible Package for Data Exploration, " +
			"Classification and Correlation, Institute of Pharmaceutical and Food Analysis and " +
			"Technologies, Genoa, Italy. From the UCI Machine Learning Repository " +
			"(Aeberhard, S., Coomans, D., de Vel, O. (1992) \"Comparison of classifiers in " +
			"high dimensional settings\", Tech. Rep. 92-02, James Cook University).\n" +
			sklearnLicence,
	}
}

// Digits returns the optical recognition of handwritten digits data: 1797
// images of 8×8 pixels, each pixel an integer 0..16 (the count of ink
// pixels in a 4×4 block of the 32×32 original), 10 classes "0" to "9".
// Column 8r+c is the pixel in row r, column c. Each call returns a fresh
// copy.
func Digits() *Dataset {
	rows := readNumbers("digits.csv.gz", 65)
	X, y := splitLastColumn(rows)
	return &Dataset{
		Name: "digits", X: X, Y: y, ClassNames: digitNames(), FeatureNames: PixelNames(8, 8),
		Description: "Optical Recognition of Handwritten Digits (the UCI test set): 1797 examples, " +
			"64 features (8×8 pixels, 0..16), 10 classes.\n" +
			"Alpaydin, E., Kaynak, C. (1998) \"Cascading classifiers\", Kybernetika 34(4), 369-374; " +
			"Kaynak, C. (1995) Methods of Combining Multiple Classifiers and Their Applications to " +
			"Handwritten Digit Recognition, MSc thesis, Bogazici University. " +
			"From the UCI Machine Learning Repository.\n" + sklearnLicence,
	}
}

// Diabetes returns the diabetes regression data: 442 patients, 10 baseline
// variables (age in years, sex coded 1 or 2, body mass index, mean blood
// pressure and six blood serum measurements s1..s6) and, as target, a
// measure of disease progression one year later (25 to 346). The features
// are the raw values, not the centred and scaled ones that scikit-learn
// returns by default: standardise them with a Standardizer fitted on the
// training split. Each call returns a fresh copy.
func Diabetes() *Dataset {
	X := toDense(readNumbers("diabetes_data_raw.csv.gz", 10))
	y := toDense(readNumbers("diabetes_target.csv.gz", 1))
	return &Dataset{
		Name: "diabetes", X: X, Y: y,
		FeatureNames: []string{"age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"},
		Description: "Diabetes: 442 examples, 10 features, a continuous target.\n" +
			"Efron, B., Hastie, T., Johnstone, I., Tibshirani, R. (2004) \"Least angle " +
			"regression\", Annals of Statistics 32(2), 407-499.\n" + sklearnLicence,
	}
}

// PixelNames names the pixels of a rows×cols image in row-major order:
// pixel_0_0, pixel_0_1, …
func PixelNames(rows, cols int) []string {
	names := make([]string, 0, rows*cols)
	for r := range rows {
		for c := range cols {
			names = append(names, fmt.Sprintf("pixel_%d_%d", r, c))
		}
	}
	return names
}

// digitNames returns the class names "0" to "9".
func digitNames() []string {
	names := make([]string, 10)
	for i := range names {
		names[i] = strconv.Itoa(i)
	}
	return names
}

// loadLabelledCSV reads scikit-learn's labelled CSV layout: a header line
// "n,d,class0,class1,…" with the number of examples, the number of
// features and the class names, then n lines of d features and a class
// index.
func loadLabelledCSV(name string) (X, y *mat.Dense, classes []string) {
	r := openDatasetFile(name)
	defer r.Close()
	br := bufio.NewReader(r)
	header, err := br.ReadString('\n')
	if err != nil {
		corruptDataset(name, "reading the header: %v", err)
	}
	fields := strings.Split(strings.TrimSpace(header), ",")
	if len(fields) < 3 {
		corruptDataset(name, "header %q has fewer than 3 fields", header)
	}
	n, err1 := strconv.Atoi(fields[0])
	d, err2 := strconv.Atoi(fields[1])
	if err1 != nil || err2 != nil {
		corruptDataset(name, "header %q does not start with two counts", header)
	}
	rows := parseNumbers(name, br, d+1)
	if len(rows) != n {
		corruptDataset(name, "header says %d examples, found %d", n, len(rows))
	}
	X, y = splitLastColumn(rows)
	classes = fields[2:]
	for i, row := range rows {
		if c := row[d]; c != float64(int(c)) || c < 0 || int(c) >= len(classes) {
			corruptDataset(name, "row %d: class %g is not one of the %d classes", i, c, len(classes))
		}
	}
	return X, y, classes
}

// readNumbers reads a headerless embedded file of numbers, each line
// holding cols of them, separated by commas or blanks.
func readNumbers(name string, cols int) [][]float64 {
	r := openDatasetFile(name)
	defer r.Close()
	return parseNumbers(name, r, cols)
}

// parseNumbers parses lines of cols numbers separated by commas or blanks.
func parseNumbers(name string, r io.Reader, cols int) [][]float64 {
	var rows [][]float64
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		fields := strings.FieldsFunc(sc.Text(), func(c rune) bool { return c == ',' || c == ' ' || c == '\t' })
		if len(fields) == 0 {
			continue
		}
		if len(fields) != cols {
			corruptDataset(name, "line %d has %d fields, want %d", line, len(fields), cols)
		}
		row := make([]float64, cols)
		for j, f := range fields {
			v, err := strconv.ParseFloat(f, 64)
			if err != nil {
				corruptDataset(name, "line %d: %v", line, err)
			}
			row[j] = v
		}
		rows = append(rows, row)
	}
	if err := sc.Err(); err != nil {
		corruptDataset(name, "%v", err)
	}
	if len(rows) == 0 {
		corruptDataset(name, "no data")
	}
	return rows
}

// openDatasetFile opens an embedded file, decompressing it if its name
// ends in .gz.
func openDatasetFile(name string) io.ReadCloser {
	f, err := datasetFiles.Open("datasets/" + name)
	if err != nil {
		corruptDataset(name, "%v", err)
	}
	if !strings.HasSuffix(name, ".gz") {
		return f
	}
	zr, err := gzip.NewReader(f)
	if err != nil {
		corruptDataset(name, "%v", err)
	}
	return struct {
		io.Reader
		io.Closer
	}{zr, f}
}

// corruptDataset panics: the embedded files are part of the package, so a
// bad one is a broken build, not a condition a caller can handle.
func corruptDataset(name, format string, args ...any) {
	panic(fmt.Sprintf("backprop: embedded data set %s: %s", name, fmt.Sprintf(format, args...)))
}

// toDense copies rows of equal length into a matrix.
func toDense(rows [][]float64) *mat.Dense {
	m := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, row := range rows {
		m.SetRow(i, row)
	}
	return m
}

// splitLastColumn returns the rows without their last column as X, and the
// last column as y.
func splitLastColumn(rows [][]float64) (X, y *mat.Dense) {
	d := len(rows[0]) - 1
	X = mat.NewDense(len(rows), d, nil)
	y = mat.NewDense(len(rows), 1, nil)
	for i, row := range rows {
		X.SetRow(i, row[:d])
		y.Set(i, 0, row[d])
	}
	return X, y
}
