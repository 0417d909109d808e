package backprop

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"testing"
)

// scheduleCase is one case of testdata/golden_schedules.json.
type scheduleCase struct {
	Schedule string          `json:"schedule"`
	Args     []float64       `json:"args"`
	Config   json.RawMessage `json:"config"`
	Inner    *scheduleCase   `json:"inner"`
	Rates    []float64       `json:"rates"`
}

// build makes the Go schedule the case describes.
func (c *scheduleCase) build(t *testing.T) Schedule {
	t.Helper()
	a := c.Args
	decode := func(v any) {
		dec := json.NewDecoder(bytes.NewReader(c.Config))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			t.Fatalf("%s config %s: %v", c.Schedule, c.Config, err)
		}
	}
	switch c.Schedule {
	case "StepDecay":
		return StepDecay(a[0], int(a[1]), a[2])
	case "Exponential":
		return Exponential(a[0], a[1])
	case "CosineAnnealing":
		return CosineAnnealing(a[0], a[1], int(a[2]), int(a[3]))
	case "CosineWave":
		return CosineWave(a[0], a[1], int(a[2]))
	case "Cyclical":
		var cfg CyclicalConfig
		decode(&cfg)
		return Cyclical(cfg)
	case "OneCycle":
		var cfg OneCycleConfig
		decode(&cfg)
		return OneCycle(cfg)
	case "WarmUp":
		return WarmUp(int(a[0]), c.Inner.build(t))
	}
	t.Fatalf("unknown schedule %q", c.Schedule)
	return nil
}

func TestSchedulesMatchTorch(t *testing.T) {
	data, err := os.ReadFile("testdata/golden_schedules.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Torch string         `json:"torch"`
		Cases []scheduleCase `json:"cases"`
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	worst, n := 0.0, 0
	for i, tc := range gold.Cases {
		sched := tc.build(t)
		for step, want := range tc.Rates {
			got := sched(step)
			e := math.Abs(got-want) / math.Max(math.Abs(want), 1e-300)
			if want == 0 {
				e = math.Abs(got)
			}
			worst = math.Max(worst, e)
			n++
			// torch computes some schedules recursively (lr·γ·γ·…), so
			// rounding differs from the closed form by a few ulps per step.
			if !(e < 1e-12) {
				t.Errorf("case %d %s %v %s: step %d: got %.17g, torch %.17g", i, tc.Schedule, tc.Args, tc.Config, step, got, want)
				break
			}
		}
	}
	t.Logf("%d rates of %d schedules against torch %s: largest relative error %.3g", n, len(gold.Cases), gold.Torch, worst)
}

// runScheduleTests checks a schedule against rates worked out by hand.
func runScheduleTests(t *testing.T, name string, sched Schedule, want map[int]float64) {
	t.Helper()
	for step, w := range want {
		if got := sched(step); math.Abs(got-w) > 1e-15*math.Max(1, math.Abs(w)) {
			t.Errorf("%s(%d) = %.17g, want %.17g", name, step, got, w)
		}
	}
}

func TestSchedulesByHand(t *testing.T) {
	runScheduleTests(t, "Constant", Constant(0.1), map[int]float64{0: 0.1, 1: 0.1, 1000: 0.1})
	runScheduleTests(t, "InverseTime", InverseTime(0.1, 0.5), map[int]float64{0: 0.1, 1: 0.1 / 1.5, 2: 0.05, 18: 0.01})
	runScheduleTests(t, "StepDecay", StepDecay(1, 10, 0.1), map[int]float64{0: 1, 9: 1, 10: 0.1, 19: 0.1, 20: 0.1 * 0.1})
	runScheduleTests(t, "Exponential", Exponential(2, 0.5), map[int]float64{0: 2, 1: 1, 3: 0.25})
	runScheduleTests(t, "CosineAnnealing", CosineAnnealing(1, 0, 4, 1), map[int]float64{0: 1, 2: 0.5, 4: 1, 6: 0.5})
	// mult = 0: no restart, the minimum is held.
	runScheduleTests(t, "CosineAnnealing/no restart", CosineAnnealing(1, 0.1, 4, 0), map[int]float64{0: 1, 2: 0.55, 4: 0.1, 100: 0.1})
	// CosineWave: the same descent, then back up, with period 2·period.
	runScheduleTests(t, "CosineWave", CosineWave(1, 0.1, 4), map[int]float64{0: 1, 2: 0.55, 4: 0.1, 6: 0.55, 8: 1, 12: 0.1, 4_000_000_002: 0.55})
	// mult = 2: periods of 2, 4, 8 start at steps 0, 2, 6, 14.
	runScheduleTests(t, "CosineAnnealing/mult 2", CosineAnnealing(1, 0, 2, 2), map[int]float64{0: 1, 1: 0.5, 2: 1, 4: 0.5, 6: 1, 10: 0.5, 14: 1})
	// The default step size is 2000 up and 2000 down.
	runScheduleTests(t, "Cyclical/default", Cyclical(CyclicalConfig{BaseLR: 0.1, MaxLR: 1}), map[int]float64{0: 0.1, 1000: 0.55, 2000: 1, 4000: 0.1, 6000: 1})
	// Past the last step, OneCycle holds its final rate 1/25/1e4.
	oc := OneCycle(OneCycleConfig{MaxLR: 1, TotalSteps: 100})
	runScheduleTests(t, "OneCycle", oc, map[int]float64{0: 0.04, 99: 4e-6, 100: 4e-6, 5000: 4e-6})
	runScheduleTests(t, "WarmUp", WarmUp(3, Constant(0.4)), map[int]float64{0: 0.1, 1: 0.2, 2: 0.3, 3: 0.4, 50: 0.4})
	runScheduleTests(t, "WarmUp/0", WarmUp(0, Exponential(1, 0.5)), map[int]float64{0: 1, 1: 0.5})
}

// Schedules are pure: a rate does not depend on which steps were asked
// for before.
func TestSchedulesArePure(t *testing.T) {
	for name, sched := range map[string]Schedule{
		"CosineAnnealing": CosineAnnealing(0.1, 0.001, 3, 2),
		"CosineWave":      CosineWave(0.1, 0.001, 3),
		"Cyclical":        Cyclical(CyclicalConfig{BaseLR: 0.01, MaxLR: 0.1, StepSizeUp: 3, Mode: CyclicTriangular2}),
		"OneCycle":        OneCycle(OneCycleConfig{MaxLR: 0.1, TotalSteps: 30, ThreePhase: true}),
		"WarmUp":          WarmUp(4, StepDecay(0.1, 3, 0.5)),
	} {
		forward := make([]float64, 40)
		for s := range forward {
			forward[s] = sched(s)
		}
		for s := len(forward) - 1; s >= 0; s -= 3 {
			if got := sched(s); got != forward[s] {
				t.Errorf("%s(%d): %v asked backwards, %v forwards", name, s, got, forward[s])
			}
		}
	}
}

func TestSchedulePanics(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func()
		want string
	}{
		{"negative step", func() { Exponential(0.1, 0.9)(-1) }, "negative step -1"},
		{"negative rate", func() { Constant(-0.1) }, "lr0 = -0.1"},
		{"NaN rate", func() { InverseTime(math.NaN(), 1) }, "lr0 = NaN"},
		{"infinite rate", func() { Constant(math.Inf(1)) }, "lr0 = +Inf"},
		{"step decay every 0", func() { StepDecay(0.1, 0, 0.5) }, "every = 0"},
		{"step decay gamma 0", func() { StepDecay(0.1, 5, 0) }, "gamma = 0"},
		{"exponential negative gamma", func() { Exponential(0.1, -0.5) }, "gamma = -0.5"},
		{"inverse time negative k", func() { InverseTime(0.1, -1) }, "k = -1"},
		{"cosine min above max", func() { CosineAnnealing(0.1, 0.2, 10, 1) }, "minLR 0.2 > maxLR 0.1"},
		{"cosine period 0", func() { CosineAnnealing(0.1, 0, 0, 1) }, "period = 0"},
		{"cosine negative mult", func() { CosineAnnealing(0.1, 0, 5, -1) }, "mult = -1"},
		{"cosine wave min above max", func() { CosineWave(0.1, 0.2, 10) }, "CosineWave: minLR 0.2 > maxLR 0.1"},
		{"cosine wave period 0", func() { CosineWave(0.1, 0, 0) }, "period = 0"},
		{"cosine wave negative step", func() { CosineWave(0.1, 0, 3)(-2) }, "CosineWave schedule: negative step -2"},
		{"cyclical base above max", func() { Cyclical(CyclicalConfig{BaseLR: 1, MaxLR: 0.1}) }, "BaseLR 1 > MaxLR 0.1"},
		{"cyclical negative step size", func() { Cyclical(CyclicalConfig{MaxLR: 1, StepSizeUp: -2}) }, "-2 up"},
		{"cyclical gamma above 1", func() { Cyclical(CyclicalConfig{MaxLR: 1, Gamma: 2}) }, "Gamma = 2"},
		{"cyclical unknown mode", func() { Cyclical(CyclicalConfig{MaxLR: 1, Mode: 7}) }, "CyclicMode(7)"},
		{"cyclical zero config", func() { Cyclical(CyclicalConfig{}) }, "MaxLR = 0"},
		{"one cycle no rate", func() { OneCycle(OneCycleConfig{TotalSteps: 100}) }, "MaxLR = 0"},
		{"one cycle no steps", func() { OneCycle(OneCycleConfig{MaxLR: 1}) }, "TotalSteps = 0"},
		{"one cycle pct 1", func() { OneCycle(OneCycleConfig{MaxLR: 1, TotalSteps: 10, PctStart: 1}) }, "PctStart = 1"},
		{"one cycle too short", func() { OneCycle(OneCycleConfig{MaxLR: 1, TotalSteps: 3}) }, "phase without steps"},
		{"one cycle three phases too long", func() { OneCycle(OneCycleConfig{MaxLR: 1, TotalSteps: 10, PctStart: 0.6, ThreePhase: true}) }, "phase without steps"},
		{"warm-up negative", func() { WarmUp(-1, Constant(1)) }, "steps = -1"},
		{"warm-up nil", func() { WarmUp(3, nil) }, "inner schedule is nil"},
	} {
		t.Run(tc.name, func(t *testing.T) { mustPanic(t, tc.f, tc.want) })
	}
}

// Over many settings, the cyclical schedules stay within their bounds and
// reach them: Cyclical between BaseLR and MaxLR (peaking at MaxLR unless
// exp_range shrinks it), OneCycle between its final rate and MaxLR.
func TestScheduleBounds(t *testing.T) {
	for up := 1; up <= 7; up += 3 {
		for down := 0; down <= 8; down += 4 {
			for mode := CyclicTriangular; mode <= CyclicExpRange; mode++ {
				cfg := CyclicalConfig{BaseLR: 0.01, MaxLR: 0.2, StepSizeUp: up, StepSizeDown: down, Mode: mode, Gamma: 0.99}
				s, peak := Cyclical(cfg), 0.0
				for step := 0; step < 100; step++ {
					lr := s(step)
					if lr < cfg.BaseLR-1e-15 || lr > cfg.MaxLR+1e-15 {
						t.Fatalf("%+v: step %d: rate %v outside [%v, %v]", cfg, step, lr, cfg.BaseLR, cfg.MaxLR)
					}
					peak = math.Max(peak, lr)
				}
				if mode != CyclicExpRange && math.Abs(peak-cfg.MaxLR) > 1e-12 {
					t.Errorf("%+v: peak %v, want MaxLR %v", cfg, peak, cfg.MaxLR)
				}
			}
		}
	}
	for total := 10; total <= 200; total += 19 {
		for _, pct := range []float64{0.15, 0.3, 0.45} {
			for _, three := range []bool{false, true} {
				cfg := OneCycleConfig{MaxLR: 2, TotalSteps: total, PctStart: pct, ThreePhase: three}
				s, peak, final := OneCycle(cfg), 0.0, 2.0/25/1e4
				for step := 0; step < total; step++ {
					lr := s(step)
					if lr < final-1e-15 || lr > cfg.MaxLR+1e-15 {
						t.Fatalf("%+v: step %d: rate %v outside [%v, %v]", cfg, step, lr, final, cfg.MaxLR)
					}
					peak = math.Max(peak, lr)
				}
				// The peak falls between two steps when p·T is not whole,
				// and is missed entirely when the warm-up is that short.
				if pct*float64(total) >= 3 && peak < 0.9*cfg.MaxLR {
					t.Errorf("%+v: peak %v, want near MaxLR %v", cfg, peak, cfg.MaxLR)
				}
				if got := s(total - 1); math.Abs(got-final) > 1e-15 {
					t.Errorf("%+v: last rate %v, want %v", cfg, got, final)
				}
			}
		}
	}
}
