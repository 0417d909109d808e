// Package browser drives the system's headless Chromium (Debian's
// /usr/bin/chromium) with go-rod, for tests that must see a page the way a
// learner does: charts drawn, no script errors. Nothing is downloaded: the
// browser must be installed.
//
//	b, err := browser.Launch(browser.Options{Offline: true})
//	...
//	defer b.Close()
//	p, err := b.Open("file:///tmp/page.html")
//	...
//	n, err := p.ChartsDrawn(30 * time.Second) // every pkg/viz chart drawn
//	...
//	p.Screenshot("/tmp/page.png")
//	if errs := p.Errors(); len(errs) > 0 { ... }
package browser

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/launcher/flags"
	"github.com/go-rod/rod/lib/proto"
)

// Bin names the environment variable that overrides the browser binary.
const Bin = "BACKPROP_CHROMIUM"

// Find returns the path of the Chromium binary: $BACKPROP_CHROMIUM,
// /usr/bin/chromium, or chromium / chromium-browser on PATH.
func Find() (string, error) {
	if p := os.Getenv(Bin); p != "" {
		return p, nil
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("browser: chromium not found (apt-get install chromium, or set " + Bin + ")")
}

// Options configure Launch. The zero value gives a 1200×900 window with the
// network on.
type Options struct {
	// Offline turns the network off: pages load from file:// only, and
	// any attempt to reach a host fails (as it would on a learner's
	// machine without internet).
	Offline bool
	// LocalOnly lets pages reach 127.0.0.1 and localhost only (a local
	// Jupyter server) while every other host fails to resolve.
	LocalOnly     bool
	Width, Height int
}

// Browser is a running headless Chromium with a fresh profile.
type Browser struct {
	opts     Options
	launcher *launcher.Launcher
	rod      *rod.Browser
	dataDir  string
}

// Launch starts Chromium headless with a fresh, temporary user-data
// directory and without background networking, component updates or sync.
func Launch(o Options) (*Browser, error) {
	bin, err := Find()
	if err != nil {
		return nil, err
	}
	if o.Width <= 0 {
		o.Width = 1200
	}
	if o.Height <= 0 {
		o.Height = 900
	}
	dir, err := os.MkdirTemp("", "browser-profile-")
	if err != nil {
		return nil, err
	}
	l := launcher.New().Bin(bin).Leakless(false).Headless(true).NoSandbox(true).UserDataDir(dir).
		Set("disable-gpu").
		Set("disable-background-networking").
		Set("disable-component-update").
		Set("disable-sync").
		Set("no-first-run").
		Set("disable-quic").
		Set("window-size", fmt.Sprintf("%d,%d", o.Width, o.Height))
	switch {
	case o.Offline:
		l.Set("host-resolver-rules", "MAP * ~NOTFOUND")
	case o.LocalOnly:
		l.Set("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1")
	}
	l.Delete(flags.Flag("no-startup-window"))
	u, err := l.Launch()
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("browser: launching %s: %w", bin, err)
	}
	rb := rod.New().ControlURL(u)
	if err := rb.Connect(); err != nil {
		l.Kill()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("browser: connecting: %w", err)
	}
	return &Browser{opts: o, launcher: l, rod: rb, dataDir: dir}, nil
}

// Close ends the browser and removes its profile.
func (b *Browser) Close() error {
	err := b.rod.Close()
	b.launcher.Kill()
	os.RemoveAll(b.dataDir)
	return err
}

// Page is an open tab that records what its scripts report.
type Page struct {
	*rod.Page
	mu     sync.Mutex
	errors []string // console.error calls and uncaught exceptions
	logs   []string // browser log entries (failed loads, violations)
}

// Open opens url in a new tab and waits for its load event. Console errors
// and uncaught exceptions are recorded from before the first script runs.
func (b *Browser) Open(url string) (*Page, error) {
	rp, err := b.rod.Page(proto.TargetCreateTarget{})
	if err != nil {
		return nil, fmt.Errorf("browser: new tab: %w", err)
	}
	p := &Page{Page: rp}
	if err := (proto.RuntimeEnable{}).Call(rp); err != nil {
		return nil, err
	}
	if err := (proto.LogEnable{}).Call(rp); err != nil {
		return nil, err
	}
	go rp.EachEvent(
		func(e *proto.RuntimeConsoleAPICalled) {
			if e.Type == proto.RuntimeConsoleAPICalledTypeError || e.Type == proto.RuntimeConsoleAPICalledTypeAssert {
				p.record(&p.errors, "console.error: "+remoteArgs(e.Args))
			}
		},
		func(e *proto.RuntimeExceptionThrown) {
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			p.record(&p.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber, msg))
		},
		func(e *proto.LogEntryAdded) {
			p.record(&p.logs, fmt.Sprintf("%s %s: %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL))
		},
	)()
	if b.opts.Offline {
		// Belt and braces beside the resolver rule: no request leaves.
		err := proto.NetworkEmulateNetworkConditions{Offline: true, Latency: 0,
			DownloadThroughput: -1, UploadThroughput: -1}.Call(rp)
		if err != nil {
			return nil, err
		}
	}
	if err := rp.SetViewport(&proto.EmulationSetDeviceMetricsOverride{
		Width: b.opts.Width, Height: b.opts.Height, DeviceScaleFactor: 1,
	}); err != nil {
		return nil, err
	}
	if err := rp.Timeout(60 * time.Second).Navigate(url); err != nil {
		return nil, fmt.Errorf("browser: opening %s: %w", url, err)
	}
	if err := rp.Timeout(60 * time.Second).WaitLoad(); err != nil {
		return nil, fmt.Errorf("browser: loading %s: %w", url, err)
	}
	return p, nil
}

func (p *Page) record(list *[]string, s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	*list = append(*list, s)
}

func remoteArgs(args []*proto.RuntimeRemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, a.Value.String())
		}
	}
	return strings.Join(parts, " ")
}

// Errors returns the console errors and uncaught exceptions so far.
func (p *Page) Errors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// Logs returns the browser's log entries so far (failed resource loads,
// security violations): worth printing, not always a failure.
func (p *Page) Logs() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.logs...)
}

// Screenshot saves the whole page (not only the viewport) as PNG to path.
func (p *Page) Screenshot(path string) error {
	png, err := p.Page.Screenshot(true, &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng})
	if err != nil {
		return fmt.Errorf("browser: screenshot: %w", err)
	}
	return os.WriteFile(path, png, 0o644)
}

// WaitTrue waits until the JavaScript function js (for example
// `() => document.querySelectorAll("canvas").length > 2`) returns true, or
// the timeout passes.
func (p *Page) WaitTrue(js string, timeout time.Duration) error {
	return p.Page.Timeout(timeout).Wait(rod.Eval(js))
}

// chartsJS reports on every chart element pkg/viz writes (class "bpviz",
// attribute data-bpviz set by its script: "drawn", or "static" when ECharts
// never came) inside the elements that match the CSS selector root (the
// whole page for ""): a problem, or "" for a chart ECharts has drawn on a
// canvas or svg with at least 1000 painted pixels (axes, labels and data).
const chartsJS = `(root) => Array.from(document.querySelectorAll(root ? root + " .bpviz" : ".bpviz")).map((el, i) => {
	const name = "chart " + (i + 1) + " (" + el.id + ")";
	const state = el.getAttribute("data-bpviz") || "";
	if (state === "") return {name, state, problem: "its script has not run"};
	if (state !== "drawn") return {name, state, problem: "not drawn by ECharts (state " + state + ")"};
	const canvases = el.querySelectorAll("canvas"), svg = el.querySelector("svg");
	if (canvases.length === 0 && !svg) return {name, state, problem: "no canvas or svg"};
	let painted = 0;
	for (const c of canvases) {
		if (c.width === 0 || c.height === 0) continue;
		const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
		for (let j = 3; j < d.length; j += 4) if (d[j] !== 0) painted++;
	}
	if (svg) painted += svg.querySelectorAll("path, rect, text").length * 1000;
	return {name, state, problem: painted < 1000 ? "blank (" + painted + " painted pixels)" : ""};
})`

// chartReport is what chartsJS says about one chart.
type chartReport struct {
	Name, State, Problem string
}

// ChartsDrawn waits until every chart pkg/viz put on the page (an element
// of class "bpviz") is drawn: its script has run and ECharts painted it.
// It returns the number of charts, and an error naming each chart that is
// not drawn when the timeout passes, or as soon as every script has run
// and one of them gave up (no ECharts on the page). A page without charts
// is an error too. ECharts animates a chart's first drawing for about a
// second: wait that long before a screenshot.
func (p *Page) ChartsDrawn(timeout time.Duration) (int, error) {
	return p.ChartsDrawnIn("", timeout)
}

// ChartsDrawnIn is ChartsDrawn for the charts inside the elements that
// match the CSS selector root, such as the slide on screen in a reveal.js
// deck ("section.present"); "" means the whole page.
func (p *Page) ChartsDrawnIn(root string, timeout time.Duration) (int, error) {
	deadline := time.Now().Add(timeout)
	for {
		charts, err := p.charts(root)
		if err != nil {
			return 0, err
		}
		var bad []string
		settled := true
		for _, c := range charts {
			if c.Problem != "" {
				bad = append(bad, c.Name+": "+c.Problem)
			}
			settled = settled && c.State != ""
		}
		switch {
		case len(charts) > 0 && len(bad) == 0:
			return len(charts), nil
		case len(charts) > 0 && settled && !allDrawn(charts):
			return len(charts), fmt.Errorf("browser: %d of %d charts not drawn: %s",
				len(bad), len(charts), strings.Join(bad, "; "))
		case time.Now().After(deadline):
			if len(charts) == 0 {
				return 0, fmt.Errorf("browser: no charts (.bpviz) on the page after %v", timeout)
			}
			return len(charts), fmt.Errorf("browser: %d of %d charts not drawn after %v: %s",
				len(bad), len(charts), timeout, strings.Join(bad, "; "))
		}
		time.Sleep(200 * time.Millisecond)
	}
}

func (p *Page) charts(root string) ([]chartReport, error) {
	res, err := p.Page.Timeout(30*time.Second).Eval(chartsJS, root)
	if err != nil {
		return nil, fmt.Errorf("browser: inspecting charts: %w", err)
	}
	var charts []chartReport
	if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &charts); err != nil {
		return nil, fmt.Errorf("browser: inspecting charts: %w", err)
	}
	return charts, nil
}

// allDrawn reports whether every chart's script drew it (painted or not).
func allDrawn(charts []chartReport) bool {
	for _, c := range charts {
		if c.State != "drawn" {
			return false
		}
	}
	return true
}

// DrawnLine is one line series of a chart as ECharts drew it: Want holds
// the pixel position of every data point (converted by the chart's own
// axes), Drawn the vertices of the polyline on the canvas. A correct
// drawing has the same points in the same order.
type DrawnLine struct {
	Name      string
	Want      [][2]float64
	Drawn     [][2]float64
	Animating bool // the polyline is still being animated towards its data
}

// drawnLinesJS reads the line series of the pkg/viz chart with the given
// element id back from its ECharts instance: the data, converted to
// pixels, and the polyline the series' view holds on the canvas.
// _chartsViews and __model are ECharts internals (stable through 5.x);
// without them the result says so rather than passing.
const drawnLinesJS = `(id) => {
	const c = window.__bpviz && window.__bpviz[id];
	if (!c || c.isDisposed()) return {error: "no ECharts instance for " + id};
	const views = c._chartsViews;
	if (!views) return {error: "this ECharts has no _chartsViews: cannot read the drawing back"};
	const lines = [];
	c.getOption().series.forEach((s, i) => {
		if (s.type !== "line") return;
		const view = views.find(v => v.__model && v.__model.seriesIndex === i);
		const poly = view && view._polyline;
		const drawn = [];
		if (poly && poly.parent) {
			const p = poly.shape.points;
			if (p.length && Array.isArray(p[0])) for (const q of p) drawn.push([q[0], q[1]]);
			else for (let k = 0; k + 1 < p.length; k += 2) drawn.push([p[k], p[k + 1]]);
		}
		const want = s.data.map(d => c.convertToPixel({seriesIndex: i}, Array.isArray(d) ? d : d.value));
		lines.push({name: s.name, want, drawn, animating: !!(poly && poly.animators && poly.animators.length)});
	});
	return {lines};
}`

// DrawnLines reads back the line series of the pkg/viz chart whose element
// has the given id, as drawn at this moment.
func (p *Page) DrawnLines(id string) ([]DrawnLine, error) {
	res, err := p.Page.Timeout(30*time.Second).Eval(drawnLinesJS, id)
	if err != nil {
		return nil, fmt.Errorf("browser: reading the lines of %s: %w", id, err)
	}
	var r struct {
		Error string
		Lines []DrawnLine
	}
	if err := json.Unmarshal([]byte(res.Value.JSON("", "")), &r); err != nil {
		return nil, fmt.Errorf("browser: reading the lines of %s: %w", id, err)
	}
	if r.Error != "" {
		return nil, errors.New("browser: " + r.Error)
	}
	return r.Lines, nil
}

// Mismatch describes how the drawn polyline differs from the data ("" if
// it does not): a vertex more than tol pixels from its data point, or a
// different number of vertices. A series of one point draws no line.
func (l DrawnLine) Mismatch(tol float64) string {
	if len(l.Want) < 2 {
		return ""
	}
	if len(l.Drawn) != len(l.Want) {
		return fmt.Sprintf("%q: %d vertices drawn for %d points", l.Name, len(l.Drawn), len(l.Want))
	}
	for i, w := range l.Want {
		d := l.Drawn[i]
		if dx, dy := d[0]-w[0], d[1]-w[1]; dx*dx+dy*dy > tol*tol {
			return fmt.Sprintf("%q: point %d is drawn at (%.1f, %.1f), its data is at (%.1f, %.1f)",
				l.Name, i, d[0], d[1], w[0], w[1])
		}
	}
	return ""
}

// LineProblems reads the lines of the chart with the given element id
// back from ECharts (see DrawnLines) and describes each one drawn wrong:
// a vertex more than 1.5 pixels from its data point, or a line still
// animating. While a chart is fed new data an animation towards it is
// expected: with running set, animating lines are skipped. It retries for
// a second while the chart has no instance (a new output taking the
// place of the old one).
func (p *Page) LineProblems(id string, running bool) ([]string, error) {
	var lines []DrawnLine
	var err error
	for range 10 {
		if lines, err = p.DrawnLines(id); err == nil && len(lines) > 0 {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		return nil, err
	}
	if len(lines) == 0 {
		return nil, fmt.Errorf("browser: chart %s has no line series", id)
	}
	var problems []string
	for _, l := range lines {
		switch {
		case l.Animating && running:
		case l.Animating:
			problems = append(problems, fmt.Sprintf("%q is still animating", l.Name))
		default:
			if m := l.Mismatch(1.5); m != "" {
				problems = append(problems, m)
			}
		}
	}
	return problems, nil
}
