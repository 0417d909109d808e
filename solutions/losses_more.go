package solutions

import (
	"fmt"
	"math"
)

// The gradients of the other losses of notebook 02. Each loss is a mean over
// its N entries (over the R rows for KL divergence), so each gradient carries
// a 1/N (1/R).

// MAEGrad returns the gradient of the mean absolute error
// MAE = (1/N) Σ_i |pred_i − target_i| with respect to pred:
//
//	∂MAE/∂pred_i = sign(pred_i − target_i) / N
//
// where sign is −1, 0 or 1; at pred_i = target_i, where |·| has no slope,
// the gradient is 0 (as in PyTorch's L1Loss). It panics if the lengths
// differ.
func MAEGrad(pred, target []float64) []float64 {
	sameLen("MAEGrad", len(pred), len(target))
	n := float64(len(pred))
	grad := make([]float64, len(pred))
	for i := range pred {
		switch d := pred[i] - target[i]; {
		case d > 0:
			grad[i] = 1 / n
		case d < 0:
			grad[i] = -1 / n
		}
	}
	return grad
}

// MSLEGrad returns the gradient of the mean squared logarithmic error
// MSLE = (1/N) Σ_i (log(1 + pred_i) − log(1 + target_i))² with respect to
// pred:
//
//	∂MSLE/∂pred_i = 2 (log(1 + pred_i) − log(1 + target_i)) / ((1 + pred_i) · N)
//
// It panics if the lengths differ or a value is not greater than −1, where
// log(1 + v) does not exist.
func MSLEGrad(pred, target []float64) []float64 {
	sameLen("MSLEGrad", len(pred), len(target))
	n := float64(len(pred))
	grad := make([]float64, len(pred))
	for i, p := range pred {
		y := target[i]
		if !(p > -1) || !(y > -1) {
			panic(fmt.Sprintf("solutions: MSLEGrad: entry %d has pred %v and target %v; both must be > −1", i, p, y))
		}
		grad[i] = 2 * (math.Log1p(p) - math.Log1p(y)) / ((1 + p) * n)
	}
	return grad
}

// HuberGrad returns the gradient of the Huber loss with threshold delta,
// which is ½e² for an error e = pred_i − target_i with |e| ≤ delta and
// delta·(|e| − ½delta) beyond, averaged over the N entries:
//
//	∂Huber/∂pred_i = e / N                 if |e| ≤ delta
//	               = delta · sign(e) / N   otherwise
//
// that is, the error clipped to [−delta, delta], divided by N. It panics if
// the lengths differ or delta is negative or NaN.
func HuberGrad(pred, target []float64, delta float64) []float64 {
	sameLen("HuberGrad", len(pred), len(target))
	if !(delta >= 0) {
		panic(fmt.Sprintf("solutions: HuberGrad: delta = %v, want ≥ 0", delta))
	}
	n := float64(len(pred))
	grad := make([]float64, len(pred))
	for i := range pred {
		e := pred[i] - target[i]
		grad[i] = math.Max(-delta, math.Min(e, delta)) / n
	}
	return grad
}

// checkSign panics unless y is −1 or 1, the labels of the hinge losses.
func checkSign(fn string, i int, y float64) {
	if y != 1 && y != -1 {
		panic(fmt.Sprintf("solutions: %s: label %d is %v; hinge labels are −1 or 1", fn, i, y))
	}
}

// HingeGrad returns the gradient of the hinge loss
// Hinge = (1/N) Σ_i max(0, 1 − y_i · pred_i) with respect to the raw scores
// pred, for labels y_i of −1 or 1:
//
//	∂Hinge/∂pred_i = −y_i / N   if 1 − y_i · pred_i > 0 (inside the margin)
//	               = 0          otherwise
//
// At the kink, 1 − y_i · pred_i = 0, the gradient is 0. It panics if the
// lengths differ or a label is not −1 or 1.
func HingeGrad(pred, label []float64) []float64 {
	sameLen("HingeGrad", len(pred), len(label))
	n := float64(len(pred))
	grad := make([]float64, len(pred))
	for i, p := range pred {
		y := label[i]
		checkSign("HingeGrad", i, y)
		if 1-y*p > 0 {
			grad[i] = -y / n
		}
	}
	return grad
}

// SquaredHingeGrad returns the gradient of the squared hinge loss
// (1/N) Σ_i max(0, 1 − y_i · pred_i)² with respect to pred, for labels of −1
// or 1:
//
//	∂/∂pred_i = −2 y_i · max(0, 1 − y_i · pred_i) / N
//
// Unlike the hinge's, this gradient has no jump: it fades to 0 at the
// margin. It panics if the lengths differ or a label is not −1 or 1.
func SquaredHingeGrad(pred, label []float64) []float64 {
	sameLen("SquaredHingeGrad", len(pred), len(label))
	n := float64(len(pred))
	grad := make([]float64, len(pred))
	for i, p := range pred {
		y := label[i]
		checkSign("SquaredHingeGrad", i, y)
		grad[i] = -2 * y * math.Max(0, 1-y*p) / n
	}
	return grad
}

// KLDivergenceGrad returns the gradient, with respect to the predicted
// probabilities pred, of the Kullback–Leibler divergence of pred from the
// target distributions, averaged over the R rows (both R×K, each row a
// probability distribution):
//
//	KL = (1/R) Σ_r Σ_k y_rk · (log y_rk − log p_rk)
//	∂KL/∂p_rk = −y_rk / (p_rk · R)
//
// The log y term does not depend on p, so the gradient is that of the
// cross-entropy. A probability of 0 is raised to 1e-12 in the division, so a
// zero p with a positive y gives a large finite gradient. It panics if the
// shapes differ or a value is outside [0, 1].
func KLDivergenceGrad(pred, target [][]float64) [][]float64 {
	r, k := sameDims("KLDivergenceGrad", pred, target)
	grad := zeros(r, k)
	for i := range pred {
		for j, p := range pred[i] {
			checkProb("KLDivergenceGrad", "probability", j, p)
			checkProb("KLDivergenceGrad", "target", j, target[i][j])
			grad[i][j] = -target[i][j] / (math.Max(p, bceEpsilon) * float64(r))
		}
	}
	return grad
}
