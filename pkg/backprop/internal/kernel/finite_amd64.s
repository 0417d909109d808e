//go:build amd64 && !purego

#include "textflag.h"

// func allFiniteAVX2(v []float64) bool
//
// allFinite sixteen elements at a time (len(v) a multiple of 16): an
// element is NaN or infinite when its exponent bits are all ones, so
// VPAND keeps the exponent, VPCMPEQQ compares it with all ones, and VPOR
// gathers the answers; one VPTEST at the end.
TEXT ·allFiniteAVX2(SB), NOSPLIT, $0-25
	MOVQ v_base+0(FP), SI
	MOVQ v_len+8(FP), CX
	MOVQ $0x7ff0000000000000, AX
	MOVQ AX, X5
	VPBROADCASTQ X5, Y5 // the exponent bits
	VPXOR Y6, Y6, Y6    // non-finite lanes seen so far
	VPXOR Y7, Y7, Y7

loop16:
	CMPQ CX, $16
	JLT  result
	VPAND    (SI), Y5, Y0
	VPAND    32(SI), Y5, Y1
	VPAND    64(SI), Y5, Y2
	VPAND    96(SI), Y5, Y3
	VPCMPEQQ Y5, Y0, Y0
	VPCMPEQQ Y5, Y1, Y1
	VPCMPEQQ Y5, Y2, Y2
	VPCMPEQQ Y5, Y3, Y3
	VPOR     Y0, Y6, Y6
	VPOR     Y1, Y7, Y7
	VPOR     Y2, Y6, Y6
	VPOR     Y3, Y7, Y7
	ADDQ     $128, SI
	SUBQ     $16, CX
	JMP      loop16

result:
	VPOR   Y7, Y6, Y6
	VPTEST Y6, Y6
	SETEQ  ret+24(FP)
	VZEROUPPER
	RET
