package viz

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/janpfeifer/gonb/gonbui"
)

// Chart is what Show draws. Every go-echarts chart (*charts.Line,
// *charts.HeatMap, *charts.Graph, ...) is a Chart, so charts built with
// go-echarts directly show the same way as the ones this package makes.
type Chart interface {
	// Validate completes the options (go-echarts fills axis data here).
	Validate()
	// JSON returns the ECharts option as a map.
	JSON() map[string]interface{}
}

// Default size of a chart in pixels, used when the chart sets none. It fits
// the output area of Jupyter Notebook 6 at its default width.
const (
	DefaultWidth  = 860
	DefaultHeight = 400
)

// Show draws c. In a GoNB notebook it displays the chart inline, as the
// output of the running cell, and returns "". Elsewhere it writes a
// standalone HTML page (ECharts included) into a temporary directory and
// returns its path.
//
// The first chart of a notebook kernel also carries ECharts itself (about
// 1 MB); later charts reuse it. Each chart carries a static SVG image of
// itself, drawn by node, that viewers which do not run scripts show
// instead (see the package documentation).
//
// Show does not return errors: a chart that cannot be drawn (ECharts not
// installed) shows the reason in the cell output, or on stderr outside a
// notebook.
func Show(c Chart) string {
	if gonbui.IsNotebook {
		page, err := notebookHTML(c)
		if err != nil {
			gonbui.DisplayHTML(errorHTML(err))
			return ""
		}
		gonbui.DisplayHTML(page)
		gonbui.Sync() // large outputs are otherwise dropped at random
		return ""
	}
	r, err := render(c, session.nextSeq())
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return ""
	}
	path := filepath.Join(os.TempDir(), "backprop-viz", r.id+".html")
	if err := writeRendered(path, r); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return ""
	}
	return path
}

// WriteHTML writes c as a standalone HTML page to path, creating its
// directory. The page includes ECharts and needs no network.
func WriteHTML(path string, c Chart) error {
	r, err := render(c, 0)
	if err != nil {
		return err
	}
	return writeRendered(path, r)
}

func writeRendered(path string, r rendered) error {
	js, _, err := libraryJS()
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>")
	b.WriteString(html.EscapeString(r.title))
	b.WriteString("</title></head>\n<body>\n")
	b.WriteString(libraryHTML(js))
	b.WriteString(r.html())
	b.WriteString("</body></html>\n")
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}

// notebookHTML renders c for a notebook output: the library first if this
// kernel has not sent it yet, then the chart with its static image.
func notebookHTML(c Chart) (string, error) {
	js, _, err := libraryJS()
	if err != nil {
		return "", err
	}
	seq, needLibrary := session.next()
	needLibrary = needLibrary && !pageHasLibrary()
	r, err := render(c, seq)
	if err != nil {
		return "", err
	}
	r.svg = staticSVG(r.option, r.width, r.height)
	if needLibrary {
		return libraryHTML(js) + r.html(), nil
	}
	return r.html(), nil
}

func errorHTML(err error) string {
	return `<pre style="color:#b00">` + html.EscapeString(err.Error()) + "</pre>"
}

// rendered is one chart ready for a page.
type rendered struct {
	id            string // DOM id, deterministic: hash of sequence and option
	title         string
	option        string // JavaScript object literal
	width, height int
	fixed         bool   // keeps its size on a narrower page, which scrolls
	svg           string // static image, "" if none
}

// render turns c into an option literal with a deterministic id: the same
// chart at the same place in a notebook run gets the same id, so re-running
// a notebook gives identical outputs.
func render(c Chart, seq int) (rendered, error) {
	option, m, err := optionJS(c)
	if err != nil {
		return rendered{}, err
	}
	w, h := chartSize(c)
	sum := sha256.Sum256([]byte(strconv.Itoa(seq) + "\x00" + option))
	// A graph's boxes and text keep their size in pixels when ECharts
	// fits the graph into a narrower element: they would pile up.
	_, fixed := c.(*charts.Graph)
	return rendered{
		id:     "bpviz-" + hex.EncodeToString(sum[:6]),
		title:  chartTitle(m),
		option: option,
		width:  w,
		height: h,
		fixed:  fixed,
	}, nil
}

// funcMarker matches go-echarts' quoting of JavaScript functions
// (opts.FuncOpts), which its own templates strip the same way.
var funcMarker = regexp.MustCompile(`(__f__")|("__f__)|(__f__)`)

// optionJS returns c's option as a JavaScript object literal, safe inside a
// <script> element.
func optionJS(c Chart) (string, map[string]interface{}, error) {
	c.Validate()
	m := c.JSON()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false) // escaping < would break embedded functions
	if err := enc.Encode(m); err != nil {
		return "", nil, fmt.Errorf("viz: encoding chart option: %w", err)
	}
	s := funcMarker.ReplaceAllString(strings.TrimSpace(buf.String()), "")
	// "</script" or "<!--" inside a string would end or derail the element.
	s = strings.ReplaceAll(s, "</", `<\/`)
	s = strings.ReplaceAll(s, "<!--", `<\!--`)
	return s, m, nil
}

// chartSize reads the size a go-echarts chart declares (its embedded
// opts.Initialization, "900px"-style strings); charts that declare none,
// or a size in other units, get the defaults.
func chartSize(c Chart) (w, h int) {
	w, h = DefaultWidth, DefaultHeight
	if init, ok := initialization(c); ok {
		if v, ok := pixels(init.Width); ok {
			w = v
		}
		if v, ok := pixels(init.Height); ok {
			h = v
		}
	}
	return w, h
}

func initialization(c Chart) (opts.Initialization, bool) {
	v := reflect.ValueOf(c)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return opts.Initialization{}, false
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return opts.Initialization{}, false
	}
	f := v.FieldByName("Initialization")
	if !f.IsValid() {
		return opts.Initialization{}, false
	}
	init, ok := f.Interface().(opts.Initialization)
	return init, ok
}

func pixels(s string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(s), "px"))
	return n, err == nil && n > 0
}

// chartTitle returns the title text of an option map, for the page title
// and the image's alt text.
func chartTitle(option map[string]interface{}) string {
	if t, ok := option["title"].(opts.Title); ok && t.Title != "" {
		return t.Title
	}
	return "chart"
}

// html returns the chart element and the script that draws into it.
//
// The element first holds the static image; the script replaces it with
// the interactive chart. If ECharts is not on the page yet (a chart above
// the cell that loaded it), the script queues the drawing until it is.
// A chart narrower than the page shrinks to fit, unless it is fixed: then
// it keeps its size in a box that scrolls sideways.
func (r rendered) html() string {
	var b strings.Builder
	shrink := "max-width:100%"
	if r.fixed {
		shrink = "max-width:none"
		b.WriteString(`<div style="max-width:100%;overflow-x:auto">`)
	}
	fmt.Fprintf(&b, `<div id="%s" class="bpviz" style="width:%dpx;height:%dpx;%s">`,
		r.id, r.width, r.height, shrink)
	if r.svg != "" {
		fmt.Fprintf(&b, `<img src="%s" width="%d" height="%d" alt="%s" style="%s">`,
			svgDataURI(r.svg), r.width, r.height, html.EscapeString(r.title), shrink)
	}
	b.WriteString("</div>")
	if r.fixed {
		b.WriteString("</div>")
	}
	b.WriteString("\n<script>")
	fmt.Fprintf(&b, drawJS, strconv.Quote(r.id), r.option)
	b.WriteString("</script>\n")
	return b.String()
}

// drawJS draws one chart (arguments: the quoted element id, the option). It
// keeps the instance in window.__bpviz and leaves a note under the static
// image when ECharts never arrives.
//
// A live chart replaces its output, element included, at every update,
// with the same id: when the instance drawn under that id has left the
// page, its element comes back in place of the new one and takes the new
// option, which ECharts animates as a change of data.
const drawJS = `(function(w){var id=%s,opt=%s;
function draw(){var el=document.getElementById(id);if(!el||el.getAttribute("data-bpviz")==="drawn")return;
var all=w.__bpviz=w.__bpviz||{},old=all[id];
if(old&&!old.isDisposed()){var d=old.getDom();if(d&&d!==el&&!d.isConnected){el.parentNode.replaceChild(d,el);old.setOption(opt);return;}
try{old.dispose()}catch(e){}}
el.setAttribute("data-bpviz","drawn");el.innerHTML="";
var c=w.echarts.init(el,null,{renderer:"canvas"});c.setOption(opt);all[id]=c;}
if(w.echarts&&w.echarts.init){draw();}else{(w.__bpvizWait=w.__bpvizWait||[]).push(draw);
setTimeout(function(){var el=document.getElementById(id);if(el&&!el.getAttribute("data-bpviz")){
var n=document.createElement("div");n.style.cssText="font:12px sans-serif;color:#888";
n.textContent="Static image: ECharts is not on this page. Run the notebook again (Kernel > Restart & Run All) for the interactive chart.";
el.setAttribute("data-bpviz","static");el.style.height="auto";el.appendChild(n);}},5000);}
})(window);`

// svgDataURI encodes an SVG document as a data: URI. Percent-encoding only
// the characters that matter keeps it about a third smaller than base64.
func svgDataURI(svg string) string {
	var b strings.Builder
	b.Grow(len(svg) + len(svg)/8 + 32)
	b.WriteString("data:image/svg+xml,")
	for i := 0; i < len(svg); i++ {
		switch c := svg[i]; c {
		case '%', '#', '"', '<', '>', '&', '\'', '\n', '\r', '\t':
			b.WriteString(url.PathEscape(string(c)))
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// session tracks, per notebook kernel, how many charts were shown and
// whether ECharts was sent. GoNB runs every cell as a new program, so the
// state lives in a file in the kernel's temporary directory (GONB_TMP_DIR),
// which a kernel restart replaces: "Restart & Run All" then starts from
// chart 0 and sends the library again, giving identical outputs.
var session = &sessionState{}

type sessionState struct {
	mu      sync.Mutex
	charts  int  // used outside a notebook
	library bool // used outside a notebook
}

type sessionFile struct {
	Charts  int  `json:"charts"`
	Library bool `json:"library"`
}

func (s *sessionState) path() string {
	if dir := os.Getenv("GONB_TMP_DIR"); dir != "" {
		return filepath.Join(dir, "backprop-viz-session.json")
	}
	return ""
}

// update applies f to the kernel's session state: the file in a
// notebook, the process's own state elsewhere.
func (s *sessionState) update(f func(st *sessionFile)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	st := sessionFile{Charts: s.charts, Library: s.library}
	p := s.path()
	if p != "" {
		st = sessionFile{} // a new kernel has no file yet
		if b, err := os.ReadFile(p); err == nil {
			_ = json.Unmarshal(b, &st) // a damaged file restarts the count
		}
	}
	f(&st)
	s.charts, s.library = st.Charts, st.Library
	if p != "" {
		b, _ := json.Marshal(st)
		_ = os.WriteFile(p, b, 0o644)
	}
}

// next returns the sequence number of a chart about to be displayed and
// whether it must carry the library (the first chart of the kernel).
func (s *sessionState) next() (seq int, needLibrary bool) {
	s.update(func(st *sessionFile) {
		seq, needLibrary = st.Charts, !st.Library
		st.Charts++
		st.Library = true
	})
	return seq, needLibrary
}

// setLibrary records whether the kernel's page has ECharts in an output
// that stays (a live chart's updates drop it until its final chart).
func (s *sessionState) setLibrary(sent bool) {
	s.update(func(st *sessionFile) { st.Library = sent })
}

// nextSeq returns a chart sequence number without claiming the library.
func (s *sessionState) nextSeq() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.charts++
	return s.charts - 1
}
