package solutions

import (
	"fmt"
	"math"
)

// EarlyStopping replays early stopping on the validation losses of a
// training run, one per epoch (valLosses[0] is epoch 1), and returns the
// epoch where training stops and the epoch with the best (lowest) loss,
// both counted from 1.
//
// An epoch improves when its loss is below the best so far by more than
// minDelta; the first epoch always improves. Training stops at the first
// epoch that ends patience epochs in a row without improvement, or at the
// last epoch if that never happens. patience 0 turns early stopping off:
// training runs every epoch. It panics if patience or minDelta is negative,
// valLosses is empty, or a loss is NaN.
func EarlyStopping(valLosses []float64, patience int, minDelta float64) (stopEpoch, bestEpoch int) {
	if patience < 0 || !(minDelta >= 0) || len(valLosses) == 0 {
		panic(fmt.Sprintf("solutions: EarlyStopping: need patience ≥ 0, minDelta ≥ 0 and at least one loss; got %d, %v and %d losses",
			patience, minDelta, len(valLosses)))
	}
	best, wait := math.Inf(1), 0
	for i, loss := range valLosses {
		if math.IsNaN(loss) {
			panic(fmt.Sprintf("solutions: EarlyStopping: the loss of epoch %d is NaN", i+1))
		}
		epoch := i + 1
		if loss < best-minDelta {
			best, bestEpoch, wait = loss, epoch, 0
		} else {
			wait++
		}
		if patience > 0 && wait >= patience {
			return epoch, bestEpoch
		}
	}
	return len(valLosses), bestEpoch
}

// GlorotUniform turns uniform draws into Glorot (Xavier) uniform weights for
// a layer with fanIn inputs and fanOut outputs. u is fanIn×fanOut, each entry
// drawn uniformly from [0, 1) (rand.Float64); the result has the same shape,
// each entry spread over (−a, a):
//
//	a = √(6 / (fanIn + fanOut))
//	w_ij = a · (2·u_ij − 1)
//
// The variance of the weights is then a²/3 = 2/(fanIn + fanOut). It panics
// if u is ragged.
func GlorotUniform(u [][]float64) [][]float64 {
	in, out := dims("GlorotUniform", u)
	a := math.Sqrt(6 / float64(in+out))
	w := zeros(in, out)
	for i, row := range u {
		for j, v := range row {
			w[i][j] = a * (2*v - 1)
		}
	}
	return w
}

// HeNormal turns standard normal draws into He (Kaiming) normal weights for
// a ReLU layer with fanIn inputs. z is fanIn×fanOut, each entry drawn from
// N(0, 1) (rand.NormFloat64); the result has the same shape:
//
//	σ = √(2 / fanIn)
//	w_ij = σ · z_ij
//
// It panics if z is ragged.
func HeNormal(z [][]float64) [][]float64 {
	in, out := dims("HeNormal", z)
	std := math.Sqrt(2 / float64(in))
	w := zeros(in, out)
	for i, row := range z {
		for j, v := range row {
			w[i][j] = std * v
		}
	}
	return w
}
