package checks

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
)

// Question is a concept check: a question about a notebook, answered in a
// cell with Answer and checked on the spot, then scored by the grader.
//
// The right answer is not here: only Hash, the SHA-256 of Salt, the ID and
// the normalised right answer (see Normalize), so that Answer can tell
// right from wrong without the learners' copy of the course holding the
// key. The grader keeps the key itself (grader/questions.go) and a test
// there checks that it matches Hash. The explanation is shown after any
// attempt, right or wrong.
type Question struct {
	ID        string   // "03.q1": the notebook, then the question
	Prompt    string   // in English
	PromptID  string   // in Bahasa Indonesia
	Choices   []string // for a multiple choice, the options in English, labelled a, b, c, ...; none for a number
	ChoicesID []string // the same options in Bahasa Indonesia
	// Decimals, for a number, is how many decimals count: the answer is
	// rounded to them before it is compared.
	Decimals  int
	Salt      string
	Hash      string
	Explain   string // shown after an attempt, in English
	ExplainID string // the same in Bahasa Indonesia
}

// Notebook returns the notebook of the question: "03" for "03.q1".
func (q Question) Notebook() string { return strings.SplitN(q.ID, ".", 2)[0] }

// Normalize returns an answer in the form that is hashed and compared, or
// an error that says what kind of answer the question wants. A multiple
// choice takes its option's letter ("b", " B ", "b)"); a number takes a
// float64, an int or a string that parses as one ("−8" with a Unicode
// minus too), rounded to Decimals.
func (q Question) Normalize(answer any) (string, error) {
	if len(q.Choices) > 0 {
		s, ok := answer.(string)
		s = strings.TrimRight(strings.ToLower(strings.TrimSpace(s)), ").")
		if !ok || len(s) != 1 || s[0] < 'a' || int(s[0]-'a') >= len(q.Choices) {
			return "", errors.New(say(txtChoose, q.ID, letters(len(q.Choices))))
		}
		return s, nil
	}
	var x float64
	switch a := answer.(type) {
	case float64:
		x = a
	case int:
		x = float64(a)
	case string:
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(a), "−", "-"), 64)
		if err != nil {
			return "", errors.New(say(txtNumber, q.ID))
		}
		x = v
	default:
		return "", errors.New(say(txtNumber, q.ID))
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "", errors.New(say(txtNumber, q.ID))
	}
	s := strconv.FormatFloat(x, 'f', q.Decimals, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // −0 is 0
	}
	return s, nil
}

// HashOf returns the hash of a normalised answer, as Hash holds the right
// one's.
func (q Question) HashOf(normalized string) string {
	sum := sha256.Sum256([]byte(q.Salt + "\x00" + q.ID + "\x00" + normalized))
	return hex.EncodeToString(sum[:])
}

func letters(n int) string {
	var ls []string
	for i := range n {
		ls = append(ls, string(rune('a'+i)))
	}
	return strings.Join(ls, ", ")
}

// Questions returns every concept check, in the order of the course.
func Questions() []Question { return slices.Clone(questions) }

// LookupQuestion returns the question with the given ID.
func LookupQuestion(id string) (Question, bool) {
	i := slices.IndexFunc(questions, func(q Question) bool { return q.ID == id })
	if i < 0 {
		return Question{}, false
	}
	return questions[i], true
}

// Verdict is the outcome of one answer to a concept check.
type Verdict struct {
	Question Question
	Answer   string // as given, normalised when it could be
	Valid    bool   // the answer has the form the question wants
	Right    bool
	Problem  string // why an answer is not valid
}

// Answer checks an answer to a concept check on the spot:
//
//	checks.Answer("03.q1", -8).Show()
//	checks.Answer("03.q2", "b").Show()
//
// The grader reads these calls from a submitted notebook (only their two
// literal arguments: nothing runs) and scores them with its own key.
// Answer panics if there is no question with that ID.
func Answer(id string, answer any) Verdict {
	q, ok := LookupQuestion(id)
	if !ok {
		panic("checks: no question " + id)
	}
	v := Verdict{Question: q, Answer: fmt.Sprint(answer)}
	norm, err := q.Normalize(answer)
	if err != nil {
		v.Problem = err.Error()
		return v
	}
	v.Answer, v.Valid = norm, true
	v.Right = q.HashOf(norm) == q.Hash
	return v
}

// text returns the prompt with its options, in the current language.
func (q Question) text() string {
	prompt, choices := q.Prompt, q.Choices
	if language() == "id" {
		prompt, choices = q.PromptID, q.ChoicesID
	}
	var b strings.Builder
	b.WriteString(q.ID + ": " + prompt)
	for i, c := range choices {
		fmt.Fprintf(&b, "\n  %c) %s", 'a'+i, c)
	}
	return b.String()
}

func (q Question) explanation() string {
	if language() == "id" {
		return q.ExplainID
	}
	return q.Explain
}

// String returns the verdict as text: right or not, then why.
func (v Verdict) String() string {
	switch {
	case !v.Valid:
		return v.Problem + "\n"
	case v.Right:
		return say(txtRight, v.Question.ID, v.Answer) + "\n" + say(txtWhy) + " " + v.Question.explanation() + "\n"
	}
	return say(txtNotRight, v.Question.ID, v.Answer) + "\n" + say(txtWhy) + " " + v.Question.explanation() + "\n"
}

// HTML returns the verdict as Show displays it in a notebook.
func (v Verdict) HTML() string {
	if !v.Valid {
		return fmt.Sprintf(`<div class="bp-checks" style="color:%s">%s</div>`, failColor, html.EscapeString(v.Problem))
	}
	mark, color, line := "✓", passColor, say(txtRight, v.Question.ID, v.Answer)
	if !v.Right {
		mark, color, line = "✗", failColor, say(txtNotRight, v.Question.ID, v.Answer)
	}
	return fmt.Sprintf(`<div class="bp-checks"><div style="color:%s">%s %s</div><div><i>%s</i> %s</div></div>`,
		color, mark, html.EscapeString(line), say(txtWhy), html.EscapeString(v.Question.explanation()))
}

// Show displays the verdict: HTML in a GoNB notebook, text elsewhere.
func (v Verdict) Show() {
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(v.HTML())
		gonbui.Sync()
		return
	}
	fmt.Fprint(os.Stdout, v.String())
}

// Ask displays a question with its options, for a cell before the answer.
func Ask(id string) {
	q, ok := LookupQuestion(id)
	if !ok {
		panic("checks: no question " + id)
	}
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(`<pre class="bp-checks">` + html.EscapeString(q.text()) + `</pre>`)
		gonbui.Sync()
		return
	}
	fmt.Println(q.text())
}

// questions are the concept checks of every notebook. To add one, see
// "Concept checks" in doc.go.
var questions = []Question{
	{ID: "03.q1",
		Prompt:   "Gradient descent on f(x) = x² starts at x = 1 with a learning rate of 1.5. What is x after three steps?",
		PromptID: "Gradient descent pada f(x) = x² dimulai dari x = 1 dengan learning rate 1.5. Berapa x setelah tiga langkah?",
		Salt:     "6b1f0c2e9d4a",
		Hash:     "c578964db3fb7728812ad406806de7300557497057179b1ae1111dbec54e9710",
		Explain: "Each step is x ← x − 1.5·2x = −2x: the step overshoots the minimum by more than x was away from it, " +
			"so x flips sign and doubles at every step, and three steps multiply it by (−2)³. Any learning rate above 1 " +
			"diverges on x² (the curvature is 2, the limit is 2/2 = 1); 0.5 would land on 0 in one step.",
		ExplainID: "Setiap langkah adalah x ← x − 1.5·2x = −2x: langkahnya melewati minimum lebih jauh daripada jarak x ke minimum, " +
			"jadi x berganti tanda dan berlipat dua di setiap langkah, dan tiga langkah mengalikannya dengan (−2)³. Learning rate " +
			"di atas 1 membuat x² divergen (kelengkungannya 2, batasnya 2/2 = 1); 0.5 akan tiba di 0 dalam satu langkah."},
	{ID: "03.q2",
		Prompt:   "The loss is multiplied by 100 (say, a sum instead of a mean). Why does Adam train almost as before, while SGD with the same learning rate does not?",
		PromptID: "Loss dikalikan 100 (misalnya jumlah, bukan rata-rata). Mengapa Adam tetap berlatih hampir seperti semula, sedangkan SGD dengan learning rate yang sama tidak?",
		Choices: []string{
			"Adam lowers its learning rate when the loss is large",
			"Adam divides m̂ by √v̂: both grow 100 times, so the step stays the same size",
			"Adam clips the gradients to norm 1",
			"the bias correction removes the factor 100",
		},
		ChoicesID: []string{
			"Adam menurunkan learning rate-nya saat loss besar",
			"Adam membagi m̂ dengan √v̂: keduanya membesar 100 kali, jadi ukuran langkahnya tetap",
			"Adam memotong gradient ke norma 1",
			"bias correction menghilangkan faktor 100",
		},
		Salt: "e83a5d7710c4",
		Hash: "fe521bf0f41543986848ee7a2b07fd558250d0b37f2c1b700ec6c4407d0312e0",
		Explain: "The gradient is 100 times larger; Adam's step is lr·m̂/(√v̂ + ε), where m̂ grows 100 times and √v̂ too, " +
			"so only ε notices the factor. SGD's step lr·g grows 100 times and may diverge.",
		ExplainID: "Gradient-nya 100 kali lebih besar; langkah Adam adalah lr·m̂/(√v̂ + ε), dengan m̂ membesar 100 kali dan √v̂ juga, " +
			"jadi hanya ε yang merasakan faktor itu. Langkah SGD lr·g membesar 100 kali dan bisa divergen."},
}
