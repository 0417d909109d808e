package grader

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"reflect"
	"strings"
	"time"

	"github.com/deepdive-dl/backprop/exercises/checks"
	"github.com/deepdive-dl/backprop/solutions"
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
}

// exerciseNames lists the catalog's exercises in course order.
func exerciseNames() []string {
	var names []string
	for _, e := range checks.Exercises() {
		names = append(names, e.Name)
	}
	return names
}

// reference maps each exercise to its model answer, which computes every
// expected value. Learner code never runs in this process.
var reference = map[string]any{
	"MSE": solutions.MSE, "MSEGrad": solutions.MSEGrad, "RMSE": solutions.RMSE, "RMSEGrad": solutions.RMSEGrad,
	"BCE": solutions.BCE, "BCEGrad": solutions.BCEGrad, "Softmax": solutions.Softmax,
	"SoftmaxCrossEntropy": solutions.SoftmaxCrossEntropy, "SoftmaxCrossEntropyGrad": solutions.SoftmaxCrossEntropyGrad,
	"DenseBackward": solutions.DenseBackward, "SigmoidBackward": solutions.SigmoidBackward,
	"ReLUBackward": solutions.ReLUBackward, "TanhBackward": solutions.TanhBackward,
	"SGDStep": solutions.SGDStep, "MomentumStep": solutions.MomentumStep, "RMSpropStep": solutions.RMSpropStep,
	"AdamStep": solutions.AdamStep, "StepDecay": solutions.StepDecay, "CosineDecay": solutions.CosineDecay,
	"MiniBatches": solutions.MiniBatches, "TrainStep": solutions.TrainStep,
}

// expected calls the reference solution on copies of args.
func expected(name string, args []any) []any {
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		in[i] = reflect.ValueOf(checks.Clone(a))
	}
	var out []any
	for _, v := range reflect.ValueOf(reference[name]).Call(in) {
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
		rep.fail(Problem{Message: err.Error()}, "no code found")
		return rep, nil
	}
	return GradeSource(ctx, src, opt)
}

// GradeSource grades learner code already loaded.
func GradeSource(ctx context.Context, src *Source, opt Options) (*Report, error) {
	began := time.Now()
	rep := newReport(src.Origin, opt)
	rep.Warnings = append(rep.Warnings, src.Warnings...)
	defer func() { rep.Seconds = time.Since(began).Seconds() }()

	v := vet(src)
	if len(v.problems) > 0 {
		rep.fail(v.problems[0], "refused before compiling")
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
			er.setProblem("missing", fmt.Sprintf("function %s not found: define it with the signature %s", er.Name, signatureLine(ex)))
		case got != ex.TypeString():
			er.setProblem("wrong signature", fmt.Sprintf("%s has type %s; want %s", er.Name, got, signatureLine(ex)))
		default:
			present = append(present, ex)
		}
	}
	if len(present) == 0 {
		return rep, nil
	}
	tmp := opt.TempDir
	if tmp == "" {
		tmp = os.TempDir()
	}
	prog, problems, err := build(ctx, tmp, src, present)
	if prog != nil {
		defer os.RemoveAll(prog.dir)
	}
	if err != nil {
		return nil, err
	}
	if len(problems) > 0 {
		rep.Problems = problems
		for i := range rep.Exercises {
			if rep.Exercises[i].Status == "" {
				rep.Exercises[i].setProblem("compile error", "your package does not compile: "+problems[0].String())
			}
		}
		return rep, nil
	}
	limits := opt.Limits.withDefaults()
	var startErr error
	for i := range rep.Exercises {
		er := &rep.Exercises[i]
		if er.Status != "" {
			continue
		}
		if msg, ok := prog.wrongType[er.Name]; ok {
			er.setProblem("wrong signature", fmt.Sprintf("%s cannot be called as %s: %s", er.Name, er.signature, msg))
			continue
		}
		if startErr != nil {
			er.setProblem("crash", startErr.Error())
			continue
		}
		startErr = runExercise(ctx, prog, limits, er, opt.Seed)
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
// exercise.
func runExercise(ctx context.Context, prog *program, limits Limits, er *ExerciseReport, seed uint64) error {
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
		switch {
		case ctx.Err() != nil:
			tr.Message = "grading was cancelled"
		case stopped != nil:
			tr.Message = "not run: " + stopped.Error()
		default:
			if p == nil {
				var err error
				if p, err = start(prog, limits); err != nil {
					if deadline.IsZero() { // the very first start: init is broken
						return err
					}
					stopped = err
					tr.Message = err.Error()
					break
				}
				if deadline.IsZero() {
					deadline = time.Now().Add(limits.Time)
				}
			}
			rep, err := p.call(er.Name, t.Args, deadline)
			var re *RunError
			switch {
			case errors.As(err, &re) && re.Kind == "timeout":
				stopped, p = err, nil
				tr.Message = err.Error()
			case err != nil:
				p = nil
				tr.Message = err.Error()
			default:
				tr.Message = judge(ex, t, rep)
			}
		}
		tr.Passed = tr.Message == ""
		if tr.Passed {
			tr.Score = tr.Max
		}
		er.Tests = append(er.Tests, tr)
	}
	er.summarize(ex)
	return nil
}

// judge returns why a reply fails a test, or "" if it passes.
func judge(ex checks.Exercise, t Test, rep reply) string {
	if rep.panicked != "" {
		if strings.Contains(rep.panicked, "not implemented") {
			return "not implemented (the stub still panics)"
		}
		return "panic: " + truncate(rep.panicked, 200)
	}
	results := ex.Results()
	if len(rep.results) != len(results) {
		return fmt.Sprintf("got %d results, want %d", len(rep.results), len(results))
	}
	if t.Unchanged {
		for i, a := range t.Args {
			if i < len(rep.argsOut) && !checks.Same(rep.argsOut[i], a) {
				return fmt.Sprintf("your function changed its argument %s; return a new slice instead", ex.Params()[i].Name)
			}
		}
		// and, to earn the point, still returned the right answer below
	}
	if t.Property != nil {
		if err := t.Property(t.Args, rep.results); err != nil {
			return err.Error()
		}
		return ""
	}
	want := expected(ex.Name, t.Args)
	var msgs []string
	for i, w := range want {
		if err := checks.Compare(results[i].Name, rep.results[i], w); err != nil {
			msgs = append(msgs, err.Error())
		}
	}
	return strings.Join(msgs, "; ")
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
