//go:build learner

// The public checks, run against your code. In the learner's copy of the
// course they run with
//
//	go test ./exercises
//
// In the course's own repository this file needs the tag "learner"
// (go test -tags learner ./exercises), so that go test ./... stays green
// while the stubs are unsolved; the release command removes the tag.
package exercises_test

import (
	"testing"

	"github.com/deepdive-dl/backprop/exercises"
	"github.com/deepdive-dl/backprop/exercises/checks"
)

func TestMSE(t *testing.T)      { checks.MSE(exercises.MSE).Test(t) }
func TestMSEGrad(t *testing.T)  { checks.MSEGrad(exercises.MSEGrad).Test(t) }
func TestRMSE(t *testing.T)     { checks.RMSE(exercises.RMSE).Test(t) }
func TestRMSEGrad(t *testing.T) { checks.RMSEGrad(exercises.RMSEGrad).Test(t) }
func TestBCE(t *testing.T)      { checks.BCE(exercises.BCE).Test(t) }
func TestBCEGrad(t *testing.T)  { checks.BCEGrad(exercises.BCEGrad).Test(t) }
func TestSoftmax(t *testing.T)  { checks.Softmax(exercises.Softmax).Test(t) }
func TestSoftmaxCrossEntropy(t *testing.T) {
	checks.SoftmaxCrossEntropy(exercises.SoftmaxCrossEntropy).Test(t)
}
func TestSoftmaxCrossEntropyGrad(t *testing.T) {
	checks.SoftmaxCrossEntropyGrad(exercises.SoftmaxCrossEntropyGrad).Test(t)
}
func TestDenseBackward(t *testing.T)   { checks.DenseBackward(exercises.DenseBackward).Test(t) }
func TestSigmoidBackward(t *testing.T) { checks.SigmoidBackward(exercises.SigmoidBackward).Test(t) }
func TestReLUBackward(t *testing.T)    { checks.ReLUBackward(exercises.ReLUBackward).Test(t) }
func TestTanhBackward(t *testing.T)    { checks.TanhBackward(exercises.TanhBackward).Test(t) }
func TestSGDStep(t *testing.T)         { checks.SGDStep(exercises.SGDStep).Test(t) }
func TestMomentumStep(t *testing.T)    { checks.MomentumStep(exercises.MomentumStep).Test(t) }
func TestRMSpropStep(t *testing.T)     { checks.RMSpropStep(exercises.RMSpropStep).Test(t) }
func TestAdamStep(t *testing.T)        { checks.AdamStep(exercises.AdamStep).Test(t) }
func TestStepDecay(t *testing.T)       { checks.StepDecay(exercises.StepDecay).Test(t) }
func TestCosineDecay(t *testing.T)     { checks.CosineDecay(exercises.CosineDecay).Test(t) }
func TestMiniBatches(t *testing.T)     { checks.MiniBatches(exercises.MiniBatches).Test(t) }
func TestTrainStep(t *testing.T)       { checks.TrainStep(exercises.TrainStep).Test(t) }
