package backprop

import (
	"fmt"

	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/mat"
)

// Shared helpers for shape checks and buffer reuse. Any file of the package
// may call them; they keep panic messages uniform: every message starts with
// "backprop: ", names the operation and shows both shapes.

// shapeString formats a matrix shape as "r×c" for panic messages.
func shapeString(m mat.Matrix) string {
	if m == nil {
		return "nil"
	}
	r, c := m.Dims()
	return fmt.Sprintf("%d×%d", r, c)
}

// sameShape reports whether a and b have the same dimensions.
func sameShape(a, b mat.Matrix) bool {
	ar, ac := a.Dims()
	br, bc := b.Dims()
	return ar == br && ac == bc
}

// mustSameShape panics if a and b do not have the same dimensions.
// op names the caller, e.g. "MSE.Grad", so the message says where it failed.
func mustSameShape(op string, a, b mat.Matrix) {
	if !sameShape(a, b) {
		panic(fmt.Sprintf("backprop: %s: shape mismatch: %s vs %s", op, shapeString(a), shapeString(b)))
	}
}

// mustSameRows panics if a and b do not have the same number of rows
// (examples), e.g. inputs and targets of one batch.
func mustSameRows(op string, a, b mat.Matrix) {
	ar, _ := a.Dims()
	br, _ := b.Dims()
	if ar != br {
		panic(fmt.Sprintf("backprop: %s: row count mismatch: %s vs %s", op, shapeString(a), shapeString(b)))
	}
}

// mustCols panics if m does not have exactly want columns.
func mustCols(op string, m mat.Matrix, want int) {
	if _, c := m.Dims(); c != want {
		panic(fmt.Sprintf("backprop: %s: want %d columns, got %s", op, want, shapeString(m)))
	}
}

// resize returns a r×c matrix that reuses buf's storage when it is large
// enough, so a training step whose batch size changes (the last, partial
// batch of an epoch) does not allocate. The contents are unspecified: the
// caller overwrites every element. buf may be nil. The returned matrix may
// be buf itself (re-pointed with SetRawMatrix) or a new one.
func resize(buf *mat.Dense, r, c int) *mat.Dense {
	if r <= 0 || c <= 0 {
		panic(fmt.Sprintf("backprop: resize: invalid shape %d×%d", r, c))
	}
	if buf == nil {
		return mat.NewDense(r, c, nil)
	}
	if br, bc := buf.Dims(); br == r && bc == c {
		return buf
	}
	raw := buf.RawMatrix()
	if cap(raw.Data) < r*c {
		return mat.NewDense(r, c, nil)
	}
	buf.SetRawMatrix(blas64.General{Rows: r, Cols: c, Stride: c, Data: raw.Data[:r*c]})
	return buf
}
