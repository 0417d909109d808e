package grader

import (
	"bytes"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// ReleasePaths are what the learner's copy of the course holds, relative to
// the repository root; paths that do not exist are skipped. Everything else
// (solutions/, grader/, cmd/grader/, the repository's own tooling) stays
// with the instructors.
var ReleasePaths = []string{
	"go.mod", "go.sum", "README.md", "README.id.md", "LICENSE", "Makefile", "scripts", ".gitignore", "internal",
	"notebooks", "pkg", "exercises", "tools", "bench", "package.json", "package-lock.json",
}

// releaseSkip are names never copied, at any depth.
var releaseSkip = map[string]bool{".git": true, "node_modules": true, ".executed": true, ".ipynb_checkpoints": true}

// Release writes the learner's copy of the course from the repository at
// root into out (which must not exist yet): the files of ReleasePaths
// (releaseFiles), executable ones still executable, and README.md cut to
// its learners' part (LearnerREADME). It then checks the copy for leaks (LeakCheck) and
// returns an error, leaving out in place for inspection, if it finds one.
func Release(root, out string) error {
	if _, err := os.Stat(out); err == nil {
		return fmt.Errorf("release: %s already exists", out)
	}
	files, err := releaseFiles(root)
	if err != nil {
		return err
	}
	for _, rel := range files {
		src := filepath.Join(root, filepath.FromSlash(rel))
		info, err := os.Lstat(src)
		if errors.Is(err, fs.ErrNotExist) {
			continue // tracked, but deleted in the work tree
		}
		if err != nil {
			return err
		}
		if !info.Mode().IsRegular() {
			continue
		}
		data, err := os.ReadFile(src)
		if err != nil {
			return err
		}
		if rel == "README.md" || rel == "README.id.md" {
			if data, err = LearnerREADME(data); err != nil {
				return err
			}
		}
		// The Makefile runs scripts/*.sh directly: they must stay
		// executable. Git knows only these two modes.
		perm := fs.FileMode(0o644)
		if info.Mode()&0o111 != 0 {
			perm = 0o755
		}
		dst := filepath.Join(out, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(dst, data, perm); err != nil {
			return err
		}
	}
	return LeakCheck(root, out)
}

// releaseFiles returns the files of ReleasePaths under root, relative to
// it and with forward slashes, leaving out releaseSkip. When root is the
// top of a git work tree they are the tracked files, so that what is on
// disk but not in the repository (a test binary, the build/ of a notebook
// run, a file someone is still writing) never reaches learners; elsewhere
// (an unpacked archive of the repository) they are the files on disk.
func releaseFiles(root string) ([]string, error) {
	files, err := gitFiles(root)
	if err != nil {
		return nil, err
	}
	if files == nil {
		for _, p := range ReleasePaths {
			err := filepath.WalkDir(filepath.Join(root, p), func(path string, d fs.DirEntry, err error) error {
				if errors.Is(err, fs.ErrNotExist) && path == filepath.Join(root, p) {
					return nil // ReleasePaths may name what a course lacks
				}
				if err != nil || d.IsDir() {
					return err
				}
				rel, err := filepath.Rel(root, path)
				files = append(files, filepath.ToSlash(rel))
				return err
			})
			if err != nil {
				return nil, err
			}
		}
	}
	kept := files[:0]
	for _, f := range files {
		skip := false
		for _, name := range strings.Split(f, "/") {
			skip = skip || releaseSkip[name]
		}
		if !skip {
			kept = append(kept, f)
		}
	}
	return kept, nil
}

// gitFiles returns the files of ReleasePaths that git tracks under root, or
// nil and no error when root is not the top of a git work tree (or git is
// not installed).
func gitFiles(root string) ([]string, error) {
	top, err := exec.Command("git", "-C", root, "rev-parse", "--show-toplevel").Output()
	if err != nil {
		return nil, nil
	}
	if !sameDir(strings.TrimSpace(string(top)), root) {
		return nil, nil
	}
	cmd := exec.Command("git", append([]string{"-C", root, "ls-files", "-z", "--"}, ReleasePaths...)...)
	list, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("release: git ls-files: %v", err)
	}
	files := []string{}
	for _, f := range strings.Split(string(list), "\x00") {
		if f != "" {
			files = append(files, f)
		}
	}
	return files, nil
}

// sameDir reports whether a and b name the same directory.
func sameDir(a, b string) bool {
	ia, err := os.Stat(a)
	if err != nil {
		return false
	}
	ib, err := os.Stat(b)
	return err == nil && os.SameFile(ia, ib)
}

// Markers around the parts of README.md that are for course staff only.
// They are HTML comments, so GitHub shows the instructors' README whole.
const (
	staffOnly    = "<!-- staff-only -->"
	staffOnlyEnd = "<!-- /staff-only -->"
)

// staffDirs are the instructors' directories: the learners' README drops
// the lines that describe them.
var staffDirs = []string{"solutions/", "grader/", "cmd/grader/"}

// LearnerREADME returns the learners' README: readme without the lines from
// each staff-only marker to its end marker (each on a line of its own),
// without the entries of code blocks (the "What is inside" tree) that
// start with one of staffDirs, together with their indented continuation
// lines, and without the table rows that mention one of them. It returns
// an error on a marker left open or an end marker with no start, so that a
// misplaced marker cannot silently drop or keep half a section.
func LearnerREADME(readme []byte) ([]byte, error) {
	var out []string
	staff, fenced, entry := false, false, false
	for i, line := range strings.SplitAfter(string(readme), "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case trimmed == staffOnly:
			if staff {
				return nil, fmt.Errorf("release: README.md line %d: %s inside another", i+1, staffOnly)
			}
			staff = true
			continue
		case trimmed == staffOnlyEnd:
			if !staff {
				return nil, fmt.Errorf("release: README.md line %d: %s with no %s before it", i+1, staffOnlyEnd, staffOnly)
			}
			staff = false
			continue
		case staff:
			continue
		case strings.HasPrefix(trimmed, "```"):
			fenced, entry = !fenced, false
		case fenced:
			indented := strings.HasPrefix(line, " ") || strings.HasPrefix(line, "\t")
			if entry && indented && trimmed != "" {
				continue
			}
			entry = startsWithAny(line, staffDirs)
			if entry {
				continue
			}
		case strings.HasPrefix(trimmed, "|") && mentionsAny(line, staffDirs):
			continue
		}
		out = append(out, line)
	}
	if staff {
		return nil, fmt.Errorf("release: README.md: %s is never closed by %s", staffOnly, staffOnlyEnd)
	}
	return []byte(strings.Join(out, "")), nil
}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

func mentionsAny(s string, words []string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// LeakCheck returns an error if the release at out contains anything of the
// instructors': a solutions or grader directory, an import of them, the
// concept checks' answer keys, or the body of any solution function
// (compared without white space).
func LeakCheck(root, out string) error {
	for _, dir := range []string{"solutions", "grader", filepath.Join("cmd", "grader")} {
		if _, err := os.Stat(filepath.Join(out, dir)); err == nil {
			return fmt.Errorf("release: %s/ must not be released", dir)
		}
	}
	bodies, err := solutionBodies(filepath.Join(root, "solutions"))
	if err != nil {
		return err
	}
	// answerKeys is the grader's map of the concept checks' keys.
	markers := []string{"deepdive-dl/backprop/solutions", "deepdive-dl/backprop/grader", "answerKeys"}
	return filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(data, []byte("package solutions")) || bytes.Contains(data, []byte("\npackage solutions")) {
			return fmt.Errorf("release: %s is a file of package solutions", path)
		}
		flat := squash(string(data))
		for _, m := range markers {
			if strings.Contains(flat, m) {
				return fmt.Errorf("release: %s mentions %s", path, m)
			}
		}
		for name, body := range bodies {
			if strings.Contains(flat, body) {
				return fmt.Errorf("release: %s contains the solution of %s", path, name)
			}
		}
		return nil
	})
}

// solutionBodies returns the body of every function in the solutions
// package, without white space, keyed by name; bodies too short to be
// telling (a one-line return) are left out.
func solutionBodies(dir string) (map[string]string, error) {
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return nil, err
	}
	bodies := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		file, err := parser.ParseFile(fset, f, src, 0)
		if err != nil {
			return nil, err
		}
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Body != nil {
				body := squash(string(src[fset.Position(fd.Body.Lbrace).Offset:fset.Position(fd.Body.Rbrace).Offset]))
				if len(body) > 40 {
					bodies[fd.Name.Name] = body
				}
			}
		}
	}
	return bodies, nil
}

// squash removes all white space.
func squash(s string) string {
	return strings.Map(func(r rune) rune {
		if r == ' ' || r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, s)
}
