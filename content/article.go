// Package content holds the article model and its analysis: paragraphs,
// speakers, quotes and figures. It has no terminal code, so the reader, the
// analyze command and the SSH server share one model.
package content

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

// Span is a byte range inside one paragraph's Text.
type Span struct {
	Paragraph  int // 1-based paragraph number
	Start, End int
	Text       string
}

// QuoteKind tells quoted words from reported speech.
type QuoteKind string

const (
	Direct   QuoteKind = "direct"
	Indirect QuoteKind = "indirect"
)

// Quote is something a speaker said, as words in quotation marks (Direct) or
// as a reported clause (Indirect).
type Quote struct {
	ID      int
	Kind    QuoteKind
	Span           // the words, without quotation marks or "that"
	Speaker string // Speaker.ID, or "" when the analyser cannot tell
	Cue     *Span  // "said", "told reporters", "according to"
	Source  *Span  // the mention that attributes it: "Kerry", "he", "the diplomat"
}

// Speaker is one person or organisation that is quoted, with its aliases merged.
type Speaker struct {
	ID          string
	Name        string
	Description string // "U.S. Secretary of State"; may be ""
	Aliases     []string
	Quotes      []int // Quote IDs in text order
}

// FigureKind is the kind of a checkable figure.
type FigureKind string

const (
	Count    FigureKind = "count"
	Date     FigureKind = "date"
	Duration FigureKind = "duration"
	Percent  FigureKind = "percent"
	Money    FigureKind = "money"
	Ordinal  FigureKind = "ordinal"
	Quantity FigureKind = "quantity"
)

// Figure is a number, date, duration or amount a fact-checker would verify.
type Figure struct {
	Paragraph int // 1-based paragraph number
	figure
}

// Analysis is what the analyser finds in an Article.
type Analysis struct {
	Speakers []Speaker // most quoted first
	Quotes   []Quote   // in text order; Quote.ID is the index
	Figures  []Figure  // in text order
	// Mentions are the places in the text that name a speaker, for
	// highlighting; they are not part of the JSON contract.
	Mentions []Mention
}

// Mention is a span of text that refers to a speaker.
type Mention struct {
	Span
	Speaker string
}
