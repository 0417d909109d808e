package backprop

import (
	"os"
	"strings"
	"testing"
)

// The package guide's multi-class example is the code ExampleFit_multiClass
// runs: every line of the guide's code block, but the printing ones, is a
// line of the example, so the guide cannot drift from what is tested.
func TestGuideMultiClassExampleIsTested(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	example, err := os.ReadFile("example_multiclass_test.go")
	if err != nil {
		t.Fatal(err)
	}
	text := string(doc)
	start := strings.Index(text, "// # Example: several classes")
	end := strings.Index(text, "// # Panics and errors")
	if start < 0 || end < start {
		t.Fatal("doc.go has no section \"Example: several classes\" before \"Panics and errors\"")
	}
	code := 0
	for _, line := range strings.Split(text[start:end], "\n") {
		src, ok := strings.CutPrefix(line, "//\t")
		if !ok || strings.HasPrefix(src, "fmt.Print") || strings.Contains(src, "log.Fatal") {
			continue
		}
		code++
		if !strings.Contains(string(example), "\t"+src+"\n") {
			t.Errorf("the guide's line %q is not in ExampleFit_multiClass", src)
		}
	}
	if code < 10 {
		t.Errorf("found %d lines of code in the guide's example, want the whole example", code)
	}
}
