package text

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzClean checks that nothing a terminal would act on survives cleaning:
// no ESC, no C0 or C1 control, no bidi override or isolate, valid UTF-8;
// that cleaning twice changes nothing; and that every rune CleanEach
// reports comes from its offset in the input.
func FuzzClean(f *testing.F) {
	for _, s := range []string{
		"plain", "\x1b[31mred\x1b[0m", "\x1b]52;c;ZXZpbA==\x07", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\",
		"\x1bP1$r\x1b\\", "\u009b2J", "\u009d0;t\u009c", "a\u202Eb\u2066c", "\x1b", "\x1b]", "\x1b[", "\t\r\n",
		"\xff\xfe", "a\u200bb", "\x1b(0q\x1b(B",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Clean(s)
		if !utf8.ValidString(out) {
			t.Fatalf("invalid UTF-8 out of %q", s)
		}
		for _, r := range out {
			if r < 0x20 || r >= 0x7f && r < 0xa0 || isInvisible(r) {
				t.Fatalf("control %U survives in %q (from %q)", r, out, s)
			}
		}
		if Clean(out) != out {
			t.Fatalf("cleaning is not idempotent: %q -> %q", out, Clean(out))
		}
		CleanEach(s, func(r rune, off int) {
			if off < 0 || off >= len(s) {
				t.Fatalf("offset %d out of range", off)
			}
			got, _ := utf8.DecodeRuneInString(s[off:])
			switch {
			case r == ' ' || r == Placeholder:
			case got != r:
				t.Fatalf("rune %q reported at %d, where the input has %q", r, off, got)
			}
		})
		if strings.ContainsRune(out, '\x1b') {
			t.Fatal("ESC survives")
		}
	})
}
