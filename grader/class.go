package grader

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
)

// ClassEntry is one learner's result in a class run.
type ClassEntry struct {
	Learner string
	Path    string
	Report  *Report
}

// Learners lists the submissions in dir: every subdirectory, .zip, .tar.gz,
// .tgz and .ipynb, named by its base name without the extension.
func Learners(dir string) ([]ClassEntry, error) {
	items, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []ClassEntry
	for _, it := range items {
		name := it.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		learner := ""
		switch lower := strings.ToLower(name); {
		case it.IsDir():
			learner = name
		case strings.HasSuffix(lower, ".tar.gz"):
			learner = name[:len(name)-len(".tar.gz")]
		case strings.HasSuffix(lower, ".zip"), strings.HasSuffix(lower, ".tgz"), strings.HasSuffix(lower, ".ipynb"):
			learner = strings.TrimSuffix(name, filepath.Ext(name))
		default:
			continue
		}
		out = append(out, ClassEntry{Learner: learner, Path: filepath.Join(dir, name)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Learner < out[j].Learner })
	return out, nil
}

// GradeClass grades every submission in dir with at most workers at a time
// (runtime.NumCPU() when workers < 1), then writes into outDir a CSV
// gradebook (gradebook.csv: one row per learner, one column per exercise,
// then one per concept check (1 right, 0 not) and their total,
// concept_checks, which the score column includes only with
// Options.CountQuestions), and, per learner, feedback/<learner>.txt and
// feedback/<learner>.json,
// and the instructor's class report (report.html, see WriteClassReport). A
// submission that cannot be graded gets a row with its problem; it never
// stops the others.
func GradeClass(ctx context.Context, dir, outDir string, workers int, opt Options) ([]ClassEntry, error) {
	entries, err := Learners(dir)
	if err != nil {
		return nil, err
	}
	// The output directory is made and opened before any learner code
	// runs, so nothing planted during grading can redirect what is written.
	out, err := openOutDir(outDir)
	if err != nil {
		return nil, err
	}
	defer out.Close()
	if workers < 1 {
		workers = runtime.NumCPU()
	}
	if sb, err := newSandbox(opt.Isolation); err != nil {
		return nil, err
	} else if sb.isolation == IsolationUser {
		// All learners would share one uid: one at a time, each one's
		// processes reaped before the next starts.
		workers = 1
	}
	jobs := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				entries[i].Report = gradeOne(ctx, entries[i].Path, opt)
			}
		}()
	}
	for i := range entries {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return entries, writeClass(out, entries)
}

// gradeOne grades one submission and turns any failure of the grader
// itself into a report, so that the batch goes on.
func gradeOne(ctx context.Context, path string, opt Options) (rep *Report) {
	defer func() {
		if r := recover(); r != nil {
			rep = newReport(path, opt)
			rep.fail(Problem{Message: fmt.Sprintf("the grader failed on this submission: %v", r)}, StatusGraderError)
		}
	}()
	rep, err := Grade(ctx, path, opt)
	if err != nil {
		rep = newReport(path, opt)
		rep.fail(Problem{Message: "the grader failed on this submission: " + err.Error()}, StatusGraderError)
	}
	return rep
}

// writeClass writes the gradebook and the feedback files.
func writeClass(out *os.Root, entries []ClassEntry) error {
	if err := out.MkdirAll("feedback", 0o755); err != nil {
		return err
	}
	f, err := out.Create("gradebook.csv")
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	header := []string{"learner", "score", "max_score", "percent"}
	header = append(header, exerciseNames()...)
	header = append(header, questionIDs()...)
	header = append(header, "concept_checks", "problem", "seed")
	w.Write(header)
	names := map[string]bool{}
	num := func(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }
	for _, e := range entries {
		r := e.Report
		row := []string{csvText(e.Learner), num(r.Score), num(r.Max), fmt.Sprintf("%.1f", r.Percent())}
		for _, name := range exerciseNames() {
			row = append(row, num(r.exercise(name).Score))
		}
		for _, id := range questionIDs() {
			row = append(row, num(r.question(id).Score))
		}
		row = append(row, num(r.QuestionScore))
		problem := ""
		if len(r.Problems) > 0 {
			problem = r.Problems[0].String()
		}
		row = append(row, csvText(problem), strconv.FormatUint(r.Seed, 10))
		w.Write(row)

		base := "feedback/" + uniqueName(names, safeName(e.Learner))
		if err := out.WriteFile(base+".txt", []byte(r.Text()), 0o644); err != nil {
			return err
		}
		var js strings.Builder
		r.WriteJSON(&js)
		if err := out.WriteFile(base+".json", []byte(js.String()), 0o644); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	page, err := ClassReportHTML(entries)
	if err == nil {
		err = out.WriteFile("report.html", []byte(page), 0o644)
	}
	if err != nil {
		return fmt.Errorf("the gradebook is written; the class report is not: %w", err)
	}
	return nil
}

// openOutDir creates dir if needed and opens it as a root that writes
// stay inside (no symbolic link leads out). It refuses a directory that is
// not the grader's own or that others may write into.
func openOutDir(dir string) (*os.Root, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	info, err := os.Lstat(dir)
	if err != nil {
		return nil, err
	}
	st, ok := info.Sys().(*syscall.Stat_t)
	switch {
	case !info.IsDir():
		return nil, fmt.Errorf("output directory %s is not a directory (a symbolic link?)", dir)
	case info.Mode().Perm()&0o022 != 0:
		return nil, fmt.Errorf("output directory %s can be written by others (mode %v): use a directory of your own", dir, info.Mode().Perm())
	case ok && int(st.Uid) != os.Geteuid():
		return nil, fmt.Errorf("output directory %s belongs to uid %d, not to the grader's user", dir, st.Uid)
	}
	return os.OpenRoot(dir)
}

// exercise returns the report of the named exercise (zero if absent).
func (r *Report) exercise(name string) ExerciseReport {
	for _, e := range r.Exercises {
		if e.Name == name {
			return e
		}
	}
	return ExerciseReport{}
}

// safeName makes a learner's name a plain file name: letters, digits, '.',
// '-' and '_' only, not starting with a dot, at most 100 bytes.
func safeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x80 && (r == '.' || r == '-' || r == '_' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			return r
		}
		return '_'
	}, s)
	s = strings.TrimLeft(s, ".")
	if len(s) > 100 {
		s = s[:100]
	}
	if s == "" {
		s = "learner"
	}
	return s
}

// uniqueName returns name, or name-2, name-3, ... if taken, and takes it.
func uniqueName(taken map[string]bool, name string) string {
	n := name
	for i := 2; taken[n]; i++ {
		n = fmt.Sprintf("%s-%d", name, i)
	}
	taken[n] = true
	return n
}

// csvText neutralises a text cell that a spreadsheet would run as a
// formula (a leading =, +, -, @, tab or carriage return) and escapes
// control characters.
func csvText(s string) string {
	s = Clean(s)
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}
