package text

import (
	"strings"
	"unicode/utf8"
)

// escapeLen is the byte length of the escape sequence at the start of s, which
// begins with ESC or a C1 introducer. A string sequence (OSC, DCS, SOS, PM,
// APC) without a terminator before the next escape drops only its
// introducer, so a stray ESC ] cannot hide the rest of the article.
func EscapeLen(s string) int {
	r, n := utf8.DecodeRuneInString(s)
	var kind byte
	if r == 0x1b {
		if len(s) < 2 {
			return 1
		}
		kind = s[1]
		n = 2
	} else {
		switch r {
		case 0x9b:
			kind = '['
		case 0x9d:
			kind = ']'
		case 0x90:
			kind = 'P'
		case 0x98:
			kind = 'X'
		case 0x9e:
			kind = '^'
		case 0x9f:
			kind = '_'
		}
	}
	switch {
	case kind == '[':
		i := n
		for i < len(s) && s[i] >= 0x30 && s[i] <= 0x3f {
			i++
		}
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x40 && s[i] <= 0x7e {
			i++
		}
		return i
	case kind == ']' || kind == 'P' || kind == 'X' || kind == '^' || kind == '_':
		for i := n; i < len(s); i++ {
			switch s[i] {
			case 0x07:
				return i + 1
			case 0x1b:
				if i+1 < len(s) && s[i+1] == '\\' {
					return i + 2
				}
				// Another escape starts before any terminator: this one
				// is unterminated. Stopping here keeps cleaning linear
				// on a text made of "\x1b]" repeated.
				return n
			case 0xc2:
				if i+1 < len(s) && s[i+1] == 0x9c { // C1 ST
					return i + 2
				}
				if i+1 < len(s) && strings.IndexByte("\x90\x98\x9b\x9d\x9e\x9f", s[i+1]) >= 0 {
					return n // a C1 introducer: as for ESC above
				}
			}
		}
		return n
	case r == 0x1b && kind >= 0x20 && kind <= 0x2f: // nF: ESC, intermediates, final
		i := 2
		for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
			i++
		}
		if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
			i++
		}
		return i
	case r == 0x1b && kind >= 0x30 && kind <= 0x7e: // Fp, Fe, Fs: two bytes
		return 2
	}
	return len(string(r))
}
