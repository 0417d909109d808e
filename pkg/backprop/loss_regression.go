package backprop

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Regression losses: pred and target are matrices of the same shape holding
// real numbers, and the loss is a mean over all of their elements.

var (
	_ Loss = MSE{}
	_ Loss = RMSE{}
	_ Loss = MAE{}
	_ Loss = MSLE{}
	_ Loss = Huber{}
)

// MSE is the mean squared error
//
//	MSE = 1/N Σ (p − y)²
//
// over all N = rows×cols elements, like PyTorch's MSELoss (reduction
// "mean") and Keras's MeanSquaredError. Its gradient is 2(p − y)/N.
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), or if an element is NaN or ±Inf.
type MSE struct{}

func (MSE) String() string                          { return "MSE" }
func (MSE) domains() (pred, target lossDomain)      { return anyFinite, anyFinite }
func (MSE) loss(p, t float64) float64               { e := p - t; return e * e }
func (MSE) dloss(p, t float64) float64              { return 2 * (p - t) }
func (l MSE) Value(pred, target *mat.Dense) float64 { return meanOfElements(l, pred, target) }
func (l MSE) Grad(dst, pred, target *mat.Dense)     { gradOfElements(l, dst, pred, target) }

// RMSE is the root mean squared error, the square root of MSE:
//
//	RMSE = sqrt(1/N Σ (p − y)²)
//
// over all N = rows×cols elements, as Keras's RootMeanSquaredError metric
// and torch.sqrt(MSELoss()) compute it. It is in the units of the target,
// which makes it easy to read: predicting 65.1 for a target of 62.5 gives
// RMSE 2.6.
//
// Its gradient is (p − y) / (N·RMSE). At zero error (every p equals its y)
// that formula is 0/0 and PyTorch returns NaN; Grad returns 0 there, which
// is a valid subgradient (RMSE is a scaled Euclidean norm, and 0 lies in the
// norm's subdifferential at the origin) and the natural choice at a minimum.
// Grad also returns 0 if every error is so small (below about 1e-154) that
// its square underflows to zero; if a square overflows (an error above
// about 1e154), Value is +Inf and Grad 0.
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), or if an element is NaN or ±Inf.
type RMSE struct{}

func (RMSE) String() string                     { return "RMSE" }
func (RMSE) domains() (pred, target lossDomain) { return anyFinite, anyFinite }

// loss and dloss are those of the mean under the root, MSE.
func (RMSE) loss(p, t float64) float64  { return MSE{}.loss(p, t) }
func (RMSE) dloss(p, t float64) float64 { return MSE{}.dloss(p, t) }

func (l RMSE) Value(pred, target *mat.Dense) float64 {
	return math.Sqrt(meanOfElements(l, pred, target))
}

// Grad applies the chain rule through the root:
// d sqrt(m)/dp = (dm/dp) / (2 sqrt(m)), with m the MSE.
func (l RMSE) Grad(dst, pred, target *mat.Dense) {
	rmse := math.Sqrt(meanOfElements(l, pred, target))
	gradOfElements(l, dst, pred, target)
	scale := 0.0 // the subgradient at zero error
	if rmse > 0 {
		scale = 1 / (2 * rmse)
	}
	// A loop rather than dst.Scale, which allocates.
	rows, cols := dst.Dims()
	raw := dst.RawMatrix()
	for i := range rows {
		row := lossRow(raw, i, cols)
		for j := range row {
			row[j] *= scale
		}
	}
}

// MAE is the mean absolute error
//
//	MAE = 1/N Σ |p − y|
//
// over all N = rows×cols elements, like PyTorch's L1Loss (reduction "mean")
// and Keras's MeanAbsoluteError. Its gradient is sign(p − y)/N; where
// p = y exactly, |·| has no derivative and Grad uses the subgradient 0, as
// PyTorch does.
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), or if an element is NaN or ±Inf.
type MAE struct{}

func (MAE) String() string                          { return "MAE" }
func (MAE) domains() (pred, target lossDomain)      { return anyFinite, anyFinite }
func (MAE) loss(p, t float64) float64               { return math.Abs(p - t) }
func (MAE) dloss(p, t float64) float64              { return lossSign(p - t) }
func (l MAE) Value(pred, target *mat.Dense) float64 { return meanOfElements(l, pred, target) }
func (l MAE) Grad(dst, pred, target *mat.Dense)     { gradOfElements(l, dst, pred, target) }

// lossSign is −1, 0 or 1 as x is negative, zero or positive.
func lossSign(x float64) float64 {
	switch {
	case x > 0:
		return 1
	case x < 0:
		return -1
	}
	return 0
}

// MSLE is the mean squared logarithmic error
//
//	MSLE = 1/N Σ (log(1+p) − log(1+y))²
//
// over all N = rows×cols elements, Keras's MeanSquaredLogarithmicError.
// It compares ratios rather than differences, so it suits targets that
// span orders of magnitude. Its gradient is
// 2(log(1+p) − log(1+y)) / ((1+p)·N).
//
// Keras also raises negative inputs to 1e-7 before taking the log, which
// silences the gradient of a negative prediction; here every value above
// −1 is used as it is (identical results for inputs ≥ 1e-7), and a value
// of −1 or less, where log(1+x) does not exist, is rejected.
//
// Value and Grad panic if pred or target is nil or empty, if their shapes
// differ (or dst's differs from pred's), or if an element is NaN, ±Inf,
// or not greater than −1.
type MSLE struct{}

func (MSLE) String() string                     { return "MSLE" }
func (MSLE) domains() (pred, target lossDomain) { return aboveMinusOne, aboveMinusOne }
func (MSLE) loss(p, t float64) float64 {
	e := math.Log1p(p) - math.Log1p(t)
	return e * e
}
func (MSLE) dloss(p, t float64) float64 {
	return 2 * (math.Log1p(p) - math.Log1p(t)) / (1 + p)
}
func (l MSLE) Value(pred, target *mat.Dense) float64 { return meanOfElements(l, pred, target) }
func (l MSLE) Grad(dst, pred, target *mat.Dense)     { gradOfElements(l, dst, pred, target) }

// Huber is the Huber loss: quadratic for small errors, linear for large
// ones, so a few outliers do not dominate the mean the way they do in MSE.
// With e = p − y and δ = Delta,
//
//	huber(e) = ½e²             if |e| ≤ δ
//	         = δ(|e| − ½δ)     otherwise
//
// averaged over all N = rows×cols elements, like PyTorch's HuberLoss(delta)
// (reduction "mean") and Keras's Huber(delta). Its gradient, e/N inside
// the band and δ·sign(e)/N outside, is continuous.
//
// The zero value has Delta 1, the default of both frameworks.
//
// Value and Grad panic if Delta is negative, NaN or +Inf, if pred or target
// is nil or empty, if their shapes differ (or dst's differs from pred's),
// or if an element is NaN or ±Inf.
type Huber struct {
	Delta float64 // where the quadratic part ends; 0 means 1
}

func (Huber) String() string                     { return "Huber" }
func (Huber) domains() (pred, target lossDomain) { return anyFinite, anyFinite }

func (h Huber) loss(p, t float64) float64 {
	e := math.Abs(p - t)
	if e <= h.Delta {
		return 0.5 * e * e
	}
	return h.Delta * (e - 0.5*h.Delta)
}

func (h Huber) dloss(p, t float64) float64 {
	e := p - t
	return math.Max(-h.Delta, math.Min(e, h.Delta))
}

func (h Huber) Value(pred, target *mat.Dense) float64 {
	h.Delta = h.delta()
	return meanOfElements(h, pred, target)
}

func (h Huber) Grad(dst, pred, target *mat.Dense) {
	h.Delta = h.delta()
	gradOfElements(h, dst, pred, target)
}

// delta returns Delta with its default applied, and panics if it is invalid.
func (h Huber) delta() float64 {
	switch {
	case h.Delta == 0:
		return 1
	case !(h.Delta > 0) || math.IsInf(h.Delta, 1):
		panic(fmt.Sprintf("backprop: Huber: Delta = %v, want a finite number > 0 (or 0 for the default 1)", h.Delta))
	}
	return h.Delta
}
