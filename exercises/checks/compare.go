package checks

import (
	"fmt"
	"math"
	"slices"
)

// Tolerances of every comparison of a float64 result with its expected
// value, in the public checks and in the grader: got passes when
//
//	|got − want| ≤ AbsTol + RelTol·|want|
//
// RelTol allows for a different but correct order of operations (summing
// before or after dividing by N); AbsTol allows for results that should be
// zero. NaN never passes; an infinity passes only against the same infinity.
const (
	RelTol = 1e-6
	AbsTol = 1e-9
)

// Close reports whether got is within the tolerance of want.
func Close(got, want float64) bool {
	if math.IsNaN(got) || math.IsNaN(want) {
		return false
	}
	if math.IsInf(want, 0) || math.IsInf(got, 0) {
		return got == want
	}
	return math.Abs(got-want) <= AbsTol+RelTol*math.Abs(want)
}

// Compare returns nil if got equals want within the tolerance, or an error
// that names the first difference by path, as in "gradW[1][0]: got 0.5,
// want 0.25". Both must be one of the value types of the exercises: float64,
// int, []float64, []int, [][]float64 or [][]int. An empty slice and a nil
// slice are equal.
func Compare(path string, got, want any) error {
	switch w := want.(type) {
	case float64:
		g, ok := got.(float64)
		if !ok {
			return typeError(path, got, want)
		}
		if !Close(g, w) {
			return fmt.Errorf("%s: got %v, want %v", path, g, w)
		}
		return nil
	case int:
		g, ok := got.(int)
		if !ok {
			return typeError(path, got, want)
		}
		if g != w {
			return fmt.Errorf("%s: got %d, want %d", path, g, w)
		}
		return nil
	case []float64:
		g, ok := got.([]float64)
		if !ok {
			return typeError(path, got, want)
		}
		return compareSlices(path, g, w)
	case []int:
		g, ok := got.([]int)
		if !ok {
			return typeError(path, got, want)
		}
		return compareSlices(path, g, w)
	case [][]float64:
		g, ok := got.([][]float64)
		if !ok {
			return typeError(path, got, want)
		}
		return compareSlices(path, g, w)
	case [][]int:
		g, ok := got.([][]int)
		if !ok {
			return typeError(path, got, want)
		}
		return compareSlices(path, g, w)
	}
	return fmt.Errorf("%s: cannot compare values of type %T", path, want)
}

// compareSlices compares lengths, then the elements one by one.
func compareSlices[E any](path string, got, want []E) error {
	if len(got) != len(want) {
		return fmt.Errorf("%s: got length %d, want length %d", path, len(got), len(want))
	}
	for i := range want {
		if err := Compare(fmt.Sprintf("%s[%d]", path, i), any(got[i]), any(want[i])); err != nil {
			return err
		}
	}
	return nil
}

func typeError(path string, got, want any) error {
	return fmt.Errorf("%s: got a value of type %T, want %T", path, got, want)
}

// Clone returns a deep copy of a value of one of the exercise types, so a
// function that modifies its arguments cannot change the caller's data.
// Other values are returned as they are.
func Clone(v any) any {
	switch v := v.(type) {
	case []float64:
		return slices.Clone(v)
	case []int:
		return slices.Clone(v)
	case [][]float64:
		return cloneRows(v)
	case [][]int:
		return cloneRows(v)
	}
	return v
}

func cloneRows[E any](m [][]E) [][]E {
	if m == nil {
		return nil
	}
	out := make([][]E, len(m))
	for i, row := range m {
		out[i] = slices.Clone(row)
	}
	return out
}

// Same reports whether a and b hold exactly the same values (bit for bit,
// NaN equal to NaN): used to detect a function that modified its argument.
func Same(a, b any) bool {
	switch a := a.(type) {
	case float64:
		bf, ok := b.(float64)
		return ok && math.Float64bits(a) == math.Float64bits(bf)
	case []float64:
		bs, ok := b.([]float64)
		return ok && slices.EqualFunc(a, bs, func(x, y float64) bool { return Same(x, y) })
	case [][]float64:
		bs, ok := b.([][]float64)
		return ok && slices.EqualFunc(a, bs, func(x, y []float64) bool { return Same(x, y) })
	case []int:
		bs, ok := b.([]int)
		return ok && slices.Equal(a, bs)
	case [][]int:
		bs, ok := b.([][]int)
		return ok && slices.EqualFunc(a, bs, slices.Equal)
	}
	return a == b
}
