package backprop

import (
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// The misuses a learner meets first get an error or a panic that names
// Fit and the fix, not a panic from deep inside a function they never
// called.

// blobs3 is a three-class problem and a 2-8-3 network that gives logits.
func blobs3() (net *Sequential, x, y *mat.Dense) {
	x, y = MakeBlobs(60, [][]float64{{0, 0}, {3, 0}, {0, 3}}, 0.5, 1)
	r := NewRand(1)
	net = NewSequential(NewLinear("hidden", 2, 8, HeUniform, r), &ReLU{}, NewLinear("out", 8, 3, GlorotUniform, r))
	return net, x, y
}

func TestFitRejectsBadLR(t *testing.T) {
	net, x, y := blobs3()
	for _, lr := range []float64{math.NaN(), -0.1, math.Inf(1)} {
		h, err := Fit(net, x, y, FitConfig{LR: lr, Loss: SparseCrossEntropyWithLogits{}})
		if err == nil || !strings.Contains(err.Error(), "FitConfig.LR is") || !strings.Contains(err.Error(), "backprop: Fit:") {
			t.Errorf("LR %v: error %v, want Fit's error naming FitConfig.LR", lr, err)
		}
		if h == nil || len(h.Epochs) != 0 {
			t.Errorf("LR %v: history %v, want an empty one", lr, h)
		}
	}
}

func TestFitOneHotWithSparseLossSaysWhichLoss(t *testing.T) {
	net, x, y := blobs3()
	mustPanic(t, func() {
		Fit(net, x, OneHot(y, 3), FitConfig{Epochs: 1, Loss: SparseCrossEntropyWithLogits{}})
	}, "Fit: y has 3 columns", "SparseCrossEntropyWithLogits takes one column of class indices",
		"use Loss: backprop.CrossEntropyWithLogits{}")
	mustPanic(t, func() {
		Fit(net, x, OneHot(y, 3), FitConfig{Epochs: 1, Loss: &SparseCrossEntropy{}})
	}, "use Loss: backprop.CrossEntropy{}")
	// The model is untouched: the check comes before the first step.
	before := mat0(net)
	func() {
		defer func() { _ = recover() }()
		Fit(net, x, OneHot(y, 3), FitConfig{Epochs: 1, Loss: SparseCrossEntropyWithLogits{}})
	}()
	if after := mat0(net); after != before {
		t.Errorf("a weight changed from %v to %v before the panic", before, after)
	}
}

// mat0 returns the first weight of the network.
func mat0(net *Sequential) float64 { return net.Params()[0].Value.At(0, 0) }

func TestFitForgottenLossOnClassifier(t *testing.T) {
	net, x, y := blobs3()
	mustPanic(t, func() { Fit(net, x, y, FitConfig{Epochs: 1}) },
		"Fit: the model gives 3 columns per example but y has 1",
		"FitConfig.Loss is not set, so it is MSE",
		"set Loss: backprop.SparseCrossEntropyWithLogits{}")
	mustPanic(t, func() { Fit(net, x, y, FitConfig{Epochs: 1, Loss: MSE{}}) },
		"the model gives 3 columns per example but y has 1; Loss MSE")
	vx, vy := MakeBlobs(30, [][]float64{{0, 0}, {3, 0}, {0, 3}}, 0.5, 2)
	mustPanic(t, func() {
		Fit(net, x, y, FitConfig{Epochs: 1, Loss: SparseCrossEntropyWithLogits{}, ValX: vx, ValY: OneHot(vy, 3)})
	}, "Fit: ValY has 3 columns but y has 1")
}

// After RestoreBest the model holds the best epoch's weights: Final
// describes them (its validation loss is the model's), Last the last epoch.
func TestHistoryFinalAfterRestoreBest(t *testing.T) {
	x, y := MakeMoons(200, 0.1, 1)
	vx, vy := MakeMoons(100, 0.1, 2)
	for i := range 100 {
		vy.Set(i, 0, 1-vy.At(i, 0)) // flipped: the validation loss rises
	}
	net := moonsNet(2)
	h, err := Fit(net, x, y, FitConfig{Epochs: 200, BatchSize: 20, Loss: BCE{}, LR: 0.3,
		ValX: vx, ValY: vy, Patience: 5, RestoreBest: true})
	if err != nil {
		t.Fatal(err)
	}
	if h.RestoredEpoch != h.BestEpoch || h.RestoredEpoch == len(h.Epochs) {
		t.Fatalf("restored epoch %d, best %d, %d epochs: want the best, before the last", h.RestoredEpoch, h.BestEpoch, len(h.Epochs))
	}
	got := (BCE{}).Value(net.Forward(vx), vy)
	if f := h.Final(); f.Epoch != h.BestEpoch || f.ValLoss != got {
		t.Errorf("Final() is epoch %d with validation loss %v; the model's is %v (best epoch %d)", f.Epoch, f.ValLoss, got, h.BestEpoch)
	}
	if h.Last().ValLoss == got {
		t.Errorf("Last() should describe the last epoch, not the restored weights")
	}
	// Without RestoreBest, Final is Last.
	h2, err := Fit(moonsNet(2), x, y, FitConfig{Epochs: 3, Loss: BCE{}})
	if err != nil {
		t.Fatal(err)
	}
	if h2.RestoredEpoch != 0 || h2.Final().Epoch != h2.Last().Epoch || h2.Final().Loss != h2.Last().Loss {
		t.Errorf("without RestoreBest: restored %d, Final %+v, Last %+v", h2.RestoredEpoch, h2.Final(), h2.Last())
	}
}
