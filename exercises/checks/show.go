package checks

import (
	"fmt"
	"html"
	"os"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
)

// String returns the report as a plain-text table, one line per check.
func (r Report) String() string {
	var b strings.Builder
	passed, total := r.Count()
	fmt.Fprintf(&b, "%s: %d of %d public checks passed\n", r.Exercise, passed, total)
	for _, res := range r.Results {
		mark, msg := "ok  ", ""
		if !res.Passed {
			mark, msg = "FAIL", "  "+res.Message
		}
		fmt.Fprintf(&b, "  %s %s%s\n", mark, res.Case, msg)
	}
	if !r.Passed() && r.Hint != "" {
		fmt.Fprintf(&b, "  hint: %s\n", r.Hint)
	}
	return b.String()
}

// HTML returns the report as an HTML table, as Show displays it in a
// notebook.
func (r Report) HTML() string {
	var b strings.Builder
	passed, total := r.Count()
	color := "#1a7f37"
	if passed < total {
		color = "#cf222e"
	}
	fmt.Fprintf(&b, `<div><b>%s</b>: <span style="color:%s">%d of %d public checks passed</span>`,
		html.EscapeString(r.Exercise), color, passed, total)
	b.WriteString(`<table><tr><th>check</th><th>result</th><th>message</th></tr>`)
	for _, res := range r.Results {
		mark := `<span style="color:#1a7f37">passed</span>`
		if !res.Passed {
			mark = `<span style="color:#cf222e">failed</span>`
		}
		fmt.Fprintf(&b, `<tr><td>%s</td><td>%s</td><td style="text-align:left"><code>%s</code></td></tr>`,
			html.EscapeString(res.Case), mark, html.EscapeString(res.Message))
	}
	b.WriteString(`</table>`)
	if !r.Passed() && r.Hint != "" {
		fmt.Fprintf(&b, `<p><i>Hint:</i> %s</p>`, html.EscapeString(r.Hint))
	}
	b.WriteString(`</div>`)
	return b.String()
}

// Show displays the report: as an HTML table in a GoNB notebook, as text on
// standard output elsewhere.
func (r Report) Show() {
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(r.HTML())
		gonbui.Sync() // a cell that ends right after Show could otherwise lose the table
		return
	}
	fmt.Fprint(os.Stdout, r.String())
}
