package text

import (
	"strings"
	"testing"

	"copydesk/internal/testkit"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Kerry said.", "Kerry said."},
		{"SGR colour", "a \x1b[31mred\x1b[0m word", "a red word"},
		{"cursor movement", "x\x1b[2J\x1b[H\x1b[10;20Hy", "xy"},
		{"OSC title, BEL", "a\x1b]0;pwned\x07b", "ab"},
		{"OSC 52 clipboard, ST", "a\x1b]52;c;ZXZpbA==\x1b\\b", "ab"},
		{"OSC 8 link", "\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"},
		{"DCS", "a\x1bP1$r0m\x1b\\b", "ab"},
		{"APC", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"C1 CSI", "a\u009b31mb", "ab"},
		{"C1 OSC", "a\u009d0;t\u009cb", "ab"},
		{"charset switch", "a\x1b(0b", "ab"},
		{"unterminated OSC keeps text", "a\x1b]0;the rest of the article", "a0;the rest of the article"},
		{"lone controls", "a\x07b\x08c\x7fd", "a\uFFFDb\uFFFDc\uFFFDd"},
		{"bidi override", "abc\u202Edef\u202C", "abcdef"},
		{"bidi isolates", "a\u2066b\u2069c", "abc"},
		{"zero width", "a\u200bb\ufeffc", "abc"},
		{"white space collapses", "a \t\r\n  b", "a b"},
		{"trailing ESC", "abc\x1b", "abc"},
		{"spaces at the ends", " a b ", "a b"},
		{"two spaces", "a  b", "a b"},
		{"DEL at the end", "ab\x7f", "ab\uFFFD"},
		{"OSC title with curly quotes", "a\x1b]0;“pwned”\x07b", "ab"},
		{"C1 OSC, ESC ST", "a\u009d0;t\x1b\\b", "ab"},
		{"string cancelled by CAN keeps text", "a\x1b]0;x\x18b", "a0;x\uFFFDb"},
		{"BEL ends only OSC", "a\x1bPdata\x07b", "adata\uFFFDb"},
		{"string cut by another escape keeps text", "a\x1b_x\x1b[1mb", "axb"},
		{"charset switch ending in [", "a\x1b$[b", "ab"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Clean(tt.in)
			if got != tt.want {
				t.Fatalf("Clean(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if strings.ContainsAny(got, "\x1b\u009b\u009d\a") {
				t.Fatalf("control left in %q", got)
			}
		})
	}
}

func TestCleanEachOffsets(t *testing.T) {
	in := "a\x1b[1mb\u202Ec"
	var offs []int
	var out []rune
	CleanEach(in, func(r rune, off int) {
		out = append(out, r)
		offs = append(offs, off)
	})
	if string(out) != "abc" {
		t.Fatalf("got %q", string(out))
	}
	for i, off := range offs {
		if r := []rune(in[off:])[0]; r != out[i] {
			t.Errorf("rune %d maps to offset %d (%q)", i, off, r)
		}
	}
}

// Unterminated string sequences must not make cleaning quadratic.
func TestCleanIsLinear(t *testing.T) {
	for _, unit := range []string{"\x1b]", "\x1bP", "\x1b]0;", "\x1b[", "\u009d", "\x1b]é"} {
		small := strings.Repeat(unit, 1<<14)
		large := strings.Repeat(unit, 10<<14)
		if g := testkit.Growth(func() { Clean(small) }, func() { Clean(large) }); g > testkit.MaxGrowth {
			t.Errorf("%q: ten times the input cost %.1f times as much, want at most %d", unit, g, testkit.MaxGrowth)
		}
	}
}
