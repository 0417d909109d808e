package solutions

import (
	"fmt"
	"math"
)

// MSE returns the mean squared error of pred against target:
//
//	MSE = (1/N) Σ_i (pred_i − target_i)²
//
// It panics if the lengths differ. The MSE of two empty slices is NaN (0/0).
func MSE(pred, target []float64) float64 {
	sameLen("MSE", len(pred), len(target))
	sum := 0.0
	for i := range pred {
		d := pred[i] - target[i]
		sum += d * d
	}
	return sum / float64(len(pred))
}

// MSEGrad returns ∂MSE/∂pred:
//
//	∂MSE/∂pred_i = 2 (pred_i − target_i) / N
//
// It panics if the lengths differ.
func MSEGrad(pred, target []float64) []float64 {
	sameLen("MSEGrad", len(pred), len(target))
	n := float64(len(pred))
	grad := make([]float64, len(pred))
	for i := range pred {
		grad[i] = 2 * (pred[i] - target[i]) / n
	}
	return grad
}

// RMSE returns the root mean squared error, √MSE, in the units of the
// target. It panics if the lengths differ.
func RMSE(pred, target []float64) float64 {
	return math.Sqrt(MSE(pred, target))
}

// RMSEGrad returns ∂RMSE/∂pred. By the chain rule through the square root:
//
//	∂RMSE/∂pred_i = (pred_i − target_i) / (N · RMSE)
//
// At RMSE = 0 (a perfect prediction) the square root has no derivative; the
// gradient returned there is all zeros (0 is a subgradient: the loss is at
// its minimum, so no step is the right step). It panics if the
// lengths differ.
func RMSEGrad(pred, target []float64) []float64 {
	r := RMSE(pred, target)
	grad := make([]float64, len(pred))
	if r == 0 {
		return grad
	}
	n := float64(len(pred))
	for i := range pred {
		grad[i] = (pred[i] - target[i]) / (n * r)
	}
	return grad
}

// logClamp is the smallest value a logarithm takes in BCE: log(0) = −∞ would
// make the loss infinite for one confident mistake. PyTorch clamps at −100.
const logClamp = -100

// BCE returns the binary cross-entropy of predicted probabilities prob
// (each in [0, 1]) against labels (0 or 1, or any value in [0, 1]):
//
//	BCE = −(1/N) Σ_i [ y_i · log(p_i) + (1 − y_i) · log(1 − p_i) ]
//
// Each logarithm is clamped to be at least −100, so a probability of exactly
// 0 or 1 gives a large finite loss instead of +Inf (as in PyTorch's BCELoss).
// It panics if the lengths differ or a probability or label is outside
// [0, 1].
func BCE(prob, label []float64) float64 {
	sameLen("BCE", len(prob), len(label))
	sum := 0.0
	for i, p := range prob {
		checkProb("BCE", "probability", i, p)
		y := label[i]
		checkProb("BCE", "label", i, y)
		sum += y*math.Max(math.Log(p), logClamp) + (1-y)*math.Max(math.Log(1-p), logClamp)
	}
	return -sum / float64(len(prob))
}

// bceEpsilon keeps BCEGrad finite at p = 0 and p = 1 (PyTorch uses the same).
const bceEpsilon = 1e-12

// BCEGrad returns ∂BCE/∂prob:
//
//	∂BCE/∂p_i = (p_i − y_i) / (N · max(p_i (1 − p_i), 1e-12))
//
// The max keeps the gradient finite when a probability is exactly 0 or 1.
// It panics like BCE.
func BCEGrad(prob, label []float64) []float64 {
	sameLen("BCEGrad", len(prob), len(label))
	n := float64(len(prob))
	grad := make([]float64, len(prob))
	for i, p := range prob {
		checkProb("BCEGrad", "probability", i, p)
		checkProb("BCEGrad", "label", i, label[i])
		grad[i] = (p - label[i]) / (n * math.Max(p*(1-p), bceEpsilon))
	}
	return grad
}

// checkProb panics unless 0 ≤ p ≤ 1 (NaN fails too).
func checkProb(fn, what string, i int, p float64) {
	if !(p >= 0 && p <= 1) {
		panic(fmt.Sprintf("solutions: %s: %s %d is %v, outside [0, 1]", fn, what, i, p))
	}
}

// Softmax returns the softmax of each row of logits:
//
//	softmax(z)_j = exp(z_j − max(z)) / Σ_k exp(z_k − max(z))
//
// Subtracting the row maximum changes nothing mathematically but keeps exp
// from overflowing: exp(1000) is +Inf in float64. The result has the shape of
// logits and each row sums to 1. It panics if logits is ragged.
func Softmax(logits [][]float64) [][]float64 {
	n, k := dims("Softmax", logits)
	out := zeros(n, k)
	for i, row := range logits {
		softmaxRow(out[i], row)
	}
	return out
}

// softmaxRow writes the softmax of z into dst and returns log Σ exp(z), the
// log-sum-exp that cross-entropy needs.
func softmaxRow(dst, z []float64) (logSumExp float64) {
	m := math.Inf(-1)
	for _, v := range z {
		m = math.Max(m, v)
	}
	sum := 0.0
	for j, v := range z {
		dst[j] = math.Exp(v - m)
		sum += dst[j]
	}
	for j := range dst {
		dst[j] /= sum
	}
	return m + math.Log(sum)
}

// SoftmaxCrossEntropy returns the cross-entropy of softmax(logits) against
// class labels, averaged over the N rows:
//
//	L = (1/N) Σ_i [ log Σ_k exp(z_ik) − z_i,label_i ]
//
// This is −log softmax(z_i)[label_i] written with the log-sum-exp, which
// stays finite for logits as large as 1000. logits is N×K; labels has N
// entries in [0, K). It panics on other shapes or a label out of range.
func SoftmaxCrossEntropy(logits [][]float64, labels []int) float64 {
	n, k := dims("SoftmaxCrossEntropy", logits)
	sameLen("SoftmaxCrossEntropy (rows of logits, labels)", n, len(labels))
	p := make([]float64, k)
	sum := 0.0
	for i, row := range logits {
		checkLabel("SoftmaxCrossEntropy", i, labels[i], k)
		sum += softmaxRow(p, row) - row[labels[i]]
	}
	return sum / float64(n)
}

// SoftmaxCrossEntropyGrad returns ∂L/∂logits for SoftmaxCrossEntropy:
//
//	∂L/∂z_ij = (softmax(z_i)_j − [j == label_i]) / N
//
// The result is N×K like logits; each of its rows sums to 0. It panics like
// SoftmaxCrossEntropy.
func SoftmaxCrossEntropyGrad(logits [][]float64, labels []int) [][]float64 {
	n, k := dims("SoftmaxCrossEntropyGrad", logits)
	sameLen("SoftmaxCrossEntropyGrad (rows of logits, labels)", n, len(labels))
	grad := zeros(n, k)
	for i, row := range logits {
		checkLabel("SoftmaxCrossEntropyGrad", i, labels[i], k)
		softmaxRow(grad[i], row)
		grad[i][labels[i]]--
		for j := range grad[i] {
			grad[i][j] /= float64(n)
		}
	}
	return grad
}

// checkLabel panics unless 0 ≤ label < k.
func checkLabel(fn string, i, label, k int) {
	if label < 0 || label >= k {
		panic(fmt.Sprintf("solutions: %s: label %d is %d, outside [0, %d)", fn, i, label, k))
	}
}
