package attribution

import (
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/internal/testkit"
)

// analyzeString analyses the paragraphs of s and checks the invariants of
// the result.
func analyzeString(t testing.TB, s string) Result {
	t.Helper()
	paras := testkit.Paragraphs(s)
	r := Analyze(paras)
	checkResult(t, paras, r)
	return r
}

// checkResult asserts what must hold of any result: spans in bounds and
// matching their text, quote ids equal to their index, speaker ids that
// exist, and speakers' quote lists that agree with the quotes.
func checkResult(t testing.TB, paras []string, r Result) {
	t.Helper()
	span := func(what string, s *Span) {
		t.Helper()
		if s.Paragraph < 1 || s.Paragraph > len(paras) {
			t.Fatalf("%s: paragraph %d out of range 1..%d", what, s.Paragraph, len(paras))
		}
		p := paras[s.Paragraph-1]
		if s.Start < 0 || s.End > len(p) || s.Start > s.End {
			t.Fatalf("%s: span [%d,%d) outside paragraph %d of %d bytes", what, s.Start, s.End, s.Paragraph, len(p))
		}
		if p[s.Start:s.End] != s.Text {
			t.Fatalf("%s: text %q is not paragraph[%d:%d] = %q", what, s.Text, s.Start, s.End, p[s.Start:s.End])
		}
		if !utf8.ValidString(s.Text) {
			t.Fatalf("%s: span [%d,%d) cuts a character", what, s.Start, s.End)
		}
	}
	ids := map[string]int{}
	for i, sp := range r.Speakers {
		if sp.ID == "" {
			t.Fatalf("speaker %d has no id", i)
		}
		if _, dup := ids[sp.ID]; dup {
			t.Fatalf("speaker id %q used twice", sp.ID)
		}
		ids[sp.ID] = i
	}
	listed := map[int]string{}
	for _, sp := range r.Speakers {
		for _, qi := range sp.Quotes {
			if qi < 0 || qi >= len(r.Quotes) {
				t.Fatalf("speaker %q lists quote %d of %d", sp.ID, qi, len(r.Quotes))
			}
			if r.Quotes[qi].Speaker != sp.ID {
				t.Fatalf("speaker %q lists quote %d, whose speaker is %q", sp.ID, qi, r.Quotes[qi].Speaker)
			}
			if prev, ok := listed[qi]; ok {
				t.Fatalf("quote %d listed by %q and %q", qi, prev, sp.ID)
			}
			listed[qi] = sp.ID
		}
	}
	for i := range r.Quotes {
		q := &r.Quotes[i]
		if q.ID != i {
			t.Fatalf("quote %d has id %d", i, q.ID)
		}
		if q.Kind != Direct && q.Kind != Indirect {
			t.Fatalf("quote %d: kind %q", i, q.Kind)
		}
		span("quote", &q.Span)
		if q.Cue != nil {
			span("cue", q.Cue)
		}
		if q.Source != nil {
			span("source", q.Source)
		}
		if q.Speaker != "" {
			if _, ok := ids[q.Speaker]; !ok {
				t.Fatalf("quote %d: speaker %q is not a speaker id", i, q.Speaker)
			}
			if listed[i] != q.Speaker {
				t.Fatalf("quote %d of %q missing from its speaker's quotes", i, q.Speaker)
			}
		}
		if i > 0 && (r.Quotes[i-1].Paragraph > q.Paragraph || r.Quotes[i-1].Paragraph == q.Paragraph && r.Quotes[i-1].Start > q.Start) {
			t.Fatalf("quotes %d and %d out of text order", i-1, i)
		}
	}
	for _, m := range r.Mentions {
		span("mention", &m.Span)
		if _, ok := ids[m.Speaker]; !ok {
			t.Fatalf("mention %q: speaker %q is not a speaker id", m.Text, m.Speaker)
		}
	}
}

// fuzzSeeds are sentences of the table tests and inputs that stress the
// quotation pairing.
var fuzzSeeds = []string{
	"\"We will win,\" Kerry said.\n\nHe added: \"Not today.\"",
	"“Mixed marks,\" she said. \"Open and never closed\n\n\"Second paragraph,” he said.",
	"''Doubled,'' said Mr. Jones. ``Backticks'' too.",
	"According to a spokesman for the United Nations, the plan failed.",
	"It's the '90s, Jones' dog said 'hello' and \"'nested' marks\" stay «put».",
	"”\n\n“\n\n\"",
	"X: \"\"",
	"said said said , , \" \"",
	"\u202a”Odd start,” said A.",
	"a\"b\"c 'd' e’s f'",
	"— ― – \"q\" ― Name",
}

// FuzzAnalyze checks that no text makes the analyser panic or break the
// invariants of its result.
func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	for _, c := range tableSentences() {
		f.Add(c)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			return // paragraphs are valid UTF-8 without NUL bytes
		}
		analyzeString(t, s)
	})
}

// BenchmarkAnalyze analyses the PolNeAR train texts (3.9 MB) as one
// article's paragraphs, without the figures the article model adds.
func BenchmarkAnalyze(b *testing.B) {
	data := testkit.TrainCorpus(b)
	paras := testkit.Paragraphs(string(data))
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(paras)
	}
}
