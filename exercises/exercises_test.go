//go:build learner

// The public checks, run against your code. In the learner's copy of the
// course they run with
//
//	make exercises                         (every exercise, and a count of those done)
//	go test ./exercises -run 'TestMSE$'         (one exercise)
//
// In the course's own repository this file needs the tag "learner"
// (go test -tags learner ./exercises), so that go test ./... stays green
// while the stubs are unsolved; the release command removes the tag.
package exercises_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/deepdive-dl/backprop/exercises"
	"github.com/deepdive-dl/backprop/exercises/checks"
)

// One test per exercise, in the order of the course.
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

// done and checked count the exercises whose checks ran, and passed, for
// the last line.
var done, checked int

// check runs the public checks of one exercise against your function. It
// takes the function as a value of type any, so a function with a wrong
// signature fails its own checks (the message gives both types) instead of
// keeping the whole package from compiling.
func check(t *testing.T, name string, fn any) {
	t.Helper()
	rep := checks.Run(name, fn)
	checked++
	if rep.Passed() {
		done++
	}
	rep.Test(t)
	if !rep.Passed() && rep.Hint != "" {
		t.Logf("hint: %s", rep.Hint)
	}
}

// TestMain ends the run with the count of exercises done. With
// EXERCISES_SUMMARY set it writes that line to the file it names instead,
// for `make exercises` to print after everything go test prints.
func TestMain(m *testing.M) {
	code := m.Run()
	if checked > 0 {
		line := fmt.Sprintf("%d of %d exercises done\n", done, len(checks.Exercises()))
		if all := len(checks.Exercises()); checked < all { // go test -run picked some
			line = fmt.Sprintf("%d of the %d exercises checked are done (%d exercises in all)\n", done, checked, all)
		}
		if path := os.Getenv("EXERCISES_SUMMARY"); path != "" {
			_ = os.WriteFile(path, []byte(line), 0o644)
		} else {
			fmt.Print(line)
		}
	}
	os.Exit(code)
}
