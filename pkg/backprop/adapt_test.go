package backprop_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/pkg/backprop"
	"gonum.org/v1/gonum/mat"
)

// Functions on plain slices, written from the formulas as a learner would.

func sliceDenseBackward(x, w, gradOut [][]float64) (gradX, gradW [][]float64, gradB []float64) {
	n, in, out := len(x), len(w), len(w[0])
	gradX = make([][]float64, n)
	gradW = make([][]float64, in)
	for i := range gradW {
		gradW[i] = make([]float64, out)
	}
	gradB = make([]float64, out)
	for r := range n {
		gradX[r] = make([]float64, in)
		for i := range in {
			for j := range out {
				gradX[r][i] += gradOut[r][j] * w[i][j] // G·Wᵀ
				gradW[i][j] += x[r][i] * gradOut[r][j] // xᵀ·G
			}
		}
		for j := range out {
			gradB[j] += gradOut[r][j] // column sums of G
		}
	}
	return gradX, gradW, gradB
}

func sliceSigmoidBackward(z, gradOut [][]float64) [][]float64 {
	out := make([][]float64, len(z))
	for r := range z {
		out[r] = make([]float64, len(z[r]))
		for j, v := range z[r] {
			s := 1 / (1 + math.Exp(-v))
			out[r][j] = gradOut[r][j] * s * (1 - s)
		}
	}
	return out
}

func sliceMomentum(w, grad, v []float64, lr float64) ([]float64, []float64) {
	newW, newV := make([]float64, len(w)), make([]float64, len(w))
	for i := range w {
		newV[i] = 0.9*v[i] + grad[i]
		newW[i] = w[i] - lr*newV[i]
	}
	return newW, newV
}

func sliceMSE(pred, target []float64) float64 {
	s := 0.0
	for i := range pred {
		s += (pred[i] - target[i]) * (pred[i] - target[i])
	}
	return s / float64(len(pred))
}

func sliceMSEGrad(pred, target []float64) []float64 {
	g := make([]float64, len(pred))
	for i := range pred {
		g[i] = 2 * (pred[i] - target[i]) / float64(len(pred))
	}
	return g
}

// twoLayers builds the same 2-8-1 network from the same seed: with the
// library's parts, or with the slice functions plugged in by the adapters.
func twoLayers(yours bool) backprop.Layer {
	rng := backprop.NewRand(3)
	l1 := backprop.NewLinear("dense1", 2, 8, backprop.GlorotUniform, rng)
	l2 := backprop.NewLinear("dense2", 8, 1, backprop.GlorotUniform, rng)
	if !yours {
		return backprop.NewSequential(l1, &backprop.Sigmoid{}, l2)
	}
	return backprop.NewSequential(
		backprop.WithDenseBackward(l1, sliceDenseBackward),
		backprop.WithActivationBackward(&backprop.Sigmoid{}, sliceSigmoidBackward),
		backprop.WithDenseBackward(l2, sliceDenseBackward))
}

// A network trained by Fit with every adapter in place follows the
// library's run step for step.
func TestAdaptersTrainLikeTheLibrary(t *testing.T) {
	x, y := backprop.MakeLinear(64, []float64{1.5, -2}, 0.5, 0.1, 1)
	run := func(yours bool) *backprop.History {
		cfg := backprop.FitConfig{Epochs: 15, BatchSize: 16, LR: 0.05, Seed: 2,
			Loss: backprop.MSE{}, Optimizer: backprop.NewSGD(backprop.SGDConfig{Momentum: 0.9})}
		if yours {
			cfg.Loss = backprop.LossFuncs(sliceMSE, sliceMSEGrad)
			cfg.Optimizer = backprop.OptimizerFunc(sliceMomentum, true)
		}
		h, err := backprop.Fit(twoLayers(yours), x, y, cfg)
		if err != nil {
			t.Fatal(err)
		}
		return h
	}
	lib, yours := run(false), run(true)
	if len(lib.Steps) != len(yours.Steps) || len(lib.Steps) == 0 {
		t.Fatalf("%d steps with the library, %d with the adapters", len(lib.Steps), len(yours.Steps))
	}
	for i := range lib.Steps {
		a, b := lib.Steps[i].Loss, yours.Steps[i].Loss
		if math.Abs(a-b) > 1e-12*math.Max(1, math.Abs(a)) {
			t.Fatalf("step %d: loss %.15g with the library, %.15g with the adapters", i, a, b)
		}
	}
	if first, last := lib.Steps[0].Loss, lib.Final().Loss; !(last < first/2) {
		t.Fatalf("the run does not learn (loss %g → %g): the comparison would prove little", first, last)
	}
}

// The adapted layers pass the finite-difference gradient check, and a wrong
// backward pass fails it: the adapters add what the function returns.
func TestAdaptedLayersGradCheck(t *testing.T) {
	x := mat.NewDense(4, 2, []float64{0.3, -1, 2, 0.5, -0.7, 0.1, 1.2, -0.4})
	if r := backprop.CheckLayer(twoLayers(true), x); r.Verdict() != "fine" {
		t.Fatalf("adapted network: %v", r)
	}
	wrong := func(x, w, g [][]float64) ([][]float64, [][]float64, []float64) {
		gx, gw, gb := sliceDenseBackward(x, w, g)
		for i := range gb {
			gb[i] /= float64(len(x)) // a mean instead of a sum
		}
		return gx, gw, gb
	}
	lin := backprop.NewLinear("dense", 2, 3, backprop.GlorotUniform, backprop.NewRand(1))
	if r := backprop.CheckLayer(backprop.WithDenseBackward(lin, wrong), x); r.Verdict() != "wrong" {
		t.Fatalf("a wrong dL/db passed the gradient check: %v", r)
	}
}

// A result of the wrong shape stops with a message that names it.
func TestAdaptersNameWrongShapes(t *testing.T) {
	x := mat.NewDense(3, 2, []float64{1, 2, 3, 4, 5, 6})
	lin := backprop.NewLinear("dense", 2, 2, backprop.GlorotUniform, backprop.NewRand(1))
	shortB := func(x, w, g [][]float64) ([][]float64, [][]float64, []float64) {
		gx, gw, gb := sliceDenseBackward(x, w, g)
		return gx, gw, gb[:1]
	}
	act := backprop.WithActivationBackward(&backprop.Sigmoid{}, func(z, g [][]float64) [][]float64 { return z[:1] })
	p := &backprop.Param{Name: "w", Value: mat.NewDense(1, 2, nil), Grad: mat.NewDense(1, 2, nil)}
	for _, c := range []struct {
		name, want string
		run        func()
	}{
		{"dense", "gradB: row 0 has 1 values, want 2", func() {
			l := backprop.WithDenseBackward(lin, shortB)
			l.Backward(l.Forward(x))
		}},
		{"activation", "has 1 rows, want 3", func() { act.Backward(act.Forward(x)) }},
		{"optimizer", "the update of w returned 1 values, want 2", func() {
			backprop.OptimizerFunc(func(w, g, s []float64, lr float64) ([]float64, []float64) {
				return w[:1], nil
			}, false).Step([]*backprop.Param{p}, 0.1)
		}},
		{"loss", "the loss gradient has 1 values, want 2", func() {
			backprop.LossFuncs(sliceMSE, func(p, t []float64) []float64 { return p[:1] }).
				Grad(mat.NewDense(2, 1, nil), mat.NewDense(2, 1, []float64{1, 2}), mat.NewDense(2, 1, nil))
		}},
	} {
		got := panicText(c.run)
		if !strings.Contains(got, c.want) {
			t.Errorf("%s: panic %q, want it to say %q", c.name, got, c.want)
		}
	}
}

// logSumExp returns log Σ exp(row), computed without overflow.
func logSumExp(row []float64) float64 {
	top := row[0]
	for _, v := range row {
		top = math.Max(top, v)
	}
	sum := 0.0
	for _, v := range row {
		sum += math.Exp(v - top)
	}
	return top + math.Log(sum)
}

func sliceSoftmaxCE(logits [][]float64, labels []int) float64 {
	s := 0.0
	for r, row := range logits {
		s += logSumExp(row) - row[labels[r]]
	}
	return s / float64(len(logits))
}

func sliceSoftmaxCEGrad(logits [][]float64, labels []int) [][]float64 {
	n := float64(len(logits))
	out := make([][]float64, len(logits))
	for r, row := range logits {
		lse := logSumExp(row)
		out[r] = make([]float64, len(row))
		for j, v := range row {
			out[r][j] = math.Exp(v-lse) / n
		}
		out[r][labels[r]] -= 1 / n
	}
	return out
}

// A class loss from slice functions gives the library's values and
// gradients, and refuses a target that is not a class index.
func TestClassLossFuncs(t *testing.T) {
	pred := mat.NewDense(3, 4, []float64{0.1, 2, -1, 0.5, 3, 0, 0, 1, -2, -1, 4, 0.3})
	target := mat.NewDense(3, 1, []float64{1, 0, 3})
	mine := backprop.ClassLossFuncs(sliceSoftmaxCE, sliceSoftmaxCEGrad)
	lib := backprop.SparseCrossEntropyWithLogits{}
	if a, b := mine.Value(pred, target), lib.Value(pred, target); math.Abs(a-b) > 1e-12 {
		t.Fatalf("value %v, library %v", a, b)
	}
	g1, g2 := mat.NewDense(3, 4, nil), mat.NewDense(3, 4, nil)
	mine.Grad(g1, pred, target)
	lib.Grad(g2, pred, target)
	if !mat.EqualApprox(g1, g2, 1e-12) {
		t.Fatalf("gradient\n%v\nlibrary\n%v", mat.Formatted(g1), mat.Formatted(g2))
	}
	for _, bad := range []float64{1.5, -1, 4} {
		got := panicText(func() { mine.Value(pred, mat.NewDense(3, 1, []float64{0, bad, 1})) })
		if !strings.Contains(got, "target 1 is") || !strings.Contains(got, "not a class index 0…3") {
			t.Errorf("target %v: panic %q", bad, got)
		}
	}
}

func panicText(f func()) (msg string) {
	defer func() { msg = fmt.Sprint(recover()) }()
	f()
	return ""
}

// Your momentum step in a real network, in one line.
func ExampleOptimizerFunc() {
	momentum := func(w, grad, velocity []float64, lr float64) (newW, newVelocity []float64) {
		newW, newVelocity = make([]float64, len(w)), make([]float64, len(w))
		for i := range w {
			newVelocity[i] = 0.9*velocity[i] + grad[i]
			newW[i] = w[i] - lr*newVelocity[i]
		}
		return newW, newVelocity
	}
	opt := backprop.OptimizerFunc(momentum, true) // the state is the velocity

	x, y := backprop.MakeLinear(100, []float64{2, -1}, 0.5, 0, 1)
	net := backprop.NewLinear("dense", 2, 1, backprop.GlorotUniform, backprop.NewRand(1))
	hist, err := backprop.Fit(net, x, y, backprop.FitConfig{Epochs: 100, LR: 0.05, Optimizer: opt})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("loss below 1e-3: %v\n", hist.Final().Loss < 1e-3)
	// Output:
	// loss below 1e-3: true
}
