package backprop_test

import (
	"fmt"

	"github.com/deepdive-dl/backprop/pkg/backprop"
	"gonum.org/v1/gonum/mat"
)

// One step of plain gradient descent, w ← w − η·g, and one with momentum,
// by hand: with μ = 0.9 the velocity is g at the first step and 0.9·g + g
// at the second when the gradient stays the same.
func ExampleSGD() {
	w := &backprop.Param{
		Name:  "w",
		Value: mat.NewDense(1, 2, []float64{1, 2}),
		Grad:  mat.NewDense(1, 2, []float64{0.5, -1}),
	}
	params := []*backprop.Param{w}

	backprop.NewSGD(backprop.SGDConfig{}).Step(params, 0.1)
	fmt.Printf("SGD:         %.4g\n", w.Value.RawRowView(0)) // 1 − 0.1·0.5, 2 − 0.1·(−1)

	momentum := backprop.NewSGD(backprop.SGDConfig{Momentum: 0.9})
	momentum.Step(params, 0.1) // v = g
	fmt.Printf("momentum, 1: %.4g\n", w.Value.RawRowView(0))
	momentum.Step(params, 0.1) // v = 0.9·g + g = 1.9·g
	fmt.Printf("momentum, 2: %.4g\n", w.Value.RawRowView(0))
	// Output:
	// SGD:         [0.95 2.1]
	// momentum, 1: [0.9 2.2]
	// momentum, 2: [0.805 2.39]
}

// Adam's first step: the bias-corrected moments are m̂ = g and v̂ = g², so
// every weight moves by almost exactly the learning rate, against the sign
// of its gradient, whatever the gradient's size.
func ExampleAdam() {
	w := &backprop.Param{
		Name:  "w",
		Value: mat.NewDense(1, 3, []float64{1, 1, 1}),
		Grad:  mat.NewDense(1, 3, []float64{1000, -0.001, 0.5}),
	}
	adam := backprop.NewAdam(backprop.AdamConfig{})
	adam.Step([]*backprop.Param{w}, 0.01)
	fmt.Printf("%.6f\n", w.Value.RawRowView(0))
	fmt.Printf("%+v\n", adam.Config())
	// Output:
	// [0.990000 1.010000 0.990000]
	// {Beta1:0.9 Beta2:0.999 Eps:1e-08 WeightDecay:0 AMSGrad:false}
}

// AdamW shrinks the weights by η·λ before Adam's step: with a zero
// gradient only the decay acts, w ← (1 − 0.1·0.5)·w.
func ExampleAdamW() {
	w := &backprop.Param{
		Name:  "w",
		Value: mat.NewDense(1, 2, []float64{2, -4}),
		Grad:  mat.NewDense(1, 2, nil),
	}
	backprop.NewAdamW(backprop.AdamConfig{WeightDecay: 0.5}).Step([]*backprop.Param{w}, 0.1)
	fmt.Printf("%.4g\n", w.Value.RawRowView(0))
	// Output:
	// [1.9 -3.8]
}

// A surface's Path runs an optimizer from a point and returns the points
// it visits, for a chart of optimizer paths. On the bowl (x² + 10y²)/2
// gradient descent at rate 0.15 overshoots along y (1 − 0.15·10 = −0.5)
// while it crawls along x.
func ExampleSurface_Path() {
	bowl := backprop.IllConditionedBowl(10)
	xs, ys := bowl.Path(backprop.NewSGD(backprop.SGDConfig{}), backprop.Constant(0.15), bowl.StartX, bowl.StartY, 4)
	for i := range xs {
		fmt.Printf("(%.4f, %.4f)\n", xs[i], ys[i])
	}
	// Output:
	// (-4.0000, 1.0000)
	// (-3.4000, -0.5000)
	// (-2.8900, 0.2500)
	// (-2.4565, -0.1250)
	// (-2.0880, 0.0625)
}
