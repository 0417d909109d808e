package notebooks

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
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
	base, token, log := startCourseServer(t)
	var specs struct {
		Kernelspecs map[string]json.RawMessage `json:"kernelspecs"`
	}
	resp, err := http.Get(base + "/api/kernelspecs?token=" + token)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err := json.Unmarshal(body, &specs); err != nil {
		t.Fatalf("kernel specs: %v\n%s", err, body)
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
	p := openNotebook(t, br, base, token, "00-start-here.ipynb", log)
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

// startCourseServer starts the course the way `make notebook` does
// (scripts/notebook.sh, serving notebooks/) on a free port, waits until it
// answers, and stops it with its kernels when the test ends. It returns
// the base URL (by name: the browser reaches localhost only), the token
// and the server's log.
func startCourseServer(t *testing.T) (base, token string, log *syncBuffer) {
	t.Helper()
	if testing.Short() {
		t.Skip("starts a Jupyter server; skipped with -short")
	}
	needTool(t, "jupyter", "Debian package jupyter-notebook")
	needTool(t, "chromium", "Debian package chromium")
	port := e2e.FreePort(t)
	token = fmt.Sprintf("t%d", time.Now().UnixNano())
	cmd := exec.Command("../scripts/notebook.sh", fmt.Sprint(port))
	cmd.Env = append(os.Environ(), "JUPYTER_TOKEN="+token)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	log = &syncBuffer{}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		_ = cmd.Wait()
		if t.Failed() {
			t.Logf("server log:\n%s", log.String())
		}
	})
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/api/status?token=%s", port, token))
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return fmt.Sprintf("http://localhost:%d", port), token, log
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("the notebook server did not answer on port %d: %v", port, err)
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// openNotebook opens a notebook of notebooks/ in the browser, turns its
// autosave off (a test that runs cells must not write their outputs into
// the course) and waits for the gonb kernel.
func openNotebook(t *testing.T, br *browser.Browser, base, token, name string, log *syncBuffer) *browser.Page {
	t.Helper()
	p, err := br.Open(base + "/notebooks/" + name + "?token=" + token)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.WaitTrue(`() => !!(window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded)`, 60*time.Second); err != nil {
		t.Fatalf("%s did not load: %v", name, err)
	}
	if _, err := p.Eval(`() => Jupyter.notebook.set_autosave_interval(0)`); err != nil {
		t.Fatal(err)
	}
	const ready = `() => !!(Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected() && Jupyter.notebook.kernel.info_reply && Jupyter.notebook.kernel.info_reply.language_info)`
	if err := p.WaitTrue(ready, 90*time.Second); err != nil {
		t.Fatalf("the gonb kernel did not start for %s: %v", name, err)
	}
	return p
}

// syncBuffer is a strings.Builder that a process may write to while the
// test reads it.
type syncBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func keys(m map[string]json.RawMessage) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}
