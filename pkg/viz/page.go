package viz

import (
	"html"
	"os"
	"path/filepath"
	"strings"
)

// Block is one part of a page written by WritePage: a chart, or HTML that
// the caller has already escaped (a heading, a table, a paragraph).
type Block struct {
	Chart Chart  // drawn when not nil
	HTML  string // written as is when Chart is nil
}

// pageCSS keeps a report readable without any stylesheet from the network.
const pageCSS = `body{font:15px/1.45 system-ui,sans-serif;max-width:1000px;margin:24px auto;padding:0 16px;color:#222}
table{border-collapse:collapse;margin:8px 0 20px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.num{text-align:right}h1{font-size:1.6em}h2{margin-top:1.6em}`

// WritePage writes PageHTML to path, creating its directory.
func WritePage(path, title string, blocks ...Block) error {
	page, err := PageHTML(title, blocks...)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(page), 0o644)
}

// PageHTML returns a standalone HTML page holding the blocks in order, with
// ECharts inline: the page opens from disk with no server and no network.
func PageHTML(title string, blocks ...Block) (string, error) {
	js, _, err := libraryJS()
	if err != nil {
		return "", err
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title><style>" + pageCSS + "</style></head>\n<body>\n")
	b.WriteString(libraryHTML(js))
	for i, blk := range blocks {
		if blk.Chart == nil {
			b.WriteString(blk.HTML)
			b.WriteString("\n")
			continue
		}
		r, err := render(blk.Chart, i)
		if err != nil {
			return "", err
		}
		b.WriteString(r.html())
	}
	b.WriteString("</body></html>\n")
	return b.String(), nil
}
