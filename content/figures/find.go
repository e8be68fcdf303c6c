package figures

import (
	"strings"
	"sync"
	"time"

	"copydesk/content/text"
)

// Find returns the figures of text in text order, with offsets into text,
// or nil when it has none. Give it one paragraph at a time: a date takes
// its year only from within its paragraph.
//
// It is a pure, deterministic function of the text, linear in its length: a
// tokenizer feeds hand-written rules that look a bounded number of tokens
// around each possible start (a digit, a number word, a month, a currency
// sign …), and the longest reading wins. Spans never overlap.
//
// Values (the JSON contract's "value"), by kind:
//   - count, quantity, ordinal, percent, money: the number in plain digits,
//     "1200000" for "1.2 million", "0.5" for "half", "0.2" for "one in
//     five"; money in the currency's main unit ("50 cents" is "0.5" USD); a
//     percent without its sign ("15", unit "%"). Vague amounts ("tens of
//     thousands", "millions of dollars") have an empty value. A tally keeps
//     its dash: "52-48". "m" and "bn" glued to digits are million and
//     billion ("1.6m Muslims", "£7.4m", "3bn"), "m" metres only where a
//     length is measured ("a 40m-high tower", "the 100m race").
//   - unit: the counted noun as written ("civilians") for a count, "times"
//     for a multiplier ("twice as much"); a short unit symbol for a quantity
//     ("km", "ft", "lb", "°C"), "years old" for an age ("Kerry, 72,"); an
//     ISO 4217 code for money ("USD", "EUR", "GBP"), or the currency word when
//     the text does not fix one ("franc", "peso"); "%" or "percentage points"
//     for a percent.
//   - date: ISO 8601, "2016-10-17", "2016-10", "1998"; a part the text leaves
//     open is X'd as in TIMEX3 and EDTF: "XXXX-10-17" when no year can be
//     found, "XXXX-WXX-5" for a Friday, "199X" for the 1990s, "19XX" for the
//     20th century, "XXXX-Q4" for a fourth quarter ("2004-Q3" for the
//     third quarter of 2004). A date without a year takes one only where the text
//     ties it to one (see tieYear): "5 and 6 May 2005", "January and
//     February 2005", or, for a month-and-day date, a full date earlier in
//     the same paragraph. A bare month never borrows a year from elsewhere:
//     "in January" is "XXXX-01", and so is "January this year", since the
//     year of writing is not known. Dates that count from the time
//     of writing ("last month", "later this year", "three weeks ago",
//     "yesterday", "tonight")
//     have an empty value: no publication date is known, and a guessed one
//     would state what the text does not. "today" is not read: in news it
//     means "nowadays" as often as a day, and names a newspaper. "9/11" is
//     the attacks of 2001-09-11.
//   - duration: ISO 8601, "PT4H", "PT40M", "P18M", "P8Y", "P10Y" for a decade;
//     an unknown count is X'd ("PXD" for "several days"); quarters of a
//     year count three months ("the past three quarters" is "P9M"). "a full
//     year" is P1Y, "the full year" and "full-year profits" a financial
//     year and no figure.
//   - a range is one figure with both ends joined by "/", as in an ISO 8601
//     interval: "10/20", "2011/2013", "5000000/10000000", "P2W/P3W".
//
// Not figures: numbers inside names and codes ("Boeing 747", "COVID-19",
// "Route 66", "G7", "7-Eleven", "Euro 2004"), places in a text ("section
// 5/6", "Article 50"), phone numbers, times of day ("10:30", "1230 GMT",
// "at 12.30", "2pm", "three in the morning"), street numbers, web and mail
// addresses; "one" as a pronoun or article; word ordinals except where they
// state a rank ("the third time", "fifth-largest", "fourth largest bank",
// "ranks fourth", "Mr Brown's eighth budget"), and never "first".
//
// A span is the figure without the words that bound or hedge it: "more
// than 25%" is "25%", "up to a week" is "a week" (the seed article's
// "more than four hours" lists "four hours"); words that move a date are
// part of it ("later this year", "early 2016").
//
// FindAt gives the dates that count from the day of writing, and those
// without a year, the values they have when that day is known.
func Find(text string) []Figure { return FindAt(text, time.Time{}) }

// scanners keeps scanners with their token windows between texts: an
// article is read a paragraph at a time, and a window made anew for each
// costs more than the figures it finds.
var scanners = sync.Pool{New: func() any { return new(scanner) }}

type scanner struct {
	t    tokens
	text string
	out  []Figure
	meta []figMeta
	// the year of the last full date ("Oct. 3, 2016") of the text
	fullYear int
	// the white-space-delimited run last checked for being a URL
	runS, runE int
	runURL     bool
	// the day the text was written (noon UTC), zero when unknown: see FindAt
	pub time.Time
}

// cand is one reading of the tokens [start, end). A cand without a kind
// consumes its tokens without a figure: a product name, a phone number.
type cand struct {
	start, end int
	kind       Kind
	value      string
	unit       string
	year       int  // an explicit year the figure states
	fill       bool // a date whose value starts "XXXX-" and may take a year the text ties to it
}

// yearPrecision tells how a date's explicit year was written.
func (c cand) yearPrecision() (month, full bool) {
	v := c.value
	return len(v) >= 7 && v[4] == '-' && v[:4] != "XXXX", len(v) >= 10 && v[4] == '-' && v[7] == '-' && v[:4] != "XXXX"
}

type figMeta struct {
	fill bool // a date still without its year
	keep bool // a date FindAt has anchored, or must leave as Find has it
	wday int8 // the weekday named beside a day of the month ("Wednesday the 27th")
}

func (sc *scanner) is(k *ftok, w string) bool { return sc.t.is(k, w) }

// scan returns the figures of text in text order, nil when it has none.
func (sc *scanner) scan(ptext string) []Figure {
	sc.text = ptext
	sc.t.reset(ptext)
	sc.out, sc.meta, sc.fullYear = nil, sc.meta[:0], 0
	sc.runS, sc.runE = -1, -1
	i := 0
	if n := text.SkipListMark(ptext); n > 0 && n <= 4 && text.IsDigit(ptext[0]) {
		// "1. What causes it?": the number of a heading or a list item
		// counts nothing ("2016. That year …" has four digits: a year)
		for sc.t.at(i).kind != ftEnd && sc.t.at(i).s < n {
			i++
		}
	}
	for {
		sc.t.release(i)
		k := sc.t.at(i)
		if k.kind == ftEnd {
			if !sc.pub.IsZero() {
				sc.anchorRest()
			}
			return sc.out
		}
		if !sc.trigger(i, k) {
			i++
			continue
		}
		c := sc.best(i)
		if c.end <= i {
			i++
			continue
		}
		if c.kind != "" {
			sc.emit(c)
		}
		i = c.end
	}
}

// trigger reports whether a figure may start at token i (k). It is the
// scanner's filter: most words are no start, and common ones ("the", "a",
// "this") only before a word that can follow them in a figure.
func (sc *scanner) trigger(i int, k *ftok) bool {
	t := &sc.t
	switch k.kind {
	case ftNum:
		return true
	case ftSym:
		switch k.r {
		case '.', '\'', '’', '‘', '#', '-', '−':
			n := t.at(i + 1)
			return n.kind == ftNum && !n.sp
		}
		return currencySymbol[k.r] != "" || vulgar[k.r] != 0
	case ftWord:
	default:
		return false
	}
	if t.at(i + 1).isSym('$') {
		return true // "US$", "C$", "Mex$"
	}
	l := k.lx
	if l == nil {
		return false
	}
	if l.flags&fTrigger != 0 {
		return true
	}
	n := t.at(i + 1)
	nl := n.lx
	switch l.trig {
	case trigThe:
		return n.kind == ftNum || n.kind == ftSym && isQuoteOrApostrophe(n.r) ||
			nl != nil && (nl.ord > 0 || nl.flags&(fRelative|fPrefix) != 0 || sc.is(n, "day"))
	case trigArticle:
		return nl != nil && (nl.cls != ncNone || nl.ord > 0 || nl.tu != tuNone) || sc.is(n, "few") || sc.is(n, "couple")
	case trigRelative:
		return nl != nil && (nl.month > 0 || nl.wday > 0 || nl.tu != tuNone || nl.flags&fSeason != 0 || sc.is(n, "weekend") || sc.is(n, "night")) ||
			n.kind == ftNum || nl != nil && nl.cls != ncNone
	case trigUnitNext:
		return nl != nil && (nl.tu != tuNone || nl.cls == ncScale || nl.cls == ncHundred) || n.isDash() ||
			sc.is(n, "business") || sc.is(n, "working") || sc.is(n, "full")
	case trigNumberNext:
		return n.kind == ftNum || nl != nil && nl.cls != ncNone
	case trigCode:
		return n.kind == ftNum || nl != nil && nl.cls != ncNone || n.isSym('$')
	case trigNo:
		return sc.text[k.s:k.e] == "No"
	case trigPer:
		return sc.is(n, "cent") || sc.is(n, "of")
	case trigLater:
		return sc.is(n, "this") || sc.is(n, "next") || sc.is(n, "last") || sc.is(n, "in")
	}
	return false
}

// best returns the longest reading at i; on a tie a date beats a rank, which
// beats an amount.
func (sc *scanner) best(i int) cand {
	b := cand{start: i, end: i}
	take := func(c cand) {
		if c.end > b.end || (c.end == b.end && b.kind == "" && c.kind != "") {
			b = c
		}
	}
	k := sc.t.at(i)
	take(sc.dateAt(i))
	if k.kind == ftSym && k.r == '#' || k.kind == ftWord {
		take(sc.rankAt(i))
	}
	take(sc.amountAt(i))
	if b.end > i && b.kind != "" && sc.inURL(k.s) {
		b = cand{start: i, end: sc.runEndTok(i)}
	}
	if b.end > i && b.kind != "" && b.kind != Money && b.kind != Percent && sc.quotedAlone(b) {
		b.kind = "" // “13th”, ‘1984’: a title
	}
	return b
}

// quotedAlone reports a figure that is all of a quotation: the title of a
// film or a book, not a quantity.
func (sc *scanner) quotedAlone(c cand) bool {
	t := &sc.t
	isQuote := func(k *ftok) bool {
		return k.kind == ftSym && (k.r == '"' || k.r == '“' || k.r == '”' || k.r == '‘' || k.r == '’' || k.r == '\'')
	}
	open := t.at(c.start - 1)
	if !isQuote(open) || t.at(c.start).sp {
		return false
	}
	for q := c.start + 1; q < c.end; q++ {
		if t.at(q).sp {
			return false // “5 million” is a quoted amount, not a title
		}
	}
	j := c.end
	if n := t.at(j); (n.isSym('.') || n.isSym(',')) && !n.sp {
		j++
	}
	cl := t.at(j)
	return isQuote(cl) && !cl.sp
}

func (sc *scanner) emit(c cand) {
	s, e := sc.t.at(c.start).s, sc.t.at(c.end-1).e
	m := figMeta{}
	if c.kind == Date && !sc.pub.IsZero() {
		sc.anchor(&c, &m)
	}
	m.fill = c.fill
	sc.out = append(sc.out, Figure{Start: s, End: e, Text: sc.text[s:e], Kind: c.kind, Value: c.value, Unit: c.unit})
	sc.meta = append(sc.meta, m)
	sc.tieYear(c)
}

// tieYear gives dates without a year the year the text ties to them, as the
// figure c is emitted. A year is taken only where the text states it for
// that date:
//   - from a dated figure that closes a list or a range of dates: "5 and 6
//     May 2005", "January and February 2005", "Oct. 3 to Oct. 5, 2016";
//   - for a month-and-day date, from the most recent full date ("Oct. 3,
//     2016") earlier in the same paragraph, where a writer who changed year
//     would say so.
//
// Nothing else lends a year. A check on real articles found the looser
// rules wrong more often than right: a bare year in the same paragraph is
// mostly history ("won in 1997 … on 5 May"), a month and year or a full date
// a few paragraphs away as often another year as the same, and a bare month
// ("in January") took a wrong year in five of eleven cases. A wrong year
// states what the text does not; "XXXX" does not.
func (sc *scanner) tieYear(c cand) {
	last := len(sc.out) - 1
	month, full := c.yearPrecision()
	if c.fill && !full && sc.fullYear != 0 && hasDay(c.value) {
		sc.setYear(last, sc.fullYear)
	}
	if c.year == 0 || !month {
		return
	}
	if full {
		sc.fullYear = c.year
	}
	// Walk back over the list the dated figure closes. Each date is tied at
	// most once, so the walks cost no more than the figures.
	for k := last - 1; k >= 0 && sc.meta[k].fill; k-- {
		if !dateJoiner(sc.text[sc.out[k].End:sc.out[k+1].Start]) {
			break
		}
		sc.setYear(k, c.year)
	}
}

func (sc *scanner) setYear(k, y int) {
	sc.out[k].Value = strings.ReplaceAll(sc.out[k].Value, "XXXX", itoa4(y))
	sc.meta[k].fill = false
}

// hasDay reports a date value with a day: "XXXX-10-17", not "XXXX-10".
func hasDay(v string) bool { return len(v) >= 10 && v[7] == '-' }

// dateJoiner reports the words that join dates into one list or range.
func dateJoiner(gap string) bool {
	switch strings.TrimSpace(gap) {
	case ",", "and", ", and", "or", ", or", "to", "through", "until", "till", "-", "–", "—", "and/or":
		return true
	}
	return false
}

func itoa4(y int) string {
	b := [4]byte{byte('0' + y/1000%10), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10)}
	return string(b[:])
}

// inURL reports whether byte offset p lies in a web address or an e-mail
// address, whose digits are never figures. Each run of non-space text is
// examined once.
func (sc *scanner) inURL(p int) bool {
	if p >= sc.runS && p < sc.runE {
		return sc.runURL
	}
	s := sc.text
	a := p
	for a > 0 && !isSpaceByteBefore(s, a) {
		a--
	}
	b := p
	for b < len(s) && !isSpaceByteAt(s, b) {
		b++
	}
	sc.runS, sc.runE = a, b
	run := s[a:b]
	sc.runURL = strings.Contains(run, "://") || hasPrefixFold(run, "www.") ||
		(strings.IndexByte(run, '@') > 0 && strings.IndexByte(run[strings.IndexByte(run, '@'):], '.') > 0) ||
		looksLikeDomainPath(run)
	return sc.runURL
}

func isSpaceByteAt(s string, i int) bool {
	c := s[i]
	return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f'
}

func isSpaceByteBefore(s string, i int) bool { return isSpaceByteAt(s, i-1) }

func hasPrefixFold(s, p string) bool {
	return len(s) >= len(p) && strings.EqualFold(s[:len(p)], p)
}

// looksLikeDomainPath spots "cnn.com/2016/10/17/politics".
func looksLikeDomainPath(run string) bool {
	slash := strings.IndexByte(run, '/')
	if slash <= 0 {
		return false
	}
	host := run[:slash]
	dot := strings.LastIndexByte(host, '.')
	if dot <= 0 || dot >= len(host)-2 {
		return false
	}
	for _, c := range []byte(host[dot+1:]) {
		if !('a' <= c && c <= 'z') {
			return false
		}
	}
	return true
}

// runEndTok returns the first token at or after i that starts past the
// current URL run.
func (sc *scanner) runEndTok(i int) int {
	for sc.t.at(i).kind != ftEnd && sc.t.at(i).s < sc.runE {
		i++
	}
	return i
}
