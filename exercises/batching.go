package exercises

// MiniBatches splits perm, a shuffled order of the example indices 0…N−1,
// into consecutive mini-batches of batchSize indices. The last batch holds
// what is left and may be shorter:
//
//	perm = [4 0 3 1 2], batchSize = 2  →  [[4 0] [3 1] [2]]
//
// There are ⌈N / batchSize⌉ batches; batchSize 1 is stochastic gradient
// descent and batchSize ≥ N one single batch. The batches must be new
// slices that do not share memory with perm.
func MiniBatches(perm []int, batchSize int) [][]int {
	panic("not implemented")
}
