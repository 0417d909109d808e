package viz

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

func TestTextWidth(t *testing.T) {
	tests := []struct {
		s    string
		size float64
		bold bool
		want float64
	}{
		{"", 12, false, 0},
		{"0", 10, false, 6.4},              // DejaVu digits are 0.64 em
		{"0", 10, true, 7},                 // and 0.70 em in bold
		{"ŷ", 10, false, 6.8},              // one letter beyond ASCII
		{"y\u0302", 10, false, 5.9},        // y and a combining hat: the hat takes no room
		{"→", 10, false, 8.4},              // arrows and math signs
		{"data 0.5", 11, false, 4.16 * 11}, // d a t a ␣ 0 . 5
	}
	for _, tt := range tests {
		if got := textWidth(tt.s, tt.size, tt.bold); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("textWidth(%q, %g, %v) = %g, want %g", tt.s, tt.size, tt.bold, got, tt.want)
		}
	}
}

func TestWrapText(t *testing.T) {
	tests := []struct {
		s     string
		width float64 // in pixels at 10 px, where a digit is 6.4 px
		want  []string
	}{
		{"", 100, []string{""}},
		{"00 00 00", 100, []string{"00 00 00"}},
		{"00 00 00", 40, []string{"00 00", "00"}}, // "00 00" is 28.8 px
		{"00 00 00", 20, []string{"00", "00", "00"}},
		{"0000000 00", 20, []string{"0000000", "00"}}, // a long word keeps its line
		{"00\n00 00", 100, []string{"00", "00 00"}},
	}
	for _, tt := range tests {
		got := wrapText(tt.s, 10, false, tt.width)
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("wrapText(%q, %g) = %q, want %q", tt.s, tt.width, got, tt.want)
		}
	}
}

// names returns n legend names of the given length.
func names(n, length int) []string {
	v := make([]string, n)
	for i := range v {
		v[i] = strings.Repeat("0", length-1) + strconv.Itoa(i%10)
	}
	return v
}

func TestLayoutHeader(t *testing.T) {
	tests := []struct {
		name       string
		o          Options
		names      []string
		wantTitle  string
		wantLegend string // "" for none, else its type
		wantTop    int
	}{
		{"nothing", Options{}, nil, "", "", 30},
		{"title", Options{Title: "Loss"}, nil, "Loss", "", 60},
		{"title and subtitle", Options{Title: "Loss", Subtitle: "per epoch"}, nil, "Loss", "", 86},
		{"legend of one row", Options{Title: "Loss"}, names(4, 10), "Loss", "plain", 78},
		// A 72-pixel name takes 112 pixels with its icon and gap; 770
		// pixels of the 860 hold six on a row.
		{"legend of two rows", Options{Title: "Loss"}, names(7, 10), "Loss", "plain", 102},
		{"legend of three rows", Options{Title: "Loss"}, names(18, 10), "Loss", "plain", 126},
		{"legend too long: scrolls", Options{Title: "Loss"}, names(19, 10), "Loss", "scroll", 78},
		// "Loss" is 45.5 pixels in bold at 18 px, a space 6.3: nine
		// words fit in the 480 pixels of a 500-pixel chart.
		{"long title wraps", Options{Title: strings.Repeat("Loss ", 30), Width: 500}, nil,
			strings.Repeat(strings.Repeat("Loss ", 8)+"Loss\n", 3) + "Loss Loss Loss", "", 132},
	}
	for _, tt := range tests {
		w, _ := tt.o.size()
		h := layoutHeader(tt.o, w, tt.names)
		if h.title.Title != tt.wantTitle {
			t.Errorf("%s: title %q, want %q", tt.name, h.title.Title, tt.wantTitle)
		}
		legend := ""
		if *h.legend.Show {
			legend = h.legend.Type
		}
		if legend != tt.wantLegend {
			t.Errorf("%s: legend %q, want %q", tt.name, legend, tt.wantLegend)
		}
		if h.plotTop != tt.wantTop {
			t.Errorf("%s: plot starts at %d, want %d", tt.name, h.plotTop, tt.wantTop)
		}
	}
}

// TestConfusionMatrixLayout checks the size of confusion matrices: square
// cells sized from the class count, the chart wide enough for its title
// and at least 560 pixels, the size asked for when there is one.
func TestConfusionMatrixLayout(t *testing.T) {
	digits := names(10, 1)
	iris := []string{"setosa", "versicolor", "virginica"}
	tests := []struct {
		name          string
		o             Options
		classes       []string
		cell          int
		width, height int
		turned        bool // x labels turned, being wider than a cell
		titleLines    int
	}{
		// 60 pixels for the title, 440 for the cells, 60 for the labels.
		{"ten digits", Options{Title: "Digits"}, digits, 44, 560, 560, false, 1},
		{"three classes get big cells", Options{}, iris, 100, 560, 390, false, 0},
		{"long names turn", Options{}, []string{"a long class name", "another long one", "a third"}, 100, 560, 459, true, 0},
		// 59 pixels left of the cells, 30 right.
		{"many classes get small cells", Options{}, names(40, 2), 28, 1209, 1210, false, 0},
		// "Confusion " is 107.5 pixels in bold at 18 px; 22 of margins.
		{"a long title widens the chart", Options{Title: strings.Repeat("Confusion ", 6)}, digits, 44, 667, 560, false, 1},
		{"a very long title wraps", Options{Title: strings.Repeat("Confusion ", 10)}, digits, 44, DefaultWidth, 584, false, 2},
		{"size given", Options{Width: 400, Height: 400}, digits, 31, 400, 400, false, 0},
		{"width given", Options{Width: 400, Title: "Digits"}, digits, 31, 400, 430, false, 1},
	}
	for _, tt := range tests {
		k := len(tt.classes)
		counts := make([][]int, k)
		for i := range counts {
			counts[i] = make([]int, k)
		}
		m := optionOf(t, ConfusionMatrix(tt.o, counts, tt.classes))
		w, h := chartSize(ConfusionMatrix(tt.o, counts, tt.classes))
		cell, _ := strconv.Atoi(at(t, m, "grid", 0, "width").(string))
		turned := at(t, m, "xAxis", 0, "axisLabel", "rotate") != nil
		lines := 0
		if title, _ := at(t, m, "title", "text").(string); title != "" {
			lines = strings.Count(title, "\n") + 1
		}
		if cell != k*tt.cell || w != tt.width || h != tt.height || turned != tt.turned || lines != tt.titleLines {
			t.Errorf("%s: cells %d px, %d×%d, x labels turned %v, %d title lines; want %d px, %d×%d, %v, %d",
				tt.name, cell/k, w, h, turned, lines, tt.cell, tt.width, tt.height, tt.turned, tt.titleLines)
		}
	}
}
