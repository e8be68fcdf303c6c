package attribution

import "copydesk/content/text"

// sentence is one sentence of a paragraph as the attribution rules read
// it. The rules index the paragraph's tokens, not the sentence's, since
// they look at a closing mark or a frame just past its ends, and every rule
// asks whether a token is inside quotation marks: a sentence carries both,
// with its bounds, so that a rule's signature names only what it looks at.
type sentence struct {
	text    string       // the paragraph
	toks    []text.Token // the paragraph's tokens
	inQuote []bool       // for each token, whether it is inside quotation marks
	a, b    int          // the sentence's tokens: toks[a:b]
	head    bool         // the sentence is the headline's
	// quoted: the paragraph holds a quotation, so a verb that only
	// attributes quotations ("continued", "read") may be a cue
	quoted bool
}
