package grader

import (
	"context"
	"errors"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"strings"
	"time"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// Options configure a grading run. The zero value grades every exercise
// with fresh random hidden inputs and the default limits.
type Options struct {
	// Seed draws the hidden random inputs; 0 picks a fresh one. The seed is
	// recorded in the report, so a run can be repeated exactly.
	Seed uint64
	// Exercises limits grading to these exercises (all when empty).
	Exercises []string
	// Limits bound the learner program.
	Limits Limits
	// TempDir is where builds happen (os.TempDir() when empty).
	TempDir string
	// HiddenVisibility is the Gradescope visibility of hidden tests:
	// "hidden", "after_due_date" (the default) or "visible".
	HiddenVisibility string
	// Isolation is how learner code is contained (IsolationAuto by
	// default: bubblewrap, else a dedicated user, else grading refuses).
	Isolation Isolation
	// Lang is the language of learner feedback (English by default).
	Lang Lang
	// Staff adds to each failed hidden test what learners must not see:
	// its inputs' outcome, the value that came back and the expected one.
	// Reports written with it are for course staff only.
	Staff bool
	// CountQuestions counts the concept checks (one point each) in the
	// report's Score and Max, hence in Gradescope's score and the
	// gradebook's score column. By default they are scored apart.
	CountQuestions bool
}

// exerciseNames lists the catalog's exercises in course order.
func exerciseNames() []string {
	var names []string
	for _, e := range checks.Exercises() {
		names = append(names, e.Name)
	}
	return names
}

// expected calls the reference solution on copies of args. It panics, naming
// the exercise, if the registry has no model answer for it (TestRegistry
// says so first).
func expected(name string, args []any) []any {
	sol, ok := registry[name]
	if !ok || sol.Solution == nil {
		panic("grader: " + name + " has no model answer in grader/registry.go")
	}
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		in[i] = reflect.ValueOf(checks.Clone(a))
	}
	var out []any
	for _, v := range reflect.ValueOf(sol.Solution).Call(in) {
		out = append(out, v.Interface())
	}
	return out
}

// rngFor gives each exercise its own stream, so adding a test to one
// exercise does not change the inputs of the others.
func rngFor(seed uint64, exercise string) *rand.Rand {
	h := fnv.New64a()
	h.Write([]byte(exercise))
	return rand.New(rand.NewPCG(seed, h.Sum64()))
}

// Grade grades the submission at path (see Load) and returns its report.
// An error is returned only when grading itself fails (no Go toolchain, a
// temp directory that cannot be written); everything wrong with the
// submission is in the report.
func Grade(ctx context.Context, path string, opt Options) (*Report, error) {
	src, err := Load(path)
	if err != nil {
		rep := newReport(path, opt)
		rep.fail(Problem{Message: err.Error()}, StatusNoCode)
		return rep, nil
	}
	return GradeSource(ctx, src, opt)
}

// GradeSource grades learner code already loaded.
func GradeSource(ctx context.Context, src *Source, opt Options) (rep *Report, err error) {
	began := time.Now()
	rep = newReport(src.Origin, opt)
	rep.Warnings = append(rep.Warnings, src.Warnings...)
	rep.Questions = gradeQuestions(src.Answers, src.AnswerFrom)
	rep.total()
	defer func() {
		if rep != nil {
			rep.Seconds = time.Since(began).Seconds()
		}
	}()

	v := vet(src)
	if len(v.problems) > 0 {
		rep.fail(v.problems[0], StatusRefused)
		rep.Problems = v.problems
		return rep, nil
	}
	var present []checks.Exercise
	for i := range rep.Exercises {
		er := &rep.Exercises[i]
		ex, _ := checks.Lookup(er.Name)
		got, ok := v.types[er.Name]
		switch {
		case !ok:
			er.setProblem(StatusMissing, rep.Lang.Say(phMissing, er.Name, signatureLine(ex)), rep.Lang)
		case got != ex.TypeString():
			if got == genericType {
				got = rep.Lang.Say(phGeneric)
			}
			er.setProblem(StatusWrongSignature, rep.Lang.Say(phWrongType, er.Name, got, signatureLine(ex)), rep.Lang)
		default:
			present = append(present, ex)
		}
	}
	if len(present) == 0 {
		return rep, nil
	}
	sb, err := newSandbox(opt.Isolation)
	if err != nil {
		return nil, err
	}
	rep.Isolation = sb.isolation
	sb, release := sb.acquire()
	defer release()
	tmp := opt.TempDir
	if tmp == "" {
		tmp = os.TempDir()
	}
	dir, err := os.MkdirTemp(tmp, "grade-")
	if err != nil {
		return nil, err
	}
	sb.keep = dir
	// Learner code may have left files here (and, without bubblewrap,
	// processes): nothing survives the grading of its submission.
	defer os.RemoveAll(dir)
	defer func() {
		if err := sb.reap(); err != nil && rep != nil {
			rep.fail(Problem{Message: rep.Lang.Say(phGradingStop, err.Error())}, StatusGraderError)
		}
	}()
	limits := opt.Limits.withDefaults()
	prog, problems, err := build(ctx, sb, dir, src, present, limits, rep.Lang)
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		rep.Problems = problems
		for i := range rep.Exercises {
			if rep.Exercises[i].Status == "" {
				rep.Exercises[i].setProblem(StatusCompileError, rep.Lang.Say(phNoCompile, problems[0].String()), rep.Lang)
			}
		}
		return rep, nil
	}
	var startErr error
	for i := range rep.Exercises {
		er := &rep.Exercises[i]
		if er.Status != "" {
			continue
		}
		if msg, ok := prog.wrongType[er.Name]; ok {
			er.setProblem(StatusWrongSignature, rep.Lang.Say(phNotCallable, er.Name, er.signature, msg), rep.Lang)
			continue
		}
		if startErr != nil {
			er.setProblem(StatusCrash, startErr.Error(), rep.Lang)
			continue
		}
		if startErr = runExercise(ctx, sb, prog, limits, er, rep.Seed, opt.Staff, rep.Lang); startErr != nil {
			var re *RunError
			if opt.Staff && errors.As(startErr, &re) && re.Detail != "" {
				startErr = errors.New(re.Detail)
			}
			er.setProblem(StatusCrash, startErr.Error(), rep.Lang)
		}
	}
	rep.total()
	return rep, nil
}

func signatureLine(e checks.Exercise) string {
	return "func " + e.Name + strings.TrimPrefix(e.Signature, "func")
}

// runExercise runs the tests of one exercise in a fresh program (restarted
// after a crash), within the exercise's time budget. It returns an error
// only if the program cannot even start, which then holds for every
// exercise. With staff, failed hidden tests also carry their details.
func runExercise(ctx context.Context, sb *sandbox, prog *program, limits Limits, er *ExerciseReport, seed uint64, staff bool, lang Lang) error {
	ex, _ := checks.Lookup(er.Name)
	tests := Tests(ex, rngFor(seed, er.Name))
	var p *process
	defer func() {
		if p != nil {
			p.stop()
		}
	}()
	deadline := time.Time{}
	var stopped error // a timeout ends the exercise: the remaining tests fail with it
	for _, t := range tests {
		tr := TestReport{Name: t.Name, Kind: t.Kind, Max: t.Points()}
		var v verdict
		switch {
		case ctx.Err() != nil:
			v.message = lang.Say(phCancelled)
		case stopped != nil:
			v.message = lang.Say(phNotRun, stopped.Error())
		default:
			if p == nil {
				var err error
				if p, err = start(sb, prog, limits, lang); err != nil {
					if deadline.IsZero() { // the very first start: init is broken
						return err
					}
					stopped = err
					v.message = err.Error()
					break
				}
				if deadline.IsZero() {
					deadline = time.Now().Add(limits.Time)
				}
			}
			rep, err := p.call(er.Name, t.Args, deadline)
			var re *RunError
			switch {
			case errors.As(err, &re) && re.Kind == FailureTimeout:
				stopped, p = err, nil
				v.message = err.Error()
			case errors.As(err, &re):
				p = nil
				v = verdict{message: re.Message, detail: re.Detail}
				if t.Kind == KindPublic && re.Detail != "" {
					v = verdict{message: re.Detail}
				}
			case err != nil:
				p = nil
				v.message = err.Error()
			default:
				v = judge(ex, t, rep, lang)
			}
		}
		tr.Passed = v.message == ""
		tr.Message = v.message
		tr.stub = v.stub
		tr.mistake = v.mistake
		if staff {
			tr.Detail = v.detail
		}
		er.Tests = append(er.Tests, tr)
	}
	er.summarize(ex, lang)
	return nil
}

// verdict is why a reply fails a test: message for the learner, detail
// (hidden inputs' results and expected values) for course staff only.
type verdict struct {
	message, detail string
	stub            bool            // the function still panics with "not implemented"
	mistake         *checks.Mistake // the common mistake the results show, if any
}

// judge returns why a reply fails a test; a zero verdict passes. On hidden
// tests the learner's message never holds a value: not the expected one
// (which could be replayed), not the returned one, not the text of the
// learner's own panic (which could print the hidden inputs).
func judge(ex checks.Exercise, t Test, rep reply, lang Lang) verdict {
	public := t.Kind == KindPublic
	fail := func(learner, detail string) verdict {
		if public {
			return verdict{message: detail}
		}
		return verdict{message: learner, detail: detail}
	}
	if rep.panicked != "" {
		if strings.Contains(rep.panicked, "not implemented") {
			return verdict{message: lang.Say(phStubTest), stub: true}
		}
		msg := "panic: " + truncate(rep.panicked, 200)
		if goRuntimeError(rep.panicked) { // Go's own words, no learner text
			return fail(msg, msg)
		}
		return fail(lang.Say(phPanicHidden), msg)
	}
	results := ex.Results()
	if len(rep.results) != len(results) {
		msg := lang.Say(phResultCount, len(rep.results), len(results))
		return verdict{message: msg}
	}
	for i, r := range results {
		if shape := shapeProblem(r.Name, rep.results[i], t.Args, lang); shape != "" && t.Property != nil {
			return fail(shape, shape)
		}
	}
	if t.Unchanged {
		for i, a := range t.Args {
			if i < len(rep.argsOut) && !checks.Same(rep.argsOut[i], a) {
				msg := lang.Say(phChangedArg, ex.Params()[i].Name)
				return verdict{message: msg}
			}
		}
		// and, to earn the point, still returned the right answer below
	}
	if t.Property != nil {
		if err := t.Property(t.Args, rep.results); err != nil {
			return fail(lang.Say(phProperty), err.Error())
		}
		return verdict{}
	}
	want := expected(ex.Name, t.Args)
	var msgs, kinds []string
	for i, w := range want {
		if err := checks.Compare(results[i].Name, rep.results[i], w); err != nil {
			msgs = append(msgs, err.Error())
			kinds = append(kinds, wrongWhat(results[i].Name, rep.results[i], w, lang))
		}
	}
	if len(msgs) == 0 {
		return verdict{}
	}
	v := fail(strings.Join(kinds, "; "), strings.Join(msgs, "; "))
	if m, ok := ex.Recognise(t.Args, rep.results, want); ok {
		v.mistake = &m
	}
	return v
}

// runtimeErrors are the Go runtime's panics that hold no learner text
// (only numbers): they are shown on hidden tests too. Anything else, even
// if it starts with "runtime error: ", may be the learner's own words.
var runtimeErrors = regexp.MustCompile(`^runtime error: (` +
	`index out of range \[-?\d+\] with length \d+|` +
	`slice bounds out of range \[[-:\d]*\]( with (length|capacity) \d+)?|` +
	`integer divide by zero|invalid memory address or nil pointer dereference|` +
	`makeslice: (len|cap) out of range|hash of unhashable type [\w\[\]*.]+|` +
	`comparing uncomparable type [\w\[\]*.]+)$`)

// goRuntimeError reports whether a panic's text is one of runtimeErrors.
func goRuntimeError(s string) bool { return len(s) < 160 && runtimeErrors.MatchString(s) }

// wrongWhat says what is wrong with a result without saying any value:
// its type, its length, or its values.
func wrongWhat(name string, got, want any, lang Lang) string {
	switch {
	case reflect.TypeOf(got) != reflect.TypeOf(want):
		return lang.Say(phWrongType2, name)
	case reflect.ValueOf(want).Kind() == reflect.Slice && (got == nil || reflect.ValueOf(got).IsNil()) && !reflect.ValueOf(want).IsNil():
		return lang.Say(phGotNil, name)
	case reflect.ValueOf(want).Kind() == reflect.Slice && reflect.ValueOf(got).Len() != reflect.ValueOf(want).Len():
		return lang.Say(phWrongLength, name)
	case reflect.ValueOf(want).Kind() == reflect.Slice:
		return lang.Say(phWrongValues, name)
	}
	return lang.Say(phWrongValue, name)
}

// shapeProblem checks that a property test's matrix result has one row per
// row of the first argument and that no row is empty, so that nil or an
// empty answer cannot satisfy "every row sums to 1".
func shapeProblem(name string, got any, args []any, lang Lang) string {
	m, ok := got.([][]float64)
	if !ok || len(args) == 0 {
		return ""
	}
	in, ok := args[0].([][]float64)
	if !ok {
		return ""
	}
	if len(m) != len(in) {
		return lang.Say(phRows, name)
	}
	for i := range m {
		if len(m[i]) != len(in[i]) {
			return lang.Say(phRowLength, name, i)
		}
	}
	return ""
}

// truncate keeps the first n bytes of s (whole runes) and marks the cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return strings.ToValidUTF8(s[:n], "") + "…"
}
