package backprop

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// fixedMask re-seeds a Dropout's source before every Forward, so that the
// finite differences of a gradient check see one and the same mask.
type fixedMask struct {
	*Dropout
	seed uint64
}

func (f fixedMask) Forward(x *mat.Dense) *mat.Dense {
	f.rng = NewRand(f.seed)
	return f.Dropout.Forward(x)
}

func TestDropoutGradient(t *testing.T) {
	for _, p := range []float64{0.2, 0.5} {
		for seed := uint64(1); seed <= 3; seed++ {
			d := NewDropout(p, NewRand(seed))
			d.SetTraining(true)
			l := NewSequential(NewLinear("in", 4, 6, nil, NewRand(seed)), fixedMask{d, seed}, NewLinear("out", 6, 3, nil, NewRand(seed+10)))
			res := CheckLayer(l, randInput(5, 4, seed))
			if res.MaxRelErr >= GradCheckFine || res.Checked == 0 {
				t.Errorf("p=%v seed %d: %s", p, seed, res.Report())
			}
		}
	}
}

func TestDropoutTrainingAndEvaluation(t *testing.T) {
	x := randInput(200, 50, 3)
	d := NewDropout(0.3, NewRand(5))
	if y := d.Forward(x); y != x {
		t.Error("a new Dropout must pass x through (evaluation mode)")
	}
	g := randInput(200, 50, 4)
	if dx := d.Backward(g); dx != g {
		t.Error("evaluation Backward must pass the gradient through")
	}
	SetTraining(NewSequential(d), true)
	if !d.Training() {
		t.Fatal("SetTraining did not reach the Dropout inside a Sequential")
	}
	for seed := uint64(1); seed <= 3; seed++ {
		d.rng = NewRand(seed)
		y := d.Forward(x)
		dropped, n := 0, 0
		for i := 0; i < 200; i++ {
			for j := 0; j < 50; j++ {
				n++
				switch yv, xv := y.At(i, j), x.At(i, j); {
				case yv == 0:
					dropped++
				case math.Abs(yv-xv/0.7) > 1e-12:
					t.Fatalf("a kept value is %v, want x/(1-P) = %v", yv, xv/0.7)
				}
			}
		}
		// 10000 draws at P = 0.3: the share dropped is within 0.03 of it
		// (more than 6 standard deviations).
		if share := float64(dropped) / float64(n); math.Abs(share-0.3) > 0.03 {
			t.Errorf("seed %d: %.3f of the inputs dropped, want about 0.3", seed, share)
		}
		dx := d.Backward(g)
		for i := 0; i < 200; i++ {
			for j := 0; j < 50; j++ {
				want := 0.0
				if y.At(i, j) != 0 {
					want = g.At(i, j) / 0.7
				}
				if math.Abs(dx.At(i, j)-want) > 1e-12 {
					t.Fatalf("dx[%d,%d] = %v, want %v", i, j, dx.At(i, j), want)
				}
			}
		}
	}
}

func TestDropoutMisuse(t *testing.T) {
	mustPanic(t, func() { NewDropout(1, NewRand(1)) }, "NewDropout", "0 ≤ p < 1")
	mustPanic(t, func() { NewDropout(math.NaN(), NewRand(1)) }, "NewDropout")
	mustPanic(t, func() { NewDropout(0.5, nil) }, "nil rng")
	d := NewDropout(0.5, NewRand(1))
	mustPanic(t, func() { d.Backward(mat.NewDense(2, 2, nil)) }, "before Forward")
	d.Forward(mat.NewDense(2, 3, nil))
	mustPanic(t, func() { d.Backward(mat.NewDense(2, 2, nil)) }, "2×2", "2×3")
}

func TestClipGradNorm(t *testing.T) {
	a := &Param{Name: "a", Value: mat.NewDense(1, 2, nil), Grad: mat.NewDense(1, 2, []float64{3, 0})}
	b := &Param{Name: "b", Value: mat.NewDense(1, 1, nil), Grad: mat.NewDense(1, 1, []float64{4})}
	if n := ClipGradNorm(10, a, b); n != 5 || a.Grad.At(0, 0) != 3 || b.Grad.At(0, 0) != 4 {
		t.Errorf("a norm under the limit changed the gradients (norm %v)", n)
	}
	if n := ClipGradNorm(1, a, b); n != 5 {
		t.Errorf("norm before clipping %v, want 5", n)
	}
	if got := []float64{a.Grad.At(0, 0), a.Grad.At(0, 1), b.Grad.At(0, 0)}; math.Abs(got[0]-0.6) > 1e-15 || got[1] != 0 || math.Abs(got[2]-0.8) > 1e-15 {
		t.Errorf("clipped to norm 1: %v, want [0.6 0 0.8]", got)
	}
	if n := GradNorm(a, b); math.Abs(n-1) > 1e-15 {
		t.Errorf("norm after clipping %v, want 1", n)
	}
	mustPanic(t, func() { ClipGradNorm(0, a) }, "maxNorm")
}

// TestFitTrainsWithDropout: Fit drops units in its training steps, measures
// the validation loss without dropout, and leaves the model in evaluation
// mode.
func TestFitTrainsWithDropout(t *testing.T) {
	x, y := randInput(64, 4, 1), randInput(64, 2, 2)
	d := NewDropout(0.5, NewRand(3))
	model := NewSequential(NewLinear("a", 4, 16, nil, NewRand(4)), &Tanh{}, d, NewLinear("b", 16, 2, nil, NewRand(5)))
	var trainModes []bool
	cfg := FitConfig{Epochs: 3, BatchSize: 16, LR: 0.05, ValX: x, ValY: y,
		OnStep: func(StepStats) { trainModes = append(trainModes, d.Training()) }}
	h, err := Fit(model, x, y, cfg)
	if err != nil {
		t.Fatal(err)
	}
	for i, on := range trainModes {
		if !on {
			t.Fatalf("step %d ran in evaluation mode", i)
		}
	}
	if d.Training() {
		t.Error("Fit left the model in training mode")
	}
	// The validation loss is the loss of the model without dropout.
	pred := model.Forward(x)
	if got, want := h.Epochs[len(h.Epochs)-1].ValLoss, (MSE{}).Value(pred, y); math.Abs(got-want) > 1e-12 {
		t.Errorf("last validation loss %v, but the model in evaluation mode has loss %v", got, want)
	}
}
