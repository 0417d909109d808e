package grader

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestReleaseREADME checks the learners' README written by Release: nothing
// of the grader or the solutions, the two commands kept; and that the
// grading targets of the released Makefile say they are for course staff
// instead of failing inside go run.
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

	if _, err := exec.LookPath("make"); err != nil {
		t.Skip("make not installed")
	}
	for _, target := range []string{"grade", "class", "gradescope", "release"} {
		cmd := exec.Command("make", "-s", target, "SUB=x", "DIR=x")
		cmd.Dir = out
		b, err := cmd.CombinedOutput()
		want := "make " + target + ": for course staff only"
		if err == nil || !strings.HasPrefix(string(b), want) || strings.Contains(string(b), "go run") {
			t.Errorf("make %s in the learners' copy: %v\n%s\nwant an error starting %q", target, err, b, want)
		}
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
