package grader

import (
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// Report is the grade of one submission.
type Report struct {
	Submission string           `json:"submission"`
	Seed       uint64           `json:"seed"` // of the hidden random inputs: rerun with it to reproduce
	Score      float64          `json:"score"`
	Max        float64          `json:"max_score"`
	Problems   []Problem        `json:"problems,omitempty"` // why the package as a whole could not be graded
	Warnings   []string         `json:"warnings,omitempty"`
	Exercises  []ExerciseReport `json:"exercises"`
	Seconds    float64          `json:"seconds"`
	// Isolation is how learner code was contained while it was graded.
	Isolation Isolation `json:"isolation,omitempty"`
	// Lang is the language of the report's messages.
	Lang Lang `json:"lang,omitempty"`
	// Questions are the concept checks, one point each, answered in the
	// submission's notebooks (every one unanswered when it holds none).
	// By default they are scored apart from the exercises: Score and Max
	// leave them out, QuestionScore and QuestionMax add them up, so that
	// course staff weigh them as they wish. With Options.CountQuestions
	// (QuestionsCounted) Score and Max include them.
	Questions        []QuestionReport `json:"questions,omitempty"`
	QuestionScore    float64          `json:"question_score"`
	QuestionMax      float64          `json:"question_max_score"`
	QuestionsCounted bool             `json:"questions_counted,omitempty"`

	hiddenVisibility string
}

// ExerciseReport is the grade of one exercise.
type ExerciseReport struct {
	Name  string  `json:"name"`
	Topic string  `json:"topic"`
	Score float64 `json:"score"`
	Max   float64 `json:"max_score"`
	// Status is what the tests gave, or why none ran.
	Status  Status       `json:"status"`
	Problem string       `json:"problem,omitempty"` // what went wrong for the whole exercise
	Hint    string       `json:"hint,omitempty"`    // shown when the exercise lost points
	Tests   []TestReport `json:"tests,omitempty"`

	signature string
}

// TestReport is the outcome of one test.
type TestReport struct {
	Name    string  `json:"name"`
	Kind    string  `json:"kind"` // public, random, edge or property
	Score   float64 `json:"score"`
	Max     float64 `json:"max_score"`
	Passed  bool    `json:"passed"`
	Message string  `json:"message,omitempty"`
	// Detail, only with Options.Staff, is what a failed hidden test
	// returned and expected: never for learners' eyes.
	Detail string `json:"detail,omitempty"`

	stub    bool            // the function still panics with "not implemented"
	mistake *checks.Mistake // the common mistake its results show, if any
}

// maxPoints is what an exercise is worth: the points of its tests, which
// do not depend on the random draw.
func maxPoints(e checks.Exercise) float64 {
	sum := 0.0
	for _, t := range Tests(e, rngFor(1, e.Name)) {
		sum += t.Points()
	}
	return sum
}

// newReport starts a report with every exercise (or those of
// opt.Exercises) at zero, and draws the seed if none is given.
func newReport(submission string, opt Options) *Report {
	seed := opt.Seed
	for seed == 0 {
		var b [8]byte
		rand.Read(b[:])
		seed = binary.LittleEndian.Uint64(b[:])
	}
	lang := opt.Lang
	if lang == "" {
		lang = English
	}
	rep := &Report{Submission: submission, Seed: seed, Lang: lang, hiddenVisibility: opt.HiddenVisibility,
		Questions: gradeQuestions(nil, nil), QuestionsCounted: opt.CountQuestions}
	for _, e := range checks.Exercises() {
		if len(opt.Exercises) > 0 && !contains(opt.Exercises, e.Name) {
			continue
		}
		rep.Exercises = append(rep.Exercises, ExerciseReport{Name: e.Name, Topic: e.Topic, Max: maxPoints(e), signature: signatureLine(e)})
	}
	rep.total()
	return rep
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// fail marks every exercise as failed for one problem with the whole
// submission.
func (r *Report) fail(p Problem, status Status) {
	r.Problems = append(r.Problems, p)
	for i := range r.Exercises {
		r.Exercises[i].setProblem(status, p.String(), r.Lang)
	}
}

func (e *ExerciseReport) setProblem(status Status, msg string, lang Lang) {
	e.Status, e.Problem, e.Score, e.Tests = status, msg, 0, nil
	if ex, ok := checks.Lookup(e.Name); ok && status != StatusMissing {
		e.Hint = ex.HintIn(string(lang))
	}
}

// summarize scores an exercise's tests and sets its score and status.
// A passed edge case or property pays only when every random test passed
// too; public tests pay nothing (pointsByKind).
func (e *ExerciseReport) summarize(ex checks.Exercise, lang Lang) {
	randomOK := true
	for _, t := range e.Tests {
		randomOK = randomOK && (t.Kind != KindRandom || t.Passed)
	}
	e.Score = 0
	notImpl := 0
	for i := range e.Tests {
		t := &e.Tests[i]
		t.Score = 0
		if t.Passed && (t.Kind == KindRandom || randomOK) {
			t.Score = t.Max
		}
		e.Score += t.Score
		if t.stub {
			notImpl++
		}
	}
	switch {
	case e.Score == e.Max:
		e.Status = StatusPassed
	case notImpl == len(e.Tests):
		e.Status, e.Problem = StatusNotImplemented, lang.Say(phStubExercise)
	case e.Score == 0:
		e.Status = StatusFailed
	default:
		e.Status = StatusPartial
	}
	if e.Score < e.Max {
		e.Hint = ex.HintIn(string(lang))
		for _, t := range e.Tests {
			if t.mistake != nil { // the likely mistake first, then the hint
				e.Hint = t.mistake.HintIn(string(lang)) + ". " + e.Hint
				break
			}
		}
	}
}

// unpaid says why a passed test earned nothing.
func (t TestReport) unpaid(lang Lang) string {
	if t.Passed && t.Score < t.Max {
		return lang.Say(phUnpaid)
	}
	return ""
}

// total adds up the exercises, and the concept checks apart; Score and
// Max include the concept checks only when they are counted.
func (r *Report) total() {
	r.Score, r.Max = 0, 0
	for _, e := range r.Exercises {
		r.Score += e.Score
		r.Max += e.Max
	}
	r.QuestionScore, r.QuestionMax = 0, 0
	for _, q := range r.Questions {
		r.QuestionScore += q.Score
		r.QuestionMax += q.Max
	}
	if r.QuestionsCounted {
		r.Score += r.QuestionScore
		r.Max += r.QuestionMax
	}
}

// question returns the grade of the concept check id (zero if absent).
func (r *Report) question(id string) QuestionReport {
	for _, q := range r.Questions {
		if q.ID == id {
			return q
		}
	}
	return QuestionReport{}
}

// Percent returns the score as a percentage of the maximum.
func (r *Report) Percent() float64 {
	if r.Max == 0 {
		return 0
	}
	return 100 * r.Score / r.Max
}

// WriteText writes the report as a table for a terminal: one row per
// exercise, then what failed and why, with hints, in the report's language.
// Everything that comes from the submission is printed with its control
// characters escaped, so it cannot move the cursor or forge lines.
func (r *Report) WriteText(w io.Writer) error {
	l := r.lang()
	fmt.Fprint(w, l.Say(phHeader, Clean(r.Submission), r.Score, r.Max, r.Percent(), r.Seed, r.isolationText())+"\n\n")
	if r.Isolation == IsolationNone {
		fmt.Fprintf(w, "  %s: %s\n", l.Say(phWarningCap), noSandboxWarning)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  %s: %s\n", l.Say(phProblem), Clean(p.String()))
	}
	for _, warn := range r.Warnings {
		fmt.Fprintf(w, "  %s: %s\n", l.Say(phWarning), Clean(warn))
	}
	if len(r.Problems)+len(r.Warnings) > 0 {
		fmt.Fprintln(w)
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, l.Say(phColumns))
	for _, e := range r.Exercises {
		fmt.Fprintf(tw, "%s\t%s\t%g\t%g\t%s\n", e.Name, e.Topic, e.Score, e.Max, word(l, statusText, e.Status))
	}
	tw.Flush()
	for _, e := range r.Exercises {
		if e.Score == e.Max {
			continue
		}
		fmt.Fprintf(w, "\n%s (%g/%g): %s\n", e.Name, e.Score, e.Max, word(l, statusText, e.Status))
		if e.Problem != "" {
			fmt.Fprintf(w, "  %s\n", Clean(e.Problem))
		}
		for _, t := range e.Tests {
			switch {
			case e.Status == StatusNotImplemented:
			case !t.Passed:
				fmt.Fprintf(w, "  - %s\n", l.Say(phTestLine, word(l, kindText, t.Kind), t.Name, t.Max, Clean(t.Message)))
				if t.Detail != "" {
					fmt.Fprintf(w, "      %s: %s\n", l.Say(phStaffOnly), Clean(t.Detail))
				}
			case t.unpaid(l) != "":
				fmt.Fprintf(w, "  - %s\n", l.Say(phTestLine, word(l, kindText, t.Kind), t.Name, t.Max, t.unpaid(l)))
			}
		}
		if e.Hint != "" {
			fmt.Fprintf(w, "  %s: %s\n", l.Say(phHint), e.Hint)
		}
	}
	if len(r.Questions) > 0 {
		var lines []string
		for _, q := range r.Questions {
			line := fmt.Sprintf("  %s: %s", q.ID, q.verdict(l))
			if q.From != "" {
				line += " (" + Clean(q.From) + ")"
			}
			lines = append(lines, line)
		}
		fmt.Fprintf(w, "\n%s\n%s\n", r.questionsLine(l), strings.Join(lines, "\n"))
	}
	return nil
}

// questionsLine is the concept checks' total, and whether it counts.
func (r *Report) questionsLine(l Lang) string {
	if r.QuestionsCounted {
		return l.Say(phQuestionsCounted, r.QuestionScore, r.QuestionMax)
	}
	return l.Say(phQuestions, r.QuestionScore, r.QuestionMax)
}

// verdict says right, not right or not answered; never the key.
func (q QuestionReport) verdict(l Lang) string {
	switch {
	case q.Right:
		return l.Say(phRightAnswer)
	case q.Answered:
		return l.Say(phWrongAnswer)
	}
	return l.Say(phUnanswered)
}

// lang is the report's language (English for a report without one).
func (r *Report) lang() Lang {
	if r.Lang == "" {
		return English
	}
	return r.Lang
}

// noSandboxWarning is printed on every report graded without isolation.
const noSandboxWarning = "graded WITHOUT a sandbox (--no-sandbox): the learner's code ran as the grader's own user with resource limits only; use this only for code you trust"

func (r *Report) isolationText() string {
	if r.Isolation == "" {
		return r.lang().Say(phNoLearner)
	}
	return string(r.Isolation)
}

// Clean escapes control characters (C0, DEL, C1) and the Unicode controls
// that reorder or hide text, so that learner text printed in a terminal,
// a text file or a web page shows as what it is.
func Clean(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0),
			r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Text returns the report as WriteText writes it.
func (r *Report) Text() string {
	var b strings.Builder
	r.WriteText(&b)
	return b.String()
}

// WriteJSON writes the full report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r)
}

// GradescopeResults is the results.json that Gradescope's autograder reads.
type GradescopeResults struct {
	Score            float64          `json:"score"`
	Output           string           `json:"output"`
	Visibility       string           `json:"visibility"`
	StdoutVisibility string           `json:"stdout_visibility"`
	Tests            []GradescopeTest `json:"tests"`
}

// GradescopeTest is one entry of results.json: one test of one exercise,
// or one exercise that could not run.
type GradescopeTest struct {
	Name       string  `json:"name"`
	Score      float64 `json:"score"`
	MaxScore   float64 `json:"max_score"`
	Output     string  `json:"output,omitempty"`
	Visibility string  `json:"visibility"`
	Status     string  `json:"status,omitempty"` // "passed" or "failed"
}

// Gradescope converts the report. Public tests are "visible"; hidden ones
// get Options.HiddenVisibility ("after_due_date" by default). An exercise
// that did not run is one entry carrying all its points and the reason.
// Each concept check is an entry "Concept check 03.q1", visible, saying
// right, not right or not answered; results.json's score is the report's
// Score, which counts them only with Options.CountQuestions (the summary
// and each entry say which).
func (r *Report) Gradescope() GradescopeResults {
	hiddenVis := r.hiddenVisibility
	if hiddenVis == "" {
		hiddenVis = "after_due_date"
	}
	var sum strings.Builder
	l := r.lang()
	sum.WriteString(l.Say(phGSSummary, r.Score, r.Max, r.Seed, r.isolationText()))
	if r.Isolation == IsolationNone {
		fmt.Fprintf(&sum, "\n%s: %s", l.Say(phWarningCap), noSandboxWarning)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(&sum, "\n%s", Clean(p.String()))
	}
	if len(r.Questions) > 0 {
		fmt.Fprintf(&sum, "\n%s", r.questionsLine(l))
	}
	res := GradescopeResults{Score: r.Score, Output: sum.String(), Visibility: "visible", StdoutVisibility: "hidden"}
	for _, e := range r.Exercises {
		if len(e.Tests) == 0 {
			out := Clean(e.Problem)
			if e.Hint != "" {
				out += "\n" + l.Say(phHint) + ": " + e.Hint
			}
			res.Tests = append(res.Tests, GradescopeTest{Name: e.Name, Score: e.Score, MaxScore: e.Max, Output: out, Visibility: "visible", Status: "failed"})
			continue
		}
		for _, t := range e.Tests {
			gt := GradescopeTest{Name: fmt.Sprintf("%s: %s (%s)", e.Name, t.Name, t.Kind), Score: t.Score, MaxScore: t.Max,
				Visibility: hiddenVis, Status: "passed"}
			if t.Kind == KindPublic {
				gt.Visibility = "visible"
			}
			if !t.Passed || t.unpaid(l) != "" {
				gt.Status, gt.Output = "failed", Clean(t.Message)+t.unpaid(l)
				if t.Detail != "" {
					gt.Output += "\n" + l.Say(phStaffOnly) + ": " + Clean(t.Detail)
				}
				if e.Hint != "" {
					gt.Output += "\n" + l.Say(phHint) + ": " + e.Hint
				}
			}
			res.Tests = append(res.Tests, gt)
		}
	}
	// Concept checks: one entry each, visible (the notebook already told
	// the learner right or not on the spot), never with the key.
	for _, q := range r.Questions {
		gt := GradescopeTest{Name: "Concept check " + q.ID, Score: q.Score, MaxScore: q.Max, Output: q.verdict(l),
			Visibility: "visible", Status: "failed"}
		if q.Right {
			gt.Status = "passed"
		}
		if !r.QuestionsCounted {
			gt.Output += "\n" + l.Say(phNotCounted)
		}
		res.Tests = append(res.Tests, gt)
	}
	return res
}

// WriteGradescope writes Gradescope's results.json.
func (r *Report) WriteGradescope(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(r.Gradescope())
}
