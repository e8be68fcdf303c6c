// Package formats reads the inputs a newsroom has into one shape: plain
// text, Markdown and HTML pages, in UTF-8 or a legacy encoding, become a
// Document of blocks (paragraphs, headings, list items, block quotes, code)
// whose text is the words a reader sees, without markup, and whose inline
// styles (emphasis, links) are byte ranges of that text. The analysis runs
// on the blocks' text, so no quote or figure is ever found in markup.
package formats

import (
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Format names what an input is, as the analysis document reports it.
type Format string

const (
	Text     Format = "text"
	Markdown Format = "markdown"
	HTML     Format = "html"
)

// Kind is what a block is in the story's layout.
type Kind string

const (
	Paragraph Kind = "paragraph"
	Heading   Kind = "heading"
	Quote     Kind = "blockquote" // a block quote (not a quotation the analysis finds)
	Item      Kind = "item"       // a list item
	Code      Kind = "code"
)

// Document is an input read into blocks, with what its metadata says.
type Document struct {
	Title     string    // the headline, "" when none is given
	Byline    string    // the author line, "" when none is given
	Site      string    // the publication's name, "" when none is given
	Published time.Time // zero when the input does not say
	Lang      string    // BCP 47 tag from the input's metadata, "" when none
	Blocks    []Block
}

// Block is one unit of the story's layout; the reader moves through them
// as paragraphs.
type Block struct {
	Kind   Kind
	Level  int     // a heading's level (1-6); a list item's or quote's nesting depth (1 = outermost); 0 otherwise
	Marker string  // a list item's marker as shown: "•" or "3."; "" for other kinds
	Text   string  // the block's words without markup, white space collapsed (code keeps its lines)
	Styles []Style // inline styles, ordered by Start; ranges never cut a character
}

// StyleKind is an inline style of a run of a block's text.
type StyleKind string

const (
	Strong     StyleKind = "strong"
	Emphasis   StyleKind = "emphasis"
	InlineCode StyleKind = "code"
	Link       StyleKind = "link"
)

// Style is an inline style on Text[Start:End]. Styles may nest (a link in
// bold text) but never cross.
type Style struct {
	Start, End int
	Kind       StyleKind
	URL        string // a link's target, as written (resolved against the page's address for HTML)
}

// textBuilder assembles one block's Text and Styles from pieces of decoded
// text. White space is collapsed as it arrives, and a space is only
// written once a visible character follows it, so Text is never trimmed
// after the fact and no style offset has to be moved.
type textBuilder struct {
	b       strings.Builder
	pending bool // white space seen since the last visible character
	open    []openStyle
	styles  []Style
	order   []int // the order in which each of styles was opened
	opened  int
	mute    int // > 0 while writing text that takes no style (an image's alt text)
}

type openStyle struct {
	start int // -1 until the style's first visible character is written
	kind  StyleKind
	url   string
	order int
}

// write appends s, collapsing white space, replacing invalid UTF-8 with
// U+FFFD and dropping control characters a terminal would act on.
func (t *textBuilder) write(s string) {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case unicode.IsSpace(r):
			t.pending = true
		case r == 0:
			// CommonMark and HTML both read NUL as U+FFFD
			t.visible()
			t.b.WriteRune(utf8.RuneError)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// C0 and C1 controls other than white space
		default:
			t.visible()
			t.b.WriteRune(r) // RuneError for an invalid byte writes U+FFFD
		}
	}
}

// space records a break between words (a line break, a <br>).
func (t *textBuilder) space() { t.pending = true }

// visible is called before a visible character is written: it writes the
// pending space and starts the styles opened since the last character.
func (t *textBuilder) visible() {
	if t.pending && t.b.Len() > 0 {
		t.b.WriteByte(' ')
	}
	t.pending = false
	for i := len(t.open) - 1; i >= 0 && t.open[i].start < 0; i-- {
		t.open[i].start = t.b.Len()
	}
}

func (t *textBuilder) push(kind StyleKind, url string) {
	t.open = append(t.open, openStyle{start: -1, kind: kind, url: url, order: t.opened})
	t.opened++
}

// pop closes the innermost style; a style around no visible text is
// dropped.
func (t *textBuilder) pop() {
	o := t.open[len(t.open)-1]
	t.open = t.open[:len(t.open)-1]
	if o.start >= 0 && t.b.Len() > o.start && t.mute == 0 {
		t.styles = append(t.styles, Style{Start: o.start, End: t.b.Len(), Kind: o.kind, URL: o.url})
		t.order = append(t.order, o.order)
	}
}

// done returns the text and its styles, ordered by Start with an outer
// style before the ones it holds (of two over the same text, the one
// opened first).
func (t *textBuilder) done() (string, []Style) {
	for len(t.open) > 0 {
		t.pop()
	}
	sort.Sort(byStart{t.styles, t.order})
	return t.b.String(), t.styles
}

type byStart struct {
	s     []Style
	order []int
}

func (b byStart) Len() int { return len(b.s) }
func (b byStart) Swap(i, j int) {
	b.s[i], b.s[j] = b.s[j], b.s[i]
	b.order[i], b.order[j] = b.order[j], b.order[i]
}
func (b byStart) Less(i, j int) bool {
	switch {
	case b.s[i].Start != b.s[j].Start:
		return b.s[i].Start < b.s[j].Start
	case b.s[i].End != b.s[j].End:
		return b.s[i].End > b.s[j].End
	}
	return b.order[i] < b.order[j]
}

// collapseSpace returns s with its white space collapsed to single spaces and
// trimmed, as a block's Text is.
func collapseSpace(s string) string {
	var t textBuilder
	t.write(s)
	text, _ := t.done()
	return text
}

// validCode returns a code block's text: lines kept, each line's trailing
// white space and the block's blank edges dropped, invalid UTF-8 replaced.
func validCode(s string) string {
	s = strings.ToValidUTF8(s, "\uFFFD")
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' {
			return r
		}
		if r == 0 {
			return utf8.RuneError
		}
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRightFunc(l, unicode.IsSpace)
	}
	for len(lines) > 0 && lines[0] == "" {
		lines = lines[1:]
	}
	for len(lines) > 0 && lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return strings.Join(lines, "\n")
}
