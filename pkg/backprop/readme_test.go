package backprop

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMEOwnModule follows the README's "Use the library in your own
// module" as a reader would: a new module that requires the library by a
// replace pointing at this clone, the README's main.go, go mod tidy and
// go run. The program must print what the section promises, and the new
// module must not depend on the MNIST data module.
func TestREADMEOwnModule(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module; skipped with -short")
	}
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	section := sectionOf(t, string(readme), "## Use the library in your own module")
	mainGo := fenced(t, section, "```go\n")
	sh := fenced(t, section, "```sh\n")
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	script := strings.ReplaceAll(sh, "/path/to/this/clone", root)
	run(t, dir, "bash", "-euc", script)
	work := filepath.Join(dir, "iris")
	if err := os.WriteFile(filepath.Join(work, "main.go"), []byte(mainGo), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, work, "go", "mod", "tidy")
	out := run(t, work, "go", "run", ".")
	for _, want := range []string{"early stopping: the loss stopped improving; weights of epoch", "test accuracy 0.93"} {
		if !strings.Contains(out, want) {
			t.Errorf("the README's program printed %q, want it to contain %q", out, want)
		}
	}
	if deps := run(t, work, "go", "list", "-deps", "."); strings.Contains(strings.ToLower(deps), "mnist") {
		t.Errorf("the README's module depends on MNIST:\n%s", deps)
	}
}

// sectionOf returns the part of a Markdown text from the heading to the
// next heading of the same level.
func sectionOf(t *testing.T, text, heading string) string {
	t.Helper()
	i := strings.Index(text, heading+"\n")
	if i < 0 {
		t.Fatalf("README has no section %q", heading)
	}
	rest := text[i+len(heading):]
	if j := strings.Index(rest, "\n## "); j >= 0 {
		rest = rest[:j]
	}
	return rest
}

// fenced returns the body of the first code block that opens with fence.
func fenced(t *testing.T, text, fence string) string {
	t.Helper()
	i := strings.Index(text, fence)
	if i < 0 {
		t.Fatalf("no %q block", strings.TrimSpace(fence))
	}
	body := text[i+len(fence):]
	j := strings.Index(body, "```")
	if j < 0 {
		t.Fatalf("unterminated %q block", strings.TrimSpace(fence))
	}
	return body[:j]
}

func run(t *testing.T, dir, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}
