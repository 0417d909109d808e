package viz

import (
	"fmt"
	"math"
	"sync"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/janpfeifer/gonb/gonbui"
)

// LiveInterval is the shortest time between two redraws of a live chart.
// Points that arrive faster are batched; the last ones are drawn when the
// interval ends, so the chart never lags behind by more than this.
const LiveInterval = 250 * time.Millisecond

// Live is a line chart that updates in place while a training loop runs:
// the course's progress bar. Feed it from the loop's callback and close it
// when the loop ends:
//
//	live := viz.NewLiveLoss(viz.Options{Title: "Training"})
//	for epoch := range epochs {
//		...
//		live.Add(epoch, trainLoss, valLoss)
//	}
//	live.Close()
//
// In a notebook the chart appears when NewLive is called, redraws at most
// every LiveInterval, and Close replaces it by a normal chart (with its
// static image), which is what the saved notebook keeps: all of it happens
// in one output of the cell, which ends up holding the final chart and
// nothing else. Outside a notebook Live only collects the points; Close
// writes the chart like Show does.
//
// A Live is safe for use by several goroutines.
type Live struct {
	o     Options
	names []string

	mu      sync.Mutex
	x, y    [][]float64 // per series: the points added so far (NaN skipped)
	seq     int
	library bool   // this chart carried ECharts: the final one must too
	id      string // DOM id of the chart element, the same from start to end
	outID   string // GoNB display holding the chart
	last    time.Time
	timer   *time.Timer
	dirty   bool
	closed  bool
	sent    int // updates sent to the notebook, for tests and the curious
	pace    time.Duration
	lastAdd time.Time
}

// NewLive starts a live chart with one line per name (in the order Add
// takes their values), shows it empty in a notebook, and returns it.
//
// NewLive panics if no name is given.
func NewLive(o Options, names ...string) *Live {
	if len(names) == 0 {
		panic("viz: NewLive needs at least one series name")
	}
	l := &Live{o: o, names: names, x: make([][]float64, len(names)), y: make([][]float64, len(names))}
	if !gonbui.IsNotebook {
		return l
	}
	l.seq, l.library = session.next()
	l.library = l.library && !pageHasLibrary()
	r, err := render(l.chart(), l.seq)
	if err != nil {
		gonbui.DisplayHTML(errorHTML(err))
		l.closed = true
		return l
	}
	l.id = r.id
	l.outID = "bpviz-live-" + gonbui.UniqueId()
	page := r.html()
	if l.library {
		js, _, err := libraryJS()
		if err != nil {
			gonbui.DisplayHTML(errorHTML(err))
			l.closed = true
			return l
		}
		page = libraryHTML(js) + page
		// The updates replace this output without ECharts, which only
		// the final chart carries again. Until Close, the kernel counts
		// the library as not sent: if the loop is interrupted, the next
		// chart shown carries it for the saved notebook.
		session.setLibrary(false)
	}
	gonbui.UpdateHTML(l.outID, page)
	gonbui.Sync()
	return l
}

// NewLiveLoss is NewLive for the usual pair of curves: Add(epoch,
// trainLoss, valLoss). Unset axis labels become "epoch" and "loss"; the
// curves are "train" and "validation" (o.Labels sets other words).
func NewLiveLoss(o Options) *Live {
	o.defaultAxes(or(o.Labels.Epoch, "epoch"), or(o.Labels.Loss, "loss"))
	return NewLive(o, or(o.Labels.Train, "train"), or(o.Labels.Validation, "validation"))
}

// Pace makes Add, in a notebook, wait until at least d has passed since
// the previous Add: a loop faster than the eye (a small data set trains
// in a fraction of a second) then takes long enough for the curves to be
// seen growing. Outside a notebook Pace has no effect. It returns l, for
// viz.NewLiveLoss(o).Pace(100 * time.Millisecond).
func (l *Live) Pace(d time.Duration) *Live {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.pace = d
	return l
}

// Add records one value per series at step (an epoch or an iteration) and
// redraws the chart if the last redraw is older than LiveInterval. A NaN
// value adds no point to its series (a validation loss computed only every
// few steps). Add after Close is ignored.
//
// Add panics if the number of values differs from the number of series.
func (l *Live) Add(step int, values ...float64) {
	if len(values) != len(l.names) {
		panic(fmt.Sprintf("viz: Live.Add: %d values for %d series %q", len(values), len(l.names), l.names))
	}
	l.mu.Lock()
	var wait time.Duration
	if l.pace > 0 && l.outID != "" && !l.lastAdd.IsZero() {
		wait = l.pace - time.Since(l.lastAdd)
	}
	l.mu.Unlock()
	time.Sleep(wait) // outside the lock: a redraw may be due meanwhile
	l.mu.Lock()
	defer l.mu.Unlock()
	l.lastAdd = time.Now()
	if l.closed {
		return
	}
	for i, v := range values {
		if !math.IsNaN(v) {
			l.x[i] = append(l.x[i], float64(step))
			l.y[i] = append(l.y[i], v)
		}
	}
	if l.outID == "" {
		return // not in a notebook
	}
	l.dirty = true
	if wait := LiveInterval - time.Since(l.last); wait > 0 {
		if l.timer == nil {
			l.timer = time.AfterFunc(wait, l.flush)
		}
		return
	}
	l.sendLocked()
}

func (l *Live) flush() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.timer = nil
	if !l.closed && l.dirty {
		l.sendLocked()
	}
}

// sendLocked replaces the chart's output by the chart of the points so
// far, under the same element id. The drawing script finds the chart
// already drawn under that id and moves it into the new element before
// setting the new option, so the chart redraws in place instead of being
// rebuilt (see drawJS). Updates are not animated: a line animated from
// its old points to its new ones, cut short by the next update, could be
// left drawn through stale points; each update is drawn as it is.
func (l *Live) sendLocked() {
	c := l.chart()
	c.SetGlobalOptions(charts.WithAnimation(false))
	r, err := render(c, l.seq)
	if err != nil {
		return // the first render succeeded: the option encodes
	}
	r.id = l.id
	gonbui.UpdateHTML(l.outID, r.html())
	l.last, l.dirty = time.Now(), false
	l.sent++
}

// Chart returns the chart of the points added so far.
func (l *Live) Chart() *charts.Line {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.chart()
}

func (l *Live) chart() *charts.Line {
	series := make([]Series, len(l.names))
	for i, name := range l.names {
		series[i] = Series{Name: name, X: l.x[i], Y: l.y[i]}
	}
	return Lines(l.o, series...)
}

// Close draws the final chart. In a notebook it replaces the live chart by
// a normal one (with its static image) and returns ""; elsewhere it
// returns the path of the HTML page written, as Show does. Closing twice
// does nothing the second time.
func (l *Live) Close() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.closed {
		return ""
	}
	l.closed = true
	if l.timer != nil {
		l.timer.Stop()
		l.timer = nil
	}
	c := l.chart()
	if l.outID == "" {
		return Show(c)
	}
	// The final chart takes the live one's place, in the same output and
	// under the same id: on this page it is the live chart, given its
	// last points; in the saved notebook, a chart of its own. Sweeping
	// the curves in again would look like a restart.
	c.SetGlobalOptions(charts.WithAnimation(false))
	r, err := render(c, l.seq)
	if err != nil {
		gonbui.UpdateHTML(l.outID, errorHTML(err))
		return ""
	}
	r.id = l.id
	r.svg = staticSVG(r.option, r.width, r.height)
	page := r.html()
	if l.library {
		js, _, _ := libraryJS() // read successfully in NewLive
		page = libraryHTML(js) + page
		session.setLibrary(true)
	}
	gonbui.UpdateHTML(l.outID, page)
	gonbui.Sync()
	return ""
}
