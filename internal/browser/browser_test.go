package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/internal/e2e"
)

func launch(t *testing.T, o Options) *Browser {
	t.Helper()
	if _, err := Find(); err != nil {
		e2e.Missing(t, "chromium", err)
	}
	b, err := Launch(o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	return b
}

func TestPageRecordsErrorsOffline(t *testing.T) {
	b := launch(t, Options{Offline: true, Width: 400, Height: 300})
	dir := t.TempDir()
	page := filepath.Join(dir, "p.html")
	html := `<html><body><p id="x">hello</p>
<script>console.log("all good"); console.error("bad thing");</script>
<script>undefinedFunction();</script>
<img src="http://example.com/a.png">
<script>fetch("http://example.com/").then(function(){document.title="online"},function(){document.title="offline"});</script>
</body></html>`
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := b.Open("file://" + page)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.WaitTrue(`() => document.title !== ""`, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	if title := p.MustInfo().Title; title != "offline" {
		t.Errorf("page reached the network: title %q", title)
	}
	errs := strings.Join(p.Errors(), "\n")
	for _, want := range []string{"console.error: bad thing", "undefinedFunction"} {
		if !strings.Contains(errs, want) {
			t.Errorf("errors lack %q:\n%s", want, errs)
		}
	}
	if strings.Contains(errs, "all good") {
		t.Errorf("console.log recorded as an error:\n%s", errs)
	}
	shot := filepath.Join(dir, "p.png")
	if err := p.Screenshot(shot); err != nil {
		t.Fatal(err)
	}
	if st, err := os.Stat(shot); err != nil || st.Size() < 100 {
		t.Errorf("screenshot %s: %v", shot, err)
	}
}

// TestChartsDrawn stands in for pkg/viz's charts: one painted at once, one
// painted late (ChartsDrawn must wait for it), and one its script drew
// blank, which must be named.
func TestChartsDrawn(t *testing.T) {
	b := launch(t, Options{Offline: true, Width: 400, Height: 600})
	chart := func(id, delay, paint string) string {
		return `<div id="` + id + `" class="bpviz"></div><script>setTimeout(function() {
			var el = document.getElementById("` + id + `"), c = document.createElement("canvas");
			c.width = 100; c.height = 100; el.appendChild(c);
			c.getContext("2d").fillRect(0, 0, ` + paint + `);
			el.setAttribute("data-bpviz", "drawn");
		}, ` + delay + `);</script>`
	}
	cases := []struct {
		name, body string
		want       int
		err        string // "" for none
	}{
		{"drawn", chart("a", "0", "100, 100") + chart("b", "500", "50, 50"), 2, ""},
		{"blank", chart("a", "0", "100, 100") + chart("b", "0", "10, 10"), 2,
			"1 of 2 charts not drawn after 2s: chart 2 (b): blank (100 painted pixels)"},
		{"gave up", `<div id="s" class="bpviz" data-bpviz="static"></div>`, 1,
			"chart 1 (s): not drawn by ECharts (state static)"},
		{"none", `<p>no chart</p>`, 0, "no charts"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		page := filepath.Join(dir, strings.ReplaceAll(c.name, " ", "-")+".html")
		if err := os.WriteFile(page, []byte("<html><body>"+c.body+"</body></html>"), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := b.Open("file://" + page)
		if err != nil {
			t.Fatal(err)
		}
		n, err := p.ChartsDrawn(2 * time.Second)
		if n != c.want {
			t.Errorf("%s: %d charts, want %d", c.name, n, c.want)
		}
		switch {
		case c.err == "" && err != nil:
			t.Errorf("%s: %v", c.name, err)
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: error %v, want one with %q", c.name, err, c.err)
		}
	}
}
