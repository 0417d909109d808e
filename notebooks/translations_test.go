package notebooks

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The Indonesian edition is built from the English notebooks and the
// per-cell translations in notebooks/id/translations/ by scripts/translations.py.

// translationsCheck runs `scripts/translations.py check` on the course in
// root and returns its output and whether it passed.
func translationsCheck(t *testing.T, root string) (string, bool) {
	t.Helper()
	needTool(t, "/usr/bin/python3", "Debian's python3 with nbformat")
	cmd := exec.Command("/usr/bin/python3", "../scripts/translations.py", "check", "--root", root)
	out, err := cmd.CombinedOutput()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatalf("running scripts/translations.py: %v", err)
	}
	return string(out), err == nil
}

// Every English cell has a translation for its current text, and the
// Indonesian notebooks are exactly what the translations build.
func TestTranslationsAreInStep(t *testing.T) {
	if out, ok := translationsCheck(t, ".."); !ok {
		t.Errorf("the Indonesian edition is out of step with the English one (fix the translations in notebooks/id/translations/, "+
			"`make translations-status` shows what changed, `make translations` rebuilds):\n%s", out)
	}
}

// copyCourse copies the notebooks of both editions and the translations
// into a new directory laid out like the repository.
func copyCourse(t *testing.T) string {
	t.Helper()
	root := t.TempDir()
	if err := os.MkdirAll(filepath.Join(root, "notebooks", "id", "translations"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, glob := range []string{"*.ipynb", "id/*.ipynb", "id/translations/*.id.md"} {
		paths, _ := filepath.Glob(glob)
		if len(paths) == 0 {
			t.Fatalf("no files match notebooks/%s", glob)
		}
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(root, "notebooks", p), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	return root
}

// editCells rewrites the cells of a notebook in the copy.
func editCells(t *testing.T, path string, edit func(cells []any) []any) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var nb map[string]any
	if err := json.Unmarshal(data, &nb); err != nil {
		t.Fatal(err)
	}
	nb["cells"] = edit(nb["cells"].([]any))
	out, err := json.MarshalIndent(nb, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// firstCell returns the index of the first cell of the given type.
func firstCell(t *testing.T, cells []any, kind string) int {
	t.Helper()
	for i, c := range cells {
		if c.(map[string]any)["cell_type"] == kind {
			return i
		}
	}
	t.Fatalf("no %s cell", kind)
	return -1
}

// The check fails on each kind of drift planted in a copy of the course.
func TestTranslationsCheckFailsOnDrift(t *testing.T) {
	const nb = "00-start-here.ipynb"
	if out, ok := translationsCheck(t, copyCourse(t)); !ok {
		t.Fatalf("the unchanged copy should pass:\n%s", out)
	}
	stub, err := exec.Command("/usr/bin/python3", "../scripts/translations.py", "stub", "00").Output()
	if err != nil {
		t.Fatalf("scripts/translations.py stub 00: %v", err)
	}
	appendText := func(kind, text string) func(cells []any) []any {
		return func(cells []any) []any {
			c := cells[firstCell(t, cells, kind)].(map[string]any)
			c["source"] = source(mustJSON(t, c["source"])) + text
			return cells
		}
	}
	for _, tc := range []struct {
		name string
		file string // in notebooks/ of the copy
		edit func(cells []any) []any
		raw  func(string) string // edits the file as text instead
		want string
	}{
		{name: "English Markdown changed", file: nb, edit: appendText("markdown", "\nA new sentence."),
			want: "cell 1 (md) changed or is new in English"},
		{name: "English code changed", file: nb, edit: appendText("code", "\n// a new comment"),
			want: "(code) changed or is new in English"},
		{name: "English cell added", file: nb, edit: func(cells []any) []any {
			return append(cells, map[string]any{"cell_type": "markdown", "id": "new", "metadata": map[string]any{}, "source": "## A new section"})
		}, want: "changed or is new in English: no section %%md"},
		{name: "English cell removed", file: nb, edit: func(cells []any) []any {
			return cells[:len(cells)-1]
		}, want: "matches no cell of notebooks/" + nb},
		{name: "Indonesian notebook edited by hand", file: "id/" + nb, raw: func(s string) string {
			return strings.Replace(s, "fmt.Println", "fmt.Print", 1)
		}, want: "notebooks/id/" + nb + ": not what the translation builds"},
		{name: "substitution matches nothing", file: "id/translations/00-start-here.id.md", raw: func(s string) string {
			return strings.Replace(s, "\" => \"", "!\" => \"", 1)
		}, want: "matches nothing in the English code"},
		{name: "formula changed in a translation", file: "id/translations/00-start-here.id.md", raw: func(s string) string {
			return strings.Replace(s, `\tanh(w x + b)$$`, `\tanh(wx + b)$$`, 1)
		}, want: "of the English text is missing or changed"},
		{name: "translation still in English", file: "id/translations/00-start-here.id.md", raw: func(string) string {
			return string(stub)
		}, want: "is still the English text"},
		{name: "Indonesian notebook emptied", file: "id/" + nb, raw: func(string) string { return "" },
			want: "notebooks/id/" + nb + ": not what the translation builds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			root := copyCourse(t)
			path := filepath.Join(root, "notebooks", tc.file)
			if tc.raw != nil {
				data, err := os.ReadFile(path)
				if err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(tc.raw(string(data))), 0o644); err != nil {
					t.Fatal(err)
				}
			} else {
				editCells(t, path, tc.edit)
			}
			out, ok := translationsCheck(t, root)
			if ok {
				t.Fatalf("the check passed after the planted change; output:\n%s", out)
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("the check failed without saying %q:\n%s", tc.want, out)
			}
		})
	}
}

func mustJSON(t *testing.T, v any) json.RawMessage {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}
