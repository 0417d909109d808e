package checks_test

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		got, want any
		err       string // substring of the error, "" for none
	}{
		{1.0, 1.0, ""},
		{1.0 + 1e-9, 1.0, ""},
		{1.001, 1.0, "got 1.001, want 1"},
		{0.0, 1e-12, ""},
		{math.NaN(), 1.0, "got NaN"},
		{math.Inf(1), math.Inf(1), ""},
		{math.Inf(1), 1e308, "got +Inf"},
		{3, 3, ""},
		{3, 4, "got 3, want 4"},
		{[]float64{1, 2}, []float64{1, 2}, ""},
		{[]float64{1}, []float64{1, 2}, "got length 1, want length 2"},
		{[][]float64{{1, 2}, {3, 5}}, [][]float64{{1, 2}, {3, 4}}, "r[1][1]: got 5, want 4"},
		{[]float64(nil), []float64{}, ""},
		{[][]int{{1}, {2}}, [][]int{{1}, {3}}, "r[1][0]: got 2, want 3"},
		{[]int{1}, []float64{1}, "got a value of type []int, want []float64"},
	} {
		err := checks.Compare("r", c.got, c.want)
		switch {
		case c.err == "" && err != nil:
			t.Errorf("Compare(%v, %v) = %v, want nil", c.got, c.want, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("Compare(%v, %v) = %v, want an error containing %q", c.got, c.want, err, c.err)
		}
	}
}

// TestCatalog checks that every case fits its exercise's signature.
func TestCatalog(t *testing.T) {
	exs := checks.Exercises()
	if len(exs) < 20 {
		t.Fatalf("%d exercises, want at least 20", len(exs))
	}
	for _, e := range exs {
		params, results := e.Params(), e.Results()
		if len(e.Cases) == 0 || e.Hint == "" || e.Topic == "" || e.Notebook == "" {
			t.Errorf("%s: needs cases, a hint, a topic and a notebook", e.Name)
		}
		if e.HintIn("id") == e.Hint {
			t.Errorf("%s: needs its hint in Bahasa Indonesia (HintID in catalog.go)", e.Name)
		}
		for _, c := range e.Cases {
			if len(c.Args) != len(params) || len(c.Want) != len(results) {
				t.Errorf("%s %q: %d args and %d results, want %d and %d", e.Name, c.Name, len(c.Args), len(c.Want), len(params), len(results))
				continue
			}
			for i, a := range c.Args {
				if got := fmt.Sprintf("%T", a); got != params[i].Type {
					t.Errorf("%s %q: argument %s is a %s, want %s", e.Name, c.Name, params[i].Name, got, params[i].Type)
				}
			}
			for i, w := range c.Want {
				if got := fmt.Sprintf("%T", w); got != results[i].Type {
					t.Errorf("%s %q: result %s is a %s, want %s", e.Name, c.Name, results[i].Name, got, results[i].Type)
				}
			}
		}
	}
}

func TestRunFailures(t *testing.T) {
	stub := func(pred, target []float64) float64 { panic("not implemented") }
	rep := checks.MSE(stub)
	if rep.Passed() || !strings.Contains(rep.Results[0].Message, "not implemented") {
		t.Errorf("stub: %+v", rep)
	}
	mutating := func(w, grad []float64, lr float64) []float64 {
		for i := range w {
			w[i] -= lr * grad[i]
		}
		return w
	}
	rep = checks.SGDStep(mutating)
	if rep.Passed() || !strings.Contains(rep.Results[0].Message, "changed its argument w") {
		t.Errorf("mutating: %+v", rep)
	}
	if rep := checks.Run("MSE", nil); rep.Passed() {
		t.Errorf("nil function passed")
	}
	html := checks.MSE(stub).HTML()
	for _, want := range []string{"<table", "not implemented", "pred = [1 2 3], target = [1 2 5]", "Hint:"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML report lacks %q: %s", want, html)
		}
	}
}

// A passed check shows no row and no empty box; a failed one shows its
// inputs, what came back, what was wanted, and the hint.
func TestReportShowsFailedInputsOnly(t *testing.T) {
	half := func(pred, target []float64) float64 { return 4.0 / 3 } // right on one case only
	rep := checks.MSE(half)
	html := rep.HTML()
	for _, want := range []string{"1 of 3 public checks passed", "(passed: three values)",
		"pred = [0.5 -2], target = [1.5 0]", "result: got 1.3333333333333333, want 2.5", "Hint:"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q: %s", want, html)
		}
	}
	if strings.Contains(html, "<code></code>") || strings.Contains(html, "pred = [1 2 3]") {
		t.Errorf("HTML shows a passed check's row or an empty box: %s", html)
	}
	right := checks.MSE(func(pred, target []float64) float64 {
		s := 0.0
		for i := range pred {
			s += (pred[i] - target[i]) * (pred[i] - target[i])
		}
		return s / float64(len(pred))
	})
	if html := right.HTML(); strings.Contains(html, "<table") || strings.Contains(html, "Hint") {
		t.Errorf("a passing report shows a table or a hint: %s", html)
	}
	sum := checks.SummaryHTML(right, rep)
	for _, want := range []string{"1 of 2 exercises pass", "✓</span> MSE: 3 of 3", "<details open>", "pred = [0.5 -2]"} {
		if !strings.Contains(sum, want) {
			t.Errorf("summary lacks %q: %s", want, sum)
		}
	}
	if text := checks.Summary(right, rep); !strings.HasSuffix(text, "1 of 2 exercises done\n") {
		t.Errorf("text summary does not end with the count:\n%s", text)
	}
}

// A function of the wrong type fails every case with both types named,
// instead of a panic inside reflect.
func TestRunWrongType(t *testing.T) {
	rep := checks.Run("MSE", func(pred []float64) float64 { return 0 })
	if rep.Passed() || len(rep.Results) != 3 {
		t.Fatalf("wrong type: %+v", rep)
	}
	msg := rep.Results[0].Message
	if !strings.Contains(msg, "MSE has type func([]float64) float64") || !strings.Contains(msg, "wants func(pred, target []float64) float64") {
		t.Errorf("wrong type message: %q", msg)
	}
}

// A learner's RMSE that forgot the square root: the report says what was
// expected, what came back, from which inputs, names the likely mistake,
// and gives the hint.
func ExampleRMSE() {
	noRoot := func(pred, target []float64) float64 {
		sum := 0.0
		for i := range pred {
			sum += (pred[i] - target[i]) * (pred[i] - target[i])
		}
		return sum / float64(len(pred))
	}
	checks.RMSE(noRoot).Show()
	// Output:
	// RMSE: 0 of 2 public checks passed
	//   FAIL three values  result: got 1.3333333333333333, want 1.1547005383792515
	//          inputs: pred = [1 2 3], target = [1 2 5]
	//   FAIL all errors 2  result: got 4, want 2
	//          inputs: pred = [0 0 0 0], target = [2 -2 2 -2]
	//   likely mistake: you forgot the square root (that is the MSE)
	//   hint: RMSE is the square root of the mean of the squared differences.
}
