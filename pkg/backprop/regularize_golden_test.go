package backprop

import (
	"encoding/json"
	"math"
	"os"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// goldenRegularize is testdata/golden_regularize.json, written by
// golden_regularize.py from PyTorch.
type goldenRegularize struct {
	Torch string `json:"torch"`
	Clip  []struct {
		MaxNorm float64       `json:"max_norm"`
		Grads   [][][]float64 `json:"grads"`
		Norm    float64       `json:"norm"`
		Clipped [][][]float64 `json:"clipped"`
	} `json:"clip"`
	Dropout []struct {
		P                 float64 `json:"p"`
		TrainScale        float64 `json:"train_scale"`
		TrainValuesScaled bool    `json:"train_values_are_0_or_scaled"`
		GradMaskedAlike   bool    `json:"grad_masked_alike"`
		EvalIsIdentity    bool    `json:"eval_is_identity"`
	} `json:"dropout"`
}

func loadGoldenRegularize(t *testing.T) goldenRegularize {
	t.Helper()
	data, err := os.ReadFile("testdata/golden_regularize.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldenRegularize
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

func denseOf(rows [][]float64) *mat.Dense {
	m := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, r := range rows {
		m.SetRow(i, r)
	}
	return m
}

// TestClipGradNormMatchesPyTorch: the norm before clipping and the clipped
// gradients agree with torch.nn.utils.clip_grad_norm_, which divides by
// norm + 1e-6: a relative difference of at most about 1e-6 / norm.
func TestClipGradNormMatchesPyTorch(t *testing.T) {
	g := loadGoldenRegularize(t)
	if len(g.Clip) == 0 {
		t.Fatal("no clipping cases")
	}
	for ci, c := range g.Clip {
		var params []*Param
		for _, gr := range c.Grads {
			params = append(params, &Param{Value: mat.NewDense(len(gr), len(gr[0]), nil), Grad: denseOf(gr)})
		}
		norm := ClipGradNorm(c.MaxNorm, params...)
		if math.Abs(norm-c.Norm) > 1e-12*c.Norm {
			t.Errorf("case %d: norm %v, PyTorch %v", ci, norm, c.Norm)
		}
		tol := 2e-6 / c.Norm
		for pi, p := range params {
			for i, row := range c.Clipped[pi] {
				for j, want := range row {
					if got := p.Grad.At(i, j); math.Abs(got-want) > tol*math.Max(1, math.Abs(want)) {
						t.Errorf("case %d (max norm %v): grad %d[%d,%d] = %v, PyTorch %v", ci, c.MaxNorm, pi, i, j, got, want)
					}
				}
			}
		}
	}
}

// TestDropoutMatchesPyTorch: the properties of torch.nn.Dropout that do
// not depend on its random generator hold for Dropout too: in training
// every output is 0 or x/(1-p), the gradient goes through the same mask
// scaled alike, and evaluation is the identity.
func TestDropoutMatchesPyTorch(t *testing.T) {
	g := loadGoldenRegularize(t)
	for _, c := range g.Dropout {
		if !c.TrainValuesScaled || !c.GradMaskedAlike || !c.EvalIsIdentity {
			t.Fatalf("the golden file says PyTorch's dropout behaves otherwise: %+v", c)
		}
		x := mat.NewDense(20, 10, nil)
		for i := range 20 {
			for j := range 10 {
				x.Set(i, j, 0.5*float64(j)-2.75) // never 0: a kept 0 would look dropped
			}
		}
		d := NewDropout(c.P, NewRand(1))
		if y := d.Forward(x); !mat.Equal(y, x) {
			t.Errorf("p=%v: evaluation mode is not the identity", c.P)
		}
		d.SetTraining(true)
		y := mat.DenseCopyOf(d.Forward(x))
		ones := mat.NewDense(20, 10, nil)
		for i := range 20 {
			for j := range 10 {
				ones.Set(i, j, 1)
			}
		}
		dx := d.Backward(ones)
		for i := range 20 {
			for j := range 10 {
				yv, xv, gv := y.At(i, j), x.At(i, j), dx.At(i, j)
				kept := gv != 0
				switch {
				case kept && (math.Abs(yv-xv*c.TrainScale) > 1e-12 || math.Abs(gv-c.TrainScale) > 1e-12):
					t.Fatalf("p=%v: kept [%d,%d]: y %v, grad %v; want x·%v and %v", c.P, i, j, yv, gv, c.TrainScale, c.TrainScale)
				case !kept && yv != 0:
					t.Fatalf("p=%v: dropped [%d,%d] has output %v", c.P, i, j, yv)
				}
			}
		}
	}
}
