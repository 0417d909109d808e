package backprop

import "gonum.org/v1/gonum/mat"

// Param is one trainable tensor of a model: its current value and the
// gradient of the loss with respect to it. Value and Grad always have the
// same shape. Backward passes add into Grad; ZeroGrad clears it.
type Param struct {
	Name  string
	Value *mat.Dense
	Grad  *mat.Dense

	// stale, set by Fit's steps (trainer.backwardAndUpdate), says that Grad
	// still holds the previous batch's gradient: its next writer overwrites
	// it instead of adding to it, which saves clearing it first.
	stale bool
}

// Layer is one step of a network's forward pass. Rows of x are examples.
//
// Forward computes the layer's output and caches what Backward needs.
// Backward receives dL/d(output), adds dL/d(param) into each Param.Grad and
// returns dL/d(input). The matrices a layer returns are owned by the layer
// and are overwritten by its next call: copy them to keep them.
type Layer interface {
	Forward(x *mat.Dense) *mat.Dense
	Backward(gradOut *mat.Dense) *mat.Dense
	Params() []*Param
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
