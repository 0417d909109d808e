//go:build amd64 && !purego

package kernel

import "golang.org/x/sys/cpu"

// useAVX2 selects the assembly kernels (products_amd64.s,
// tanh_amd64.s and sgd_amd64.s). Each does exactly the floating-point operations of its Go
// counterpart, in the same order, so results do not depend on the machine;
// only the fused kernels that useFMA selects round differently (once per
// term, as math.FMA does).
var useAVX2 = cpu.X86.HasAVX2

// useAVX512 selects the eight-lane kernels (AVX-512).
var useAVX512 = useAVX2 && cpu.X86.HasAVX512F

// useFMA selects fused multiply-adds for the wide dense products
// (combineDenseFMA512, combineDenseQuadsFMA512; see fusedCols). It
// depends only on the CPU (GODEBUG=cpu.fma=off or cpu.avx512f=off turns it
// off), so a program gives the same bits from run to run on one machine.
var useFMA = useAVX512 && cpu.X86.HasFMA

// combineRowsAVX2 adds Σ_t val[t]·b[idx[t]·stride+j] to dst[j] for every j
// of dst, whose length must be a multiple of 4; len(val) must be at least
// len(idx), and b must hold idx[t]·stride+len(dst) elements for every t.
// Nothing is checked: combineRows does it.
//
//go:noescape
func combineRowsAVX2(dst []float64, idx []int, val []float64, b []float64, stride int)

// combineDenseAVX2 adds a·b to dst, for the first n columns (a multiple
// of 4) of rows rows: dst is rows×n with row stride dstStride, a rows×k
// with element a[i,p] at a[i·aStride+p·aStep], b k×n with bStride. Nothing
// is checked: combineDense and combineDenseT do it.
//
//go:noescape
func combineDenseAVX2(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int)

// combineDenseFMA512 is combineDenseAVX2 for n a multiple of 32, eight
// lanes per instruction with AVX-512, and one fused multiply-add per term
// (the rounding of math.FMA) instead of a multiply and an add.
//
//go:noescape
func combineDenseFMA512(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int)

// combineDenseQuadsFMA512 is combineDenseFMA512 for a number of rows
// that is a multiple of 4, four rows at a time.
//
//go:noescape
func combineDenseQuadsFMA512(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int)

// combineDensePairsAVX512 is combineDenseAVX2 for n a multiple of 16
// and an even number of rows, two rows at a time, eight lanes per
// instruction with AVX-512 (a multiply then an add, not fused).
//
//go:noescape
func combineDensePairsAVX512(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int)

// scatterRowAVX2 adds val[t]·src[j] to dst[idx[t]·stride+j] for every t
// and every j of src, whose length must be a multiple of 4; len(val) must
// be at least len(idx), and dst must hold idx[t]·stride+len(src) elements
// for every t. Nothing is checked: scatterRow does it.
//
//go:noescape
func scatterRowAVX2(dst []float64, stride int, idx []int, val []float64, src []float64)

// scatterRowAVX512 is scatterRowAVX2 for any length of src, eight lanes
// per instruction with AVX-512, the last 1 to 7 columns under a mask.
//
//go:noescape
func scatterRowAVX512(dst []float64, stride int, idx []int, val []float64, src []float64)

// combineRowsAVX512 is combineRowsAVX2 for any length of dst, eight lanes
// per instruction with AVX-512, the last 1 to 7 columns under a mask.
//
//go:noescape
func combineRowsAVX512(dst []float64, idx []int, val []float64, b []float64, stride int)

// listNonZeroAVX512 writes the column indices and values of the non-zero
// entries of row (len(row) a multiple of 8) to col and val, which must
// have room for len(row)+8 elements, and returns how many it listed.
//
//go:noescape
func listNonZeroAVX512(col []int, val []float64, row []float64) int

// tanhAVX2 sets dst[i] = tanh(src[i]) for the first len(src)&^3 elements;
// len(dst) must be at least len(src). tanhSlice checks it.
//
//go:noescape
func tanhAVX2(dst, src []float64)

// tanhGradAVX2 sets dst[i] = g[i]·(1 − y[i]·y[i]) for the first
// len(g)&^3 elements; dst and y must be at least as long as g.
//
//go:noescape
func tanhGradAVX2(dst, g, y []float64)

// sgdStepAVX2 sets w[i] -= lr·g[i] for the first len(g)&^15 elements;
// len(w) must be at least len(g).
//
//go:noescape
func sgdStepAVX2(w, g []float64, lr float64)

// tanhAVX512 is tanhAVX2 for the first len(src)&^7 elements, with AVX-512.
//
//go:noescape
func tanhAVX512(dst, src []float64)

// allFiniteAVX2 reports whether every element of v is finite; len(v) must
// be a multiple of 16 (allFinite does the rest).
//
//go:noescape
func allFiniteAVX2(v []float64) bool
