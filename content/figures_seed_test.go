package content

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// The embedded article against the hand-made reference in
// ../../shared/spec/seed-analysis.json: every required figure found with its
// kind, and nothing outside the required and optional figures.
//
// Issue 4 lists "the first since" as an ordinal figure, yet the seed article
// says "The talks were the first since Washington halted …" (¶3) and "the
// first since October 3" (¶10) and lists neither. The seed wins: word
// ordinals are reported only where the number itself is the checkable claim
// ("the third time", "fifth-largest", "second straight year"), never
// "first", which is mostly an adverb or, as here, an ordering whose
// checkable part is the date after it. Numeric ordinals ("21st") are figures.
func TestFiguresSeed(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "shared", "spec", "seed-analysis.json"))
	if err != nil {
		t.Skipf("seed analysis not found: %v", err)
	}
	var seed struct {
		F  []seedFigure `json:"figures"`
		FO []seedFigure `json:"figures_optional"`
	}
	if err := json.Unmarshal(data, &seed); err != nil {
		t.Fatal(err)
	}
	a := Embedded()
	figs := FindFigures(a.Paragraphs)
	span := func(f seedFigure) (int, int) {
		p := a.Paragraphs[f.Paragraph-1].Text
		i := strings.Index(p, f.Text)
		if i < 0 {
			t.Fatalf("seed figure %q not in paragraph %d", f.Text, f.Paragraph)
		}
		return i, i + len(f.Text)
	}
	overlaps := func(g Figure, f seedFigure) bool {
		s, e := span(f)
		return g.Paragraph == f.Paragraph && g.Start < e && s < g.End
	}
	for _, f := range seed.F {
		found := false
		for _, g := range figs {
			if overlaps(g, f) {
				found = true
				if string(g.Kind) != f.Kind {
					t.Errorf("¶%d %q: kind %s, want %s", f.Paragraph, f.Text, g.Kind, f.Kind)
				}
				if g.Text != f.Text {
					t.Logf("¶%d %q read as %q", f.Paragraph, f.Text, g.Text)
				}
			}
		}
		if !found {
			t.Errorf("¶%d %q (%s) not found", f.Paragraph, f.Text, f.Kind)
		}
	}
	for _, g := range figs {
		ok := false
		for _, f := range append(append([]seedFigure{}, seed.F...), seed.FO...) {
			ok = ok || overlaps(g, f)
		}
		if !ok {
			t.Errorf("¶%d %q (%s) is not a figure of the seed", g.Paragraph, g.Text, g.Kind)
		}
	}
	// Values the seed does not list but the contract defines.
	want := map[string][3]string{
		"four hours":      {"duration", "PT4H", ""},
		"October 17":      {"date", "XXXX-10-17", ""},
		"40-minute":       {"duration", "PT40M", ""},
		"October 3":       {"date", "XXXX-10-03", ""},
		"October 16":      {"date", "XXXX-10-16", ""},
		"three weeks ago": {"date", "", ""},
		"275,000":         {"count", "275000", "civilians"},
		"8,000":           {"count", "8000", "rebels"},
	}
	for _, g := range figs {
		if w, ok := want[g.Text]; ok {
			if got := [3]string{string(g.Kind), g.Value, g.Unit}; got != w {
				t.Errorf("%q: got %v, want %v", g.Text, got, w)
			}
			delete(want, g.Text)
		}
	}
	for text := range want {
		t.Errorf("%q: not read with exactly that span", text)
	}
	t.Logf("%d figures on the seed article", len(figs))
}

type seedFigure struct {
	Paragraph int    `json:"paragraph"`
	Text      string `json:"text"`
	Kind      string `json:"kind"`
}
