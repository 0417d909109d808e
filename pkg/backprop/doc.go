// Package backprop is the library of the course "Deep Dive into Deep
// Learning: Backpropagation": small, readable neural networks on gonum
// matrices, with every gradient checked against finite differences.
//
// # Overview
//
// The package has seven parts, in the order the course meets them:
//
//   - Scalar autograd: Value, a number that remembers how it was computed,
//     so that Backward can apply the chain rule through the whole graph
//     (the micrograd idea). Graph exports the computation for drawing.
//   - Layers: Linear (y = x·W + b) and the activations Sigmoid, Tanh,
//     ReLU, LeakyReLU, Softmax and Identity, chained by Sequential.
//   - Losses: regression (MSE, RMSE, MAE, MSLE, Huber), binary (BCE,
//     BCEWithLogits, Hinge, SquaredHinge) and multi-class (CrossEntropy,
//     SparseCrossEntropy and their WithLogits forms, KLDivergence).
//     Losses lists them.
//   - Optimizers: SGD (with momentum and Nesterov), Adagrad, Adadelta,
//     RMSprop, Adam and AdamW, each checked against torch.optim.
//   - Learning-rate schedules: Constant, StepDecay, Exponential,
//     InverseTime, CosineAnnealing, CosineWave, WarmUp, Cyclical and
//     OneCycle; a ReduceLROnPlateau controller; LRRangeTest, the
//     learning-rate finder.
//   - Training: Fit, one loop for batch, mini-batch and stochastic gradient
//     descent, with validation data, early stopping, a History per epoch
//     and per step, and hooks for live charts.
//   - Gradient checking: CheckLayer, CheckLoss and CheckModel compare
//     every analytic gradient with central finite differences.
//   - Data: toy generators (MakeLinear, MakeXOR, MakeMoons, MakeCircles,
//     MakeSpirals, MakeBlobs...), real data sets that work offline (Iris,
//     Wine, BreastCancer, Digits, Diabetes; MNIST in package mnist, so that
//     only programs that load it depend on its data module), Split,
//     Standardizer, OneHot, Batches and TakeRows.
//
// # Matrices
//
// Everything is a *mat.Dense from gonum.org/v1/gonum/mat, with one example
// per row: a batch of 32 points in the plane is 32×2. A Linear layer with
// 2 inputs and 16 outputs holds W (2×16) and b (1×16) and maps the batch to
// 32×16. Targets are rows too: one column of values for regression, of 0/1
// for binary classification, of class indices 0, 1, … for the Sparse
// losses, or one one-hot row per example for CrossEntropy.
//
// # Layers and backpropagation
//
// A Layer has three methods:
//
//	Forward(x) y        computes the output, caching what Backward needs
//	Backward(dL/dy) dL/dx   adds dL/dθ into each Param.Grad, returns dL/dx
//	Params() []*Param   the trainable tensors, each a Value and its Grad
//
// Backward is the chain rule: a layer receives how the loss changes with
// its output and returns how it changes with its input, multiplying by its
// local derivative on the way. Sequential runs Forward through its layers
// in order and Backward in reverse: that is backpropagation. Gradients are
// added, not assigned (a parameter used twice gets both contributions), so
// they must be zeroed before each backward pass: Sequential.ZeroGrad, or
// the function ZeroGrad. Matrices returned by Forward and Backward belong
// to the layer and are overwritten by its next call.
//
// Weights start random, drawn by an Initializer (GlorotUniform,
// GlorotNormal, HeUniform, HeNormal) from a seeded source: NewRand(seed).
// The same seed gives the same network, bit for bit.
//
// # Training
//
// One training step is four lines:
//
//	pred := net.Forward(xb)              // 1. forward pass
//	loss := lossFn.Value(pred, yb)       // 2. loss
//	lossFn.Grad(g, pred, yb)             //    and its gradient dL/dpred
//	net.ZeroGrad(); net.Backward(g)      // 3. backward pass
//	opt.Step(net.Params(), lr)           // 4. update
//
// Fit runs exactly that step (train_step.go) over mini-batches and epochs,
// with nothing a hand-written loop lacks: the loop above is as fast, and
// gives the same bits. What Fit does after each epoch (early stopping,
// restoring the best weights, the log, OnEpoch) is a list of hooks
// (train_hooks.go). Its FitConfig works as a zero value (MSE, plain SGD at
// 0.01, full batch, 100 epochs) and each field documents its default. The
// learning rate comes from a Schedule at every step, so optimizers never
// own it. Fit returns a History: per epoch the loss, accuracy, validation
// loss and accuracy and learning rate, per step the loss and learning
// rate, and why training stopped. A loss that turns NaN or infinite stops
// training with an error (ErrDiverged) naming the epoch and the step, both
// counted from 1; the usual cause is a learning rate that is too high.
//
// Training never uses dL/dx of the network's input (nobody updates the
// data), so Sequential.Backward does not compute it: the first layer adds
// its parameter gradients only, when it is a ParamBackwarder, as Linear
// is. Set Sequential.InputGrad to get dL/dx.
//
// # Checking gradients
//
// Every analytic gradient can be compared with the central difference
// (L(θ+h) - L(θ-h)) / 2h. CheckLayer, CheckLoss and CheckModel report the
// largest relative error |a-n| / max(|a|, |n|, tiny): below 1e-7 the
// gradient is right, between 1e-7 and 1e-4 it is suspicious (acceptable
// only near a kink such as ReLU at 0), above 1e-4 it is wrong. GradCheck
// tunes the step, the floor and sampling for large layers.
//
// # Where each formula lives
//
// Every formula of the course is in the plain Go of one file, which states
// it in its doc comment:
//
//	y = x·W + b; dL/dW = xᵀ·G, dL/db = Σ_rows G, dL/dx = G·Wᵀ   linear.go
//	activations y = f(x), dL/dx = g ⊙ f'(x)                     activation.go
//	dropout                                                     dropout.go
//	backpropagation through layers (the chain rule)             sequential.go
//	scalar autograd, each operation's local gradients           value.go
//	regression losses (MSE, MAE, Huber…) and their gradients    loss_regression.go
//	binary losses (BCE, BCEWithLogits, hinge)                   loss_binary.go
//	multi-class losses (cross-entropy, softmax)                 loss_multiclass.go
//	w ← w − η·g, momentum, Nesterov (SGD)                       optim.go
//	Adagrad, Adadelta, RMSprop                                  optim_adaptive.go
//	Adam, AdamW                                                 optim_adam.go
//	learning-rate schedules                                     schedule.go, schedule_cyclic.go, plateau.go
//	weight initialisation (Glorot, He)                          init.go
//	one training step: forward, loss, zero + backward, update   train_step.go
//	epochs, batches, early stopping                             train.go, train_hooks.go
//	central finite differences                                  gradcheck.go
//
// # Your own functions in a network
//
// A function written on plain slices, as the course's exercises are, takes
// the place of the library's part in one call: WithDenseBackward and
// WithActivationBackward make a layer whose backward pass is yours,
// OptimizerFunc an optimizer whose update is yours, LossFuncs and
// ClassLossFuncs a loss (adapt.go). They copy at every call, for checking
// your work in a real network rather than for speed.
//
// # Performance
//
// The library is meant to be read, but also to train real networks in
// seconds. Where a formula's arithmetic is the bulk of a training step
// (the three products of a Linear layer, tanh, w −= lr·g), the file above
// states it and makes one call, named after it, to the package's internal
// code that computes it fast; the layer, the activation or the optimizer
// around that call stays the formula. A training step of Linear and
// activation layers allocates nothing once its buffers exist, also when the
// last batch of an epoch is smaller, and its results are the same bit for
// bit from run to run on one machine. BenchmarkW1Epoch, BenchmarkW1Step and
// BenchmarkW2Step time the course's workloads; bench/compare.sh runs them
// beside numpy and PyTorch, through Fit and through the plain loop.
//
// # Example
//
// A network that learns the two moons, checked and then trained:
//
//	x, y := backprop.MakeMoons(400, 0.1, 1)
//	rng := backprop.NewRand(1)
//	net := backprop.NewSequential(
//		backprop.NewLinear("dense1", 2, 16, backprop.GlorotUniform, rng), &backprop.Tanh{},
//		backprop.NewLinear("dense2", 16, 1, backprop.GlorotUniform, rng), &backprop.Sigmoid{},
//	)
//	fmt.Println(backprop.CheckModel(net, backprop.BCE{}, x.Slice(0, 4, 0, 2).(*mat.Dense),
//		y.Slice(0, 4, 0, 1).(*mat.Dense)).Verdict()) // fine
//	hist, err := backprop.Fit(net, x, y, backprop.FitConfig{
//		Epochs: 100, BatchSize: 32, LR: 0.5, Loss: backprop.BCE{}, Log: os.Stdout, LogEvery: 20,
//	})
//	if err != nil {
//		log.Fatal(err)
//	}
//	fmt.Printf("accuracy %.1f%%\n", 100*hist.Last().Accuracy)
//
// # Example: several classes, early stopping
//
// Three iris species from four measurements. The network gives one logit
// per class; the targets are class indices in one column, so the loss is
// SparseCrossEntropyWithLogits (CrossEntropyWithLogits takes one-hot rows
// instead). Training stops when the validation loss has not improved for
// 20 epochs, and RestoreBest keeps the best epoch's weights, which
// History.Final describes (ExampleFit_multiClass runs it):
//
//	iris := backprop.Iris()
//	train, val, test := backprop.Split(iris.X, iris.Y,
//		backprop.SplitConfig{Validation: 0.2, Test: 0.2, Stratify: true, Seed: 1})
//	var scale backprop.Standardizer // learned from the training part only
//	xTrain := scale.FitTransform(train.X)
//	xVal, xTest := scale.Transform(val.X), scale.Transform(test.X)
//	rng := backprop.NewRand(1)
//	net := backprop.NewSequential(
//		backprop.NewLinear("hidden", 4, 16, backprop.HeUniform, rng), &backprop.ReLU{},
//		backprop.NewLinear("logits", 16, iris.NumClasses(), backprop.GlorotUniform, rng),
//	)
//	hist, err := backprop.Fit(net, xTrain, train.Y, backprop.FitConfig{
//		Loss:      backprop.SparseCrossEntropyWithLogits{},
//		Optimizer: backprop.NewAdam(backprop.AdamConfig{}),
//		LR:        0.01, Epochs: 300, BatchSize: 16, Seed: 1,
//		ValX: xVal, ValY: val.Y, Patience: 20, RestoreBest: true,
//	})
//	if err != nil {
//		log.Fatal(err)
//	}
//	fmt.Println(hist.Stop, "; weights of epoch", hist.Final().Epoch)
//	fmt.Printf("test accuracy %.2f\n", backprop.Accuracy(net.Forward(xTest), test.Y, 0)) // 0.93
//
// # Panics and errors
//
// As in gonum, a programmer error (matrices of the wrong shape, a layer
// used before Forward) panics with a message that starts with "backprop: "
// and shows the shapes involved; each function's documentation says when it
// panics. Problems in the data (NaN inputs, labels out of range, a loss
// that diverges) are returned as errors or, inside losses, reported by a
// panic message that names the offending value.
package backprop
