package grader

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// AllowedImports are the only packages learner code may import: the
// computational part of the standard library. Everything that reaches
// outside the process (os, net, os/exec, syscall, plugin), around the type
// system (unsafe, reflect), into the runtime (runtime, runtime/debug), cgo,
// the course's own packages (pkg/backprop, solutions) and every module
// outside the standard library is refused before compiling.
var AllowedImports = []string{
	"cmp", "container/heap", "container/list", "container/ring", "errors", "fmt",
	"iter", "maps", "math", "math/big", "math/bits", "math/cmplx", "math/rand", "math/rand/v2",
	"slices", "sort", "strconv", "strings", "sync", "unicode", "unicode/utf8",
}

// Problem is one diagnostic about the learner's code, with its place.
type Problem struct {
	File    string `json:"file,omitempty"`
	Line    int    `json:"line,omitempty"`
	Message string `json:"message"`
}

func (p Problem) String() string {
	switch {
	case p.File != "" && p.Line > 0:
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Message)
	case p.File != "":
		return p.File + ": " + p.Message
	}
	return p.Message
}

// vetResult is what the grader learns from reading the code before
// compiling it.
type vetResult struct {
	problems []Problem         // the package cannot be graded: refused imports, syntax errors
	types    map[string]string // exercise name → the learner's function type, for those present
}

// vet parses the learner's files, refuses disallowed imports and files that
// are not plain Go, and finds the exercise functions and their types.
func vet(src *Source) vetResult {
	res := vetResult{types: map[string]string{}}
	fset := token.NewFileSet()
	names := make([]string, 0, len(src.Files))
	for n := range src.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	pkg := ""
	for _, name := range names {
		f, err := parser.ParseFile(fset, name, src.Files[name], parser.ParseComments|parser.SkipObjectResolution)
		if err != nil {
			for _, line := range strings.Split(err.Error(), "\n") {
				res.problems = append(res.problems, parseProblem(line))
			}
			continue
		}
		if f.Name.Name == "main" {
			res.problems = append(res.problems, Problem{File: name, Line: fset.Position(f.Name.Pos()).Line,
				Message: "package main cannot be graded: your exercise code must be in package exercises"})
		}
		if pkg != "" && f.Name.Name != pkg {
			res.problems = append(res.problems, Problem{File: name, Message: fmt.Sprintf("package %s, but other files are package %s", f.Name.Name, pkg)})
		}
		pkg = f.Name.Name
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			if !slices.Contains(AllowedImports, p) {
				pos := fset.Position(imp.Pos())
				res.problems = append(res.problems, Problem{File: pos.Filename, Line: pos.Line, Message: importRefusal(p)})
			}
		}
		for _, cg := range f.Comments {
			for _, c := range cg.List {
				if d := directive(c.Text); d != "" && !(src.Notebook && cellLine.MatchString(c.Text)) {
					pos := fset.Position(c.Pos())
					res.problems = append(res.problems, Problem{File: pos.Filename, Line: pos.Line,
						Message: "compiler directives (" + d + ") are not allowed in exercise code"})
				}
			}
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				if _, isExercise := checks.Lookup(fd.Name.Name); !isExercise {
					continue // helpers may be anything, generic ones too
				}
				if fd.Type.TypeParams != nil {
					res.types[fd.Name.Name] = "a generic function"
					continue
				}
				var b bytes.Buffer
				printer.Fprint(&b, token.NewFileSet(), fd.Type)
				res.types[fd.Name.Name] = checks.Exercise{Signature: b.String()}.TypeString()
			}
		}
	}
	return res
}

// cellLine is the //line directive FromNotebook writes before each
// declaration, so that errors point to "cell N:line".
var cellLine = regexp.MustCompile(`^//line cell \d+:\d+$`)

// directive returns the compiler directive a comment is ("//go:noinline",
// "//line"), or "". //go:build constraints are allowed. A //line directive
// would make the compiler report errors at positions the learner chose.
func directive(text string) string {
	switch {
	case strings.HasPrefix(text, "//go:build"):
		return ""
	case strings.HasPrefix(text, "//go:"), strings.HasPrefix(text, "//line "), strings.HasPrefix(text, "//line\t"):
		return strings.Fields(text)[0]
	case strings.HasPrefix(text, "/*line "), strings.HasPrefix(text, "/*line\t"):
		return "/*line"
	}
	return ""
}

func importRefusal(p string) string {
	why := "only the computational part of the standard library is available to exercise code"
	switch {
	case strings.Contains(p, "deepdive-dl/backprop"):
		why = "exercises must be solved without the course's own packages"
	case p == "C":
		why = "cgo is not available to exercise code"
	case p == "os" || p == "os/exec" || p == "net" || strings.HasPrefix(p, "net/") || p == "syscall" || p == "plugin":
		why = "exercise code runs in a sandbox without files, network or processes"
	case p == "unsafe" || p == "reflect" || strings.HasPrefix(p, "runtime"):
		why = "exercise code may not reach around the type system or into the runtime"
	}
	return fmt.Sprintf("import %q is not allowed: %s (allowed: %s)", p, why, strings.Join(AllowedImports, ", "))
}

// parseProblem turns a "file:line:col: message" line into a Problem.
func parseProblem(line string) Problem {
	line = strings.TrimPrefix(strings.TrimSpace(line), "./")
	// The file name may contain spaces ("cell 3"): split at the last
	// ":line:col: " or ":line: " before the message.
	parts := strings.SplitN(line, ": ", 2)
	if len(parts) == 2 {
		loc := strings.Split(parts[0], ":")
		for len(loc) > 1 {
			if _, err := strconv.Atoi(loc[len(loc)-1]); err != nil {
				break
			}
			if len(loc) >= 3 {
				if _, err := strconv.Atoi(loc[len(loc)-2]); err == nil {
					n, _ := strconv.Atoi(loc[len(loc)-2])
					return Problem{File: strings.Join(loc[:len(loc)-2], ":"), Line: n, Message: parts[1]}
				}
			}
			n, _ := strconv.Atoi(loc[len(loc)-1])
			return Problem{File: strings.Join(loc[:len(loc)-1], ":"), Line: n, Message: parts[1]}
		}
	}
	return Problem{Message: line}
}
