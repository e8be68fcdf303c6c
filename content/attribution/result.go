package attribution

// result is what the attribution finds in an article's paragraphs.
type Result struct {
	Speakers []Speaker // most quoted first
	Quotes   []Quote   // in text order; Quote.ID is the index
	Mentions []Mention // in text order
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

// Mention is a span of text that refers to a speaker.
type Mention struct {
	Span
	Speaker string
}
