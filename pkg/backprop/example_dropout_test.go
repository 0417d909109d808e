package backprop_test

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/deepdive-dl/backprop/pkg/backprop"
)

// Dropout drops inputs only in training mode, and scales the survivors so
// that each output keeps its input's expected value.
func ExampleDropout() {
	d := backprop.NewDropout(0.5, backprop.NewRand(1))
	x := mat.NewDense(1, 8, []float64{1, 1, 1, 1, 1, 1, 1, 1})

	fmt.Println("evaluation:", mat.Formatted(d.Forward(x)))
	d.SetTraining(true)
	fmt.Println("training:  ", mat.Formatted(d.Forward(x)))
	// Output:
	// evaluation: [1  1  1  1  1  1  1  1]
	// training:   [0  0  0  2  0  2  2  2]
}

// ClipGradNorm shortens a gradient that is too long, keeping its direction.
func ExampleClipGradNorm() {
	w := &backprop.Param{Name: "w", Value: mat.NewDense(1, 2, nil), Grad: mat.NewDense(1, 2, []float64{30, 40})}
	before := backprop.ClipGradNorm(5, w)
	fmt.Println(before, mat.Formatted(w.Grad))
	// Output:
	// 50 [3  4]
}
