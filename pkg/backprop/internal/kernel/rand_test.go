package kernel

import "math/rand/v2"

// newRand returns a random source seeded as backprop.NewRand seeds its own.
func newRand(seed uint64) *rand.Rand {
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}
