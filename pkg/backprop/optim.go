package backprop

import (
	"fmt"
	"math"

	"github.com/deepdive-dl/backprop/pkg/backprop/internal/kernel"
)

// This file holds what every optimizer shares (per-parameter state, the
// checks made at each step, the walk over a parameter's elements) and plain
// stochastic gradient descent. The adaptive optimizers are in
// optim_adaptive.go and optim_adam.go.
//
// All optimizers follow torch.optim (PyTorch 1.13) to the operation: the
// same update formula evaluated in the same order, so trajectories agree
// with PyTorch's in float64 to rounding (testdata/golden_optim.py).

// paramState is an optimizer's memory: one or more buffers per parameter
// (velocity, moment estimates), each holding one float64 per element of the
// parameter in row-major order, and the number of steps taken.
//
// Buffers are aligned with the parameter list of the first Step, so every
// later Step must pass the same parameters in the same order; begin checks
// that (comparing pointers, which costs nothing) and panics otherwise.
type paramState struct {
	params []*Param      // the list of the first step
	bufs   [][][]float64 // bufs[b][k] is buffer b of parameter k
	t      int           // steps taken, including the current one
}

// begin checks params for the step about to be taken and counts it. On the
// first call it allocates nbuf zeroed buffers per parameter and reports
// first == true, so the caller can set initial values.
//
// It panics if a parameter or its Value or Grad is nil, if Grad's shape
// differs from Value's, or if params is not the list of the first step
// (other length, other pointers, or a Value whose shape has changed).
func (s *paramState) begin(op string, params []*Param, nbuf int) (first bool) {
	for k, p := range params {
		checkParam(op, k, p)
	}
	if s.params == nil {
		s.params = append(make([]*Param, 0, len(params)), params...)
		s.bufs = make([][][]float64, nbuf)
		for b := range s.bufs {
			s.bufs[b] = make([][]float64, len(params))
			for k, p := range params {
				r, c := p.Value.Dims()
				s.bufs[b][k] = make([]float64, r*c)
			}
		}
		s.t = 1
		return true
	}
	if len(params) != len(s.params) {
		panic(fmt.Sprintf("backprop: %s: got %d params, the first step had %d: pass the same list at every step (a new model needs a new optimizer)", op, len(params), len(s.params)))
	}
	for k, p := range params {
		if p != s.params[k] {
			panic(fmt.Sprintf("backprop: %s: param %d (%q) is not the one of the first step: pass the same list at every step (a new model needs a new optimizer)", op, k, p.Name))
		}
		if r, c := p.Value.Dims(); nbuf > 0 && r*c != len(s.bufs[0][k]) {
			panic(fmt.Sprintf("backprop: %s: param %d (%q) changed shape to %d×%d since the first step (%d elements)", op, k, p.Name, r, c, len(s.bufs[0][k])))
		}
	}
	s.t++
	return false
}

// checkParam panics unless p has a Value and a Grad of the same shape.
func checkParam(op string, k int, p *Param) {
	switch {
	case p == nil:
		panic(fmt.Sprintf("backprop: %s: param %d is nil", op, k))
	case p.Value == nil:
		panic(fmt.Sprintf("backprop: %s: param %d (%q) has a nil Value", op, k, p.Name))
	case p.Grad == nil:
		panic(fmt.Sprintf("backprop: %s: param %d (%q) has a nil Grad: run Backward before Step", op, k, p.Name))
	}
	vr, vc := p.Value.Dims()
	gr, gc := p.Grad.Dims()
	if vr != gr || vc != gc {
		panic(fmt.Sprintf("backprop: %s: param %d (%q): Value is %d×%d but Grad is %d×%d", op, k, p.Name, vr, vc, gr, gc))
	}
}

// eachRow calls fn with the elements of p.Value (w) and the matching
// elements of p.Grad (g), together with the row-major index of w[0], which
// is where the same elements start in a state buffer. When both matrices
// are contiguous, as matrices made by mat.NewDense are, it is a single call
// with every element; a view into a larger matrix is walked row by row.
//
// fn does not escape, so a closure passed here lives on the caller's stack
// and a Step allocates nothing.
func eachRow(p *Param, fn func(off int, w, g []float64)) {
	v, gm := p.Value.RawMatrix(), p.Grad.RawMatrix()
	if v.Stride == v.Cols && gm.Stride == gm.Cols {
		n := v.Rows * v.Cols
		fn(0, v.Data[:n], gm.Data[:n])
		return
	}
	for i := 0; i < v.Rows; i++ {
		fn(i*v.Cols, v.Data[i*v.Stride:i*v.Stride+v.Cols], gm.Data[i*gm.Stride:i*gm.Stride+gm.Cols])
	}
}

// defaultIfZero returns def when v is 0 and v otherwise: it gives a config
// field its documented default.
func defaultIfZero(v, def float64) float64 {
	if v == 0 {
		return def
	}
	return v
}

// zeroIfNegative resolves a field whose zero value means a non-zero
// default but for which zero is itself a useful setting: 0 gives def, and
// any negative value asks for exactly 0.
func zeroIfNegative(v, def float64) float64 {
	switch {
	case v == 0:
		return def
	case v < 0:
		return 0
	}
	return v
}

// mustConfig panics with a message naming the optimizer and the field
// unless ok holds.
func mustConfig(ok bool, op, field string, v float64, want string) {
	if !ok || math.IsNaN(v) {
		panic(fmt.Sprintf("backprop: %s: %s = %v, want %s", op, field, v, want))
	}
}

// SGDConfig configures stochastic gradient descent. The zero value is
// plain SGD, PyTorch's defaults.
type SGDConfig struct {
	// Momentum μ ≥ 0 is the weight of the previous velocity (0.9 is
	// common). 0 gives plain SGD.
	Momentum float64
	// Dampening τ in [0, 1] scales the gradient's share of the velocity
	// after the first step: v ← μ·v + (1−τ)·g. Default 0.
	Dampening float64
	// WeightDecay λ ≥ 0 adds λ·w to the gradient (L2 regularisation).
	WeightDecay float64
	// Nesterov uses the look-ahead step g + μ·v instead of v. It needs
	// Momentum > 0 and Dampening 0.
	Nesterov bool
}

// SGD is stochastic gradient descent with optional momentum, as
// torch.optim.SGD. With g the gradient and η the learning rate, at each
// step
//
//	g ← g + λ·w                       (if WeightDecay λ > 0)
//	v ← g at the first step, else v ← μ·v + (1−τ)·g   (if Momentum μ > 0)
//	d ← g + μ·v if Nesterov, else v   (d ← g without momentum)
//	w ← w − η·d
//
// The velocity v, one per element, is allocated on the first Step; later
// Steps allocate nothing. Every Step must receive the same parameter list.
type SGD struct {
	cfg SGDConfig
	st  paramState
}

var _ Optimizer = (*SGD)(nil)

// NewSGD returns an SGD optimizer.
//
// It panics if Momentum or WeightDecay is negative, Dampening is outside
// [0, 1], or Nesterov is set without positive Momentum and zero Dampening.
func NewSGD(cfg SGDConfig) *SGD {
	const op = "NewSGD"
	mustConfig(cfg.Momentum >= 0, op, "Momentum", cfg.Momentum, "≥ 0")
	mustConfig(cfg.Dampening >= 0 && cfg.Dampening <= 1, op, "Dampening", cfg.Dampening, "in [0, 1]")
	mustConfig(cfg.WeightDecay >= 0, op, "WeightDecay", cfg.WeightDecay, "≥ 0")
	if cfg.Nesterov && (cfg.Momentum <= 0 || cfg.Dampening != 0) {
		panic(fmt.Sprintf("backprop: NewSGD: Nesterov needs Momentum > 0 and Dampening 0, got Momentum %v, Dampening %v", cfg.Momentum, cfg.Dampening))
	}
	return &SGD{cfg: cfg}
}

// Config returns the optimizer's settings.
func (o *SGD) Config() SGDConfig { return o.cfg }

// Step updates every parameter in place from its Grad with learning rate
// lr. It panics if a parameter has no Grad, a Grad whose shape differs from
// its Value, or if params is not the list of the first Step.
func (o *SGD) Step(params []*Param, lr float64) {
	mu, damp, wd, nesterov := o.cfg.Momentum, o.cfg.Dampening, o.cfg.WeightDecay, o.cfg.Nesterov
	nbuf := 0
	if mu != 0 {
		nbuf = 1
	}
	first := o.st.begin("SGD.Step", params, nbuf)
	if mu == 0 && wd == 0 {
		// Plain gradient descent, the common case: the arithmetic of the
		// loop below, w ← w − η·g, with nothing else in it.
		for _, p := range params {
			kernel.SubScaled(p.Value, lr, p.Grad) // w −= lr·g
		}
		return
	}
	for k, p := range params {
		var vel []float64
		if mu != 0 {
			vel = o.st.bufs[0][k]
		}
		eachRow(p, func(off int, w, g []float64) {
			for j, d := range g {
				if wd != 0 {
					d += wd * w[j]
				}
				if mu != 0 {
					v := &vel[off+j]
					if first {
						*v = d
					} else {
						*v = mu**v + (1-damp)*d
					}
					if nesterov {
						d += mu * *v
					} else {
						d = *v
					}
				}
				w[j] -= float64(lr * d)
			}
		})
	}
}
