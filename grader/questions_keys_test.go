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
	if math.Abs(mse-100) > 1e-9 || math.Abs(huber-1) > 1e-9 || answerKeys["02.q2"] != "b" {
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
		math.IsNaN(loss) || answerKeys["06.q1"] != "b" {
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
