package grader

import (
	"fmt"
	"math/rand/v2"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// Kinds of tests. Public tests are the catalog's worked examples, which
// learners see; the others are hidden.
const (
	KindPublic   = "public"
	KindRandom   = "random"
	KindEdge     = "edge"
	KindProperty = "property"
)

// Points of a test, by kind. Public tests are practice: learners see their
// answers, so a table of them must earn nothing. Edge cases and properties
// pay only when the exercise also passes all its random tests (see
// ExerciseReport.summarize): returning zeros, a constant or an argument
// can satisfy "perfect prediction" or "zero learning rate" by accident.
var pointsByKind = map[string]float64{KindPublic: 0, KindRandom: 2, KindEdge: 2, KindProperty: 1}

// Test is one call of an exercise function and how its answer is judged:
// against the solution (within checks' tolerance), or by Property, which
// sees the arguments and the results and returns why they are wrong.
type Test struct {
	Name     string
	Kind     string
	Args     []any
	Property func(args, results []any) error
	// Unchanged, on a property test, judges only that the function left
	// its arguments as they were.
	Unchanged bool
}

// Points returns what the test is worth.
func (t Test) Points() float64 { return pointsByKind[t.Kind] }

// gen builds the hidden tests of one exercise from a random source.
type gen func(r *rand.Rand) []Test

// Tests returns every test of an exercise: its public cases, then the
// hidden ones drawn from r.
func Tests(e checks.Exercise, r *rand.Rand) []Test {
	var ts []Test
	for _, c := range e.Cases {
		ts = append(ts, Test{Name: c.Name, Kind: KindPublic, Args: c.Args})
	}
	if g := registry[e.Name].Hidden; g != nil {
		ts = append(ts, g(r)...)
	}
	hasSlice := false
	for _, p := range e.Params() {
		hasSlice = hasSlice || p.Type[0] == '['
	}
	if hasSlice && len(ts) > 0 {
		last := ts[len(ts)-1]
		ts = append(ts, Test{Name: "leaves its arguments unchanged", Kind: KindProperty, Args: last.Args, Unchanged: true})
	}
	return ts
}

// Random values.

func vecN(r *rand.Rand, n int, scale float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = r.NormFloat64() * scale
	}
	return v
}

func matNK(r *rand.Rand, n, k int, scale float64) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = vecN(r, k, scale)
	}
	return m
}

func uniform(r *rand.Rand, n int, lo, hi float64) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = lo + (hi-lo)*r.Float64()
	}
	return v
}

func labelsN(r *rand.Rand, n, k int) []int {
	l := make([]int, n)
	for i := range l {
		l[i] = r.IntN(k)
	}
	return l
}

func zeroOne(r *rand.Rand, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = float64(r.IntN(2))
	}
	return v
}

// size draws a length in [lo, hi].
func size(r *rand.Rand, lo, hi int) int { return lo + r.IntN(hi-lo+1) }

// nonSquare draws two different sizes in [2, 7].
func nonSquare(r *rand.Rand) (int, int) {
	a := size(r, 2, 7)
	b := size(r, 2, 6)
	if b >= a {
		b++
	}
	return a, b
}

// randomTests makes three random tests from one argument generator.
func randomTests(r *rand.Rand, args func(r *rand.Rand) []any) []Test {
	var ts []Test
	for i := range 3 {
		ts = append(ts, Test{Name: fmt.Sprintf("random inputs #%d", i+1), Kind: KindRandom, Args: args(r)})
	}
	return ts
}

func edge(name string, args ...any) Test { return Test{Name: name, Kind: KindEdge, Args: args} }

func property(name string, p func(args, results []any) error, args ...any) Test {
	return Test{Name: name, Kind: KindProperty, Args: args, Property: p}
}

// Generators shared by exercises with the same arguments.

func regression(r *rand.Rand) []Test {
	n := size(r, 2, 20)
	ts := randomTests(r, func(r *rand.Rand) []any { n := size(r, 2, 20); return []any{vecN(r, n, 2), vecN(r, n, 2)} })
	one := vecN(r, 1, 3)
	return append(ts,
		edge("batch of one", one, vecN(r, 1, 3)),
		edge("large values", vecN(r, n, 1e6), vecN(r, n, 1e6)),
		edge("perfect prediction", one, append([]float64(nil), one...)))
}

func probabilities(r *rand.Rand) []Test {
	ts := randomTests(r, func(r *rand.Rand) []any { n := size(r, 2, 20); return []any{uniform(r, n, 0.01, 0.99), zeroOne(r, n)} })
	return append(ts,
		edge("probabilities exactly 0 and 1", []float64{0, 1, 0, 1, 0.5}, []float64{0, 1, 1, 0, 1}),
		edge("batch of one", uniform(r, 1, 0.01, 0.99), []float64{1}),
		edge("soft labels", uniform(r, 6, 0.05, 0.95), uniform(r, 6, 0, 1)))
}

func classification(r *rand.Rand) []Test {
	ts := randomTests(r, func(r *rand.Rand) []any {
		n, k := nonSquare(r)
		return []any{matNK(r, n, k, 2), labelsN(r, n, k)}
	})
	n, k := nonSquare(r)
	return append(ts,
		edge("large logits (±1000)", matNK(r, n, k, 1000), labelsN(r, n, k)),
		edge("batch of one", matNK(r, 1, k, 2), labelsN(r, 1, k)),
		edge("confident and right", [][]float64{{50, 0, 0}, {0, 0, 50}}, []int{0, 2}))
}

func activation(extra ...func(r *rand.Rand) Test) gen {
	return func(r *rand.Rand) []Test {
		ts := randomTests(r, func(r *rand.Rand) []any { n, k := nonSquare(r); return []any{matNK(r, n, k, 2), matNK(r, n, k, 1)} })
		k := size(r, 2, 5)
		ts = append(ts,
			edge("batch of one", matNK(r, 1, k, 2), matNK(r, 1, k, 1)),
			edge("large inputs (±50)", [][]float64{{50, -50, 700, -700}}, [][]float64{{1, 1, 1, 1}}))
		for _, x := range extra {
			ts = append(ts, x(r))
		}
		return ts
	}
}

// rowSums returns a property: every row of the single matrix result sums
// to want.
func rowSums(want float64) func(args, results []any) error {
	return func(_, results []any) error {
		m, ok := results[0].([][]float64)
		if !ok {
			return fmt.Errorf("the result is a %T, not a [][]float64", results[0])
		}
		for i, row := range m {
			sum := 0.0
			for _, v := range row {
				sum += v
			}
			if !checks.Close(sum, want) {
				return fmt.Errorf("row %d sums to %v, want %v", i, sum, want)
			}
		}
		return nil
	}
}
