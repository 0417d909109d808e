// Package i18n holds the course's two languages, English and Bahasa
// Indonesia, for the text learners read: the check tables and concept
// checks of exercises/checks, and the grader's feedback. A Phrase is one
// sentence in both languages, with fmt verbs in the same order; a Lang
// says it.
package i18n

import (
	"fmt"
	"os"
	"path/filepath"
)

// Lang is a language of the course.
type Lang string

const (
	English    Lang = "en"
	Indonesian Lang = "id"
)

// Parse accepts "en", "id" or "" (English).
func Parse(s string) (Lang, error) {
	switch Lang(s) {
	case "", English:
		return English, nil
	case Indonesian:
		return Indonesian, nil
	}
	return "", fmt.Errorf("unknown language %q: want en or id", s)
}

// EnvVar names the environment variable that chooses the language of what
// the course's own code prints in a notebook or a terminal: "id" for
// Bahasa Indonesia, "en" for English.
const EnvVar = "BACKPROP_LANG"

// FromEnv returns the language EnvVar names or, without it, that of the
// notebook being run: Indonesian in the Indonesian edition (a directory
// named id, which GoNB gives as GONB_DIR), English everywhere else.
func FromEnv() Lang {
	switch l := Lang(os.Getenv(EnvVar)); l {
	case English, Indonesian:
		return l
	}
	if dir := os.Getenv("GONB_DIR"); dir != "" && filepath.Base(filepath.Clean(dir)) == "id" {
		return Indonesian
	}
	return English
}

// Phrase is one sentence in each language, English then Indonesian, with
// fmt verbs in the same order: Phrase{"%d of %d done", "%d dari %d selesai"}.
type Phrase [2]string

// Say formats p in the language l (English unless l is Indonesian).
func (l Lang) Say(p Phrase, args ...any) string {
	f := p[0]
	if l == Indonesian {
		f = p[1]
	}
	return fmt.Sprintf(f, args...)
}
