package notebooks

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/internal/e2e"
)

// needTool skips (or, under `make test`, fails) when a command is missing.
func needTool(t *testing.T, path, hint string) {
	t.Helper()
	if _, err := exec.LookPath(path); err != nil {
		e2e.Missing(t, path, fmt.Errorf("%w (%s)", err, hint))
	}
}

// executeNotebook runs the notebook headless with the gonb kernel, as
// `make test` does, and returns the path of the executed copy.
func executeNotebook(t *testing.T, name string) string {
	t.Helper()
	needTool(t, "/usr/bin/python3", "Debian's python3 with Jupyter")
	if err := exec.Command("/usr/bin/python3", "-c", "import nbconvert").Run(); err != nil {
		needTool(t, "no-nbconvert-here", "jupyter-nbconvert")
	}
	out := t.TempDir()
	abs, err := filepath.Abs(name)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("../scripts/run-notebooks.sh", abs)
	cmd.Env = append(os.Environ(), "NOTEBOOK_OUT="+out)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("executing %s: %v\n%s", name, err, msg)
	}
	return filepath.Join(out, name)
}

// exportHTML turns an executed notebook into a standalone HTML page with
// nbconvert, as a learner would to share their work, and returns its path.
func exportHTML(t *testing.T, executed string) string {
	t.Helper()
	dir := filepath.Dir(executed)
	cmd := exec.Command("/usr/bin/python3", "-m", "nbconvert", "--to", "html", "--output-dir", dir, executed)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("exporting %s to HTML: %v\n%s", executed, err, msg)
	}
	return strings.TrimSuffix(executed, ".ipynb") + ".html"
}
