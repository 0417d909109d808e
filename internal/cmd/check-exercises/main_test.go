package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestOneBrokenExerciseDoesNotStopTheOthers runs the command on a copy of
// the course whose exercises are the model answers, except CosineDecay
// with a wrong signature and BCE whose body does not compile: both fail with a
// message that says why, the 19 others are checked and pass, and the last
// line counts them.
func TestOneBrokenExerciseDoesNotStopTheOthers(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and tests a copy of the exercises")
	}
	dir := t.TempDir()
	root := filepath.Join("..", "..", "..")
	for _, f := range []string{"go.mod", "go.sum"} {
		copyFile(t, filepath.Join(root, f), filepath.Join(dir, f))
	}
	if err := os.CopyFS(filepath.Join(dir, "exercises"), os.DirFS(filepath.Join(root, "exercises"))); err != nil {
		t.Fatal(err)
	}
	// The model answers as the learner's work, then the two mistakes.
	sols, _ := filepath.Glob(filepath.Join(root, "solutions", "*.go"))
	for _, s := range sols {
		if strings.HasSuffix(s, "_test.go") {
			continue
		}
		b, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		src := strings.Replace(string(b), "package solutions", "package exercises", 1)
		switch filepath.Base(s) {
		case "losses.go":
			src = strings.Replace(src, "func BCE(prob, label []float64) float64 {", "func BCE(prob, label []float64) float64 {\n\treturn undefinedName", 1)
		case "schedules.go":
			src = strings.Replace(src, "func CosineDecay(lrMax, lrMin float64, total, step int) float64 {",
				"func CosineDecay(lrMax, lrMin float64, total, step float64) float64 {", 1)
		}
		if err := os.WriteFile(filepath.Join(dir, "exercises", filepath.Base(s)), []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin := filepath.Join(t.TempDir(), "check-exercises")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("building the command: %v\n%s", err, out)
	}
	cmd := exec.Command(bin)
	cmd.Dir = dir
	b, err := cmd.CombinedOutput()
	out := string(b)
	if err == nil {
		t.Errorf("the command succeeded with two broken exercises:\n%s", out)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; last != "19 of 21 exercises done" {
		t.Errorf("last line %q, want \"19 of 21 exercises done\"; output:\n%s", last, out)
	}
	for _, want := range []string{
		"BCE does not compile (exercises/losses.go:",
		"undefined: undefinedName",
		"CosineDecay has type func(float64, float64, float64, float64) float64; the exercise wants func(lrMax, lrMin float64, total, step int) float64",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	// The learner's file is untouched: the replacement lived in an overlay.
	if b, _ := os.ReadFile(filepath.Join(dir, "exercises", "losses.go")); !strings.Contains(string(b), "return undefinedName") {
		t.Error("the command changed the learner's losses.go")
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}
