package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"copydesk/content/text"
)

// A quotation is words between quotation marks in one paragraph. Marks come
// in many shapes (" “ ” ” “ « » and single quotes); straight marks are
// told apart by what surrounds them, so mixed pairs ("...”) still pair.
type quotation struct {
	open, close int // token indexes of the marks; -1 when absent
	s, e        int // byte range of the words, marks excluded, trimmed
	single      bool
	contd       bool // continues a quotation left open in the previous paragraph
	split       bool // British style: ended by the straight mark opening the next quoted sentence
}

type markShape uint8

const (
	shapeOpen markShape = iota
	shapeClose
	shapeEither
)

func markOf(t string) (double bool, shape markShape) {
	switch t {
	case "“", "„", "«", "``":
		return true, shapeOpen
	case "”", "»":
		return true, shapeClose
	case "\"", "''":
		return true, shapeEither
	case "‘", "‹", "`":
		return false, shapeOpen
	case "’", "›":
		return false, shapeClose
	}
	return false, shapeEither // '
}

// elisions start with an apostrophe that is not an opening quote.
var elisions = text.NewWordSet("em til cause n bout round twas tis nuff")

// findQuotations pairs the quotation marks of one paragraph. openBefore says
// the previous paragraph ended inside a quotation; the result says whether
// this one does.
func findQuotations(paraText string, toks []text.Token, openBefore bool, out []quotation) ([]quotation, bool) {
	out = out[:0]
	dOpen, sOpen := -1, -1
	nOpen := -1 // a double quotation of another style nested in the open one
	seenDouble := false
	for i := 0; i < len(toks); i++ {
		t := &toks[i]
		if t.Kind != text.QuoteMark {
			continue
		}
		double, shape := markOf(t.Text)
		if double && dOpen < 0 && t.Start > 0 && paraText[t.Start-1] == '=' {
			// an attribute value in markup: <tweet id="…">
			for i+1 < len(toks) && toks[i+1].Kind != text.QuoteMark {
				i++
			}
			i++
			continue
		}
		before, after := spaceBefore(paraText, t.Start), spaceAfter(paraText, t.End)
		switch {
		case shape == shapeEither && before && !after:
			shape = shapeOpen
		case shape == shapeEither && !before && after:
			shape = shapeClose
		case shape == shapeClose && double && dOpen < 0 && (i == 0 && paragraphStart(paraText, t.Start) || !(openBefore && len(out) == 0) && before && !after):
			// a closing mark typed for an opening one: ”This is …; at
			// a paragraph's start it closes nothing, even after a
			// paragraph left open (”…” style reopens every paragraph)
			shape = shapeOpen
		case shape == shapeOpen && double && dOpen >= 0 && !before && after && markFamily(t.Text) == markFamily(toks[dOpen].Text):
			shape = shapeClose // an opening mark typed for a closing one: “It's unusual,“ he said
		}
		if !double {
			if dOpen >= 0 {
				continue // nested in a double quotation: part of its words
			}
			switch {
			case sOpen < 0 && shape != shapeClose && before && !after && !isElision(paraText, t.End):
				sOpen = i
			case sOpen >= 0 && shape != shapeOpen && after:
				if q, ok := makeQuotation(paraText, toks, sOpen, i, true); ok && words(toks, sOpen, i) <= 60 {
					out = append(out, q)
				}
				sOpen = -1
			}
			continue
		}
		wasSeen := seenDouble
		seenDouble = true
		if dOpen >= 0 {
			// “He called it "a disgrace" twice”: a quotation of another
			// style inside the open one is part of its words.
			if nOpen >= 0 {
				if markFamily(t.Text) == markFamily(toks[nOpen].Text) && shape != shapeOpen {
					nOpen = -1
					continue
				}
			} else if markFamily(t.Text) != markFamily(toks[dOpen].Text) && shape == shapeOpen && !(t.Text == "“" && toks[dOpen].Text == "”") {
				nOpen = i
				continue
			}
		}
		switch {
		case dOpen < 0 && shape == shapeClose && len(out) == 0 && openBefore && !wasSeen:
			// The previous paragraph's quotation ran on without a new
			// opening mark here: the words up to this mark are its end.
			if q, ok := makeQuotation(paraText, toks, -1, i, false); ok {
				q.contd = true
				out = append(out, q)
			}
		case dOpen < 0 && shape != shapeClose:
			dOpen, sOpen, nOpen = i, -1, -1
		case dOpen < 0:
			// a stray closing mark: nothing to pair it with
		case shape == shapeOpen && t.Text != "\"" && t.Text != "''", reopens(paraText, toks, dOpen, i):
			// A new opening mark while one is open: the first was never
			// closed. End it here and start again.
			if q, ok := makeQuotation(paraText, toks, dOpen, i, false); ok {
				q.close = -1
				q.split = t.Text == "\""
				out = append(out, q)
			}
			dOpen, nOpen = i, -1
		default:
			if q, ok := makeQuotation(paraText, toks, dOpen, i, false); ok {
				out = append(out, q)
			}
			dOpen, nOpen = -1, -1
		}
	}
	if dOpen >= 0 {
		if q, ok := makeQuotation(paraText, toks, dOpen, -1, false); ok {
			out = append(out, q)
		}
		return out, true
	}
	return out, false
}

// reopens reports a straight mark at i that opens a new quotation while the
// one opened at o is still open: British copy often starts each quoted
// sentence with a mark and closes only the last ("We are ready. "We will
// wait," she said). Only a mark after a sentence's end, with white space
// before and a letter or digit after, counts; anywhere else a straight mark
// in an open quotation closes it.
func reopens(paraText string, toks []text.Token, o, i int) bool {
	if toks[i].Text != "\"" || toks[o].Text != "\"" || i < 2 || i-1 == o {
		return false
	}
	p := &toks[i-1]
	if p.Kind != text.Punct || !(p.Text == "." || p.Text == "?" || p.Text == "!" || p.Text == "…" || p.Text == "...") || p.End == toks[i].Start {
		return false
	}
	r, _ := utf8.DecodeRuneInString(paraText[toks[i].End:])
	return toks[i].End < len(paraText) && text.IsAlnum(r)
}

// markFamily groups double marks by style: straight and typewriter marks
// (the straight mark, doubled apostrophes and doubled backticks), curly
// marks (“ ” „) and guillemets (« »).
func markFamily(m string) byte {
	switch m {
	case "“", "”", "„":
		return 1
	case "«", "»":
		return 2
	}
	return 0
}

// paragraphStart reports whether only white space and invisible format
// characters stand before byte s.
func paragraphStart(text string, s int) bool {
	for _, r := range text[:s] {
		if !unicode.IsSpace(r) && !unicode.Is(unicode.Cf, r) {
			return false
		}
	}
	return true
}

func isElision(paraText string, e int) bool {
	j := e
	for j < len(paraText) && paraText[j] >= 'a' && paraText[j] <= 'z' {
		j++
	}
	if elisions.Has(paraText[e:j]) {
		return true
	}
	// ’90s, '08
	return e+1 < len(paraText) && text.IsDigit(paraText[e]) && text.IsDigit(paraText[e+1]) &&
		(e+2 >= len(paraText) || !text.IsDigit(paraText[e+2]))
}

// spaceBefore: the mark at s follows white space, the paragraph start, or an
// opening bracket or dash, so it can open a quotation.
func spaceBefore(text string, s int) bool {
	if s == 0 {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:s])
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r) || strings.ContainsRune("([{—–-/:", r)
}

// spaceAfter: the mark at e is followed by white space, the end, or
// punctuation, so it can close a quotation.
func spaceAfter(text string, e int) bool {
	if e >= len(text) {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[e:])
	return unicode.IsSpace(r) || strings.ContainsRune(".,;:!?)]}—–-…'’\"”", r)
}

func words(toks []text.Token, a, b int) int {
	n := 0
	for i := a + 1; i < b && i < len(toks); i++ {
		if toks[i].Kind == text.Word || toks[i].Kind == text.Number {
			n++
		}
	}
	return n
}

// makeQuotation builds the quotation between the marks at token indexes open
// and close (-1: paragraph start or end). Trailing commas belong to the
// sentence around the quotation, not to the quoted words.
func makeQuotation(paraText string, toks []text.Token, open, close int, single bool) (quotation, bool) {
	s, e := 0, len(paraText)
	if open >= 0 {
		s = toks[open].End
	}
	if close >= 0 {
		e = toks[close].Start
	}
	for s < e {
		r, n := utf8.DecodeRuneInString(paraText[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(paraText[s:e])
		if !unicode.IsSpace(r) && r != ',' {
			break
		}
		e -= n
	}
	if nickname(toks, open, close) {
		return quotation{}, false
	}
	q := quotation{open: open, close: close, s: s, e: e, single: single}
	hasWord := false
	for _, r := range paraText[s:e] {
		if text.IsAlnum(r) {
			hasWord = true
			break
		}
	}
	return q, hasWord
}

// nickname reports marks around one or two capitalised words inside a
// name, a nickname and not a quotation: Marcia "Cia" Price, Thomas "Tip"
// O'Neill.
func nickname(toks []text.Token, open, close int) bool {
	if open < 1 || close < 0 || close+1 >= len(toks) || close-open-1 < 1 || close-open-1 > 2 {
		return false
	}
	for i := open - 1; i <= close+1; i++ {
		if i != open && i != close && (toks[i].Kind != text.Word || !toks[i].Cap || toks[i].Function) {
			return false
		}
	}
	return true
}

// nickMark reports whether token i is a mark of a nickname inside a name,
// which the name's words run over.
func nickMark(toks []text.Token, i int) bool {
	if toks[i].Kind != text.QuoteMark {
		return false
	}
	for n := 2; n <= 3; n++ {
		if i+n < len(toks) && toks[i+n].Kind == text.QuoteMark && nickname(toks, i, i+n) ||
			i-n >= 0 && toks[i-n].Kind == text.QuoteMark && nickname(toks, i-n, i) {
			return true
		}
	}
	return false
}

// titleContext holds the words before a quotation that make a title of it:
// "said on “Face the Nation”", "told “Morning Joe”", "a reporter for “The
// Hill”".
var titleContext = text.NewWordSet("on of in at from to for told")

// titleQuote reports a quotation that is a title, not words its sentence's
// speaker said: every word capitalised (short function words aside) and few
// of them, after a preposition or a possessive ("said on CBS's “Face the
// Nation”", "told “Morning Joe”").
func titleQuote(toks []text.Token, q *quotation) bool {
	if q.open < 0 || q.close < 0 || q.single {
		return false
	}
	words := 0
	for i := q.open + 1; i < q.close; i++ {
		t := &toks[i]
		switch t.Kind {
		case text.Word:
			if !t.Cap && !(t.In(titleSmallWords) && words > 0) {
				return false
			}
			words++
		case text.Number:
			words++
		case text.Punct:
			if i+1 < q.close && t.Text != "-" && t.Text != "'" && t.Text != "’" && t.Text != ":" {
				return false // a title has no sentence inside: "Yes, We Can" is said
			}
		}
	}
	if words == 0 || words > 8 {
		return false
	}
	p := q.open - 1
	if p < 0 || !possessive(&toks[p]) && (toks[p].Kind != text.Word || toks[p].Cap) {
		return false
	}
	if first := &toks[q.open+1]; first.In(subjectPronouns) || strings.ContainsAny(first.Text, "'’") && pronounContraction(first.Lower()) != "" {
		return false // "I'm with her", "You're no Jack Kennedy" are said
	}
	if words == 1 {
		// one word is a title after "on" or a possessive ("on
		// “Hannity”"), not after "of" ("of “Oops”"), nor in capitals
		// ("ISIS")
		t := &toks[q.open+1]
		return (toks[p].Lower() == "on" || possessive(&toks[p])) && len(t.Text) > 1 && !allCaps(t.Text)
	}
	return toks[p].In(titleContext) || possessive(&toks[p])
}

// titleSmallWords are the small words a title leaves in lower case.
var titleSmallWords = text.NewWordSet("the a an of and or with for to in on at by from as")
