package viz

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/internal/browser"
	"github.com/deepdive-dl/backprop/internal/e2e"
	"github.com/go-rod/rod/lib/proto"
)

// untrustedCharts are the charts of the untrusted notebook, with the source
// of the cell that would show each: a line chart (the first chart of the
// kernel, so its output carries ECharts), a heat map with a path over it,
// and a computation graph (the one chart that scrolls sideways rather than
// shrink).
func untrustedCharts() (sources []string, charts []Chart) {
	xs, ys := make([]float64, 50), make([]float64, 50)
	for i := range xs {
		xs[i] = float64(i)/10 - 2.5
		ys[i] = xs[i] * xs[i]
	}
	surface := SampleGrid(func(x, y float64) float64 { return x*x + 10*y*y }, -3, 3, 30, -2, 2, 20)
	px, py := []float64{-2.5}, []float64{1.5}
	for range 20 {
		x, y := px[len(px)-1], py[len(py)-1]
		px, py = append(px, x-0.1*2*x), append(py, y-0.05*20*y+0.02*math.Cos(x))
	}
	nodes := []GraphNode{{0, "a", "", 2, -3}, {1, "b", "", -3, 2}, {2, "c", "*", -6, 1},
		{3, "d", "", 10, 1}, {4, "e", "+", 4, 1}, {5, "L", "tanh", 0.999, 1}}
	edges := []GraphEdge{{0, 2}, {1, 2}, {2, 4}, {3, 4}, {4, 5}}
	sources = []string{
		`viz.Show(viz.Lines(viz.Options{Title: "f(x) = x²", XLabel: "x"}, viz.Series{Name: "f", X: xs, Y: ys}))`,
		`viz.Show(viz.OptimizerPaths(viz.Options{Title: "Gradient descent"}, surface, viz.Series{Name: "SGD", X: px, Y: py}))`,
		`viz.Show(viz.ComputationGraph(viz.Options{Title: "L = tanh(a·b + d)"}, nodes, edges))`,
	}
	charts = []Chart{
		Lines(Options{Title: "f(x) = x²", XLabel: "x"}, Series{Name: "f", X: xs, Y: ys}),
		OptimizerPaths(Options{Title: "Gradient descent"}, surface, Series{Name: "SGD", X: px, Y: py}),
		ComputationGraph(Options{Title: "L = tanh(a·b + d)"}, nodes, edges),
	}
	return sources, charts
}

// storedNotebook returns a notebook whose code cells hold the outputs that
// Show gives in a fresh GoNB kernel, as a notebook saved after "Restart &
// Run All" stores them. GoNB passes Show's HTML to Jupyter unchanged
// (gonbui.DisplayHTML), so building the outputs here gives the same file
// without compiling the cells.
func storedNotebook(t *testing.T) []byte {
	t.Helper()
	newSession(t)
	sources, charts := untrustedCharts()
	cells := []any{map[string]any{"cell_type": "markdown", "id": "intro", "metadata": map[string]any{},
		"source": "# Charts with stored outputs\n\nOpened without trust: only the static images may show."}}
	for i, c := range charts {
		page, err := notebookHTML(c)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(page, `<img src="data:image/svg+xml,`) {
			t.Fatalf("chart %d has no static image", i+1)
		}
		cells = append(cells, map[string]any{
			"cell_type": "code", "id": fmt.Sprintf("chart%d", i+1), "execution_count": i + 1, "metadata": map[string]any{},
			"source": "%%\n" + sources[i],
			"outputs": []any{map[string]any{"output_type": "display_data", "metadata": map[string]any{},
				"data": map[string]any{"text/html": page}}},
		})
	}
	nb := map[string]any{
		"nbformat": 4, "nbformat_minor": 5, "cells": cells,
		"metadata": map[string]any{
			"kernelspec":    map[string]any{"name": "gonb", "display_name": "Go (gonb)", "language": "go"},
			"language_info": map[string]any{"name": "go"},
		},
	}
	b, err := json.MarshalIndent(nb, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// freshTrust gives the Jupyter server started after it a data directory of
// its own, so no signature database can vouch for the notebook, as on the
// machine of a learner who downloaded it. The user's data directory stays
// on the search path: the gonb kernel is still found there.
func freshTrust(t *testing.T) {
	t.Helper()
	out, err := exec.Command("jupyter", "--data-dir").Output()
	if err != nil {
		e2e.Missing(t, "jupyter", err)
	}
	path := strings.TrimSpace(string(out))
	if p := os.Getenv("JUPYTER_PATH"); p != "" {
		path = p + string(os.PathListSeparator) + path // it comes first, as it did
	}
	t.Setenv("JUPYTER_PATH", path)
	t.Setenv("JUPYTER_DATA_DIR", t.TempDir())
	t.Setenv("JUPYTER_CONFIG_DIR", t.TempDir())
}

// staticView is what the page shows of one stored chart output.
type staticView struct {
	Images   int    `json:"images"`   // SVG images in the output
	Width    int    `json:"width"`    // rendered size of the first one
	Height   int    `json:"height"`   //
	Natural  int    `json:"natural"`  // its intrinsic width: 0 if the image did not decode
	Hidden   string `json:"hidden"`   // why it cannot be seen, "" if it can
	Room     int    `json:"room"`     // width of the output area's content
	Clipped  int    `json:"clipped"`  // pixels of its width that the learner cannot see or scroll to
	Drawn    bool   `json:"drawn"`    // a script drew an interactive chart (canvas, data-bpviz)
	Scripts  int    `json:"scripts"`  // script elements left in the output
	Text     string `json:"text"`     // visible text of the output
	Paths    int    `json:"paths"`    // chart content of the image's SVG document
	Texts    int    `json:"texts"`    //
	SVGTexts string `json:"svgTexts"` // its text, joined
}

// staticViewJS inspects the output of every code cell: the chart images,
// whether the learner can see them, and what else the output shows.
const staticViewJS = `() => Jupyter.notebook.get_cells().filter(c => c.cell_type === "code").map(cell => {
  const out = cell.output_area.element[0];
  const imgs = Array.from(out.querySelectorAll('img[src^="data:image/svg+xml,"]'));
  const sub = out.querySelector(".output_subarea") || out, ss = getComputedStyle(sub);
  const v = {images: imgs.length, width: 0, height: 0, natural: 0, hidden: "", clipped: 0,
    room: Math.floor(sub.clientWidth - parseFloat(ss.paddingLeft) - parseFloat(ss.paddingRight)),
    drawn: !!out.querySelector("canvas, [data-bpviz]"), scripts: out.querySelectorAll("script").length,
    text: out.innerText.trim(), paths: 0, texts: 0, svgTexts: ""};
  const img = imgs[0];
  if (!img) return v;
  const r = img.getBoundingClientRect();
  v.width = Math.round(r.width); v.height = Math.round(r.height); v.natural = img.naturalWidth;
  for (let e = img; e && e !== document.body; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.display === "none" || s.visibility === "hidden" || s.opacity === "0")
      v.hidden = (e.tagName + "." + e.className + " " + s.display + "/" + s.visibility + "/" + s.opacity).trim();
  }
  // Past the window's edge, or past a box that clips without a scroll bar,
  // the rest of the image is lost.
  v.clipped = Math.max(0, Math.round(r.right - document.documentElement.clientWidth));
  for (let e = img.parentElement; e && e !== document.body; e = e.parentElement) {
    const s = getComputedStyle(e);
    if (s.overflowX === "visible" || s.overflowX === "auto" || s.overflowX === "scroll") continue;
    const b = e.getBoundingClientRect();
    v.clipped = Math.max(v.clipped, Math.round(r.right - b.right), Math.round(b.left - r.left));
  }
  const svg = decodeURIComponent(img.getAttribute("src").slice("data:image/svg+xml,".length));
  const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
  v.paths = doc.querySelectorAll("path").length;
  v.texts = doc.querySelectorAll("text").length;
  v.svgTexts = Array.from(doc.querySelectorAll("text")).map(t => t.textContent).join(" ");
  return v;
})`

// checkStatic checks that every stored chart shows as its static image:
// one visible, decoded image per output, at its size or shrunk to the
// output area without distortion, with the chart drawn in it, and
// nothing else: no script run, no error or note, no script text.
func checkStatic(t *testing.T, p *browser.Page, charts []Chart, narrow bool) {
	t.Helper()
	res, err := p.Eval(staticViewJS)
	if err != nil {
		t.Fatal(err)
	}
	var views []staticView
	if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &views); err != nil {
		t.Fatal(err)
	}
	if len(views) != len(charts) {
		t.Fatalf("the page shows %d code cells, want %d", len(views), len(charts))
	}
	for i, v := range views {
		w, h := chartSize(charts[i])
		name := fmt.Sprintf("chart %d", i+1)
		if narrow {
			name += " in a narrow window"
		}
		t.Logf("%s: %d×%d px (image %d×%d), %d paths, %d texts", name, v.Width, v.Height, w, h, v.Paths, v.Texts)
		switch {
		case v.Images != 1:
			t.Errorf("%s: the output shows %d static images, want 1", name, v.Images)
			continue
		case v.Natural == 0:
			t.Errorf("%s: the image did not decode", name)
		case v.Hidden != "":
			t.Errorf("%s: the image is hidden by %s", name, v.Hidden)
		}
		if v.Width > w || v.Width < min(w, v.Room)-2 {
			t.Errorf("%s: the image shows %d px wide, want %d or the output area's %d", name, v.Width, w, v.Room)
		}
		if d := v.Width*h - v.Height*w; d > w*h/50 || d < -w*h/50 {
			t.Errorf("%s: the image shows at %d×%d px, distorted from %d×%d", name, v.Width, v.Height, w, h)
		}
		if v.Clipped > 0 {
			t.Errorf("%s: %d px of the image's width are cut off", name, v.Clipped)
		}
		if v.Paths < 5 || v.Texts < 3 {
			t.Errorf("%s: the image has %d paths and %d texts, want a drawn chart", name, v.Paths, v.Texts)
		}
		if title := chartTitle(charts[i].JSON()); !strings.Contains(v.SVGTexts, title) {
			t.Errorf("%s: the image's text %q lacks the title %q", name, v.SVGTexts, title)
		}
		if v.Drawn || v.Scripts > 0 {
			t.Errorf("%s: a script ran or stayed (drawn %v, %d scripts) in an untrusted notebook", name, v.Drawn, v.Scripts)
		}
		if v.Text != "" {
			t.Errorf("%s: the output shows text beside the image: %q", name, tail(v.Text, 300))
		}
	}
}

// TestUntrustedNotebookShowsStaticCharts opens a notebook with stored chart
// outputs in a real Jupyter Notebook server that does not trust it, as a
// learner who downloaded an executed notebook would, in Chromium. Jupyter
// sanitizes the outputs (scripts and style attributes removed); every
// chart must still show as its static image, whole and visible, in a wide
// and in a narrow window, with no script run and nothing else in the
// output. Then the learner trusts the notebook (File > Trust Notebook):
// the same outputs must draw the interactive charts.
func TestUntrustedNotebookShowsStaticCharts(t *testing.T) {
	requireStatic(t)
	if _, err := exec.LookPath("jupyter"); err != nil {
		e2e.Missing(t, "jupyter", err)
	}
	if _, err := browser.Find(); err != nil {
		e2e.Missing(t, "chromium", err)
	}
	start := time.Now()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "stored.ipynb"), storedNotebook(t), 0o644); err != nil {
		t.Fatal(err)
	}
	freshTrust(t)
	base, token := startJupyter(t, dir)
	b, err := browser.Launch(browser.Options{LocalOnly: true, Width: 1200, Height: 1000})
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	p, err := b.Open(base + "/notebooks/stored.ipynb?token=" + token)
	if err != nil {
		t.Fatal(err)
	}
	_, charts := untrustedCharts()
	loaded := fmt.Sprintf(`() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded &&
		Jupyter.notebook.get_cells().filter(c => c.cell_type === "code").length === %d`, len(charts))
	if err := p.WaitTrue(loaded+" && !Jupyter.notebook.trusted", 30*time.Second); err != nil {
		t.Fatalf("the notebook did not load untrusted (a fresh signature database cannot vouch for it): %v", err)
	}
	// Give the images the time to decode, and a script that would run
	// (none should) the time to draw.
	if err := p.WaitTrue(`() => Array.from(document.querySelectorAll('.output_area img[src^="data:image/svg+xml,"]')).
		every(i => i.complete)`, 10*time.Second); err != nil {
		t.Errorf("the images did not load: %v", err)
	}
	time.Sleep(time.Second)
	checkStatic(t, p, charts, false)
	res, err := p.Eval(`() => [Object.keys(window.__bpviz || {}).length, !!window.echarts]`)
	if err != nil {
		t.Fatal(err)
	}
	if res.Value.Arr()[0].Int() != 0 || res.Value.Arr()[1].Bool() {
		t.Errorf("chart scripts ran in the untrusted notebook (charts drawn, ECharts loaded): %v", res.Value)
	}
	shot := filepath.Join(artifactDir(t), "untrusted.png")
	if err := p.Screenshot(shot); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshot: %s", shot)

	// A phone-sized window: the images shrink to it rather than spill over.
	if err := p.SetViewport(&proto.EmulationSetDeviceMetricsOverride{Width: 560, Height: 900, DeviceScaleFactor: 1}); err != nil {
		t.Fatal(err)
	}
	time.Sleep(300 * time.Millisecond)
	checkStatic(t, p, charts, true)

	// File > Trust Notebook, then "Trust" in the dialog: the page reloads
	// trusted, and the scripts of the same outputs draw every chart.
	if err := p.SetViewport(&proto.EmulationSetDeviceMetricsOverride{Width: 1200, Height: 1000, DeviceScaleFactor: 1}); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Eval(`() => { window.__untrustedPage = true; document.querySelector("#trust_notebook").click(); }`); err != nil {
		t.Fatalf("File > Trust Notebook: %v", err)
	}
	const trustButton = `document.querySelector(".modal.in .modal-footer .btn-danger")`
	if err := p.WaitTrue("() => !!"+trustButton, 10*time.Second); err != nil {
		t.Fatalf("no Trust dialog: %v", err)
	}
	if _, err := p.Eval("() => " + trustButton + ".click()"); err != nil {
		t.Fatal(err)
	}
	if err := p.WaitTrue(loaded+" && Jupyter.notebook.trusted && !window.__untrustedPage", 30*time.Second); err != nil {
		t.Fatalf("the notebook did not reload trusted: %v", err)
	}
	checkDrawn(t, p, 20*time.Second, len(charts))
	checkNoScriptErrors(t, p)
	t.Logf("took %v", time.Since(start).Round(time.Millisecond))
}
