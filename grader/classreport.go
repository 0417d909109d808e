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

// QuestionSummary is how a class did on one concept check.
type QuestionSummary struct {
	ID, Notebook, Prompt string
	Right                int // learners who answered right
	Wrong                int // answered, not right
	Unanswered           int
}

// SuccessRate is the share of the class that answered right (those who
// did not answer count as not right).
func (s QuestionSummary) SuccessRate() float64 {
	n := s.Right + s.Wrong + s.Unanswered
	if n == 0 {
		return 0
	}
	return float64(s.Right) / float64(n)
}

// SummarizeQuestions counts, per concept check, how the class answered.
func SummarizeQuestions(entries []ClassEntry) []QuestionSummary {
	var out []QuestionSummary
	for _, q := range checks.Questions() {
		s := QuestionSummary{ID: q.ID, Notebook: q.Notebook(), Prompt: q.Prompt}
		for _, e := range entries {
			r := e.Report.question(q.ID)
			switch {
			case r.Right:
				s.Right++
			case r.Answered:
				s.Wrong++
			default:
				s.Unanswered++
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
// graded, and each concept check's success rate (which ideas to re-teach).
// Charts use the course's own ECharts, inline: the page opens from
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
	for _, s := range lowestFirst(summaries, ExerciseSummary.PassRate) {
		failed := "—"
		if s.MostFailedCount > 0 {
			failed = fmt.Sprintf("%s (%d)", s.MostFailedKind, s.MostFailedCount)
		}
		fmt.Fprintf(&table, "<tr><td>%s</td><td>%s</td><td class=\"num\">%d (%.0f%%)</td><td class=\"num\">%d</td><td class=\"num\">%d</td>"+
			"<td class=\"num\">%d</td><td>%s</td><td>%s</td></tr>\n",
			esc(s.Name), esc(s.Topic), s.Passed, 100*s.PassRate(), s.Partial, s.Failed, s.NotAttempted, esc(failed), esc(s.Hint))
	}
	table.WriteString("</table>")

	questions := SummarizeQuestions(entries)
	var qtable strings.Builder
	qtable.WriteString("<h2>Concept checks: which ideas to re-teach</h2>\n<p>Sorted by success rate, lowest first: the share of the class " +
		"that answered right (no answer counts as not right). <em>Wrong</em> answered and missed; " +
		"a question many answered wrong is a misconception, one few answered may simply be unread.</p>\n" +
		"<table id=\"questions\"><tr><th>question</th><th>notebook</th><th>right</th><th>wrong</th><th>not answered</th><th>question asked</th></tr>\n")
	for _, s := range lowestFirst(questions, QuestionSummary.SuccessRate) {
		fmt.Fprintf(&qtable, "<tr><td>%s</td><td>%s</td><td class=\"num\">%d (%.0f%%)</td><td class=\"num\">%d</td><td class=\"num\">%d</td><td>%s</td></tr>\n",
			esc(s.ID), esc(s.Notebook), s.Right, 100*s.SuccessRate(), s.Wrong, s.Unanswered, esc(s.Prompt))
	}
	qtable.WriteString("</table>")

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
		viz.Block{Chart: questionChart(questions)},
		viz.Block{HTML: qtable.String()},
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
	names, rates := ratesOf(summaries, func(s ExerciseSummary) (string, float64) { return s.Name, s.PassRate() })
	return rateChart("Full marks per exercise (% of the class)", "full marks (%)", names, rates)
}

// questionChart draws one horizontal bar per concept check: the share of
// the class that answered right, in course order.
func questionChart(summaries []QuestionSummary) *charts.Bar {
	names, rates := ratesOf(summaries, func(s QuestionSummary) (string, float64) { return s.ID, s.SuccessRate() })
	return rateChart("Right answers per concept check (% of the class)", "right (%)", names, rates)
}

// lowestFirst returns a copy of summaries sorted by rate, lowest first
// (course order among equals).
func lowestFirst[S any](summaries []S, rate func(S) float64) []S {
	out := append([]S(nil), summaries...)
	sort.SliceStable(out, func(i, j int) bool { return rate(out[i]) < rate(out[j]) })
	return out
}

// ratesOf returns the name and rate of each summary.
func ratesOf[S any](summaries []S, of func(S) (string, float64)) (names []string, rates []float64) {
	for _, s := range summaries {
		n, r := of(s)
		names, rates = append(names, n), append(rates, r)
	}
	return names, rates
}

// rateChart draws one horizontal bar per name, rates in [0, 1] shown as
// percentages, from top to bottom.
func rateChart(title, series string, names []string, rates []float64) *charts.Bar {
	c := charts.NewBar()
	h := 80 + 22*len(names)
	c.SetGlobalOptions(
		charts.WithInitializationOpts(opts.Initialization{Width: "900px", Height: strconv.Itoa(h) + "px"}),
		charts.WithTitleOpts(opts.Title{Title: title}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "190", Right: "40", Top: "50", Bottom: "30"}),
	)
	var data []opts.BarData
	for _, r := range rates {
		data = append(data, opts.BarData{Value: strconv.FormatFloat(100*r, 'f', 1, 64)})
	}
	c.SetGlobalOptions(
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Min: 0, Max: 100}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names, Inverse: opts.Bool(true)}),
	)
	c.AddSeries(series, data)
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
