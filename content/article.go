// Package content is the article model: an input read, checked and split
// into paragraphs (Parse, Open, Embedded), its analysis (Analyze), and the
// JSON document that publishes both (WriteJSON). The analysis is made by
// two packages below it that know nothing of articles: attribution finds
// quotes and speakers, figures finds figures; content gives their spans
// paragraph numbers. It has no terminal code, so the reader, the analyze
// command and the SSH server share one model.
package content

import (
	"copydesk/content/attribution"
	"copydesk/content/figures"
)

// Article is an input split into paragraphs, before any analysis, so that
// the reader can show an article at once and analyse it after.
type Article struct {
	Source     string      // file name shown to the user ("-" reads as "stdin")
	Title      string      // headline when the input has one, else ""
	Paragraphs []Paragraph // in input order; every span of the analysis names one
}

// Paragraph is a run of non-blank lines, the unit every span of the
// analysis is measured in. Text is the input's bytes verbatim, trimmed of
// surrounding white space, so input[Offset:Offset+len(Text)] == Text.
type Paragraph struct {
	N      int    // 1-based
	Offset int    // byte offset of Text in the input as read
	Text   string // the paragraph's bytes
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
