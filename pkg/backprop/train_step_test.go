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
	tr, err := newTrainer(moonsNet(1), x, y, FitConfig{Loss: BCE{}})
	if err != nil {
		t.Fatal(err)
	}
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
		tr.setBatch(c.idx)
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

// Fit's step is the loop a learner writes (forward, loss, zero +
// backward, update): the parameters come out with the same bits, on inputs
// with many zeros (listed products) and with none (dense products), with
// a layer of the learner's own in the network.
func TestFitIsThePlainLoop(t *testing.T) {
	x, y := mnistLike(96, 5)
	x = x.Slice(0, 96, 0, 64).(*mat.Dense)
	for _, data := range []*mat.Dense{x, denseLike(x)} {
		var params [2][]float64
		for k := range params {
			scale := &scaleLayer{p: &Param{Name: "s", Value: mat.NewDense(1, 1, []float64{2}), Grad: mat.NewDense(1, 1, nil)}}
			net := NewSequential(NewLinear("a", 64, 32, HeUniform, NewRand(3)), &ReLU{}, scale,
				NewLinear("b", 32, 10, GlorotUniform, NewRand(4)))
			opt, loss := NewAdam(AdamConfig{}), SparseCrossEntropyWithLogits{}
			if k == 0 {
				if _, err := Fit(net, data, y, FitConfig{Epochs: 1, BatchSize: 16, NoShuffle: true, LR: 0.01,
					Loss: loss, Optimizer: opt}); err != nil {
					t.Fatal(err)
				}
			} else {
				g := mat.NewDense(16, 10, nil)
				for _, idx := range Batches(rowIndices(96), 16) {
					xb, yb := TakeRows(nil, data, idx), TakeRows(nil, y, idx)
					pred := net.Forward(xb)
					loss.Grad(g, pred, yb)
					net.ZeroGrad()
					net.Backward(g)
					opt.Step(net.Params(), 0.01)
				}
			}
			for _, p := range net.Params() {
				params[k] = append(params[k], p.Value.RawMatrix().Data...)
				params[k] = append(params[k], p.Grad.RawMatrix().Data...)
			}
		}
		for i := range params[0] {
			if math.Float64bits(params[0][i]) != math.Float64bits(params[1][i]) {
				t.Fatalf("element %d: %v after Fit, %v after the plain loop", i, params[0][i], params[1][i])
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

// A layer with a parameter of its own trains in Fit like a Linear.
func TestFitTrainsOwnLayer(t *testing.T) {
	scale := &scaleLayer{p: &Param{Name: "s", Value: mat.NewDense(1, 1, []float64{2}), Grad: mat.NewDense(1, 1, nil)}}
	x, y := MakeLinear(20, []float64{1, -1}, 0, 0, 1)
	net := NewSequential(NewLinear("l", 2, 1, nil, NewRand(1)), scale)
	if _, err := Fit(net, x, y, FitConfig{Epochs: 2, BatchSize: 5, LR: 0.01, NoShuffle: true}); err != nil {
		t.Fatal(err)
	}
	if scale.p.Value.At(0, 0) == 2 {
		t.Error("the scale parameter did not train")
	}
}

// The gradient of the softmax cross-entropy must be the formula written out
// term by term, (exp(z − m)/Σ exp(z − m))/R minus 1/R at the label, bit for
// bit.
func TestSparseCrossEntropyGradBits(t *testing.T) {
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
	loss.Grad(got, pred, target)
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
