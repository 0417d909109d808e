// Code generated from the catalog (exercises/checks/catalog.go) by go generate ./exercises/checks. DO NOT EDIT.

package checks

// One function per exercise, each taking the function to check with the
// exercise's exact type: a function of the wrong type is a compile error
// that says which type is wanted, before anything runs.

// MSE runs the public checks of exercises.MSE against fn.
func MSE(fn func(pred, target []float64) float64) Report { return Run("MSE", fn) }

// MSEGrad runs the public checks of exercises.MSEGrad against fn.
func MSEGrad(fn func(pred, target []float64) []float64) Report { return Run("MSEGrad", fn) }

// RMSE runs the public checks of exercises.RMSE against fn.
func RMSE(fn func(pred, target []float64) float64) Report { return Run("RMSE", fn) }

// RMSEGrad runs the public checks of exercises.RMSEGrad against fn.
func RMSEGrad(fn func(pred, target []float64) []float64) Report { return Run("RMSEGrad", fn) }

// BCE runs the public checks of exercises.BCE against fn.
func BCE(fn func(prob, label []float64) float64) Report { return Run("BCE", fn) }

// BCEGrad runs the public checks of exercises.BCEGrad against fn.
func BCEGrad(fn func(prob, label []float64) []float64) Report { return Run("BCEGrad", fn) }

// Softmax runs the public checks of exercises.Softmax against fn.
func Softmax(fn func(logits [][]float64) [][]float64) Report { return Run("Softmax", fn) }

// SoftmaxCrossEntropy runs the public checks of exercises.SoftmaxCrossEntropy against fn.
func SoftmaxCrossEntropy(fn func(logits [][]float64, labels []int) float64) Report {
	return Run("SoftmaxCrossEntropy", fn)
}

// SoftmaxCrossEntropyGrad runs the public checks of exercises.SoftmaxCrossEntropyGrad against fn.
func SoftmaxCrossEntropyGrad(fn func(logits [][]float64, labels []int) [][]float64) Report {
	return Run("SoftmaxCrossEntropyGrad", fn)
}

// DenseBackward runs the public checks of exercises.DenseBackward against fn.
func DenseBackward(fn func(x, w, gradOut [][]float64) (gradX, gradW [][]float64, gradB []float64)) Report {
	return Run("DenseBackward", fn)
}

// SigmoidBackward runs the public checks of exercises.SigmoidBackward against fn.
func SigmoidBackward(fn func(z, gradOut [][]float64) [][]float64) Report {
	return Run("SigmoidBackward", fn)
}

// ReLUBackward runs the public checks of exercises.ReLUBackward against fn.
func ReLUBackward(fn func(z, gradOut [][]float64) [][]float64) Report { return Run("ReLUBackward", fn) }

// TanhBackward runs the public checks of exercises.TanhBackward against fn.
func TanhBackward(fn func(z, gradOut [][]float64) [][]float64) Report { return Run("TanhBackward", fn) }

// SGDStep runs the public checks of exercises.SGDStep against fn.
func SGDStep(fn func(w, grad []float64, lr float64) []float64) Report { return Run("SGDStep", fn) }

// MomentumStep runs the public checks of exercises.MomentumStep against fn.
func MomentumStep(fn func(w, grad, velocity []float64, lr, beta float64) (newW, newVelocity []float64)) Report {
	return Run("MomentumStep", fn)
}

// RMSpropStep runs the public checks of exercises.RMSpropStep against fn.
func RMSpropStep(fn func(w, grad, sqAvg []float64, lr, rho, eps float64) (newW, newSqAvg []float64)) Report {
	return Run("RMSpropStep", fn)
}

// AdamStep runs the public checks of exercises.AdamStep against fn.
func AdamStep(fn func(w, grad, m, v []float64, t int, lr, beta1, beta2, eps float64) (newW, newM, newV []float64)) Report {
	return Run("AdamStep", fn)
}

// StepDecay runs the public checks of exercises.StepDecay against fn.
func StepDecay(fn func(initial, factor float64, every, step int) float64) Report {
	return Run("StepDecay", fn)
}

// CosineDecay runs the public checks of exercises.CosineDecay against fn.
func CosineDecay(fn func(lrMax, lrMin float64, total, step int) float64) Report {
	return Run("CosineDecay", fn)
}

// MiniBatches runs the public checks of exercises.MiniBatches against fn.
func MiniBatches(fn func(perm []int, batchSize int) [][]int) Report { return Run("MiniBatches", fn) }

// TrainStep runs the public checks of exercises.TrainStep against fn.
func TrainStep(fn func(x [][]float64, labels []int, w1 [][]float64, b1 []float64, w2 [][]float64, b2 []float64, lr float64) (loss float64, newW1 [][]float64, newB1 []float64, newW2 [][]float64, newB2 []float64)) Report {
	return Run("TrainStep", fn)
}
