package backprop

import "math"

// Optimizers with a per-element learning rate: Adagrad, Adadelta and
// RMSprop, as in torch.optim (PyTorch 1.13). Adam and AdamW are in
// optim_adam.go.

// AdagradConfig configures Adagrad. The zero value gives PyTorch's
// defaults.
type AdagradConfig struct {
	// LRDecay ≥ 0 shrinks the rate with the step count t (from 1):
	// η_t = η / (1 + (t−1)·LRDecay). Default 0.
	LRDecay float64
	// WeightDecay λ ≥ 0 adds λ·w to the gradient (L2 regularisation).
	WeightDecay float64
	// InitialAccumulatorValue ≥ 0 is the starting sum of squared
	// gradients. Default 0.
	InitialAccumulatorValue float64
	// Eps > 0 keeps the division finite; 0 means 1e-10.
	Eps float64
}

// Adagrad divides each element's step by the root of the sum of all its
// squared gradients so far (Duchi, Hazan and Singer, 2011), as
// torch.optim.Adagrad. With t the step count from 1, at each step
//
//	g ← g + λ·w
//	s ← s + g²
//	w ← w − η/(1 + (t−1)·LRDecay) · g / (√s + ε)
//
// The step shrinks for as long as training runs, so Adagrad suits sparse
// gradients more than long runs. The learning rate η is the lr passed to
// Step (PyTorch's default is 0.01).
type Adagrad struct {
	cfg AdagradConfig
	st  paramState
}

var _ Optimizer = (*Adagrad)(nil)

// NewAdagrad returns an Adagrad optimizer. It panics if LRDecay,
// WeightDecay, InitialAccumulatorValue or Eps is negative.
func NewAdagrad(cfg AdagradConfig) *Adagrad {
	const op = "NewAdagrad"
	mustConfig(cfg.LRDecay >= 0, op, "LRDecay", cfg.LRDecay, "≥ 0")
	mustConfig(cfg.WeightDecay >= 0, op, "WeightDecay", cfg.WeightDecay, "≥ 0")
	mustConfig(cfg.InitialAccumulatorValue >= 0, op, "InitialAccumulatorValue", cfg.InitialAccumulatorValue, "≥ 0")
	mustConfig(cfg.Eps >= 0, op, "Eps", cfg.Eps, "≥ 0")
	cfg.Eps = defaultIfZero(cfg.Eps, 1e-10)
	return &Adagrad{cfg: cfg}
}

// Config returns the optimizer's settings with defaults filled in.
func (o *Adagrad) Config() AdagradConfig { return o.cfg }

// Step updates every parameter in place from its Grad with learning rate
// lr. It panics if a parameter has no Grad, a Grad whose shape differs from
// its Value, or if params is not the list of the first Step.
func (o *Adagrad) Step(params []*Param, lr float64) {
	wd, eps := o.cfg.WeightDecay, o.cfg.Eps
	if o.st.begin("Adagrad.Step", params, 1) {
		for _, sum := range o.st.bufs[0] {
			for i := range sum {
				sum[i] = o.cfg.InitialAccumulatorValue
			}
		}
	}
	clr := lr / (1 + float64(o.st.t-1)*o.cfg.LRDecay)
	for k, p := range params {
		sums := o.st.bufs[0][k]
		eachRow(p, func(off int, w, g []float64) {
			sum := sums[off : off+len(w)]
			for j, gj := range g {
				if wd != 0 {
					gj += wd * w[j]
				}
				sum[j] += gj * gj
				w[j] -= clr * (gj / (math.Sqrt(sum[j]) + eps))
			}
		})
	}
}

// AdadeltaConfig configures Adadelta. The zero value gives PyTorch's
// defaults.
type AdadeltaConfig struct {
	// Rho in (0, 1] is the decay of both running averages; 0 means 0.9.
	Rho float64
	// Eps > 0 starts the step size off zero and keeps it finite; 0 means
	// 1e-6.
	Eps float64
	// WeightDecay λ ≥ 0 adds λ·w to the gradient (L2 regularisation).
	WeightDecay float64
}

// Adadelta scales each step by the ratio of two running root mean squares,
// of past updates and of past gradients (Zeiler, 2012), as
// torch.optim.Adadelta:
//
//	g ← g + λ·w
//	s ← ρ·s + (1−ρ)·g²
//	Δ ← √(u + ε) / √(s + ε) · g
//	u ← ρ·u + (1−ρ)·Δ²
//	w ← w − η·Δ
//
// The ratio has the units of w, so the method needs no learning rate:
// the lr passed to Step is only a multiplier η, and 1.0 (PyTorch's
// default) is the method of the paper.
type Adadelta struct {
	cfg AdadeltaConfig
	st  paramState
}

var _ Optimizer = (*Adadelta)(nil)

// NewAdadelta returns an Adadelta optimizer. It panics if Rho is outside
// [0, 1] or Eps or WeightDecay is negative.
func NewAdadelta(cfg AdadeltaConfig) *Adadelta {
	const op = "NewAdadelta"
	mustConfig(cfg.Rho >= 0 && cfg.Rho <= 1, op, "Rho", cfg.Rho, "in (0, 1] (0 means 0.9)")
	mustConfig(cfg.Eps >= 0, op, "Eps", cfg.Eps, "≥ 0")
	mustConfig(cfg.WeightDecay >= 0, op, "WeightDecay", cfg.WeightDecay, "≥ 0")
	cfg.Rho = defaultIfZero(cfg.Rho, 0.9)
	cfg.Eps = defaultIfZero(cfg.Eps, 1e-6)
	return &Adadelta{cfg: cfg}
}

// Config returns the optimizer's settings with defaults filled in.
func (o *Adadelta) Config() AdadeltaConfig { return o.cfg }

// Step updates every parameter in place from its Grad; lr multiplies the
// update (use 1.0 for the method as published). It panics if a parameter
// has no Grad, a Grad whose shape differs from its Value, or if params is
// not the list of the first Step.
func (o *Adadelta) Step(params []*Param, lr float64) {
	rho, eps, wd := o.cfg.Rho, o.cfg.Eps, o.cfg.WeightDecay
	o.st.begin("Adadelta.Step", params, 2)
	for k, p := range params {
		sqAvgs, accDeltas := o.st.bufs[0][k], o.st.bufs[1][k]
		eachRow(p, func(off int, w, g []float64) {
			sq, acc := sqAvgs[off:off+len(w)], accDeltas[off:off+len(w)]
			for j, gj := range g {
				if wd != 0 {
					gj += wd * w[j]
				}
				sq[j] = rho*sq[j] + (1-rho)*gj*gj
				delta := math.Sqrt(acc[j]+eps) / math.Sqrt(sq[j]+eps) * gj
				acc[j] = rho*acc[j] + (1-rho)*delta*delta
				w[j] -= lr * delta
			}
		})
	}
}

// RMSpropConfig configures RMSprop. The zero value gives PyTorch's
// defaults.
type RMSpropConfig struct {
	// Alpha in (0, 1] is the decay of the running average of squared
	// gradients; 0 means 0.99.
	Alpha float64
	// Eps > 0 keeps the division finite; 0 means 1e-8.
	Eps float64
	// WeightDecay λ ≥ 0 adds λ·w to the gradient (L2 regularisation).
	WeightDecay float64
	// Momentum μ ≥ 0 accumulates the scaled steps in a velocity. Default 0.
	Momentum float64
	// Centered divides by an estimate of the gradient's variance (the mean
	// of g² minus the square of the mean of g) instead of its raw second
	// moment.
	Centered bool
}

// RMSprop divides each element's step by a running root mean square of
// its gradients (Hinton's lecture 6e, 2012), as torch.optim.RMSprop:
//
//	g ← g + λ·w
//	s ← α·s + (1−α)·g²
//	m ← α·m + (1−α)·g,  d ← √(s − m²) + ε   (Centered)
//	                    d ← √s + ε           (otherwise)
//	b ← μ·b + g/d,  w ← w − η·b             (Momentum μ > 0)
//	                w ← w − η·g/d            (otherwise)
//
// PyTorch's default learning rate is 0.01.
type RMSprop struct {
	cfg RMSpropConfig
	st  paramState
}

var _ Optimizer = (*RMSprop)(nil)

// NewRMSprop returns an RMSprop optimizer. It panics if Alpha is outside
// [0, 1] or Eps, WeightDecay or Momentum is negative.
func NewRMSprop(cfg RMSpropConfig) *RMSprop {
	const op = "NewRMSprop"
	mustConfig(cfg.Alpha >= 0 && cfg.Alpha <= 1, op, "Alpha", cfg.Alpha, "in (0, 1] (0 means 0.99)")
	mustConfig(cfg.Eps >= 0, op, "Eps", cfg.Eps, "≥ 0")
	mustConfig(cfg.WeightDecay >= 0, op, "WeightDecay", cfg.WeightDecay, "≥ 0")
	mustConfig(cfg.Momentum >= 0, op, "Momentum", cfg.Momentum, "≥ 0")
	cfg.Alpha = defaultIfZero(cfg.Alpha, 0.99)
	cfg.Eps = defaultIfZero(cfg.Eps, 1e-8)
	return &RMSprop{cfg: cfg}
}

// Config returns the optimizer's settings with defaults filled in.
func (o *RMSprop) Config() RMSpropConfig { return o.cfg }

// Step updates every parameter in place from its Grad with learning rate
// lr. It panics if a parameter has no Grad, a Grad whose shape differs from
// its Value, or if params is not the list of the first Step.
func (o *RMSprop) Step(params []*Param, lr float64) {
	alpha, eps, wd, mu, centered := o.cfg.Alpha, o.cfg.Eps, o.cfg.WeightDecay, o.cfg.Momentum, o.cfg.Centered
	// Buffers: 0 squares, 1 velocity, 2 mean gradient; only those in use.
	nbuf := 1
	if mu > 0 {
		nbuf = 2
	}
	if centered {
		nbuf = 3
	}
	o.st.begin("RMSprop.Step", params, nbuf)
	for k, p := range params {
		sqAvgs := o.st.bufs[0][k]
		var vels, gradAvgs []float64
		if nbuf > 1 {
			vels = o.st.bufs[1][k]
		}
		if centered {
			gradAvgs = o.st.bufs[2][k]
		}
		eachRow(p, func(off int, w, g []float64) {
			for j, gj := range g {
				i := off + j
				if wd != 0 {
					gj += wd * w[j]
				}
				sqAvgs[i] = alpha*sqAvgs[i] + (1-alpha)*gj*gj
				var d float64
				if centered {
					gradAvgs[i] = alpha*gradAvgs[i] + (1-alpha)*gj
					d = math.Sqrt(sqAvgs[i]-gradAvgs[i]*gradAvgs[i]) + eps
				} else {
					d = math.Sqrt(sqAvgs[i]) + eps
				}
				if mu > 0 {
					vels[i] = mu*vels[i] + gj/d
					w[j] -= lr * vels[i]
				} else {
					w[j] -= lr * (gj / d)
				}
			}
		})
	}
}
