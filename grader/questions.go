package grader

import (
	"fmt"
	"path"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// answerKeys are the right answers of the concept checks
// (exercises/checks/questions.go), by question: the private half of each
// question. The learners' copy of the course holds only a salted hash of
// each; TestAnswerKeys checks that every question has its key here and
// that the key matches the hash.
var answerKeys = map[string]any{
	"00.q1": "b",   // dL/dw > 0: the step lowers w, and the loss (TestAnswerKeysOfTheNotebooks)
	"00.q2": -2,    // z = 0, ŷ = 0: 2(0 − 0.5)·1·2
	"01.q1": "b",   // target 0: ∂L/∂ŷ > 0, and v₂ < 0 flips it on the way to w₁₂
	"01.q2": 0.050, // ∂L/∂z₁·w₂₁ + ∂L/∂z₂·w₂₂
	"02.q1": 0.693, // −log 0.5 = log 2
	"02.q2": "c",   // Huber's gradient is the error clipped to ±Delta
	"03.q1": -8,    // x: 1, −2, 4, −8 (TestAnswerKeysFromTheLibrary runs it)
	"03.q2": "b",   // m̂/√v̂ does not see a constant factor
	"04.q1": "c",   // the velocity: alternating gradients cancel, agreeing ones add up
	"04.q2": 16,    // ⌈1000/64⌉ batches
	"05.q1": "a",   // no statistics from the test part: it must stay unseen
	"05.q2": 2410,  // 64·32 + 32 + 32·10 + 10
	"06.q1": "d",   // zero weights: zero hidden outputs and zero hidden gradients
	"06.q2": 0.005, // He: 2/fan_in = 2/400
}

// QuestionReport is the grade of one concept check.
type QuestionReport struct {
	ID       string  `json:"id"`
	Answered bool    `json:"answered"`
	Right    bool    `json:"right"`
	Score    float64 `json:"score"`
	Max      float64 `json:"max_score"`
	// From is the notebook the counted answer was read from, in a
	// submission that holds several (see pickAnswers).
	From string `json:"from,omitempty"`
}

// answerCall matches checks.Answer("ID", literal) in a notebook cell: a
// string, or a number.
var answerCall = regexp.MustCompile(`checks\.Answer\(\s*"([^"\\]{1,40})"\s*,\s*("(?:[^"\\\n]|\\.){0,100}"|[-+]?[0-9][0-9_.eE+-]{0,40}|[-+]?\.[0-9][0-9eE+-]{0,40})\s*\)`)

// answersIn returns the answers to concept checks in the code cells of a
// notebook, by question: the literal arguments of each checks.Answer call,
// read as text (learner code never runs in the grader's process). A later
// answer to the same question replaces an earlier one, as running the
// cells in order would.
func answersIn(cells []string) map[string]any {
	answers := map[string]any{}
	for _, cell := range cells {
		for _, m := range answerCall.FindAllStringSubmatch(cell, -1) {
			id, lit := m[1], m[2]
			if strings.HasPrefix(lit, `"`) {
				if s, err := strconv.Unquote(lit); err == nil && strings.TrimSpace(s) != "" {
					answers[id] = s // "" is the notebooks' blank: not an answer yet
				}
				continue
			}
			if x, err := strconv.ParseFloat(strings.ReplaceAll(lit, "_", ""), 64); err == nil {
				answers[id] = x
			}
		}
	}
	return answers
}

// gradeQuestions scores the answers to every concept check, one point
// each, with the private keys; from names the notebook each answer came
// from, when there were several. Feedback says right or not, never the key.
func gradeQuestions(answers map[string]any, from map[string]string) []QuestionReport {
	var out []QuestionReport
	for _, q := range checks.Questions() {
		qr := QuestionReport{ID: q.ID, Max: 1, From: from[q.ID]}
		if a, ok := answers[q.ID]; ok {
			qr.Answered = true
			got, err1 := q.Normalize(a)
			want, err2 := q.Normalize(answerKeys[q.ID])
			qr.Right = err1 == nil && err2 == nil && got == want
		}
		if qr.Right {
			qr.Score = 1
		}
		out = append(out, qr)
	}
	return out
}

// questionIDs lists the concept checks in course order.
func questionIDs() []string {
	var ids []string
	for _, q := range checks.Questions() {
		ids = append(ids, q.ID)
	}
	return ids
}

// notebookAnswers are the answers found in one notebook of a submission.
type notebookAnswers struct {
	path    string
	mod     time.Time
	answers map[string]any
}

// pickAnswers reads the answers of every notebook of a directory or
// archive, and for each question keeps one notebook's: among those that
// answer it, a notebook of the question's number first ("03-....ipynb"
// for 03.q1), then the last modified, then the last path in byte order.
// It returns the answers, the notebook of each (as origin/path), and the
// warnings with one added per notebook that is not valid JSON.
func pickAnswers(t *tree, origin string, warnings []string) (map[string]any, map[string]string, []string) {
	var names []string
	for name := range t.files {
		if strings.HasSuffix(name, ".ipynb") {
			names = append(names, name)
		}
	}
	sort.Strings(names)
	var nbs []notebookAnswers
	for _, name := range names {
		nb, err := parseNotebook(t.files[name], name)
		if err != nil {
			warnings = append(warnings, fmt.Sprintf("%s: its concept-check answers are not read", firstLine(err.Error())))
			continue
		}
		nbs = append(nbs, notebookAnswers{path: name, mod: t.mod[name], answers: answersIn(nb.codeCells())})
	}
	if len(nbs) == 0 {
		return nil, nil, warnings
	}
	answers, from := map[string]any{}, map[string]string{}
	for _, q := range checks.Questions() {
		var best *notebookAnswers
		for i := range nbs {
			nb := &nbs[i]
			if _, ok := nb.answers[q.ID]; ok && (best == nil || nb.before(best, q.Notebook())) {
				best = nb
			}
		}
		if best != nil {
			answers[q.ID], from[q.ID] = best.answers[q.ID], path.Join(origin, best.path)
		}
	}
	return answers, from, warnings
}

// before reports whether a's answer counts rather than b's for a question
// of notebook number.
func (a *notebookAnswers) before(b *notebookAnswers, number string) bool {
	if own := isNotebook(a.path, number); own != isNotebook(b.path, number) {
		return own
	}
	if !a.mod.Equal(b.mod) {
		return a.mod.After(b.mod)
	}
	return a.path > b.path
}

// isNotebook reports whether the file at p is notebook number ("03":
// 03-learning-rate.ipynb, 03.ipynb, not 030-x.ipynb).
func isNotebook(p, number string) bool {
	rest, ok := strings.CutPrefix(path.Base(p), number)
	return ok && rest != "" && (rest[0] < '0' || rest[0] > '9')
}
