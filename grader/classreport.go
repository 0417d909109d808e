package grader

import (
	"fmt"
	"html"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/deepdive-dl/backprop/exercises/checks"
	"github.com/deepdive-dl/backprop/pkg/viz"
)

// ExerciseSummary is how a class did on one exercise.
type ExerciseSummary struct {
	Name, Topic, Hint string
	Passed            int // learners with full marks
	Partial           int // some points, not all
	Failed            int // tried, no points
	NotAttempted      int // missing, still the stub, or no code at all
	// MostFailedKind is the kind of hidden test (random, edge, property)
	// that failed most often among the learners who tried, with its count.
	MostFailedKind  string
	MostFailedCount int
}

// PassRate is the share of the class with full marks.
func (s ExerciseSummary) PassRate() float64 {
	n := s.Passed + s.Partial + s.Failed + s.NotAttempted
	if n == 0 {
		return 0
	}
	return float64(s.Passed) / float64(n)
}

// notAttempted are the statuses of an exercise the learner did not hand in.
var notAttempted = map[Status]bool{StatusMissing: true, StatusNotImplemented: true, StatusNoCode: true}

// SummarizeClass counts, per exercise of the catalog that was graded, how
// the class did.
func SummarizeClass(entries []ClassEntry) []ExerciseSummary {
	var out []ExerciseSummary
	for _, ex := range checks.Exercises() {
		s := ExerciseSummary{Name: ex.Name, Topic: ex.Topic, Hint: ex.Hint}
		kinds := map[string]int{}
		for _, e := range entries {
			r := e.Report.exercise(ex.Name)
			switch {
			case r.Name == "":
				continue // graded without this exercise
			case notAttempted[r.Status]:
				s.NotAttempted++
			case r.Score == r.Max && r.Max > 0:
				s.Passed++
			case r.Score > 0:
				s.Partial++
			default:
				s.Failed++
			}
			for _, t := range r.Tests {
				if !t.Passed && t.Kind != KindPublic && !notAttempted[r.Status] {
					kinds[t.Kind]++
				}
			}
		}
		if s.Passed+s.Partial+s.Failed+s.NotAttempted == 0 {
			continue // not part of this grading
		}
		for _, k := range []string{KindRandom, KindEdge, KindProperty} {
			if kinds[k] > s.MostFailedCount {
				s.MostFailedKind, s.MostFailedCount = k, kinds[k]
			}
		}
		out = append(out, s)
	}
	return out
}

// submittedNothing reports whether a learner handed in no exercise at all.
func submittedNothing(r *Report) bool {
	for _, e := range r.Exercises {
		if !notAttempted[e.Status] {
			return false
		}
	}
	return true
}

// WriteClassReport writes ClassReportHTML to path.
func WriteClassReport(path string, entries []ClassEntry) error {
	page, err := ClassReportHTML(entries)
	if err != nil {
		return err
	}
	return os.WriteFile(path, []byte(page), 0o644)
}

// ClassReportHTML returns an HTML page for the instructor after grading:
// the score distribution, each exercise's pass rate, the kind of hidden
// test that failed most with the exercise's hint (what to re-teach), and
// the learners who submitted nothing or whose submission could not be
// graded. Charts use the course's own ECharts, inline: the page opens from
// disk, offline.
func ClassReportHTML(entries []ClassEntry) (string, error) {
	esc := html.EscapeString
	var percents []float64
	for _, e := range entries {
		percents = append(percents, e.Report.Percent())
	}
	summaries := SummarizeClass(entries)

	var head strings.Builder
	fmt.Fprintf(&head, "<h1>Class report</h1>\n<p>%d submissions graded on %s. Mean score %.1f%%, median %.1f%%.</p>",
		len(entries), time.Now().Format("2 January 2006 15:04"), mean(percents), median(percents))

	var table strings.Builder
	table.WriteString("<h2>Exercises: what to re-teach</h2>\n<p>Sorted by pass rate, lowest first. " +
		"<em>Most failed</em> is the kind of hidden test that failed most often among those who tried.</p>\n" +
		"<table id=\"exercises\"><tr><th>exercise</th><th>topic</th><th>full marks</th><th>partial</th><th>no points</th>" +
		"<th>not handed in</th><th>most failed</th><th>hint</th></tr>\n")
	sorted := append([]ExerciseSummary(nil), summaries...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].PassRate() < sorted[j].PassRate() })
	for _, s := range sorted {
		failed := "—"
		if s.MostFailedCount > 0 {
			failed = fmt.Sprintf("%s (%d)", s.MostFailedKind, s.MostFailedCount)
		}
		fmt.Fprintf(&table, "<tr><td>%s</td><td>%s</td><td class=\"num\">%d (%.0f%%)</td><td class=\"num\">%d</td><td class=\"num\">%d</td>"+
			"<td class=\"num\">%d</td><td>%s</td><td>%s</td></tr>\n",
			esc(s.Name), esc(s.Topic), s.Passed, 100*s.PassRate(), s.Partial, s.Failed, s.NotAttempted, esc(failed), esc(s.Hint))
	}
	table.WriteString("</table>")

	var nothing, broken []string
	for _, e := range entries {
		switch {
		case len(e.Report.Problems) > 0:
			broken = append(broken, esc(Clean(e.Learner))+": "+esc(Clean(e.Report.Problems[0].String())))
		case submittedNothing(e.Report):
			nothing = append(nothing, esc(Clean(e.Learner)))
		}
	}
	var people strings.Builder
	people.WriteString("<h2>Learners who submitted nothing</h2>\n")
	writeList(&people, "nothing", nothing, "Everyone handed in at least one exercise.")
	people.WriteString("<h2>Submissions that could not be graded as a whole</h2>\n")
	writeList(&people, "broken", broken, "None.")

	return viz.PageHTML("Class report",
		viz.Block{HTML: head.String()},
		viz.Block{Chart: viz.Histogram(viz.Options{Title: "Score distribution", XLabel: "score (%)", YLabel: "learners"}, 10,
			viz.Sample{Name: "learners", Values: percents})},
		viz.Block{Chart: passRateChart(summaries)},
		viz.Block{HTML: table.String()},
		viz.Block{HTML: people.String()})
}

func writeList(b *strings.Builder, id string, items []string, none string) {
	if len(items) == 0 {
		fmt.Fprintf(b, "<p id=%q>%s</p>\n", id, none)
		return
	}
	fmt.Fprintf(b, "<ul id=%q>", id)
	for _, it := range items {
		b.WriteString("<li>" + it + "</li>")
	}
	b.WriteString("</ul>\n")
}

// passRateChart draws one horizontal bar per exercise: the share of the
// class with full marks, in course order from top to bottom.
func passRateChart(summaries []ExerciseSummary) *charts.Bar {
	c := charts.NewBar()
	h := 80 + 22*len(summaries)
	c.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{Width: "900px", Height: strconv.Itoa(h) + "px"}),
		charts.WithTitleOpts(opts.Title{Title: "Full marks per exercise (% of the class)"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "190", Right: "40", Top: "50", Bottom: "30"}),
	)
	var names []string
	var data []opts.BarData
	for _, s := range summaries {
		names = append(names, s.Name)
		data = append(data, opts.BarData{Value: strconv.FormatFloat(100*s.PassRate(), 'f', 1, 64)})
	}
	c.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, Max: 100}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true)}),
	)
	c.AddSeries("full marks (%)", data)
	return c
}

func mean(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	n := len(s)
	if n%2 == 1 {
		return s[n/2]
	}
	return (s[n/2-1] + s[n/2]) / 2
}
