package checks

// hintsID are the hints in Bahasa Indonesia, for the grader's Indonesian
// feedback (grader -lang id). Terms the course keeps in English (gradient,
// learning rate, loss, batch) stay English, as in the lecture.
var hintsID = map[string]string{
	"MSE":                     "Rata-ratakan selisih kuadratnya: bagi jumlahnya dengan N.",
	"MSEGrad":                 "∂MSE/∂pred_i = 2(pred_i − target_i)/N: perhatikan tandanya, angka 2, dan 1/N.",
	"RMSE":                    "RMSE adalah akar kuadrat dari rata-rata selisih kuadrat.",
	"RMSEGrad":                "(pred_i − target_i)/(N·RMSE); kembalikan nol jika RMSE bernilai 0, jangan membagi dengan nol.",
	"BCE":                     "Batasi setiap log di −100 (math.Max(math.Log(p), -100)) agar p = 0 atau 1 tetap berhingga; rata-ratakan atas N.",
	"BCEGrad":                 "(p − y)/(N·max(p(1−p), 1e-12)); batas bawah 1e-12 mencegah pembagian dengan nol.",
	"Softmax":                 "Kurangi setiap baris dengan nilai maksimumnya sebelum math.Exp, lalu bagi dengan jumlah baris itu.",
	"SoftmaxCrossEntropy":     "Gunakan log Σ exp(z) = m + log Σ exp(z − m) dengan m maksimum baris; rata-ratakan atas semua baris.",
	"SoftmaxCrossEntropyGrad": "softmax(z) dikurangi 1 pada posisi label, lalu semuanya dibagi N; jumlah setiap baris hasilnya 0.",
	"DenseBackward":           "gradX = gradOut·wᵀ (N×in), gradW = xᵀ·gradOut (in×out), gradB = jumlah per kolom dari gradOut (out).",
	"SigmoidBackward":         "Kalikan gradOut dengan σ(z)(1 − σ(z)), elemen demi elemen.",
	"ReLUBackward":            "Teruskan gradOut di posisi z > 0 dan hentikan (0) di posisi z ≤ 0.",
	"TanhBackward":            "Kalikan gradOut dengan 1 − tanh²(z), elemen demi elemen.",
	"SGDStep":                 "Bergerak berlawanan arah gradient: w − lr·grad.",
	"MomentumStep":            "Pertama v ← beta·v + grad, lalu w ← w − lr·v dengan v yang baru.",
	"RMSpropStep":             "s ← rho·s + (1−rho)·grad², lalu w ← w − lr·grad/(√s + eps) dengan s yang baru.",
	"AdamStep":                "Perbarui m dan v, bagi keduanya dengan (1 − beta^t) untuk langkah itu (bias correction), tetapi kembalikan m dan v yang belum dikoreksi.",
	"StepDecay":               "initial·factor^⌊step/every⌋ dengan pembagian bilangan bulat; step dihitung dari 0, jadi step every−1 masih bernilai initial.",
	"CosineDecay":             "lrMin + (lrMax−lrMin)(1 + cos(π·step/total))/2, dan lrMin begitu step ≥ total; ubah int ke float64 sebelum membagi.",
	"MiniBatches":             "Potongan indeks berurutan sebanyak batchSize; potongan terakhir berisi sisanya; salin potongan-potongan itu.",
	"TrainStep":               "Rangkai exercise Anda: forward, SoftmaxCrossEntropy, gradient-nya, DenseBackward, SigmoidBackward, DenseBackward, lalu SGD pada setiap parameter.",
}

// HintIn returns the exercise's hint in a language: "id" for Bahasa
// Indonesia, anything else for English.
func (e Exercise) HintIn(lang string) string {
	if h := hintsID[e.Name]; lang == "id" && h != "" {
		return h
	}
	return e.Hint
}
