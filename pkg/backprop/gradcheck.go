package backprop

import (
	"fmt"
	"math"
	"strings"

	"gonum.org/v1/gonum/mat"
)

// Gradient checking compares the gradients computed by Backward (analytic)
// with central finite differences (numeric):
//
//	dL/dθ ≈ (L(θ+h) - L(θ-h)) / 2h
//
// The error of this estimate shrinks like h², against h for the one-sided
// difference, which is why the central form is used. The two are compared
// with the relative error of the CS231n notes,
//
//	rel = |a - n| / max(|a|, |n|, Tiny)
//
// and the largest rel over all entries is reported. In float64:
//
//	rel < 1e-7           fine: the gradient is right
//	1e-7 ≤ rel ≤ 1e-4    suspicious: right only if the function has kinks
//	                     (ReLU at 0, max) near the checked point
//	rel > 1e-4           wrong: the backward pass has a bug
//
// Checks are slow (two forward passes per checked entry): use a few examples
// and small layers, or set GradCheck.Samples.

// Thresholds of the verdict of a gradient check; see GradCheckResult.Verdict.
const (
	GradCheckFine  = 1e-7
	GradCheckWrong = 1e-4
)

// GradCheck sets up a finite-difference gradient check. The zero value is
// ready to use; each zero field means its default.
type GradCheck struct {
	// Eps is the step h of the central difference. Default 1e-5: smaller
	// steps drown in rounding error (about 1e-16·|L|/h), larger ones in the
	// h² truncation error.
	Eps float64

	// Tiny is the floor of the denominator of the relative error, so that
	// two gradients that are both (nearly) zero do not divide 0 by 0.
	// Default 1e-8: below that, the difference between the two is at the
	// level of the rounding noise of the numeric estimate.
	Tiny float64

	// Samples, if positive, checks only that many entries of each tensor
	// (input and every parameter), chosen at random; 0 checks every entry.
	Samples int

	// Seed seeds the choice of samples and the random weights that Layer
	// uses to turn a layer's output into a single number.
	Seed uint64
}

// GradCheckResult is the outcome of a gradient check.
type GradCheckResult struct {
	MaxRelErr float64 // largest relative error over all checked entries
	Worst     string  // where it occurs: "dense1.W[0,3]", "input[2,1]", "pred[0,0]"
	Analytic  float64 // the gradient from Backward (or Loss.Grad) at Worst
	Numeric   float64 // the finite-difference estimate at Worst
	Checked   int     // number of entries compared

	// Tensors has one line per checked tensor, in order: the input (or
	// prediction), then each parameter.
	Tensors []TensorCheck
}

// TensorCheck is the part of a gradient check about one tensor.
type TensorCheck struct {
	Name      string
	MaxRelErr float64
	Checked   int
}

// Verdict returns "fine", "suspicious" or "wrong" for the largest relative
// error, with the thresholds GradCheckFine and GradCheckWrong. NaN is wrong.
func (r GradCheckResult) Verdict() string {
	switch {
	case r.MaxRelErr < GradCheckFine:
		return "fine"
	case r.MaxRelErr <= GradCheckWrong:
		return "suspicious"
	default:
		return "wrong"
	}
}

// String summarises the check on one line.
func (r GradCheckResult) String() string {
	return fmt.Sprintf("gradient check: max relative error %.2e at %s (analytic %.6g, numeric %.6g), %d entries: %s",
		r.MaxRelErr, r.Worst, r.Analytic, r.Numeric, r.Checked, r.Verdict())
}

// Report lists the largest relative error of each tensor, one per line,
// then the summary line.
func (r GradCheckResult) Report() string {
	var b strings.Builder
	for _, t := range r.Tensors {
		fmt.Fprintf(&b, "%-16s max rel error %.2e over %d entries\n", t.Name, t.MaxRelErr, t.Checked)
	}
	b.WriteString(r.String())
	return b.String()
}

// RelErr returns the relative error |a-n| / max(|a|, |n|, tiny) between an
// analytic gradient a and a numeric one n.
func RelErr(a, n, tiny float64) float64 {
	return math.Abs(a-n) / math.Max(math.Max(math.Abs(a), math.Abs(n)), tiny)
}

// CheckLayer checks l's gradients with the default GradCheck; see
// GradCheck.Layer.
func CheckLayer(l Layer, x *mat.Dense) GradCheckResult { return GradCheck{}.Layer(l, x) }

// CheckLoss checks loss.Grad with the default GradCheck; see GradCheck.Loss.
func CheckLoss(loss Loss, pred, target *mat.Dense) GradCheckResult {
	return GradCheck{}.Loss(loss, pred, target)
}

// CheckModel checks a whole network with its loss with the default
// GradCheck; see GradCheck.Model.
func CheckModel(model Layer, loss Loss, x, target *mat.Dense) GradCheckResult {
	return GradCheck{}.Model(model, loss, x, target)
}

// Layer checks the gradients of l with respect to its input x and to every
// parameter. A layer's output is a matrix, so the check uses the scalar
// L = Σ (output ⊙ R) with R a fixed random matrix (drawn from Seed): then
// dL/d(output) = R, which is what Backward receives. Random R rather than
// ones catches errors that a plain sum hides (Softmax rows sum to 1, so the
// gradient of their plain sum is zero whatever Backward does).
//
// x and the parameter values are perturbed in place and restored; the
// parameter gradients are left holding the analytic gradient.
//
// Layer panics if l panics on x.
func (c GradCheck) Layer(l Layer, x *mat.Dense) GradCheckResult {
	c = c.withDefaults()
	out := l.Forward(x)
	r, k := out.Dims()
	proj := mat.NewDense(r, k, nil)
	fillNormal(proj, 1, NewRand(c.Seed))
	objective := func() float64 { return mat.Sum(hadamard(l.Forward(x), proj)) }

	ZeroGrad(l.Params())
	dx := mat.DenseCopyOf(backwardInput(l, proj))
	return c.compare(objective, "input", x, dx, l.Params())
}

// hadamard returns a new matrix a ⊙ b (element-wise product).
func hadamard(a, b *mat.Dense) *mat.Dense {
	var m mat.Dense
	m.MulElem(a, b)
	return &m
}

// Loss checks loss.Grad against finite differences of loss.Value with
// respect to each entry of pred; target is not perturbed. pred is perturbed
// in place and restored.
//
// Loss panics if the loss panics on pred and target.
func (c GradCheck) Loss(loss Loss, pred, target *mat.Dense) GradCheckResult {
	c = c.withDefaults()
	r, k := pred.Dims()
	g := mat.NewDense(r, k, nil)
	loss.Grad(g, pred, target)
	objective := func() float64 { return loss.Value(pred, target) }
	return c.compare(objective, "pred", pred, g, nil)
}

// Model checks a network and its loss end to end: the objective is
// loss.Value(model.Forward(x), target), the analytic gradients come from
// loss.Grad followed by model.Backward, and the check covers x and every
// parameter. x and the parameter values are perturbed in place and
// restored; the parameter gradients are left holding the analytic gradient.
//
// Model panics if the model or the loss panic on x and target.
func (c GradCheck) Model(model Layer, loss Loss, x, target *mat.Dense) GradCheckResult {
	c = c.withDefaults()
	out := model.Forward(x)
	r, k := out.Dims()
	g := mat.NewDense(r, k, nil)
	loss.Grad(g, out, target)
	ZeroGrad(model.Params())
	dx := mat.DenseCopyOf(backwardInput(model, g))
	objective := func() float64 { return loss.Value(model.Forward(x), target) }
	return c.compare(objective, "input", x, dx, model.Params())
}

func (c GradCheck) withDefaults() GradCheck {
	if c.Eps == 0 {
		c.Eps = 1e-5
	}
	if c.Tiny == 0 {
		c.Tiny = 1e-8
	}
	return c
}

// compare estimates the gradient of objective with respect to each checked
// entry of in and of every parameter, and compares it with the analytic
// gradients inGrad and p.Grad.
func (c GradCheck) compare(objective func() float64, inName string, in, inGrad *mat.Dense, params []*Param) GradCheckResult {
	res := GradCheckResult{Worst: "nothing"}
	pick := NewRand(c.Seed + 1)
	check := func(name string, val, grad *mat.Dense) {
		r, k := val.Dims()
		t := TensorCheck{Name: name}
		entries := r * k
		if c.Samples > 0 && c.Samples < entries {
			entries = c.Samples
		}
		for e := 0; e < entries; e++ {
			idx := e
			if entries < r*k {
				idx = pick.IntN(r * k)
			}
			i, j := idx/k, idx%k
			orig := val.At(i, j)
			val.Set(i, j, orig+c.Eps)
			plus := objective()
			val.Set(i, j, orig-c.Eps)
			minus := objective()
			val.Set(i, j, orig)
			num := (plus - minus) / (2 * c.Eps)
			ana := grad.At(i, j)
			rel := RelErr(ana, num, c.Tiny)
			if math.IsNaN(rel) {
				rel = math.Inf(1)
			}
			t.Checked++
			t.MaxRelErr = math.Max(t.MaxRelErr, rel)
			if rel > res.MaxRelErr || res.Checked == 0 {
				res.MaxRelErr = rel
				res.Worst = fmt.Sprintf("%s[%d,%d]", name, i, j)
				res.Analytic, res.Numeric = ana, num
			}
			res.Checked++
		}
		res.Tensors = append(res.Tensors, t)
	}
	check(inName, in, inGrad)
	for _, p := range params {
		check(p.Name, p.Value, p.Grad)
	}
	objective() // leave the layers' caches as after a forward pass at the original point
	return res
}
