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
