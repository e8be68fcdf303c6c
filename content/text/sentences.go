package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Sentences appends to out[:0] the sentences of toks as [start, end) token
// index pairs: attributions and pronouns are read a sentence at a time. A
// period ends a sentence when the next token starts a new one, so "U.S."
// and "Mr." inside a sentence do not.
func Sentences(toks []Token, out [][2]int) [][2]int {
	out = out[:0]
	start := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		end := false
		switch {
		case t.Kind == Punct && (t.Text == "." || t.Text == "!" || t.Text == "?" || t.Text == "…" || t.Text == "..."):
			end = true
		case t.Abbrev && !TitleAbbrevs.Has(strings.TrimSuffix(t.Lower(), ".")):
			if i+1 < len(toks) && toks[i+1].Kind == Word && toks[i+1].Cap && toks[i+1].In(sentenceStarters) {
				end = true
			}
		}
		if !end {
			continue
		}
		j := i + 1
		for j < len(toks) && (toks[j].Kind == QuoteMark && closesAfterPunct(toks, j) || toks[j].Text == ")" || toks[j].Text == "]") {
			j++
		}
		if j < len(toks) && !startsSentence(&toks[j]) {
			continue
		}
		out = append(out, [2]int{start, j})
		start = j
		i = j - 1
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	return out
}

// closesAfterPunct reports whether the quote mark at j, right after
// sentence-final punctuation, closes a quotation (no space before it).
func closesAfterPunct(toks []Token, j int) bool {
	return toks[j].Start == toks[j-1].End
}

func startsSentence(t *Token) bool {
	if t.Kind == QuoteMark || t.Text == "(" || t.Text == "[" || t.Kind == Number {
		return true
	}
	if t.Kind == Word {
		r, _ := utf8.DecodeRuneInString(t.Text)
		return unicode.IsUpper(r)
	}
	return t.Text == "—" || t.Text == "-" || t.Text == "•" || t.Text == "*"
}
