package exercises

// MAEGrad returns the gradient of the mean absolute error
// MAE = (1/N) Σ_i |pred_i − target_i| with respect to pred (length N):
//
//	∂MAE/∂pred_i = sign(pred_i − target_i) / N
//
// where sign(d) is 1 for d > 0, −1 for d < 0, and 0 for d = 0 (|·| has no
// slope there; 0 is what PyTorch uses).
//
// Example: pred [3 0 1], target [1 2 1] gives [1/3 −1/3 0].
func MAEGrad(pred, target []float64) []float64 {
	panic("not implemented")
}

// MSLEGrad returns the gradient of the mean squared logarithmic error
// MSLE = (1/N) Σ_i (log(1 + pred_i) − log(1 + target_i))² with respect to
// pred (length N):
//
//	∂MSLE/∂pred_i = 2 (log(1 + pred_i) − log(1 + target_i)) / ((1 + pred_i) · N)
//
// Every value is greater than −1.
//
// Example: pred [e − 1], target [0] gives 2·(1 − 0)/(e · 1) = 0.7357…
//
// Hint: math.Log1p(v) is log(1 + v), accurate for small v.
func MSLEGrad(pred, target []float64) []float64 {
	panic("not implemented")
}

// HuberGrad returns the gradient of the Huber loss with threshold delta, which
// for an error e = pred_i − target_i is ½e² when |e| ≤ delta and
// delta·(|e| − ½delta) beyond, averaged over the N entries:
//
//	∂Huber/∂pred_i = e / N                 if |e| ≤ delta
//	               = delta · sign(e) / N   otherwise
//
// In words: the error clipped to [−delta, delta], divided by N. Small errors
// pull like MSE, large ones (outliers) no harder than delta.
//
// Example: pred [0.5 4 −3], target [0 0 0], delta 1 gives [0.5/3 1/3 −1/3].
func HuberGrad(pred, target []float64, delta float64) []float64 {
	panic("not implemented")
}

// HingeGrad returns the gradient of the hinge loss
// Hinge = (1/N) Σ_i max(0, 1 − y_i · pred_i) with respect to the raw scores
// pred, for labels y_i that are −1 or 1 (not 0/1):
//
//	∂Hinge/∂pred_i = −y_i / N   if 1 − y_i · pred_i > 0
//	               = 0          otherwise (beyond the margin, or exactly on it)
//
// Example: pred [0.5 2 −0.5], label [1 1 1] gives [−1/3 0 −1/3]: the score 2
// is beyond the margin and costs nothing.
func HingeGrad(pred, label []float64) []float64 {
	panic("not implemented")
}

// SquaredHingeGrad returns the gradient of the squared hinge loss
// (1/N) Σ_i max(0, 1 − y_i · pred_i)² with respect to pred, for labels of −1
// or 1:
//
//	∂/∂pred_i = −2 y_i · max(0, 1 − y_i · pred_i) / N
//
// Example: pred [0.5 2], label [1 −1] gives [−2·0.5/2, 2·3/2] = [−0.5 3].
func SquaredHingeGrad(pred, label []float64) []float64 {
	panic("not implemented")
}

// KLDivergenceGrad returns the gradient of the Kullback–Leibler divergence
// with respect to the predicted probabilities pred. pred and target are R×K,
// each row a probability distribution; the divergence is averaged over the R
// rows:
//
//	KL = (1/R) Σ_r Σ_k y_rk · (log y_rk − log p_rk)
//	∂KL/∂p_rk = −y_rk / (p_rk · R)
//
// Use max(p_rk, 1e-12) in the division, so that a probability of 0 gives a
// large finite gradient rather than −Inf or NaN.
//
// Example: pred [[0.5 0.5]], target [[0.25 0.75]] gives [[−0.5 −1.5]].
func KLDivergenceGrad(pred, target [][]float64) [][]float64 {
	panic("not implemented")
}
