package viz

import (
	"math"
	"slices"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Log axes. ECharts' own log axis rounds its ticks to ten decimals (ticks
// below 1e-10 vanish), puts a tick every 10 decades on an axis spanning 10
// to 99 of them, ignores the interval it is given, and writes 1e-7 as
// "0.0000001", wider than the margin. So a log axis here is a value axis
// over the base-10 logarithms of the data (lineData takes them): whole
// decades, a tick every step decades, labels and tooltips that show 10^v.

// logValueJS formats a value given by its logarithm v: plain numbers from
// 0.001 to 9999, e-notation beyond (1e-7, 2.5e-7, 1e+4), at most three
// significant digits; nothing beyond the largest float64 (an axis
// reaching 1e+350 over a loss that overflowed). go-echarts writes functions as JSON strings: no
// double quotes or backslashes in here.
const logValueJS = `function(v){v=Math.pow(10,v);var a=Math.abs(v);if(!isFinite(v))return '';` +
	`if(a<1e-3||a>=1e4){var p=v.toExponential(2).split('e');return String(+p[0])+'e'+p[1];}` +
	`return String(+v.toPrecision(3));}`

// logPointerJS labels the axis pointer (and the tooltip's heading) of a
// log axis.
const logPointerJS = `function(p){return (` + logValueJS + `)(p.value);}`

// maxLogTicks bounds the ticks of a log axis: beyond it, ticks go every
// 2, 3, 5, 10, … decades.
const maxLogTicks = 8

// logTicks returns the range of a log axis showing logarithms from lo to
// hi: whole decades from 10^e0 to 10^e1 with a tick every step decades.
func logTicks(lo, hi float64) (e0, e1, step int) {
	// The slack keeps exact powers of ten (Log10 may miss them by an
	// ulp) from opening a decade of their own.
	e0 = int(math.Floor(lo + 1e-9))
	e1 = int(math.Ceil(hi - 1e-9))
	if e1 <= e0 {
		e1 = e0 + 1
	}
	for _, s := range []int{1, 2, 3, 5, 10, 20, 30, 50, 100} {
		step = s
		if ceilDiv(e1-e0, s) <= maxLogTicks-1 {
			break
		}
	}
	e0 = floorDiv(e0, step) * step // ticks on multiples of step: 1e-6, 1e-3, 1
	e1 = ceilDiv(e1, step) * step
	return e0, e1, step
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

func ceilDiv(a, b int) int { return -floorDiv(-a, b) }

// logLabel formats 10^e as logValueJS does (for the margin's width).
func logLabel(e int) string {
	switch {
	case e < -3:
		return "1e" + strconv.Itoa(e)
	case e >= 4:
		return "1e+" + strconv.Itoa(e)
	}
	return strconv.FormatFloat(math.Pow(10, float64(e)), 'f', -1, 64)
}

// toLog maps a drawable v to its place on a log (or linear) axis.
func toLog(v float64, log bool) float64 {
	if log {
		return math.Log10(v)
	}
	return v
}

// logXAxis and logYAxis are value axes with the tick interval go-echarts
// has no field for.
type logXAxis struct {
	opts.XAxis
	Interval int `json:"interval"`
}

type logYAxis struct {
	opts.YAxis
	Interval int `json:"interval"`
}

// fitLogAxes turns every log axis of c (type "log", holding logarithms)
// into a value axis of whole decades around the series on it, with a tick
// interval and labels of 10^v; series on a log y axis show 10^v in the
// tooltip. It widens the left margin of a grid whose log y labels need it.
// The kinds call it last.
func fitLogAxes(c *charts.RectChart) {
	xs, ys := axisValues(c)
	xStep := make([]int, len(c.XAxisList))
	yStep := make([]int, len(c.YAxisList))
	logY := make([]bool, len(c.YAxisList))
	for i := range c.XAxisList {
		if c.XAxisList[i].Type == "log" {
			d := decadesOf(xs[i])
			d.x(&c.XAxisList[i])
			xStep[i] = d.step
		}
	}
	for i := range c.YAxisList {
		a := &c.YAxisList[i]
		if a.Type != "log" {
			continue
		}
		d := decadesOf(ys[i])
		d.y(a)
		yStep[i], logY[i] = d.step, true
		// The axis name sits left of the widest label, the grid's
		// margin left of the name.
		wide := 0.0
		for e := d.e0; e <= d.e1; e += d.step {
			wide = math.Max(wide, textWidth(logLabel(e), 12, false))
		}
		a.NameGap = max(a.NameGap, int(wide)+18)
		if g := a.GridIndex; g < len(c.GridList) {
			left, err := strconv.Atoi(c.GridList[g].Left)
			if err == nil && left < a.NameGap+20 {
				c.GridList[g].Left = strconv.Itoa(a.NameGap + 20)
			}
		}
	}
	for i := range c.MultiSeries {
		if s := &c.MultiSeries[i]; s.YAxisIndex < len(logY) && logY[s.YAxisIndex] {
			s.SeriesTooltip = &opts.SeriesTooltip{ValueFormatter: opts.FuncOpts(logValueJS)}
		}
	}
	if slices.Max(append(xStep, yStep...)) == 0 {
		return
	}
	c.Accept(patch{set: func(m map[string]interface{}) {
		if xa, ok := m["xAxis"].([]opts.XAxis); ok {
			m["xAxis"] = withIntervals(xa, xStep, func(a opts.XAxis, n int) interface{} { return logXAxis{a, n} })
		}
		if ya, ok := m["yAxis"].([]opts.YAxis); ok {
			m["yAxis"] = withIntervals(ya, yStep, func(a opts.YAxis, n int) interface{} { return logYAxis{a, n} })
		}
	}})
}

// withIntervals lists axes for the option, wrapping those with a step.
func withIntervals[A any](axes []A, steps []int, wrap func(A, int) interface{}) []interface{} {
	out := make([]interface{}, len(axes))
	for i, a := range axes {
		out[i] = a
		if i < len(steps) && steps[i] > 0 {
			out[i] = wrap(a, steps[i])
		}
	}
	return out
}

// decades is the range of a log axis: 10^e0 to 10^e1, a tick every step
// decades.
type decades struct{ e0, e1, step int }

// decadesOf returns the decades around logarithms v, or [1, 10] if v has
// none.
func decadesOf(v []float64) decades {
	lo, hi, ok := finiteRange(v, false)
	if !ok {
		lo, hi = 0, 1
	}
	e0, e1, step := logTicks(lo, hi)
	return decades{e0, e1, step}
}

// x and y make a log axis a value axis over d, labeled 10^v.
func (d decades) x(a *opts.XAxis) {
	a.Type, a.Scale, a.Min, a.Max = "value", nil, d.e0, d.e1
	a.AxisLabel, a.AxisPointer = logAxisLabel(), logAxisPointer()
}

func (d decades) y(a *opts.YAxis) {
	a.Type, a.Scale, a.Min, a.Max = "value", nil, d.e0, d.e1
	a.AxisLabel, a.AxisPointer = logAxisLabel(), logAxisPointer()
}

func logAxisLabel() *opts.AxisLabel { return &opts.AxisLabel{Formatter: opts.FuncOpts(logValueJS)} }

func logAxisPointer() *opts.AxisPointer {
	return &opts.AxisPointer{Label: &opts.Label{Formatter: string(opts.FuncOpts(logPointerJS))}}
}

// axisValues collects, per axis index, the x and y values of c's line
// series that are numbers.
func axisValues(c *charts.RectChart) (xs, ys [][]float64) {
	xs = make([][]float64, len(c.XAxisList))
	ys = make([][]float64, len(c.YAxisList))
	add := func(list [][]float64, i int, v float64) {
		if i >= 0 && i < len(list) {
			list[i] = append(list[i], v)
		}
	}
	for _, s := range c.MultiSeries {
		data, _ := s.Data.([]opts.LineData)
		for _, d := range data {
			switch v := d.Value.(type) {
			case []float64:
				add(xs, s.XAxisIndex, v[0])
				add(ys, s.YAxisIndex, v[1])
			case []interface{}: // [x, "-"]: no y
				if x, ok := v[0].(float64); ok {
					add(xs, s.XAxisIndex, x)
				}
			}
		}
	}
	return xs, ys
}

// roundBound rounds an axis bound to a ten-thousandth of the axis span
// (a fraction of a pixel), so that ECharts, which labels the bounds as
// they are, shows -5.063 rather than -5.063291139240507.
func roundBound(v, span float64) float64 {
	if span <= 0 || math.IsNaN(span) || math.IsInf(span, 0) {
		return v
	}
	q := math.Pow(10, math.Floor(math.Log10(span))-4)
	r := math.Round(v/q) * q
	// Round again in decimal: q*k carries binary noise (0.30000000000000004).
	r, _ = strconv.ParseFloat(strconv.FormatFloat(r, 'g', 12, 64), 64)
	return r
}
