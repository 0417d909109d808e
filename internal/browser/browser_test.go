package browser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func launch(t *testing.T, o Options) *Browser {
	t.Helper()
	if _, err := Find(); err != nil {
		if os.Getenv("BACKPROP_E2E") == "1" {
			t.Fatal(err)
		}
		t.Skipf("%v; set BACKPROP_E2E=1 to make this a failure", err)
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
