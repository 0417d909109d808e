package grader

import (
	"math"
	"math/rand/v2"

	"github.com/deepdive-dl/backprop/exercises/checks"
	"github.com/deepdive-dl/backprop/solutions"
)

// private is the grader's half of an exercise: what learners never see.
// The public half (name, signature, hints, public cases) is the
// exercise's entry in the catalog of package exercises/checks.
type private struct {
	// Solution is the model answer, which computes every expected value in
	// the grader's own process; learner code never runs here.
	Solution any
	// Hidden draws the hidden tests (see hidden.go for the helpers).
	Hidden gen
}

// registry declares the private half of every exercise, keyed by its name
// in the catalog. TestRegistry fails, naming the exercise, when an
// exercise has one half and not the other or the solution's type is not
// the catalog's signature.
var registry = map[string]private{
	"MSE":      {solutions.MSE, regression},
	"MSEGrad":  {solutions.MSEGrad, regression},
	"RMSE":     {solutions.RMSE, regression},
	"RMSEGrad": {solutions.RMSEGrad, regression},
	"BCE":      {solutions.BCE, probabilities},
	"BCEGrad":  {solutions.BCEGrad, probabilities},
	"Softmax": {solutions.Softmax, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any { n, k := nonSquare(r); return []any{matNK(r, n, k, 2)} })
		n, k := nonSquare(r)
		large := matNK(r, n, k, 1000)
		return append(ts,
			edge("large logits (±1000)", large),
			edge("batch of one", matNK(r, 1, k, 2)),
			edge("one class", [][]float64{{3}, {-7}}),
			property("rows sum to 1 with large logits", rowSums(1), large))
	}},
	"SoftmaxCrossEntropy": {solutions.SoftmaxCrossEntropy, classification},
	"SoftmaxCrossEntropyGrad": {solutions.SoftmaxCrossEntropyGrad, func(r *rand.Rand) []Test {
		ts := classification(r)
		n, k := nonSquare(r)
		return append(ts, property("rows sum to 0", rowSums(0), matNK(r, n, k, 3), labelsN(r, n, k)))
	}},
	"DenseBackward": {solutions.DenseBackward, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n, in := nonSquare(r)
			out := size(r, 2, 5)
			return []any{matNK(r, n, in, 1), matNK(r, in, out, 1), matNK(r, n, out, 1)}
		})
		in, out := nonSquare(r)
		return append(ts,
			edge("batch of one", matNK(r, 1, in, 1), matNK(r, in, out, 1), matNK(r, 1, out, 1)),
			edge("one output", matNK(r, 4, in, 1), matNK(r, in, 1, 1), matNK(r, 4, 1, 1)))
	}},
	"SigmoidBackward": {solutions.SigmoidBackward, activation()},
	"ReLUBackward": {solutions.ReLUBackward, activation(func(r *rand.Rand) Test {
		return edge("zero inputs block the gradient", [][]float64{{0, 0, 1}, {-1, 0, 2}}, matNK(r, 2, 3, 1))
	})},
	"TanhBackward": {solutions.TanhBackward, activation()},
	"SGDStep": {solutions.SGDStep, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n := size(r, 1, 20)
			return []any{vecN(r, n, 1), vecN(r, n, 1), uniform(r, 1, 0.001, 0.5)[0]}
		})
		n := size(r, 2, 10)
		return append(ts,
			edge("zero learning rate", vecN(r, n, 1), vecN(r, n, 1), 0.0),
			edge("one weight", vecN(r, 1, 1), vecN(r, 1, 1), 0.1))
	}},
	"MomentumStep": {solutions.MomentumStep, momentum},
	"RMSpropStep": {solutions.RMSpropStep, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n := size(r, 1, 20)
			return []any{vecN(r, n, 1), vecN(r, n, 1), uniform(r, n, 0, 2), uniform(r, 1, 0.001, 0.1)[0], 0.99, 1e-8}
		})
		n := size(r, 2, 10)
		return append(ts,
			edge("first step (zero average)", vecN(r, n, 1), vecN(r, n, 1), make([]float64, n), 0.01, 0.9, 1e-8),
			edge("zero gradient", vecN(r, n, 1), make([]float64, n), make([]float64, n), 0.01, 0.9, 1e-8))
	}},
	"AdamStep": {solutions.AdamStep, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n := size(r, 1, 20)
			return []any{vecN(r, n, 1), vecN(r, n, 1), vecN(r, n, 0.1), uniform(r, n, 0, 0.1), size(r, 2, 100), uniform(r, 1, 0.0001, 0.01)[0], 0.9, 0.999, 1e-8}
		})
		n := size(r, 2, 10)
		return append(ts,
			edge("first step (t = 1, zero moments)", vecN(r, n, 1), vecN(r, n, 1), make([]float64, n), make([]float64, n), 1, 0.001, 0.9, 0.999, 1e-8),
			edge("late step (t = 10000)", vecN(r, n, 1), vecN(r, n, 1), vecN(r, n, 0.1), uniform(r, n, 0, 0.1), 10000, 0.001, 0.9, 0.999, 1e-8),
			edge("zero gradient", vecN(r, n, 1), make([]float64, n), make([]float64, n), make([]float64, n), 3, 0.001, 0.9, 0.999, 1e-8))
	}},
	"StepDecay": {solutions.StepDecay, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			// One to four drops: the rate has changed (returning the
			// initial rate fails) and stays far above the comparison's
			// absolute tolerance (returning 0 fails).
			every := size(r, 2, 20)
			return []any{uniform(r, 1, 0.01, 1)[0], uniform(r, 1, 0.1, 0.9)[0], every, every + r.IntN(3*every+1)}
		})
		every := size(r, 2, 20)
		drops := size(r, 1, 5)
		return append(ts,
			edge("last step before a drop", 0.1, 0.5, every, drops*every-1),
			edge("first step after a drop", 0.1, 0.5, every, drops*every),
			edge("drop every step", 1.0, 0.9, 1, size(r, 1, 30)))
	}},
	"CosineDecay": {solutions.CosineDecay, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			total := size(r, 5, 200)
			// step 0 would return lrMax, which an answer that returns its
			// argument gets right: the edge case below tests it.
			return []any{uniform(r, 1, 0.1, 1)[0], uniform(r, 1, 0, 0.05)[0], total, 1 + r.IntN(total)}
		})
		total := size(r, 5, 200)
		return append(ts,
			edge("step 0 gives lrMax", 0.3, 0.01, total, 0),
			edge("last step gives lrMin", 0.3, 0.01, total, total),
			edge("after the end stays at lrMin", 0.3, 0.01, total, total+size(r, 1, 50)))
	}},
	"MiniBatches": {solutions.MiniBatches, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any { n := size(r, 1, 50); return []any{r.Perm(n), size(r, 1, n+3)} })
		n := size(r, 2, 8)
		return append(ts,
			edge("batch size divides N", r.Perm(3*n), n),
			edge("stochastic (batch size 1)", r.Perm(n), 1),
			edge("batch size larger than N", r.Perm(n), n+5),
			edge("no examples", []int{}, 4))
	}},
	"TrainStep": {solutions.TrainStep, func(r *rand.Rand) []Test {
		net := func(r *rand.Rand, n, d, h, k int, scale float64) []any {
			return []any{matNK(r, n, d, 1), labelsN(r, n, k), matNK(r, d, h, 1), vecN(r, h, 0.1), matNK(r, h, k, scale), vecN(r, k, 0.1), 0.1}
		}
		ts := randomTests(r, func(r *rand.Rand) []any { return net(r, size(r, 2, 8), size(r, 2, 5), size(r, 2, 6), size(r, 2, 4), 1) })
		return append(ts,
			edge("batch of one", net(r, 1, 3, 4, 2, 1)...),
			edge("large logits", net(r, 5, 3, 4, 3, 800)...))
	}},
	"Neuron": {solutions.Neuron, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n := size(r, 2, 10)
			return []any{vecN(r, n, 1), vecN(r, n, 0.5), uniform(r, 1, -0.5, 0.5)[0]}
		})
		return append(ts,
			edge("one input", vecN(r, 1, 1), vecN(r, 1, 1), 0.2),
			edge("many inputs", vecN(r, 100, 1), vecN(r, 100, 0.1), -0.1),
			edge("saturated (large sum)", vecN(r, 4, 10), uniform(r, 4, 2, 3), 5.0))
	}},
	"TinyNetBackward": {solutions.TinyNetBackward, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any { return []any{vecN(r, 9, 1), vecN(r, 2, 1), r.NormFloat64()} })
		return append(ts,
			edge("zero inputs", vecN(r, 9, 1), []float64{0, 0}, r.NormFloat64()),
			edge("large weights (saturated sigmoids)", vecN(r, 9, 6), vecN(r, 2, 2), r.NormFloat64()),
			edge("prediction equals the target", []float64{0.4, -0.3, 0.2, 0.6, 0.1, -0.1, 0, 0, 0.7}, []float64{1, 0.5}, 0.7))
	}},
	"TinyNetNumericGrad": {solutions.TinyNetNumericGrad, func(r *rand.Rand) []Test {
		// Steps large enough that the estimate differs from the
		// gradient: only a central difference of the loss passes.
		ts := randomTests(r, func(r *rand.Rand) []any {
			return []any{vecN(r, 9, 1), vecN(r, 2, 1), r.NormFloat64(), uniform(r, 1, 0.05, 1)[0]}
		})
		return append(ts,
			edge("small step (1e-5)", vecN(r, 9, 1), vecN(r, 2, 1), r.NormFloat64(), 1e-5),
			edge("huge step (h = 3)", vecN(r, 9, 1), vecN(r, 2, 1), r.NormFloat64(), 3.0),
			edge("zero inputs", vecN(r, 9, 1), []float64{0, 0}, r.NormFloat64(), 0.2))
	}},
	"MulBackward": {solutions.MulBackward, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any { return []any{r.NormFloat64() * 3, r.NormFloat64() * 3, r.NormFloat64()} })
		a := r.NormFloat64()
		return append(ts,
			edge("a times itself", a, a, r.NormFloat64()),
			edge("one input is zero", 0.0, r.NormFloat64(), r.NormFloat64()+2),
			edge("large values", 1e6*r.NormFloat64(), 1e-6*r.NormFloat64(), 3.0))
	}},
	"DivBackward": {solutions.DivBackward, func(r *rand.Rand) []Test {
		divisor := func(r *rand.Rand) float64 { return math.Copysign(uniform(r, 1, 0.5, 3)[0], r.NormFloat64()) }
		ts := randomTests(r, func(r *rand.Rand) []any { return []any{r.NormFloat64() * 3, divisor(r), r.NormFloat64()} })
		return append(ts,
			edge("small divisor", r.NormFloat64(), 1e-3, 1.0),
			edge("zero numerator", 0.0, divisor(r), r.NormFloat64()+2),
			edge("divide by one", r.NormFloat64(), 1.0, r.NormFloat64()))
	}},
	"PowBackward": {solutions.PowBackward, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			return []any{uniform(r, 1, 0.2, 3)[0], uniform(r, 1, -3, 3)[0], r.NormFloat64()}
		})
		return append(ts,
			edge("negative base, whole exponent", -1.5, 3.0, r.NormFloat64()),
			edge("exponent 1", uniform(r, 1, 0.2, 3)[0], 1.0, r.NormFloat64()),
			edge("exponent 0", uniform(r, 1, 0.2, 3)[0], 0.0, r.NormFloat64()),
			edge("square root", uniform(r, 1, 0.2, 9)[0], 0.5, 1.0))
	}},
	"ExpBackward": {solutions.ExpBackward, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any { return []any{uniform(r, 1, -3, 3)[0], r.NormFloat64()} })
		return append(ts,
			edge("a = 0", 0.0, r.NormFloat64()),
			edge("large a", 50.0, 1e-3),
			edge("very negative a", -50.0, r.NormFloat64()))
	}},
	"MAEGrad": {solutions.MAEGrad, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any { n := size(r, 2, 20); return []any{vecN(r, n, 2), vecN(r, n, 2)} })
		n := size(r, 3, 10)
		tied, target := vecN(r, n, 2), vecN(r, n, 2)
		tied[0], tied[n-1] = target[0], target[n-1]
		return append(ts,
			edge("exact ties have gradient 0", tied, target),
			edge("batch of one", vecN(r, 1, 2), vecN(r, 1, 2)),
			edge("large values", vecN(r, n, 1e6), vecN(r, n, 1e6)))
	}},
	"MSLEGrad": {solutions.MSLEGrad, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n := size(r, 2, 20)
			return []any{uniform(r, n, -0.9, 10), uniform(r, n, 0, 10)}
		})
		return append(ts,
			edge("batch of one", uniform(r, 1, 0, 5), uniform(r, 1, 0, 5)),
			edge("predictions near −1", uniform(r, 3, -0.999, -0.99), uniform(r, 3, 0, 2)),
			edge("targets spanning orders of magnitude", uniform(r, 4, 0, 10), []float64{0.1, 10, 1000, 1e5}))
	}},
	"HuberGrad": {solutions.HuberGrad, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n := size(r, 3, 20)
			return []any{vecN(r, n, 2), vecN(r, n, 2), uniform(r, 1, 0.3, 2)[0]}
		})
		n := size(r, 2, 8)
		pred := vecN(r, n, 1)
		near, far := make([]float64, n), make([]float64, n)
		for i, p := range pred {
			near[i] = p + uniform(r, 1, -0.5, 0.5)[0]
			far[i] = p + math.Copysign(uniform(r, 1, 2, 10)[0], r.NormFloat64())
		}
		return append(ts,
			edge("every error within delta (as MSE/2)", pred, near, 1.0),
			edge("every error beyond delta (outliers)", pred, far, 1.0),
			edge("batch of one", vecN(r, 1, 2), vecN(r, 1, 2), 0.5))
	}},
	"HingeGrad":        {solutions.HingeGrad, hinge},
	"SquaredHingeGrad": {solutions.SquaredHingeGrad, hinge},
	"KLDivergenceGrad": {solutions.KLDivergenceGrad, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n, k := nonSquare(r)
			return []any{distributions(r, n, k), distributions(r, n, k)}
		})
		n, k := nonSquare(r)
		oneHot := make([][]float64, n)
		for i := range oneHot {
			oneHot[i] = make([]float64, k)
			oneHot[i][r.IntN(k)] = 1
		}
		return append(ts,
			edge("one-hot targets", distributions(r, n, k), oneHot),
			edge("batch of one", distributions(r, 1, k), distributions(r, 1, k)),
			edge("a probability of 0 with a positive target", [][]float64{{0, 1}, {0.5, 0.5}}, [][]float64{{0.5, 0.5}, {1, 0}}),
			property("no gradient is positive", nonPositive, distributions(r, n, k), distributions(r, n, k)))
	}},
	// Nesterov takes the arguments of MomentumStep, and the same tests.
	"NesterovStep": {solutions.NesterovStep, momentum},
	"AdagradStep": {solutions.AdagradStep, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n := size(r, 1, 20)
			return []any{vecN(r, n, 1), vecN(r, n, 1), uniform(r, n, 0, 5), uniform(r, 1, 0.01, 1)[0], 1e-10}
		})
		n := size(r, 2, 10)
		return append(ts,
			edge("first step (zero sum)", vecN(r, n, 1), vecN(r, n, 1), make([]float64, n), 0.1, 1e-10),
			edge("large accumulated sum", vecN(r, n, 1), vecN(r, n, 1), uniform(r, n, 1e3, 1e4), 0.5, 1e-10),
			edge("zero gradient", vecN(r, n, 1), make([]float64, n), uniform(r, n, 0.1, 1), 0.1, 1e-10))
	}},
	"AdadeltaStep": {solutions.AdadeltaStep, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n := size(r, 1, 20)
			return []any{vecN(r, n, 1), vecN(r, n, 1), uniform(r, n, 0, 2), uniform(r, n, 0, 0.01),
				uniform(r, 1, 0.1, 1)[0], uniform(r, 1, 0.8, 0.99)[0], 1e-6}
		})
		n := size(r, 2, 10)
		zero := func() []float64 { return make([]float64, n) }
		return append(ts,
			edge("first step (zero averages)", vecN(r, n, 1), vecN(r, n, 1), zero(), zero(), 1.0, 0.9, 1e-6),
			edge("rho 0 forgets the past", vecN(r, n, 1), vecN(r, n, 1), uniform(r, n, 0, 2), uniform(r, n, 0, 0.01), 1.0, 0.0, 1e-6))
	}},
	"WarmUp": {solutions.WarmUp, func(r *rand.Rand) []Test {
		// Steps inside the warm-up: returning lr itself fails them.
		ts := randomTests(r, func(r *rand.Rand) []any {
			warm := size(r, 2, 50)
			return []any{uniform(r, 1, 0.01, 1)[0], warm, r.IntN(warm)}
		})
		warm := size(r, 2, 50)
		return append(ts,
			edge("last warm-up step", 0.3, warm, warm-1),
			edge("after the warm-up", 0.3, warm, warm+size(r, 0, 100)),
			edge("no warm-up (0 steps)", 0.05, 0, size(r, 0, 10)))
	}},
	"OneCycle": {solutions.OneCycle, func(r *rand.Rand) []Test {
		draw := func(r *rand.Rand) (maxLR, pct, div, final float64, total int) {
			return uniform(r, 1, 0.01, 1)[0], uniform(r, 1, 0.15, 0.5)[0], uniform(r, 1, 5, 30)[0], uniform(r, 1, 10, 1e4)[0], size(r, 10, 200)
		}
		ts := randomTests(r, func(r *rand.Rand) []any {
			maxLR, pct, div, final, total := draw(r)
			step := r.IntN(total)
			// Away from the peak, where the rate is maxLR itself.
			for checks.Close(solutions.OneCycle(maxLR, pct, div, final, total, step), maxLR) {
				step = r.IntN(total)
			}
			return []any{maxLR, pct, div, final, total, step}
		})
		maxLR, pct, div, final, total := draw(r)
		return append(ts,
			edge("step 0", maxLR, pct, div, final, total, 0),
			edge("nearest step to the peak", maxLR, pct, div, final, total, int(math.Round(pct*float64(total)-1))),
			edge("last step", maxLR, pct, div, final, total, total-1),
			edge("after the end", maxLR, pct, div, final, total, total+size(r, 1, 20)),
			edge("PyTorch's defaults", 0.1, 0.3, 25.0, 1e4, 100, size(r, 1, 99)))
	}},
	"EarlyStopping": {solutions.EarlyStopping, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			return []any{noisyLosses(r, size(r, 8, 40)), size(r, 1, 4), []float64{0, 0, 1e-3}[r.IntN(3)]}
		})
		n := size(r, 5, 20)
		falling := make([]float64, n)
		for i := range falling {
			falling[i] = 1 / float64(i+1)
		}
		return append(ts,
			edge("patience 0 trains every epoch", noisyLosses(r, n), 0, 0.0),
			edge("losses always falling", falling, 2, 0.0),
			edge("one epoch", []float64{0.7}, 3, 0.0),
			edge("equal losses do not improve", []float64{0.5, 0.4, 0.4, 0.4, 0.4}, 3, 0.0),
			edge("minDelta", []float64{1, 0.95, 0.85, 0.84, 0.5, 0.49}, 2, 0.1))
	}},
	"GlorotUniform": {solutions.GlorotUniform, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any { in, out := nonSquare(r); return []any{uniformMat(r, in, out)} })
		in, out := nonSquare(r)
		return append(ts,
			edge("1×1 layer", uniformMat(r, 1, 1)),
			edge("wide layer (1×40)", uniformMat(r, 1, 40)),
			edge("draws at the ends of [0, 1)", [][]float64{{0, 0.5}, {0.999999, 0.25}, {0.75, 0}}),
			property("every weight within ±√(6/(fanIn+fanOut))", glorotBound, uniformMat(r, in, out)))
	}},
	"HeNormal": {solutions.HeNormal, func(r *rand.Rand) []Test {
		// fanIn 2 gives σ = 1, where returning the draws is right: the
		// random tests avoid it.
		ts := randomTests(r, func(r *rand.Rand) []any {
			in := []int{1, 3, 4, 5, 6, 8, 10}[r.IntN(7)]
			return []any{matNK(r, in, size(r, 1, 6), 1)}
		})
		return append(ts,
			edge("1×1 layer", matNK(r, 1, 1, 1)),
			edge("fanIn 2 (σ = 1)", matNK(r, 2, 3, 1)),
			edge("deep input (fanIn 50)", matNK(r, 50, 2, 1)))
	}},
}
