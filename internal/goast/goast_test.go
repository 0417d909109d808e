package goast

import (
	"go/parser"
	"go/token"
	"slices"
	"testing"
)

func TestNamesAndReceiver(t *testing.T) {
	src := `package p
func F() {}
type T[P any] struct{}
func (t *T[P]) M() {}
func (T[P]) N() {}
var a, b = 1, 2
const c = 3
`
	f, err := parser.ParseFile(token.NewFileSet(), "p.go", src, 0)
	if err != nil {
		t.Fatal(err)
	}
	var names, recvs []string
	for _, d := range f.Decls {
		names = append(names, Names(d)...)
		if r, ok := Receiver(d); ok {
			recvs = append(recvs, r)
		}
	}
	if want := []string{"F", "T", "a", "b", "c"}; !slices.Equal(names, want) {
		t.Errorf("Names: %v, want %v", names, want)
	}
	if want := []string{"T", "T"}; !slices.Equal(recvs, want) {
		t.Errorf("Receiver: %v, want %v", recvs, want)
	}
}
