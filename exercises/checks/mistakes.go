package checks

import "math"

// Mistake is a common wrong answer to an exercise, recognised from the
// right one: Wrong returns what a function with this mistake returns for
// the arguments args, given the right results want. When a failed public
// check (or a failed test of the grader) returned what Wrong returns, the
// report names the mistake, which says more than the exercise's hint.
type Mistake struct {
	Hint   string // e.g. "you forgot to divide by N (the mean)"
	HintID string // the same in Bahasa Indonesia
	Wrong  func(args, want []any) []any
}

// HintIn returns the mistake's hint in a language, as Exercise.HintIn.
func (m Mistake) HintIn(lang string) string {
	if lang == "id" && m.HintID != "" {
		return m.HintID
	}
	return m.Hint
}

// Recognise returns the first of the exercise's mistakes whose results
// are got, for a call on args whose right results are want. A mistake
// that gives the right results on args (forgetting 1/N when N is 1) is
// never recognised there.
func (e Exercise) Recognise(args, got, want []any) (Mistake, bool) {
	for _, m := range e.Mistakes {
		wrong := m.Wrong(args, want)
		if len(wrong) != len(got) || len(wrong) != len(want) {
			continue
		}
		if allMatch(wrong, want) || !allMatch(got, wrong) {
			continue
		}
		return m, true
	}
	return Mistake{}, false
}

func allMatch(got, want []any) bool {
	for i := range want {
		if Compare("r", got[i], want[i]) != nil {
			return false
		}
	}
	return true
}

// Common mistakes of the exercises, shared by several of them.

// forgotMean: the sum instead of the mean over N examples (the length,
// or number of rows, of the first argument); every result is N times too
// large.
var forgotMean = Mistake{
	Hint:   "likely mistake: you forgot to divide by N (the mean over the examples); it is right only for N = 1",
	HintID: "kemungkinan kesalahan: Anda lupa membagi dengan N (rata-rata atas contoh); hasilnya hanya benar untuk N = 1",
	Wrong: func(args, want []any) []any {
		return mapResults(want, func(x float64) float64 { return x * float64(count(args[0])) })
	},
}

// signFlipped: every result has the wrong sign (target − pred instead of
// pred − target).
var signFlipped = Mistake{
	Hint:   "likely mistake: the sign is flipped (pred − target, not target − pred)",
	HintID: "kemungkinan kesalahan: tandanya terbalik (pred − target, bukan target − pred)",
	Wrong:  func(_, want []any) []any { return mapResults(want, func(x float64) float64 { return -x }) },
}

// forgotTwo: the derivative of a square without its factor 2.
var forgotTwo = Mistake{
	Hint:   "likely mistake: you forgot the 2 of the derivative of a square (d/dx x² = 2x)",
	HintID: "kemungkinan kesalahan: Anda lupa angka 2 dari turunan kuadrat (d/dx x² = 2x)",
	Wrong:  func(_, want []any) []any { return mapResults(want, func(x float64) float64 { return x / 2 }) },
}

// forgotRoot: RMSE without its square root.
var forgotRoot = Mistake{
	Hint:   "likely mistake: you forgot the square root (that is the MSE)",
	HintID: "kemungkinan kesalahan: Anda lupa akar kuadratnya (itu MSE)",
	Wrong:  func(_, want []any) []any { return mapResults(want, func(x float64) float64 { return x * x }) },
}

// rootOfSum: RMSE as the root of the sum, not of the mean.
var rootOfSum = Mistake{
	Hint:   "likely mistake: you took the root of the sum; divide by N before the square root",
	HintID: "kemungkinan kesalahan: Anda mengambil akar dari jumlahnya; bagi dengan N sebelum akar kuadrat",
	Wrong: func(args, want []any) []any {
		return mapResults(want, func(x float64) float64 { return x * math.Sqrt(float64(count(args[0]))) })
	},
}

// stepUphill: w + lr·grad, a step up the gradient.
var stepUphill = Mistake{
	Hint:   "likely mistake: the step goes up the gradient; subtract lr·grad",
	HintID: "kemungkinan kesalahan: langkahnya naik searah gradient; kurangkan lr·grad",
	Wrong: func(args, want []any) []any {
		w, _ := args[0].([]float64)
		next, _ := want[0].([]float64)
		out := make([]float64, len(next))
		for i := range next {
			if i < len(w) {
				out[i] = 2*w[i] - next[i] // w + lr·g where want = w − lr·g
			}
		}
		return append([]any{out}, want[1:]...)
	},
}

// correctedMoments: Adam returning the bias-corrected m̂ and v̂ instead of
// m and v.
var correctedMoments = Mistake{
	Hint:   "likely mistake: you returned the bias-corrected m̂ and v̂; return m and v themselves (correct them only for the step)",
	HintID: "kemungkinan kesalahan: Anda mengembalikan m̂ dan v̂ yang sudah dikoreksi; kembalikan m dan v itu sendiri (koreksi hanya untuk langkahnya)",
	Wrong: func(args, want []any) []any {
		t, _ := args[4].(int)
		b1, _ := args[6].(float64)
		b2, _ := args[7].(float64)
		c1, c2 := 1-math.Pow(b1, float64(t)), 1-math.Pow(b2, float64(t))
		return []any{want[0],
			mapResults(want[1:2], func(x float64) float64 { return x / c1 })[0],
			mapResults(want[2:3], func(x float64) float64 { return x / c2 })[0]}
	},
}

// count is the number of examples in an argument: its length, or its
// number of rows.
func count(a any) int {
	switch a := a.(type) {
	case []float64:
		return len(a)
	case [][]float64:
		return len(a)
	case []int:
		return len(a)
	}
	return 1
}

// mapResults applies f to every float64 of the results (numbers, vectors
// and matrices), on copies.
func mapResults(rs []any, f func(float64) float64) []any {
	out := make([]any, len(rs))
	for i, r := range rs {
		switch r := r.(type) {
		case float64:
			out[i] = f(r)
		case []float64:
			v := make([]float64, len(r))
			for j, x := range r {
				v[j] = f(x)
			}
			out[i] = v
		case [][]float64:
			m := make([][]float64, len(r))
			for j, row := range r {
				m[j] = mapResults([]any{row}, f)[0].([]float64)
			}
			out[i] = m
		default:
			out[i] = r
		}
	}
	return out
}

// forgotMinus: a cross-entropy without its leading minus sign.
var forgotMinus = Mistake{
	Hint:   "likely mistake: the loss is negative; cross-entropy is −(y·log p + (1−y)·log(1−p)), with the minus",
	HintID: "kemungkinan kesalahan: loss-nya negatif; cross-entropy adalah −(y·log p + (1−y)·log(1−p)), dengan tanda minus",
	Wrong:  func(_, want []any) []any { return mapResults(want, func(x float64) float64 { return -x }) },
}
