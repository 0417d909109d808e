package grader

import (
	"regexp"
	"strconv"
	"strings"

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
// each, with the private keys. Feedback says right or not, never the key.
func gradeQuestions(answers map[string]any) []QuestionReport {
	var out []QuestionReport
	for _, q := range checks.Questions() {
		qr := QuestionReport{ID: q.ID, Max: 1}
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
