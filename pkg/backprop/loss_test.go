package backprop

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// lossDense builds a matrix from rows, for readable test tables.
func lossDense(rows [][]float64) *mat.Dense {
	m := mat.NewDense(len(rows), len(rows[0]), nil)
	for i, r := range rows {
		m.SetRow(i, r)
	}
	return m
}

// lossNumericGrad is the central finite difference of l.Value with respect
// to every element of pred: (L(p+h) − L(p−h)) / 2h.
func lossNumericGrad(l Loss, pred, target *mat.Dense) *mat.Dense {
	r, c := pred.Dims()
	p := mat.DenseCopyOf(pred)
	g := mat.NewDense(r, c, nil)
	for i := range r {
		for j := range c {
			v := p.At(i, j)
			h := 1e-6 * math.Max(1, math.Abs(v))
			p.Set(i, j, v+h)
			up := l.Value(p, target)
			p.Set(i, j, v-h)
			down := l.Value(p, target)
			p.Set(i, j, v)
			g.Set(i, j, (up-down)/(2*h))
		}
	}
	return g
}

// lossClose reports whether got and want agree to a relative tolerance
// rel, with abs as the floor for values near zero.
func lossClose(got, want, rel, abs float64) bool {
	return math.Abs(got-want) <= rel*math.Max(math.Abs(got), math.Abs(want))+abs
}

// lossInputs draws a pred and target of shape r×c that suit the loss:
// probabilities, logits, labels or plain numbers, away from kinks so that
// finite differences are meaningful.
type lossInputs func(rng *rand.Rand, r, c int) (pred, target *mat.Dense)

func lossFill(r, c int, f func(i, j int) float64) *mat.Dense {
	m := mat.NewDense(r, c, nil)
	for i := range r {
		for j := range c {
			m.Set(i, j, f(i, j))
		}
	}
	return m
}

func realInputs(rng *rand.Rand, r, c int) (*mat.Dense, *mat.Dense) {
	return lossFill(r, c, func(int, int) float64 { return 3 * rng.NormFloat64() }),
		lossFill(r, c, func(int, int) float64 { return 3 * rng.NormFloat64() })
}

func positiveInputs(rng *rand.Rand, r, c int) (*mat.Dense, *mat.Dense) {
	return lossFill(r, c, func(int, int) float64 { return math.Exp(rng.NormFloat64()) - 0.5 }),
		lossFill(r, c, func(int, int) float64 { return math.Exp(rng.NormFloat64()) - 0.5 })
}

func probInputs(rng *rand.Rand, r, c int) (*mat.Dense, *mat.Dense) {
	return lossFill(r, c, func(int, int) float64 { return 0.05 + 0.9*rng.Float64() }),
		lossFill(r, c, func(int, int) float64 { return rng.Float64() })
}

func logitInputs(rng *rand.Rand, r, c int) (*mat.Dense, *mat.Dense) {
	return lossFill(r, c, func(int, int) float64 { return 3 * rng.NormFloat64() }),
		lossFill(r, c, func(int, int) float64 { return float64(rng.IntN(2)) })
}

// hingeInputs keeps every margin 1 − y·p at least 0.05 from the kink.
func hingeInputs(rng *rand.Rand, r, c int) (*mat.Dense, *mat.Dense) {
	target := lossFill(r, c, func(int, int) float64 { return float64(2*rng.IntN(2) - 1) })
	pred := lossFill(r, c, func(i, j int) float64 {
		for {
			p := 2 * rng.NormFloat64()
			if math.Abs(1-target.At(i, j)*p) > 0.05 {
				return p
			}
		}
	})
	return pred, target
}

// lossSoftmax returns the row-wise softmax of z, rows summing to 1.
func lossSoftmax(z *mat.Dense) *mat.Dense {
	p := mat.DenseCopyOf(z)
	for i := range p.RawMatrix().Rows {
		row := p.RawRowView(i)
		var s float64
		for j := range row {
			row[j] = math.Exp(row[j])
			s += row[j]
		}
		for j := range row {
			row[j] /= s
		}
	}
	return p
}

// lossSoftmaxRows returns softmax of random logits.
func lossSoftmaxRows(rng *rand.Rand, r, c int) *mat.Dense {
	return lossSoftmax(lossFill(r, c, func(int, int) float64 { return rng.NormFloat64() }))
}

func distInputs(rng *rand.Rand, r, c int) (*mat.Dense, *mat.Dense) {
	return lossSoftmaxRows(rng, r, c), lossSoftmaxRows(rng, r, c)
}

func logitDistInputs(rng *rand.Rand, r, c int) (*mat.Dense, *mat.Dense) {
	return lossFill(r, c, func(int, int) float64 { return 2 * rng.NormFloat64() }), lossSoftmaxRows(rng, r, c)
}

func sparseProbInputs(rng *rand.Rand, r, c int) (*mat.Dense, *mat.Dense) {
	return lossSoftmaxRows(rng, r, c), lossFill(r, 1, func(int, int) float64 { return float64(rng.IntN(c)) })
}

func sparseLogitInputs(rng *rand.Rand, r, c int) (*mat.Dense, *mat.Dense) {
	return lossFill(r, c, func(int, int) float64 { return 2 * rng.NormFloat64() }),
		lossFill(r, 1, func(int, int) float64 { return float64(rng.IntN(c)) })
}

// lossTestCases pairs every loss with inputs from its domain.
var lossTestCases = []struct {
	loss   Loss
	inputs lossInputs
}{
	{MSE{}, realInputs},
	{RMSE{}, realInputs},
	{MAE{}, realInputs},
	{MSLE{}, positiveInputs},
	{Huber{}, realInputs},
	{Huber{Delta: 2.5}, realInputs},
	{BCE{}, probInputs},
	{BCEWithLogits{}, logitInputs},
	{Hinge{}, hingeInputs},
	{SquaredHinge{}, hingeInputs},
	{CrossEntropy{}, distInputs},
	{CrossEntropyWithLogits{}, logitDistInputs},
	{SparseCrossEntropy{}, sparseProbInputs},
	{SparseCrossEntropyWithLogits{}, sparseLogitInputs},
	{KLDivergence{}, distInputs},
}

var lossTestShapes = [][2]int{{1, 1}, {1, 4}, {5, 1}, {3, 4}, {8, 10}}

func TestLossGradMatchesFiniteDifferences(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range lossTestCases {
		for _, shape := range lossTestShapes {
			if shape[1] == 1 && isMultiClass(tc.loss) {
				continue // one class: every probability is 1
			}
			pred, target := tc.inputs(rng, shape[0], shape[1])
			t.Run(fmt.Sprintf("%v/%dx%d", tc.loss, shape[0], shape[1]), func(t *testing.T) {
				checkLossGrad(t, tc.loss, pred, target)
			})
		}
	}
}

// checkLossGrad compares l.Grad with central finite differences of l.Value.
func checkLossGrad(t *testing.T, l Loss, pred, target *mat.Dense) {
	t.Helper()
	r, c := pred.Dims()
	got := mat.NewDense(r, c, nil)
	l.Grad(got, pred, target)
	want := lossNumericGrad(l, pred, target)
	for i := range r {
		for j := range c {
			g, w := got.At(i, j), want.At(i, j)
			if !lossClose(g, w, 1e-6, 1e-8) {
				t.Errorf("%v: grad[%d,%d] = %.12g, finite differences give %.12g", l, i, j, g, w)
			}
		}
	}
}

// lossEmbed returns a view of a copy of m inside a larger matrix filled
// with NaN: its stride differs from its column count, and any read outside
// the view makes a loss panic.
func lossEmbed(m *mat.Dense) *mat.Dense {
	r, c := m.Dims()
	big := mat.NewDense(r+2, c+3, nil)
	for i := range r + 2 {
		for j := range c + 3 {
			big.Set(i, j, math.NaN())
		}
	}
	view := big.Slice(1, r+1, 2, c+2).(*mat.Dense)
	view.Copy(m)
	return view
}

// Views whose stride differs from their column count must give the same
// results as compact matrices, and Grad must write only inside dst.
func TestLossStridedViews(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, tc := range lossTestCases {
		pred, target := tc.inputs(rng, 4, 5)
		vp, vt := lossEmbed(pred), lossEmbed(target)
		if got, want := tc.loss.Value(vp, vt), tc.loss.Value(pred, target); got != want {
			t.Errorf("%v: Value on views = %v, on compact matrices = %v", tc.loss, got, want)
		}
		dst := lossEmbed(mat.NewDense(4, 5, nil))
		tc.loss.Grad(dst, vp, vt)
		want := mat.NewDense(4, 5, nil)
		tc.loss.Grad(want, pred, target)
		if !mat.Equal(dst, want) {
			t.Errorf("%v: Grad on views:\n%v\nwant\n%v", tc.loss, mat.Formatted(dst), mat.Formatted(want))
		}
		raw := dst.RawMatrix()
		outside := raw.Data[raw.Stride*4 : raw.Stride*4+5] // the row below the view
		for _, v := range append(outside, raw.Data[5:raw.Stride]...) {
			if !math.IsNaN(v) {
				t.Errorf("%v: Grad wrote outside dst", tc.loss)
				break
			}
		}
	}
}

func isSparseLoss(l Loss) bool {
	switch l.(type) {
	case SparseCrossEntropy, SparseCrossEntropyWithLogits:
		return true
	}
	return false
}

// isMultiClass reports whether l scores rows of classes.
func isMultiClass(l Loss) bool {
	switch l.(type) {
	case CrossEntropy, CrossEntropyWithLogits, KLDivergence:
		return true
	}
	return isSparseLoss(l)
}

func TestLossGradDoesNotAllocate(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, tc := range lossTestCases {
		pred, target := tc.inputs(rng, 16, 5)
		dst := mat.NewDense(16, 5, nil)
		allocs := testing.AllocsPerRun(20, func() {
			tc.loss.Value(pred, target)
			tc.loss.Grad(dst, pred, target)
		})
		if allocs != 0 {
			t.Errorf("%v: Value+Grad allocate %v times per call", tc.loss, allocs)
		}
	}
}

// The losses are related; each pair below must agree.
func TestLossIdentities(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	const r, c = 5, 4
	z, y := logitDistInputs(rng, r, c)
	p := lossSoftmax(z)
	labels := lossFill(r, 1, func(int, int) float64 { return float64(rng.IntN(c)) })
	onehot := lossFill(r, c, func(i, j int) float64 {
		if float64(j) == labels.At(i, 0) {
			return 1
		}
		return 0
	})
	sig := lossFill(r, c, func(i, j int) float64 { return 1 / (1 + math.Exp(-z.At(i, j))) })
	y01 := lossFill(r, c, func(int, int) float64 { return float64(rng.IntN(2)) })
	ypm := lossFill(r, c, func(i, j int) float64 { return 2*y01.At(i, j) - 1 })
	var entropy float64
	for i := range r {
		for j := range c {
			if v := y.At(i, j); v > 0 {
				entropy -= v * math.Log(v) / r
			}
		}
	}
	huge := Huber{Delta: 1e6}
	for _, tc := range []struct {
		name      string
		got, want float64
	}{
		{"CrossEntropyWithLogits(z) = CrossEntropy(softmax z)",
			CrossEntropyWithLogits{}.Value(z, y), CrossEntropy{}.Value(p, y)},
		{"Sparse = dense with one-hot (probabilities)",
			SparseCrossEntropy{}.Value(p, labels), CrossEntropy{}.Value(p, onehot)},
		{"Sparse = dense with one-hot (logits)",
			SparseCrossEntropyWithLogits{}.Value(z, labels), CrossEntropyWithLogits{}.Value(z, onehot)},
		{"KL = CrossEntropy − entropy(y)",
			KLDivergence{}.Value(p, y), CrossEntropy{}.Value(p, y) - entropy},
		{"KL with one-hot target = CrossEntropy",
			KLDivergence{}.Value(p, onehot), CrossEntropy{}.Value(p, onehot)},
		{"BCEWithLogits(z) = BCE(sigmoid z)",
			BCEWithLogits{}.Value(z, y01), BCE{}.Value(sig, y01)},
		{"Hinge reads 0/1 labels as -1/1",
			Hinge{}.Value(z, y01), Hinge{}.Value(z, ypm)},
		{"SquaredHinge reads 0/1 labels as -1/1",
			SquaredHinge{}.Value(z, y01), SquaredHinge{}.Value(z, ypm)},
		{"RMSE² = MSE", math.Pow(RMSE{}.Value(z, y), 2), MSE{}.Value(z, y)},
		{"Huber with a huge delta = MSE/2", huge.Value(z, y), MSE{}.Value(z, y) / 2},
	} {
		if !lossClose(tc.got, tc.want, 1e-12, 1e-15) {
			t.Errorf("%s: %v vs %v", tc.name, tc.got, tc.want)
		}
	}
}

// At zero error RMSE's gradient formula is 0/0; Grad returns the
// subgradient 0.
func TestRMSEGradAtZeroError(t *testing.T) {
	p := lossDense([][]float64{{1, -2}, {3.5, 0.25}})
	dst := lossDense([][]float64{{9, 9}, {9, 9}})
	RMSE{}.Grad(dst, p, p)
	if !mat.Equal(dst, mat.NewDense(2, 2, nil)) {
		t.Errorf("RMSE.Grad at zero error = %v, want zeros", mat.Formatted(dst))
	}
	if v := (RMSE{}).Value(p, p); v != 0 {
		t.Errorf("RMSE.Value at zero error = %v, want 0", v)
	}
}

func TestLossesList(t *testing.T) {
	seen := map[string]bool{}
	for _, info := range Losses() {
		if info.Loss == nil || info.Formula == "" || info.Pred == "" || info.Target == "" || info.Task == "" {
			t.Errorf("incomplete entry %+v", info)
			continue
		}
		if got := fmt.Sprint(info.Loss); got != info.Name {
			t.Errorf("entry %q: its loss prints as %q", info.Name, got)
		}
		if seen[info.Name] {
			t.Errorf("%q listed twice", info.Name)
		}
		seen[info.Name] = true
	}
	for _, tc := range lossTestCases {
		if !seen[fmt.Sprint(tc.loss)] {
			t.Errorf("%v is missing from Losses()", tc.loss)
		}
	}
}

// lossPanicMessage returns the message f panics with, or "" if it returns.
func lossPanicMessage(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}

func TestLossPanics(t *testing.T) {
	m := func(rows ...[]float64) *mat.Dense { return lossDense(rows) }
	col := func(v ...float64) *mat.Dense { return mat.NewDense(len(v), 1, v) }
	nan, inf := math.NaN(), math.Inf(1)
	for _, tc := range []struct {
		loss         Loss
		pred, target *mat.Dense
		want         []string // substrings of the message
	}{
		{MSE{}, nil, col(1), []string{"pred is nil"}},
		{MSE{}, col(1), nil, []string{"target is nil"}},
		{MSE{}, &mat.Dense{}, &mat.Dense{}, []string{"empty batch", "0×0"}},
		{MSE{}, col(1, 2, 3), m([]float64{1, 2}, []float64{3, 4}, []float64{5, 6}), []string{"shape mismatch", "3×1", "3×2"}},
		{MSE{}, col(1, nan), col(1, 2), []string{"pred[1,0] is NaN"}},
		{MAE{}, col(1, 2), col(inf, 2), []string{"target[0,0] is +Inf"}},
		{RMSE{}, col(1, 2), col(1, nan), []string{"target[1,0] is NaN"}},
		{Huber{Delta: -1}, col(1), col(1), []string{"Delta = -1"}},
		{MSLE{}, col(0.5, -1), col(1, 2), []string{"pred[1,0] = -1", "greater than -1"}},
		{MSLE{}, col(0.5, 1), col(-3, 2), []string{"target[0,0] = -3"}},
		{BCE{}, col(0.5, 1.5), col(0, 1), []string{"pred[1,0] = 1.5", "[0, 1]"}},
		{BCE{}, col(0.5, 0.5), col(0, -1), []string{"target[1,0] = -1", "[0, 1]"}},
		{BCE{}, col(nan), col(1), []string{"pred[0,0] is NaN"}},
		{BCEWithLogits{}, col(3, -2), col(0, 2), []string{"target[1,0] = 2"}},
		{BCEWithLogits{}, col(3, -inf), col(0, 1), []string{"pred[1,0] is -Inf"}},
		{Hinge{}, col(0.3, 1), col(1, 2), []string{"target[1,0] = 2", "-1, 0 or 1"}},
		{SquaredHinge{}, col(0.3, 1), col(1, 0.5), []string{"target[1,0] = 0.5"}},
		{CrossEntropy{}, m([]float64{0.5, 0.4}), m([]float64{1, 0}), []string{"pred row 0 sums to 0.9", "softmax"}},
		{CrossEntropy{}, m([]float64{2, -1}), m([]float64{1, 0}), []string{"pred[0,0] = 2"}},
		{CrossEntropy{}, m([]float64{0.5, 0.5}), m([]float64{0, 0}), []string{"target row 0 sums to 0", "one-hot"}},
		{CrossEntropy{}, m([]float64{0.5, 0.5}), col(1), []string{"shape mismatch", "1×2", "1×1"}},
		{KLDivergence{}, m([]float64{0.5, 0.5}), m([]float64{0.2, nan}), []string{"target[0,1] is NaN"}},
		{CrossEntropyWithLogits{}, m([]float64{3, nan}), m([]float64{1, 0}), []string{"pred[0,1] is NaN"}},
		{CrossEntropyWithLogits{}, m([]float64{3, 1}), m([]float64{1, 1}), []string{"target row 0 sums to 2"}},
		{SparseCrossEntropy{}, m([]float64{0.5, 0.5}, []float64{1, 0}), col(0, 2), []string{"target row 1 holds label 2", "[0, 2)"}},
		{SparseCrossEntropy{}, m([]float64{0.5, 0.5}, []float64{1, 0}), col(0.5, 1), []string{"target row 0 holds label 0.5", "integer"}},
		{SparseCrossEntropy{}, m([]float64{0.5, 0.6}), col(0), []string{"pred row 0 sums to 1.1"}},
		{SparseCrossEntropyWithLogits{}, m([]float64{1, 2}), col(-1), []string{"target row 0 holds label -1"}},
		{SparseCrossEntropyWithLogits{}, m([]float64{1, 2}), col(nan), []string{"label NaN"}},
		{SparseCrossEntropyWithLogits{}, m([]float64{1, 2}), m([]float64{0, 1}), []string{"one column", "1×2"}},
		{SparseCrossEntropyWithLogits{}, m([]float64{1, 2}), col(0, 1), []string{"row count mismatch", "1×2", "2×1"}},
		{SparseCrossEntropyWithLogits{}, &mat.Dense{}, col(0), []string{"empty batch"}},
	} {
		name := fmt.Sprint(tc.loss)
		check := func(method string, f func()) {
			msg := lossPanicMessage(f)
			if !strings.HasPrefix(msg, "backprop: "+name+":") {
				t.Errorf("%s.%s: panic %q, want prefix %q", name, method, msg, "backprop: "+name+":")
				return
			}
			for _, w := range tc.want {
				if !strings.Contains(msg, w) {
					t.Errorf("%s.%s: panic %q does not mention %q", name, method, msg, w)
				}
			}
		}
		check("Value", func() { tc.loss.Value(tc.pred, tc.target) })
		check("Grad", func() {
			dst := &mat.Dense{}
			if tc.pred != nil && !tc.pred.IsEmpty() {
				dst = mat.NewDense(tc.pred.RawMatrix().Rows, tc.pred.RawMatrix().Cols, nil)
			}
			tc.loss.Grad(dst, tc.pred, tc.target)
		})
	}
}

func TestLossGradPanicsOnDst(t *testing.T) {
	pred := mat.NewDense(3, 2, []float64{0.5, 0.5, 0.5, 0.5, 0.5, 0.5})
	target := mat.NewDense(3, 2, []float64{1, 0, 0, 1, 1, 0})
	labels := mat.NewDense(3, 1, []float64{0, 1, 0})
	for _, tc := range lossTestCases {
		target := target
		if isSparseLoss(tc.loss) {
			target = labels
		}
		name := fmt.Sprint(tc.loss)
		msg := lossPanicMessage(func() { tc.loss.Grad(mat.NewDense(2, 3, nil), pred, target) })
		if !strings.HasPrefix(msg, "backprop: "+name+": dst vs pred: shape mismatch: 2×3 vs 3×2") {
			t.Errorf("%s.Grad with a 2×3 dst: panic %q", name, msg)
		}
		msg = lossPanicMessage(func() { tc.loss.Grad(nil, pred, target) })
		if msg != "backprop: "+name+": dst is nil" {
			t.Errorf("%s.Grad with a nil dst: panic %q", name, msg)
		}
	}
}

// The package's own gradient check (what the notebooks call) never calls a
// loss's gradient wrong. (Its "fine" threshold, 1e-7, is below what finite
// differences resolve for −y/p at small p or for tiny gradient entries;
// TestLossGradMatchesFiniteDifferences holds every loss to 1e-6.)
func TestGradCheckOnEveryLoss(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, tc := range lossTestCases {
		pred, target := tc.inputs(rng, 3, 4)
		if res := CheckLoss(tc.loss, pred, target); res.Verdict() == "wrong" {
			t.Errorf("%v: %v", tc.loss, res)
		}
	}
}

// A probability loss after its activation layer gives the same gradient
// with respect to the logits as the WithLogits loss: softmax − y and
// sigmoid − y, divided by the batch.
func TestLossThroughActivation(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, tc := range []struct {
		act           Layer
		probs, logits Loss
		inputs        lossInputs
	}{
		{&Softmax{}, CrossEntropy{}, CrossEntropyWithLogits{}, logitDistInputs},
		{&Softmax{}, KLDivergence{}, CrossEntropyWithLogits{}, logitDistInputs},
		{&Softmax{}, SparseCrossEntropy{}, SparseCrossEntropyWithLogits{}, sparseLogitInputs},
		{&Sigmoid{}, BCE{}, BCEWithLogits{}, logitInputs},
	} {
		z, y := tc.inputs(rng, 6, 4)
		p := tc.act.Forward(z)
		gp := mat.NewDense(6, 4, nil)
		tc.probs.Grad(gp, p, y)
		got := tc.act.Backward(gp)
		want := mat.NewDense(6, 4, nil)
		tc.logits.Grad(want, z, y)
		if !mat.EqualApprox(got, want, 1e-12) {
			t.Errorf("%v through %v: gradient\n%v\nwant (%v)\n%v", tc.probs, tc.act,
				mat.Formatted(got), tc.logits, mat.Formatted(want))
		}
	}
}
