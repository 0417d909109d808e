package backprop

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Multi-class losses: each row of pred scores the C classes of one example
// (probabilities from a softmax, or the logits before it). The loss of a
// row is a sum over its classes; the loss of the batch is the mean over the
// rows, like PyTorch's CrossEntropyLoss and NLLLoss (reduction "mean"),
// KLDivLoss (reduction "batchmean") and Keras's categorical losses.

var (
	_ Loss = CrossEntropy{}
	_ Loss = CrossEntropyWithLogits{}
	_ Loss = SparseCrossEntropy{}
	_ Loss = SparseCrossEntropyWithLogits{}
	_ Loss = KLDivergence{}
)

// Hints appended to a row-sum panic, saying what the row should have been.
const (
	hintProbRows   = "; pred must hold probabilities such as a softmax output (for logits use the WithLogits loss)"
	hintTargetRows = "; target rows must be one-hot or probability distributions"
)

// CrossEntropy is the categorical cross-entropy of predicted probability
// rows p (a softmax output) against target rows y (one-hot, or
// distributions such as smoothed labels):
//
//	CE = 1/R Σ_rows −Σ_classes y·log p
//
// over the R rows, like Keras's CategoricalCrossentropy and PyTorch's
// NLLLoss applied to log p. Rows of both pred and target must sum to 1
// (within 1e-3); unlike Keras, pred is not silently renormalized, so that
// passing logits or per-class sigmoids by mistake is caught.
//
// As in BCE, each log p is floored at −100 instead of clipping p, so p = 0
// costs 100·y, not +Inf. The gradient is −y/(p·R) with p floored at 1e-12.
// Through a softmax layer it becomes (softmax − y)/R, which
// CrossEntropyWithLogits computes in one stable step.
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), if an element is NaN, ±Inf or
// outside [0, 1], or if a row of pred or target does not sum to 1.
type CrossEntropy struct{}

func (CrossEntropy) String() string { return "CrossEntropy" }

func (CrossEntropy) Value(pred, target *mat.Dense) float64 {
	return probRowsValue("CrossEntropy", false, pred, target)
}

func (CrossEntropy) Grad(dst, pred, target *mat.Dense) {
	probRowsGrad("CrossEntropy", dst, pred, target)
}

// KLDivergence is the Kullback–Leibler divergence of predicted probability
// rows p from target distributions y:
//
//	KL = 1/R Σ_rows Σ_classes y·(log y − log p)
//
// over the R rows, like PyTorch's KLDivLoss(reduction="batchmean") given
// log p, and Keras's KLDivergence. It is the cross-entropy minus the
// entropy of y, which does not depend on p: the two losses have the same
// gradient, −y/(p·R), and differ only by a constant per batch. KL is 0
// exactly when every p equals its y.
//
// A term with y = 0 counts 0 (the limit of y·log y). Keras clips y and p
// into [1e-7, 1] instead, which adds terms of about 1e-6 where y = 0; log p
// is floored at −100 and p in the gradient at 1e-12, as in CrossEntropy.
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), if an element is NaN, ±Inf or
// outside [0, 1], or if a row of pred or target does not sum to 1.
type KLDivergence struct{}

func (KLDivergence) String() string { return "KLDivergence" }

func (KLDivergence) Value(pred, target *mat.Dense) float64 {
	return probRowsValue("KLDivergence", true, pred, target)
}

func (KLDivergence) Grad(dst, pred, target *mat.Dense) {
	probRowsGrad("KLDivergence", dst, pred, target)
}

// probRowsValue is the cross-entropy of probability rows, minus the entropy
// of the target rows when kl is set.
func probRowsValue(name string, kl bool, pred, target *mat.Dense) float64 {
	rows, cols := lossCheckInputs(name, pred, target)
	pr, tr := pred.RawMatrix(), target.RawMatrix()
	var sum float64
	for i := range rows {
		prow, trow := lossRow(pr, i, cols), lossRow(tr, i, cols)
		distRowCheck(name, "pred", i, prow, hintProbRows)
		distRowCheck(name, "target", i, trow, hintTargetRows)
		for j, t := range trow {
			sum -= t * lossLog(prow[j])
			if kl && t > 0 {
				sum += t * math.Log(t)
			}
		}
	}
	return sum / float64(rows)
}

// probRowsGrad writes the gradient −y/(p·R) shared by CrossEntropy and
// KLDivergence.
func probRowsGrad(name string, dst, pred, target *mat.Dense) {
	rows, cols := lossCheckGrad(name, dst, pred, target)
	pr, tr, dr := pred.RawMatrix(), target.RawMatrix(), dst.RawMatrix()
	inv := 1 / float64(rows)
	for i := range rows {
		prow, trow, drow := lossRow(pr, i, cols), lossRow(tr, i, cols), lossRow(dr, i, cols)
		distRowCheck(name, "pred", i, prow, hintProbRows)
		distRowCheck(name, "target", i, trow, hintTargetRows)
		for j, t := range trow {
			drow[j] = -t / math.Max(prow[j], lossDenomFloor) * inv
		}
	}
}

// distRowCheck panics unless row i of pred or target (which) is a
// probability distribution, and returns its sum. hint says what the row
// should have been.
func distRowCheck(name, which string, i int, row []float64, hint string) (sum float64) {
	for j, v := range row {
		if !unitInterval.ok(v) {
			lossBadElement(name, which, i, j, v, unitInterval)
		}
		sum += v
	}
	if !lossRowSumOK(sum) {
		lossBadRowSum(name, which, i, sum, hint)
	}
	return sum
}

// CrossEntropyWithLogits is the categorical cross-entropy of softmax(z)
// against target rows y (one-hot or distributions), computed from the
// logits z without forming the softmax:
//
//	CE = 1/R Σ_rows Σ_classes y·(logsumexp(z) − z),
//	logsumexp(z) = m + log Σ exp(z − m),  m = max(z)
//
// over the R rows, like PyTorch's CrossEntropyLoss with probability targets
// and Keras's CategoricalCrossentropy(from_logits=True). Subtracting the
// row maximum m keeps every exp in (0, 1], so logits of ±1000 give finite,
// exact results. The gradient is (softmax(z) − y)/R (more precisely
// (softmax(z)·Σy − y)/R, the same when the target row sums to 1).
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), if an element is NaN or ±Inf, if a
// target is outside [0, 1], or if a target row does not sum to 1.
type CrossEntropyWithLogits struct{}

func (CrossEntropyWithLogits) String() string { return "CrossEntropyWithLogits" }

func (CrossEntropyWithLogits) Value(pred, target *mat.Dense) float64 {
	const name = "CrossEntropyWithLogits"
	rows, cols := lossCheckInputs(name, pred, target)
	pr, tr := pred.RawMatrix(), target.RawMatrix()
	var sum float64
	for i := range rows {
		zrow, trow := lossRow(pr, i, cols), lossRow(tr, i, cols)
		m := logitRowMax(name, i, zrow)
		tsum := distRowCheck(name, "target", i, trow, hintTargetRows)
		// Σ y·(logsumexp − z) = Σ y·(m − z) + Σy·log Σ exp(z − m)
		for j, t := range trow {
			if t != 0 { // skip 0·(m−z): NaN if m−z overflowed (|z| near 1e308)
				sum += t * (m - zrow[j])
			}
		}
		sum += tsum * math.Log(sumExpShifted(zrow, m))
	}
	return sum / float64(rows)
}

func (CrossEntropyWithLogits) Grad(dst, pred, target *mat.Dense) {
	const name = "CrossEntropyWithLogits"
	rows, cols := lossCheckGrad(name, dst, pred, target)
	pr, tr, dr := pred.RawMatrix(), target.RawMatrix(), dst.RawMatrix()
	inv := 1 / float64(rows)
	for i := range rows {
		zrow, trow, drow := lossRow(pr, i, cols), lossRow(tr, i, cols), lossRow(dr, i, cols)
		m := logitRowMax(name, i, zrow)
		tsum := distRowCheck(name, "target", i, trow, hintTargetRows)
		softmaxInto(drow, zrow, m, tsum*inv)
		for j, t := range trow {
			drow[j] -= t * inv
		}
	}
}

// logitRowMax panics unless row i of logits is finite, and returns its
// largest element.
func logitRowMax(name string, i int, zrow []float64) float64 {
	m := math.Inf(-1)
	for j, z := range zrow {
		if !anyFinite.ok(z) {
			lossBadElement(name, "pred", i, j, z, anyFinite)
		}
		m = math.Max(m, z)
	}
	return m
}

// sumExpShifted returns Σ exp(z − m). With m the row maximum every term is
// in (0, 1] and one of them is 1, so the sum neither overflows nor
// underflows to 0.
func sumExpShifted(z []float64, m float64) (sum float64) {
	for _, v := range z {
		sum += math.Exp(v - m)
	}
	return sum
}

// softmaxInto writes scale·softmax(z) into dst, given m = max(z), and
// returns Σ exp(z − m), the sum sumExpShifted returns, bit for bit.
func softmaxInto(dst, z []float64, m, scale float64) (sum float64) {
	for j, v := range z {
		e := math.Exp(v - m)
		dst[j] = e
		sum += e
	}
	f := scale / sum
	for j := range dst {
		dst[j] *= f
	}
	return sum
}

// SparseCrossEntropy is CrossEntropy with the one-hot target given as class
// indices: target is one column (R×1) whose row i holds the class, 0..C−1,
// of example i, and pred holds probability rows (R×C, a softmax output):
//
//	CE = 1/R Σ_rows −log p[label]
//
// like Keras's SparseCategoricalCrossentropy and PyTorch's NLLLoss applied
// to log p. Rows of pred must sum to 1 (within 1e-3). As in CrossEntropy,
// log p is floored at −100 and the gradient, −1/(p[label]·R) in the label's
// column and 0 elsewhere, has p floored at 1e-12.
//
// Value and Grad panic if pred or target is nil or empty, if target is not
// one column with pred's number of rows (or dst's shape differs from
// pred's), if a pred element is NaN, ±Inf or outside [0, 1], if a pred row
// does not sum to 1, or if a label is not an integer in [0, C); the message
// names the row and the label.
type SparseCrossEntropy struct{}

func (SparseCrossEntropy) String() string { return "SparseCrossEntropy" }

func (SparseCrossEntropy) Value(pred, target *mat.Dense) float64 {
	const name = "SparseCrossEntropy"
	rows, cols := sparseCheckInputs(name, pred, target)
	pr, tr := pred.RawMatrix(), target.RawMatrix()
	var sum float64
	for i := range rows {
		prow := lossRow(pr, i, cols)
		k := sparseLabel(name, i, tr.Data[i*tr.Stride], cols)
		distRowCheck(name, "pred", i, prow, hintProbRows)
		sum -= lossLog(prow[k])
	}
	return sum / float64(rows)
}

func (SparseCrossEntropy) Grad(dst, pred, target *mat.Dense) {
	const name = "SparseCrossEntropy"
	rows, cols := sparseCheckInputs(name, pred, target)
	lossCheckDst(name, dst, pred)
	pr, tr, dr := pred.RawMatrix(), target.RawMatrix(), dst.RawMatrix()
	inv := 1 / float64(rows)
	for i := range rows {
		prow, drow := lossRow(pr, i, cols), lossRow(dr, i, cols)
		k := sparseLabel(name, i, tr.Data[i*tr.Stride], cols)
		distRowCheck(name, "pred", i, prow, hintProbRows)
		clear(drow)
		drow[k] = -1 / math.Max(prow[k], lossDenomFloor) * inv
	}
}

// SparseCrossEntropyWithLogits is CrossEntropyWithLogits with the target
// given as class indices: target is one column (R×1) whose row i holds the
// class, 0..C−1, of example i, and pred holds logits (R×C):
//
//	CE = 1/R Σ_rows logsumexp(z) − z[label]
//
// like PyTorch's CrossEntropyLoss with class-index targets (the usual way
// to train a classifier there) and Keras's
// SparseCategoricalCrossentropy(from_logits=True). The gradient is
// (softmax(z) − onehot(label))/R. It is stable for logits of ±1000.
//
// Value and Grad panic if pred or target is nil or empty, if target is not
// one column with pred's number of rows (or dst's shape differs from
// pred's), if a logit is NaN or ±Inf, or if a label is not an integer in
// [0, C); the message names the row and the label.
type SparseCrossEntropyWithLogits struct{}

func (SparseCrossEntropyWithLogits) String() string { return "SparseCrossEntropyWithLogits" }

func (SparseCrossEntropyWithLogits) Value(pred, target *mat.Dense) float64 {
	const name = "SparseCrossEntropyWithLogits"
	rows, cols := sparseCheckInputs(name, pred, target)
	pr, tr := pred.RawMatrix(), target.RawMatrix()
	var sum float64
	for i := range rows {
		zrow := lossRow(pr, i, cols)
		k := sparseLabel(name, i, tr.Data[i*tr.Stride], cols)
		m := logitRowMax(name, i, zrow)
		sum += (m - zrow[k]) + math.Log(sumExpShifted(zrow, m))
	}
	return sum / float64(rows)
}

// Grad writes (softmax(z) − onehot(label))/R into dst.
func (SparseCrossEntropyWithLogits) Grad(dst, pred, target *mat.Dense) {
	const name = "SparseCrossEntropyWithLogits"
	rows, cols := sparseCheckInputs(name, pred, target)
	lossCheckDst(name, dst, pred)
	pr, tr, dr := pred.RawMatrix(), target.RawMatrix(), dst.RawMatrix()
	inv := 1 / float64(rows)
	for i := range rows {
		zrow, drow := lossRow(pr, i, cols), lossRow(dr, i, cols)
		k := sparseLabel(name, i, tr.Data[i*tr.Stride], cols)
		softmaxInto(drow, zrow, logitRowMax(name, i, zrow), inv) // softmax(z)/R
		drow[k] -= inv                                           // − onehot(label)/R
	}
}

// sparseCheckInputs panics unless pred is a non-empty R×C matrix and target
// a column of R labels, and returns R and C.
func sparseCheckInputs(name string, pred, target *mat.Dense) (rows, cols int) {
	lossCheckNil(name, "pred", pred)
	lossCheckNil(name, "target", target)
	rows, cols = lossCheckNonEmpty(name, pred)
	if tr, tc := target.Dims(); tr != rows || tc != 1 { // building the messages allocates
		mustSameRows(name+": pred vs target", pred, target)
		mustCols(name+": target (one column of class indices)", target, 1)
	}
	return rows, cols
}

// sparseLabel returns label t of row i as a class index, and panics unless
// it is an integer in [0, classes).
func sparseLabel(name string, i int, t float64, classes int) int {
	if !(t >= 0 && t < float64(classes)) || t != math.Trunc(t) {
		panic(fmt.Sprintf("backprop: %s: target row %d holds label %v, want an integer class index in [0, %d)",
			name, i, t, classes))
	}
	return int(t)
}
