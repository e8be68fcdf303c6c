package text

import "testing"

// EscapeLen is the sanitiser's and the figure tokeniser's reading of an
// escape sequence: the whole sequence when a terminal would take it as one,
// only the introducer of a string sequence nothing ends.
func TestEscapeLen(t *testing.T) {
	tests := []struct {
		name, in string
		want     int // bytes of in the sequence takes
	}{
		{"CSI", "\x1b[31mred", 5},
		{"CSI with a private prefix", "\x1b[?25hx", 6},
		{"CSI cut by a letter-less byte", "\x1b[12\x1bx", 4},
		{"C1 CSI", "\u009b2Jx", 4},
		{"OSC ended by BEL", "\x1b]0;title\x07x", 10},
		{"OSC ended by ESC \\", "\x1b]52;c;ZXZp\x1b\\x", 13},
		{"OSC with curly quotes in its title", "\x1b]0;“t”\x07x", 12},
		{"C1 OSC ended by C1 ST", "\u009d0;t\u009cx", 7},
		{"DCS", "\x1bP1$r0m\x1b\\x", 9},
		{"APC", "\x1b_Gf=1\x1b\\x", 8},
		{"unterminated OSC: its introducer", "\x1b]0;the rest", 2},
		{"OSC cut by another escape: its introducer", "\x1b]0;t\x1b[1m", 2},
		{"OSC cancelled by CAN: its introducer", "\x1b]0;t\x18x", 2},
		{"BEL does not end a DCS", "\x1bPq\x07x", 2},
		{"unterminated C1 OSC: its introducer", "\u009d0;t", 2},
		{"charset switch", "\x1b(Bx", 3},
		{"charset switch ending in [", "\x1b$[x", 3},
		{"two-byte escape", "\x1b7x", 2},
		{"ESC alone", "\x1b", 1},
		{"ESC before a letter-less byte", "\x1b\nx", 1},
		{"ESC before a C1 introducer", "\x1b\u009b1m", 1},
	}
	for _, tt := range tests {
		if got := EscapeLen(tt.in); got != tt.want {
			t.Errorf("%s: EscapeLen(%q) = %d (%q), want %d (%q)", tt.name, tt.in, got, tt.in[:got], tt.want, tt.in[:tt.want])
		}
	}
}
