package grader

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
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
	rows := readGradebook(t, out)
	if len(rows) != 4 || rows[0][0] != "learner" {
		t.Fatalf("gradebook: %q", rows)
	}
	mse, rmse := slices.Index(rows[0], "MSE"), slices.Index(rows[0], "RMSE")
	if mse < 0 || rmse < 0 {
		t.Fatalf("gradebook has no MSE or RMSE column: %q", rows[0])
	}
	alice, bob, carol := rows[1], rows[2], rows[3]
	if alice[0] != "alice" || alice[1] != alice[2] {
		t.Errorf("alice: %q", alice)
	}
	if bob[mse] == "0" || bob[rmse] != "0" {
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

// readGradebook reads the gradebook.csv of a class run.
func readGradebook(t *testing.T, out string) [][]string {
	t.Helper()
	f, err := os.Open(filepath.Join(out, "gradebook.csv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
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

// TestGradescopeAutograder builds the autograder zip as make gradescope
// does and runs it as Gradescope would, in a container of its own made with
// bubblewrap: /autograder bound in, a private copy of /etc (so setup.sh can
// create its user), no user namespaces (bwrap hidden, as in Gradescope's
// Docker), root. setup.sh runs twice (the second run must change nothing),
// then run_autograder grades the solutions, the stubs and a submission that
// does not compile, and each results.json is checked against Gradescope's
// documented format.
func TestGradescopeAutograder(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("simulating Gradescope's container needs root, as Gradescope has")
	}
	tmp := tempDir(t)
	bin := filepath.Join(tmp, "grader-bin")
	if err := BuildGraderForGradescope("..", bin); err != nil {
		t.Fatal(err)
	}
	var zipped bytes.Buffer
	if err := WriteAutograder(&zipped, bin); err != nil {
		t.Fatal(err)
	}
	for _, wrong := range []string{"/bin/ls", "../go.mod"} {
		if err := WriteAutograder(io.Discard, wrong); err == nil || !strings.Contains(err.Error(), "CGO_ENABLED=0 GOOS=linux GOARCH=amd64") {
			t.Errorf("bundling %s: %v, want a refusal that says how to build it", wrong, err)
		}
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
	etc, cache := filepath.Join(tmp, "etc"), filepath.Join(tmp, "var-cache")
	os.Mkdir(cache, 0o755)
	if out, err := exec.Command("cp", "-a", "/etc", etc).CombinedOutput(); err != nil {
		t.Fatalf("copying /etc: %v\n%s", err, out)
	}
	// The container's root: the host's top-level directories read-only
	// (symbolic links such as /bin -> usr/bin kept), then its own /etc,
	// /autograder, /var/cache and /tmp.
	args := []string{"--cap-add", "ALL", "--unshare-pid", "--unshare-ipc", "--unshare-uts", "--die-with-parent"}
	tops, _ := os.ReadDir("/")
	for _, e := range tops {
		p := "/" + e.Name()
		switch e.Name() {
		case "etc", "tmp", "proc", "dev", "autograder":
			continue
		}
		if target, err := os.Readlink(p); err == nil {
			args = append(args, "--symlink", target, p)
		} else if e.IsDir() {
			args = append(args, "--ro-bind", p, p)
		}
	}
	args = append(args, "--bind", etc, "/etc", "--bind", root, "/autograder", "--bind", cache, "/var/cache",
		"--tmpfs", "/tmp", "--dev", "/dev", "--proc", "/proc",
		"--ro-bind", "/dev/null", "/usr/bin/bwrap") // Gradescope's Docker: no user namespaces
	container := func(script string) (string, error) {
		cmd := exec.Command("bwrap", append(args, "bash", "-c", script)...)
		cmd.Env = []string{"PATH=/usr/local/go/bin:/usr/bin:/bin:/usr/sbin:/sbin"}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	for i := range 2 {
		if out, err := container("bash /autograder/source/setup.sh"); err != nil {
			t.Fatalf("setup.sh (run %d): %v\n%s", i+1, err, out)
		}
	}
	learner, err := exec.Command("bash", "-c", "grep '^"+LearnerUser+":' "+filepath.Join(etc, "passwd")+" | cut -d: -f3").Output()
	if err != nil || len(bytes.TrimSpace(learner)) == 0 {
		t.Fatalf("setup.sh did not create the user %s", LearnerUser)
	}
	uid, _ := strconv.Atoi(string(bytes.TrimSpace(learner)))
	if info, _ := os.Stat(filepath.Join(root, "source")); info.Mode().Perm() != 0o700 {
		t.Errorf("source/ is %v: the learner's user could read the grader", info.Mode().Perm())
	}

	submissions := map[string]func(dir string){
		"solutions": func(dir string) { os.CopyFS(filepath.Join(dir, "exercises"), os.DirFS("../solutions")) },
		"stubs":     func(dir string) { os.CopyFS(filepath.Join(dir, "exercises"), os.DirFS("../exercises")) },
		"broken": func(dir string) {
			os.MkdirAll(filepath.Join(dir, "exercises"), 0o755)
			os.WriteFile(filepath.Join(dir, "exercises", "losses.go"), []byte("package exercises\nfunc MSE(pred, target []float64) float64 { return }"), 0o644)
		},
	}
	for _, name := range []string{"solutions", "stubs", "broken"} {
		sub := filepath.Join(root, "submission")
		os.RemoveAll(sub)
		os.MkdirAll(sub, 0o755)
		submissions[name](sub)
		os.RemoveAll(filepath.Join(root, "results"))
		if out, err := container("bash /autograder/source/run_autograder"); err != nil {
			t.Fatalf("%s: run_autograder: %v\n%s", name, err, out)
		}
		data, err := os.ReadFile(filepath.Join(root, "results", "results.json"))
		if err != nil {
			t.Fatal(err)
		}
		res := checkGradescopeFormat(t, name, data)
		max, questions := 0.0, 0
		for _, tr := range res.Tests {
			if strings.HasPrefix(tr.Name, "Concept check ") { // scored apart, unanswered here
				questions++
				if tr.Score != 0 || !strings.Contains(tr.Output, "not answered") {
					t.Errorf("%s: %+v", name, tr)
				}
				continue
			}
			max += tr.MaxScore
		}
		if questions != len(checks.Questions()) {
			t.Errorf("%s: %d concept checks in results.json", name, questions)
		}
		switch name {
		case "solutions":
			if res.Score != max || max < 200 {
				t.Errorf("solutions: %g of %g", res.Score, max)
			}
		default:
			if res.Score != 0 {
				t.Errorf("%s: score %g", name, res.Score)
			}
		}
		if !strings.Contains(res.Output, string(IsolationUser)) {
			t.Errorf("%s: the output does not say learner code ran as the dedicated user: %q", name, res.Output)
		}
		if name == "broken" && !strings.Contains(string(data), "losses.go:2") {
			t.Errorf("broken: results.json does not point to the error:\n%s", data)
		}
		if pids := processesOf(uid); len(pids) > 0 {
			t.Errorf("%s: processes %v of %s survive grading", name, pids, LearnerUser)
		}
	}
}

// checkGradescopeFormat checks results.json against the format Gradescope
// documents (Autograder Specifications: top-level score, output,
// visibility, stdout_visibility, tests; per test score, max_score, status
// passed/failed, name, output, visibility hidden/after_due_date/
// after_published/visible) and that the scores add up.
func checkGradescopeFormat(t *testing.T, name string, data []byte) GradescopeResults {
	t.Helper()
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: results.json is not JSON: %v", name, err)
	}
	top := map[string]bool{"score": true, "execution_time": true, "output": true, "output_format": true, "visibility": true,
		"stdout_visibility": true, "extra_data": true, "tests": true, "leaderboard": true}
	for k := range raw {
		if !top[k] {
			t.Errorf("%s: unknown top-level key %q", name, k)
		}
	}
	perTest := map[string]bool{"score": true, "max_score": true, "status": true, "name": true, "name_format": true, "number": true,
		"output": true, "output_format": true, "tags": true, "visibility": true, "extra_data": true}
	tests, _ := raw["tests"].([]any)
	if len(tests) == 0 {
		t.Fatalf("%s: no tests in results.json", name)
	}
	for _, tr := range tests {
		for k := range tr.(map[string]any) {
			if !perTest[k] {
				t.Errorf("%s: unknown test key %q", name, k)
			}
		}
	}
	var res GradescopeResults
	json.Unmarshal(data, &res)
	visibilities := map[string]bool{"hidden": true, "after_due_date": true, "after_published": true, "visible": true}
	// Concept checks add to the score only when they are counted (the
	// summary says which).
	counted := strings.Contains(res.Output, "(counted in the score)")
	sum := 0.0
	for _, tr := range res.Tests {
		if counted || !strings.HasPrefix(tr.Name, "Concept check ") {
			sum += tr.Score
		}
		if tr.Name == "" || tr.Score < 0 || tr.Score > tr.MaxScore || !visibilities[tr.Visibility] || (tr.Status != "passed" && tr.Status != "failed") {
			t.Errorf("%s: bad test entry %+v", name, tr)
		}
	}
	if sum != res.Score || !visibilities[res.Visibility] || !visibilities[res.StdoutVisibility] {
		t.Errorf("%s: score %g, tests add up to %g; visibility %q, stdout %q", name, res.Score, sum, res.Visibility, res.StdoutVisibility)
	}
	return res
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
	rmse, _ := checks.Lookup("RMSE")
	if b, err := goCmd("test", "./exercises/checks"); err != nil {
		t.Errorf("checks' own tests fail in the release: %v\n%s", err, b)
	}
	b, err := goCmd("test", "./exercises")
	if err == nil || !strings.Contains(b, "TestRMSE") || !strings.Contains(b, "not implemented") || strings.Contains(b, "build failed") ||
		!strings.Contains(b, "hint: "+rmse.Hint) {
		t.Errorf("go test ./exercises in the release should run the public tests and fail on the stubs, with hints:\n%s", b)
	}

	// The leak check catches a solution copied into the release.
	sol, _ := os.ReadFile("../solutions/losses.go")
	os.WriteFile(filepath.Join(out, "exercises", "answers.txt"), bytes.Replace(sol, []byte("package solutions"), []byte("// answers"), 1), 0o644)
	if err := LeakCheck("..", out); err == nil || !strings.Contains(err.Error(), "contains the solution of") {
		t.Errorf("LeakCheck missed a copied solution: %v", err)
	}
}
