package grader

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/deepdive-dl/backprop/exercises/checks"
	"github.com/deepdive-dl/backprop/pkg/backprop"
)

// TestAnswerKeys keeps the two halves of every concept check together:
// each question of exercises/checks has a key here that it accepts (its
// hash matches), and each key has its question. The message gives the
// Hash to write into a new question.
func TestAnswerKeys(t *testing.T) {
	public := map[string]bool{}
	for _, q := range checks.Questions() {
		public[q.ID] = true
		key, ok := answerKeys[q.ID]
		if !ok {
			t.Errorf("question %s has no key in grader/questions.go", q.ID)
			continue
		}
		norm, err := q.Normalize(key)
		if err != nil {
			t.Errorf("question %s: the key %v is not a valid answer: %v", q.ID, key, err)
			continue
		}
		if q.Hash != q.HashOf(norm) {
			t.Errorf("question %s: its Hash does not match the key; write Hash: %q", q.ID, q.HashOf(norm))
		}
		if v := checks.Answer(q.ID, key); !v.Right || v.String() == "" {
			t.Errorf("question %s: the key is not accepted on the spot: %+v", q.ID, v)
		}
		if len(q.Choices) == 0 { // a number: its text must not give it away
			short := norm // "2.50" is written "2.5"
			if strings.Contains(short, ".") {
				short = strings.TrimSuffix(strings.TrimRight(short, "0"), ".")
			}
			for _, txt := range []string{q.Prompt, q.PromptID, q.Explain, q.ExplainID} {
				if strings.Contains(strings.ReplaceAll(txt, "−", "-"), short) {
					t.Errorf("question %s: its text holds the answer %s, which learners would read in the release", q.ID, norm)
				}
			}
		}
		if q.Prompt == "" || q.PromptID == "" || q.Explain == "" || q.ExplainID == "" || q.Salt == "" || len(q.Choices) != len(q.ChoicesID) {
			t.Errorf("question %s needs a prompt and an explanation in both languages, a salt, and its options in both", q.ID)
		}
	}
	for id := range answerKeys {
		if !public[id] {
			t.Errorf("grader/questions.go has a key for %s, which exercises/checks/questions.go does not ask", id)
		}
	}
}

// TestAnswerKeysFromTheLibrary computes the worked example's answers with
// the course's library, so that a key cannot drift from what the
// notebooks show.
func TestAnswerKeysFromTheLibrary(t *testing.T) {
	// 03.q1: three SGD steps with lr 1.5 on f(x) = x² from x = 1.
	x := &backprop.Param{Name: "x", Value: mat.NewDense(1, 1, []float64{1}), Grad: mat.NewDense(1, 1, nil)}
	sgd := backprop.NewSGD(backprop.SGDConfig{})
	for range 3 {
		x.Grad.Set(0, 0, 2*x.Value.At(0, 0))
		sgd.Step([]*backprop.Param{x}, 1.5)
	}
	if got := x.Value.At(0, 0); got != float64(answerKeys["03.q1"].(int)) {
		t.Errorf("03.q1: the library ends at x = %v, the key says %v", got, answerKeys["03.q1"])
	}

	// 03.q2: Adam's first steps on a gradient and on 100 times it are the
	// same but for ε; SGD's are 100 times apart.
	steps := func(opt backprop.Optimizer, scale float64) float64 {
		w := &backprop.Param{Name: "w", Value: mat.NewDense(1, 1, []float64{1}), Grad: mat.NewDense(1, 1, nil)}
		for range 5 {
			w.Grad.Set(0, 0, scale*2*w.Value.At(0, 0)) // f(w) = scale·w²
			opt.Step([]*backprop.Param{w}, 0.01)
		}
		return 1 - w.Value.At(0, 0)
	}
	adam1, adam100 := steps(backprop.NewAdam(backprop.AdamConfig{}), 1), steps(backprop.NewAdam(backprop.AdamConfig{}), 100)
	sgd1, sgd100 := steps(backprop.NewSGD(backprop.SGDConfig{}), 1), steps(backprop.NewSGD(backprop.SGDConfig{}), 100)
	if math.Abs(adam100-adam1) > 1e-6*math.Abs(adam1) || math.Abs(sgd100) < 10*math.Abs(sgd1) || answerKeys["03.q2"] != "b" {
		t.Errorf("03.q2: Adam moved %v and %v, SGD %v and %v: the key %q no longer holds", adam1, adam100, sgd1, sgd100, answerKeys["03.q2"])
	}
}

// TestAnswersInNotebookCells reads answers from cell text, the last one
// of a question winning, and scores them with the keys.
func TestAnswersInNotebookCells(t *testing.T) {
	cells := []string{
		"%%\nchecks.Answer(\"03.q1\", 4).Show()",
		"%%\nchecks.Answer(\"03.q2\", \"c\").Show()\nchecks.Answer( \"03.q1\" , -8.0 ).Show()",
		"// checks.Answer(\"03.q2\", x) is not a literal: ignored",
		"%%\nchecks.Answer(\"00.q1\", \"\").Show() // the notebooks' blank: not an answer",
	}
	got := answersIn(cells)
	if got["03.q1"] != -8.0 || got["03.q2"] != "c" || len(got) != 2 {
		t.Fatalf("answers %v", got)
	}
	qs := map[string]QuestionReport{}
	score := 0.0
	for _, q := range gradeQuestions(got, nil) {
		qs[q.ID] = q
		score += q.Score
		if q.Answered != (q.ID == "03.q1" || q.ID == "03.q2") {
			t.Errorf("%s: answered %v", q.ID, q.Answered)
		}
	}
	if score != 1 || !qs["03.q1"].Right || qs["03.q2"].Right {
		t.Errorf("scores %+v", qs)
	}
}

// TestNotebookConceptChecks grades a notebook that answers one concept
// check right and one wrong: the report scores them apart from the
// exercises and says right or not, never the key.
func TestNotebookConceptChecks(t *testing.T) {
	t.Parallel()
	nb := notebook(
		goodMSE,
		"%%\nchecks.Answer(\"03.q1\", -8).Show()",
		"%%\nchecks.Answer(\"03.q2\", \"d\").Show()",
	)
	dir := writeDir(t, map[string]string{"homework.ipynb": string(nb)})
	rep := grade(t, filepath.Join(dir, "homework.ipynb"), Options{Exercises: []string{"MSE"}})
	if rep.Score != rep.Max {
		t.Errorf("the answers changed the exercises' score: %g of %g", rep.Score, rep.Max)
	}
	got := map[string]QuestionReport{}
	for _, q := range rep.Questions {
		got[q.ID] = q
	}
	if q := got["03.q1"]; !q.Right || q.Score != 1 {
		t.Errorf("03.q1: %+v", q)
	}
	if q := got["03.q2"]; !q.Answered || q.Right || q.Score != 0 {
		t.Errorf("03.q2: %+v", q)
	}
	text := rep.Text()
	for _, want := range []string{fmt.Sprintf("Concept checks: 1 / %d", len(checks.Questions())), "03.q1: right", "03.q2: not right"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, `"b"`) || strings.Contains(text, "-8") {
		t.Errorf("the report shows a key or an answer:\n%s", text)
	}
}

// TestReleaseHoldsNoAnswerKeys releases the course: the concept checks are
// there with their hashes, and checked on the spot, but the keys are not.
func TestReleaseHoldsNoAnswerKeys(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "course")
	if err := Release("..", out); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(filepath.Join(out, "exercises", "checks", "questions.go"))
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range checks.Questions() {
		if !strings.Contains(string(b), q.Hash) {
			t.Errorf("the release lacks the hash of %s", q.ID)
		}
	}
	// The check tables' languages come from internal/i18n, shipped with
	// them (TestRelease builds the copy).
	if _, err := os.Stat(filepath.Join(out, "internal", "i18n", "i18n.go")); err != nil {
		t.Errorf("the release lacks internal/i18n: %v", err)
	}
	// LeakCheck refuses a copy that holds the keys' map.
	if err := os.WriteFile(filepath.Join(out, "exercises", "keys.go"), []byte("package exercises\n\nvar answerKeys = 1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := LeakCheck("..", out); err == nil || !strings.Contains(err.Error(), "answerKeys") {
		t.Errorf("LeakCheck missed the answer keys: %v", err)
	}
}

// conceptReport is a report of three learners' concept checks, graded
// without running any code: ana answers both right, budi one right and
// one wrong, citra nothing.
func conceptReports(opt Options) []ClassEntry {
	answers := map[string]map[string]any{
		"ana":   {"03.q1": -8.0, "03.q2": "b"},
		"budi":  {"03.q1": -8.0, "03.q2": "d"},
		"citra": nil,
	}
	var out []ClassEntry
	for _, name := range []string{"ana", "budi", "citra"} {
		rep := newReport(name, opt)
		rep.Questions = gradeQuestions(answers[name], nil)
		rep.total()
		out = append(out, ClassEntry{Learner: name, Path: name, Report: rep})
	}
	return out
}

// TestConceptChecksInGradescope: one visible entry per concept check,
// "Concept check 03.q1", right or not (never the key); results.json's
// score leaves them out unless they are counted, and says which.
func TestConceptChecksInGradescope(t *testing.T) {
	for _, counted := range []bool{false, true} {
		budi := conceptReports(Options{Exercises: []string{"MSE"}, CountQuestions: counted})[1].Report
		res := budi.Gradescope()
		entries := map[string]GradescopeTest{}
		for _, e := range res.Tests {
			entries[e.Name] = e
		}
		q1, q2 := entries["Concept check 03.q1"], entries["Concept check 03.q2"]
		if q1.Score != 1 || q1.MaxScore != 1 || q1.Status != "passed" || q1.Visibility != "visible" || !strings.HasPrefix(q1.Output, "right") {
			t.Errorf("counted %v: 03.q1 entry %+v", counted, q1)
		}
		if q2.Score != 0 || q2.MaxScore != 1 || q2.Status != "failed" || !strings.HasPrefix(q2.Output, "not right") {
			t.Errorf("counted %v: 03.q2 entry %+v", counted, q2)
		}
		js, _ := json.Marshal(res)
		if strings.Contains(string(js), `\"b\"`) || strings.Contains(string(js), "-8") {
			t.Errorf("results.json shows a key: %s", js)
		}
		want, note := 0.0, "(scored apart from the exercises)"
		if counted {
			want, note = 1, "(counted in the score)"
		}
		if res.Score != want || !strings.Contains(res.Output, fmt.Sprintf("Concept checks: 1 / %d %s", len(checks.Questions()), note)) {
			t.Errorf("counted %v: score %g, output %q", counted, res.Score, res.Output)
		}
		if strings.Contains(q2.Output, "not counted") == counted {
			t.Errorf("counted %v: the entry says %q", counted, q2.Output)
		}
		var b bytes.Buffer
		budi.WriteGradescope(&b)
		checkGradescopeFormat(t, "budi", b.Bytes())
		n := float64(len(checks.Questions()))
		if counted && (budi.Max != budi.exercise("MSE").Max+n || budi.QuestionScore != 1 || budi.QuestionMax != n) {
			t.Errorf("counted: max %g, questions %g / %g", budi.Max, budi.QuestionScore, budi.QuestionMax)
		}
	}
}

// TestConceptChecksInGradebook: the CSV has one column per concept check
// and their total, and the class report each question's success rate,
// lowest first.
func TestConceptChecksInGradebook(t *testing.T) {
	entries := conceptReports(Options{Exercises: []string{"MSE"}})
	dir := t.TempDir()
	out, err := openOutDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	if err := writeClass(out, entries); err != nil && !strings.Contains(err.Error(), "class report") {
		t.Fatal(err)
	}
	rows := readGradebook(t, dir)
	col := func(name string) int {
		i := slices.Index(rows[0], name)
		if i < 0 {
			t.Fatalf("no column %s in %q", name, rows[0])
		}
		return i
	}
	q1, q2, total, score := col("03.q1"), col("03.q2"), col("concept_checks"), col("score")
	want := [][4]string{{"1", "1", "2", "0"}, {"1", "0", "1", "0"}, {"0", "0", "0", "0"}}
	for i, w := range want {
		r := rows[i+1]
		if got := [4]string{r[q1], r[q2], r[total], r[score]}; got != w {
			t.Errorf("%s: 03.q1, 03.q2, concept_checks, score = %q, want %q", r[0], got, w)
		}
	}

	sums := map[string]QuestionSummary{}
	for _, s := range SummarizeQuestions(entries) {
		sums[s.ID] = s
	}
	if s := sums["03.q1"]; s.Right != 2 || s.Wrong != 0 || s.Unanswered != 1 {
		t.Errorf("03.q1: %+v", s)
	}
	if s := sums["03.q2"]; s.Right != 1 || s.Wrong != 1 || s.Unanswered != 1 || math.Abs(s.SuccessRate()-1.0/3) > 1e-12 {
		t.Errorf("03.q2: %+v", s)
	}
	page, err := ClassReportHTML(entries)
	if err != nil {
		if strings.Contains(err.Error(), "ECharts") {
			t.Skip(err)
		}
		t.Fatal(err)
	}
	i, j := strings.Index(page, `<table id="questions">`), -1
	if i >= 0 {
		j = strings.Index(page[i:], "<td>03.q1</td>") - strings.Index(page[i:], "<td>03.q2</td>")
	}
	if i < 0 || j <= 0 || !strings.Contains(page[i:], "1 (33%)") {
		t.Errorf("the class report's concept checks (03.q2 first, 33%% right): %s", page[max(i, 0):])
	}
}
