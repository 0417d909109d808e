package exercises

// MSE returns the mean squared error of the predictions pred against the
// targets target (both of length N):
//
//	MSE = (1/N) Σ_i (pred_i − target_i)²
//
// Example: MSE([1 2 3], [1 2 5]) = (0 + 0 + 4) / 3 = 1.333…
func MSE(pred, target []float64) float64 {
	panic("not implemented")
}

// MSEGrad returns the gradient of MSE with respect to pred, a slice of
// length N:
//
//	∂MSE/∂pred_i = 2 (pred_i − target_i) / N
//
// Hint: do not forget the 1/N of the mean; a finite difference of your MSE
// is a good check.
func MSEGrad(pred, target []float64) []float64 {
	panic("not implemented")
}

// RMSE returns the root mean squared error √MSE, which is in the units of
// the target.
//
//	RMSE = √( (1/N) Σ_i (pred_i − target_i)² )
func RMSE(pred, target []float64) float64 {
	panic("not implemented")
}

// RMSEGrad returns the gradient of RMSE with respect to pred (length N). By
// the chain rule through the square root:
//
//	∂RMSE/∂pred_i = (pred_i − target_i) / (N · RMSE)
//
// Edge case: when pred equals target, RMSE is 0 and the formula divides by
// zero; return all zeros there (the loss is at its minimum: no step is the
// right step).
func RMSEGrad(pred, target []float64) []float64 {
	panic("not implemented")
}

// BCE returns the binary cross-entropy of predicted probabilities prob
// (each in [0, 1]) against labels label (0 or 1), averaged over the N
// entries:
//
//	BCE = −(1/N) Σ_i [ y_i · log(p_i) + (1 − y_i) · log(1 − p_i) ]
//
// Edge case: log(0) is −Inf. Clamp each logarithm to be at least −100
// (math.Max(math.Log(p), -100)), as PyTorch does, so a probability of
// exactly 0 or 1 gives a large finite loss.
func BCE(prob, label []float64) float64 {
	panic("not implemented")
}

// BCEGrad returns the gradient of BCE with respect to prob (length N):
//
//	∂BCE/∂p_i = (p_i − y_i) / (N · max(p_i (1 − p_i), 1e-12))
//
// The max keeps the gradient finite when a probability is exactly 0 or 1.
func BCEGrad(prob, label []float64) []float64 {
	panic("not implemented")
}

// Softmax returns the softmax of each row of logits (N×K), a matrix of the
// same shape whose rows are probabilities summing to 1:
//
//	softmax(z)_j = exp(z_j − max(z)) / Σ_k exp(z_k − max(z))
//
// Hint: subtracting the row maximum changes nothing mathematically, but
// math.Exp(1000) is +Inf, and Inf/Inf is NaN.
func Softmax(logits [][]float64) [][]float64 {
	panic("not implemented")
}

// SoftmaxCrossEntropy returns the cross-entropy loss of a classifier, from
// its raw scores: logits is N×K (one row per example, one column per class)
// and labels holds the N correct classes, each in [0, K). Averaged over
// the rows:
//
//	L = (1/N) Σ_i −log softmax(z_i)[label_i]
//	  = (1/N) Σ_i [ log Σ_k exp(z_ik) − z_i,label_i ]
//
// Hint: compute log Σ_k exp(z_ik) as m + log Σ_k exp(z_ik − m) with m the
// row maximum (the "log-sum-exp trick"); logits of 1000 must give a finite
// loss.
func SoftmaxCrossEntropy(logits [][]float64, labels []int) float64 {
	panic("not implemented")
}

// SoftmaxCrossEntropyGrad returns the gradient of SoftmaxCrossEntropy with
// respect to the logits, an N×K matrix:
//
//	∂L/∂z_ij = (softmax(z_i)_j − [j == label_i]) / N
//
// where [j == label_i] is 1 for the correct class and 0 otherwise. Each row
// of the result sums to 0.
func SoftmaxCrossEntropyGrad(logits [][]float64, labels []int) [][]float64 {
	panic("not implemented")
}
