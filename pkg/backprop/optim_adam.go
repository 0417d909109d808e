package backprop

import "math"

// AdamConfig configures Adam and AdamW. The zero value gives PyTorch's
// defaults (for AdamW, including its weight decay of 0.01).
type AdamConfig struct {
	// Beta1 in [0, 1) is the decay of the running mean of gradients
	// (momentum); 0 means 0.9. Some recipes (GANs) want β₁ = 0 exactly:
	// ask for it with any negative value.
	Beta1 float64
	// Beta2 in (0, 1) is the decay of the running mean of squared
	// gradients; 0 means 0.999.
	Beta2 float64
	// Eps > 0 keeps the division finite; 0 means 1e-8.
	Eps float64
	// WeightDecay λ ≥ 0. Adam adds λ·w to the gradient (L2
	// regularisation, which then passes through the adaptive scaling);
	// AdamW instead shrinks w by η·λ directly ("decoupled" decay). For
	// Adam 0 means none; for AdamW 0 means 0.01 (AdamW without decay is
	// Adam).
	WeightDecay float64
	// AMSGrad divides by the largest second-moment estimate seen so far
	// instead of the current one, so the effective step never grows
	// (Reddi, Kale and Kumar, 2018).
	AMSGrad bool
}

// Adam keeps running means of the gradient and of its square per element
// and steps along their bias-corrected ratio (Kingma and Ba, 2015), as
// torch.optim.Adam. With t the step count from 1:
//
//	g ← g + λ·w
//	m ← β₁·m + (1−β₁)·g
//	v ← β₂·v + (1−β₂)·g²
//	v̂ ← max(v̂, v) if AMSGrad, else v̂ = v
//	w ← w − η/(1−β₁ᵗ) · m / (√v̂/√(1−β₂ᵗ) + ε)
//
// The bias corrections 1−βᵗ undo the pull of the zero start of m and v
// during the first steps. PyTorch's default learning rate is 0.001.
type Adam struct {
	cfg       AdamConfig
	decoupled bool // AdamW
	st        paramState
}

// AdamW is Adam with decoupled weight decay (Loshchilov and Hutter, 2019),
// as torch.optim.AdamW: before the Adam step of an unregularised gradient,
// every weight shrinks by the factor 1 − η·λ, so the decay does not pass
// through the adaptive scaling and acts the same on every weight.
type AdamW struct {
	adam Adam
}

var (
	_ Optimizer = (*Adam)(nil)
	_ Optimizer = (*AdamW)(nil)
)

// NewAdam returns an Adam optimizer. It panics if Beta1 is 1 or more,
// Beta2 is outside [0, 1), or Eps or WeightDecay is negative.
func NewAdam(cfg AdamConfig) *Adam {
	return &Adam{cfg: adamDefaults("NewAdam", cfg, 0)}
}

// NewAdamW returns an AdamW optimizer. It panics if Beta1 is 1 or more,
// Beta2 is outside [0, 1), or Eps or WeightDecay is negative.
func NewAdamW(cfg AdamConfig) *AdamW {
	return &AdamW{Adam{cfg: adamDefaults("NewAdamW", cfg, 1e-2), decoupled: true}}
}

// Config returns the optimizer's settings with defaults filled in. Beta1
// holds the value used, so a 0 there is a true 0.
func (o *AdamW) Config() AdamConfig { return o.adam.cfg }

// Step updates every parameter in place from its Grad with learning rate
// lr. It panics if a parameter has no Grad, a Grad whose shape differs from
// its Value, or if params is not the list of the first Step.
func (o *AdamW) Step(params []*Param, lr float64) { o.adam.Step(params, lr) }

// adamDefaults validates cfg and fills in the defaults; wd is the default
// weight decay.
func adamDefaults(op string, cfg AdamConfig, wd float64) AdamConfig {
	mustConfig(cfg.Beta1 < 1, op, "Beta1", cfg.Beta1, "< 1 (0 means 0.9, negative means 0)")
	mustConfig(cfg.Beta2 >= 0 && cfg.Beta2 < 1, op, "Beta2", cfg.Beta2, "in (0, 1) (0 means 0.999)")
	mustConfig(cfg.Eps >= 0, op, "Eps", cfg.Eps, "≥ 0")
	mustConfig(cfg.WeightDecay >= 0, op, "WeightDecay", cfg.WeightDecay, "≥ 0")
	cfg.Beta1 = zeroIfNegative(cfg.Beta1, 0.9)
	cfg.Beta2 = defaultIfZero(cfg.Beta2, 0.999)
	cfg.Eps = defaultIfZero(cfg.Eps, 1e-8)
	cfg.WeightDecay = defaultIfZero(cfg.WeightDecay, wd)
	return cfg
}

// Config returns the optimizer's settings with defaults filled in. Beta1
// holds the value used, so a 0 there is a true 0.
func (o *Adam) Config() AdamConfig { return o.cfg }

// Step updates every parameter in place from its Grad with learning rate
// lr. It panics if a parameter has no Grad, a Grad whose shape differs from
// its Value, or if params is not the list of the first Step.
func (o *Adam) Step(params []*Param, lr float64) {
	op := "Adam.Step"
	if o.decoupled {
		op = "AdamW.Step"
	}
	b1, b2, eps, wd, ams := o.cfg.Beta1, o.cfg.Beta2, o.cfg.Eps, o.cfg.WeightDecay, o.cfg.AMSGrad
	nbuf := 2
	if ams {
		nbuf = 3
	}
	o.st.begin(op, params, nbuf)
	t := float64(o.st.t)
	stepSize := lr / (1 - math.Pow(b1, t))
	bc2Sqrt := math.Sqrt(1 - math.Pow(b2, t))
	shrink := 1 - lr*wd // AdamW's decay factor
	for k, p := range params {
		ms, vs := o.st.bufs[0][k], o.st.bufs[1][k]
		var vmaxs []float64
		if ams {
			vmaxs = o.st.bufs[2][k]
		}
		eachRow(p, func(off int, w, g []float64) {
			for j, gj := range g {
				i := off + j
				if o.decoupled {
					w[j] *= shrink
				} else if wd != 0 {
					gj += wd * w[j]
				}
				ms[i] = b1*ms[i] + (1-b1)*gj
				vs[i] = b2*vs[i] + (1-b2)*gj*gj
				v := vs[i]
				if ams {
					vmaxs[i] = math.Max(vmaxs[i], v)
					v = vmaxs[i]
				}
				w[j] -= stepSize * (ms[i] / (math.Sqrt(v)/bc2Sqrt + eps))
			}
		})
	}
}
