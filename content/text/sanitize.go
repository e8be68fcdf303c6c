package text

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// An article is untrusted: escape sequences in it could retitle the window,
// write the clipboard (OSC 52), fake links (OSC 8) or repaint the screen.
// Everything shown on a terminal goes through CleanEach, which drops escape
// sequences whole (as EscapeLen reads them: CSI, OSC, DCS, SOS, PM, APC and
// charset switches, in their 7-bit and C1 forms), shows other C0 and C1
// controls as U+FFFD, turns white space (tabs, line ends) into plain
// spaces, and drops invisible format characters (bidi embeddings,
// overrides and isolates, zero-width characters) that could reorder or
// hide text.

// Placeholder stands in for a control character that is not part of an
// escape sequence, so that the reader sees something was there.
const Placeholder = '\uFFFD'

// CleanEach calls fn with each rune of s that is safe to display and the byte
// offset in s it came from, so that a caller painting highlights by offsets
// of the original text knows where each shown rune stands. White space
// comes out as ' ', not collapsed.
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
			n = EscapeLen(s[i:])
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
