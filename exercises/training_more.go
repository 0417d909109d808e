package exercises

// EarlyStopping replays early stopping on a training run: valLosses holds the
// validation loss after each epoch (valLosses[0] is epoch 1). Return the
// epoch where training stops and the epoch with the lowest loss, both
// counted from 1.
//
// An epoch improves when its loss is lower than the best loss so far by more
// than minDelta (the first epoch always improves). Training stops at the
// first epoch that completes patience epochs in a row without improvement;
// if that never happens, it stops at the last epoch. patience 0 means no
// early stopping: train every epoch.
//
// Example: losses [1 0.8 0.7 0.75 0.72 0.6], patience 2, minDelta 0: epoch 3
// is the best so far, epochs 4 and 5 do not improve, so training stops at
// epoch 5 and the best epoch is 3 (the 0.6 of epoch 6 is never seen).
func EarlyStopping(valLosses []float64, patience int, minDelta float64) (stopEpoch, bestEpoch int) {
	panic("not implemented")
}

// GlorotUniform turns random draws into Glorot (Xavier) uniform starting
// weights for a dense layer with fanIn inputs and fanOut outputs. u is
// fanIn×fanOut, each entry a uniform draw from [0, 1) (what rand.Float64
// returns); return a matrix of the same shape whose entries are spread
// evenly over (−a, a):
//
//	a = √(6 / (fanIn + fanOut))
//	w_ij = a · (2·u_ij − 1)
//
// fanIn is the number of rows of u and fanOut the number of columns.
//
// Example: a 1×2 layer has a = √2; u [[0.75 0.5]] gives [[0.7071… 0]].
func GlorotUniform(u [][]float64) [][]float64 {
	panic("not implemented")
}

// HeNormal turns random draws into He (Kaiming) normal starting weights for a
// ReLU layer with fanIn inputs. z is fanIn×fanOut, each entry a draw from the
// standard normal distribution (what rand.NormFloat64 returns); return a
// matrix of the same shape:
//
//	σ = √(2 / fanIn)
//	w_ij = σ · z_ij
//
// fanIn is the number of rows of z: the factor 2 makes up for ReLU setting
// half of its inputs to zero.
//
// Example: z [[1 −2] [0.5 0]] (fanIn 2, σ = 1) gives the same matrix.
func HeNormal(z [][]float64) [][]float64 {
	panic("not implemented")
}
