package viz

import (
	"fmt"
	"strconv"

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

// ComputationGraph draws a scalar computation graph left to right: leaves
// in the first column, every value one column after its latest operand.
// Each value is a box with its label, data and gradient; each operation a
// small circle between the value and its operands, as in the lecture.
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

// graphLayers returns each node's column: 0 for leaves, otherwise one more
// than its deepest operand (the longest path from a leaf).
func graphLayers(n int, edges []GraphEdge) []int {
	inputs := make([][]int, n)
	for _, e := range edges {
		if e.From < 0 || e.From >= n || e.To < 0 || e.To >= n {
			panic(fmt.Sprintf("viz: ComputationGraph: edge %d→%d names a node outside 0..%d", e.From, e.To, n-1))
		}
		inputs[e.To] = append(inputs[e.To], e.From)
	}
	layer := make([]int, n)
	state := make([]byte, n) // 0 new, 1 on the stack, 2 done
	var visit func(v int) int
	visit = func(v int) int {
		switch state[v] {
		case 1:
			panic(fmt.Sprintf("viz: ComputationGraph: the edges form a cycle through node %d", v))
		case 2:
			return layer[v]
		}
		state[v] = 1
		for _, u := range inputs[v] {
			layer[v] = max(layer[v], visit(u)+1)
		}
		state[v] = 2
		return layer[v]
	}
	for v := range n {
		visit(v)
	}
	return layer
}

// graphItem is an ECharts graph node; go-echarts' GraphNode has no id or
// label and drops a coordinate of 0.
type graphItem struct {
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	X          float64         `json:"x"`
	Y          float64         `json:"y"`
	Symbol     string          `json:"symbol"`
	SymbolSize []int           `json:"symbolSize"`
	ItemStyle  *opts.ItemStyle `json:"itemStyle,omitempty"`
	Label      *graphLabel     `json:"label,omitempty"`
}

type graphLabel struct {
	FontSize int    `json:"fontSize"`
	Color    string `json:"color,omitempty"`
}

type graphLink struct {
	Source string `json:"source"`
	Target string `json:"target"`
}

func graphChart(o Options, nodes []GraphNode, edges []GraphEdge) *charts.Graph {
	layer := graphLayers(len(nodes), edges)
	// Rows: nodes of a column in the order given (topological for
	// backprop.Graph), centered vertically.
	perLayer := map[int][]int{}
	maxLayer, maxRows := 0, 0
	for v, l := range layer {
		perLayer[l] = append(perLayer[l], v)
		maxLayer = max(maxLayer, l)
		maxRows = max(maxRows, len(perLayer[l]))
	}
	const dx, dy = 100.0, 80.0 // a value column and its op column take 2·dx
	var items []graphItem
	var links []graphLink
	vid := func(v int) string { return "v" + strconv.Itoa(v) }
	oid := func(v int) string { return "op" + strconv.Itoa(v) }
	for l := 0; l <= maxLayer; l++ {
		col := perLayer[l]
		for r, v := range col {
			n := nodes[v]
			y := (float64(r) - float64(len(col)-1)/2) * dy
			name := n.Label
			if name == "" {
				name = "#" + strconv.Itoa(v)
			}
			items = append(items, graphItem{
				ID: vid(v), Name: fmt.Sprintf("%s\ndata %.4g\ngrad %.4g", name, n.Data, n.Grad),
				X: float64(2*l) * dx, Y: y, Symbol: "roundRect", SymbolSize: []int{100, 54},
				ItemStyle: &opts.ItemStyle{Color: "#eef3fb", BorderColor: "#5470c6", BorderWidth: 1.5},
			})
			if n.Op != "" {
				items = append(items, graphItem{
					ID: oid(v), Name: n.Op, X: float64(2*l-1) * dx, Y: y,
					Symbol: "circle", SymbolSize: []int{34, 34},
					ItemStyle: &opts.ItemStyle{Color: "#fdf0d5", BorderColor: "#e3a21a", BorderWidth: 1.5},
					Label:     &graphLabel{FontSize: 13},
				})
				links = append(links, graphLink{Source: oid(v), Target: vid(v)})
			}
		}
	}
	for _, e := range edges {
		target := vid(e.To)
		if nodes[e.To].Op != "" {
			target = oid(e.To)
		}
		links = append(links, graphLink{Source: vid(e.From), Target: target})
	}
	w, h := o.size()
	if o.Height <= 0 {
		h = max(h, 120+int(dy)*maxRows)
	}
	c := charts.NewGraph()
	c.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{Width: strconv.Itoa(w) + "px", Height: strconv.Itoa(h) + "px"}),
		charts.WithTitleOpts(opts.Title{Title: o.Title, Subtitle: o.Subtitle}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
	)
	c.MultiSeries = append(c.MultiSeries, charts.SingleSeries{
		Name: "graph", Type: "graph", Layout: "none", Data: items, Links: links,
		Roam: opts.Bool(true), EdgeSymbol: []string{"none", "arrow"}, EdgeSymbolSize: 8,
		Label:     &opts.Label{Show: opts.Bool(true), Color: "#222", FontSize: 11, LineHeight: 14},
		LineStyle: &opts.LineStyle{Color: "#888", Width: 1.2},
	})
	return c
}
