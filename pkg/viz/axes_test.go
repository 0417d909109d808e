package viz

import (
	"maps"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"
)

func TestLogTicks(t *testing.T) {
	cases := []struct {
		lo, hi       float64
		e0, e1, step int
	}{
		{0.3, 0.7, -1, 0, 1},
		{1, 10, 0, 1, 1},       // exact powers of ten open no extra decade
		{1, 1, 0, 1, 1},        // a single value still gets a decade
		{1e-7, 30, -8, 2, 2},   // 9 decades: every second one, on even powers
		{2e-13, 12, -15, 3, 3}, // 15 decades: every third
		{1e-3, 1e3, -3, 3, 1},
		{1e-40, 1e40, -40, 40, 20},
	}
	for _, c := range cases {
		e0, e1, step := logTicks(math.Log10(c.lo), math.Log10(c.hi))
		if e0 != c.e0 || e1 != c.e1 || step != c.step {
			t.Errorf("logTicks(%g, %g) = %d, %d, %d, want %d, %d, %d", c.lo, c.hi, e0, e1, step, c.e0, c.e1, c.step)
		}
		if n := (e1-e0)/step + 1; n > maxLogTicks {
			t.Errorf("logTicks(%g, %g): %d ticks", c.lo, c.hi, n)
		}
	}
}

func TestRoundBound(t *testing.T) {
	for _, c := range []struct{ v, span, want float64 }{
		{-5.063291139240507, 10.126582278481013, -5.063},
		{0.30000000000000004, 1, 0.3},
		{-0.012658227848101266, 0.02531645569620253, -0.012658},
		{7, 0, 7},
	} {
		if got := roundBound(c.v, c.span); got != c.want {
			t.Errorf("roundBound(%v, %v) = %v, want %v", c.v, c.span, got, c.want)
		}
	}
}

// svgLabel matches the text of an SVG <text> element.
var svgLabel = regexp.MustCompile(`<text[^>]*>([^<]*)</text>`)

// TestLogAxisLabels draws every kind with a log axis through ECharts (as
// the static image) and looks for the labels logLabel predicts: the
// JavaScript formatter and the tick interval at work, down to 1e-15.
func TestLogAxisLabels(t *testing.T) {
	requireStatic(t)
	decay := make([]float64, 200)
	for i := range decay {
		decay[i] = 10 * math.Pow(0.85, float64(i)) // 10 down to 1e-13
	}
	rates := []float64{1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 0.1, 1, 10}
	cases := []struct {
		name   string
		chart  Chart
		lo, hi float64 // range of the log axis's data
	}{
		{"Lines", Lines(Options{LogY: true}, Series{Y: decay}), decay[len(decay)-1], 10},
		{"LossCurves", LossCurves(Options{LogY: true}, Run{TrainLoss: decay}), decay[len(decay)-1], 10},
		{"Schedules", Schedules(Options{LogY: true}, 200, Schedule{Rate: func(s int) float64 { return decay[s] }}),
			decay[len(decay)-1], 10},
		{"Lines to overflow", Lines(Options{LogY: true}, Series{Y: []float64{1, 1e150, 1e305}}), 1, 1e305},
		{"LRRangeTest", LRRangeTest(Options{}, rates, []float64{3, 2, 1, 0.5, 0.4, 0.6, 2, 9}, 1e-3), 1e-6, 10},
	}
	for _, c := range cases {
		opt, _, err := optionJS(c.chart)
		if err != nil {
			t.Fatal(err)
		}
		svg, err := static.render(opt, 860, 400)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		shown := map[string]bool{}
		for _, m := range svgLabel.FindAllStringSubmatch(svg, -1) {
			shown[m[1]] = true
		}
		e0, e1, step := logTicks(math.Log10(c.lo), math.Log10(c.hi))
		for label := range shown {
			if strings.Contains(label, "Infinity") || strings.Contains(label, "undefined") {
				t.Errorf("%s: label %q beyond the largest float64", c.name, label)
			}
		}
		for e := e0; e <= min(e1, 308); e += step {
			if !shown[logLabel(e)] {
				t.Errorf("%s: no tick label %q; labels: %v", c.name, logLabel(e), slices.Sorted(maps.Keys(shown)))
			}
		}
	}
}
