package solutions

// MiniBatches splits a permutation of the example indices into consecutive
// mini-batches of batchSize indices; the last batch holds what is left and
// may be shorter:
//
//	perm = [4 0 3 1 2], batchSize = 2  →  [[4 0] [3 1] [2]]
//
// There are ⌈N / batchSize⌉ batches. A batchSize of 1 is stochastic gradient
// descent, a batchSize ≥ N is full-batch gradient descent (one batch). The
// batches must not share memory with perm. It panics if batchSize < 1.
func MiniBatches(perm []int, batchSize int) [][]int {
	if batchSize < 1 {
		panic("solutions: MiniBatches: batchSize must be at least 1")
	}
	var batches [][]int
	for start := 0; start < len(perm); start += batchSize {
		end := min(start+batchSize, len(perm))
		batches = append(batches, append([]int(nil), perm[start:end]...))
	}
	return batches
}
