package viz

import (
	"encoding/json"
	"math"
	"testing"
)

// thinPath keeps the shape of a path at a thousandth of the surface's
// extent: every dropped point lies within that of the point kept before
// it, ends and breaks are kept, and a path whose steps are all visible
// keeps every point.
func TestThinPath(t *testing.T) {
	surface := SampleGrid(func(x, y float64) float64 { return x*x + y*y }, -2, 2, 5, -1, 1, 5)
	epsX, epsY := 4.0/1000, 2.0/1000
	creep := Series{Name: "creep"} // ever smaller steps towards (1, 0.5): most under a pixel
	zigzag := Series{Name: "zigzag"}
	for i := 0; i < 1000; i++ {
		d := math.Pow(0.99, float64(i))
		creep.X, creep.Y = append(creep.X, 1+d), append(creep.Y, 0.5+d/2)
		zigzag.X = append(zigzag.X, -2+4*float64(i)/999)
		zigzag.Y = append(zigzag.Y, 0.5*float64(1-2*(i%2)))
	}
	broken := Series{Name: "broken", X: []float64{0, 1e-6, 2e-6, math.NaN(), 3e-6, 4e-6, 5e-6},
		Y: []float64{0, 0, 0, 0, 0, 0, 0}}
	for _, c := range []struct {
		p        Series
		maxKept  int
		keepAll  bool
		mustKeep []int
	}{
		{creep, 250, false, []int{0, 999}},
		{zigzag, 1000, true, nil},
		{broken, 7, false, []int{0, 2, 3, 4, 6}},
	} {
		got := thinPath(c.p, surface)
		if len(got.X) > c.maxKept || (c.keepAll && len(got.X) != len(c.p.X)) {
			t.Errorf("%s: %d of %d points kept", c.p.Name, len(got.X), len(c.p.X))
		}
		// Walk the original: each point is kept, or close to the last kept.
		k := 0
		kept := map[int]bool{}
		for i := range c.p.X {
			same := func(a, b float64) bool { return a == b || (math.IsNaN(a) && math.IsNaN(b)) }
			if k < len(got.X) && same(got.X[k], c.p.X[i]) && same(got.Y[k], c.p.Y[i]) {
				kept[i] = true
				k++
				continue
			}
			last := got.X[k-1]
			if math.Abs(c.p.X[i]-last) > epsX || math.Abs(c.p.Y[i]-got.Y[k-1]) > epsY {
				t.Fatalf("%s: point %d (%v, %v) dropped, far from the kept (%v, %v)", c.p.Name, i, c.p.X[i], c.p.Y[i], last, got.Y[k-1])
			}
		}
		if k != len(got.X) {
			t.Fatalf("%s: the kept points are not a subsequence of the path", c.p.Name)
		}
		for _, i := range c.mustKeep {
			if !kept[i] {
				t.Errorf("%s: point %d not kept", c.p.Name, i)
			}
		}
	}
	// The chart carries the thinned path.
	c := OptimizerPaths(Options{}, surface, creep)
	if n := len(c.MultiSeries[1].Data.([][2]interface{})); n > 250 {
		t.Errorf("the chart's path has %d points", n)
	}
}

// roundPath moves no point by more than half a ten-thousandth of the
// surface's extent, and the chart's numbers are short.
func TestRoundPath(t *testing.T) {
	surface := SampleGrid(func(x, y float64) float64 { return x*x + y*y }, -2, 2, 5, -300, 300, 5)
	p := Series{Name: "p", X: []float64{-1.2, 0.123456789, math.NaN(), 1.9999999}, Y: []float64{1, -123.456789, 0, 299.99}}
	got := roundPath(p, surface)
	for i := range p.X {
		for _, c := range []struct{ got, was, extent float64 }{{got.X[i], p.X[i], 4}, {got.Y[i], p.Y[i], 600}} {
			if math.IsNaN(c.was) != math.IsNaN(c.got) || math.Abs(c.got-c.was) > c.extent/10000/2 {
				t.Errorf("point %d: %v rounded to %v", i, c.was, c.got)
			}
		}
	}
	// The steps are 1e-4 (x: 4/10000) and 0.01 (y: 600/10000 = 0.06).
	b, _ := json.Marshal([]float64{got.X[1], got.Y[1], got.X[3]})
	if string(b) != "[0.1235,-123.46,2]" {
		t.Errorf("rounded coordinates print as %s", b)
	}
}
