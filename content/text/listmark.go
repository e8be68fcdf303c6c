package text

import (
	"unicode/utf8"
)

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
