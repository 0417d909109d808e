package notebooks

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/internal/browser"
	"github.com/go-rod/rod/lib/input"
	"github.com/go-rod/rod/lib/proto"
	"github.com/ysmood/gson"
)

// slidesDir returns build/slides/ as `make slides` (and so `make test`)
// left it, or, when there is none or a notebook changed since, a fresh one
// written by scripts/build-slides.sh (which executes only the notebooks
// whose executed copy is missing or out of date).
func slidesDir(t *testing.T) string {
	return builtDir(t, "../build/slides", "../scripts/build-slides.sh", "executes the notebooks without a current executed copy")
}

// Scripts run in a deck, as JavaScript functions for Page.WaitTrue and
// Page.Eval.
const (
	// deckReady: reveal.js has started and MathJax has nothing left to do.
	deckReady = `() => {
		const H = window.MathJax && window.MathJax.Hub;
		return !!(window.Reveal && Reveal.isReady() && H && H.queue &&
			H.queue.pending === 0 && H.queue.running === 0);
	}`
	// slideMath returns the problems with the formulas of the slide on
	// screen: a TeX script without its typeset output, or a $ left in the
	// visible text of a Markdown cell (MathJax missed a formula).
	slideMath = `() => {
		const slide = Reveal.getCurrentSlide(), bad = [];
		const scripts = slide.querySelectorAll('script[type^="math/tex"]').length;
		const shown = slide.querySelectorAll(".MathJax_CHTML").length;
		if (shown < scripts) bad.push(shown + " of " + scripts + " formulas typeset");
		for (const md of slide.querySelectorAll(".jp-RenderedMarkdown")) {
			const copy = md.cloneNode(true);
			copy.querySelectorAll("code, pre, script, .MathJax_CHTML, .MJX_Assistive_MathML, .MathJax_Preview").forEach(e => e.remove());
			const text = copy.textContent, at = text.indexOf("$");
			if (at >= 0) bad.push("raw: " + text.slice(Math.max(0, at - 40), at + 40));
		}
		return bad;
	}`
	// slideState describes the slide on screen in one call (the deck is
	// stepped through slide by slide, so round trips count): where it is,
	// its charts and live demos, the label of its first live demo, the
	// deck's language, and whether it is the last step of the deck.
	slideState = `() => {
		const slide = Reveal.getCurrentSlide(), i = Reveal.getIndices();
		const demo = slide.querySelector(".celltag_live-demo");
		return {
			where: "#/" + i.h + "/" + i.v,
			charts: slide.querySelectorAll(".bpviz").length,
			live: slide.querySelectorAll(".celltag_live-demo").length,
			label: demo ? getComputedStyle(demo, "::before").content : "",
			lang: document.documentElement.lang || "en",
			last: Reveal.isLastSlide() && !Reveal.availableFragments().next,
		};
	}`
	// remoteLoads lists every resource the page loaded from anywhere but
	// its own folder (file:) or itself (data:, blob:).
	remoteLoads = `() => performance.getEntriesByType("resource").map(e => e.name)
		.filter(u => !/^(file|data|blob):/.test(u))`
)

// TestSlidesWorkOffline opens every deck of build/slides/ in headless
// Chromium with the network off and steps through all its slides as an
// instructor would: on every slide the formulas are typeset and the charts
// drawn; keyboard navigation, the speaker notes and printing work; nothing
// is loaded from the network and no script fails. Screenshots of a few
// slides of each deck are kept in build/slides/screenshots/. The
// Indonesian decks (build/slides/id/, linked from the index) are stepped
// through in the same way, without screenshots; printing and the speaker
// view, the same code in both editions, are checked on an English deck.
func TestSlidesWorkOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("opens the slides in a browser; skipped with -short")
	}
	needTool(t, "chromium", "Debian package chromium")
	dir := slidesDir(t)
	sources, err := filepath.Glob("*.ipynb")
	if err != nil || len(sources) == 0 {
		t.Fatalf("no notebooks found in notebooks/ (%v)", err)
	}
	shots := filepath.Join(dir, "screenshots")
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	br, err := browser.Launch(browser.Options{Offline: true, Width: 1280, Height: 800})
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	for _, src := range sources {
		name := strings.TrimSuffix(src, ".ipynb")
		t.Run(name, func(t *testing.T) {
			deck := filepath.Join(dir, name+".html")
			if _, err := os.Stat(deck); err != nil {
				t.Fatalf("no deck for %s (did it fail to execute? see build/notebooks/%s.log): %v", src, name, err)
			}
			checkDeck(t, br, deck, shots)
		})
	}
	translated, _ := filepath.Glob("id/*.ipynb")
	if len(translated) > 0 {
		t.Run("id", func(t *testing.T) {
			start := time.Now()
			index, err := os.ReadFile(filepath.Join(dir, "index.html"))
			if err != nil {
				t.Fatal(err)
			}
			for _, src := range translated {
				name := strings.TrimSuffix(src, ".ipynb")
				t.Run(filepath.Base(name), func(t *testing.T) {
					if !bytes.Contains(index, []byte(`href="`+name+`.html"`)) {
						t.Errorf("build/slides/index.html does not link %s.html", name)
					}
					deck := filepath.Join(dir, name+".html")
					if _, err := os.Stat(deck); err != nil {
						t.Fatalf("no deck for %s (did it fail to execute? see build/notebooks/%s.log): %v", src, name, err)
					}
					checkDeck(t, br, deck, "")
				})
			}
			t.Logf("%d Indonesian decks in %.1f s", len(translated), time.Since(start).Seconds())
		})
	}
	first := filepath.Join(dir, strings.TrimSuffix(sources[0], ".ipynb")+".html")
	t.Run("print", func(t *testing.T) { checkPrint(t, br, first, shots) })
	t.Run("speaker-view", func(t *testing.T) { checkSpeakerView(t, br, first, shots) })
}

// checkSpeakerView presses S on a slide with speaker notes, as the
// instructor does, and checks that the speaker view opens (a window of its
// own, offline) and shows that slide's notes.
func checkSpeakerView(t *testing.T, br *browser.Browser, deck, shots string) {
	p, err := br.Open("file://" + deck)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.WaitTrue(deckReady, 60*time.Second); err != nil {
		t.Fatal(err)
	}
	want := eval(t, p, `() => {
		const s = Reveal.getSlides().find(s => s.querySelector("aside.notes"));
		if (!s) return "";
		const i = Reveal.getIndices(s);
		Reveal.slide(i.h, i.v);
		return s.querySelector("aside.notes").textContent.trim().slice(0, 30);
	}`).Str()
	if want == "" {
		t.Fatal("no slide with speaker notes")
	}
	pages, err := p.Browser().Pages()
	if err != nil {
		t.Fatal(err)
	}
	before := map[proto.TargetTargetID]bool{}
	for _, pg := range pages {
		before[pg.TargetID] = true
	}
	if err := p.Keyboard.Type(input.KeyS); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for {
		pages, err := p.Browser().Pages()
		if err != nil {
			t.Fatal(err)
		}
		for _, sp := range pages {
			if before[sp.TargetID] {
				continue
			}
			res, err := sp.Eval(`() => {
				const v = document.querySelector(".speaker-controls-notes .value");
				return document.title + "|" + (v ? v.textContent.trim() : "") + "|" + document.querySelectorAll("#current-slide iframe").length;
			}`)
			if err != nil {
				continue
			}
			parts := strings.SplitN(res.Value.Str(), "|", 3)
			if strings.Contains(parts[0], "Speaker View") && strings.Contains(parts[1], want) && parts[2] != "0" {
				shot := filepath.Join(shots, "speaker-view.png")
				if png, err := sp.Screenshot(false, nil); err == nil {
					_ = os.WriteFile(shot, png, 0o644)
				}
				t.Logf("the speaker view shows the notes %q…; %s", want, shot)
				sp.Close()
				return
			}
		}
		if time.Now().After(deadline) {
			t.Fatalf("no speaker view with the notes %q after S (%d tabs); errors: %v", want, len(pages), p.Errors())
		}
		time.Sleep(300 * time.Millisecond)
	}
}

// liveLabels is the label of the live demos in each language of the decks
// (scripts/templates/course-slides/course.css).
var liveLabels = map[string]string{"en": "live demo: predict, then run", "id": "demo langsung: tebak dulu, lalu jalankan"}

// checkDeck steps through one deck with Reveal.next() and checks every
// slide; it keeps screenshots of a few slides in shots, unless shots is "".
func checkDeck(t *testing.T, br *browser.Browser, deck, shots string) {
	start := time.Now()
	p, err := br.Open("file://" + deck)
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	name := strings.TrimSuffix(filepath.Base(deck), ".html")
	if err := p.WaitTrue(deckReady, 60*time.Second); err != nil {
		t.Fatalf("reveal.js or MathJax did not start: %v\nerrors: %v\nbrowser log: %v", err, p.Errors(), p.Logs())
	}
	total := eval(t, p, `() => Reveal.getTotalSlides()`).Int()
	notes := eval(t, p, `() => document.querySelectorAll("aside.notes").length`).Int()
	if total < 5 {
		t.Errorf("only %d slides", total)
	}
	if notes == 0 {
		t.Error("no speaker notes in the deck")
	}

	// The keyboard moves on, as the presenter's clicker does.
	if err := p.Keyboard.Type(input.ArrowRight); err != nil {
		t.Fatal(err)
	}
	if err := p.WaitTrue(`() => Reveal.getIndices().h === 1`, 10*time.Second); err != nil {
		t.Errorf("the right arrow key did not move to the second slide: %v", err)
	}
	p.MustEval(`() => Reveal.slide(0, 0)`)

	visited, charts, kept := 0, 0, 0
	for step := 0; ; step++ {
		if step > 2*total+10 {
			t.Fatalf("still not at the end after %d steps of %d slides", step, total)
		}
		if err := p.WaitTrue(deckReady, 30*time.Second); err != nil {
			t.Fatalf("slide %d: MathJax did not finish: %v", step+1, err)
		}
		state := eval(t, p, slideState)
		where := fmt.Sprintf("slide %d (%s)", step+1, state.Get("where").Str())
		for _, problem := range evalStrings(t, p, slideMath) {
			t.Errorf("%s: formulas: %s", where, problem)
		}
		n := state.Get("charts").Int()
		if n > 0 {
			if _, err := p.ChartsDrawnIn("section.present", 30*time.Second); err != nil {
				t.Errorf("%s: %v", where, err)
			}
		}
		charts += n
		live := state.Get("live").Int()
		if live > 0 {
			lang, label := state.Get("lang").Str(), state.Get("label").Str()
			if want, ok := liveLabels[lang]; !ok || !strings.Contains(label, want) {
				t.Errorf("%s: a live demo of a deck in %q is labelled %s", where, lang, label)
			}
		}
		if shots != "" && (step == 0 || (n > 0 && kept < 3) || live > 0) {
			time.Sleep(1200 * time.Millisecond) // the charts' entry animation
			shot := filepath.Join(shots, fmt.Sprintf("%s-%02d.png", name, step+1))
			if err := p.Screenshot(shot); err != nil {
				t.Error(err)
			}
			kept++
		}
		visited++
		if state.Get("last").Bool() {
			break
		}
		p.MustEval(`() => Reveal.next()`)
	}
	if visited < total {
		t.Errorf("visited %d slides of %d", visited, total)
	}
	// Every chart has been on screen once: all of them are drawn now.
	if charts == 0 {
		t.Error("no charts in the deck")
	} else if _, err := p.ChartsDrawn(30 * time.Second); err != nil {
		t.Error(err)
	}
	checkQuiet(t, p)
	t.Logf("%d slides, %d charts, %d speaker notes; %d screenshots in %s (%.1f s)",
		visited, charts, notes, kept, shots, time.Since(start).Seconds())
}

// checkQuiet fails on script errors, failed loads and loads from the network.
func checkQuiet(t *testing.T, p *browser.Page) {
	t.Helper()
	if errs := p.Errors(); len(errs) > 0 {
		t.Errorf("script errors: %v", errs)
	}
	for _, l := range p.Logs() {
		if strings.Contains(l, "Failed to load") || strings.Contains(l, "ERR_") {
			t.Errorf("a resource failed to load offline: %s", l)
		}
	}
	if remote := evalStrings(t, p, remoteLoads); len(remote) > 0 {
		t.Errorf("loaded from outside the deck's folder: %v", remote)
	}
}

// checkPrint opens a deck for printing (?print-pdf) and prints it to PDF as
// Chromium's print dialog would, then opens the speaker view with the S key.
func checkPrint(t *testing.T, br *browser.Browser, deck, shots string) {
	p, err := br.Open("file://" + deck + "?print-pdf")
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := p.WaitTrue(`() => document.querySelectorAll(".pdf-page").length > 0`, 60*time.Second); err != nil {
		t.Fatalf("the print layout did not appear: %v\nerrors: %v", err, p.Errors())
	}
	if err := p.WaitTrue(deckReady, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	slides := eval(t, p, `() => Reveal.getTotalSlides()`).Int()
	if _, err := p.ChartsDrawn(30 * time.Second); err != nil {
		t.Error(err)
	}
	time.Sleep(1200 * time.Millisecond)
	r, err := p.PDF(&proto.PagePrintToPDF{PrintBackground: true, PreferCSSPageSize: true})
	if err != nil {
		t.Fatal(err)
	}
	var pdf bytes.Buffer
	if _, err := pdf.ReadFrom(r); err != nil {
		t.Fatal(err)
	}
	pages := bytes.Count(pdf.Bytes(), []byte("/Type /Page\n")) + bytes.Count(pdf.Bytes(), []byte("/Type /Page/")) +
		bytes.Count(pdf.Bytes(), []byte("/Type /Page>"))
	out := filepath.Join(shots, strings.TrimSuffix(filepath.Base(deck), ".html")+".pdf")
	if err := os.WriteFile(out, pdf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF")) || pages < slides {
		t.Errorf("printed %d bytes, %d pages for %d slides (%s)", pdf.Len(), pages, slides, out)
	}
	checkQuiet(t, p)
	t.Logf("%d slides printed on %d pages: %s", slides, pages, out)
}

// eval runs a script that returns a value (JSON) and returns it.
func eval(t *testing.T, p *browser.Page, js string) gson.JSON {
	t.Helper()
	res, err := p.Eval(js)
	if err != nil {
		t.Fatal(err)
	}
	return res.Value
}
