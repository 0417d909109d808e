package notebooks

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/deepdive-dl/backprop/internal/browser"
)

// TestStartHereRunsAndDrawsOffline executes 00-start-here headless, checks
// that its output holds the gradient the library computed, exports it to
// HTML and opens that page in headless Chromium with the network off: the
// chart must be drawn (a non-blank canvas) with no script errors.
func TestStartHereRunsAndDrawsOffline(t *testing.T) {
	if testing.Short() {
		t.Skip("executes a notebook; skipped with -short")
	}
	executed := executeNotebook(t, "00-start-here.ipynb")
	data, err := os.ReadFile(executed)
	if err != nil {
		t.Fatal(err)
	}

	// The notebook prints dL/dw of L = (tanh(w x + b) - y)^2 from the
	// library's graph; recompute it here from the formula.
	x, w, b, y := 1.5, 0.8, -0.2, 0.5
	yHat := math.Tanh(w*x + b)
	want := fmt.Sprintf("dL/dw (graph) = %.6f", 2*(yHat-y)*(1-yHat*yHat)*x)
	if !strings.Contains(string(data), want) {
		t.Errorf("executed notebook does not print %q", want)
	}

	needTool(t, "chromium", "Debian package chromium")
	page := exportHTML(t, executed)
	br, err := browser.Launch(browser.Options{Offline: true})
	if err != nil {
		t.Fatal(err)
	}
	defer br.Close()
	p, err := br.Open("file://" + page)
	if err != nil {
		t.Fatal(err)
	}
	_, err = p.ChartsDrawn(30 * time.Second)
	time.Sleep(1500 * time.Millisecond) // let the chart's entry animation finish for the screenshot
	shot := filepath.Join(os.TempDir(), "00-start-here.png")
	if serr := p.Screenshot(shot); serr == nil {
		t.Logf("screenshot: %s", shot)
	}
	if err != nil {
		t.Fatalf("the chart was not drawn in %s: %v\nscript errors: %v\nbrowser log: %v", page, err, p.Errors(), p.Logs())
	}
	if errs := p.Errors(); len(errs) > 0 {
		t.Errorf("the page logged script errors: %v", errs)
	}
}
