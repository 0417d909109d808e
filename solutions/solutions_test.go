package solutions_test

import (
	"encoding/json"
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
	"github.com/deepdive-dl/backprop/solutions"
)

// TestPublicChecks runs every public check of package checks against the
// solutions: the worked examples learners see must be right.
func TestPublicChecks(t *testing.T) {
	for _, e := range checks.Exercises() {
		t.Run(e.Name, func(t *testing.T) { checks.Run(e.Name, solutionFuncs[e.Name]).Test(t) })
	}
}

// TestStubsFailEveryCheckWithHint runs every public check against the
// stubs of package exercises, as go test ./exercises does in a fresh copy
// of the course: every case fails, and the failure's message carries the
// exercise's hint, in English and with BACKPROP_LANG=id in Bahasa
// Indonesia.
func TestStubsFailEveryCheckWithHint(t *testing.T) {
	for _, lang := range []string{"en", "id"} {
		t.Setenv(checks.LangEnv, lang)
		for _, e := range checks.Exercises() {
			rep := checks.Run(e.Name, stubFuncs[e.Name])
			if passed, total := rep.Count(); passed > 0 || total == 0 {
				t.Errorf("%s: the stub passes %d of %d public checks", e.Name, passed, total)
			}
			var rec recorder
			rep.Test(&rec)
			if !strings.Contains(rec.msg, e.HintIn(lang)) || !strings.Contains(rec.msg, "not implemented") {
				t.Errorf("%s (%s): the failure message lacks the hint or the stub's panic:\n%s", e.Name, lang, rec.msg)
			}
		}
	}
}

// TestMistakesAreNamed plants each mistake of the catalog in the model
// answer (a function that returns what the mistake returns) and runs the
// public checks: some case fails, and the report names that mistake, in
// the message a test prints too. The model answers themselves show none.
func TestMistakesAreNamed(t *testing.T) {
	for _, e := range checks.Exercises() {
		sol := reflect.ValueOf(solutionFuncs[e.Name])
		for _, m := range e.Mistakes {
			wrong := reflect.MakeFunc(sol.Type(), func(in []reflect.Value) []reflect.Value {
				var args, want []any
				for _, v := range in {
					args = append(args, v.Interface())
				}
				for _, v := range sol.Call(in) {
					want = append(want, v.Interface())
				}
				var out []reflect.Value
				for i, r := range m.Wrong(args, want) {
					out = append(out, reflect.ValueOf(r).Convert(sol.Type().Out(i)))
				}
				return out
			})
			rep := checks.Run(e.Name, wrong.Interface())
			if rep.Passed() {
				t.Errorf("%s: the mistake %q passes every public check: add a case that shows it", e.Name, m.Hint)
				continue
			}
			if rep.Mistake == nil || rep.Mistake.Hint != m.Hint {
				t.Errorf("%s: the mistake %q is not named (named: %v)", e.Name, m.Hint, rep.Mistake)
			}
			var rec recorder
			rep.Test(&rec)
			if !strings.Contains(rec.msg, m.Hint) {
				t.Errorf("%s: the failure message lacks the mistake:\n%s", e.Name, rec.msg)
			}
		}
		if rep := checks.Run(e.Name, solutionFuncs[e.Name]); rep.Mistake != nil {
			t.Errorf("%s: the model answer shows the mistake %q", e.Name, rep.Mistake.Hint)
		}
	}
}

// recorder is a checks.TB that keeps what a test reports.
type recorder struct{ msg string }

func (r *recorder) Helper() {}
func (r *recorder) Errorf(format string, args ...any) {
	r.msg += fmt.Sprintf(format, args...) + "\n"
}

// call calls the solution of an exercise by name.
func call(name string, args []any) []any {
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		in[i] = reflect.ValueOf(a)
	}
	var out []any
	for _, v := range reflect.ValueOf(solutionFuncs[name]).Call(in) {
		out = append(out, v.Interface())
	}
	return out
}

// decode turns a JSON value into the Go type named by typ.
func decode(t *testing.T, typ string, raw json.RawMessage) any {
	t.Helper()
	var v any
	switch typ {
	case "float64":
		v = new(float64)
	case "int":
		v = new(int)
	case "[]float64":
		v = new([]float64)
	case "[]int":
		v = new([]int)
	case "[][]float64":
		v = new([][]float64)
	default:
		t.Fatalf("no decoder for %s", typ)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		t.Fatal(err)
	}
	return reflect.ValueOf(v).Elem().Interface()
}

// TestGolden compares the solutions with PyTorch on the values of the
// golden files in testdata, each written by the script of the same name
// (golden_solutions.py: the first exercises; golden_more.py: the neuron, the
// tiny network, the other losses' gradients, warm-up, one-cycle, Nesterov,
// Adagrad, Adadelta and initialisation). Together they cover at least 35
// exercises.
func TestGolden(t *testing.T) {
	covered := 0
	for _, file := range []string{"testdata/golden_solutions.json", "testdata/golden_more.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var golden map[string][]struct{ Args, Want []json.RawMessage }
		if err := json.Unmarshal(data, &golden); err != nil {
			t.Fatal(err)
		}
		covered += len(golden)
		for name, cases := range golden {
			e, ok := checks.Lookup(name)
			if !ok {
				t.Fatalf("%s names unknown exercise %s", file, name)
			}
			params, results := e.Params(), e.Results()
			for ci, c := range cases {
				args := make([]any, len(c.Args))
				for i, raw := range c.Args {
					args[i] = decode(t, params[i].Type, raw)
				}
				got := call(name, args)
				for i, raw := range c.Want {
					if err := checks.Compare(results[i].Name, got[i], decode(t, results[i].Type, raw)); err != nil {
						t.Errorf("%s case %d: %v", name, ci, err)
					}
				}
			}
		}
	}
	if covered < 35 {
		t.Errorf("the golden files cover %d exercises, want at least 35", covered)
	}
}

// numGrad returns the central finite difference of f with respect to each
// entry of x, which it perturbs in place and restores.
func numGrad(x []float64, f func() float64) []float64 {
	const h = 1e-6
	g := make([]float64, len(x))
	for i := range x {
		old := x[i]
		x[i] = old + h
		up := f()
		x[i] = old - h
		down := f()
		x[i] = old
		g[i] = (up - down) / (2 * h)
	}
	return g
}

// closeFD compares an analytic gradient with a finite difference.
func closeFD(t *testing.T, what string, got, want []float64) {
	t.Helper()
	for i := range want {
		if math.Abs(got[i]-want[i]) > 1e-6*(1+math.Abs(want[i])) {
			t.Errorf("%s[%d]: analytic %v, finite difference %v", what, i, got[i], want[i])
		}
	}
}

func randVec(r *rand.Rand, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = r.NormFloat64()
	}
	return v
}

func randMat(r *rand.Rand, n, k int) [][]float64 {
	m := make([][]float64, n)
	for i := range m {
		m[i] = randVec(r, k)
	}
	return m
}

// flat returns the entries of m in one slice that shares m's memory layout
// row by row; use with rows() to perturb a matrix through a vector.
func flat(m [][]float64) []float64 {
	var out []float64
	for _, row := range m {
		out = append(out, row...)
	}
	return out
}

// rows cuts v into rows of k entries, sharing v's memory.
func rows(v []float64, k int) [][]float64 {
	var m [][]float64
	for i := 0; i < len(v); i += k {
		m = append(m, v[i:i+k:i+k])
	}
	return m
}

// TestGradientsFiniteDifferences checks every gradient exercise against a
// central finite difference of its loss.
func TestGradientsFiniteDifferences(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	pred, target := randVec(r, 7), randVec(r, 7)
	closeFD(t, "MSEGrad", solutions.MSEGrad(pred, target), numGrad(pred, func() float64 { return solutions.MSE(pred, target) }))
	closeFD(t, "RMSEGrad", solutions.RMSEGrad(pred, target), numGrad(pred, func() float64 { return solutions.RMSE(pred, target) }))

	prob, label := []float64{0.1, 0.5, 0.93, 0.4}, []float64{0, 1, 1, 0}
	closeFD(t, "BCEGrad", solutions.BCEGrad(prob, label), numGrad(prob, func() float64 { return solutions.BCE(prob, label) }))

	logits, labels := flat(randMat(r, 4, 3)), []int{0, 2, 1, 2}
	closeFD(t, "SoftmaxCrossEntropyGrad", flat(solutions.SoftmaxCrossEntropyGrad(rows(logits, 3), labels)),
		numGrad(logits, func() float64 { return solutions.SoftmaxCrossEntropy(rows(logits, 3), labels) }))

	// A backward pass is the gradient of L = Σ gradOut ⊙ f(input).
	x, w, gradOut := flat(randMat(r, 3, 4)), flat(randMat(r, 4, 2)), randMat(r, 3, 2)
	dense := func() float64 {
		xm, wm := rows(x, 4), rows(w, 2)
		sum := 0.0
		for i := range xm {
			for k := range 2 {
				for j := range 4 {
					sum += gradOut[i][k] * xm[i][j] * wm[j][k]
				}
			}
		}
		return sum
	}
	gx, gw, _ := solutions.DenseBackward(rows(x, 4), rows(w, 2), gradOut)
	closeFD(t, "DenseBackward gradX", flat(gx), numGrad(x, dense))
	closeFD(t, "DenseBackward gradW", flat(gw), numGrad(w, dense))

	z, g := flat(randMat(r, 2, 3)), randMat(r, 2, 3)
	for name, act := range map[string]struct {
		f        func(float64) float64
		backward func(z, gradOut [][]float64) [][]float64
	}{
		"SigmoidBackward": {func(v float64) float64 { return 1 / (1 + math.Exp(-v)) }, solutions.SigmoidBackward},
		"ReLUBackward":    {func(v float64) float64 { return math.Max(0, v) }, solutions.ReLUBackward},
		"TanhBackward":    {math.Tanh, solutions.TanhBackward},
	} {
		loss := func() float64 {
			sum := 0.0
			for i, row := range rows(z, 3) {
				for j, v := range row {
					sum += g[i][j] * act.f(v)
				}
			}
			return sum
		}
		closeFD(t, name, flat(act.backward(rows(z, 3), g)), numGrad(z, loss))
	}
}

// TestTrainStepGradient checks that TrainStep moves each parameter by −lr
// times a finite difference of the loss.
func TestTrainStepGradient(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	x, labels := randMat(r, 5, 3), []int{0, 1, 1, 0, 1}
	w1, b1, w2, b2 := flat(randMat(r, 3, 4)), randVec(r, 4), flat(randMat(r, 4, 2)), randVec(r, 2)
	const lr = 0.1
	loss := func() float64 {
		l, _, _, _, _ := solutions.TrainStep(x, labels, rows(w1, 4), b1, rows(w2, 2), b2, lr)
		return l
	}
	_, nw1, nb1, nw2, nb2 := solutions.TrainStep(x, labels, rows(w1, 4), b1, rows(w2, 2), b2, lr)
	step := func(before, after []float64) []float64 {
		g := make([]float64, len(before))
		for i := range g {
			g[i] = (before[i] - after[i]) / lr
		}
		return g
	}
	closeFD(t, "w1", step(w1, flat(nw1)), numGrad(w1, loss))
	closeFD(t, "b1", step(b1, nb1), numGrad(b1, loss))
	closeFD(t, "w2", step(w2, flat(nw2)), numGrad(w2, loss))
	closeFD(t, "b2", step(b2, nb2), numGrad(b2, loss))
}

// TestPanics checks the documented panics on programmer errors.
func TestPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"MSE lengths":          func() { solutions.MSE([]float64{1}, []float64{1, 2}) },
		"BCE probability":      func() { solutions.BCE([]float64{1.5}, []float64{1}) },
		"Softmax ragged":       func() { solutions.Softmax([][]float64{{1, 2}, {3}}) },
		"cross-entropy label":  func() { solutions.SoftmaxCrossEntropy([][]float64{{1, 2}}, []int{2}) },
		"DenseBackward shapes": func() { solutions.DenseBackward([][]float64{{1, 2}}, [][]float64{{1}}, [][]float64{{1}}) },
		"AdamStep t":           func() { solutions.AdamStep(nil, nil, nil, nil, 0, 0.1, 0.9, 0.999, 1e-8) },
		"MiniBatches size":     func() { solutions.MiniBatches([]int{1}, 0) },
	} {
		func() {
			defer func() {
				msg, _ := recover().(string)
				if len(msg) < 11 || msg[:11] != "solutions: " {
					t.Errorf("%s: panic %q, want a message starting with \"solutions: \"", name, msg)
				}
			}()
			f()
		}()
	}
}
