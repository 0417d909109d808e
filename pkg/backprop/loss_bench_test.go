package backprop

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// benchmarkLoss measures one Value and one Grad, the work a training step
// asks of its loss.
func benchmarkLoss(b *testing.B, l Loss, pred, target *mat.Dense) {
	r, c := pred.Dims()
	dst := mat.NewDense(r, c, nil)
	b.ReportAllocs()
	for b.Loop() {
		l.Value(pred, target)
		l.Grad(dst, pred, target)
	}
}

// A 10-class classifier on a batch of 64, as on MNIST.
func BenchmarkCrossEntropyWithLogits64x10(b *testing.B) {
	pred, target := logitDistInputs(rand.New(rand.NewPCG(1, 1)), 64, 10)
	benchmarkLoss(b, CrossEntropyWithLogits{}, pred, target)
}

// A binary classifier on a batch of 32.
func BenchmarkBCE32x1(b *testing.B) {
	pred, target := probInputs(rand.New(rand.NewPCG(1, 1)), 32, 1)
	benchmarkLoss(b, BCE{}, pred, target)
}

// Every loss on a 64×10 batch.
func BenchmarkLosses64x10(b *testing.B) {
	rng := rand.New(rand.NewPCG(1, 1))
	for _, tc := range lossTestCases {
		pred, target := tc.inputs(rng, 64, 10)
		b.Run(fmt.Sprint(tc.loss), func(b *testing.B) { benchmarkLoss(b, tc.loss, pred, target) })
	}
}
