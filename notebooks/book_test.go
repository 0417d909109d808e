package notebooks

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/internal/browser"
)

// bookDir returns the directory of the HTML book: build/book/ as `make
// book` (and so `make test`) left it, or, when there is none or a notebook
// changed since, a fresh one built by scripts/build-book.sh, which executes
// every notebook first.
func bookDir(t *testing.T) string {
	return builtDir(t, "../build/book", "../scripts/build-book.sh", "executes every notebook")
}

// builtDir returns the absolute path of dir, which script writes (an
// index.html in it among the rest), after running script when dir has no
// index.html or a notebook changed after it was written. what says what
// script costs, for the log.
func builtDir(t *testing.T, dir, script, what string) string {
	t.Helper()
	dir, err := filepath.Abs(dir)
	if err != nil {
		t.Fatal(err)
	}
	index := filepath.Join(dir, "index.html")
	info, err := os.Stat(index)
	if err == nil {
		newer := newerNotebooks(info.ModTime())
		if len(newer) == 0 {
			return dir
		}
		t.Logf("%v changed after %s was built: running %s", newer, dir, script)
	} else {
		t.Logf("%s is missing: running %s (%s)", index, script, what)
	}
	needTool(t, "/usr/bin/python3", "Debian's python3 with Jupyter")
	start := time.Now()
	cmd := exec.Command(script)
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", script, err, msg)
	}
	t.Logf("ran %s in %.0f s", script, time.Since(start).Seconds())
	return dir
}

// newerNotebooks lists the notebooks of both editions modified after t.
func newerNotebooks(t time.Time) []string {
	var newer []string
	paths, _ := filepath.Glob("*.ipynb")
	translated, _ := filepath.Glob("id/*.ipynb")
	paths = append(paths, translated...)
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil && info.ModTime().After(t) {
			newer = append(newer, p)
		}
	}
	return newer
}

// Scripts run in the book's pages, as JavaScript functions for Page.WaitTrue
// and Page.Eval.
const (
	// mathDone: MathJax has loaded, finished its queue, and typeset every
	// formula of the page (each TeX script has its rendered element).
	mathDone = `() => {
		const H = window.MathJax && window.MathJax.Hub;
		if (!H || !H.queue || H.queue.pending > 0 || H.queue.running > 0) return false;
		const scripts = document.querySelectorAll('script[type^="math/tex"]');
		const shown = document.querySelectorAll(".MathJax_CHTML");
		return scripts.length > 0 && shown.length >= scripts.length;
	}`
	// rawMath returns the visible text of the Markdown cells that still
	// holds a formula delimiter: MathJax missed it.
	rawMath = `() => {
		const bad = [];
		for (const el of document.querySelectorAll(".jp-RenderedMarkdown, .jp-MarkdownOutput, .text_cell_render")) {
			const text = el.innerText;
			const at = text.indexOf("$$");
			if (at >= 0) bad.push(text.slice(Math.max(0, at - 40), at + 40));
		}
		return bad;
	}`
)

// TestBookRendersOffline opens the HTML book in headless Chromium with the
// network off, both editions: the index links every notebook, and in every
// chapter the formulas are typeset by the book's own MathJax, every chart
// is drawn, no script reports an error, and a link leads to the same
// chapter in the other edition.
func TestBookRendersOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the HTML book in a browser; skipped with -short")
	}
	needTool(t, "chromium", "Debian package chromium")
	dir := bookDir(t)
	editions := []struct{ lang, dir, glob, other, guide string }{
		{"en", dir, "*.ipynb", filepath.Join(dir, "id"), guidePath},
		{"id", filepath.Join(dir, "id"), "id/*.ipynb", dir, strings.TrimSuffix(guidePath, ".md") + ".id.md"},
	}
	for _, e := range editions {
		t.Run(e.lang, func(t *testing.T) { checkBook(t, e.dir, e.glob, e.other, e.guide) })
	}
}

// checkBook checks the edition of the book in dir, built from the
// notebooks that glob matches; otherDir holds the other edition. The
// edition's instructor's guide is checked when its source guide exists.
func checkBook(t *testing.T, dir, glob, otherDir, guide string) {
	sources, err := filepath.Glob(glob)
	if err != nil || len(sources) == 0 {
		t.Fatalf("no notebooks match %s in notebooks/ (%v)", glob, err)
	}

	br, err := browser.Launch(browser.Options{Offline: true, Width: 1200, Height: 900})
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()

	index, err := br.Open("file://" + filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	var chapters []string
	for _, src := range sources {
		page := strings.TrimSuffix(filepath.Base(src), ".ipynb") + ".html"
		linked, err := index.Eval(`(href) => !!document.querySelector('ul.chapters a[href="' + href + '"]')`, page)
		if err != nil {
			t.Fatal(err)
		}
		if !linked.Value.Bool() {
			t.Errorf("index.html does not link %s (did %s fail to execute? see build/notebooks/%s.log)",
				page, src, strings.TrimSuffix(src, ".ipynb"))
			continue
		}
		// The same chapter in the other edition.
		if _, err := os.Stat(filepath.Join(otherDir, page)); err != nil {
			t.Errorf("the other edition has no %s: %v", page, err)
			continue
		}
		chapters = append(chapters, page)
	}
	if errs := index.Errors(); len(errs) > 0 {
		t.Errorf("index.html logged script errors: %v", errs)
	}
	index.Close()

	for _, page := range chapters {
		t.Run(strings.TrimSuffix(page, ".html"), func(t *testing.T) {
			checkChapter(t, br, filepath.Join(dir, page))
			checkOtherEdition(t, filepath.Join(dir, page), filepath.Join(otherDir, page))
		})
	}
	if _, err := os.Stat(guide); err == nil {
		t.Run("instructor-guide", func(t *testing.T) { checkGuidePage(t, br, dir) })
	}
}

// checkGuidePage opens the instructor's guide in the book: the index links
// it, its formulas are typeset, and no script fails.
func checkGuidePage(t *testing.T, br *browser.Browser, dir string) {
	index, err := br.Open("file://" + filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	linked, err := index.Eval(`() => !!document.querySelector('a[href="instructor-guide.html"]')`)
	index.Close()
	if err != nil || !linked.Value.Bool() {
		t.Errorf("index.html does not link instructor-guide.html (%v)", err)
	}
	p, err := br.Open("file://" + filepath.Join(dir, "instructor-guide.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.WaitTrue(mathDone, 30*time.Second); err != nil {
		t.Errorf("formulas were not typeset by MathJax: %v", err)
	}
	raw := evalStrings(t, p, `() => {
		const copy = document.body.cloneNode(true);
		copy.querySelectorAll("code, pre, script, .MathJax_CHTML, .MJX_Assistive_MathML, .MathJax_Preview").forEach(e => e.remove());
		const text = copy.textContent, at = text.indexOf("$");
		return at < 0 ? [] : [text.slice(Math.max(0, at - 40), at + 40)];
	}`)
	if len(raw) > 0 {
		t.Errorf("formula delimiters left in the guide's text: %q", raw)
	}
	// The same guide in the other edition.
	for _, href := range evalStrings(t, p, `() => [...document.querySelectorAll("nav a.bp-other-edition")].map(a => a.getAttribute("href"))`) {
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(href))); err != nil {
			t.Errorf("the guide links the other edition's guide %s: %v", href, err)
		}
	}
	if n := eval(t, p, `() => document.querySelectorAll("h4").length`).Int(); n < 20 {
		t.Errorf("the guide page has %d Try it answers (h4)", n)
	}
	if errs := p.Errors(); len(errs) > 0 {
		t.Errorf("script errors: %v", errs)
	}
}

// checkChapter opens one chapter of the book and checks its formulas,
// charts and scripts; it logs where its screenshot is.
func checkChapter(t *testing.T, br *browser.Browser, path string) {
	start := time.Now()
	p, err := br.Open("file://" + path)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	name := strings.TrimSuffix(filepath.Base(path), ".html")
	if filepath.Base(filepath.Dir(path)) == "id" {
		name = "id-" + name
	}
	shot := filepath.Join(os.TempDir(), "book-"+name+".png")
	defer func() {
		// Whatever failed, the picture helps.
		if err := p.Screenshot(shot); err == nil {
			t.Logf("screenshot: %s (%.1f s)", shot, time.Since(start).Seconds())
		}
	}()

	if err := p.WaitTrue(mathDone, 30*time.Second); err != nil {
		t.Errorf("formulas were not typeset by MathJax: %v\nbrowser log: %v", err, p.Logs())
	}
	if raw := evalStrings(t, p, rawMath); len(raw) > 0 {
		t.Errorf("formula delimiters $$ left in the text: %q", raw)
	}
	// Every notebook shows at least one chart: none is an error too.
	if _, err := p.ChartsDrawn(30 * time.Second); err != nil {
		t.Error(err)
	}
	time.Sleep(1200 * time.Millisecond) // let the charts' entry animations finish
	if errs := p.Errors(); len(errs) > 0 {
		t.Errorf("script errors: %v", errs)
	}
	// With the network off, a resource that should have been local (a CDN
	// script, a font) shows up as a failed load in the browser's log.
	for _, l := range p.Logs() {
		if strings.Contains(l, "Failed to load") || strings.Contains(l, "ERR_") {
			t.Errorf("a resource failed to load offline: %s", l)
		}
	}
}

// checkOtherEdition checks that the chapter page links the same chapter of
// the other edition.
func checkOtherEdition(t *testing.T, page, other string) {
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`<a href="([^"]+)" hreflang="[a-z]+" class="bp-other-edition">`).FindSubmatch(data)
	if m == nil {
		t.Errorf("%s has no link to the other edition", filepath.Base(page))
		return
	}
	target := filepath.Clean(filepath.Join(filepath.Dir(page), string(m[1])))
	if target != filepath.Clean(other) {
		t.Errorf("%s links the other edition at %s, want %s", filepath.Base(page), target, other)
	}
}

// evalStrings runs a script that returns a list of strings.
func evalStrings(t *testing.T, p *browser.Page, js string) []string {
	t.Helper()
	res, err := p.Eval(js)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range res.Value.Arr() {
		out = append(out, fmt.Sprint(v.Str()))
	}
	return out
}
