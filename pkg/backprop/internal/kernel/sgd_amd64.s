//go:build amd64 && !purego

#include "textflag.h"

// func sgdStepAVX2(w, g []float64, lr float64)
//
// w[i] -= lr·g[i] sixteen at a time, for the first len(g)&^15 elements: a
// multiply, then a subtraction, both rounded, as sgdStep.
TEXT ·sgdStepAVX2(SB), NOSPLIT, $0-56
	MOVQ w_base+0(FP), DI
	MOVQ g_base+24(FP), SI
	MOVQ g_len+32(FP), CX
	VBROADCASTSD lr+48(FP), Y4
	SHRQ $4, CX

loop:
	TESTQ CX, CX
	JZ    done
	VMULPD  0(SI), Y4, Y0
	VMULPD  32(SI), Y4, Y1
	VMULPD  64(SI), Y4, Y2
	VMULPD  96(SI), Y4, Y3
	VMOVUPD 0(DI), Y5
	VMOVUPD 32(DI), Y6
	VMOVUPD 64(DI), Y7
	VMOVUPD 96(DI), Y8
	VSUBPD  Y0, Y5, Y5
	VSUBPD  Y1, Y6, Y6
	VSUBPD  Y2, Y7, Y7
	VSUBPD  Y3, Y8, Y8
	VMOVUPD Y5, 0(DI)
	VMOVUPD Y6, 32(DI)
	VMOVUPD Y7, 64(DI)
	VMOVUPD Y8, 96(DI)
	ADDQ $128, SI
	ADDQ $128, DI
	DECQ CX
	JMP  loop

done:
	VZEROUPPER
	RET
