package checks

import "math"

// The exercises of the topics the first catalog left out: notebook 00's
// neuron, notebook 01's backward pass by hand, numeric gradient and local
// gradients, the gradients of notebook 02's other losses, notebook 03's
// warm-up and one-cycle schedules, notebook 04's Nesterov, Adagrad and
// Adadelta, early stopping and initialisation.
func init() {
	catalog = append(catalog, catalogMore...)
	for name, h := range hintsIDMore {
		hintsID[name] = h
	}
}

// tinyParams are the parameters of notebook 01's tiny network, in the order
// w11 w12 w21 w22 b1 b2 v1 v2 c.
var tinyParams = vec{0.4, -0.3, 0.2, 0.6, 0.1, -0.1, 0.7, -0.5, 0.2}

var catalogMore = []Exercise{
	// Notebook 00.
	{Name: "Neuron", Topic: "basics", Signature: "func(x, w []float64, b float64) float64",
		Hint: "z starts at b; add w[i]·x[i] for every i; return math.Tanh(z).",
		Cases: []Case{
			{"two inputs", args(vec{1, 2}, vec{0.5, -0.25}, 0.1), want(0.09966799462495579)},
			{"notebook 00's neuron", args(vec{1.5}, vec{0.8}, -0.2), want(0.761594155955765)},
			{"three inputs", args(vec{1, -1, 2}, vec{0.2, 0.4, 0.1}, 0.3), want(0.2913126124515909)},
		}},

	// Notebook 01.
	{Name: "TinyNetBackward", Topic: "backward", Signature: "func(params, x []float64, target float64) (loss float64, grad []float64)",
		Hint: "Forward first (z, h = σ(z), ŷ, loss), then backward from ∂L/∂ŷ = 2(ŷ − target); σ'(z) = h(1 − h); keep the order w11 w12 w21 w22 b1 b2 v1 v2 c.",
		Cases: []Case{
			{"the notebook's example", args(tinyParams, vec{1, 0.5}, 1.0), want(0.3428699641179703,
				vec{-0.1875507745034695, 0.14602238769165893, -0.09377538725173475, 0.07301119384582946, -0.1875507745034695, 0.14602238769165893, -0.7561293810772031, -0.556297815892051, -1.1711019838049466})},
			{"another example", args(tinyParams, vec{-1, 2}, 0.0), want(0.027686792501365617,
				vec{-0.05809236844735339, 0.02640413342154555, 0.11618473689470678, -0.0528082668430911, 0.05809236844735339, -0.02640413342154555, 0.1747062351678625, 0.2669563487943188, 0.33278697391193435})},
		}},
	{Name: "TinyNetNumericGrad", Topic: "backward", Signature: "func(params, x []float64, target, h float64) []float64",
		Hint: "For each parameter: copy params, add h, compute the loss; subtract h, compute the loss; (up − down)/(2h). Not (up − loss)/h.",
		Cases: []Case{
			{"small step", args(tinyParams, vec{1, 0.5}, 1.0, 1e-5),
				want(vec{-0.18755077451915178, 0.14602238769256815, -0.09377538724431032, 0.07301119384628407, -0.18755077451915178, 0.14602238769256815, -0.7561293810687263, -0.5562978158873966, -1.1711019838073211})},
			{"large step (h = 0.5)", args(tinyParams, vec{1, 0.5}, 1.0, 0.5),
				want(vec{-0.18645314703528598, 0.14325848240578293, -0.09364307393294197, 0.07265999133870993, -0.18645314703528598, 0.14325848240578293, -0.7561293810772028, -0.5562978158920509, -1.1711019838049466})},
		}},
	{Name: "MulBackward", Topic: "backward", Signature: "func(a, b, gradOut float64) (gradA, gradB float64)",
		Hint: "Each input's local gradient is the other input: gradA = gradOut·b, gradB = gradOut·a.",
		Cases: []Case{
			{"a = 2, b = −3", args(2.0, -3.0, 0.5), want(-1.5, 1.0)},
			{"negative upstream gradient", args(1.5, 4.0, -2.0), want(-8.0, -3.0)},
		}},
	{Name: "DivBackward", Topic: "backward", Signature: "func(a, b, gradOut float64) (gradA, gradB float64)",
		Hint: "d(a/b)/da = 1/b and d(a/b)/db = −a/b²; multiply both by gradOut.",
		Cases: []Case{
			{"a = 2, b = −3", args(2.0, -3.0, 1.0), want(-1.0/3, -2.0/9)},
			{"a = 3, b = 2", args(3.0, 2.0, 0.5), want(0.25, -0.375)},
		}},
	{Name: "PowBackward", Topic: "backward", Signature: "func(a, p, gradOut float64) float64",
		Hint: "gradOut · p · math.Pow(a, p−1): bring the exponent down, lower it by one.",
		Cases: []Case{
			{"square", args(3.0, 2.0, 1.0), want(6.0)},
			{"negative exponent", args(2.0, -1.5, 0.5), want(-0.13258252147247768)},
			{"square root", args(4.0, 0.5, 1.0), want(0.25)},
		}},
	{Name: "ExpBackward", Topic: "backward", Signature: "func(a, gradOut float64) float64",
		Hint: "The derivative of eᵃ is eᵃ: return gradOut · math.Exp(a).",
		Cases: []Case{
			{"a = 1", args(1.0, 2.0), want(2 * math.E)},
			{"a = −1", args(-1.0, 1.0), want(0.36787944117144233)},
			{"negative upstream gradient", args(2.0, -0.5), want(-3.694528049465325)},
		}},

	// Notebook 02.
	{Name: "MAEGrad", Topic: "losses", Signature: "func(pred, target []float64) []float64",
		Hint: "sign(pred_i − target_i)/N, and 0 where pred_i equals target_i.",
		Cases: []Case{
			{"three values", args(vec{3, 0, 1}, vec{1, 2, 1}), want(vec{1.0 / 3, -1.0 / 3, 0})},
			{"four values", args(vec{0.5, 2, -1, 0}, vec{0, 3, -1, -2}), want(vec{0.25, -0.25, 0, 0.25})},
		}},
	{Name: "MSLEGrad", Topic: "losses", Signature: "func(pred, target []float64) []float64",
		Hint: "2(log(1+p) − log(1+y)) / ((1+p)·N): the chain rule through log(1+p) adds the 1/(1+p).",
		Cases: []Case{
			{"one value", args(vec{math.E - 1}, vec{0}), want(vec{0.7357588823428846})},
			{"two values", args(vec{1, 3}, vec{3, 1}), want(vec{-0.34657359027997264, 0.17328679513998632})},
		}},
	{Name: "HuberGrad", Topic: "losses", Signature: "func(pred, target []float64, delta float64) []float64",
		Hint: "Clip the error e = pred − target to [−delta, delta], then divide by N.",
		Cases: []Case{
			{"one small, two large errors", args(vec{0.5, 4, -3}, vec{0, 0, 0}, 1.0), want(vec{0.5 / 3, 1.0 / 3, -1.0 / 3})},
			{"delta 0.5", args(vec{1, -1}, vec{0.5, 1}, 0.5), want(vec{0.25, -0.25})},
		}},
	{Name: "HingeGrad", Topic: "losses", Signature: "func(pred, label []float64) []float64",
		Hint: "−y/N where 1 − y·pred > 0 (inside the margin), 0 elsewhere; labels are −1 and 1.",
		Cases: []Case{
			{"positive labels", args(vec{0.5, 2, -0.5}, vec{1, 1, 1}), want(vec{-1.0 / 3, 0, -1.0 / 3})},
			{"both labels", args(vec{0.3, -2, 0.9, -0.2}, vec{-1, -1, 1, 1}), want(vec{0.25, 0, -0.25, -0.25})},
		}},
	{Name: "SquaredHingeGrad", Topic: "losses", Signature: "func(pred, label []float64) []float64",
		Hint: "−2y·max(0, 1 − y·pred)/N: the derivative of m² is 2m, times the slope −y of the margin.",
		Cases: []Case{
			{"two values", args(vec{0.5, 2}, vec{1, -1}), want(vec{-0.5, 3})},
			{"three values", args(vec{0, 1.5, -0.25}, vec{1, 1, -1}), want(vec{-2.0 / 3, 0, 0.5})},
		}},
	{Name: "KLDivergenceGrad", Topic: "losses", Signature: "func(pred, target [][]float64) [][]float64",
		Hint: "−y/(max(p, 1e-12)·R), R the number of rows; the log y term does not depend on p.",
		Cases: []Case{
			{"one row", args(mat{{0.5, 0.5}}, mat{{0.25, 0.75}}), want(mat{{-0.5, -1.5}})},
			{"two rows", args(mat{{0.2, 0.8}, {0.5, 0.5}}, mat{{1, 0}, {0.5, 0.5}}), want(mat{{-2.5, 0}, {-0.5, -0.5}})},
		}},

	// Notebook 03.
	{Name: "WarmUp", Topic: "schedules", Signature: "func(lr float64, warmupSteps, step int) float64",
		Hint: "lr·(step+1)/(warmupSteps+1) while step < warmupSteps, then lr; convert the ints to float64 first.",
		Cases: []Case{
			{"first step", args(0.1, 4, 0), want(0.02)},
			{"last warm-up step", args(0.1, 4, 3), want(0.08)},
			{"halfway", args(0.5, 9, 4), want(0.25)},
		}},
	{Name: "OneCycle", Topic: "schedules", Signature: "func(maxLR, pctStart, divFactor, finalDivFactor float64, total, step int) float64",
		Hint: "Peak at u = pctStart·total − 1; cosine from maxLR/divFactor up to maxLR over [0, u], then down to maxLR/divFactor/finalDivFactor over [u, total−1].",
		Cases: []Case{
			{"step 0", args(1.0, 0.3, 10.0, 100.0, 11, 0), want(0.1)},
			{"going up", args(1.0, 0.3, 10.0, 100.0, 11, 1), want(0.4584447941263148)},
			{"coming down", args(1.0, 0.3, 10.0, 100.0, 11, 5), want(0.7263598676877016)},
			{"last step", args(1.0, 0.3, 10.0, 100.0, 11, 10), want(0.001)},
		}},

	// Notebook 04.
	{Name: "NesterovStep", Topic: "optimizers", Signature: "func(w, grad, velocity []float64, lr, beta float64) (newW, newVelocity []float64)",
		Hint: "v ← beta·v + grad, then w ← w − lr·(grad + beta·v) with the new v.",
		Cases: []Case{
			{"one weight", args(vec{1}, vec{0.5}, vec{1}, 0.1, 0.9), want(vec{0.824}, vec{1.4})},
			{"first step (zero velocity)", args(vec{1, -2}, vec{0.5, -1}, vec{0, 0}, 0.1, 0.9), want(vec{0.905, -1.81}, vec{0.5, -1})},
		}},
	{Name: "AdagradStep", Topic: "optimizers", Signature: "func(w, grad, sumSq []float64, lr, eps float64) (newW, newSumSq []float64)",
		Hint: "s ← s + grad² (a sum, not an average), then w ← w − lr·grad/(√s + eps) with the new s.",
		Cases: []Case{
			{"first step", args(vec{1}, vec{2}, vec{0}, 0.5, 0.0), want(vec{0.5}, vec{4})},
			{"later step", args(vec{1, 1}, vec{3, 4}, vec{16, 9}, 0.1, 1e-10), want(vec{0.94, 0.92}, vec{25, 25})},
		}},
	{Name: "AdadeltaStep", Topic: "optimizers", Signature: "func(w, grad, sqAvg, deltaAvg []float64, lr, rho, eps float64) (newW, newSqAvg, newDeltaAvg []float64)",
		Hint: "s ← rho·s + (1−rho)·grad²; Δ = √(u+eps)/√(s+eps)·grad with the old u; then u ← rho·u + (1−rho)·Δ² and w ← w − lr·Δ.",
		Cases: []Case{
			{"first step", args(vec{1}, vec{2}, vec{0}, vec{0}, 1.0, 0.9, 1e-6),
				want(vec{0.9968377262926713}, vec{0.3999999999999999}, vec{9.999975000062502e-07})},
			{"later step", args(vec{1, -1}, vec{0.5, 0.1}, vec{0.2, 0.01}, vec{0.01, 0.0004}, 1.0, 0.9, 1e-6),
				want(vec{0.8895632218445493, -1.0200239832203686}, vec{0.20500000000000002, 0.01}, vec{0.010219628196935625, 0.0004000959904009599})},
		}},

	// Notebooks 05 and 06.
	{Name: "EarlyStopping", Topic: "training", Signature: "func(valLosses []float64, patience int, minDelta float64) (stopEpoch, bestEpoch int)",
		Hint: "Epochs count from 1; an epoch improves when its loss < best − minDelta; count the epochs since the last improvement and stop when the count reaches patience.",
		Cases: []Case{
			{"stops at epoch 5", args(vec{1, 0.8, 0.7, 0.75, 0.72, 0.6}, 2, 0.0), want(5, 3)},
			{"patience never runs out", args(vec{1, 0.8, 0.7, 0.75, 0.72, 0.6}, 3, 0.0), want(6, 6)},
			{"improvements below minDelta do not count", args(vec{1, 0.99, 0.98, 0.5}, 2, 0.05), want(3, 1)},
		}},
	{Name: "GlorotUniform", Topic: "initialization", Signature: "func(u [][]float64) [][]float64",
		Hint: "a = √(6/(fanIn + fanOut)) with fanIn = rows and fanOut = columns of u; each weight is a·(2u − 1).",
		Cases: []Case{
			{"1×2 layer", args(mat{{0.75, 0.5}}), want(mat{{0.7071067811865476, 0}})},
			{"3×2 layer", args(mat{{0, 1}, {0.5, 0.25}, {0.9, 0.1}}),
				want(mat{{-1.0954451150103321, 1.0954451150103321}, {0, -0.5477225575051661}, {0.8763560920082658, -0.8763560920082658}})},
		}},
	{Name: "HeNormal", Topic: "initialization", Signature: "func(z [][]float64) [][]float64",
		Hint: "σ = √(2/fanIn) with fanIn the number of rows of z; each weight is σ·z.",
		Cases: []Case{
			{"1×3 layer", args(mat{{1, -2, 0.5}}), want(mat{{1.4142135623730951, -2.8284271247461903, 0.7071067811865476}})},
			{"4×1 layer", args(mat{{1}, {-1}, {2}, {0.5}}), want(mat{{0.7071067811865476}, {-0.7071067811865476}, {1.4142135623730951}, {0.3535533905932738}})},
		}},
}

// hintsIDMore are the hints of catalogMore in Bahasa Indonesia.
var hintsIDMore = map[string]string{
	"Neuron":             "z dimulai dari b; tambahkan w[i]·x[i] untuk setiap i; kembalikan math.Tanh(z).",
	"TinyNetBackward":    "Forward dulu (z, h = σ(z), ŷ, loss), lalu backward mulai dari ∂L/∂ŷ = 2(ŷ − target); σ'(z) = h(1 − h); pertahankan urutan w11 w12 w21 w22 b1 b2 v1 v2 c.",
	"TinyNetNumericGrad": "Untuk setiap parameter: salin params, tambah h, hitung loss; kurangi h, hitung loss; (atas − bawah)/(2h). Bukan (atas − loss)/h.",
	"MulBackward":        "Gradient lokal setiap input adalah input yang lain: gradA = gradOut·b, gradB = gradOut·a.",
	"DivBackward":        "d(a/b)/da = 1/b dan d(a/b)/db = −a/b²; kalikan keduanya dengan gradOut.",
	"PowBackward":        "gradOut · p · math.Pow(a, p−1): turunkan pangkatnya, lalu kurangi pangkat itu dengan satu.",
	"ExpBackward":        "Turunan eᵃ adalah eᵃ: kembalikan gradOut · math.Exp(a).",
	"MAEGrad":            "sign(pred_i − target_i)/N, dan 0 jika pred_i sama dengan target_i.",
	"MSLEGrad":           "2(log(1+p) − log(1+y)) / ((1+p)·N): aturan rantai melalui log(1+p) menambahkan faktor 1/(1+p).",
	"HuberGrad":          "Potong error e = pred − target ke [−delta, delta], lalu bagi dengan N.",
	"HingeGrad":          "−y/N jika 1 − y·pred > 0 (di dalam margin), 0 di tempat lain; label bernilai −1 dan 1.",
	"SquaredHingeGrad":   "−2y·max(0, 1 − y·pred)/N: turunan m² adalah 2m, dikalikan kemiringan margin, −y.",
	"KLDivergenceGrad":   "−y/(max(p, 1e-12)·R), dengan R jumlah baris; suku log y tidak bergantung pada p.",
	"WarmUp":             "lr·(step+1)/(warmupSteps+1) selama step < warmupSteps, lalu lr; ubah int ke float64 lebih dulu.",
	"OneCycle":           "Puncak di u = pctStart·total − 1; kosinus naik dari maxLR/divFactor ke maxLR pada [0, u], lalu turun ke maxLR/divFactor/finalDivFactor pada [u, total−1].",
	"NesterovStep":       "v ← beta·v + grad, lalu w ← w − lr·(grad + beta·v) dengan v yang baru.",
	"AdagradStep":        "s ← s + grad² (jumlah, bukan rata-rata), lalu w ← w − lr·grad/(√s + eps) dengan s yang baru.",
	"AdadeltaStep":       "s ← rho·s + (1−rho)·grad²; Δ = √(u+eps)/√(s+eps)·grad dengan u yang lama; lalu u ← rho·u + (1−rho)·Δ² dan w ← w − lr·Δ.",
	"EarlyStopping":      "Epoch dihitung dari 1; sebuah epoch membaik jika loss-nya < best − minDelta; hitung epoch sejak perbaikan terakhir dan berhenti saat hitungan mencapai patience.",
	"GlorotUniform":      "a = √(6/(fanIn + fanOut)) dengan fanIn = jumlah baris dan fanOut = jumlah kolom u; setiap bobot adalah a·(2u − 1).",
	"HeNormal":           "σ = √(2/fanIn) dengan fanIn jumlah baris z; setiap bobot adalah σ·z.",
}
