package backprop

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

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
