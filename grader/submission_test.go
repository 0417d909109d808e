package grader

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCompileErrorPerFileAndLine(t *testing.T) {
	t.Parallel()
	dir := writeDir(t, map[string]string{
		"exercises/a.go": "package exercises\n" + goodMSE,
		"exercises/b.go": "package exercises\n\nfunc RMSE(pred, target []float64) float64 {\n\treturn undefinedThing\n}\n",
	})
	rep := grade(t, dir, Options{Exercises: []string{"MSE", "RMSE"}})
	if len(rep.Problems) == 0 || rep.Problems[0].File != "b.go" || rep.Problems[0].Line != 4 ||
		!strings.Contains(rep.Problems[0].Message, "undefined: undefinedThing") {
		t.Fatalf("problems %+v", rep.Problems)
	}
	if rep.exercise("MSE").Status != "compile error" {
		t.Errorf("MSE status %q", rep.exercise("MSE").Status)
	}
}

func TestWrongSignatureAndMissingCostOnlyThatExercise(t *testing.T) {
	t.Parallel()
	dir := writeDir(t, pkg("", "func RMSE(pred []float64) float64 { return 0 }\n"))
	rep := grade(t, dir, Options{Exercises: []string{"MSE", "RMSE", "BCE"}})
	if e := rep.exercise("RMSE"); e.Status != "wrong signature" || !strings.Contains(e.Problem, "want func RMSE(pred, target []float64) float64") {
		t.Errorf("RMSE: %q %q", e.Status, e.Problem)
	}
	if e := rep.exercise("BCE"); e.Status != "missing" || !strings.Contains(e.Problem, "function BCE not found") {
		t.Errorf("BCE: %q %q", e.Status, e.Problem)
	}
	if e := rep.exercise("MSE"); e.Score != e.Max {
		t.Errorf("MSE: %g of %g", e.Score, e.Max)
	}
}

// notebook builds a GoNB notebook from code cells.
func notebook(cells ...string) []byte {
	type cell struct {
		CellType string   `json:"cell_type"`
		Source   []string `json:"source"`
	}
	nb := struct {
		Cells []cell `json:"cells"`
	}{}
	nb.Cells = append(nb.Cells, cell{"markdown", []string{"# Homework"}})
	for _, c := range cells {
		nb.Cells = append(nb.Cells, cell{"code", strings.SplitAfter(c, "\n")})
	}
	data, _ := json.Marshal(nb)
	return data
}

func TestNotebookSubmission(t *testing.T) {
	t.Parallel()
	nb := notebook(
		"!*go mod edit -replace github.com/deepdive-dl/backprop=../\n%env FOO=1",
		"import (\n\t\"fmt\"\n\t\"github.com/deepdive-dl/backprop/pkg/backprop\"\n)\n\nfunc explore() { fmt.Println(backprop.Param{}) }",
		"import \"math\"\n\nfunc RMSE(pred, target []float64) float64 { return 0 } // first try",
		goodMSE+"\nfunc RMSE(pred, target []float64) float64 { return math.Sqrt(MSE(pred, target)) }\n\n%%\nfmt.Println(RMSE([]float64{1}, []float64{2}))",
		"func main() { explore() }",
		"this cell is not Go",
		"func BCE(prob, label []float64) float64 {\n\treturn undefinedThing\n}",
	)
	dir := writeDir(t, map[string]string{"homework.ipynb": string(nb)})
	rep := grade(t, filepath.Join(dir, "homework.ipynb"), Options{Exercises: []string{"MSE", "RMSE"}})
	if len(rep.Problems) == 0 || rep.Problems[0].File != "cell 8" || rep.Problems[0].Line != 2 {
		t.Fatalf("want the compile error at cell 8 line 2, got %+v", rep.Problems)
	}
	if len(rep.Warnings) != 1 || !strings.Contains(rep.Warnings[0], "cell 7 skipped") {
		t.Errorf("warnings %q", rep.Warnings)
	}
	// Without the broken cell, MSE and RMSE (the redefined one) pass, and
	// the exploratory cell's import of the library is not needed.
	nb = notebook(
		"import (\n\t\"fmt\"\n\t\"github.com/deepdive-dl/backprop/pkg/backprop\"\n)\n\nfunc explore() { fmt.Println(backprop.Param{}) }",
		"import \"math\"\n\nfunc RMSE(pred, target []float64) float64 { return 0 }",
		goodMSE+"\nfunc RMSE(pred, target []float64) float64 { return math.Sqrt(MSE(pred, target)) }\n\n%%\nfmt.Println(RMSE([]float64{1}, []float64{2}))",
	)
	os.WriteFile(filepath.Join(dir, "homework.ipynb"), nb, 0o644)
	rep = grade(t, filepath.Join(dir, "homework.ipynb"), Options{Exercises: []string{"MSE", "RMSE"}})
	if rep.Score != rep.Max {
		t.Fatalf("notebook scored %g of %g:\n%s", rep.Score, rep.Max, rep.Text())
	}
}

func TestArchives(t *testing.T) {
	t.Parallel()
	src := "package exercises\n" + goodMSE
	dir := t.TempDir()

	zpath := filepath.Join(dir, "learner.zip")
	zf, _ := os.Create(zpath)
	zw := zip.NewWriter(zf)
	w, _ := zw.Create("course/exercises/mse.go")
	w.Write([]byte(src))
	w, _ = zw.Create("course/exercises/mse_test.go")
	w.Write([]byte("package exercises\nthis is ignored"))
	zw.Close()
	zf.Close()

	tpath := filepath.Join(dir, "learner.tar.gz")
	tf, _ := os.Create(tpath)
	gz := gzip.NewWriter(tf)
	tw := tar.NewWriter(gz)
	tw.WriteHeader(&tar.Header{Name: "mse.go", Mode: 0o644, Size: int64(len(src)), Typeflag: tar.TypeReg})
	tw.Write([]byte(src))
	tw.Close()
	gz.Close()
	tf.Close()

	for _, p := range []string{zpath, tpath} {
		rep := grade(t, p, Options{Exercises: []string{"MSE"}})
		if rep.Score != rep.Max {
			t.Errorf("%s: %g of %g\n%s", p, rep.Score, rep.Max, rep.Text())
		}
	}
	// A directory holding only the learner's archive (as Gradescope's
	// submission/ does when the archive is uploaded) is that archive.
	upload := t.TempDir()
	data, _ := os.ReadFile(zpath)
	os.WriteFile(filepath.Join(upload, "my work.zip"), data, 0o644)
	if rep := grade(t, upload, Options{Exercises: []string{"MSE"}}); rep.Score != rep.Max {
		t.Errorf("a directory with one zip: %g of %g\n%s", rep.Score, rep.Max, rep.Text())
	}
	if rep := grade(t, t.TempDir(), Options{Exercises: []string{"MSE"}}); rep.exercise("MSE").Status != "no code found" {
		t.Errorf("empty submission: %+v", rep.exercise("MSE"))
	}
}
