package kernel

import "math"

// AllFinite reports whether every element of v is finite: whether no
// element has all its exponent bits set, as infinities and NaNs do. With
// AVX2, assembly tests sixteen elements per step; in Go, adding one to
// the exponent field carries into the sign bit only from all ones, and
// four running ORs of that bit let the CPU work on four elements at once.
func AllFinite(v []float64) bool {
	const exp, one = 0x7FF0_0000_0000_0000, 0x0010_0000_0000_0000
	j := 0
	if useAVX2 && len(v) >= 16 {
		j = len(v) &^ 15
		if !allFiniteAVX2(v[:j]) {
			return false
		}
	}
	var m0, m1, m2, m3 uint64
	for ; j+4 <= len(v); j += 4 {
		w := v[j : j+4 : j+4]
		m0 |= math.Float64bits(w[0])&exp + one
		m1 |= math.Float64bits(w[1])&exp + one
		m2 |= math.Float64bits(w[2])&exp + one
		m3 |= math.Float64bits(w[3])&exp + one
	}
	for ; j < len(v); j++ {
		m0 |= math.Float64bits(v[j])&exp + one
	}
	return (m0|m1|m2|m3)>>63 == 0
}
