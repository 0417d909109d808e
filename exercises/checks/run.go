package checks

import (
	"fmt"
	"reflect"
	"strings"
)

// Result is the outcome of one public case.
type Result struct {
	Case    string
	Passed  bool
	Message string // why it failed (what came out, and what was wanted); empty when it passed
	Inputs  string // the arguments of a failed case, as in "pred = [1 2 3], target = [1 2 5]"
}

// Report is the outcome of the public checks of one exercise.
type Report struct {
	Exercise string
	Hint     string
	Results  []Result
	// Mistake is the likely mistake, recognised from the results of a
	// failed check (see Exercise.Mistakes); nil when none is recognised.
	Mistake *Mistake
}

// Passed reports whether every check passed.
func (r Report) Passed() bool {
	for _, res := range r.Results {
		if !res.Passed {
			return false
		}
	}
	return len(r.Results) > 0
}

// Count returns how many checks passed, and how many there are.
func (r Report) Count() (passed, total int) {
	for _, res := range r.Results {
		if res.Passed {
			passed++
		}
	}
	return passed, len(r.Results)
}

// TB is the part of *testing.T that Report.Test uses.
type TB interface {
	Helper()
	Errorf(format string, args ...any)
}

// Test fails t when a check failed, with the report as its message: every
// failed case with its inputs, what came back and what was wanted, and the
// exercise's hint (in the language of the check tables, see LangEnv). For
// use in a test:
//
//	func TestRMSE(t *testing.T) { checks.RMSE(exercises.RMSE).Test(t) }
func (r Report) Test(t TB) {
	t.Helper()
	if !r.Passed() {
		t.Errorf("%s", strings.TrimSuffix(r.String(), "\n"))
	}
}

// Run runs the public cases of the named exercise against fn, which should
// be a function of the exercise's type; the typed functions of this package
// (RMSE, AdamStep, ...) call it and are easier to use. Each case gets fresh
// copies of its arguments. A panic in fn fails that case with the panic's
// message; an fn that modifies its arguments fails too; a function of
// another type fails every case with a message that gives both types (so
// one exercise with a wrong signature cannot keep the others from being
// checked). A failed case's Result holds its inputs. Run panics if there
// is no such exercise.
func Run(name string, fn any) Report {
	ex, ok := Lookup(name)
	if !ok {
		panic("checks: no exercise named " + name)
	}
	rep := Report{Exercise: name, Hint: ex.Hint}
	wrongType := typeMismatch(ex, fn)
	for _, c := range ex.Cases {
		msg := wrongType
		if msg == "" {
			var m *Mistake
			msg, m = runCase(ex, reflect.ValueOf(fn), c)
			if rep.Mistake == nil {
				rep.Mistake = m
			}
		}
		res := Result{Case: c.Name, Passed: msg == "", Message: msg}
		if !res.Passed && wrongType == "" {
			res.Inputs = formatArgs(ex.Params(), c.Args)
		}
		rep.Results = append(rep.Results, res)
	}
	return rep
}

// typeMismatch says why fn is not a function of the exercise's type, or
// returns "" if it is (or is nil, which runCase reports).
func typeMismatch(ex Exercise, fn any) string {
	v := reflect.ValueOf(fn)
	if !v.IsValid() || v.Kind() == reflect.Func && v.IsNil() {
		return ""
	}
	got := v.Type().String()
	if got != ex.TypeString() {
		return fmt.Sprintf("%s has type %s; the exercise wants %s", ex.Name, got, ex.Signature)
	}
	return ""
}

// maxInputs is the length beyond which the inputs of a failed case are cut.
const maxInputs = 300

// formatArgs writes the arguments of a case with their parameter names.
func formatArgs(params []Field, args []any) string {
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = params[i].Name + " = " + fmt.Sprint(a)
	}
	s := strings.Join(parts, ", ")
	if len(s) > maxInputs {
		s = s[:maxInputs] + " …"
	}
	return s
}

// runCase calls fn on copies of the case's arguments and returns why the
// results are wrong, or "" if they are right, and the mistake they show,
// if it is one of the exercise's Mistakes.
func runCase(ex Exercise, fn reflect.Value, c Case) (msg string, mistake *Mistake) {
	if !fn.IsValid() || fn.Kind() != reflect.Func || fn.IsNil() {
		return "no function to check (nil)", nil
	}
	in := make([]reflect.Value, len(c.Args))
	for i, a := range c.Args {
		in[i] = reflect.ValueOf(Clone(a))
	}
	out, panicked := call(fn, in)
	if panicked != "" {
		return panicked, nil
	}
	var errs []string
	results := ex.Results()
	got := make([]any, len(out))
	for i, w := range c.Want {
		got[i] = out[i].Interface()
		if err := Compare(results[i].Name, got[i], w); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		if m, ok := ex.Recognise(c.Args, got, c.Want); ok {
			mistake = &m
		}
	}
	params := ex.Params()
	for i, a := range c.Args {
		if !Same(in[i].Interface(), a) {
			errs = append(errs, fmt.Sprintf("your function changed its argument %s; return a new slice instead", params[i].Name))
		}
	}
	return strings.Join(errs, "; "), mistake
}

// call calls fn, turning a panic into a message.
func call(fn reflect.Value, in []reflect.Value) (out []reflect.Value, panicked string) {
	defer func() {
		if r := recover(); r != nil {
			panicked = fmt.Sprintf("panic: %v", r)
		}
	}()
	return fn.Call(in), ""
}
