package solutions_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/deepdive-dl/backprop/pkg/backprop"
	"github.com/deepdive-dl/backprop/solutions"
	"gonum.org/v1/gonum/mat"
)

// mean returns the mean of f(i) over i < n.
func mean(n int, f func(i int) float64) float64 {
	sum := 0.0
	for i := range n {
		sum += f(i)
	}
	return sum / float64(n)
}

// TestMoreFiniteDifferences checks every new gradient against a central
// finite difference of the function it is the gradient of.
func TestMoreFiniteDifferences(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))

	// The tiny network of notebook 01, at random parameters.
	for range 3 {
		params, x, target := randVec(r, 9), randVec(r, 2), r.NormFloat64()
		_, grad := solutions.TinyNetBackward(params, x, target)
		closeFD(t, "TinyNetBackward", grad, numGrad(params, func() float64 {
			l, _ := solutions.TinyNetBackward(params, x, target)
			return l
		}))
	}

	// Local gradients of autograd operations: ∂(gradOut·op)/∂input.
	a, b, g := r.NormFloat64(), r.NormFloat64()+3, r.NormFloat64()
	in := []float64{a, b}
	ga, gb := solutions.MulBackward(a, b, g)
	closeFD(t, "MulBackward", []float64{ga, gb}, numGrad(in, func() float64 { return g * in[0] * in[1] }))
	ga, gb = solutions.DivBackward(a, b, g)
	closeFD(t, "DivBackward", []float64{ga, gb}, numGrad(in, func() float64 { return g * in[0] / in[1] }))
	for _, p := range []float64{2, -1.5, 0.5, 3} {
		base := []float64{1.7}
		closeFD(t, "PowBackward", []float64{solutions.PowBackward(base[0], p, g)},
			numGrad(base, func() float64 { return g * math.Pow(base[0], p) }))
	}
	base := []float64{a}
	closeFD(t, "ExpBackward", []float64{solutions.ExpBackward(a, g)}, numGrad(base, func() float64 { return g * math.Exp(base[0]) }))

	// The losses of notebook 02, written out here as the mean of their terms.
	pred, target := randVec(r, 7), randVec(r, 7)
	loss := func(term func(p, y float64) float64) func() float64 {
		return func() float64 { return mean(len(pred), func(i int) float64 { return term(pred[i], target[i]) }) }
	}
	closeFD(t, "MAEGrad", solutions.MAEGrad(pred, target), numGrad(pred, loss(func(p, y float64) float64 { return math.Abs(p - y) })))
	for _, delta := range []float64{1, 0.4} {
		huber := func(p, y float64) float64 {
			if e := math.Abs(p - y); e > delta {
				return delta * (e - delta/2)
			} else {
				return e * e / 2
			}
		}
		closeFD(t, "HuberGrad", solutions.HuberGrad(pred, target, delta), numGrad(pred, loss(huber)))
	}
	pos, posT := make([]float64, 7), make([]float64, 7)
	for i := range pos {
		pos[i], posT[i] = 3*r.Float64()-0.5, 3*r.Float64()
	}
	closeFD(t, "MSLEGrad", solutions.MSLEGrad(pos, posT), numGrad(pos, func() float64 {
		return mean(len(pos), func(i int) float64 { e := math.Log1p(pos[i]) - math.Log1p(posT[i]); return e * e })
	}))
	labels := []float64{1, -1, 1, 1, -1, -1, 1}
	scores := []float64{0.3, 0.2, 1.7, -2, -0.5, -1.4, 0.95}
	hinge := func(i int) float64 { return math.Max(0, 1-labels[i]*scores[i]) }
	closeFD(t, "HingeGrad", solutions.HingeGrad(scores, labels), numGrad(scores, func() float64 { return mean(7, hinge) }))
	closeFD(t, "SquaredHingeGrad", solutions.SquaredHingeGrad(scores, labels), numGrad(scores, func() float64 {
		return mean(7, func(i int) float64 { return hinge(i) * hinge(i) })
	}))
	p, y := flat([][]float64{{0.2, 0.5, 0.3}, {0.1, 0.1, 0.8}}), [][]float64{{0, 0.6, 0.4}, {0.3, 0.3, 0.4}}
	closeFD(t, "KLDivergenceGrad", flat(solutions.KLDivergenceGrad(rows(p, 3), y)), numGrad(p, func() float64 {
		sum := 0.0
		for i, row := range rows(p, 3) {
			for j, v := range row {
				if y[i][j] > 0 {
					sum += y[i][j] * (math.Log(y[i][j]) - math.Log(v))
				}
			}
		}
		return sum / 2
	}))
}

// TestTinyNetNotebookTable checks TinyNetBackward against the numbers of
// notebook 01's tables and against the library's autograd.
func TestTinyNetNotebookTable(t *testing.T) {
	params := []float64{0.4, -0.3, 0.2, 0.6, 0.1, -0.1, 0.7, -0.5, 0.2}
	x, target := []float64{1, 0.5}, 1.0
	loss, grad := solutions.TinyNetBackward(params, x, target)
	table := []float64{-0.1876, 0.1460, -0.0938, 0.0730, -0.1876, 0.1460, -0.7561, -0.5563, -1.1711}
	if math.Abs(loss-0.3429) > 0.5e-4 {
		t.Errorf("loss %v, the notebook's table says 0.3429", loss)
	}
	for i := range table {
		if math.Abs(grad[i]-table[i]) > 0.5e-4 {
			t.Errorf("grad[%d] = %v, the notebook's table says %v", i, grad[i], table[i])
		}
	}

	leaves := make([]*backprop.Value, 9)
	for i, p := range params {
		leaves[i] = backprop.NewValue(p, "")
	}
	x1, x2 := backprop.NewValue(x[0], ""), backprop.NewValue(x[1], "")
	h1 := x1.Mul(leaves[0]).Add(x2.Mul(leaves[2])).Add(leaves[4]).Sigmoid()
	h2 := x1.Mul(leaves[1]).Add(x2.Mul(leaves[3])).Add(leaves[5]).Sigmoid()
	l := h1.Mul(leaves[6]).Add(h2.Mul(leaves[7])).Add(leaves[8]).Sub(backprop.NewValue(target, "")).Pow(2)
	l.Backward()
	for i, leaf := range leaves {
		if math.Abs(leaf.Grad-grad[i]) > 1e-12 {
			t.Errorf("grad[%d] = %v, autograd says %v", i, grad[i], leaf.Grad)
		}
	}

	// The numeric gradient agrees with the chain rule for a small step,
	// and moves away from it as the step grows (its error is O(h²)).
	num := solutions.TinyNetNumericGrad(params, x, target, 1e-5)
	closeFD(t, "TinyNetNumericGrad", grad, num)
	coarse := solutions.TinyNetNumericGrad(params, x, target, 0.5)
	far := 0.0
	for i := range grad {
		far = math.Max(far, math.Abs(coarse[i]-grad[i]))
	}
	if far < 1e-4 {
		t.Errorf("with h = 0.5 the central difference is within %v of the gradient; a step that large should show its error", far)
	}
}

// TestEarlyStopping checks EarlyStopping on runs worked out by hand.
func TestEarlyStopping(t *testing.T) {
	for _, c := range []struct {
		name       string
		losses     []float64
		patience   int
		minDelta   float64
		stop, best int
	}{
		{"stops after two epochs without progress", []float64{1, 0.8, 0.7, 0.75, 0.72, 0.6}, 2, 0, 5, 3},
		{"patience never runs out", []float64{1, 0.8, 0.7, 0.75, 0.72, 0.6}, 3, 0, 6, 6},
		{"an equal loss is no improvement", []float64{0.5, 0.5, 0.5}, 2, 0, 3, 1},
		{"improvements smaller than minDelta do not count", []float64{1, 0.99, 0.98, 0.5}, 2, 0.05, 3, 1},
		{"patience 0 trains every epoch", []float64{1, 2, 3, 4}, 0, 0, 4, 1},
		{"one epoch", []float64{0.3}, 1, 0, 1, 1},
		{"patience 1", []float64{3, 2, 2.5, 1}, 1, 0, 3, 2},
	} {
		stop, best := solutions.EarlyStopping(c.losses, c.patience, c.minDelta)
		if stop != c.stop || best != c.best {
			t.Errorf("%s: stop %d, best %d; want %d and %d", c.name, stop, best, c.stop, c.best)
		}
	}
}

// TestInitializersMatchLibrary feeds the draws of a random source to
// GlorotUniform and HeNormal and the same source to the library's
// initializers: the weights must agree bit for bit.
func TestInitializersMatchLibrary(t *testing.T) {
	for _, shape := range [][2]int{{3, 2}, {1, 5}, {8, 8}} {
		in, out := shape[0], shape[1]
		draws := func(seed uint64, draw func(*rand.Rand) float64) [][]float64 {
			r := backprop.NewRand(seed)
			m := make([][]float64, in)
			for i := range m {
				m[i] = make([]float64, out)
				for j := range m[i] {
					m[i][j] = draw(r)
				}
			}
			return m
		}
		for name, c := range map[string]struct {
			sol  func([][]float64) [][]float64
			lib  backprop.Initializer
			draw func(*rand.Rand) float64
		}{
			"GlorotUniform": {solutions.GlorotUniform, backprop.GlorotUniform, (*rand.Rand).Float64},
			"HeNormal":      {solutions.HeNormal, backprop.HeNormal, (*rand.Rand).NormFloat64},
		} {
			got := c.sol(draws(7, c.draw))
			want := mat.NewDense(in, out, nil)
			c.lib(want, backprop.NewRand(7))
			for i := range in {
				for j := range out {
					if got[i][j] != want.At(i, j) {
						t.Errorf("%s %dx%d [%d][%d]: %v, the library gives %v", name, in, out, i, j, got[i][j], want.At(i, j))
					}
				}
			}
		}
	}
}

// TestMorePanics checks the documented panics of the new solutions.
func TestMorePanics(t *testing.T) {
	for name, f := range map[string]func(){
		"Neuron lengths":          func() { solutions.Neuron([]float64{1}, []float64{1, 2}, 0) },
		"TinyNetBackward params":  func() { solutions.TinyNetBackward(make([]float64, 8), []float64{1, 2}, 0) },
		"TinyNetNumericGrad h":    func() { solutions.TinyNetNumericGrad(make([]float64, 9), []float64{1, 2}, 0, 0) },
		"DivBackward zero":        func() { solutions.DivBackward(1, 0, 1) },
		"PowBackward negative":    func() { solutions.PowBackward(-2, 0.5, 1) },
		"MSLEGrad domain":         func() { solutions.MSLEGrad([]float64{-1}, []float64{0}) },
		"HuberGrad delta":         func() { solutions.HuberGrad([]float64{1}, []float64{0}, -1) },
		"HingeGrad label":         func() { solutions.HingeGrad([]float64{1}, []float64{0}) },
		"SquaredHingeGrad length": func() { solutions.SquaredHingeGrad([]float64{1}, []float64{1, -1}) },
		"KLDivergenceGrad shape":  func() { solutions.KLDivergenceGrad([][]float64{{1}}, [][]float64{{0.5, 0.5}}) },
		"AdagradStep lengths":     func() { solutions.AdagradStep([]float64{1}, []float64{1}, nil, 0.1, 1e-10) },
		"AdadeltaStep rho":        func() { solutions.AdadeltaStep(nil, nil, nil, nil, 1, 2, 1e-6) },
		"NesterovStep lengths":    func() { solutions.NesterovStep([]float64{1}, nil, nil, 0.1, 0.9) },
		"WarmUp step":             func() { solutions.WarmUp(0.1, 5, -1) },
		"OneCycle phases":         func() { solutions.OneCycle(0.1, 0.01, 25, 1e4, 10, 0) },
		"EarlyStopping empty":     func() { solutions.EarlyStopping(nil, 2, 0) },
		"GlorotUniform ragged":    func() { solutions.GlorotUniform([][]float64{{1, 2}, {3}}) },
	} {
		func() {
			defer func() {
				msg, _ := recover().(string)
				if len(msg) < 11 || msg[:11] != "solutions: " {
					t.Errorf("%s: panic %q, want a message starting with \"solutions: \"", name, msg)
				}
			}()
			f()
		}()
	}
}
