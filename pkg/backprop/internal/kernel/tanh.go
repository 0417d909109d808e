package kernel

import "math"

// tanhSlice sets dst[i] = tanh(src[i]); len(dst) must be at least
// len(src). On amd64 with AVX2 (AVX-512), assembly computes four (eight)
// elements at a time (tanh_amd64.s) with the operations of tanh, in its
// order, so the results are the same bit for bit.
func tanhSlice(dst, src []float64) {
	dst = dst[:len(src)]
	i := 0
	if useAVX512 {
		i = len(src) &^ 7
		tanhAVX512(dst[:i], src[:i])
	}
	if useAVX2 {
		j := len(src) &^ 3
		tanhAVX2(dst[i:j], src[i:j])
		i = j
	}
	for ; i < len(src); i++ {
		dst[i] = tanh(src[i])
	}
}

// tanhGrad sets ds[j] = gs[j]·(1 − ys[j]²), the backward pass of Tanh;
// ds and ys must be at least as long as gs. With AVX2, assembly does four
// at a time, with the same operations.
func tanhGrad(ds, gs, ys []float64) {
	ds, ys = ds[:len(gs)], ys[:len(gs)]
	j := 0
	if useAVX2 {
		j = len(gs) &^ 3
		tanhGradAVX2(ds[:j], gs[:j], ys[:j])
	}
	for ; j < len(gs); j++ {
		ds[j] = gs[j] * (1 - float64(ys[j]*ys[j]))
	}
}

// tanh returns the hyperbolic tangent of x, within 2 units in the last
// place of math.Tanh (TestTanhAccuracy). A training step of a small tanh
// network spends most of its time in tanh, and math.Tanh cannot be
// computed on four numbers at once; this formula can.
//
// With e = e^(2|x|) − 1, tanh|x| = e/(e+2), and e is computed without
// cancellation for small x: 2|x| = k·ln2 + r with |r| ≤ ln2/2, so
// e = 2^k·(1 + expm1(r)) − 1 = (2^k − 1) + 2^k·expm1(r), where expm1(r)
// is its Taylor series to r^14 (the next term is below float64's
// rounding). tanh(±Inf) = ±1, tanh(NaN) = NaN and tanh(−0) = −0, as
// math.Tanh.
//
// Every product is converted with float64(…), which forbids the compiler
// to fuse it with the following addition (it may on some processors): the
// assembly version rounds each operation separately, and so must this.
func tanh(x float64) float64 {
	const (
		// ln2Hi has its low 32 bits of mantissa zero, so k·ln2Hi is exact
		// for every k used here; ln2Lo is the rest of ln2.
		ln2Hi = 0x1.62e42p-01
		ln2Lo = math.Ln2 - ln2Hi
		// Beyond big, tanh|x| rounds to 1 (1 − tanh 19.1 < 2^-54).
		big = 19.5
	)
	a := math.Abs(x)
	if !(a < big) {
		if a != a { // NaN
			return x
		}
		return math.Copysign(1, x)
	}
	y := a + a
	k := float64(int64(float64(y*math.Log2E) + 0.5)) // round(y/ln2), as y ≥ 0
	r := (y - float64(k*ln2Hi)) - float64(k*ln2Lo)
	// expm1(r) = r + r²·q(r), q(r) = Σ_{n=0..12} r^n/(n+2)!, by Estrin's
	// scheme: pairs of terms, then pairs of pairs. Fewer dependent steps
	// than Horner's rule, so the CPU overlaps consecutive elements. Adding
	// r last keeps the rounding error of the small r²·q out of the result.
	r2 := float64(r * r)
	r4 := float64(r2 * r2)
	c01 := 1.0/2 + float64(r*(1.0/6))
	c23 := 1.0/24 + float64(r*(1.0/120))
	c45 := 1.0/720 + float64(r*(1.0/5040))
	c67 := 1.0/40320 + float64(r*(1.0/362880))
	c89 := 1.0/3628800 + float64(r*(1.0/39916800))
	c1011 := 1.0/479001600 + float64(r*(1.0/6227020800))
	lo := (c01 + float64(r2*c23)) + float64(r4*(c45+float64(r2*c67)))
	hi := (c89 + float64(r2*c1011)) + float64(r4*(1.0/87178291200))
	q := lo + float64(float64(r4*r4)*hi)
	p := r + float64(r2*q)
	// 2^k: adding 2^52 + 1023 puts the integer k + 1023 in the low bits of
	// the mantissa; shifted into the exponent field, it is 2^k (0 ≤ k ≤ 57).
	twoK := math.Float64frombits(math.Float64bits(k+(0x1p52+1023)) << 52)
	e := (twoK - 1) + float64(twoK*p)
	return math.Copysign(e/(e+2), x)
}
