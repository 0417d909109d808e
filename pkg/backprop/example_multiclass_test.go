package backprop_test

import (
	"fmt"

	"github.com/deepdive-dl/backprop/pkg/backprop"
)

// A multi-class classifier from start to end: three iris species from four
// measurements. The network outputs one logit per class and the targets
// are class indices (one column), so the loss is SparseCrossEntropyWithLogits;
// for one-hot targets it would be CrossEntropyWithLogits. Early stopping
// watches the validation loss, RestoreBest puts back the best epoch's
// weights, and History.Final describes the weights the model keeps.
func ExampleFit_multiClass() {
	iris := backprop.Iris()
	train, val, test := backprop.Split(iris.X, iris.Y,
		backprop.SplitConfig{Validation: 0.2, Test: 0.2, Stratify: true, Seed: 1})
	var scale backprop.Standardizer // learned from the training part only
	xTrain := scale.FitTransform(train.X)
	xVal, xTest := scale.Transform(val.X), scale.Transform(test.X)

	rng := backprop.NewRand(1)
	net := backprop.NewSequential(
		backprop.NewLinear("hidden", 4, 16, backprop.HeUniform, rng), &backprop.ReLU{},
		backprop.NewLinear("logits", 16, iris.NumClasses(), backprop.GlorotUniform, rng),
	)
	hist, err := backprop.Fit(net, xTrain, train.Y, backprop.FitConfig{
		Loss:      backprop.SparseCrossEntropyWithLogits{},
		Optimizer: backprop.NewAdam(backprop.AdamConfig{}),
		LR:        0.01, Epochs: 300, BatchSize: 16, Seed: 1,
		ValX: xVal, ValY: val.Y, Patience: 20, RestoreBest: true,
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	kept := hist.Final()
	fmt.Println(hist.Stop)
	fmt.Println("kept the best epoch's weights:", kept.Epoch == hist.BestEpoch)
	fmt.Printf("validation accuracy of the kept weights: %.2f\n", kept.ValAccuracy)
	fmt.Printf("test accuracy: %.2f\n", backprop.Accuracy(net.Forward(xTest), test.Y, 0))
	// Output:
	// early stopping: the loss stopped improving
	// kept the best epoch's weights: true
	// validation accuracy of the kept weights: 0.93
	// test accuracy: 0.93
}
