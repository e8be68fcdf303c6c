package text

import (
	"unicode/utf8"
)

// SkipListMark returns the length of the list mark that opens text ("- ",
// "• ", "1. ", "2) "), or 0: the mark is neither speech nor a figure, and
// every reader of a paragraph skips it alike.
func SkipListMark(text string) int {
	r, n := utf8.DecodeRuneInString(text)
	switch r {
	case '-', '•', '*', '–', '—', '·':
		if n < len(text) && text[n] == ' ' {
			return n + 1
		}
	}
	i := 0
	for i < len(text) && IsDigit(text[i]) {
		i++
	}
	if i > 0 && i+1 < len(text) && (text[i] == '.' || text[i] == ')') && text[i+1] == ' ' {
		return i + 2
	}
	return 0
}
