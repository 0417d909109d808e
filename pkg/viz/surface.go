package viz

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Grid is a function of two variables sampled on a regular lattice:
// Z[i][j] is its value at (X[j], Y[i]). X and Y are evenly spaced and
// increasing; SampleGrid makes one.
type Grid struct {
	X, Y []float64
	Z    [][]float64
}

// SampleGrid samples f on nx × ny evenly spaced points covering
// [x0, x1] × [y0, y1].
//
// SampleGrid panics if nx or ny is less than 2 or a range is empty.
func SampleGrid(f func(x, y float64) float64, x0, x1 float64, nx int, y0, y1 float64, ny int) Grid {
	if nx < 2 || ny < 2 {
		panic(fmt.Sprintf("viz: SampleGrid: %d×%d points, want at least 2×2", nx, ny))
	}
	if !(x1 > x0) || !(y1 > y0) {
		panic(fmt.Sprintf("viz: SampleGrid: empty range [%g, %g] × [%g, %g]", x0, x1, y0, y1))
	}
	g := Grid{X: linspace(x0, x1, nx), Y: linspace(y0, y1, ny), Z: make([][]float64, ny)}
	for i, y := range g.Y {
		g.Z[i] = make([]float64, nx)
		for j, x := range g.X {
			g.Z[i][j] = f(x, y)
		}
	}
	return g
}

func linspace(a, b float64, n int) []float64 {
	v := make([]float64, n)
	for i := range v {
		v[i] = a + (b-a)*float64(i)/float64(n-1)
	}
	return v
}

func (g Grid) check(kind string) {
	if len(g.X) < 2 || len(g.Y) < 2 {
		panic(fmt.Sprintf("viz: %s: grid has %d×%d points, want at least 2×2", kind, len(g.X), len(g.Y)))
	}
	if len(g.Z) != len(g.Y) {
		panic(fmt.Sprintf("viz: %s: grid has %d rows of Z for %d values of Y", kind, len(g.Z), len(g.Y)))
	}
	for i, row := range g.Z {
		if len(row) != len(g.X) {
			panic(fmt.Sprintf("viz: %s: grid row Z[%d] has %d values for %d values of X", kind, i, len(row), len(g.X)))
		}
	}
}

// zRange returns the smallest and largest finite values of Z.
func (g Grid) zRange() (lo, hi float64) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, row := range g.Z {
		for _, z := range row {
			if !math.IsNaN(z) && !math.IsInf(z, 0) {
				lo, hi = math.Min(lo, z), math.Max(hi, z)
			}
		}
	}
	if lo > hi { // no finite value at all
		return 0, 1
	}
	if lo == hi {
		hi = lo + 1
	}
	return lo, hi
}

// Color ramps for surfaces: sequential for a function's value, diverging
// for a classifier's probability (0.5 in white, on the boundary).
var (
	rampSequential = []string{"#313695", "#4575b4", "#74add1", "#abd9e9", "#e0f3f8", "#ffffbf",
		"#fee090", "#fdae61", "#f46d43", "#d73027", "#a50026"}
	rampDiverging = []string{"#9ab0e6", "#ffffff", "#f4a9a9"}
)

// surfaceChart draws g as a heat map on hidden category axes (ECharts
// draws heat maps on category axes only) and lays value axes exactly over
// it: a cell centered on X[j] spans X[j] ± dx/2, so the value axes run
// from X[0]-dx/2 to X[n-1]+dx/2. Series added with onPanel(1) are drawn
// in data coordinates over the surface; the caller then calls fitHeader
// with their names.
func surfaceChart(o Options, kind string, g Grid, ramp []string, zMin, zMax float64) *charts.Line {
	g.check(kind)
	w, h := o.size()
	c := newRect(Options{Width: w, Height: h})
	// A heat map of thousands of cells animated into place keeps the
	// browser busy for seconds (headless Chromium, a slide deck): drawn
	// at once, it is ready in one frame.
	c.SetGlobalOptions(charts.WithAnimation(false))
	c.GridList = []opts.Grid{{Left: "70", Right: "110", Bottom: "50"}}
	xCats := make([]string, len(g.X))
	for j, x := range g.X {
		xCats[j] = strconv.FormatFloat(x, 'g', 4, 64)
	}
	yCats := make([]string, len(g.Y))
	for i, y := range g.Y {
		yCats[i] = strconv.FormatFloat(y, 'g', 4, 64)
	}
	hidden := opts.Bool(false)
	c.SetXAxis(xCats) // Line.Validate copies it into the first x axis
	c.XAxisList = []opts.XAxis{
		{Type: "category", Data: xCats, Show: hidden},
		edgeAligned(valueAxisX(o.XLabel, false), g.X),
	}
	c.YAxisList = []opts.YAxis{
		{Type: "category", Data: yCats, Show: hidden},
		yEdgeAligned(valueAxisY(o.YLabel, false), g.Y),
	}
	c.XAxisList[1].Position, c.YAxisList[1].Position = "bottom", "left"
	cells := make([][3]interface{}, 0, len(g.X)*len(g.Y))
	for i, row := range g.Z {
		for j, z := range row {
			// Four significant digits are more than a color can show,
			// and halve the option's size.
			var v interface{} = json.Number(strconv.FormatFloat(z, 'g', 4, 64))
			if math.IsNaN(z) || math.IsInf(z, 0) {
				v = "-"
			}
			cells = append(cells, [3]interface{}{j, i, v})
		}
	}
	c.MultiSeries = append(c.MultiSeries, charts.SingleSeries{
		Name: "surface", Type: "heatmap", Data: cells,
	})
	c.Tooltip = opts.Tooltip{Show: opts.Bool(true), Trigger: "item"}
	// go-echarts' VisualMap has no seriesIndex: without it the map would
	// recolor the paths and points too. It starts level with the plot,
	// whose top fitHeader sets later.
	c.Accept(patch{set: func(m map[string]interface{}) {
		m["visualMap"] = []map[string]interface{}{{
			"type": "continuous", "min": zMin, "max": zMax, "seriesIndex": 0,
			"calculable": true, "precision": 2, "right": 10, "top": c.GridList[0].Top, "itemHeight": 200,
			"inRange": map[string]interface{}{"color": ramp},
		}}
	}})
	return c
}

// patch is a go-echarts configuration visitor that sets option keys
// go-echarts has no field for.
type patch struct {
	charts.BaseConfigurationVisitor
	set func(option map[string]interface{})
}

func (p patch) Visit(option map[string]interface{}) { p.set(option) }

func halfStep(v []float64) float64 { return (v[len(v)-1] - v[0]) / float64(len(v)-1) / 2 }

func cellEdges(v []float64) (lo, hi float64) {
	lo, hi = v[0]-halfStep(v), v[len(v)-1]+halfStep(v)
	return roundBound(lo, hi-lo), roundBound(hi, hi-lo)
}

// edgeAligned and yEdgeAligned run a value axis over the cells of v, from
// the outer edge of the first to that of the last; the bounds are rounded,
// for their labels.
func edgeAligned(a opts.XAxis, v []float64) opts.XAxis {
	a.Scale = nil
	a.Min, a.Max = cellEdges(v)
	a.SplitLine = &opts.SplitLine{Show: opts.Bool(false)}
	return a
}

func yEdgeAligned(a opts.YAxis, v []float64) opts.YAxis {
	a.Scale = nil
	a.Min, a.Max = cellEdges(v)
	a.SplitLine = &opts.SplitLine{Show: opts.Bool(false)}
	return a
}

// OptimizerPaths draws a loss surface as a heat map with each optimizer's
// trajectory over it: a path's X and Y are the successive positions of
// the two parameters. The start of each path is marked. Colors the
// surface by value; pass a transformed grid (log of the loss) for
// surfaces with a large range. Steps smaller than a thousandth of the
// surface's width or height, under a pixel, are merged (thinPath), and
// the coordinates kept are rounded to a ten-thousandth of the surface's
// extent (roundPath): a thousand steps creeping to a minimum draw the
// same line from far fewer and shorter numbers, and the notebook page
// stays light. The chart is drawn without animation.
//
// OptimizerPaths panics if the grid is malformed (Z not len(Y) rows of
// len(X) values, fewer than 2×2 points) or a path's X and Y differ in length.
func OptimizerPaths(o Options, surface Grid, paths ...Series) *charts.Line {
	lo, hi := surface.zRange()
	c := surfaceChart(o, "OptimizerPaths", surface, rampSequential, lo, hi)
	for i, p := range paths {
		if len(p.X) != len(p.Y) {
			panic(fmt.Sprintf("viz: OptimizerPaths: path %q has len(X)=%d but len(Y)=%d", p.Name, len(p.X), len(p.Y)))
		}
		// onPanel comes last: WithLineChartOpts resets the axis indices.
		c.AddSeries(p.Name, nil, styled(pathColor(i), false),
			charts.WithLineChartOpts(opts.LineChart{Symbol: "circle", SymbolSize: 4, ShowSymbol: opts.Bool(len(p.X) <= 200)}),
			charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.LineStyle.Width = 2 }),
			onPanel(1))
		// The points as bare [x, y] pairs, a third shorter than
		// go-echarts' {"value": [x, y]} objects.
		c.MultiSeries[len(c.MultiSeries)-1].Data = pathPairs(roundPath(thinPath(p, surface), surface))
		if len(p.X) > 0 && drawable(p.X[0], false) && drawable(p.Y[0], false) {
			c.MultiSeries[len(c.MultiSeries)-1].MarkPoints = &opts.MarkPoints{Data: []interface{}{
				opts.MarkPointNameCoordItem{Name: "start", Coordinate: []interface{}{p.X[0], p.Y[0]},
					Symbol: "circle", SymbolSize: 10},
			}}
		}
	}
	fitHeader(&c.BaseConfiguration, o, legendNames(c.MultiSeries[1:])) // the surface has no entry
	// An outline keeps the white path's legend entry visible.
	c.Legend.ItemStyle = &opts.ItemStyle{BorderColor: "#666", BorderWidth: 1}
	return c
}

// thinPath returns p without the points that lie within a thousandth of
// the surface's extent, in both directions, of the last point kept: they
// would draw under a pixel from it. The first and last points, and points
// that cannot be drawn (NaN: a break in the line) and their neighbours,
// are always kept, so the line has the same shape and ends.
func thinPath(p Series, surface Grid) Series {
	if len(p.X) <= 2 {
		return p
	}
	epsX := math.Abs(surface.X[len(surface.X)-1]-surface.X[0]) / 1000
	epsY := math.Abs(surface.Y[len(surface.Y)-1]-surface.Y[0]) / 1000
	ok := func(i int) bool { return drawable(p.X[i], false) && drawable(p.Y[i], false) }
	out := Series{Name: p.Name, X: []float64{p.X[0]}, Y: []float64{p.Y[0]}}
	last := 0
	for i := 1; i < len(p.X); i++ {
		keep := i == len(p.X)-1 || !ok(i) || !ok(last) || !ok(i+1) ||
			math.Abs(p.X[i]-p.X[last]) > epsX || math.Abs(p.Y[i]-p.Y[last]) > epsY
		if keep {
			out.X, out.Y = append(out.X, p.X[i]), append(out.Y, p.Y[i])
			last = i
		}
	}
	return out
}

// roundPath rounds the coordinates of p to a power of ten no larger than
// a ten-thousandth of the surface's extent in each direction: a tenth of
// a pixel on the widest chart, and 4 to 6 significant digits instead of
// 17 in the page. NaN and infinite values are left as they are.
func roundPath(p Series, surface Grid) Series {
	// digits returns k for a step of 10^-k (k < 0 for steps above 1).
	digits := func(v []float64) (int, bool) {
		extent := math.Abs(v[len(v)-1] - v[0])
		if !(extent > 0) || math.IsInf(extent, 0) {
			return 0, false
		}
		return -int(math.Floor(math.Log10(extent / 10000))), true
	}
	round := func(v, axis []float64) []float64 {
		k, ok := digits(axis)
		if !ok {
			return v
		}
		out := make([]float64, len(v))
		for i, x := range v {
			// An integer divided by an exact power of ten is the float64
			// nearest the decimal, which JSON prints in few digits.
			if k >= 0 {
				scale := math.Pow(10, float64(k))
				out[i] = math.Round(x*scale) / scale
			} else {
				step := math.Pow(10, float64(-k))
				out[i] = math.Round(x/step) * step
			}
			if math.IsNaN(x) || math.IsInf(x, 0) {
				out[i] = x
			}
		}
		return out
	}
	return Series{Name: p.Name, X: round(p.X, surface.X), Y: round(p.Y, surface.Y)}
}

// pathPairs returns the points of p as [x, y] pairs for ECharts, with "-"
// (a gap) for a point that cannot be drawn.
func pathPairs(p Series) [][2]interface{} {
	out := make([][2]interface{}, len(p.X))
	for i := range p.X {
		if drawable(p.X[i], false) && drawable(p.Y[i], false) {
			out[i] = [2]interface{}{p.X[i], p.Y[i]}
		} else {
			out[i] = [2]interface{}{"-", "-"}
		}
	}
	return out
}

// pathColor picks path colors that stand out on the blue-to-red ramp.
func pathColor(i int) string {
	colors := []string{"#000000", "#ffffff", "#2ca02c", "#e377c2", "#8c564b", "#17becf"}
	return colors[i%len(colors)]
}

// Points are labeled points of a 2-D data set: (X[i], Y[i]) has class
// Class[i], counted from 0.
type Points struct {
	X, Y  []float64
	Class []int
}

// DecisionBoundary draws a classifier's output on a grid as a heat map
// (Z: the probability of class 1, in [0, 1]; 0.5 is the boundary, in
// white) with the data points over it, one color per class.
//
// DecisionBoundary panics if the grid is malformed, if X, Y and Class
// differ in length, or if a class is negative.
func DecisionBoundary(o Options, probability Grid, points Points) *charts.Line {
	if len(points.X) != len(points.Y) || len(points.X) != len(points.Class) {
		panic(fmt.Sprintf("viz: DecisionBoundary: len(X)=%d, len(Y)=%d, len(Class)=%d differ",
			len(points.X), len(points.Y), len(points.Class)))
	}
	c := surfaceChart(o, "DecisionBoundary", probability, rampDiverging, 0, 1)
	byClass := map[int]*Series{}
	maxClass := -1
	for i, k := range points.Class {
		if k < 0 {
			panic(fmt.Sprintf("viz: DecisionBoundary: point %d has class %d, want ≥ 0", i, k))
		}
		s := byClass[k]
		if s == nil {
			s = &Series{Name: "class " + strconv.Itoa(k)}
			byClass[k] = s
		}
		s.X = append(s.X, points.X[i])
		s.Y = append(s.Y, points.Y[i])
		maxClass = max(maxClass, k)
	}
	classColors := []string{"#2f4b9c", "#b2182b", "#1b7837", "#e08214", "#542788", "#404040"}
	for k := 0; k <= maxClass; k++ {
		s := byClass[k]
		if s == nil {
			continue
		}
		c.MultiSeries = append(c.MultiSeries, charts.SingleSeries{
			Name: s.Name, Type: "scatter", Data: lineData(*s, Options{}), XAxisIndex: 1, YAxisIndex: 1,
			SymbolSize: 7, ItemStyle: &opts.ItemStyle{Color: classColors[k%len(classColors)], BorderColor: "#fff", BorderWidth: 0.5},
		})
	}
	fitHeader(&c.BaseConfiguration, o, legendNames(c.MultiSeries[1:]))
	return c
}
