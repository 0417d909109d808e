package backprop_test

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"

	"github.com/deepdive-dl/backprop/pkg/backprop"
)

func ExampleIris() {
	iris := backprop.Iris()
	r, c := iris.X.Dims()
	fmt.Printf("%d examples × %d features, %d classes\n", r, c, iris.NumClasses())
	fmt.Println(iris.FeatureNames)
	fmt.Println(iris.ClassNames)
	fmt.Println("first flower:", mat.Row(nil, 0, iris.X), "class", iris.Y.At(0, 0))
	// Output:
	// 150 examples × 4 features, 3 classes
	// [sepal length (cm) sepal width (cm) petal length (cm) petal width (cm)]
	// [setosa versicolor virginica]
	// first flower: [5.1 3.5 1.4 0.2] class 0
}

func ExampleDigits() {
	digits := backprop.Digits()
	// Draw the first image: 8×8 pixels, 0 (white) to 16 (black).
	shades := []rune(" .:-=+*#%@")
	for r := range 8 {
		line := make([]rune, 8)
		for c := range 8 {
			line[c] = shades[int(digits.X.At(0, 8*r+c))*(len(shades)-1)/16]
		}
		fmt.Println("|" + string(line) + "|")
	}
	fmt.Println("label:", digits.ClassNames[int(digits.Y.At(0, 0))])
	// Output:
	// |  :#+   |
	// |  #%+%: |
	// | .%. *= |
	// | :*  == |
	// | :=  += |
	// | :*  *- |
	// | .#:+*  |
	// |  -#+   |
	// label: 0
}

// Split, then fit the Standardizer on the training part only and apply it
// to every part.
func ExampleSplit() {
	wine := backprop.Wine()
	train, val, test := backprop.Split(wine.X, wine.Y, backprop.SplitConfig{
		Validation: 0.15, Test: 0.15, Stratify: true, Seed: 1,
	})
	fmt.Println("sizes:", train.Len(), val.Len(), test.Len())

	var std backprop.Standardizer
	xTrain := std.FitTransform(train.X)
	xVal := std.Transform(val.X)
	// Proline, the last feature, is in the hundreds.
	fmt.Printf("proline on the training wines: mean %.1f, sd %.1f\n", std.Mean[12], std.Scale[12])
	trainMean := mat.Sum(xTrain.ColView(12)) / float64(train.Len())
	fmt.Println("standardised training mean is 0:", math.Abs(trainMean) < 1e-12)
	fmt.Printf("standardised validation mean: %.3f\n", mat.Sum(xVal.ColView(12))/float64(val.Len()))
	// Output:
	// sizes: 124 27 27
	// proline on the training wines: mean 756.5, sd 315.3
	// standardised training mean is 0: true
	// standardised validation mean: -0.165
}

func ExampleOneHot() {
	labels := mat.NewDense(3, 1, []float64{2, 0, 1})
	fmt.Println(mat.Formatted(backprop.OneHot(labels, 3)))
	// Output:
	// ⎡0  0  1⎤
	// ⎢1  0  0⎥
	// ⎣0  1  0⎦
}

// One epoch of mini-batches: a fresh permutation of the examples, cut into
// batches of 4, each gathered with TakeRows into a reused buffer.
func ExampleBatches() {
	X, _ := backprop.MakeXOR(10, 0, 1)
	rng := backprop.NewRand(3)
	var xb *mat.Dense
	for _, batch := range backprop.Batches(rng.Perm(10), 4) {
		xb = backprop.TakeRows(xb, X, batch)
		r, _ := xb.Dims()
		fmt.Println(batch, r, "rows")
	}
	// Output:
	// [5 1 2 6] 4 rows
	// [9 3 4 8] 4 rows
	// [0 7] 2 rows
}

func ExampleMakeSpirals() {
	X, y := backprop.MakeSpirals(300, 3, 0.05, 1)
	r, c := X.Dims()
	counts := make([]int, 3)
	for i := range r {
		counts[int(y.At(i, 0))]++
	}
	fmt.Printf("%d×%d, class sizes %v\n", r, c, counts)
	// Output:
	// 300×2, class sizes [100 100 100]
}

func ExampleMakeXOR() {
	X, y := backprop.MakeXOR(4, 0, 1)
	for i := range 4 {
		fmt.Println(mat.Row(nil, i, X), "→", y.At(i, 0))
	}
	// Output:
	// [0 0] → 0
	// [0 1] → 1
	// [1 0] → 1
	// [1 1] → 0
}
