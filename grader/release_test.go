package grader

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/internal/e2e"
)

// TestReleaseREADME checks the learners' README written by Release: nothing
// of the grader or the solutions, the two commands kept, the files it
// points to released.
func TestReleaseREADME(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "course")
	if err := Release("..", out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	for _, s := range []string{"grader", "solutions", "make grade", "make class", "make gradescope", "make release", "staff-only"} {
		if strings.Contains(readme, s) {
			t.Errorf("the learners' README mentions %q", s)
		}
	}
	for _, s := range []string{"make notebook", "make test", "## What is inside", "exercises/        the functions you implement"} {
		if !strings.Contains(readme, s) {
			t.Errorf("the learners' README lost %q", s)
		}
	}
	if strings.Contains(readme, "\n\n\n") {
		t.Errorf("the learners' README has a double blank line where something was cut")
	}
	// What the README points to is there too.
	for _, p := range []string{"LICENSE", "bench/compare.sh", "pkg/backprop/datasets/README.md"} {
		if _, err := os.Stat(filepath.Join(out, p)); err != nil {
			t.Errorf("not released: %v", err)
		}
	}
}

// TestReleaseMakefile runs the released Makefile in the learners' copy, a
// plain directory with no git repository: the grading targets say they
// are for course staff instead of failing inside go run; check-format,
// vet and golden find their files without git (gofmt given no file names
// would wait on standard input).
func TestReleaseMakefile(t *testing.T) {
	t.Parallel()
	if _, err := exec.LookPath("make"); err != nil {
		e2e.Missing(t, "make", err)
	}
	out := filepath.Join(t.TempDir(), "course")
	if err := Release("..", out); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
		defer cancel()
		cmd := exec.CommandContext(ctx, "make", append([]string{"-s"}, args...)...)
		cmd.Dir = out
		// No git repository above the copy either, wherever TMPDIR is.
		cmd.Env = append(os.Environ(), "GIT_CEILING_DIRECTORIES="+filepath.Dir(out),
			"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		b, err := cmd.CombinedOutput() // standard input is the null device
		if ctx.Err() != nil {
			err = fmt.Errorf("make %s timed out: %w", args[0], ctx.Err())
		}
		return string(b), err
	}

	for _, target := range []string{"grade", "class", "gradescope", "release"} {
		b, err := run(target, "SUB=x", "DIR=x")
		want := "make " + target + ": for course staff only"
		if err == nil || !strings.HasPrefix(b, want) || strings.Contains(b, "go run") {
			t.Errorf("make %s in the learners' copy: %v\n%s\nwant an error starting %q", target, err, b, want)
		}
	}
	for _, target := range []string{"check-format", "vet"} {
		if b, err := run(target); err != nil {
			t.Errorf("make %s in the learners' copy: %v\n%s", target, err, b)
		}
	}
	// check-format really reads the files: a badly formatted one fails it.
	if err := os.WriteFile(filepath.Join(out, "pkg", "zz_unformatted.go"), []byte("package  backprop\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := run("check-format"); err == nil || !strings.Contains(b, "pkg/zz_unformatted.go") {
		t.Errorf("make check-format in the learners' copy missed an unformatted file: %v\n%s", err, b)
	}
	// golden lists its scripts (PY=echo prints them instead of running them).
	if b, err := run("golden", "PY=echo"); err != nil || !strings.Contains(b, "pkg/backprop/testdata/golden_layers.py") {
		t.Errorf("make golden in the learners' copy found no scripts: %v\n%s", err, b)
	}
}

func TestLearnerREADME(t *testing.T) {
	for _, tc := range []struct {
		name, in, want, err string
	}{
		{name: "markers", in: "a\n<!-- staff-only -->\nb\n  <!-- /staff-only -->\nc\n", want: "a\nc\n"},
		{name: "two sections", in: "<!-- staff-only -->\nb\n<!-- /staff-only -->\nc\n<!-- staff-only -->\nd\n<!-- /staff-only -->\n", want: "c\n"},
		{name: "tree", in: "```\npkg/x/   a\n         more\nsolutions/  answers\n         more\ngrader/   b\nz/  c\n```\nsolutions/ outside a block\n",
			want: "```\npkg/x/   a\n         more\nz/  c\n```\nsolutions/ outside a block\n"},
		{name: "table", in: "| a | b |\n|---|---|\n| `grader/` | x |\n| y | see solutions/ |\n| z | w |\n", want: "| a | b |\n|---|---|\n| z | w |\n"},
		{name: "inline marker kept", in: "a <!-- staff-only --> b\n", want: "a <!-- staff-only --> b\n"},
		{name: "open", in: "a\n<!-- staff-only -->\nb\n", err: "never closed"},
		{name: "nested", in: "<!-- staff-only -->\n<!-- staff-only -->\n", err: "inside another"},
		{name: "stray end", in: "a\n<!-- /staff-only -->\n", err: "line 2"},
	} {
		got, err := LearnerREADME([]byte(tc.in))
		switch {
		case tc.err != "" && (err == nil || !strings.Contains(err.Error(), tc.err)):
			t.Errorf("%s: error %v, want one containing %q", tc.name, err, tc.err)
		case tc.err == "" && err != nil:
			t.Errorf("%s: %v", tc.name, err)
		case tc.err == "" && string(got) != tc.want:
			t.Errorf("%s: got\n%q\nwant\n%q", tc.name, got, tc.want)
		}
	}
}
