package grader

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
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
	for _, name := range []string{"README.md", "README.id.md"} {
		b, err := os.ReadFile(filepath.Join(out, name))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range []string{"grader", "solutions", "make grade", "make class", "make gradescope", "make release", "staff-only", "\n\n\n"} {
			if strings.Contains(string(b), s) {
				t.Errorf("the learners' %s mentions %q", name, s)
			}
		}
		for _, s := range []string{"make notebook", "make test"} {
			if !strings.Contains(string(b), s) {
				t.Errorf("the learners' %s lost %q", name, s)
			}
		}
	}
	b, err := os.ReadFile(filepath.Join(out, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	// It also tells learners that make exercises fails on the stubs, by design.
	for _, s := range []string{"make notebook", "make test", "## What is inside", "exercises/        the functions you implement",
		"so `make exercises` fails"} {
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
	// Every command the learners' targets run from the copy is there and
	// executable, and every path they name exists (make -n only prints).
	b, err := run("-n", "test", "notebook", "exercises", "bench-compare", "golden", "strip")
	if err != nil {
		t.Fatalf("make -n in the learners' copy: %v\n%s", err, b)
	}
	if err := checkCommands(out, b); err != nil {
		t.Errorf("the learners' Makefile: %v\n%s", err, b)
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

// releasedPath is a word of a recipe that names a file of the course:
// relative, no glob, no quoting, no "./..." pattern.
var releasedPath = regexp.MustCompile(`^(\./)?[A-Za-z0-9_.-]+/[A-Za-z0-9_./-]*$`)

// environment is a variable assignment before a command.
var environment = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*=`)

// checkCommands returns an error if a line of make -n output (recipes)
// runs a file of the course that is missing or not executable at out, or
// names a path of the course that is missing.
func checkCommands(out, recipes string) error {
	for _, line := range strings.Split(recipes, "\n") {
		words := strings.Fields(line)
		for len(words) > 0 && environment.MatchString(words[0]) {
			words = words[1:] // VAR=x cmd runs cmd
		}
		for i, w := range words {
			if !releasedPath.MatchString(w) || strings.Contains(w, "...") {
				continue
			}
			info, err := os.Stat(filepath.Join(out, w))
			if err != nil {
				return fmt.Errorf("%q names %s, which the copy lacks", line, w)
			}
			if i == 0 && (!info.Mode().IsRegular() || info.Mode()&0o111 == 0) {
				return fmt.Errorf("%q runs %s, which is not an executable file in the copy (mode %v)", line, w, info.Mode())
			}
		}
	}
	return nil
}

// TestReleaseExecutable checks that every released script (a file that
// starts with "#!") stays executable: the Makefile and the scripts run
// them directly, and a copy written with one mode for all could not even
// start make test.
func TestReleaseExecutable(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "course")
	if err := Release("..", out); err != nil {
		t.Fatal(err)
	}
	scripts := 0
	err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil || !bytes.HasPrefix(data, []byte("#!")) {
			return err
		}
		scripts++
		if info, err := d.Info(); err != nil || info.Mode()&0o111 == 0 {
			t.Errorf("%s is a script but not executable in the copy: %v %v", path, info.Mode(), err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if scripts < 3 {
		t.Errorf("only %d scripts in the copy: scripts/ not released?", scripts)
	}
}

// TestReleaseFiles releases a small repository, as a git work tree and as
// a plain directory (an unpacked archive): from git only the tracked files
// go out, so a test binary or an ignored build output, and a file not yet
// added, stay behind; from a plain directory every file but the skipped
// names does. In both, executable files stay executable.
func TestReleaseFiles(t *testing.T) {
	t.Parallel()
	files := map[string]fs.FileMode{
		"go.mod":                     0o644,
		"README.md":                  0o644,
		".gitignore":                 0o644,
		"scripts/setup.sh":           0o755,
		"pkg/a/a.go":                 0o644,
		"pkg/a/a.test":               0o755, // ignored: *.test
		"pkg/a/new_test.go":          0o644, // never added
		"node_modules/echarts/x.js":  0o644, // ignored and skipped
		"solutions/not_released.go":  0o644, // not in ReleasePaths
		"notebooks/.executed/x.json": 0o644, // skipped
	}
	tracked := []string{".gitignore", "README.md", "go.mod", "pkg/a/a.go", "scripts/setup.sh"}
	onDisk := []string{".gitignore", "README.md", "go.mod", "pkg/a/a.go", "pkg/a/a.test", "pkg/a/new_test.go", "scripts/setup.sh"}
	write := func(t *testing.T, root string) {
		for name, mode := range files {
			path := filepath.Join(root, filepath.FromSlash(name))
			data := "package a\n"
			switch name {
			case ".gitignore":
				data = "*.test\n/node_modules/\n"
			case "scripts/setup.sh":
				data = "#!/bin/sh\n"
			case "go.mod":
				data = "module example.com/course\n"
			case "README.md":
				data = "# Course\n"
			}
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, []byte(data), mode); err != nil {
				t.Fatal(err)
			}
		}
	}
	git, gitErr := exec.LookPath("git")
	for _, tc := range []struct {
		name string
		git  bool
		want []string
	}{
		{"git work tree", true, tracked},
		{"plain directory", false, onDisk},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			root := filepath.Join(dir, "repo")
			write(t, root)
			if tc.git {
				if gitErr != nil {
					t.Skipf("git not available: %v", gitErr)
				}
				for _, args := range [][]string{{"init", "-q"}, {"add", ".gitignore", "README.md", "go.mod", "pkg/a/a.go", "scripts/setup.sh"}} {
					cmd := exec.Command(git, args...)
					cmd.Dir = root
					if b, err := cmd.CombinedOutput(); err != nil {
						t.Fatalf("git %v: %v\n%s", args, err, b)
					}
				}
			}
			out := filepath.Join(dir, "course")
			if err := Release(root, out); err != nil {
				t.Fatal(err)
			}
			var got []string
			err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
				if err != nil || d.IsDir() {
					return err
				}
				rel, _ := filepath.Rel(out, path)
				got = append(got, filepath.ToSlash(rel))
				info, err := d.Info()
				if err == nil && (info.Mode()&0o111 != 0) != (files[filepath.ToSlash(rel)]&0o111 != 0) {
					t.Errorf("%s: mode %v in the copy, %v in the repository", rel, info.Mode(), files[filepath.ToSlash(rel)])
				}
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(got)
			if !slices.Equal(got, tc.want) {
				t.Errorf("released %q\nwant     %q", got, tc.want)
			}
		})
	}
}
