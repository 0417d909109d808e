// Package viz draws the course's charts with ECharts, through go-echarts,
// inline in GoNB notebooks and without a network.
//
// # Showing a chart
//
// Every chart kind is a function that takes plain data (slices and small
// structs; viz does not import the backprop package) and returns a
// go-echarts chart. Show draws it:
//
//	viz.Show(viz.Lines(viz.Options{Title: "f(x) = x²", XLabel: "x"},
//		viz.Series{Name: "f", X: xs, Y: ys}))
//
// In a GoNB notebook the chart appears as the output of the cell. Outside a
// notebook Show writes a standalone HTML page into a temporary directory and
// returns its path; WriteHTML writes one where you choose. Any go-echarts
// chart is a Chart, so charts built with go-echarts directly show the same
// way.
//
// # Chart kinds
//
// Options (title, axis labels, log scales, size) is the first argument of
// every kind; its zero value works, and each kind fills in the axis labels
// it knows ("epoch", "loss", ...). Those words and the names of a training
// run's curves ("train", "validation") are English unless Options.Labels
// gives others, as the course's Indonesian edition does.
//
//	Lines             curves y(x), overlaid
//	LossCurves        train/validation loss (and accuracy) of one or more runs
//	Schedules         learning-rate schedules over the steps
//	LRRangeTest       loss against a growing learning rate, suggestion marked
//	LossShapes        loss against the prediction, and its gradient beside it
//	OptimizerPaths    optimizers' trajectories over a loss surface (a Grid)
//	DecisionBoundary  a classifier's probability on a Grid, with the data points
//	ComputationGraph  a scalar graph: op, data and grad of each value, arrows forward
//	ConfusionMatrix   counts of true against predicted classes
//	Histogram         distributions (weights, gradients) over shared Bins
//
// Points that cannot be drawn (NaN, ±Inf, values ≤ 0 on a log axis) leave
// gaps rather than errors: a diverging run should still show its curve up
// to where it diverged. Inputs of inconsistent shape (a Series whose X and Y
// differ in length) are programmer errors: the functions panic with a
// message that starts with "viz: " and names both lengths.
//
// A log axis (LogX, LogY) spans whole decades around the data with at most
// eight ticks, labeled 0.001 … 9999 and 1e-7, 1e+4 beyond; underneath it
// is a linear axis over the base-10 logarithms of the values, so a loss
// that falls from 10 to 1e-25 keeps every tick. Line charts with log axes
// hold those logarithms in their series data.
//
// # Layout
//
// The title sits in the top left corner, on as many lines as it needs;
// the legend goes under it, wrapping onto a second or third row rather
// than paging (a longer one scrolls), and the plot starts below both.
// Series that belong together share a legend entry (a loss shape and its
// gradient), which shows or hides them together. Charts that have a
// natural size take it when Options leave it unset: a confusion matrix
// from its number of classes, a computation graph from its number of
// steps and of values per step. A chart narrower than the page shrinks
// with it, except a computation graph, whose boxes keep their size: it
// scrolls sideways instead.
//
// # Live charts
//
// NewLive (or NewLiveLoss) shows an empty chart that a training loop feeds
// through Add; it redraws at most every LiveInterval, and Close replaces it
// by a normal chart, in the same output of the cell, which is what the
// saved notebook keeps:
//
//	live := viz.NewLiveLoss(viz.Options{Title: "Training"})
//	for epoch := range 100 {
//		...
//		live.Add(epoch, trainLoss, valLoss)
//	}
//	live.Close()
//
// Each redraw is drawn as it is, without animating from the previous one
// (an animation cut short by the next redraw could leave stale lines). A
// loop too fast to watch can be slowed for the eye with Pace.
//
// # How a chart reaches the page
//
// ECharts itself (node_modules/echarts/dist/echarts.min.js, about 1 MB,
// installed by `make setup`; or the file named by BACKPROP_ECHARTS_JS) goes
// into the notebook once per kernel: the first chart shown after a kernel
// start carries it, later charts only their own option (a few kilobytes to
// a few tens of kilobytes; a surface about 130 bytes per grid cell, most
// of it in its static image). The
// library is wrapped so that RequireJS, which Jupyter Notebook 6 and
// nbconvert's HTML export load, does not capture it. A chart whose script
// runs before the library (a cell above the one that carried it) waits for
// it. Element ids are a hash of the chart's option and its position in the
// kernel's sequence (kept in GONB_TMP_DIR, since GoNB runs every cell as a
// program of its own), so "Restart & Run All" gives identical outputs.
//
// Under `make notebook` the page loads ECharts by itself (the course's
// notebook extension, see scripts/notebook.sh, which sets
// BACKPROP_VIZ_PAGE_LIBRARY=1 for its kernels): no chart carries the
// library, and the notebooks you save stay light. Opened elsewhere (a
// plain `jupyter notebook`, a static viewer), such a notebook shows each
// chart's static image until it is run again.
//
// One consequence: if you re-run only the cell that carried the library,
// the new output no longer carries it. The page you are looking at still
// has ECharts, but a notebook saved in that state shows static images when
// reopened. "Restart & Run All" before saving puts the library back.
//
// # Static images
//
// Each chart also carries an SVG image of itself, drawn by ECharts'
// server-side renderer in a node process that viz starts once per cell
// (about 0.2 s, then 10-50 ms per chart). The image shows where scripts do
// not run (an untrusted notebook, a static viewer); the script replaces it
// with the interactive chart. Both measure text with the widths of DejaVu
// Sans, a wide sans-serif font, so labels laid out for one do not overlap
// in the other. Without node the charts go without images,
// with a one-line note on stderr; BACKPROP_VIZ_STATIC=0 turns the images
// off (smaller outputs, quicker cells).
//
// Jupyter trusts only the outputs it signed when it saved them. A notebook
// saved elsewhere (downloaded, shared, or executed by nbconvert) opens
// with its outputs sanitized: scripts and style attributes removed. Each chart is then its
// image, at its own size or shrunk to a narrower page, and File > Trust
// Notebook (or running the cells) brings the interactive charts back.
package viz
