// Package viz draws the course's charts with ECharts, through go-echarts,
// inline in GoNB notebooks and without a network.
//
// # Showing a chart
//
// Every chart kind is a function that takes plain data (slices and small
// structs; viz does not depend on the backprop package) and returns a
// go-echarts chart. Show draws it:
//
//	xs, ys := ...
//	viz.Show(viz.Lines(viz.Options{Title: "f(x) = x²", XLabel: "x"},
//		viz.Series{Name: "f", X: xs, Y: ys}))
//
// In a GoNB notebook the chart appears as the output of the cell. Outside a
// notebook Show writes a standalone HTML page into a temporary directory and
// returns its path; WriteHTML writes one to a path of your choosing. Any
// go-echarts chart is a Chart, so charts built with go-echarts directly show
// the same way.
//
// # How a chart reaches the page
//
// ECharts itself (node_modules/echarts/dist/echarts.min.js, about 1 MB,
// installed by `make setup`; or the file named by BACKPROP_ECHARTS_JS) goes
// into the notebook once per kernel: the first chart shown after a kernel
// start carries it, later charts only their own option (a few kilobytes).
// The library is wrapped so that RequireJS, which Jupyter Notebook 6 and
// nbconvert's HTML export load, does not capture it. A chart whose script
// runs before the library (a cell above the one that carried it) waits for
// it. Chart element ids are a hash of the chart's option and its position
// in the kernel's sequence, so "Restart & Run All" gives identical outputs.
//
// Each chart also carries a static SVG image of itself, drawn by ECharts'
// server-side renderer in a node process that viz starts once per cell. The
// image shows where scripts do not run (an untrusted notebook, a static
// viewer); the script replaces it with the interactive chart. Without node
// the charts go without images, with a one-line note; setting
// BACKPROP_VIZ_STATIC=0 turns the images off.
package viz
