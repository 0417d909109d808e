//go:build amd64 && !purego

#include "textflag.h"

// func tanhAVX2(dst, src []float64)
//
// tanh (tanh.go) on four elements at a time: the same
// operations in the same order, each rounded, so the same bits. The lanes
// where |x| ≥ 19.5 or x is NaN compute garbage that the blend at the end
// replaces with ±1 or x.
TEXT ·tanhAVX2(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ src_base+24(FP), SI
	MOVQ src_len+32(FP), CX
	SHRQ $2, CX

loop:
	TESTQ CX, CX
	JZ    done
	VMOVUPD (SI), Y0                   // x
	VANDPD  tanhAbs<>(SB), Y0, Y1      // a = |x|
	VADDPD  Y1, Y1, Y2                 // y = a + a
	VMULPD  tanhLog2E<>(SB), Y2, Y3
	VADDPD  tanhHalf<>(SB), Y3, Y3
	VROUNDPD $3, Y3, Y3                // k = trunc(y·log2e + 0.5)
	VMULPD  tanhLn2Hi<>(SB), Y3, Y4
	VSUBPD  Y4, Y2, Y4                 // y - k·ln2Hi
	VMULPD  tanhLn2Lo<>(SB), Y3, Y5
	VSUBPD  Y5, Y4, Y4                 // r
	VMULPD  Y4, Y4, Y5                 // r2
	VMULPD  Y5, Y5, Y6                 // r4

	VMULPD  tanhC1<>(SB), Y4, Y7
	VADDPD  tanhC0<>(SB), Y7, Y7       // c01
	VMULPD  tanhC3<>(SB), Y4, Y8
	VADDPD  tanhC2<>(SB), Y8, Y8       // c23
	VMULPD  Y8, Y5, Y8
	VADDPD  Y8, Y7, Y7                 // c01 + r2·c23
	VMULPD  tanhC5<>(SB), Y4, Y8
	VADDPD  tanhC4<>(SB), Y8, Y8       // c45
	VMULPD  tanhC7<>(SB), Y4, Y9
	VADDPD  tanhC6<>(SB), Y9, Y9       // c67
	VMULPD  Y9, Y5, Y9
	VADDPD  Y9, Y8, Y8                 // c45 + r2·c67
	VMULPD  Y8, Y6, Y8
	VADDPD  Y8, Y7, Y7                 // lo

	VMULPD  tanhC9<>(SB), Y4, Y8
	VADDPD  tanhC8<>(SB), Y8, Y8       // c89
	VMULPD  tanhC11<>(SB), Y4, Y9
	VADDPD  tanhC10<>(SB), Y9, Y9      // c1011
	VMULPD  Y9, Y5, Y9
	VADDPD  Y9, Y8, Y8                 // c89 + r2·c1011
	VMULPD  tanhC12<>(SB), Y6, Y9
	VADDPD  Y9, Y8, Y8                 // hi
	VMULPD  Y6, Y6, Y9                 // r4·r4
	VMULPD  Y8, Y9, Y8
	VADDPD  Y8, Y7, Y7                 // q = lo + r4·r4·hi
	VMULPD  Y7, Y5, Y7
	VADDPD  Y7, Y4, Y7                 // p = r + r2·q

	VADDPD  tanhExp<>(SB), Y3, Y8
	VPSLLQ  $52, Y8, Y8                // 2^k
	VSUBPD  tanhOne<>(SB), Y8, Y9      // 2^k - 1
	VMULPD  Y7, Y8, Y7
	VADDPD  Y7, Y9, Y7                 // e = (2^k - 1) + 2^k·p
	VADDPD  tanhTwo<>(SB), Y7, Y8
	VDIVPD  Y8, Y7, Y7                 // e/(e+2)

	VCMPPD  $0x11, tanhBig<>(SB), Y1, Y9 // a < big (false for NaN)
	VCMPPD  $3, Y0, Y0, Y10            // x is NaN
	VMOVUPD tanhOne<>(SB), Y11
	VBLENDVPD Y10, Y0, Y11, Y11        // NaN ? x : 1
	VBLENDVPD Y9, Y7, Y11, Y7          // a < big ? e/(e+2) : that
	VANDPD  tanhAbs<>(SB), Y7, Y7
	VANDPD  tanhSign<>(SB), Y0, Y10
	VORPD   Y10, Y7, Y7                // with the sign of x
	VMOVUPD Y7, (DI)

	ADDQ $32, SI
	ADDQ $32, DI
	DECQ CX
	JMP  loop

done:
	VZEROUPPER
	RET

// func tanhAVX512(dst, src []float64)
//
// tanhAVX2 on eight elements at a time, with AVX-512: the same operations
// (constants broadcast from the same tables), so the same bits.
TEXT ·tanhAVX512(SB), NOSPLIT, $0-48
	MOVQ dst_base+0(FP), DI
	MOVQ src_base+24(FP), SI
	MOVQ src_len+32(FP), CX
	SHRQ $3, CX

loop512:
	TESTQ CX, CX
	JZ    done512
	VMOVUPD (SI), Z0                         // x
	VPANDQ.BCST   tanhAbs<>(SB), Z0, Z1      // a = |x|
	VADDPD        Z1, Z1, Z2                 // y = a + a
	VMULPD.BCST   tanhLog2E<>(SB), Z2, Z3
	VADDPD.BCST   tanhHalf<>(SB), Z3, Z3
	VRNDSCALEPD   $3, Z3, Z3                 // k = trunc(y·log2e + 0.5)
	VMULPD.BCST   tanhLn2Hi<>(SB), Z3, Z4
	VSUBPD        Z4, Z2, Z4                 // y - k·ln2Hi
	VMULPD.BCST   tanhLn2Lo<>(SB), Z3, Z5
	VSUBPD        Z5, Z4, Z4                 // r
	VMULPD        Z4, Z4, Z5                 // r2
	VMULPD        Z5, Z5, Z6                 // r4

	VMULPD.BCST   tanhC1<>(SB), Z4, Z7
	VADDPD.BCST   tanhC0<>(SB), Z7, Z7       // c01
	VMULPD.BCST   tanhC3<>(SB), Z4, Z8
	VADDPD.BCST   tanhC2<>(SB), Z8, Z8       // c23
	VMULPD        Z8, Z5, Z8
	VADDPD        Z8, Z7, Z7                 // c01 + r2·c23
	VMULPD.BCST   tanhC5<>(SB), Z4, Z8
	VADDPD.BCST   tanhC4<>(SB), Z8, Z8       // c45
	VMULPD.BCST   tanhC7<>(SB), Z4, Z9
	VADDPD.BCST   tanhC6<>(SB), Z9, Z9       // c67
	VMULPD        Z9, Z5, Z9
	VADDPD        Z9, Z8, Z8                 // c45 + r2·c67
	VMULPD        Z8, Z6, Z8
	VADDPD        Z8, Z7, Z7                 // lo

	VMULPD.BCST   tanhC9<>(SB), Z4, Z8
	VADDPD.BCST   tanhC8<>(SB), Z8, Z8       // c89
	VMULPD.BCST   tanhC11<>(SB), Z4, Z9
	VADDPD.BCST   tanhC10<>(SB), Z9, Z9      // c1011
	VMULPD        Z9, Z5, Z9
	VADDPD        Z9, Z8, Z8                 // c89 + r2·c1011
	VMULPD.BCST   tanhC12<>(SB), Z6, Z9
	VADDPD        Z9, Z8, Z8                 // hi
	VMULPD        Z6, Z6, Z9                 // r4·r4
	VMULPD        Z8, Z9, Z8
	VADDPD        Z8, Z7, Z7                 // q = lo + r4·r4·hi
	VMULPD        Z7, Z5, Z7
	VADDPD        Z7, Z4, Z7                 // p = r + r2·q

	VADDPD.BCST   tanhExp<>(SB), Z3, Z8
	VPSLLQ        $52, Z8, Z8                // 2^k
	VSUBPD.BCST   tanhOne<>(SB), Z8, Z9      // 2^k - 1
	VMULPD        Z7, Z8, Z7
	VADDPD        Z7, Z9, Z7                 // e = (2^k - 1) + 2^k·p
	VADDPD.BCST   tanhTwo<>(SB), Z7, Z8
	VDIVPD        Z8, Z7, Z7                 // e/(e+2)

	VCMPPD.BCST   $0x11, tanhBig<>(SB), Z1, K1 // a < big (false for NaN)
	VCMPPD        $3, Z0, Z0, K2             // x is NaN
	VBROADCASTSD  tanhOne<>(SB), Z11
	VMOVAPD       Z0, K2, Z11                // NaN ? x : 1
	VMOVAPD       Z7, K1, Z11                // a < big ? e/(e+2) : that
	VPANDQ.BCST   tanhAbs<>(SB), Z11, Z11
	VPANDQ.BCST   tanhSign<>(SB), Z0, Z10
	VPORQ         Z10, Z11, Z11              // with the sign of x
	VMOVUPD       Z11, (DI)

	ADDQ $64, SI
	ADDQ $64, DI
	DECQ CX
	JMP  loop512

done512:
	VZEROUPPER
	RET


// func tanhGradAVX2(dst, g, y []float64)
//
// dst[i] = g[i]·(1 − y[i]·y[i]) four at a time, for the first len(g)&^3
// elements: the operations of Tanh.Backward, in its order.
TEXT ·tanhGradAVX2(SB), NOSPLIT, $0-72
	MOVQ dst_base+0(FP), DI
	MOVQ g_base+24(FP), SI
	MOVQ g_len+32(FP), CX
	MOVQ y_base+48(FP), DX
	SHRQ $2, CX
	VMOVUPD tanhOne<>(SB), Y1

gradloop:
	TESTQ CX, CX
	JZ    graddone
	VMOVUPD (DX), Y0
	VMULPD  Y0, Y0, Y0     // y·y
	VSUBPD  Y0, Y1, Y0     // 1 - y·y
	VMULPD  (SI), Y0, Y0   // g·(1 - y·y)
	VMOVUPD Y0, (DI)
	ADDQ $32, SI
	ADDQ $32, DX
	ADDQ $32, DI
	DECQ CX
	JMP  gradloop

graddone:
	VZEROUPPER
	RET

DATA tanhAbs<>+0(SB)/8, $0x7fffffffffffffff
DATA tanhAbs<>+8(SB)/8, $0x7fffffffffffffff
DATA tanhAbs<>+16(SB)/8, $0x7fffffffffffffff
DATA tanhAbs<>+24(SB)/8, $0x7fffffffffffffff
GLOBL tanhAbs<>(SB), RODATA|NOPTR, $32
DATA tanhSign<>+0(SB)/8, $0x8000000000000000
DATA tanhSign<>+8(SB)/8, $0x8000000000000000
DATA tanhSign<>+16(SB)/8, $0x8000000000000000
DATA tanhSign<>+24(SB)/8, $0x8000000000000000
GLOBL tanhSign<>(SB), RODATA|NOPTR, $32
DATA tanhBig<>+0(SB)/8, $0x4033800000000000
DATA tanhBig<>+8(SB)/8, $0x4033800000000000
DATA tanhBig<>+16(SB)/8, $0x4033800000000000
DATA tanhBig<>+24(SB)/8, $0x4033800000000000
GLOBL tanhBig<>(SB), RODATA|NOPTR, $32
DATA tanhLog2E<>+0(SB)/8, $0x3ff71547652b82fe
DATA tanhLog2E<>+8(SB)/8, $0x3ff71547652b82fe
DATA tanhLog2E<>+16(SB)/8, $0x3ff71547652b82fe
DATA tanhLog2E<>+24(SB)/8, $0x3ff71547652b82fe
GLOBL tanhLog2E<>(SB), RODATA|NOPTR, $32
DATA tanhHalf<>+0(SB)/8, $0x3fe0000000000000
DATA tanhHalf<>+8(SB)/8, $0x3fe0000000000000
DATA tanhHalf<>+16(SB)/8, $0x3fe0000000000000
DATA tanhHalf<>+24(SB)/8, $0x3fe0000000000000
GLOBL tanhHalf<>(SB), RODATA|NOPTR, $32
DATA tanhLn2Hi<>+0(SB)/8, $0x3fe62e4200000000
DATA tanhLn2Hi<>+8(SB)/8, $0x3fe62e4200000000
DATA tanhLn2Hi<>+16(SB)/8, $0x3fe62e4200000000
DATA tanhLn2Hi<>+24(SB)/8, $0x3fe62e4200000000
GLOBL tanhLn2Hi<>(SB), RODATA|NOPTR, $32
DATA tanhLn2Lo<>+0(SB)/8, $0x3e9fdf473de6af28
DATA tanhLn2Lo<>+8(SB)/8, $0x3e9fdf473de6af28
DATA tanhLn2Lo<>+16(SB)/8, $0x3e9fdf473de6af28
DATA tanhLn2Lo<>+24(SB)/8, $0x3e9fdf473de6af28
GLOBL tanhLn2Lo<>(SB), RODATA|NOPTR, $32
DATA tanhC0<>+0(SB)/8, $0x3fe0000000000000
DATA tanhC0<>+8(SB)/8, $0x3fe0000000000000
DATA tanhC0<>+16(SB)/8, $0x3fe0000000000000
DATA tanhC0<>+24(SB)/8, $0x3fe0000000000000
GLOBL tanhC0<>(SB), RODATA|NOPTR, $32
DATA tanhC1<>+0(SB)/8, $0x3fc5555555555555
DATA tanhC1<>+8(SB)/8, $0x3fc5555555555555
DATA tanhC1<>+16(SB)/8, $0x3fc5555555555555
DATA tanhC1<>+24(SB)/8, $0x3fc5555555555555
GLOBL tanhC1<>(SB), RODATA|NOPTR, $32
DATA tanhC2<>+0(SB)/8, $0x3fa5555555555555
DATA tanhC2<>+8(SB)/8, $0x3fa5555555555555
DATA tanhC2<>+16(SB)/8, $0x3fa5555555555555
DATA tanhC2<>+24(SB)/8, $0x3fa5555555555555
GLOBL tanhC2<>(SB), RODATA|NOPTR, $32
DATA tanhC3<>+0(SB)/8, $0x3f81111111111111
DATA tanhC3<>+8(SB)/8, $0x3f81111111111111
DATA tanhC3<>+16(SB)/8, $0x3f81111111111111
DATA tanhC3<>+24(SB)/8, $0x3f81111111111111
GLOBL tanhC3<>(SB), RODATA|NOPTR, $32
DATA tanhC4<>+0(SB)/8, $0x3f56c16c16c16c17
DATA tanhC4<>+8(SB)/8, $0x3f56c16c16c16c17
DATA tanhC4<>+16(SB)/8, $0x3f56c16c16c16c17
DATA tanhC4<>+24(SB)/8, $0x3f56c16c16c16c17
GLOBL tanhC4<>(SB), RODATA|NOPTR, $32
DATA tanhC5<>+0(SB)/8, $0x3f2a01a01a01a01a
DATA tanhC5<>+8(SB)/8, $0x3f2a01a01a01a01a
DATA tanhC5<>+16(SB)/8, $0x3f2a01a01a01a01a
DATA tanhC5<>+24(SB)/8, $0x3f2a01a01a01a01a
GLOBL tanhC5<>(SB), RODATA|NOPTR, $32
DATA tanhC6<>+0(SB)/8, $0x3efa01a01a01a01a
DATA tanhC6<>+8(SB)/8, $0x3efa01a01a01a01a
DATA tanhC6<>+16(SB)/8, $0x3efa01a01a01a01a
DATA tanhC6<>+24(SB)/8, $0x3efa01a01a01a01a
GLOBL tanhC6<>(SB), RODATA|NOPTR, $32
DATA tanhC7<>+0(SB)/8, $0x3ec71de3a556c734
DATA tanhC7<>+8(SB)/8, $0x3ec71de3a556c734
DATA tanhC7<>+16(SB)/8, $0x3ec71de3a556c734
DATA tanhC7<>+24(SB)/8, $0x3ec71de3a556c734
GLOBL tanhC7<>(SB), RODATA|NOPTR, $32
DATA tanhC8<>+0(SB)/8, $0x3e927e4fb7789f5c
DATA tanhC8<>+8(SB)/8, $0x3e927e4fb7789f5c
DATA tanhC8<>+16(SB)/8, $0x3e927e4fb7789f5c
DATA tanhC8<>+24(SB)/8, $0x3e927e4fb7789f5c
GLOBL tanhC8<>(SB), RODATA|NOPTR, $32
DATA tanhC9<>+0(SB)/8, $0x3e5ae64567f544e4
DATA tanhC9<>+8(SB)/8, $0x3e5ae64567f544e4
DATA tanhC9<>+16(SB)/8, $0x3e5ae64567f544e4
DATA tanhC9<>+24(SB)/8, $0x3e5ae64567f544e4
GLOBL tanhC9<>(SB), RODATA|NOPTR, $32
DATA tanhC10<>+0(SB)/8, $0x3e21eed8eff8d898
DATA tanhC10<>+8(SB)/8, $0x3e21eed8eff8d898
DATA tanhC10<>+16(SB)/8, $0x3e21eed8eff8d898
DATA tanhC10<>+24(SB)/8, $0x3e21eed8eff8d898
GLOBL tanhC10<>(SB), RODATA|NOPTR, $32
DATA tanhC11<>+0(SB)/8, $0x3de6124613a86d09
DATA tanhC11<>+8(SB)/8, $0x3de6124613a86d09
DATA tanhC11<>+16(SB)/8, $0x3de6124613a86d09
DATA tanhC11<>+24(SB)/8, $0x3de6124613a86d09
GLOBL tanhC11<>(SB), RODATA|NOPTR, $32
DATA tanhC12<>+0(SB)/8, $0x3da93974a8c07c9d
DATA tanhC12<>+8(SB)/8, $0x3da93974a8c07c9d
DATA tanhC12<>+16(SB)/8, $0x3da93974a8c07c9d
DATA tanhC12<>+24(SB)/8, $0x3da93974a8c07c9d
GLOBL tanhC12<>(SB), RODATA|NOPTR, $32
DATA tanhOne<>+0(SB)/8, $0x3ff0000000000000
DATA tanhOne<>+8(SB)/8, $0x3ff0000000000000
DATA tanhOne<>+16(SB)/8, $0x3ff0000000000000
DATA tanhOne<>+24(SB)/8, $0x3ff0000000000000
GLOBL tanhOne<>(SB), RODATA|NOPTR, $32
DATA tanhTwo<>+0(SB)/8, $0x4000000000000000
DATA tanhTwo<>+8(SB)/8, $0x4000000000000000
DATA tanhTwo<>+16(SB)/8, $0x4000000000000000
DATA tanhTwo<>+24(SB)/8, $0x4000000000000000
GLOBL tanhTwo<>(SB), RODATA|NOPTR, $32
DATA tanhExp<>+0(SB)/8, $0x43300000000003ff
DATA tanhExp<>+8(SB)/8, $0x43300000000003ff
DATA tanhExp<>+16(SB)/8, $0x43300000000003ff
DATA tanhExp<>+24(SB)/8, $0x43300000000003ff
GLOBL tanhExp<>(SB), RODATA|NOPTR, $32
