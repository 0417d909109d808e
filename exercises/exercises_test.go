// Code generated from the catalog (exercises/checks/catalog.go) by go generate ./exercises/checks. DO NOT EDIT.

package exercises_test

import (
	"testing"

	"github.com/deepdive-dl/backprop/exercises"
)

// One test per exercise, in the order of the course (check is in
// check_test.go).
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
func TestDenseBackward(t *testing.T)   { check(t, "DenseBackward", exercises.DenseBackward) }
func TestSigmoidBackward(t *testing.T) { check(t, "SigmoidBackward", exercises.SigmoidBackward) }
func TestReLUBackward(t *testing.T)    { check(t, "ReLUBackward", exercises.ReLUBackward) }
func TestTanhBackward(t *testing.T)    { check(t, "TanhBackward", exercises.TanhBackward) }
func TestSGDStep(t *testing.T)         { check(t, "SGDStep", exercises.SGDStep) }
func TestMomentumStep(t *testing.T)    { check(t, "MomentumStep", exercises.MomentumStep) }
func TestRMSpropStep(t *testing.T)     { check(t, "RMSpropStep", exercises.RMSpropStep) }
func TestAdamStep(t *testing.T)        { check(t, "AdamStep", exercises.AdamStep) }
func TestStepDecay(t *testing.T)       { check(t, "StepDecay", exercises.StepDecay) }
func TestCosineDecay(t *testing.T)     { check(t, "CosineDecay", exercises.CosineDecay) }
func TestMiniBatches(t *testing.T)     { check(t, "MiniBatches", exercises.MiniBatches) }
func TestTrainStep(t *testing.T)       { check(t, "TrainStep", exercises.TrainStep) }
