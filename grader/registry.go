package grader

import (
	"math/rand/v2"

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
	"MomentumStep": {solutions.MomentumStep, func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any {
			n := size(r, 1, 20)
			return []any{vecN(r, n, 1), vecN(r, n, 1), vecN(r, n, 1), uniform(r, 1, 0.001, 0.5)[0], uniform(r, 1, 0.5, 0.99)[0]}
		})
		n := size(r, 2, 10)
		return append(ts,
			edge("first step (zero velocity)", vecN(r, n, 1), vecN(r, n, 1), make([]float64, n), 0.1, 0.9),
			edge("beta 0 is plain SGD", vecN(r, n, 1), vecN(r, n, 1), vecN(r, n, 1), 0.1, 0.0))
	}},
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
}
