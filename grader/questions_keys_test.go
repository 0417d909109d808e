package grader

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/deepdive-dl/backprop/exercises/checks"
	"github.com/deepdive-dl/backprop/pkg/backprop"
)

// keyIs reports whether got, rounded as question id wants its answers, is
// that question's key: so a key is the library's number, not one typed in.
func keyIs(t *testing.T, id string, got any) bool {
	t.Helper()
	q, ok := checks.LookupQuestion(id)
	if !ok {
		t.Fatalf("no question %s", id)
	}
	a, err1 := q.Normalize(got)
	k, err2 := q.Normalize(answerKeys[id])
	return err1 == nil && err2 == nil && a == k
}

// neuronGrad returns the loss and dL/dw of notebook 00's neuron
// L = (tanh(w·x + b) − y)², through the library's autograd.
func neuronGrad(x, w0, b, y float64) (loss, grad float64) {
	w := backprop.NewValue(w0, "w")
	l := backprop.NewValue(x, "x").Mul(w).Add(backprop.NewValue(b, "b")).Tanh().Sub(backprop.NewValue(y, "y")).Pow(2)
	l.Backward()
	return l.Data, w.Grad
}

// TestAnswerKeysOfTheNotebooks computes the keys of the concept checks of
// notebooks 00, 02 and 06 with the library (03's are in
// TestAnswerKeysFromTheLibrary).
func TestAnswerKeysOfTheNotebooks(t *testing.T) {
	// 00.q1: dL/dw > 0, and a small step against it lowers w and the loss.
	l0, g := neuronGrad(1.5, 0.8, -0.2, 0.5)
	w1 := 0.8 - 0.01*g
	l1, _ := neuronGrad(1.5, w1, -0.2, 0.5)
	if !(g > 0 && w1 < 0.8 && l1 < l0) || answerKeys["00.q1"] != "b" {
		t.Errorf("00.q1: dL/dw = %v, w → %v, loss %v → %v: the key %v no longer holds", g, w1, l0, l1, answerKeys["00.q1"])
	}
	// 00.q2: dL/dw at x = 2, w = 0.5, b = −1, y = 0.5.
	if _, g := neuronGrad(2, 0.5, -1, 0.5); !keyIs(t, "00.q2", g) {
		t.Errorf("00.q2: the library's dL/dw is %v, the key says %v", g, answerKeys["00.q2"])
	}

	// 02.q1: BCE of p = 0.5, label 1 (and label 0: the same).
	one := func(v float64) *mat.Dense { return mat.NewDense(1, 1, []float64{v}) }
	bce1, bce0 := backprop.BCE{}.Value(one(0.5), one(1)), backprop.BCE{}.Value(one(0.5), one(0))
	if !keyIs(t, "02.q1", bce1) || bce1 != bce0 {
		t.Errorf("02.q1: the library's BCE is %v (label 0: %v), the key says %v", bce1, bce0, answerKeys["02.q1"])
	}
	// 02.q2: an outlier 100 off pulls 100 times harder than an error of 1
	// under MSE, and no harder than Delta under Huber.
	grad := func(l backprop.Loss, e float64) float64 {
		g := mat.NewDense(1, 1, nil)
		l.Grad(g, one(e), one(0))
		return g.At(0, 0)
	}
	mse := grad(backprop.MSE{}, 100) / grad(backprop.MSE{}, 1)
	huber := grad(backprop.Huber{Delta: 1}, 100) / grad(backprop.Huber{Delta: 1}, 1)
	if math.Abs(mse-100) > 1e-9 || math.Abs(huber-1) > 1e-9 || answerKeys["02.q2"] != "c" {
		t.Errorf("02.q2: gradient ratios MSE %v, Huber %v: the key %v no longer holds", mse, huber, answerKeys["02.q2"])
	}

	// 06.q1: a tanh network started at zero: only the output bias gets a gradient.
	rng := backprop.NewRand(1)
	hidden := backprop.NewLinear("hidden", 2, 8, backprop.Zeros, rng)
	output := backprop.NewLinear("output", 8, 1, backprop.Zeros, rng)
	net := backprop.NewSequential(hidden, &backprop.Tanh{}, output)
	x := mat.NewDense(4, 2, []float64{1, 2, -1, 0.5, 0.3, -1, 2, 1})
	y := mat.NewDense(4, 1, []float64{0, 0, 0, 1})
	pred := net.Forward(x)
	gOut := mat.NewDense(4, 1, nil)
	backprop.BCEWithLogits{}.Grad(gOut, pred, y)
	net.ZeroGrad()
	net.Backward(gOut)
	loss := backprop.BCEWithLogits{}.Value(pred, y)
	if backprop.GradNorm(hidden.W, hidden.B, output.W) != 0 || backprop.GradNorm(output.B) == 0 ||
		math.IsNaN(loss) || answerKeys["06.q1"] != "d" {
		t.Errorf("06.q1: hidden gradients %v, output bias %v, loss %v: the key %v no longer holds",
			backprop.GradNorm(hidden.W, hidden.B), backprop.GradNorm(output.B), loss, answerKeys["06.q1"])
	}
	// 06.q2: HeNormal on a 400×100 layer draws the key's variance.
	w := mat.NewDense(400, 100, nil)
	backprop.HeNormal(w, backprop.NewRand(1))
	sq := 0.0
	for _, v := range w.RawMatrix().Data {
		sq += v * v
	}
	variance := sq / 40000
	if math.Abs(variance/0.005-1) > 0.03 || !keyIs(t, "06.q2", 2.0/400) {
		t.Errorf("06.q2: HeNormal draws a variance of %v; the key says %v", variance, answerKeys["06.q2"])
	}
}

// TestAnswerKeysOfTheMiddleNotebooks computes the keys of the concept
// checks of notebooks 01, 04 and 05 with the library.
func TestAnswerKeysOfTheMiddleNotebooks(t *testing.T) {
	// 01: notebook 01's tiny network (2 inputs, 2 sigmoid units, 1 linear
	// output), one example, squared error, through the autograd.
	tiny := func(target float64) (w12, x2 *backprop.Value) {
		v := func(x float64, name string) *backprop.Value { return backprop.NewValue(x, name) }
		in1, in2 := v(1, "x1"), v(0.5, "x2")
		w11, w12, w21, w22 := v(0.4, "w11"), v(-0.3, "w12"), v(0.2, "w21"), v(0.6, "w22")
		h1 := in1.Mul(w11).Add(in2.Mul(w21)).Add(v(0.1, "b1")).Sigmoid()
		h2 := in1.Mul(w12).Add(in2.Mul(w22)).Add(v(-0.1, "b2")).Sigmoid()
		yHat := h1.Mul(v(0.7, "v1")).Add(h2.Mul(v(-0.5, "v2"))).Add(v(0.2, "c"))
		yHat.Sub(v(target, "y")).Pow(2).Backward()
		return w12, in2
	}
	if w12, _ := tiny(0); !(w12.Grad < 0) || answerKeys["01.q1"] != "b" {
		t.Errorf("01.q1: with target 0, ∂L/∂w₁₂ = %v: the key %v no longer holds", w12.Grad, answerKeys["01.q1"])
	}
	if _, x2 := tiny(1); !keyIs(t, "01.q2", x2.Grad) {
		t.Errorf("01.q2: the library's ∂L/∂x₂ is %v, the key says %v", x2.Grad, answerKeys["01.q2"])
	}

	// 04.q1: on the ravine f = (50x² + y²)/2, SGD's x flips sign at every
	// step; with momentum 0.9 and the same rate, y gets far closer to the
	// floor's minimum in the same number of steps.
	ravine := func(momentum float64) (x, y []float64) {
		p := &backprop.Param{Name: "p", Value: mat.NewDense(1, 2, []float64{1, 1}), Grad: mat.NewDense(1, 2, nil)}
		opt := backprop.NewSGD(backprop.SGDConfig{Momentum: momentum})
		for range 60 {
			p.Grad.Set(0, 0, 50*p.Value.At(0, 0))
			p.Grad.Set(0, 1, p.Value.At(0, 1))
			opt.Step([]*backprop.Param{p}, 0.035)
			x, y = append(x, p.Value.At(0, 0)), append(y, p.Value.At(0, 1))
		}
		return x, y
	}
	sgdX, sgdY := ravine(0)
	_, momY := ravine(0.9)
	zigzag := sgdX[0] < 0 && sgdX[1] > 0 && sgdX[2] < 0
	if !zigzag || math.Abs(momY[59]) > 0.1*math.Abs(sgdY[59]) || answerKeys["04.q1"] != "c" {
		t.Errorf("04.q1: SGD x %v..., y %v; momentum y %v: the key %v no longer holds", sgdX[:3], sgdY[59], momY[59], answerKeys["04.q1"])
	}
	// 04.q2: batches of 64 over 1000 examples.
	order := make([]int, 1000)
	for i := range order {
		order[i] = i
	}
	if n := len(backprop.Batches(order, 64)); !keyIs(t, "04.q2", n) {
		t.Errorf("04.q2: the library makes %d batches, the key says %v", n, answerKeys["04.q2"])
	}

	// 05.q2: the capstone's network with 32 hidden units.
	rng := backprop.NewRand(1)
	model := backprop.NewSequential(backprop.NewLinear("hidden", 64, 32, backprop.HeNormal, rng), &backprop.ReLU{},
		backprop.NewLinear("output", 32, 10, backprop.GlorotUniform, rng))
	if n := backprop.CountParams(model.Params()); !keyIs(t, "05.q2", n) {
		t.Errorf("05.q2: the library counts %d parameters, the key says %v", n, answerKeys["05.q2"])
	}
}
