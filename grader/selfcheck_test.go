package grader

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// mutant is a deliberate mistake in one solution: a source edit and the
// tests it must fail, so that it loses exactly their points and nothing
// else. The property "leaves its arguments unchanged" reuses the arguments
// of the test before it and also needs the right answer, so it fails with
// that test.
type mutant struct {
	name, file, old, new string
	exercise             string
	fails                func(t Test) bool // the tests that must fail
	// named is what the exercise's hint must then say: the mistake
	// recognised (see checks.Mistake), or "" when none is catalogued.
	named string
}

func named(names ...string) func(Test) bool {
	return func(t Test) bool { return slices.Contains(names, t.Name) }
}

var mutants = []mutant{
	{"sign error in a gradient", "losses.go", "grad[i] = 2 * (pred[i] - target[i]) / n", "grad[i] = 2 * (target[i] - pred[i]) / n",
		"MSEGrad", func(t Test) bool { return t.Name != "perfect prediction" }, "the sign is flipped"},
	{"forgotten mean", "losses.go", "return -sum / float64(len(prob))", "return -sum",
		"BCE", func(t Test) bool { return len(t.Args[0].([]float64)) > 1 }, "you forgot to divide by N"},
	{"missing bias correction in Adam", "optimizers.go", "c1 := 1 - math.Pow(beta1, float64(t))\n\tc2 := 1 - math.Pow(beta2, float64(t))", "c1, c2 := 1.0, 1.0",
		"AdamStep", func(t Test) bool { return !strings.HasPrefix(t.Name, "late step") && t.Name != "zero gradient" }, ""},
	{"off-by-one in a schedule", "schedules.go", "float64(step/every)", "float64((step+1)/every)",
		"StepDecay", func(t Test) bool { step, every := t.Args[3].(int), t.Args[2].(int); return (step+1)%every == 0 }, ""},
	{"ReLU derivative 1 at zero", "backward.go", "if v > 0 {", "if v >= 0 {",
		"ReLUBackward", named("negative, zero, positive", "zero inputs block the gradient"), ""},
	{"gradient right only for N = 1", "losses.go", "n := float64(len(pred))\n\tgrad := make", "n := 1.0\n\tgrad := make",
		"MSEGrad", func(t Test) bool { return len(t.Args[0].([]float64)) > 1 }, "you forgot to divide by N"},
}

// copySolutions writes the solutions, with one edit, as a submission.
func copySolutions(t *testing.T, m mutant) string {
	t.Helper()
	dir := t.TempDir()
	files, _ := filepath.Glob("../solutions/*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(data)
		if filepath.Base(f) == m.file {
			if strings.Count(src, m.old) != 1 {
				t.Fatalf("%s: %q occurs %d times in %s", m.name, m.old, strings.Count(src, m.old), m.file)
			}
			src = strings.Replace(src, m.old, m.new, 1)
		}
		os.WriteFile(filepath.Join(dir, filepath.Base(f)), []byte(src), 0o644)
	}
	return dir
}

// TestMutantsLoseExactlyTheirPoints grades each deliberately wrong
// submission: the mistaken exercise loses exactly the points of the tests
// the mistake must fail, every other exercise keeps full marks, and the
// hint names the mistake when the catalog knows it.
func TestMutantsLoseExactlyTheirPoints(t *testing.T) {
	const seed = 12345
	for _, m := range mutants {
		t.Run(m.name, func(t *testing.T) {
			t.Parallel()
			rep := grade(t, copySolutions(t, m), Options{Seed: seed})
			ex, _ := checks.Lookup(m.exercise)
			want := 0.0
			var mustFail []string
			prev := false
			for _, tc := range Tests(ex, rngFor(seed, m.exercise)) {
				fails := prev
				if !tc.Unchanged {
					fails = m.fails(tc)
				}
				prev = fails
				if fails {
					want += tc.Points()
					mustFail = append(mustFail, tc.Name)
				}
			}
			// A failed random test also costs the edge cases and
			// properties that passed: they pay only with the random tests.
			randomFailed := false
			for _, tc := range Tests(ex, rngFor(seed, m.exercise)) {
				randomFailed = randomFailed || (tc.Kind == KindRandom && slices.Contains(mustFail, tc.Name))
			}
			if randomFailed {
				for _, tc := range Tests(ex, rngFor(seed, m.exercise)) {
					if (tc.Kind == KindEdge || tc.Kind == KindProperty) && !slices.Contains(mustFail, tc.Name) {
						want += tc.Points()
					}
				}
			}
			if want == 0 {
				t.Fatalf("the mutant should fail some test")
			}
			for _, e := range rep.Exercises {
				lost := e.Max - e.Score
				switch {
				case e.Name == m.exercise && lost != want:
					var failed []string
					for _, tr := range e.Tests {
						if !tr.Passed {
							failed = append(failed, tr.Name+": "+tr.Message)
						}
					}
					t.Errorf("%s lost %g points, want %g (tests %q); failed:\n%s", e.Name, lost, want, mustFail, strings.Join(failed, "\n"))
				case e.Name != m.exercise && lost != 0:
					t.Errorf("%s lost %g points, want 0", e.Name, lost)
				}
				if e.Name == m.exercise && m.named != "" && !strings.Contains(e.Hint, m.named) {
					t.Errorf("%s: the hint does not name the mistake %q: %q", e.Name, m.named, e.Hint)
				}
				if e.Name == m.exercise && m.named == "" && strings.Contains(e.Hint, "likely mistake") {
					t.Errorf("%s: the hint names a mistake that was not made: %q", e.Name, e.Hint)
				}
			}
		})
	}
}
