package backprop

import (
	"math"
	"math/rand/v2"
	"testing"
)

// linearRegressionStep returns a training step for y = x·w + 0.1·noise
// with five standard normal features, mini-batches of 16 fresh examples
// and a hand-written gradient of the mean squared error, starting at w = 0.
// Gradient descent on it is stable for rates below about 2/λ_max of the
// features' second-moment matrix, that is below about 1.
func linearRegressionStep(seed uint64) (step func(lr float64) float64, w []float64) {
	rng := rand.New(rand.NewPCG(seed, 1))
	trueW := []float64{1.5, -2, 0.5, 3, -1}
	w = make([]float64, len(trueW))
	x := make([]float64, len(trueW))
	grad := make([]float64, len(trueW))
	step = func(lr float64) float64 {
		const batch = 16
		clear(grad)
		loss := 0.0
		for n := 0; n < batch; n++ {
			y, pred := 0.1*rng.NormFloat64(), 0.0
			for j := range x {
				x[j] = rng.NormFloat64()
				y += x[j] * trueW[j]
				pred += x[j] * w[j]
			}
			r := pred - y
			loss += r * r / batch
			for j := range x {
				grad[j] += 2 * r * x[j] / batch
			}
		}
		for j := range w {
			w[j] -= lr * grad[j]
		}
		return loss
	}
	return step, w
}

func TestLRRangeTestLinearRegression(t *testing.T) {
	for seed := uint64(1); seed <= 5; seed++ {
		step, _ := linearRegressionStep(seed)
		checkLRRange(t, LRRangeTest(LRRangeConfig{}, step))
	}
}

func checkLRRange(t *testing.T, res LRRangeResult) {
	t.Helper()
	if !res.Diverged {
		t.Errorf("the ramp up to 10 did not diverge (last smoothed loss %v)", res.Smoothed[len(res.Smoothed)-1])
	}
	n := len(res.Rates)
	if len(res.Losses) != n || len(res.Smoothed) != n || n < 50 || n > 100 {
		t.Fatalf("%d rates, %d losses, %d smoothed: want equal counts between 50 and 100", n, len(res.Losses), len(res.Smoothed))
	}
	if res.Rates[0] != 1e-7 || math.Abs(res.Rates[1]/res.Rates[0]-math.Pow(1e8, 1.0/99)) > 1e-12 {
		t.Errorf("ramp starts %v, %v: want 1e-7 growing by 1e8^(1/99)", res.Rates[0], res.Rates[1])
	}
	// For this problem plain gradient descent works well from about 0.01
	// to 0.5 and diverges beyond 1.
	if !(res.Suggested >= 0.01 && res.Suggested <= 0.5) {
		t.Errorf("suggested rate %v, want within [0.01, 0.5]", res.Suggested)
	}
	if !(res.Steepest >= 0.01 && res.Steepest <= 1) {
		t.Errorf("steepest-descent rate %v, want within [0.01, 1]", res.Steepest)
	}
	t.Logf("%d steps, suggested %.3g, steepest %.3g, min loss at %.3g, stopped at %.3g", n, res.Suggested, res.Steepest, res.MinLoss, res.Rates[n-1])

	// Training afresh at either rate must fit the data.
	for _, lr := range []float64{res.Suggested, res.Steepest} {
		train, w := linearRegressionStep(99)
		for i := 0; i < 300; i++ {
			train(lr)
		}
		if loss := train(0); loss > 0.05 {
			t.Errorf("300 steps at rate %.3g leave loss %.3g (w = %.3f), want < 0.05", lr, loss, w)
		}
	}
}

func TestLRRangeTestStopsOnNaN(t *testing.T) {
	calls := 0
	res := LRRangeTest(LRRangeConfig{MinLR: 1e-3, MaxLR: 1, Steps: 10, Smoothing: -1}, func(lr float64) float64 {
		calls++
		if calls == 4 {
			return math.NaN()
		}
		return 1 / float64(calls)
	})
	if calls != 4 || !res.Diverged || len(res.Losses) != 4 {
		t.Fatalf("%d calls, diverged %v, %d losses: want a stop at the NaN, the 4th", calls, res.Diverged, len(res.Losses))
	}
	// Without smoothing the loss is 1, 1/2, 1/3: lowest at the third rate.
	if res.MinLoss != res.Rates[2] || res.Suggested != res.MinLoss/10 {
		t.Errorf("min loss at %v, suggested %v: want rates[2] = %v and a tenth of it", res.MinLoss, res.Suggested, res.Rates[2])
	}
}

func TestLRRangeTestNeverFalls(t *testing.T) {
	res := LRRangeTest(LRRangeConfig{Steps: 20}, func(lr float64) float64 { return 1 + lr })
	if res.Steepest != 0 || res.MinLoss != res.Rates[0] || res.Diverged {
		t.Errorf("rising loss: steepest %v, min loss %v, diverged %v: want 0, %v, false", res.Steepest, res.MinLoss, res.Diverged, res.Rates[0])
	}
	res = LRRangeTest(LRRangeConfig{Steps: 5}, func(float64) float64 { return math.Inf(1) })
	if res.Suggested != 0 || res.Steepest != 0 || res.MinLoss != 0 || !res.Diverged || len(res.Losses) != 1 {
		t.Errorf("infinite first loss: %+v, want one step, diverged, no rates", res)
	}
}

func TestLRRangeTestPanics(t *testing.T) {
	nop := func(float64) float64 { return 0 }
	for _, tc := range []struct {
		name string
		f    func()
		want string
	}{
		{"nil step", func() { LRRangeTest(LRRangeConfig{}, nil) }, "step function is nil"},
		{"rates out of order", func() { LRRangeTest(LRRangeConfig{MinLR: 1, MaxLR: 0.1}, nop) }, "MinLR 1, MaxLR 0.1"},
		{"negative min", func() { LRRangeTest(LRRangeConfig{MinLR: -1}, nop) }, "MinLR -1"},
		{"one step", func() { LRRangeTest(LRRangeConfig{Steps: 1}, nop) }, "Steps = 1"},
		{"smoothing 1", func() { LRRangeTest(LRRangeConfig{Smoothing: 1}, nop) }, "Smoothing = 1"},
		{"diverge factor 1", func() { LRRangeTest(LRRangeConfig{DivergeFactor: 1}, nop) }, "DivergeFactor = 1"},
	} {
		t.Run(tc.name, func(t *testing.T) { mustPanic(t, tc.f, tc.want) })
	}
}
