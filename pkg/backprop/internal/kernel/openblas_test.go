//go:build openblas

package kernel

import (
	"testing"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"

	"github.com/deepdive-dl/backprop/pkg/backprop/internal/openblas"
)

// TestLinearOpenBLAS checks, in the build with the tag openblas, that the
// products of a layer large enough for BLAS agree with the pure-Go kernels
// (useBLAS off) to rounding. Where the fused kernels run (useFMA), they
// keep the products: the test turns them off to reach BLAS.
func TestLinearOpenBLAS(t *testing.T) {
	if _, ok := blas64.Implementation().(openblas.Implementation); !ok || !useBLAS {
		t.Fatal("the openblas build does not route gonum's BLAS to OpenBLAS")
	}
	rng := newRand(1)
	random := func(r, c int) *mat.Dense {
		m := mat.NewDense(r, c, nil)
		for i := range m.RawMatrix().Data {
			m.RawMatrix().Data[i] = rng.NormFloat64()
		}
		return m
	}
	x, w, b, g := random(64, 784), random(784, 128), random(1, 128), random(64, 128)
	if useFMA && blasPays(64, 784, 128, 64*784) {
		t.Error("a dense product goes to BLAS although the fused kernels run")
	}
	run := func(blas bool) (out, dw, db, dx *mat.Dense) {
		defer func(oldBLAS, oldFMA bool) { useBLAS, useFMA = oldBLAS, oldFMA }(useBLAS, useFMA)
		useBLAS = blas
		if blas {
			useFMA = false
		}
		if !blasPays(64, 784, 128, 64*784) && blas {
			t.Fatal("a dense 64×784 by 784×128 product does not go to BLAS")
		}
		var k Linear
		out, dw, db, dx = mat.NewDense(64, 128, nil), mat.NewDense(784, 128, nil), mat.NewDense(1, 128, nil), mat.NewDense(64, 784, nil)
		k.XWPlusB(out, x, w, b)
		if k.ViaBLAS() != blas {
			t.Fatalf("with useBLAS %v, XWPlusB went through BLAS: %v", blas, k.ViaBLAS())
		}
		k.AddXTG(dw, x, g)
		k.AddColSums(db, g)
		k.GWT(dx, g, w)
		return out, dw, db, dx
	}
	oldFMA := useFMA
	useFMA = false
	if blasPays(64, 784, 128, 64*784/5) {
		t.Error("a product with 80% zeros goes to BLAS")
	}
	useFMA = oldFMA
	o1, w1, b1, x1 := run(true)
	o2, w2, b2, x2 := run(false)
	for _, c := range []struct {
		name string
		a, b *mat.Dense
	}{{"output", o1, o2}, {"dW", w1, w2}, {"db", b1, b2}, {"dx", x1, x2}} {
		if !mat.EqualApprox(c.a, c.b, 1e-9) {
			t.Errorf("%s differs between OpenBLAS and the Go kernels", c.name)
		}
	}
}
