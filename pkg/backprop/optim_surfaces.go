package backprop

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/mat"
)

// Surface is a function of two variables with its gradient: a landscape
// on which to watch optimizers move, small enough to draw. Rosenbrock,
// Beale and IllConditionedBowl return the classic ones; any other can be
// written as a Surface literal.
type Surface struct {
	Name string
	F    func(x, y float64) float64
	Grad func(x, y float64) (dx, dy float64)
	// MinX, MinY is the global minimum.
	MinX, MinY float64
	// StartX, StartY is a customary start point for demonstrations.
	StartX, StartY float64
	// XMin … YMax frame the interesting region for a contour plot
	// (viz.SampleGrid(s.F, s.XMin, s.XMax, nx, s.YMin, s.YMax, ny)).
	XMin, XMax, YMin, YMax float64
}

// Rosenbrock returns Rosenbrock's banana function
//
//	f(x, y) = (1 − x)² + 100·(y − x²)²
//
// whose minimum f(1, 1) = 0 lies at the bottom of a long, curved, flat
// valley: finding the valley is easy, following it is slow for plain
// gradient descent. Start: (−1.2, 1).
func Rosenbrock() Surface {
	return Surface{
		Name: "Rosenbrock",
		F: func(x, y float64) float64 {
			a, b := 1-x, y-x*x
			return a*a + 100*b*b
		},
		Grad: func(x, y float64) (float64, float64) {
			b := y - x*x
			return -2*(1-x) - 400*x*b, 200 * b
		},
		MinX: 1, MinY: 1,
		StartX: -1.2, StartY: 1,
		XMin: -2, XMax: 2, YMin: -1, YMax: 3,
	}
}

// Beale returns Beale's function
//
//	f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²
//
// with minimum f(3, 0.5) = 0, flat plateaus and steep walls: gradients
// differ in size by orders of magnitude from place to place, which is what
// adaptive optimizers are for. Start: (1, 1.5).
func Beale() Surface {
	return Surface{
		Name: "Beale",
		F: func(x, y float64) float64 {
			a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
			return a*a + b*b + c*c
		},
		Grad: func(x, y float64) (float64, float64) {
			a, b, c := 1.5-x+x*y, 2.25-x+x*y*y, 2.625-x+x*y*y*y
			dx := 2*a*(y-1) + 2*b*(y*y-1) + 2*c*(y*y*y-1)
			dy := 2*a*x + 2*b*2*x*y + 2*c*3*x*y*y
			return dx, dy
		},
		MinX: 3, MinY: 0.5,
		StartX: 1, StartY: 1.5,
		XMin: -4.5, XMax: 4.5, YMin: -4.5, YMax: 4.5,
	}
}

// IllConditionedBowl returns the quadratic bowl
//
//	f(x, y) = (x² + κ·y²) / 2
//
// with minimum f(0, 0) = 0. Its curvature is κ times larger along y than
// along x (κ is the condition number): gradient descent must use a rate
// below 2/κ to stay stable along y, and then crawls along x. Momentum
// and per-coordinate scaling (RMSprop, Adam) are the cures. Start: (−4, 1).
//
// It panics if kappa is not positive and finite.
func IllConditionedBowl(kappa float64) Surface {
	if !(kappa > 0) || math.IsInf(kappa, 1) {
		panic(fmt.Sprintf("backprop: IllConditionedBowl: kappa = %v, want > 0", kappa))
	}
	return Surface{
		Name:   fmt.Sprintf("bowl κ=%g", kappa),
		F:      func(x, y float64) float64 { return (x*x + kappa*y*y) / 2 },
		Grad:   func(x, y float64) (float64, float64) { return x, kappa * y },
		StartX: -4, StartY: 1,
		XMin: -5, XMax: 5, YMin: -2, YMax: 2,
	}
}

// Path runs opt on s from (x0, y0) for the given number of steps, at the
// rates of lr, and returns the points visited: xs[0], ys[0] is the start,
// xs[i], ys[i] the point after step i. If the iteration diverges (a
// coordinate or gradient becomes NaN or infinite) the path stops at the
// last finite point, so it has fewer than steps+1 points.
//
// opt should be new: its state is tied to the one parameter Path makes.
//
// It panics if s has no Grad, lr is nil or steps is negative.
func (s Surface) Path(opt Optimizer, lr Schedule, x0, y0 float64, steps int) (xs, ys []float64) {
	if s.Grad == nil || lr == nil || steps < 0 {
		panic(fmt.Sprintf("backprop: Surface.Path: need a Grad, a schedule and steps ≥ 0 (Grad set %v, schedule set %v, steps %d)", s.Grad != nil, lr != nil, steps))
	}
	p := &Param{Name: "xy", Value: mat.NewDense(1, 2, []float64{x0, y0}), Grad: mat.NewDense(1, 2, nil)}
	params := []*Param{p}
	w, g := p.Value.RawMatrix().Data, p.Grad.RawMatrix().Data
	xs, ys = make([]float64, 1, steps+1), make([]float64, 1, steps+1)
	xs[0], ys[0] = x0, y0
	finite := func(v []float64) bool {
		return !math.IsNaN(v[0]) && !math.IsInf(v[0], 0) && !math.IsNaN(v[1]) && !math.IsInf(v[1], 0)
	}
	for i := 0; i < steps; i++ {
		g[0], g[1] = s.Grad(w[0], w[1])
		if !finite(g) {
			break
		}
		opt.Step(params, lr(i))
		if !finite(w) {
			break
		}
		xs, ys = append(xs, w[0]), append(ys, w[1])
	}
	return xs, ys
}
