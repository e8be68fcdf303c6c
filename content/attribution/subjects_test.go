package attribution

import (
	"strings"
	"testing"
)

func TestIndexApostrophe(t *testing.T) {
	for _, s := range []string{"", "he's", "he’s", "they’ve", "none", "a\xe2\xe2\x80\x99b", "\xe2\x80", "x'’", "é’"} {
		if got, want := indexApostrophe(s), strings.IndexAny(s, "'’"); got != want {
			t.Errorf("indexApostrophe(%q) = %d, want %d", s, got, want)
		}
	}
}
