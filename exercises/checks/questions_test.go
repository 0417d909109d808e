package checks_test

import (
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// TestQuestions checks the concept checks' declarations: IDs unique and
// of the form NN.qK, prompts and explanations in both languages, options
// in both, a salt and a hash each.
func TestQuestions(t *testing.T) {
	seen := map[string]bool{}
	for _, q := range checks.Questions() {
		if seen[q.ID] {
			t.Errorf("question %s declared twice", q.ID)
		}
		seen[q.ID] = true
		if len(q.ID) < 5 || q.ID[2:4] != ".q" || q.Notebook() != q.ID[:2] {
			t.Errorf("question %q: the ID should be the notebook's number, then .q1, .q2, ...", q.ID)
		}
		if q.Prompt == "" || q.PromptID == "" || q.Explain == "" || q.ExplainID == "" || q.Salt == "" || len(q.Hash) != 64 {
			t.Errorf("question %s needs a prompt and an explanation in both languages, a salt and a hash", q.ID)
		}
		if len(q.Choices) != len(q.ChoicesID) {
			t.Errorf("question %s: %d options in English, %d in Bahasa Indonesia", q.ID, len(q.Choices), len(q.ChoicesID))
		}
	}
	if len(seen) < 2 {
		t.Errorf("%d questions, want at least the two of notebook 03", len(seen))
	}
}

// TestAnswerOnTheSpot answers the worked example's questions: a wrong
// answer says so and explains, a right one too, and an answer of the
// wrong form says what form is wanted. (The right answers are tested by
// the grader, which holds them.)
func TestAnswerOnTheSpot(t *testing.T) {
	t.Setenv(checks.LangEnv, "en")
	v := checks.Answer("03.q1", 4)
	if !v.Valid || v.Right || !strings.Contains(v.String(), "4 is not right") || !strings.Contains(v.String(), "Why: Each step is") {
		t.Errorf("a wrong number: %+v\n%s", v, v)
	}
	if v := checks.Answer("03.q1", "four"); v.Valid || !strings.Contains(v.String(), "answer with a number") {
		t.Errorf("not a number: %s", v)
	}
	if v := checks.Answer("03.q2", "e"); v.Valid || !strings.Contains(v.String(), "(a, b, c, d)") {
		t.Errorf("not an option: %s", v)
	}
	if v := checks.Answer("03.q2", " A) "); !v.Valid || v.Answer != "a" || v.Right {
		t.Errorf("option a, written loosely: %+v", v)
	}
	if html := checks.Answer("03.q2", "a").HTML(); !strings.Contains(html, "✗") || !strings.Contains(html, "Why:") {
		t.Errorf("HTML: %s", html)
	}
	t.Setenv(checks.LangEnv, "id")
	if v := checks.Answer("03.q1", 4); !strings.Contains(v.String(), "belum benar") || !strings.Contains(v.String(), "Mengapa:") {
		t.Errorf("in Bahasa Indonesia: %s", v)
	}
}

// TestNormalize: numbers compare after rounding to the question's
// decimals, with a Unicode minus accepted and −0 equal to 0.
func TestNormalize(t *testing.T) {
	q := checks.Question{ID: "00.q1", Decimals: 2}
	for _, c := range []struct {
		in   any
		want string
	}{{-8, "-8.00"}, {"−8", "-8.00"}, {0.125, "0.12"}, {" 3.14159 ", "3.14"}, {-0.001, "0.00"}} {
		if got, err := q.Normalize(c.in); err != nil || got != c.want {
			t.Errorf("Normalize(%v) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
}

// A concept check in a notebook cell: answered, checked on the spot, explained.
func ExampleAnswer() {
	checks.Answer("03.q1", 2).Show()
	// Output:
	// 03.q1: 2 is not right; think again with the explanation below.
	// Why: Each step is x ← x − 1.5·2x = −2x: the step overshoots the minimum by more than x was away from it, so x flips sign and doubles at every step, and three steps multiply it by (−2)³. Any learning rate above 1 diverges on x² (the curvature is 2, the limit is 2/2 = 1); 0.5 would land on 0 in one step.
}
