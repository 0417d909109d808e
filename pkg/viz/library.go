package viz

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
)

// EChartsEnv names the environment variable that, when set, gives the path
// of echarts.min.js. Without it the package looks for the repository's
// node_modules (installed by `make setup`), found from this file's own path.
const EChartsEnv = "BACKPROP_ECHARTS_JS"

// PageLibraryEnv names the environment variable that, set to 1, says the
// notebook page loads ECharts by itself: scripts/notebook.sh (make
// notebook) sets it for its kernels, whose page gets ECharts from the
// course's notebook extension. Charts then never carry the library, and a
// saved notebook stays about 1 MB lighter.
const PageLibraryEnv = "BACKPROP_VIZ_PAGE_LIBRARY"

// pageHasLibrary reports whether the page loads ECharts itself.
func pageHasLibrary() bool { return os.Getenv(PageLibraryEnv) == "1" }

// echartsRelPath is where npm puts the single-file build of ECharts.
const echartsRelPath = "node_modules/echarts/dist/echarts.min.js"

var library struct {
	once sync.Once
	path string
	js   string // the file's text, without its source-map comment
	err  error
}

// libraryJS returns the text and path of echarts.min.js, read once per
// process.
func libraryJS() (js, path string, err error) {
	library.once.Do(func() {
		library.path, library.err = findLibrary()
		if library.err != nil {
			return
		}
		b, err := os.ReadFile(library.path)
		if err != nil {
			library.err = fmt.Errorf("viz: reading ECharts: %w", err)
			return
		}
		library.js = stripSourceMap(string(b))
	})
	return library.js, library.path, library.err
}

// findLibrary resolves echarts.min.js: the environment variable first, then
// node_modules in a directory above this source file. Notebooks reach the
// repository through a go.mod replace, so the source path is a real file.
func findLibrary() (string, error) {
	if p := os.Getenv(EChartsEnv); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("viz: %s=%q: %w", EChartsEnv, p, err)
		}
		return p, nil
	}
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		return "", errors.New("viz: cannot locate the package source to find ECharts; set " + EChartsEnv)
	}
	var tried []string
	for dir := filepath.Dir(file); ; dir = filepath.Dir(dir) {
		p := filepath.Join(dir, echartsRelPath)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		tried = append(tried, p)
		if parent := filepath.Dir(dir); parent == dir {
			break
		}
	}
	return "", fmt.Errorf("viz: ECharts not found (looked for %s): run `make setup` "+
		"(npm ci at the repository root), or set %s to the path of echarts.min.js",
		strings.Join(tried[:min(len(tried), 3)], ", "), EChartsEnv)
}

// stripSourceMap drops a trailing "//# sourceMappingURL=" line: the map file
// is not shipped with the page, and browsers would try to fetch it.
func stripSourceMap(js string) string {
	if i := strings.LastIndex(js, "\n//# sourceMappingURL="); i >= 0 {
		return js[:i+1]
	}
	return js
}

// libraryHTML wraps ECharts in a script element that defines window.echarts
// and then draws the charts that were waiting for it.
//
// Jupyter Notebook 6 and nbconvert's HTML pages load RequireJS; the UMD
// bundle would then register an anonymous AMD module instead of a global.
// Calling it with define, module and exports shadowed by undefined
// parameters makes it take the global branch. A page that already has
// ECharts (a second notebook cell after a kernel restart) skips it.
func libraryHTML(js string) string {
	var b strings.Builder
	b.Grow(len(js) + 512)
	b.WriteString("<script>/* ECharts (Apache-2.0), loaded once per notebook by backprop/pkg/viz */\n")
	b.WriteString("if(!(window.echarts&&window.echarts.init)){(function(define,module,exports){\n")
	b.WriteString(js)
	b.WriteString("\n}).call(window);}\n")
	b.WriteString(`(function(w){var q=w.__bpvizWait||[];w.__bpvizWait={push:function(f){f()}};` +
		`for(var i=0;i<q.length;i++){try{q[i]()}catch(e){console.error(e)}}})(window);`)
	b.WriteString("</script>\n")
	return b.String()
}
