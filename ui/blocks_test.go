package ui

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/cellbuf"

	"copydesk/content"
	"copydesk/content/figures"
	"copydesk/content/formats"
	"copydesk/internal/termtest"
)

// md makes a paragraph of kind k from a line of Markdown's inline markup
// (**strong**, *emphasis*, `code`, [link](url), none nested), so the
// test story reads as its source would while its Text and Styles are what
// a reader of Markdown makes of it.
func md(k formats.Kind, level int, marker, src string) content.Paragraph {
	p := content.Paragraph{Kind: k, Level: level, Marker: marker}
	var b strings.Builder
	for src != "" {
		var kind formats.StyleKind
		var open, close string
		switch {
		case strings.HasPrefix(src, "**"):
			kind, open, close = formats.Strong, "**", "**"
		case strings.HasPrefix(src, "*"):
			kind, open, close = formats.Emphasis, "*", "*"
		case strings.HasPrefix(src, "`"):
			kind, open, close = formats.InlineCode, "`", "`"
		case strings.HasPrefix(src, "["):
			kind, open, close = formats.Link, "[", "]("
		default:
			b.WriteByte(src[0])
			src = src[1:]
			continue
		}
		inner, rest, ok := strings.Cut(src[len(open):], close)
		if !ok {
			panic("unclosed " + open + " in " + src)
		}
		st := formats.Style{Start: b.Len(), End: b.Len() + len(inner), Kind: kind}
		if kind == formats.Link {
			st.URL, rest, _ = strings.Cut(rest, ")")
		}
		b.WriteString(inner)
		p.Styles = append(p.Styles, st)
		src = rest
	}
	p.Text = b.String()
	return p
}

// storyParagraphs is a short Markdown story, block by block.
func storyParagraphs() []content.Paragraph {
	return []content.Paragraph{
		md(formats.Heading, 1, "", "Port strike ends after three weeks"),
		md(formats.Paragraph, 0, "", "Dockworkers in **Harbor City** went back to work on Monday, the [union said](https://example.com/union) in a statement."),
		md(formats.Item, 1, "•", "Wages rise 40% over the contract."),
		md(formats.Item, 1, "•", "Night shifts end at the container terminal, which has run around the clock since the northern quay was built."),
		md(formats.Item, 2, "•", "Pensions are *unchanged*."),
		md(formats.Item, 1, "1.", "Ships waiting offshore dock first."),
		md(formats.Item, 1, "2.", "The backlog clears after that."),
		md(formats.Heading, 2, "", "What the union says"),
		md(formats.Quote, 1, "", "\"We did not get everything, but we got the night shifts back,\" Okafor said."),
		md(formats.Quote, 1, "", "She thanked the members for their patience."),
		{Kind: formats.Code, Text: "port status --all\n  berth 4: clear\n\tberth 5: waiting"},
		md(formats.Paragraph, 0, "", "Talks resume *next spring* under clause `7b`, the [port](https://example.com/port) and the [union](https://example.com/u) said."),
	}
}

// blockStory is the story as an article; plain, the same words as plain
// text, one paragraph a block.
func blockStory(plain bool) *content.Article {
	art := &content.Article{Source: "story.md", Format: formats.Markdown, Paragraphs: storyParagraphs()}
	for i := range art.Paragraphs {
		p := &art.Paragraphs[i]
		p.N = i + 1
		if plain {
			*p = content.Paragraph{N: p.N, Text: strings.ReplaceAll(p.Text, "\n", " ")}
		}
	}
	return art
}

// cell is a cell of the emulated screen: its grapheme and the styles it was
// written with.
type cell struct {
	g  string
	st cellbuf.Style
}

// screenCells reads the emulator's screen cell by cell, so a test can ask
// how each character is drawn.
func screenCells(s *termtest.Screen) [][]cell {
	var out [][]cell
	p := ansi.NewParser()
	for _, row := range strings.Split(strings.TrimSuffix(s.Styled(), "\n"), "\n") {
		var cells []cell
		var pen cellbuf.Style
		state := byte(ansi.NormalState)
		for row != "" {
			seq, width, n, next := ansi.DecodeSequence(row, state, p)
			row, state = row[n:], next
			switch {
			case ansi.HasCsiPrefix(seq) && ansi.Cmd(p.Command()).Final() == 'm':
				cellbuf.ReadStyle(p.Params(), &pen)
			case width > 0:
				// each cell carries its own styles from a reset on
				cells = append(cells, cell{seq, pen})
				for range width - 1 {
					cells = append(cells, cell{})
				}
				pen = cellbuf.Style{}
			}
		}
		out = append(out, cells)
	}
	return out
}

// sgrStyle is the style an escape prefix (styles.sgr's) sets.
func sgrStyle(sgr string) cellbuf.Style {
	var pen cellbuf.Style
	p := ansi.NewParser()
	for sgr != "" {
		_, _, n, _ := ansi.DecodeSequence(sgr, ansi.NormalState, p)
		sgr = sgr[n:]
		cellbuf.ReadStyle(p.Params(), &pen)
	}
	return pen
}

// rowText is the text of a row of cells from column from.
func rowText(cells []cell, from int) string {
	var b strings.Builder
	for _, c := range cells[min(from, len(cells)):] {
		b.WriteString(c.g)
	}
	return strings.TrimRight(b.String(), " ")
}

// find returns the row and column of the first place where want is shown
// at column from or after.
func find(rows [][]cell, from int, want string) (int, int) {
	for r, cells := range rows {
		t := rowText(cells, from)
		if i := strings.Index(t, want); i >= 0 {
			return r, from + ansi.StringWidth(t[:i])
		}
	}
	return -1, -1
}

// showStory draws the story through the reader as a terminal shows it.
func showStory(t *testing.T, w, h int) (Model, *termtest.Screen) {
	t.Helper()
	art := blockStory(false)
	m := New(art, Options{Renderer: colourRenderer(), Analysis: content.Analyze(art)})
	m = resize(m, w, h)
	if m.wide() {
		m = press(t, m, "s") // the panel aside, so the story has the width
	}
	term := termtest.New(w, h)
	var enc encoder
	term.Write(enc.encode(m.View(), w, h))
	return m, term
}

// The story on a terminal: markup gone, each item on its own line after
// its marker with its wrapped lines under its text, quotes barred, and
// the analysis' highlights and the inline styles on the right cells.
func TestBlocksOnScreen(t *testing.T) {
	for _, w := range []int{80, 40} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			m, term := showStory(t, w, 60)
			checkWidth(t, m)
			rows := screenCells(term)
			text := term.Text()
			gw := m.pane.gutterW
			for _, markup := range []string{"**", "](", "#", "`", "*next"} {
				if strings.Contains(text, markup) {
					t.Errorf("markup %q on screen:\n%s", markup, text)
				}
			}

			// Items: each starts its own line with its marker, nested ones
			// two columns further in; the long one's later lines hang under
			// its text.
			for _, tt := range []struct{ lead, words string }{
				{"• ", "Wages rise"}, {"• ", "Night shifts"}, {"  • ", "Pensions are"},
				{"1. ", "Ships waiting"}, {"2. ", "The backlog"},
			} {
				r, _ := find(rows, 0, tt.words)
				if r < 0 || !strings.HasPrefix(rowText(rows[r], gw), tt.lead+tt.words) {
					t.Errorf("item %q does not start a line after %q:\n%s", tt.words, tt.lead, text)
				}
			}
			first, _ := find(rows, 0, "Night shifts")
			last, _ := find(rows, 0, "built.")
			if last <= first {
				t.Fatalf("the long item does not wrap at %d columns:\n%s", w, text)
			}
			for r := first + 1; r <= last; r++ {
				if line := rowText(rows[r], gw); !strings.HasPrefix(line, "  ") || line[2] == ' ' {
					t.Errorf("row %d of the long item is not indented under its text: %q", r, line)
				}
			}
			// no blank line inside a list, one before and after it
			if r, _ := find(rows, 0, "Wages rise"); r < 1 || rowText(rows[r-1], 0) != "" || rowText(rows[r+1], gw) == "" {
				t.Errorf("the list is not one block between blank lines:\n%s", text)
			}

			// Quotes: every line barred, the blank line between two
			// paragraphs of the quote too.
			qs, _ := find(rows, 0, "\"We did not")
			qe, _ := find(rows, 0, "patience.")
			for r := qs; r <= qe && qs >= 0; r++ {
				if line := rowText(rows[r], gw); !strings.HasPrefix(line, "│") {
					t.Errorf("row %d of the block quote has no bar: %q", r, line)
				}
			}

			// Headings: no "#", bold, and the reader's heading tint.
			heading := sgrStyle(m.st.sgr(clsHeading))
			for _, words := range []string{"Port strike", "What the union"} {
				r, c := find(rows, gw, words)
				if r < 0 || rows[r][c].st.Attrs&cellbuf.BoldAttr == 0 || rows[r][c].st.Fg != heading.Fg {
					t.Errorf("heading %q is not bold in the heading colour", words)
				}
			}

			// Code: its lines as written, indentation kept (a tab to the
			// next stop of four), inset by two.
			for _, line := range []string{"port status --all", "  berth 4: clear", "    berth 5: waiting"} {
				if r, _ := find(rows, 0, strings.TrimSpace(line)); r < 0 || rowText(rows[r], gw) != "  "+line {
					t.Errorf("code line %q not shown as written:\n%s", line, text)
				}
			}

			figure := sgrStyle(m.st.sgr(figureClass(figures.Percent)))
			quote := sgrStyle(m.st.sgr(clsQuote))
			for _, tt := range []struct {
				name, words string
				check       func(cellbuf.Style) bool
			}{
				{"the figure on 40%", "40%", func(s cellbuf.Style) bool { return s.Fg == figure.Fg && s.UlStyle != cellbuf.NoUnderline }},
				{"no figure on the marker 2.", "2. ", func(s cellbuf.Style) bool { return s.Fg == nil && s.UlStyle == cellbuf.NoUnderline }},
				{"bold on the strong run", "Harbor City", func(s cellbuf.Style) bool { return s.Attrs&cellbuf.BoldAttr != 0 }},
				{"an underline on the link", "union", func(s cellbuf.Style) bool { return s.UlStyle != cellbuf.NoUnderline }},
				{"italics on emphasis", "unchanged", func(s cellbuf.Style) bool { return s.Attrs&cellbuf.ItalicAttr != 0 }},
				{"the quote colour on the quote in the block quote", "did not get", func(s cellbuf.Style) bool { return s.Fg == quote.Fg }},
				{"the code colour on inline code", "7b", func(s cellbuf.Style) bool { return s.Fg == sgrStyle(m.st.sgr(clsCode)).Fg }},
			} {
				r, c := find(rows, gw, tt.words)
				if r < 0 {
					t.Errorf("%s: %q not on screen:\n%s", tt.name, tt.words, text)
					continue
				}
				for i := range ansi.StringWidth(tt.words) {
					if !tt.check(rows[r][c+i].st) {
						t.Errorf("%s: %q at row %d column %d is drawn %+v", tt.name, rows[r][c+i].g, r, c+i, rows[r][c+i].st)
					}
				}
			}
			if r, c := find(rows, gw, "union"); r >= 0 && c > gw && rows[r][c-1].st.UlStyle != cellbuf.NoUnderline {
				t.Errorf("the underline of the link reaches the space before it")
			}
			// The speaker of the quote is the analysis', and stays so.
			if r, c := find(rows, gw, "Okafor"); r < 0 || rows[r][c].st.Fg == nil {
				t.Errorf("the speaker is not highlighted in the block quote")
			}
		})
	}
}

// A highlight inside an inline style keeps both where a terminal can show
// both, and wins where it cannot: the quote's colour over the code's.
func TestHighlightsOverInlineStyles(t *testing.T) {
	st := newStyles(colourRenderer(), false)
	quote := sgrStyle(st.sgr(clsQuote))
	fig := sgrStyle(st.sgr(figureClass(figures.Percent)))
	for _, tt := range []struct {
		name string
		mask uint16
		want func(cellbuf.Style) bool
	}{
		{"quote in bold", clsQuote | clsStrong, func(s cellbuf.Style) bool {
			return s.Fg == quote.Fg && s.Attrs&cellbuf.BoldAttr != 0 && s.Attrs&cellbuf.ItalicAttr != 0
		}},
		{"quote in code", clsQuote | clsCode, func(s cellbuf.Style) bool { return s.Fg == quote.Fg }},
		{"figure in a heading", figureClass(figures.Percent) | clsHeading, func(s cellbuf.Style) bool {
			return s.Fg == fig.Fg && s.Attrs&cellbuf.BoldAttr != 0
		}},
		{"current item in a link", clsActive | clsLink, func(s cellbuf.Style) bool {
			return s.Attrs&cellbuf.ReverseAttr != 0 && s.UlStyle != cellbuf.NoUnderline
		}},
	} {
		if got := sgrStyle(st.sgr(tt.mask)); !tt.want(got) {
			t.Errorf("%s: %+v", tt.name, got)
		}
	}
}

// Without colour, the inline styles keep their attributes.
func TestInlineStylesWithoutColour(t *testing.T) {
	r := colourRenderer()
	st := newStyles(r, true)
	for _, tt := range []struct {
		mask uint16
		attr cellbuf.AttrMask
	}{{clsStrong, cellbuf.BoldAttr}, {clsEmphasis, cellbuf.ItalicAttr}, {clsHeading, cellbuf.BoldAttr}} {
		got := sgrStyle(st.sgr(tt.mask))
		if got.Attrs&tt.attr == 0 || got.Fg != nil {
			t.Errorf("class %#x without colour: %+v", tt.mask, got)
		}
	}
	if got := sgrStyle(st.sgr(clsLink)); got.UlStyle == cellbuf.NoUnderline || got.Fg != nil {
		t.Errorf("a link without colour: %+v", got)
	}
}

// storyPane is the pane of the story at w columns, analysed.
func storyPane(art *content.Article, w, h int) *pane {
	st := newStyles(colourRenderer(), false)
	p := newPane(art, st, func(w int) *layouter { return newLayouter(w, colourRenderer().ColorProfile(), true) })
	pr := prepare(art, content.Analyze(art))
	p.setHighlights(pr.spans, pr.spanMax)
	p.setSize(w, h)
	return p
}

// Every line fits the pane at any width, however deep the nesting, down to
// one column, where the terminal is too small for the reader's frame but
// the pane beside a panel can be that narrow, and the words are all there;
// so does every line of the reader's frames. The article holds what an
// input should never hold too: styles out of their text, crossed or
// backwards, markers of escapes and of any width, depths below one.
func TestBlocksFitEveryWidth(t *testing.T) {
	art := blockStory(false)
	deep := md(formats.Item, 40, "12.", "A list forty levels deep, whose indent no pane has room for.")
	art.Paragraphs = append(art.Paragraphs, deep,
		md(formats.Quote, 9, "", "A quote nine deep."),
		content.Paragraph{Kind: formats.Item, Level: -3, Marker: "\x1b]0;owned\x07日本語の長いマーカー.", Text: "x"},
		content.Paragraph{Kind: formats.Quote, Level: 0, Text: "short", Styles: []formats.Style{
			{Start: 3, End: 900, Kind: formats.Strong}, {Start: -5, End: 2, Kind: formats.Link}, {Start: 4, End: 1, Kind: formats.Emphasis},
		}},
		content.Paragraph{Kind: formats.Code, Text: "\x1b[2J\ttab\r\n" + strings.Repeat("wide日本", 40)},
		content.Paragraph{Kind: formats.Heading, Level: 99},
		content.Paragraph{Kind: formats.Item, Level: 2, Marker: "•"},
	)
	for i := range art.Paragraphs {
		art.Paragraphs[i].N = i + 1
	}
	words := strings.Fields(art.Paragraphs[3].Text + " " + deep.Text)
	for _, w := range []int{80, 40, 12, 3, 1} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			p := storyPane(art, w, 3000)
			lines := p.view(true)
			var all strings.Builder
			for i, l := range lines {
				if got := ansi.StringWidth(l); got != w {
					t.Errorf("line %d is %d wide at %d: %q", i, got, w, l)
				}
				all.WriteString(strings.ReplaceAll(ansi.Strip(l), " ", ""))
			}
			for _, word := range words {
				if !strings.Contains(all.String(), word) {
					t.Errorf("%q is not shown at %d columns", word, w)
				}
			}
			if strings.Contains(all.String(), "owned") {
				t.Error("an escape sequence in a marker is shown")
			}
		})
	}
	// Keys move the focus, the current quote and figure, a search and the
	// panel over every block.
	for _, size := range [][2]int{{120, 40}, {80, 30}, {40, 12}, {20, 5}, {3, 1}, {1, 1}} {
		m := resize(New(art, Options{Renderer: colourRenderer()}), size[0], size[1])
		for _, k := range []string{"j", "f", "]", "j", "space", "/", "union", "enter", "n", "G", "k", "s", "b", "j", "g"} {
			checkWidth(t, m)
			m = press(t, m, k)
		}
	}
}

// The inline classes take bits no highlight uses: a figure kind added to
// figureKinds must not become a link.
func TestClassBitsApart(t *testing.T) {
	for _, k := range figureKinds {
		if c := figureClass(k); c&clsInline != 0 || c&(clsQuote|clsMention|clsTitle|clsMatch|clsActive|clsChecked|clsDisputed) != 0 {
			t.Errorf("figure class %#x of %s shares bits with another class", c, k)
		}
	}
}

// Each line of a lead as leadFor makes it, and where it gives way.
func TestLeadFor(t *testing.T) {
	for _, tt := range []struct {
		p    content.Paragraph
		w    int
		want blockLead
	}{
		{content.Paragraph{Kind: formats.Item, Level: 1, Marker: "•"}, 40, blockLead{marker: "•", hang: 2}},
		{content.Paragraph{Kind: formats.Item, Level: 3, Marker: "10."}, 40, blockLead{indent: 4, marker: "10.", hang: 4}},
		{content.Paragraph{Kind: formats.Item, Level: 3, Marker: "10."}, 12, blockLead{marker: "10.", hang: 4}},
		{content.Paragraph{Kind: formats.Item, Level: 1, Marker: "10."}, 7, blockLead{}},
		{content.Paragraph{Kind: formats.Item, Level: 1}, 4, blockLead{marker: "•", hang: 2}},
		{content.Paragraph{Kind: formats.Item, Level: 1}, 3, blockLead{}},
		{content.Paragraph{Kind: formats.Item, Level: 1, Marker: "\x1b[31m•"}, 40, blockLead{marker: "•", hang: 2}},
		{content.Paragraph{Kind: formats.Item, Level: 1 << 62, Marker: "•"}, 40, blockLead{marker: "•", hang: 2}},
		{content.Paragraph{Kind: formats.Quote, Level: 2}, 40, blockLead{bars: 2}},
		{content.Paragraph{Kind: formats.Quote, Level: 2}, 12, blockLead{bars: 1}},
		{content.Paragraph{Kind: formats.Quote, Level: 1}, 3, blockLead{}},
		{content.Paragraph{Kind: formats.Code}, 40, blockLead{indent: 2}},
		{content.Paragraph{Kind: formats.Code}, 11, blockLead{}},
		{content.Paragraph{Kind: formats.Heading, Level: 1}, 40, blockLead{}},
		{content.Paragraph{}, 40, blockLead{}},
	} {
		if got := leadFor(&tt.p, tt.w); got != tt.want {
			t.Errorf("leadFor(%s %d %q, %d) = %+v, want %+v", tt.p.Kind, tt.p.Level, tt.p.Marker, tt.w, got, tt.want)
		}
	}
}

// A code block keeps its lines and spaces, and breaks only what is too
// wide; every rune still names its byte.
func TestCodeLines(t *testing.T) {
	src := "a  b\n\n\tc\r\nlonger line\n"
	for _, tt := range []struct {
		w    int
		want []string
	}{
		{20, []string{"a  b", "", "    c", "longer line"}},
		{6, []string{"a  b", "", "    c", "longer", " line"}},
	} {
		ll := codeLines(src, 0, len(src), tt.w)
		var got []string
		for _, l := range ll {
			got = append(got, l.text)
			for i, r := range []rune(l.text) {
				if off := l.offs[i]; off >= 0 && rune(src[off]) != r && src[off] != '\t' {
					t.Errorf("%q: rune %q shows byte %d (%q)", l.text, r, off, src[off])
				}
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("width %d: %q, want %q", tt.w, got, tt.want)
		}
	}
}

// The prefetch lays every block out as plain text; the pane does a list
// item again with its lead, and keeps a paragraph's.
func TestPrefetchedPlainLayoutRedone(t *testing.T) {
	art := blockStory(false)
	p := storyPane(art, 60, 30)
	item, para := p.first[3], p.first[1]
	for _, b := range []int{item, para} {
		bl := p.blocks[b]
		p.layouts[b] = p.lay.layout(art.Paragraphs[bl.para].Text, bl.s, bl.e, false)
	}
	prefetched := p.layouts[para]
	if ll := p.lines(item); ll[0].lead != "• " {
		t.Errorf("an item laid out by the prefetch shows no marker: %+v", ll[0])
	}
	if ll := p.lines(para); &ll[0] != &prefetched[0] {
		t.Error("a paragraph the prefetch laid out was laid out again")
	}
}

// Plain text is drawn as before: the story's words as plain paragraphs
// and as paragraph blocks without styles make the same frame.
func TestParagraphBlocksAsPlainText(t *testing.T) {
	plain := blockStory(true)
	blocks := blockStory(true)
	for i := range blocks.Paragraphs {
		blocks.Paragraphs[i].Kind = formats.Paragraph
	}
	for _, w := range []int{80, 33} {
		a := resize(New(plain, Options{Renderer: colourRenderer()}), w, 30).View()
		b := resize(New(blocks, Options{Renderer: colourRenderer()}), w, 30).View()
		if a != b {
			t.Errorf("paragraph blocks drawn unlike plain text at %d:\n%q\n%q", w, a, b)
		}
	}
}

func TestLinkStatus(t *testing.T) {
	one := md(formats.Paragraph, 0, "", "the [union](https://example.com/union) said")
	three := md(formats.Paragraph, 0, "", "Talks with the [port](https://example.com/port), the [union](https://example.com/u) and [the city](https://example.com/c).")
	hostile := md(formats.Paragraph, 0, "", "[x](https://evil.example/\x1b]52;c;cm0=\x07a)")
	for _, tt := range []struct {
		name string
		p    content.Paragraph
		w    int
		want string
	}{
		{"none", storyParagraphs()[0], 80, ""},
		{"one", one, 80, "→ https://example.com/union"},
		{"many", three, 80, "→ https://example.com/port (1 of 3 links)"},
		{"cut address, count kept", three, 30, "→ https://exam… (1 of 3 links)"},
		{"too narrow for the count", three, 12, "→ https://e…"},
		{"one column", three, 1, "…"},
		{"no columns", three, 0, ""},
		{"escapes dropped", hostile, 80, "→ https://evil.example/a"},
	} {
		got := linkStatus(tt.p, tt.w)
		if got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
		if ansi.StringWidth(got) > max(tt.w, 0) {
			t.Errorf("%s: %q is wider than %d", tt.name, got, tt.w)
		}
	}
}

// The story's pane, drawn plain, at a wide and a narrow width: how the
// blocks look (go test ./ui -update rewrites the files).
func TestBlocksGolden(t *testing.T) {
	art := blockStory(false)
	for _, w := range []int{60, 24} {
		t.Run(fmt.Sprint(w), func(t *testing.T) {
			st := newStyles(asciiRenderer(), false)
			p := newPane(art, st, func(w int) *layouter { return newLayouter(w, asciiRenderer().ColorProfile(), true) })
			p.setSize(w, 60)
			got := strings.TrimRight(strings.Join(p.view(false), "\n"), "\n") + "\n"
			path := filepath.Join("testdata", "blocks", fmt.Sprintf("story-%d.golden", w))
			if f := flag.Lookup("update"); f != nil && f.Value.String() == "true" {
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("%s differs:\n%s", path, got)
			}
		})
	}
}

// BenchmarkLayoutBlocks lays out and paints the story, every block, at 76
// columns: as Markdown blocks and as the same words in plain text.
func BenchmarkLayoutBlocks(b *testing.B) {
	for _, plain := range []bool{true, false} {
		name := "blocks"
		if plain {
			name = "plain"
		}
		b.Run(name, func(b *testing.B) {
			art := blockStory(plain)
			p := storyPane(art, 76+blockGutter(art), 200)
			b.ReportAllocs()
			for b.Loop() {
				clear(p.layouts)
				clear(p.painted)
				for bl := range p.blocks {
					p.paintedLines(bl)
				}
			}
		})
	}
}

// blockGutter is the gutter and margin a pane takes beside the text.
func blockGutter(art *content.Article) int {
	return len(fmt.Sprint(len(art.Paragraphs))) + 3 + 1
}

// A Markdown file as a user opens it: read by content.Parse, drawn by the
// reader. No markup on screen, each list item on its own line with its
// marker, the link's address in the status line on its paragraph.
func TestMarkdownFileOnScreen(t *testing.T) {
	src := "# Port strike ends\n\nThe union signed a **four-year** deal, [the agreement](https://example.org/deal) shows.\n\n" +
		"- Wages rise 40% over the contract.\n- Night shifts end.\n\n1. Ships dock first.\n2. The backlog clears.\n\n" +
		"> \"We got the night shifts back,\" Okafor said.\n"
	art, err := content.Parse("story.md", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	m := newReader(t, art, 100, 30)
	m = drain(m, m.Init())
	screen := ansi.Strip(m.View())
	for _, bad := range []string{"**", "](", "# Port", "- Wages", "> \""} {
		if strings.Contains(screen, bad) {
			t.Errorf("%q on screen:\n%s", bad, screen)
		}
	}
	for _, want := range []string{"• Wages rise 40% over the contract.", "• Night shifts end.", "1. Ships dock first.", "2. The backlog clears.", "│ \"We got the night shifts back,\" Okafor said."} {
		if !strings.Contains(screen, want) {
			t.Errorf("no line with %q:\n%s", want, screen)
		}
	}
	m = press(t, m, "j")
	if s := ansi.Strip(status(m)); !strings.Contains(s, "→ https://example.org/deal") {
		t.Errorf("status on the linked paragraph: %q", s)
	}
}
