package checks

import "github.com/deepdive-dl/backprop/internal/i18n"

// LangEnv names the environment variable that chooses the language of the
// check tables: "id" for Bahasa Indonesia, "en" for English. Without it,
// notebooks of the Indonesian edition (in a directory named id, which GoNB
// gives as GONB_DIR) get Indonesian and everything else English.
const LangEnv = i18n.EnvVar

// language returns "id" or "en", as LangEnv and GONB_DIR say.
func language() string { return string(i18n.FromEnv()) }

// text is one phrase of the check tables in each language, with fmt verbs
// in the same order (package internal/i18n, which the grader shares).
type text = i18n.Phrase

// say formats a phrase in the language LangEnv and GONB_DIR choose.
func say(t text, args ...any) string { return i18n.FromEnv().Say(t, args...) }

var (
	txtPublicPassed = text{"%d of %d public checks passed", "%d dari %d pemeriksaan publik lolos"}
	txtPassedList   = text{"(passed: %s)", "(lolos: %s)"}
	txtFailedCheck  = text{"failed check", "pemeriksaan yang gagal"}
	txtInputs       = text{"inputs", "input"}
	txtWrong        = text{"what went wrong", "apa yang salah"}
	txtHint         = text{"Hint:", "Petunjuk:"}
	txtHintText     = text{"hint: %s", "petunjuk: %s"}
	txtInputsText   = text{"inputs: %s", "input: %s"}
	txtExercisesOK  = text{"%d of %d exercises pass their public checks", "%d dari %d exercise lolos pemeriksaan publiknya"}
	txtDone         = text{"%d of %d exercises done", "%d dari %d exercise selesai"}

	// Concept checks.
	txtChoose   = text{"%s: answer with the letter of one option (%s)", "%s: jawab dengan huruf salah satu pilihan (%s)"}
	txtNumber   = text{"%s: answer with a number", "%s: jawab dengan sebuah angka"}
	txtRight    = text{"%s: %s is right.", "%s: %s benar."}
	txtNotRight = text{"%s: %s is not right; think again with the explanation below.", "%s: %s belum benar; pikirkan lagi dengan penjelasan di bawah."}
	txtWhy      = text{"Why:", "Mengapa:"}
)

// hint is the report's hint in the current language.
func (r Report) hint() string {
	if language() == "id" {
		if ex, ok := Lookup(r.Exercise); ok {
			return ex.HintIn("id")
		}
	}
	return r.Hint
}
