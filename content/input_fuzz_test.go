package content

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzSplitParagraphs checks the paragraph contract on any input: numbered
// from 1, each text the input's bytes at its offset, trimmed, in order,
// never overlapping, never empty.
func FuzzSplitParagraphs(f *testing.F) {
	for _, s := range []string{
		"", "a", "a\nb", "a\n\nb", "a\r\n\r\nb\r\n", "a\rb\r\rc", "\uFEFFx\ny", " \t\n", "\n\n\nx\n\n\n",
		"one\ntwo\n \nthree", "x\u2028y\u00a0\n\u3000\nz", "\xff\xfe", "a\x00b",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ps := splitParagraphs(data)
		end := 0
		for i, p := range ps {
			if p.N != i+1 {
				t.Fatalf("paragraph %d numbered %d", i+1, p.N)
			}
			if p.Offset < end || p.Offset+len(p.Text) > len(data) {
				t.Fatalf("paragraph %d at %d overlaps or overruns", p.N, p.Offset)
			}
			if string(data[p.Offset:p.Offset+len(p.Text)]) != p.Text {
				t.Fatalf("paragraph %d is not the input's bytes", p.N)
			}
			if p.Text == "" || strings.TrimSpace(p.Text) != p.Text && utf8.ValidString(p.Text) {
				t.Fatalf("paragraph %d is empty or untrimmed: %q", p.N, p.Text)
			}
			end = p.Offset + len(p.Text)
		}
		// Nothing but white space is dropped.
		if utf8.Valid(data) {
			var kept int
			for _, p := range ps {
				kept += len(strings.Map(dropSpace, p.Text))
			}
			all := strings.Map(dropSpace, strings.TrimPrefix(string(data), bom))
			if kept != len(all) {
				t.Fatalf("paragraphs keep %d non-space bytes of %d", kept, len(all))
			}
		}
	})
}

func dropSpace(r rune) rune {
	if unicode.IsSpace(r) {
		return -1
	}
	return r
}

// FuzzParse checks that validation either refuses with an error or gives
// an article whose paragraphs are valid UTF-8 without NUL bytes.
func FuzzParse(f *testing.F) {
	for _, s := range []string{"", "Kerry said.", "a\x00", "caf\xe9", "\xff\xfeh\x00", "\uFEFF", "x\n\ny"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		a, err := Parse("fuzz", data)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Fatalf("error is more than one line: %q", err)
			}
			return
		}
		if len(a.Paragraphs) == 0 {
			t.Fatal("accepted an article without paragraphs")
		}
		for _, p := range a.Paragraphs {
			if !utf8.ValidString(p.Text) || strings.IndexByte(p.Text, 0) >= 0 {
				t.Fatalf("paragraph %d: invalid text accepted", p.N)
			}
		}
	})
}
