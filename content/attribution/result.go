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
	// Continues is the ID of the quote these words go on from after the
	// attribution that interrupts them (“This isn't tax reform,” said
	// Douglas Holtz-Eakin. “It's anti-reform.”), or -1: the parts are one
	// statement, and every part after the first points to the first.
	Continues int
}

// Statement is the ID of the statement q is part of: the reported clause
// it is inside, the quote it continues, or its own.
func (q *Quote) Statement() int {
	switch {
	case q.Within >= 0:
		return q.Within
	case q.Continues >= 0:
		return q.Continues
	}
	return q.ID
}

// Words are the words of statement id as a reader is shown them: an
// interrupted quotation's parts joined by " … ".
func Words(qs []Quote, id int) string {
	w := qs[id].Text
	for _, c := range Continuations(qs, id) {
		w += " … " + c.Text
	}
	return w
}

// Continuations are the parts that continue quote id, in text order: they
// follow it in qs.
func Continuations(qs []Quote, id int) []Quote {
	j := id + 1
	for j < len(qs) && qs[j].Continues == id {
		j++
	}
	return qs[id+1 : j]
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
