package backprop

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"
)

// valueOpTest is one operation under test: f builds the result from two
// leaves (unary operations ignore b), want is the forward rule written with
// the math package, and points are the (a, b) inputs to try.
type valueOpTest struct {
	name   string
	f      func(a, b *Value) *Value
	want   func(a, b float64) float64
	points [][2]float64
}

var valueOpTests = []valueOpTest{
	{"Add", (*Value).Add, func(a, b float64) float64 { return a + b }, [][2]float64{{2, -3}, {0.5, 0.25}}},
	{"Sub", (*Value).Sub, func(a, b float64) float64 { return a - b }, [][2]float64{{2, -3}, {-1.5, 4}}},
	{"Mul", (*Value).Mul, func(a, b float64) float64 { return a * b }, [][2]float64{{2, -3}, {-0.7, 0.4}}},
	{"Div", (*Value).Div, func(a, b float64) float64 { return a / b }, [][2]float64{{2, -3}, {1.5, 0.8}}},
	{"Neg", func(a, _ *Value) *Value { return a.Neg() }, func(a, _ float64) float64 { return -a }, [][2]float64{{2, 0}, {-0.3, 0}}},
	{"Pow2", func(a, _ *Value) *Value { return a.Pow(2) }, func(a, _ float64) float64 { return a * a }, [][2]float64{{-1.5, 0}, {0.8, 0}}},
	{"Pow3", func(a, _ *Value) *Value { return a.Pow(3) }, func(a, _ float64) float64 { return a * a * a }, [][2]float64{{-1.5, 0}, {0.8, 0}}},
	{"Pow-1", func(a, _ *Value) *Value { return a.Pow(-1) }, func(a, _ float64) float64 { return 1 / a }, [][2]float64{{-1.5, 0}, {0.8, 0}}},
	{"Pow0.5", func(a, _ *Value) *Value { return a.Pow(0.5) }, func(a, _ float64) float64 { return math.Sqrt(a) }, [][2]float64{{0.3, 0}, {2.5, 0}}},
	{"Exp", func(a, _ *Value) *Value { return a.Exp() }, func(a, _ float64) float64 { return math.Exp(a) }, [][2]float64{{-1, 0}, {0.5, 0}, {2, 0}}},
	{"Log", func(a, _ *Value) *Value { return a.Log() }, func(a, _ float64) float64 { return math.Log(a) }, [][2]float64{{0.3, 0}, {2, 0}}},
	{"Tanh", func(a, _ *Value) *Value { return a.Tanh() }, func(a, _ float64) float64 { return math.Tanh(a) }, [][2]float64{{-2, 0}, {0, 0}, {0.8814, 0}}},
	{"Sigmoid", func(a, _ *Value) *Value { return a.Sigmoid() }, func(a, _ float64) float64 { return 1 / (1 + math.Exp(-a)) }, [][2]float64{{-3, 0}, {0, 0}, {1.2, 0}}},
	{"ReLU", func(a, _ *Value) *Value { return a.ReLU() }, func(a, _ float64) float64 { return math.Max(0, a) }, [][2]float64{{-2, 0}, {0.7, 0}}},
	// Every operation at once, with x used several times.
	{"Composite", func(a, b *Value) *Value {
		e := a.Mul(b).Add(a.Pow(2)).Tanh()
		f := b.Sigmoid().Div(a.Exp().Add(NewValue(1, ""))).Log()
		return e.Sub(f.Neg()).Mul(a.Sub(b).ReLU())
	}, func(a, b float64) float64 {
		e := math.Tanh(a*b + a*a)
		f := math.Log((1 / (1 + math.Exp(-b))) / (math.Exp(a) + 1))
		return (e + f) * math.Max(0, a-b)
	}, [][2]float64{{0.9, -0.4}, {1.7, 0.2}}},
}

// centralDiff returns (f(x+h) - f(x-h)) / 2h for f built from fresh leaves.
func centralDiff(f func(a, b *Value) *Value, a, b float64, wrtA bool) float64 {
	const h = 1e-6
	eval := func(d float64) float64 {
		if wrtA {
			return f(NewValue(a+d, "a"), NewValue(b, "b")).Data
		}
		return f(NewValue(a, "a"), NewValue(b+d, "b")).Data
	}
	return (eval(h) - eval(-h)) / (2 * h)
}

// approxEqual reports whether got is within tol of want, relative for large
// magnitudes.
func approxEqual(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

func TestValueOps(t *testing.T) {
	for _, tc := range valueOpTests {
		for _, p := range tc.points {
			a, b := NewValue(p[0], "a"), NewValue(p[1], "b")
			out := tc.f(a, b)
			if want := tc.want(p[0], p[1]); !approxEqual(out.Data, want, 1e-12) {
				t.Errorf("%s(%v): forward %v, want %v", tc.name, p, out.Data, want)
			}
			out.Backward()
			if da := centralDiff(tc.f, p[0], p[1], true); !approxEqual(a.Grad, da, 1e-6) {
				t.Errorf("%s(%v): da %v, finite difference %v", tc.name, p, a.Grad, da)
			}
			if db := centralDiff(tc.f, p[0], p[1], false); !approxEqual(b.Grad, db, 1e-6) {
				t.Errorf("%s(%v): db %v, finite difference %v", tc.name, p, b.Grad, db)
			}
		}
	}
}

func TestValueSigmoidExtremes(t *testing.T) {
	for _, x := range []float64{-800, -40, 40, 800} {
		v := NewValue(x, "x")
		s := v.Sigmoid()
		s.Backward()
		if math.IsNaN(s.Data) || s.Data < 0 || s.Data > 1 || math.IsNaN(v.Grad) {
			t.Errorf("Sigmoid(%v) = %v, grad %v", x, s.Data, v.Grad)
		}
	}
}

// TestValueUsedTwice checks accumulation: a node that feeds several
// operations, or one operation twice, gets the sum of the contributions.
func TestValueUsedTwice(t *testing.T) {
	tests := []struct {
		name string
		f    func(x *Value) *Value
		want func(x float64) float64 // the derivative
	}{
		{"x*x", func(x *Value) *Value { return x.Mul(x) }, func(x float64) float64 { return 2 * x }},
		{"x+x", func(x *Value) *Value { return x.Add(x) }, func(float64) float64 { return 2 }},
		{"x-x", func(x *Value) *Value { return x.Sub(x) }, func(float64) float64 { return 0 }},
		{"x/x", func(x *Value) *Value { return x.Div(x) }, func(float64) float64 { return 0 }},
		{"x*x*x", func(x *Value) *Value { return x.Mul(x).Mul(x) }, func(x float64) float64 { return 3 * x * x }},
		{"(x+1)*(x-1)", func(x *Value) *Value {
			one := NewValue(1, "one")
			return x.Add(one).Mul(x.Sub(one))
		}, func(x float64) float64 { return 2 * x }},
		{"tanh(x)*x", func(x *Value) *Value { return x.Tanh().Mul(x) }, func(x float64) float64 {
			th := math.Tanh(x)
			return th + x*(1-th*th)
		}},
	}
	for _, tc := range tests {
		for _, x0 := range []float64{-1.3, 0.4, 3} {
			x := NewValue(x0, "x")
			tc.f(x).Backward()
			if want := tc.want(x0); !approxEqual(x.Grad, want, 1e-12) {
				t.Errorf("%s at %v: grad %v, want %v", tc.name, x0, x.Grad, want)
			}
		}
	}
}

// TestBackwardTwice checks that Backward after ZeroGrad gives the same
// gradients, and that without ZeroGrad the leaves accumulate while the
// interior nodes do not.
func TestBackwardTwice(t *testing.T) {
	x, w, b := NewValue(0.5, "x"), NewValue(-1.2, "w"), NewValue(0.3, "b")
	h := x.Mul(w).WithLabel("h")
	y := h.Add(b).Tanh().WithLabel("y")
	y.Backward()
	first := []float64{x.Grad, w.Grad, b.Grad, h.Grad, y.Grad}

	y.ZeroGrad()
	for _, v := range []*Value{x, w, b, h, y} {
		if v.Grad != 0 {
			t.Fatalf("after ZeroGrad %v", v)
		}
	}
	y.Backward()
	if second := []float64{x.Grad, w.Grad, b.Grad, h.Grad, y.Grad}; fmt.Sprint(second) != fmt.Sprint(first) {
		t.Errorf("Backward after ZeroGrad: %v, first pass %v", second, first)
	}

	y.Backward() // no ZeroGrad: leaves sum both passes
	for i, v := range []*Value{x, w, b} {
		if !approxEqual(v.Grad, 2*first[i], 1e-15) {
			t.Errorf("accumulated %s.Grad = %v, want %v", v.Label, v.Grad, 2*first[i])
		}
	}
	if h.Grad != first[3] || y.Grad != first[4] {
		t.Errorf("interior grads h=%v y=%v changed, want %v %v", h.Grad, y.Grad, first[3], first[4])
	}
}

// TestBackwardLongChain builds a chain of a million additions: a recursive
// topological sort would overflow or crawl; the iterative one must not.
func TestBackwardLongChain(t *testing.T) {
	const n = 1_000_000
	x := NewValue(0, "x")
	step := NewValue(0.5, "step")
	y := x
	for range n {
		y = y.Add(step)
	}
	y.Backward()
	if y.Data != n*0.5 || x.Grad != 1 || step.Grad != n {
		t.Errorf("chain of %d: data %v, dx %v, dstep %v; want %v, 1, %v", n, y.Data, x.Grad, step.Grad, n*0.5, float64(n))
	}
	if got := len(y.topo()); got != n+2 {
		t.Errorf("topo has %d nodes, want %d", got, n+2)
	}
}

func TestValuePanics(t *testing.T) {
	tests := []struct {
		name string
		f    func()
		want string
	}{
		{"Log negative", func() { NewValue(-0.5, "h").Log() }, `backprop: Log of non-positive value -0.5 (node "h")`},
		{"Log zero", func() { NewValue(0, "").Log() }, `backprop: Log of non-positive value 0 (unlabelled leaf)`},
		{"Log NaN", func() { NewValue(math.NaN(), "z").Log() }, `backprop: Log of non-positive value NaN (node "z")`},
		{"Log of result", func() { NewValue(1, "a").Neg().Log() }, `backprop: Log of non-positive value -1 (unlabelled node made by "neg")`},
		{"Pow negative base", func() { NewValue(-2, "x").Pow(0.5) }, `backprop: Pow of negative value -2 to non-integer power 0.5 (node "x")`},
		{"Pow zero negative", func() { NewValue(0, "x").Pow(-1) }, `backprop: Pow of zero to negative power -1 (node "x")`},
		{"Div zero", func() { NewValue(1, "a").Div(NewValue(0, "b")) }, `backprop: Div by zero: divisor node "b" is 0`},
		{"Sum empty", func() { Sum() }, `backprop: Sum of no values`},
	}
	for _, tc := range tests {
		got := panicOf(tc.f)
		if got != tc.want {
			t.Errorf("%s: panic %q, want %q", tc.name, got, tc.want)
		}
	}
}

// panicOf runs f and returns what it panicked with, or "" if it did not.
func panicOf(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

func TestPowNegativeBaseIntegerExponent(t *testing.T) {
	x := NewValue(-2, "x")
	y := x.Pow(3)
	y.Backward()
	if y.Data != -8 || x.Grad != 12 {
		t.Errorf("(-2)^3 = %v, grad %v; want -8, 12", y.Data, x.Grad)
	}
}

func TestSum(t *testing.T) {
	a, b, c := NewValue(1, "a"), NewValue(2, "b"), NewValue(3, "c")
	s := Sum(a, b, c, a)
	s.Backward()
	if s.Data != 7 || a.Grad != 2 || b.Grad != 1 || c.Grad != 1 {
		t.Errorf("Sum = %v, grads %v %v %v", s.Data, a.Grad, b.Grad, c.Grad)
	}
	if one := Sum(a); one != a {
		t.Errorf("Sum of one value should be that value")
	}
}

func TestValueString(t *testing.T) {
	for _, tc := range []struct {
		v    *Value
		want string
	}{
		{NewValue(2, "x"), "Value(x data=2 grad=0)"},
		{NewValue(2, ""), "Value(data=2 grad=0)"},
		{NewValue(2, "").Mul(NewValue(3, "")), "Value((*) data=6 grad=0)"},
	} {
		if got := tc.v.String(); got != tc.want {
			t.Errorf("String = %q, want %q", got, tc.want)
		}
	}
}

// TestValueGolden compares with PyTorch: testdata/golden_value.py computes
// the same expressions with torch.autograd.
func TestValueGolden(t *testing.T) {
	raw, err := os.ReadFile("testdata/golden_value.json")
	if err != nil {
		t.Fatal(err)
	}
	var golden []struct {
		Name   string
		Inputs map[string]float64
		Out    float64
		Grads  map[string]float64
	}
	if err := json.Unmarshal(raw, &golden); err != nil {
		t.Fatal(err)
	}
	exprs := map[string]func(in map[string]*Value) *Value{
		"neuron": func(in map[string]*Value) *Value {
			return Sum(in["x1"].Mul(in["w1"]), in["x2"].Mul(in["w2"]), in["b"]).Tanh()
		},
		"sigmoid_log": func(in map[string]*Value) *Value {
			p := in["x"].Mul(in["w"]).Add(in["b"]).Sigmoid()
			return p.Log().Neg()
		},
		"mixed": func(in map[string]*Value) *Value {
			a, b := in["a"], in["b"]
			return a.Pow(3).Sub(b.Exp()).Div(a.Mul(b).ReLU().Add(NewValue(1, ""))).Add(a.Mul(a))
		},
	}
	if len(golden) != len(exprs) {
		t.Fatalf("golden file has %d cases, test knows %d", len(golden), len(exprs))
	}
	for _, g := range golden {
		in := map[string]*Value{}
		for k, x := range g.Inputs {
			in[k] = NewValue(x, k)
		}
		out := exprs[g.Name](in)
		out.Backward()
		if !approxEqual(out.Data, g.Out, 1e-12) {
			t.Errorf("%s: %v, torch %v", g.Name, out.Data, g.Out)
		}
		for k, want := range g.Grads {
			if !approxEqual(in[k].Grad, want, 1e-12) {
				t.Errorf("%s: d/d%s = %v, torch %v", g.Name, k, in[k].Grad, want)
			}
		}
	}
}

func TestGraph(t *testing.T) {
	x, w := NewValue(2, "x"), NewValue(-3, "w")
	b := NewValue(1, "b")
	e := x.Mul(w).WithLabel("e")
	y := e.Add(b).Add(e).WithLabel("y") // e used twice
	y.Backward()
	g := y.Graph()

	if len(g.Nodes) != 6 || len(g.Edges) != 6 {
		t.Fatalf("graph has %d nodes, %d edges; want 6, 6\n%v", len(g.Nodes), len(g.Edges), g)
	}
	pos := map[string]int{}
	for i, n := range g.Nodes {
		if n.ID != i {
			t.Errorf("node %d has ID %d", i, n.ID)
		}
		if n.Label != "" {
			pos[n.Label] = i
		}
	}
	for _, ed := range g.Edges {
		if ed.From >= ed.To {
			t.Errorf("edge %v does not point forward in topological order", ed)
		}
	}
	if last := g.Nodes[len(g.Nodes)-1]; last.Label != "y" || last.Data != -11 || last.Grad != 1 {
		t.Errorf("last node %+v, want y data -11 grad 1", last)
	}
	if n := g.Nodes[pos["x"]]; n.Grad != -6 || n.Op != "" {
		t.Errorf("x node %+v, want grad -6 (dy/dx = 2w), no op", n)
	}
	if n := g.Nodes[pos["e"]]; n.Op != "*" || n.Grad != 2 {
		t.Errorf("e node %+v, want op * grad 2", n)
	}
	into := 0
	for _, ed := range g.Edges {
		if ed.From == pos["e"] {
			into++
		}
	}
	if into != 2 {
		t.Errorf("e has %d outgoing edges, want 2", into)
	}

	dot := g.DOT()
	for _, want := range []string{"digraph G {", "rankdir=LR", `label="*"`, "{ y | data -11.0000 | grad 1.0000 }"} {
		if !strings.Contains(dot, want) {
			t.Errorf("DOT lacks %q:\n%s", want, dot)
		}
	}
	if s := g.String(); !strings.Contains(s, " y = + (") {
		t.Errorf("String lacks the y line:\n%s", s)
	}
}

func TestDotEscape(t *testing.T) {
	if got, want := dotEscape(`a|b{c}"d"<e>`), `a\|b\{c\}\"d\"\<e\>`; got != want {
		t.Errorf("dotEscape = %s, want %s", got, want)
	}
}
