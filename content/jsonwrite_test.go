package content

import (
	"bytes"
	"cmp"
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"copydesk/content/attribution"
	"copydesk/content/figures"
	"copydesk/content/formats"
	"copydesk/internal/testkit"
)

// WriteJSON writes the document by hand, for speed; the reference below is
// the same document as Go types written by encoding/json, as WriteJSON did
// before, and the tests hold the two to the same bytes: field order,
// omitted fields, nulls, number forms and string escapes.

type refDoc struct {
	Version    int            `json:"version"`
	Source     string         `json:"source"`
	Format     formats.Format `json:"format"`
	Encoding   string         `json:"encoding"`
	Offsets    string         `json:"offsets"`
	Title      string         `json:"title,omitempty"`
	Byline     string         `json:"byline,omitempty"`
	Site       string         `json:"site,omitempty"`
	Published  string         `json:"published,omitempty"`
	Paragraphs []refParagraph `json:"paragraphs"`
	Speakers   []refSpeaker   `json:"speakers"`
	Quotes     []refQuote     `json:"quotes"`
	Figures    []refFigure    `json:"figures"`
}

type refParagraph struct {
	N      int          `json:"n"`
	Offset int          `json:"offset"`
	Text   string       `json:"text"`
	Kind   formats.Kind `json:"kind,omitempty"`
	Level  int          `json:"level,omitempty"`
	Marker string       `json:"marker,omitempty"`
	Links  []refLink    `json:"links,omitempty"`
}

type refLink struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	URL   string `json:"url"`
}

type refSpeaker struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Aliases     []string `json:"aliases"`
	Quotes      []int    `json:"quotes"`
	Statements  []int    `json:"statements"`
}

type refSpan struct {
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
}

type refQuote struct {
	ID        int                   `json:"id"`
	Kind      attribution.QuoteKind `json:"kind"`
	Paragraph int                   `json:"paragraph"`
	Start     int                   `json:"start"`
	End       int                   `json:"end"`
	Text      string                `json:"text"`
	Speaker   *string               `json:"speaker"`
	Cue       *refSpan              `json:"cue"`
	Source    *refSpan              `json:"source"`
	Within    *int                  `json:"within"`
	Continues *int                  `json:"continues"`
}

type refFigure struct {
	Paragraph int          `json:"paragraph"`
	Start     int          `json:"start"`
	End       int          `json:"end"`
	Text      string       `json:"text"`
	Kind      figures.Kind `json:"kind"`
	Value     string       `json:"value"`
	Unit      string       `json:"unit,omitempty"`
}

func refSpanOf(s *attribution.Span) *refSpan {
	if s == nil {
		return nil
	}
	return &refSpan{s.Paragraph, s.Start, s.End, s.Text}
}

func refNonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// writeJSONReference is WriteJSON as encoding/json writes the document.
func writeJSONReference(w io.Writer, a *Article, an *Analysis) error {
	d := refDoc{
		Version:    4,
		Source:     a.Source,
		Format:     cmp.Or(a.Format, formats.Text),
		Encoding:   cmp.Or(a.Encoding, "utf-8"),
		Offsets:    a.Offsets(),
		Title:      a.Title,
		Byline:     a.Byline,
		Site:       a.Site,
		Paragraphs: make([]refParagraph, len(a.Paragraphs)),
		Speakers:   make([]refSpeaker, len(an.Speakers)),
		Quotes:     make([]refQuote, len(an.Quotes)),
		Figures:    make([]refFigure, len(an.Figures)),
	}
	if !a.Published.IsZero() {
		d.Published = a.Published.Format(time.DateOnly)
	}
	for i, p := range a.Paragraphs {
		jp := refParagraph{N: p.N, Offset: p.Offset, Text: p.Text, Kind: p.Kind, Level: p.Level, Marker: p.Marker}
		for _, s := range p.Styles {
			if s.Kind == formats.Link {
				jp.Links = append(jp.Links, refLink{s.Start, s.End, s.URL})
			}
		}
		d.Paragraphs[i] = jp
	}
	for i, s := range an.Speakers {
		d.Speakers[i] = refSpeaker{s.ID, s.Name, s.Description, refNonNil(s.Aliases), refNonNil(s.Quotes), refNonNil(s.Statements)}
	}
	for i, q := range an.Quotes {
		jq := refQuote{ID: q.ID, Kind: q.Kind, Paragraph: q.Paragraph, Start: q.Start, End: q.End,
			Text: q.Text, Cue: refSpanOf(q.Cue), Source: refSpanOf(q.Source)}
		if q.Speaker != "" {
			id := q.Speaker
			jq.Speaker = &id
		}
		if q.Within >= 0 {
			w := q.Within
			jq.Within = &w
		}
		if q.Continues >= 0 {
			c := q.Continues
			jq.Continues = &c
		}
		d.Quotes[i] = jq
	}
	for i, f := range an.Figures {
		d.Figures[i] = refFigure{f.Paragraph, f.Start, f.End, f.Text, f.Kind, f.Value, f.Unit}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// sameJSON fails t where WriteJSON and the reference write different bytes,
// showing the first difference in context.
func sameJSON(t testing.TB, name string, a *Article, an *Analysis) {
	t.Helper()
	var got, want bytes.Buffer
	if err := WriteJSON(&got, a, an); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if err := writeJSONReference(&want, a, an); err != nil {
		t.Fatalf("%s: reference: %v", name, err)
	}
	g, w := got.Bytes(), want.Bytes()
	if bytes.Equal(g, w) {
		return
	}
	i := 0
	for i < min(len(g), len(w)) && g[i] == w[i] {
		i++
	}
	lo := max(i-60, 0)
	t.Fatalf("%s: WriteJSON differs from encoding/json at byte %d of %d (want %d):\n got  %q\n want %q",
		name, i, len(g), len(w), g[lo:min(i+60, len(g))], w[lo:min(i+60, len(w))])
}

func parseAndCompare(t *testing.T, name string, data []byte) {
	t.Helper()
	a, err := Parse(name, data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	sameJSON(t, name, a, Analyze(a))
}

func TestWriteJSONEmbedded(t *testing.T) {
	a := Embedded()
	sameJSON(t, "embedded", a, Analyze(a))
}

// The Markdown story of TestContractDocumented has what plain text lacks:
// metadata, layout (kinds, levels, markers) and links.
func TestWriteJSONMarkdown(t *testing.T) {
	parseAndCompare(t, "story.md", []byte("---\ntitle: Port deal\nauthor: Ada Okafor\nsite: The Harbour News\ndate: 2016-10-15\n---\n\n# Port deal\n\n"+
		"- Wages rise **40%**, the [union](https://example.org/u?a=1&b=<2>) said last month.\n  - Night shifts end.\n\n"+
		"> \"We won,\" a [spokesman](https://example.org/\"q\") said.\n\n1. First\n2. Second\n"))
}

func TestWriteJSONPolNeAR(t *testing.T) {
	for _, split := range []string{"dev", "train"} {
		dir := testkit.Shared(t, "data", "polnear", split, "text")
		names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
		if err != nil || len(names) == 0 {
			t.Skipf("no PolNeAR texts in %s", dir)
		}
		for _, name := range names {
			raw, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			parseAndCompare(t, filepath.Base(name), raw)
		}
		t.Logf("%s: %d texts written alike", split, len(names))
	}
}

// TestWriteJSONTrainCorpus compares the 3.9 MB document of the benchmarks,
// whose buffer is flushed many times over.
func TestWriteJSONTrainCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses 3.9 MB")
	}
	parseAndCompare(t, "train", testkit.TrainCorpus(t))
}

func TestWriteJSONHTMLPages(t *testing.T) {
	dir := testkit.Shared(t, "data", "html-pages")
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if len(pages) == 0 {
		t.Skip("no pages in", dir)
	}
	for _, page := range pages {
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		parseAndCompare(t, filepath.Base(filepath.Dir(page)), src)
	}
}

// adversarial holds what a string escaper gets wrong: every ASCII control
// character, the two characters JSON escapes, HTML's specials (left alone
// here), DEL, U+2028 and U+2029 and their neighbours, invalid UTF-8 of
// every kind (a lone continuation byte, a truncated sequence, an overlong
// form, a surrogate, a code point past U+10FFFF), U+FFFD itself, emoji and
// combining marks.
var adversarial = []string{
	"",
	"\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x20",
	`"quoted" \back\slash\ \"\\`,
	"<script>alert('x & y')</script> &amp; &lt;",
	"\x7f DEL",
	"line\u2028separator\u2029paragraph\u2027\u202a\u2020",
	"\x80 \xbf \xc0\xaf \xe2\x80 \xe2\x80\xa8\xe2 \xed\xa0\x80 \xf4\x90\x80\x80 \xff\xfe \xf0\x9f\x98",
	"\ufffd real replacement character",
	"emoji 😀👍🏽🇺🇳 e\u0301 and ‘curly’ “quotes” — dash",
	"ends in invalid \xe2\x80",
	"\xe2\x80\xa8",
	strings.Repeat("a\"b\\c\n\u2028\x01\xff€", 50),
}

// adversarialArticle puts s in every string the document writes and the
// numbers at their edges, with no concern for whether the analysis could
// have found it: the writer must write whatever it is given.
func adversarialArticle(s string) (*Article, *Analysis) {
	span := &attribution.Span{Paragraph: 1, Start: -1, End: 1 << 62, Text: s}
	a := &Article{
		Source: s, Title: s, Byline: s, Site: s,
		Published: time.Date(2016, 10, 15, 23, 59, 0, 0, time.FixedZone("", -5*3600)),
		Format:    formats.Format(s), Encoding: s,
		Paragraphs: []Paragraph{
			{N: 1, Offset: 0, Text: s, Kind: formats.Kind(s), Level: -3, Marker: s,
				Styles: []formats.Style{{Start: 0, End: 1, Kind: formats.Strong, URL: "not a link"}, {Start: 2, End: 3, Kind: formats.Link, URL: s}}},
			{N: 2, Offset: -9223372036854775808, Text: s},
			{N: 3, Offset: 9223372036854775807, Text: s, Kind: formats.Item, Level: 2, Marker: s,
				Styles: []formats.Style{{Kind: formats.Link, URL: ""}}},
		},
	}
	an := &Analysis{
		Speakers: []attribution.Speaker{
			{ID: s, Name: s, Description: s, Aliases: []string{s, "", s}, Quotes: []int{0, 1}, Statements: []int{0}},
			{ID: "", Aliases: []string{}, Quotes: []int{}},
		},
		Quotes: []attribution.Quote{
			{ID: 0, Kind: attribution.QuoteKind(s), Span: *span, Speaker: s, Cue: span, Source: span, Within: -1, Continues: -1},
			{ID: 1, Kind: attribution.Direct, Span: attribution.Span{Paragraph: 2, Text: s}, Within: 0, Continues: 0},
			{ID: -2, Kind: "", Cue: &attribution.Span{}, Within: -7, Continues: -3},
		},
		Figures: []Figure{
			{Paragraph: 1, Figure: figures.Figure{Start: 0, End: 3, Text: s, Kind: figures.Kind(s), Value: s, Unit: s}},
			{Paragraph: 3, Figure: figures.Figure{Kind: figures.Count}},
		},
	}
	return a, an
}

func TestWriteJSONAdversarial(t *testing.T) {
	for _, s := range adversarial {
		a, an := adversarialArticle(s)
		sameJSON(t, "adversarial "+strings.ToValidUTF8(s[:min(len(s), 20)], "?"), a, an)
	}
	// the zero values: nothing published, no format or encoding, nothing found
	sameJSON(t, "empty", &Article{}, &Analysis{})
}

// TestWriteJSONLongParagraph writes paragraphs longer than the buffer, with
// and without escapes to make room for, split wherever a flush falls.
func TestWriteJSONLongParagraph(t *testing.T) {
	for _, s := range []string{
		string(longParagraph(300 << 10)),
		strings.Repeat("\"\x01\u2028\xff", 40<<10),
		strings.Repeat("x", 64<<10-40) + "\"\"\"\"\"\"\"\"\"\"",
	} {
		a, an := adversarialArticle(s)
		sameJSON(t, "long", a, an)
	}
	a := mustParse(t, longParagraph(300<<10))
	sameJSON(t, "long analysed", a, Analyze(a))
}

// failAfter accepts n bytes, then fails every write.
type failAfter struct{ n int }

var errFull = errors.New("disk full")

func (w *failAfter) Write(p []byte) (int, error) {
	if len(p) <= w.n {
		w.n -= len(p)
		return len(p), nil
	}
	n := w.n
	w.n = 0
	return n, errFull
}

// A failed write is WriteJSON's error, whether it comes at the first
// flush, a later one or the last.
func TestWriteJSONWriteError(t *testing.T) {
	a := mustParse(t, longParagraph(200<<10))
	an := Analyze(a)
	var full bytes.Buffer
	if err := WriteJSON(&full, a, an); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{0, 1, 64 << 10, full.Len() / 2, full.Len() - 1} {
		if err := WriteJSON(&failAfter{n}, a, an); !errors.Is(err, errFull) {
			t.Errorf("writer failing after %d of %d bytes: error %v, want %v", n, full.Len(), err, errFull)
		}
	}
	if err := WriteJSON(&failAfter{full.Len()}, a, an); err != nil {
		t.Errorf("writer taking exactly the document: %v", err)
	}
}

// FuzzWriteJSON compares the writers on any input read as an article and
// analysed, and on the input put as it is, valid UTF-8 or not, in every
// string of a document.
func FuzzWriteJSON(f *testing.F) {
	for _, s := range append(adversarial, fuzzSeeds...) {
		f.Add(s)
	}
	f.Add("---\ntitle: \"A\\u2028B\"\ndate: 2016-10-15\n---\n\n# “Deal”\n\n- [x](http://a/\"b\") said \"c\".")
	f.Add("<html><head><title>T&amp;\u2029</title></head><body><article><p>“Yes,” <a href=\"/a?b=1&amp;c\">she</a> said.</p></article></body></html>")
	f.Fuzz(func(t *testing.T, s string) {
		a, an := adversarialArticle(s)
		sameJSON(t, "fuzz as strings", a, an)
		if a, err := Parse("fuzz", []byte(s)); err == nil {
			sameJSON(t, "fuzz as article", a, Analyze(a))
		}
	})
}

// The escaper's fast path reads eight bytes at a time: every byte that
// needs an escape must be found at each of the eight positions of a word,
// and at the tail that is read one byte at a time.
func TestWriteJSONEscapeAtEveryPosition(t *testing.T) {
	var specials []string
	for c := 0; c < utf8.RuneSelf; c++ {
		specials = append(specials, string(rune(c)))
	}
	specials = append(specials, "\x80", "\xff", "é", "\u2028", "\u2029", "😀", "\xe2\x80")
	for _, sp := range specials {
		for pre := 0; pre < 18; pre++ {
			s := strings.Repeat("a", pre) + sp + strings.Repeat("b", 17-pre)
			got := appendJSONString(nil, s)
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetEscapeHTML(false)
			if err := enc.Encode(s); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got, bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
				t.Fatalf("%q: got %s, want %s", s, got, want.Bytes())
			}
		}
	}
}
