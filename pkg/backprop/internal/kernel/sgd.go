package kernel

// sgdStep sets w[j] -= lr·g[j]; len(w) must be at least len(g). With AVX2,
// assembly updates sixteen elements per step, with the same roundings:
// float64(lr·g) keeps the compiler from fusing the multiply into the
// subtraction, as SGD.Step does in package backprop.
func sgdStep(w, g []float64, lr float64) {
	w = w[:len(g)]
	j := 0
	if useAVX2 {
		j = len(g) &^ 15
		sgdStepAVX2(w[:j], g[:j], lr)
	}
	for ; j < len(g); j++ {
		w[j] -= float64(lr * g[j])
	}
}
