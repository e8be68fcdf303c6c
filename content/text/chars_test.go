package text

import (
	"strings"
	"testing"
)

func TestSkipListMark(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"- item", 2},
		{"• item", len("• ")},
		{"* item", 2},
		{"— a dash", len("— ")},
		{"1. First", 3},
		{"12) Twelfth", 4},
		{"2016. That year", 6},
		{"-item", 0},
		{"1.5 million", 0},
		{"Kerry said", 0},
		{"", 0},
		{"7.", 0},
	}
	for _, tt := range tests {
		if got := SkipListMark(tt.in); got != tt.want {
			t.Errorf("SkipListMark(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
}

// Lower and EqualLower must agree with strings.ToLower, which the word
// lists are spelt in.
func TestLowerAsToLower(t *testing.T) {
	for _, s := range []string{"", "kerry", "Kerry", "U.S.", "Müller", "İSTANBUL", "ǅemal"} {
		if got, want := Lower(s), strings.ToLower(s); got != want {
			t.Errorf("Lower(%q) = %q, want %q", s, got, want)
		}
	}
	for _, c := range []struct {
		s, key string
		want   bool
	}{
		{"Said", "said", true}, {"SAID", "said", true}, {"said", "said", true}, {"Sald", "said", false}, {"Said", "Said", false},
	} {
		if got := EqualLower(c.s, c.key); got != c.want {
			t.Errorf("EqualLower(%q, %q) = %v, want %v", c.s, c.key, got, c.want)
		}
	}
}

// HashByte must be FNV-1a, byte by byte: the lexicons hash their keys
// whole and the tokenisers hash words as they scan them.
func TestHashByte(t *testing.T) {
	h := uint32(HashStart)
	for _, c := range []byte("said") {
		h = HashByte(h, c)
	}
	if h != 0xbc03351c || fnv("said") != h {
		t.Errorf("hash of %q = %#x (fnv %#x), want FNV-1a's 0xbc03351c", "said", h, fnv("said"))
	}
}
