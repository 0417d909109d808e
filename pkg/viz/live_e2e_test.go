package viz

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/internal/browser"
	"github.com/deepdive-dl/backprop/internal/e2e"
)

// liveNotebook has two training-like cells feeding a live chart: 30
// epochs of 100 ms each (the chart is seen growing), then 45 epochs of
// 8 ms (many points arrive between two redraws, and the final chart comes
// while the last redraw is still animating, as in a fast training
// run). The first cell points the notebook's module at this repository.
func liveNotebook(repo string) string {
	cell := func(src string) map[string]any {
		return map[string]any{"cell_type": "code", "metadata": map[string]any{}, "outputs": []any{},
			"execution_count": nil, "source": src}
	}
	nb := map[string]any{
		"nbformat": 4, "nbformat_minor": 5,
		"metadata": map[string]any{
			"kernelspec":    map[string]any{"name": "gonb", "display_name": "Go (gonb)", "language": "go"},
			"language_info": map[string]any{"name": "go"},
		},
		"cells": []any{
			cell(fmt.Sprintf("!*go mod edit -replace \"github.com/deepdive-dl/backprop=%s\" "+
				"-require=github.com/deepdive-dl/backprop@v0.0.0-00010101000000-000000000000", repo)),
			cell(`import (
	"math"
	"time"

	"github.com/deepdive-dl/backprop/pkg/viz"
)

%%
live := viz.NewLiveLoss(viz.Options{Title: "Training"})
for epoch := range 30 {
	time.Sleep(100 * time.Millisecond)
	live.Add(epoch, math.Exp(-float64(epoch)/8), math.Exp(-float64(epoch)/10)+0.05)
}
live.Close()`),
			cell(`%%
live := viz.NewLiveLoss(viz.Options{Title: "Fast training", LogY: true})
for epoch := 1; epoch <= 45; epoch++ {
	time.Sleep(8 * time.Millisecond)
	live.Add(epoch, math.Exp(-float64(epoch)/8), math.Exp(-float64(epoch)/10)+0.05)
}
live.Close()`),
		},
	}
	b, _ := json.MarshalIndent(nb, "", " ")
	return string(b)
}

func repoRoot(t *testing.T) string {
	_, file, _, _ := runtime.Caller(0)
	root := filepath.Join(filepath.Dir(file), "..", "..")
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatal(err)
	}
	return root
}

// startJupyter runs a Jupyter Notebook server on 127.0.0.1 with a random
// token, serving dir, and stops it (and its kernels) when the test ends.
func startJupyter(t *testing.T, dir string) (base, token string) {
	t.Helper()
	tok := make([]byte, 16)
	_, _ = rand.Read(tok)
	token = hex.EncodeToString(tok)
	port := e2e.FreePort(t)
	cmd := exec.Command("jupyter", "notebook", "--no-browser", "--ip=127.0.0.1",
		fmt.Sprintf("--port=%d", port), "--port-retries=0", "--NotebookApp.token="+token,
		"--notebook-dir="+dir)
	if os.Geteuid() == 0 { // containers and CI runners
		cmd.Args = append(cmd.Args, "--allow-root")
	}
	cmd.Env = append(os.Environ(), "JUPYTER_RUNTIME_DIR="+filepath.Join(dir, ".runtime"))
	logf, err := os.Create(filepath.Join(dir, "server.log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true} // its kernels go with it
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { _ = cmd.Wait(); close(done) }()
	t.Cleanup(func() {
		_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGTERM)
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			_ = syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL)
		}
		logf.Close()
		if t.Failed() {
			b, _ := os.ReadFile(logf.Name())
			t.Logf("server log:\n%s", tail(string(b), 4000))
		}
	})
	base = fmt.Sprintf("http://127.0.0.1:%d", port)
	deadline := time.Now().Add(30 * time.Second)
	for {
		resp, err := http.Get(base + "/api/status?token=" + token)
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return base, token
			}
		}
		select {
		case <-done:
			t.Fatalf("jupyter notebook exited (see the server log)")
		case <-time.After(200 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatalf("jupyter notebook did not answer on %s: %v", base, err)
		}
	}
}

// liveState is what the page shows of the live cell's chart.
type liveState struct {
	ID      string `json:"id"`
	Points  int    `json:"points"` // points in the train series of the chart instance
	Running bool   `json:"running"`
	Static  bool   `json:"static"`  // the element holds the final chart's image (not yet replaced)
	Outputs int    `json:"outputs"` // outputs of the cell
	Same    bool   `json:"same"`    // the chart instance is the first one seen: moved, not rebuilt
}

const liveStateJS = `() => {
  const cell = Jupyter.notebook.get_cell(1);
  const d = cell.output_area.element[0].querySelector("div.bpviz");
  const c = d && window.__bpviz && window.__bpviz[d.id];
  let points = -1;
  if (c) { const s = c.getOption().series; points = s.length ? s[0].data.length : 0; }
  if (c && !window.__firstLive) window.__firstLive = c;
  return {id: d ? d.id : "", points: points, running: cell.element.hasClass("running"), static: !!(d && d.querySelector("img")),
    outputs: cell.output_area.outputs.length, same: !c || c === window.__firstLive};
}`

// TestLiveChartUpdatesInNotebook runs a training-like cell in a real
// Jupyter Notebook server, opened in Chromium, and watches the live chart
// grow while the cell runs; then the cell's output must be a normal chart.
func TestLiveChartUpdatesInNotebook(t *testing.T) {
	requireJupyter(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "live.ipynb"), []byte(liveNotebook(repoRoot(t))), 0o644); err != nil {
		t.Fatal(err)
	}
	base, token := startJupyter(t, dir)
	b, err := browser.Launch(browser.Options{LocalOnly: true, Width: 1200, Height: 1000})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p, err := b.Open(base + "/notebooks/live.ipynb?token=" + token)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.WaitTrue(`() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel &&
		Jupyter.notebook.kernel.is_connected()`, 60*time.Second); err != nil {
		t.Fatalf("kernel did not start: %v", err)
	}
	if _, err := p.Eval(`() => Jupyter.notebook.execute_all_cells()`); err != nil {
		t.Fatal(err)
	}
	// The first build of the cell may take a while; then the chart shows.
	if err := p.WaitTrue(`() => !!Jupyter.notebook.get_cell(1).output_area.element[0].querySelector("div.bpviz")`,
		90*time.Second); err != nil {
		t.Fatalf("no live chart appeared: %v", err)
	}
	var seen []int // point counts observed while the cell runs, in order
	var last liveState
	deadline := time.Now().Add(60 * time.Second)
	for time.Now().Before(deadline) {
		res, err := p.Eval(liveStateJS)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &last); err != nil {
			t.Fatal(err)
		}
		if !last.Running {
			break
		}
		if last.Points >= 0 && (len(seen) == 0 || seen[len(seen)-1] != last.Points) {
			seen = append(seen, last.Points)
		}
		if !last.Same {
			t.Errorf("the live chart was rebuilt at %d points, want it updated in place", last.Points)
		}
		if last.Points > 1 {
			checkLinesDrawn(t, p, last.ID, fmt.Sprintf("while the cell ran (%d points)", last.Points), true)
		}
		if last.Outputs > 1 {
			t.Errorf("the cell has %d outputs while it runs, want the chart's only", last.Outputs)
		}
		time.Sleep(40 * time.Millisecond)
	}
	t.Logf("point counts seen while the cell ran: %v", seen)
	if len(seen) < 3 {
		t.Errorf("the chart changed %d times while the cell ran, want at least 2", max(len(seen)-1, 0))
	}
	for i := 1; i < len(seen); i++ {
		if seen[i] < seen[i-1] {
			t.Errorf("point count went back from %d to %d", seen[i-1], seen[i])
		}
	}
	if last.Running {
		t.Fatal("the cell did not finish")
	}
	// Close replaced the live chart by the final one, drawn from all 30 epochs.
	if err := p.WaitTrue(`() => { const d = Jupyter.notebook.get_cell(1).output_area.element[0].querySelector("div.bpviz");
		const c = d && window.__bpviz && window.__bpviz[d.id];
		return !!c && c.getOption().series[0].data.length === 30; }`, 10*time.Second); err != nil {
		t.Errorf("final chart not drawn with 30 points: %v", err)
	}
	// One output, the chart: no empty one left over from the updates.
	res, err := p.Eval(`() => Jupyter.notebook.get_cell(1).output_area.outputs.map(o => o.output_type + ":" +
		(o.data && o.data["text/html"] ? o.data["text/html"].length : 0))`)
	if err != nil {
		t.Fatal(err)
	}
	var outputs []string
	if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &outputs); err != nil {
		t.Fatal(err)
	}
	if len(outputs) != 1 || !strings.HasPrefix(outputs[0], "display_data:") || outputs[0] == "display_data:0" {
		t.Errorf("the cell's outputs are %v, want one display of the chart", outputs)
	}
	checkLinesDrawn(t, p, last.ID, "after the cell ended", false)
	// The fast cell: its points arrive faster than the chart redraws.
	if err := p.WaitTrue(`() => Jupyter.notebook.get_cell(2).output_area.element[0].querySelector("div.bpviz") &&
		!Jupyter.notebook.get_cell(2).element.hasClass("running") && !Jupyter.notebook.kernel_busy`, 60*time.Second); err != nil {
		t.Fatalf("the fast cell did not finish: %v", err)
	}
	res, err = p.Eval(`() => Jupyter.notebook.get_cell(2).output_area.element[0].querySelector("div.bpviz").id`)
	if err != nil {
		t.Fatal(err)
	}
	checkLinesDrawn(t, p, res.Value.Str(), "after the fast cell ended", false)
	checkNoScriptErrors(t, p)
	time.Sleep(time.Second) // let the last redraw settle before the picture
	shot := filepath.Join(artifactDir(t), "live.png")
	if err := p.Screenshot(shot); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
	if _, err := p.Eval(`() => Jupyter.notebook.kernel.kill()`); err != nil && !strings.Contains(err.Error(), "context") {
		t.Logf("stopping the kernel: %v", err)
	}
}

// checkLinesDrawn fails the test where the chart's drawn lines differ
// from its data (see browser.Page.LineProblems).
func checkLinesDrawn(t *testing.T, p *browser.Page, id, when string, running bool) {
	t.Helper()
	problems, err := p.LineProblems(id, running)
	if err != nil {
		t.Errorf("%s: %v", when, err)
	}
	for _, m := range problems {
		t.Errorf("%s: the chart is drawn wrong: %s", when, m)
	}
}
