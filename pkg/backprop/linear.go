package backprop

import (
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"github.com/deepdive-dl/backprop/pkg/backprop/internal/kernel"
)

// Linear is a fully connected (dense) layer: y = x·W + b.
//
// x is batch×in (one example per row), W is in×out, b is 1×out and is added
// to every row, y is batch×out. Its gradients, for dL/dy = G:
//
//	dL/dW = xᵀ·G        (in×out, summed over the examples of the batch)
//	dL/db = Σ_rows G    (1×out)
//	dL/dx = G·Wᵀ        (batch×in, handed to the layer below)
//
// Forward keeps a reference to x (not a copy) for Backward: do not modify x
// between the two calls.
type Linear struct {
	Name string
	W    *Param // in×out weights, named Name+".W"
	B    *Param // 1×out bias, named Name+".b"

	params  []*Param
	x       *mat.Dense // input of the last Forward
	out, dx *mat.Dense // reused output buffers
	k       kernel.Linear
}

var (
	_ Layer           = (*Linear)(nil)
	_ ParamBackwarder = (*Linear)(nil)
)

// NewLinear returns a dense layer with in inputs and out outputs. Its
// weights are drawn by init from rng (nil init means GlorotUniform) and its
// bias starts at zero. Parameters are named name+".W" and name+".b"
// (name "" means "linear"). Two layers built from random sources with the
// same seed have the same weights, bit for bit.
//
// NewLinear panics if in or out is not positive, or if rng is nil.
func NewLinear(name string, in, out int, init Initializer, rng *rand.Rand) *Linear {
	if in <= 0 || out <= 0 {
		panic(fmt.Sprintf("backprop: NewLinear: sizes must be positive, got in=%d out=%d", in, out))
	}
	if rng == nil {
		panic("backprop: NewLinear: nil rng (use NewRand(seed))")
	}
	if name == "" {
		name = "linear"
	}
	if init == nil {
		init = GlorotUniform
	}
	l := &Linear{
		Name: name,
		W:    &Param{Name: name + ".W", Value: mat.NewDense(in, out, nil), Grad: mat.NewDense(in, out, nil)},
		B:    &Param{Name: name + ".b", Value: mat.NewDense(1, out, nil), Grad: mat.NewDense(1, out, nil)},
	}
	init(l.W.Value, rng)
	l.params = []*Param{l.W, l.B}
	return l
}

// In and Out return the number of inputs and outputs of the layer.
func (l *Linear) In() int  { r, _ := l.W.Value.Dims(); return r }
func (l *Linear) Out() int { _, c := l.W.Value.Dims(); return c }

// String describes the layer, e.g. "Linear(dense1: 2→16)".
func (l *Linear) String() string {
	return fmt.Sprintf("Linear(%s: %d→%d)", l.Name, l.In(), l.Out())
}

// Params returns W and B, in that order.
func (l *Linear) Params() []*Param { return l.params }

// Forward returns y = x·W + b. The result is owned by the layer and
// overwritten by the next Forward.
//
// Forward panics if x does not have In() columns.
func (l *Linear) Forward(x *mat.Dense) *mat.Dense {
	r, c := x.Dims()
	if c != l.In() {
		panic(fmt.Sprintf("backprop: Linear.Forward (%s): x is %s, want %d columns", l.Name, shapeString(x), l.In()))
	}
	l.x = x
	l.out = resize(l.out, r, l.Out())
	l.k.XWPlusB(l.out, x, l.W.Value, l.B.Value) // y = x·W + b
	return l.out
}

// Backward adds dL/dW = xᵀ·G and dL/db = Σ_rows G into W.Grad and B.Grad
// and returns dL/dx = G·Wᵀ, owned by the layer (G is gradOut).
//
// Backward panics if called before Forward, or if gradOut is not the shape
// of the last output.
func (l *Linear) Backward(gradOut *mat.Dense) *mat.Dense {
	l.mustBackward(gradOut)
	l.k.AddXTG(l.W.Grad, l.x, gradOut) // dL/dW += xᵀ·G
	l.k.AddColSums(l.B.Grad, gradOut)  // dL/db += Σ_rows G
	r, _ := gradOut.Dims()
	l.dx = resize(l.dx, r, l.In())
	l.k.GWT(l.dx, gradOut, l.W.Value) // dL/dx = G·Wᵀ
	return l.dx
}

// BackwardParams is Backward without dL/dx (see ParamBackwarder): it adds
// dL/dW and dL/db only. The first layer of a network needs nothing more
// (nobody consumes the gradient with respect to the data), and for a layer
// fed with 784 pixels this saves a third of the backward pass.
//
// BackwardParams panics like Backward.
func (l *Linear) BackwardParams(gradOut *mat.Dense) {
	l.mustBackward(gradOut)
	l.k.AddXTG(l.W.Grad, l.x, gradOut) // dL/dW += xᵀ·G
	l.k.AddColSums(l.B.Grad, gradOut)  // dL/db += Σ_rows G
}

// mustBackward panics unless Forward has run and gradOut has the shape of
// its output.
func (l *Linear) mustBackward(gradOut *mat.Dense) {
	if l.x == nil {
		panic("backprop: Linear.Backward (" + l.Name + "): called before Forward")
	}
	if !sameShape(gradOut, l.out) {
		panic(fmt.Sprintf("backprop: Linear.Backward (%s): gradOut is %s, want the output's shape %s",
			l.Name, shapeString(gradOut), shapeString(l.out)))
	}
}
