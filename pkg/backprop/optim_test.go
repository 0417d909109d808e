package backprop

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// optimizerCases builds every optimizer with most of its options on, so
// the tests below reach every branch of every Step.
var optimizerCases = []struct {
	name string
	new  func() Optimizer
}{
	{"SGD", func() Optimizer { return NewSGD(SGDConfig{}) }},
	{"SGD/momentum", func() Optimizer { return NewSGD(SGDConfig{Momentum: 0.9, Dampening: 0.1, WeightDecay: 0.01}) }},
	{"SGD/nesterov", func() Optimizer { return NewSGD(SGDConfig{Momentum: 0.9, Nesterov: true, WeightDecay: 0.01}) }},
	{"Adagrad", func() Optimizer {
		return NewAdagrad(AdagradConfig{LRDecay: 0.01, WeightDecay: 0.01, InitialAccumulatorValue: 0.1})
	}},
	{"Adadelta", func() Optimizer { return NewAdadelta(AdadeltaConfig{WeightDecay: 0.01}) }},
	{"RMSprop", func() Optimizer { return NewRMSprop(RMSpropConfig{}) }},
	{"RMSprop/centered_momentum", func() Optimizer {
		return NewRMSprop(RMSpropConfig{Centered: true, Momentum: 0.9, WeightDecay: 0.01})
	}},
	{"Adam", func() Optimizer { return NewAdam(AdamConfig{}) }},
	{"Adam/amsgrad_decay", func() Optimizer { return NewAdam(AdamConfig{AMSGrad: true, WeightDecay: 0.01}) }},
	{"AdamW/amsgrad", func() Optimizer { return NewAdamW(AdamConfig{AMSGrad: true}) }},
}

// newTestParam returns a param of the given shape with values and
// gradients that differ from element to element.
func newTestParam(name string, r, c int) *Param {
	p := &Param{Name: name, Value: mat.NewDense(r, c, nil), Grad: mat.NewDense(r, c, nil)}
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			k := float64(i*c + j)
			p.Value.Set(i, j, math.Sin(k+1))
			p.Grad.Set(i, j, math.Cos(2*k+0.5))
		}
	}
	return p
}

// mustPanic fails t unless f panics with a message that starts with
// "backprop: " and contains every one of want.
func mustPanic(t *testing.T, f func(), want ...string) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if r == nil {
			t.Fatalf("no panic, want one containing %q", want)
		}
		msg := fmt.Sprint(r)
		if !strings.HasPrefix(msg, "backprop: ") {
			t.Errorf("panic %q does not start with \"backprop: \"", msg)
		}
		for _, w := range want {
			if !strings.Contains(msg, w) {
				t.Errorf("panic %q does not contain %q", msg, w)
			}
		}
	}()
	f()
}

func TestOptimizerStepPanics(t *testing.T) {
	for _, oc := range optimizerCases {
		t.Run(oc.name, func(t *testing.T) {
			good := func() []*Param { return []*Param{newTestParam("w", 3, 2), newTestParam("b", 1, 2)} }

			noGrad := good()
			noGrad[1].Grad = nil
			mustPanic(t, func() { oc.new().Step(noGrad, 0.1) }, "Step", `"b"`, "nil Grad")

			badShape := good()
			badShape[0].Grad = mat.NewDense(2, 3, nil)
			mustPanic(t, func() { oc.new().Step(badShape, 0.1) }, `"w"`, "3×2", "2×3")

			mustPanic(t, func() { oc.new().Step([]*Param{nil}, 0.1) }, "param 0 is nil")

			opt, ps := oc.new(), good()
			opt.Step(ps, 0.1)
			mustPanic(t, func() { opt.Step(ps[:1], 0.1) }, "got 1 params", "had 2")
			mustPanic(t, func() { opt.Step([]*Param{ps[0], newTestParam("b", 1, 2)}, 0.1) }, "param 1", "same list")
			mustPanic(t, func() { opt.Step([]*Param{ps[1], ps[0]}, 0.1) }, "param 0", "same list")
		})
	}
}

func TestOptimizerConfigPanics(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func()
		want string
	}{
		{"SGD negative momentum", func() { NewSGD(SGDConfig{Momentum: -0.1}) }, "Momentum = -0.1"},
		{"SGD dampening above 1", func() { NewSGD(SGDConfig{Momentum: 0.9, Dampening: 2}) }, "Dampening = 2"},
		{"SGD negative decay", func() { NewSGD(SGDConfig{WeightDecay: -1}) }, "WeightDecay = -1"},
		{"SGD NaN momentum", func() { NewSGD(SGDConfig{Momentum: math.NaN()}) }, "Momentum = NaN"},
		{"SGD nesterov without momentum", func() { NewSGD(SGDConfig{Nesterov: true}) }, "Nesterov needs Momentum > 0"},
		{"SGD nesterov with dampening", func() { NewSGD(SGDConfig{Nesterov: true, Momentum: 0.9, Dampening: 0.1}) }, "Dampening 0"},
		{"Adagrad negative decay", func() { NewAdagrad(AdagradConfig{LRDecay: -1}) }, "LRDecay"},
		{"Adagrad negative eps", func() { NewAdagrad(AdagradConfig{Eps: -1}) }, "Eps"},
		{"Adagrad negative accumulator", func() { NewAdagrad(AdagradConfig{InitialAccumulatorValue: -1}) }, "InitialAccumulatorValue"},
		{"Adadelta rho above 1", func() { NewAdadelta(AdadeltaConfig{Rho: 1.5}) }, "Rho = 1.5"},
		{"RMSprop negative alpha", func() { NewRMSprop(RMSpropConfig{Alpha: -0.5}) }, "Alpha"},
		{"RMSprop negative momentum", func() { NewRMSprop(RMSpropConfig{Momentum: -0.5}) }, "Momentum"},
		{"Adam beta1 of 1", func() { NewAdam(AdamConfig{Beta1: 1}) }, "NewAdam: Beta1 = 1"},
		{"Adam beta2 of 1", func() { NewAdam(AdamConfig{Beta2: 1}) }, "Beta2 = 1"},
		{"AdamW negative decay", func() { NewAdamW(AdamConfig{WeightDecay: -0.1}) }, "NewAdamW: WeightDecay"},
	} {
		t.Run(tc.name, func(t *testing.T) { mustPanic(t, tc.f, tc.want) })
	}
}

func TestOptimizerDefaults(t *testing.T) {
	if got, want := NewAdagrad(AdagradConfig{}).Config(), (AdagradConfig{Eps: 1e-10}); got != want {
		t.Errorf("Adagrad defaults %+v, want %+v", got, want)
	}
	if got, want := NewAdadelta(AdadeltaConfig{}).Config(), (AdadeltaConfig{Rho: 0.9, Eps: 1e-6}); got != want {
		t.Errorf("Adadelta defaults %+v, want %+v", got, want)
	}
	if got, want := NewRMSprop(RMSpropConfig{}).Config(), (RMSpropConfig{Alpha: 0.99, Eps: 1e-8}); got != want {
		t.Errorf("RMSprop defaults %+v, want %+v", got, want)
	}
	if got, want := NewAdam(AdamConfig{}).Config(), (AdamConfig{Beta1: 0.9, Beta2: 0.999, Eps: 1e-8}); got != want {
		t.Errorf("Adam defaults %+v, want %+v", got, want)
	}
	if got, want := NewAdamW(AdamConfig{}).Config(), (AdamConfig{Beta1: 0.9, Beta2: 0.999, Eps: 1e-8, WeightDecay: 0.01}); got != want {
		t.Errorf("AdamW defaults %+v, want %+v", got, want)
	}
	if got := NewAdam(AdamConfig{Beta1: -1}).Config().Beta1; got != 0 {
		t.Errorf("Adam Beta1: -1 gives β₁ = %v, want 0", got)
	}
	if got := NewSGD(SGDConfig{Momentum: 0.9}).Config(); got != (SGDConfig{Momentum: 0.9}) {
		t.Errorf("SGD config %+v changed", got)
	}
}

// A parameter that is a view into a larger matrix (its rows are not
// adjacent in memory) must be updated exactly like a contiguous copy.
func TestOptimizerStepOnViews(t *testing.T) {
	for _, oc := range optimizerCases {
		t.Run(oc.name, func(t *testing.T) {
			flat := newTestParam("w", 3, 4)
			bigV, bigG := mat.NewDense(5, 7, nil), mat.NewDense(5, 7, nil)
			view := &Param{Name: "w", Value: bigV.Slice(1, 4, 2, 6).(*mat.Dense), Grad: bigG.Slice(1, 4, 2, 6).(*mat.Dense)}
			view.Value.Copy(flat.Value)
			view.Grad.Copy(flat.Grad)
			a, b := oc.new(), oc.new()
			for step := 0; step < 5; step++ {
				a.Step([]*Param{flat}, 0.1)
				b.Step([]*Param{view}, 0.1)
			}
			if !mat.Equal(flat.Value, view.Value) {
				t.Errorf("view updated differently:\n%v\nvs\n%v", mat.Formatted(view.Value), mat.Formatted(flat.Value))
			}
			if bigV.At(0, 0) != 0 || bigV.At(4, 6) != 0 || bigV.At(1, 1) != 0 {
				t.Error("Step wrote outside the view")
			}
		})
	}
}

func TestOptimizerStepAllocs(t *testing.T) {
	for _, oc := range optimizerCases {
		t.Run(oc.name, func(t *testing.T) {
			opt := oc.new()
			params := []*Param{newTestParam("w", 8, 4), newTestParam("b", 1, 4)}
			opt.Step(params, 0.01) // allocates the state
			if n := testing.AllocsPerRun(20, func() { opt.Step(params, 0.01) }); n != 0 {
				t.Errorf("Step allocates %v times per call, want 0", n)
			}
		})
	}
}

// Every optimizer must actually minimise: 200 steps on a convex quadratic
// bowl take the loss down at least ten-fold (Adadelta, the slowest to start, by 13).
func TestOptimizersDescend(t *testing.T) {
	lrs := map[string]float64{"SGD": 0.05, "Adagrad": 0.5, "Adadelta": 1, "RMSprop": 0.01, "Adam": 0.05, "AdamW": 0.05}
	for _, oc := range optimizerCases {
		t.Run(oc.name, func(t *testing.T) {
			lr := lrs[strings.Split(oc.name, "/")[0]]
			p := newTestParam("w", 2, 3)
			loss := func() float64 { // ½ Σ k·w², gradient k·w
				s := 0.0
				for i, w := range p.Value.RawMatrix().Data {
					k := float64(i + 1)
					s += 0.5 * k * w * w
					p.Grad.RawMatrix().Data[i] = k * w
				}
				return s
			}
			opt, start := oc.new(), loss()
			for i := 0; i < 200; i++ {
				opt.Step([]*Param{p}, lr)
				loss()
			}
			if end := loss(); !(end < start/10) {
				t.Errorf("loss %.4g → %.4g after 200 steps, want a 10-fold drop", start, end)
			}
		})
	}
}

func BenchmarkOptimizerStep(b *testing.B) {
	for _, oc := range optimizerCases {
		b.Run(oc.name, func(b *testing.B) {
			opt := oc.new()
			params := []*Param{newTestParam("w", 784, 128)}
			opt.Step(params, 1e-3)
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				opt.Step(params, 1e-3)
			}
		})
	}
}
