package checks

// Typed checks of the exercises of catalog_more.go (see typed.go).

// Neuron runs the public checks of exercises.Neuron against fn.
func Neuron(fn func(x, w []float64, b float64) float64) Report { return Run("Neuron", fn) }

// TinyNetBackward runs the public checks of exercises.TinyNetBackward against fn.
func TinyNetBackward(fn func(params, x []float64, target float64) (loss float64, grad []float64)) Report {
	return Run("TinyNetBackward", fn)
}

// TinyNetNumericGrad runs the public checks of exercises.TinyNetNumericGrad against fn.
func TinyNetNumericGrad(fn func(params, x []float64, target, h float64) []float64) Report {
	return Run("TinyNetNumericGrad", fn)
}

// MulBackward runs the public checks of exercises.MulBackward against fn.
func MulBackward(fn func(a, b, gradOut float64) (gradA, gradB float64)) Report {
	return Run("MulBackward", fn)
}

// DivBackward runs the public checks of exercises.DivBackward against fn.
func DivBackward(fn func(a, b, gradOut float64) (gradA, gradB float64)) Report {
	return Run("DivBackward", fn)
}

// PowBackward runs the public checks of exercises.PowBackward against fn.
func PowBackward(fn func(a, p, gradOut float64) float64) Report { return Run("PowBackward", fn) }

// ExpBackward runs the public checks of exercises.ExpBackward against fn.
func ExpBackward(fn func(a, gradOut float64) float64) Report { return Run("ExpBackward", fn) }

// MAEGrad runs the public checks of exercises.MAEGrad against fn.
func MAEGrad(fn func(pred, target []float64) []float64) Report { return Run("MAEGrad", fn) }

// MSLEGrad runs the public checks of exercises.MSLEGrad against fn.
func MSLEGrad(fn func(pred, target []float64) []float64) Report { return Run("MSLEGrad", fn) }

// HuberGrad runs the public checks of exercises.HuberGrad against fn.
func HuberGrad(fn func(pred, target []float64, delta float64) []float64) Report {
	return Run("HuberGrad", fn)
}

// HingeGrad runs the public checks of exercises.HingeGrad against fn.
func HingeGrad(fn func(pred, label []float64) []float64) Report { return Run("HingeGrad", fn) }

// SquaredHingeGrad runs the public checks of exercises.SquaredHingeGrad against fn.
func SquaredHingeGrad(fn func(pred, label []float64) []float64) Report {
	return Run("SquaredHingeGrad", fn)
}

// KLDivergenceGrad runs the public checks of exercises.KLDivergenceGrad against fn.
func KLDivergenceGrad(fn func(pred, target [][]float64) [][]float64) Report {
	return Run("KLDivergenceGrad", fn)
}

// WarmUp runs the public checks of exercises.WarmUp against fn.
func WarmUp(fn func(lr float64, warmupSteps, step int) float64) Report { return Run("WarmUp", fn) }

// OneCycle runs the public checks of exercises.OneCycle against fn.
func OneCycle(fn func(maxLR, pctStart, divFactor, finalDivFactor float64, total, step int) float64) Report {
	return Run("OneCycle", fn)
}

// NesterovStep runs the public checks of exercises.NesterovStep against fn.
func NesterovStep(fn func(w, grad, velocity []float64, lr, beta float64) (newW, newVelocity []float64)) Report {
	return Run("NesterovStep", fn)
}

// AdagradStep runs the public checks of exercises.AdagradStep against fn.
func AdagradStep(fn func(w, grad, sumSq []float64, lr, eps float64) (newW, newSumSq []float64)) Report {
	return Run("AdagradStep", fn)
}

// AdadeltaStep runs the public checks of exercises.AdadeltaStep against fn.
func AdadeltaStep(fn func(w, grad, sqAvg, deltaAvg []float64, lr, rho, eps float64) (newW, newSqAvg, newDeltaAvg []float64)) Report {
	return Run("AdadeltaStep", fn)
}

// EarlyStopping runs the public checks of exercises.EarlyStopping against fn.
func EarlyStopping(fn func(valLosses []float64, patience int, minDelta float64) (stopEpoch, bestEpoch int)) Report {
	return Run("EarlyStopping", fn)
}

// GlorotUniform runs the public checks of exercises.GlorotUniform against fn.
func GlorotUniform(fn func(u [][]float64) [][]float64) Report { return Run("GlorotUniform", fn) }

// HeNormal runs the public checks of exercises.HeNormal against fn.
func HeNormal(fn func(z [][]float64) [][]float64) Report { return Run("HeNormal", fn) }
