package viz

import (
	"fmt"
	"html"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// GraphNode is one value of a scalar computation graph. Its fields match
// backprop.GraphNode, so a backprop.Graph's nodes can be passed to
// ComputationGraph as they are.
type GraphNode struct {
	ID    int     // index in the node slice
	Label string  // the value's name; may be ""
	Op    string  // operation that produced it; "" for a leaf (input, parameter)
	Data  float64 // forward value
	Grad  float64 // gradient of the output with respect to it
}

// GraphEdge says that node From is an operand of node To: edges point
// forward, from inputs to results.
type GraphEdge struct {
	From, To int
}

// ComputationGraph draws a scalar computation graph left to right, in the
// direction of the forward pass: each value is a box with its operation
// (or its label, for an input or parameter), its data and its gradient,
// and arrows lead from the operands of an operation to its result. The
// border and the gradient line are red where the gradient is positive
// (raising the value raises the output), blue where it is negative, grey
// where it is zero. Hovering over a box shows its values in full.
//
// The output is in the last column; every other value sits one column
// left of the first value computed from it, so inputs sit next to where
// they are used, and the order of each column is chosen to keep arrows
// from crossing. The chart is as large as the graph needs (wider with
// more steps, taller with more values in one step) and keeps that size on
// a narrower page, which then scrolls sideways; Options.Width and Height
// can make it larger (the graph is centered in it), not smaller.
//
// It takes a backprop.Graph's Nodes and Edges directly (any node and edge
// types with the fields of GraphNode and GraphEdge):
//
//	g := loss.Graph()
//	viz.Show(viz.ComputationGraph(viz.Options{Title: "L"}, g.Nodes, g.Edges))
//
// ComputationGraph panics if an edge names a node that does not exist or
// the edges form a cycle.
func ComputationGraph[N ~struct {
	ID    int
	Label string
	Op    string
	Data  float64
	Grad  float64
}, E ~struct{ From, To int }](o Options, nodes []N, edges []E) *charts.Graph {
	ns := make([]GraphNode, len(nodes))
	for i, n := range nodes {
		ns[i] = GraphNode(n)
	}
	es := make([]GraphEdge, len(edges))
	for i, e := range edges {
		es[i] = GraphEdge(e)
	}
	return graphChart(o, ns, es)
}

// graphLayout is where the nodes of a graph go: column and row.
type graphLayout struct {
	col     []int     // 0 for the leftmost column
	row     []float64 // centered: rows of a column of n are -(n-1)/2 … (n-1)/2
	cols    int
	maxRows int
}

// layoutGraph places n nodes joined by edges (From an operand To its
// result) in columns: the outputs (nodes nothing is computed from) in the
// last one, every other node one column left of the first node that uses
// it (the longest path to an output, counted back from the right). Within
// each column the order comes from a few barycenter sweeps (each node
// moves toward the mean row of its neighbours in the column just swept),
// keeping the order with the fewest crossing edges. It is deterministic:
// ties keep the order of the nodes.
func layoutGraph(n int, edges []GraphEdge) graphLayout {
	inputs := make([][]int, n)
	users := make([][]int, n)
	for _, e := range edges {
		if e.From < 0 || e.From >= n || e.To < 0 || e.To >= n {
			panic(fmt.Sprintf("viz: ComputationGraph: edge %d→%d names a node outside 0..%d", e.From, e.To, n-1))
		}
		inputs[e.To] = append(inputs[e.To], e.From)
		users[e.From] = append(users[e.From], e.To)
	}
	// toOutput[v] is the longest path from v to an output.
	toOutput := make([]int, n)
	state := make([]byte, n) // 0 new, 1 on the stack, 2 done
	var visit func(v int) int
	visit = func(v int) int {
		switch state[v] {
		case 1:
			panic(fmt.Sprintf("viz: ComputationGraph: the edges form a cycle through node %d", v))
		case 2:
			return toOutput[v]
		}
		state[v] = 1
		for _, u := range users[v] {
			toOutput[v] = max(toOutput[v], visit(u)+1)
		}
		state[v] = 2
		return toOutput[v]
	}
	last := 0
	for v := range n {
		last = max(last, visit(v))
	}
	l := graphLayout{col: make([]int, n), row: make([]float64, n), cols: last + 1}
	columns := make([][]int, l.cols)
	for v := range n {
		l.col[v] = last - toOutput[v]
		columns[l.col[v]] = append(columns[l.col[v]], v)
	}
	for _, c := range columns {
		l.maxRows = max(l.maxRows, len(c))
	}
	place := func(c []int) {
		for i, v := range c {
			l.row[v] = float64(i) - float64(len(c)-1)/2
		}
	}
	for _, c := range columns {
		place(c)
	}
	best, bestCross := cloneColumns(columns), crossings(l, edges)
	mean := func(v int, neighbours [][]int) float64 {
		if len(neighbours[v]) == 0 {
			return l.row[v] // stays where it is
		}
		sum := 0.0
		for _, u := range neighbours[v] {
			sum += l.row[u]
		}
		return sum / float64(len(neighbours[v]))
	}
	sweep := func(c int, neighbours [][]int) {
		key := make(map[int]float64, len(columns[c]))
		for _, v := range columns[c] {
			key[v] = mean(v, neighbours)
		}
		sort.SliceStable(columns[c], func(i, j int) bool { return key[columns[c][i]] < key[columns[c][j]] })
		place(columns[c])
	}
	for pass := range 8 {
		if pass%2 == 0 { // from the output back, by the users' rows
			for c := l.cols - 2; c >= 0; c-- {
				sweep(c, users)
			}
		} else { // forward, by the operands' rows
			for c := 1; c < l.cols; c++ {
				sweep(c, inputs)
			}
		}
		if x := crossings(l, edges); x < bestCross {
			best, bestCross = cloneColumns(columns), x
		}
	}
	for _, c := range best {
		place(c)
	}
	return l
}

func cloneColumns(columns [][]int) [][]int {
	c := make([][]int, len(columns))
	for i, col := range columns {
		c[i] = append([]int(nil), col...)
	}
	return c
}

// crossings counts the pairs of edges, drawn as straight lines between
// the nodes' places, that cross. Edges that share a node do not count.
func crossings(l graphLayout, edges []GraphEdge) int {
	n := 0
	for i, a := range edges {
		for _, b := range edges[:i] {
			if a.From == b.From || a.From == b.To || a.To == b.From || a.To == b.To {
				continue
			}
			// Where the edges' column spans overlap, a crossing is a
			// change of sign of the difference of their rows.
			lo := max(l.col[a.From], l.col[b.From])
			hi := min(l.col[a.To], l.col[b.To])
			if lo >= hi {
				continue
			}
			d0 := rowAt(l, a, lo) - rowAt(l, b, lo)
			d1 := rowAt(l, a, hi) - rowAt(l, b, hi)
			if d0*d1 < 0 {
				n++
			}
		}
	}
	return n
}

// rowAt is the row of edge e's line at column c.
func rowAt(l graphLayout, e GraphEdge, c int) float64 {
	c0, c1 := l.col[e.From], l.col[e.To]
	t := float64(c-c0) / float64(c1-c0)
	return l.row[e.From] + t*(l.row[e.To]-l.row[e.From])
}

// graphItem is an ECharts graph node; go-echarts' GraphNode has no id,
// label or tooltip and drops a coordinate of 0.
type graphItem struct {
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	X          float64         `json:"x"`
	Y          float64         `json:"y"`
	Symbol     string          `json:"symbol"`
	SymbolSize []float64       `json:"symbolSize"`
	ItemStyle  *opts.ItemStyle `json:"itemStyle,omitempty"`
	Label      *graphLabel     `json:"label,omitempty"`
	Tooltip    *graphTooltip   `json:"tooltip,omitempty"`
}

type graphLabel struct {
	Show      bool   `json:"show"`
	Formatter string `json:"formatter,omitempty"`
}

type graphTooltip struct {
	Show      bool   `json:"show"`
	Formatter string `json:"formatter,omitempty"`
}

type graphLink struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

// graphSeries is the ECharts graph series, with the options go-echarts
// lacks (a layout box, rich text).
type graphSeries struct {
	Type           string         `json:"type"`
	Layout         string         `json:"layout"`
	Left           int            `json:"left"`
	Top            int            `json:"top"`
	Width          float64        `json:"width"`
	Height         float64        `json:"height"`
	Roam           bool           `json:"roam"`
	Data           []graphItem    `json:"data"`
	Links          []graphLink    `json:"links"`
	EdgeSymbol     []string       `json:"edgeSymbol"`
	EdgeSymbolSize int            `json:"edgeSymbolSize"`
	Label          map[string]any `json:"label"`
	LineStyle      map[string]any `json:"lineStyle"`
	Emphasis       map[string]any `json:"emphasis"`
}

// Colors of a gradient's sign, and the fills of leaves and results.
const (
	gradPositive = "#c0392b"
	gradNegative = "#2a6ebb"
	gradZero     = "#999999"
	leafFill     = "#f4f4f4"
	resultFill   = "#eef3fb"
)

// gradStyle returns the rich-text style name and color for a gradient.
func gradStyle(g float64) (style, color string) {
	switch {
	case g > 0:
		return "p", gradPositive
	case g < 0:
		return "n", gradNegative
	}
	return "z", gradZero
}

// Sizes of a graph's boxes and the space between them, in pixels.
const (
	graphFont, graphHeadFont = 11, 11
	graphLine, graphHeadLine = 15, 16
	graphPadX, graphPadY     = 8, 5
	graphGapX, graphGapY     = 28, 14
	graphMargin              = 16
	graphNote                = 26 // the color note under the graph
)

func graphChart(o Options, nodes []GraphNode, edges []GraphEdge) *charts.Graph {
	l := layoutGraph(len(nodes), edges)
	hasInputs := make([]bool, len(nodes))
	hasUsers := make([]bool, len(nodes))
	for _, e := range edges {
		hasInputs[e.To], hasUsers[e.From] = true, true
	}
	// Every box is as wide as the widest text, so the columns line up.
	heads := make([]string, len(nodes))
	lines := make([][2]string, len(nodes))
	boxW := 64.0
	for v, n := range nodes {
		heads[v] = graphHead(v, n)
		lines[v] = [2]string{"data " + graphNumber(n.Data), "grad " + graphNumber(n.Grad)}
		boxW = max(boxW, textWidth(heads[v], graphHeadFont, true)+2*graphPadX,
			textWidth(lines[v][0], graphFont, false)+2*graphPadX, textWidth(lines[v][1], graphFont, false)+2*graphPadX)
	}
	boxW = math.Ceil(boxW)
	boxH := float64(graphHeadLine + 2*graphLine + 2*graphPadY)
	pitchX, pitchY := boxW+graphGapX, boxH+graphGapY

	// The chart: the graph at scale 1 (its view box has the extent of the
	// box centers), the title above and the note below.
	spanX, spanY := float64(l.cols-1)*pitchX, float64(l.maxRows-1)*pitchY
	w := max(o.Width, int(spanX+boxW)+2*graphMargin, min(titleWidth(o), DefaultWidth))
	top := layoutHeader(o, w, nil).titleBottom + 12
	need := top + int(spanY+boxH) + graphNote + 8
	h := max(o.Height, need)
	top += (h - need) / 2 // a taller chart than needed centers the graph
	o.Width, o.Height = w, h

	var items []graphItem
	var links []graphLink
	for v, n := range nodes {
		x, y := float64(l.col[v])*pitchX, l.row[v]*pitchY
		style, border := gradStyle(n.Grad)
		fill := leafFill
		if n.Op != "" {
			fill = resultFill
		}
		items = append(items, graphItem{
			ID: "v" + strconv.Itoa(v), Name: heads[v], X: x, Y: y,
			Symbol: "roundRect", SymbolSize: []float64{boxW, boxH},
			ItemStyle: &opts.ItemStyle{Color: fill, BorderColor: border, BorderWidth: 1.5},
			Label: &graphLabel{Show: true, Formatter: fmt.Sprintf("{h|%s}\n{d|%s}\n{%s|%s}",
				richSafe(heads[v]), lines[v][0], style, lines[v][1])},
			Tooltip: &graphTooltip{Show: true, Formatter: graphTooltipHTML(v, n, edges)},
		})
		// Ports: invisible points at the middle of the box's sides, where
		// arrows leave and arrive. Their name is what an arrow's tooltip
		// shows: "x1 (#0) > * (#2)".
		port := func(id string, x float64) {
			items = append(items, graphItem{ID: id, Name: heads[v] + " (#" + strconv.Itoa(v) + ")", X: x, Y: y,
				Symbol: "circle", SymbolSize: []float64{0, 0}, Label: &graphLabel{}, Tooltip: &graphTooltip{}})
		}
		if hasInputs[v] {
			port("in"+strconv.Itoa(v), x-boxW/2)
		}
		if hasUsers[v] {
			port("out"+strconv.Itoa(v), x+boxW/2)
		}
	}
	for _, e := range edges {
		links = append(links, graphLink{Source: "out" + strconv.Itoa(e.From), Target: "in" + strconv.Itoa(e.To)})
	}
	// ECharts widens an empty extent to 2 units: the box does the same.
	boxSpanX, boxSpanY := max(spanX, 2), max(spanY, 2)
	series := graphSeries{
		Type: "graph", Layout: "none", Roam: false, Data: items, Links: links,
		Left: int(math.Round((float64(w) - boxSpanX) / 2)), Top: top + int(boxH/2) - int(boxSpanY-spanY)/2,
		Width: boxSpanX, Height: boxSpanY,
		EdgeSymbol: []string{"none", "arrow"}, EdgeSymbolSize: 7,
		Label: map[string]any{"show": true, "rich": map[string]any{
			"h": richStyle("#111", graphHeadFont, graphHeadLine, true),
			"d": richStyle("#333", graphFont, graphLine, false),
			"p": richStyle(gradPositive, graphFont, graphLine, false),
			"n": richStyle(gradNegative, graphFont, graphLine, false),
			"z": richStyle(gradZero, graphFont, graphLine, false),
		}},
		LineStyle: map[string]any{"color": "#8a8a8a", "width": 1.2, "opacity": 1},
		Emphasis:  map[string]any{"scale": false},
	}
	c := charts.NewGraph()
	c.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{Width: strconv.Itoa(w) + "px", Height: strconv.Itoa(h) + "px"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
	)
	fitHeader(&c.BaseConfiguration, o, nil)
	c.Accept(patch{set: func(m map[string]interface{}) {
		m["series"] = []graphSeries{series}
		m["graphic"] = []map[string]any{{
			"type": "text", "left": graphMargin, "bottom": 8, "silent": true,
			"style": map[string]any{"text": "border and grad: {p|positive}  {n|negative}  {z|zero}",
				"fill": "#666", "font": "12px sans-serif",
				"rich": map[string]any{"p": map[string]any{"fill": gradPositive, "fontWeight": "bold"},
					"n": map[string]any{"fill": gradNegative, "fontWeight": "bold"},
					"z": map[string]any{"fill": gradZero, "fontWeight": "bold"}}},
		}}
	}})
	return c
}

// richStyle is one style of a box's rich text; every line is centered.
func richStyle(color string, size, lineHeight int, bold bool) map[string]any {
	s := map[string]any{"color": color, "fontSize": size, "lineHeight": lineHeight, "align": "center"}
	if bold {
		s["fontWeight"] = "bold"
	}
	return s
}

// graphHead is the first line of a value's box: its operation (with its
// label, if it has one) or, for a leaf, its label or id.
func graphHead(v int, n GraphNode) string {
	switch {
	case n.Op != "" && n.Label != "":
		return n.Label + " = " + n.Op
	case n.Op != "":
		return n.Op
	case n.Label != "":
		return n.Label
	}
	return "#" + strconv.Itoa(v)
}

// graphNumber formats a value for a box: four significant digits, as
// backprop.Graph's String prints them.
func graphNumber(x float64) string { return strconv.FormatFloat(x, 'g', 4, 64) }

// richSafe keeps a label from breaking ECharts' rich text ({style|text})
// and its formatter templates ({b}).
func richSafe(s string) string {
	return strings.NewReplacer("{", "(", "}", ")").Replace(s)
}

// graphTooltipHTML is a value's tooltip: the line Graph.String prints for
// it ("#9 h1 = sigmoid (#8)") and its data and gradient in full.
func graphTooltipHTML(v int, n GraphNode, edges []GraphEdge) string {
	head := "#" + strconv.Itoa(v)
	if n.Label != "" {
		head += " " + n.Label
	}
	if n.Op != "" {
		var in []string
		for _, e := range edges {
			if e.To == v {
				in = append(in, "#"+strconv.Itoa(e.From))
			}
		}
		head += " = " + n.Op + " (" + strings.Join(in, ", ") + ")"
	}
	return richSafe(html.EscapeString(head)) + "<br/>data " + strconv.FormatFloat(n.Data, 'g', 6, 64) +
		"<br/>grad " + strconv.FormatFloat(n.Grad, 'g', 6, 64)
}
