package backprop

import "gonum.org/v1/gonum/mat"

// Param is one trainable tensor of a model: its current value and the
// gradient of the loss with respect to it. Value and Grad always have the
// same shape. Backward passes add into Grad; ZeroGrad clears it.
type Param struct {
	Name  string
	Value *mat.Dense
	Grad  *mat.Dense
}

// Layer is one step of a network's forward pass. Rows of x are examples.
//
// Forward computes the layer's output and caches what Backward needs.
// Backward receives dL/d(output), adds dL/d(param) into each Param.Grad and
// returns dL/d(input). The matrices a layer returns are owned by the layer
// and are overwritten by its next call: copy them to keep them.
//
// A network skips dL/d(input) where nothing uses it: Sequential.Backward
// returns nil unless its InputGrad is set, and lets its first layer compute
// its parameter gradients only (ParamBackwarder).
type Layer interface {
	Forward(x *mat.Dense) *mat.Dense
	Backward(gradOut *mat.Dense) *mat.Dense
	Params() []*Param
}

// ParamBackwarder is a Layer whose backward pass can stop at the parameter
// gradients: BackwardParams(gradOut) adds into each Param.Grad what
// Backward adds, and does not compute dL/d(input). A Sequential calls it on
// its first layer, whose input is the data: nobody uses the gradient with
// respect to the data, and for a first Linear layer fed with 784 pixels
// that product is a third of the backward pass. Linear and Sequential
// implement it; a layer of your own may, or may leave it: Sequential then
// calls its Backward and ignores what it returns.
type ParamBackwarder interface {
	Layer
	BackwardParams(gradOut *mat.Dense)
}

// Optimizer updates parameters from their gradients. The learning rate is
// passed in at every step (it comes from a Schedule), so an optimizer never
// owns it; everything else it needs (velocity, moment estimates) it keeps
// per parameter.
type Optimizer interface {
	Step(params []*Param, lr float64)
}

// Schedule gives the learning rate at a step (counted from 0). It is a pure
// function: the same step always gives the same rate.
type Schedule func(step int) float64

// Loss measures how far a batch of predictions is from its targets.
//
// Value returns the loss averaged over the batch (rows). Grad writes
// dL/d(pred) of that same averaged loss into dst, which must have pred's
// shape; writing into a caller's matrix keeps the training step free of
// allocations. What target holds depends on the loss (values, 0/1 labels,
// one-hot rows, or one column of class indices): each loss documents it.
type Loss interface {
	Value(pred, target *mat.Dense) float64
	Grad(dst, pred, target *mat.Dense)
}
