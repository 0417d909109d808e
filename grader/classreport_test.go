package grader

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/exercises/checks"
	"github.com/deepdive-dl/backprop/internal/browser"
	"github.com/deepdive-dl/backprop/internal/e2e"
)

// TestClassReport grades a small class (two solutions, a stub, two planted
// mistakes, a learner who handed in nothing, a broken archive) and checks
// the instructor's report: its numbers, and in headless Chromium, offline,
// that both charts drew and no script failed.
func TestClassReport(t *testing.T) {
	t.Parallel()
	class := t.TempDir()
	os.CopyFS(filepath.Join(class, "ana"), os.DirFS("../solutions"))
	os.CopyFS(filepath.Join(class, "budi"), os.DirFS("../solutions"))
	os.CopyFS(filepath.Join(class, "citra"), os.DirFS("../exercises"))
	for name, m := range map[string]mutant{"dewi": mutants[0], "eko": mutants[1]} {
		os.CopyFS(filepath.Join(class, name), os.DirFS(copySolutions(t, m)))
	}
	writeFiles(t, filepath.Join(class, "<i>fajar"), map[string]string{"notes.go": "package exercises\n"})
	os.WriteFile(filepath.Join(class, "gita.zip"), []byte("not a zip"), 0o644)
	// hana hands in a notebook with one concept check right, one wrong.
	os.WriteFile(filepath.Join(class, "hana.ipynb"), notebook(goodMSE,
		"%%\nchecks.Answer(\"03.q1\", -8).Show()", "%%\nchecks.Answer(\"03.q2\", \"a\").Show()"), 0o644)
	out := t.TempDir()
	opt := Options{Seed: 9, Exercises: []string{"MSEGrad", "BCE", "RMSE"}, Limits: testLimits}
	entries, err := GradeClass(context.Background(), class, out, 2, opt)
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]ExerciseSummary{}
	for _, s := range SummarizeClass(entries) {
		byName[s.Name] = s
	}
	// MSEGrad: ana, budi, eko pass; dewi's sign error fails random tests;
	// citra's stub, fajar's nothing, gita's broken zip and hana's notebook
	// without it hand nothing in (gita's is listed as not gradable).
	if s := byName["MSEGrad"]; s.Passed != 3 || s.Failed+s.Partial != 1 || s.NotAttempted != 4 || s.MostFailedKind != KindRandom {
		t.Errorf("MSEGrad summary: %+v", s)
	}
	if s := byName["BCE"]; s.Passed != 3 || s.Failed+s.Partial != 1 {
		t.Errorf("BCE summary: %+v", s)
	}
	for _, q := range SummarizeQuestions(entries) {
		answered := q.ID == "03.q1" || q.ID == "03.q2" // only these are answered, by one learner
		if (q.Right+q.Wrong == 1) != answered || q.Unanswered != 8-q.Right-q.Wrong || (q.ID == "03.q1") != (q.Right == 1) {
			t.Errorf("concept check %s: %+v", q.ID, q)
		}
	}
	page, err := os.ReadFile(filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(page)
	if strings.Contains(text, "<i>fajar") || !strings.Contains(text, "&lt;i&gt;fajar") {
		t.Error("a learner's name reaches the report as HTML")
	}

	if testing.Short() {
		return
	}
	br, err := browser.Launch(browser.Options{Offline: true})
	if err != nil {
		e2e.Missing(t, "chromium", err)
		return
	}
	defer br.Close()
	p, err := br.Open("file://" + filepath.Join(out, "report.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n, err := p.ChartsDrawn(30 * time.Second); err != nil || n != 3 {
		t.Errorf("%d charts drawn, want 3: %v", n, err)
	}
	rows, err := p.Eval(`() => [...document.querySelectorAll("#exercises tr")].map(r => r.innerText)`)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows.Value.Arr() {
		got = append(got, r.Str())
	}
	if len(got) != 4 || !strings.HasPrefix(got[1], "MSEGrad") && !strings.HasPrefix(got[1], "BCE") {
		t.Errorf("exercise rows (lowest pass rate first): %q", got)
	}
	qrows, err := p.Eval(`() => [...document.querySelectorAll("#questions tr")].map(r => r.innerText)`)
	if err != nil {
		t.Fatal(err)
	}
	if q := qrows.Value.Arr(); len(q) != 1+len(checks.Questions()) || !strings.Contains(q[len(q)-1].Str(), "03.q1") {
		t.Errorf("concept check rows (lowest success rate first): %v", q)
	}
	nothing, _ := p.Eval(`() => document.querySelector("#nothing").innerText`)
	if s := nothing.Value.Str(); !strings.Contains(s, "fajar") || !strings.Contains(s, "citra") || strings.Contains(s, "gita") {
		t.Errorf("learners who submitted nothing: %q", s)
	}
	if errs := p.Errors(); len(errs) > 0 {
		t.Errorf("script errors: %v", errs)
	}
	broken, _ := p.Eval(`() => document.querySelector("#broken").innerText`)
	if s := broken.Value.Str(); !strings.Contains(s, "gita") || !strings.Contains(s, "zip") {
		t.Errorf("submissions that could not be graded: %q", s)
	}
	time.Sleep(1500 * time.Millisecond) // ECharts' first animation
	p.Screenshot(filepath.Join(os.TempDir(), "class-report.png"))
}
