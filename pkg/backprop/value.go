package backprop

import (
	"fmt"
	"math"
)

// Value is one scalar in a computation graph, with the gradient of some
// final result (usually a loss) with respect to it. It is the smallest
// possible autograd engine: every operation records its inputs and a
// closure that knows the operation's local derivative, and Backward replays
// those closures from the output back to the inputs, applying the chain
// rule.
//
// Values are built with NewValue (a leaf: an input or a weight) and by the
// operations below, which return a new Value and never change their
// operands:
//
//	x := NewValue(2, "x")
//	w := NewValue(-3, "w")
//	y := x.Mul(w).Add(NewValue(1, "b")).Tanh()
//	y.Backward() // now x.Grad = dy/dx, w.Grad = dy/dw
//
// A Value is not safe for concurrent use.
type Value struct {
	Data  float64 // result of the forward pass
	Grad  float64 // d(output)/d(this value), filled in by Backward
	Label string  // name shown in errors, String and graphs; may be empty
	Op    string  // operation that produced the value; "" for a leaf

	inputs []*Value // operands of Op, in order (the same Value may appear twice)
	// backward adds this node's contribution to the gradients of its
	// inputs: input.Grad += (local derivative) * out.Grad. Nil for a leaf.
	backward func()
}

// NewValue returns a leaf of the graph (an input or a parameter) holding
// data. The label names it in error messages and drawings; it may be "".
func NewValue(data float64, label string) *Value {
	return &Value{Data: data, Label: label}
}

// newOpValue returns the output node of op applied to inputs.
func newOpValue(data float64, op string, inputs ...*Value) *Value {
	return &Value{Data: data, Op: op, inputs: inputs}
}

// WithLabel sets v's label and returns v, so a result can be named where it
// is made: a.Mul(b).WithLabel("e").
func (v *Value) WithLabel(label string) *Value {
	v.Label = label
	return v
}

// Inputs returns the operands that v was computed from, in order; nil for a
// leaf. The slice is v's own: do not modify it.
func (v *Value) Inputs() []*Value { return v.inputs }

// String formats v as Value(label data=… grad=…).
func (v *Value) String() string {
	name := v.Label
	if name == "" && v.Op != "" {
		name = "(" + v.Op + ")"
	}
	if name != "" {
		name += " "
	}
	return fmt.Sprintf("Value(%sdata=%.4g grad=%.4g)", name, v.Data, v.Grad)
}

// describe names v for a panic message: its label, or its operation.
func (v *Value) describe() string {
	switch {
	case v.Label != "":
		return fmt.Sprintf("node %q", v.Label)
	case v.Op != "":
		return fmt.Sprintf("unlabelled node made by %q", v.Op)
	default:
		return "unlabelled leaf"
	}
}

// The operations. Each one computes its forward rule and installs, right
// beside it, the local gradient that Backward will use. Gradients are added
// (+=), never assigned: a value used twice, as in x.Mul(x), receives one
// contribution per use, which is exactly what the multivariable chain rule
// says.

// Add returns v + o.
//
//	forward: out = v + o     local gradients: dout/dv = 1, dout/do = 1
func (v *Value) Add(o *Value) *Value {
	out := newOpValue(v.Data+o.Data, "+", v, o)
	out.backward = func() {
		v.Grad += 1 * out.Grad
		o.Grad += 1 * out.Grad
	}
	return out
}

// Sub returns v - o.
//
//	forward: out = v - o     local gradients: dout/dv = 1, dout/do = -1
func (v *Value) Sub(o *Value) *Value {
	out := newOpValue(v.Data-o.Data, "-", v, o)
	out.backward = func() {
		v.Grad += 1 * out.Grad
		o.Grad += -1 * out.Grad
	}
	return out
}

// Mul returns v * o.
//
//	forward: out = v * o     local gradients: dout/dv = o, dout/do = v
func (v *Value) Mul(o *Value) *Value {
	out := newOpValue(v.Data*o.Data, "*", v, o)
	out.backward = func() {
		v.Grad += o.Data * out.Grad
		o.Grad += v.Data * out.Grad
	}
	return out
}

// Div returns v / o. It panics if o is zero.
//
//	forward: out = v / o     local gradients: dout/dv = 1/o, dout/do = -v/o²
func (v *Value) Div(o *Value) *Value {
	if o.Data == 0 {
		panic(fmt.Sprintf("backprop: Div by zero: divisor %s is 0", o.describe()))
	}
	out := newOpValue(v.Data/o.Data, "/", v, o)
	out.backward = func() {
		v.Grad += (1 / o.Data) * out.Grad
		o.Grad += (-v.Data / (o.Data * o.Data)) * out.Grad
	}
	return out
}

// Neg returns -v.
//
//	forward: out = -v        local gradient: dout/dv = -1
func (v *Value) Neg() *Value {
	out := newOpValue(-v.Data, "neg", v)
	out.backward = func() {
		v.Grad += -1 * out.Grad
	}
	return out
}

// Pow returns v raised to the constant power p. The exponent is a plain
// number, not a Value: no gradient flows to it. It panics where the real
// power is undefined: a negative base with a non-integer exponent, or a
// zero base with a negative exponent.
//
//	forward: out = vᵖ        local gradient: dout/dv = p·vᵖ⁻¹
func (v *Value) Pow(p float64) *Value {
	if v.Data < 0 && p != math.Trunc(p) {
		panic(fmt.Sprintf("backprop: Pow of negative value %g to non-integer power %g (%s)", v.Data, p, v.describe()))
	}
	if v.Data == 0 && p < 0 {
		panic(fmt.Sprintf("backprop: Pow of zero to negative power %g (%s)", p, v.describe()))
	}
	out := newOpValue(math.Pow(v.Data, p), fmt.Sprintf("^%g", p), v)
	out.backward = func() {
		v.Grad += p * math.Pow(v.Data, p-1) * out.Grad
	}
	return out
}

// Exp returns e^v.
//
//	forward: out = eᵛ        local gradient: dout/dv = eᵛ = out
func (v *Value) Exp() *Value {
	out := newOpValue(math.Exp(v.Data), "exp", v)
	out.backward = func() {
		v.Grad += out.Data * out.Grad
	}
	return out
}

// Log returns the natural logarithm of v. It panics if v is not positive.
//
//	forward: out = ln v      local gradient: dout/dv = 1/v
func (v *Value) Log() *Value {
	if !(v.Data > 0) { // also catches NaN
		panic(fmt.Sprintf("backprop: Log of non-positive value %g (%s)", v.Data, v.describe()))
	}
	out := newOpValue(math.Log(v.Data), "log", v)
	out.backward = func() {
		v.Grad += (1 / v.Data) * out.Grad
	}
	return out
}

// Tanh returns the hyperbolic tangent of v.
//
//	forward: out = tanh v    local gradient: dout/dv = 1 - out²
func (v *Value) Tanh() *Value {
	out := newOpValue(math.Tanh(v.Data), "tanh", v)
	out.backward = func() {
		v.Grad += (1 - out.Data*out.Data) * out.Grad
	}
	return out
}

// Sigmoid returns the logistic function 1/(1+e^-v).
//
//	forward: out = σ(v)      local gradient: dout/dv = out·(1 - out)
func (v *Value) Sigmoid() *Value {
	// Two algebraically equal forms, so that e^(±v) never overflows.
	s := 1 / (1 + math.Exp(-v.Data))
	if v.Data < 0 {
		e := math.Exp(v.Data)
		s = e / (1 + e)
	}
	out := newOpValue(s, "sigmoid", v)
	out.backward = func() {
		v.Grad += out.Data * (1 - out.Data) * out.Grad
	}
	return out
}

// ReLU returns max(0, v). Its derivative at exactly 0 is taken as 0, the
// usual convention (PyTorch does the same).
//
//	forward: out = max(0, v) local gradient: dout/dv = 1 if v > 0, else 0
func (v *Value) ReLU() *Value {
	out := newOpValue(math.Max(0, v.Data), "relu", v)
	out.backward = func() {
		if v.Data > 0 {
			v.Grad += out.Grad
		}
	}
	return out
}

// Sum returns vs[0] + vs[1] + …, built from Add, so the graph shows each
// addition. It panics if vs is empty.
func Sum(vs ...*Value) *Value {
	if len(vs) == 0 {
		panic("backprop: Sum of no values")
	}
	s := vs[0]
	for _, v := range vs[1:] {
		s = s.Add(v)
	}
	return s
}

// Backward computes the gradient of v with respect to every node it depends
// on. It sets dv/dv = 1 and walks the graph from v back to the leaves in
// reverse topological order, so each node has received every contribution
// to its gradient before it passes its own on.
//
// Leaves accumulate: Backward adds into their Grad, so gradients from
// several Backward calls (several examples) sum up, and a training step
// calls ZeroGrad before Backward to start from zero. Interior nodes are
// reset on each call and hold the gradients of the latest pass.
//
// The walk uses an explicit stack, not recursion, so graphs of millions of
// nodes work.
func (v *Value) Backward() {
	order := v.topo()
	for _, n := range order {
		if n.backward != nil {
			n.Grad = 0
		}
	}
	v.Grad += 1
	for i := len(order) - 1; i >= 0; i-- {
		if b := order[i].backward; b != nil {
			b()
		}
	}
}

// ZeroGrad sets Grad to 0 on v and on every node v depends on.
func (v *Value) ZeroGrad() {
	for _, n := range v.topo() {
		n.Grad = 0
	}
}

// topo returns every node v depends on, v included, in topological order:
// each node comes after all of its inputs, so v is last. It is a
// depth-first search with an explicit stack of (node, next input to visit)
// frames; a node is appended once all of its inputs are done (post-order).
func (v *Value) topo() []*Value {
	type frame struct {
		node *Value
		next int // index of the next input to visit
	}
	var order []*Value
	seen := map[*Value]bool{v: true}
	stack := []frame{{node: v}}
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		if top.next < len(top.node.inputs) {
			in := top.node.inputs[top.next]
			top.next++
			if !seen[in] {
				seen[in] = true
				stack = append(stack, frame{node: in})
			}
			continue
		}
		order = append(order, top.node)
		stack = stack[:len(stack)-1]
	}
	return order
}
