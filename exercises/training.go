package exercises

// TrainStep performs one step of gradient descent on a two-layer network
// that classifies the rows of x into K classes, and returns the loss before
// the update and the updated parameters.
//
// Shapes: x is N×D, labels has N entries in [0, K), w1 is D×H, b1 has H
// entries, w2 is H×K, b2 has K entries.
//
// Forward:
//
//	z1 = x·w1 + b1           (N×H)   b1 added to every row
//	a1 = sigmoid(z1)         (N×H)
//	z2 = a1·w2 + b2          (N×K)
//	loss = SoftmaxCrossEntropy(z2, labels)
//
// Backward, reusing your earlier exercises:
//
//	g2 = SoftmaxCrossEntropyGrad(z2, labels)
//	gA1, gW2, gB2 = DenseBackward(a1, w2, g2)
//	g1 = SigmoidBackward(z1, gA1)
//	_, gW1, gB1 = DenseBackward(x, w1, g1)
//
// Update every parameter with SGD: p ← p − lr · gP.
func TrainStep(x [][]float64, labels []int, w1 [][]float64, b1 []float64, w2 [][]float64, b2 []float64, lr float64) (
	loss float64, newW1 [][]float64, newB1 []float64, newW2 [][]float64, newB2 []float64) {
	panic("not implemented")
}
