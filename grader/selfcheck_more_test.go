package grader

import "math"

// One planted mistake for each exercise of the topics that had none at first:
// notebook 00's neuron, notebook 01's tiny network and local gradients, the
// gradients of notebook 02's other losses, warm-up and one-cycle, Nesterov,
// Adagrad and Adadelta, early stopping and initialisation.
func init() { mutants = append(mutants, moreMutants...) }

// randomOnes: the mistake fails every random test, and so loses the edge
// cases and properties too.
func randomOnes(t Test) bool { return t.Kind == KindRandom }

var moreMutants = []mutant{
	{"neuron without its bias", "neuron.go", "z := b", "z := 0.0", "Neuron", randomOnes, ""},
	{"sigmoid's derivative forgotten", "chainrule.go", "dZ1 := dYHat * v1 * h1 * (1 - h1)", "dZ1 := dYHat * v1",
		"TinyNetBackward", randomOnes, ""},
	{"central difference without its 2", "chainrule.go", "grad[k] = (up - down) / (2 * h)", "grad[k] = (up - down) / h",
		"TinyNetNumericGrad", randomOnes, "divide by 2h, not h"},
	{"upstream gradient forgotten", "chainrule.go", "return gradOut * b, gradOut * a", "return b, a", "MulBackward", randomOnes, "you left out gradOut"},
	{"quotient rule without the square", "chainrule.go", "-gradOut * a / (b * b)", "-gradOut * a / b", "DivBackward", randomOnes, ""},
	{"exponent not lowered", "chainrule.go", "math.Pow(a, p-1)", "math.Pow(a, p)", "PowBackward", randomOnes, ""},
	{"exp without the upstream gradient", "chainrule.go", "return gradOut * math.Exp(a)", "return math.Exp(a)", "ExpBackward", randomOnes, "you left out gradOut"},
	{"MAE gradient without the mean", "losses_more.go", "sameLen(\"MAEGrad\", len(pred), len(target))\n\tn := float64(len(pred))",
		"sameLen(\"MAEGrad\", len(pred), len(target))\n\tn := 1.0", "MAEGrad", randomOnes, "you forgot to divide by N"},
	{"MSLE without the chain rule through log", "losses_more.go", "/ ((1 + p) * n)", "/ n", "MSLEGrad", randomOnes, ""},
	{"Huber not clipped", "losses_more.go", "math.Max(-delta, math.Min(e, delta)) / n", "e / n", "HuberGrad",
		func(t Test) bool {
			pred, target, delta := t.Args[0].([]float64), t.Args[1].([]float64), t.Args[2].(float64)
			for i := range pred {
				if math.Abs(pred[i]-target[i]) > delta {
					return true
				}
			}
			return false
		}, ""},
	{"hinge gradient on the margin", "losses_more.go", "if 1-y*p > 0 {", "if 1-y*p >= 0 {", "HingeGrad",
		named("scores exactly on the margin"), ""},
	{"squared hinge without its 2", "losses_more.go", "-2 * y * math.Max(0, 1-y*p) / n", "-y * math.Max(0, 1-y*p) / n",
		"SquaredHingeGrad", randomOnes, "you forgot the 2"},
	{"KL gradient summed over the rows", "losses_more.go", "(math.Max(p, bceEpsilon) * float64(r))", "math.Max(p, bceEpsilon)",
		"KLDivergenceGrad", randomOnes, "you forgot to divide by N"},
	{"Nesterov without the look-ahead", "optimizers_more.go", "newW[i] = w[i] - lr*(g+beta*newVelocity[i])",
		"newW[i] = w[i] - lr*newVelocity[i]", "NesterovStep", randomOnes, "that is plain momentum"},
	{"Adagrad averaging instead of summing", "optimizers_more.go", "newSumSq[i] = sumSq[i] + g*g",
		"newSumSq[i] = 0.9*sumSq[i] + 0.1*g*g", "AdagradStep", randomOnes, ""},
	{"Adadelta with the new update average", "optimizers_more.go", "math.Sqrt(deltaAvg[i]+eps)", "math.Sqrt(newDeltaAvg[i]+eps)",
		"AdadeltaStep", randomOnes, ""},
	{"warm-up starting at 0", "schedules_more.go", "float64(step+1) / float64(warmupSteps+1)", "float64(step) / float64(warmupSteps)",
		"WarmUp", randomOnes, "the warm-up starts at 0"},
	{"one-cycle with PyTorch's divFactor fixed", "schedules_more.go", "initial := maxLR / divFactor", "initial := maxLR / 25",
		"OneCycle", randomOnes, ""},
	{"an equal loss counted as progress", "training_more.go", "if loss < best-minDelta {", "if loss <= best-minDelta {",
		"EarlyStopping", named("equal losses do not improve"), ""},
	{"Glorot with the fan-in only", "training_more.go", "math.Sqrt(6 / float64(in+out))", "math.Sqrt(6 / float64(in))",
		"GlorotUniform", randomOnes, "counts both fans"},
	{"He without ReLU's factor 2", "training_more.go", "math.Sqrt(2 / float64(in))", "math.Sqrt(1 / float64(in))",
		"HeNormal", randomOnes, "the 2 makes up for ReLU"},
}
