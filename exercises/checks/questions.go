package checks

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/janpfeifer/gonb/gonbui"
)

// Question is a concept check: a question about a notebook, answered in a
// cell with Answer and checked on the spot, then scored by the grader.
//
// The right answer is not here: only Hash, the SHA-256 of Salt, the ID and
// the normalised right answer (see Normalize), so that Answer can tell
// right from wrong without the learners' copy of the course holding the
// key. The grader keeps the key itself (grader/questions.go) and a test
// there checks that it matches Hash. The explanation is shown after any
// attempt, right or wrong.
type Question struct {
	ID        string   // "03.q1": the notebook, then the question
	Prompt    string   // in English
	PromptID  string   // in Bahasa Indonesia
	Choices   []string // for a multiple choice, the options in English, labelled a, b, c, ...; none for a number
	ChoicesID []string // the same options in Bahasa Indonesia
	// Decimals, for a number, is how many decimals count: the answer is
	// rounded to them before it is compared.
	Decimals  int
	Salt      string
	Hash      string
	Explain   string // shown after an attempt, in English
	ExplainID string // the same in Bahasa Indonesia
}

// Notebook returns the notebook of the question: "03" for "03.q1".
func (q Question) Notebook() string { return strings.SplitN(q.ID, ".", 2)[0] }

// Normalize returns an answer in the form that is hashed and compared, or
// an error that says what kind of answer the question wants. A multiple
// choice takes its option's letter ("b", " B ", "b)"); a number takes a
// float64, an int or a string that parses as one ("−8" with a Unicode
// minus too), rounded to Decimals.
func (q Question) Normalize(answer any) (string, error) {
	if len(q.Choices) > 0 {
		s, ok := answer.(string)
		s = strings.TrimRight(strings.ToLower(strings.TrimSpace(s)), ").")
		if !ok || len(s) != 1 || s[0] < 'a' || int(s[0]-'a') >= len(q.Choices) {
			return "", errors.New(say(txtChoose, q.ID, letters(len(q.Choices))))
		}
		return s, nil
	}
	var x float64
	switch a := answer.(type) {
	case float64:
		x = a
	case int:
		x = float64(a)
	case string:
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSpace(a), "−", "-"), 64)
		if err != nil {
			return "", errors.New(say(txtNumber, q.ID))
		}
		x = v
	default:
		return "", errors.New(say(txtNumber, q.ID))
	}
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "", errors.New(say(txtNumber, q.ID))
	}
	s := strconv.FormatFloat(x, 'f', q.Decimals, 64)
	if strings.Trim(s, "-0.") == "" {
		s = strings.TrimPrefix(s, "-") // −0 is 0
	}
	return s, nil
}

// HashOf returns the hash of a normalised answer, as Hash holds the right
// one's.
func (q Question) HashOf(normalized string) string {
	sum := sha256.Sum256([]byte(q.Salt + "\x00" + q.ID + "\x00" + normalized))
	return hex.EncodeToString(sum[:])
}

func letters(n int) string {
	var ls []string
	for i := range n {
		ls = append(ls, string(rune('a'+i)))
	}
	return strings.Join(ls, ", ")
}

// Questions returns every concept check, in the order of the course.
func Questions() []Question { return slices.Clone(questions) }

// LookupQuestion returns the question with the given ID.
func LookupQuestion(id string) (Question, bool) {
	i := slices.IndexFunc(questions, func(q Question) bool { return q.ID == id })
	if i < 0 {
		return Question{}, false
	}
	return questions[i], true
}

// Verdict is the outcome of one answer to a concept check.
type Verdict struct {
	Question Question
	Answer   string // as given, normalised when it could be
	Valid    bool   // the answer has the form the question wants
	Right    bool
	Problem  string // why an answer is not valid
}

// Answer checks an answer to a concept check on the spot:
//
//	checks.Answer("03.q1", -8).Show()
//	checks.Answer("03.q2", "b").Show()
//
// The grader reads these calls from a submitted notebook (only their two
// literal arguments: nothing runs) and scores them with its own key.
// Answer panics if there is no question with that ID.
func Answer(id string, answer any) Verdict {
	q, ok := LookupQuestion(id)
	if !ok {
		panic("checks: no question " + id)
	}
	v := Verdict{Question: q, Answer: fmt.Sprint(answer)}
	norm, err := q.Normalize(answer)
	if err != nil {
		v.Problem = err.Error()
		return v
	}
	v.Answer, v.Valid = norm, true
	v.Right = q.HashOf(norm) == q.Hash
	return v
}

// text returns the prompt with its options, in the current language.
func (q Question) text() string {
	prompt, choices := q.Prompt, q.Choices
	if language() == "id" {
		prompt, choices = q.PromptID, q.ChoicesID
	}
	var b strings.Builder
	b.WriteString(q.ID + ": " + prompt)
	for i, c := range choices {
		fmt.Fprintf(&b, "\n  %c) %s", 'a'+i, c)
	}
	return b.String()
}

func (q Question) explanation() string {
	if language() == "id" {
		return q.ExplainID
	}
	return q.Explain
}

// String returns the verdict as text: right or not, then why.
func (v Verdict) String() string {
	switch {
	case !v.Valid:
		return v.Problem + "\n"
	case v.Right:
		return say(txtRight, v.Question.ID, v.Answer) + "\n" + say(txtWhy) + " " + v.Question.explanation() + "\n"
	}
	return say(txtNotRight, v.Question.ID, v.Answer) + "\n" + say(txtWhy) + " " + v.Question.explanation() + "\n"
}

// HTML returns the verdict as Show displays it in a notebook.
func (v Verdict) HTML() string {
	if !v.Valid {
		return fmt.Sprintf(`<div class="bp-checks" style="color:%s">%s</div>`, failColor, html.EscapeString(v.Problem))
	}
	mark, color, line := "✓", passColor, say(txtRight, v.Question.ID, v.Answer)
	if !v.Right {
		mark, color, line = "✗", failColor, say(txtNotRight, v.Question.ID, v.Answer)
	}
	return fmt.Sprintf(`<div class="bp-checks"><div style="color:%s">%s %s</div><div><i>%s</i> %s</div></div>`,
		color, mark, html.EscapeString(line), say(txtWhy), html.EscapeString(v.Question.explanation()))
}

// Show displays the verdict: HTML in a GoNB notebook, text elsewhere.
func (v Verdict) Show() {
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(v.HTML())
		gonbui.Sync()
		return
	}
	fmt.Fprint(os.Stdout, v.String())
}

// Ask displays a question with its options, for a cell before the answer.
func Ask(id string) {
	q, ok := LookupQuestion(id)
	if !ok {
		panic("checks: no question " + id)
	}
	if gonbui.IsNotebook {
		gonbui.DisplayHTML(`<pre class="bp-checks">` + html.EscapeString(q.text()) + `</pre>`)
		gonbui.Sync()
		return
	}
	fmt.Println(q.text())
}

// questions are the concept checks of every notebook. To add one, see
// "Concept checks" in doc.go.
var questions = []Question{
	{ID: "00.q1",
		Prompt:   "In the neuron of this notebook (x = 1.5, w = 0.8, b = −0.2, target 0.5), backpropagation gives a positive dL/dw. What does one step of gradient descent, w ← w − η·dL/dw with a small η > 0, do to w and to the loss?",
		PromptID: "Pada neuron di notebook ini (x = 1.5, w = 0.8, b = −0.2, target 0.5), backpropagation memberi dL/dw yang positif. Apa yang dilakukan satu langkah gradient descent, w ← w − η·dL/dw dengan η > 0 yang kecil, terhadap w dan loss-nya?",
		Choices: []string{
			"w grows, and the loss grows",
			"w shrinks, and the loss shrinks",
			"w grows, and the loss shrinks",
			"nothing: a gradient only says how steep the loss is, not which way to go",
		},
		ChoicesID: []string{
			"w membesar, dan loss-nya membesar",
			"w mengecil, dan loss-nya mengecil",
			"w membesar, dan loss-nya mengecil",
			"tidak ada: gradien hanya mengatakan seberapa curam loss-nya, bukan ke arah mana harus bergerak",
		},
		Salt: "57d89d7baa7c",
		Hash: "51e55b72e09b54e6e00cba07b25a8c038342172f8345a83e0ef4763629991e9d",
		Explain: "A positive dL/dw means the loss rises when w rises. The step subtracts η times that positive number, so w moves " +
			"the other way, downhill, and for a small enough η the loss goes down. The sign of the gradient says which way is " +
			"uphill; its size says how steep. Here ŷ = tanh(1.0) ≈ 0.76 is above the target, so the neuron should output less.",
		ExplainID: "dL/dw yang positif berarti loss naik ketika w naik. Langkahnya mengurangkan η kali bilangan positif itu, jadi w " +
			"bergerak ke arah sebaliknya, menuruni lereng, dan dengan η yang cukup kecil loss-nya turun. Tanda gradien mengatakan " +
			"arah mana yang menanjak; besarnya mengatakan seberapa curam. Di sini ŷ = tanh(1.0) ≈ 0.76 berada di atas target, jadi " +
			"neuron itu sebaiknya mengeluarkan nilai yang lebih kecil."},
	{ID: "00.q2",
		Prompt:   "The same neuron ŷ = tanh(w·x + b) with the loss L = (ŷ − y)², now at x = 2, w = 0.5, b = −1 and target y = 0.5. What is dL/dw?",
		PromptID: "Neuron yang sama, ŷ = tanh(w·x + b) dengan loss L = (ŷ − y)², sekarang di x = 2, w = 0.5, b = −1 dan target y = 0.5. Berapa dL/dw?",
		Decimals: 2,
		Salt:     "fc08dee32872",
		Hash:     "ac6f221e165c5572ab129e190f6cccf171acc9d11cb734e80add55c0be5c46ac",
		Explain: "First the forward pass: z = w·x + b is 0 here, so ŷ = tanh 0 = 0, and the slope of tanh at 0 is 1 − ŷ² = 1. " +
			"Then the chain rule multiplies the three local pieces: dL/dŷ = 2(ŷ − y), dŷ/dz = 1 − ŷ², dz/dw = x. " +
			"The prediction is below the target, so the gradient is negative: raising w lowers the loss.",
		ExplainID: "Pertama forward pass: z = w·x + b di sini bernilai 0, jadi ŷ = tanh 0 = 0, dan kemiringan tanh di 0 adalah 1 − ŷ² = 1. " +
			"Lalu aturan rantai mengalikan ketiga bagian lokalnya: dL/dŷ = 2(ŷ − y), dŷ/dz = 1 − ŷ², dz/dw = x. " +
			"Prediksinya di bawah target, jadi gradiennya negatif: menaikkan w menurunkan loss."},
	{ID: "01.q1",
		Prompt:   "Take the tiny network of this notebook with its weights and input x = (1.0, 0.5), but the target y = 0 instead of 1 (the prediction ŷ ≈ 0.41 does not change). What is the sign of ∂L/∂w₁₂ now?",
		PromptID: "Ambil jaringan kecil di notebook ini dengan bobot dan input x = (1.0, 0.5) yang sama, tetapi target y = 0, bukan 1 (prediksi ŷ ≈ 0.41 tidak berubah). Apa tanda ∂L/∂w₁₂ sekarang?",
		Choices: []string{
			"positive",
			"negative",
			"zero",
			"it cannot be known without computing every number",
		},
		ChoicesID: []string{
			"positif",
			"negatif",
			"nol",
			"tidak bisa diketahui tanpa menghitung semua angkanya",
		},
		Salt: "77a7e7b7accf",
		Hash: "c755a6dd687ef9567923a10d2c8555ee5458fbd23b117f0eeb9a772522730da2",
		Explain: "Follow the signs along the path ŷ ← h₂ ← z₂ ← w₁₂. Now ŷ is above the target, so ∂L/∂ŷ = 2(ŷ − y) > 0. " +
			"The path goes through v₂ = −0.5 < 0, which flips the sign: ∂L/∂h₂ = ∂L/∂ŷ·v₂. The sigmoid's slope h₂(1 − h₂) and " +
			"the input x₁ = 1 are positive and keep it. Signs are enough: no number needs computing.",
		ExplainID: "Ikuti tandanya di sepanjang jalur ŷ ← h₂ ← z₂ ← w₁₂. Sekarang ŷ berada di atas target, jadi ∂L/∂ŷ = 2(ŷ − y) > 0. " +
			"Jalurnya melewati v₂ = −0.5 < 0, yang membalik tandanya: ∂L/∂h₂ = ∂L/∂ŷ·v₂. Kemiringan sigmoid h₂(1 − h₂) dan " +
			"input x₁ = 1 positif dan mempertahankan tandanya. Tanda saja sudah cukup: tidak ada angka yang perlu dihitung."},
	{ID: "01.q2",
		Prompt:   "In the worked example of the chain rule by hand (x = (1.0, 0.5), target y = 1), what is ∂L/∂x₂, the gradient that the hidden layer would hand down for the second input? (Three decimals.)",
		PromptID: "Pada contoh perhitungan aturan rantai dengan tangan (x = (1.0, 0.5), target y = 1), berapa ∂L/∂x₂, gradien yang akan diteruskan hidden layer untuk input kedua? (Tiga desimal.)",
		Decimals: 3,
		Salt:     "8f0af51363f0",
		Hash:     "aea90ab56b1d8520b7a9517a651eb5edf234ac04d7c79d497d3bc6bf39076537",
		Explain: "x₂ feeds both hidden units, so it gets one contribution per path and they add up: " +
			"∂L/∂x₂ = ∂L/∂z₁·w₂₁ + ∂L/∂z₂·w₂₂, with ∂L/∂z₁ and ∂L/∂z₂ from the table and w₂₁ = 0.2, w₂₂ = 0.6. The two terms " +
			"have opposite signs and almost cancel. ∂L/∂x₁, worked out in the notebook, is the same sum with w₁₁ and w₁₂.",
		ExplainID: "x₂ masuk ke kedua hidden unit, jadi ia mendapat satu kontribusi per jalur dan keduanya dijumlahkan: " +
			"∂L/∂x₂ = ∂L/∂z₁·w₂₁ + ∂L/∂z₂·w₂₂, dengan ∂L/∂z₁ dan ∂L/∂z₂ dari tabel serta w₂₁ = 0.2, w₂₂ = 0.6. Kedua sukunya " +
			"berlawanan tanda dan hampir saling meniadakan. ∂L/∂x₁, yang dihitung di notebook, adalah jumlah yang sama dengan w₁₁ dan w₁₂."},
	{ID: "02.q1",
		Prompt:   "A binary classifier outputs the probability p = 0.5 for an example whose label is 1. What is its binary cross-entropy, with the natural logarithm? (Three decimals.)",
		PromptID: "Sebuah classifier biner mengeluarkan probabilitas p = 0.5 untuk sebuah contoh berlabel 1. Berapa binary cross-entropy-nya, dengan logaritma natural? (Tiga desimal.)",
		Decimals: 3,
		Salt:     "4dce271b76ca",
		Hash:     "7ce908aaadd2304910aa1570db260319872055143206890df8dd701717d66520",
		Explain: "BCE = −[y·log p + (1 − y)·log(1 − p)]; with y = 1 only −log p remains, and −log(1/2) = log 2. With label 0 it " +
			"would be −log(1 − p), the same number: p = 0.5 is a coin toss, equally wrong either way. That is also the loss " +
			"of an untrained binary classifier whose logits start near 0, a useful number to recognise on the first line of a training log.",
		ExplainID: "BCE = −[y·log p + (1 − y)·log(1 − p)]; dengan y = 1 hanya −log p yang tersisa, dan −log(1/2) = log 2. Dengan label 0 " +
			"nilainya −log(1 − p), angka yang sama: p = 0.5 adalah lempar koin, sama salahnya ke arah mana pun. Itu juga loss " +
			"sebuah classifier biner yang belum dilatih dengan logit yang mulai di dekat 0, angka yang berguna untuk dikenali di baris pertama log training."},
	{ID: "02.q2",
		Prompt:   "You predict house prices (a regression), and a few sales in the training data were recorded wildly wrong (outliers). Which loss keeps those few examples from dominating the gradient, while staying smooth near the target?",
		PromptID: "Kamu memprediksi harga rumah (regresi), dan beberapa penjualan di data training tercatat sangat salah (outlier). Loss mana yang mencegah beberapa contoh itu mendominasi gradien, sambil tetap mulus di dekat target?",
		Choices: []string{
			"MSE: its gradient grows with the error, so the outliers get fixed first",
			"BCE: it works on any number between 0 and 1",
			"Huber: quadratic for small errors, linear beyond Delta, so each outlier's gradient is capped",
			"SparseCrossEntropyWithLogits: prices are classes",
		},
		ChoicesID: []string{
			"MSE: gradiennya membesar bersama error-nya, jadi outlier diperbaiki lebih dulu",
			"BCE: ia bekerja pada bilangan apa pun antara 0 dan 1",
			"Huber: kuadratik untuk error kecil, linear di luar Delta, jadi gradien setiap outlier dibatasi",
			"SparseCrossEntropyWithLogits: harga adalah kelas",
		},
		Salt: "3839e6e269d2",
		Hash: "2cc192ead5806dc0ba1087b1971006da2d73f733a353dd2332b6c46e52870072",
		Explain: "MSE's gradient is proportional to the error, so an example 100 units off pulls 100 times harder than one 1 unit off, " +
			"and a few outliers steer the whole fit. Huber's gradient is the error clipped to [−Delta, Delta]: near the target it " +
			"behaves like MSE, far away every example pulls with the same bounded force. BCE and cross-entropy are for classes and " +
			"probabilities, not for prices.",
		ExplainID: "Gradien MSE sebanding dengan error-nya, jadi contoh yang meleset 100 satuan menarik 100 kali lebih kuat daripada yang " +
			"meleset 1 satuan, dan beberapa outlier mengarahkan seluruh fit. Gradien Huber adalah error yang dipotong ke [−Delta, Delta]: " +
			"di dekat target ia berperilaku seperti MSE, jauh dari target setiap contoh menarik dengan gaya terbatas yang sama. BCE dan " +
			"cross-entropy untuk kelas dan probabilitas, bukan untuk harga."},
	{ID: "03.q1",
		Prompt:   "Gradient descent on f(x) = x² starts at x = 1 with a learning rate of 1.5. What is x after three steps?",
		PromptID: "Gradient descent pada f(x) = x² dimulai dari x = 1 dengan learning rate 1.5. Berapa x setelah tiga langkah?",
		Salt:     "6b1f0c2e9d4a",
		Hash:     "c578964db3fb7728812ad406806de7300557497057179b1ae1111dbec54e9710",
		Explain: "Each step is x ← x − 1.5·2x = −2x: the step overshoots the minimum by more than x was away from it, " +
			"so x flips sign and doubles at every step, and three steps multiply it by (−2)³. Any learning rate above 1 " +
			"diverges on x² (the curvature is 2, the limit is 2/2 = 1); 0.5 would land on 0 in one step.",
		ExplainID: "Setiap langkah adalah x ← x − 1.5·2x = −2x: langkahnya melewati minimum lebih jauh daripada jarak x ke minimum, " +
			"jadi x berganti tanda dan berlipat dua di setiap langkah, dan tiga langkah mengalikannya dengan (−2)³. Learning rate " +
			"di atas 1 membuat x² divergen (kelengkungannya 2, batasnya 2/2 = 1); 0.5 akan tiba di 0 dalam satu langkah."},
	{ID: "03.q2",
		Prompt:   "The loss is multiplied by 100 (say, a sum instead of a mean). Why does Adam train almost as before, while SGD with the same learning rate does not?",
		PromptID: "Loss dikalikan 100 (misalnya jumlah, bukan rata-rata). Mengapa Adam tetap berlatih hampir seperti semula, sedangkan SGD dengan learning rate yang sama tidak?",
		Choices: []string{
			"Adam lowers its learning rate when the loss is large",
			"Adam divides m̂ by √v̂: both grow 100 times, so the step stays the same size",
			"Adam clips the gradients to norm 1",
			"the bias correction removes the factor 100",
		},
		ChoicesID: []string{
			"Adam menurunkan learning rate-nya saat loss besar",
			"Adam membagi m̂ dengan √v̂: keduanya membesar 100 kali, jadi ukuran langkahnya tetap",
			"Adam memotong gradient ke norma 1",
			"bias correction menghilangkan faktor 100",
		},
		Salt: "e83a5d7710c4",
		Hash: "fe521bf0f41543986848ee7a2b07fd558250d0b37f2c1b700ec6c4407d0312e0",
		Explain: "The gradient is 100 times larger; Adam's step is lr·m̂/(√v̂ + ε), where m̂ grows 100 times and √v̂ too, " +
			"so only ε notices the factor. SGD's step lr·g grows 100 times and may diverge.",
		ExplainID: "Gradient-nya 100 kali lebih besar; langkah Adam adalah lr·m̂/(√v̂ + ε), dengan m̂ membesar 100 kali dan √v̂ juga, " +
			"jadi hanya ε yang merasakan faktor itu. Langkah SGD lr·g membesar 100 kali dan bisa divergen."},
	{ID: "04.q1",
		Prompt:   "On a long, narrow valley (steep across, gently sloping along), plain SGD zig-zags from wall to wall and creeps along the floor. What does momentum with β = 0.9 change?",
		PromptID: "Pada lembah yang panjang dan sempit (curam melintang, landai memanjang), SGD biasa berzig-zag dari dinding ke dinding dan merayap di dasarnya. Apa yang diubah momentum dengan β = 0.9?",
		Choices: []string{
			"it divides each coordinate's step by the size of its recent gradients",
			"it clips the gradient so the steps across the valley stay small",
			"the velocity sums past gradients: across the valley they alternate in sign and cancel, along it they agree and add up, so it moves faster along the floor with less zig-zag",
			"it adds random noise that helps the steps escape from the walls",
		},
		ChoicesID: []string{
			"ia membagi langkah setiap koordinat dengan besar gradien-gradien terakhirnya",
			"ia memotong gradien supaya langkah melintasi lembah tetap kecil",
			"velocity menjumlahkan gradien-gradien sebelumnya: melintang lembah tandanya bergantian dan saling meniadakan, memanjang lembah tandanya sama dan bertambah, jadi ia bergerak lebih cepat di sepanjang dasar dengan zig-zag yang lebih sedikit",
			"ia menambahkan noise acak yang membantu langkahnya lepas dari dinding",
		},
		Salt: "092ebebe7f2d",
		Hash: "925c342731369ad9bdb50ac40614004ecf0f1f2401b0b65ce9c177284f0a97c6",
		Explain: "v ← βv + g keeps a running sum of the gradients. Where they keep their sign (along the floor) it grows towards " +
			"g/(1 − β), ten times one gradient for β = 0.9; where they flip sign from step to step (across the valley) the terms " +
			"cancel. Dividing by the size of recent gradients is what RMSprop and Adam do; clipping caps a step's length; neither " +
			"is momentum.",
		ExplainID: "v ← βv + g menyimpan jumlah berjalan gradien-gradiennya. Di arah yang tandanya tetap (sepanjang dasar) ia tumbuh menuju " +
			"g/(1 − β), sepuluh kali satu gradien untuk β = 0.9; di arah yang tandanya berganti setiap langkah (melintang lembah) " +
			"suku-sukunya saling meniadakan. Membagi dengan besar gradien-gradien terakhir adalah cara kerja RMSprop dan Adam; clipping " +
			"membatasi panjang langkah; keduanya bukan momentum."},
	{ID: "04.q2",
		Prompt:   "A training set has 1000 examples, and mini-batch gradient descent uses batches of 64 (the last batch takes what is left). How many updates of the weights make one epoch?",
		PromptID: "Sebuah data training berisi 1000 contoh, dan mini-batch gradient descent memakai batch berukuran 64 (batch terakhir mengambil sisanya). Berapa update bobot dalam satu epoch?",
		Salt:     "15727c2f6b6c",
		Hash:     "e7b80c65383ce615fef2032d10618ad704206e1e2202987ca204501d8504ef19",
		Explain: "One update per batch, and an epoch is one pass over every example: the number of batches is N/b rounded up, " +
			"since the leftover examples still make a batch of their own, smaller than 64. With b = N it would be one update " +
			"(batch gradient descent), with b = 1 one per example (stochastic).",
		ExplainID: "Satu update per batch, dan satu epoch adalah satu kali melewati semua contoh: banyaknya batch adalah N/b dibulatkan ke atas, " +
			"karena contoh-contoh sisanya tetap membentuk satu batch sendiri, yang lebih kecil dari 64. Dengan b = N hanya ada satu update " +
			"(batch gradient descent), dengan b = 1 satu update per contoh (stochastic)."},
	{ID: "05.q1",
		Prompt:   "Why are the means and standard deviations used to standardise the data computed on the training part only, and then applied unchanged to the validation and test parts?",
		PromptID: "Mengapa rata-rata dan simpangan baku untuk menstandarkan data dihitung dari bagian training saja, lalu diterapkan tanpa diubah ke bagian validasi dan test?",
		Choices: []string{
			"statistics from the test part would let it leak into training: the test score would no longer measure performance on data the model has never seen",
			"the training part is larger, so its statistics are more accurate",
			"the validation and test parts are too small to have a standard deviation",
			"it makes training faster",
		},
		ChoicesID: []string{
			"statistik dari bagian test akan membuatnya bocor ke training: skor test tidak lagi mengukur kinerja pada data yang belum pernah dilihat model",
			"bagian training lebih besar, jadi statistiknya lebih akurat",
			"bagian validasi dan test terlalu kecil untuk punya simpangan baku",
			"supaya training lebih cepat",
		},
		Salt: "c60dc2c23dfd",
		Hash: "258ae8008aa2a0749386b2b3a1491a9915b972d10fb1c0e0d41f8cc16e904844",
		Explain: "The test part stands for data the model will meet later, one example at a time, with no statistics of its own. " +
			"Whatever the pipeline learns (weights, and also means and deviations) must come from the training part, or the test " +
			"score is measured on data that shaped the model and is no longer an honest estimate. Applying the same numbers " +
			"everywhere also keeps every part on the scale the network was trained on.",
		ExplainID: "Bagian test mewakili data yang akan ditemui model nanti, satu contoh demi satu contoh, tanpa statistiknya sendiri. " +
			"Apa pun yang dipelajari pipeline (bobot, dan juga rata-rata dan simpangan baku) harus berasal dari bagian training, kalau tidak " +
			"skor test diukur pada data yang ikut membentuk model dan tidak lagi menjadi perkiraan yang jujur. Menerapkan angka yang sama " +
			"di semua bagian juga menjaga setiap bagian pada skala yang dipakai saat jaringan dilatih."},
	{ID: "05.q2",
		Prompt:   "The capstone's network reads 64 pixels, has one hidden layer and 10 outputs. With 32 hidden units instead of 64, how many parameters (weights and biases) would it have?",
		PromptID: "Jaringan capstone membaca 64 piksel, punya satu hidden layer dan 10 output. Dengan 32 hidden unit, bukan 64, berapa parameter (bobot dan bias) yang akan dimilikinya?",
		Salt:     "145da96935cc",
		Hash:     "8cb7c8e165788e6207e8f504a8bf82ccb58c7b11f68941ea16cae65784099b7f",
		Explain: "A dense layer from n inputs to m units has an n×m weight matrix and m biases: n·m + m parameters. Add the two " +
			"layers, 64 → 32 and 32 → 10. The activation has no parameters. backprop.CountParams(model.Params()) counts them for any model.",
		ExplainID: "Sebuah dense layer dari n input ke m unit punya matriks bobot n×m dan m bias: n·m + m parameter. Jumlahkan kedua " +
			"layer-nya, 64 → 32 dan 32 → 10. Aktivasinya tidak punya parameter. backprop.CountParams(model.Params()) menghitungnya untuk model apa pun."},
	{ID: "06.q1",
		Prompt:   "Why not start every weight of a network's tanh hidden layer at 0?",
		PromptID: "Mengapa bobot hidden layer tanh sebuah jaringan tidak dimulai semuanya dari 0?",
		Choices: []string{
			"the loss would be NaN on the first forward pass",
			"tanh is not differentiable at 0",
			"a zero weight makes the learning rate too small to train",
			"every hidden unit would output 0 and receive a zero gradient: the hidden weights never move, and equal units stay copies of each other",
		},
		ChoicesID: []string{
			"loss-nya akan menjadi NaN pada forward pass pertama",
			"tanh tidak dapat diturunkan di 0",
			"bobot nol membuat learning rate terlalu kecil untuk training",
			"setiap hidden unit akan mengeluarkan 0 dan menerima gradien nol: bobot hidden tidak pernah bergerak, dan unit-unit yang sama tetap menjadi salinan satu sama lain",
		},
		Salt: "b8213bb98e2e",
		Hash: "f9e95df1c8171555672cc30a7049cdbcf3d748cfba010df26eafefba9357dac0",
		Explain: "With W₁ = 0 every hidden unit outputs tanh(0) = 0, so ∂L/∂W₂ = hᵀG = 0; and with W₂ = 0 the gradient sent back, G·W₂ᵀ, " +
			"is 0 too, so ∂L/∂W₁ = 0. Only the output bias learns. Any single starting value has the same flaw in a milder form: " +
			"identical units get identical gradients and stay identical (symmetry). Random starts break it. The loss is finite, " +
			"and tanh is smooth at 0 with slope 1.",
		ExplainID: "Dengan W₁ = 0 setiap hidden unit mengeluarkan tanh(0) = 0, jadi ∂L/∂W₂ = hᵀG = 0; dan dengan W₂ = 0 gradien yang dikirim balik, G·W₂ᵀ, " +
			"juga 0, jadi ∂L/∂W₁ = 0. Hanya bias output yang belajar. Nilai awal tunggal mana pun punya cacat yang sama dalam bentuk yang lebih ringan: " +
			"unit-unit yang identik mendapat gradien yang identik dan tetap identik (simetri). Nilai awal acak mematahkannya. Loss-nya berhingga, " +
			"dan tanh mulus di 0 dengan kemiringan 1."},
	{ID: "06.q2",
		Prompt:   "A dense layer has 400 inputs and 100 outputs, and a ReLU follows it. With what variance should its weights be drawn? (Four decimals.)",
		PromptID: "Sebuah dense layer punya 400 input dan 100 output, dan sebuah ReLU mengikutinya. Dengan varians berapa bobotnya sebaiknya diambil? (Empat desimal.)",
		Decimals: 4,
		Salt:     "e308b7c55194",
		Hash:     "99e400767b9ff7e9f66bd87ba3898b2aed3b0ad5e9a4684b47f3e82179c4da5c",
		Explain: "A ReLU follows, so He's rule: Var(w) = 2/fan_in, where the fan-in is the number of inputs each unit sums. The 2 makes up " +
			"for the half of the signal that ReLU sets to zero; the fan-out does not enter. Glorot's 2/(fan_in + fan_out) is made for " +
			"tanh and sigmoid, and 1/fan_in keeps the variance of a linear layer, which ReLU would then halve at every layer.",
		ExplainID: "Sebuah ReLU mengikutinya, jadi aturan He: Var(w) = 2/fan_in, dengan fan-in jumlah input yang dijumlahkan setiap unit. Angka 2 " +
			"menggantikan separuh sinyal yang dinolkan oleh ReLU; fan-out tidak ikut. Rumus Glorot 2/(fan_in + fan_out) dibuat untuk " +
			"tanh dan sigmoid, dan 1/fan_in menjaga varians layer linear, yang kemudian akan dibagi dua oleh ReLU di setiap layer."},
}
