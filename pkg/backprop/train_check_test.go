package backprop

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

func TestCheckFiniteNamesTheEntry(t *testing.T) {
	m := mat.NewDense(3, 5, nil)
	m.Set(2, 3, math.Inf(-1))
	err := checkFinite("Fit", "x", m, nil)
	if err == nil || !strings.Contains(err.Error(), "x has -Inf at row 2, column 3") {
		t.Fatalf("checkFinite = %v, want the -Inf at row 2, column 3", err)
	}
	// A view: the elements outside it (beyond its columns) are not checked.
	m.Set(2, 3, 0)
	m.Set(1, 4, math.NaN())
	if err := checkFinite("Fit", "x", m.Slice(0, 3, 0, 4).(*mat.Dense), nil); err != nil {
		t.Fatalf("checkFinite of a view saw outside it: %v", err)
	}
}

// BenchmarkCheckFinite checks a batch of W1 (64 × 784, in the cache, as
// Fit finds it after the forward pass) and a whole data set (60,000 × 784,
// from memory).
func BenchmarkCheckFinite(b *testing.B) {
	x, _ := mnistLike(60000, 1)
	for _, c := range []struct {
		name string
		m    *mat.Dense
	}{{"batch64", x.Slice(0, 64, 0, 784).(*mat.Dense)}, {"all60000", x}} {
		b.Run(c.name, func(b *testing.B) {
			r, k := c.m.Dims()
			b.SetBytes(int64(r * k * 8))
			for b.Loop() {
				if err := checkFinite("Fit", "x", c.m, nil); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// A NaN in x stops Fit at the batch that holds it, before that batch
// changes the model, with the row of x (not of the batch) in the error.
func TestFitStopsAtBadBatch(t *testing.T) {
	x, y := MakeLinear(40, []float64{1, 2}, 0, 0, 1)
	x.Set(27, 1, math.Inf(1))
	l := NewLinear("l", 2, 1, nil, NewRand(1))
	var before []float64
	h, err := Fit(l, x, y, FitConfig{Epochs: 3, BatchSize: 8, NoShuffle: true, OnStep: func(s StepStats) {
		if s.Step == 2 {
			before = append(before[:0], l.W.Value.RawMatrix().Data...)
		}
	}})
	if err == nil || !strings.Contains(err.Error(), "x has +Inf at row 27, column 1 (epoch 1, step 4;") {
		t.Fatalf("err = %v, want the +Inf at row 27, column 1, epoch 1, step 4", err)
	}
	if h.Stop != StopBadData || len(h.Steps) != 3 {
		t.Errorf("stop %v after %d steps, want %v after 3", h.Stop, len(h.Steps), StopBadData)
	}
	for i, v := range l.W.Value.RawMatrix().Data {
		if v != before[i] {
			t.Errorf("W[%d] changed by the bad batch: %v, was %v", i, v, before[i])
		}
	}
}

// Patience running out at the last epoch is not an early stop, and
// RestoreBest restores the best epoch's parameters also when training
// runs all its epochs.
func TestFitPatienceAtLastEpochAndRestore(t *testing.T) {
	x, y := MakeLinear(20, []float64{1, -2}, 0.5, 0.1, 1)
	// One step per epoch: the loss improves at epoch 2, then the rate 0
	// keeps it where it is.
	l := NewLinear("l", 2, 1, nil, NewRand(1))
	h, err := Fit(l, x, y, FitConfig{Epochs: 4, Patience: 2, NoShuffle: true,
		Schedule: func(step int) float64 { return map[bool]float64{true: 0.1, false: 0}[step == 0] }})
	if err != nil {
		t.Fatal(err)
	}
	if h.Stop != StopMaxEpochs || len(h.Epochs) != 4 {
		t.Errorf("stop %v after %d epochs, want %v after 4", h.Stop, len(h.Epochs), StopMaxEpochs)
	}

	// The parameters get worse after epoch 2 (a hook moves them); with
	// RestoreBest they come back at the end although no early stop fires.
	l = NewLinear("l", 2, 1, nil, NewRand(1))
	var atBest []float64
	h, err = Fit(l, x, y, FitConfig{Epochs: 4, Patience: 10, RestoreBest: true, NoShuffle: true, LR: 0.1,
		OnEpoch: func(e EpochStats) {
			if e.Epoch == 2 {
				atBest = append([]float64(nil), l.W.Value.RawMatrix().Data...)
			}
			if e.Epoch >= 2 {
				l.W.Value.Apply(func(_, _ int, v float64) float64 { return v + 10 }, l.W.Value)
			}
		}})
	if err != nil {
		t.Fatal(err)
	}
	if h.Stop != StopMaxEpochs || h.BestEpoch != 2 {
		t.Fatalf("stop %v, best epoch %d; want %v, 2", h.Stop, h.BestEpoch, StopMaxEpochs)
	}
	for i, v := range l.W.Value.RawMatrix().Data {
		if v != atBest[i] {
			t.Errorf("W[%d] = %v after training, want the best epoch's %v", i, v, atBest[i])
		}
	}
}
