package viz

import (
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// palette is ECharts' default series palette. Charts that give related
// series one color (a run's train and validation curves) pick from it.
var palette = []string{"#5470c6", "#91cc75", "#fac858", "#ee6666", "#73c0de",
	"#3ba272", "#fc8452", "#9a60b4", "#ea7ccc"}

func color(i int) string { return palette[i%len(palette)] }

// Run is the history of one training run, one entry per epoch (or per
// step). Nil slices are not drawn; NaN entries leave gaps (a validation
// loss measured only every few epochs). X, if non-nil, gives the epoch of
// each entry; otherwise entries are epochs 1, 2, 3, …, as Fit and a live
// chart fed from it count them.
type Run struct {
	Name      string // e.g. "lr=0.1" or "Adam"; may be "" for a single run
	X         []float64
	TrainLoss []float64
	ValLoss   []float64
	TrainAcc  []float64
	ValAcc    []float64
}

// LossCurves draws the loss of one or more runs, overlaid: each run has
// its own color, its training curve solid and its validation curve dashed.
// If any run has accuracies, they get a second panel on the right. A
// curve that a later run repeats exactly (the same values at the same
// epochs) is drawn wide and pale under it, and the later one's legend
// entry says so: coinciding runs stay visible instead of hiding each
// other.
// Options.LogY applies to the loss panel; unset axis labels become "epoch"
// and "loss". Curves are named "train", "validation", "train acc" and
// "validation acc", after the run's name; Options.Labels sets other words.
//
// LossCurves panics if a run's non-nil slices and X differ in length.
func LossCurves(o Options, runs ...Run) *charts.Line {
	o.defaultAxes(or(o.Labels.Epoch, "epoch"), or(o.Labels.Loss, "loss"))
	hasAcc := false
	for _, r := range runs {
		r.check()
		hasAcc = hasAcc || r.TrainAcc != nil || r.ValAcc != nil
	}
	c := newRect(o)
	if hasAcc {
		twoPanels(c, o, or(o.Labels.Accuracy, "accuracy"), false)
	}
	for i, r := range runs {
		for _, p := range r.parts() {
			if p.y == nil {
				continue
			}
			name := p.label(o.Labels)
			if r.Name != "" {
				name = r.Name + " " + name
			}
			if k := sameCurveBefore(runs, i, p.what); k >= 0 {
				name += " (= " + runs[k].Name + ")"
			}
			po := o
			if p.panel == 1 {
				po.LogY = false
			}
			style := styled(color(i), p.dashed)
			if sameCurveAfter(runs, i, p.what) {
				style = underlay(color(i), p.dashed)
			}
			c.AddSeries(name, lineData(Series{X: r.epochs(), Y: p.y}, po),
				lineStyle(len(p.y)), style, onPanel(p.panel))
		}
	}
	fitHeader(&c.BaseConfiguration, o, legendNames(c.MultiSeries))
	fitLogAxes(&c.RectChart)
	return c
}

func (r Run) check() {
	n := -1
	if r.X != nil {
		n = len(r.X)
	}
	for _, s := range []struct {
		name string
		y    []float64
	}{{"TrainLoss", r.TrainLoss}, {"ValLoss", r.ValLoss}, {"TrainAcc", r.TrainAcc}, {"ValAcc", r.ValAcc}} {
		if s.y == nil {
			continue
		}
		if n >= 0 && len(s.y) != n {
			panic(fmt.Sprintf("viz: LossCurves: run %q has len(%s)=%d but %d epochs", r.Name, s.name, len(s.y), n))
		}
		if r.X == nil && n < 0 {
			n = len(s.y)
		}
	}
}

// runPart is one curve of a run: what it is, its values, its panel.
type runPart struct {
	what   string
	y      []float64
	panel  int
	dashed bool
}

// label is the name of the curve in a legend.
func (p runPart) label(l Labels) string {
	switch p.what {
	case "train":
		return or(l.Train, p.what)
	case "validation":
		return or(l.Validation, p.what)
	case "train acc":
		return or(l.TrainAcc, p.what)
	default:
		return or(l.ValidationAcc, p.what)
	}
}

func (r Run) parts() []runPart {
	return []runPart{
		{"train", r.TrainLoss, 0, false},
		{"validation", r.ValLoss, 0, true},
		{"train acc", r.TrainAcc, 1, false},
		{"validation acc", r.ValAcc, 1, true},
	}
}

// part returns the values of the curve named what ("train", ...).
func (r Run) part(what string) []float64 {
	for _, p := range r.parts() {
		if p.what == what {
			return p.y
		}
	}
	return nil
}

// epochs returns the x of every entry: X, or 1, 2, 3, ...
func (r Run) epochs() []float64 {
	if r.X != nil {
		return r.X
	}
	n := 0
	for _, p := range r.parts() {
		n = max(n, len(p.y))
	}
	x := make([]float64, n)
	for i := range x {
		x[i] = float64(i + 1)
	}
	return x
}

// sameCurve reports whether runs a and b have the same curve what, value
// for value at the same epochs (NaN matching NaN).
func sameCurve(a, b Run, what string) bool {
	ya, yb := a.part(what), b.part(what)
	if ya == nil || len(ya) != len(yb) || !floatsEqual(a.epochs(), b.epochs()) {
		return false
	}
	return floatsEqual(ya, yb)
}

func floatsEqual(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !(math.IsNaN(a[i]) && math.IsNaN(b[i])) {
			return false
		}
	}
	return true
}

// sameCurveBefore returns the first run before run i with the same curve
// what, or -1.
func sameCurveBefore(runs []Run, i int, what string) int {
	for k := range i {
		if sameCurve(runs[k], runs[i], what) {
			return k
		}
	}
	return -1
}

// sameCurveAfter reports whether a run after run i repeats its curve what.
func sameCurveAfter(runs []Run, i int, what string) bool {
	for k := i + 1; k < len(runs); k++ {
		if sameCurve(runs[i], runs[k], what) {
			return true
		}
	}
	return false
}

// underlay styles a curve that a later one covers exactly: wide and pale,
// so that its color shows on both sides of the line drawn over it.
func underlay(c string, dashed bool) charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		styled(c, dashed)(s)
		s.LineStyle.Width = 7
		s.LineStyle.Opacity = opts.Float(0.45)
	}
}

// styled gives a series a fixed color, dashed if asked.
func styled(c string, dashed bool) charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		ls := &opts.LineStyle{Color: c}
		if dashed {
			ls.Type = "dashed"
		}
		s.LineStyle = ls
		s.ItemStyle = &opts.ItemStyle{Color: c}
	}
}

// onPanel puts a series on the left (0) or right (1) panel of a chart made
// by twoPanels.
func onPanel(panel int) charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		s.XAxisIndex, s.YAxisIndex = panel, panel
	}
}

// twoPanels splits a chart made by newRect into two side-by-side grids
// sharing the x label, the right one with its own y axis.
func twoPanels(c *charts.Line, o Options, rightY string, rightLog bool) {
	c.GridList = []opts.Grid{
		{Left: "70", Right: "54%", Bottom: "50"},
		{Left: "56%", Right: "30", Bottom: "50"},
	}
	x1 := valueAxisX(o.XLabel, o.LogX)
	x1.GridIndex = 1
	y1 := valueAxisY(rightY, rightLog)
	y1.GridIndex = 1
	c.XAxisList = append(c.XAxisList[:1], x1)
	c.YAxisList = append(c.YAxisList[:1], y1)
}

// Schedule is a named learning-rate schedule: Rate gives the rate at a
// step counted from 0. A backprop.Schedule can be used as Rate directly.
type Schedule struct {
	Name string
	Rate func(step int) float64
}

// Schedules draws learning-rate schedules over steps 0 … steps-1,
// overlaid. Unset axis labels become "step" and "learning rate" (or
// o.Labels.Step and o.Labels.LearningRate).
//
// Schedules panics if steps < 1 or a schedule has a nil Rate.
func Schedules(o Options, steps int, schedules ...Schedule) *charts.Line {
	if steps < 1 {
		panic(fmt.Sprintf("viz: Schedules: steps=%d, want at least 1", steps))
	}
	o.defaultAxes(or(o.Labels.Step, "step"), or(o.Labels.LearningRate, "learning rate"))
	series := make([]Series, len(schedules))
	for i, s := range schedules {
		if s.Rate == nil {
			panic(fmt.Sprintf("viz: Schedules: schedule %q has a nil Rate", s.Name))
		}
		y := make([]float64, steps)
		for t := range y {
			y[t] = s.Rate(t)
		}
		series[i] = Series{Name: s.Name, Y: y}
	}
	return Lines(o, series...)
}

// LRRangeTest draws the loss against the learning rate of a range test
// (the rate grows every step, on a log axis) and marks the suggested rate
// with a vertical line and a point on the curve. A suggested rate that is
// not positive (or NaN) draws no mark. Unset axis labels become "learning
// rate" and "loss", and the mark says "suggested" (o.Labels sets other
// words).
//
// LRRangeTest panics if rates and losses differ in length.
func LRRangeTest(o Options, rates, losses []float64, suggested float64) *charts.Line {
	if len(rates) != len(losses) {
		panic(fmt.Sprintf("viz: LRRangeTest: len(rates)=%d but len(losses)=%d", len(rates), len(losses)))
	}
	o.LogX = true
	o.defaultAxes(or(o.Labels.LearningRate, "learning rate"), or(o.Labels.Loss, "loss"))
	s := Series{Name: o.YLabel, X: rates, Y: losses}
	c := newRect(o)
	fitHeader(&c.BaseConfiguration, o, nil)
	var marks []charts.SeriesOpts
	if suggested > 0 && !math.IsInf(suggested, 0) {
		label := or(o.Labels.Suggested, "suggested") + " " + fmt.Sprintf("%.3g", suggested)
		// A vertical line from the lowest to the highest loss, in axis
		// coordinates: logarithms on log axes.
		if lo, hi, ok := finiteRange(losses, o.LogY); ok {
			x := toLog(suggested, true)
			marks = append(marks,
				charts.WithMarkLineNameCoordItemOpts(opts.MarkLineNameCoordItem{Name: label,
					Coordinate0: []interface{}{x, toLog(lo, o.LogY)}, Coordinate1: []interface{}{x, toLog(hi, o.LogY)}}),
				charts.WithMarkLineStyleOpts(opts.MarkLineStyle{Symbol: []string{"none", "none"},
					Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}"},
					LineStyle: &opts.LineStyle{Color: "#ee6666", Type: "dashed"}}))
		}
		if y, ok := curveAt(rates, losses, suggested, o.LogY); ok {
			marks = append(marks, charts.WithMarkPointNameCoordItemOpts(opts.MarkPointNameCoordItem{
				Name: label, Coordinate: []interface{}{toLog(suggested, true), y},
				Value: fmt.Sprintf("%.3g", suggested), Symbol: "pin",
				ItemStyle: &opts.ItemStyle{Color: "#ee6666"},
			}))
		}
	}
	c.AddSeries(s.Name, lineData(s, o), append([]charts.SeriesOpts{lineStyle(len(rates))}, marks...)...)
	fitLogAxes(&c.RectChart)
	return c
}

// finiteRange returns the smallest and largest values drawable on a linear
// (or log) axis, and false if there are none.
func finiteRange(v []float64, log bool) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, x := range v {
		if drawable(x, log) {
			lo, hi = math.Min(lo, x), math.Max(hi, x)
		}
	}
	return lo, hi, lo <= hi
}

// curveAt returns the height, in axis coordinates (a logarithm when logY),
// of the drawn loss curve at rate r: the straight segment, on the log-rate
// axis, between the two samples around r, so that the pin sits on the line
// at the suggested rate itself rather than at a sample beside it. Outside
// the samples, or next to a sample that cannot be drawn, it takes the
// nearest drawable sample. ok is false if there is none.
func curveAt(rates, losses []float64, r float64, logY bool) (y float64, ok bool) {
	best, bestD := -1, math.Inf(1)
	for i, x := range rates {
		if x <= 0 || !drawable(losses[i], logY) {
			continue
		}
		if d := math.Abs(math.Log(x / r)); d < bestD {
			best, bestD = i, d
		}
		if i+1 < len(rates) && x <= r && r <= rates[i+1] && rates[i+1] > x && drawable(losses[i+1], logY) {
			t := math.Log(r/x) / math.Log(rates[i+1]/x)
			y0, y1 := toLog(losses[i], logY), toLog(losses[i+1], logY)
			return y0 + t*(y1-y0), true
		}
	}
	if best < 0 {
		return 0, false
	}
	return toLog(losses[best], logY), true
}

// LossShape is one loss function sampled at the predictions passed to
// LossShapes: Loss[i] and Grad[i] (dLoss/dpred) at pred[i].
type LossShape struct {
	Name       string
	Loss, Grad []float64
}

// LossShapes draws loss functions against the prediction (for a fixed
// target) on the left and their gradients on the right, so the two can be
// read side by side. A shape's loss and gradient have one color and one
// legend entry, which shows or hides both. Unset axis labels become
// "prediction" and "loss"; the right panel's axis is "gradient".
//
// LossShapes panics if a shape's Loss or Grad differs in length from pred.
func LossShapes(o Options, pred []float64, shapes ...LossShape) *charts.Line {
	o.defaultAxes("prediction", or(o.Labels.Loss, "loss"))
	c := newRect(o)
	twoPanels(c, o, "gradient", false)
	gradOpts := o
	gradOpts.LogY = false
	for i, s := range shapes {
		if len(s.Loss) != len(pred) || len(s.Grad) != len(pred) {
			panic(fmt.Sprintf("viz: LossShapes: shape %q has len(Loss)=%d, len(Grad)=%d for %d predictions",
				s.Name, len(s.Loss), len(s.Grad), len(pred)))
		}
		c.AddSeries(s.Name, lineData(Series{X: pred, Y: s.Loss}, o), lineStyle(len(pred)), styled(color(i), false))
		c.AddSeries(s.Name, lineData(Series{X: pred, Y: s.Grad}, gradOpts),
			lineStyle(len(pred)), styled(color(i), true), onPanel(1))
	}
	fitHeader(&c.BaseConfiguration, o, legendNames(c.MultiSeries))
	return c
}
