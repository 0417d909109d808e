package backprop

import (
	"testing"
)

// End-to-end: real data sets, real losses and optimizers, through Fit.

// fitDigits trains a 64-64-10 ReLU network on the 8×8 digits (pixels
// scaled to [0, 1]) and returns its history.
func fitDigits(tb testing.TB) *History {
	d := Digits()
	d.X.Scale(1.0/16, d.X)
	train, val, _ := Split(d.X, d.Y, SplitConfig{Validation: 0.2, Stratify: true, Seed: 1})
	r := NewRand(1)
	net := NewSequential(NewLinear("dense1", 64, 64, HeUniform, r), &ReLU{}, NewLinear("dense2", 64, 10, GlorotUniform, r))
	h, err := Fit(net, train.X, train.Y, FitConfig{
		Epochs: 30, BatchSize: 32, Seed: 1,
		Loss: SparseCrossEntropyWithLogits{}, Optimizer: NewAdam(AdamConfig{}), LR: 0.003,
		ValX: val.X, ValY: val.Y,
	})
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

func TestFitDigits(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a network for about a second")
	}
	h := fitDigits(t)
	t.Logf("digits: %+v", h.Last())
	if last := h.Last(); last.ValAccuracy < 0.95 {
		t.Errorf("digits: validation accuracy %.4f after %d epochs, want ≥ 0.95", last.ValAccuracy, last.Epoch)
	}
}

func BenchmarkFitDigits(b *testing.B) {
	for b.Loop() {
		fitDigits(b)
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/fit")
}

func TestFitSpirals(t *testing.T) {
	if testing.Short() {
		t.Skip("trains a network for about a second")
	}
	x, y := MakeSpirals(300, 3, 0.05, 1)
	r := NewRand(2)
	net := NewSequential(NewLinear("dense1", 2, 64, HeUniform, r), &ReLU{},
		NewLinear("dense2", 64, 64, HeUniform, r), &ReLU{}, NewLinear("dense3", 64, 3, GlorotUniform, r))
	h, err := Fit(net, x, y, FitConfig{
		Epochs: 300, BatchSize: 32, Seed: 1,
		Loss: SparseCrossEntropyWithLogits{}, Optimizer: NewAdam(AdamConfig{}), LR: 0.01,
	})
	if err != nil {
		t.Fatal(err)
	}
	acc := Accuracy(net.Forward(x), y, 0.5)
	t.Logf("spirals: training accuracy %.4f", acc)
	if acc < 0.97 {
		t.Errorf("spirals: training accuracy %.4f after %d epochs, want ≥ 0.97", acc, len(h.Epochs))
	}
}
