package backprop

import (
	"testing"

	"gonum.org/v1/gonum/mat"
)

// Benchmarks of the training step, to compare with numpy and PyTorch.
//
//	W2: 2-16-16-1 tanh MLP with a sigmoid output and BCE, 1,000 two-moons
//	    points, plain SGD; one step of batch 32 (mini-batch) and of batch
//	    1,000 (full batch).
//	W1: 784-128-10 ReLU MLP with softmax cross-entropy on logits, 60,000
//	    MNIST-shaped synthetic inputs (80% zeros; "dense": the same inputs
//	    shifted so that none is 0), batch 64, SGD lr 0.1; one step, and one
//	    whole epoch through Fit.
//
// Run: go test ./pkg/backprop/ -run '^$' -bench 'W1|W2' -benchtime 2s
// bench/compare.sh runs the same workloads beside numpy and PyTorch.

// benchSteps runs b.N training steps over the batches of x, y in order,
// cycling, and reports microseconds per step. Each step is the loop a
// learner writes: forward, loss, zero + backward, update.
func benchSteps(b *testing.B, model Layer, loss Loss, x, y *mat.Dense, batch int, lr float64) {
	n, _ := x.Dims()
	batches := Batches(rowIndices(n), batch)
	opt, params := NewSGD(SGDConfig{}), model.Params()
	var xv, yv mat.Dense
	var g *mat.Dense
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		idx := batches[i%len(batches)]
		xb, yb := rowsView(&xv, x, idx[0], len(idx)), rowsView(&yv, y, idx[0], len(idx))
		pred := model.Forward(xb)
		_ = loss.Value(pred, yb)
		g = resize(g, len(idx), pred.RawMatrix().Cols)
		loss.Grad(g, pred, yb)
		ZeroGrad(params)
		model.Backward(g)
		opt.Step(params, lr)
		i++
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N), "µs/step")
}

func BenchmarkW2Step(b *testing.B) {
	x, y := MakeMoons(1000, 0.1, 1)
	for _, c := range []struct {
		name  string
		batch int
	}{{"batch32", 32}, {"full1000", 1000}} {
		b.Run(c.name, func(b *testing.B) {
			benchSteps(b, moonsNet(1), BCE{}, x, y, c.batch, 0.5)
		})
	}
}

// mnistLike returns n rows of 784 pixels in [0, 1], 80% of them zero, and
// random labels 0-9 (one column).
func mnistLike(n int, seed uint64) (x, y *mat.Dense) {
	rng := NewRand(seed)
	x = mat.NewDense(n, 784, nil)
	y = mat.NewDense(n, 1, nil)
	xd := x.RawMatrix().Data
	for i := range xd {
		if rng.Float64() < 0.2 {
			xd[i] = rng.Float64()
		}
	}
	for i := 0; i < n; i++ {
		y.Set(i, 0, float64(rng.IntN(10)))
	}
	return x, y
}

func w1Net(seed uint64) *Sequential {
	r := NewRand(seed)
	return NewSequential(NewLinear("dense1", 784, 128, HeUniform, r), &ReLU{}, NewLinear("dense2", 128, 10, GlorotUniform, r))
}

// denseLike returns x shifted by the mean pixel value of MNIST, 0.1307:
// the same information, and no entry left at 0.
func denseLike(x *mat.Dense) *mat.Dense {
	d := mat.DenseCopyOf(x)
	d.Apply(func(_, _ int, v float64) float64 { return v - 0.1307 }, d)
	return d
}

func BenchmarkW1Step(b *testing.B) {
	x, y := mnistLike(6400, 1)
	b.Run("sparse", func(b *testing.B) {
		benchSteps(b, w1Net(1), SparseCrossEntropyWithLogits{}, x, y, 64, 0.1)
	})
	b.Run("dense", func(b *testing.B) {
		benchSteps(b, w1Net(1), SparseCrossEntropyWithLogits{}, denseLike(x), y, 64, 0.1)
	})
}

func BenchmarkW1Epoch(b *testing.B) {
	x, y := mnistLike(60000, 1)
	b.Run("sparse", func(b *testing.B) { benchEpoch(b, x, y) })
	x = denseLike(x)
	b.Run("dense", func(b *testing.B) { benchEpoch(b, x, y) })
}

// benchEpoch trains the W1 network for one epoch per iteration.
func benchEpoch(b *testing.B, x, y *mat.Dense) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Fit(w1Net(1), x, y, FitConfig{Epochs: 1, BatchSize: 64, LR: 0.1, Loss: SparseCrossEntropyWithLogits{}}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(b.Elapsed().Seconds()/float64(b.N), "s/epoch")
}

// BenchmarkLinearForward compares Linear.Forward (product plus bias) with a
// bare gonum Dense.Mul for the products of W2 and W1.
func BenchmarkLinearForward(b *testing.B) {
	for _, c := range []struct {
		name         string
		r, k, n      int
		sparseInputs bool
	}{{"32x16x16", 32, 16, 16, false}, {"64x784x128", 64, 784, 128, false}, {"64x784x128-80%zeros", 64, 784, 128, true}} {
		var x *mat.Dense
		if c.sparseInputs {
			x, _ = mnistLike(c.r, 1)
		} else {
			x = randInput(c.r, c.k, 1)
		}
		l := NewLinear("d", c.k, c.n, nil, NewRand(1))
		b.Run(c.name+"/Linear", func(b *testing.B) {
			for b.Loop() {
				l.Forward(x)
			}
		})
		b.Run(c.name+"/DenseMul", func(b *testing.B) {
			out := mat.NewDense(c.r, c.n, nil)
			for b.Loop() {
				out.Mul(x, l.W.Value)
			}
		})
	}
}
