//go:build learner

// The public checks, run against your code. In the learner's copy of the
// course they run with
//
//	make exercises                         (every exercise, and a count of those done)
//	go test ./exercises -run 'Exercises/MSE$'  (one exercise)
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

// yours maps each exercise to your function. The values have type any, so
// a function with a wrong signature fails its own checks (the message
// gives both types) instead of keeping the whole package from compiling.
var yours = map[string]any{
	"MSE": exercises.MSE, "MSEGrad": exercises.MSEGrad, "RMSE": exercises.RMSE, "RMSEGrad": exercises.RMSEGrad,
	"BCE": exercises.BCE, "BCEGrad": exercises.BCEGrad, "Softmax": exercises.Softmax,
	"SoftmaxCrossEntropy": exercises.SoftmaxCrossEntropy, "SoftmaxCrossEntropyGrad": exercises.SoftmaxCrossEntropyGrad,
	"DenseBackward": exercises.DenseBackward, "SigmoidBackward": exercises.SigmoidBackward,
	"ReLUBackward": exercises.ReLUBackward, "TanhBackward": exercises.TanhBackward,
	"SGDStep": exercises.SGDStep, "MomentumStep": exercises.MomentumStep, "RMSpropStep": exercises.RMSpropStep,
	"AdamStep": exercises.AdamStep, "StepDecay": exercises.StepDecay, "CosineDecay": exercises.CosineDecay,
	"MiniBatches": exercises.MiniBatches, "TrainStep": exercises.TrainStep,
}

// done counts the exercises whose checks all passed, for the last line.
var done, checked int

// TestExercises runs the public checks of every exercise, one subtest each.
func TestExercises(t *testing.T) {
	for _, ex := range checks.Exercises() {
		t.Run(ex.Name, func(t *testing.T) {
			fn, ok := yours[ex.Name]
			if !ok {
				t.Fatalf("exercise %s is missing from this file's table", ex.Name)
			}
			rep := checks.Run(ex.Name, fn)
			checked++
			if rep.Passed() {
				done++
			}
			rep.Test(t)
			if !rep.Passed() && ex.Hint != "" {
				t.Logf("hint: %s", ex.Hint)
			}
		})
	}
}

// TestMain ends the run with the count of exercises done. With
// EXERCISES_SUMMARY set it writes that line to the file it names instead,
// for `make exercises` to print after everything go test prints.
func TestMain(m *testing.M) {
	code := m.Run()
	if checked > 0 {
		line := fmt.Sprintf("%d of %d exercises done\n", done, len(checks.Exercises()))
		if path := os.Getenv("EXERCISES_SUMMARY"); path != "" {
			_ = os.WriteFile(path, []byte(line), 0o644)
		} else {
			fmt.Print(line)
		}
	}
	os.Exit(code)
}
