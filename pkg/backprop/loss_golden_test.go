package backprop

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// lossGoldenCase is one case of testdata/golden_losses.json, written by
// testdata/golden_losses.py with PyTorch in float64.
type lossGoldenCase struct {
	Name   string
	Loss   string
	Params struct{ Delta float64 }
	Pred   [][]float64
	Target [][]float64
	Value  float64
	Grad   [][]float64
	Note   string
}

// lossGoldenRel is the relative agreement required with PyTorch. Both
// sides compute in float64; they differ only in the order of rounding.
const lossGoldenRel = 1e-12

func TestLossGolden(t *testing.T) {
	data, err := os.ReadFile("testdata/golden_losses.json")
	if err != nil {
		t.Fatal(err)
	}
	var golden struct {
		Torch string
		Cases []lossGoldenCase
	}
	if err := json.Unmarshal(data, &golden); err != nil {
		t.Fatal(err)
	}
	byName := map[string]Loss{}
	for _, info := range Losses() {
		byName[info.Name] = info.Loss
	}
	covered := map[string]bool{}
	var worst float64
	for _, gc := range golden.Cases {
		l, ok := byName[gc.Loss]
		if !ok {
			t.Errorf("%s: unknown loss %q", gc.Name, gc.Loss)
			continue
		}
		if gc.Params.Delta != 0 {
			l = Huber{Delta: gc.Params.Delta}
		}
		covered[gc.Loss] = true
		t.Run(gc.Name, func(t *testing.T) {
			worst = math.Max(worst, checkLossGolden(t, l, gc))
		})
	}
	for name := range byName {
		if !covered[name] {
			t.Errorf("no golden case for %s", name)
		}
	}
	t.Logf("%d cases from PyTorch %s; largest relative difference %.2g", len(golden.Cases), golden.Torch, worst)
}

// checkLossGolden compares l's Value and Grad with a golden case and
// returns the largest relative difference it saw.
func checkLossGolden(t *testing.T, l Loss, gc lossGoldenCase) (worst float64) {
	t.Helper()
	pred, target := lossDense(gc.Pred), lossDense(gc.Target)
	compare := func(what string, got, want float64) {
		d := math.Abs(got - want)
		if d == 0 {
			return
		}
		rel := d / math.Max(math.Abs(got), math.Abs(want))
		worst = math.Max(worst, rel)
		if rel > lossGoldenRel {
			t.Errorf("%v %s = %.17g, PyTorch gives %.17g (relative difference %.2g) %s",
				l, what, got, want, rel, gc.Note)
		}
	}
	compare("Value", l.Value(pred, target), gc.Value)
	r, c := pred.Dims()
	grad := mat.NewDense(r, c, nil)
	l.Grad(grad, pred, target)
	for i := range r {
		for j := range c {
			compare(fmt.Sprintf("grad[%d,%d]", i, j), grad.At(i, j), gc.Grad[i][j])
		}
	}
	return worst
}
