//go:build amd64 && !purego

#include "textflag.h"

// func combineRowsAVX2(dst []float64, idx []int, val []float64, b []float64, stride int)
//
// For each block of 16 columns (then of 4) of dst, keeps the block's sums
// in registers Y0-Y3 and, for each term t, adds val[t]·b[idx[t]·stride+j]:
// VMULPD then VADDPD, the same two roundings as combineRowsGo.
TEXT ·combineRowsAVX2(SB), NOSPLIT, $0-104
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), CX
	MOVQ idx_base+24(FP), SI
	MOVQ idx_len+32(FP), DX
	MOVQ val_base+48(FP), R8
	MOVQ b_base+72(FP), R9
	MOVQ stride+96(FP), R10
	SHLQ $3, R10 // row stride in bytes

block16:
	CMPQ CX, $16
	JLT  block4
	VMOVUPD 0(DI), Y0
	VMOVUPD 32(DI), Y1
	VMOVUPD 64(DI), Y2
	VMOVUPD 96(DI), Y3
	XORQ R12, R12 // t

terms16:
	CMPQ R12, DX
	JGE  store16
	VBROADCASTSD (R8)(R12*8), Y4
	MOVQ (SI)(R12*8), R13
	IMULQ R10, R13
	ADDQ R9, R13 // &b[idx[t]·stride + j]
	VMULPD 0(R13), Y4, Y5
	VADDPD Y5, Y0, Y0
	VMULPD 32(R13), Y4, Y6
	VADDPD Y6, Y1, Y1
	VMULPD 64(R13), Y4, Y7
	VADDPD Y7, Y2, Y2
	VMULPD 96(R13), Y4, Y8
	VADDPD Y8, Y3, Y3
	INCQ R12
	JMP  terms16

store16:
	VMOVUPD Y0, 0(DI)
	VMOVUPD Y1, 32(DI)
	VMOVUPD Y2, 64(DI)
	VMOVUPD Y3, 96(DI)
	ADDQ $128, DI
	ADDQ $128, R9
	SUBQ $16, CX
	JMP  block16

block4:
	CMPQ CX, $4
	JLT  done
	VMOVUPD 0(DI), Y0
	XORQ R12, R12

terms4:
	CMPQ R12, DX
	JGE  store4
	VBROADCASTSD (R8)(R12*8), Y4
	MOVQ (SI)(R12*8), R13
	IMULQ R10, R13
	ADDQ R9, R13
	VMULPD 0(R13), Y4, Y5
	VADDPD Y5, Y0, Y0
	INCQ R12
	JMP  terms4

store4:
	VMOVUPD Y0, 0(DI)
	ADDQ $32, DI
	ADDQ $32, R9
	SUBQ $4, CX
	JMP  block4

done:
	VZEROUPPER
	RET

// func combineDenseAVX2(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int)
//
// combineRowsAVX2 for every row of a dense a at once: for each of rows
// rows i, adds Σ_{p<k} a[i·aStride+p·aStep]·b[p·bStride+j] to
// dst[i·dstStride+j] for j < n (a multiple of 4), in the same order and
// with the same roundings. One call for the whole product saves a call per
// row. With aStride 1 and aStep the row stride of a matrix m, a is mᵀ:
// mᵀ·b without a transposed copy.
TEXT ·combineDenseAVX2(SB), NOSPLIT, $0-128
	MOVQ dst_base+0(FP), DI
	MOVQ rows+32(FP), CX
	MOVQ a_base+40(FP), SI
	MOVQ aStep+72(FP), R12
	SHLQ $3, R12
	MOVQ b_base+88(FP), R9
	MOVQ bStride+112(FP), R10
	SHLQ $3, R10

row:
	TESTQ CX, CX
	JZ    done
	MOVQ  n+120(FP), R8  // columns left in this row
	MOVQ  k+80(FP), DX
	IMULQ R12, DX
	ADDQ  SI, DX         // end of the row of a
	MOVQ  DI, R13        // dst block
	MOVQ  R9, R14        // b block

block16:
	CMPQ R8, $16
	JLT  block4
	VMOVUPD 0(R13), Y0
	VMOVUPD 32(R13), Y1
	VMOVUPD 64(R13), Y2
	VMOVUPD 96(R13), Y3
	MOVQ SI, AX
	MOVQ R14, BX

terms16:
	CMPQ AX, DX
	JGE  store16
	VBROADCASTSD (AX), Y4
	VMULPD 0(BX), Y4, Y5
	VADDPD Y5, Y0, Y0
	VMULPD 32(BX), Y4, Y6
	VADDPD Y6, Y1, Y1
	VMULPD 64(BX), Y4, Y7
	VADDPD Y7, Y2, Y2
	VMULPD 96(BX), Y4, Y8
	VADDPD Y8, Y3, Y3
	ADDQ R12, AX
	ADDQ R10, BX
	JMP  terms16

store16:
	VMOVUPD Y0, 0(R13)
	VMOVUPD Y1, 32(R13)
	VMOVUPD Y2, 64(R13)
	VMOVUPD Y3, 96(R13)
	ADDQ $128, R13
	ADDQ $128, R14
	SUBQ $16, R8
	JMP  block16

block4:
	CMPQ R8, $4
	JLT  nextrow
	VMOVUPD 0(R13), Y0
	MOVQ SI, AX
	MOVQ R14, BX

terms4:
	CMPQ AX, DX
	JGE  store4
	VBROADCASTSD (AX), Y4
	VMULPD 0(BX), Y4, Y5
	VADDPD Y5, Y0, Y0
	ADDQ R12, AX
	ADDQ R10, BX
	JMP  terms4

store4:
	VMOVUPD Y0, 0(R13)
	ADDQ $32, R13
	ADDQ $32, R14
	SUBQ $4, R8
	JMP  block4

nextrow:
	MOVQ dstStride+24(FP), AX
	LEAQ (DI)(AX*8), DI
	MOVQ aStride+64(FP), AX
	LEAQ (SI)(AX*8), SI
	DECQ CX
	JMP  row

done:
	VZEROUPPER
	RET

// func scatterRowAVX2(dst []float64, stride int, idx []int, val []float64, src []float64)
//
// For each term t, adds val[t]·src[j] to dst[idx[t]·stride+j] for every j
// of src (its length a multiple of 4), 16 columns at a time (then 4):
// VMULPD then VADDPD, the roundings of scatterRow's Go loop.
TEXT ·scatterRowAVX2(SB), NOSPLIT, $0-104
	MOVQ dst_base+0(FP), DI
	MOVQ stride+24(FP), R10
	SHLQ $3, R10 // row stride in bytes
	MOVQ idx_base+32(FP), SI
	MOVQ idx_len+40(FP), DX
	MOVQ val_base+56(FP), R8
	MOVQ src_base+80(FP), R9
	MOVQ src_len+88(FP), CX
	XORQ R12, R12 // t

term:
	CMPQ R12, DX
	JGE  scatterdone
	VBROADCASTSD (R8)(R12*8), Y4
	MOVQ (SI)(R12*8), R13
	IMULQ R10, R13
	ADDQ DI, R13 // &dst[idx[t]·stride]
	MOVQ R9, BX  // &src[0]
	MOVQ CX, R11 // columns left

scatter16:
	CMPQ R11, $16
	JLT  scatter4
	VMULPD  0(BX), Y4, Y0
	VMULPD  32(BX), Y4, Y1
	VMULPD  64(BX), Y4, Y2
	VMULPD  96(BX), Y4, Y3
	VADDPD  0(R13), Y0, Y0
	VADDPD  32(R13), Y1, Y1
	VADDPD  64(R13), Y2, Y2
	VADDPD  96(R13), Y3, Y3
	VMOVUPD Y0, 0(R13)
	VMOVUPD Y1, 32(R13)
	VMOVUPD Y2, 64(R13)
	VMOVUPD Y3, 96(R13)
	ADDQ $128, BX
	ADDQ $128, R13
	SUBQ $16, R11
	JMP  scatter16

scatter4:
	CMPQ R11, $4
	JLT  nextterm
	VMULPD  0(BX), Y4, Y0
	VADDPD  0(R13), Y0, Y0
	VMOVUPD Y0, 0(R13)
	ADDQ $32, BX
	ADDQ $32, R13
	SUBQ $4, R11
	JMP  scatter4

nextterm:
	INCQ R12
	JMP  term

scatterdone:
	VZEROUPPER
	RET

// func scatterRowAVX512(dst []float64, stride int, idx []int, val []float64, src []float64)
//
// scatterRowAVX2 with AVX-512, for any length of src: 32 columns per step,
// then 8, then 4, 2, 1. The same operations lane by lane, so the same
// bits.
TEXT ·scatterRowAVX512(SB), NOSPLIT, $0-104
	MOVQ dst_base+0(FP), DI
	MOVQ stride+24(FP), R10
	SHLQ $3, R10 // row stride in bytes
	MOVQ idx_base+32(FP), SI
	MOVQ idx_len+40(FP), DX
	MOVQ val_base+56(FP), R8
	MOVQ src_base+80(FP), R9
	MOVQ src_len+88(FP), CX
	XORQ R12, R12 // t

zterm:
	CMPQ R12, DX
	JGE  zscatterdone
	VBROADCASTSD (R8)(R12*8), Z4
	MOVQ (SI)(R12*8), R13
	IMULQ R10, R13
	ADDQ DI, R13 // &dst[idx[t]·stride]
	MOVQ R9, BX  // &src[0]
	MOVQ CX, R11 // columns left

zscatter32:
	CMPQ R11, $32
	JLT  zscatter8
	VMULPD  0(BX), Z4, Z0
	VMULPD  64(BX), Z4, Z1
	VMULPD  128(BX), Z4, Z2
	VMULPD  192(BX), Z4, Z3
	VADDPD  0(R13), Z0, Z0
	VADDPD  64(R13), Z1, Z1
	VADDPD  128(R13), Z2, Z2
	VADDPD  192(R13), Z3, Z3
	VMOVUPD Z0, 0(R13)
	VMOVUPD Z1, 64(R13)
	VMOVUPD Z2, 128(R13)
	VMOVUPD Z3, 192(R13)
	ADDQ $256, BX
	ADDQ $256, R13
	SUBQ $32, R11
	JMP  zscatter32

zscatter8:
	CMPQ R11, $8
	JLT  ztail
	VMULPD  0(BX), Z4, Z0
	VADDPD  0(R13), Z0, Z0
	VMOVUPD Z0, 0(R13)
	ADDQ $64, BX
	ADDQ $64, R13
	SUBQ $8, R11
	JMP  zscatter8

ztail:
	// The last 1 to 7 columns in loads and stores of exactly their width
	// (4, 2, 1): a masked store followed by a masked load of the next row
	// in a narrow matrix would stall on the bytes they appear to share.
	CMPQ R11, $4
	JLT  ztail2
	VMULPD  0(BX), Y4, Y0
	VADDPD  0(R13), Y0, Y0
	VMOVUPD Y0, 0(R13)
	ADDQ $32, BX
	ADDQ $32, R13
	SUBQ $4, R11

ztail2:
	CMPQ R11, $2
	JLT  ztail1
	VMULPD  0(BX), X4, X0
	VADDPD  0(R13), X0, X0
	VMOVUPD X0, 0(R13)
	ADDQ $16, BX
	ADDQ $16, R13
	SUBQ $2, R11

ztail1:
	TESTQ R11, R11
	JZ    znextterm
	VMULSD 0(BX), X4, X0
	VADDSD 0(R13), X0, X0
	VMOVSD X0, 0(R13)

znextterm:
	INCQ R12
	JMP  zterm

zscatterdone:
	VZEROUPPER
	RET

// func combineRowsAVX512(dst []float64, idx []int, val []float64, b []float64, stride int)
//
// combineRowsAVX2 with AVX-512, for any length of dst: 32 columns per
// block, then the last 1 to 31 under masks, whose lanes outside the row
// are neither loaded nor stored. The same operations lane by lane, so the
// same bits.
TEXT ·combineRowsAVX512(SB), NOSPLIT, $0-104
	MOVQ dst_base+0(FP), DI
	MOVQ dst_len+8(FP), CX
	MOVQ idx_base+24(FP), SI
	MOVQ idx_len+32(FP), DX
	MOVQ val_base+48(FP), R8
	MOVQ b_base+72(FP), R9
	MOVQ stride+96(FP), R10
	SHLQ $3, R10

rblock32:
	CMPQ CX, $32
	JLT  rdone32
	VMOVUPD 0(DI), Z0
	VMOVUPD 64(DI), Z1
	VMOVUPD 128(DI), Z2
	VMOVUPD 192(DI), Z3
	XORQ R12, R12

rterms32:
	CMPQ R12, DX
	JGE  rstore32
	VBROADCASTSD (R8)(R12*8), Z4
	MOVQ (SI)(R12*8), R13
	IMULQ R10, R13
	ADDQ R9, R13
	VMULPD 0(R13), Z4, Z5
	VADDPD Z5, Z0, Z0
	VMULPD 64(R13), Z4, Z6
	VADDPD Z6, Z1, Z1
	VMULPD 128(R13), Z4, Z7
	VADDPD Z7, Z2, Z2
	VMULPD 192(R13), Z4, Z8
	VADDPD Z8, Z3, Z3
	INCQ R12
	JMP  rterms32

rstore32:
	VMOVUPD Z0, 0(DI)
	VMOVUPD Z1, 64(DI)
	VMOVUPD Z2, 128(DI)
	VMOVUPD Z3, 192(DI)
	ADDQ $256, DI
	ADDQ $256, R9
	SUBQ $32, CX
	JMP  rblock32

rdone32:
	// The last 1 to 31 columns in one walk over the terms, in four
	// accumulators under masks K1-K4 (lanes 0-7, 8-15, 16-23, 24-31 of the
	// remainder; a mask of 0 touches no memory). One walk rather than one
	// per eight columns: each accumulator is a chain of dependent
	// additions, and the four chains overlap.
	TESTQ CX, CX
	JZ    rdone
	MOVQ  $1, AX
	SHLQ  CX, AX
	DECQ  AX // CX ones
	KMOVW AX, K1
	SHRQ  $8, AX
	KMOVW AX, K2
	SHRQ  $8, AX
	KMOVW AX, K3
	SHRQ  $8, AX
	KMOVW AX, K4
	VMOVUPD.Z 0(DI), K1, Z0
	VMOVUPD.Z 64(DI), K2, Z1
	VMOVUPD.Z 128(DI), K3, Z2
	VMOVUPD.Z 192(DI), K4, Z3
	XORQ R12, R12

rtermsm:
	CMPQ R12, DX
	JGE  rstorem
	VBROADCASTSD (R8)(R12*8), Z4
	MOVQ (SI)(R12*8), R13
	IMULQ R10, R13
	ADDQ R9, R13
	VMULPD.Z 0(R13), Z4, K1, Z5
	VADDPD Z5, Z0, Z0
	VMULPD.Z 64(R13), Z4, K2, Z6
	VADDPD Z6, Z1, Z1
	VMULPD.Z 128(R13), Z4, K3, Z7
	VADDPD Z7, Z2, Z2
	VMULPD.Z 192(R13), Z4, K4, Z8
	VADDPD Z8, Z3, Z3
	INCQ R12
	JMP  rtermsm

rstorem:
	VMOVUPD Z0, K1, 0(DI)
	VMOVUPD Z1, K2, 64(DI)
	VMOVUPD Z2, K3, 128(DI)
	VMOVUPD Z3, K4, 192(DI)

rdone:
	VZEROUPPER
	RET

// func listNonZeroAVX512(col []int, val []float64, row []float64) int
//
// The listing loop of sparseRows.set, eight entries at a time: VCMPPD
// marks the entries that are not ±0 (NaN counts as non-zero, as in Go),
// VCOMPRESSPD and VPCOMPRESSQ pack them and their column indices to the
// front of a register, and all eight lanes are stored, the ones past the
// count to be overwritten by the next step. len(row) must be a multiple
// of 8, col and val must have room for len(row)+8 elements. Returns the
// number of entries listed.
TEXT ·listNonZeroAVX512(SB), NOSPLIT, $0-80
	MOVQ col_base+0(FP), DI
	MOVQ val_base+24(FP), R8
	MOVQ row_base+48(FP), SI
	MOVQ row_len+56(FP), CX
	VMOVDQU64 listIota<>(SB), Z1 // column indices of the current eight
	MOVQ $8, AX
	VPBROADCASTQ AX, Z2
	VPXORQ Z5, Z5, Z5
	XORQ R9, R9 // entries listed

list8:
	CMPQ CX, $8
	JLT  listdone
	VMOVUPD (SI), Z0
	VCMPPD $4, Z5, Z0, K1 // not equal (or unordered)
	VCOMPRESSPD Z0, K1, Z3
	VPCOMPRESSQ Z1, K1, Z4
	VMOVUPD Z3, (R8)(R9*8)
	VMOVDQU64 Z4, (DI)(R9*8)
	KMOVW K1, AX
	POPCNTL AX, AX
	ADDQ AX, R9
	VPADDQ Z2, Z1, Z1
	ADDQ $64, SI
	SUBQ $8, CX
	JMP  list8

listdone:
	MOVQ R9, ret+72(FP)
	VZEROUPPER
	RET

DATA listIota<>+0(SB)/8, $0
DATA listIota<>+8(SB)/8, $1
DATA listIota<>+16(SB)/8, $2
DATA listIota<>+24(SB)/8, $3
DATA listIota<>+32(SB)/8, $4
DATA listIota<>+40(SB)/8, $5
DATA listIota<>+48(SB)/8, $6
DATA listIota<>+56(SB)/8, $7
GLOBL listIota<>(SB), RODATA|NOPTR, $64

// func combineDensePairsAVX512(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int)
//
// combineDenseAVX2 with AVX-512 for rows of 16 columns (n a multiple of
// 16, rows even), two rows at a time: each row of 16 has only two sums of
// eight, two chains of dependent additions; two rows make four, enough to
// keep the processor's adders busy, and share the loads of b. A multiply
// then an add, the operations of the AVX2 version lane by lane, so the
// same bits.
TEXT ·combineDensePairsAVX512(SB), NOSPLIT, $0-128
	MOVQ dst_base+0(FP), DI
	MOVQ rows+32(FP), CX
	MOVQ a_base+40(FP), SI
	MOVQ aStride+64(FP), R11
	SHLQ $3, R11
	MOVQ aStep+72(FP), R12
	SHLQ $3, R12
	MOVQ b_base+88(FP), R9
	MOVQ bStride+112(FP), R10
	SHLQ $3, R10

prow:
	CMPQ  CX, $2
	JLT   pdone
	MOVQ  n+120(FP), R8
	MOVQ  k+80(FP), DX
	IMULQ R12, DX
	ADDQ  SI, DX   // end of the first row of a
	MOVQ  DI, R13  // dst block, first row
	MOVQ  R9, R14  // b block

pblock:
	CMPQ R8, $16
	JLT  pnext
	MOVQ dstStride+24(FP), AX
	LEAQ (R13)(AX*8), AX // dst block, second row
	VMOVUPD 0(R13), Z0
	VMOVUPD 64(R13), Z1
	VMOVUPD 0(AX), Z2
	VMOVUPD 64(AX), Z3
	MOVQ SI, AX
	MOVQ R14, BX

pterms:
	CMPQ AX, DX
	JGE  pstore
	VBROADCASTSD (AX), Z4
	VBROADCASTSD (AX)(R11*1), Z5
	VMOVUPD 0(BX), Z6
	VMOVUPD 64(BX), Z7
	VMULPD Z6, Z4, Z8
	VADDPD Z8, Z0, Z0
	VMULPD Z7, Z4, Z9
	VADDPD Z9, Z1, Z1
	VMULPD Z6, Z5, Z10
	VADDPD Z10, Z2, Z2
	VMULPD Z7, Z5, Z11
	VADDPD Z11, Z3, Z3
	ADDQ R12, AX
	ADDQ R10, BX
	JMP  pterms

pstore:
	MOVQ dstStride+24(FP), AX
	LEAQ (R13)(AX*8), AX
	VMOVUPD Z0, 0(R13)
	VMOVUPD Z1, 64(R13)
	VMOVUPD Z2, 0(AX)
	VMOVUPD Z3, 64(AX)
	ADDQ $128, R13
	ADDQ $128, R14
	SUBQ $16, R8
	JMP  pblock

pnext:
	MOVQ dstStride+24(FP), AX
	SHLQ $4, AX // two rows, in bytes
	ADDQ AX, DI
	LEAQ (SI)(R11*2), SI
	SUBQ $2, CX
	JMP  prow

pdone:
	VZEROUPPER
	RET

// func combineDenseFMA512(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int)
//
// combineDenseAVX2 with AVX-512 and fused multiply-adds: eight columns
// per instruction, 32 columns per block (n must be a multiple of 32), and
// one VFMADD231PD per term, a single rounding, where the AVX2 version
// multiplies then adds: half the arithmetic instructions. Each lane does
// what math.FMA does, term by term in the same order.
TEXT ·combineDenseFMA512(SB), NOSPLIT, $0-128
	MOVQ dst_base+0(FP), DI
	MOVQ rows+32(FP), CX
	MOVQ a_base+40(FP), SI
	MOVQ aStep+72(FP), R12
	SHLQ $3, R12
	MOVQ b_base+88(FP), R9
	MOVQ bStride+112(FP), R10
	SHLQ $3, R10

row512:
	TESTQ CX, CX
	JZ    done512
	MOVQ  n+120(FP), R8
	MOVQ  k+80(FP), DX
	IMULQ R12, DX
	ADDQ  SI, DX
	MOVQ  DI, R13
	MOVQ  R9, R14

block32:
	CMPQ R8, $32
	JLT  nextrow512
	VMOVUPD 0(R13), Z0
	VMOVUPD 64(R13), Z1
	VMOVUPD 128(R13), Z2
	VMOVUPD 192(R13), Z3
	MOVQ SI, AX
	MOVQ R14, BX

terms32:
	CMPQ AX, DX
	JGE  store32
	VBROADCASTSD (AX), Z4
	VFMADD231PD 0(BX), Z4, Z0
	VFMADD231PD 64(BX), Z4, Z1
	VFMADD231PD 128(BX), Z4, Z2
	VFMADD231PD 192(BX), Z4, Z3
	ADDQ R12, AX
	ADDQ R10, BX
	JMP  terms32

store32:
	VMOVUPD Z0, 0(R13)
	VMOVUPD Z1, 64(R13)
	VMOVUPD Z2, 128(R13)
	VMOVUPD Z3, 192(R13)
	ADDQ $256, R13
	ADDQ $256, R14
	SUBQ $32, R8
	JMP  block32

nextrow512:
	MOVQ dstStride+24(FP), AX
	LEAQ (DI)(AX*8), DI
	MOVQ aStride+64(FP), AX
	LEAQ (SI)(AX*8), SI
	DECQ CX
	JMP  row512

done512:
	VZEROUPPER
	RET

// func combineDenseQuadsFMA512(dst []float64, dstStride, rows int, a []float64, aStride, aStep, k int, b []float64, bStride, n int)
//
// combineDenseFMA512 four rows at a time (rows a multiple of 4, n of 32):
// sixteen sums in registers, 4 rows by 32 columns, so that each block of
// b loaded serves four rows. A row at a time, a layer of 784×128 weights
// would travel from the second-level cache once per row of the batch.
// The same operations lane by lane, so the same bits.
TEXT ·combineDenseQuadsFMA512(SB), NOSPLIT, $0-128
	MOVQ dst_base+0(FP), DI
	MOVQ rows+32(FP), CX
	MOVQ a_base+40(FP), SI
	MOVQ aStride+64(FP), R11
	SHLQ $3, R11
	LEAQ (R11)(R11*2), R15 // three rows of a, in bytes
	MOVQ aStep+72(FP), R12
	SHLQ $3, R12
	MOVQ b_base+88(FP), R9
	MOVQ bStride+112(FP), R10
	SHLQ $3, R10

qrow:
	CMPQ  CX, $4
	JLT   qdone
	MOVQ  n+120(FP), R8
	MOVQ  k+80(FP), DX
	IMULQ R12, DX
	ADDQ  SI, DX  // end of the first row of a
	MOVQ  DI, R13 // dst block, first row
	MOVQ  R9, R14 // b block

qblock:
	CMPQ R8, $32
	JLT  qnext
	MOVQ dstStride+24(FP), AX
	SHLQ $3, AX
	LEAQ (AX)(AX*2), BX
	ADDQ R13, BX // dst block, fourth row
	VMOVUPD (R13), Z0
	VMOVUPD 64(R13), Z1
	VMOVUPD 128(R13), Z2
	VMOVUPD 192(R13), Z3
	VMOVUPD (R13)(AX*1), Z4
	VMOVUPD 64(R13)(AX*1), Z5
	VMOVUPD 128(R13)(AX*1), Z6
	VMOVUPD 192(R13)(AX*1), Z7
	VMOVUPD (R13)(AX*2), Z8
	VMOVUPD 64(R13)(AX*2), Z9
	VMOVUPD 128(R13)(AX*2), Z10
	VMOVUPD 192(R13)(AX*2), Z11
	VMOVUPD (BX), Z12
	VMOVUPD 64(BX), Z13
	VMOVUPD 128(BX), Z14
	VMOVUPD 192(BX), Z15
	MOVQ SI, AX
	MOVQ R14, BX

qterms:
	CMPQ AX, DX
	JGE  qstore
	VMOVUPD 0(BX), Z16
	VMOVUPD 64(BX), Z17
	VMOVUPD 128(BX), Z18
	VMOVUPD 192(BX), Z19
	VBROADCASTSD (AX), Z20
	VBROADCASTSD (AX)(R11*1), Z21
	VBROADCASTSD (AX)(R11*2), Z22
	VBROADCASTSD (AX)(R15*1), Z23
	VFMADD231PD Z16, Z20, Z0
	VFMADD231PD Z17, Z20, Z1
	VFMADD231PD Z18, Z20, Z2
	VFMADD231PD Z19, Z20, Z3
	VFMADD231PD Z16, Z21, Z4
	VFMADD231PD Z17, Z21, Z5
	VFMADD231PD Z18, Z21, Z6
	VFMADD231PD Z19, Z21, Z7
	VFMADD231PD Z16, Z22, Z8
	VFMADD231PD Z17, Z22, Z9
	VFMADD231PD Z18, Z22, Z10
	VFMADD231PD Z19, Z22, Z11
	VFMADD231PD Z16, Z23, Z12
	VFMADD231PD Z17, Z23, Z13
	VFMADD231PD Z18, Z23, Z14
	VFMADD231PD Z19, Z23, Z15
	ADDQ R12, AX
	ADDQ R10, BX
	JMP  qterms

qstore:
	MOVQ dstStride+24(FP), AX
	SHLQ $3, AX
	LEAQ (AX)(AX*2), BX
	ADDQ R13, BX
	VMOVUPD Z0, (R13)
	VMOVUPD Z1, 64(R13)
	VMOVUPD Z2, 128(R13)
	VMOVUPD Z3, 192(R13)
	VMOVUPD Z4, (R13)(AX*1)
	VMOVUPD Z5, 64(R13)(AX*1)
	VMOVUPD Z6, 128(R13)(AX*1)
	VMOVUPD Z7, 192(R13)(AX*1)
	VMOVUPD Z8, (R13)(AX*2)
	VMOVUPD Z9, 64(R13)(AX*2)
	VMOVUPD Z10, 128(R13)(AX*2)
	VMOVUPD Z11, 192(R13)(AX*2)
	VMOVUPD Z12, (BX)
	VMOVUPD Z13, 64(BX)
	VMOVUPD Z14, 128(BX)
	VMOVUPD Z15, 192(BX)
	ADDQ $256, R13
	ADDQ $256, R14
	SUBQ $32, R8
	JMP  qblock

qnext:
	MOVQ dstStride+24(FP), AX
	SHLQ $5, AX // four rows, in bytes
	ADDQ AX, DI
	LEAQ (SI)(R11*4), SI
	SUBQ $4, CX
	JMP  qrow

qdone:
	VZEROUPPER
	RET
