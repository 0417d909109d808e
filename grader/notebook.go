package grader

import (
	"bytes"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/deepdive-dl/backprop/internal/goast"
)

// FromNotebook extracts the learner's exercise code from a GoNB notebook.
//
// GoNB cells hold Go declarations plus special lines: lines starting with
// "%" (magics) or "!" (shell) are dropped, and a line "%%" starts the body
// of a main function, so the rest of that cell is dropped too. As in GoNB, a
// later cell's declaration replaces an earlier one of the same name. func
// main and func init are dropped. Of the remaining declarations only those
// the exercise functions need (directly or through other declarations) are
// kept, with the imports they use, so exploratory cells that import the
// course's library or draw charts do not stand in the way. A cell that
// does not parse is skipped with a warning. Compile errors point to
// "cell N:line".
func FromNotebook(data []byte, origin string) (*Source, error) {
	nb, err := parseNotebook(data, origin)
	if err != nil {
		return nil, err
	}
	src := &Source{Files: map[string][]byte{}, Origin: origin, Notebook: true}
	decls := map[string]*cellDecl{}   // by declared name
	imports := map[string]*cellDecl{} // by local package name
	order := 0
	for i, c := range nb.Cells {
		if c.CellType != "code" {
			continue
		}
		cell := i + 1
		text := goLines(cellSource(c.Source))
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "", "package exercises\n"+text, parser.SkipObjectResolution)
		if err != nil {
			if strings.TrimSpace(text) != "" {
				src.Warnings = append(src.Warnings, fmt.Sprintf("cell %d skipped: it does not parse as Go declarations: %v", cell, firstLine(err.Error())))
			}
			continue
		}
		for _, imp := range f.Imports {
			p, _ := strconv.Unquote(imp.Path.Value)
			name := path.Base(p)
			if strings.HasPrefix(name, "v") && strings.Contains(p, "/") { // math/rand/v2 is package rand
				if _, err := strconv.Atoi(name[1:]); err == nil {
					name = path.Base(path.Dir(p))
				}
			}
			if imp.Name != nil {
				name = imp.Name.Name
			}
			order++
			imports[name] = &cellDecl{cell: cell, line: fset.Position(imp.Pos()).Line - 1, text: "import " + nodeText(fset, text, imp), order: order}
		}
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
				continue
			}
			order++
			cd := &cellDecl{cell: cell, line: fset.Position(d.Pos()).Line - 1, text: nodeText(fset, text, d), node: d, order: order}
			for _, name := range declNames(d) {
				if name != "main" && name != "init" && name != "_" {
					decls[name] = cd
				}
			}
		}
	}
	keep := closure(decls)
	var used []*cellDecl
	for name, d := range imports {
		if usesName(keep, name) {
			used = append(used, d)
		}
	}
	var out bytes.Buffer
	out.WriteString("package exercises\n")
	for _, d := range sortDecls(used) {
		fmt.Fprintf(&out, "\n//line cell %d:%d\n%s\n", d.cell, d.line, d.text)
	}
	for _, d := range sortDecls(keep) {
		fmt.Fprintf(&out, "\n//line cell %d:%d\n%s\n", d.cell, d.line, d.text)
	}
	src.Files["notebook.go"] = out.Bytes()
	src.Answers = answersIn(nb.codeCells())
	return src, nil
}

// ipynb is the part of a notebook the grader reads: its cells' types and
// source (outputs and metadata are left out).
type ipynb struct {
	Cells []struct {
		CellType string          `json:"cell_type"`
		Source   json.RawMessage `json:"source"`
	} `json:"cells"`
}

func parseNotebook(data []byte, origin string) (ipynb, error) {
	var nb ipynb
	if err := json.Unmarshal(data, &nb); err != nil {
		return nb, fmt.Errorf("%s is not a notebook (.ipynb JSON): %v", origin, err)
	}
	return nb, nil
}

// codeCells returns the text of the notebook's code cells, in order.
func (nb ipynb) codeCells() []string {
	var cells []string
	for _, c := range nb.Cells {
		if c.CellType == "code" {
			cells = append(cells, cellSource(c.Source))
		}
	}
	return cells
}

// compactNotebook returns the notebook with only its cells' type and
// source, each source one string: what FromNotebook and the concept
// checks read, without the outputs (charts, images) that make notebooks
// large.
func compactNotebook(data []byte) ([]byte, error) {
	nb, err := parseNotebook(data, "")
	if err != nil {
		return nil, err
	}
	type cell struct {
		CellType string `json:"cell_type"`
		Source   string `json:"source"`
	}
	out := struct {
		Cells []cell `json:"cells"`
	}{Cells: []cell{}}
	for _, c := range nb.Cells {
		out.Cells = append(out.Cells, cell{c.CellType, cellSource(c.Source)})
	}
	return json.Marshal(out)
}

// cellDecl is one top-level declaration or import of a notebook cell.
type cellDecl struct {
	cell, line int
	text       string
	node       ast.Decl
	order      int
}

func cellSource(raw json.RawMessage) string {
	var lines []string
	if json.Unmarshal(raw, &lines) == nil {
		return strings.Join(lines, "")
	}
	var s string
	json.Unmarshal(raw, &s)
	return s
}

// goLines blanks GoNB's special lines (keeping line numbers) and drops the
// rest of the cell after "%%".
func goLines(cell string) string {
	lines := strings.Split(cell, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "%%" || strings.HasPrefix(t, "%% ") {
			lines = lines[:i]
			break
		}
		if strings.HasPrefix(t, "%") || strings.HasPrefix(t, "!") {
			lines[i] = ""
		}
	}
	return strings.Join(lines, "\n")
}

// nodeText returns the source of a node (the file has one extra first line,
// the package clause).
func nodeText(fset *token.FileSet, text string, n ast.Node) string {
	full := "package exercises\n" + text
	return full[fset.Position(n.Pos()).Offset:fset.Position(n.End()).Offset]
}

// declNames returns the names a declaration declares; methods are keyed by
// receiver type and name, so they never replace a function.
func declNames(d ast.Decl) []string {
	if recv, ok := goast.Receiver(d); ok {
		return []string{"method " + recv + "." + d.(*ast.FuncDecl).Name.Name}
	}
	return goast.Names(d)
}

// closure returns the declarations the exercise functions need: the
// exercises, then every declaration named by a kept one, and the methods of
// every kept type.
func closure(decls map[string]*cellDecl) []*cellDecl {
	kept := map[*cellDecl]bool{}
	var queue []*cellDecl
	add := func(d *cellDecl) {
		if d != nil && !kept[d] {
			kept[d] = true
			queue = append(queue, d)
		}
	}
	// The methods of each type, found once ("method T.M" keys), so that
	// following an identifier costs a map look-up, not a scan of every
	// declaration: a notebook of many declarations stays linear.
	methods := map[string][]*cellDecl{}
	for key, m := range decls {
		if rest, ok := strings.CutPrefix(key, "method "); ok {
			typ, _, _ := strings.Cut(rest, ".")
			methods[typ] = append(methods[typ], m)
		}
	}
	for _, e := range exerciseNames() {
		add(decls[e])
	}
	seen := map[string]bool{}
	for len(queue) > 0 {
		d := queue[0]
		queue = queue[1:]
		ast.Inspect(d.node, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && !seen[id.Name] {
				seen[id.Name] = true
				add(decls[id.Name])
				for _, m := range methods[id.Name] {
					add(m)
				}
			}
			return true
		})
	}
	out := make([]*cellDecl, 0, len(kept))
	for d := range kept {
		out = append(out, d)
	}
	return out
}

// usesName reports whether an identifier name appears in the declarations.
func usesName(decls []*cellDecl, name string) bool {
	for _, d := range decls {
		found := false
		ast.Inspect(d.node, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if id, ok := sel.X.(*ast.Ident); ok && id.Name == name {
					found = true
				}
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}

// sortDecls orders declarations as they appear in the notebook.
func sortDecls(ds []*cellDecl) []*cellDecl {
	sort.Slice(ds, func(i, j int) bool { return ds[i].order < ds[j].order })
	return ds
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}
