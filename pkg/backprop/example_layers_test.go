package backprop_test

import (
	"fmt"

	"github.com/deepdive-dl/backprop/pkg/backprop"
	"gonum.org/v1/gonum/mat"
)

// A dense layer by hand: y = x·W + b, then the three gradients of the
// backward pass.
func ExampleLinear() {
	l := backprop.NewLinear("dense1", 2, 3, backprop.Zeros, backprop.NewRand(1))
	l.W.Value.Copy(mat.NewDense(2, 3, []float64{
		1, 0, -1,
		2, 1, 0,
	}))
	l.B.Value.Copy(mat.NewDense(1, 3, []float64{0.5, 0.5, 0.5}))

	x := mat.NewDense(2, 2, []float64{
		1, 1,
		0, 2,
	})
	y := l.Forward(x)
	fmt.Printf("y =\n%v\n", mat.Formatted(y))

	dx := l.Backward(mat.NewDense(2, 3, []float64{1, 0, 0, 0, 1, 0})) // dL/dy
	fmt.Printf("dL/dx =\n%v\n", mat.Formatted(dx))
	fmt.Printf("dL/dW =\n%v\n", mat.Formatted(l.W.Grad))
	fmt.Printf("dL/db = %v\n", mat.Formatted(l.B.Grad))
	// Output:
	// y =
	// ⎡ 3.5   1.5  -0.5⎤
	// ⎣ 4.5   2.5   0.5⎦
	// dL/dx =
	// ⎡1  2⎤
	// ⎣0  1⎦
	// dL/dW =
	// ⎡1  0  0⎤
	// ⎣1  2  0⎦
	// dL/db = [1  1  0]
}

// Softmax turns each row of scores into probabilities.
func ExampleSoftmax() {
	s := &backprop.Softmax{}
	p := s.Forward(mat.NewDense(2, 3, []float64{
		1, 2, 3,
		1000, 1000, 1000, // would overflow e^x without subtracting the max
	}))
	fmt.Printf("%.4f\n", mat.Formatted(p))
	// Output:
	// ⎡0.0900  0.2447  0.6652⎤
	// ⎣0.3333  0.3333  0.3333⎦
}

// A network is a Sequential of layers; it is itself a Layer.
func ExampleSequential() {
	rng := backprop.NewRand(1)
	net := backprop.NewSequential(
		backprop.NewLinear("dense1", 2, 16, backprop.GlorotUniform, rng), &backprop.Tanh{},
		backprop.NewLinear("dense2", 16, 1, backprop.GlorotUniform, rng), &backprop.Sigmoid{},
	)
	fmt.Println(net)
	out := net.Forward(mat.NewDense(5, 2, nil))
	r, c := out.Dims()
	fmt.Printf("output %d×%d\n", r, c)
	// Output:
	// Sequential(
	//   Linear(dense1: 2→16)
	//   Tanh
	//   Linear(dense2: 16→1)
	//   Sigmoid
	// ) 65 parameters
	// output 5×1
}

// Checking a layer's gradients against finite differences.
func ExampleCheckLayer() {
	rng := backprop.NewRand(3)
	net := backprop.NewSequential(
		backprop.NewLinear("dense1", 3, 4, backprop.HeNormal, rng), backprop.NewLeakyReLU(0.1),
		backprop.NewLinear("dense2", 4, 2, backprop.GlorotNormal, rng), &backprop.Softmax{},
	)
	x := mat.NewDense(2, 3, []float64{0.5, -1.2, 0.3, 2.0, 0.7, -0.4})
	res := backprop.CheckLayer(net, x)
	fmt.Println(res.Verdict(), res.Checked, "entries")
	for _, t := range res.Tensors {
		fmt.Printf("%-9s fine: %v\n", t.Name, t.MaxRelErr < backprop.GradCheckFine)
	}
	// Output:
	// fine 32 entries
	// input     fine: true
	// dense1.W  fine: true
	// dense1.b  fine: true
	// dense2.W  fine: true
	// dense2.b  fine: true
}

// Glorot and He initialisers pick the scale of the weights from the
// layer's fan-in and fan-out; the same seed gives the same weights.
func ExampleInitializer() {
	a := backprop.NewLinear("a", 784, 128, backprop.HeNormal, backprop.NewRand(7))
	b := backprop.NewLinear("b", 784, 128, backprop.HeNormal, backprop.NewRand(7))
	fmt.Println("same weights:", mat.Equal(a.W.Value, b.W.Value))
	// Output:
	// same weights: true
}
