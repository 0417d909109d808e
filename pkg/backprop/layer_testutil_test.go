package backprop

import (
	"math"

	"gonum.org/v1/gonum/mat"
)

// Small stand-ins used by the tests of layers and training, so that these
// tests depend only on the Loss and Optimizer interfaces.

// testMSE is the mean squared error averaged over every element:
// L = Σ (p-t)² / (rows·cols).
type testMSE struct{}

func (testMSE) Value(pred, target *mat.Dense) float64 {
	mustSameShape("testMSE.Value", pred, target)
	r, c := pred.Dims()
	var s float64
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			d := pred.At(i, j) - target.At(i, j)
			s += d * d
		}
	}
	return s / float64(r*c)
}

func (testMSE) Grad(dst, pred, target *mat.Dense) {
	mustSameShape("testMSE.Grad", pred, target)
	r, c := pred.Dims()
	pr, tr, dr := pred.RawMatrix(), target.RawMatrix(), dst.RawMatrix()
	scale := 2 / float64(r*c)
	for i := 0; i < r; i++ {
		ps, ts, ds := row(pr, i), row(tr, i), row(dr, i)
		for j := range ps {
			ds[j] = scale * (ps[j] - ts[j])
		}
	}
}

// testSoftmaxCE is softmax cross-entropy on logits with one column of
// class indices as target, averaged over rows.
type testSoftmaxCE struct{}

func (testSoftmaxCE) Value(pred, target *mat.Dense) float64 {
	r, _ := pred.Dims()
	pr := pred.RawMatrix()
	var s float64
	for i := 0; i < r; i++ {
		z := row(pr, i)
		m := math.Inf(-1)
		for _, v := range z {
			m = math.Max(m, v)
		}
		var sum float64
		for _, v := range z {
			sum += math.Exp(v - m)
		}
		s += m + math.Log(sum) - z[int(target.At(i, 0))]
	}
	return s / float64(r)
}

func (testSoftmaxCE) Grad(dst, pred, target *mat.Dense) {
	r, _ := pred.Dims()
	pr, dr := pred.RawMatrix(), dst.RawMatrix()
	for i := 0; i < r; i++ {
		z, d := row(pr, i), row(dr, i)
		m := math.Inf(-1)
		for _, v := range z {
			m = math.Max(m, v)
		}
		var sum float64
		for j, v := range z {
			d[j] = math.Exp(v - m)
			sum += d[j]
		}
		for j := range d {
			d[j] /= sum * float64(r)
		}
		d[int(target.At(i, 0))] -= 1 / float64(r)
	}
}

// testSGD is plain gradient descent: θ ← θ - lr·g.
type testSGD struct{}

func (testSGD) Step(params []*Param, lr float64) {
	for _, p := range params {
		v, g := p.Value.RawMatrix(), p.Grad.RawMatrix()
		for i := 0; i < v.Rows; i++ {
			vr, gr := row(v, i), row(g, i)
			for j := range vr {
				vr[j] -= float64(lr * gr[j])
			}
		}
	}
}

// randInput returns an r×c matrix of N(0,1) draws from seed, with no entry
// closer to 0 than 0.05 (so ReLU's kink is never inside a gradient check's
// step).
func randInput(r, c int, seed uint64) *mat.Dense {
	rng := NewRand(seed)
	m := mat.NewDense(r, c, nil)
	d := m.RawMatrix().Data
	for i := range d {
		v := rng.NormFloat64()
		for math.Abs(v) < 0.05 {
			v = rng.NormFloat64()
		}
		d[i] = v
	}
	return m
}
