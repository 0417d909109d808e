package backprop

import (
	"fmt"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Dropout is a regulariser: while training, it sets each input to zero with
// probability P and multiplies the others by 1/(1−P) ("inverted dropout"),
// so that every unit learns to be useful without relying on particular
// others. The scaling keeps each output's expected value equal to its
// input, so in evaluation no change is needed: Dropout then passes x
// through unchanged.
//
//	training:    y = x ⊙ m / (1−P),  m_ij = 0 with probability P, else 1
//	evaluation:  y = x
//	backward:    dL/dx = dL/dy ⊙ m / (1−P)   (training), dL/dy (evaluation)
//
// A new Dropout is in evaluation mode, so a model used outside training
// never drops anything by accident; Fit turns training mode on for its
// steps and off to measure the validation loss (SetTraining). Training
// mode draws a new mask at every Forward from its random source.
type Dropout struct {
	P float64

	rng      *rand.Rand
	training bool
	scale    float64    // 1/(1−P)
	mask     *mat.Dense // m/(1−P) of the last training Forward
	out, dx  *mat.Dense
	lastX    *mat.Dense // input of the last evaluation Forward (its shape, for Backward)
	lastMode bool       // the mode of the last Forward
}

var _ Layer = (*Dropout)(nil)

// NewDropout returns a dropout layer that drops each input with
// probability p in training mode, drawing its masks from rng.
//
// NewDropout panics if p is not in [0, 1) or rng is nil.
func NewDropout(p float64, rng *rand.Rand) *Dropout {
	if !(p >= 0 && p < 1) {
		panic(fmt.Sprintf("backprop: NewDropout: p = %v, want 0 ≤ p < 1", p))
	}
	if rng == nil {
		panic("backprop: NewDropout: nil rng (use NewRand(seed))")
	}
	return &Dropout{P: p, rng: rng, scale: 1 / (1 - p)}
}

// SetTraining switches between training mode (drop) and evaluation mode
// (pass through).
func (d *Dropout) SetTraining(on bool) { d.training = on }

// Training reports whether d is in training mode.
func (d *Dropout) Training() bool { return d.training }

// Forward applies a fresh mask in training mode and returns x itself in
// evaluation mode.
func (d *Dropout) Forward(x *mat.Dense) *mat.Dense {
	d.lastMode, d.lastX = d.training, x
	if !d.training || d.P == 0 {
		return x
	}
	r, c := x.Dims()
	d.mask = resize(d.mask, r, c)
	d.out = resize(d.out, r, c)
	xr, mr, yr := x.RawMatrix(), d.mask.RawMatrix(), d.out.RawMatrix()
	for i := 0; i < r; i++ {
		xs, ms, ys := row(xr, i), row(mr, i), row(yr, i)
		for j, v := range xs {
			keep := 0.0
			if d.rng.Float64() >= d.P {
				keep = d.scale
			}
			ms[j] = keep
			ys[j] = v * keep
		}
	}
	return d.out
}

// Backward passes gradOut back through the mask of the last Forward (the
// same units are dropped, the survivors scaled the same way).
//
// It panics if called before Forward or if gradOut's shape differs from
// the last input's.
func (d *Dropout) Backward(gradOut *mat.Dense) *mat.Dense {
	if d.lastX == nil {
		panic("backprop: Dropout.Backward: called before Forward")
	}
	if !sameShape(gradOut, d.lastX) {
		panic(fmt.Sprintf("backprop: Dropout.Backward: gradOut is %s, want the input's shape %s",
			shapeString(gradOut), shapeString(d.lastX)))
	}
	if !d.lastMode || d.P == 0 {
		return gradOut
	}
	r, c := gradOut.Dims()
	d.dx = resize(d.dx, r, c)
	d.dx.MulElem(gradOut, d.mask)
	return d.dx
}

// Params returns nil: dropout has nothing to learn.
func (d *Dropout) Params() []*Param { return nil }

// Moder is a layer whose behaviour differs between training and
// evaluation, such as Dropout.
type Moder interface {
	SetTraining(on bool)
}

// SetTraining switches every layer of model that has a training mode
// (Dropout, and any Moder inside a Sequential) on or off.
func SetTraining(model Layer, on bool) {
	switch m := model.(type) {
	case *Sequential:
		for _, l := range m.Layers {
			SetTraining(l, on)
		}
	case Moder:
		m.SetTraining(on)
	}
}
