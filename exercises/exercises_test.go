// Code generated from the catalog (exercises/checks/catalog.go) by go generate ./exercises/checks. DO NOT EDIT.

package exercises_test

import (
	"testing"

	"github.com/deepdive-dl/backprop/exercises"
)

// One test per exercise, in the order of the course (check is in
// check_test.go).
func TestNeuron(t *testing.T)   { check(t, "Neuron", exercises.Neuron) }
func TestMSE(t *testing.T)      { check(t, "MSE", exercises.MSE) }
func TestMSEGrad(t *testing.T)  { check(t, "MSEGrad", exercises.MSEGrad) }
func TestRMSE(t *testing.T)     { check(t, "RMSE", exercises.RMSE) }
func TestRMSEGrad(t *testing.T) { check(t, "RMSEGrad", exercises.RMSEGrad) }
func TestBCE(t *testing.T)      { check(t, "BCE", exercises.BCE) }
func TestBCEGrad(t *testing.T)  { check(t, "BCEGrad", exercises.BCEGrad) }
func TestSoftmax(t *testing.T)  { check(t, "Softmax", exercises.Softmax) }
func TestSoftmaxCrossEntropy(t *testing.T) {
	check(t, "SoftmaxCrossEntropy", exercises.SoftmaxCrossEntropy)
}
func TestSoftmaxCrossEntropyGrad(t *testing.T) {
	check(t, "SoftmaxCrossEntropyGrad", exercises.SoftmaxCrossEntropyGrad)
}
func TestMAEGrad(t *testing.T)          { check(t, "MAEGrad", exercises.MAEGrad) }
func TestMSLEGrad(t *testing.T)         { check(t, "MSLEGrad", exercises.MSLEGrad) }
func TestHuberGrad(t *testing.T)        { check(t, "HuberGrad", exercises.HuberGrad) }
func TestHingeGrad(t *testing.T)        { check(t, "HingeGrad", exercises.HingeGrad) }
func TestSquaredHingeGrad(t *testing.T) { check(t, "SquaredHingeGrad", exercises.SquaredHingeGrad) }
func TestKLDivergenceGrad(t *testing.T) { check(t, "KLDivergenceGrad", exercises.KLDivergenceGrad) }
func TestDenseBackward(t *testing.T)    { check(t, "DenseBackward", exercises.DenseBackward) }
func TestSigmoidBackward(t *testing.T)  { check(t, "SigmoidBackward", exercises.SigmoidBackward) }
func TestReLUBackward(t *testing.T)     { check(t, "ReLUBackward", exercises.ReLUBackward) }
func TestTanhBackward(t *testing.T)     { check(t, "TanhBackward", exercises.TanhBackward) }
func TestTinyNetBackward(t *testing.T)  { check(t, "TinyNetBackward", exercises.TinyNetBackward) }
func TestTinyNetNumericGrad(t *testing.T) {
	check(t, "TinyNetNumericGrad", exercises.TinyNetNumericGrad)
}
func TestMulBackward(t *testing.T)   { check(t, "MulBackward", exercises.MulBackward) }
func TestDivBackward(t *testing.T)   { check(t, "DivBackward", exercises.DivBackward) }
func TestPowBackward(t *testing.T)   { check(t, "PowBackward", exercises.PowBackward) }
func TestExpBackward(t *testing.T)   { check(t, "ExpBackward", exercises.ExpBackward) }
func TestSGDStep(t *testing.T)       { check(t, "SGDStep", exercises.SGDStep) }
func TestMomentumStep(t *testing.T)  { check(t, "MomentumStep", exercises.MomentumStep) }
func TestRMSpropStep(t *testing.T)   { check(t, "RMSpropStep", exercises.RMSpropStep) }
func TestAdamStep(t *testing.T)      { check(t, "AdamStep", exercises.AdamStep) }
func TestNesterovStep(t *testing.T)  { check(t, "NesterovStep", exercises.NesterovStep) }
func TestAdagradStep(t *testing.T)   { check(t, "AdagradStep", exercises.AdagradStep) }
func TestAdadeltaStep(t *testing.T)  { check(t, "AdadeltaStep", exercises.AdadeltaStep) }
func TestStepDecay(t *testing.T)     { check(t, "StepDecay", exercises.StepDecay) }
func TestCosineDecay(t *testing.T)   { check(t, "CosineDecay", exercises.CosineDecay) }
func TestWarmUp(t *testing.T)        { check(t, "WarmUp", exercises.WarmUp) }
func TestOneCycle(t *testing.T)      { check(t, "OneCycle", exercises.OneCycle) }
func TestMiniBatches(t *testing.T)   { check(t, "MiniBatches", exercises.MiniBatches) }
func TestTrainStep(t *testing.T)     { check(t, "TrainStep", exercises.TrainStep) }
func TestEarlyStopping(t *testing.T) { check(t, "EarlyStopping", exercises.EarlyStopping) }
func TestGlorotUniform(t *testing.T) { check(t, "GlorotUniform", exercises.GlorotUniform) }
func TestHeNormal(t *testing.T)      { check(t, "HeNormal", exercises.HeNormal) }
