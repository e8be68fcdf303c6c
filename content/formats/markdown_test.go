package formats

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// on returns the style of kind over the first occurrence of sub in text,
// so that expected styles are written as words, not offsets.
func on(t *testing.T, text, sub string, kind StyleKind, url string) Style {
	t.Helper()
	i := strings.Index(text, sub)
	if i < 0 {
		t.Fatalf("%q not in %q", sub, text)
	}
	return Style{Start: i, End: i + len(sub), Kind: kind, URL: url}
}

type styled struct {
	sub  string
	kind StyleKind
	url  string
}

// blk builds an expected block.
func blk(t *testing.T, kind Kind, level int, marker, text string, styles ...styled) Block {
	t.Helper()
	b := Block{Kind: kind, Level: level, Marker: marker, Text: text}
	for _, s := range styles {
		b.Styles = append(b.Styles, on(t, text, s.sub, s.kind, s.url))
	}
	return b
}

func sameBlocks(t *testing.T, got, want []Block) {
	t.Helper()
	for i := range max(len(got), len(want)) {
		switch {
		case i >= len(got):
			t.Errorf("block %d missing: %+v", i, want[i])
		case i >= len(want):
			t.Errorf("block %d extra: %+v", i, got[i])
		case !reflect.DeepEqual(normal(got[i]), normal(want[i])):
			t.Errorf("block %d:\n got %+v\nwant %+v", i, got[i], want[i])
		}
	}
}

// normal makes a block's nil and empty style lists equal.
func normal(b Block) Block {
	if len(b.Styles) == 0 {
		b.Styles = nil
	}
	return b
}

func TestParseMarkdownStory(t *testing.T) {
	src, err := os.ReadFile(filepath.Join("testdata", "story.md"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := ParseMarkdown(src)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "Harbour council approves $4.2m flood wall" || doc.Byline != "Mara Lindqvist" ||
		!doc.Published.Equal(time.Date(2024, 3, 14, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("metadata: title %q byline %q published %v", doc.Title, doc.Byline, doc.Published)
	}
	want := []Block{
		blk(t, Heading, 1, "", "Harbour council approves $4.2m flood wall"),
		blk(t, Paragraph, 0, "", "The council voted 7 to 2 on Tuesday to build the wall, the planning report shows.",
			styled{"7 to 2", Strong, ""}, styled{"planning report", Link, "https://example.org/reports/flood-wall.pdf"}),
		blk(t, Paragraph, 0, "", "Three figures from the report:"),
		blk(t, Item, 1, "•", "The wall will run 1.8 km along the quay.", styled{"1.8 km", Strong, ""}),
		blk(t, Item, 1, "•", "It will cost $4.2 million, 12% more than the 2022 estimate.", styled{"$4.2 million", Emphasis, ""}),
		blk(t, Item, 1, "•", "About 3,400 homes sit behind it."),
		blk(t, Paragraph, 0, "", "The work comes in three stages:"),
		blk(t, Item, 1, "1.", "Survey the seabed (six weeks)."),
		blk(t, Item, 1, "2.", "Drive the piles, from May 2."),
		blk(t, Item, 1, "3.", "Pour the cap by the end of 2025."),
		blk(t, Quote, 1, "", `"We cannot wait for the next storm," said Councillor Ana Ruiz.`),
		blk(t, Paragraph, 0, "", "The engineers' model is public:"),
		blk(t, Code, 0, "", "height = 2.4  # metres above mean high water\nprint(height)"),
	}
	sameBlocks(t, doc.Blocks, want)
}

func TestParseMarkdownEdges(t *testing.T) {
	day := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	tests := []struct {
		name   string
		src    string
		want   func(t *testing.T) []Block
		title  string
		byline string
		date   time.Time
	}{
		{name: "empty", src: "", want: func(*testing.T) []Block { return nil }},
		{name: "only blank lines and a rule", src: "\n\n---\n\n***\n", want: func(*testing.T) []Block { return nil }},
		{name: "nested lists", src: "- one\n  - one.a\n    1. deep\n    2. deeper\n  - one.b\n- two\n",
			want: func(t *testing.T) []Block {
				return []Block{
					blk(t, Item, 1, "•", "one"),
					blk(t, Item, 2, "•", "one.a"),
					blk(t, Item, 3, "1.", "deep"),
					blk(t, Item, 3, "2.", "deeper"),
					blk(t, Item, 2, "•", "one.b"),
					blk(t, Item, 1, "•", "two"),
				}
			}},
		{name: "ordered list keeps its start and delimiter", src: "7) seven\n8) eight\n",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Item, 1, "7)", "seven"), blk(t, Item, 1, "8)", "eight")}
			}},
		{name: "item of several paragraphs", src: "1. First point.\n\n   More on it.\n2. Second.\n",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Item, 1, "1.", "First point."), blk(t, Item, 1, "", "More on it."), blk(t, Item, 1, "2.", "Second.")}
			}},
		{name: "emphasis nested in a link", src: "See [the **full** *report*](https://x.org/r \"t\") now.",
			want: func(t *testing.T) []Block {
				text := "See the full report now."
				return []Block{{Kind: Paragraph, Text: text, Styles: []Style{
					on(t, text, "the full report", Link, "https://x.org/r"),
					on(t, text, "full", Strong, ""),
					on(t, text, "report", Emphasis, ""),
				}}}
			}},
		{name: "strong around emphasis", src: "***all*** of it",
			want: func(t *testing.T) []Block {
				text := "all of it"
				return []Block{{Kind: Paragraph, Text: text, Styles: []Style{
					on(t, text, "all", Emphasis, ""), on(t, text, "all", Strong, ""),
				}}}
			}},
		{name: "escapes", src: `\*not bold\* and 5 \* 3 \# \[x\](y) \\`,
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Paragraph, 0, "", `*not bold* and 5 * 3 # [x](y) \`)}
			}},
		{name: "entities", src: "Smith &amp; Wesson &lt;b&gt; &copy; &#8364;5 &#x41; &bogus; \\&amp;",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Paragraph, 0, "", "Smith & Wesson <b> © €5 A &bogus; &amp;")}
			}},
		{name: "line breaks are spaces", src: "one\ntwo  \nthree\\\nfour",
			want: func(t *testing.T) []Block { return []Block{blk(t, Paragraph, 0, "", "one two three four")} }},
		{name: "code span", src: "Run `go  vet` first.",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Paragraph, 0, "", "Run go vet first.", styled{"go vet", InlineCode, ""})}
			}},
		{name: "autolinks and images", src: "Mail <a@b.org> or see <https://x.org>. ![A map of the *quay*](m.png) ![](n.png) end",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Paragraph, 0, "", "Mail a@b.org or see https://x.org. A map of the quay end",
					styled{"a@b.org", Link, "mailto:a@b.org"}, styled{"https://x.org", Link, "https://x.org"})}
			}},
		{name: "raw HTML inline and block", src: "A <b>bold</b> move<br>here.\n\n<div class=\"note\">\n<p>Inside &amp; out</p><p>Second</p>\n<script>x()</script>\n</div>\n",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Paragraph, 0, "", "A bold move here."), blk(t, Paragraph, 0, "", "Inside & out"), blk(t, Paragraph, 0, "", "Second")}
			}},
		{name: "headings", src: "Title\n=====\n\n## Sub *part* ##\n\nPart\n---\n",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Heading, 1, "", "Title"), blk(t, Heading, 2, "", "Sub part", styled{"part", Emphasis, ""}), blk(t, Heading, 2, "", "Part")}
			},
			title: "Title"},
		{name: "nested quotes", src: "> outer\n>\n> > inner\n>\n> - item\n",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Quote, 1, "", "outer"), blk(t, Quote, 2, "", "inner"), blk(t, Item, 1, "•", "item")}
			}},
		{name: "indented code keeps lines", src: "    a := 1\n\n    b := 2\n",
			want: func(t *testing.T) []Block { return []Block{blk(t, Code, 0, "", "a := 1\n\nb := 2")} }},
		{name: "table rows", src: "| Town | Votes |\n|---|--:|\n| Ely | **1,204** |\n",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Paragraph, 0, "", "Town · Votes"), blk(t, Paragraph, 0, "", "Ely · 1,204", styled{"1,204", Strong, ""})}
			}},
		{name: "strikethrough keeps its words", src: "It was ~~$3m~~ $4m.",
			want: func(t *testing.T) []Block { return []Block{blk(t, Paragraph, 0, "", "It was $3m $4m.")} }},
		{name: "front matter", src: "---\ntitle: 'It''s done'\nbyline: By A. Writer  # staff\ndate: 2023-11-02T09:30:00+01:00\n---\nBody.\n",
			want:  func(t *testing.T) []Block { return []Block{blk(t, Paragraph, 0, "", "Body.")} },
			title: "It's done", byline: "By A. Writer", date: time.Date(2023, 11, 2, 8, 30, 0, 0, time.UTC)},
		{name: "unclosed front matter is a rule", src: "---\ntitle: x\n",
			want: func(t *testing.T) []Block { return []Block{blk(t, Paragraph, 0, "", "title: x")} }},
		{name: "CRLF and CR line ends", src: "# Head\r\n\r\nOne\r\ntwo\rthree\r\n\r\n- a\r\n- b\r\n",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Heading, 1, "", "Head"), blk(t, Paragraph, 0, "", "One two three"), blk(t, Item, 1, "•", "a"), blk(t, Item, 1, "•", "b")}
			},
			title: "Head"},
		{name: "BOM before front matter", src: "\xEF\xBB\xBF---\ndate: 2020-01-02\n---\nText",
			want: func(t *testing.T) []Block { return []Block{blk(t, Paragraph, 0, "", "Text")} },
			date: day(2020, 1, 2)},
		{name: "invalid UTF-8 and controls", src: "a\xffb\x01c\x00d",
			want: func(t *testing.T) []Block { return []Block{blk(t, Paragraph, 0, "", "a\uFFFDbc\uFFFDd")} }},
		{name: "link reference", src: "See [the data][d].\n\n[d]: https://x.org/d\n",
			want: func(t *testing.T) []Block {
				return []Block{blk(t, Paragraph, 0, "", "See the data.", styled{"the data", Link, "https://x.org/d"})}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := ParseMarkdown([]byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			sameBlocks(t, doc.Blocks, tt.want(t))
			if doc.Title != tt.title || doc.Byline != tt.byline || !doc.Published.Equal(tt.date) {
				t.Errorf("metadata: title %q byline %q date %v, want %q %q %v", doc.Title, doc.Byline, doc.Published, tt.title, tt.byline, tt.date)
			}
			checkDocument(t, doc)
		})
	}
}

// checkDocument asserts what every Document promises: valid UTF-8 text,
// collapsed white space outside code, styles inside the text, on character
// boundaries, ordered by start and never crossing.
func checkDocument(t testing.TB, doc *Document) {
	t.Helper()
	for i, b := range doc.Blocks {
		if !utf8.ValidString(b.Text) {
			t.Fatalf("block %d: invalid UTF-8: %q", i, b.Text)
		}
		if b.Text == "" {
			t.Fatalf("block %d is empty", i)
		}
		if b.Kind != Code && collapseSpace(b.Text) != b.Text {
			t.Fatalf("block %d: white space not collapsed: %q", i, b.Text)
		}
		for j, s := range b.Styles {
			if s.Start < 0 || s.End > len(b.Text) || s.Start >= s.End {
				t.Fatalf("block %d style %d %+v out of %q", i, j, s, b.Text)
			}
			if !utf8.RuneStart(b.Text[s.Start]) || s.End < len(b.Text) && !utf8.RuneStart(b.Text[s.End]) {
				t.Fatalf("block %d style %d %+v cuts a character of %q", i, j, s, b.Text)
			}
			if j > 0 {
				p := b.Styles[j-1]
				if p.Start > s.Start {
					t.Fatalf("block %d styles out of order: %+v", i, b.Styles)
				}
				if s.Start < p.End && s.End > p.End {
					t.Fatalf("block %d styles cross: %+v %+v", i, p, s)
				}
			}
		}
	}
}

func FuzzParseMarkdown(f *testing.F) {
	story, err := os.ReadFile(filepath.Join("testdata", "story.md"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(story)
	for _, s := range []string{
		"", "# h\n\n**b** *e* `c` [l](u) <a@b.c> ![i](j) &amp; \\*",
		"- a\n  - b\n    1. c\n\n> q\n> > r\n", "---\ntitle: x\n---\n", "| a | b |\n|---|---|\n| **1** | 2 |",
		"<div>\n<p>x</p>\n</div>", "***a** b*", "[a *b](c) d*", "é**ü**", "\xEF\xBB\xBF\r\n#\r",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		doc, err := ParseMarkdown(src)
		if err != nil {
			t.Fatal(err)
		}
		checkDocument(t, doc)
		Detect("story.md", src) // must not panic on any input
	})
}

// markdownBench builds a long Markdown story from the repository's
// sample article: its paragraphs, a headline, subheadings, links, bold
// figures and lists, as an editor's copy would have them.
func markdownBench(b *testing.B) []byte {
	data, err := os.ReadFile(filepath.Join("..", "lausanne-syria-talks.txt"))
	if err != nil {
		b.Skip(err)
	}
	paras := strings.Split(strings.TrimSpace(string(data)), "\n\n")
	var sb strings.Builder
	sb.WriteString("# " + strings.TrimSpace(paras[0]) + "\n\n")
	for i, p := range paras[1:] {
		p = strings.TrimSpace(p)
		switch i % 8 {
		case 3:
			sb.WriteString("## Section " + string(rune('A'+i%26)) + "\n\n")
		case 5:
			sb.WriteString("- first **12%** point\n- second [source](https://example.org/s)\n- third\n\n")
		case 7:
			sb.WriteString("> " + p + "\n\n")
			continue
		}
		if w := strings.Fields(p); len(w) > 6 {
			p = strings.Replace(p, w[2], "**"+w[2]+"**", 1)
			p = strings.Replace(p, w[5], "["+w[5]+"](https://example.org/"+w[5]+")", 1)
		}
		sb.WriteString(p + "\n\n")
	}
	out := []byte(sb.String())
	for len(out) < 100_000 {
		out = append(out, out...)
	}
	return out
}

func BenchmarkParseMarkdown(b *testing.B) {
	src := markdownBench(b)
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseMarkdown(src); err != nil {
			b.Fatal(err)
		}
	}
}
