package backprop

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// trainer holds everything one training step reuses, so that a step in
// steady state allocates nothing: the batch buffers, the buffer for
// dL/d(prediction), and the parameter list.
type trainer struct {
	model  Layer
	pb     paramBackwarder // model, if it can skip dL/d(input)
	loss   Loss
	opt    Optimizer
	params []*Param

	xb, yb     *mat.Dense // current batch: a view of the data or a copy
	xbuf, ybuf *mat.Dense // storage of copied batches
	xview      mat.Dense  // xb and yb when they are views
	yview      mat.Dense
	grad       *mat.Dense // dL/d(prediction)

	threshold float64
	valAcc    *accuracyCounter

	gradDone bool // grad already holds dL/d(prediction) for this step

	// lazyClear: every parameter's gradient is written by a Linear layer,
	// which can overwrite a stale gradient (Param.stale) instead of
	// adding to a cleared one.
	lazyClear bool
}

func newTrainer(model Layer, loss Loss, opt Optimizer, threshold float64) *trainer {
	t := &trainer{model: model, loss: loss, opt: opt, params: model.Params(), threshold: threshold}
	t.pb, _ = model.(paramBackwarder)
	t.lazyClear = linearsOnly(model)
	return t
}

// linearsOnly reports whether the only parameters of model belong to its
// Linear layers: model is a Linear, or a Sequential (nested or not) whose
// layers are Linears and layers without parameters. Any other layer might
// add into a gradient it does not know to be stale.
func linearsOnly(model Layer) bool {
	switch m := model.(type) {
	case *Linear:
		return true
	case *Sequential:
		for _, l := range m.Layers {
			if !linearsOnly(l) && len(l.Params()) > 0 {
				return false
			}
		}
		return true
	}
	return false
}

// setBatch makes the rows idx of x and y the current batch. Consecutive
// rows (examples in their original order, or one batch of everything) are
// used where they are, through a view; other batches are copied. Copying
// a batch of 64 images moves 400 kB, a tenth of the time of a step.
func (t *trainer) setBatch(x, y *mat.Dense, idx []int) {
	if !consecutive(idx) {
		t.xbuf = TakeRows(t.xbuf, x, idx)
		t.ybuf = TakeRows(t.ybuf, y, idx)
		t.xb, t.yb = t.xbuf, t.ybuf
		return
	}
	t.xb = rowsView(&t.xview, x, idx[0], len(idx))
	t.yb = rowsView(&t.yview, y, idx[0], len(idx))
}

// consecutive reports whether idx is a non-empty run i, i+1, i+2, ….
func consecutive(idx []int) bool {
	if len(idx) == 0 {
		return false
	}
	for k, i := range idx {
		if i != idx[0]+k {
			return false
		}
	}
	return true
}

// rowsView points v at rows from to from+n-1 of m and returns it: like
// m.Slice, without allocating a new matrix header every step.
//
// rowsView panics if the rows are not all in m.
func rowsView(v, m *mat.Dense, from, n int) *mat.Dense {
	r, _ := m.Dims()
	if from < 0 || from+n > r {
		panic(fmt.Sprintf("backprop: rows %d to %d out of range for %s", from, from+n-1, shapeString(m)))
	}
	raw := m.RawMatrix()
	raw.Rows = n
	raw.Data = raw.Data[from*raw.Stride : (from+n-1)*raw.Stride+raw.Cols]
	v.SetRawMatrix(raw)
	return v
}

// lossValueGrader is a loss that computes its value and its gradient in
// one pass, sharing the work (the exponentials of a softmax).
type lossValueGrader interface {
	valueAndGrad(dst, pred, target *mat.Dense) float64
}

// lossOf returns the loss of a step's prediction. When the loss can give
// its gradient in the same pass, it goes into t.grad for
// backwardAndUpdate.
func (t *trainer) lossOf(pred, yb *mat.Dense) float64 {
	vg, ok := t.loss.(lossValueGrader)
	if !ok {
		return t.loss.Value(pred, yb)
	}
	r, c := pred.Dims()
	t.grad = resize(t.grad, r, c)
	t.gradDone = true
	return vg.valueAndGrad(t.grad, pred, yb)
}

// backwardAndUpdate finishes the step that forward began: the gradient of
// the loss, zeroed parameter gradients, the backward pass, the update.
//
// A network of Linear layers (lazyClear) does not zero its gradients
// before the backward pass: it marks them stale, and each Linear writes
// its gradient over the stale one, with the same bits as adding it to
// zeros. Clearing 100,000 gradients is a pass over 800 kB: a tenth of a
// step of W1. A gradient still stale after the backward pass (a layer
// that got no gradient) is zeroed then, as ZeroGrad would have.
func (t *trainer) backwardAndUpdate(pred, yb *mat.Dense, lr float64) {
	if !t.gradDone {
		r, c := pred.Dims()
		t.grad = resize(t.grad, r, c)
		t.loss.Grad(t.grad, pred, yb)
	}
	t.gradDone = false
	if t.lazyClear {
		for _, p := range t.params {
			p.stale = true
		}
		// Even if the backward pass panics, no gradient stays marked
		// stale for a later Backward outside Fit to overwrite.
		defer clearStale(t.params)
	} else {
		ZeroGrad(t.params)
	}
	if t.pb != nil {
		t.pb.BackwardParams(t.grad)
	} else {
		t.model.Backward(t.grad)
	}
	clearStale(t.params)
	t.opt.Step(t.params, lr)
}

// clearStale zeroes the gradients still marked stale (no layer wrote
// them), as ZeroGrad would have, and unmarks them.
func clearStale(params []*Param) {
	for _, p := range params {
		if p.stale {
			p.Grad.Zero()
			p.stale = false
		}
	}
}

// step is one whole training step on a batch; it returns the batch's loss
// before the update.
func (t *trainer) step(xb, yb *mat.Dense, lr float64) float64 {
	pred := t.model.Forward(xb)
	loss := t.lossOf(pred, yb)
	t.backwardAndUpdate(pred, yb, lr)
	return loss
}

// evaluate returns the loss and the accuracy (NaN if the targets are not
// classes) of the model on x, y, without changing any parameter, in
// evaluation mode (no dropout).
func (t *trainer) evaluate(x, y *mat.Dense) (loss, acc float64) {
	SetTraining(t.model, false)
	defer SetTraining(t.model, true)
	if t.valAcc == nil {
		t.valAcc = newAccuracyCounter(y, t.threshold)
	}
	pred := t.model.Forward(x)
	if !denseFinite(pred) {
		return math.NaN(), math.NaN() // diverged: Fit stops on the NaN
	}
	loss = t.loss.Value(pred, y)
	t.valAcc.reset()
	t.valAcc.add(pred, y)
	return loss, t.valAcc.value()
}

// Accuracy returns the fraction of the rows of pred that predict the class
// given by target.
//
// With several columns, pred holds one score (or probability) per class and
// the predicted class is the column of the row's maximum (argmax); target
// is either one column of class indices 0, 1, … or one row per example with
// pred's columns (one-hot), whose argmax is the class. With one column,
// pred is a binary prediction: class 1 if pred > threshold, else class 0,
// and target holds 0 or 1. Use threshold 0.5 for probabilities (after a
// sigmoid) and 0 for logits.
//
// Accuracy panics if pred and target have different numbers of rows, or if
// target's columns fit neither form.
func Accuracy(pred, target *mat.Dense, threshold float64) float64 {
	r, _ := pred.Dims()
	return float64(countCorrect(pred, target, threshold)) / float64(r)
}

// countCorrect counts the rows where pred predicts target's class; see
// Accuracy.
func countCorrect(pred, target *mat.Dense, threshold float64) int {
	mustSameRows("Accuracy", pred, target)
	_, pc := pred.Dims()
	_, tc := target.Dims()
	if tc != 1 && tc != pc {
		panic(fmt.Sprintf("backprop: Accuracy: target %s must be one column or have the columns of pred %s",
			shapeString(target), shapeString(pred)))
	}
	pr, tr := pred.RawMatrix(), target.RawMatrix()
	correct := 0
	for i := 0; i < pr.Rows; i++ {
		p, y := row(pr, i), row(tr, i)
		var hit bool
		switch {
		case pc == 1:
			hit = (p[0] > threshold) == (y[0] > 0.5)
		case tc == 1:
			hit = float64(argmax(p)) == y[0]
		default:
			hit = argmax(p) == argmax(y)
		}
		if hit {
			correct++
		}
	}
	return correct
}

// argmax returns the index of the largest value (the first one on ties).
func argmax(v []float64) int {
	best := 0
	for j, x := range v {
		if x > v[best] {
			best = j
		}
	}
	return best
}

// accuracyCounter accumulates the accuracy of a training epoch batch by
// batch. It reports NaN when the targets are not classes: Fit computes
// accuracy only when it means something.
type accuracyCounter struct {
	threshold float64
	binary    bool // one column of 0/1
	indices   bool // one column of non-negative integers
	maxLabel  float64
	oneHot    bool // several columns, each row one 1 and zeros
	applies   int  // decided at the first batch: -1 unknown, 0 no, 1 yes

	correct, total int
}

// newAccuracyCounter inspects the targets y once to tell what kind of
// labels they are.
func newAccuracyCounter(y *mat.Dense, threshold float64) *accuracyCounter {
	a := &accuracyCounter{threshold: threshold, applies: -1}
	raw := y.RawMatrix()
	if raw.Cols == 1 {
		a.binary, a.indices = true, true
		for i := 0; i < raw.Rows; i++ {
			v := raw.Data[i*raw.Stride]
			a.binary = a.binary && (v == 0 || v == 1)
			a.indices = a.indices && v >= 0 && v == math.Trunc(v)
			a.maxLabel = math.Max(a.maxLabel, v)
		}
		return a
	}
	a.oneHot = true
	for i := 0; i < raw.Rows && a.oneHot; i++ {
		ones := 0
		for _, v := range row(raw, i) {
			switch v {
			case 1:
				ones++
			case 0:
			default:
				a.oneHot = false
			}
		}
		a.oneHot = a.oneHot && ones == 1
	}
	return a
}

func (a *accuracyCounter) reset() { a.correct, a.total = 0, 0 }

// add counts one batch.
func (a *accuracyCounter) add(pred, y *mat.Dense) {
	if a.applies < 0 {
		_, pc := pred.Dims()
		_, yc := y.Dims()
		ok := (pc == 1 && a.binary) ||
			(pc > 1 && yc == 1 && a.indices && a.maxLabel < float64(pc)) ||
			(pc > 1 && yc == pc && a.oneHot)
		a.applies = 0
		if ok {
			a.applies = 1
		}
	}
	if a.applies == 1 {
		a.correct += countCorrect(pred, y, a.threshold)
		r, _ := pred.Dims()
		a.total += r
	}
}

// value returns the accuracy so far, NaN if it does not apply.
func (a *accuracyCounter) value() float64 {
	if a.applies != 1 || a.total == 0 {
		return math.NaN()
	}
	return float64(a.correct) / float64(a.total)
}
