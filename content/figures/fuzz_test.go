package figures

import (
	"flag"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFigures checks what must hold for any text: no panic, spans inside
// the text on rune boundaries with the text's bytes, figures in text order
// without overlap, known kinds, the same answer twice.
func FuzzFigures(f *testing.F) {
	for _, c := range figureCases {
		f.Add(c.text)
	}
	for _, s := range []string{
		"", "1", "-", "$", "1,", "1,234,", "1 000 000 000 000 000 000 000 000", "9/11/", "'90s", "No.",
		"a half a half a", "one and a half and a half", "2 1/4 1/2", "½½½", "Oct. 3-", "the 1990's",
		"\x1b[31m40\x1b[0m km", "\x1b]0;title", "1e999999999", "99999999999999999999999 million",
		"four-and-a-", "twenty-", "$5 to $", "between 5 and", "Friday (", "mid-", "3 hours and",
		strings.Repeat("1,", 50), strings.Repeat("one hundred and ", 20), "\u202f1\u202f000",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			return // inputs are valid UTF-8 without NUL bytes
		}
		figs := findGuarded(t, s)
		checkFigures(t, s, figs)
		again := Find(s)
		if len(again) != len(figs) {
			t.Fatalf("not deterministic: %d then %d figures", len(figs), len(again))
		}
		for i := range figs {
			if figs[i] != again[i] {
				t.Fatalf("not deterministic: %+v then %+v", figs[i], again[i])
			}
		}
	})
}

// findGuarded is Find, which under -fuzz fails the input it does not return
// on: a fuzzing run has no test timeout, and a loop that never ends would
// stall it without a report. Under go test the test timeout does that.
func findGuarded(t *testing.T, s string) []Figure {
	if fl := flag.Lookup("test.fuzz"); fl == nil || fl.Value.String() == "" {
		return Find(s)
	}
	done := make(chan []Figure, 1)
	go func() { done <- Find(s) }()
	select {
	case figs := <-done:
		return figs
	case <-time.After(time.Minute):
		t.Fatalf("Find did not return on %q", s)
		return nil
	}
}

func checkFigures(t *testing.T, text string, figs []Figure) {
	t.Helper()
	kinds := map[Kind]bool{Count: true, Date: true, Duration: true, Percent: true, Money: true, Ordinal: true, Quantity: true}
	prevEnd := 0
	for _, f := range figs {
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
			t.Fatalf("figure %+v: span %d:%d out of 0:%d", f, f.Start, f.End, len(text))
		}
		if !utf8.RuneStart(text[f.Start]) || f.End < len(text) && !utf8.RuneStart(text[f.End]) {
			t.Fatalf("figure %+v: span %d:%d splits a character", f, f.Start, f.End)
		}
		if text[f.Start:f.End] != f.Text {
			t.Fatalf("figure %+v: text %q, the text has %q", f, f.Text, text[f.Start:f.End])
		}
		if f.Start < prevEnd {
			t.Fatalf("figure %+v: out of order or overlapping (the previous one ends at %d)", f, prevEnd)
		}
		if !kinds[f.Kind] {
			t.Fatalf("figure %+v: unknown kind", f)
		}
		if !utf8.ValidString(f.Value) || !utf8.ValidString(f.Unit) {
			t.Fatalf("figure %+v: invalid UTF-8 in value or unit", f)
		}
		prevEnd = f.End
	}
}
