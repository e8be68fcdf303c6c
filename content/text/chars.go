package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// IsDigit reports an ASCII digit: the rules that read numbers count only
// these as digits, whatever Unicode calls a digit.
func IsDigit(b byte) bool { return b >= '0' && b <= '9' }

// Lower returns s in lower case as strings.ToLower does, without
// allocating when it has no upper-case letter, which most words have not.
func Lower(s string) string {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return strings.ToLower(s)
		}
	}
	return s
}

// AppendLower appends s in lower case to b, byte for byte what
// strings.ToLower(s) returns, so that a map keyed by lower-case words can be
// looked up with m[string(b)], which does not allocate.
func AppendLower(b []byte, s string) []byte {
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

// IsLetter reports a letter, or a combining mark, which belongs to the
// letter before it: words are runs of these.
func IsLetter(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z'
	}
	return unicode.IsLetter(r) || unicode.Is(unicode.Mn, r)
}

// IsAlnum reports a letter or a digit, what words and numbers are made of.
func IsAlnum(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return IsLetter(r) || unicode.IsDigit(r)
}

func isApostrophe(r rune) bool { return r == '\'' || r == '’' }

func isHyphen(r rune) bool { return r == '-' || r == '‐' || r == '‑' }

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

// EqualLower reports whether s, its ASCII letters lower-cased, is key: the
// word lists' and the figure lexicon's tables compare a word with their
// keys this way instead of lowering a copy. The two have the same length.
func EqualLower(s, key string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != key[i] {
			return false
		}
	}
	return true
}
