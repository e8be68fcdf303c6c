package content

import (
	"bytes"
	"encoding/json"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/content/formats"
	"copydesk/internal/testkit"
)

// The JSON contract (docs/analysis-json.md), checked on what WriteJSON
// writes: the tests decode the document strictly, so a field the writer
// adds without the contract fails here, and assert what the contract
// promises of the values.

type contractSpan struct {
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
}

type contractDoc struct {
	Version    int    `json:"version"`
	Source     string `json:"source"`
	Format     string `json:"format"`
	Encoding   string `json:"encoding"`
	Offsets    string `json:"offsets"`
	Title      string `json:"title"`
	Byline     string `json:"byline"`
	Site       string `json:"site"`
	Published  string `json:"published"`
	Paragraphs []struct {
		N      int    `json:"n"`
		Offset int    `json:"offset"`
		Text   string `json:"text"`
		Kind   string `json:"kind"`
		Level  int    `json:"level"`
		Marker string `json:"marker"`
		Links  []struct {
			Start int    `json:"start"`
			End   int    `json:"end"`
			URL   string `json:"url"`
		} `json:"links"`
	} `json:"paragraphs"`
	Speakers []struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		Description string   `json:"description"`
		Aliases     []string `json:"aliases"`
		Quotes      []int    `json:"quotes"`
		Statements  []int    `json:"statements"`
	} `json:"speakers"`
	Quotes []struct {
		ID   int    `json:"id"`
		Kind string `json:"kind"`
		contractSpan
		Speaker   *string       `json:"speaker"`
		Cue       *contractSpan `json:"cue"`
		Source    *contractSpan `json:"source"`
		Within    *int          `json:"within"`
		Continues *int          `json:"continues"`
	} `json:"quotes"`
	Figures []struct {
		contractSpan
		Kind  string `json:"kind"`
		Value string `json:"value"`
		Unit  string `json:"unit"`
	} `json:"figures"`
}

// writeDoc writes the analysis of a as JSON and decodes it strictly.
func writeDoc(t testing.TB, a *Article, an *Analysis) ([]byte, contractDoc) {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteJSON(&buf, a, an); err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.DisallowUnknownFields()
	var d contractDoc
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("the JSON does not decode as the contract's document: %v", err)
	}
	return buf.Bytes(), d
}

// checkContract asserts what the contract promises of the analysis of
// input: paragraphs that are the input's bytes at their offsets, spans that
// are their paragraph's bytes, quote ids equal to their index and in text
// order, speaker ids that exist and whose quote lists agree with the quotes,
// figures of known kinds in text order without overlap.
func checkContract(t testing.TB, input []byte, a *Article, an *Analysis) {
	t.Helper()
	_, d := writeDoc(t, a, an)
	if d.Version != 4 {
		t.Fatalf("version %d, want 4", d.Version)
	}
	// What offsets count bytes of: the input, the input decoded, or the
	// paragraphs' texts joined by blank lines.
	switch d.Offsets {
	case "input":
		if d.Format != "text" || d.Encoding != "utf-8" {
			t.Fatalf("offsets into the input of %s in %s", d.Format, d.Encoding)
		}
	case "decoded":
		dec, enc, err := formats.Decode(input, "")
		if err != nil || enc != d.Encoding || enc == "utf-8" {
			t.Fatalf("offsets into the decoded text, but decoding says %q, %v (document: %q)", enc, err, d.Encoding)
		}
		input = dec
	case "extracted":
		var b strings.Builder
		for i, p := range d.Paragraphs {
			if i > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(p.Text)
		}
		input = []byte(b.String())
	default:
		t.Fatalf("offsets %q", d.Offsets)
	}
	for i, p := range d.Paragraphs {
		if p.N != i+1 {
			t.Fatalf("paragraph %d numbered %d", i+1, p.N)
		}
		if p.Offset < 0 || p.Offset+len(p.Text) > len(input) || string(input[p.Offset:p.Offset+len(p.Text)]) != p.Text {
			t.Fatalf("paragraph %d: its text is not the input's bytes at offset %d", p.N, p.Offset)
		}
		for _, l := range p.Links {
			if l.Start < 0 || l.End > len(p.Text) || l.Start >= l.End || !utf8.ValidString(p.Text[l.Start:l.End]) {
				t.Fatalf("paragraph %d: link [%d,%d) outside its text or cutting a character", p.N, l.Start, l.End)
			}
		}
	}
	span := func(what string, s *contractSpan) {
		t.Helper()
		if s.Paragraph < 1 || s.Paragraph > len(d.Paragraphs) {
			t.Fatalf("%s: paragraph %d out of range 1..%d", what, s.Paragraph, len(d.Paragraphs))
		}
		p := d.Paragraphs[s.Paragraph-1].Text
		if s.Start < 0 || s.End > len(p) || s.Start > s.End {
			t.Fatalf("%s: span [%d,%d) outside paragraph %d of %d bytes", what, s.Start, s.End, s.Paragraph, len(p))
		}
		if p[s.Start:s.End] != s.Text || !utf8.ValidString(s.Text) {
			t.Fatalf("%s: text %q is not paragraph %d [%d:%d] = %q", what, s.Text, s.Paragraph, s.Start, s.End, p[s.Start:s.End])
		}
	}
	speakerOf := map[int]string{}
	ids := map[string]bool{}
	for _, sp := range d.Speakers {
		if sp.ID == "" || ids[sp.ID] {
			t.Fatalf("speaker id %q empty or used twice", sp.ID)
		}
		ids[sp.ID] = true
		for _, qi := range sp.Quotes {
			if qi < 0 || qi >= len(d.Quotes) || d.Quotes[qi].Speaker == nil || *d.Quotes[qi].Speaker != sp.ID {
				t.Fatalf("speaker %q lists quote %d, which is not its", sp.ID, qi)
			}
			if prev, ok := speakerOf[qi]; ok {
				t.Fatalf("quote %d listed by %q and %q", qi, prev, sp.ID)
			}
			speakerOf[qi] = sp.ID
		}
		var want []int
		for _, qi := range sp.Quotes {
			if d.Quotes[qi].Within == nil && d.Quotes[qi].Continues == nil {
				want = append(want, qi)
			}
		}
		if !slices.Equal(sp.Statements, want) && len(sp.Statements)+len(want) > 0 {
			t.Fatalf("speaker %q: statements %v, want its quotes neither within nor continuing another, %v", sp.ID, sp.Statements, want)
		}
	}
	byPara := map[int][]int{}
	for i, q := range d.Quotes {
		byPara[q.Paragraph] = append(byPara[q.Paragraph], i)
	}
	for i, q := range d.Quotes {
		if q.ID != i || q.Kind != "direct" && q.Kind != "indirect" {
			t.Fatalf("quote %d: id %d, kind %q", i, q.ID, q.Kind)
		}
		span("quote", &q.contractSpan)
		if q.Cue != nil {
			span("cue", q.Cue)
		}
		if q.Source != nil {
			span("source", q.Source)
		}
		if w := q.Within; w != nil {
			c := d.Quotes[min(max(*w, 0), len(d.Quotes)-1)]
			if *w < 0 || *w >= len(d.Quotes) || c.Kind != "indirect" || q.Kind != "direct" || c.Paragraph != q.Paragraph || c.Start > q.Start || c.End < q.End {
				t.Fatalf("quote %d within %d, which is not a reported clause around it", i, *w)
			}
		}
		if c := q.Continues; c != nil {
			// the first part, in quotation marks too, before this one in
			// its paragraph, with the same speaker and cue
			h := d.Quotes[min(max(*c, 0), len(d.Quotes)-1)]
			if *c < 0 || *c >= i || h.Kind != "direct" || q.Kind != "direct" || h.Paragraph != q.Paragraph || h.Continues != nil ||
				h.Within != nil || q.Within != nil || !reflect.DeepEqual(h.Speaker, q.Speaker) || !reflect.DeepEqual(h.Cue, q.Cue) {
				t.Fatalf("quote %d continues %d, which is not the first part of the same quotation", i, *c)
			}
		}
		if src := q.Source; src != nil {
			for _, j := range byPara[src.Paragraph] {
				if o := d.Quotes[j]; o.Start < src.End && src.Start < o.End && (src.Start < o.Start || o.End < src.End) {
					t.Fatalf("quote %d: source %q covers part of quote %d %q", i, src.Text, j, o.Text)
				}
			}
		}
		if q.Speaker != nil && speakerOf[i] != *q.Speaker {
			t.Fatalf("quote %d of %q missing from its speaker's quotes", i, *q.Speaker)
		}
		if i > 0 && (d.Quotes[i-1].Paragraph > q.Paragraph || d.Quotes[i-1].Paragraph == q.Paragraph && d.Quotes[i-1].Start > q.Start) {
			t.Fatalf("quotes %d and %d out of text order", i-1, i)
		}
	}
	kinds := map[string]bool{"count": true, "date": true, "duration": true, "percent": true, "money": true, "ordinal": true, "quantity": true}
	for i, f := range d.Figures {
		span("figure", &f.contractSpan)
		if !kinds[f.Kind] || !utf8.ValidString(f.Value) || !utf8.ValidString(f.Unit) {
			t.Fatalf("figure %q: kind %q, value %q, unit %q", f.Text, f.Kind, f.Value, f.Unit)
		}
		if p := d.Figures[max(i-1, 0)]; i > 0 && (p.Paragraph > f.Paragraph || p.Paragraph == f.Paragraph && p.End > f.Start) {
			t.Fatalf("figures %q and %q out of text order or overlapping", p.Text, f.Text)
		}
	}
}

// fuzzSeeds are inputs that stress the paragraph split, the quotation
// pairing and the figure recogniser together.
var fuzzSeeds = []string{
	"\uFEFF\"We will win by 52-48,\" Kerry said on Tuesday.\r\n\r\nHe added: \"Not today.\"",
	"- “Open and never closed, he said in 2015\n\n\"A second paragraph,” for $5 million.",
	"# Talks end\n\nThe ministers met for four hours on Oct. 3, 2016, and 275,000 people watched.",
	"”\n\n“\n\n\"",
	"\r\n\r\n\u00a0\"a\" b said\r\r1,000,000 in 1999",
	"\x1b]0;title\x07\"Quoted,\" she said on 5 May.",
}

// FuzzAnalyze checks that no input makes the analysis panic or break the
// contract.
func FuzzAnalyze(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		a, err := Parse("fuzz", []byte(s))
		if err != nil {
			return // refused input: empty, NUL, invalid UTF-8
		}
		checkContract(t, []byte(s), a, Analyze(a))
	})
}

// TestContractDocumented checks that the writer and docs/analysis-json.md
// name the same fields: every field written is documented, and every field
// documented is written, on the embedded article and on an article with a
// title, a quote nobody is named for and a figure without a unit (what the
// embedded article lacks).
func TestContractDocumented(t *testing.T) {
	small, err := Parse("small.txt", []byte("# Talks end without a deal\n\nProtesters outside carried “No deal” banners for 3 hours.\n"))
	if err != nil {
		t.Fatal(err)
	}
	// and a Markdown story, with the metadata, layout and links plain text lacks
	md, err := Parse("story.md", []byte("---\ntitle: Port deal\nauthor: Ada Okafor\nsite: The Harbour News\ndate: 2016-10-15\n---\n\n# Port deal\n\n"+
		"- Wages rise **40%**, the [union](https://example.org/u) said last month.\n- Night shifts end.\n"))
	if err != nil {
		t.Fatal(err)
	}
	var docs [][]byte
	for _, a := range []*Article{Embedded(), small, md} {
		data, _ := writeDoc(t, a, Analyze(a))
		docs = append(docs, data)
	}
	documented := testkit.DocumentedFields(t, "../docs/analysis-json.md")
	if len(documented) == 0 {
		t.Fatal("no field tables found in docs/analysis-json.md")
	}
	testkit.CheckDocumented(t, documented, docs...)
}
