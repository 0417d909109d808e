package backprop

import (
	"os/exec"
	"strings"
	"testing"
)

// A program that imports the library to train on Iris must not download
// and build the 12 MB MNIST module: only pkg/backprop/mnist imports it.
func TestLibraryDoesNotDependOnMNIST(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go list -deps: %v\n%s", err, out)
	}
	for _, dep := range strings.Fields(string(out)) {
		if strings.Contains(strings.ToLower(dep), "mnist") {
			t.Errorf("pkg/backprop depends on %s; MNIST loading belongs in pkg/backprop/mnist", dep)
		}
	}
}
