package viz

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// check is one expectation about a chart's option: the JSON value found
// at path, compared through its JSON text.
type check struct {
	path []any
	want string
}

func runOptionChecks(t *testing.T, name string, c Chart, checks []check) {
	t.Helper()
	m := optionOf(t, c)
	for _, ck := range checks {
		b, _ := json.Marshal(at(t, m, ck.path...))
		if string(b) != ck.want {
			t.Errorf("%s: %v = %s, want %s", name, ck.path, b, ck.want)
		}
	}
}

func TestChartKinds(t *testing.T) {
	tests := []struct {
		name   string
		chart  func() Chart
		checks []check
	}{
		{"LossCurves", func() Chart {
			return LossCurves(Options{Title: "runs", LogY: true},
				Run{Name: "a", TrainLoss: []float64{2, 1}, ValLoss: []float64{3, math.NaN()}, TrainAcc: []float64{0.5, 0.7}},
				Run{Name: "b", X: []float64{0, 5}, TrainLoss: []float64{4, 2}})
		}, []check{
			{[]any{"title", "text"}, `"runs"`},
			{[]any{"xAxis", 0, "name"}, `"epoch"`},
			{[]any{"yAxis", 0, "type"}, `"value"`}, // over log10 of the loss
			{[]any{"yAxis", 1, "type"}, `"value"`},
			{[]any{"yAxis", 1, "name"}, `"accuracy"`},
			{[]any{"yAxis", 1, "gridIndex"}, `1`},
			{[]any{"series", 0, "name"}, `"a train"`},
			{[]any{"series", 1, "name"}, `"a validation"`},
			{[]any{"series", 1, "lineStyle", "type"}, `"dashed"`},
			{[]any{"series", 1, "data", 0, "value"}, `[1,0.4771212547196624]`}, // epochs count from 1
			{[]any{"series", 1, "data", 1, "value"}, `[2,"-"]`},
			{[]any{"series", 2, "name"}, `"a train acc"`},
			{[]any{"series", 2, "xAxisIndex"}, `1`},
			{[]any{"series", 3, "name"}, `"b train"`},
			{[]any{"series", 3, "data", 1, "value"}, `[5,0.3010299956639812]`}, // log10(2)
			{[]any{"series", 0, "lineStyle", "color"}, `"#5470c6"`},
			{[]any{"series", 3, "lineStyle", "color"}, `"#91cc75"`},
		}},
		{"Schedules", func() Chart {
			return Schedules(Options{}, 3, Schedule{"halving", func(s int) float64 { return 1 / math.Pow(2, float64(s)) }})
		}, []check{
			{[]any{"xAxis", 0, "name"}, `"step"`},
			{[]any{"yAxis", 0, "name"}, `"learning rate"`},
			{[]any{"series", 0, "name"}, `"halving"`},
			{[]any{"series", 0, "data"}, `[{"value":[0,1]},{"value":[1,0.5]},{"value":[2,0.25]}]`},
		}},
		{"LRRangeTest", func() Chart {
			return LRRangeTest(Options{}, []float64{1e-4, 1e-3, 1e-2, 1e-1}, []float64{2, 1.5, 0.9, 5}, 1.2e-3)
		}, []check{
			{[]any{"xAxis", 0, "type"}, `"value"`}, // over log10 of the rate
			{[]any{"xAxis", 0, "name"}, `"learning rate"`},
			{[]any{"series", 0, "markLine", "data", 0}, `[{"coord":[-2.9208187539523753,0.9],"name":"suggested 0.0012"},{"coord":[-2.9208187539523753,5]}]`},
			// On the line at the suggested rate: 1.5 + (0.9 − 1.5)·log10(1.2).
			{[]any{"series", 0, "markPoint", "data", 0, "coord"}, `[-2.9208187539523753,1.452491252371425]`},
			{[]any{"series", 0, "markPoint", "data", 0, "value"}, `"0.0012"`},
		}},
		{"LossShapes", func() Chart {
			return LossShapes(Options{}, []float64{0, 1}, LossShape{"MSE", []float64{1, 0}, []float64{-2, 0}})
		}, []check{
			{[]any{"grid", 1, "left"}, `"56%"`},
			{[]any{"xAxis", 0, "name"}, `"prediction"`},
			{[]any{"yAxis", 1, "name"}, `"gradient"`},
			{[]any{"series", 1, "name"}, `"MSE"`}, // one legend entry per shape
			{[]any{"legend", "data"}, `["MSE"]`},
			{[]any{"legend", "type"}, `"plain"`},
			{[]any{"series", 1, "yAxisIndex"}, `1`},
			{[]any{"series", 1, "data"}, `[{"value":[0,-2]},{"value":[1,0]}]`},
		}},
		{"OptimizerPaths", func() Chart {
			g := SampleGrid(func(x, y float64) float64 { return x + 10*y }, 0, 2, 3, 0, 1, 2)
			return OptimizerPaths(Options{XLabel: "w1"}, g, Series{Name: "SGD", X: []float64{2, 1}, Y: []float64{1, 0.5}})
		}, []check{
			{[]any{"xAxis", 0, "type"}, `"category"`},
			{[]any{"xAxis", 0, "data"}, `["0","1","2"]`},
			{[]any{"xAxis", 1, "min"}, `-0.5`},
			{[]any{"xAxis", 1, "max"}, `2.5`},
			{[]any{"xAxis", 1, "name"}, `"w1"`},
			{[]any{"yAxis", 1, "min"}, `-0.5`},
			{[]any{"series", 0, "type"}, `"heatmap"`},
			{[]any{"series", 0, "data", 4}, `[1,1,11]`},
			{[]any{"visualMap", 0, "min"}, `0`},
			{[]any{"visualMap", 0, "max"}, `12`},
			{[]any{"visualMap", 0, "seriesIndex"}, `0`},
			{[]any{"series", 1, "name"}, `"SGD"`},
			{[]any{"series", 1, "xAxisIndex"}, `1`},
			{[]any{"series", 1, "markPoint", "data", 0, "coord"}, `[2,1]`},
			{[]any{"legend", "data"}, `["SGD"]`},
		}},
		{"DecisionBoundary", func() Chart {
			g := SampleGrid(func(x, y float64) float64 { return 0.5 }, -1, 1, 2, -1, 1, 2)
			return DecisionBoundary(Options{}, g, Points{X: []float64{0, 1, 2}, Y: []float64{0, 1, 2}, Class: []int{1, 0, 1}})
		}, []check{
			{[]any{"visualMap", 0, "max"}, `1`},
			{[]any{"series", 1, "name"}, `"class 0"`},
			{[]any{"series", 1, "type"}, `"scatter"`},
			{[]any{"series", 1, "data"}, `[{"value":[1,1]}]`},
			{[]any{"series", 2, "data"}, `[{"value":[0,0]},{"value":[2,2]}]`},
			{[]any{"series", 2, "yAxisIndex"}, `1`},
		}},
		{"ComputationGraph", func() Chart {
			return ComputationGraph(Options{},
				[]GraphNode{{0, "a", "", 2, 3}, {1, "b", "", 3, -2}, {2, "c", "*", 6, 0}},
				[]GraphEdge{{0, 2}, {1, 2}})
		}, []check{
			{[]any{"series", 0, "type"}, `"graph"`},
			{[]any{"series", 0, "layout"}, `"none"`},
			{[]any{"series", 0, "roam"}, `false`},
			{[]any{"series", 0, "data", 0, "id"}, `"v0"`},
			{[]any{"series", 0, "data", 0, "x"}, `0`},
			{[]any{"series", 0, "data", 0, "label", "formatter"}, `"{h|a}\n{d|data 2}\n{p|grad 3}"`},
			{[]any{"series", 0, "data", 0, "itemStyle", "borderColor"}, `"#c0392b"`}, // grad > 0
			{[]any{"series", 0, "data", 1, "id"}, `"out0"`},                          // where a's arrow leaves
			{[]any{"series", 0, "data", 1, "x"}, `32`},                               // the right side of a 64-pixel box
			{[]any{"series", 0, "data", 2, "label", "formatter"}, `"{h|b}\n{d|data 3}\n{n|grad -2}"`},
			{[]any{"series", 0, "data", 4, "id"}, `"v2"`},
			{[]any{"series", 0, "data", 4, "name"}, `"c = *"`},
			{[]any{"series", 0, "data", 4, "x"}, `92`}, // one box and one gap to the right
			{[]any{"series", 0, "data", 4, "itemStyle", "borderColor"}, `"#999999"`},
			{[]any{"series", 0, "data", 4, "tooltip", "formatter"}, `"#2 c = * (#0, #1)\u003cbr/\u003edata 6\u003cbr/\u003egrad 0"`},
			{[]any{"series", 0, "data", 5, "id"}, `"in2"`},
			{[]any{"series", 0, "data", 5, "x"}, `60`},
			{[]any{"series", 0, "links"}, `[{"source":"out0","target":"in2"},{"source":"out1","target":"in2"}]`},
			{[]any{"series", 0, "edgeSymbol"}, `["none","arrow"]`},
			{[]any{"legend", "show"}, `false`},
		}},
		{"ConfusionMatrix", func() Chart {
			return ConfusionMatrix(Options{}, [][]int{{5, 1}, {2, 7}}, []string{"cat", "dog"})
		}, []check{
			{[]any{"xAxis", 0, "data"}, `["cat","dog"]`},
			{[]any{"xAxis", 0, "name"}, `"predicted"`},
			{[]any{"yAxis", 0, "name"}, `"true"`},
			{[]any{"yAxis", 0, "inverse"}, `true`},
			{[]any{"series", 0, "type"}, `"heatmap"`},
			{[]any{"series", 0, "data"}, `[{"value":[0,0,5]},{"value":[1,0,1]},{"value":[0,1,2]},{"value":[1,1,7]}]`},
			{[]any{"visualMap", 0, "max"}, `7`},
		}},
		{"Histogram", func() Chart {
			return Histogram(Options{Title: "w"}, 2, Sample{"w", []float64{0, 1, 3, 4, math.NaN()}})
		}, []check{
			{[]any{"title", "subtext"}, `"1 NaN/Inf values left out"`},
			{[]any{"xAxis", 0, "data"}, `["1","3"]`},
			{[]any{"series", 0, "type"}, `"bar"`},
			{[]any{"series", 0, "data"}, `[{"value":2},{"value":2}]`},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { runOptionChecks(t, tt.name, tt.chart(), tt.checks) })
	}
}

// mustPanic runs f and checks that it panics with a message containing want.
func mustPanic(t *testing.T, want string, f func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if r == nil {
			t.Errorf("no panic, want one containing %q", want)
			return
		}
		if msg, ok := r.(string); !ok || !strings.Contains(msg, want) || !strings.HasPrefix(msg, "viz: ") {
			t.Errorf("panic %v, want a \"viz: \" message containing %q", r, want)
		}
	}()
	f()
}

func TestChartKindsPanicOnBadInput(t *testing.T) {
	tests := []struct {
		want string
		f    func()
	}{
		{`run "r" has len(ValLoss)=1 but 2 epochs`, func() { LossCurves(Options{}, Run{Name: "r", TrainLoss: []float64{1, 2}, ValLoss: []float64{1}}) }},
		{"steps=0", func() { Schedules(Options{}, 0) }},
		{`"s" has a nil Rate`, func() { Schedules(Options{}, 3, Schedule{Name: "s"}) }},
		{"len(rates)=2 but len(losses)=1", func() { LRRangeTest(Options{}, []float64{1, 2}, []float64{1}, 0) }},
		{`shape "m" has len(Loss)=1, len(Grad)=2 for 2 predictions`, func() {
			LossShapes(Options{}, []float64{1, 2}, LossShape{"m", []float64{1}, []float64{1, 2}})
		}},
		{"grid row Z[1] has 1 values for 2 values of X", func() {
			OptimizerPaths(Options{}, Grid{X: []float64{0, 1}, Y: []float64{0, 1}, Z: [][]float64{{1, 2}, {3}}})
		}},
		{`path "p" has len(X)=1 but len(Y)=0`, func() {
			OptimizerPaths(Options{}, SampleGrid(func(x, y float64) float64 { return 0 }, 0, 1, 2, 0, 1, 2), Series{Name: "p", X: []float64{1}})
		}},
		{"point 0 has class -1", func() {
			DecisionBoundary(Options{}, SampleGrid(func(x, y float64) float64 { return 0 }, 0, 1, 2, 0, 1, 2),
				Points{X: []float64{0}, Y: []float64{0}, Class: []int{-1}})
		}},
		{"len(X)=1, len(Y)=0, len(Class)=0 differ", func() {
			DecisionBoundary(Options{}, SampleGrid(func(x, y float64) float64 { return 0 }, 0, 1, 2, 0, 1, 2), Points{X: []float64{0}})
		}},
		{"edge 0→5 names a node outside 0..1", func() {
			ComputationGraph(Options{}, []GraphNode{{}, {ID: 1}}, []GraphEdge{{0, 5}})
		}},
		{"cycle", func() {
			ComputationGraph(Options{}, []GraphNode{{}, {ID: 1}}, []GraphEdge{{0, 1}, {1, 0}})
		}},
		{"row 1 has 1 counts, want 2", func() { ConfusionMatrix(Options{}, [][]int{{1, 2}, {3}}, nil) }},
		{"3 class names for 2 classes", func() { ConfusionMatrix(Options{}, [][]int{{1, 2}, {3, 4}}, []string{"a", "b", "c"}) }},
		{"count [0][1] is -2", func() { ConfusionMatrix(Options{}, [][]int{{1, -2}, {3, 4}}, nil) }},
		{"0 bins", func() { Histogram(Options{}, 0) }},
		{"1×5 points", func() { SampleGrid(func(x, y float64) float64 { return 0 }, 0, 1, 1, 0, 1, 5) }},
		{"empty range", func() { SampleGrid(func(x, y float64) float64 { return 0 }, 1, 1, 2, 0, 1, 5) }},
		{"2 values for 1 series", func() { NewLive(Options{}, "a").Add(0, 1, 2) }},
		{"at least one series name", func() { NewLive(Options{}) }},
	}
	for _, tt := range tests {
		mustPanic(t, tt.want, tt.f)
	}
}

// ComputationGraph takes any node and edge types with GraphNode's and
// GraphEdge's fields, as backprop.Graph's are.
func TestComputationGraphTakesLookalikeTypes(t *testing.T) {
	type node struct {
		ID    int
		Label string
		Op    string
		Data  float64
		Grad  float64
	}
	type edge struct{ From, To int }
	c := ComputationGraph(Options{}, []node{{0, "x", "", 1, 0}, {1, "y", "tanh", 0.76, 1}}, []edge{{0, 1}})
	runOptionChecks(t, "lookalike", c, []check{{[]any{"series", 0, "data", 2, "label", "formatter"}, `"{h|y = tanh}\n{d|data 0.76}\n{p|grad 1}"`}})
}
