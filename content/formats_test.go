package content

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"copydesk/content/formats"
	"copydesk/internal/testkit"
)

// quotesOf is who said what, as text, for comparing two analyses.
func quotesOf(a *Article, an *Analysis) []string {
	names := map[string]string{}
	for _, s := range an.Speakers {
		names[s.ID] = s.Name
	}
	var out []string
	for _, q := range an.Quotes {
		out = append(out, names[q.Speaker]+": "+q.Text)
	}
	return out
}

// A story saved in Windows-1252, Latin-1 or UTF-16 reads as its UTF-8
// twin does: the same paragraphs, quotes and speakers, its encoding named
// and its offsets said to count the decoded text.
func TestLegacyEncodingsReadAsTheirTwin(t *testing.T) {
	twin := "Café talks end\n\n“We will not pay €5 million,” said Zoë Lefèvre, the café’s owner – again.\n\n" +
		"‘Enough,’ the mayor told reporters on Friday.\n"
	latin := "Café talks end\n\n\"We will not pay 5 million,\" said Zoë Lefèvre, the café's owner.\n"
	w1252, err := charmap.Windows1252.NewEncoder().String(twin)
	if err != nil {
		t.Fatal(err)
	}
	l1, err := charmap.ISO8859_1.NewEncoder().String(latin)
	if err != nil {
		t.Fatal(err)
	}
	u16, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().String(twin)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, utf8, data, encoding string
	}{
		{"windows-1252", twin, w1252, "windows-1252"},
		{"latin-1", latin, l1, "iso-8859-1"},
		{"utf-16", twin, u16, "utf-16le"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want, err := Parse("twin.txt", []byte(c.utf8))
			if err != nil {
				t.Fatal(err)
			}
			got, err := Parse("story.txt", []byte(c.data))
			if err != nil {
				t.Fatal(err)
			}
			if got.Encoding != c.encoding || got.Offsets() != "decoded" || want.Offsets() != "input" {
				t.Errorf("encoding %q, offsets %q; want %q, decoded", got.Encoding, got.Offsets(), c.encoding)
			}
			if len(got.Paragraphs) != len(want.Paragraphs) || got.Title != want.Title {
				t.Fatalf("%d paragraphs, title %q; want %d, %q", len(got.Paragraphs), got.Title, len(want.Paragraphs), want.Title)
			}
			for i := range got.Paragraphs {
				if got.Paragraphs[i].Text != want.Paragraphs[i].Text {
					t.Errorf("¶%d %q, want %q", i+1, got.Paragraphs[i].Text, want.Paragraphs[i].Text)
				}
			}
			gq, wq := quotesOf(got, Analyze(got)), quotesOf(want, Analyze(want))
			if strings.Join(gq, "\n") != strings.Join(wq, "\n") || len(wq) < 1 {
				t.Errorf("quotes\n%s\nwant\n%s", strings.Join(gq, "\n"), strings.Join(wq, "\n"))
			}
			checkContract(t, []byte(c.data), got, Analyze(got))
		})
	}
}

// A Markdown story: the analysis sees its words, not its markup; list
// numbers are markers, not figures; the front matter dates it, and dates
// counted from the day of writing take values.
func TestMarkdownStory(t *testing.T) {
	src := "---\ntitle: Port strike ends\nauthor: Ada Okafor\ndate: 2016-10-15\n---\n\n# Port strike ends\n\n" +
		"The union and the port authority signed a **four-year** deal [on Friday](https://example.org/deal).\n\n" +
		"- Wages rise 40% over the contract.\n- Night shifts end.\n\n" +
		"1. Ships waiting offshore dock first.\n2. The backlog clears after that.\n3. Cranes restart.\n\n" +
		"> \"We did not get everything, but we got the night shifts back,\" Okafor said last month.\n"
	a, err := Parse("story.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	an := Analyze(a)
	if a.Format != formats.Markdown || a.Title != "Port strike ends" || a.Byline != "Ada Okafor" || a.Published.Format(time.DateOnly) != "2016-10-15" {
		t.Errorf("format %q title %q byline %q published %v", a.Format, a.Title, a.Byline, a.Published)
	}
	for _, p := range a.Paragraphs {
		if strings.ContainsAny(p.Text, "*#[]>") || strings.Contains(p.Text, "](") {
			t.Errorf("markup in ¶%d: %q", p.N, p.Text)
		}
	}
	values := map[string]string{}
	for _, f := range an.Figures {
		values[f.Text] = f.Value
		if a.Paragraphs[f.Paragraph-1].Kind == formats.Item && f.Start == 0 && regexp.MustCompile(`^\d\.?$`).MatchString(f.Text) {
			t.Errorf("list marker %q is a figure", f.Text)
		}
	}
	for text, want := range map[string]string{"40%": "40", "on Friday": "", "Friday": "2016-10-14", "last month": "2016-09", "four-year": "P4Y"} {
		if got, ok := values[text]; ok && got != want || !ok && want != "" {
			t.Errorf("figure %q = %q (found %v), want %q; all: %v", text, got, ok, want, values)
		}
	}
	if q := quotesOf(a, an); len(q) != 1 || !strings.HasPrefix(q[0], "Okafor: We did not get everything") {
		t.Errorf("quotes %q", q)
	}
	checkContract(t, nil, a, an)
}

// The news pages of ../shared/data/html-pages: no quote or figure of the
// analysis comes from markup, scripts or captions — every word of each is
// a word of the story Readability expects.
func TestHTMLPagesAnalysis(t *testing.T) {
	dir := testkit.Shared(t, "data", "html-pages")
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "source.html"))
	if len(pages) == 0 {
		t.Skip("no pages in", dir)
	}
	word := regexp.MustCompile(`[\pL\pN]+`)
	// a block's tags part words; an inline one ("<span>F</span>uelling") does not
	block := regexp.MustCompile(`(?is)</?(p|div|br|li|ul|ol|h\d|blockquote|pre|tr|td|th|table|figure|figcaption|section|article)\b[^>]*>`)
	tag := regexp.MustCompile(`(?s)<[^>]*>`)
	for _, page := range pages {
		name := filepath.Base(filepath.Dir(page))
		src, err := os.ReadFile(page)
		if err != nil {
			t.Fatal(err)
		}
		exp, err := os.ReadFile(filepath.Join(filepath.Dir(page), "expected.html"))
		if err != nil {
			t.Fatal(err)
		}
		story := strings.ToLower(htmlUnescape(tag.ReplaceAllString(block.ReplaceAllString(string(exp), " "), "")))
		a, err := Parse("source.html", src)
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		an := Analyze(a)
		if a.Format != formats.HTML {
			t.Errorf("%s: read as %s", name, a.Format)
		}
		foreign := func(what, s string) {
			for _, w := range word.FindAllString(strings.ToLower(s), -1) {
				if !strings.Contains(story, w) {
					t.Errorf("%s: %s %q has %q, not a word of the story", name, what, s, w)
					return
				}
			}
		}
		for _, q := range an.Quotes {
			foreign("quote", q.Text)
		}
		for _, f := range an.Figures {
			foreign("figure", f.Text)
		}
		checkContract(t, nil, a, an)
		t.Logf("%-13s %3d paragraphs %3d quotes %3d speakers %3d figures  %q by %q", name, len(a.Paragraphs), len(an.Quotes), len(an.Speakers), len(an.Figures), a.Title, a.Byline)
	}
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'", "&nbsp;", " ").Replace(s)
}

// A URL is fetched and read by its Content-Type; the page's title and its
// links come with it.
func TestLoadURL(t *testing.T) {
	page := `<!doctype html><html><head><title>Port strike ends</title><meta name="author" content="Ada Okafor"></head><body>
<article><h1>Port strike ends</h1><p>The union and the port authority signed a deal on Friday after 40 days, <a href="/deal">the agreement</a> shows.</p>
<p>"We did not get everything, but we got the night shifts back," Okafor said.</p>
<p>Wages rise by 40 percent over the contract, which runs for four years, and night shifts end in the spring.</p></article></body></html>`
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page))
	}))
	defer srv.Close()
	a, err := Load(srv.URL+"/story", nil, DefaultMaxSize)
	if err != nil {
		t.Fatal(err)
	}
	if a.Format != formats.HTML || a.Source != srv.URL+"/story" || !strings.Contains(a.Title, "Port strike ends") {
		t.Errorf("format %q source %q title %q", a.Format, a.Source, a.Title)
	}
	found := false
	for _, p := range a.Paragraphs {
		for _, s := range p.Styles {
			if s.Kind == formats.Link && s.URL == srv.URL+"/deal" && p.Text[s.Start:s.End] == "the agreement" {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("no link to %s/deal resolved against the page: %+v", srv.URL, a.Paragraphs)
	}
	if q := quotesOf(a, Analyze(a)); len(q) == 0 || !strings.Contains(strings.Join(q, "\n"), "Okafor: We did not get everything") {
		t.Errorf("quotes %q", q)
	}
}
