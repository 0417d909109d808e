package backprop_test

import (
	"errors"
	"fmt"
	"os"

	"github.com/deepdive-dl/backprop/pkg/backprop"
)

// Training a small network on the two moons with mini-batch gradient
// descent, logging every 20 epochs.
func ExampleFit() {
	x, y := backprop.MakeMoons(400, 0.1, 1)
	rng := backprop.NewRand(1)
	net := backprop.NewSequential(
		backprop.NewLinear("dense1", 2, 16, backprop.GlorotUniform, rng), &backprop.Tanh{},
		backprop.NewLinear("dense2", 16, 16, backprop.GlorotUniform, rng), &backprop.Tanh{},
		backprop.NewLinear("dense3", 16, 1, backprop.GlorotUniform, rng), &backprop.Sigmoid{},
	)
	hist, err := backprop.Fit(net, x, y, backprop.FitConfig{
		Epochs: 60, BatchSize: 32, LR: 0.5, Loss: backprop.BCE{}, Seed: 1,
		Log: os.Stdout, LogEvery: 20,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("final accuracy ≥ 97%%: %v\n", hist.Last().Accuracy >= 0.97)
	// Output:
	// epoch  1/60  loss 0.4257  acc 76.75%  lr 0.5
	// epoch 20/60  loss 0.0374  acc 99.50%  lr 0.5
	// epoch 40/60  loss 0.0102  acc 100.00%  lr 0.5
	// epoch 60/60  loss 0.0054  acc 100.00%  lr 0.5
	// stopped: reached the maximum number of epochs after 60 epochs; best loss 0.005089 at epoch 56
	// final accuracy ≥ 97%: true
}

// Early stopping watches the validation loss and stops when it no longer
// improves; the History says why training ended.
func ExampleFitConfig_earlyStopping() {
	x, y := backprop.MakeMoons(300, 0.3, 1)
	vx, vy := backprop.MakeMoons(300, 0.3, 2)
	rng := backprop.NewRand(1)
	net := backprop.NewSequential(
		backprop.NewLinear("dense1", 2, 64, backprop.HeUniform, rng), &backprop.ReLU{},
		backprop.NewLinear("dense2", 64, 1, backprop.GlorotUniform, rng),
	)
	hist, err := backprop.Fit(net, x, y, backprop.FitConfig{
		Epochs: 500, BatchSize: 16, Loss: backprop.BCEWithLogits{}, Logits: true,
		Optimizer: backprop.NewAdam(backprop.AdamConfig{}), LR: 0.01,
		ValX: vx, ValY: vy, Patience: 10, RestoreBest: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(hist.Stop)
	fmt.Println("stopped before 500 epochs:", len(hist.Epochs) < 500)
	fmt.Println("10 epochs after the best:", len(hist.Epochs) == hist.BestEpoch+10)
	// Output:
	// early stopping: the loss stopped improving
	// stopped before 500 epochs: true
	// 10 epochs after the best: true
}

// A learning rate far too high makes the loss explode; Fit stops with an
// error that says where and why.
func ExampleErrDiverged() {
	x, y := backprop.MakeLinear(100, []float64{300, -200}, 1, 0, 1)
	net := backprop.NewLinear("dense", 2, 1, backprop.GlorotUniform, backprop.NewRand(1))
	_, err := backprop.Fit(net, x, y, backprop.FitConfig{LR: 50})
	fmt.Println(errors.Is(err, backprop.ErrDiverged))
	// Output:
	// true
}
