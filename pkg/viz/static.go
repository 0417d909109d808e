package viz

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"sync"
	"time"
)

// StaticEnv names the environment variable that turns the static images
// off when set to "0" (cells get quicker, outputs smaller; charts then need
// scripts to appear).
const StaticEnv = "BACKPROP_VIZ_STATIC"

// ssrScript runs in node: it reads one JSON request per line
// ({"w":…,"h":…,"option":"<JavaScript object literal>"}) and answers one
// JSON line ({"svg":…} or {"error":…}), using ECharts' server-side
// rendering, which needs no DOM.
//
// Without a canvas ECharts measures text with Helvetica's widths, and
// labels laid out that way overlap where the image is shown in a wider
// font; the script measures with the widths of runeWidth instead
// (process.argv[2]), so the image is laid out like the page.
const ssrScript = `
const echarts = require(process.argv[1]);
const widths = JSON.parse(process.argv[2]);
echarts.setPlatformAPI({measureText: (text, font) => {
  font = font || '12px sans-serif';
  const m = /([\d.]+)px/.exec(font), size = m ? +m[1] : 12;
  const bold = /\b(bold|bolder|[6-9]00)\b/.test(font);
  let w = 0;
  for (const ch of String(text || '')) {
    const c = ch.codePointAt(0);
    if (c >= 32 && c <= 126) w += (bold ? widths.bold : widths.regular)[c - 32] / 100;
    else if (/\p{Mn}/u.test(ch)) w += 0;
    else if (c < 0x2000) w += bold ? 0.75 : 0.68; // as runeWidth
    else if (c < 0x2e80) w += 0.84;
    else w += 1;
  }
  return {width: w * size};
}});
const rl = require('readline').createInterface({input: process.stdin, crlfDelay: Infinity});
rl.on('line', (line) => {
  let reply;
  try {
    const req = JSON.parse(line);
    const option = Function('"use strict"; return (' + req.option + ');')();
    option.animation = false;
    const chart = echarts.init(null, null, {renderer: 'svg', ssr: true, width: req.w, height: req.h});
    chart.setOption(option);
    // An <img> is not interactive: drop the hover styles and the
    // metadata that SSR adds for hydration (40-55% of a heat map). Then
    // write colors in hex and empty elements as <x/>, without the line
    // breaks between elements: the same picture in about a fifth less.
    const hex = (r, g, b) => '#' + [r, g, b].map((v) => (+v).toString(16).padStart(2, '0')).join('');
    const svg = chart.renderToSVGString()
      .replace(/<style[^]*?<\/style>/, '')
      .replace(/ (ecmeta_[a-z_]+|class|pointer-events)="[^"]*"/g, '')
      .replace(/rgb\((\d+),(\d+),(\d+)\)/g, (m, r, g, b) => hex(r, g, b))
      .replace(/><\/(path|rect|circle|ellipse|line|polyline|polygon)>/g, '/>')
      .replace(/>\n</g, '><');
    reply = {svg: svg};
    chart.dispose();
  } catch (e) {
    reply = {error: String(e && e.stack || e)};
  }
  process.stdout.write(JSON.stringify(reply) + '\n');
});
`

// staticTimeout bounds one rendering, the first one included (node start
// and ECharts parse take about 0.2 s).
const staticTimeout = 20 * time.Second

// svgRenderer is a node child process, started on first use and reused by
// every chart of this program. In GoNB each cell is a program of its own, so
// a cell pays the start-up once, however many charts it draws. The process
// ends with the program: its stdin closes.
type svgRenderer struct {
	mu     sync.Mutex
	cmd    *exec.Cmd
	in     io.WriteCloser
	out    *bufio.Reader
	broken error // sticky: once node fails, charts go without images
	noted  bool
}

var static svgRenderer

// staticSVG returns the chart as an SVG document, or "" when static images
// are off or node cannot render; the first failure prints a one-line note
// to stderr.
func staticSVG(option string, width, height int) string {
	if os.Getenv(StaticEnv) == "0" {
		return ""
	}
	svg, err := static.render(option, width, height)
	if err != nil {
		static.note(err)
		return ""
	}
	return svg
}

func (r *svgRenderer) note(err error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.noted {
		r.noted = true
		fmt.Fprintf(os.Stderr, "viz: charts have no static image (%v); they still draw where scripts run\n", err)
	}
}

func (r *svgRenderer) start() error {
	node, err := exec.LookPath("node")
	if err != nil {
		return errors.New("node not found on PATH")
	}
	_, lib, err := libraryJS()
	if err != nil {
		return err
	}
	table := func(t [95]uint8) []int { // []uint8 would become base64
		v := make([]int, len(t))
		for i, w := range t {
			v[i] = int(w)
		}
		return v
	}
	widths, err := json.Marshal(map[string][]int{"regular": table(sansWidths), "bold": table(sansBoldWidths)})
	if err != nil {
		return err
	}
	cmd := exec.Command(node, "-e", ssrScript, "--", lib, string(widths))
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting node: %w", err)
	}
	r.cmd, r.in, r.out = cmd, in, bufio.NewReaderSize(out, 1<<20)
	return nil
}

func (r *svgRenderer) render(option string, width, height int) (string, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.broken != nil {
		return "", r.broken
	}
	if r.cmd == nil {
		if err := r.start(); err != nil {
			r.broken = err
			return "", err
		}
	}
	req, err := json.Marshal(struct {
		W      int    `json:"w"`
		H      int    `json:"h"`
		Option string `json:"option"`
	}{width, height, option})
	if err != nil {
		return "", err
	}
	type reply struct {
		SVG   string `json:"svg"`
		Error string `json:"error"`
	}
	done := make(chan error, 1)
	var rep reply
	go func() {
		if _, err := r.in.Write(append(req, '\n')); err != nil {
			done <- err
			return
		}
		line, err := r.out.ReadBytes('\n')
		if err != nil {
			done <- err
			return
		}
		done <- json.Unmarshal(line, &rep)
	}()
	select {
	case err = <-done:
	case <-time.After(staticTimeout):
		err = fmt.Errorf("node took longer than %v", staticTimeout)
	}
	if err != nil {
		// The pipe is out of step or the process is gone: stop using it.
		_ = r.cmd.Process.Kill()
		r.broken = fmt.Errorf("node renderer: %w", err)
		return "", r.broken
	}
	if rep.Error != "" {
		// A bad option for this chart only; the process is still usable.
		return "", fmt.Errorf("node renderer: %s", firstLine(rep.Error))
	}
	return rep.SVG, nil
}

func firstLine(s string) string {
	for i, c := range s {
		if c == '\n' {
			return s[:i]
		}
	}
	return s
}
