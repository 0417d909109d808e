package solutions_test

import (
	"math"
	"testing"

	"github.com/deepdive-dl/backprop/pkg/backprop"
	"github.com/deepdive-dl/backprop/solutions"
)

// Notebook 05, section 6, promises that correct exercise functions plugged
// into the capstone's network by the library's adapters train it as the
// library does, step for step. The model answers must keep that promise.
func TestSolutionsTrainTheCapstoneLikeTheLibrary(t *testing.T) {
	d := backprop.Digits()
	d.X.Scale(1.0/16, d.X)
	train, _, _ := backprop.Split(d.X, d.Y, backprop.SplitConfig{Validation: 0.2, Stratify: true, Seed: 1})
	run := func(plugged bool) *backprop.History {
		rng := backprop.NewRand(1)
		hidden := backprop.NewLinear("hidden", 64, 64, backprop.HeUniform, rng)
		output := backprop.NewLinear("output", 64, 10, backprop.GlorotUniform, rng)
		var dense1, relu, dense2 backprop.Layer = hidden, &backprop.ReLU{}, output
		cfg := backprop.FitConfig{Epochs: 3, BatchSize: 32, Seed: 1, LR: 0.05,
			Loss: backprop.SparseCrossEntropyWithLogits{}, Optimizer: backprop.NewSGD(backprop.SGDConfig{Momentum: 0.9})}
		if plugged {
			dense1 = backprop.WithDenseBackward(hidden, solutions.DenseBackward)
			dense2 = backprop.WithDenseBackward(output, solutions.DenseBackward)
			relu = backprop.WithActivationBackward(relu, solutions.ReLUBackward)
			cfg.Loss = backprop.ClassLossFuncs(solutions.SoftmaxCrossEntropy, solutions.SoftmaxCrossEntropyGrad)
			cfg.Optimizer = backprop.OptimizerFunc(func(w, grad, v []float64, lr float64) ([]float64, []float64) {
				return solutions.MomentumStep(w, grad, v, lr, 0.9)
			}, true)
		}
		h, err := backprop.Fit(backprop.NewSequential(dense1, relu, dense2), train.X, train.Y, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	lib, plugged := run(false), run(true)
	if len(lib.Steps) != len(plugged.Steps) {
		t.Fatalf("%d steps with the library, %d with the solutions", len(lib.Steps), len(plugged.Steps))
	}
	if first, last := plugged.Steps[0].Loss, plugged.Final().Loss; !(last < first/2) {
		t.Fatalf("the run does not learn (loss %g → %g): the comparison would prove little", first, last)
	}
	for i := range lib.Steps {
		if a, b := lib.Steps[i].Loss, plugged.Steps[i].Loss; math.Abs(a-b) > 1e-9 {
			t.Fatalf("step %d: loss %.12g with the library, %.12g with the solutions", i, a, b)
		}
	}
}
