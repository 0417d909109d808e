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
	fmt.Fprintf(&b, "%s: %s\n", r.Exercise, say(txtPublicPassed, passed, total))
	for _, res := range r.Results {
		mark, msg := "ok  ", ""
		if !res.Passed {
			mark, msg = "FAIL", "  "+res.Message
		}
		fmt.Fprintf(&b, "  %s %s%s\n", mark, res.Case, msg)
		if res.Inputs != "" {
			fmt.Fprintf(&b, "         %s\n", say(txtInputsText, res.Inputs))
		}
	}
	if r.Mistake != nil && !r.Passed() {
		fmt.Fprintf(&b, "  %s\n", r.Mistake.HintIn(language()))
	}
	if !r.Passed() && r.hint() != "" {
		fmt.Fprintf(&b, "  %s\n", say(txtHintText, r.hint()))
	}
	return b.String()
}

// HTML returns the report as HTML, as Show displays it in a notebook: a
// line that counts the passed checks and names them, then a table of the
// failed ones, each with its inputs and what went wrong, and the hint.
func (r Report) HTML() string {
	var b strings.Builder
	b.WriteString(`<div class="bp-checks">`)
	r.writeHTML(&b)
	b.WriteString(`</div>`)
	return b.String()
}

// Colors of passed and failed checks.
const (
	passColor = "#1a7f37"
	failColor = "#cf222e"
)

func (r Report) writeHTML(b *strings.Builder) {
	passed, total := r.Count()
	color := passColor
	if passed < total {
		color = failColor
	}
	fmt.Fprintf(b, `<b>%s</b>: <span style="color:%s">%s</span>`,
		html.EscapeString(r.Exercise), color, say(txtPublicPassed, passed, total))
	var ok []string
	for _, res := range r.Results {
		if res.Passed {
			ok = append(ok, html.EscapeString(res.Case))
		}
	}
	if len(ok) > 0 && passed < total {
		fmt.Fprintf(b, ` <span style="color:#57606a">%s</span>`, say(txtPassedList, strings.Join(ok, ", ")))
	}
	if passed == total {
		return
	}
	fmt.Fprintf(b, `<table style="margin:4px 0"><tr><th style="text-align:left">%s</th>`+
		`<th style="text-align:left">%s</th><th style="text-align:left">%s</th></tr>`, say(txtFailedCheck), say(txtInputs), say(txtWrong))
	for _, res := range r.Results {
		if res.Passed {
			continue
		}
		fmt.Fprintf(b, `<tr><td style="text-align:left">%s</td><td style="text-align:left">%s</td>`+
			`<td style="text-align:left;color:%s">%s</td></tr>`,
			html.EscapeString(res.Case), codeOrDash(res.Inputs), failColor, codeOrDash(res.Message))
	}
	b.WriteString(`</table>`)
	if r.Mistake != nil {
		fmt.Fprintf(b, `<div style="color:%s">%s</div>`, failColor, html.EscapeString(r.Mistake.HintIn(language())))
	}
	if r.hint() != "" {
		fmt.Fprintf(b, `<div><i>%s</i> %s</div>`, say(txtHint), html.EscapeString(r.hint()))
	}
}

// codeOrDash sets s in code, or writes a dash when s is empty (an empty
// code element shows as a grey box).
func codeOrDash(s string) string {
	if s == "" {
		return "–"
	}
	return "<code>" + html.EscapeString(s) + "</code>"
}

// SummaryHTML returns several reports as one compact block: a line per
// exercise, and the details (failed checks, inputs, hint) of the ones that
// fail, the first of them open and the others a click away.
func SummaryHTML(reports ...Report) string {
	var b strings.Builder
	done := 0
	for _, r := range reports {
		if r.Passed() {
			done++
		}
	}
	color := passColor
	if done < len(reports) {
		color = failColor
	}
	fmt.Fprintf(&b, `<div class="bp-checks"><div style="color:%s"><b>%s</b></div>`,
		color, say(txtExercisesOK, done, len(reports)))
	opened := false
	for _, r := range reports {
		passed, total := r.Count()
		if r.Passed() {
			fmt.Fprintf(&b, `<div><span style="color:%s">✓</span> %s: %d of %d</div>`,
				passColor, html.EscapeString(r.Exercise), passed, total)
			continue
		}
		open := ""
		if !opened {
			open, opened = " open", true
		}
		fmt.Fprintf(&b, `<details%s><summary><span style="color:%s">✗</span> %s: %d of %d</summary>`+
			`<div style="margin-left:1.5em">`, open, failColor, html.EscapeString(r.Exercise), passed, total)
		r.writeHTML(&b)
		b.WriteString(`</div></details>`)
	}
	b.WriteString(`</div>`)
	return b.String()
}

// Summary returns several reports as text: a line per exercise, the full
// report of each that fails, and a last line counting the exercises done.
func Summary(reports ...Report) string {
	var b strings.Builder
	done := 0
	for _, r := range reports {
		passed, total := r.Count()
		if r.Passed() {
			done++
			fmt.Fprintf(&b, "ok    %s: %s\n", r.Exercise, say(txtPublicPassed, passed, total))
			continue
		}
		b.WriteString("FAIL  " + r.String())
	}
	fmt.Fprintf(&b, "%s\n", say(txtDone, done, len(reports)))
	return b.String()
}

// ShowAll displays several reports compactly (see SummaryHTML and
// Summary): one edit of one exercise then reprints a line per exercise,
// not a table each.
func ShowAll(reports ...Report) {
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(SummaryHTML(reports...))
		gonbui.Sync()
		return
	}
	fmt.Fprint(os.Stdout, Summary(reports...))
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
