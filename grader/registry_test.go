package grader

import (
	"reflect"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// TestRegistry keeps the two halves of every exercise together: each
// exercise of the public catalog (exercises/checks) has its private half
// here (a model answer of the catalog's signature and a hidden-test
// generator), and nothing here lacks its public half.
func TestRegistry(t *testing.T) {
	public := map[string]bool{}
	for _, e := range checks.Exercises() {
		public[e.Name] = true
		p, ok := registry[e.Name]
		if !ok {
			t.Errorf("%s is in the catalog (exercises/checks/catalog.go) but has no private half in grader/registry.go", e.Name)
			continue
		}
		if p.Hidden == nil {
			t.Errorf("%s: grader/registry.go declares no hidden tests", e.Name)
		}
		v := reflect.ValueOf(p.Solution)
		if !v.IsValid() || v.Kind() != reflect.Func || v.IsNil() {
			t.Errorf("%s: grader/registry.go declares no model answer", e.Name)
			continue
		}
		if got := v.Type().String(); got != e.TypeString() {
			t.Errorf("%s: the model answer has type %s; the catalog says %s", e.Name, got, e.Signature)
		}
	}
	for name := range registry {
		if !public[name] {
			t.Errorf("%s is in grader/registry.go but has no public half in exercises/checks/catalog.go", name)
		}
	}
}
