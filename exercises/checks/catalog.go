package checks

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"slices"
	"strings"
)

// Exercise is the public declaration of one exercise, the one place that
// names it for the learners' tools: the notebook checks, go test
// ./exercises, make exercises and the grader all read it. Its private half
// (the model answer and the hidden tests) is declared once in the grader
// (grader/registry.go), and a test there fails, naming the exercise, when
// one half is missing.
type Exercise struct {
	Name      string // the function's name in package exercises
	Topic     string // losses, backward, optimizers, schedules, batching, training
	Notebook  string // the notebook that teaches it: "01", ..., "05"
	Signature string // e.g. "func(pred, target []float64) float64"
	Hint      string // shown when a check fails, in English
	HintID    string // the same hint in Bahasa Indonesia
	Cases     []Case
	// Mistakes are common wrong answers that a failed check recognises
	// and names (see Mistake); they may be none.
	Mistakes []Mistake
}

// Case is one public worked example: the arguments of one call and the
// results it must return.
type Case struct {
	Name string
	Args []any
	Want []any
}

// Field is one parameter or result of an exercise function.
type Field struct {
	Name string // "pred", or "result" for an unnamed single result
	Type string // Go type: "float64", "int", "[]float64", "[]int", "[][]float64", "[][]int"
}

// Params returns the parameters of the exercise's function, in order.
func (e Exercise) Params() []Field { p, _ := e.fields(); return p }

// Results returns the results of the exercise's function, in order.
func (e Exercise) Results() []Field { _, r := e.fields(); return r }

// TypeString returns the function type without names, as in
// "func([]float64, []float64) float64": the form in which two signatures are
// compared.
func (e Exercise) TypeString() string {
	p, r := e.fields()
	types := func(fs []Field) []string {
		var s []string
		for _, f := range fs {
			s = append(s, f.Type)
		}
		return s
	}
	out := "func(" + strings.Join(types(p), ", ") + ")"
	switch rt := types(r); len(rt) {
	case 0:
	case 1:
		out += " " + rt[0]
	default:
		out += " (" + strings.Join(rt, ", ") + ")"
	}
	return out
}

// fields parses the Signature. The catalog is fixed and tested, so a
// signature that does not parse is a programmer error.
func (e Exercise) fields() (params, results []Field) {
	expr, err := parser.ParseExpr(e.Signature)
	ft, ok := expr.(*ast.FuncType)
	if err != nil || !ok {
		panic("checks: exercise " + e.Name + ": bad signature " + e.Signature)
	}
	return fieldList(ft.Params, "arg"), fieldList(ft.Results, "result")
}

func fieldList(fl *ast.FieldList, unnamed string) []Field {
	if fl == nil {
		return nil
	}
	var out []Field
	for _, f := range fl.List {
		var typ strings.Builder
		printer.Fprint(&typ, token.NewFileSet(), f.Type)
		if len(f.Names) == 0 {
			out = append(out, Field{Name: unnamed, Type: typ.String()})
		}
		for _, n := range f.Names {
			out = append(out, Field{Name: n.Name, Type: typ.String()})
		}
	}
	return out
}

// Exercises returns the catalog of all exercises, in the order of the
// course. The slice is a copy: changing it changes nothing here.
func Exercises() []Exercise { return slices.Clone(catalog) }

// Lookup returns the exercise with the given name.
func Lookup(name string) (Exercise, bool) {
	i := slices.IndexFunc(catalog, func(e Exercise) bool { return e.Name == name })
	if i < 0 {
		return Exercise{}, false
	}
	return catalog[i], true
}

// Shorthands that keep the tables below readable.
type (
	vec  = []float64
	mat  = [][]float64
	ints = []int
)

func args(a ...any) []any { return a }
func want(w ...any) []any { return w }

// catalog lists every exercise with its public cases, in the order of the
// course. The expected values can be checked by hand; the tests of package
// solutions prove that the model answers return them. No case may be
// passed by work that does nothing (zeros, nil, a constant, an argument
// returned): TestPublicCasesAreDiscriminating proves it.
//
// Adding an exercise: write its stub in exercises/ and its model answer in
// solutions/, declare it here and in grader/registry.go, then run
// go generate ./... (it rewrites typed.go, exercises/exercises_test.go and
// solutions/signatures_gen_test.go; tests fail while they are stale).
var catalog = []Exercise{
	// Losses.
	{Name: "MSE", Topic: "losses", Notebook: "02", Signature: "func(pred, target []float64) float64",
		Hint:     "Average the squared differences: divide the sum by N.",
		HintID:   "Rata-ratakan selisih kuadratnya: bagi jumlahnya dengan N.",
		Mistakes: []Mistake{forgotMean},
		Cases: []Case{
			{"three values", args(vec{1, 2, 3}, vec{1, 2, 5}), want(4.0 / 3)},
			{"two values", args(vec{0.5, -2}, vec{1.5, 0}), want(2.5)},
			{"one example", args(vec{3}, vec{1}), want(4.0)},
		}},
	{Name: "MSEGrad", Topic: "losses", Notebook: "02", Signature: "func(pred, target []float64) []float64",
		Hint:     "∂MSE/∂pred_i = 2(pred_i − target_i)/N: mind the sign, the 2 and the 1/N.",
		HintID:   "∂MSE/∂pred_i = 2(pred_i − target_i)/N: perhatikan tandanya, angka 2, dan 1/N.",
		Mistakes: []Mistake{forgotMean, signFlipped, forgotTwo},
		Cases: []Case{
			{"three values", args(vec{1, 2, 3}, vec{1, 2, 5}), want(vec{0, 0, -4.0 / 3})},
			{"one example", args(vec{3}, vec{1}), want(vec{4})},
		}},
	{Name: "RMSE", Topic: "losses", Notebook: "02", Signature: "func(pred, target []float64) float64",
		Hint:     "RMSE is the square root of the mean of the squared differences.",
		HintID:   "RMSE adalah akar kuadrat dari rata-rata selisih kuadrat.",
		Mistakes: []Mistake{forgotRoot, rootOfSum},
		Cases: []Case{
			{"three values", args(vec{1, 2, 3}, vec{1, 2, 5}), want(1.1547005383792515)},
			{"all errors 2", args(vec{0, 0, 0, 0}, vec{2, -2, 2, -2}), want(2.0)},
		}},
	{Name: "RMSEGrad", Topic: "losses", Notebook: "02", Signature: "func(pred, target []float64) []float64",
		Hint:     "(pred_i − target_i)/(N·RMSE); return zeros when RMSE is 0 instead of dividing by zero.",
		HintID:   "(pred_i − target_i)/(N·RMSE); kembalikan nol jika RMSE bernilai 0, jangan membagi dengan nol.",
		Mistakes: []Mistake{forgotMean, signFlipped},
		Cases: []Case{
			{"all errors 1", args(vec{0, 0, 0, 0}, vec{1, -1, 1, -1}), want(vec{-0.25, 0.25, -0.25, 0.25})},
			{"three values", args(vec{1, 2, 3}, vec{1, 2, 5}), want(vec{0, 0, -0.5773502691896258})},
		}},
	{Name: "BCE", Topic: "losses", Notebook: "02", Signature: "func(prob, label []float64) float64",
		Hint:     "Clamp each log at −100 (math.Max(math.Log(p), -100)) so p = 0 or 1 stays finite; average over N.",
		HintID:   "Batasi setiap log di −100 (math.Max(math.Log(p), -100)) agar p = 0 atau 1 tetap berhingga; rata-ratakan atas N.",
		Mistakes: []Mistake{forgotMean, forgotMinus},
		Cases: []Case{
			{"coin flip", args(vec{0.5, 0.5}, vec{1, 0}), want(0.6931471805599453)},
			{"good predictions", args(vec{0.9, 0.2}, vec{1, 0}), want(0.164252033486018)},
			{"confident mistake is clamped", args(vec{0}, vec{1}), want(100.0)},
		}},
	{Name: "BCEGrad", Topic: "losses", Notebook: "02", Signature: "func(prob, label []float64) []float64",
		Hint:     "(p − y)/(N·max(p(1−p), 1e-12)).",
		HintID:   "(p − y)/(N·max(p(1−p), 1e-12)); batas bawah 1e-12 mencegah pembagian dengan nol.",
		Mistakes: []Mistake{forgotMean, signFlipped},
		Cases: []Case{
			{"coin flip", args(vec{0.5, 0.5}, vec{1, 0}), want(vec{-1, 1})},
			{"one example", args(vec{0.8}, vec{1}), want(vec{-1.25})},
		}},
	{Name: "Softmax", Topic: "losses", Notebook: "02", Signature: "func(logits [][]float64) [][]float64",
		Hint:   "Subtract each row's maximum before math.Exp, then divide by the row's sum.",
		HintID: "Kurangi setiap baris dengan nilai maksimumnya sebelum math.Exp, lalu bagi dengan jumlah baris itu.",
		Cases: []Case{
			{"two rows", args(mat{{0, 1}, {2, 0}}), want(mat{{0.2689414213699951, 0.7310585786300049}, {0.8807970779778823, 0.11920292202211755}})},
			{"three classes", args(mat{{1, 2, 3}}), want(mat{{0.09003057317038046, 0.24472847105479767, 0.6652409557748219}})},
			{"large logits", args(mat{{1000, 1000}, {-1000, 0}}), want(mat{{0.5, 0.5}, {0, 1}})},
		}},
	{Name: "SoftmaxCrossEntropy", Topic: "losses", Notebook: "02", Signature: "func(logits [][]float64, labels []int) float64",
		Hint:     "Use log Σ exp(z) = m + log Σ exp(z − m) with m the row maximum; average over the rows.",
		HintID:   "Gunakan log Σ exp(z) = m + log Σ exp(z − m) dengan m maksimum baris; rata-ratakan atas semua baris.",
		Mistakes: []Mistake{forgotMean},
		Cases: []Case{
			{"two equal logits", args(mat{{0, 0}}, ints{0}), want(0.6931471805599453)},
			{"two rows", args(mat{{1, 2, 3}, {1, 2, 3}}, ints{2, 0}), want(1.4076059644443804)},
			{"large logits", args(mat{{1000, 0}, {0, 1000}}, ints{0, 0}), want(500.0)},
		}},
	{Name: "SoftmaxCrossEntropyGrad", Topic: "losses", Notebook: "02", Signature: "func(logits [][]float64, labels []int) [][]float64",
		Hint:     "softmax(z) minus 1 at the label, all divided by N; each row of the result sums to 0.",
		HintID:   "softmax(z) dikurangi 1 pada posisi label, lalu semuanya dibagi N; jumlah setiap baris hasilnya 0.",
		Mistakes: []Mistake{forgotMean, signFlipped},
		Cases: []Case{
			{"two equal logits", args(mat{{0, 0}}, ints{0}), want(mat{{-0.5, 0.5}})},
			{"two rows", args(mat{{1, 2, 3}, {1, 2, 3}}, ints{2, 0}),
				want(mat{{0.04501528658519023, 0.12236423552739883, -0.16737952211258904},
					{-0.4549847134148098, 0.12236423552739883, 0.33262047788741095}})},
		}},

	// Backward passes.
	{Name: "DenseBackward", Topic: "backward", Notebook: "01", Signature: "func(x, w, gradOut [][]float64) (gradX, gradW [][]float64, gradB []float64)",
		Hint:   "gradX = gradOut·wᵀ (N×in), gradW = xᵀ·gradOut (in×out), gradB = column sums of gradOut (out).",
		HintID: "gradX = gradOut·wᵀ (N×in), gradW = xᵀ·gradOut (in×out), gradB = jumlah per kolom dari gradOut (out).",
		Cases: []Case{
			{"one example", args(mat{{1, 2}}, mat{{1, 0, -1}, {2, 1, 0}}, mat{{1, 1, 1}}),
				want(mat{{0, 3}}, mat{{1, 1, 1}, {2, 2, 2}}, vec{1, 1, 1})},
			{"identity input", args(mat{{1, 0}, {0, 1}}, mat{{1, 2}, {3, 4}}, mat{{1, 0}, {0, 1}}),
				want(mat{{1, 3}, {2, 4}}, mat{{1, 0}, {0, 1}}, vec{1, 1})},
		}},
	{Name: "SigmoidBackward", Topic: "backward", Notebook: "01", Signature: "func(z, gradOut [][]float64) [][]float64",
		Hint:   "Multiply gradOut by σ(z)(1 − σ(z)), entry by entry.",
		HintID: "Kalikan gradOut dengan σ(z)(1 − σ(z)), elemen demi elemen.",
		Cases: []Case{
			{"at zero", args(mat{{0}}, mat{{1}}), want(mat{{0.25}})},
			{"2×2", args(mat{{0, 2}, {-2, 0}}, mat{{1, 1}, {1, 2}}),
				want(mat{{0.25, 0.10499358540350652}, {0.10499358540350653, 0.5}})},
		}},
	{Name: "ReLUBackward", Topic: "backward", Notebook: "01", Signature: "func(z, gradOut [][]float64) [][]float64",
		Hint:   "Pass gradOut through where z > 0 and block it (0) where z ≤ 0.",
		HintID: "Teruskan gradOut di posisi z > 0 dan hentikan (0) di posisi z ≤ 0.",
		Cases: []Case{
			{"negative, zero, positive", args(mat{{-1, 0, 2}}, mat{{5, 5, 5}}), want(mat{{0, 0, 5}})},
		}},
	{Name: "TanhBackward", Topic: "backward", Notebook: "01", Signature: "func(z, gradOut [][]float64) [][]float64",
		Hint:   "Multiply gradOut by 1 − tanh²(z), entry by entry.",
		HintID: "Kalikan gradOut dengan 1 − tanh²(z), elemen demi elemen.",
		Cases: []Case{
			{"at zero and at −2", args(mat{{0, -2}}, mat{{3, 2}}), want(mat{{3, 0.14130164970632886}})},
			{"at one", args(mat{{1}}, mat{{1}}), want(mat{{0.41997434161402614}})},
		}},

	// Optimizers.
	{Name: "SGDStep", Topic: "optimizers", Notebook: "03", Signature: "func(w, grad []float64, lr float64) []float64",
		Hint:     "Move against the gradient: w − lr·grad.",
		HintID:   "Bergerak berlawanan arah gradient: w − lr·grad.",
		Mistakes: []Mistake{stepUphill},
		Cases: []Case{
			{"two weights", args(vec{1, 2}, vec{0.5, -1}, 0.1), want(vec{0.95, 2.1})},
		}},
	{Name: "MomentumStep", Topic: "optimizers", Notebook: "04", Signature: "func(w, grad, velocity []float64, lr, beta float64) (newW, newVelocity []float64)",
		Hint:   "First v ← beta·v + grad, then w ← w − lr·v with the new v.",
		HintID: "Pertama v ← beta·v + grad, lalu w ← w − lr·v dengan v yang baru.",
		Cases: []Case{
			{"first step", args(vec{1}, vec{1}, vec{0}, 0.1, 0.9), want(vec{0.9}, vec{1})},
			{"second step", args(vec{0.9}, vec{1}, vec{1}, 0.1, 0.9), want(vec{0.71}, vec{1.9})},
		}},
	{Name: "RMSpropStep", Topic: "optimizers", Notebook: "04", Signature: "func(w, grad, sqAvg []float64, lr, rho, eps float64) (newW, newSqAvg []float64)",
		Hint:   "s ← rho·s + (1−rho)·grad², then w ← w − lr·grad/(√s + eps) with the new s.",
		HintID: "s ← rho·s + (1−rho)·grad², lalu w ← w − lr·grad/(√s + eps) dengan s yang baru.",
		Cases: []Case{
			{"first step", args(vec{1}, vec{2}, vec{0}, 0.01, 0.9, 1e-8), want(vec{0.9683772234483141}, vec{0.4})},
		}},
	{Name: "AdamStep", Topic: "optimizers", Notebook: "04", Signature: "func(w, grad, m, v []float64, t int, lr, beta1, beta2, eps float64) (newW, newM, newV []float64)",
		Hint:     "Update m and v, divide them by (1 − beta^t) for the step (bias correction), but return the uncorrected m and v.",
		HintID:   "Perbarui m dan v, bagi keduanya dengan (1 − beta^t) untuk langkah itu (bias correction), tetapi kembalikan m dan v yang belum dikoreksi.",
		Mistakes: []Mistake{correctedMoments},
		Cases: []Case{
			{"first step moves by about lr", args(vec{1, -1}, vec{0.1, -0.2}, vec{0, 0}, vec{0, 0}, 1, 0.001, 0.9, 0.999, 1e-8),
				want(vec{0.9990000001, -0.99900000005}, vec{0.01, -0.02}, vec{1e-05, 4e-05})},
		}},

	// Schedules.
	{Name: "StepDecay", Topic: "schedules", Notebook: "03", Signature: "func(initial, factor float64, every, step int) float64",
		Hint:   "initial·factor^⌊step/every⌋ with integer division; steps count from 0, so step every−1 is still at initial.",
		HintID: "initial·factor^⌊step/every⌋ dengan pembagian bilangan bulat; step dihitung dari 0, jadi step every−1 masih bernilai initial.",
		Cases: []Case{
			{"first drop", args(0.1, 0.5, 10, 10), want(0.05)},
			{"last step before the second drop", args(0.1, 0.5, 10, 19), want(0.05)},
			{"two drops", args(0.1, 0.5, 10, 25), want(0.025)},
		}},
	{Name: "CosineDecay", Topic: "schedules", Notebook: "03", Signature: "func(lrMax, lrMin float64, total, step int) float64",
		Hint:   "lrMin + (lrMax−lrMin)(1 + cos(π·step/total))/2, and lrMin once step ≥ total; convert ints to float64 before dividing.",
		HintID: "lrMin + (lrMax−lrMin)(1 + cos(π·step/total))/2, dan lrMin begitu step ≥ total; ubah int ke float64 sebelum membagi.",
		Cases: []Case{
			{"a quarter of the way", args(0.1, 0.0, 100, 25), want(0.08535533905932738)},
			{"half way", args(1.0, 0.5, 10, 5), want(0.75)},
			{"three quarters of the way", args(1.0, 0.2, 8, 6), want(0.317157287525381)},
		}},

	// Mini-batches.
	{Name: "MiniBatches", Topic: "batching", Notebook: "04", Signature: "func(perm []int, batchSize int) [][]int",
		Hint:   "Consecutive slices of batchSize indices; the last one holds the rest; copy them.",
		HintID: "Potongan indeks berurutan sebanyak batchSize; potongan terakhir berisi sisanya; salin potongan-potongan itu.",
		Cases: []Case{
			{"last batch shorter", args(ints{4, 0, 3, 1, 2}, 2), want([][]int{{4, 0}, {3, 1}, {2}})},
			{"four, then the rest", args(ints{5, 3, 1, 0, 2, 4}, 4), want([][]int{{5, 3, 1, 0}, {2, 4}})},
			{"stochastic", args(ints{2, 0, 1}, 1), want([][]int{{2}, {0}, {1}})},
		}},

	// Training.
	{Name: "TrainStep", Topic: "training", Notebook: "05",
		Signature: "func(x [][]float64, labels []int, w1 [][]float64, b1 []float64, w2 [][]float64, b2 []float64, lr float64) (loss float64, newW1 [][]float64, newB1 []float64, newW2 [][]float64, newB2 []float64)",
		Hint:      "Chain your exercises: forward, SoftmaxCrossEntropy, its gradient, DenseBackward, SigmoidBackward, DenseBackward, then SGD on every parameter.",
		HintID:    "Rangkai exercise Anda: forward, SoftmaxCrossEntropy, gradient-nya, DenseBackward, SigmoidBackward, DenseBackward, lalu SGD pada setiap parameter.",
		Cases: []Case{
			{"two examples, two classes", args(mat{{1, 0}, {0, 1}}, ints{0, 1}, mat{{0.5, -0.5}, {0.25, 0.75}}, vec{0, 0.1},
				mat{{1, -1}, {-1, 1}}, vec{0, 0}, 0.5),
				want(0.5302792713649891,
					mat{{0.5459660792667684, -0.5469943405573705}, {0.19692819207993803, 0.7952315370477437}},
					vec{-0.007105728653293536, 0.09823719649037321},
					mat{{1.0002669868427931, -1.0002669868427931}, {-1.0362808856130348, 1.0362808856130348}},
					vec{-0.010012142076395156, 0.010012142076395156})},
		}},
}

// HintIn returns the exercise's hint in a language: "id" for Bahasa
// Indonesia, anything else for English.
func (e Exercise) HintIn(lang string) string {
	if lang == "id" && e.HintID != "" {
		return e.HintID
	}
	return e.Hint
}
