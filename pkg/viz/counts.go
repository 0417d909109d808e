package viz

import (
	"fmt"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// ConfusionMatrix draws counts[i][j], the number of examples of true class
// i predicted as class j, as a heat map with the count in each cell: the
// diagonal holds the correct predictions. classes names the classes (nil
// means 0, 1, 2, …). Unset axis labels become "predicted" and "true" (or
// o.Labels.Predicted and o.Labels.True).
//
// The cells are square, sized from the number of classes, and the chart
// is as wide as the matrix and its labels need (at least 560 pixels, and
// enough for the title to fit on one line when it can). A Width or Height
// in o sets that size instead and the cells fit in it.
//
// ConfusionMatrix panics if counts is not square, if classes has the wrong
// length, or if a count is negative.
func ConfusionMatrix(o Options, counts [][]int, classes []string) *charts.HeatMap {
	k := len(counts)
	for i, row := range counts {
		if len(row) != k {
			panic(fmt.Sprintf("viz: ConfusionMatrix: row %d has %d counts, want %d (a square matrix)", i, len(row), k))
		}
	}
	if classes == nil {
		classes = make([]string, k)
		for i := range classes {
			classes[i] = strconv.Itoa(i)
		}
	}
	if len(classes) != k {
		panic(fmt.Sprintf("viz: ConfusionMatrix: %d class names for %d classes", len(classes), k))
	}
	o.defaultAxes(or(o.Labels.Predicted, "predicted"), or(o.Labels.True, "true"))
	data := make([]opts.HeatMapData, 0, k*k)
	largest := 1
	for i, row := range counts {
		for j, n := range row {
			if n < 0 {
				panic(fmt.Sprintf("viz: ConfusionMatrix: count [%d][%d] is %d, want ≥ 0", i, j, n))
			}
			largest = max(largest, n)
			data = append(data, opts.HeatMapData{Value: [3]int{j, i, n}})
		}
	}
	l := matrixLayout(o, k, classes)
	o.Width, o.Height = l.width, l.height
	c := charts.NewHeatMap()
	c.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{Width: strconv.Itoa(l.width) + "px", Height: strconv.Itoa(l.height) + "px"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: strconv.Itoa(l.left), Width: strconv.Itoa(k * l.cell), Height: strconv.Itoa(k * l.cell)}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: classes, Name: o.XLabel,
			NameLocation: "middle", NameGap: l.xNameGap, SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Interval: "0", Rotate: l.rotate}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: classes, Name: o.YLabel,
			NameLocation: "middle", NameGap: l.yNameGap, Inverse: opts.Bool(true), SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
			AxisLabel: &opts.AxisLabel{Interval: "0"}}),
		// The counts are written in the cells: a color scale would repeat them.
		charts.WithVisualMapOpts(opts.VisualMap{Type: "continuous", Min: 0, Max: float32(largest),
			Show: opts.Bool(false), InRange: &opts.VisualMapInRange{Color: []string{"#f7fbff", "#6baed6", "#08306b"}}}),
	)
	c.AddSeries("count", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	fitHeader(&c.BaseConfiguration, o, nil)
	return c
}

// matrix is the layout of a confusion matrix chart, in pixels.
type matrix struct {
	width, height int
	cell          int     // side of a cell
	left          int     // from the chart's left edge to the matrix
	rotate        float64 // of the x labels, in degrees
	xNameGap      int     // from the matrix to the x axis name
	yNameGap      int     // from the matrix to the y axis name
}

// matrixLayout sizes a k×k confusion matrix: cells of 28 to 100 pixels
// (smaller for many classes), room on the left for the longest class name
// and below for the x labels (turned by 40° when they are wider than a
// cell), and the chart wide enough for its title.
func matrixLayout(o Options, k int, classes []string) matrix {
	const axisFont, axisName, margin, right = 12, 12, 16, 30
	k = max(k, 1)
	labelW := 0.0
	for _, name := range classes {
		labelW = max(labelW, textWidth(name, axisFont, false))
	}
	m := matrix{cell: max(28, min(100, 440/k))}
	m.yNameGap = int(labelW) + 16
	m.left = m.yNameGap + axisName + margin
	bottom := func() int {
		below := float64(axisFont + 8) // x labels
		if m.rotate != 0 {
			below = labelW*math.Sin(m.rotate*math.Pi/180) + axisFont + 8
		}
		m.xNameGap = int(below) + 12
		return m.xNameGap + axisName + margin
	}
	top := func() int {
		return layoutHeader(Options{Title: o.Title, Subtitle: o.Subtitle}, m.width, nil).plotTop
	}
	width := func() int {
		if o.Width > 0 {
			return o.Width
		}
		// At least 560 pixels, more for a long title (up to the page).
		return max(m.left+k*m.cell+right, 560, min(titleWidth(o), DefaultWidth))
	}
	m.width = width()
	// Twice: turned labels take more room below, and a narrower chart
	// may wrap the title.
	for range 2 {
		if o.Width > 0 || o.Height > 0 {
			// Fit the cells in the size asked for; a side not given
			// follows from the other.
			c := math.MaxInt
			if o.Width > 0 {
				c = (o.Width - m.left - right) / k
			}
			if o.Height > 0 {
				c = min(c, (o.Height-top()-bottom())/k)
			}
			m.cell = max(c, 8)
		}
		m.rotate = 0
		if labelW > float64(m.cell)-6 {
			m.rotate = 40
		}
		m.width = width()
	}
	m.height = o.Height
	if m.height <= 0 {
		m.height = top() + k*m.cell + bottom()
	}
	return m
}

// Bins counts values in n equal-width bins spanning their range: counts[i]
// values fall in [edges[i], edges[i+1]), the last bin including its right
// edge. NaN and ±Inf values are not counted; skipped says how many there
// were. If all finite values are equal, the bins span value ± 0.5.
//
// Bins panics if n < 1.
func Bins(values []float64, n int) (edges []float64, counts []int, skipped int) {
	if n < 1 {
		panic(fmt.Sprintf("viz: Bins: %d bins, want at least 1", n))
	}
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			skipped++
			continue
		}
		lo, hi = math.Min(lo, v), math.Max(hi, v)
	}
	switch {
	case lo > hi: // no finite value
		lo, hi = 0, 1
	case lo == hi:
		lo, hi = lo-0.5, hi+0.5
	}
	edges = linspace(lo, hi, n+1)
	return edges, countIn(values, edges), skipped
}

// Sample is a named set of values for Histogram (a layer's weights, its
// gradients).
type Sample struct {
	Name   string
	Values []float64
}

// Histogram draws the distribution of each sample over the same bins
// (bins equal-width bins spanning all samples), overlaid and translucent.
// Non-finite values are left out and counted in the subtitle. Unset axis
// labels become "value" and "count".
//
// Histogram panics if bins < 1.
func Histogram(o Options, bins int, samples ...Sample) *charts.Bar {
	var all []float64
	for _, s := range samples {
		all = append(all, s.Values...)
	}
	edges, _, skipped := Bins(all, bins)
	if skipped > 0 {
		note := fmt.Sprintf("%d NaN/Inf values left out", skipped)
		if o.Subtitle != "" {
			note = o.Subtitle + " · " + note
		}
		o.Subtitle = note
	}
	o.defaultAxes("value", or(o.Labels.Count, "count"))
	w, h := o.size()
	centers := make([]string, bins)
	for i := range centers {
		centers[i] = strconv.FormatFloat((edges[i]+edges[i+1])/2, 'g', 3, 64)
	}
	c := charts.NewBar()
	c.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{Width: strconv.Itoa(w) + "px", Height: strconv.Itoa(h) + "px"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "70", Right: "40", Bottom: "50"}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Name: o.XLabel, NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(valueAxisY(o.YLabel, o.LogY)),
	)
	c.SetXAxis(centers)
	for i, s := range samples {
		counts := countIn(s.Values, edges)
		data := make([]opts.BarData, bins)
		for j, n := range counts {
			data[j] = opts.BarData{Value: n}
		}
		c.AddSeries(s.Name, data,
			charts.WithBarChartOpts(opts.BarChart{BarGap: "-100%", BarCategoryGap: "2%"}),
			charts.WithItemStyleOpts(opts.ItemStyle{Color: color(i), Opacity: opts.Float(0.6)}))
	}
	var names []string
	if len(samples) > 1 {
		names = legendNames(c.MultiSeries)
	}
	fitHeader(&c.BaseConfiguration, o, names)
	return c
}

// countIn counts the finite values in the equal-width bins between edges;
// values outside go to the nearest end bin.
func countIn(values []float64, edges []float64) []int {
	n := len(edges) - 1
	lo, width := edges[0], (edges[n]-edges[0])/float64(n)
	counts := make([]int, n)
	for _, v := range values {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			continue
		}
		counts[max(0, min(int((v-lo)/width), n-1))]++
	}
	return counts
}
