package content

import (
	"encoding/json"
	"fmt"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"

	"copydesk/content/attribution"
	"copydesk/internal/testkit"
)

// The embedded article's expected analysis is testdata/embedded-expected.json,
// so that a fresh clone checks it; the hand-made reference it was written
// from (../shared/spec/seed-analysis.json) is compared with the analysis
// too, and with the expected file, when the shared folder is there. Quotes
// are compared the way ../shared/tools/score.py compares them: same
// paragraph, and at least half of the expected quote's words.

// expectation is what the analysis of the embedded article must find.
type expectation struct {
	About      string            `json:"about"`
	Paragraphs int               `json:"paragraphs"`
	Speakers   []expectedSpeaker `json:"speakers"`
	Said       []expectedQuote   `json:"said"`
	Figures    []expectedFigure  `json:"figures"`
	Allowed    []expectedFigure  `json:"figures_allowed"`
}

// expectedSpeaker is a speaker the analysis must find.
type expectedSpeaker struct {
	Name        string   `json:"name"`
	Also        []string `json:"also"`        // other names accepted for the speaker
	Description *string  `json:"description"` // when given, the speaker's description
	Aliases     []string `json:"aliases"`     // aliases the speaker must have
}

// expectedQuote is words a speaker said, quoted (direct) or reported
// (indirect).
type expectedQuote struct {
	Paragraph int    `json:"paragraph"`
	By        string `json:"by"`
	Kind      string `json:"kind"`
	Words     string `json:"words"`
}

// expectedFigure is a figure the analysis must find (Kind set) or may find.
type expectedFigure struct {
	Paragraph int     `json:"paragraph"`
	Words     string  `json:"words"`
	Kind      string  `json:"kind"`
	Value     *string `json:"value"` // when given, the value of the figure read as exactly Words
	Unit      *string `json:"unit"`
}

// minReportedRight is how much reported speech must have the right speaker.
// The analyser gives all nine clauses of the embedded article theirs; the
// reference's own scorer asks for less, since a reported clause is harder
// to bound than a quotation.
const minReportedRight = 7

func loadExpected(t *testing.T) expectation {
	t.Helper()
	raw, err := os.ReadFile("testdata/embedded-expected.json")
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	var e expectation
	if err := dec.Decode(&e); err != nil {
		t.Fatalf("testdata/embedded-expected.json: %v", err)
	}
	return e
}

// sharedExpectation reads the shared reference as an expectation: it names
// no descriptions, aliases or values.
func sharedExpectation(t *testing.T) expectation {
	t.Helper()
	raw, err := os.ReadFile(testkit.Shared(t, "spec", "seed-analysis.json"))
	if err != nil {
		t.Fatal(err)
	}
	var s struct {
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
		Figures  []expectedFigure `json:"figures"`
		Optional []expectedFigure `json:"figures_optional"`
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		t.Fatal(err)
	}
	// the shared file spells a figure's words "text"
	var words struct {
		F []struct{ Text string } `json:"figures"`
		O []struct{ Text string } `json:"figures_optional"`
	}
	json.Unmarshal(raw, &words)
	e := expectation{Paragraphs: s.Paragraphs, Figures: s.Figures, Allowed: s.Optional}
	for i := range e.Figures {
		e.Figures[i].Words = words.F[i].Text
	}
	for i := range e.Allowed {
		e.Allowed[i].Words, e.Allowed[i].Kind = words.O[i].Text, ""
	}
	for _, sp := range s.Speakers {
		also := slices.DeleteFunc(slices.Clone(sp.Aliases), func(a string) bool { return a == sp.Name })
		e.Speakers = append(e.Speakers, expectedSpeaker{Name: sp.Name, Also: also})
	}
	for _, q := range s.Quotes {
		e.Said = append(e.Said, expectedQuote{q.Paragraph, q.Speaker, q.Kind, q.Text})
	}
	return e
}

var nonWord = regexp.MustCompile(`[\W_]+`)

// normal is a name or a quote as compared: lower case, words only.
func normal(s string) string {
	return strings.Join(strings.Fields(nonWord.ReplaceAllString(strings.ToLower(s), " ")), " ")
}

func wordsOf(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(normal(s)) {
		m[w] = true
	}
	return m
}

// checkExpectation analyses the embedded article and compares it with e.
func checkExpectation(t *testing.T, e expectation) {
	art := Embedded()
	an := Analyze(art)
	checkContract(t, embedded, art, an)
	if len(art.Paragraphs) != e.Paragraphs {
		t.Fatalf("paragraphs: got %d, want %d", len(art.Paragraphs), e.Paragraphs)
	}

	// Speakers: a quote's speaker is right when its name is one the
	// expectation accepts for the expected speaker.
	nameOf := map[string]string{}
	for _, s := range an.Speakers {
		nameOf[s.ID] = normal(s.Name)
	}
	accepts := func(id, want string) bool {
		for _, s := range e.Speakers {
			if s.Name == want && slices.ContainsFunc(append([]string{s.Name}, s.Also...), func(n string) bool { return nameOf[id] == normal(n) }) {
				return true
			}
		}
		return false
	}
	for _, w := range e.Speakers {
		if w.Description == nil && w.Aliases == nil {
			continue
		}
		i := slices.IndexFunc(an.Speakers, func(s attribution.Speaker) bool { return s.Name == w.Name })
		if i < 0 {
			t.Errorf("no speaker named %q", w.Name)
			continue
		}
		s := an.Speakers[i]
		if w.Description != nil && s.Description != *w.Description {
			t.Errorf("%s: description %q, want %q", w.Name, s.Description, *w.Description)
		}
		for _, a := range w.Aliases {
			if !slices.Contains(s.Aliases, a) {
				t.Errorf("%s: alias %q missing from %q", w.Name, a, s.Aliases)
			}
		}
	}

	// Quotes: found in the same paragraph with half the words, and with
	// the right speaker.
	found, right, total := map[string]int{}, map[string]int{}, map[string]int{}
	for _, g := range e.Said {
		total[g.Kind]++
		gw := wordsOf(g.Words)
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
				ok = ok || accepts(q.Speaker, g.By)
			}
		}
		switch {
		case !hit:
			t.Logf("missed %s quote ¶%d %q", g.Kind, g.Paragraph, g.Words)
		case !ok:
			t.Logf("wrong speaker for ¶%d %q (want %s)", g.Paragraph, g.Words, g.By)
		}
		if hit {
			found[g.Kind]++
		}
		if ok {
			right[g.Kind]++
		}
	}
	t.Logf("direct %d/%d (speaker right %d), indirect %d/%d (speaker right %d)",
		found["direct"], total["direct"], right["direct"], found["indirect"], total["indirect"], right["indirect"])
	if right["direct"] != total["direct"] {
		t.Errorf("direct quotes with the right speaker: %d of %d, want all", right["direct"], total["direct"])
	}
	if right["indirect"] < minReportedRight {
		t.Errorf("reported speech with the right speaker: %d of %d, want at least %d", right["indirect"], total["indirect"], minReportedRight)
	}

	// Figures: every required one with its kind (and its value, where
	// given), nothing outside the required and allowed ones.
	overlaps := func(f Figure, g expectedFigure) bool {
		if f.Paragraph != g.Paragraph {
			return false
		}
		pt := art.Paragraphs[g.Paragraph-1].Text
		for i := strings.Index(pt, g.Words); i >= 0; {
			if f.Start < i+len(g.Words) && f.End > i {
				return true
			}
			j := strings.Index(pt[i+1:], g.Words)
			if j < 0 {
				break
			}
			i += 1 + j
		}
		return false
	}
	for _, g := range e.Figures {
		ok := false
		for _, f := range an.Figures {
			if !overlaps(f, g) {
				continue
			}
			ok = true
			if string(f.Kind) != g.Kind {
				t.Errorf("¶%d %q read as %s %q, want %s", g.Paragraph, g.Words, f.Kind, f.Text, g.Kind)
			}
			if g.Value != nil && (f.Text != g.Words || f.Value != *g.Value || f.Unit != *g.Unit) {
				t.Errorf("¶%d %q read as %q = %q %q, want %q = %q %q", g.Paragraph, g.Words, f.Text, f.Value, f.Unit, g.Words, *g.Value, *g.Unit)
			}
		}
		if !ok {
			t.Errorf("figure not found: ¶%d %q (%s)", g.Paragraph, g.Words, g.Kind)
		}
	}
	for _, f := range an.Figures {
		if !slices.ContainsFunc(append(slices.Clone(e.Figures), e.Allowed...), func(g expectedFigure) bool { return overlaps(f, g) }) {
			t.Errorf("figure not expected: ¶%d %q (%s)", f.Paragraph, f.Text, f.Kind)
		}
	}
	t.Logf("%d figures", len(an.Figures))
}

// TestEmbeddedAnalysis checks the embedded article against the expected
// analysis kept in the repository.
func TestEmbeddedAnalysis(t *testing.T) {
	checkExpectation(t, loadExpected(t))
}

// TestSharedSeedAnalysis checks the embedded article against the shared
// hand-made reference.
func TestSharedSeedAnalysis(t *testing.T) {
	checkExpectation(t, sharedExpectation(t))
}

// TestExpectedAgreesWithShared checks that the expected analysis in the
// repository says what the shared reference says: the same paragraphs,
// speakers and names, quotes, and figures.
func TestExpectedAgreesWithShared(t *testing.T) {
	ours, ref := loadExpected(t), sharedExpectation(t)
	if ours.Paragraphs != ref.Paragraphs {
		t.Errorf("paragraphs: %d, the reference %d", ours.Paragraphs, ref.Paragraphs)
	}
	if len(ours.Speakers) != len(ref.Speakers) {
		t.Fatalf("%d speakers, the reference %d", len(ours.Speakers), len(ref.Speakers))
	}
	for i, s := range ours.Speakers {
		r := ref.Speakers[i]
		if s.Name != r.Name || !slices.Equal(s.Also, r.Also) {
			t.Errorf("speaker %d: %q %q, the reference %q %q", i, s.Name, s.Also, r.Name, r.Also)
		}
	}
	if !slices.Equal(ours.Said, ref.Said) {
		t.Errorf("quotes differ from the reference:\n ours %v\n ref  %v", ours.Said, ref.Said)
	}
	key := func(fs []expectedFigure) []string {
		var out []string
		for _, f := range fs {
			out = append(out, fmt.Sprintf("¶%d %q %s", f.Paragraph, f.Words, f.Kind))
		}
		return out
	}
	if !slices.Equal(key(ours.Figures), key(ref.Figures)) || !slices.Equal(key(ours.Allowed), key(ref.Allowed)) {
		t.Errorf("figures differ from the reference:\n ours %v %v\n ref  %v %v", key(ours.Figures), key(ours.Allowed), key(ref.Figures), key(ref.Allowed))
	}
}
