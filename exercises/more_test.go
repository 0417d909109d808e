//go:build learner

package exercises_test

import (
	"testing"

	"github.com/deepdive-dl/backprop/exercises"
)

// The exercises of exercises/checks/catalog_more.go, in the order of the
// course.

func TestNeuron(t *testing.T)          { check(t, "Neuron", exercises.Neuron) }
func TestTinyNetBackward(t *testing.T) { check(t, "TinyNetBackward", exercises.TinyNetBackward) }
func TestTinyNetNumericGrad(t *testing.T) {
	check(t, "TinyNetNumericGrad", exercises.TinyNetNumericGrad)
}
func TestMulBackward(t *testing.T)      { check(t, "MulBackward", exercises.MulBackward) }
func TestDivBackward(t *testing.T)      { check(t, "DivBackward", exercises.DivBackward) }
func TestPowBackward(t *testing.T)      { check(t, "PowBackward", exercises.PowBackward) }
func TestExpBackward(t *testing.T)      { check(t, "ExpBackward", exercises.ExpBackward) }
func TestMAEGrad(t *testing.T)          { check(t, "MAEGrad", exercises.MAEGrad) }
func TestMSLEGrad(t *testing.T)         { check(t, "MSLEGrad", exercises.MSLEGrad) }
func TestHuberGrad(t *testing.T)        { check(t, "HuberGrad", exercises.HuberGrad) }
func TestHingeGrad(t *testing.T)        { check(t, "HingeGrad", exercises.HingeGrad) }
func TestSquaredHingeGrad(t *testing.T) { check(t, "SquaredHingeGrad", exercises.SquaredHingeGrad) }
func TestKLDivergenceGrad(t *testing.T) { check(t, "KLDivergenceGrad", exercises.KLDivergenceGrad) }
func TestWarmUp(t *testing.T)           { check(t, "WarmUp", exercises.WarmUp) }
func TestOneCycle(t *testing.T)         { check(t, "OneCycle", exercises.OneCycle) }
func TestNesterovStep(t *testing.T)     { check(t, "NesterovStep", exercises.NesterovStep) }
func TestAdagradStep(t *testing.T)      { check(t, "AdagradStep", exercises.AdagradStep) }
func TestAdadeltaStep(t *testing.T)     { check(t, "AdadeltaStep", exercises.AdadeltaStep) }
func TestEarlyStopping(t *testing.T)    { check(t, "EarlyStopping", exercises.EarlyStopping) }
func TestGlorotUniform(t *testing.T)    { check(t, "GlorotUniform", exercises.GlorotUniform) }
func TestHeNormal(t *testing.T)         { check(t, "HeNormal", exercises.HeNormal) }
