package backprop

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// NewRand returns a random source seeded with seed. The same seed gives the
// same sequence of numbers, so a network built from it starts from the same
// weights, bit for bit, on every run.
func NewRand(seed uint64) *rand.Rand {
	// The second PCG word is a fixed odd constant so that seeds 0, 1, 2...
	// give unrelated streams.
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}

// An Initializer fills a weight matrix w of a Linear layer (fan-in rows ×
// fan-out columns) with random starting values drawn from rng.
//
// Why it matters: if every weight started equal, every unit of a layer would
// compute the same thing and receive the same gradient forever; random
// values break that symmetry. Their scale matters too: too small and the
// signal (and the gradient) shrinks layer after layer, too large and it
// explodes or saturates sigmoid and tanh. The initializers below pick the
// scale from the layer's fan-in and fan-out so that the variance of the
// activations (Glorot) or of the pre-activations under ReLU (He) stays
// roughly constant from layer to layer.
type Initializer func(w *mat.Dense, rng *rand.Rand)

// GlorotUniform (also called Xavier uniform) draws weights from
// U(-a, a) with a = sqrt(6 / (fanIn + fanOut)), i.e. variance
// 2 / (fanIn + fanOut). Suited to tanh and sigmoid layers; it is the default
// of NewLinear. Same as PyTorch's xavier_uniform_ and Keras' glorot_uniform.
func GlorotUniform(w *mat.Dense, rng *rand.Rand) {
	in, out := w.Dims()
	fillUniform(w, math.Sqrt(6/float64(in+out)), rng)
}

// GlorotNormal (Xavier normal) draws weights from N(0, σ²) with
// σ = sqrt(2 / (fanIn + fanOut)). Same as PyTorch's xavier_normal_
// (Keras truncates the normal at 2σ; this one does not).
func GlorotNormal(w *mat.Dense, rng *rand.Rand) {
	in, out := w.Dims()
	fillNormal(w, math.Sqrt(2/float64(in+out)), rng)
}

// HeUniform (Kaiming uniform) draws weights from U(-a, a) with
// a = sqrt(6 / fanIn), i.e. variance 2 / fanIn: ReLU zeroes half of its
// inputs, and the factor 2 makes up for it. Suited to ReLU and LeakyReLU
// layers. Same as PyTorch's kaiming_uniform_(nonlinearity="relu").
func HeUniform(w *mat.Dense, rng *rand.Rand) {
	in, _ := w.Dims()
	fillUniform(w, math.Sqrt(6/float64(in)), rng)
}

// HeNormal (Kaiming normal) draws weights from N(0, σ²) with
// σ = sqrt(2 / fanIn). Same as PyTorch's kaiming_normal_(nonlinearity="relu").
func HeNormal(w *mat.Dense, rng *rand.Rand) {
	in, _ := w.Dims()
	fillNormal(w, math.Sqrt(2/float64(in)), rng)
}

// Zeros sets every weight to 0. Use it for tests and demonstrations only:
// a layer of more than one unit started at zero never breaks symmetry (see
// Initializer). rng is not used.
func Zeros(w *mat.Dense, _ *rand.Rand) {
	w.Zero()
}

// fillUniform fills w with draws from U(-a, a), row by row.
func fillUniform(w *mat.Dense, a float64, rng *rand.Rand) {
	raw := w.RawMatrix()
	for i := 0; i < raw.Rows; i++ {
		row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
		for j := range row {
			row[j] = a * (2*rng.Float64() - 1)
		}
	}
}

// fillNormal fills w with draws from N(0, std²), row by row.
func fillNormal(w *mat.Dense, std float64, rng *rand.Rand) {
	raw := w.RawMatrix()
	for i := 0; i < raw.Rows; i++ {
		row := raw.Data[i*raw.Stride : i*raw.Stride+raw.Cols]
		for j := range row {
			row[j] = std * rng.NormFloat64()
		}
	}
}
