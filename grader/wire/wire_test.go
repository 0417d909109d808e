package wire

import (
	"bytes"
	"math"
	"reflect"
	"testing"
)

func TestRoundTrip(t *testing.T) {
	vals := []any{1.5, math.Inf(-1), -7, "panic: boom", []float64{1, math.NaN()}, []int{3, -1},
		[][]float64{{1, 2}, {}}, [][]int{{4}, {5, 6}}, []float64{}}
	var buf bytes.Buffer
	w := NewWriter(&buf)
	if err := w.Values(vals); err != nil {
		t.Fatal(err)
	}
	w.Flush()
	got, err := NewReader(&buf).Values()
	if err != nil {
		t.Fatal(err)
	}
	for i := range vals {
		if f, ok := vals[i].([]float64); ok && len(f) == 2 { // NaN != NaN
			g := got[i].([]float64)
			if g[0] != 1 || !math.IsNaN(g[1]) {
				t.Errorf("value %d: %v", i, g)
			}
			continue
		}
		if !reflect.DeepEqual(got[i], vals[i]) {
			t.Errorf("value %d: got %#v, want %#v", i, got[i], vals[i])
		}
	}
	if err := w.Value(struct{}{}); err == nil {
		t.Error("a struct was accepted")
	}
}

func TestTooLarge(t *testing.T) {
	var buf bytes.Buffer
	w := NewWriter(&buf)
	w.w.WriteByte(tagFloats)
	w.Uint(MaxElements + 1)
	w.Flush()
	if _, err := NewReader(&buf).Value(); err != ErrTooLarge {
		t.Errorf("got %v, want ErrTooLarge", err)
	}
}
