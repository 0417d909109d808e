//go:build amd64 && !purego

#include "textflag.h"

// func tanhAVX2(dst, src []float64)
//
// tanh (activation_tanh.go) on four elements at a time: the same
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
