package grader

import (
	"go/ast"
	"go/parser"
	"go/token"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// TestPhrasesHaveBothLanguages reads the phrase tables of the grader
// (lang.go) and of the check tables (exercises/checks/lang.go), both
// internal/i18n phrases: every phrase has an Indonesian text with the
// same fmt verbs, in the same order, as its English one.
func TestPhrasesHaveBothLanguages(t *testing.T) {
	for _, c := range []struct {
		file, typ string
		least     int
	}{{"lang.go", "phrase", 40}, {"../exercises/checks/lang.go", "text", 15}} {
		f, err := parser.ParseFile(token.NewFileSet(), c.file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		verbs := regexp.MustCompile(`%[-+# 0-9.]*[a-zA-Z%]`)
		n := 0
		ast.Inspect(f, func(node ast.Node) bool {
			lit, ok := node.(*ast.CompositeLit)
			if !ok || len(lit.Elts) != 2 {
				return true
			}
			if id, ok := lit.Type.(*ast.Ident); lit.Type != nil && (!ok || id.Name != c.typ) {
				return true
			}
			text := func(e ast.Expr) (string, bool) {
				b, ok := e.(*ast.BasicLit)
				if !ok {
					return "", false
				}
				s, err := strconv.Unquote(b.Value)
				return s, err == nil
			}
			en, ok1 := text(lit.Elts[0])
			id, ok2 := text(lit.Elts[1])
			if !ok1 || !ok2 {
				return true
			}
			n++
			if id == "" || strings.Join(verbs.FindAllString(en, -1), " ") != strings.Join(verbs.FindAllString(id, -1), " ") {
				t.Errorf("%s: phrase %q / %q: the Indonesian text must exist and use the same verbs", c.file, en, id)
			}
			return true
		})
		if n < c.least {
			t.Errorf("%s: found only %d phrases", c.file, n)
		}
	}
}

// TestIndonesianFeedback grades a planted mistake and a missing function
// with Lang: Indonesian: the text report and Gradescope's output speak
// Indonesian, with the Indonesian hint.
func TestIndonesianFeedback(t *testing.T) {
	t.Parallel()
	m := mutants[0] // MSEGrad's sign error
	rep := grade(t, copySolutions(t, m), Options{Seed: 4, Exercises: []string{"MSEGrad", "RMSE"}, Lang: Indonesian})
	txt := rep.Text()
	for _, want := range []string{"Kiriman", "poin", "petunjuk: kemungkinan kesalahan: tandanya terbalik", "∂MSE/∂pred_i", "perhatikan tandanya", "gagal", "tes acak", "nilai-nilainya salah"} {
		if !strings.Contains(txt, want) {
			t.Errorf("the Indonesian report lacks %q:\n%s", want, txt)
		}
	}
	for _, english := range []string{"hint:", "points", "wrong values", "random test"} {
		if strings.Contains(txt, english) {
			t.Errorf("the Indonesian report says %q:\n%s", english, txt)
		}
	}
	gs := rep.Gradescope()
	if !strings.Contains(gs.Output, "poin") {
		t.Errorf("Gradescope output: %q", gs.Output)
	}
	missing := grade(t, writeDir(t, pkg("", "")), Options{Exercises: []string{"RMSE"}, Lang: Indonesian})
	if p := missing.exercise("RMSE").Problem; !strings.Contains(p, "tidak ditemukan") {
		t.Errorf("missing function, in Indonesian: %q", p)
	}
}
