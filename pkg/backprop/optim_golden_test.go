package backprop

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// goldenOptim is testdata/golden_optim.json, written by golden_optim.py
// with PyTorch 1.13 (see the script for the problem).
type goldenOptim struct {
	Torch  string    `json:"torch"`
	Steps  int       `json:"steps"`
	Shapes [][2]int  `json:"shapes"`
	Init   []float64 `json:"init"`
	Cases  []struct {
		Optimizer  string          `json:"optimizer"`
		Name       string          `json:"name"`
		Config     json.RawMessage `json:"config"`
		LRs        []float64       `json:"lrs"`
		Trajectory [][]float64     `json:"trajectory"`
	} `json:"cases"`
}

// goldenOptimizers builds each optimizer from its config as JSON, whose
// keys are the Go config fields.
var goldenOptimizers = map[string]func(t *testing.T, cfg json.RawMessage) Optimizer{
	"SGD":      fromJSON(NewSGD),
	"Adagrad":  fromJSON(NewAdagrad),
	"Adadelta": fromJSON(NewAdadelta),
	"RMSprop":  fromJSON(NewRMSprop),
	"Adam":     fromJSON(NewAdam),
	"AdamW":    fromJSON(NewAdamW),
}

// fromJSON adapts a constructor to take its config as JSON.
func fromJSON[C any, O Optimizer](newOpt func(C) O) func(*testing.T, json.RawMessage) Optimizer {
	return func(t *testing.T, raw json.RawMessage) Optimizer {
		t.Helper()
		var cfg C
		dec := json.NewDecoder(bytes.NewReader(raw))
		dec.DisallowUnknownFields() // a misspelt field in the script must fail here
		if err := dec.Decode(&cfg); err != nil {
			t.Fatalf("config %s: %v", raw, err)
		}
		return newOpt(cfg)
	}
}

// goldenGradient writes the gradient of golden_optim.py's problem into the
// params' Grads: grad_k = a_k (w_k − c_k) + 0.6 sin(2 w_k) + 0.2 w_partner
// over the flat row-major elements of all params.
func goldenGradient(params []*Param) {
	var w []float64
	for _, p := range params {
		w = append(w, p.Value.RawMatrix().Data...)
	}
	k := 0
	for _, p := range params {
		g := p.Grad.RawMatrix().Data
		for j := range g {
			a := 0.5 + 0.75*float64(k)
			c := 0.3*float64(k) - 1.0
			g[j] = a*(w[k]-c) + 0.6*math.Sin(2*w[k]) + 0.2*w[k^1]
			k++
		}
	}
}

func TestOptimizersMatchTorch(t *testing.T) {
	data, err := os.ReadFile("testdata/golden_optim.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold goldenOptim
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	if len(gold.Cases) == 0 {
		t.Fatal("no cases in golden_optim.json")
	}
	// Rounding differences (PyTorch's vectorised kernels, libm's sin)
	// start at 1e-16 and are amplified over 50 steps to about 1e-13 at
	// worst; a wrong formula gives errors of 1e-3 or more from step 1.
	const tol = 1e-12
	seen := map[string]bool{}
	worst := 0.0
	for _, tc := range gold.Cases {
		seen[tc.Optimizer] = true
		t.Run(tc.Optimizer+"/"+tc.Name, func(t *testing.T) {
			newOpt, ok := goldenOptimizers[tc.Optimizer]
			if !ok {
				t.Fatalf("unknown optimizer %q", tc.Optimizer)
			}
			opt := newOpt(t, tc.Config)
			var params []*Param
			k := 0
			for _, s := range gold.Shapes {
				n := s[0] * s[1]
				params = append(params, &Param{
					Value: mat.NewDense(s[0], s[1], append([]float64(nil), gold.Init[k:k+n]...)),
					Grad:  mat.NewDense(s[0], s[1], nil),
				})
				k += n
			}
			for step, lr := range tc.LRs {
				goldenGradient(params)
				opt.Step(params, lr)
				want := tc.Trajectory[step]
				i := 0
				for _, p := range params {
					for _, got := range p.Value.RawMatrix().Data {
						// Relative error, with values below 1 compared absolutely.
						e := math.Abs(got-want[i]) / math.Max(1, math.Abs(want[i]))
						worst = math.Max(worst, e)
						if !(e <= tol) {
							t.Fatalf("step %d, element %d: got %.17g, torch %.17g (error %.3g)", step+1, i, got, want[i], e)
						}
						i++
					}
				}
			}
		})
	}
	for name := range goldenOptimizers {
		if !seen[name] {
			t.Errorf("golden_optim.json has no case for %s", name)
		}
	}
	t.Logf("%d cases × %d steps against torch %s: largest error %.3g", len(gold.Cases), gold.Steps, gold.Torch, worst)
}
