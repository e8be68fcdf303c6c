// Package content is the article model: an input read, checked and split
// into paragraphs (Parse, Open, Embedded), its analysis (Analyze), and the
// JSON document that publishes both (WriteJSON). The analysis is made by
// two packages below it that know nothing of articles: attribution finds
// quotes and speakers, figures finds figures; content gives their spans
// paragraph numbers. It has no terminal code, so the reader, the analyze
// command and the SSH server share one model.
package content

import (
	"time"

	"copydesk/content/attribution"
	"copydesk/content/figures"
	"copydesk/content/formats"
)

// Article is an input split into paragraphs, before any analysis, so that
// the reader can show an article at once and analyse it after.
type Article struct {
	Source     string    // file name shown to the user ("-" reads as "stdin")
	Title      string    // headline when the input has one, else ""
	Byline     string    // author line from the input's metadata, else ""
	Site       string    // publication's name from the input's metadata, else ""
	Published  time.Time // publication date from the metadata or --date; zero when unknown
	Format     formats.Format
	Encoding   string      // what the input was decoded from: "utf-8", "windows-1252", ...
	Paragraphs []Paragraph // in input order; every span of the analysis names one
}

// Size is the number of bytes of the article's paragraphs.
func (a *Article) Size() int {
	n := 0
	for i := range a.Paragraphs {
		n += len(a.Paragraphs[i].Text)
	}
	return n
}

// Offsets says what the paragraphs' offsets count bytes of: "input" when
// the text is the input as read (UTF-8 plain text), "decoded" when it is
// plain text decoded to UTF-8, "extracted" when it is the text of Markdown
// or an HTML page without its markup, the paragraphs joined by blank lines.
func (a *Article) Offsets() string {
	switch {
	case a.Format != formats.Text && a.Format != "":
		return "extracted"
	case a.Encoding != "utf-8" && a.Encoding != "":
		return "decoded"
	}
	return "input"
}

// Paragraph is a run of non-blank lines, the unit every span of the
// analysis is measured in. Text is the input's bytes verbatim, trimmed of
// surrounding white space, so input[Offset:Offset+len(Text)] == Text.
type Paragraph struct {
	N      int    // 1-based
	Offset int    // byte offset of Text in the article's text (see Article.Offsets)
	Text   string // the paragraph's words; for plain text the input's bytes
	// Layout, for Markdown and HTML: what the block is (Kind is "" in plain
	// text), its heading level or nesting depth, a list item's marker, and
	// its inline styles (emphasis, links) as byte ranges of Text.
	Kind   formats.Kind
	Level  int
	Marker string
	Styles []formats.Style
}

// Figure is a number, date, duration or amount a fact-checker would verify:
// a figure of the recogniser, placed in its paragraph.
type Figure struct {
	Paragraph int // 1-based paragraph number
	figures.Figure
}

// Analysis is what the analysers find in an Article, with paragraph
// numbers in every span, ready for the reader and for WriteJSON.
type Analysis struct {
	Speakers []attribution.Speaker // most quoted first
	Quotes   []attribution.Quote   // in text order; Quote.ID is the index
	Figures  []Figure              // in text order
	// Mentions are the places in the text that name a speaker, for
	// highlighting; they are not part of the JSON contract.
	Mentions []attribution.Mention
}
