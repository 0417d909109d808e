package grader

import (
	"archive/tar"
	"archive/zip"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// Source is the learner's code found in a submission: Go files by name, as
// they will be compiled into package exercises.
type Source struct {
	Files    map[string][]byte // base name → contents
	Origin   string            // where the files were found, for messages
	Notebook bool              // the files were extracted from a notebook
	Warnings []string          // things skipped on the way (notebook cells that do not parse, ...)
	// Answers are the answers to the concept checks found in the
	// submission's notebooks, by question (see answersIn and pickAnswers);
	// nil when it holds none.
	Answers map[string]any
	// AnswerFrom names, by question, the notebook whose answer counts,
	// when the submission holds several notebooks.
	AnswerFrom map[string]string
}

// names returns the file names in a fixed order.
func (s *Source) names() []string {
	names := make([]string, 0, len(s.Files))
	for n := range s.Files {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Limits on what is read from a submission, so an archive cannot exhaust the
// grader's memory.
const (
	maxFileSize  = 1 << 20
	maxTotalSize = 8 << 20
	maxFiles     = 200
	// maxArchiveSize bounds the decompressed size of a whole .tar.gz.
	maxArchiveSize = 64 << 20
	// maxNotebookSize bounds a notebook (outputs and all). Of a notebook
	// found in a directory or archive only its cells' source is kept
	// (compactNotebook), and that counts towards maxTotalSize; a larger
	// one is skipped with a warning.
	maxNotebookSize = 16 << 20
)

// tree is what was read of a directory or archive: the Go files and
// notebooks by slash path, their modification times, and what was skipped.
type tree struct {
	files    map[string][]byte
	mod      map[string]time.Time
	warnings []string
	b        budget
}

func newTree() *tree { return &tree{files: map[string][]byte{}, mod: map[string]time.Time{}} }

// read reads one file of the submission through r, whose size is claimed
// to be size: a Go file up to maxFileSize, a notebook up to
// maxNotebookSize, of which only the cells' source is kept.
func (t *tree) read(name string, size int64, mod time.Time, r io.Reader) error {
	limit := int64(maxFileSize)
	notebook := strings.HasSuffix(name, ".ipynb")
	if notebook {
		limit = maxNotebookSize
	}
	tooLarge := fmt.Errorf("%s is larger than %d bytes", name, limit)
	var data []byte
	err := tooLarge
	if size <= limit {
		data, err = io.ReadAll(io.LimitReader(r, limit+1))
		if err == nil && int64(len(data)) > limit { // the header lied
			err = tooLarge
		}
	}
	if notebook && err == tooLarge {
		t.warnings = append(t.warnings, fmt.Sprintf("%s skipped: a notebook larger than %d MiB", name, maxNotebookSize>>20))
		return nil
	}
	if err != nil {
		return err
	}
	if notebook {
		c, err := compactNotebook(data)
		switch {
		case err == nil:
			data = c
		case len(data) > maxFileSize: // too large to keep for its error message
			t.warnings = append(t.warnings, fmt.Sprintf("%s skipped: not a notebook (.ipynb JSON): %v", name, firstLine(err.Error())))
			return nil
		}
	}
	if err := t.b.add(name, int64(len(data))); err != nil {
		return err
	}
	t.files[name], t.mod[name] = data, mod
	return nil
}

// cappedReader fails once more than left bytes have been read.
type cappedReader struct {
	r    io.Reader
	left int64
	name string
}

func (c *cappedReader) Read(p []byte) (int, error) {
	if c.left <= 0 {
		return 0, fmt.Errorf("%s holds more than %d MiB once decompressed", c.name, maxArchiveSize>>20)
	}
	if int64(len(p)) > c.left {
		p = p[:c.left]
	}
	n, err := c.r.Read(p)
	c.left -= int64(n)
	return n, err
}

// Load finds the learner's code in a submission: a directory, a .zip or
// .tar.gz (.tgz) archive, or a .ipynb notebook. In a directory or archive it
// takes the Go files of the first of: a directory named exercises, the top
// level, a single subdirectory; failing that, a single .ipynb notebook.
// Test files (_test.go) are ignored. The answers to the concept checks are
// read from every notebook of a directory or archive (see pickAnswers).
func Load(p string) (*Source, error) {
	var files *tree
	var err error
	switch lower := strings.ToLower(p); {
	case strings.HasSuffix(lower, ".ipynb"):
		data, err := readCapped(p, maxNotebookSize)
		if err != nil {
			return nil, err
		}
		return FromNotebook(data, filepath.Base(p))
	case strings.HasSuffix(lower, ".zip"):
		files, err = readZip(p)
	case strings.HasSuffix(lower, ".tar.gz"), strings.HasSuffix(lower, ".tgz"):
		files, err = readTarGz(p)
	default:
		files, err = readDir(p)
		if err == nil && len(files.files) == 0 {
			// Gradescope and LMS uploads often hold the learner's archive
			// itself: a directory with no code but one archive is graded
			// as that archive.
			if archive := onlyArchive(p); archive != "" {
				return Load(archive)
			}
		}
	}
	if err != nil {
		return nil, err
	}
	return pick(files, filepath.Base(p))
}

// onlyArchive returns the one .zip, .tar.gz or .tgz file at the top of dir,
// or "" if there is none or more than one.
func onlyArchive(dir string) string {
	entries, _ := os.ReadDir(dir)
	found := ""
	for _, e := range entries {
		lower := strings.ToLower(e.Name())
		if e.Type().IsRegular() && (strings.HasSuffix(lower, ".zip") || strings.HasSuffix(lower, ".tar.gz") || strings.HasSuffix(lower, ".tgz")) {
			if found != "" {
				return ""
			}
			found = filepath.Join(dir, e.Name())
		}
	}
	return found
}

// pick chooses the package directory among the files of an archive or a
// directory tree (paths with forward slashes). The answers to the concept
// checks are read from every notebook of the tree (pickAnswers).
func pick(t *tree, origin string) (*Source, error) {
	src, err := pickCode(t.files, origin)
	if err != nil {
		if len(t.warnings) > 0 {
			err = fmt.Errorf("%v (%s)", err, strings.Join(t.warnings, "; "))
		}
		return nil, err
	}
	src.Warnings = append(t.warnings, src.Warnings...)
	if !src.Notebook {
		src.Answers, src.AnswerFrom, src.Warnings = pickAnswers(t, origin, src.Warnings)
	}
	return src, nil
}

// pickCode chooses the Go files to grade.
func pickCode(files map[string][]byte, origin string) (*Source, error) {
	byDir := map[string]map[string][]byte{}
	var notebooks []string
	for name, data := range files {
		dir, base := path.Split(name)
		dir = strings.TrimSuffix(dir, "/")
		switch {
		case strings.HasSuffix(base, ".ipynb"):
			notebooks = append(notebooks, name)
		case strings.HasSuffix(base, ".go") && !strings.HasSuffix(base, "_test.go"):
			if byDir[dir] == nil {
				byDir[dir] = map[string][]byte{}
			}
			byDir[dir][base] = data
		}
	}
	var dirs []string
	for d := range byDir {
		dirs = append(dirs, d)
	}
	sort.Strings(dirs)
	for _, d := range dirs { // a directory named exercises, at any depth
		if path.Base(d) == "exercises" {
			return &Source{Files: byDir[d], Origin: path.Join(origin, d)}, nil
		}
	}
	if f, ok := byDir[""]; ok {
		return &Source{Files: f, Origin: origin}, nil
	}
	if len(dirs) == 1 {
		return &Source{Files: byDir[dirs[0]], Origin: path.Join(origin, dirs[0])}, nil
	}
	if len(notebooks) == 1 {
		return FromNotebook(files[notebooks[0]], path.Join(origin, notebooks[0]))
	}
	if len(dirs) == 0 && len(notebooks) == 0 {
		return nil, fmt.Errorf("no Go files and no notebook found in %s: submit your exercises directory or your notebook", origin)
	}
	return nil, fmt.Errorf("cannot tell which code to grade in %s: %d directories of Go files and %d notebooks; submit only your exercises directory",
		origin, len(dirs), len(notebooks))
}

// wanted reports whether a file of a submission is worth reading.
func wanted(name string) bool {
	for _, part := range strings.Split(name, "/") {
		if strings.HasPrefix(part, ".") || part == "__MACOSX" || part == "vendor" {
			return false
		}
	}
	return strings.HasSuffix(name, ".go") || strings.HasSuffix(name, ".ipynb")
}

// budget counts what has been read and refuses too much.
type budget struct{ files, bytes int }

func (b *budget) add(name string, size int64) error {
	b.files++
	b.bytes += int(size)
	if size > maxFileSize {
		return fmt.Errorf("%s is larger than %d bytes", name, maxFileSize)
	}
	if b.files > maxFiles || b.bytes > maxTotalSize {
		return errors.New("the submission has too many or too large files")
	}
	return nil
}

func readCapped(p string, limit int) ([]byte, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, int64(limit)+1))
	if err == nil && len(data) > limit {
		err = fmt.Errorf("%s is larger than %d bytes", p, limit)
	}
	return data, err
}

func readDir(root string) (*tree, error) {
	t := newTree()
	err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if rel != "." && (strings.HasPrefix(d.Name(), ".") || d.Name() == "vendor") {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.Type().IsRegular() || !wanted(rel) { // symlinks are not followed
			return nil
		}
		info, err := d.Info()
		if err != nil {
			return err
		}
		f, err := os.Open(p)
		if err != nil {
			return err
		}
		defer f.Close()
		return t.read(rel, info.Size(), info.ModTime(), f)
	})
	return t, err
}

func readZip(p string) (*tree, error) {
	zr, err := zip.OpenReader(p)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s as a zip archive: %v", filepath.Base(p), err)
	}
	defer zr.Close()
	t := newTree()
	for _, f := range zr.File {
		name := path.Clean(strings.TrimPrefix(f.Name, "/"))
		if f.FileInfo().IsDir() || !wanted(name) {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			return nil, err
		}
		size := int64(f.UncompressedSize64)
		if f.UncompressedSize64 > 1<<62 {
			size = 1 << 62
		}
		err = t.read(name, size, f.Modified, rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
	}
	return t, nil
}

func readTarGz(p string) (*tree, error) {
	f, err := os.Open(p)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s as a .tar.gz archive: %v", filepath.Base(p), err)
	}
	// Skipped entries are decompressed too, to reach the next header: the
	// whole stream is capped, so a small archive of a huge junk file costs
	// little.
	tr := tar.NewReader(&cappedReader{r: gz, left: maxArchiveSize, name: filepath.Base(p)})
	t := newTree()
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return t, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s: %v", filepath.Base(p), err)
		}
		name := path.Clean(strings.TrimPrefix(h.Name, "/"))
		if h.Typeflag != tar.TypeReg || !wanted(name) {
			continue
		}
		if err := t.read(name, h.Size, h.ModTime, tr); err != nil {
			return nil, err
		}
	}
}
