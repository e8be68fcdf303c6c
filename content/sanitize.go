package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An article is untrusted: escape sequences in it could retitle the window,
// write the clipboard (OSC 52), fake links (OSC 8) or repaint the screen.
// Everything shown on a terminal goes through CleanEach, which drops
// escape sequences whole, shows other controls as U+FFFD, turns white space
// into plain spaces, and drops invisible format characters (bidi overrides,
// zero-width characters) that could reorder or hide text.

// Placeholder stands in for a lone control character.
const Placeholder = '\uFFFD'

// CleanEach calls fn with each rune of s that is safe to display and the byte
// offset in s it came from. White space comes out as ' ', not collapsed.
func CleanEach(s string, fn func(r rune, off int)) {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f { // fast path: printable ASCII
			fn(rune(c), i)
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b || r == 0x9b || r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f:
			n = escapeLen(s[i:])
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85:
			fn(' ', i)
		case r == utf8.RuneError && n <= 1:
			fn(Placeholder, i)
		case r < 0x20 || (r >= 0x7f && r < 0xa0):
			fn(Placeholder, i)
		case isInvisible(r):
			// dropped
		case unicode.IsSpace(r):
			fn(' ', i)
		default:
			fn(r, i)
		}
		i += n
	}
}

// Clean returns s made safe for a terminal with white space runs collapsed to
// one space and the ends trimmed: for one-line places such as the panel.
func Clean(s string) string {
	if cleanAlready(s) {
		return s // most names and descriptions: nothing to copy
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	CleanEach(s, func(r rune, _ int) {
		if r == ' ' {
			space = b.Len() > 0
			return
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	})
	return b.String()
}

// cleanAlready reports a string Clean would return unchanged: printable
// ASCII with no space at either end and no two spaces in a row.
func cleanAlready(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 || c >= 0x7f || c == ' ' && s[i-1] == ' ' {
			return false
		}
	}
	return true
}

func isInvisible(r rune) bool {
	switch {
	case r >= 0x200b && r <= 0x200f: // zero-width space/joiners, LRM, RLM
	case r >= 0x202a && r <= 0x202e: // bidi embeddings and overrides
	case r >= 0x2060 && r <= 0x206f: // word joiner, invisible operators, bidi isolates
	case r == 0xfeff, r == 0x061c, r == 0x00ad, r == 0x180e:
	case r >= 0xfff9 && r <= 0xfffb: // interlinear annotation
	case r >= 0xe0000 && r <= 0xe007f: // tags
	default:
		return false
	}
	return true
}

// escapeLen is the byte length of the escape sequence at the start of s, which
// begins with ESC or a C1 introducer. A string sequence (OSC, DCS, SOS, PM,
// APC) without a terminator before the next escape drops only its
// introducer, so a stray ESC ] cannot hide the rest of the article.
func escapeLen(s string) int {
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
