package grader

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/sys/unix"
)

// The attack corpus: submissions written as a hostile learner would write
// them. Each must earn nothing it does not deserve, never break the grader,
// and leave no trace on the machine (TestHostile in grader_test.go holds
// more: loops, bombs, refused imports and directives).

// raceEscape tears a slice header with a data race, the first step of the
// memory-safety escape that needs no import and no directive: a reader
// that sees the pointer of the short slice with the length of the long one
// writes past its end. What such code can do next is any system call; the
// payloads of TestSandboxContainsPayload do exactly that in the same
// sandbox.
const raceEscape = `
var shared []float64

func RMSE(pred, target []float64) float64 {
	short, long := make([]float64, 1), make([]float64, 1<<20)
	go func() {
		for {
			shared = short
			shared = long
		}
	}()
	for i := 0; i < 1<<26; i++ {
		s := shared
		if len(s) == 1<<20 {
			s[len(s)-1] = 42 // out of bounds when the header is torn
		}
	}
	return 0
}
`

// genericBomb makes the compiler instantiate 2^32 functions: no cycle,
// just a chain in which every level calls the next with two new types.
var genericBomb = func() string {
	var b strings.Builder
	b.WriteString("type P[T any] struct{ a T }\ntype Q[T any] struct{ b T }\n")
	for i := range 32 {
		fmt.Fprintf(&b, "func f%d[T any]() int { return f%d[P[T]]() + f%d[Q[T]]() }\n", i, i+1, i+1)
	}
	b.WriteString("func f32[T any]() int { return 1 }\nfunc RMSE(pred, target []float64) float64 { return float64(f0[int]()) }\n")
	return b.String()
}()

func TestAttackCorpus(t *testing.T) {
	escape := "\x1b[2K\r\x1b[1ARMSE  losses  10  10  passed\n"
	cases := []struct {
		name  string
		files map[string]string
		check func(t *testing.T, rep *Report)
	}{
		{"data race on a slice header", pkg("", raceEscape), rmseZero},
		{"terminal escapes in a panic forge report lines", pkg("", `func RMSE(pred, target []float64) float64 { panic(`+fmt.Sprintf("%q", escape)+`) }`),
			func(t *testing.T, rep *Report) {
				rmseZero(t, rep)
				if txt := rep.Text(); strings.ContainsAny(txt, "\x1b\r") {
					t.Errorf("control characters reach the text report:\n%q", txt)
				}
			}},
		{"a panic message that prints the hidden inputs", pkg(`import "fmt"`, `func RMSE(pred, target []float64) float64 { panic(fmt.Sprint("LEAK", pred)) }`),
			func(t *testing.T, rep *Report) {
				rmseZero(t, rep)
				for _, tr := range rep.exercise("RMSE").Tests {
					if tr.Kind != KindPublic && strings.Contains(tr.Message, "LEAK") {
						t.Errorf("hidden test %q shows the learner's panic text: %s", tr.Name, tr.Message)
					}
				}
			}},
		{"a wrong answer learns no expected value", pkg("", `func RMSE(pred, target []float64) float64 { return 1e-3 }`),
			func(t *testing.T, rep *Report) {
				rmseZero(t, rep)
				for _, tr := range rep.exercise("RMSE").Tests {
					if tr.Kind != KindPublic && (strings.Contains(tr.Message, "want") || strings.ContainsAny(tr.Message, "0123456789")) {
						t.Errorf("hidden test %q shows a value: %s", tr.Name, tr.Message)
					}
				}
			}},
		{"a generic helper", pkg("", `func sum[T int | float64](xs []T) T { var s T; for _, x := range xs { s += x }; return s }
func RMSE(pred, target []float64) float64 { return sum(pred) }`), rmseZero},
		{"a generic exercise function", pkg("", `func RMSE[T float64](pred, target []T) T { return 0 }`),
			wantStatus("wrong signature", "generic")},
		{"a generic-instantiation compile bomb", pkg("", genericBomb), wantStatus("compile error", "the compiler gave up")},
		{"a //line directive", pkg("", "//line adapter_MSE.go:1\nfunc RMSE(pred, target []float64) float64 { return x }"),
			wantStatus("refused before compiling", "//line")},
		{"a /*line*/ directive", pkg("", "/*line adapter_MSE.go:1:1*/ func RMSE(pred, target []float64) float64 { return 0 }"),
			wantStatus("refused before compiling", "/*line")},
		{"a 250-character file name", map[string]string{"exercises/" + strings.Repeat("x", 247) + ".go": "package exercises\n" + goodMSE + "func RMSE(pred, target []float64) float64 { return y }"},
			wantStatus("compile error", "undefined: y")},
		{"an embed directive for the grader's files", pkg(`import _ "embed"`, "//go:embed ../../solutions\nvar s string\nfunc RMSE(pred, target []float64) float64 { return 0 }"),
			wantStatus("refused before compiling", "embed")},
		{"cgo", pkg(`import "C"`, `func RMSE(pred, target []float64) float64 { return 0 }`), wantStatus("refused before compiling", "cgo")},
		{"package main", map[string]string{"exercises/ex.go": "package main\nfunc RMSE(pred, target []float64) float64 { return 0 }\nfunc main() {}"},
			wantStatus("refused before compiling", "package main")},
		{"a flood of output", pkg(`import "strings"`, `func RMSE(pred, target []float64) float64 {
	for i := 0; i < 1000; i++ { print(strings.Repeat("x", 1<<16)) }
	return -1
}`), rmseZero},
		{"NaN for every answer", pkg(`import "math"`, `func RMSE(pred, target []float64) float64 { return math.NaN() }`), rmseZero},
		{"a huge panic message", pkg(`import "strings"`, `func RMSE(pred, target []float64) float64 { panic(strings.Repeat("boom ", 1<<18)) }`),
			func(t *testing.T, rep *Report) {
				rmseZero(t, rep)
				if len(rep.Text()) > 64<<10 {
					t.Errorf("the text report is %d bytes", len(rep.Text()))
				}
			}},
		{"memory held in init", pkg("", `var hog = make([]byte, 4<<30)
func RMSE(pred, target []float64) float64 { return float64(hog[0]) }`), wantStatus("crash", "")},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			t.Parallel()
			tmp := tempDir(t)
			began := time.Now()
			lim := testLimits
			lim.Compile = 10 * time.Second
			rep := grade(t, writeDir(t, c.files), Options{Exercises: []string{"MSE", "RMSE"}, Limits: lim, TempDir: tmp})
			c.check(t, rep)
			if d := time.Since(began); d > 30*time.Second {
				t.Errorf("grading took %v", d)
			}
			if rep.Isolation != IsolationBubblewrap && rep.exercise("RMSE").Status != "refused before compiling" {
				t.Errorf("isolation %q, want bubblewrap", rep.Isolation)
			}
			noTrace(t, tmp)
		})
	}
}

func rmseZero(t *testing.T, rep *Report) {
	t.Helper()
	if r := rep.exercise("RMSE"); r.Score != 0 {
		t.Errorf("RMSE scored %g: %s", r.Score, rep.Text())
	}
}

func wantStatus(status Status, message string) func(t *testing.T, rep *Report) {
	return func(t *testing.T, rep *Report) {
		t.Helper()
		r := rep.exercise("RMSE")
		if r.Score != 0 || r.Status != status || !strings.Contains(r.Problem, message) {
			t.Errorf("RMSE: score %g, status %q, problem %q; want 0, %q, containing %q", r.Score, r.Status, r.Problem, status, message)
		}
	}
}

// tempDir is a build directory the learner's uid can reach (t.TempDir's
// parents are private to the grader's user).
func tempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "grader-test-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(dir, 0o755)
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// noTrace checks that grading left nothing in its temp dir and that no
// process runs from there.
func noTrace(t *testing.T, tmp string) {
	t.Helper()
	if entries, _ := os.ReadDir(tmp); len(entries) > 0 {
		t.Errorf("grading left %d entries in its temp dir (%s)", len(entries), entries[0].Name())
	}
	for _, pid := range allProcesses() {
		if exe, _ := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); strings.HasPrefix(exe, tmp) {
			t.Errorf("process %d (%s) survives grading", pid, exe)
		}
	}
}

// TestGraderOutputsAreSafe: a learner's file name becomes neither a
// spreadsheet formula nor a path outside the output directory, and a
// broken archive is the learner's problem, not the grader's.
func TestGraderOutputsAreSafe(t *testing.T) {
	t.Parallel()
	class := t.TempDir()
	writeFiles(t, filepath.Join(class, "=HYPERLINK(\"http:__x\")"), pkg("", `func RMSE(pred, target []float64) float64 { return 0 }`))
	writeFiles(t, filepath.Join(class, "-1+2"), pkg("", ""))
	os.WriteFile(filepath.Join(class, "broken.zip"), []byte("PK\x03\x04 not really a zip"), 0o644)
	var zb bytes.Buffer
	zw := zip.NewWriter(&zb)
	for name, body := range map[string]string{"../../outside.go": "package exercises\n" + goodMSE, "exercises/" + strings.Repeat("é", 150) + ".go": "package exercises\n" + goodMSE} {
		w, _ := zw.Create(name)
		w.Write([]byte(body))
	}
	zw.Close()
	os.WriteFile(filepath.Join(class, "traversal.zip"), zb.Bytes(), 0o644)
	out := t.TempDir()
	entries, err := GradeClass(context.Background(), class, out, 2, Options{Seed: 5, Exercises: []string{"MSE", "RMSE"}, Limits: testLimits})
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 4 {
		t.Fatalf("%d entries", len(entries))
	}
	f, _ := os.Open(filepath.Join(out, "gradebook.csv"))
	rows, err := csv.NewReader(f).ReadAll()
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	for _, row := range rows[1:] {
		for _, cell := range row {
			if cell != "" && strings.ContainsRune("=+-@", rune(cell[0])) {
				t.Errorf("a gradebook cell would run as a formula: %q", cell)
			}
		}
	}
	err = filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.ContainsAny(d.Name(), "=\"(") {
			t.Errorf("feedback file named after the submission: %s", p)
		}
		return err
	})
	if _, err := os.Stat(filepath.Join(class, "..", "outside.go")); err == nil {
		t.Error("a zip entry was written outside")
	}
	for _, e := range entries {
		switch e.Learner {
		case "broken":
			if e.Report.Score != 0 || len(e.Report.Problems) == 0 || !strings.Contains(e.Report.Problems[0].Message, "zip") {
				t.Errorf("broken.zip: %+v", e.Report.Problems)
			}
		case "traversal":
			if e.Report.exercise("MSE").Score != e.Report.exercise("MSE").Max {
				t.Errorf("traversal.zip's MSE: %s", e.Report.Text())
			}
		}
	}
}

// TestSeedReproducesGrade: a report's seed is the seed its hidden inputs
// were drawn from; grading again with it gives the same inputs, verdicts
// and score, and fresh seeds give other learners other inputs.
func TestSeedReproducesGrade(t *testing.T) {
	t.Parallel()
	// MSEGrad with the 1/N forgotten: right on batches of one only.
	sub := writeDir(t, pkg("", `func MSEGrad(pred, target []float64) []float64 {
	g := make([]float64, len(pred))
	for i := range pred { g[i] = 2 * (pred[i] - target[i]) }
	return g
}`))
	opt := Options{Exercises: []string{"MSEGrad"}, Limits: testLimits, Staff: true}
	run := func(seed uint64) *Report {
		o := opt
		o.Seed = seed
		rep, err := Grade(context.Background(), sub, o)
		if err != nil {
			t.Fatal(err)
		}
		return rep
	}
	first := run(0)
	again := run(first.Seed)
	other := run(0)
	if first.Seed == other.Seed {
		t.Errorf("two gradings drew the same seed %d", first.Seed)
	}
	details := func(r *Report) string {
		var b strings.Builder
		for _, tr := range r.exercise("MSEGrad").Tests {
			fmt.Fprintf(&b, "%s %v %s\n", tr.Name, tr.Passed, tr.Detail)
		}
		return b.String()
	}
	if details(first) != details(again) || first.Score != again.Score {
		t.Errorf("seed %d does not reproduce the grade:\n%s\n---\n%s", first.Seed, details(first), details(again))
	}
	if details(first) == details(other) {
		t.Errorf("seeds %d and %d gave the same hidden inputs:\n%s", first.Seed, other.Seed, details(first))
	}
	if !strings.Contains(details(first), "want") {
		t.Errorf("staff details missing:\n%s", details(first))
	}
}

// TestSandboxContainsPayload runs, in the sandbox's own profiles, a program
// that does what learner code could do once a data race gave it arbitrary
// system calls: write outside, read the grader's files and the solutions,
// open sockets, run a shell, debug or leave processes, make namespaces,
// mount. Every attempt must fail, and nothing may survive the step.
func TestSandboxContainsPayload(t *testing.T) {
	t.Parallel()
	sb, err := newSandbox(IsolationBubblewrap)
	if err != nil {
		t.Fatal(err)
	}
	dir := tempDir(t)
	payload := buildPayload(t, dir)
	hostMarker := filepath.Join(dir, "escaped")
	solutions, _ := filepath.Abs("../solutions/losses.go")
	self, _ := os.Executable()
	home, _ := os.UserHomeDir()

	for _, profile := range []string{"run", "build"} {
		t.Run(profile, func(t *testing.T) {
			work := filepath.Join(dir, profile)
			os.Mkdir(work, 0o755)
			if err := sb.own(work); err != nil {
				t.Fatal(err)
			}
			targets := []string{hostMarker, solutions, self, filepath.Join(home, ".bash_history"), "/etc/shadow", sb.cache}
			var cmd *step
			var cleanup func()
			var err error
			if profile == "run" {
				cmd, cleanup, err = sb.command(payload, targets, runEnv(testLimits.withDefaults()), runLimits(testLimits.withDefaults()), nil, []string{payload})
			} else {
				l := testLimits
				l.Compile = 10 * time.Second
				cmd, cleanup, err = sb.command(payload, targets, buildEnv(sb.goroot, "/tmp", sb.cache), compileLimits(l.withDefaults()), nil,
					[]string{sb.goroot, sb.cache, payload}, work)
			}
			if err != nil {
				t.Fatal(err)
			}
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			cleanup()
			// While it runs, the payload is seen from outside as the
			// unprivileged uid when the grader is root.
			time.Sleep(300 * time.Millisecond)
			if os.Geteuid() == 0 {
				for _, pid := range processesOf(0) {
					if exe, _ := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); exe == payload {
						t.Errorf("the payload runs as root (pid %d)", pid)
					}
				}
			}
			cmd.Wait()
			text := out.String()
			if !strings.Contains(text, "STATUS NoNewPrivs: 1") || !strings.Contains(text, "STATUS Seccomp: 2") {
				t.Errorf("the payload runs without no_new_privs or without its seccomp filter:\n%s", text)
			}
			if !strings.Contains(text, "payload done") || strings.Count(text, "BLOCKED") < 19 {
				t.Fatalf("the payload did not try everything:\n%s", text)
			}
			for _, line := range strings.Split(text, "\n") {
				if strings.HasPrefix(line, "ESCAPED") {
					t.Errorf("%s\n(the payload's whole output:\n%s)", line, text)
				}
			}
			// The child it left behind would write the marker after 2 s.
			time.Sleep(2500 * time.Millisecond)
			if _, err := os.Stat(hostMarker); err == nil {
				t.Error("a process outlived the sandbox and wrote outside it")
				os.Remove(hostMarker)
			}
			for _, pid := range allProcesses() {
				if exe, _ := os.Readlink(fmt.Sprintf("/proc/%d/exe", pid)); exe == payload {
					t.Errorf("payload process %d survives the sandbox", pid)
				}
			}
		})
	}
}

// TestDedicatedUserContainsPayload: where user namespaces are refused
// (Gradescope's containers), learner code runs as an unprivileged user.
// That user can open sockets and see the file system's public parts (the
// README says so), but it cannot read the grader or the results, cannot
// become root, and nothing it starts survives the grader's reap.
func TestDedicatedUserContainsPayload(t *testing.T) {
	t.Parallel()
	if os.Geteuid() != 0 {
		t.Skip("the dedicated-user isolation needs root")
	}
	sb, err := newSandbox(IsolationNone) // for goroot and the cache
	if err != nil {
		t.Fatal(err)
	}
	user := *sb
	// A uid of its own, outside the bubblewrap tests' pool: reap kills
	// every process of its uid.
	const uid = 64999
	user.isolation, user.uid, user.gid = IsolationUser, uid, uid
	dir := tempDir(t)
	payload := buildPayload(t, dir)
	private := filepath.Join(dir, "source") // as /autograder/source and results/
	os.Mkdir(private, 0o700)
	secret := filepath.Join(private, "grader")
	os.WriteFile(secret, []byte("solutions"), 0o755)
	marker := filepath.Join(private, "results.json")
	cmd, cleanup, err := user.command(payload, []string{marker, secret}, runEnv(testLimits.withDefaults()), runLimits(testLimits.withDefaults()), nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	out, _ := cmd.CombinedOutput()
	cleanup()
	text := string(out)
	for _, want := range []string{"BLOCKED write " + marker, "BLOCKED read " + secret, "BLOCKED become root", "BLOCKED mount", "BLOCKED ptrace", "payload done"} {
		if !strings.Contains(text, want) {
			t.Errorf("missing %q in the payload's output:\n%s", want, text)
		}
	}
	if len(processesOf(uid)) == 0 {
		t.Error("the payload's child is not running: the reap below proves nothing")
	}
	if err := user.reap(); err != nil {
		t.Fatal(err)
	}
	time.Sleep(2500 * time.Millisecond) // the child would have written by now
	if _, err := os.Stat(marker); err == nil {
		t.Error("a process of the learner's user outlived the reap and wrote the results")
	}
	if pids := processesOf(uid); len(pids) > 0 {
		t.Errorf("processes %v of the learner's user survive the reap", pids)
	}
}

// buildPayload builds testdata/payload, statically, into dir.
func buildPayload(t *testing.T, dir string) string {
	t.Helper()
	payload := filepath.Join(dir, "payload")
	build := exec.Command("go", "build", "-o", payload, "./testdata/payload")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("building the payload: %v\n%s", err, out)
	}
	return payload
}

func allProcesses() []int {
	var pids []int
	entries, _ := os.ReadDir("/proc")
	for _, e := range entries {
		var pid int
		if _, err := fmt.Sscanf(e.Name(), "%d", &pid); err == nil {
			pids = append(pids, pid)
		}
	}
	return pids
}

// TestInheritedDescriptorsStayOut: a descriptor the grader inherited
// without close-on-exec (as from a wrapper's "9>>results.json") is marked
// close-on-exec before any learner code starts.
func TestInheritedDescriptorsStayOut(t *testing.T) {
	fd, err := syscall.Open(filepath.Join(t.TempDir(), "results.json"), syscall.O_CREAT|syscall.O_WRONLY, 0o644)
	if err != nil {
		t.Fatal(err)
	}
	defer syscall.Close(fd)
	closeInheritedOnExec()
	flags, err := unix.FcntlInt(uintptr(fd), unix.F_GETFD, 0)
	if err != nil || flags&unix.FD_CLOEXEC == 0 {
		t.Errorf("descriptor %d would reach learner code (flags %#x, %v)", fd, flags, err)
	}
}

// TestClassOutputDirectory: the class's output directory cannot be one a
// learner could have prepared: a symbolic link, or a directory others may
// write into, is refused before anything is graded.
func TestClassOutputDirectory(t *testing.T) {
	tmp := t.TempDir()
	victim := filepath.Join(tmp, "victim")
	os.Mkdir(victim, 0o755)
	link := filepath.Join(tmp, "grades")
	os.Symlink(victim, link)
	open := filepath.Join(tmp, "open")
	os.Mkdir(open, 0o777)
	os.Chmod(open, 0o777)
	for _, dir := range []string{link, open} {
		if _, err := GradeClass(context.Background(), tmp, dir, 1, Options{Exercises: []string{"MSE"}}); err == nil {
			t.Errorf("%s was accepted as the output directory", dir)
		}
	}
	if entries, _ := os.ReadDir(victim); len(entries) > 0 {
		t.Errorf("written through the link: %v", entries)
	}
}

// TestForgedRuntimeErrors: a panic or a fatal-error line made to look like
// the Go runtime's, but carrying the hidden inputs, shows no input.
func TestForgedRuntimeErrors(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"panic": `func RMSE(pred, target []float64) float64 { panic("runtime error: index out of range " + fmt.Sprint(pred)) }`,
		"fatal error line": `func RMSE(pred, target []float64) float64 {
	print("fatal error: ", fmt.Sprint(pred), "\n")
	select {} // the runtime's own fatal error: all goroutines are asleep
}`,
	} {
		t.Run(name, func(t *testing.T) {
			rep := grade(t, writeDir(t, pkg(`import "fmt"`, body)), Options{Exercises: []string{"RMSE"}})
			for _, tr := range rep.exercise("RMSE").Tests {
				if tr.Kind != KindPublic && strings.ContainsAny(tr.Message, "0123456789") && !strings.Contains(tr.Message, "time limit") {
					t.Errorf("hidden test %q shows: %s", tr.Name, tr.Message)
				}
			}
		})
	}
	if !goRuntimeError("runtime error: index out of range [3] with length 3") || !goRuntimeError("runtime error: integer divide by zero") {
		t.Error("real runtime errors are no longer recognised")
	}
}

// TestTarBomb: a small .tar.gz that decompresses to a huge junk file
// beside the code is refused quickly, as the learner's problem.
func TestTarBomb(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "bomb.tar.gz")
	f, _ := os.Create(p)
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	const junk = 200 << 20
	tw.WriteHeader(&tar.Header{Name: "junk.bin", Mode: 0o644, Size: junk, Typeflag: tar.TypeReg})
	zeros := make([]byte, 1<<20)
	for range junk >> 20 {
		tw.Write(zeros)
	}
	src := "package exercises\n" + goodMSE
	tw.WriteHeader(&tar.Header{Name: "exercises/a.go", Mode: 0o644, Size: int64(len(src)), Typeflag: tar.TypeReg})
	tw.Write([]byte(src))
	tw.Close()
	gz.Close()
	f.Close()
	began := time.Now()
	rep := grade(t, p, Options{Exercises: []string{"MSE"}})
	if len(rep.Problems) == 0 || !strings.Contains(rep.Problems[0].Message, "decompressed") {
		t.Errorf("the bomb was not refused: %s", rep.Text())
	}
	if d := time.Since(began); d > 5*time.Second {
		t.Errorf("refusing the bomb took %v", d)
	}
}

// TestHostileNotebooks: notebooks beside the Go files of a course folder
// are read for their answers as text, capped, and nothing in them runs. A
// huge, malformed or deeply nested notebook, a symbolic link to a file
// outside, tricky strings and computed arguments never crash the grader
// nor earn a point; the exercises are graded as usual.
func TestHostileNotebooks(t *testing.T) {
	t.Parallel()
	right := []string{answer("03.q1", "-8"), answer("03.q2", `"b"`)}
	outside := filepath.Join(t.TempDir(), "03-key.ipynb") // a notebook outside the submission, answering right
	os.WriteFile(outside, notebook(right...), 0o644)
	huge := `{"cells": [{"cell_type": "code", "source": ["` + strings.Join(right, `", "`) + `"], "outputs": [{"text": "` +
		strings.Repeat("x", maxNotebookSize) + `"}]}]}`
	huge = strings.ReplaceAll(huge, "\n", `\n`)
	files := map[string]string{
		"exercises/mse.go":                  "package exercises\n" + goodMSE,
		"notebooks/03-huge.ipynb":           huge,                                                                        // over 16 MiB: skipped
		"notebooks/03-malformed.ipynb":      `{"cells": [{"cell_type": "code", "source": "checks.Answer(\"03.q1\", -8)"`, // truncated JSON
		"notebooks/03-deep.ipynb":           strings.Repeat("[", 200000) + strings.Repeat("]", 200000),                   // beyond JSON's nesting limit
		"notebooks/03-not-a-notebook.ipynb": "checks.Answer(\"03.q1\", -8)\nchecks.Answer(\"03.q2\", \"b\")",
		"notebooks/03-computed.ipynb": string(notebook(
			"x := -8.0\n"+answer("03.q1", "x"),
			answer("03.q1", "-2*4"),
			answer("03.q1", "float64(-8)"),
			answer("03.q1", "-8 + 0"),
			answer("03.q2", `"b"+""`),
			answer("03.q2", `strings.ToLower("B")`),
			answer("03.q2", "`b`"),
			"s := `checks.Answer(\\\"03.q2\\\", \\\"b\\\")`",
			answer("03.q1\x1b[2K\r", "-8"), // an ID with control characters is no question
			answer("03.q1", "1e999999"),    // out of range
			answer("03.q2", `"b\x00"`),
			strings.Repeat(answer("03.q2", `"c"`)+"\n", 20000), // many answers: the last counts, and it is wrong
		)),
	}
	dir := writeDir(t, files)
	if err := os.Symlink(outside, filepath.Join(dir, "notebooks", "03-link.ipynb")); err != nil {
		t.Fatal(err)
	}
	began := time.Now()
	src, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(began); d > 10*time.Second {
		t.Errorf("reading the notebooks took %v", d)
	}
	for _, q := range gradeQuestions(src.Answers, src.AnswerFrom) {
		if q.Score != 0 {
			t.Errorf("%s earned a point with %v from %s", q.ID, src.Answers[q.ID], q.From)
		}
	}
	if src.Answers["03.q1"] != nil {
		t.Errorf("03.q1 was read: %v from %s", src.Answers["03.q1"], src.AnswerFrom["03.q1"])
	}
	warnings := strings.Join(src.Warnings, "\n")
	for _, want := range []string{"03-huge.ipynb skipped: a notebook larger than 16 MiB", "03-malformed.ipynb is not a notebook",
		"03-deep.ipynb is not a notebook", "03-not-a-notebook.ipynb is not a notebook"} {
		if !strings.Contains(warnings, want) {
			t.Errorf("no warning %q in:\n%s", want, warnings)
		}
	}
	// Graded in full: the exercises score, nothing else does, and the
	// report shows no control character of the submission.
	rep := grade(t, dir, Options{Exercises: []string{"MSE"}})
	if rep.Score != rep.Max || rep.QuestionScore != 0 || len(rep.Problems) > 0 {
		t.Errorf("exercises %g / %g, concept checks %g:\n%s", rep.Score, rep.Max, rep.QuestionScore, rep.Text())
	}
	var b strings.Builder
	rep.WriteGradescope(&b)
	if txt := rep.Text() + b.String(); strings.ContainsAny(txt, "\x1b\r\x00") {
		t.Errorf("control characters reach the reports:\n%q", txt)
	}

	// The same hostile notebooks in a .zip and a .tar.gz, with a name
	// that climbs out and one with control characters.
	files["../../03-climb.ipynb"] = string(notebook(right...))
	files["notebooks/03-\x1b[31mred.ipynb"] = string(notebook(answer("03.q2", `"c"`)))
	delete(files, "notebooks/03-huge.ipynb") // TestTarBomb covers size in archives
	for _, p := range []string{writeZip(t, files), writeTarGz(t, files)} {
		src, err := Load(p)
		if err != nil {
			t.Fatalf("%s: %v", filepath.Base(p), err)
		}
		// The climbing notebook is read as a file of the archive like any
		// other (nothing is written); its answers are the learner's own.
		rep := grade(t, p, Options{Exercises: []string{"MSE"}})
		if rep.Score != rep.Max || len(rep.Problems) > 0 || strings.ContainsAny(rep.Text(), "\x1b\x00") {
			t.Errorf("%s: %g / %g, answers %v:\n%s", filepath.Base(p), rep.Score, rep.Max, src.Answers, rep.Text())
		}
	}
}

// writeZip and writeTarGz write files into a new archive.
func writeZip(t *testing.T, files map[string]string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "course.zip")
	f, _ := os.Create(p)
	zw := zip.NewWriter(f)
	for name, data := range files {
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(data))
	}
	zw.Close()
	f.Close()
	return p
}

func writeTarGz(t *testing.T, files map[string]string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "course.tar.gz")
	f, _ := os.Create(p)
	gz := gzip.NewWriter(f)
	tw := tar.NewWriter(gz)
	for name, data := range files {
		tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(data)), Typeflag: tar.TypeReg})
		tw.Write([]byte(data))
	}
	tw.Close()
	gz.Close()
	f.Close()
	return p
}
