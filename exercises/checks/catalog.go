package checks

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"math"
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
	Topic     string // basics, losses, backward, optimizers, schedules, batching, training, initialization
	Notebook  string // the notebook that teaches it: "00", ..., "06"
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

// tinyParams are the parameters of notebook 01's tiny network, in the order
// w11 w12 w21 w22 b1 b2 v1 v2 c.
var tinyParams = vec{0.4, -0.3, 0.2, 0.6, 0.1, -0.1, 0.7, -0.5, 0.2}

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
	// A first function (notebook 00).
	{Name: "Neuron", Topic: "basics", Notebook: "00", Signature: "func(x, w []float64, b float64) float64",
		Hint:   "z starts at b; add w[i]·x[i] for every i; return math.Tanh(z).",
		HintID: "z dimulai dari b; tambahkan w[i]·x[i] untuk setiap i; kembalikan math.Tanh(z).",
		Cases: []Case{
			{"two inputs", args(vec{1, 2}, vec{0.5, -0.25}, 0.1), want(0.09966799462495579)},
			{"notebook 00's neuron", args(vec{1.5}, vec{0.8}, -0.2), want(0.761594155955765)},
			{"three inputs", args(vec{1, -1, 2}, vec{0.2, 0.4, 0.1}, 0.3), want(0.2913126124515909)},
		}},

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

	{Name: "MAEGrad", Topic: "losses", Notebook: "02", Signature: "func(pred, target []float64) []float64",
		Hint:     "sign(pred_i − target_i)/N, and 0 where pred_i equals target_i.",
		HintID:   "sign(pred_i − target_i)/N, dan 0 jika pred_i sama dengan target_i.",
		Mistakes: []Mistake{forgotMean, signFlipped},
		Cases: []Case{
			{"three values", args(vec{3, 0, 1}, vec{1, 2, 1}), want(vec{1.0 / 3, -1.0 / 3, 0})},
			{"four values", args(vec{0.5, 2, -1, 0}, vec{0, 3, -1, -2}), want(vec{0.25, -0.25, 0, 0.25})},
		}},
	{Name: "MSLEGrad", Topic: "losses", Notebook: "02", Signature: "func(pred, target []float64) []float64",
		Hint:     "2(log(1+p) − log(1+y)) / ((1+p)·N): the chain rule through log(1+p) adds the 1/(1+p).",
		HintID:   "2(log(1+p) − log(1+y)) / ((1+p)·N): aturan rantai melalui log(1+p) menambahkan faktor 1/(1+p).",
		Mistakes: []Mistake{forgotMean, signFlipped, forgotTwo},
		Cases: []Case{
			{"one value", args(vec{math.E - 1}, vec{0}), want(vec{0.7357588823428846})},
			{"two values", args(vec{1, 3}, vec{3, 1}), want(vec{-0.34657359027997264, 0.17328679513998632})},
		}},
	{Name: "HuberGrad", Topic: "losses", Notebook: "02", Signature: "func(pred, target []float64, delta float64) []float64",
		Hint:     "Clip the error e = pred − target to [−delta, delta], then divide by N.",
		HintID:   "Potong error e = pred − target ke [−delta, delta], lalu bagi dengan N.",
		Mistakes: []Mistake{forgotMean, signFlipped},
		Cases: []Case{
			{"one small, two large errors", args(vec{0.5, 4, -3}, vec{0, 0, 0}, 1.0), want(vec{0.5 / 3, 1.0 / 3, -1.0 / 3})},
			{"delta 0.5", args(vec{1, -1}, vec{0.5, 1}, 0.5), want(vec{0.25, -0.25})},
		}},
	{Name: "HingeGrad", Topic: "losses", Notebook: "02", Signature: "func(pred, label []float64) []float64",
		Hint:     "−y/N where 1 − y·pred > 0 (inside the margin), 0 elsewhere; labels are −1 and 1.",
		HintID:   "−y/N jika 1 − y·pred > 0 (di dalam margin), 0 di tempat lain; label bernilai −1 dan 1.",
		Mistakes: []Mistake{forgotMean, signFlipped},
		Cases: []Case{
			{"positive labels", args(vec{0.5, 2, -0.5}, vec{1, 1, 1}), want(vec{-1.0 / 3, 0, -1.0 / 3})},
			{"both labels", args(vec{0.3, -2, 0.9, -0.2}, vec{-1, -1, 1, 1}), want(vec{0.25, 0, -0.25, -0.25})},
		}},
	{Name: "SquaredHingeGrad", Topic: "losses", Notebook: "02", Signature: "func(pred, label []float64) []float64",
		Hint:     "−2y·max(0, 1 − y·pred)/N: the derivative of m² is 2m, times the slope −y of the margin.",
		HintID:   "−2y·max(0, 1 − y·pred)/N: turunan m² adalah 2m, dikalikan kemiringan margin, −y.",
		Mistakes: []Mistake{forgotMean, signFlipped, forgotTwo},
		Cases: []Case{
			{"two values", args(vec{0.5, 2}, vec{1, -1}), want(vec{-0.5, 3})},
			{"three values", args(vec{0, 1.5, -0.25}, vec{1, 1, -1}), want(vec{-2.0 / 3, 0, 0.5})},
		}},
	{Name: "KLDivergenceGrad", Topic: "losses", Notebook: "02", Signature: "func(pred, target [][]float64) [][]float64",
		Hint:     "−y/(max(p, 1e-12)·R), R the number of rows; the log y term does not depend on p.",
		HintID:   "−y/(max(p, 1e-12)·R), dengan R jumlah baris; suku log y tidak bergantung pada p.",
		Mistakes: []Mistake{forgotMean, signFlipped},
		Cases: []Case{
			{"one row", args(mat{{0.5, 0.5}}, mat{{0.25, 0.75}}), want(mat{{-0.5, -1.5}})},
			{"two rows", args(mat{{0.2, 0.8}, {0.5, 0.5}}, mat{{1, 0}, {0.5, 0.5}}), want(mat{{-2.5, 0}, {-0.5, -0.5}})},
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

	{Name: "TinyNetBackward", Topic: "backward", Notebook: "01", Signature: "func(params, x []float64, target float64) (loss float64, grad []float64)",
		Hint:   "Forward first (z, h = σ(z), ŷ, loss), then backward from ∂L/∂ŷ = 2(ŷ − target); σ'(z) = h(1 − h); keep the order w11 w12 w21 w22 b1 b2 v1 v2 c.",
		HintID: "Forward dulu (z, h = σ(z), ŷ, loss), lalu backward mulai dari ∂L/∂ŷ = 2(ŷ − target); σ'(z) = h(1 − h); pertahankan urutan w11 w12 w21 w22 b1 b2 v1 v2 c.",
		Cases: []Case{
			{"the notebook's example", args(tinyParams, vec{1, 0.5}, 1.0), want(0.3428699641179703,
				vec{-0.1875507745034695, 0.14602238769165893, -0.09377538725173475, 0.07301119384582946, -0.1875507745034695, 0.14602238769165893, -0.7561293810772031, -0.556297815892051, -1.1711019838049466})},
			{"another example", args(tinyParams, vec{-1, 2}, 0.0), want(0.027686792501365617,
				vec{-0.05809236844735339, 0.02640413342154555, 0.11618473689470678, -0.0528082668430911, 0.05809236844735339, -0.02640413342154555, 0.1747062351678625, 0.2669563487943188, 0.33278697391193435})},
		}},
	{Name: "TinyNetNumericGrad", Topic: "backward", Notebook: "01", Signature: "func(params, x []float64, target, h float64) []float64",
		Hint:     "For each parameter: copy params, add h, compute the loss; subtract h, compute the loss; (up − down)/(2h). Not (up − loss)/h.",
		HintID:   "Untuk setiap parameter: salin params, tambah h, hitung loss; kurangi h, hitung loss; (atas − bawah)/(2h). Bukan (atas − loss)/h.",
		Mistakes: []Mistake{oneSidedStep},
		Cases: []Case{
			{"small step", args(tinyParams, vec{1, 0.5}, 1.0, 1e-5),
				want(vec{-0.18755077451915178, 0.14602238769256815, -0.09377538724431032, 0.07301119384628407, -0.18755077451915178, 0.14602238769256815, -0.7561293810687263, -0.5562978158873966, -1.1711019838073211})},
			{"large step (h = 0.5)", args(tinyParams, vec{1, 0.5}, 1.0, 0.5),
				want(vec{-0.18645314703528598, 0.14325848240578293, -0.09364307393294197, 0.07265999133870993, -0.18645314703528598, 0.14325848240578293, -0.7561293810772028, -0.5562978158920509, -1.1711019838049466})},
		}},
	{Name: "MulBackward", Topic: "backward", Notebook: "01", Signature: "func(a, b, gradOut float64) (gradA, gradB float64)",
		Hint:     "Each input's local gradient is the other input: gradA = gradOut·b, gradB = gradOut·a.",
		HintID:   "Gradient lokal setiap input adalah input yang lain: gradA = gradOut·b, gradB = gradOut·a.",
		Mistakes: []Mistake{forgotUpstream},
		Cases: []Case{
			{"a = 2, b = −3", args(2.0, -3.0, 0.5), want(-1.5, 1.0)},
			{"negative upstream gradient", args(1.5, 4.0, -2.0), want(-8.0, -3.0)},
		}},
	{Name: "DivBackward", Topic: "backward", Notebook: "01", Signature: "func(a, b, gradOut float64) (gradA, gradB float64)",
		Hint:     "d(a/b)/da = 1/b and d(a/b)/db = −a/b²; multiply both by gradOut.",
		HintID:   "d(a/b)/da = 1/b dan d(a/b)/db = −a/b²; kalikan keduanya dengan gradOut.",
		Mistakes: []Mistake{forgotUpstream},
		Cases: []Case{
			{"a = 2, b = −3", args(2.0, -3.0, 1.0), want(-1.0/3, -2.0/9)},
			{"a = 3, b = 2", args(3.0, 2.0, 0.5), want(0.25, -0.375)},
		}},
	{Name: "PowBackward", Topic: "backward", Notebook: "01", Signature: "func(a, p, gradOut float64) float64",
		Hint:     "gradOut · p · math.Pow(a, p−1): bring the exponent down, lower it by one.",
		HintID:   "gradOut · p · math.Pow(a, p−1): turunkan pangkatnya, lalu kurangi pangkat itu dengan satu.",
		Mistakes: []Mistake{forgotUpstream},
		Cases: []Case{
			{"square", args(3.0, 2.0, 1.0), want(6.0)},
			{"negative exponent", args(2.0, -1.5, 3.0), want(-0.7954951288348661)},
			{"square root", args(4.0, 0.5, 1.0), want(0.25)},
		}},
	{Name: "ExpBackward", Topic: "backward", Notebook: "01", Signature: "func(a, gradOut float64) float64",
		Hint:     "The derivative of eᵃ is eᵃ: return gradOut · math.Exp(a).",
		HintID:   "Turunan eᵃ adalah eᵃ: kembalikan gradOut · math.Exp(a).",
		Mistakes: []Mistake{forgotUpstream},
		Cases: []Case{
			{"a = 1", args(1.0, 2.0), want(2 * math.E)},
			{"a = −1", args(-1.0, 1.0), want(0.36787944117144233)},
			{"negative upstream gradient", args(2.0, -0.5), want(-3.694528049465325)},
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

	{Name: "NesterovStep", Topic: "optimizers", Notebook: "04", Signature: "func(w, grad, velocity []float64, lr, beta float64) (newW, newVelocity []float64)",
		Hint:     "v ← beta·v + grad, then w ← w − lr·(grad + beta·v) with the new v.",
		HintID:   "v ← beta·v + grad, lalu w ← w − lr·(grad + beta·v) dengan v yang baru.",
		Mistakes: []Mistake{plainMomentum, stepUphill},
		Cases: []Case{
			{"one weight", args(vec{1}, vec{0.5}, vec{1}, 0.1, 0.9), want(vec{0.824}, vec{1.4})},
			{"first step (zero velocity)", args(vec{1, -2}, vec{0.5, -1}, vec{0, 0}, 0.1, 0.9), want(vec{0.905, -1.81}, vec{0.5, -1})},
		}},
	{Name: "AdagradStep", Topic: "optimizers", Notebook: "04", Signature: "func(w, grad, sumSq []float64, lr, eps float64) (newW, newSumSq []float64)",
		Hint:     "s ← s + grad² (a sum, not an average), then w ← w − lr·grad/(√s + eps) with the new s.",
		HintID:   "s ← s + grad² (jumlah, bukan rata-rata), lalu w ← w − lr·grad/(√s + eps) dengan s yang baru.",
		Mistakes: []Mistake{stepUphill},
		Cases: []Case{
			{"first step", args(vec{1}, vec{2}, vec{0}, 0.5, 0.0), want(vec{0.5}, vec{4})},
			{"later step", args(vec{1, 1}, vec{3, 4}, vec{16, 9}, 0.1, 1e-10), want(vec{0.94, 0.92}, vec{25, 25})},
		}},
	{Name: "AdadeltaStep", Topic: "optimizers", Notebook: "04", Signature: "func(w, grad, sqAvg, deltaAvg []float64, lr, rho, eps float64) (newW, newSqAvg, newDeltaAvg []float64)",
		Hint:     "s ← rho·s + (1−rho)·grad²; Δ = √(u+eps)/√(s+eps)·grad with the old u; then u ← rho·u + (1−rho)·Δ² and w ← w − lr·Δ.",
		HintID:   "s ← rho·s + (1−rho)·grad²; Δ = √(u+eps)/√(s+eps)·grad dengan u yang lama; lalu u ← rho·u + (1−rho)·Δ² dan w ← w − lr·Δ.",
		Mistakes: []Mistake{stepUphill},
		Cases: []Case{
			{"first step", args(vec{1}, vec{2}, vec{0}, vec{0}, 1.0, 0.9, 1e-6),
				want(vec{0.9968377262926713}, vec{0.3999999999999999}, vec{9.999975000062502e-07})},
			{"later step", args(vec{1, -1}, vec{0.5, 0.1}, vec{0.2, 0.01}, vec{0.01, 0.0004}, 1.0, 0.9, 1e-6),
				want(vec{0.8895632218445493, -1.0200239832203686}, vec{0.20500000000000002, 0.01}, vec{0.010219628196935625, 0.0004000959904009599})},
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

	{Name: "WarmUp", Topic: "schedules", Notebook: "03", Signature: "func(lr float64, warmupSteps, step int) float64",
		Hint:     "lr·(step+1)/(warmupSteps+1) while step < warmupSteps, then lr; convert the ints to float64 first.",
		HintID:   "lr·(step+1)/(warmupSteps+1) selama step < warmupSteps, lalu lr; ubah int ke float64 lebih dulu.",
		Mistakes: []Mistake{warmUpFromZero},
		Cases: []Case{
			{"first step", args(0.1, 4, 0), want(0.02)},
			{"last warm-up step", args(0.1, 4, 3), want(0.08)},
			{"halfway", args(0.5, 9, 4), want(0.25)},
		}},
	{Name: "OneCycle", Topic: "schedules", Notebook: "03", Signature: "func(maxLR, pctStart, divFactor, finalDivFactor float64, total, step int) float64",
		Hint:   "Peak at u = pctStart·total − 1; cosine from maxLR/divFactor up to maxLR over [0, u], then down to maxLR/divFactor/finalDivFactor over [u, total−1].",
		HintID: "Puncak di u = pctStart·total − 1; kosinus naik dari maxLR/divFactor ke maxLR pada [0, u], lalu turun ke maxLR/divFactor/finalDivFactor pada [u, total−1].",
		Cases: []Case{
			{"step 0", args(1.0, 0.3, 10.0, 100.0, 11, 0), want(0.1)},
			{"going up", args(1.0, 0.3, 10.0, 100.0, 11, 1), want(0.4584447941263148)},
			{"coming down", args(1.0, 0.3, 10.0, 100.0, 11, 5), want(0.7263598676877016)},
			{"last step", args(1.0, 0.3, 10.0, 100.0, 11, 10), want(0.001)},
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

	// Making networks train (notebook 06).
	{Name: "EarlyStopping", Topic: "training", Notebook: "06", Signature: "func(valLosses []float64, patience int, minDelta float64) (stopEpoch, bestEpoch int)",
		Hint:   "Epochs count from 1; an epoch improves when its loss < best − minDelta; count the epochs since the last improvement and stop when the count reaches patience.",
		HintID: "Epoch dihitung dari 1; sebuah epoch membaik jika loss-nya < best − minDelta; hitung epoch sejak perbaikan terakhir dan berhenti saat hitungan mencapai patience.",
		Cases: []Case{
			{"stops at epoch 5", args(vec{1, 0.8, 0.7, 0.75, 0.72, 0.6}, 2, 0.0), want(5, 3)},
			{"patience never runs out", args(vec{1, 0.8, 0.7, 0.75, 0.72, 0.6}, 3, 0.0), want(6, 6)},
			{"improvements below minDelta do not count", args(vec{1, 0.99, 0.98, 0.5}, 2, 0.05), want(3, 1)},
		}},
	{Name: "GlorotUniform", Topic: "initialization", Notebook: "06", Signature: "func(u [][]float64) [][]float64",
		Hint:     "a = √(6/(fanIn + fanOut)) with fanIn = rows and fanOut = columns of u; each weight is a·(2u − 1).",
		HintID:   "a = √(6/(fanIn + fanOut)) dengan fanIn = jumlah baris dan fanOut = jumlah kolom u; setiap bobot adalah a·(2u − 1).",
		Mistakes: []Mistake{fanInOnly},
		Cases: []Case{
			{"1×2 layer", args(mat{{0.75, 0.5}}), want(mat{{0.7071067811865476, 0}})},
			{"3×2 layer", args(mat{{0, 1}, {0.5, 0.25}, {0.9, 0.1}}),
				want(mat{{-1.0954451150103321, 1.0954451150103321}, {0, -0.5477225575051661}, {0.8763560920082658, -0.8763560920082658}})},
		}},
	{Name: "HeNormal", Topic: "initialization", Notebook: "06", Signature: "func(z [][]float64) [][]float64",
		Hint:     "σ = √(2/fanIn) with fanIn the number of rows of z; each weight is σ·z.",
		HintID:   "σ = √(2/fanIn) dengan fanIn jumlah baris z; setiap bobot adalah σ·z.",
		Mistakes: []Mistake{forgotReLUFactor},
		Cases: []Case{
			{"1×3 layer", args(mat{{1, -2, 0.5}}), want(mat{{1.4142135623730951, -2.8284271247461903, 0.7071067811865476}})},
			{"4×1 layer", args(mat{{1}, {-1}, {2}, {0.5}}), want(mat{{0.7071067811865476}, {-0.7071067811865476}, {1.4142135623730951}, {0.3535533905932738}})},
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
