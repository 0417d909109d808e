package grader

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestGradeClass(t *testing.T) {
	t.Parallel()
	class := t.TempDir()
	os.CopyFS(filepath.Join(class, "alice"), os.DirFS("../solutions"))
	writeFiles(t, filepath.Join(class, "bob"), pkg("", `func RMSE(pred, target []float64) float64 { for {} }`))
	os.WriteFile(filepath.Join(class, "carol.ipynb"), []byte("not a notebook"), 0o644)
	out := t.TempDir()
	opt := Options{Seed: 3, Exercises: []string{"MSE", "RMSE"}, Limits: testLimits}
	entries, err := GradeClass(context.Background(), class, out, 2, opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Fatalf("%d entries", len(entries))
	}
	f, err := os.Open(filepath.Join(out, "gradebook.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 4 || rows[0][0] != "learner" || rows[0][4] != "MSE" {
		t.Fatalf("gradebook: %q", rows)
	}
	alice, bob, carol := rows[1], rows[2], rows[3]
	if alice[0] != "alice" || alice[1] != alice[2] {
		t.Errorf("alice: %q", alice)
	}
	if bob[4] == "0" || bob[5] != "0" {
		t.Errorf("bob: %q (MSE must score, RMSE not)", bob)
	}
	if carol[1] != "0" || !strings.Contains(carol[len(carol)-2], "not a notebook") {
		t.Errorf("carol: %q", carol)
	}
	fb, err := os.ReadFile(filepath.Join(out, "feedback", "bob.txt"))
	if err != nil || !strings.Contains(string(fb), "time limit exceeded") {
		t.Errorf("bob's feedback: %s %v", fb, err)
	}
	if _, err := os.Stat(filepath.Join(out, "feedback", "carol.json")); err != nil {
		t.Error(err)
	}
}

// writeFiles writes files under dir.
func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestGradescopeAutograder builds the autograder zip and runs its
// run_autograder against a directory laid out as Gradescope lays it out.
func TestGradescopeAutograder(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "grader-bin")
	if out, err := exec.Command("go", "build", "-o", bin, "../cmd/grader").CombinedOutput(); err != nil {
		t.Fatalf("building the grader: %v\n%s", err, out)
	}
	var zipped bytes.Buffer
	if err := WriteAutograder(&zipped, bin); err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(tmp, "autograder")
	zr, err := zip.NewReader(bytes.NewReader(zipped.Bytes()), int64(zipped.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
		rc, _ := f.Open()
		var b bytes.Buffer
		b.ReadFrom(rc)
		rc.Close()
		p := filepath.Join(root, "source", f.Name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, b.Bytes(), f.Mode())
	}
	if strings.Join(names, " ") != "setup.sh run_autograder grader" {
		t.Errorf("zip holds %q", names)
	}
	os.CopyFS(filepath.Join(root, "submission", "exercises"), os.DirFS("../solutions"))
	cmd := exec.Command("bash", filepath.Join(root, "source", "run_autograder"))
	cmd.Env = append(os.Environ(), "AUTOGRADER_ROOT="+root)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("run_autograder: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(root, "results", "results.json"))
	if err != nil {
		t.Fatal(err)
	}
	var res GradescopeResults
	if err := json.Unmarshal(data, &res); err != nil {
		t.Fatal(err)
	}
	max, visible, hidden := 0.0, 0, 0
	for _, tr := range res.Tests {
		max += tr.MaxScore
		switch tr.Visibility {
		case "visible":
			visible++
		case "after_due_date":
			hidden++
		}
	}
	if res.Score != max || max < 200 || visible == 0 || hidden == 0 {
		t.Errorf("results.json: score %g of %g, %d visible and %d hidden tests", res.Score, max, visible, hidden)
	}
}

// TestRelease writes the learner's copy of the course and proves that it
// builds, that its public tests run (and fail on the stubs with "not
// implemented"), and that nothing of the instructors' leaks into it.
func TestRelease(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "course")
	if err := Release("..", out); err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"solutions", "grader", "cmd/grader"} {
		if _, err := os.Stat(filepath.Join(out, p)); err == nil {
			t.Errorf("%s was released", p)
		}
	}
	goCmd := func(args ...string) (string, error) {
		cmd := exec.Command("go", args...)
		cmd.Dir = out
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off")
		b, err := cmd.CombinedOutput()
		return string(b), err
	}
	if b, err := goCmd("build", "./..."); err != nil {
		t.Fatalf("the release does not build: %v\n%s", err, b)
	}
	if b, err := goCmd("test", "./exercises/checks"); err != nil {
		t.Errorf("checks' own tests fail in the release: %v\n%s", err, b)
	}
	b, err := goCmd("test", "./exercises")
	if err == nil || !strings.Contains(b, "TestRMSE") || !strings.Contains(b, "not implemented") || strings.Contains(b, "build failed") {
		t.Errorf("go test ./exercises in the release should run the public tests and fail on the stubs:\n%s", b)
	}

	// The leak check catches a solution copied into the release.
	sol, _ := os.ReadFile("../solutions/losses.go")
	os.WriteFile(filepath.Join(out, "exercises", "answers.txt"), bytes.Replace(sol, []byte("package solutions"), []byte("// answers"), 1), 0o644)
	if err := LeakCheck("..", out); err == nil || !strings.Contains(err.Error(), "contains the solution of") {
		t.Errorf("LeakCheck missed a copied solution: %v", err)
	}
}
