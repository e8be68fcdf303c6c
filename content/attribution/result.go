package attribution

// Result is what the attribution finds in an article's paragraphs: who is
// quoted, what they said, and where the text names them.
type Result struct {
	Speakers []Speaker // most quoted first
	Quotes   []Quote   // in text order; Quote.ID is the index
	Mentions []Mention // in text order
}

// Span is a byte range inside one paragraph's text. It names its paragraph
// because a quote's source may lie in an earlier paragraph than the quote.
type Span struct {
	Paragraph  int    // 1-based paragraph number
	Start, End int    // bytes of the paragraph's text
	Text       string // the paragraph's text[Start:End]
}

// QuoteKind tells quoted words from reported speech, which a reader weighs
// differently: only the first are the speaker's own words.
type QuoteKind string

// The kinds of quote, as the JSON contract spells them.
const (
	Direct   QuoteKind = "direct"   // words inside quotation marks
	Indirect QuoteKind = "indirect" // a reported clause: "Kerry said that …"
)

// Quote is something a speaker said, as words in quotation marks (Direct) or
// as a reported clause (Indirect).
type Quote struct {
	ID      int       // index in Result.Quotes
	Kind    QuoteKind // quoted or reported
	Span              // the words, without quotation marks or "that"
	Speaker string    // Speaker.ID, or "" when the analyser cannot tell
	Cue     *Span     // "said", "told reporters", "according to"
	Source  *Span     // the mention that attributes it: "Kerry", "he", "the diplomat"
	// Within is the ID of the reported clause these quoted words are part
	// of ("described the meeting as a candid “brainstorming” session"),
	// or -1: such words are one statement with their clause, not another.
	Within int
}

// Speaker is one person or organisation that is quoted, with its aliases merged.
type Speaker struct {
	ID          string   // stable for the same text: the name as a slug, "john-kerry"
	Name        string   // the fullest name seen, made safe for a terminal
	Description string   // "U.S. Secretary of State"; may be ""
	Aliases     []string // how the text refers to it: "Kerry", "he"; at most 32
	Quotes      []int    // Quote IDs in text order
	Statements  []int    // the Quotes that are not Within another: what the speaker said, once each
}

// Mention is a place in the text that names a speaker, for a reader that
// highlights them; the JSON contract leaves them out.
type Mention struct {
	Span
	Speaker string // Speaker.ID
}
