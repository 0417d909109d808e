package backprop

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// trainer holds everything Fit's steps reuse, so that a step in steady
// state allocates nothing: the batch buffers, the buffer for
// dL/d(prediction), the parameter list, and where the run stands.
type trainer struct {
	model  Layer
	loss   Loss
	opt    Optimizer
	params []*Param
	cfg    FitConfig

	x, y       *mat.Dense // the training data
	order      []int      // the examples in this epoch's order
	batch      int        // examples per step
	rng        *rand.Rand // shuffles order
	xb, yb     *mat.Dense // current batch: a view of the data or a copy
	xbuf, ybuf *mat.Dense // storage of copied batches
	xview      mat.Dense  // xb and yb when they are views
	yview      mat.Dense
	grad       *mat.Dense // dL/d(prediction)

	epoch, steps  int // the current epoch (from 1), the steps taken
	lossDefaulted bool
	trainAcc      *accuracyCounter
	valAcc        *accuracyCounter
	threshold     float64
}

// step is one training step on the current batch (t.xb, t.yb: the rows
// idx of the data) with learning rate lr: the four lines of the lecture,
// each followed by Fit's check of its result. It returns the prediction
// and the loss of the batch before the update, or the error that stops
// training (bad data, divergence) before the batch changes the model.
func (t *trainer) step(idx []int, lr float64) (pred *mat.Dense, loss float64, err error) {
	pred = t.model.Forward(t.xb) // 1. forward pass
	if err := t.checkForward(pred, idx, lr); err != nil {
		return nil, 0, err
	}
	loss = t.loss.Value(pred, t.yb) // 2. loss
	if math.IsNaN(loss) || math.IsInf(loss, 0) {
		return nil, 0, t.diverged(loss, lr)
	}
	t.grad = resize(t.grad, pred.RawMatrix().Rows, pred.RawMatrix().Cols)
	t.loss.Grad(t.grad, pred, t.yb) //    and its gradient dL/d(prediction)
	ZeroGrad(t.params)              // 3. backward pass, into zeroed gradients
	t.model.Backward(t.grad)
	t.opt.Step(t.params, lr) // 4. update
	return pred, loss, nil
}

// checkForward checks what the forward pass saw and gave: at the first
// step, that the output fits the targets (it panics if not); that the
// batch holds no NaN or infinity (checked now that the forward pass has
// brought it into the cache: checking all of x before training would read
// it from memory one more time, a tenth of an epoch for 60,000 images);
// that the prediction is finite (weights blown up to infinity are
// divergence too; the loss is not asked, since the logit losses refuse
// such input with a panic).
func (t *trainer) checkForward(pred *mat.Dense, idx []int, lr float64) error {
	if t.steps == 0 {
		checkOutputFitsTargets(t.loss, t.lossDefaulted, pred, t.yb)
	}
	if err := checkFinite("Fit", "x", t.xb, idx); err != nil {
		trained := "the model is untouched"
		if t.steps > 0 {
			trained = "the earlier batches have trained the model"
		}
		return fmt.Errorf("%w (epoch %d, step %d; %s)", err, t.epoch, t.steps+1, trained)
	}
	if !denseFinite(pred) {
		return t.diverged(math.NaN(), lr)
	}
	return nil
}

// diverged returns the error of a loss that is no longer finite at the
// current step.
func (t *trainer) diverged(loss, lr float64) error {
	return fmt.Errorf("%w: the loss is %v at epoch %d, step %d (learning rate %g); "+
		"the learning rate is probably too high: try one 10 times smaller", ErrDiverged, loss, t.epoch, t.steps+1, lr)
}

// setBatch makes the rows idx of the data the current batch. Consecutive
// rows (examples in their original order, or one batch of everything) are
// used where they are, through a view; other batches are copied. Copying
// a batch of 64 images moves 400 kB, a tenth of the time of a step.
func (t *trainer) setBatch(idx []int) {
	if !consecutive(idx) {
		t.xbuf = TakeRows(t.xbuf, t.x, idx)
		t.ybuf = TakeRows(t.ybuf, t.y, idx)
		t.xb, t.yb = t.xbuf, t.ybuf
		return
	}
	t.xb = rowsView(&t.xview, t.x, idx[0], len(idx))
	t.yb = rowsView(&t.yview, t.y, idx[0], len(idx))
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
