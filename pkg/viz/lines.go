package viz

import (
	"fmt"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Options are the settings every chart kind shares. The zero value works:
// no title, unnamed axes, linear scales, DefaultWidth × DefaultHeight.
type Options struct {
	Title    string
	Subtitle string
	XLabel   string // name shown along the x axis
	YLabel   string // name shown along the y axis
	LogX     bool   // logarithmic x axis; points with x ≤ 0 are left out
	LogY     bool   // logarithmic y axis; points with y ≤ 0 are left out
	Width    int    // pixels; 0 means DefaultWidth, or the chart's own size (see ConfusionMatrix, ComputationGraph)
	Height   int    // pixels; 0 means DefaultHeight, or the chart's own size
	Labels   Labels // the words a chart writes by itself; zero fields keep English
}

// Labels are the words that charts write by themselves, for a course in
// another language: the names of a training run's curves and the axis
// names used when Options leaves XLabel or YLabel unset. A field left
// empty keeps its English default, given after it.
type Labels struct {
	Train         string // "train": training curves (LossCurves, NewLiveLoss)
	Validation    string // "validation": validation curves (LossCurves, NewLiveLoss)
	TrainAcc      string // "train acc": training accuracy curves (LossCurves)
	ValidationAcc string // "validation acc": validation accuracy curves (LossCurves)
	Epoch         string // "epoch": x axis of LossCurves and NewLiveLoss
	Loss          string // "loss": y axis of LossCurves, NewLiveLoss, LRRangeTest, LossShapes
	Accuracy      string // "accuracy": axis of the accuracy panel of LossCurves
	Predicted     string // "predicted": x axis of ConfusionMatrix
	True          string // "true": y axis of ConfusionMatrix
	Step          string // "step": x axis of Schedules
	LearningRate  string // "learning rate": axis of Schedules and LRRangeTest
	Suggested     string // "suggested": the mark of LRRangeTest
	Count         string // "count": y axis of Histogram
}

// or returns label, or english if label is empty.
func or(label, english string) string {
	if label == "" {
		return english
	}
	return label
}

// defaultAxes sets the axis labels o leaves unset to x and y.
func (o *Options) defaultAxes(x, y string) {
	o.XLabel = or(o.XLabel, x)
	o.YLabel = or(o.YLabel, y)
}

func (o Options) size() (w, h int) {
	w, h = o.Width, o.Height
	if w <= 0 {
		w = DefaultWidth
	}
	if h <= 0 {
		h = DefaultHeight
	}
	return w, h
}

// Series is one named curve: Y[i] at X[i]. A nil X means 0, 1, 2, …
// (steps or epochs counted from 0).
type Series struct {
	Name string
	X, Y []float64
}

// xAt returns the i-th x of s.
func (s Series) xAt(i int) float64 {
	if s.X == nil {
		return float64(i)
	}
	return s.X[i]
}

func (s Series) check(kind string) {
	if s.X != nil && len(s.X) != len(s.Y) {
		panic(fmt.Sprintf("viz: %s: series %q has len(X)=%d but len(Y)=%d", kind, s.Name, len(s.X), len(s.Y)))
	}
}

// Lines returns a line chart of the series, overlaid on value axes.
//
// Points that cannot be drawn (NaN, ±Inf, or ≤ 0 on a log axis) are left
// out, leaving a gap in the curve. Lines panics if a series has a non-nil X
// of a different length than Y.
func Lines(o Options, series ...Series) *charts.Line {
	for _, s := range series {
		s.check("Lines")
	}
	c := newRect(o)
	for _, s := range series {
		c.AddSeries(s.Name, lineData(s, o), lineStyle(len(s.Y)))
	}
	fitHeader(&c.BaseConfiguration, o, legendNames(c.MultiSeries))
	fitLogAxes(&c.RectChart)
	return c
}

// newRect returns an empty line chart with o's size and value axes. Other
// x/y charts start from it too; once their series are in, fitHeader adds
// the title and legend and moves the plot below them, and fitLogAxes
// sets the range and ticks of log axes.
func newRect(o Options) *charts.Line {
	w, h := o.size()
	c := charts.NewLine()
	c.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{
			Width:  strconv.Itoa(w) + "px",
			Height: strconv.Itoa(h) + "px",
		}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithGridOpts(opts.Grid{Left: "70", Right: "40", Bottom: "50"}),
		charts.WithXAxisOpts(valueAxisX(o.XLabel, o.LogX)),
		charts.WithYAxisOpts(valueAxisY(o.YLabel, o.LogY)),
	)
	return c
}

func axisType(log bool) string {
	if log {
		return "log"
	}
	return "value"
}

func valueAxisX(name string, log bool) opts.XAxis {
	return opts.XAxis{Type: axisType(log), Name: name, NameLocation: "middle", NameGap: 28,
		Scale: opts.Bool(true), SplitLine: &opts.SplitLine{Show: opts.Bool(true)}, AxisLine: offZero()}
}

func valueAxisY(name string, log bool) opts.YAxis {
	return opts.YAxis{Type: axisType(log), Name: name, NameLocation: "middle", NameGap: 50,
		Scale: opts.Bool(true), SplitLine: &opts.SplitLine{Show: opts.Bool(true)}, AxisLine: offZero()}
}

// offZero keeps axes at the edge of the plot: by default ECharts draws
// the y axis through x = 0, across the curves.
func offZero() *opts.AxisLine { return &opts.AxisLine{OnZero: opts.Bool(false)} }

// lineStyle hides the point markers of long series, which would hide the
// line itself.
func lineStyle(n int) charts.SeriesOpts {
	return charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(n <= 30), Symbol: "circle"})
}

// lineData converts a series to [x, y] pairs, dropping the points the axes
// of o cannot show. On a log axis the value is its base-10 logarithm (see
// fitLogAxes).
func lineData(s Series, o Options) []opts.LineData {
	data := make([]opts.LineData, 0, len(s.Y))
	for i, y := range s.Y {
		x := s.xAt(i)
		switch {
		case !drawable(x, o.LogX):
			// "-" is ECharts' empty value: the line breaks here.
			data = append(data, opts.LineData{Value: []string{"-", "-"}})
			continue
		case !drawable(y, o.LogY):
			data = append(data, opts.LineData{Value: []interface{}{toLog(x, o.LogX), "-"}})
			continue
		}
		data = append(data, opts.LineData{Value: []float64{toLog(x, o.LogX), toLog(y, o.LogY)}})
	}
	return data
}

// drawable reports whether v can be placed on a linear or log axis.
func drawable(v float64, log bool) bool {
	return !math.IsNaN(v) && !math.IsInf(v, 0) && (!log || v > 0)
}
