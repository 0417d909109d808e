package viz

import (
	"encoding/json"
	"testing"
)

// Every word a chart writes by itself can be set through Options.Labels;
// an axis label set in Options still wins over it.
func TestLabels(t *testing.T) {
	l := Labels{Train: "latih", Validation: "validasi", TrainAcc: "akurasi latih",
		ValidationAcc: "akurasi validasi", Epoch: "ep", Loss: "rugi", Accuracy: "akurasi",
		Predicted: "tebakan", True: "sebenarnya", Step: "langkah", LearningRate: "laju",
		Suggested: "saran", Count: "jumlah"}
	y := []float64{3, 2, 1}
	live := NewLiveLoss(Options{Labels: l})
	tests := []struct {
		chart Chart
		path  []any
		want  string
	}{
		{LossCurves(Options{Labels: l}, Run{Name: "a", TrainLoss: y, ValLoss: y, TrainAcc: y, ValAcc: y}), []any{"series", 0, "name"}, `"a latih"`},
		{LossCurves(Options{Labels: l}, Run{TrainLoss: y, ValLoss: y, TrainAcc: y, ValAcc: y}), []any{"series", 1, "name"}, `"validasi"`},
		{LossCurves(Options{Labels: l}, Run{TrainLoss: y, ValLoss: y, TrainAcc: y, ValAcc: y}), []any{"series", 2, "name"}, `"akurasi latih"`},
		{LossCurves(Options{Labels: l}, Run{TrainLoss: y, ValLoss: y, TrainAcc: y, ValAcc: y}), []any{"series", 3, "name"}, `"akurasi validasi"`},
		{LossCurves(Options{Labels: l}, Run{TrainLoss: y, TrainAcc: y}), []any{"xAxis", 0, "name"}, `"ep"`},
		{LossCurves(Options{Labels: l}, Run{TrainLoss: y, TrainAcc: y}), []any{"yAxis", 0, "name"}, `"rugi"`},
		{LossCurves(Options{Labels: l}, Run{TrainLoss: y, TrainAcc: y}), []any{"yAxis", 1, "name"}, `"akurasi"`},
		{LossCurves(Options{Labels: l, XLabel: "epoch"}, Run{TrainLoss: y}), []any{"xAxis", 0, "name"}, `"epoch"`},
		{live.Chart(), []any{"series", 1, "name"}, `"validasi"`},
		{live.Chart(), []any{"yAxis", 0, "name"}, `"rugi"`},
		{ConfusionMatrix(Options{Labels: l}, [][]int{{1, 0}, {0, 1}}, nil), []any{"xAxis", 0, "name"}, `"tebakan"`},
		{ConfusionMatrix(Options{Labels: l}, [][]int{{1, 0}, {0, 1}}, nil), []any{"yAxis", 0, "name"}, `"sebenarnya"`},
		{Schedules(Options{Labels: l}, 3, Schedule{Name: "c", Rate: func(int) float64 { return 1 }}), []any{"xAxis", 0, "name"}, `"langkah"`},
		{LRRangeTest(Options{Labels: l}, []float64{0.01, 0.1, 1}, y, 0.1), []any{"xAxis", 0, "name"}, `"laju"`},
		{LRRangeTest(Options{Labels: l}, []float64{0.01, 0.1, 1}, y, 0.1), []any{"series", 0, "markPoint", "data", 0, "name"}, `"saran 0.1"`},
		{Histogram(Options{Labels: l}, 3, Sample{Values: y}), []any{"yAxis", 0, "name"}, `"jumlah"`},
		// The zero Labels keep English.
		{LossCurves(Options{}, Run{TrainLoss: y, ValLoss: y}), []any{"series", 1, "name"}, `"validation"`},
		{ConfusionMatrix(Options{}, [][]int{{1}}, nil), []any{"yAxis", 0, "name"}, `"true"`},
	}
	for i, tc := range tests {
		b, _ := json.Marshal(at(t, optionOf(t, tc.chart), tc.path...))
		if string(b) != tc.want {
			t.Errorf("%d: %v = %s, want %s", i, tc.path, b, tc.want)
		}
	}
}
