package backprop

import (
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestSetBatch checks that a batch of consecutive rows is a view of the
// data, that other batches are copies, and that neither changes the data.
func TestSetBatch(t *testing.T) {
	x, y := MakeMoons(10, 0.1, 1)
	x0, y0 := mat.DenseCopyOf(x), mat.DenseCopyOf(y)
	tr := newTrainer(moonsNet(1), BCE{}, NewSGD(SGDConfig{}), 0.5)
	for _, c := range []struct {
		idx  []int
		view bool
	}{
		{[]int{3, 4, 5}, true},
		{[]int{7, 2, 9}, false},
		{[]int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, true},
		{[]int{9}, true},
		{[]int{4, 6}, false},
		{[]int{8, 9}, true},
	} {
		tr.setBatch(x, y, c.idx)
		if !mat.Equal(tr.xb, TakeRows(nil, x, c.idx)) || !mat.Equal(tr.yb, TakeRows(nil, y, c.idx)) {
			t.Errorf("setBatch(%v): wrong rows", c.idx)
		}
		if got := &tr.xb.RawMatrix().Data[0] == &x.RawMatrix().Data[c.idx[0]*2]; got != c.view {
			t.Errorf("setBatch(%v): view %v, want %v", c.idx, got, c.view)
		}
	}
	if !mat.Equal(x, x0) || !mat.Equal(y, y0) {
		t.Error("setBatch changed the data")
	}
}

func TestConsecutive(t *testing.T) {
	for _, c := range []struct {
		idx  []int
		want bool
	}{{nil, false}, {[]int{5}, true}, {[]int{2, 3, 4}, true}, {[]int{2, 4}, false}, {[]int{3, 2}, false}} {
		if got := consecutive(c.idx); got != c.want {
			t.Errorf("consecutive(%v) = %v, want %v", c.idx, got, c.want)
		}
	}
}
