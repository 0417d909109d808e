package grader

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// Submissions that do no work, written for every exercise from its
// signature: each must score 0 on every exercise, whatever the seed.

// degenerate writes one function per exercise whose body is body(e).
func degenerate(preamble string, body func(e checks.Exercise) string) map[string]string {
	var b strings.Builder
	b.WriteString("package exercises\n\n" + preamble + "\n")
	for _, e := range checks.Exercises() {
		fmt.Fprintf(&b, "func %s%s {\n%s\n}\n\n", e.Name, strings.TrimPrefix(e.Signature, "func"), body(e))
	}
	return map[string]string{"exercises/degenerate.go": b.String()}
}

// zeroResults declares the results zero-valued: slices nil, numbers 0.
func zeroResults(e checks.Exercise) string {
	var decl []string
	for i, r := range e.Results() {
		decl = append(decl, fmt.Sprintf("var r%d %s", i, r.Type))
	}
	return strings.Join(decl, "\n") + "\n"
}

func returnResults(e checks.Exercise) string {
	var names []string
	for i := range e.Results() {
		names = append(names, fmt.Sprintf("r%d", i))
	}
	return "return " + strings.Join(names, ", ")
}

// fill sets each result to value shaped like the first argument of the
// same shape family: a vector result copies the length of the first vector
// argument, a matrix result the rows and columns of the first matrix, each
// row filled with rowValue (which may use len(row)).
func fill(value, rowValue string) func(e checks.Exercise) string {
	return func(e checks.Exercise) string {
		body := zeroResults(e)
		for i, r := range e.Results() {
			switch r.Type {
			case "float64":
				body += fmt.Sprintf("r%d = %s\n", i, value)
			case "[]float64":
				for _, p := range e.Params() {
					if p.Type == "[]float64" {
						body += fmt.Sprintf("r%d = make([]float64, len(%s))\nfor i := range r%d { r%d[i] = %s }\n", i, p.Name, i, i, value)
						break
					}
				}
			case "[][]float64":
				for _, p := range e.Params() {
					if p.Type == "[][]float64" {
						body += fmt.Sprintf("for _, row := range %s {\nout := make([]float64, len(row))\nfor j := range out { out[j] = %s }\nr%d = append(r%d, out)\n}\n",
							p.Name, rowValue, i, i)
						break
					}
				}
			}
		}
		return body + returnResults(e)
	}
}

// echo returns, for each result, the first argument of the same type.
func echo(e checks.Exercise) string {
	body := zeroResults(e)
	for i, r := range e.Results() {
		for _, p := range e.Params() {
			if p.Type == r.Type {
				body += fmt.Sprintf("r%d = %s\n", i, p.Name)
				break
			}
		}
	}
	return body + returnResults(e)
}

// lookup answers the public catalog's cases from a table of their
// published answers, and zeros otherwise.
func lookup(e checks.Exercise) string {
	var b strings.Builder
	b.WriteString("table := map[string][]any{\n")
	for _, c := range e.Cases {
		ok := true
		for _, w := range c.Want {
			if f, isF := w.(float64); isF && (math.IsNaN(f) || math.IsInf(f, 0)) {
				ok = false
			}
		}
		if !ok {
			continue
		}
		fmt.Fprintf(&b, "%q: {", fmt.Sprint(c.Args...))
		for _, w := range c.Want {
			fmt.Fprintf(&b, "%#v, ", w)
		}
		b.WriteString("},\n")
	}
	b.WriteString("}\n")
	var params []string
	for _, p := range e.Params() {
		params = append(params, p.Name)
	}
	b.WriteString(zeroResults(e))
	fmt.Fprintf(&b, "if r, ok := table[fmt.Sprint(%s)]; ok {\n", strings.Join(params, ", "))
	for i, r := range e.Results() {
		fmt.Fprintf(&b, "r%d, _ = r[%d].(%s)\n", i, i, r.Type)
	}
	b.WriteString("}\n")
	return b.String() + returnResults(e)
}

func TestDegenerateSubmissionsScoreZero(t *testing.T) {
	t.Parallel()
	subs := []struct {
		name  string
		files map[string]string
	}{
		{"zeros and nil", degenerate("", func(e checks.Exercise) string { return zeroResults(e) + returnResults(e) })},
		{"constant 1", degenerate("", fill("1", "1"))},
		{"uniform rows (sum to 1)", degenerate("", fill("0.25", "1 / float64(len(row))"))},
		{"arguments returned", degenerate("", echo)},
		{"table of the public answers", degenerate(`import "fmt"`, lookup)},
	}
	for _, seed := range []uint64{1, 2} {
		for _, s := range subs {
			t.Run(fmt.Sprintf("%s/seed %d", s.name, seed), func(t *testing.T) {
				t.Parallel()
				rep := grade(t, writeDir(t, s.files), Options{Seed: seed})
				if len(rep.Problems) > 0 {
					t.Fatalf("the submission did not compile: %v", rep.Problems)
				}
				for _, e := range rep.Exercises {
					if e.Score != 0 {
						var paid []string
						for _, tr := range e.Tests {
							if tr.Score > 0 {
								paid = append(paid, tr.Name)
							}
						}
						t.Errorf("%s scored %g (tests %q)", e.Name, e.Score, paid)
					}
				}
			})
		}
	}
}

// TestRandomTestsAreDiscriminating checks, in this process and over many
// seeds, that no random test of any exercise is passed by answers that do
// no work: zero values, or an argument returned as it came.
func TestRandomTestsAreDiscriminating(t *testing.T) {
	t.Parallel()
	strategies := map[string]func(args []any, out []reflect.Type) []any{
		"zeros": func(_ []any, out []reflect.Type) []any {
			var res []any
			for _, typ := range out {
				res = append(res, reflect.Zero(typ).Interface())
			}
			return res
		},
		"arguments returned": func(args []any, out []reflect.Type) []any {
			var res []any
			for _, typ := range out {
				v := reflect.Zero(typ).Interface()
				for _, a := range args {
					if reflect.TypeOf(a) == typ {
						v = checks.Clone(a)
						break
					}
				}
				res = append(res, v)
			}
			return res
		},
	}
	for _, e := range checks.Exercises() {
		var out []reflect.Type
		ft := reflect.TypeOf(registry[e.Name].Solution)
		for i := range ft.NumOut() {
			out = append(out, ft.Out(i))
		}
		for name, answer := range strategies {
			for seed := uint64(1); seed <= 300; seed++ {
				passed, random := 0, 0
				for _, tc := range Tests(e, rngFor(seed, e.Name)) {
					if tc.Kind != KindRandom {
						continue
					}
					random++
					want, got := expected(e.Name, tc.Args), answer(tc.Args, out)
					ok := true
					for i := range want {
						ok = ok && checks.Compare("r", got[i], want[i]) == nil
					}
					if ok {
						passed++
					}
				}
				if random == 0 || passed > 0 {
					t.Errorf("%s: %q passes %d of %d random tests with seed %d", e.Name, name, passed, random, seed)
					break
				}
			}
		}
	}
}
