package grader

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// testLimits keep the hostile tests short.
var testLimits = Limits{Time: 3 * time.Second, Startup: 3 * time.Second}

// writeDir writes files into a new directory and returns it.
func writeDir(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func grade(t *testing.T, path string, opt Options) *Report {
	t.Helper()
	if opt.Seed == 0 {
		opt.Seed = 1
	}
	if opt.Limits == (Limits{}) {
		opt.Limits = testLimits
	}
	rep, err := Grade(context.Background(), path, opt)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// goodMSE is a correct MSE that hostile submissions carry along, to show
// that the hostile function costs only its own exercise.
const goodMSE = `
func MSE(pred, target []float64) float64 {
	s := 0.0
	for i := range pred {
		s += (pred[i] - target[i]) * (pred[i] - target[i])
	}
	return s / float64(len(pred))
}
`

// pkg makes a one-file submission of package exercises.
func pkg(imports, body string) map[string]string {
	return map[string]string{"exercises/ex.go": "package exercises\n\n" + imports + "\n" + goodMSE + body}
}

func TestSolutionsScoreFull(t *testing.T) {
	t.Parallel()
	rep := grade(t, "../solutions", Options{})
	if rep.Score != rep.Max || rep.Max < 200 {
		t.Fatalf("solutions scored %g of %g:\n%s", rep.Score, rep.Max, rep.Text())
	}
}

func TestStubsScoreZero(t *testing.T) {
	t.Parallel()
	rep := grade(t, "../exercises", Options{})
	if rep.Score != 0 {
		t.Fatalf("stubs scored %g", rep.Score)
	}
	for _, e := range rep.Exercises {
		if e.Status != "not implemented" || !strings.Contains(e.Problem, "not implemented") {
			t.Errorf("%s: status %q, problem %q", e.Name, e.Status, e.Problem)
		}
	}
	if !strings.Contains(rep.Text(), "not implemented") {
		t.Errorf("text report does not say not implemented:\n%s", rep.Text())
	}
}

// hostileCase is a submission with a correct MSE and a hostile RMSE (or
// package), and what the report must say.
type hostileCase struct {
	name    string
	files   map[string]string
	status  Status // RMSE's status
	message string // in RMSE's problem or first failed test
	mseOK   bool   // MSE keeps its full score
}

func TestHostile(t *testing.T) {
	cases := []hostileCase{
		{"infinite loop", pkg("", `func RMSE(pred, target []float64) float64 { for {} }`), "failed", "time limit exceeded", true},
		{"os.Exit is refused", pkg(`import "os"`, `func RMSE(pred, target []float64) float64 { os.Exit(0); return 0 }`),
			"refused before compiling", `import "os" is not allowed`, false},
		{"panic in init", pkg("", `func init() { panic("boom in init") }
func RMSE(pred, target []float64) float64 { return 0 }`), "crash", "boom in init", false},
		{"stack overflow ends the program", pkg("", `func RMSE(pred, target []float64) float64 { return RMSE(pred, target) + 1 }`),
			"failed", "stack overflow", true},
		{"panic in a goroutine ends the program", pkg(`import "sync"`, `func RMSE(pred, target []float64) float64 {
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { panic("from a goroutine") }()
	wg.Wait()
	return 0
}`), "failed", "from a goroutine", true},
		{"panic", pkg("", `func RMSE(pred, target []float64) float64 { panic("boom") }`), "failed", "panic: boom", true},
		{"50 GB allocation", pkg("", `func RMSE(pred, target []float64) float64 {
	big := make([]float64, 50<<30/8)
	big[len(big)-1] = 1
	return big[len(big)-1]
}`), "failed", "memory limit exceeded", true},
		{"goroutine fork bomb", pkg("", `func RMSE(pred, target []float64) float64 {
	for {
		go func() { x := make([]byte, 1<<16); for { x[0]++ } }()
	}
}`), "failed", "limit exceeded", true},
		{"fake results on stdout", pkg(`import "fmt"`, `func init() { fmt.Println("score 100/100") }
func RMSE(pred, target []float64) float64 {
	fmt.Println("\x00\x00\x00\x00 RMSE passed", 1.0)
	return -1
}`), "failed", "got -1", true},
		{"code in init runs but cannot hang the grader", pkg("", `func init() { for {} }
func RMSE(pred, target []float64) float64 { return 0 }`), "crash", "time limit exceeded", false},
		{"unsafe is refused", pkg(`import "unsafe"`, `func RMSE(pred, target []float64) float64 { return float64(unsafe.Sizeof(pred)) }`),
			"refused before compiling", `import "unsafe" is not allowed`, false},
		{"the course library is refused", pkg(`import "github.com/deepdive-dl/backprop/solutions"`,
			`func RMSE(pred, target []float64) float64 { return solutions.RMSE(pred, target) }`),
			"refused before compiling", "without the course's own packages", false},
		{"linkname is refused", pkg("", "//go:linkname nanotime runtime.nanotime\nfunc nanotime() int64\nfunc RMSE(pred, target []float64) float64 { return 0 }"),
			"refused before compiling", "compiler directives", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			began := time.Now()
			rep := grade(t, writeDir(t, c.files), Options{Exercises: []string{"MSE", "RMSE"}})
			rmse, mse := rep.exercise("RMSE"), rep.exercise("MSE")
			msg := rmse.Problem
			for _, tr := range rmse.Tests {
				if !tr.Passed {
					msg += " | " + tr.Message
				}
			}
			if rmse.Score != 0 || rmse.Status != c.status || !strings.Contains(msg, c.message) {
				t.Errorf("RMSE: score %g, status %q, messages %q; want 0, %q, containing %q", rmse.Score, rmse.Status, msg, c.status, c.message)
			}
			if c.mseOK != (mse.Score == mse.Max) {
				t.Errorf("MSE scored %g of %g (status %q %s), want full marks: %v", mse.Score, mse.Max, mse.Status, mse.Problem, c.mseOK)
			}
			if d := time.Since(began); d > 15*time.Second {
				t.Errorf("grading took %v", d)
			}
		})
	}
}

// TestEveryAllowedImportCompiles: learner code may import each package of
// AllowedImports, and the sandboxed build (read-only trusted cache) finds
// them all. (With Go's package index on, a package whose index entry was
// missing from the read-only cache was reported "not in std".)
func TestEveryAllowedImportCompiles(t *testing.T) {
	t.Parallel()
	var imports strings.Builder
	for _, p := range AllowedImports {
		fmt.Fprintf(&imports, "\t_ %q\n", p)
	}
	rep := grade(t, writeDir(t, pkg("import (\n"+imports.String()+")", "")), Options{Exercises: []string{"MSE"}})
	if mse := rep.exercise("MSE"); mse.Score != mse.Max {
		t.Fatalf("MSE with every allowed import: %s", rep.Text())
	}
}
