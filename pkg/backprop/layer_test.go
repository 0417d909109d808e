package backprop

import (
	"encoding/json"
	"math"
	"os"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// goldenLayers mirrors testdata/golden_layers.json (see golden_layers.py).
type goldenLayers struct {
	Activations []struct {
		Name        string
		X, G, Y, DX [][]float64
	}
	Linear struct {
		X, W, B, G, Y, DX, DW, DB [][]float64
	}
	MLP struct {
		X, W1, B1, W2, B2, G, Y, DX, DW1, DB1, DW2, DB2 [][]float64
	}
}

func loadGoldenLayers(t *testing.T) goldenLayers {
	t.Helper()
	b, err := os.ReadFile("testdata/golden_layers.json")
	if err != nil {
		t.Fatal(err)
	}
	var g goldenLayers
	if err := json.Unmarshal(b, &g); err != nil {
		t.Fatal(err)
	}
	return g
}

// dense converts rows of a JSON array into a matrix.
func fromRows(rows [][]float64) *mat.Dense {
	m := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, r := range rows {
		m.SetRow(i, r)
	}
	return m
}

// assertMatClose fails if got and want differ in shape or by more than tol,
// relative to max(1, |want|), anywhere.
func assertMatClose(t *testing.T, what string, got mat.Matrix, want [][]float64, tol float64) {
	t.Helper()
	w := fromRows(want)
	if !sameShape(got, w) {
		t.Errorf("%s: shape %s, want %s", what, shapeString(got), shapeString(w))
		return
	}
	r, c := w.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			g, e := got.At(i, j), w.At(i, j)
			if !(math.Abs(g-e) <= tol*math.Max(1, math.Abs(e))) {
				t.Errorf("%s[%d,%d] = %.17g, want %.17g", what, i, j, g, e)
				return
			}
		}
	}
}

// activationCases maps the names used in golden_layers.py to constructors.
var activationCases = map[string]func() Layer{
	"Sigmoid":        func() Layer { return &Sigmoid{} },
	"Tanh":           func() Layer { return &Tanh{} },
	"ReLU":           func() Layer { return &ReLU{} },
	"LeakyReLU(0.1)": func() Layer { return NewLeakyReLU(0.1) },
	"Softmax":        func() Layer { return &Softmax{} },
	"Identity":       func() Layer { return Identity{} },
}

func TestActivationsMatchPyTorch(t *testing.T) {
	g := loadGoldenLayers(t)
	if len(g.Activations) != len(activationCases) {
		t.Fatalf("golden file has %d activations, the test knows %d", len(g.Activations), len(activationCases))
	}
	for _, c := range g.Activations {
		t.Run(c.Name, func(t *testing.T) {
			l := activationCases[c.Name]()
			assertMatClose(t, "y", l.Forward(fromRows(c.X)), c.Y, 1e-15)
			assertMatClose(t, "dx", l.Backward(fromRows(c.G)), c.DX, 1e-15)
		})
	}
}

// linearFrom returns a Linear layer holding the given weights.
func linearFrom(name string, w, b [][]float64) *Linear {
	l := NewLinear(name, len(w), len(w[0]), Zeros, NewRand(0))
	l.W.Value.Copy(fromRows(w))
	l.B.Value.Copy(fromRows(b))
	return l
}

func TestLinearMatchesPyTorch(t *testing.T) {
	g := loadGoldenLayers(t).Linear
	l := linearFrom("dense", g.W, g.B)
	assertMatClose(t, "y", l.Forward(fromRows(g.X)), g.Y, 1e-14)
	assertMatClose(t, "dx", l.Backward(fromRows(g.G)), g.DX, 1e-14)
	assertMatClose(t, "dW", l.W.Grad, g.DW, 1e-14)
	assertMatClose(t, "db", l.B.Grad, g.DB, 1e-14)
}

func TestSequentialMatchesPyTorch(t *testing.T) {
	g := loadGoldenLayers(t).MLP
	l1, l2 := linearFrom("dense1", g.W1, g.B1), linearFrom("dense2", g.W2, g.B2)
	net := NewSequential(l1, &Tanh{}, l2, &Softmax{})
	net.InputGrad = true
	assertMatClose(t, "y", net.Forward(fromRows(g.X)), g.Y, 1e-14)
	assertMatClose(t, "dx", net.Backward(fromRows(g.G)), g.DX, 1e-14)
	assertMatClose(t, "dW1", l1.W.Grad, g.DW1, 1e-14)
	assertMatClose(t, "db1", l1.B.Grad, g.DB1, 1e-14)
	assertMatClose(t, "dW2", l2.W.Grad, g.DW2, 1e-14)
	assertMatClose(t, "db2", l2.B.Grad, g.DB2, 1e-14)

	// Without InputGrad, and with BackwardParams, the same parameter
	// gradients, without dx; nested, the inner network gives dx.
	want := mat.DenseCopyOf(l1.W.Grad)
	for _, c := range []struct {
		name     string
		backward func() *mat.Dense
	}{
		{"Backward without InputGrad", func() *mat.Dense { net.InputGrad = false; return net.Backward(fromRows(g.G)) }},
		{"BackwardParams", func() *mat.Dense { net.BackwardParams(fromRows(g.G)); return nil }},
	} {
		net.ZeroGrad()
		net.Forward(fromRows(g.X))
		if dx := c.backward(); dx != nil {
			t.Errorf("%s returned dx", c.name)
		}
		if !mat.Equal(l1.W.Grad, want) {
			t.Errorf("%s: dW1 differs from Backward's", c.name)
		}
	}
	outer := NewSequential(&Identity{}, net)
	outer.InputGrad = true
	outer.Forward(fromRows(g.X))
	assertMatClose(t, "dx through a nested network", outer.Backward(fromRows(g.G)), g.DX, 1e-14)
}

// layerGradCases lists every layer kind with an input to check it on.
func layerGradCases() []struct {
	name string
	new  func() Layer
	x    *mat.Dense
} {
	rng := func() Layer { return NewLinear("dense", 4, 3, GlorotUniform, NewRand(1)) }
	return []struct {
		name string
		new  func() Layer
		x    *mat.Dense
	}{
		{"Linear", rng, randInput(5, 4, 2)},
		{"LinearHe", func() Layer { return NewLinear("he", 4, 6, HeNormal, NewRand(3)) }, randInput(5, 4, 4)},
		{"Sigmoid", func() Layer { return &Sigmoid{} }, randInput(5, 4, 5)},
		{"Tanh", func() Layer { return &Tanh{} }, randInput(5, 4, 6)},
		{"ReLU", func() Layer { return &ReLU{} }, randInput(5, 4, 7)},
		{"LeakyReLU", func() Layer { return NewLeakyReLU(0.01) }, randInput(5, 4, 8)},
		{"Softmax", func() Layer { return &Softmax{} }, randInput(5, 4, 9)},
		{"Identity", func() Layer { return Identity{} }, randInput(5, 4, 10)},
		{"Sequential", func() Layer {
			r := NewRand(11)
			return NewSequential(NewLinear("d1", 4, 6, HeUniform, r), NewLeakyReLU(0.1),
				NewLinear("d2", 6, 5, GlorotNormal, r), &Tanh{},
				NewSequential(NewLinear("d3", 5, 3, GlorotUniform, r), &Softmax{}))
		}, randInput(7, 4, 12)},
	}
}

func TestLayerGradients(t *testing.T) {
	for _, c := range layerGradCases() {
		t.Run(c.name, func(t *testing.T) {
			res := CheckLayer(c.new(), c.x)
			t.Logf("%s: %v", c.name, res)
			if res.MaxRelErr >= GradCheckFine {
				t.Errorf("%s\n%s", c.name, res.Report())
			}
			if res.Checked == 0 {
				t.Errorf("nothing checked")
			}
		})
	}
}

func TestModelGradients(t *testing.T) {
	r := NewRand(5)
	net := NewSequential(NewLinear("d1", 3, 8, GlorotUniform, r), &Tanh{},
		NewLinear("d2", 8, 4, GlorotUniform, r))
	x := randInput(6, 3, 1)
	onehot := mat.NewDense(6, 4, nil)
	labels := mat.NewDense(6, 1, nil)
	for i := 0; i < 6; i++ {
		onehot.Set(i, i%4, 1)
		labels.Set(i, 0, float64(i%4))
	}
	for _, c := range []struct {
		name   string
		loss   Loss
		target *mat.Dense
	}{
		{"mse", testMSE{}, onehot},
		{"softmax-ce", testSoftmaxCE{}, labels},
	} {
		t.Run(c.name, func(t *testing.T) {
			res := CheckModel(net, c.loss, x, c.target)
			t.Logf("%s: %v", c.name, res)
			if res.MaxRelErr >= GradCheckFine {
				t.Errorf("%s", res.Report())
			}
			if res := CheckLoss(c.loss, randInput(6, 4, 2), c.target); res.MaxRelErr >= GradCheckFine {
				t.Errorf("%s", res.Report())
			}
		})
	}
}

// badTanh has a wrong derivative (1-y instead of 1-y²): the check must see it.
type badTanh struct{ Tanh }

func (b *badTanh) Backward(g *mat.Dense) *mat.Dense {
	dx := mat.DenseCopyOf(b.Tanh.Backward(g))
	r, c := dx.Dims()
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			y := b.out.At(i, j)
			dx.Set(i, j, g.At(i, j)*(1-y))
		}
	}
	return dx
}

func TestGradCheckCatchesWrongGradient(t *testing.T) {
	res := CheckLayer(&badTanh{}, randInput(3, 3, 1))
	if res.Verdict() != "wrong" {
		t.Errorf("a wrong derivative passed the check: %v", res)
	}
	for _, want := range []string{"input[", "wrong"} {
		if !strings.Contains(res.String(), want) {
			t.Errorf("report %q does not mention %q", res.String(), want)
		}
	}
	// Sampling checks fewer entries and still sees the error.
	res = GradCheck{Samples: 3, Seed: 9}.Layer(&badTanh{}, randInput(3, 3, 1))
	if res.Checked != 3 || res.Verdict() != "wrong" {
		t.Errorf("sampled check: %d entries, verdict %s", res.Checked, res.Verdict())
	}
}

func TestGradCheckVerdict(t *testing.T) {
	for _, c := range []struct {
		rel  float64
		want string
	}{{0, "fine"}, {9e-8, "fine"}, {1e-7, "suspicious"}, {1e-4, "suspicious"}, {2e-4, "wrong"}, {math.Inf(1), "wrong"}} {
		if got := (GradCheckResult{MaxRelErr: c.rel}).Verdict(); got != c.want {
			t.Errorf("Verdict(%g) = %s, want %s", c.rel, got, c.want)
		}
	}
	if got := RelErr(0, 0, 1e-8); got != 0 {
		t.Errorf("RelErr(0, 0) = %g, want 0", got)
	}
	if got := RelErr(1, 3, 1e-8); got != 2.0/3 {
		t.Errorf("RelErr(1, 3) = %g, want 2/3", got)
	}
}

func TestInitializers(t *testing.T) {
	const in, out = 300, 200
	for _, c := range []struct {
		name    string
		init    Initializer
		std     float64
		uniform bool
	}{
		{"GlorotUniform", GlorotUniform, math.Sqrt(2.0 / (in + out)), true},
		{"GlorotNormal", GlorotNormal, math.Sqrt(2.0 / (in + out)), false},
		{"HeUniform", HeUniform, math.Sqrt(2.0 / in), true},
		{"HeNormal", HeNormal, math.Sqrt(2.0 / in), false},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := NewLinear("a", in, out, c.init, NewRand(42))
			b := NewLinear("b", in, out, c.init, NewRand(42))
			if !mat.Equal(a.W.Value, b.W.Value) {
				t.Fatal("same seed gave different weights")
			}
			if d := NewLinear("d", in, out, c.init, NewRand(43)); mat.Equal(a.W.Value, d.W.Value) {
				t.Fatal("different seeds gave the same weights")
			}
			if mat.Sum(a.B.Value) != 0 {
				t.Error("bias does not start at zero")
			}
			data := a.W.Value.RawMatrix().Data
			var sum, sq, maxAbs float64
			for _, v := range data {
				sum += v
				sq += v * v
				maxAbs = math.Max(maxAbs, math.Abs(v))
			}
			n := float64(len(data))
			std := math.Sqrt(sq/n - (sum/n)*(sum/n))
			if math.Abs(std/c.std-1) > 0.02 {
				t.Errorf("std %.5f, want %.5f", std, c.std)
			}
			if c.uniform && maxAbs > c.std*math.Sqrt(3) {
				t.Errorf("max |w| %.5f beyond the bound %.5f", maxAbs, c.std*math.Sqrt(3))
			}
		})
	}
}

// layerPanics fails unless f panics with a message containing every part.
func layerPanics(t *testing.T, name string, f func(), parts ...string) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		msg, _ := r.(string)
		if r == nil {
			t.Errorf("%s: no panic", name)
			return
		}
		if !strings.HasPrefix(msg, "backprop: ") {
			t.Errorf("%s: panic %q does not start with \"backprop: \"", name, msg)
		}
		for _, p := range parts {
			if !strings.Contains(msg, p) {
				t.Errorf("%s: panic %q does not mention %q", name, msg, p)
			}
		}
	}()
	f()
}

func TestLayerPanics(t *testing.T) {
	lin := func() *Linear { return NewLinear("dense1", 3, 2, nil, NewRand(1)) }
	layerPanics(t, "Forward wrong columns", func() { lin().Forward(mat.NewDense(4, 5, nil)) }, "dense1", "4×5", "3 columns")
	layerPanics(t, "Backward before Forward", func() { lin().Backward(mat.NewDense(4, 2, nil)) }, "before Forward")
	layerPanics(t, "Backward wrong shape", func() {
		l := lin()
		l.Forward(mat.NewDense(4, 3, nil))
		l.Backward(mat.NewDense(4, 3, nil))
	}, "4×3", "4×2")
	layerPanics(t, "NewLinear size", func() { NewLinear("x", 0, 2, nil, NewRand(1)) }, "in=0")
	layerPanics(t, "NewLinear rng", func() { NewLinear("x", 1, 2, nil, nil) }, "nil rng")
	layerPanics(t, "NewLeakyReLU", func() { NewLeakyReLU(-1) }, "alpha")
	layerPanics(t, "NewSequential", func() { NewSequential(&Tanh{}, nil) }, "layer 1")
	for name, newAct := range activationCases {
		if name == "Identity" {
			continue
		}
		layerPanics(t, name+" before Forward", func() { newAct().Backward(mat.NewDense(1, 1, nil)) }, "before Forward")
		layerPanics(t, name+" shape", func() {
			l := newAct()
			l.Forward(mat.NewDense(2, 3, nil))
			l.Backward(mat.NewDense(3, 2, nil))
		}, "3×2", "2×3")
	}
}

// TestLinearStridedInput feeds a view (stride > columns): the kernels must
// honour the stride.
func TestLinearStridedInput(t *testing.T) {
	l := NewLinear("d", 2, 3, nil, NewRand(1))
	big := randInput(4, 5, 3)
	view := big.Slice(1, 4, 1, 3).(*mat.Dense)
	var want mat.Dense
	want.Mul(view, l.W.Value)
	for i := 0; i < 3; i++ {
		want.SetRow(i, []float64{want.At(i, 0), want.At(i, 1), want.At(i, 2)})
	}
	if got := l.Forward(view); !mat.EqualApprox(got, &want, 1e-15) {
		t.Errorf("Forward on a view:\n%v\nwant\n%v", mat.Formatted(got), mat.Formatted(&want))
	}
}

// TestResizeReusesStorage checks the promise behind zero-allocation steps:
// shrinking and growing back within capacity allocates nothing.
func TestResizeReusesStorage(t *testing.T) {
	buf := resize(nil, 32, 16)
	allocs := testing.AllocsPerRun(10, func() {
		buf = resize(buf, 8, 16)
		buf = resize(buf, 32, 16)
		buf = resize(buf, 16, 32)
	})
	if allocs != 0 {
		t.Errorf("resize allocated %v times", allocs)
	}
	if r, c := buf.Dims(); r != 16 || c != 32 {
		t.Errorf("resize gave %d×%d", r, c)
	}
	if big := resize(buf, 64, 64); big == buf {
		t.Errorf("resize beyond capacity must return a new matrix")
	}
}

func TestSequentialParamsAndString(t *testing.T) {
	r := NewRand(1)
	net := NewSequential(NewLinear("dense1", 2, 16, nil, r), &Tanh{}, NewLinear("dense2", 16, 1, nil, r), &Sigmoid{})
	var names []string
	for _, p := range net.Params() {
		names = append(names, p.Name)
	}
	if got := strings.Join(names, " "); got != "dense1.W dense1.b dense2.W dense2.b" {
		t.Errorf("Params: %s", got)
	}
	want := "Sequential(\n  Linear(dense1: 2→16)\n  Tanh\n  Linear(dense2: 16→1)\n  Sigmoid\n) 65 parameters"
	if got := net.String(); got != want {
		t.Errorf("String:\n%s\nwant\n%s", got, want)
	}
}

// ownFirstLayer is a layer of a learner's own that can skip dL/dx: it
// counts which backward pass Sequential asks of it.
type ownFirstLayer struct {
	Identity
	backward, params int
}

func (o *ownFirstLayer) Backward(g *mat.Dense) *mat.Dense { o.backward++; return g }
func (o *ownFirstLayer) BackwardParams(*mat.Dense)        { o.params++ }

// Sequential asks a first layer that is a ParamBackwarder for its
// parameter gradients only, unless InputGrad; the other layers always run
// Backward.
func TestSequentialFirstLayerParamBackwarder(t *testing.T) {
	first, second := &ownFirstLayer{}, &ownFirstLayer{}
	net := NewSequential(first, second)
	g := mat.NewDense(1, 1, []float64{1})
	net.Forward(g)
	if dx := net.Backward(g); dx != nil || first.params != 1 || first.backward != 0 || second.backward != 1 {
		t.Errorf("without InputGrad: dx %v, first layer %d BackwardParams and %d Backward, second %d Backward; want nil, 1, 0, 1",
			dx, first.params, first.backward, second.backward)
	}
	net.InputGrad = true
	if dx := net.Backward(g); dx == nil || first.params != 1 || first.backward != 1 {
		t.Errorf("with InputGrad: dx %v, first layer %d BackwardParams and %d Backward; want dx, 1, 1", dx, first.params, first.backward)
	}
}
