// Command check-exercises runs the public checks of every exercise, as
// `make exercises` does, and ends with "k of N exercises done".
//
// One exercise that does not compile must not keep the others from being
// checked. When package exercises fails to build, each function that a
// compiler error points into is given, for this run only, a body that
// panics with that error (through go build's -overlay: your files are not
// touched), so its checks fail with the compiler's message and every other
// exercise is checked as usual. A wrong signature needs no such help: the
// checks take each function as a value of type any and say which type is
// wanted.
//
// A syntax error is different: Go cannot read the file at all, so the
// command names the file and line, and replaces that file, for this run
// only, by stubs of the exercises no other file declares, each failing
// with the syntax error; the exercises of the other files are checked.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

func main() {
	os.Exit(run())
}

func run() int {
	tmp, err := os.MkdirTemp("", "check-exercises-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	defer os.RemoveAll(tmp)
	overlay, stubbed, err := stubBroken(tmp)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		fmt.Println("the exercises could not be checked: fix the compiler error above first")
		return 1
	}
	for _, s := range stubbed {
		fmt.Printf("%s does not compile (%s); the other exercises are checked without it\n", s.name, s.err)
	}
	summary := filepath.Join(tmp, "summary")
	args := []string{"test", "-count=1"}
	if overlay != "" {
		args = append(args, "-overlay", overlay)
	}
	cmd := exec.Command("go", append(args, "./exercises")...)
	cmd.Stdout, cmd.Stderr = os.Stdout, os.Stderr
	cmd.Env = append(os.Environ(), "EXERCISES_SUMMARY="+summary)
	err = cmd.Run()
	line, _ := os.ReadFile(summary)
	if len(line) == 0 {
		fmt.Println("the exercises could not be checked: see the errors above")
		return 1
	}
	fmt.Print(string(line)) // last, where it is seen
	if err != nil {
		return 1
	}
	return 0
}

// stub is an exercise function replaced for this run.
type stub struct{ name, err string }

// compileError matches a compiler message about a file of the package.
var compileError = regexp.MustCompile(`(?m)^(?:\./)?(exercises/[^/:\s]+\.go):(\d+):(?:\d+:)? (.*)$`)

// stubBroken builds package exercises (with its test file) and, while
// errors point into functions, replaces those functions' bodies in an
// overlay. It returns the overlay file ("" if the package builds as it
// is) and the functions replaced, or an error when an error is not inside
// a function (a syntax error, a broken import).
func stubBroken(tmp string) (overlay string, stubbed []stub, err error) {
	replace := map[string]string{} // file -> its replacement in tmp
	if err := replaceUnreadable(tmp, replace); err != nil {
		return "", nil, err
	}
	for range 10 {
		args := []string{"test", "-count=1", "-run", "^$"}
		if len(replace) > 0 {
			overlay = filepath.Join(tmp, "overlay.json")
			b, _ := json.Marshal(map[string]any{"Replace": replace})
			if err := os.WriteFile(overlay, b, 0o644); err != nil {
				return "", nil, err
			}
			args = append(args, "-overlay", overlay)
		}
		out, buildErr := exec.Command("go", append(args, "./exercises")...).CombinedOutput()
		if buildErr == nil || !bytes.Contains(out, []byte("[build failed]")) && !compileError.Match(out) {
			return overlay, stubbed, nil // builds: the tests themselves may fail, later
		}
		found := false
		for _, m := range compileError.FindAllStringSubmatch(string(out), -1) {
			file, msg := m[1], m[3]
			line, _ := strconv.Atoi(m[2])
			abs, _ := filepath.Abs(file)
			name, ok, err := stubFunc(abs, replace, tmp, line, msg)
			if err != nil {
				return "", nil, err
			}
			if ok {
				stubbed = append(stubbed, stub{name, fmt.Sprintf("%s:%d: %s", file, line, msg)})
				found = true
			}
		}
		if !found {
			os.Stderr.Write(out)
			return "", nil, fmt.Errorf("package exercises does not compile, outside any one exercise")
		}
	}
	return "", nil, fmt.Errorf("package exercises still does not compile after replacing %d functions", len(stubbed))
}

// replaceUnreadable finds the files of package exercises with a syntax
// error and replaces each, in the overlay, by stubs of the exercises that
// no readable file declares: they fail with the syntax error, and the
// others can be checked.
func replaceUnreadable(tmp string, replace map[string]string) error {
	files, err := filepath.Glob(filepath.Join("exercises", "*.go"))
	if err != nil {
		return err
	}
	declared := map[string]bool{}
	broken := map[string]string{} // file -> its first syntax error
	var brokenFiles []string
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.SkipObjectResolution)
		if err != nil {
			var list scanner.ErrorList
			msg := err.Error()
			if errors.As(err, &list) && len(list) > 0 {
				msg = list[0].Error()
			}
			broken[file] = filepath.ToSlash(msg)
			brokenFiles = append(brokenFiles, file)
			continue
		}
		for _, d := range f.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
				declared[fd.Name.Name] = true
			}
		}
	}
	if len(brokenFiles) == 0 {
		return nil
	}
	var src strings.Builder
	src.WriteString("package exercises\n\n")
	var names []string
	for _, e := range checks.Exercises() {
		if declared[e.Name] {
			continue
		}
		names = append(names, e.Name)
		msg := "does not compile: " + broken[brokenFiles[0]]
		fmt.Fprintf(&src, "func %s%s { panic(%s) }\n\n", e.Name, strings.TrimPrefix(e.Signature, "func"), strconv.Quote(msg))
	}
	for i, file := range brokenFiles {
		fmt.Printf("%s\n  Go cannot read this file, so its exercises are not checked until it is fixed", broken[file])
		if i == 0 && len(names) > 0 {
			fmt.Printf(" (%s)", strings.Join(names, ", "))
		}
		fmt.Println("; the other files' exercises are checked.")
		abs, err := filepath.Abs(file)
		if err != nil {
			return err
		}
		dst := filepath.Join(tmp, "unreadable_"+filepath.Base(file))
		text := "package exercises\n"
		if i == 0 {
			text = src.String()
		}
		if err := os.WriteFile(dst, []byte(text), 0o644); err != nil {
			return err
		}
		replace[abs] = dst
	}
	return nil
}

// stubFunc replaces, in the overlay copy of file, the body of the
// function declared around line by a panic with msg. It reports the
// function's name, and false if no function holds that line or it was
// already replaced.
func stubFunc(file string, replace map[string]string, tmp string, line int, msg string) (string, bool, error) {
	src := file
	if r, ok := replace[file]; ok {
		src = r
	}
	text, err := os.ReadFile(src)
	if err != nil {
		return "", false, err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, src, text, parser.SkipObjectResolution)
	if err != nil {
		return "", false, nil // a syntax error: not inside one function's body
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Body == nil {
			continue
		}
		from, to := fset.Position(fd.Body.Lbrace), fset.Position(fd.Body.Rbrace)
		if line < from.Line || line > to.Line {
			continue
		}
		body := fmt.Sprintf("{ panic(%s) }", strconv.Quote("does not compile: "+msg))
		if string(text[from.Offset:to.Offset+1]) == body {
			return fd.Name.Name, false, nil
		}
		out := append(append(append([]byte{}, text[:from.Offset]...), body...), text[to.Offset+1:]...)
		dst := filepath.Join(tmp, strings.ReplaceAll(strings.TrimPrefix(file, "/"), "/", "_"))
		if err := os.WriteFile(dst, out, 0o644); err != nil {
			return "", false, err
		}
		replace[file] = dst
		return fd.Name.Name, true, nil
	}
	return "", false, nil
}
