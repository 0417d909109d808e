package notebooks

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A guide is the instructor's guide of one edition of the course: it
// answers every Try it prompt of that edition's notebooks and names the
// live demos. The Indonesian guide is a translation of the English one.
type guide struct {
	path      string // the guide, from notebooks/
	notebooks string // a glob of the edition's notebooks
	marker    string // what the edition calls a Try it
}

var guides = []guide{
	{path: guidePath, notebooks: "*.ipynb", marker: "Try it"},
	{path: "../docs/instructor-guide.id.md", notebooks: "id/*.ipynb", marker: "Coba sendiri"},
}

// guidePath is the English instructor's guide.
const guidePath = "../docs/instructor-guide.md"

// A Try it prompt is a paragraph that starts with "Try it:" (or "*Try it:*";
// in the Indonesian notebooks "Coba sendiri:"), or one item of the list
// under a "## Try it" (or "## Coba sendiri") heading. The guide answers
// prompt k of notebook NN under a heading
//
//	#### Try it NN.k · *the first words of the prompt*
//
// (in the Indonesian guide "#### Coba sendiri NN.k · *...*") whose quoted
// words must start the prompt's text (emphasis marks and spaces aside), so
// that an edited or reordered prompt shows up here.
var (
	tryItLine    = regexp.MustCompile(`^\*?(?:Try it|Coba sendiri):?\*?:?\s*(.*)$`)
	tryItHeading = map[string]bool{"Try it": true, "Coba sendiri": true}
	headingLine  = regexp.MustCompile(`^#+ (.*)$`)
	guideEntry   = regexp.MustCompile(`(?m)^#### (?:Try it|Coba sendiri) (\d\d)\.(\d+) · (.+)$`)
	emphasis     = strings.NewReplacer("*", "")
	spaceRuns    = regexp.MustCompile(`\s+`)
	minAnswerLen = 150 // characters: more than a restatement of the prompt
)

// prompt is one Try it of a notebook.
type prompt struct {
	id   string // "03.2": the notebook's number and the prompt's ordinal
	text string
}

// normal strips emphasis marks and runs of spaces, for comparing quotes.
func normal(s string) string {
	return strings.TrimSpace(spaceRuns.ReplaceAllString(emphasis.Replace(s), " "))
}

// tryIts returns the Try it prompts of a notebook's Markdown cells, in order.
func tryIts(number string, nb notebook) []prompt {
	var out []prompt
	add := func(text string) {
		out = append(out, prompt{id: fmt.Sprintf("%s.%d", number, len(out)+1), text: text})
	}
	inSection := false
	for _, c := range nb.Cells {
		if c.CellType != "markdown" {
			continue
		}
		for _, line := range strings.Split(source(c.Source), "\n") {
			if m := headingLine.FindStringSubmatch(line); m != nil {
				inSection = tryItHeading[normal(m[1])]
				continue
			}
			switch {
			case inSection && strings.HasPrefix(line, "- "):
				add(line[2:])
			case inSection && strings.HasPrefix(line, "  ") && len(out) > 0:
				out[len(out)-1].text += " " + strings.TrimSpace(line)
			case !inSection && tryItLine.MatchString(line):
				add(tryItLine.FindStringSubmatch(line)[1])
			}
		}
	}
	return out
}

// TestGuideAnswersEveryTryIt checks that each edition's instructor's guide
// (docs/instructor-guide.md, docs/instructor-guide.id.md) has one answer for
// every Try it prompt of that edition's notebooks, quoting its first words,
// and no answer to a prompt that does not exist.
func TestGuideAnswersEveryTryIt(t *testing.T) {
	nbs := loadNotebooks(t)
	for _, g := range guides {
		t.Run(filepath.Base(g.path), func(t *testing.T) {
			checkTryIts(t, g, nbs)
		})
	}
}

// checkTryIts checks one guide against the notebooks of its edition.
func checkTryIts(t *testing.T, g guide, nbs map[string]notebook) {
	text := readGuide(t, g.path)
	entries := map[string]string{} // id -> quoted words
	answers := map[string]string{} // id -> text up to the next heading
	nextHeading := regexp.MustCompile(`(?m)^#`)
	for _, loc := range guideEntry.FindAllStringSubmatchIndex(text, -1) {
		id := text[loc[2]:loc[3]] + "." + text[loc[4]:loc[5]]
		if _, dup := entries[id]; dup {
			t.Errorf("%s answers Try it %s twice", g.path, id)
		}
		entries[id] = normal(text[loc[6]:loc[7]])
		end := len(text)
		if next := nextHeading.FindStringIndex(text[loc[1]:]); next != nil {
			end = loc[1] + next[0]
		}
		answers[id] = strings.TrimSpace(text[loc[1]:end])
	}
	found := 0
	for path, nb := range nbs {
		if ok, _ := filepath.Match(g.notebooks, path); !ok {
			continue
		}
		for _, p := range tryIts(filepath.Base(path)[:2], nb) {
			found++
			quote, ok := entries[p.id]
			if !ok {
				t.Errorf("%s: Try it %s (%q) has no answer in %s: add a heading \"#### %s %s · *first words*\"",
					path, p.id, shorten(p.text), g.path, g.marker, p.id)
				continue
			}
			delete(entries, p.id)
			if len(strings.Fields(quote)) < 2 || !strings.HasPrefix(normal(p.text), quote) {
				t.Errorf("%s: %s's Try it %s quotes %q, but the prompt reads %q",
					path, g.path, p.id, quote, shorten(normal(p.text)))
			}
			if len(answers[p.id]) < minAnswerLen {
				t.Errorf("%s's answer to Try it %s is too short: %q", g.path, p.id, answers[p.id])
			}
		}
	}
	for id, quote := range entries {
		t.Errorf("%s answers Try it %s (%q), which no notebook of %s has", g.path, id, quote, g.notebooks)
	}
	if found < 10 {
		t.Errorf("found only %d Try it prompts in %s: is the pattern still right?", found, g.notebooks)
	}
}

// namedIn reports whether the guide quotes (after a backtick) the first 20
// characters of one of the lines of a cell's source.
func namedIn(guide, src string) bool {
	for _, line := range strings.Split(src, "\n") {
		line = strings.TrimSpace(line)
		if len(line) > 20 {
			line = line[:20]
		}
		if line != "" && line != "%%" && strings.Contains(guide, "`"+line) {
			return true
		}
	}
	return false
}

// readGuide returns the guide, or skips the test in a copy of the course
// without one: the learners' copy (make release) leaves docs/ out.
func readGuide(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("no %s in this copy of the course", path)
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func shorten(s string) string {
	if len(s) > 80 {
		return s[:80] + "…"
	}
	return s
}

// TestGuideNamesTheLiveDemos checks that every cell tagged "live-demo" is
// in the table of live demos of its edition's guide, by the start of one of
// its lines, and that the notebooks' slide metadata is what
// scripts/slide-layout.py sets (the Indonesian notebooks copy it).
func TestGuideNamesTheLiveDemos(t *testing.T) {
	for _, g := range guides {
		t.Run(filepath.Base(g.path), func(t *testing.T) {
			checkLiveDemos(t, g)
		})
	}
	needTool(t, "/usr/bin/python3", "Debian's python3 with nbformat")
	if msg, err := exec.Command("/usr/bin/python3", "../scripts/slide-layout.py", "--check").CombinedOutput(); err != nil {
		t.Errorf("scripts/slide-layout.py --check: %v\n%s", err, msg)
	}
}

// checkLiveDemos checks one guide against the live demos of its edition.
func checkLiveDemos(t *testing.T, g guide) {
	text := readGuide(t, g.path)
	demos := 0
	paths, _ := filepath.Glob(g.notebooks)
	for _, path := range paths {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var nb struct {
			Cells []struct {
				Metadata struct {
					Tags      []string `json:"tags"`
					Slideshow struct {
						SlideType string `json:"slide_type"`
					} `json:"slideshow"`
				} `json:"metadata"`
				Source json.RawMessage `json:"source"`
			} `json:"cells"`
		}
		if err := json.Unmarshal(raw, &nb); err != nil {
			t.Fatal(err)
		}
		for i, c := range nb.Cells {
			if c.Metadata.Slideshow.SlideType == "" {
				t.Errorf("%s: cell %d has no slide type: run scripts/slide-layout.py (and make translations)", path, i+1)
			}
			for _, tag := range c.Metadata.Tags {
				if tag != "live-demo" {
					continue
				}
				demos++
				if !namedIn(text, source(c.Source)) {
					t.Errorf("%s: the live demo %q is not in the table of %s (quote the start of one of its lines)",
						path, shorten(source(c.Source)), g.path)
				}
			}
		}
	}
	if demos < 4 {
		t.Errorf("only %d cells of %s are tagged live-demo", demos, g.notebooks)
	}
}
