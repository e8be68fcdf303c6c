package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The analyser works on tokens: words, numbers and single punctuation marks
// with their byte offsets in the paragraph. Quotation marks are their own
// kind because quote pairing depends on what surrounds them.

type tokKind uint8

const (
	tWord tokKind = iota
	tNum
	tPunct
	tQuote // a quotation mark or an apostrophe standing alone
)

// The small fields come last so that a token fills 64 bytes, not 72.
type token struct {
	s, e   int
	text   string
	low    string // text in lower case, computed once
	sets   uint64 // the word lists the word is in (lex)
	kind   tokKind
	fn     bool // a function word, once a final period is dropped ("No.")
	cap    bool // begins with an upper-case letter
	abbrev bool // a word that swallowed its final period (Mr., U.S., Oct.)
}

// lower is the token's text in lower case, made on first use.
func (t *token) lower() string {
	if t.low == "" {
		t.low = strings.ToLower(t.text)
	}
	return t.low
}

// lowerOf returns s in lower case, without allocating when it has no
// upper-case letter.
func lowerOf(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// appendLower appends s in lower case to b, byte for byte what
// strings.ToLower(s) returns, so that a map keyed by lower-case words can be
// looked up with m[string(b)], which does not allocate.
func appendLower(b []byte, s string) []byte {
	n := len(b)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(b[:n], strings.ToLower(s)...) // rare: leave Unicode to the library
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// abbreviations keep their period: a period after them does not end a
// sentence unless the next word clearly starts one.
var abbreviations = set("mr mrs ms dr sen rep gov gen lt col sgt capt cpt st jr sr inc corp co ltd vs etc jan feb mar apr aug sep sept oct nov dec no nos prof rev adm maj cmdr cdr pres ft mt dept univ approx est al e.g i.e a.m p.m u.s u.k u.n d.c r l d i.e ph.d")

// titleAbbrevs never end a sentence: a name always follows them.
var titleAbbrevs = set("mr mrs ms dr sen rep gov gen lt col sgt capt cpt prof rev adm maj cmdr cdr pres st")

func isLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

func isAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return isLetter(r) || unicode.IsDigit(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }
func isHyphen(r rune) bool     { return r == '-' || r == '‐' || r == '‑' }

// tokenize appends the tokens of s to buf.
func tokenize(s string, buf []token) []token {
	if n := len(s)/5 + 8; cap(buf) < n {
		buf = make([]token, 0, n) // about one token per five bytes of news
	}
	toks := buf[:0]
	i := 0
	singleOpen := false // a single quotation mark has opened and not closed
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if isASCIIAlnum(c) {
			if j, h, upper, ok := asciiWord(s, i); ok && j-i <= maxLexWord {
				// the common word: ASCII, looked up as it was scanned
				low, sets := lowerASCIIWord(s[i:j], h, upper)
				toks, i = appendWord(toks, s, i, j, low, sets, 'A' <= c && c <= 'Z', c <= '9')
				continue
			}
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		switch {
		case isAlnum(r):
			i = scanWord(s, i, !singleOpen)
			low, sets := lowerWord(s[start:i])
			toks, i = appendWord(toks, s, start, i, low, sets, unicode.IsUpper(r), unicode.IsDigit(r))
		case r == '\'' && strings.HasPrefix(s[i:], "''"), r == '`' && strings.HasPrefix(s[i:], "``"):
			// A run of three apostrophes is a nested single quote beside a
			// double one; which comes first is decided when pairing quotes.
			i += 2
			toks = appendMark(toks, s, start, i, tQuote)
		case isQuoteRune(r):
			i += n
			switch {
			case r == '‘' || r == '\'' && (start == 0 || s[start-1] == ' ' || s[start-1] == '"'):
				singleOpen = true
			case r == '’' || r == '\'':
				singleOpen = false
			}
			toks = appendMark(toks, s, start, i, tQuote)
		case r == '-' && strings.HasPrefix(s[i:], "--"):
			for i < len(s) && s[i] == '-' {
				i++
			}
			toks = appendMark(toks, s, start, i, tPunct)
		case r == '.' && strings.HasPrefix(s[i:], "..."):
			for i < len(s) && s[i] == '.' {
				i++
			}
			toks = appendMark(toks, s, start, i, tPunct)
		default:
			i += n
			toks = appendMark(toks, s, start, i, tPunct)
		}
	}
	return toks
}

// pushToken returns toks one token longer. The caller sets every field of
// the new token in place: building a token aside and copying it in costs
// more than the rest of making it.
func pushToken(toks []token) []token {
	if len(toks) < cap(toks) {
		return toks[:len(toks)+1]
	}
	return append(toks, token{})
}

// appendWord appends the word or number s[start:end], whose lower-case form
// and word lists are low and sets, and returns the end of the token: a word
// takes the period of an abbreviation.
func appendWord(toks []token, s string, start, end int, low string, sets uint64, capital, digit bool) ([]token, int) {
	toks = pushToken(toks)
	t := &toks[len(toks)-1]
	t.s, t.e, t.text, t.low, t.sets = start, end, s[start:end], low, sets
	t.kind, t.cap, t.abbrev = tWord, capital, false
	if digit {
		t.kind = tNum
	}
	if t.kind == tWord && end < len(s) && s[end] == '.' && takesPeriod(t.text, t.sets) {
		end++
		t.e, t.text, t.abbrev = end, s[start:end], true
		t.low, t.sets = lowerWord(t.text)
	}
	// "No." and "Also." are function words; the initial "A." is not
	t.fn = t.in(functionWords) || t.abbrev && len(t.low) > 2 && functionWords.has(strings.TrimSuffix(t.low, "."))
	return toks, end
}

// appendMark appends the punctuation or quotation mark s[start:end].
func appendMark(toks []token, s string, start, end int, kind tokKind) []token {
	toks = pushToken(toks)
	t := &toks[len(toks)-1]
	t.s, t.e, t.text, t.low, t.sets = start, end, s[start:end], s[start:end], 0
	t.kind, t.fn, t.cap, t.abbrev = kind, false, false, false
	return toks
}

func isQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '\'', '‘', '’', '`', '‹', '›':
		return true
	}
	return false
}

func isASCIIAlnum(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
}

// asciiWord scans the word of ASCII letters and digits starting at i, as
// scanWord would, with the hash of its lower-case form (fnv) and whether it
// has a capital. ok is false when what follows could join more to the
// word (an apostrophe, any non-ASCII character, or a hyphen, a period, a
// comma, a slash or an ampersand before a letter or a digit): scanWord
// decides those.
func asciiWord(s string, i int) (end int, h uint32, upper, ok bool) {
	h = hashStart
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
			upper = true
		case c == '-' || c == '.' || c == ',' || c == '/' || c == '&':
			// these join only a letter or a digit to the word: "said,"
			// and "end." end here
			if i+1 < len(s) && (s[i+1] >= utf8.RuneSelf || isASCIIAlnum(s[i+1])) {
				return i, h, upper, false
			}
			return i, h, upper, true
		case c == '\'' || c >= utf8.RuneSelf:
			return i, h, upper, false
		default:
			return i, h, upper, true
		}
		h = hashByte(h, c)
	}
	return i, h, upper, true
}

// scanWord returns the end of the word starting at i: letters and digits,
// joined by inner apostrophes (don't), hyphens (cease-fire), periods between
// letters (U.S) and separators between digits (275,000; 3.5). When no single
// quotation is open, an apostrophe after a plural's s is a possessive and
// part of the word (Jones’, the voters').
func scanWord(s string, i int, possS bool) int {
	for i < len(s) {
		if c := s[i]; 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if isAlnum(r) {
			i += n
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if possS && isApostrophe(r) && (prev == 's' || prev == 'S') {
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if i+n >= len(s) || !isAlnum(next) && !isQuoteRune(next) {
				return i + n
			}
		}
		if i+n >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[i+n:])
		switch {
		case isApostrophe(r) && isLetter(prev) && isLetter(next):
		case isHyphen(r) && isAlnum(prev) && isAlnum(next):
		case r == '&' && unicode.IsUpper(prev) && unicode.IsUpper(next):
		case r == '.' && isLetter(prev) && isLetter(next) && i+n+1 <= len(s) && periodJoins(s, i):
		case (r == ',' || r == '.') && unicode.IsDigit(prev) && unicode.IsDigit(next):
		case r == '/' && unicode.IsDigit(prev) && unicode.IsDigit(next):
		default:
			return i
		}
		i += n
	}
	return i
}

// periodJoins tells "U.S" or "a.m" (single letters between periods) from a
// missing space after a sentence ("end.Next").
func periodJoins(s string, i int) bool {
	j := i - 1
	for j > 0 && s[j-1] != '.' && s[j-1] != ' ' && s[j-1] != '(' && s[j-1] != '"' && s[j-1] != '-' {
		j--
	}
	if i-j > 2 { // more than one letter before the period: "end.Next"
		return false
	}
	k := i + 1
	for k < len(s) && s[k] != '.' && s[k] != ' ' && s[k] != ',' {
		k++
	}
	return k-(i+1) <= 2
}

func takesPeriod(w string, sets uint64) bool {
	if strings.Contains(w, ".") { // U.S, a.m
		return true
	}
	if r, n := utf8.DecodeRuneInString(w); n == len(w) {
		return unicode.IsUpper(r) // initials: John F. Kennedy
	}
	return sets&uint64(abbreviations) != 0
}

// sentenceStarters are words that, after an abbreviation such as "U.S.",
// show that the period also ended the sentence.
var sentenceStarters = set("the a an he she it they we i but and in on at this that these those there his her their its our if when while as after before so yet for however meanwhile still")

// sentences splits toks into sentences, returned as [start,end) token index
// pairs. A period ends a sentence when the next token starts a new one.
func sentences(toks []token, out [][2]int) [][2]int {
	out = out[:0]
	start := 0
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		end := false
		switch {
		case t.kind == tPunct && (t.text == "." || t.text == "!" || t.text == "?" || t.text == "…" || t.text == "..."):
			end = true
		case t.abbrev && !titleAbbrevs.has(strings.TrimSuffix(t.lower(), ".")):
			if i+1 < len(toks) && toks[i+1].kind == tWord && toks[i+1].cap && toks[i+1].in(sentenceStarters) {
				end = true
			}
		}
		if !end {
			continue
		}
		j := i + 1
		for j < len(toks) && (toks[j].kind == tQuote && closesAfterPunct(toks, j) || toks[j].text == ")" || toks[j].text == "]") {
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
func closesAfterPunct(toks []token, j int) bool {
	return toks[j].s == toks[j-1].e
}

func startsSentence(t *token) bool {
	if t.kind == tQuote || t.text == "(" || t.text == "[" || t.kind == tNum {
		return true
	}
	if t.kind == tWord {
		r, _ := utf8.DecodeRuneInString(t.text)
		return unicode.IsUpper(r)
	}
	return t.text == "—" || t.text == "-" || t.text == "•" || t.text == "*"
}
