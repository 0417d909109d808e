package backprop

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"testing"
)

func TestReduceLROnPlateauMatchesTorch(t *testing.T) {
	data, err := os.ReadFile("testdata/golden_schedules.json")
	if err != nil {
		t.Fatal(err)
	}
	var gold struct {
		Plateau []struct {
			LR      float64         `json:"lr"`
			Config  json.RawMessage `json:"config"`
			Metrics []float64       `json:"metrics"`
			Rates   []float64       `json:"rates"`
		} `json:"plateau"`
	}
	if err := json.Unmarshal(data, &gold); err != nil {
		t.Fatal(err)
	}
	if len(gold.Plateau) == 0 {
		t.Fatal("no plateau cases in golden_schedules.json")
	}
	for i, tc := range gold.Plateau {
		var cfg PlateauConfig
		dec := json.NewDecoder(bytes.NewReader(tc.Config))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&cfg); err != nil {
			t.Fatalf("case %d: config %s: %v", i, tc.Config, err)
		}
		p := NewReduceLROnPlateau(tc.LR, cfg)
		for epoch, m := range tc.Metrics {
			got := p.Step(m)
			if want := tc.Rates[epoch]; math.Abs(got-want) > 1e-15*want {
				t.Errorf("case %d %s: epoch %d: lr %.17g, torch %.17g", i, tc.Config, epoch, got, want)
				break
			}
			if p.LR() != got {
				t.Fatalf("LR() = %v after Step returned %v", p.LR(), got)
			}
		}
	}
}

func TestReduceLROnPlateauNaN(t *testing.T) {
	p := NewReduceLROnPlateau(1, PlateauConfig{Patience: 1})
	p.Step(0.5)
	if lr := p.Step(math.NaN()); lr != 1 {
		t.Fatalf("after one NaN: lr %v, want 1 (patience 1)", lr)
	}
	if lr := p.Step(math.NaN()); lr != 0.1 {
		t.Fatalf("after two NaNs: lr %v, want 0.1", lr)
	}
	if p.Best() != 0.5 {
		t.Errorf("best %v, want 0.5: NaN must not become the best", p.Best())
	}
}

func TestReduceLROnPlateauDefaults(t *testing.T) {
	want := PlateauConfig{Factor: 0.1, Patience: 10, Threshold: 1e-4, Eps: 1e-8}
	if got := NewReduceLROnPlateau(0.1, PlateauConfig{}).Config(); got != want {
		t.Errorf("defaults %+v, want %+v", got, want)
	}
	got := NewReduceLROnPlateau(0.1, PlateauConfig{Patience: -1, Threshold: -1}).Config()
	if got.Patience != 0 || got.Threshold != 0 {
		t.Errorf("negative Patience and Threshold give %d and %v, want 0 and 0", got.Patience, got.Threshold)
	}
	if b := NewReduceLROnPlateau(0.1, PlateauConfig{Mode: PlateauMax}).Best(); !math.IsInf(b, -1) {
		t.Errorf("PlateauMax starts with best %v, want -Inf", b)
	}
}

func TestReduceLROnPlateauPanics(t *testing.T) {
	for _, tc := range []struct {
		name string
		f    func()
		want string
	}{
		{"negative lr", func() { NewReduceLROnPlateau(-1, PlateauConfig{}) }, "lr = -1"},
		{"factor 1", func() { NewReduceLROnPlateau(1, PlateauConfig{Factor: 1}) }, "Factor = 1"},
		{"negative min", func() { NewReduceLROnPlateau(1, PlateauConfig{MinLR: -1}) }, "MinLR = -1"},
		{"negative cooldown", func() { NewReduceLROnPlateau(1, PlateauConfig{Cooldown: -2}) }, "Cooldown = -2"},
		{"unknown mode", func() { NewReduceLROnPlateau(1, PlateauConfig{Mode: 2}) }, "unknown Mode 2"},
		{"unknown threshold mode", func() { NewReduceLROnPlateau(1, PlateauConfig{ThresholdMode: 5}) }, "unknown ThresholdMode 5"},
	} {
		t.Run(tc.name, func(t *testing.T) { mustPanic(t, tc.f, tc.want) })
	}
}
