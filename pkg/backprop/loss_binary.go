package backprop

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// Binary classification losses: each element of pred scores one yes/no
// question and the target element next to it holds the answer. A column per
// question, so r×1 for one question per example; the loss is a mean over
// all elements.

var (
	_ Loss = BCE{}
	_ Loss = BCEWithLogits{}
	_ Loss = Hinge{}
	_ Loss = SquaredHinge{}
)

// BCE is the binary cross-entropy of predicted probabilities p (for
// example a sigmoid output) against targets y in [0, 1] (0/1 labels, or
// soft labels):
//
//	BCE = 1/N Σ −(y·log p + (1−y)·log(1−p))
//
// over all N = rows×cols elements, like PyTorch's BCELoss (reduction
// "mean") and Keras's BinaryCrossentropy.
//
// Clipping follows PyTorch, not Keras: instead of clipping p into
// [1e-7, 1−1e-7], each log is floored at −100, so a confident wrong answer
// (p = 0 for y = 1) costs 100 rather than +Inf. The gradient is
// (p − y) / (p(1−p)·N) with p(1−p) floored at 1e-12, so it stays finite at
// p = 0 and p = 1 and still pushes p toward y (Keras's clipping would
// make it 0 there).
//
// When pred comes from a sigmoid, BCEWithLogits on the sigmoid's input is
// the numerically better choice.
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), or if an element is NaN, ±Inf or
// outside [0, 1].
type BCE struct{}

func (BCE) String() string                     { return "BCE" }
func (BCE) domains() (pred, target lossDomain) { return unitInterval, unitInterval }

func (BCE) loss(p, t float64) float64 {
	// log1p(−p) is log(1−p) without the rounding of 1−p for tiny p.
	// A 0/1 label zeroes one of the two terms: skipping its log changes
	// no bit of the result (the skipped product is a zero, which adds
	// nothing to the other, non-positive term) and halves the work.
	switch t {
	case 0:
		return -math.Max(math.Log1p(-p), lossLogFloor)
	case 1:
		return -lossLog(p)
	}
	return -(t*lossLog(p) + (1-t)*math.Max(math.Log1p(-p), lossLogFloor))
}

func (BCE) dloss(p, t float64) float64 {
	return (p - t) / math.Max(p*(1-p), lossDenomFloor)
}

func (l BCE) Value(pred, target *mat.Dense) float64 { return meanOfElements(l, pred, target) }

// Grad writes dL/dp = (p − y)/(p(1−p)·N) for each element (BCE.dloss).
func (l BCE) Grad(dst, pred, target *mat.Dense) { gradOfElements(l, dst, pred, target) }

// BCEWithLogits is the binary cross-entropy of sigmoid(z) against targets
// y in [0, 1], computed from the logits z (the input of the sigmoid):
//
//	BCE = 1/N Σ max(z, 0) − z·y + log(1 + exp(−|z|))
//
// over all N = rows×cols elements, like PyTorch's BCEWithLogitsLoss
// (reduction "mean") and Keras's BinaryCrossentropy(from_logits=True).
// The formula is −(y·log σ(z) + (1−y)·log(1−σ(z))) rearranged so that exp
// never overflows: it stays finite and accurate for logits of ±1000, where
// σ(z) rounds to exactly 0 or 1. The gradient is the famously simple
// (σ(z) − y)/N.
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), if an element is NaN or ±Inf, or
// if a target is outside [0, 1].
type BCEWithLogits struct{}

func (BCEWithLogits) String() string                     { return "BCEWithLogits" }
func (BCEWithLogits) domains() (pred, target lossDomain) { return anyFinite, unitInterval }

func (BCEWithLogits) loss(z, t float64) float64 {
	return math.Max(z, 0) - z*t + math.Log1p(math.Exp(-math.Abs(z)))
}

func (BCEWithLogits) dloss(z, t float64) float64 { return lossSigmoid(z) - t }

func (l BCEWithLogits) Value(pred, target *mat.Dense) float64 {
	return meanOfElements(l, pred, target)
}
func (l BCEWithLogits) Grad(dst, pred, target *mat.Dense) { gradOfElements(l, dst, pred, target) }

// lossSigmoid is 1/(1+exp(−z)), evaluated so that exp never overflows.
func lossSigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// hingeSign maps a hinge label to ±1: 1 stays 1; 0 and −1 both mean the
// negative class. Keras converts a batch of 0/1 labels to −1/1 the same way.
// (Keras leaves a batch that mixes 0 and −1 unconverted, scoring 0 as a
// third kind of label; here 0 always means −1.)
func hingeSign(t float64) float64 {
	if t == 1 {
		return 1
	}
	return -1
}

// Hinge is the hinge loss of a support vector machine: with labels y = ±1
// and raw scores p (no sigmoid),
//
//	Hinge = 1/N Σ max(0, 1 − y·p)
//
// over all N = rows×cols elements, like Keras's Hinge. A score on the right
// side of 0 by a margin of at least 1 costs nothing. Labels 0/1 are
// accepted and read as −1/1, as Keras does.
//
// The gradient is −y/N where the margin is violated (1 − y·p > 0) and 0
// elsewhere; at the kink 1 − y·p = 0 Grad uses the subgradient 0, as
// PyTorch's relu does.
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), if an element is NaN or ±Inf, or
// if a target is not −1, 0 or 1.
type Hinge struct{}

func (Hinge) String() string                     { return "Hinge" }
func (Hinge) domains() (pred, target lossDomain) { return anyFinite, hingeLabel }

func (Hinge) loss(p, t float64) float64 { return math.Max(0, 1-hingeSign(t)*p) }

func (Hinge) dloss(p, t float64) float64 {
	y := hingeSign(t)
	if 1-y*p > 0 {
		return -y
	}
	return 0
}

func (l Hinge) Value(pred, target *mat.Dense) float64 { return meanOfElements(l, pred, target) }
func (l Hinge) Grad(dst, pred, target *mat.Dense)     { gradOfElements(l, dst, pred, target) }

// SquaredHinge is the square of the hinge loss: with labels y = ±1 and raw
// scores p,
//
//	SquaredHinge = 1/N Σ max(0, 1 − y·p)²
//
// over all N = rows×cols elements, like Keras's SquaredHinge. Labels 0/1
// are accepted and read as −1/1, as Keras does. Unlike Hinge it is smooth:
// the gradient −2y·max(0, 1 − y·p)/N is continuous.
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), if an element is NaN or ±Inf, or
// if a target is not −1, 0 or 1.
type SquaredHinge struct{}

func (SquaredHinge) String() string                     { return "SquaredHinge" }
func (SquaredHinge) domains() (pred, target lossDomain) { return anyFinite, hingeLabel }

func (SquaredHinge) loss(p, t float64) float64 {
	m := Hinge{}.loss(p, t)
	return m * m
}

func (SquaredHinge) dloss(p, t float64) float64 {
	return -2 * hingeSign(t) * Hinge{}.loss(p, t)
}

func (l SquaredHinge) Value(pred, target *mat.Dense) float64 {
	return meanOfElements(l, pred, target)
}
func (l SquaredHinge) Grad(dst, pred, target *mat.Dense) { gradOfElements(l, dst, pred, target) }
