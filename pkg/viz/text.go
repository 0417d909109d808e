package viz

import (
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// ECharts places legends and titles where it is told and does not move
// the plot out of their way, so the layout needs to know how much room a
// piece of text takes before the browser draws it. The widths below are
// those of DejaVu Sans, the widest of the usual sans-serif fonts (and the
// one Linux browsers fall back to): an estimate made with them may leave
// a little room to spare under Helvetica or Arial, but never too little.
// The static images use the same widths (see ssrScript), so their layout
// matches.

// sansWidths and sansBoldWidths are the advance widths of the printable
// ASCII characters (space to '~') in hundredths of an em.
var (
	sansWidths = [95]uint8{32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34,
		64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 53,
		100, 68, 69, 70, 77, 63, 58, 77, 75, 29, 29, 66, 56, 86, 75, 79,
		60, 79, 69, 63, 61, 73, 68, 99, 69, 61, 69, 39, 34, 39, 84, 50,
		50, 61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61,
		63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84}
	sansBoldWidths = [95]uint8{35, 46, 52, 84, 70, 100, 87, 31, 46, 46, 52, 84, 38, 42, 38, 37,
		70, 70, 70, 70, 70, 70, 70, 70, 70, 70, 40, 40, 84, 84, 84, 58,
		100, 77, 76, 73, 83, 68, 68, 82, 84, 37, 37, 77, 64, 100, 84, 85,
		73, 85, 77, 72, 68, 81, 77, 110, 77, 72, 73, 46, 37, 46, 84, 50,
		50, 67, 72, 59, 72, 68, 44, 72, 71, 34, 34, 67, 34, 104, 71, 69,
		72, 72, 49, 60, 48, 71, 65, 92, 65, 65, 58, 71, 37, 71, 84}
)

// runeWidth returns the advance width of r in ems: the table for ASCII,
// generous guesses for the rest (letters of other alphabets, then math
// signs and arrows, then CJK).
func runeWidth(r rune, bold bool) float64 {
	switch {
	case r >= ' ' && r <= '~':
		if bold {
			return float64(sansBoldWidths[r-' ']) / 100
		}
		return float64(sansWidths[r-' ']) / 100
	case unicode.Is(unicode.Mn, r): // combining marks (the hat of ŷ)
		return 0
	case r < 0x2000:
		if bold {
			return 0.75
		}
		return 0.68
	case r < 0x2e80:
		return 0.84
	}
	return 1
}

// textWidth estimates the width in pixels of one line of text at the given
// font size.
func textWidth(s string, size float64, bold bool) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r, bold)
	}
	return w * size
}

// wrapText breaks s at spaces into lines no wider than maxWidth pixels
// (a word wider than that gets a line of its own). Line breaks already in
// s are kept.
func wrapText(s string, size float64, bold bool, maxWidth float64) []string {
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		line := ""
		for _, word := range strings.Fields(para) {
			switch {
			case line == "":
				line = word
			case textWidth(line+" "+word, size, bold) <= maxWidth:
				line += " " + word
			default:
				lines = append(lines, line)
				line = word
			}
		}
		lines = append(lines, line)
	}
	return lines
}

// Sizes of ECharts' default title and legend, in pixels, and the line
// heights this package sets.
const (
	titleSize, subtitleSize = 18, 12
	titleLine, subtitleLine = 24, 16
	boxPadding              = 5  // title and legend padding
	legendSize              = 12 // legend text
	legendIcon              = 25 // legend item width before its text
	legendRow               = 14 // legend item height
	legendGap               = 10 // between legend items and rows
	legendLeft, legendRight = 60, 30
	maxLegendRows           = 3 // more rows than this scroll instead
)

// header is the layout of the top of a chart: the title (with line breaks
// where it would not fit), the legend under it, and where the plot starts.
type header struct {
	title       opts.Title
	legend      opts.Legend
	titleBottom int // pixels from the top of the chart to below the title
	plotTop     int // pixels from the top of the chart to the plot area
}

// layoutHeader lays out o's title and subtitle in a chart width pixels
// wide, then a legend of the given series names on as many rows as it
// needs (none if names is empty), and returns where the plot can start.
// A legend that would take more than maxLegendRows rows scrolls on one row
// instead.
func layoutHeader(o Options, width int, names []string) header {
	var h header
	h.title = opts.Title{Title: o.Title, Subtitle: o.Subtitle}
	top := 4
	if o.Title != "" || o.Subtitle != "" {
		avail := float64(width - 2*boxPadding - 10)
		top = 2 * boxPadding
		if o.Title != "" {
			lines := wrapText(o.Title, titleSize, true, avail)
			h.title.Title = strings.Join(lines, "\n")
			h.title.TitleStyle = &opts.TextStyle{LineHeight: titleLine}
			top += titleLine * len(lines)
		}
		if o.Subtitle != "" {
			lines := wrapText(o.Subtitle, subtitleSize, false, avail)
			h.title.Subtitle = strings.Join(lines, "\n")
			h.title.SubtitleStyle = &opts.TextStyle{LineHeight: subtitleLine}
			if o.Title != "" {
				top += legendGap // ECharts' gap between title and subtitle
			}
			top += subtitleLine * len(lines)
		}
	}
	h.titleBottom = top
	if len(names) == 0 {
		h.legend = opts.Legend{Show: opts.Bool(false)}
		h.plotTop = top + 26 // room for the top tick label
		return h
	}
	rows := legendRows(names, float64(width-legendLeft-legendRight-2*boxPadding))
	typ := "plain"
	if rows > maxLegendRows {
		typ, rows = "scroll", 1
	}
	h.legend = opts.Legend{Show: opts.Bool(true), Type: typ, Data: names,
		Left: strconv.Itoa(legendLeft), Right: strconv.Itoa(legendRight), Top: strconv.Itoa(top)}
	h.plotTop = top + 2*boxPadding + rows*legendRow + (rows-1)*legendGap + 20
	return h
}

// titleWidth returns the width a chart needs for o's title on one line.
func titleWidth(o Options) int {
	return int(math.Ceil(textWidth(o.Title, titleSize, true))) + 2*boxPadding + 12
}

// legendRows counts the rows ECharts needs for a horizontal legend of the
// names in maxWidth pixels, wrapping as it does.
func legendRows(names []string, maxWidth float64) int {
	rows, x := 1, 0.0
	for i, n := range names {
		w := legendIcon + 5 + textWidth(n, legendSize, false)
		if i > 0 && x+w > maxWidth {
			rows++
			x = 0
		}
		x += w + legendGap
	}
	return rows
}

// fitHeader gives a chart its title and legend (of the named series) and
// starts every grid of it below them. The kinds call it once their series
// are added, so the legend's size is known.
func fitHeader(bc *charts.BaseConfiguration, o Options, names []string) {
	w, _ := o.size()
	h := layoutHeader(o, w, names)
	bc.Title, bc.Legend = h.title, h.legend
	for i := range bc.GridList {
		bc.GridList[i].Top = strconv.Itoa(h.plotTop)
	}
}

// legendNames lists the distinct names of series, in order: series that
// share a name share a legend entry (and are shown or hidden together).
func legendNames(series []charts.SingleSeries) []string {
	var names []string
	seen := map[string]bool{}
	for _, s := range series {
		if s.Name != "" && !seen[s.Name] {
			seen[s.Name] = true
			names = append(names, s.Name)
		}
	}
	return names
}
