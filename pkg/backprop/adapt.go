package backprop

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// This file plugs functions written on plain slices, as the course's
// exercises are, into the library's Layer, Optimizer and Loss. Matrices
// travel as rows ([][]float64, one row per example) or, for parameters and
// losses, as their numbers read row by row ([]float64). The adapters copy
// at every call: they are for checking your own functions in a real
// network, not for speed.

// DenseBackwardFunc is the backward pass of a dense layer y = x·W + b,
// written on rows: from the layer's input x (n×in), its weights w (in×out)
// and dL/dy (n×out) it returns dL/dx = G·Wᵀ (n×in), dL/dW = xᵀ·G (in×out)
// and dL/db, the column sums of G (out).
type DenseBackwardFunc func(x, w, gradOut [][]float64) (gradX, gradW [][]float64, gradB []float64)

// ActivationBackwardFunc is the backward pass of an element-wise
// activation, written on rows: from the activation's input z and dL/d(output)
// it returns dL/dz, of z's shape.
type ActivationBackwardFunc func(z, gradOut [][]float64) [][]float64

// UpdateFunc updates one parameter: from its values w and its gradient
// grad (both read row by row), the optimizer's state for this parameter
// (a velocity, a running average: zeros at the first step, nil for an
// optimizer that keeps none) and the learning rate, it returns the new
// values and the new state.
type UpdateFunc func(w, grad, state []float64, lr float64) (newW, newState []float64)

// WithDenseBackward returns a layer that runs lin's forward pass and the
// given backward pass, adding dL/dW and dL/db into lin's gradients as every
// Layer does. Its parameters are lin's. A result of the wrong shape panics
// with a message that names it.
func WithDenseBackward(lin *Linear, backward DenseBackwardFunc) Layer {
	return &denseWith{lin: lin, backward: backward}
}

type denseWith struct {
	lin      *Linear
	backward DenseBackwardFunc
	x        *mat.Dense // the input of the last Forward
}

func (l *denseWith) Forward(x *mat.Dense) *mat.Dense { l.x = x; return l.lin.Forward(x) }
func (l *denseWith) Params() []*Param                { return l.lin.Params() }
func (l *denseWith) String() string                  { return l.lin.String() + " with your backward" }

func (l *denseWith) Backward(gradOut *mat.Dense) *mat.Dense {
	if l.x == nil {
		panic("backprop: Backward before Forward")
	}
	n, in := l.x.Dims()
	out := l.lin.Out()
	gx, gw, gb := l.backward(denseToRows(l.x), denseToRows(l.lin.W.Value), denseToRows(gradOut))
	gradX := rowsToDense("DenseBackward's gradX", gx, n, in)
	l.lin.W.Grad.Add(l.lin.W.Grad, rowsToDense("DenseBackward's gradW", gw, in, out))
	l.lin.B.Grad.Add(l.lin.B.Grad, rowsToDense("DenseBackward's gradB", [][]float64{gb}, 1, out))
	return gradX
}

// WithActivationBackward returns a layer that runs act's forward pass and
// the given backward pass. act is an element-wise activation (Sigmoid,
// Tanh, ReLU...) without parameters.
func WithActivationBackward(act Layer, backward ActivationBackwardFunc) Layer {
	if len(act.Params()) > 0 {
		panic(fmt.Sprintf("backprop: WithActivationBackward: %v has parameters; it takes an activation", act))
	}
	return &activationWith{act: act, backward: backward}
}

type activationWith struct {
	act      Layer
	backward ActivationBackwardFunc
	z        *mat.Dense // the input of the last Forward
}

func (a *activationWith) Forward(z *mat.Dense) *mat.Dense { a.z = z; return a.act.Forward(z) }
func (a *activationWith) Params() []*Param                { return nil }
func (a *activationWith) String() string                  { return fmt.Sprint(a.act) + " with your backward" }

func (a *activationWith) Backward(gradOut *mat.Dense) *mat.Dense {
	if a.z == nil {
		panic("backprop: Backward before Forward")
	}
	r, c := a.z.Dims()
	return rowsToDense("the activation's gradient", a.backward(denseToRows(a.z), denseToRows(gradOut)), r, c)
}

// OptimizerFunc returns an Optimizer that applies update to every parameter
// at every step, keeping one state slice per parameter (stateful: zeros of
// the parameter's size at the first step; otherwise nil). A result of the
// wrong length panics with a message that names the parameter.
func OptimizerFunc(update UpdateFunc, stateful bool) Optimizer {
	return &funcOptimizer{update: update, stateful: stateful, state: map[*Param][]float64{}}
}

type funcOptimizer struct {
	update   UpdateFunc
	stateful bool
	state    map[*Param][]float64
}

func (o *funcOptimizer) Step(params []*Param, lr float64) {
	for _, p := range params {
		w := p.Value.RawMatrix().Data
		state := o.state[p]
		if o.stateful && state == nil {
			state = make([]float64, len(w))
		}
		// Copies: the function may change its arguments in place.
		newW, newState := o.update(append([]float64(nil), w...),
			append([]float64(nil), p.Grad.RawMatrix().Data...), state, lr)
		if len(newW) != len(w) {
			panic(fmt.Sprintf("backprop: the update of %s returned %d values, want %d", p.Name, len(newW), len(w)))
		}
		if o.stateful && len(newState) != len(w) {
			panic(fmt.Sprintf("backprop: the update of %s returned a state of %d values, want %d", p.Name, len(newState), len(w)))
		}
		copy(w, newW)
		o.state[p] = newState
	}
}

// LossFuncs returns a Loss from a value and its gradient written on the
// numbers of pred and target read row by row, such as a mean squared error
// and its gradient. The batch's loss is what value returns: with one output
// column, the mean over the N entries is the library's mean over rows.
func LossFuncs(value func(pred, target []float64) float64, grad func(pred, target []float64) []float64) Loss {
	return funcLoss{value: value, grad: grad}
}

type funcLoss struct {
	value func(pred, target []float64) float64
	grad  func(pred, target []float64) []float64
}

func (l funcLoss) Value(pred, target *mat.Dense) float64 {
	return l.value(flat(pred), flat(target))
}

func (l funcLoss) Grad(dst, pred, target *mat.Dense) {
	r, c := pred.Dims()
	g := l.grad(flat(pred), flat(target))
	if len(g) != r*c {
		panic(fmt.Sprintf("backprop: the loss gradient has %d values, want %d (%d×%d)", len(g), r*c, r, c))
	}
	dst.Copy(mat.NewDense(r, c, g))
}

// ClassLossFuncs returns a Loss from a value and its gradient written on
// rows of class scores and the class of each row, such as a softmax
// cross-entropy of logits and its gradient. Its targets are, as for
// SparseCrossEntropyWithLogits, one column of class indices 0…C−1; Value and
// Grad panic on a target that is not one of them.
func ClassLossFuncs(value func(scores [][]float64, labels []int) float64,
	grad func(scores [][]float64, labels []int) [][]float64) Loss {
	return classFuncLoss{value: value, grad: grad}
}

type classFuncLoss struct {
	value func(scores [][]float64, labels []int) float64
	grad  func(scores [][]float64, labels []int) [][]float64
}

func (l classFuncLoss) Value(pred, target *mat.Dense) float64 {
	return l.value(denseToRows(pred), classLabels(pred, target))
}

func (l classFuncLoss) Grad(dst, pred, target *mat.Dense) {
	r, c := pred.Dims()
	dst.Copy(rowsToDense("the loss gradient", l.grad(denseToRows(pred), classLabels(pred, target)), r, c))
}

// classLabels reads target, one column of class indices, for the rows of pred.
func classLabels(pred, target *mat.Dense) []int {
	r, c := pred.Dims()
	tr, tc := target.Dims()
	if tc != 1 || tr != r {
		panic(fmt.Sprintf("backprop: the targets are %d×%d, want %d×1: one class index per row", tr, tc, r))
	}
	labels := make([]int, r)
	for i := range labels {
		v := target.At(i, 0)
		if v != math.Trunc(v) || v < 0 || v >= float64(c) {
			panic(fmt.Sprintf("backprop: target %d is %v, not a class index 0…%d", i, v, c-1))
		}
		labels[i] = int(v)
	}
	return labels
}

// flat copies m's numbers, row by row.
func flat(m *mat.Dense) []float64 {
	r, c := m.Dims()
	out := make([]float64, 0, r*c)
	for i := range r {
		out = append(out, m.RawRowView(i)...)
	}
	return out
}

// toRows copies m into a slice of rows.
func denseToRows(m *mat.Dense) [][]float64 {
	r, _ := m.Dims()
	out := make([][]float64, r)
	for i := range out {
		out[i] = append([]float64(nil), m.RawRowView(i)...)
	}
	return out
}

// fromRows turns rows into an r×c matrix, panicking (naming what) on a wrong shape.
func rowsToDense(what string, rows [][]float64, r, c int) *mat.Dense {
	if len(rows) != r {
		panic(fmt.Sprintf("backprop: %s has %d rows, want %d", what, len(rows), r))
	}
	m := mat.NewDense(r, c, nil)
	for i, row := range rows {
		if len(row) != c {
			panic(fmt.Sprintf("backprop: %s: row %d has %d values, want %d", what, i, len(row), c))
		}
		m.SetRow(i, row)
	}
	return m
}
