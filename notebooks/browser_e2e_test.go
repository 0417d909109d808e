package notebooks

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/internal/browser"
)

// TestNotebooksOpenClean opens every notebook in real Jupyter, the way a
// learner does, and checks that nothing is "(unsaved changes)" once the
// kernel is up: the stored metadata is what Jupyter would write (its
// kernel's language_info included), and Go's tab indentation shows as
// plain space, not as the arrows of the notebook's editor theme.
func TestNotebooksOpenClean(t *testing.T) {
	base, token, log := startCourseServer(t)
	br, err := browser.Launch(browser.Options{LocalOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	names, err := filepath.Glob("*.ipynb")
	if err != nil || len(names) == 0 {
		t.Fatalf("no notebooks: %v", err)
	}
	for _, name := range names {
		p := openNotebook(t, br, base, token, name, log)
		time.Sleep(time.Second) // kernel_ready handlers run after the reply
		res, err := p.Eval(`() => ({dirty: Jupyter.notebook.dirty,
			stored: JSON.stringify(Jupyter.notebook.metadata),
			kernel: JSON.stringify(Jupyter.notebook.kernel.info_reply.language_info),
			tabs: Array.from(document.querySelectorAll(".CodeMirror span.cm-tab")).slice(0, 3)
				.map(s => getComputedStyle(s).backgroundImage)})`)
		if err != nil {
			t.Fatal(err)
		}
		var got struct {
			Dirty          bool
			Stored, Kernel string
			Tabs           []string
		}
		if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &got); err != nil {
			t.Fatal(err)
		}
		if got.Dirty {
			t.Errorf("%s opens with unsaved changes; its metadata in the browser is %s (the kernel's language_info: %s): "+
				"store that language_info in the notebook", name, got.Stored, got.Kernel)
		}
		if len(got.Tabs) == 0 {
			t.Errorf("%s: no tab found in its code cells (expected Go's indentation)", name)
		}
		for _, bg := range got.Tabs {
			if bg != "none" {
				t.Errorf("%s: a tab in a code cell is drawn with a background image (%.60s…), want plain space", name, bg)
				break
			}
		}
		_, _ = p.Eval(`() => Jupyter.notebook.session.delete()`)
		_ = p.Close()
	}
}

// liveSample is the capstone's live chart at one moment while it trains.
type liveSample struct {
	At      time.Duration
	ID      string
	Points  int // points of the training series the chart instance holds
	Running bool
}

// liveRecorder is a page script that records, at every frame the browser
// draws, the number of points of the live chart in code cell %d when it
// differs from the frame before: each entry is a state a learner could
// see. Counting states here rather than from the test's samples keeps a
// loaded machine, where one round trip to the browser can outlast several
// redraws, from hiding states that were on screen.
const liveRecorder = `() => { window.__liveStates = []; let last = -2;
	const tick = () => {
		const cell = Jupyter.notebook.get_cell(%d);
		const d = cell.output_area.element[0].querySelector("div.bpviz");
		const c = d && window.__bpviz && window.__bpviz[d.id];
		let points = -1;
		if (c && !c.isDisposed()) { const s = c.getOption().series; points = s.length ? s[0].data.length : 0; }
		const running = cell.element.hasClass("running");
		if (points !== last) { window.__liveStates.push({points, running, ms: performance.now()}); last = points; }
		if (running || points < 0) requestAnimationFrame(tick);
	};
	requestAnimationFrame(tick); }`

// TestCapstoneLiveChart runs notebook 05 in real Jupyter in Chromium, as
// "Run All" under make notebook does, and watches its live training chart:
// it must grow in several visible steps over more than a second (states
// recorded by the page at each frame it draws, see liveRecorder), every
// drawing must match its data (read back from the ECharts instance: the
// drawn polyline, not only the option), and so must the final chart. Then
// every cell must have run without an error and every chart be drawn,
// none of them carrying the chart library.
func TestCapstoneLiveChart(t *testing.T) {
	const name = "05-capstone.ipynb"
	base, token, log := startCourseServer(t)
	br, err := browser.Launch(browser.Options{LocalOnly: true, Width: 1200, Height: 1000})
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	p := openNotebook(t, br, base, token, name, log)
	defer p.Eval(`() => Jupyter.notebook.session.delete()`)
	res, err := p.Eval(`() => Jupyter.notebook.get_cells().findIndex(c => c.cell_type === "code" &&
		c.get_text().includes("viz.NewLiveLoss"))`)
	if err != nil {
		t.Fatal(err)
	}
	cell := res.Value.Int()
	if cell < 0 {
		t.Fatalf("%s has no cell calling viz.NewLiveLoss", name)
	}
	if _, err := p.Eval(fmt.Sprintf(liveRecorder, cell)); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Eval(`() => Jupyter.notebook.execute_all_cells()`); err != nil {
		t.Fatal(err)
	}
	state := fmt.Sprintf(`() => { const cell = Jupyter.notebook.get_cell(%d);
		const d = cell.output_area.element[0].querySelector("div.bpviz");
		const c = d && window.__bpviz && window.__bpviz[d.id];
		if (d && cell.element.hasClass("running")) d.scrollIntoView({block: "center"}); // as a learner watching it
		let points = -1;
		if (c && !c.isDisposed()) { const s = c.getOption().series; points = s.length ? s[0].data.length : 0; }
		return {id: d ? d.id : "", points, running: cell.element.hasClass("running")}; }`, cell)
	// The cells above the chart (the LR range test among them) run first.
	if err := p.WaitTrue(fmt.Sprintf(`() => !!Jupyter.notebook.get_cell(%d).output_area.element[0].querySelector("div.bpviz")`, cell),
		5*time.Minute); err != nil {
		t.Fatalf("the live chart never appeared: %v\nerrors: %v", err, p.Errors())
	}
	start := time.Now()
	var samples []liveSample
	for time.Since(start) < 2*time.Minute {
		res, err := p.Eval(state)
		if err != nil {
			t.Fatal(err)
		}
		var s liveSample
		if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &s); err != nil {
			t.Fatal(err)
		}
		s.At = time.Since(start)
		if len(samples) == 0 || samples[len(samples)-1].Points != s.Points || !s.Running {
			samples = append(samples, s)
			if s.Running && s.Points > 1 {
				problems, err := p.LineProblems(s.ID, true)
				if err != nil {
					t.Errorf("at %d points: %v", s.Points, err)
				}
				for _, m := range problems {
					t.Errorf("while training, at %d points, the chart is drawn wrong: %s", s.Points, m)
				}
			}
		}
		if !s.Running {
			break
		}
		time.Sleep(40 * time.Millisecond)
	}
	var seen []string
	for _, s := range samples {
		seen = append(seen, fmt.Sprintf("%d@%.2fs", s.Points, s.At.Seconds()))
	}
	t.Logf("points of the live chart over time, as sampled by the test: %s", strings.Join(seen, " "))
	last := samples[len(samples)-1]
	if last.Running {
		t.Fatal("the training cell did not finish in 2 minutes")
	}
	// Visibly live: several drawn states with points while training,
	// spread over more than a second.
	res, err = p.Eval(`() => window.__liveStates`)
	if err != nil {
		t.Fatal(err)
	}
	var states []struct {
		Points  int
		Running bool
		MS      float64
	}
	if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &states); err != nil {
		t.Fatal(err)
	}
	seen = seen[:0]
	var growing []time.Duration
	for _, s := range states {
		seen = append(seen, fmt.Sprintf("%d@%.2fs", s.Points, s.MS/1000))
		if s.Running && s.Points > 0 {
			growing = append(growing, time.Duration(s.MS*float64(time.Millisecond)))
		}
	}
	t.Logf("states drawn by the page (points@page time): %s", strings.Join(seen, " "))
	if len(growing) < 4 {
		t.Errorf("the chart showed %d states with points while training, want at least 4", len(growing))
	} else if span := growing[len(growing)-1] - growing[0]; span < 1500*time.Millisecond {
		t.Errorf("the chart grew for %v only, want more than 1.5 s so a learner can watch it", span)
	}
	// The final chart: every line drawn through its data.
	time.Sleep(500 * time.Millisecond)
	res, err = p.Eval(fmt.Sprintf(`() => Jupyter.notebook.get_cell(%d).output_area.element[0].querySelector("div.bpviz").id`, cell))
	if err != nil {
		t.Fatal(err)
	}
	problems, err := p.LineProblems(res.Value.Str(), false)
	if err != nil {
		t.Error(err)
	}
	for _, m := range problems {
		t.Errorf("after training the chart is drawn wrong: %s", m)
	}
	if el, err := p.Element("#" + res.Value.Str()); err == nil {
		if png, err := el.Screenshot("png", 0); err == nil {
			shot := filepath.Join(os.TempDir(), "capstone-live.png")
			if os.WriteFile(shot, png, 0o644) == nil {
				t.Logf("picture of the live chart: %s", shot)
			}
		}
	}
	// The rest of the notebook runs without an error, and every chart is
	// drawn with the ECharts the page loaded (the course extension): no
	// output carries the library, so the notebook saved now stays light.
	if err := p.WaitTrue(`() => !Jupyter.notebook.kernel_busy &&
		!Jupyter.notebook.get_cells().some(c => c.element.hasClass("running"))`, 5*time.Minute); err != nil {
		t.Fatalf("the notebook did not finish running: %v", err)
	}
	res, err = p.Eval(`() => { const nb = Jupyter.notebook.toJSON();
		const errors = [];
		nb.cells.forEach((c, i) => (c.outputs || []).forEach(o => { if (o.output_type === "error") errors.push(i + ": " + o.ename + ": " + o.evalue); }));
		const text = JSON.stringify(nb);
		return {size: text.length, library: text.includes("(function(define,module,exports)"), errors}; }`)
	if err != nil {
		t.Fatal(err)
	}
	var saved struct {
		Size    int
		Library bool
		Errors  []string
	}
	if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &saved); err != nil {
		t.Fatal(err)
	}
	for _, e := range saved.Errors {
		t.Errorf("cell %s", e)
	}
	if saved.Library {
		t.Errorf("an output carries ECharts (%d bytes in all), though the page loads it", saved.Size)
	}
	t.Logf("the executed notebook would be saved in %d bytes", saved.Size)
	if n, err := p.ChartsDrawn(30 * time.Second); err != nil {
		t.Errorf("%d charts: %v", n, err)
	}
	for _, e := range p.Errors() {
		t.Errorf("page script error: %s", e)
	}
}
