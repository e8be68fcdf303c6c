// Package content holds the article model and its analysis: paragraphs,
// speakers, quotes and figures. It has no terminal code, so the reader, the
// analyze command and the SSH server share one model.
package content

import (
	"copydesk/content/attribution"
	"copydesk/content/figures"
)

// Article is an input split into paragraphs, before any analysis.
type Article struct {
	Source     string // file name shown to the user ("-" reads as "stdin")
	Title      string // headline when the input has one, else ""
	Paragraphs []Paragraph
}

// Paragraph is a run of non-blank lines. Text is the input's bytes verbatim,
// trimmed of surrounding white space, so input[Offset:Offset+len(Text)] == Text.
type Paragraph struct {
	N      int // 1-based
	Offset int
	Text   string
}

// Figure is a number, date, duration or amount a fact-checker would verify.
type Figure struct {
	Paragraph int // 1-based paragraph number
	figures.Figure
}

// Analysis is what the analyser finds in an Article.
type Analysis struct {
	Speakers []attribution.Speaker // most quoted first
	Quotes   []attribution.Quote   // in text order; Quote.ID is the index
	Figures  []Figure              // in text order
	// Mentions are the places in the text that name a speaker, for
	// highlighting; they are not part of the JSON contract.
	Mentions []attribution.Mention
}
