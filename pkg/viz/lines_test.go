package viz

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// optionOf returns the chart's option as generic JSON, as the browser will
// receive it, except that the log axes' functions become the strings
// "logPointerJS" and "logValueJS".
func optionOf(t *testing.T, c Chart) map[string]any {
	t.Helper()
	js, _, err := optionJS(c)
	if err != nil {
		t.Fatal(err)
	}
	js = strings.ReplaceAll(js, logPointerJS, `"logPointerJS"`)
	js = strings.ReplaceAll(js, logValueJS, `"logValueJS"`)
	var m map[string]any
	if err := json.Unmarshal([]byte(js), &m); err != nil {
		t.Fatalf("option is not JSON: %v\n%s", err, js)
	}
	return m
}

// at walks a JSON value by object keys and array indices.
func at(t *testing.T, v any, path ...any) any {
	t.Helper()
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, ok := v.(map[string]any)
			if !ok {
				t.Fatalf("at %v: %T is not an object", path, v)
			}
			v = m[k]
		case int:
			a, ok := v.([]any)
			if !ok || k >= len(a) {
				t.Fatalf("at %v: no element %d in %v", path, k, v)
			}
			v = a[k]
		}
	}
	return v
}

func TestLines(t *testing.T) {
	c := Lines(Options{Title: "Loss", XLabel: "epoch", YLabel: "loss", LogY: true, Width: 500},
		Series{Name: "train", Y: []float64{1, 0.5, math.NaN(), 0}},
		Series{Name: "val", X: []float64{0, 2}, Y: []float64{1.5, 0.7}})
	m := optionOf(t, c)
	checks := []struct {
		path []any
		want any
	}{
		{[]any{"title", "text"}, "Loss"},
		{[]any{"xAxis", 0, "type"}, "value"},
		{[]any{"xAxis", 0, "name"}, "epoch"},
		{[]any{"yAxis", 0, "type"}, "value"}, // over log10 of the data
		{[]any{"yAxis", 0, "name"}, "loss"},
		// Whole decades around the data, compact labels.
		{[]any{"yAxis", 0, "min"}, -1.0},
		{[]any{"yAxis", 0, "max"}, 1.0},
		{[]any{"yAxis", 0, "interval"}, 1.0},
		{[]any{"yAxis", 0, "axisLabel", "formatter"}, "logValueJS"},
		{[]any{"yAxis", 0, "axisPointer", "label", "formatter"}, "logPointerJS"},
		{[]any{"series", 0, "tooltip", "valueFormatter"}, "logValueJS"},
		{[]any{"series", 0, "name"}, "train"},
		{[]any{"series", 0, "type"}, "line"},
		{[]any{"series", 1, "name"}, "val"},
		{[]any{"legend", "show"}, true},
	}
	for _, c := range checks {
		if got := at(t, m, c.path...); got != c.want {
			t.Errorf("%v = %v, want %v", c.path, got, c.want)
		}
	}
	got, _ := json.Marshal(at(t, m, "series", 0, "data"))
	// NaN and, on the log axis, 0 become gaps; y is log10(y).
	want := `[{"value":[0,0]},{"value":[1,-0.3010299956639812]},{"value":[2,"-"]},{"value":[3,"-"]}]`
	if string(got) != want {
		t.Errorf("train data = %s, want %s", got, want)
	}
	got, _ = json.Marshal(at(t, m, "series", 1, "data"))
	if want := `[{"value":[0,0.17609125905568124]},{"value":[2,-0.1549019599857432]}]`; string(got) != want {
		t.Errorf("val data = %s, want %s", got, want)
	}
	if w, h := chartSize(c); w != 500 || h != DefaultHeight {
		t.Errorf("size = %dx%d, want 500x%d", w, h, DefaultHeight)
	}
}

func TestLinesPanicsOnLengthMismatch(t *testing.T) {
	defer func() {
		r := recover()
		if r == nil || !strings.Contains(r.(string), `"bad" has len(X)=2 but len(Y)=3`) {
			t.Errorf("panic = %v", r)
		}
	}()
	Lines(Options{}, Series{Name: "bad", X: []float64{1, 2}, Y: []float64{1, 2, 3}})
}

// Two runs with the same curves (a learner's functions that match the
// library's) must both stay visible: the first is drawn wide and pale
// under the second, whose legend names the run it repeats. A curve that
// differs keeps the normal style.
func TestLossCurvesShowsCoincidingRuns(t *testing.T) {
	same, other := []float64{3, 2, 1}, []float64{3, 2, 1.5}
	c := LossCurves(Options{},
		Run{Name: "library", TrainLoss: same, ValLoss: same},
		Run{Name: "yours", TrainLoss: same, ValLoss: other})
	m := optionOf(t, c)
	want := []struct {
		path []any
		json string
	}{
		{[]any{"series", 0, "name"}, `"library train"`},
		{[]any{"series", 0, "lineStyle", "width"}, `7`},
		{[]any{"series", 1, "lineStyle", "width"}, `null`}, // validation differs
		{[]any{"series", 2, "name"}, `"yours train (= library)"`},
		{[]any{"series", 2, "lineStyle", "width"}, `null`},
		{[]any{"series", 3, "name"}, `"yours validation"`},
	}
	for _, w := range want {
		b, _ := json.Marshal(at(t, m, w.path...))
		if string(b) != w.json {
			t.Errorf("%v = %s, want %s", w.path, b, w.json)
		}
	}
}
