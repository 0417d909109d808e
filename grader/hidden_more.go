package grader

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/deepdive-dl/backprop/exercises/checks"
	"github.com/deepdive-dl/backprop/solutions"
)

// The model answers and hidden tests of the exercises of
// exercises/checks/catalog_more.go.
func init() {
	for name, m := range moreExercises {
		reference[name] = m.solution
		hidden[name] = m.hidden
	}
	hidden["NesterovStep"] = hidden["MomentumStep"]
}

var moreExercises = map[string]struct {
	solution any
	hidden   gen
}{
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
	"NesterovStep": {solutions.NesterovStep, nil},
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

// hinge draws scores and ±1 labels with at least one score inside the
// margin, so that a gradient of zeros is wrong.
func hinge(r *rand.Rand) []Test {
	labels := func(r *rand.Rand, n int) []float64 {
		l := make([]float64, n)
		for i := range l {
			l[i] = float64(2*r.IntN(2) - 1)
		}
		return l
	}
	ts := randomTests(r, func(r *rand.Rand) []any {
		n := size(r, 3, 20)
		pred := uniform(r, n, -2.5, 2.5)
		pred[r.IntN(n)] = uniform(r, 1, -0.5, 0.5)[0]
		return []any{pred, labels(r, n)}
	})
	n := size(r, 3, 10)
	l := labels(r, n)
	beyond, on := make([]float64, n), make([]float64, n)
	for i, y := range l {
		beyond[i] = y * uniform(r, 1, 1.5, 3)[0]
		on[i] = y // exactly on the margin: y·pred = 1
	}
	return append(ts,
		edge("every score beyond the margin", beyond, l),
		edge("scores exactly on the margin", on, l),
		edge("batch of one", uniform(r, 1, -0.5, 0.5), labels(r, 1)))
}

// distributions draws n rows of k probabilities, each row summing to 1.
func distributions(r *rand.Rand, n, k int) [][]float64 {
	m := matNK(r, n, k, 1)
	for _, row := range m {
		sum := 0.0
		for j, v := range row {
			row[j] = math.Exp(v)
			sum += row[j]
		}
		for j := range row {
			row[j] /= sum
		}
	}
	return m
}

// uniformMat draws an n×k matrix from U[0, 1).
func uniformMat(r *rand.Rand, n, k int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = uniform(r, k, 0, 1)
	}
	return m
}

// noisyLosses draws a validation curve of n epochs that falls, then wanders.
func noisyLosses(r *rand.Rand, n int) []float64 {
	v := make([]float64, n)
	loss := uniform(r, 1, 0.5, 2)[0]
	for i := range v {
		loss *= uniform(r, 1, 0.85, 1.08)[0]
		v[i] = loss
	}
	return v
}

// nonPositive is a property: no entry of the single matrix result is > 0.
func nonPositive(_, results []any) error {
	m, ok := results[0].([][]float64)
	if !ok {
		return fmt.Errorf("the result is a %T, not a [][]float64", results[0])
	}
	for i, row := range m {
		for j, v := range row {
			if !(v <= 0) {
				return fmt.Errorf("entry [%d][%d] is %v; −y/(p·R) is never positive", i, j, v)
			}
		}
	}
	return nil
}

// glorotBound is a property: every weight lies within ±√(6/(fanIn+fanOut)),
// and the result has the shape of the draws.
func glorotBound(args, results []any) error {
	u := args[0].([][]float64)
	w, ok := results[0].([][]float64)
	if !ok || len(w) != len(u) {
		return fmt.Errorf("the result has %d rows, want %d", len(w), len(u))
	}
	a := math.Sqrt(6 / float64(len(u)+len(u[0])))
	for i, row := range w {
		if len(row) != len(u[i]) {
			return fmt.Errorf("row %d has %d entries, want %d", i, len(row), len(u[i]))
		}
		for j, v := range row {
			if !(math.Abs(v) <= a) {
				return fmt.Errorf("weight [%d][%d] is %v, outside ±%.4g", i, j, v, a)
			}
		}
	}
	return nil
}
