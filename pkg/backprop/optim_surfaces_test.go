package backprop

import (
	"math"
	"testing"
)

var testSurfaces = []Surface{Rosenbrock(), Beale(), IllConditionedBowl(10)}

// Each surface's Grad must match central finite differences of its F, and
// its minimum must be a zero of both.
func TestSurfaceGradients(t *testing.T) {
	for _, s := range testSurfaces {
		if f := s.F(s.MinX, s.MinY); f != 0 {
			t.Errorf("%s: F at the minimum (%v, %v) = %v, want 0", s.Name, s.MinX, s.MinY, f)
		}
		if dx, dy := s.Grad(s.MinX, s.MinY); dx != 0 || dy != 0 {
			t.Errorf("%s: Grad at the minimum = (%v, %v), want 0", s.Name, dx, dy)
		}
		for i := 0; i < 25; i++ {
			// Points spread over the window, including the start.
			x := s.XMin + (s.XMax-s.XMin)*float64(i%5+1)/6.5
			y := s.YMin + (s.YMax-s.YMin)*float64(i/5+1)/6.5
			if i == 0 {
				x, y = s.StartX, s.StartY
			}
			const h = 1e-6
			nx := (s.F(x+h, y) - s.F(x-h, y)) / (2 * h)
			ny := (s.F(x, y+h) - s.F(x, y-h)) / (2 * h)
			dx, dy := s.Grad(x, y)
			if e := math.Max(math.Abs(dx-nx), math.Abs(dy-ny)) / math.Max(1, math.Hypot(dx, dy)); e > 1e-6 {
				t.Errorf("%s at (%.3g, %.3g): Grad (%.8g, %.8g), finite differences (%.8g, %.8g)", s.Name, x, y, dx, dy, nx, ny)
			}
		}
	}
}

func TestSurfacePath(t *testing.T) {
	// Plain gradient descent on the bowl: x ← (1−η)x, y ← (1−ηκ)y.
	bowl := IllConditionedBowl(10)
	xs, ys := bowl.Path(NewSGD(SGDConfig{}), Constant(0.05), -4, 1, 20)
	if len(xs) != 21 || len(ys) != 21 || xs[0] != -4 || ys[0] != 1 {
		t.Fatalf("path of %d, %d points from (%v, %v), want 21 from (-4, 1)", len(xs), len(ys), xs[0], ys[0])
	}
	for i := range xs {
		wx, wy := -4*math.Pow(0.95, float64(i)), math.Pow(0.5, float64(i))
		if math.Abs(xs[i]-wx) > 1e-12 || math.Abs(ys[i]-wy) > 1e-12 {
			t.Fatalf("step %d: (%v, %v), want (%v, %v)", i, xs[i], ys[i], wx, wy)
		}
	}

	// Adam follows Rosenbrock's valley to the minimum.
	r := Rosenbrock()
	xs, ys = r.Path(NewAdam(AdamConfig{}), Constant(0.02), r.StartX, r.StartY, 3000)
	if x, y := xs[len(xs)-1], ys[len(ys)-1]; math.Hypot(x-1, y-1) > 0.05 {
		t.Errorf("Adam on Rosenbrock ends at (%.4f, %.4f), want near (1, 1)", x, y)
	}

	// Too large a rate diverges: the path stops at the last finite point.
	xs, ys = bowl.Path(NewSGD(SGDConfig{}), Constant(1), -4, 1, 5000)
	if len(xs) >= 5001 || len(xs) != len(ys) || math.IsInf(ys[len(ys)-1], 0) {
		t.Errorf("diverging path has %d points ending at (%v, %v), want fewer than 5001, all finite", len(xs), xs[len(xs)-1], ys[len(ys)-1])
	}
}

func TestSurfacePanics(t *testing.T) {
	mustPanic(t, func() { IllConditionedBowl(0) }, "kappa = 0")
	mustPanic(t, func() { Surface{}.Path(NewSGD(SGDConfig{}), Constant(1), 0, 0, 3) }, "need a Grad")
	mustPanic(t, func() { Rosenbrock().Path(NewSGD(SGDConfig{}), nil, 0, 0, 3) }, "schedule set false")
	mustPanic(t, func() { Rosenbrock().Path(NewSGD(SGDConfig{}), Constant(1), 0, 0, -1) }, "steps -1")
}
