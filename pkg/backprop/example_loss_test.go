package backprop_test

import (
	"fmt"

	"gonum.org/v1/gonum/mat"

	"github.com/deepdive-dl/backprop/pkg/backprop"
)

// The course's first example: the model predicts 65.1 where the answer is
// 62.5. RMSE reports the error in the target's own units.
func ExampleRMSE() {
	pred := mat.NewDense(1, 1, []float64{65.1})
	target := mat.NewDense(1, 1, []float64{62.5})
	var loss backprop.Loss = backprop.RMSE{}
	fmt.Printf("RMSE = %.4f\n", loss.Value(pred, target))

	grad := mat.NewDense(1, 1, nil)
	loss.Grad(grad, pred, target)
	fmt.Printf("dRMSE/dpred = %.4f (lower the prediction)\n", grad.At(0, 0))

	// A batch of three: the mean runs over all of it.
	pred = mat.NewDense(3, 1, []float64{65.1, 70.0, 58.3})
	target = mat.NewDense(3, 1, []float64{62.5, 71.2, 60.0})
	fmt.Printf("batch RMSE = %.4f\n", loss.Value(pred, target))
	// Output:
	// RMSE = 2.6000
	// dRMSE/dpred = 1.0000 (lower the prediction)
	// batch RMSE = 1.9227
}

// Binary cross-entropy of three predicted probabilities against their
// labels. The confident right answer (0.9 for 1) costs little; the unsure
// one (0.6 for 1) costs most and gets the largest push.
func ExampleBCE() {
	pred := mat.NewDense(3, 1, []float64{0.9, 0.2, 0.6})
	target := mat.NewDense(3, 1, []float64{1, 0, 1})
	var loss backprop.Loss = backprop.BCE{}
	fmt.Printf("BCE = %.4f\n", loss.Value(pred, target))

	grad := mat.NewDense(3, 1, nil)
	loss.Grad(grad, pred, target)
	fmt.Printf("grad = %.4f\n", mat.Formatted(grad.T()))

	// A probability of exactly 0 for a true label costs 100, not +Inf.
	fmt.Printf("BCE(p=0, y=1) = %.0f\n", loss.Value(mat.NewDense(1, 1, []float64{0}), mat.NewDense(1, 1, []float64{1})))
	// Output:
	// BCE = 0.2798
	// grad = [-0.3704   0.4167  -0.5556]
	// BCE(p=0, y=1) = 100
}

// Categorical cross-entropy of two examples over three classes: each row of
// pred is a softmax output, each row of target a one-hot label. Only the
// probability given to the true class counts: −log 0.7 and −log 0.3.
func ExampleCrossEntropy() {
	pred := mat.NewDense(2, 3, []float64{
		0.7, 0.2, 0.1,
		0.1, 0.3, 0.6,
	})
	target := mat.NewDense(2, 3, []float64{
		1, 0, 0,
		0, 1, 0,
	})
	var loss backprop.Loss = backprop.CrossEntropy{}
	fmt.Printf("CE = %.4f\n", loss.Value(pred, target))

	// The same labels as class indices.
	labels := mat.NewDense(2, 1, []float64{0, 1})
	fmt.Printf("sparse CE = %.4f\n", backprop.SparseCrossEntropy{}.Value(pred, labels))
	// Output:
	// CE = 0.7803
	// sparse CE = 0.7803
}

// From logits, the gradient of the cross-entropy is softmax(z) − y (divided
// by the number of rows), and huge logits are no problem.
func ExampleCrossEntropyWithLogits() {
	logits := mat.NewDense(2, 3, []float64{
		2, 1, 0,
		1000, -1000, 0,
	})
	target := mat.NewDense(2, 3, []float64{
		1, 0, 0,
		0, 0, 1,
	})
	var loss backprop.Loss = backprop.CrossEntropyWithLogits{}
	fmt.Printf("CE = %.4f\n", loss.Value(logits, target))

	grad := mat.NewDense(2, 3, nil)
	loss.Grad(grad, logits, target)
	fmt.Printf("grad =\n%.4f\n", mat.Formatted(grad))
	// Output:
	// CE = 500.2038
	// grad =
	// ⎡-0.1674   0.1224   0.0450⎤
	// ⎣ 0.5000   0.0000  -0.5000⎦
}

// Losses lists every loss, for a table in a notebook.
func ExampleLosses() {
	for _, info := range backprop.Losses() {
		fmt.Printf("%-28s %s\n", info.Name, info.Task)
	}
	// Output:
	// MSE                          regression
	// RMSE                         regression
	// MAE                          regression
	// MSLE                         regression
	// Huber                        regression
	// BCE                          binary classification
	// BCEWithLogits                binary classification
	// Hinge                        binary classification
	// SquaredHinge                 binary classification
	// CrossEntropy                 multi-class classification
	// CrossEntropyWithLogits       multi-class classification
	// SparseCrossEntropy           multi-class classification
	// SparseCrossEntropyWithLogits multi-class classification
	// KLDivergence                 multi-class classification
}
