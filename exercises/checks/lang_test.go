package checks_test

import (
	"strings"
	"testing"

	"github.com/deepdive-dl/backprop/exercises/checks"
)

// TestIndonesianTables: the Indonesian edition's notebooks (GoNB's
// GONB_DIR ending in /id) and BACKPROP_LANG=id get the check tables and
// the hint in Bahasa Indonesia; BACKPROP_LANG=en wins over the directory.
func TestIndonesianTables(t *testing.T) {
	wrong := func(pred, target []float64) float64 { return 0 }
	for _, env := range []struct{ lang, dir, want, notWant string }{
		{"id", "", "pemeriksaan publik lolos", "public checks passed"},
		{"", "/home/a/course/notebooks/id", "Petunjuk:", "Hint:"},
		{"", "/home/a/course/notebooks", "public checks passed", "lolos"},
		{"en", "/home/a/course/notebooks/id", "Hint:", "Petunjuk"},
	} {
		t.Setenv(checks.LangEnv, env.lang)
		t.Setenv("GONB_DIR", env.dir)
		rep := checks.MSE(wrong)
		out := rep.HTML() + checks.Summary(rep)
		if !strings.Contains(out, env.want) || strings.Contains(out, env.notWant) {
			t.Errorf("%s=%q GONB_DIR=%q: want %q and not %q in:\n%s", checks.LangEnv, env.lang, env.dir, env.want, env.notWant, out)
		}
		if env.want == "Petunjuk:" && !strings.Contains(out, "Rata-ratakan selisih kuadratnya") {
			t.Errorf("the Indonesian table lacks the Indonesian hint:\n%s", out)
		}
	}
}
