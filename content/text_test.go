package content

import (
	"strings"
	"testing"
	"unicode"
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

// slug lowers rune by rune; it must agree with lowering the whole name first.
func TestSlugLowersAsToLower(t *testing.T) {
	for _, s := range []string{"John Kerry", "İSTANBUL Mayor", "O’Neill", "Ǆemal", "\u212aelvin", "A.B. Smith-Jones", "a\xffb", ""} {
		var b strings.Builder
		dash := false
		for _, c := range strings.ToLower(s) {
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				if dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				b.WriteRune(c)
				dash = false
			} else if c != '\'' && c != '’' && c != '.' {
				dash = true
			}
		}
		if got := slug(s); got != b.String() {
			t.Errorf("slug(%q) = %q, want %q", s, got, b.String())
		}
	}
}

func TestIndexApostrophe(t *testing.T) {
	for _, s := range []string{"", "he's", "he’s", "they’ve", "none", "a\xe2\xe2\x80\x99b", "\xe2\x80", "x'’", "é’"} {
		if got, want := indexApostrophe(s), strings.IndexAny(s, "'’"); got != want {
			t.Errorf("indexApostrophe(%q) = %d, want %d", s, got, want)
		}
	}
}
