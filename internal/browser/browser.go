// Package browser drives the system's headless Chromium (Debian's
// /usr/bin/chromium) with go-rod, for tests that must see a page the way a
// learner does: charts drawn, no script errors. Nothing is downloaded: the
// browser must be installed.
//
//	b, err := browser.Launch(browser.Options{Offline: true})
//	...
//	defer b.Close()
//	p, err := b.Open("file:///tmp/page.html")
//	...
//	p.Screenshot("/tmp/page.png")
//	if errs := p.Errors(); len(errs) > 0 { ... }
package browser

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"

	"github.com/go-rod/rod"
	"github.com/go-rod/rod/lib/launcher"
	"github.com/go-rod/rod/lib/launcher/flags"
	"github.com/go-rod/rod/lib/proto"
)

// Bin names the environment variable that overrides the browser binary.
const Bin = "BACKPROP_CHROMIUM"

// Find returns the path of the Chromium binary: $BACKPROP_CHROMIUM,
// /usr/bin/chromium, or chromium / chromium-browser on PATH.
func Find() (string, error) {
	if p := os.Getenv(Bin); p != "" {
		return p, nil
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", errors.New("browser: chromium not found (apt-get install chromium, or set " + Bin + ")")
}

// Options configure Launch. The zero value gives a 1200×900 window with the
// network on.
type Options struct {
	// Offline turns the network off: pages load from file:// only, and
	// any attempt to reach a host fails (as it would on a learner's
	// machine without internet).
	Offline bool
	// LocalOnly lets pages reach 127.0.0.1 and localhost only (a local
	// Jupyter server) while every other host fails to resolve.
	LocalOnly     bool
	Width, Height int
}

// Browser is a running headless Chromium with a fresh profile.
type Browser struct {
	opts     Options
	launcher *launcher.Launcher
	rod      *rod.Browser
	dataDir  string
}

// Launch starts Chromium headless with a fresh, temporary user-data
// directory and without background networking, component updates or sync.
func Launch(o Options) (*Browser, error) {
	bin, err := Find()
	if err != nil {
		return nil, err
	}
	if o.Width <= 0 {
		o.Width = 1200
	}
	if o.Height <= 0 {
		o.Height = 900
	}
	dir, err := os.MkdirTemp("", "browser-profile-")
	if err != nil {
		return nil, err
	}
	l := launcher.New().Bin(bin).Leakless(false).Headless(true).NoSandbox(true).UserDataDir(dir).
		Set("disable-gpu").
		Set("disable-background-networking").
		Set("disable-component-update").
		Set("disable-sync").
		Set("no-first-run").
		Set("disable-quic").
		Set("window-size", fmt.Sprintf("%d,%d", o.Width, o.Height))
	switch {
	case o.Offline:
		l.Set("host-resolver-rules", "MAP * ~NOTFOUND")
	case o.LocalOnly:
		l.Set("host-resolver-rules", "MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1")
	}
	l.Delete(flags.Flag("no-startup-window"))
	u, err := l.Launch()
	if err != nil {
		os.RemoveAll(dir)
		return nil, fmt.Errorf("browser: launching %s: %w", bin, err)
	}
	rb := rod.New().ControlURL(u)
	if err := rb.Connect(); err != nil {
		l.Kill()
		os.RemoveAll(dir)
		return nil, fmt.Errorf("browser: connecting: %w", err)
	}
	return &Browser{opts: o, launcher: l, rod: rb, dataDir: dir}, nil
}

// Close ends the browser and removes its profile.
func (b *Browser) Close() error {
	err := b.rod.Close()
	b.launcher.Kill()
	os.RemoveAll(b.dataDir)
	return err
}

// Page is an open tab that records what its scripts report.
type Page struct {
	*rod.Page
	mu     sync.Mutex
	errors []string // console.error calls and uncaught exceptions
	logs   []string // browser log entries (failed loads, violations)
}

// Open opens url in a new tab and waits for its load event. Console errors
// and uncaught exceptions are recorded from before the first script runs.
func (b *Browser) Open(url string) (*Page, error) {
	rp, err := b.rod.Page(proto.TargetCreateTarget{})
	if err != nil {
		return nil, fmt.Errorf("browser: new tab: %w", err)
	}
	p := &Page{Page: rp}
	if err := (proto.RuntimeEnable{}).Call(rp); err != nil {
		return nil, err
	}
	if err := (proto.LogEnable{}).Call(rp); err != nil {
		return nil, err
	}
	go rp.EachEvent(
		func(e *proto.RuntimeConsoleAPICalled) {
			if e.Type == proto.RuntimeConsoleAPICalledTypeError || e.Type == proto.RuntimeConsoleAPICalledTypeAssert {
				p.record(&p.errors, "console.error: "+remoteArgs(e.Args))
			}
		},
		func(e *proto.RuntimeExceptionThrown) {
			d := e.ExceptionDetails
			msg := d.Text
			if d.Exception != nil && d.Exception.Description != "" {
				msg += " " + d.Exception.Description
			}
			p.record(&p.errors, fmt.Sprintf("exception at %s:%d: %s", d.URL, d.LineNumber, msg))
		},
		func(e *proto.LogEntryAdded) {
			p.record(&p.logs, fmt.Sprintf("%s %s: %s %s", e.Entry.Level, e.Entry.Source, e.Entry.Text, e.Entry.URL))
		},
	)()
	if b.opts.Offline {
		// Belt and braces beside the resolver rule: no request leaves.
		err := proto.NetworkEmulateNetworkConditions{Offline: true, Latency: 0,
			DownloadThroughput: -1, UploadThroughput: -1}.Call(rp)
		if err != nil {
			return nil, err
		}
	}
	if err := rp.SetViewport(&proto.EmulationSetDeviceMetricsOverride{
		Width: b.opts.Width, Height: b.opts.Height, DeviceScaleFactor: 1,
	}); err != nil {
		return nil, err
	}
	if err := rp.Timeout(60 * time.Second).Navigate(url); err != nil {
		return nil, fmt.Errorf("browser: opening %s: %w", url, err)
	}
	if err := rp.Timeout(60 * time.Second).WaitLoad(); err != nil {
		return nil, fmt.Errorf("browser: loading %s: %w", url, err)
	}
	return p, nil
}

func (p *Page) record(list *[]string, s string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	*list = append(*list, s)
}

func remoteArgs(args []*proto.RuntimeRemoteObject) string {
	var parts []string
	for _, a := range args {
		switch {
		case a.Description != "":
			parts = append(parts, a.Description)
		default:
			parts = append(parts, a.Value.String())
		}
	}
	return strings.Join(parts, " ")
}

// Errors returns the console errors and uncaught exceptions so far.
func (p *Page) Errors() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.errors...)
}

// Logs returns the browser's log entries so far (failed resource loads,
// security violations): worth printing, not always a failure.
func (p *Page) Logs() []string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return append([]string(nil), p.logs...)
}

// Screenshot saves the whole page (not only the viewport) as PNG to path.
func (p *Page) Screenshot(path string) error {
	png, err := p.Page.Screenshot(true, &proto.PageCaptureScreenshot{Format: proto.PageCaptureScreenshotFormatPng})
	if err != nil {
		return fmt.Errorf("browser: screenshot: %w", err)
	}
	return os.WriteFile(path, png, 0o644)
}

// WaitTrue waits until the JavaScript function js (for example
// `() => document.querySelectorAll("canvas").length > 2`) returns true, or
// the timeout passes.
func (p *Page) WaitTrue(js string, timeout time.Duration) error {
	return p.Page.Timeout(timeout).Wait(rod.Eval(js))
}
