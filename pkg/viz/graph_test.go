package viz

import (
	"fmt"
	"strings"
	"testing"
)

// columnsOf lists each column of a layout top to bottom, as node ids.
func columnsOf(l graphLayout) string {
	cols := make([][]string, l.cols)
	order := make([][]float64, l.cols)
	for v, c := range l.col {
		// Insert v by row: columns are short.
		i := 0
		for i < len(order[c]) && order[c][i] < l.row[v] {
			i++
		}
		cols[c] = append(cols[c][:i], append([]string{fmt.Sprint(v)}, cols[c][i:]...)...)
		order[c] = append(order[c][:i], append([]float64{l.row[v]}, order[c][i:]...)...)
	}
	parts := make([]string, len(cols))
	for i, c := range cols {
		parts[i] = strings.Join(c, " ")
	}
	return strings.Join(parts, " | ")
}

func TestLayoutGraph(t *testing.T) {
	tests := []struct {
		name      string
		n         int
		edges     []GraphEdge
		want      string // columns left to right, nodes top to bottom
		crossings int
	}{
		{"one node", 1, nil, "0", 0},
		{"chain", 3, []GraphEdge{{0, 1}, {1, 2}}, "0 | 1 | 2", 0},
		// L = tanh(a·b + d): d sits one column left of +, not with a and b.
		{"leaf next to its user", 6, []GraphEdge{{0, 2}, {1, 2}, {2, 4}, {3, 4}, {4, 5}}, "0 1 | 2 3 | 4 | 5", 0},
		// Two products whose operands come in the crossed order: the
		// sweeps swap them.
		{"crossing undone", 6, []GraphEdge{{0, 5}, {1, 4}, {2, 5}, {3, 4}}, "1 3 0 2 | 4 5", 0},
		// x·x: two edges between the same nodes.
		{"square", 2, []GraphEdge{{0, 1}, {0, 1}}, "0 | 1", 0},
		// Two outputs both end in the last column.
		{"two outputs", 3, []GraphEdge{{0, 1}, {0, 2}}, "0 | 1 2", 0},
		// A value used at two depths sits left of its first user; its
		// edge to the later one is long.
		{"long edge", 4, []GraphEdge{{0, 1}, {1, 2}, {0, 2}, {2, 3}}, "0 | 1 | 2 | 3", 0},
	}
	for _, tt := range tests {
		l := layoutGraph(tt.n, tt.edges)
		if got := columnsOf(l); got != tt.want {
			t.Errorf("%s: columns %q, want %q", tt.name, got, tt.want)
		}
		if got := crossings(l, tt.edges); got != tt.crossings {
			t.Errorf("%s: %d crossings, want %d", tt.name, got, tt.crossings)
		}
	}
}

func TestCrossings(t *testing.T) {
	// Two columns of two: a→d and b→c cross when a is above b and c
	// above d.
	l := graphLayout{col: []int{0, 0, 1, 1}, row: []float64{-0.5, 0.5, -0.5, 0.5}, cols: 2, maxRows: 2}
	if got := crossings(l, []GraphEdge{{0, 3}, {1, 2}}); got != 1 {
		t.Errorf("crossed edges: %d crossings, want 1", got)
	}
	if got := crossings(l, []GraphEdge{{0, 2}, {1, 3}}); got != 0 {
		t.Errorf("parallel edges: %d crossings, want 0", got)
	}
	if got := crossings(l, []GraphEdge{{0, 2}, {0, 3}, {1, 3}}); got != 0 {
		t.Errorf("edges sharing a node: %d crossings, want 0", got)
	}
}

// The chart grows with the graph: wider with more steps, taller with
// more values in one step, and never smaller than the graph needs.
func TestComputationGraphSize(t *testing.T) {
	type graph struct {
		nodes []GraphNode
		edges []GraphEdge
	}
	chain := func(n int) graph {
		nodes := make([]GraphNode, n)
		var edges []GraphEdge
		for i := range nodes {
			nodes[i] = GraphNode{ID: i, Op: "tanh"}
			if i > 0 {
				edges = append(edges, GraphEdge{i - 1, i})
			}
		}
		return graph{nodes, edges}
	}
	fan := func(n int) graph { // n leaves summed into one
		nodes := make([]GraphNode, n+1)
		var edges []GraphEdge
		for i := range n {
			nodes[i] = GraphNode{ID: i, Label: "x"}
			edges = append(edges, GraphEdge{i, n})
		}
		nodes[n] = GraphNode{ID: n, Op: "+"}
		return graph{nodes, edges}
	}
	size := func(o Options, g graph) (int, int) {
		return chartSize(ComputationGraph(o, g.nodes, g.edges))
	}
	w3, h3 := size(Options{}, chain(3))
	w6, h6 := size(Options{}, chain(6))
	// A 64-pixel box and a 28-pixel gap per step.
	if w6-w3 != 3*92 || h6 != h3 {
		t.Errorf("chain of 3: %d×%d, of 6: %d×%d; want 276 pixels wider, as tall", w3, h3, w6, h6)
	}
	_, f3 := size(Options{}, fan(3))
	_, f6 := size(Options{}, fan(6))
	// A 56-pixel box and a 14-pixel gap per value.
	if f6-f3 != 3*70 {
		t.Errorf("fan of 3: %d tall, of 6: %d; want 210 pixels taller", f3, f6)
	}
	if w, h := size(Options{Width: 100, Height: 50}, chain(6)); w != w6 || h != h6 {
		t.Errorf("Options 100×50: %d×%d, want the graph's own %d×%d", w, h, w6, h6)
	}
	if w, h := size(Options{Width: 2000, Height: 900}, chain(6)); w != 2000 || h != 900 {
		t.Errorf("Options 2000×900: %d×%d", w, h)
	}
	// The graph is drawn at scale 1, centered: its layout box spans the
	// box centers exactly.
	g := chain(6)
	m := optionOf(t, ComputationGraph(Options{Width: 2000}, g.nodes, g.edges))
	if got := at(t, m, "series", 0, "width"); got != 5*92.0 {
		t.Errorf("layout box %v wide, want 460", got)
	}
	if got := at(t, m, "series", 0, "left"); got != (2000-460)/2.0 {
		t.Errorf("layout box at %v, want 770", got)
	}
}

func TestGraphHead(t *testing.T) {
	tests := []struct {
		n    GraphNode
		want string
	}{
		{GraphNode{ID: 3, Label: "x1"}, "x1"},
		{GraphNode{ID: 3}, "#3"},
		{GraphNode{ID: 3, Op: "tanh"}, "tanh"},
		{GraphNode{ID: 3, Label: "h1", Op: "sigmoid"}, "h1 = sigmoid"},
	}
	for _, tt := range tests {
		if got := graphHead(tt.n.ID, tt.n); got != tt.want {
			t.Errorf("graphHead(%+v) = %q, want %q", tt.n, got, tt.want)
		}
	}
}
