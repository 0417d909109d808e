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
	"time"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// courseFolder writes a learner's course folder: exercises/ with a
// correct MSE, and the given notebooks (path → cells), each modified at
// the time given (minutes after a fixed instant).
func courseFolder(t *testing.T, notebooks map[string][]string, minutes map[string]int) string {
	t.Helper()
	files := map[string]string{"exercises/mse.go": "package exercises\n" + goodMSE}
	for p, cells := range notebooks {
		files[p] = string(notebook(cells...))
	}
	dir := writeDir(t, files)
	base := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	for p := range notebooks {
		mod := base.Add(time.Duration(minutes[p]) * time.Minute)
		if err := os.Chtimes(filepath.Join(dir, p), mod, mod); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func answer(id, literal string) string {
	return "%%\nchecks.Answer(\"" + id + "\", " + literal + ").Show()"
}

// TestAnswersFromCourseFolder: a course folder's Go files are graded and
// its notebooks' answers read; a question answered in several notebooks
// counts the notebook of its number, then the last modified, then the
// last path (the Indonesian edition, notebooks/id/, at equal times).
func TestAnswersFromCourseFolder(t *testing.T) {
	t.Parallel()
	nbs := map[string][]string{
		"notebooks/03-learning-rate.ipynb":    {answer("03.q1", "4"), answer("03.q2", `"b"`)},
		"notebooks/id/03-learning-rate.ipynb": {answer("03.q1", "-8")},
		"notebooks/05-capstone.ipynb":         {answer("03.q1", "1"), answer("03.q2", `"c"`)},
	}
	cases := []struct {
		name    string
		minutes map[string]int
		want    map[string]any
		from    map[string]string
	}{
		{"the Indonesian edition modified last",
			map[string]int{"notebooks/03-learning-rate.ipynb": 1, "notebooks/id/03-learning-rate.ipynb": 2, "notebooks/05-capstone.ipynb": 9},
			map[string]any{"03.q1": -8.0, "03.q2": "b"},
			map[string]string{"03.q1": "notebooks/id/03-learning-rate.ipynb", "03.q2": "notebooks/03-learning-rate.ipynb"}},
		{"the English edition modified last",
			map[string]int{"notebooks/03-learning-rate.ipynb": 3, "notebooks/id/03-learning-rate.ipynb": 2, "notebooks/05-capstone.ipynb": 9},
			map[string]any{"03.q1": 4.0, "03.q2": "b"},
			map[string]string{"03.q1": "notebooks/03-learning-rate.ipynb"}},
		{"equal times: the last path",
			map[string]int{},
			map[string]any{"03.q1": -8.0, "03.q2": "b"},
			map[string]string{"03.q1": "notebooks/id/03-learning-rate.ipynb"}},
	}
	for _, c := range cases {
		dir := courseFolder(t, nbs, c.minutes)
		src, err := Load(dir)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if src.Notebook || len(src.Files) != 1 {
			t.Errorf("%s: graded %v from %s, want exercises/mse.go", c.name, src.names(), src.Origin)
		}
		for id, want := range c.want {
			if got := src.Answers[id]; got != want {
				t.Errorf("%s: %s = %v, want %v (from %s)", c.name, id, got, want, src.AnswerFrom[id])
			}
		}
		for id, want := range c.from {
			if got := src.AnswerFrom[id]; got != filepath.Join(filepath.Base(dir), want) {
				t.Errorf("%s: %s read from %s, want %s", c.name, id, got, want)
			}
		}
	}
	// Only the notebook of another number answers: it counts.
	dir := courseFolder(t, map[string][]string{"notebooks/05-capstone.ipynb": {answer("03.q2", `"b"`)}}, nil)
	if src, err := Load(dir); err != nil || src.Answers["03.q2"] != "b" {
		t.Errorf("an answer in another notebook: %v %v", src, err)
	}
}

// TestAnswersFromArchives reads the answers of a course folder's
// notebooks from a .zip and a .tar.gz, with the times they record, and
// grades one of them in full: the report names the notebook each answer
// came from.
func TestAnswersFromArchives(t *testing.T) {
	t.Parallel()
	files := []struct {
		name string
		data []byte
		min  int
	}{
		{"course/exercises/mse.go", []byte("package exercises\n" + goodMSE), 0},
		{"course/notebooks/03-learning-rate.ipynb", notebook(answer("03.q1", "4"), answer("03.q2", `"b"`)), 5},
		{"course/notebooks/id/03-learning-rate.ipynb", notebook(answer("03.q1", "-8")), 1},
	}
	base := time.Date(2026, 3, 1, 10, 0, 0, 0, time.UTC)
	dir := t.TempDir()
	zpath, tpath := filepath.Join(dir, "course.zip"), filepath.Join(dir, "course.tar.gz")
	zf, _ := os.Create(zpath)
	zw := zip.NewWriter(zf)
	tf, _ := os.Create(tpath)
	gz := gzip.NewWriter(tf)
	tw := tar.NewWriter(gz)
	for _, f := range files {
		mod := base.Add(time.Duration(f.min) * time.Minute)
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.name, Method: zip.Deflate, Modified: mod})
		w.Write(f.data)
		tw.WriteHeader(&tar.Header{Name: f.name, Mode: 0o644, Size: int64(len(f.data)), Typeflag: tar.TypeReg, ModTime: mod})
		tw.Write(f.data)
	}
	zw.Close()
	zf.Close()
	tw.Close()
	gz.Close()
	tf.Close()
	for _, p := range []string{zpath, tpath} {
		src, err := Load(p)
		if err != nil {
			t.Fatal(err)
		}
		if src.Answers["03.q1"] != 4.0 || src.Answers["03.q2"] != "b" || !strings.HasSuffix(src.AnswerFrom["03.q1"], "course/notebooks/03-learning-rate.ipynb") {
			t.Errorf("%s: answers %v from %v", filepath.Base(p), src.Answers, src.AnswerFrom)
		}
	}
	rep := grade(t, zpath, Options{Exercises: []string{"MSE"}})
	if rep.Score != rep.Max || rep.QuestionScore != 1 || rep.QuestionMax != float64(len(checks.Questions())) {
		t.Errorf("exercises %g / %g, concept checks %g / %g\n%s", rep.Score, rep.Max, rep.QuestionScore, rep.QuestionMax, rep.Text())
	}
	if txt := rep.Text(); !strings.Contains(txt, "03.q2: right (course.zip/course/notebooks/03-learning-rate.ipynb)") {
		t.Errorf("the report does not say where the answer came from:\n%s", txt)
	}
}

// TestNotebookOutputsDoNotCount: a notebook's outputs (charts, images)
// are dropped when it is read from a folder, so large executed notebooks
// fit the submission's budget.
func TestNotebookOutputsDoNotCount(t *testing.T) {
	t.Parallel()
	big := `{"cells": [{"cell_type": "code", "source": ["%%\n", "checks.Answer(\"03.q2\", \"b\")"], "outputs": [{"data": {"text/html": "` +
		strings.Repeat("x", 3<<20) + `"}}]}]}`
	files := map[string]string{"exercises/mse.go": "package exercises\n" + goodMSE}
	for _, p := range []string{"notebooks/03-a.ipynb", "notebooks/id/03-a.ipynb", "notebooks/04.ipynb", "notebooks/id/04.ipynb"} {
		files[p] = big // 12 MiB in all, beyond the 8 MiB of code a submission may hold
	}
	src, err := Load(writeDir(t, files))
	if err != nil || src.Answers["03.q2"] != "b" {
		t.Errorf("executed notebooks: %v, %v", err, src)
	}
}

// TestCourseFolderSubmission submits a whole learners' copy of the course
// (make release), its exercises solved and answers added to both editions
// of notebook 03: the folder fits the submission's limits, the exercises
// are graded, and the edition changed last gives the answers.
func TestCourseFolderSubmission(t *testing.T) {
	t.Parallel()
	course := filepath.Join(t.TempDir(), "course")
	if err := Release("..", course); err != nil {
		t.Fatal(err)
	}
	stubs, _ := filepath.Glob(filepath.Join(course, "exercises", "*.go"))
	for _, s := range stubs {
		if !strings.HasSuffix(s, "_test.go") {
			os.Remove(s)
		}
	}
	sols, _ := filepath.Glob("../solutions/*.go")
	for _, s := range sols {
		if strings.HasSuffix(s, "_test.go") {
			continue
		}
		b, _ := os.ReadFile(s)
		os.WriteFile(filepath.Join(course, "exercises", filepath.Base(s)), []byte(strings.Replace(string(b), "package solutions", "package exercises", 1)), 0o644)
	}
	edit := func(rel string, cells []string, mod time.Time) {
		p := filepath.Join(course, rel)
		var nb map[string]any
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, &nb); err != nil {
			t.Fatal(err)
		}
		for _, c := range cells {
			nb["cells"] = append(nb["cells"].([]any), map[string]any{"cell_type": "code", "source": c, "metadata": map[string]any{}, "outputs": []any{}})
		}
		b, _ = json.Marshal(nb)
		os.WriteFile(p, b, 0o644)
		os.Chtimes(p, mod, mod)
	}
	now := time.Now()
	edit("notebooks/03-learning-rate.ipynb", []string{answer("03.q1", "4"), answer("03.q2", `"a"`)}, now.Add(-time.Hour))
	edit("notebooks/id/03-learning-rate.ipynb", []string{answer("03.q1", "-8"), answer("03.q2", `"b"`)}, now)
	rep := grade(t, course, Options{Exercises: []string{"MSE", "MomentumStep", "TrainStep"}})
	if len(rep.Exercises) != 3 || rep.Score != rep.Max || rep.QuestionScore != 2 || len(rep.Problems) > 0 {
		t.Errorf("exercises %g / %g, concept checks %g / %g:\n%s", rep.Score, rep.Max, rep.QuestionScore, rep.QuestionMax, rep.Text())
	}
	if q := rep.question("03.q1"); !strings.HasSuffix(q.From, "notebooks/id/03-learning-rate.ipynb") {
		t.Errorf("03.q1 read from %q", q.From)
	}
}
