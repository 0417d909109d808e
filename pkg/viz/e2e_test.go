package viz

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/internal/browser"
	"github.com/deepdive-dl/backprop/internal/e2e"
)

// End-to-end tests: real notebooks, a real kernel, a real browser. They
// skip when a tool is missing, unless BACKPROP_E2E=1 (set by `make test`)
// makes that a failure.

// requireJupyter checks for jupyter, the gonb kernel, node, ECharts and
// Chromium.
func requireJupyter(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("jupyter"); err != nil {
		e2e.Missing(t, "jupyter", err)
	}
	// Debian's jupyter has no kernelspec subcommand; ask jupyter_client.
	out, err := exec.Command("/usr/bin/python3", "-c", "from jupyter_client.kernelspec import KernelSpecManager as K; "+
		"print(list(K().find_kernel_specs()))").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "'gonb'") {
		e2e.Missing(t, "the gonb Jupyter kernel", fmt.Errorf("kernels: %s %v", strings.TrimSpace(string(out)), err))
	}
	requireBrowser(t)
}

func requireBrowser(t *testing.T) {
	t.Helper()
	requireStatic(t)
	if _, err := browser.Find(); err != nil {
		e2e.Missing(t, "chromium", err)
	}
}

// artifactDir is where e2e tests leave screenshots and exported pages for
// a person to look at; it outlives the test.
func artifactDir(t *testing.T) string {
	dir := filepath.Join(os.TempDir(), "backprop-viz-e2e")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func run(t *testing.T, timeout time.Duration, name string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, tail(string(out), 3000))
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// checkDrawn waits until every chart of the page is drawn, checks that
// there are want of them, and leaves ECharts the second its first drawing
// is animated for.
func checkDrawn(t *testing.T, p *browser.Page, timeout time.Duration, want int) {
	t.Helper()
	n, err := p.ChartsDrawn(timeout)
	if err != nil {
		t.Error(err)
	}
	if n != want {
		t.Errorf("page has %d charts, want %d", n, want)
	}
	time.Sleep(1500 * time.Millisecond)
}

func checkNoScriptErrors(t *testing.T, p *browser.Page) {
	t.Helper()
	for _, e := range p.Errors() {
		t.Errorf("page script error: %s", e)
	}
	for _, l := range p.Logs() {
		t.Logf("browser log: %s", l)
	}
}

// notebookOutputs returns the text/html outputs of an executed notebook.
func notebookOutputs(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var nb struct {
		Cells []struct {
			Outputs []struct {
				Data map[string]json.RawMessage `json:"data"`
			} `json:"outputs"`
		} `json:"cells"`
	}
	if err := json.Unmarshal(b, &nb); err != nil {
		t.Fatal(err)
	}
	var htmls []string
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			raw, ok := o.Data["text/html"]
			if !ok {
				continue
			}
			var s string
			if json.Unmarshal(raw, &s) != nil { // nbformat may store lines
				var lines []string
				_ = json.Unmarshal(raw, &lines)
				s = strings.Join(lines, "")
			}
			htmls = append(htmls, s)
		}
	}
	return htmls
}

// TestNotebookChartsDraw executes testdata/allcharts.ipynb headless on the
// GoNB kernel, exports it to HTML and opens the page offline: every chart
// must draw and no script may fail. The page is the one a learner gets
// from "File > Download as > HTML", RequireJS included.
func TestNotebookChartsDraw(t *testing.T) {
	requireJupyter(t)
	out := t.TempDir()
	start := time.Now()
	run(t, 150*time.Second, "jupyter", "nbconvert", "--to", "notebook", "--execute",
		"--ExecutePreprocessor.kernel_name=gonb", "--ExecutePreprocessor.timeout=120",
		"--output-dir", out, filepath.Join("testdata", "allcharts.ipynb"))
	t.Logf("executed the notebook in %v", time.Since(start).Round(time.Millisecond))
	executed := filepath.Join(out, "allcharts.ipynb")

	// The library goes out once; every chart carries a static image.
	charts, libraries := 0, 0
	for i, h := range notebookOutputs(t, executed) {
		if strings.TrimSpace(h) == "" {
			t.Errorf("output %d is empty", i) // it would show as a blank slot
		}
		n := strings.Count(h, `<div id="bpviz-`)
		if n == 0 {
			continue
		}
		charts += n
		lib := strings.Contains(h, "(function(define,module,exports)")
		if lib {
			libraries++
		}
		if !strings.Contains(h, `<img src="data:image/svg+xml,`) {
			t.Errorf("output %d has no static image", i)
		}
		t.Logf("output %d: %d bytes (library included: %v)", i, len(h), lib)
	}
	if libraries != 1 {
		t.Errorf("ECharts sent %d times, want once", libraries)
	}
	const wantCharts = 11
	if charts != wantCharts {
		t.Errorf("notebook has %d charts, want %d", charts, wantCharts)
	}

	run(t, 60*time.Second, "jupyter", "nbconvert", "--to", "html", "--output-dir", out, executed)
	page := filepath.Join(out, "allcharts.html")
	b, err := browser.Launch(browser.Options{Offline: true, Width: 1100, Height: 900})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p, err := b.Open("file://" + page)
	if err != nil {
		t.Fatal(err)
	}
	checkDrawn(t, p, 30*time.Second, wantCharts)
	checkNoScriptErrors(t, p)
	shot := filepath.Join(artifactDir(t), "allcharts.png")
	if err := p.Screenshot(shot); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)
}

// TestChartWaitsForLibrary loads a page where a chart comes before the
// library (a cell above the one that carried it) and RequireJS is present,
// as in Notebook 6: the chart must wait, then draw, and ECharts must be a
// global rather than an AMD module.
func TestChartWaitsForLibrary(t *testing.T) {
	requireBrowser(t)
	js, _, err := libraryJS()
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv(StaticEnv, "0")
	var page strings.Builder
	page.WriteString("<!DOCTYPE html><html><head><meta charset=\"utf-8\">")
	const requireJS = "/usr/share/javascript/requirejs/require.min.js" // Debian's, as nbconvert uses
	if _, err := os.Stat(requireJS); err == nil {
		page.WriteString(`<script src="file://` + requireJS + `"></script>`)
	} else {
		t.Logf("no RequireJS at %s: testing without it", requireJS)
	}
	page.WriteString("</head><body>")
	for i, c := range []Chart{
		Lines(Options{Title: "before the library"}, Series{Y: []float64{1, 3, 2}}),
		Histogram(Options{Title: "after it"}, 5, Sample{Values: []float64{1, 2, 2, 3, 3, 3}}),
	} {
		r, err := render(c, i)
		if err != nil {
			t.Fatal(err)
		}
		page.WriteString(r.html())
		if i == 0 {
			page.WriteString(libraryHTML(js))
		}
	}
	page.WriteString("</body></html>")
	path := filepath.Join(t.TempDir(), "order.html")
	if err := os.WriteFile(path, []byte(page.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	b, err := browser.Launch(browser.Options{Offline: true, Width: 1000, Height: 900})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p, err := b.Open("file://" + path)
	if err != nil {
		t.Fatal(err)
	}
	checkDrawn(t, p, 15*time.Second, 2)
	checkNoScriptErrors(t, p)
}
