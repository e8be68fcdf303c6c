package content

import (
	"strings"
	"testing"
)

// appendLower must make the very bytes strings.ToLower does: map keys made
// one way are looked up the other.
func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "kerry", "Kerry", "JOHN KERRY", "O’Neill", "Müller", "İSTANBUL", "ǅemal", "\u212aelvin", "a\xffB"} {
		prefix := []byte("desc:")
		got := string(appendLower(prefix, s))
		if want := "desc:" + strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// The ASCII fast path of tokenize must end and look up a word exactly as
// scanWord and lowerWord do wherever it claims the word.
func TestASCIIWordAsScanWord(t *testing.T) {
	pieces := []string{"a", "Z", "said", "U", "S", "Kerry", "MR", "7", "275", " ", ",", ".", "-", "/", "&", "'", "’", "é", "—", ":", "(", "\n", "s", "e.g", "No", "the", "THE"}
	seed := uint32(1)
	next := func() int {
		seed = seed*1664525 + 1013904223
		return int(seed >> 8)
	}
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for k := next() % 8; k >= 0; k-- {
			sb.WriteString(pieces[next()%len(pieces)])
		}
		s := sb.String()
		for i := 0; i < len(s); i++ {
			if !isASCIIAlnum(s[i]) {
				continue
			}
			end, h, upper, ok := asciiWord(s, i)
			if !ok || end-i > maxLexWord {
				continue
			}
			for _, possS := range []bool{false, true} {
				if want := scanWord(s, i, possS); end != want {
					t.Fatalf("%q at %d: asciiWord ends at %d, scanWord at %d", s, i, end, want)
				}
			}
			gl, gs := lowerASCIIWord(s[i:end], h, upper)
			wl, ws := lowerWord(s[i:end])
			if gl != wl || gs != ws {
				t.Fatalf("%q: lowerASCIIWord = %q %x, lowerWord = %q %x", s[i:end], gl, gs, wl, ws)
			}
		}
	}
}
