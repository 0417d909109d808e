package solutions

import "fmt"

// sameLen panics unless a and b have the same length; what names the
// function for the message.
func sameLen(what string, a, b int) {
	if a != b {
		panic(fmt.Sprintf("solutions: %s: lengths %d and %d differ", what, a, b))
	}
}

// dims returns the number of rows and columns of m and panics if m is
// ragged.
func dims(what string, m [][]float64) (rows, cols int) {
	if len(m) == 0 {
		return 0, 0
	}
	cols = len(m[0])
	for i, row := range m {
		if len(row) != cols {
			panic(fmt.Sprintf("solutions: %s: ragged matrix: row 0 has %d columns, row %d has %d", what, cols, i, len(row)))
		}
	}
	return len(m), cols
}

// sameDims panics unless a and b are matrices of the same shape.
func sameDims(what string, a, b [][]float64) (rows, cols int) {
	ra, ca := dims(what, a)
	rb, cb := dims(what, b)
	if ra != rb || ca != cb {
		panic(fmt.Sprintf("solutions: %s: shapes %dx%d and %dx%d differ", what, ra, ca, rb, cb))
	}
	return ra, ca
}

// zeros returns a rows×cols matrix of zeros.
func zeros(rows, cols int) [][]float64 {
	m := make([][]float64, rows)
	for i := range m {
		m[i] = make([]float64, cols)
	}
	return m
}
