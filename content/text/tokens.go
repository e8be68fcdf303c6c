package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind tells the rules what a token is before they look at its text:
// most rules skip all but one kind.
type TokenKind uint8

// Quotation marks are a kind of their own, not punctuation, because
// pairing them depends on what surrounds them.
const (
	Word      TokenKind = iota // letters, with the joiners scanWord allows ("don't", "U.S.")
	Number                     // begins with a digit ("275,000", "3.5", "90s")
	Punct                      // any other mark, or a run of dashes or dots
	QuoteMark                  // a quotation mark, or an apostrophe standing alone
)

// Token is a word, a number or a mark with its byte offsets in the text it
// was cut from, so that whatever a rule finds maps back to the text. The
// word lists it is in are looked up once, when it is made (see WordSet).
// The small fields come last so that a token fills 64 bytes, not 72.
type Token struct {
	Start, End int       // bytes of the text: Text == text[Start:End]
	Text       string    // as written
	low        string    // Text in lower case, computed once
	sets       uint64    // the word lists the word is in
	Kind       TokenKind // word, number, mark or quotation mark
	Function   bool      // a function word, once a final period is dropped ("No.")
	Cap        bool      // begins with an upper-case letter
	Abbrev     bool      // a word that swallowed its final period (Mr., U.S., Oct.)
}

// Lower returns the token's text in lower case, made on first use: most
// names are never compared, and lowering them all would cost more than the
// lookups that need it.
func (t *Token) Lower() string {
	if t.low == "" {
		t.low = strings.ToLower(t.Text)
	}
	return t.low
}

// In reports whether the token's word is in the list: a bit test, since
// the token's lists were found when it was made.
func (t *Token) In(s WordSet) bool { return t.sets&uint64(s) != 0 }

// Tokenize appends the tokens of s to buf[:0] and returns them; passing the
// last result back as buf reuses its memory from one paragraph to the next.
func Tokenize(s string, buf []Token) []Token {
	if n := len(s)/5 + 8; cap(buf) < n {
		buf = make([]Token, 0, n) // about one token per five bytes of news
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
		case IsAlnum(r):
			i = scanWord(s, i, !singleOpen)
			low, sets := lowerWord(s[start:i])
			toks, i = appendWord(toks, s, start, i, low, sets, unicode.IsUpper(r), unicode.IsDigit(r))
		case r == '\'' && strings.HasPrefix(s[i:], "''"), r == '`' && strings.HasPrefix(s[i:], "``"):
			// A run of three apostrophes is a nested single quote beside a
			// double one; which comes first is decided when pairing quotes.
			i += 2
			toks = appendMark(toks, s, start, i, QuoteMark)
		case isQuoteRune(r):
			i += n
			switch {
			case r == '‘' || r == '\'' && (start == 0 || s[start-1] == ' ' || s[start-1] == '"'):
				singleOpen = true
			case r == '’' || r == '\'':
				singleOpen = false
			}
			toks = appendMark(toks, s, start, i, QuoteMark)
		case r == '-' && strings.HasPrefix(s[i:], "--"):
			for i < len(s) && s[i] == '-' {
				i++
			}
			toks = appendMark(toks, s, start, i, Punct)
		case r == '.' && strings.HasPrefix(s[i:], "..."):
			for i < len(s) && s[i] == '.' {
				i++
			}
			toks = appendMark(toks, s, start, i, Punct)
		default:
			i += n
			toks = appendMark(toks, s, start, i, Punct)
		}
	}
	return toks
}

// pushToken returns toks one token longer. The caller sets every field of
// the new token in place: building a token aside and copying it in costs
// more than the rest of making it.
func pushToken(toks []Token) []Token {
	if len(toks) < cap(toks) {
		return toks[:len(toks)+1]
	}
	return append(toks, Token{})
}

// appendWord appends the word or number s[start:end], whose lower-case form
// and word lists are low and sets, and returns the end of the token: a word
// takes the period of an abbreviation.
func appendWord(toks []Token, s string, start, end int, low string, sets uint64, capital, digit bool) ([]Token, int) {
	toks = pushToken(toks)
	t := &toks[len(toks)-1]
	t.Start, t.End, t.Text, t.low, t.sets = start, end, s[start:end], low, sets
	t.Kind, t.Cap, t.Abbrev = Word, capital, false
	if digit {
		t.Kind = Number
	}
	if t.Kind == Word && end < len(s) && s[end] == '.' && takesPeriod(t.Text, t.sets) {
		end++
		t.End, t.Text, t.Abbrev = end, s[start:end], true
		t.low, t.sets = lowerWord(t.Text)
	}
	// "No." and "Also." are function words; the initial "A." is not
	t.Function = t.In(FunctionWords) || t.Abbrev && len(t.low) > 2 && FunctionWords.Has(strings.TrimSuffix(t.low, "."))
	return toks, end
}

// appendMark appends the punctuation or quotation mark s[start:end].
func appendMark(toks []Token, s string, start, end int, kind TokenKind) []Token {
	toks = pushToken(toks)
	t := &toks[len(toks)-1]
	t.Start, t.End, t.Text, t.low, t.sets = start, end, s[start:end], s[start:end], 0
	t.Kind, t.Function, t.Cap, t.Abbrev = kind, false, false, false
	return toks
}

// asciiWord scans the word of ASCII letters and digits starting at i, as
// scanWord would, with the hash of its lower-case form (fnv) and whether it
// has a capital. ok is false when what follows could join more to the
// word (an apostrophe, any non-ASCII character, or a hyphen, a period, a
// comma, a slash or an ampersand before a letter or a digit): scanWord
// decides those.
func asciiWord(s string, i int) (end int, h uint32, upper, ok bool) {
	h = HashStart
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
		h = HashByte(h, c)
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
		if IsAlnum(r) {
			i += n
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if possS && isApostrophe(r) && (prev == 's' || prev == 'S') {
			next, _ := utf8.DecodeRuneInString(s[i+n:])
			if i+n >= len(s) || !IsAlnum(next) && !isQuoteRune(next) {
				return i + n
			}
		}
		if i+n >= len(s) {
			break
		}
		next, _ := utf8.DecodeRuneInString(s[i+n:])
		switch {
		case isApostrophe(r) && IsLetter(prev) && IsLetter(next):
		case isHyphen(r) && IsAlnum(prev) && IsAlnum(next):
		case r == '&' && unicode.IsUpper(prev) && unicode.IsUpper(next):
		case r == '.' && IsLetter(prev) && IsLetter(next) && i+n+1 <= len(s) && periodJoins(s, i):
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
