package content

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// The seed's expected analysis (../shared/spec/seed-analysis.json) is a check
// of the analyser, compared the way ../shared/tools/score.py compares it:
// same paragraph, and at least half of the expected quote's words.

type seedSpec struct {
	Paragraphs int `json:"paragraphs"`
	Speakers   []struct {
		Name    string   `json:"name"`
		Aliases []string `json:"aliases"`
	} `json:"speakers"`
	Quotes []struct {
		Paragraph int    `json:"paragraph"`
		Speaker   string `json:"speaker"`
		Kind      string `json:"kind"`
		Text      string `json:"text"`
	} `json:"quotes"`
	Figures []struct {
		Paragraph int    `json:"paragraph"`
		Text      string `json:"text"`
		Kind      string `json:"kind"`
	} `json:"figures"`
	Optional []struct {
		Paragraph int    `json:"paragraph"`
		Text      string `json:"text"`
	} `json:"figures_optional"`
}

func sharedPath(t testing.TB, parts ...string) string {
	t.Helper()
	p := filepath.Join(append([]string{"..", "..", "shared"}, parts...)...)
	if _, err := os.Stat(p); err != nil {
		t.Skipf("%s not found (the shared data sits beside the repository): %v", p, err)
	}
	return p
}

func loadSeedSpec(t *testing.T) seedSpec {
	raw, err := os.ReadFile(sharedPath(t, "spec", "seed-analysis.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s seedSpec
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	return s
}

var nonWord = regexp.MustCompile(`[\W_]+`)

func wordsOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(nonWord.ReplaceAllString(strings.ToLower(s), " ")) {
		m[w] = true
	}
	return m
}

func TestSeedAnalysis(t *testing.T) {
	spec := loadSeedSpec(t)
	art := Embedded()
	an := Analyze(art)
	if len(art.Paragraphs) != spec.Paragraphs {
		t.Fatalf("paragraphs: got %d, want %d", len(art.Paragraphs), spec.Paragraphs)
	}
	names := map[string]map[string]bool{} // speaker id -> normalised names
	for _, s := range an.Speakers {
		set := map[string]bool{strings.Join(strings.Fields(nonWord.ReplaceAllString(strings.ToLower(s.Name), " ")), " "): true}
		names[s.ID] = set
	}
	sameSpeaker := func(id, want string) bool {
		for _, s := range spec.Speakers {
			if s.Name != want {
				continue
			}
			for _, a := range append(s.Aliases, s.Name) {
				if names[id][strings.Join(strings.Fields(nonWord.ReplaceAllString(strings.ToLower(a), " ")), " ")] {
					return true
				}
			}
		}
		return false
	}
	found := map[string]int{}
	right := map[string]int{}
	total := map[string]int{}
	for _, g := range spec.Quotes {
		total[g.Kind]++
		gw := wordsOf(g.Text)
		hit, ok := false, false
		for _, q := range an.Quotes {
			if q.Paragraph != g.Paragraph {
				continue
			}
			n := 0
			for w := range wordsOf(q.Text) {
				if gw[w] {
					n++
				}
			}
			if 2*n >= len(gw) {
				hit = true
				ok = ok || sameSpeaker(q.Speaker, g.Speaker)
			}
		}
		if hit {
			found[g.Kind]++
		} else {
			t.Logf("missed %s quote ¶%d %q", g.Kind, g.Paragraph, g.Text)
		}
		if ok {
			right[g.Kind]++
		} else if hit {
			t.Logf("wrong speaker for ¶%d %q (want %s)", g.Paragraph, g.Text, g.Speaker)
		}
	}
	t.Logf("direct %d/%d (speaker right %d), indirect %d/%d (speaker right %d)",
		found["direct"], total["direct"], right["direct"], found["indirect"], total["indirect"], right["indirect"])
	if right["direct"] != total["direct"] {
		t.Errorf("direct quotes with the right speaker: %d of %d, want all", right["direct"], total["direct"])
	}
	if right["indirect"] < 7 {
		t.Errorf("reported speech with the right speaker: %d of %d, want at least 7", right["indirect"], total["indirect"])
	}

	// Figures: every required one, nothing outside required and optional.
	overlaps := func(f Figure, para int, text string) bool {
		if f.Paragraph != para {
			return false
		}
		pt := art.Paragraphs[para-1].Text
		for i := strings.Index(pt, text); i >= 0; {
			if f.Start < i+len(text) && f.End > i {
				return true
			}
			j := strings.Index(pt[i+1:], text)
			if j < 0 {
				break
			}
			i += 1 + j
		}
		return false
	}
	for _, g := range spec.Figures {
		ok := false
		for _, f := range an.Figures {
			if overlaps(f, g.Paragraph, g.Text) && string(f.Kind) == g.Kind {
				ok = true
			}
		}
		if !ok {
			t.Errorf("figure not found: ¶%d %q (%s)", g.Paragraph, g.Text, g.Kind)
		}
	}
	for _, f := range an.Figures {
		ok := false
		for _, g := range spec.Figures {
			ok = ok || overlaps(f, g.Paragraph, g.Text)
		}
		for _, g := range spec.Optional {
			ok = ok || overlaps(f, g.Paragraph, g.Text)
		}
		if !ok {
			t.Errorf("figure not expected: ¶%d %q (%s)", f.Paragraph, f.Text, f.Kind)
		}
	}
}
