package backprop

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestSetBatch checks that a batch of consecutive rows is a view of the
// data, that other batches are copies, and that neither changes the data.
func TestSetBatch(t *testing.T) {
	x, y := MakeMoons(10, 0.1, 1)
	x0, y0 := mat.DenseCopyOf(x), mat.DenseCopyOf(y)
	tr := newTrainer(moonsNet(1), BCE{}, NewSGD(SGDConfig{}), 0.5)
	for _, c := range []struct {
		idx  []int
		view bool
	}{
		{[]int{3, 4, 5}, true},
		{[]int{7, 2, 9}, false},
		{[]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, true},
		{[]int{9}, true},
		{[]int{4, 6}, false},
		{[]int{8, 9}, true},
	} {
		tr.setBatch(x, y, c.idx)
		if !mat.Equal(tr.xb, TakeRows(nil, x, c.idx)) || !mat.Equal(tr.yb, TakeRows(nil, y, c.idx)) {
			t.Errorf("setBatch(%v): wrong rows", c.idx)
		}
		if got := &tr.xb.RawMatrix().Data[0] == &x.RawMatrix().Data[c.idx[0]*2]; got != c.view {
			t.Errorf("setBatch(%v): view %v, want %v", c.idx, got, c.view)
		}
	}
	if !mat.Equal(x, x0) || !mat.Equal(y, y0) {
		t.Error("setBatch changed the data")
	}
}

func TestConsecutive(t *testing.T) {
	for _, c := range []struct {
		idx  []int
		want bool
	}{{nil, false}, {[]int{5}, true}, {[]int{2, 3, 4}, true}, {[]int{2, 4}, false}, {[]int{3, 2}, false}} {
		if got := consecutive(c.idx); got != c.want {
			t.Errorf("consecutive(%v) = %v, want %v", c.idx, got, c.want)
		}
	}
}

// Fit's steps on a network of Linear layers overwrite stale gradients
// instead of clearing them first; the parameters must come out with the
// same bits as with ZeroGrad, on inputs with many zeros (scattered
// gradients) and with none (the fused kernel starting at zero), with
// every optimizer reading the gradients the same way.
func TestLazyClearSameBits(t *testing.T) {
	x, y := mnistLike(96, 5)
	x = x.Slice(0, 96, 0, 64).(*mat.Dense) // 64 inputs: whole quads of rows for the fused kernel
	for _, data := range []*mat.Dense{x, denseLike(x)} {
		var params [2][]float64
		for k, lazy := range []bool{false, true} {
			net := NewSequential(NewLinear("a", 64, 32, HeUniform, NewRand(3)), &ReLU{},
				NewLinear("b", 32, 10, GlorotUniform, NewRand(4)))
			tr := newTrainer(net, SparseCrossEntropyWithLogits{}, NewAdam(AdamConfig{}), 0.5)
			if !tr.lazyClear {
				t.Fatal("a network of Linear and ReLU layers does not clear its gradients lazily")
			}
			tr.lazyClear = lazy
			for _, idx := range Batches(rowIndices(96), 16) {
				tr.setBatch(data, y, idx)
				tr.step(tr.xb, tr.yb, 0.01)
			}
			for _, p := range net.Params() {
				if p.stale {
					t.Fatalf("%s is still marked stale after a step", p.Name)
				}
				params[k] = append(params[k], p.Value.RawMatrix().Data...)
				params[k] = append(params[k], p.Grad.RawMatrix().Data...)
			}
		}
		for i := range params[0] {
			if math.Float64bits(params[0][i]) != math.Float64bits(params[1][i]) {
				t.Fatalf("element %d: %v with ZeroGrad, %v with lazy clearing", i, params[0][i], params[1][i])
			}
		}
	}
}

// scaleLayer multiplies its input by a trainable scalar: a layer with a
// parameter that is not a Linear's.
type scaleLayer struct {
	p *Param
	x *mat.Dense
}

func (s *scaleLayer) Forward(x *mat.Dense) *mat.Dense {
	s.x = x
	var out mat.Dense
	out.Scale(s.p.Value.At(0, 0), x)
	return &out
}

func (s *scaleLayer) Backward(g *mat.Dense) *mat.Dense {
	s.p.Grad.Set(0, 0, s.p.Grad.At(0, 0)+mat.Sum(mulElem(g, s.x)))
	var dx mat.Dense
	dx.Scale(s.p.Value.At(0, 0), g)
	return &dx
}

func (s *scaleLayer) Params() []*Param { return []*Param{s.p} }

func mulElem(a, b *mat.Dense) *mat.Dense {
	var m mat.Dense
	m.MulElem(a, b)
	return &m
}

func TestLinearsOnly(t *testing.T) {
	lin := func() *Linear { return NewLinear("l", 2, 2, nil, NewRand(1)) }
	scale := &scaleLayer{p: &Param{Name: "s", Value: mat.NewDense(1, 1, []float64{2}), Grad: mat.NewDense(1, 1, nil)}}
	for _, c := range []struct {
		name  string
		model Layer
		want  bool
	}{
		{"Linear", lin(), true},
		{"Linear, ReLU, Linear", NewSequential(lin(), &ReLU{}, lin()), true},
		{"nested", NewSequential(NewSequential(lin(), &Tanh{}), lin()), true},
		{"a layer with its own parameter", NewSequential(lin(), scale), false},
		{"that layer alone", scale, false},
	} {
		if got := linearsOnly(c.model); got != c.want {
			t.Errorf("%s: linearsOnly = %v, want %v", c.name, got, c.want)
		}
	}
	// With such a layer, Fit still trains it: its gradient is cleared
	// before each step, not overwritten by a layer that does not know.
	x, y := MakeLinear(20, []float64{1, -1}, 0, 0, 1)
	net := NewSequential(NewLinear("l", 2, 1, nil, NewRand(1)), scale)
	if _, err := Fit(net, x, y, FitConfig{Epochs: 2, BatchSize: 5, LR: 0.01, NoShuffle: true}); err != nil {
		t.Fatal(err)
	}
	if scale.p.Value.At(0, 0) == 2 {
		t.Error("the scale parameter did not train")
	}
}

// The one-pass value and gradient of the softmax cross-entropy (which Grad
// also uses) must equal Value, and the gradient written out term by term,
// (exp(z − m)/Σ exp(z − m))/R minus 1/R at the label, bit for bit, so that
// Fit's results do not depend on which it calls.
func TestValueAndGradSameBits(t *testing.T) {
	rng := NewRand(8)
	const rows, cols = 37, 10
	pred := mat.NewDense(rows, cols, nil)
	target := mat.NewDense(rows, 1, nil)
	for i := 0; i < rows; i++ {
		for j := 0; j < cols; j++ {
			pred.Set(i, j, 20*rng.NormFloat64())
		}
		target.Set(i, 0, float64(rng.IntN(cols)))
	}
	var loss SparseCrossEntropyWithLogits
	got := mat.NewDense(rows, cols, nil)
	if v, w := loss.valueAndGrad(got, pred, target), loss.Value(pred, target); math.Float64bits(v) != math.Float64bits(w) {
		t.Errorf("value %v, Value %v", v, w)
	}
	inv := 1.0 / rows
	for i := 0; i < rows; i++ {
		z := pred.RawRowView(i)
		m := math.Inf(-1)
		for _, v := range z {
			m = math.Max(m, v)
		}
		e := make([]float64, cols)
		var sum float64
		for j, v := range z {
			e[j] = math.Exp(v - m)
			sum += e[j]
		}
		for j := range e {
			want := e[j] * (inv / sum)
			if j == int(target.At(i, 0)) {
				want -= inv
			}
			if g := got.At(i, j); math.Float64bits(g) != math.Float64bits(want) {
				t.Fatalf("gradient [%d,%d] is %v, want %v", i, j, g, want)
			}
		}
	}
}

// panicLayer passes its input through and panics in Backward.
type panicLayer struct{}

func (panicLayer) Forward(x *mat.Dense) *mat.Dense  { return x }
func (panicLayer) Backward(g *mat.Dense) *mat.Dense { panic("panicLayer: no backward") }
func (panicLayer) Params() []*Param                 { return nil }

// A panic in the backward pass leaves no gradient marked stale: a later
// Backward outside Fit adds to it as usual.
func TestLazyClearPanicLeavesNothingStale(t *testing.T) {
	x, y := MakeLinear(8, []float64{1, 2}, 0, 0, 1)
	lin := NewLinear("l", 2, 1, nil, NewRand(1))
	net := NewSequential(lin, panicLayer{}) // its backward runs before lin's
	func() {
		defer func() {
			if recover() == nil {
				t.Fatal("Fit did not panic")
			}
		}()
		Fit(net, x, y, FitConfig{Epochs: 1})
	}()
	for _, p := range net.Params() {
		if p.stale {
			t.Errorf("%s is still marked stale after the panic", p.Name)
		}
	}
}
