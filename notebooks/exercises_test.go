package notebooks

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
	"github.com/deepdive-dl/backprop/internal/goast"
)

// The graded work of a notebook is found in its code cells:
//   - a check call, checks.NAME(fn) in a "%%" cell, runs the public checks
//     of the exercise NAME on the notebook's function fn (its stub);
//   - a concept check is a cell with checks.Ask("ID") and
//     checks.Answer("ID", ...).
var (
	checkCall  = regexp.MustCompile(`checks\.(\w+)\(\s*(\w+)\s*\)`)
	checkLine  = regexp.MustCompile(`(?m)^(?:ok {4}|FAIL {2})?(\w+): (\d+) of (\d+) public checks passed`)
	moduleRoot = "github.com/deepdive-dl/backprop"
)

// A cellProgram is what a notebook's exercise check cells need, as one Go
// main package: the check cells' bodies, and the declarations of the
// notebook that they use (the stubs, their helpers, the imports).
type cellProgram struct {
	decls   []ast.Decl            // the notebook's top-level declarations
	imports map[string]string     // package name → import path, from the import cells
	checks  []string              // the bodies of the check cells
	stubs   map[string]string     // notebook function → the exercise it is checked as
	fset    *token.FileSet        // positions of the declarations
	byName  map[string][]ast.Decl // top-level name → the declarations that declare it or, for a type, its methods
}

// readProgram reads the code cells of a notebook's English edition.
func readProgram(t *testing.T, nb notebook) *cellProgram {
	t.Helper()
	p := &cellProgram{imports: map[string]string{}, stubs: map[string]string{}, fset: token.NewFileSet(),
		byName: map[string][]ast.Decl{}}
	for _, c := range nb.Cells {
		src := source(c.Source)
		if c.CellType != "code" || strings.HasPrefix(strings.TrimSpace(src), "!") {
			continue
		}
		if body, ok := strings.CutPrefix(strings.TrimSpace(src), "%%"); ok {
			calls := checkCall.FindAllStringSubmatch(body, -1)
			isCheck := false
			for _, m := range calls {
				if _, ok := checks.Lookup(m[1]); ok {
					p.stubs[m[2]] = m[1]
					isCheck = true
				}
			}
			if isCheck {
				p.checks = append(p.checks, body)
			}
			continue
		}
		f, err := parser.ParseFile(p.fset, "cell.go", "package main\n"+src, parser.SkipObjectResolution)
		if err != nil {
			continue // not plain declarations: no exercise cell needs it
		}
		for _, spec := range f.Imports {
			ipath, _ := strconv.Unquote(spec.Path.Value)
			name := path.Base(ipath)
			if regexp.MustCompile(`^v\d+$`).MatchString(name) {
				name = path.Base(path.Dir(ipath))
			}
			if spec.Name != nil {
				name = spec.Name.Name
			}
			p.imports[name] = ipath
		}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				continue
			}
			p.decls = append(p.decls, d)
			for _, name := range declared(d) {
				p.byName[name] = append(p.byName[name], d)
			}
		}
	}
	return p
}

// declared returns the top-level names a declaration declares; a method
// counts under its receiver's type, so that it comes with the type.
func declared(d ast.Decl) []string {
	if recv, ok := goast.Receiver(d); ok {
		return []string{recv}
	}
	return goast.Names(d)
}

// source returns the Go main package that runs the check cells, with the
// declarations they need. With solved, each checked function is replaced
// by the model answer of its exercise (package solutions): a function by a
// wrapper with the stub's own signature, a variable by the solution itself.
func (p *cellProgram) source(solved bool) (string, error) {
	var mainBody strings.Builder
	for i, body := range p.checks {
		fmt.Fprintf(&mainBody, "\t{ // check cell %d\n%s\n\t}\n", i+1, body)
	}
	mainSrc := "package main\n\nfunc main() {\n" + mainBody.String() + "}\n"
	mainFile, err := parser.ParseFile(p.fset, "main.go", mainSrc, parser.SkipObjectResolution)
	if err != nil {
		return "", fmt.Errorf("the check cells do not parse: %v", err)
	}
	// The declarations the check cells reach, in the notebook's order.
	need := map[ast.Decl]bool{}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok {
				for _, d := range p.byName[id.Name] {
					if !need[d] {
						need[d] = true
						visit(d)
					}
				}
			}
			return true
		})
	}
	visit(mainFile)
	var decls []ast.Decl
	for _, d := range p.decls {
		if need[d] && solved {
			decls = append(decls, p.solve(d))
		} else if need[d] {
			decls = append(decls, d)
		}
	}
	// The imports they use: the packages named before a dot.
	imports := maps.Clone(p.imports)
	imports["solutions"] = moduleRoot + "/solutions"
	used := map[string]bool{}
	for _, n := range append([]ast.Node{mainFile}, nodes(decls)...) {
		ast.Inspect(n, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && imports[id.Name] != "" {
					used[id.Name] = true
				}
			}
			return true
		})
	}
	var out bytes.Buffer
	out.WriteString("package main\n\nimport (\n")
	for _, name := range slices.Sorted(maps.Keys(used)) {
		fmt.Fprintf(&out, "\t%s %q\n", name, imports[name])
	}
	out.WriteString(")\n\n")
	for _, d := range decls {
		if err := printer.Fprint(&out, p.fset, d); err != nil {
			return "", err
		}
		out.WriteString("\n\n")
	}
	out.WriteString(mainSrc[len("package main\n"):])
	return out.String(), nil
}

// solve returns d with every checked function in it replaced by the model
// answer of its exercise.
func (p *cellProgram) solve(d ast.Decl) ast.Decl {
	switch d := d.(type) {
	case *ast.FuncDecl:
		name, ok := p.stubs[d.Name.Name]
		if !ok || d.Recv != nil {
			return d
		}
		var args []ast.Expr
		for _, f := range d.Type.Params.List {
			for _, n := range f.Names {
				args = append(args, ast.NewIdent(n.Name))
			}
		}
		call := &ast.CallExpr{Fun: &ast.SelectorExpr{X: ast.NewIdent("solutions"), Sel: ast.NewIdent(name)}, Args: args}
		return &ast.FuncDecl{Name: d.Name, Type: d.Type,
			Body: &ast.BlockStmt{List: []ast.Stmt{&ast.ReturnStmt{Results: []ast.Expr{call}}}}}
	case *ast.GenDecl:
		if d.Tok != token.VAR {
			return d
		}
		out := *d
		out.Specs = nil
		for _, s := range d.Specs {
			vs, ok := s.(*ast.ValueSpec)
			if !ok || len(vs.Values) != len(vs.Names) {
				out.Specs = append(out.Specs, s)
				continue
			}
			solved := *vs
			solved.Values = slices.Clone(vs.Values)
			for i, n := range vs.Names {
				if name, ok := p.stubs[n.Name]; ok {
					solved.Values[i] = &ast.SelectorExpr{X: ast.NewIdent("solutions"), Sel: ast.NewIdent(name)}
				}
			}
			out.Specs = append(out.Specs, &solved)
		}
		return &out
	}
	return d
}

// checkResults reads a check run's text output: passed and total public
// checks, by exercise.
func checkResults(out string) map[string][2]int {
	res := map[string][2]int{}
	for _, m := range checkLine.FindAllStringSubmatch(out, -1) {
		passed, _ := strconv.Atoi(m[2])
		total, _ := strconv.Atoi(m[3])
		res[m[1]] = [2]int{passed, total}
	}
	return res
}

// TestNotebookExercisesAndQuestions: every notebook ends with graded work.
// Each exercise of the catalog has, in the notebook that teaches it, a
// function and a check cell that runs its public checks on it, and each
// concept check of a notebook has a cell that asks it and answers it. The
// check cells, extracted as Go with the declarations they use, then run
// twice: on the stubs as the notebook has them (every check fails) and on
// the model answers put in the stubs' place (every check passes; not in
// the learners' copy of the course, which has no solutions/).
func TestNotebookExercisesAndQuestions(t *testing.T) {
	nbs := loadNotebooks(t)
	paths, err := filepath.Glob("[0-9][0-9]-*.ipynb")
	if err != nil || len(paths) == 0 {
		t.Fatalf("no notebooks: %v", err)
	}
	tmp, err := os.MkdirTemp(".", "_cells") // inside the module, ignored by ./...
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(tmp) })

	type run struct {
		nb     string
		solved bool
		want   []string // the exercises whose checks it must report
	}
	var runs []run
	var pkgs []string
	for _, nbPath := range paths {
		number := nbPath[:2]
		nb := nbs[nbPath]
		var code []string
		for _, c := range nb.Cells {
			if c.CellType == "code" {
				code = append(code, source(c.Source))
			}
		}
		for _, q := range checks.Questions() {
			if q.Notebook() != number {
				continue
			}
			asked := slices.ContainsFunc(code, func(c string) bool {
				return strings.Contains(c, fmt.Sprintf("checks.Ask(%q)", q.ID)) && strings.Contains(c, fmt.Sprintf("checks.Answer(%q,", q.ID))
			})
			if !asked {
				t.Errorf("%s: no cell asks and answers the concept check %s (checks.Ask(%q), checks.Answer(%q, ...))", nbPath, q.ID, q.ID, q.ID)
			}
		}
		p := readProgram(t, nb)
		var want []string
		for _, e := range checks.Exercises() {
			if e.Notebook != number {
				continue
			}
			want = append(want, e.Name)
			if !slices.Contains(slices.Collect(maps.Values(p.stubs)), e.Name) {
				t.Errorf("%s: no %%%% cell runs checks.%s on a function of the notebook", nbPath, e.Name)
			}
		}
		if len(want) == 0 {
			t.Errorf("%s: no exercise of the catalog belongs to this notebook", nbPath)
		}
		for fn, name := range p.stubs {
			if len(p.byName[fn]) == 0 {
				t.Errorf("%s: checks.%s(%s): %s is not declared in a cell", nbPath, name, fn, fn)
			}
		}
		if len(p.checks) == 0 {
			continue
		}
		modes := []bool{false, true}
		if _, err := os.Stat(filepath.Join("..", "solutions")); err != nil {
			modes = modes[:1] // the learners' copy has no model answers
		}
		for _, solved := range modes {
			src, err := p.source(solved)
			if err != nil {
				t.Fatalf("%s: %v", nbPath, err)
			}
			dir := filepath.Join(tmp, fmt.Sprintf("n%s_%v", number, solved))
			if err := os.MkdirAll(dir, 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
				t.Fatal(err)
			}
			pkgs = append(pkgs, "./"+filepath.ToSlash(dir))
			var checked []string
			for _, name := range p.stubs {
				checked = append(checked, name)
			}
			runs = append(runs, run{nb: nbPath, solved: solved, want: checked})
		}
	}
	if t.Failed() {
		return
	}

	// One build for all of them, then one run each.
	bin := filepath.Join(tmp, "bin")
	if err := os.MkdirAll(bin, 0o755); err != nil {
		t.Fatal(err)
	}
	build := exec.Command("go", append([]string{"build", "-o", bin + string(filepath.Separator)}, pkgs...)...)
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the exercise cells do not compile as Go (the programs are in %s while the test runs):\n%s", tmp, out)
	}
	for i, r := range runs {
		cmd := exec.Command(filepath.Join(bin, path.Base(pkgs[i])))
		cmd.Env = append(os.Environ(), checks.LangEnv+"=en", "GONB_DIR=")
		out, _ := cmd.CombinedOutput() // a failed check is not an error of the run
		got := checkResults(string(out))
		what := "stubs"
		if r.solved {
			what = "model answers"
		}
		for _, name := range r.want {
			res, ok := got[name]
			switch {
			case !ok:
				t.Errorf("%s, with the %s: the check cells report nothing for %s:\n%s", r.nb, what, name, out)
			case res[1] == 0:
				t.Errorf("%s: %s has no public checks", r.nb, name)
			case !r.solved && res[0] != 0:
				t.Errorf("%s: the stub of %s passes %d of its %d public checks; a stub must fail them all", r.nb, name, res[0], res[1])
			case r.solved && res[0] != res[1]:
				t.Errorf("%s: the model answer of %s passes %d of %d public checks in the notebook's check cell:\n%s", r.nb, name, res[0], res[1], out)
			}
		}
	}
}

// nodes returns declarations as nodes.
func nodes(decls []ast.Decl) []ast.Node {
	var out []ast.Node
	for _, d := range decls {
		out = append(out, d)
	}
	return out
}
