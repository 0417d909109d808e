package backprop

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// Numerical guards shared by the probability losses.
const (
	// lossLogFloor is the smallest value a log of a probability may take,
	// PyTorch's BCELoss rule: log(0) counts as −100 instead of −Inf.
	lossLogFloor = -100
	// lossDenomFloor keeps denominators such as p or p(1−p) in a gradient
	// away from zero, also PyTorch's BCELoss rule. It is 1e-12 rounded to
	// float32, as PyTorch stores it, so that gradients match to the last bit.
	lossDenomFloor = 9.999999960041972e-13
	// lossRowSumTol is how far a row of probabilities may sum from 1. It is
	// loose enough for rounded data and finite differences, tight enough to
	// catch logits or per-class sigmoids passed where a softmax belongs.
	lossRowSumTol = 1e-3
)

// lossLog is log(p) floored at lossLogFloor.
func lossLog(p float64) float64 {
	return math.Max(math.Log(p), lossLogFloor)
}

// lossDomain is the set of values a pred or target element may take.
type lossDomain uint8

const (
	anyFinite     lossDomain = iota // any finite number
	unitInterval                    // a probability, in [0, 1]
	aboveMinusOne                   // > −1, so that log(1+x) exists
	hingeLabel                      // one of −1, 0, 1
)

// ok reports whether v is in d. NaN and ±Inf are in no domain: v−v is 0
// for a finite v and NaN otherwise, a test cheap enough to inline.
func (d lossDomain) ok(v float64) bool {
	switch d {
	case unitInterval:
		return v >= 0 && v <= 1
	case aboveMinusOne:
		return v > -1 && v-v == 0
	case hingeLabel:
		return v == 1 || v == 0 || v == -1
	}
	return v-v == 0
}

func (d lossDomain) String() string {
	switch d {
	case unitInterval:
		return "a probability in [0, 1]"
	case aboveMinusOne:
		return "a finite number greater than -1"
	case hingeLabel:
		return "a label -1, 0 or 1"
	}
	return "a finite number"
}

// lossBadElement panics for an element of pred or target outside its domain.
func lossBadElement(name, which string, i, j int, v float64, d lossDomain) {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		panic(fmt.Sprintf("backprop: %s: %s[%d,%d] is %v, want %v", name, which, i, j, v, d))
	}
	panic(fmt.Sprintf("backprop: %s: %s[%d,%d] = %v, want %v", name, which, i, j, v, d))
}

// lossBadPair panics for whichever of p (in pred) and t (in target) is
// outside its domain; i and j locate them.
func lossBadPair(name string, i, j int, p, t float64, pd, td lossDomain) {
	if !pd.ok(p) {
		lossBadElement(name, "pred", i, j, p, pd)
	}
	lossBadElement(name, "target", i, j, t, td)
}

// lossBadRowSum panics for a probability row that does not sum to 1.
func lossBadRowSum(name, which string, i int, sum float64, hint string) {
	panic(fmt.Sprintf("backprop: %s: %s row %d sums to %v, want 1 (within %v)%s",
		name, which, i, sum, lossRowSumTol, hint))
}

// lossRowSumOK reports whether a row of probabilities sums to 1.
func lossRowSumOK(sum float64) bool { return math.Abs(sum-1) <= lossRowSumTol }

// lossCheckInputs panics unless pred and target are non-nil, non-empty and
// have the same shape, and returns that shape.
func lossCheckInputs(name string, pred, target *mat.Dense) (rows, cols int) {
	lossCheckNil(name, "pred", pred)
	lossCheckNil(name, "target", target)
	rows, cols = lossCheckNonEmpty(name, pred)
	if !sameShape(pred, target) { // test first: building the message allocates
		mustSameShape(name+": pred vs target", pred, target)
	}
	return rows, cols
}

// lossCheckGrad is lossCheckInputs plus the check that dst has pred's shape.
func lossCheckGrad(name string, dst, pred, target *mat.Dense) (rows, cols int) {
	rows, cols = lossCheckInputs(name, pred, target)
	lossCheckDst(name, dst, pred)
	return rows, cols
}

// lossCheckDst panics unless dst is non-nil and has pred's shape.
func lossCheckDst(name string, dst, pred *mat.Dense) {
	lossCheckNil(name, "dst", dst)
	if !sameShape(dst, pred) {
		mustSameShape(name+": dst vs pred", dst, pred)
	}
}

func lossCheckNil(name, which string, m *mat.Dense) {
	if m == nil {
		panic(fmt.Sprintf("backprop: %s: %s is nil", name, which))
	}
}

func lossCheckNonEmpty(name string, pred *mat.Dense) (rows, cols int) {
	rows, cols = pred.Dims()
	if rows == 0 || cols == 0 {
		panic(fmt.Sprintf("backprop: %s: empty batch: pred is %s", name, shapeString(pred)))
	}
	return rows, cols
}

// lossRow returns row i of m as a slice of length cols.
func lossRow(m blas64.General, i, cols int) []float64 {
	return m.Data[i*m.Stride : i*m.Stride+cols]
}

// elementLoss is a loss that is the mean, over every element of the batch,
// of a function of one prediction p and its target t. Each such loss states
// its rule (loss) and the rule's derivative (dloss) side by side; the two
// drivers below do the looping, the checks and the averaging.
type elementLoss interface {
	String() string
	// domains are the values a pred and a target element may take.
	domains() (pred, target lossDomain)
	// loss is the loss of one element.
	loss(p, t float64) float64
	// dloss is d loss(p, t) / dp.
	dloss(p, t float64) float64
}

// meanOfElements returns the mean of l.loss over all elements.
// It is generic rather than taking an interface so that a loss with fields
// (Huber) is not boxed on the heap at every call.
func meanOfElements[L elementLoss](l L, pred, target *mat.Dense) float64 {
	name := l.String()
	rows, cols := lossCheckInputs(name, pred, target)
	pd, td := l.domains()
	pr, tr := pred.RawMatrix(), target.RawMatrix()
	var sum float64
	for i := range rows {
		prow, trow := lossRow(pr, i, cols), lossRow(tr, i, cols)
		for j, p := range prow {
			t := trow[j]
			if !pd.ok(p) || !td.ok(t) {
				lossBadPair(name, i, j, p, t, pd, td)
			}
			sum += l.loss(p, t)
		}
	}
	return sum / float64(rows*cols)
}

// gradOfElements writes d(mean of l.loss)/dpred into dst.
func gradOfElements[L elementLoss](l L, dst, pred, target *mat.Dense) {
	name := l.String()
	rows, cols := lossCheckGrad(name, dst, pred, target)
	pd, td := l.domains()
	pr, tr, dr := pred.RawMatrix(), target.RawMatrix(), dst.RawMatrix()
	inv := 1 / float64(rows*cols)
	for i := range rows {
		prow, trow, drow := lossRow(pr, i, cols), lossRow(tr, i, cols), lossRow(dr, i, cols)
		for j, p := range prow {
			t := trow[j]
			if !pd.ok(p) || !td.ok(t) {
				lossBadPair(name, i, j, p, t, pd, td)
			}
			drow[j] = l.dloss(p, t) * inv
		}
	}
}

// LossInfo describes one loss of the package, for tables in the notebooks.
type LossInfo struct {
	Loss    Loss
	Name    string // what Loss.String returns
	Task    string // "regression", "binary classification" or "multi-class classification"
	Pred    string // what pred holds
	Target  string // what target holds
	Formula string // the loss of one batch, in plain text
}

// Losses lists every loss of the package with default settings, in the
// order of the course: regression, binary, then multi-class.
//
// Each of them implements Loss. The types are small values
// (most are empty structs), so a loss is written MSE{} or Huber{Delta: 2}
// and passed around as a Loss.
//
//	regression                 MSE, RMSE, MAE, MSLE, Huber
//	binary classification      BCE, BCEWithLogits, Hinge, SquaredHinge
//	multi-class classification CrossEntropy, CrossEntropyWithLogits,
//	                           SparseCrossEntropy, SparseCrossEntropyWithLogits,
//	                           KLDivergence
//
// Conventions shared by all of them:
//
//   - Value is the loss of the whole batch as PyTorch's reduction="mean" and
//     Keras's default "sum_over_batch_size" compute it. Element-wise losses
//     (regression, binary) average over every element of the r×c matrix;
//     multi-class losses sum over the classes of a row and average over the
//     rows. Each doc comment states its formula and reduction.
//   - Grad writes dValue/dpred into dst (pred's shape), so the 1/N of the
//     mean is already in it. Grad does not allocate.
//   - Probabilities are never clipped into [ε, 1−ε]. As in PyTorch's
//     BCELoss, each log of a probability is floored at −100 (so log 0 counts
//     as −100, not −Inf) and every denominator p or p(1−p) of a gradient is
//     floored at 1e−12, so Value and Grad stay finite for probabilities of
//     exactly 0 and 1 and the gradient still points the right way there.
//   - Inputs are checked in the same pass that computes the loss. A nil or
//     empty matrix, a shape mismatch (both shapes are named), NaN or ±Inf,
//     a probability outside [0, 1], a probability row whose sum is not 1, or
//     a class index that is not a valid integer makes Value and Grad panic
//     with a message "backprop: <Loss>: ..." that names the problem and the
//     offending [row,column].
func Losses() []LossInfo {
	const (
		reg, bin, multi = "regression", "binary classification", "multi-class classification"
		anyReal         = "any real numbers"
		prob            = "probabilities in [0, 1]"
		logits          = "logits (any real numbers)"
		probRows        = "probability rows summing to 1 (softmax output)"
		hinge           = "labels -1/1 (0/1 accepted)"
		dist            = "one-hot or probability rows summing to 1"
		index           = "one column of class indices 0..C-1"
	)
	return []LossInfo{
		{MSE{}, "MSE", reg, anyReal, anyReal, "mean (p - y)²"},
		{RMSE{}, "RMSE", reg, anyReal, anyReal, "sqrt(mean (p - y)²)"},
		{MAE{}, "MAE", reg, anyReal, anyReal, "mean |p - y|"},
		{MSLE{}, "MSLE", reg, "numbers > -1", "numbers > -1", "mean (log(1+p) - log(1+y))²"},
		{Huber{}, "Huber", reg, anyReal, anyReal, "mean ½e² if |e| ≤ δ else δ(|e| - ½δ), e = p - y, δ = 1"},
		{BCE{}, "BCE", bin, prob, prob, "mean -(y·log p + (1-y)·log(1-p))"},
		{BCEWithLogits{}, "BCEWithLogits", bin, logits, prob, "mean max(z,0) - z·y + log(1+exp(-|z|))"},
		{Hinge{}, "Hinge", bin, anyReal, hinge, "mean max(0, 1 - y·p)"},
		{SquaredHinge{}, "SquaredHinge", bin, anyReal, hinge, "mean max(0, 1 - y·p)²"},
		{CrossEntropy{}, "CrossEntropy", multi, probRows, dist, "mean over rows of -Σ y·log p"},
		{CrossEntropyWithLogits{}, "CrossEntropyWithLogits", multi, logits, dist, "mean over rows of -Σ y·log softmax(z)"},
		{SparseCrossEntropy{}, "SparseCrossEntropy", multi, probRows, index, "mean over rows of -log p[label]"},
		{SparseCrossEntropyWithLogits{}, "SparseCrossEntropyWithLogits", multi, logits, index, "mean over rows of -log softmax(z)[label]"},
		{KLDivergence{}, "KLDivergence", multi, probRows, dist, "mean over rows of Σ y·(log y - log p)"},
	}
}
