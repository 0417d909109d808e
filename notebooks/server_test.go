package notebooks

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/internal/browser"
	"github.com/deepdive-dl/backprop/internal/e2e"
)

// TestNotebookServerRunsAGoCell starts the course the way `make notebook`
// does (scripts/notebook.sh), checks that the server answers and lists the
// gonb kernel, then opens 00-start-here in headless Chromium and runs Go
// code in its kernel.
func TestNotebookServerRunsAGoCell(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a Jupyter server; skipped with -short")
	}
	needTool(t, "jupyter", "Debian package jupyter-notebook")
	needTool(t, "chromium", "Debian package chromium")

	port := e2e.FreePort(t)
	token := fmt.Sprintf("t%d", time.Now().UnixNano())
	cmd := exec.Command("../scripts/notebook.sh", fmt.Sprint(port))
	cmd.Env = append(os.Environ(), "JUPYTER_TOKEN="+token)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	var log strings.Builder
	cmd.Stdout, cmd.Stderr = &log, &log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		_ = cmd.Wait()
	}()

	base := fmt.Sprintf("http://127.0.0.1:%d", port)
	var specs struct {
		Kernelspecs map[string]json.RawMessage `json:"kernelspecs"`
	}
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(base + "/api/kernelspecs?token=" + token)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && json.Unmarshal(body, &specs) == nil {
				break
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the notebook server did not answer on port %d: %v\n%s", port, err, log.String())
		}
		time.Sleep(300 * time.Millisecond)
	}
	if _, ok := specs.Kernelspecs["gonb"]; !ok {
		t.Fatalf("the server does not list the gonb kernel; it lists %v", keys(specs.Kernelspecs))
	}

	br, err := browser.Launch(browser.Options{LocalOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	// The browser reaches local pages by name only (see browser.Options.LocalOnly).
	p, err := br.Open(fmt.Sprintf("http://localhost:%d/notebooks/00-start-here.ipynb?token=%s", port, token))
	if err != nil {
		t.Fatal(err)
	}
	const ready = `() => !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected())`
	if err := p.WaitTrue(ready, 90*time.Second); err != nil {
		t.Fatalf("the gonb kernel did not start in the browser: %v\nserver log:\n%s", err, log.String())
	}
	// Run Go in the notebook's kernel, as a cell would, and collect what it prints.
	res, err := p.Eval(`() => new Promise((resolve) => {
		let out = "";
		Jupyter.notebook.kernel.execute("%%\nfmt.Println(\"answer:\", 6*7)", {
			iopub: { output: (m) => { out += m.content.text || ""; } },
			shell: { reply: () => setTimeout(() => resolve(out), 500) },
		});
	})`)
	if err != nil {
		t.Fatalf("executing a Go cell: %v", err)
	}
	if got := res.Value.Str(); !strings.Contains(got, "answer: 42") {
		t.Fatalf("the Go cell printed %q, want it to contain %q", got, "answer: 42")
	}
}

func keys(m map[string]json.RawMessage) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
