package i18n

import "testing"

func TestSayAndFromEnv(t *testing.T) {
	p := Phrase{"%d of %d", "%d dari %d"}
	if got := English.Say(p, 1, 2); got != "1 of 2" {
		t.Errorf("English: %q", got)
	}
	if got := Indonesian.Say(p, 1, 2); got != "1 dari 2" {
		t.Errorf("Indonesian: %q", got)
	}
	if got := Lang("").Say(p, 1, 2); got != "1 of 2" {
		t.Errorf("no language: %q", got)
	}
	for _, c := range []struct {
		env, dir string
		want     Lang
	}{
		{"id", "", Indonesian},
		{"", "/course/notebooks/id", Indonesian},
		{"", "/course/notebooks", English},
		{"en", "/course/notebooks/id", English},
		{"fr", "/course/notebooks/id/", Indonesian},
	} {
		t.Setenv(EnvVar, c.env)
		t.Setenv("GONB_DIR", c.dir)
		if got := FromEnv(); got != c.want {
			t.Errorf("%s=%q GONB_DIR=%q: %q, want %q", EnvVar, c.env, c.dir, got, c.want)
		}
	}
	if _, err := Parse("fr"); err == nil {
		t.Error("Parse accepts fr")
	}
	if l, err := Parse(""); err != nil || l != English {
		t.Errorf("Parse(\"\") = %q, %v", l, err)
	}
}
