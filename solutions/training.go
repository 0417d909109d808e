package solutions

import "fmt"

// TrainStep performs one step of gradient descent on a two-layer network
// that classifies the rows of x into K classes:
//
//	z1 = x·w1 + b1       (N×H)   hidden pre-activation
//	a1 = sigmoid(z1)     (N×H)
//	z2 = a1·w2 + b2      (N×K)   logits
//	loss = SoftmaxCrossEntropy(z2, labels)
//
// then the backward pass, from the loss down (every step is an earlier
// exercise):
//
//	g2 = SoftmaxCrossEntropyGrad(z2, labels)
//	gA1, gW2, gB2 = DenseBackward(a1, w2, g2)
//	g1 = SigmoidBackward(z1, gA1)
//	_, gW1, gB1 = DenseBackward(x, w1, g1)
//
// and finally the SGD update of every parameter, p ← p − lr·gP. Shapes: x is
// N×D, w1 D×H, b1 H, w2 H×K, b2 K, labels N entries in [0, K). It returns
// the loss before the update and the updated parameters; the arguments are
// left unchanged. It panics if the shapes do not fit together.
func TrainStep(x [][]float64, labels []int, w1 [][]float64, b1 []float64, w2 [][]float64, b2 []float64, lr float64) (
	loss float64, newW1 [][]float64, newB1 []float64, newW2 [][]float64, newB2 []float64) {
	// Forward.
	z1 := denseForward("TrainStep layer 1", x, w1, b1)
	a1 := mapMatrix(z1, sigmoid)
	z2 := denseForward("TrainStep layer 2", a1, w2, b2)
	loss = SoftmaxCrossEntropy(z2, labels)

	// Backward.
	g2 := SoftmaxCrossEntropyGrad(z2, labels)
	gA1, gW2, gB2 := DenseBackward(a1, w2, g2)
	g1 := SigmoidBackward(z1, gA1)
	_, gW1, gB1 := DenseBackward(x, w1, g1)

	// Update.
	return loss, sgdMatrix(w1, gW1, lr), SGDStep(b1, gB1, lr), sgdMatrix(w2, gW2, lr), SGDStep(b2, gB2, lr)
}

// denseForward returns x·w + b, b added to every row.
func denseForward(what string, x, w [][]float64, b []float64) [][]float64 {
	n, in := dims(what+" x", x)
	wIn, out := dims(what+" w", w)
	if wIn != in || len(b) != out {
		panic(fmt.Sprintf("solutions: %s: x is %dx%d, w is %dx%d, b has %d entries; want N×in, in×out, out",
			what, n, in, wIn, out, len(b)))
	}
	y := zeros(n, out)
	for i := range n {
		for k := range out {
			sum := b[k]
			for j := range in {
				sum += x[i][j] * w[j][k]
			}
			y[i][k] = sum
		}
	}
	return y
}

// mapMatrix returns f applied to every entry of m.
func mapMatrix(m [][]float64, f func(float64) float64) [][]float64 {
	n, k := dims("mapMatrix", m)
	out := zeros(n, k)
	for i := range m {
		for j, v := range m[i] {
			out[i][j] = f(v)
		}
	}
	return out
}

// sgdMatrix applies SGDStep to every row of w.
func sgdMatrix(w, grad [][]float64, lr float64) [][]float64 {
	sameDims("sgdMatrix", w, grad)
	out := make([][]float64, len(w))
	for i := range w {
		out[i] = SGDStep(w[i], grad[i], lr)
	}
	return out
}
