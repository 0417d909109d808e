package checks_test

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// degenerateAnswers returns, for a result of type typ, what work that does
// nothing returns, given a case's arguments: the zero value (a stub of a
// notebook cell), constants (0, 1, −1, 0.5, and rows that sum to 1) shaped
// like any argument, and any argument of the same type returned as it
// came (or, for [][]int, wrapped as the only row).
func degenerateAnswers(typ string, args []any) map[string]any {
	out := map[string]any{"zero value": zeroOf(typ)}
	consts := []float64{0, 1, -1, 0.5}
	var lengths []int
	var shapes [][][]float64
	for i, a := range args {
		if typ == fmt.Sprintf("%T", a) {
			out[fmt.Sprintf("argument %d returned", i)] = checks.Clone(a)
		}
		switch a := a.(type) {
		case []float64:
			lengths = append(lengths, len(a))
		case []int:
			lengths = append(lengths, len(a))
			if typ == "[][]int" {
				out[fmt.Sprintf("argument %d as one row", i)] = [][]int{append([]int(nil), a...)}
			}
		case [][]float64:
			shapes = append(shapes, a)
			lengths = append(lengths, len(a))
			if len(a) > 0 {
				lengths = append(lengths, len(a[0]))
			}
		}
	}
	for _, c := range consts {
		switch typ {
		case "float64":
			out[fmt.Sprintf("constant %v", c)] = c
		case "int":
			out[fmt.Sprintf("constant %v", c)] = int(c)
		case "[]float64":
			for _, n := range lengths {
				v := make([]float64, n)
				for i := range v {
					v[i] = c
				}
				out[fmt.Sprintf("constant %v, length %d", c, n)] = v
			}
		case "[][]float64":
			for i, m := range shapes {
				out[fmt.Sprintf("constant %v shaped like argument %d", c, i)] = fillRows(m, func(int) float64 { return c })
			}
		}
	}
	if typ == "[][]float64" {
		for i, m := range shapes {
			out[fmt.Sprintf("uniform rows shaped like argument %d", i)] = fillRows(m, func(n int) float64 { return 1 / float64(n) })
		}
	}
	return out
}

func zeroOf(typ string) any {
	switch typ {
	case "float64":
		return 0.0
	case "int":
		return 0
	case "[]float64":
		return []float64(nil)
	case "[]int":
		return []int(nil)
	case "[][]float64":
		return [][]float64(nil)
	case "[][]int":
		return [][]int(nil)
	}
	panic("no zero value for " + typ)
}

func fillRows(m [][]float64, value func(rowLen int) float64) [][]float64 {
	out := make([][]float64, len(m))
	for i, row := range m {
		out[i] = make([]float64, len(row))
		for j := range row {
			out[i][j] = value(len(row))
		}
	}
	return out
}

// TestPublicCasesAreDiscriminating proves, for every public case of every
// exercise, that no answer made of degenerate results passes it: some
// result of the case matches none of degenerateAnswers (the answers to the
// results are independent, so this is the same as "no combination
// passes"). A stub, or a body that returns zeros, nil, a constant or its
// argument, thus passes no public check.
func TestPublicCasesAreDiscriminating(t *testing.T) {
	for _, e := range checks.Exercises() {
		results := e.Results()
		for _, c := range e.Cases {
			discriminating := false
			var matched []string
			for i, r := range results {
				any := false
				for name, ans := range degenerateAnswers(r.Type, c.Args) {
					if checks.Compare(r.Name, ans, c.Want[i]) == nil {
						any = true
						matched = append(matched, r.Name+": "+name)
					}
				}
				discriminating = discriminating || !any
			}
			if !discriminating {
				t.Errorf("%s, case %q: passed by work that does nothing (%v)", e.Name, c.Name, matched)
			}
		}
	}
}

// TestPublicChecksFailDegenerateFunctions runs the checks themselves on
// functions that return zero values: every case of every exercise fails.
func TestPublicChecksFailDegenerateFunctions(t *testing.T) {
	for _, e := range checks.Exercises() {
		fn := zeroFunc(e)
		rep := checks.Run(e.Name, fn.Interface())
		if passed, total := rep.Count(); passed > 0 {
			t.Errorf("%s: a function returning zero values passes %d of %d public checks", e.Name, passed, total)
		}
	}
}

// zeroFunc makes a function of the exercise's type that returns zero values.
func zeroFunc(e checks.Exercise) reflect.Value {
	var in, out []reflect.Type
	for _, p := range e.Params() {
		in = append(in, reflect.TypeOf(zeroOf(p.Type)))
	}
	for _, r := range e.Results() {
		out = append(out, reflect.TypeOf(zeroOf(r.Type)))
	}
	ft := reflect.FuncOf(in, out, false)
	return reflect.MakeFunc(ft, func([]reflect.Value) []reflect.Value {
		var res []reflect.Value
		for _, typ := range out {
			res = append(res, reflect.Zero(typ))
		}
		return res
	})
}
