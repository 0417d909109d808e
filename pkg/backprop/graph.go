package backprop

import (
	"fmt"
	"strings"
)

// Graph is a snapshot of a computation graph as plain data, for drawing or
// printing: it holds no pointers into the graph, so a charting package can
// use it without importing this one.
type Graph struct {
	// Nodes in topological order: every node comes after its inputs, and
	// the output the graph was taken from is last. Nodes[i].ID == i.
	Nodes []GraphNode
	// Edges point forward, from an input to the node computed from it. A
	// node used twice by one operation (x*x) has two edges to it.
	Edges []GraphEdge
}

// GraphNode is one Value of a Graph.
type GraphNode struct {
	ID    int     // index in Graph.Nodes
	Label string  // the Value's label; may be ""
	Op    string  // operation that produced it; "" for a leaf
	Data  float64 // forward value
	Grad  float64 // gradient at the time of the snapshot
}

// GraphEdge says that node From is an operand of node To.
type GraphEdge struct {
	From, To int
}

// Graph returns the graph of v and everything it depends on. Take it after
// Backward to see the gradients.
func (v *Value) Graph() Graph {
	order := v.topo()
	id := make(map[*Value]int, len(order))
	g := Graph{Nodes: make([]GraphNode, len(order))}
	for i, n := range order {
		id[n] = i
		g.Nodes[i] = GraphNode{ID: i, Label: n.Label, Op: n.Op, Data: n.Data, Grad: n.Grad}
	}
	// Inputs come earlier in order, so their ids are already known.
	for _, n := range order {
		for _, in := range n.inputs {
			g.Edges = append(g.Edges, GraphEdge{From: id[in], To: id[n]})
		}
	}
	return g
}

// String lists the nodes, one a line, in topological order, each with the
// ids of its inputs:
//
//	#2 e = * (#0, #1)  data=-6  grad=1
func (g Graph) String() string {
	inputs := g.inputsOf()
	var b strings.Builder
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "#%d", n.ID)
		if n.Label != "" {
			fmt.Fprintf(&b, " %s", n.Label)
		}
		if n.Op != "" {
			ids := make([]string, len(inputs[n.ID]))
			for i, from := range inputs[n.ID] {
				ids[i] = fmt.Sprintf("#%d", from)
			}
			fmt.Fprintf(&b, " = %s (%s)", n.Op, strings.Join(ids, ", "))
		}
		fmt.Fprintf(&b, "  data=%.4g  grad=%.4g\n", n.Data, n.Grad)
	}
	return b.String()
}

// DOT returns the graph in Graphviz's DOT language, drawn left to right in
// the style of a lecture: each value is a box "label | data | grad", and
// each operation is a small oval between its inputs and its result.
// Render it with `dot -Tsvg`.
func (g Graph) DOT() string {
	var b strings.Builder
	b.WriteString("digraph G {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n")
	for _, n := range g.Nodes {
		fmt.Fprintf(&b, "  v%d [shape=record, label=\"{ %s | data %.4f | grad %.4f }\"];\n",
			n.ID, dotEscape(n.Label), n.Data, n.Grad)
		if n.Op != "" {
			fmt.Fprintf(&b, "  op%d [shape=ellipse, label=\"%s\"];\n  op%d -> v%d;\n",
				n.ID, dotEscape(n.Op), n.ID, n.ID)
		}
	}
	for _, e := range g.Edges {
		fmt.Fprintf(&b, "  v%d -> op%d;\n", e.From, e.To)
	}
	b.WriteString("}\n")
	return b.String()
}

// inputsOf returns, for each node id, the ids of its inputs in order.
func (g Graph) inputsOf() [][]int {
	in := make([][]int, len(g.Nodes))
	for _, e := range g.Edges {
		in[e.To] = append(in[e.To], e.From)
	}
	return in
}

// dotEscape makes s safe inside a quoted DOT record label, where braces,
// bars and angle brackets have meaning.
func dotEscape(s string) string {
	r := strings.NewReplacer(`\`, `\\`, `"`, `\"`, "{", `\{`, "}", `\}`, "|", `\|`, "<", `\<`, ">", `\>`)
	return r.Replace(s)
}
