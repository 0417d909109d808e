package viz

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/internal/e2e"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// newSession points the package at a fresh kernel session, as GoNB does
// with GONB_TMP_DIR.
func newSession(t *testing.T) {
	t.Helper()
	t.Setenv("GONB_TMP_DIR", t.TempDir())
}

var idPattern = regexp.MustCompile(`<div id="(bpviz-[0-9a-f]{12})"`)

func TestNotebookHTMLCarriesLibraryOnce(t *testing.T) {
	if _, _, err := libraryJS(); err != nil {
		t.Skip(err)
	}
	t.Setenv(StaticEnv, "0")
	c := Lines(Options{Title: "t"}, Series{Y: []float64{1, 2}})
	run := func() []string {
		newSession(t)
		var pages []string
		for range 3 {
			page, err := notebookHTML(c)
			if err != nil {
				t.Fatal(err)
			}
			pages = append(pages, page)
		}
		return pages
	}
	first := run()
	for i, page := range first {
		hasLib := strings.Contains(page, "window.echarts.init)){(function(define,module,exports)")
		if hasLib != (i == 0) {
			t.Errorf("chart %d: carries library = %v", i, hasLib)
		}
	}
	ids := map[string]bool{}
	for _, page := range first {
		ids[idPattern.FindStringSubmatch(page)[1]] = true
	}
	if len(ids) != 3 {
		t.Errorf("the same chart shown three times got ids %v, want 3 distinct", ids)
	}
	// A new kernel session (Restart & Run All) reproduces the outputs.
	again := run()
	for i := range first {
		if first[i] != again[i] {
			t.Errorf("chart %d differs between two runs", i)
		}
	}
}

// Under make notebook the page loads ECharts: no chart, live or not,
// carries it, and the charts still come with their drawing scripts.
func TestPageLibraryLeavesLibraryOut(t *testing.T) {
	if _, _, err := libraryJS(); err != nil {
		t.Skip(err)
	}
	t.Setenv(StaticEnv, "0")
	t.Setenv(PageLibraryEnv, "1")
	newSession(t)
	c := Lines(Options{Title: "t"}, Series{Y: []float64{1, 2}})
	for i := range 2 {
		page, err := notebookHTML(c)
		if err != nil {
			t.Fatal(err)
		}
		if strings.Contains(page, "(function(define,module,exports)") || len(page) > 100_000 {
			t.Errorf("chart %d carries the library (%d bytes)", i, len(page))
		}
		if !strings.Contains(page, "echarts.init(") {
			t.Errorf("chart %d has no drawing script", i)
		}
	}
}

// requireStatic checks for what static images need: node and ECharts.
func requireStatic(t *testing.T) {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		e2e.Missing(t, "node", err)
	}
	if _, _, err := libraryJS(); err != nil {
		e2e.Missing(t, "ECharts", err)
	}
}

func TestStaticImage(t *testing.T) {
	requireStatic(t)
	newSession(t)
	page, err := notebookHTML(Lines(Options{Title: "static"}, Series{Y: []float64{1, 3, 2}}))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(page, `<img src="data:image/svg+xml,%3Csvg`) {
		t.Errorf("no SVG image in the chart element:\n%.300s", page[len(page)-2000:])
	}
}

func TestShowOutsideNotebookWritesPage(t *testing.T) {
	if _, _, err := libraryJS(); err != nil {
		t.Skip(err)
	}
	t.Setenv("TMPDIR", t.TempDir())
	path := Show(Lines(Options{Title: "page <1>"}, Series{Y: []float64{1, 2}}))
	if path == "" || filepath.Ext(path) != ".html" {
		t.Fatalf("Show returned %q", path)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for _, want := range []string{"<title>page &lt;1&gt;</title>", "(function(define,module,exports)", `"text":"page <1>"`} {
		if !strings.Contains(s, want) {
			t.Errorf("page lacks %q", want)
		}
	}
}

func TestOptionJSIsScriptSafe(t *testing.T) {
	js, _, err := optionJS(Lines(Options{Title: "</script><!-- x"}))
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(js, "</") || strings.Contains(js, "<!--") {
		t.Errorf("option can end its script element: %s", js)
	}
}

func TestLiveOutsideNotebook(t *testing.T) {
	if _, _, err := libraryJS(); err != nil {
		t.Skip(err)
	}
	t.Setenv("TMPDIR", t.TempDir())
	live := NewLive(Options{Title: "acc"}, "train")
	live.Add(0, 0.5)
	live.Add(1, 0.75)
	path := live.Close()
	if path == "" {
		t.Fatal("Close wrote no page")
	}
	if b, err := os.ReadFile(path); err != nil || !strings.Contains(string(b), `"value":[1,0.75]`) {
		t.Errorf("page %s lacks the last point (%v)", path, err)
	}
	live.Add(2, 0.9) // ignored after Close
	if n := len(live.Chart().MultiSeries[0].Data.([]opts.LineData)); n != 2 {
		t.Errorf("chart has %d points after Close and Add, want 2", n)
	}
	if again := live.Close(); again != "" {
		t.Errorf("second Close returned %q", again)
	}
}

// Charts shrink to a narrower page, except computation graphs, whose boxes
// keep their size in pixels: those scroll sideways instead.
func TestChartElementShrinksOrScrolls(t *testing.T) {
	tests := []struct {
		name   string
		chart  Chart
		scroll bool
	}{
		{"lines", Lines(Options{}, Series{Y: []float64{1, 2}}), false},
		{"graph", ComputationGraph(Options{}, []GraphNode{{ID: 0, Label: "x"}}, []GraphEdge(nil)), true},
	}
	for _, tt := range tests {
		r, err := render(tt.chart, 0)
		if err != nil {
			t.Fatal(err)
		}
		r.svg = "<svg/>"
		page := r.html()
		scrolls := strings.HasPrefix(page, `<div style="max-width:100%;overflow-x:auto"><div id="bpviz-`)
		shrinks := strings.Count(page, "max-width:100%") == 2 // the element and its image
		if scrolls != tt.scroll || shrinks == tt.scroll {
			t.Errorf("%s: scrolls %v, shrinks %v; want scrolling %v\n%.400s", tt.name, scrolls, shrinks, tt.scroll, page)
		}
	}
}

// A live chart that carried the library counts it as unsent until its
// final chart: if the loop is interrupted, the next chart carries it.
func TestSessionLibraryReleasedUntilClose(t *testing.T) {
	newSession(t)
	want := []struct {
		seq     int
		library bool
	}{{0, true}, {1, true}, {2, false}}
	for i, w := range want {
		seq, lib := session.next()
		if seq != w.seq || lib != w.library {
			t.Errorf("chart %d: seq %d, library %v; want %d, %v", i, seq, lib, w.seq, w.library)
		}
		if i == 0 {
			session.setLibrary(false) // NewLive of a chart that carried it
		}
	}
}
