package notebooks

import (
	"encoding/json"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// notebook is the part of the .ipynb format these checks read.
type notebook struct {
	Metadata struct {
		Kernelspec struct {
			Name string `json:"name"`
		} `json:"kernelspec"`
		LanguageInfo map[string]string `json:"language_info"`
	} `json:"metadata"`
	Cells []struct {
		CellType       string            `json:"cell_type"`
		Source         json.RawMessage   `json:"source"`
		Outputs        []json.RawMessage `json:"outputs"`
		ExecutionCount *int              `json:"execution_count"`
	} `json:"cells"`
}

// source joins a cell's source, stored either as one string or as lines.
func source(raw json.RawMessage) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	var lines []string
	_ = json.Unmarshal(raw, &lines)
	return strings.Join(lines, "")
}

// loadNotebooks reads the notebooks of both editions: English in
// notebooks/, Indonesian in notebooks/id/.
func loadNotebooks(t *testing.T) map[string]notebook {
	t.Helper()
	paths, err := filepath.Glob("*.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	translated, err := filepath.Glob("id/*.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, translated...)
	if len(paths) == 0 {
		t.Fatal("no notebooks found in notebooks/")
	}
	nbs := map[string]notebook{}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		var nb notebook
		if err := json.Unmarshal(data, &nb); err != nil {
			t.Fatalf("%s: not a notebook: %v", p, err)
		}
		nbs[p] = nb
	}
	return nbs
}

// Outputs make diffs unreadable and go stale; `make strip` removes them.
func TestNotebooksAreStoredWithoutOutputs(t *testing.T) {
	for path, nb := range loadNotebooks(t) {
		for i, c := range nb.Cells {
			if len(c.Outputs) > 0 || c.ExecutionCount != nil {
				t.Errorf("%s: cell %d is stored with outputs; run `make strip` before committing", path, i+1)
			}
		}
	}
}

func TestNotebooksUseTheGoNBKernelAndThisRepository(t *testing.T) {
	const module = "github.com/deepdive-dl/backprop"
	for path, nb := range loadNotebooks(t) {
		if got := nb.Metadata.Kernelspec.Name; got != "gonb" {
			t.Errorf("%s: kernel is %q, want gonb", path, got)
		}
		var first string
		for _, c := range nb.Cells {
			if c.CellType == "code" {
				first = source(c.Source)
				break
			}
		}
		if !strings.Contains(first, "go mod edit -replace") || !strings.Contains(first, module) {
			t.Errorf("%s: the first code cell must point the notebook at this repository (go mod edit -replace %s=...)", path, module)
		}
	}
}

// Jupyter writes the kernel's language_info into a notebook it opens; one
// stored without it opens with unsaved changes, which the browser test
// (TestNotebooksOpenClean) catches only minutes later. This is the quick
// check: every notebook of both editions stores the same language_info as
// the first, and it is Go's.
func TestNotebooksStoreTheKernelsLanguageInfo(t *testing.T) {
	nbs := loadNotebooks(t)
	first := nbs["00-start-here.ipynb"].Metadata.LanguageInfo
	if first["name"] != "go" || !strings.HasPrefix(first["version"], "go") || first["mimetype"] != "text/x-go" {
		t.Fatalf("00-start-here.ipynb: language_info %v, want GoNB's (name go, version go1.x, mimetype text/x-go)", first)
	}
	for path, nb := range nbs {
		if !maps.Equal(nb.Metadata.LanguageInfo, first) {
			t.Errorf("%s: language_info %v, want %v as in 00-start-here.ipynb", path, nb.Metadata.LanguageInfo, first)
		}
	}
}
