package checks_test

import (
	"bytes"
	"flag"
	"fmt"
	"go/format"
	"os"
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

var update = flag.Bool("update", false, "rewrite the generated files from the catalog (go generate ./exercises/checks)")

// generated are the files written from the catalog, relative to this
// package, and how.
var generated = map[string]func([]checks.Exercise) []byte{
	"typed.go":             typedSource,
	"../exercises_test.go": exercisesTestSource,
}

// TestGenerated fails when a file written from the catalog is stale: run
// go generate ./exercises/checks after adding or changing an exercise.
func TestGenerated(t *testing.T) {
	for path, gen := range generated {
		src := gen(checks.Exercises())
		if *update {
			if err := os.WriteFile(path, src, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		old, err := os.ReadFile(path)
		if err != nil || !bytes.Equal(old, src) {
			t.Errorf("%s is out of date: run go generate ./exercises/checks", strings.TrimPrefix(path, "../"))
		}
	}
}

const header = "// Code generated from the catalog (exercises/checks/catalog.go) by go generate ./exercises/checks. DO NOT EDIT.\n\n"

// typedSource writes typed.go: one function per exercise that takes the
// function to check with the exercise's exact type.
func typedSource(exs []checks.Exercise) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString(`package checks

// One function per exercise, each taking the function to check with the
// exercise's exact type: a function of the wrong type is a compile error
// that says which type is wanted, before anything runs.
`)
	for _, e := range exs {
		fmt.Fprintf(&b, "\n// %s runs the public checks of exercises.%s against fn.\n", e.Name, e.Name)
		fmt.Fprintf(&b, "func %s(fn %s) Report { return Run(%q, fn) }\n", e.Name, e.Signature, e.Name)
	}
	return gofmt(b.Bytes())
}

// exercisesTestSource writes exercises/exercises_test.go: one test per
// exercise, so that go test -run 'TestMSE$' ./exercises picks one.
func exercisesTestSource(exs []checks.Exercise) []byte {
	var b bytes.Buffer
	b.WriteString(header)
	b.WriteString(`package exercises_test

import (
	"testing"

	"github.com/deepdive-dl/backprop/exercises"
)

// One test per exercise, in the order of the course (check is in
// check_test.go).
`)
	for _, e := range exs {
		fmt.Fprintf(&b, "func Test%s(t *testing.T) { check(t, %q, exercises.%s) }\n", e.Name, e.Name, e.Name)
	}
	return gofmt(b.Bytes())
}

func gofmt(src []byte) []byte {
	out, err := format.Source(src)
	if err != nil {
		panic(fmt.Sprintf("generated code does not parse: %v\n%s", err, src))
	}
	return out
}
