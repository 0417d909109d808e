package viz_test

import (
	"encoding/json"
	"fmt"
	"math"

	"github.com/deepdive-dl/backprop/pkg/viz"
)

// The option a chart sends to ECharts can be inspected before showing it:
// here the series of a line chart on a log axis, where the NaN and the 0
// become gaps ("-").
// On a log axis the chart holds the base-10 logarithms of the values and
// labels them 10^v: NaN and 0 leave gaps, the axis spans whole decades.
func ExampleLines() {
	c := viz.Lines(viz.Options{Title: "Loss", XLabel: "epoch", LogY: true},
		viz.Series{Name: "train", Y: []float64{1, 0.1, math.NaN(), 0.001, 0}})
	c.Validate()
	for _, s := range c.MultiSeries {
		data, _ := json.Marshal(s.Data)
		fmt.Println(s.Name, s.Type, string(data))
	}
	y := c.YAxisList[0]
	fmt.Println(y.Type, y.Min, y.Max)
	// Output:
	// train line [{"value":[0,0]},{"value":[1,-0.9999999999999999]},{"value":[2,"-"]},{"value":[3,-3]},{"value":[4,"-"]}]
	// value -3 0
}

func ExampleBins() {
	edges, counts, skipped := viz.Bins([]float64{0, 0.5, 1, 1.5, 2, 4, math.NaN()}, 4)
	fmt.Println(edges)
	fmt.Println(counts, skipped)
	// Output:
	// [0 1 2 3 4]
	// [2 2 1 1] 1
}

func ExampleSampleGrid() {
	g := viz.SampleGrid(func(x, y float64) float64 { return x + 10*y }, 0, 2, 3, 0, 1, 2)
	fmt.Println(g.X, g.Y)
	fmt.Println(g.Z)
	// Output:
	// [0 1 2] [0 1]
	// [[0 1 2] [10 11 12]]
}

// Schedules samples each rate function at every step; a backprop.Schedule
// can be passed as Rate as it is.
func ExampleSchedules() {
	halving := func(step int) float64 { return math.Pow(0.5, float64(step)) }
	c := viz.Schedules(viz.Options{Title: "Halving"}, 4, viz.Schedule{Name: "halving", Rate: halving})
	data, _ := json.Marshal(c.MultiSeries[0].Data)
	fmt.Println(string(data))
	// Output:
	// [{"value":[0,1]},{"value":[1,0.5]},{"value":[2,0.25]},{"value":[3,0.125]}]
}

// Outside a notebook a live chart only collects points; Chart returns what
// it has so far and Close writes the final chart as Show does.
func ExampleNewLiveLoss() {
	live := viz.NewLiveLoss(viz.Options{Title: "Training"})
	for epoch := range 3 {
		val := math.NaN() // measured every other epoch only
		if epoch%2 == 0 {
			val = 1 / float64(epoch+1)
		}
		live.Add(epoch, 2/float64(epoch+1), val)
	}
	for _, s := range live.Chart().MultiSeries {
		data, _ := json.Marshal(s.Data)
		fmt.Println(s.Name, string(data))
	}
	// Output:
	// train [{"value":[0,2]},{"value":[1,1]},{"value":[2,0.6666666666666666]}]
	// validation [{"value":[0,1]},{"value":[2,0.3333333333333333]}]
}

// A computation graph takes the size it needs: one column per step of
// the computation (here a·b, then + d, then tanh), one row per value in the
// fullest column.
func ExampleComputationGraph() {
	// L = tanh(a·b + d) after backward, as backprop's Value.Graph gives it.
	nodes := []viz.GraphNode{
		{ID: 0, Label: "a", Data: 2, Grad: -3},
		{ID: 1, Label: "b", Data: -3, Grad: 2},
		{ID: 2, Op: "*", Data: -6, Grad: 1},
		{ID: 3, Label: "d", Data: 10, Grad: 1},
		{ID: 4, Op: "+", Data: 4, Grad: 1},
		{ID: 5, Label: "L", Op: "tanh", Data: 0.9993, Grad: 1},
	}
	edges := []viz.GraphEdge{{From: 0, To: 2}, {From: 1, To: 2}, {From: 2, To: 4}, {From: 3, To: 4}, {From: 4, To: 5}}
	short := viz.ComputationGraph(viz.Options{}, nodes[:3], edges[:2])
	whole := viz.ComputationGraph(viz.Options{}, nodes, edges)
	fmt.Println(short.Initialization.Width, short.Initialization.Height)
	fmt.Println(whole.Initialization.Width, whole.Initialization.Height)
	// Output:
	// 188px 176px
	// 448px 176px
}
