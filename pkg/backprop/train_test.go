package backprop

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// moonsNet is the 2-16-16-1 tanh network used by several tests.
func moonsNet(seed uint64) *Sequential {
	r := NewRand(seed)
	return NewSequential(
		NewLinear("dense1", 2, 16, GlorotUniform, r), &Tanh{},
		NewLinear("dense2", 16, 16, GlorotUniform, r), &Tanh{},
		NewLinear("dense3", 16, 1, GlorotUniform, r), &Sigmoid{})
}

func TestFitMoons(t *testing.T) {
	x, y := MakeMoons(400, 0.1, 1)
	vx, vy := MakeMoons(200, 0.1, 2)
	h, err := Fit(moonsNet(1), x, y, FitConfig{
		Epochs: 60, BatchSize: 32, Loss: BCE{}, LR: 0.5, ValX: vx, ValY: vy, Seed: 3,
	})
	if err != nil {
		t.Fatal(err)
	}
	last := h.Last()
	if last.Accuracy < 0.97 || last.ValAccuracy < 0.97 {
		t.Errorf("after %d epochs: accuracy %.3f, validation accuracy %.3f, want ≥ 0.97", last.Epoch, last.Accuracy, last.ValAccuracy)
	}
	if first := h.Epochs[0]; !(last.Loss < first.Loss/4) {
		t.Errorf("loss went from %.4f to %.4f", first.Loss, last.Loss)
	}
	if h.Stop != StopMaxEpochs || len(h.Epochs) != 60 || len(h.Steps) != 60*13 {
		t.Errorf("stop %v, %d epochs, %d steps; want max epochs, 60, 780", h.Stop, len(h.Epochs), len(h.Steps))
	}
}

// historyBits flattens a history to the bits of its numbers, NaN included.
func historyBits(h *History) []uint64 {
	var b []uint64
	for _, e := range h.Epochs {
		for _, v := range []float64{e.Loss, e.Accuracy, e.ValLoss, e.ValAccuracy, e.LR} {
			b = append(b, math.Float64bits(v))
		}
	}
	for _, s := range h.Steps {
		b = append(b, math.Float64bits(s.Loss), math.Float64bits(s.LR))
	}
	return b
}

func TestFitDeterministic(t *testing.T) {
	x, y := MakeMoons(100, 0.2, 1)
	run := func(seed uint64) []uint64 {
		h, err := Fit(moonsNet(7), x, y, FitConfig{Epochs: 5, BatchSize: 16, Seed: seed, Loss: BCE{},
			Optimizer: NewAdam(AdamConfig{}), Schedule: StepDecay(0.01, 10, 0.5)})
		if err != nil {
			t.Fatal(err)
		}
		return historyBits(h)
	}
	a, b, c := run(1), run(1), run(2)
	if !slicesEqual(a, b) {
		t.Error("the same seed gave different histories")
	}
	if slicesEqual(a, c) {
		t.Error("different seeds gave the same history")
	}
}

func slicesEqual(a, b []uint64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestFitBatchSizes(t *testing.T) {
	x, y := MakeLinear(10, []float64{1, -2}, 0.5, 0, 1)
	for _, c := range []struct {
		name            string
		batch, perEpoch int
	}{
		{"batch (0 = N)", 0, 1},
		{"batch larger than N", 50, 1},
		{"mini-batch with remainder", 4, 3},
		{"stochastic", 1, 10},
	} {
		t.Run(c.name, func(t *testing.T) {
			var sizes []int
			h, err := Fit(NewLinear("lin", 2, 1, nil, NewRand(1)), x, y, FitConfig{
				Epochs: 2, BatchSize: c.batch,
				OnStep: func(s StepStats) { sizes = append(sizes, s.Step) },
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(h.Steps) != 2*c.perEpoch || len(sizes) != 2*c.perEpoch {
				t.Errorf("%d steps recorded, %d hooked, want %d", len(h.Steps), len(sizes), 2*c.perEpoch)
			}
			if h.Epochs[1].Steps != 2*c.perEpoch {
				t.Errorf("EpochStats.Steps = %d", h.Epochs[1].Steps)
			}
			if !math.IsNaN(h.Epochs[0].Accuracy) {
				t.Errorf("regression targets got an accuracy %v", h.Epochs[0].Accuracy)
			}
		})
	}
}

func TestFitScheduleAndHooks(t *testing.T) {
	x, y := MakeXOR(40, 0, 1)
	sched := func(step int) float64 { return 0.1 / float64(step+1) }
	epochs := 0
	var log bytes.Buffer
	h, err := Fit(moonsNet(1), x, y, FitConfig{Epochs: 3, BatchSize: 10, Schedule: sched, Log: &log,
		OnEpoch: func(EpochStats) { epochs++ }})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range h.Steps {
		if s.LR != sched(s.Step) {
			t.Errorf("step %d used lr %v, want %v", s.Step, s.LR, sched(s.Step))
		}
	}
	if epochs != 3 || h.Epochs[2].LR != sched(11) {
		t.Errorf("OnEpoch called %d times, last lr %v", epochs, h.Epochs[2].LR)
	}
	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "epoch 1/3  loss ") || !strings.Contains(lines[0], "acc ") ||
		!strings.HasPrefix(lines[3], "stopped: reached the maximum number of epochs after 3 epochs") {
		t.Errorf("log:\n%s", log.String())
	}
}

func TestFitDiverges(t *testing.T) {
	x, y := MakeLinear(50, []float64{3, -2}, 0.1, 1, 1)
	x.Scale(100, x)
	var log bytes.Buffer
	h, err := Fit(NewLinear("lin", 2, 1, nil, NewRand(1)), x, y, FitConfig{LR: 10, BatchSize: 10, Log: &log})
	if !errors.Is(err, ErrDiverged) {
		t.Fatalf("err = %v, want ErrDiverged", err)
	}
	for _, want := range []string{"at epoch ", ", step ", "learning rate 10", "too high"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if h.Stop != StopDiverged || !strings.Contains(log.String(), "stopped: ") {
		t.Errorf("stop %v, log %q", h.Stop, log.String())
	}
}

func TestFitBadData(t *testing.T) {
	x, y := MakeLinear(5, []float64{1}, 0, 0, 1)
	x.Set(3, 0, math.NaN())
	if _, err := Fit(NewLinear("l", 1, 1, nil, NewRand(1)), x, y, FitConfig{}); err == nil ||
		!strings.Contains(err.Error(), "x has NaN at row 3, column 0 (epoch 1, step 1; the model is untouched)") {
		t.Errorf("err = %v", err)
	}
	x.Set(3, 0, 1)
	_, err := Fit(NewLinear("l", 1, 1, nil, NewRand(1)), x, y, FitConfig{Schedule: func(int) float64 { return -1 }})
	if err == nil || !strings.Contains(err.Error(), "learning rate -1") {
		t.Errorf("err = %v", err)
	}
	layerPanics(t, "rows", func() { Fit(NewLinear("l", 1, 1, nil, NewRand(1)), x, mat.NewDense(4, 1, nil), FitConfig{}) }, "5×1", "4×1")
	layerPanics(t, "val", func() { Fit(NewLinear("l", 1, 1, nil, NewRand(1)), x, y, FitConfig{ValX: x}) }, "ValY")
	layerPanics(t, "negative", func() { Fit(NewLinear("l", 1, 1, nil, NewRand(1)), x, y, FitConfig{BatchSize: -1}) }, "BatchSize")
}

func TestFitEarlyStopping(t *testing.T) {
	// A model that can fit the training set but not the validation set
	// (labels of the validation set are flipped): validation loss rises.
	x, y := MakeMoons(200, 0.1, 1)
	vx, vy := MakeMoons(100, 0.1, 2)
	for i := 0; i < 100; i++ {
		vy.Set(i, 0, 1-vy.At(i, 0))
	}
	net := moonsNet(2)
	h, err := Fit(net, x, y, FitConfig{Epochs: 200, BatchSize: 20, Loss: BCE{}, LR: 0.3,
		ValX: vx, ValY: vy, Patience: 5, RestoreBest: true})
	if err != nil {
		t.Fatal(err)
	}
	if h.Stop != StopEarly || len(h.Epochs) != h.BestEpoch+5 {
		t.Errorf("stop %v after %d epochs, best %d", h.Stop, len(h.Epochs), h.BestEpoch)
	}
	if got := (BCE{}).Value(net.Forward(vx), vy); got != h.BestLoss {
		t.Errorf("after RestoreBest the validation loss is %v, want the best %v", got, h.BestLoss)
	}
}

func TestAccuracy(t *testing.T) {
	runAccuracyTests(t, Accuracy)
}

// runAccuracyTests checks an accuracy function given as a value.
func runAccuracyTests(t *testing.T, acc func(pred, target *mat.Dense, threshold float64) float64) {
	t.Helper()
	for _, c := range []struct {
		name         string
		pred, target *mat.Dense
		threshold    float64
		want         float64
	}{
		{"probabilities", mat.NewDense(4, 1, []float64{0.9, 0.2, 0.6, 0.5}), mat.NewDense(4, 1, []float64{1, 0, 0, 0}), 0.5, 0.75},
		{"logits", mat.NewDense(3, 1, []float64{-0.1, 0.2, 3}), mat.NewDense(3, 1, []float64{0, 1, 0}), 0, 2.0 / 3},
		{"class indices", mat.NewDense(2, 3, []float64{0.1, 0.7, 0.2, 2, 1, 0}), mat.NewDense(2, 1, []float64{1, 2}), 0.5, 0.5},
		{"one-hot", mat.NewDense(2, 3, []float64{0.1, 0.7, 0.2, 2, 1, 0}), mat.NewDense(2, 3, []float64{0, 1, 0, 1, 0, 0}), 0.5, 1},
	} {
		if got := acc(c.pred, c.target, c.threshold); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("%s: accuracy %v, want %v", c.name, got, c.want)
		}
	}
}

// TestTrainStepAllocs checks the promise of the package: a training step of
// Linear and activation layers allocates nothing in steady state, also
// when the batch size changes (the last batch of an epoch).
func TestTrainStepAllocs(t *testing.T) {
	x, y := MakeMoons(100, 0.1, 1)
	tr, err := newTrainer(moonsNet(1), x, y, FitConfig{Optimizer: NewSGD(SGDConfig{Momentum: 0.9})})
	if err != nil {
		t.Fatal(err)
	}
	big, small := []int{3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4, 6, 2, 6, 4, 3, 3, 8, 3, 2, 7, 9, 5}, rowIndices(4)
	step := func() {
		for _, idx := range [][]int{big, small} {
			tr.setBatch(idx)
			if _, _, err := tr.step(idx, 0.1); err != nil {
				t.Fatal(err)
			}
		}
	}
	step()
	if allocs := testing.AllocsPerRun(20, step); allocs != 0 {
		t.Errorf("a training step allocates %v times", allocs)
	}
}

// A network whose weights blow up to infinity gives logits that are not
// finite; the logit losses refuse those with a panic, so Fit must see the
// divergence in the prediction and return ErrDiverged, also when the
// validation data is the first to meet the blown-up weights.
func TestFitDivergesInThePrediction(t *testing.T) {
	x, y := MakeBlobs(60, [][]float64{{-1, 0}, {1, 0}, {0, 1}}, 0.3, 1)
	for _, val := range []bool{false, true} {
		rng := NewRand(1)
		net := NewSequential(NewLinear("d1", 2, 32, HeNormal, rng), &ReLU{},
			NewLinear("d2", 32, 32, HeNormal, rng), &ReLU{}, NewLinear("d3", 32, 3, HeNormal, rng))
		cfg := FitConfig{Loss: SparseCrossEntropyWithLogits{}, LR: 1e6, Epochs: 50}
		if val {
			cfg.ValX, cfg.ValY = x, y
		}
		h, err := Fit(net, x, y, cfg)
		if !errors.Is(err, ErrDiverged) || h.Stop != StopDiverged {
			t.Errorf("validation %v: err = %v, stop %v; want ErrDiverged", val, err, h.Stop)
		}
	}
}

// Fit's errors count epochs and steps alike, from 1: with one step per
// epoch, the step that diverges has the number of its epoch.
func TestFitDivergedCountsFromOne(t *testing.T) {
	x, y := MakeLinear(20, []float64{1, -2}, 0.5, 0.1, 1)
	h, err := Fit(NewLinear("l", 2, 1, nil, NewRand(1)), x, y, FitConfig{LR: 10, Epochs: 1000, NoShuffle: true})
	if !errors.Is(err, ErrDiverged) {
		t.Fatalf("err = %v, want ErrDiverged", err)
	}
	n := len(h.Steps) + 1 // the step that diverged
	if want := fmt.Sprintf("at epoch %d, step %d ", n, n); !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %q", err, want)
	}
}
