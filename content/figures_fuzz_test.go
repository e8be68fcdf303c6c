package content

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzFigures checks what must hold for any text: no panic, spans inside
// their paragraph on rune boundaries with the paragraph's bytes, figures in
// text order without overlap, known kinds, the same answer twice.
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
		paras := []Paragraph{{N: 1, Text: s}}
		if a, err := Parse("fuzz", []byte(s)); err == nil {
			paras = append(paras, a.Paragraphs...)
			for i := range paras {
				paras[i].N = i + 1
			}
		}
		// A loop that never ends would stall the fuzzer without a report.
		done := make(chan []Figure, 1)
		go func() { done <- FindFigures(paras) }()
		var figs []Figure
		select {
		case figs = <-done:
		case <-time.After(10 * time.Second):
			t.Fatalf("FindFigures did not return on %q", s)
		}
		checkFigures(t, paras, figs)
		again := FindFigures(paras)
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

func checkFigures(t *testing.T, paras []Paragraph, figs []Figure) {
	t.Helper()
	kinds := map[FigureKind]bool{Count: true, Date: true, Duration: true, Percent: true, Money: true, Ordinal: true, Quantity: true}
	prevPara, prevEnd := 0, 0
	for _, f := range figs {
		if f.Paragraph < 1 || f.Paragraph > len(paras) {
			t.Fatalf("figure %+v: no paragraph %d", f, f.Paragraph)
		}
		text := paras[f.Paragraph-1].Text
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End {
			t.Fatalf("figure %+v: span %d:%d out of 0:%d", f, f.Start, f.End, len(text))
		}
		if !utf8.RuneStart(text[f.Start]) || f.End < len(text) && !utf8.RuneStart(text[f.End]) {
			t.Fatalf("figure %+v: span %d:%d splits a character", f, f.Start, f.End)
		}
		if text[f.Start:f.End] != f.Text {
			t.Fatalf("figure %+v: text %q, paragraph has %q", f, f.Text, text[f.Start:f.End])
		}
		if f.Paragraph < prevPara || f.Paragraph == prevPara && f.Start < prevEnd {
			t.Fatalf("figure %+v: out of order or overlapping (previous ¶%d ends at %d)", f, prevPara, prevEnd)
		}
		if !kinds[f.Kind] {
			t.Fatalf("figure %+v: unknown kind", f)
		}
		if !utf8.ValidString(f.Value) || !utf8.ValidString(f.Unit) {
			t.Fatalf("figure %+v: invalid UTF-8 in value or unit", f)
		}
		prevPara, prevEnd = f.Paragraph, f.End
	}
}
