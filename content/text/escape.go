package text

import (
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
)

// EscapeLen returns the byte length of the escape sequence at the start of
// s, which begins with ESC or a C1 introducer (CSI, OSC, DCS, SOS, PM, APC
// written as one character, U+009B …): what a terminal would take as one
// sequence, so that the sanitiser drops it whole and the figure tokeniser
// skips it.
//
// The sequence is read by x/ansi's decoder, the one the reader's terminal
// code uses, shown the text as a UTF-8 terminal sees it: a character at a
// time, C1 characters as C1 controls. An nF sequence ends at its final
// byte, as ECMA-35 has it, where the decoder would read on. Two rules are
// the sanitiser's own, so that text which only looks like an escape
// sequence stays visible: a
// string sequence (OSC, DCS, SOS, PM, APC) counts only when its terminator
// (ST, or BEL after OSC) ends it; one cut short by another escape, by CAN
// or SUB, or by the end of the text is just its introducer, and the text
// after it is shown. And the decoder is shown the text only up to the next
// introducer, so a text made of "ESC ]" repeated is read in linear time.
func EscapeLen(s string) int {
	if s == "" {
		return 0
	}
	first := 1
	if s[0] != 0x1b {
		_, first = utf8.DecodeRuneInString(s)
	}
	region := s[:introducerAfter(s, first)]
	view, ascii := terminalView(region)
	view = view[:nfEnd(view)]
	seq, _, n, state := ansi.DecodeSequence(view, ansi.NormalState, nil)
	n = max(n, 1)
	if stringSequence(view) && !terminated(view, seq, state) {
		n = 1 // the introducer: the C1 character, or ESC and its letter
		if view[0] == ansi.ESC {
			n = 2
		}
	}
	if ascii {
		return n
	}
	return byteLen(region, n)
}

// nfEnd returns the end of the view the decoder is to read: after the final
// byte of an nF sequence (ESC, intermediate bytes, a final byte: the
// charset switches), which x/ansi would read as the introducer of a CSI or
// string sequence when the final byte is one of [ P ] X ^ _; len(view)
// for any other sequence.
func nfEnd(view string) int {
	if len(view) < 2 || view[0] != ansi.ESC || view[1] < 0x20 || view[1] > 0x2f {
		return len(view)
	}
	k := 2
	for k < len(view) && view[k] >= 0x20 && view[k] <= 0x2f {
		k++
	}
	return min(k+1, len(view))
}

// terminated reports a string sequence that its terminator ends: ST, ESC \,
// or BEL after OSC.
func terminated(view, seq string, state byte) bool {
	if state != ansi.NormalState || seq == "" {
		return false
	}
	end := seq[len(seq)-1]
	return end == ansi.ST || end == ansi.BEL && ansi.HasOscPrefix(view) || ansi.HasSuffix(seq, "\x1b\\")
}

// introducerAfter returns where the next escape sequence after s[:i]
// begins, past ESC and the character after it (ESC \ ends a string
// sequence), or at a C1 introducer; len(s) when there is none.
func introducerAfter(s string, i int) int {
	for ; i < len(s); i++ {
		switch s[i] {
		case 0x1b:
			if i+1 >= len(s) {
				return len(s)
			}
			_, n := utf8.DecodeRuneInString(s[i+1:])
			return i + 1 + n
		case 0xc2: // the first byte of U+0080 … U+00BF
			if i+1 < len(s) && isC1Introducer(s[i+1]) {
				return i
			}
		}
	}
	return len(s)
}

// isC1Introducer reports the second byte of a C1 character that starts an
// escape sequence: DCS, SOS, CSI, OSC, PM, APC.
func isC1Introducer(b byte) bool {
	switch b {
	case ansi.DCS, ansi.SOS, ansi.CSI, ansi.OSC, ansi.PM, ansi.APC:
		return true
	}
	return false
}

// terminalView returns s as x/ansi's decoder is to see it, one byte a
// character: ASCII as it is, U+0080 … U+009F as the C1 control, any other
// character (or a byte that is no UTF-8) as 0xFF, which no state of the
// decoder treats as a control. ascii reports s all ASCII, and the view s
// itself.
func terminalView(s string) (view string, ascii bool) {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	if i == len(s) {
		return s, true
	}
	b := make([]byte, i, len(s))
	copy(b, s)
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		case r >= 0x80 && r <= 0x9f:
			b = append(b, byte(r))
		default:
			b = append(b, 0xff)
		}
		i += n
	}
	return string(b), false
}

// byteLen returns the bytes of s that the first n characters take.
func byteLen(s string, n int) int {
	i := 0
	for ; n > 0 && i < len(s); n-- {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return i
}

// stringSequence reports a view that starts a string sequence, which runs
// until a terminator: OSC, DCS, SOS, PM or APC, in its 7-bit or C1 form.
func stringSequence(view string) bool {
	return ansi.HasOscPrefix(view) || ansi.HasDcsPrefix(view) || ansi.HasSosPrefix(view) ||
		ansi.HasPmPrefix(view) || ansi.HasApcPrefix(view)
}
