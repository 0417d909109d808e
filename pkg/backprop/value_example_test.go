package backprop_test

import (
	"fmt"

	"github.com/deepdive-dl/backprop/pkg/backprop"
)

// One neuron with two inputs, worked by hand. The bias is chosen so that
// n = 0.8814 and o = tanh(n) = 1/√2, which makes the chain rule easy to
// follow on paper:
//
//	do/dn  = 1 - o² = 0.5
//	do/dw1 = x1 · do/dn = 2 · 0.5 = 1
//	do/dx1 = w1 · do/dn = -3 · 0.5 = -1.5
//	do/dw2 = x2 · do/dn = 0
//	do/db  = do/dn = 0.5
func ExampleValue() {
	x1 := backprop.NewValue(2, "x1")
	x2 := backprop.NewValue(0, "x2")
	w1 := backprop.NewValue(-3, "w1")
	w2 := backprop.NewValue(1, "w2")
	b := backprop.NewValue(6.8813735870195432, "b")

	n := x1.Mul(w1).Add(x2.Mul(w2)).Add(b).WithLabel("n")
	o := n.Tanh().WithLabel("o")
	o.Backward()

	fmt.Printf("n = %.4f, o = %.4f\n", n.Data, o.Data)
	for _, v := range []*backprop.Value{n, x1, w1, x2, w2, b} {
		fmt.Printf("do/d%-2s = %.4f\n", v.Label, v.Grad)
	}
	// Output:
	// n = 0.8814, o = 0.7071
	// do/dn  = 0.5000
	// do/dx1 = -1.5000
	// do/dw1 = 1.0000
	// do/dx2 = 0.5000
	// do/dw2 = 0.0000
	// do/db  = 0.5000
}

// A value used twice gets a gradient from each use: d(x·x)/dx = 2x.
func ExampleValue_Mul() {
	x := backprop.NewValue(3, "x")
	y := x.Mul(x)
	y.Backward()
	fmt.Println(y.Data, x.Grad)
	// Output: 9 6
}

// The gradients of a training step start from zero: ZeroGrad, then
// Backward. Without ZeroGrad, the parameters' gradients add up over calls.
func ExampleValue_ZeroGrad() {
	w := backprop.NewValue(0.5, "w")
	loss := w.Sub(backprop.NewValue(2, "target")).Pow(2) // (w - 2)²

	loss.Backward()
	fmt.Println("first pass: ", w.Grad)
	loss.Backward()
	fmt.Println("accumulated:", w.Grad)
	loss.ZeroGrad()
	loss.Backward()
	fmt.Println("after zero: ", w.Grad)
	// Output:
	// first pass:  -3
	// accumulated: -6
	// after zero:  -3
}

func ExampleValue_Graph() {
	x := backprop.NewValue(2, "x")
	w := backprop.NewValue(-0.5, "w")
	y := x.Mul(w).WithLabel("e").Add(backprop.NewValue(0.5, "b")).Tanh().WithLabel("y")
	y.Backward()

	g := y.Graph()
	fmt.Print(g)
	fmt.Println(len(g.Nodes), "nodes,", len(g.Edges), "edges")
	// Output:
	// #0 x  data=2  grad=-0.3932
	// #1 w  data=-0.5  grad=1.573
	// #2 e = * (#0, #1)  data=-1  grad=0.7864
	// #3 b  data=0.5  grad=0.7864
	// #4 = + (#2, #3)  data=-0.5  grad=0.7864
	// #5 y = tanh (#4)  data=-0.4621  grad=1
	// 6 nodes, 5 edges
}
