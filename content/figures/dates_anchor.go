package figures

import (
	"strings"
	"time"
	"unicode/utf8"

	"copydesk/content/text"
)

// Dates anchored to the day an article was published: "last month" in a
// story of 2016-10-15 is "2016-09", "October 17" is "2016-10-17".

// FindAt is Find for a text published on the calendar day of published (its
// date in its own location; the time of day is not used). With a zero
// published it is Find. Otherwise the dates that Find leaves open because
// they count from the day of writing, or lack a year, take values relative
// to that day. Spans, kinds and every other figure are Find's; a date that
// states its year, a decade and a duration keep their values.
//
//   - "yesterday", "tonight", "tomorrow", "last night", "the day before
//     yesterday": the day ("2016-10-14").
//   - "last", "this", "next" or "coming" week, month, quarter or year, also
//     behind "later", "earlier", "early", "late": the ISO week ("2016-W40"),
//     month ("2016-09"), quarter ("2016-Q3") or year ("2015"); "this decade"
//     and "this century" as Find writes decades ("201X", "20XX").
//   - a count of days, weeks, months, quarters or years before "ago" or
//     after "from now": the day for days and weeks ("three weeks ago" is 21
//     days before), else the month, quarter or year ("two years ago" is
//     "2014").
//   - a month or a quarter with "this year", "last year", "next year":
//     "January this year" is "2016-01".
//   - "last October" is the latest October before the month of writing,
//     "next October" the first after it, "this October" that of its year.
//   - a weekday: "last Friday" (or "past Friday") is the latest Friday
//     before the day of writing, "next Friday" or "coming Friday" the first
//     after it, "this Friday" the Friday of its ISO week, "Friday next
//     week" the Friday of the week after. A bare "Friday" is the latest
//     Friday on or before the day of writing, since news mostly reports the
//     past week, unless its sentence speaks of the future: then the first
//     Friday on or after it. The sentence speaks of the future when the
//     nearest tense cue before the weekday is "will", "'ll", "shall", "is
//     to", "is due", "is scheduled", "is set", "is expected", "are
//     meeting" and the like, or, for a weekday that opens its sentence
//     ("On Friday, ministers will meet"), the first cue after it; a past
//     form ("said", "was", a verb in -ed) or no cue says the past. The
//     same day counts because wire copy names the day of writing by its
//     weekday.
//   - a date without a year ("October 17", "mid-October", "the fourth
//     quarter", "5-6 May") takes the year that puts it nearest the day of
//     writing, at most six months away; the past wins a tie. A weekday with
//     a day of the month ("Wednesday the 27th") is the nearest such day
//     within six months that falls on that weekday. "the first Friday of
//     July" is that day of the nearest July.
//
// Left as Find has them, since they count from a time the story tells
// rather than from its writing, or name no period a value can state: "the
// next day", "the following Friday", "three weeks later", "the last year"
// and "the past month" (a span of time up to the day of writing rather than
// a calendar period), seasons, weekends, hours ago. "today" stays no figure,
// as in Find: in news it means "nowadays" as often as a day.
func FindAt(text string, published time.Time) []Figure {
	sc := scanners.Get().(*scanner)
	sc.pub = time.Time{}
	if !published.IsZero() {
		y, m, d := published.Date()
		sc.pub = time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
	}
	out := sc.scan(text)
	sc.t.text, sc.text, sc.out = "", "", nil // keep the buffers, not the text
	scanners.Put(sc)
	return out
}

// relation is how a word places a period against the day of writing.
type relation uint8

const (
	relNone      relation = iota
	relLast               // "last": the period before
	relPast               // "past": before, but "the past week" is the last seven days
	relThis               // "this"
	relNext               // "next", "coming": the period after
	relNarrative          // "previous", "following", "the next": counted from a time the story tells
)

// relationAt returns the relation the word at token q states, relNone
// when it is no relative word.
func (sc *scanner) relationAt(q int) relation {
	k := sc.t.at(q)
	if k.kind != ftWord || k.lx == nil || k.lx.flags&fRelative == 0 {
		return relNone
	}
	switch {
	case sc.is(k, "last"), sc.is(k, "next"):
		// "the last year", "the next day": a span up to now, or a time
		// the story tells, not a calendar period
		if sc.is(sc.t.at(q-1), "the") {
			return relNarrative
		}
		if sc.is(k, "last") {
			return relLast
		}
		return relNext
	case sc.is(k, "past"):
		return relPast
	case sc.is(k, "this"):
		return relThis
	case sc.is(k, "coming"):
		return relNext
	}
	return relNarrative
}

// anchor gives the date c, as it is emitted, the value its words have in a
// text written on sc.pub. Dates it leaves open are resolved by anchorRest
// once the paragraph is read, when the years the text ties to dates are
// known; m.keep tells anchorRest to leave a date alone.
func (sc *scanner) anchor(c *cand, m *figMeta) {
	v := c.value
	if v != "" && strings.IndexByte(v, 'X') < 0 {
		return
	}
	t := &sc.t
	rel, relAt := relNone, -1
	wday, month := 0, 0
	for q := c.start; q < c.end; q++ {
		k := t.at(q)
		if k.kind != ftWord || k.lx == nil {
			continue
		}
		if r := sc.relationAt(q); r != relNone && rel == relNone {
			rel, relAt = r, q
		}
		if k.lx.wday > 0 && !k.lx.plural && wday == 0 {
			wday = k.lx.wday
		}
		if k.lx.month > 0 && month == 0 {
			month = k.lx.month
		}
	}
	// the period the relative word counts: "last *month*", "this *year*"
	unit := tuNone
	if relAt >= 0 {
		if u := t.at(relAt + 1); u.lx != nil && !u.lx.plural {
			unit = u.lx.tu
			if sc.is(u, "quarter") {
				unit = tuQuarter
			}
		}
	}
	// "January this year", "March of last year", "first quarter of next year"
	yearRel := func() (int, bool) {
		for q := c.start; q+1 < c.end; q++ {
			if r := sc.relationAt(q); (r == relLast || r == relThis || r == relNext) && sc.is(t.at(q+1), "year") {
				return sc.pub.Year() + relOffset(r), true
			}
		}
		return 0, false
	}
	resolved := func(val string) {
		m.keep = true
		if val != "" {
			c.value, c.fill = val, false
		}
	}
	switch {
	case strings.HasPrefix(v, "XXXX-WXX-"):
		switch rel {
		case relLast, relPast:
			resolved(isoDay(sc.weekdayFrom(wday, -1, false)))
		case relNext:
			resolved(isoDay(sc.weekdayFrom(wday, 1, false)))
		case relThis:
			resolved(isoDay(sc.weekdayInWeek(wday, 0)))
		case relNarrative:
			m.keep = true
		}
	case strings.HasPrefix(v, "XXXX-XX-"):
		m.wday = int8(wday)
	case strings.HasPrefix(v, "XXXX"):
		if y, ok := yearRel(); ok {
			resolved(yearOf(y, v))
			return
		}
		if month > 0 && len(v) == 7 && relAt >= 0 {
			switch rel {
			case relLast:
				resolved(sc.monthFrom(month, -1))
			case relNext:
				resolved(sc.monthFrom(month, 1))
			case relThis:
				resolved(yearOf(sc.pub.Year(), v))
			default:
				m.keep = true
			}
			return
		}
		if r := sc.relationAt(c.start - 1); r == relNarrative || r == relPast {
			m.keep = true // "the following October"
		}
	case v == "":
		resolved(sc.openDate(c, rel, relAt, unit, wday, month))
	}
}

func relOffset(r relation) int {
	switch r {
	case relLast:
		return -1
	case relNext:
		return 1
	}
	return 0
}

// openDate returns the value, in a text written on sc.pub, of a date Find
// gives no value, or "" when its words fix none.
func (sc *scanner) openDate(c *cand, rel relation, relAt int, unit timeUnit, wday, month int) string {
	t := &sc.t
	pub := sc.pub
	first := t.at(c.start)
	if c.end == c.start+1 {
		switch {
		case sc.is(first, "yesterday"):
			return isoDay(pub.AddDate(0, 0, -1))
		case sc.is(first, "tomorrow"), sc.is(first, "tmrw"):
			return isoDay(pub.AddDate(0, 0, 1))
		case sc.is(first, "tonight"):
			return isoDay(pub)
		}
		return ""
	}
	// "the day before yesterday", "the day after tomorrow"
	if sc.is(first, "the") && sc.is(t.at(c.start+1), "day") && c.end == c.start+4 {
		if sc.is(t.at(c.start+2), "before") {
			return isoDay(pub.AddDate(0, 0, -2))
		}
		return isoDay(pub.AddDate(0, 0, 2))
	}
	if v, ok := sc.agoDate(c); ok {
		return v
	}
	switch rel {
	case relLast, relThis, relNext:
	default:
		if rel == relNone && month > 0 && wday > 0 {
			// "the first Friday of July"
			if n := sc.ordinalIn(c); n > 0 {
				y := nearestMonthYear(pub, month)
				return isoDay(nthWeekday(y, month, wday, n))
			}
		}
		return ""
	}
	off := relOffset(rel)
	if sc.is(t.at(relAt+1), "night") && rel == relLast {
		return isoDay(pub.AddDate(0, 0, -1))
	}
	switch unit {
	case tuWeek:
		if wday > 0 {
			return isoDay(sc.weekdayInWeek(wday, off)) // "Friday of next week"
		}
		return isoWeek(pub.AddDate(0, 0, 7*off))
	case tuMonth:
		y, mo := addMonths(pub.Year(), int(pub.Month()), off)
		if d := sc.dayIn(c); d > 0 {
			// "the 20th of next month"
			if validDate(y, mo, d) {
				return ymdChecked(y, mo, d)
			}
			return ""
		}
		if n := sc.ordinalIn(c); n > 0 && wday > 0 {
			return isoDay(nthWeekday(y, mo, wday, n)) // "the first Friday of next month"
		}
		return ymdChecked(y, mo, 0)
	case tuQuarter:
		q := (int(pub.Month())-1)/3 + off
		y := pub.Year() + floorDiv(q, 4)
		return quarterValue(y, q-4*floorDiv(q, 4)+1)
	case tuYear:
		return ymdChecked(pub.Year()+off, 0, 0)
	case tuDecade, tuCentury:
		if rel != relThis {
			return "" // "the last decade" is as often the past ten years
		}
		y := pub.Year()
		if y < 1000 || y > 9999 {
			return ""
		}
		if unit == tuDecade {
			return itoa4(y)[:3] + "X"
		}
		return itoa4(y)[:2] + "XX"
	}
	return ""
}

// agoDate reads a count of periods before or after the day of writing:
// "three weeks ago", "a year ago", "two days from now", "a week before
// yesterday". ok is false for other dates; a value of "" with ok says the
// date is such a count but fixes no value ("three hours ago", "a few
// days ago").
func (sc *scanner) agoDate(c *cand) (string, bool) {
	t := &sc.t
	last := t.at(c.end - 1)
	sign, base, head := -1, 0, c.end-1
	switch {
	case sc.is(last, "ago"):
	case sc.is(last, "now") || sc.is(last, "today") || sc.is(last, "yesterday") || sc.is(last, "tomorrow"):
		p := t.at(c.end - 2)
		switch {
		case sc.is(p, "from"), sc.is(p, "after"):
			sign = 1
		case sc.is(p, "before"):
		default:
			return "", false
		}
		if sc.is(last, "yesterday") {
			base = -1
		} else if sc.is(last, "tomorrow") {
			base = 1
		}
		head = c.end - 2
	default:
		return "", false // "three weeks later" counts from a time the story tells
	}
	// the counts and their units, [c.start, head): "three weeks", "a
	// year", "a couple of days", "2 weeks and 2 days"
	var years, months, days int
	fine := tuNone // the finest unit counted decides the value's precision
	for q := c.start; q < head; {
		if q > c.start && sc.is(t.at(q), "and") {
			q++
		}
		n, uq := 0, -1
		switch k := t.at(q); {
		case sc.is(k, "a") || sc.is(k, "an"):
			if sc.is(t.at(q+1), "couple") && sc.is(t.at(q+2), "of") {
				n, uq = 2, q+3
			} else {
				n, uq = 1, q+1
			}
		default:
			nm, ok := sc.cardinal(q, false)
			if !ok || nm.vague || nm.end <= q {
				return "", true // "a few days ago"
			}
			v, ok := nm.val.intVal()
			if !ok || v < 1 || v > 10000 {
				return "", true // "a year and a half ago", "1e9 years ago"
			}
			n, uq = int(v), nm.end
		}
		u := t.at(uq)
		if uq >= head || u.lx == nil {
			return "", true
		}
		tu := u.lx.tu
		if sc.is(u, "quarter") || sc.is(u, "quarters") {
			tu = tuQuarter
		}
		switch tu {
		case tuDay:
			days += n
		case tuWeek:
			days, tu = days+7*n, tuDay
		case tuFortnight:
			days, tu = days+14*n, tuDay
		case tuMonth:
			months += n
		case tuQuarter:
			months += 3 * n
		case tuYear:
			years += n
		case tuDecade:
			years, tu = years+10*n, tuYear
		case tuCentury:
			years, tu = years+100*n, tuYear
		default:
			return "", true // "three hours ago": the day of writing or the one before
		}
		if fine == tuNone || precision(tu) > precision(fine) {
			fine = tu
		}
		q = uq + 1
	}
	day := sc.pub.AddDate(0, 0, base)
	y, m := addMonths(day.Year(), int(day.Month()), sign*(12*years+months))
	switch fine {
	case tuDay:
		return isoDay(day.AddDate(sign*years, sign*months, sign*days)), true
	case tuMonth:
		return ymdChecked(y, m, 0), true
	case tuQuarter:
		return quarterValue(y, (m-1)/3+1), true
	case tuYear:
		return ymdChecked(y, 0, 0), true
	}
	return "", true
}

// precision ranks the periods a count before "ago" may name, finest last.
func precision(tu timeUnit) int {
	switch tu {
	case tuDay:
		return 3
	case tuMonth:
		return 2
	case tuQuarter:
		return 1
	}
	return 0
}

// ordinalIn returns the rank a date's ordinal word gives a weekday: 2 in
// "the second Sunday of July"; 0 when it has none.
func (sc *scanner) ordinalIn(c *cand) int {
	for q := c.start; q < c.end; q++ {
		if k := sc.t.at(q); k.kind == ftWord && k.lx != nil && k.lx.ord >= 1 && k.lx.ord <= 5 && !k.lx.ordPl && k.lx.cls == ncNone {
			if w := sc.t.at(q + 1); w.lx != nil && w.lx.wday > 0 {
				return k.lx.ord
			}
		}
	}
	return 0
}

// dayIn returns the day of the month a date's first words state: 20 in
// "20th of next month", "the twentieth of next month".
func (sc *scanner) dayIn(c *cand) int {
	q := c.start
	if sc.is(sc.t.at(q), "the") {
		q++
	}
	if !sc.is(sc.t.at(q+1), "of") && !(sc.t.at(q+1).kind == ftWord && !sc.t.at(q+1).sp && sc.is(sc.t.at(q+2), "of")) {
		return 0
	}
	if d, _, _, ok := sc.dayNumber(q); ok {
		return d
	}
	if d, _, ok := sc.dayWord(q, false); ok {
		return d
	}
	return 0
}

// anchorRest resolves, once the paragraph is read, the dates anchor left
// to the year rule or the weekday rule.
func (sc *scanner) anchorRest() {
	for k := range sc.out {
		f := &sc.out[k]
		v := f.Value
		if f.Kind != Date || sc.meta[k].keep || strings.IndexByte(v, 'X') < 0 {
			continue
		}
		switch {
		case strings.HasPrefix(v, "XXXX-WXX-") && len(v) == 10:
			dir := -1
			if sc.futureTense(f.Start, f.End) {
				dir = 1
			}
			v = isoDay(sc.weekdayFrom(int(v[9]-'0'), dir, true))
		case strings.HasPrefix(v, "XXXX-XX-") && len(v) == 10:
			v = isoDay(nearestMonthDay(sc.pub, atoiTok(v[8:10]), int(sc.meta[k].wday)))
		case strings.HasPrefix(v, "XXXX-"):
			if y, ok := nearestYear(sc.pub, v[5:]); ok {
				v = yearOf(y, v)
			} else {
				v = ""
			}
		default:
			v = ""
		}
		if v != "" { // else a day outside years of four digits: as Find has it
			f.Value = v
		}
	}
}

// futureTense reports whether the sentence around the weekday at bytes
// [s, e) of the text speaks of the future: the nearest tense cue before it
// ("will", "'ll", "is to", "is scheduled", "are meeting", "plans"), or,
// when the weekday opens its sentence (at most two words before it), the
// first after it ("On Friday, ministers will meet"). A past form ("said",
// "was", a word in -ed) as the nearest cue says past; so does no cue.
func (sc *scanner) futureTense(s, e int) bool {
	var ws sentenceWords
	ws.back(sc.text, s)
	for i := 0; i < len(ws.w); i++ {
		pw := ""
		if i+1 < len(ws.w) {
			pw = ws.w[i+1]
		}
		if cue := tenseCue(ws.w[i], pw); cue != 0 {
			return cue > 0
		}
	}
	if len(ws.w) > 2 {
		return false // a clause before it without a cue: another clause's tense is no guide
	}
	ws.forward(sc.text, e)
	for i, w := range ws.w {
		pw := ""
		if i > 0 {
			pw = ws.w[i-1]
		}
		if cue := tenseCue(w, pw); cue != 0 {
			return cue > 0
		}
	}
	return false
}

// sentenceWords holds, in lower case, the words of a sentence on one side
// of a figure: a dozen at most, since a tense cue further away belongs to
// another clause as often as to the figure's.
type sentenceWords struct {
	w   []string
	buf [12]string
}

const tenseReach = 12

func sentenceEnd(c byte) bool {
	return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '\n'
}

// wordRune reports a letter or an apostrophe, which joins "they'll".
func wordRune(r rune) bool {
	return r < utf8.RuneSelf && isASCIILetter(byte(r)) || r == '\'' || r == '’' || r >= utf8.RuneSelf && text.IsLetter(r)
}

// runeBefore and runeAt decode the character before or at byte i, ASCII
// without a call: weekdays are frequent in news and the reach is a dozen
// words each.
func runeBefore(s string, i int) (rune, int) {
	if c := s[i-1]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeLastRuneInString(s[:i])
}

func runeAt(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// back reads the words before byte at, nearest first.
func (ws *sentenceWords) back(s string, at int) {
	ws.w = ws.buf[:0]
	i := at
	for len(ws.w) < tenseReach && i > 0 {
		if sentenceEnd(s[i-1]) {
			return
		}
		r, n := runeBefore(s, i)
		if !wordRune(r) {
			i -= n
			continue
		}
		j := i
		for j > 0 {
			r, n := runeBefore(s, j)
			if !wordRune(r) {
				break
			}
			j -= n
		}
		ws.w = append(ws.w, normWord(s[j:i]))
		i = j
	}
}

// forward reads the words after byte at, nearest first.
func (ws *sentenceWords) forward(s string, at int) {
	ws.w = ws.buf[:0]
	i := at
	for len(ws.w) < tenseReach && i < len(s) {
		if sentenceEnd(s[i]) {
			return
		}
		r, n := runeAt(s, i)
		if !wordRune(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := runeAt(s, j)
			if !wordRune(r) {
				break
			}
			j += n
		}
		ws.w = append(ws.w, normWord(s[i:j]))
		i = j
	}
}

// normWord returns a word as tenseCue reads it, with a curly apostrophe
// written straight. A capitalised word is a name or opens a sentence, where
// a cue ("Will they …?") asks rather than tells; it is kept as written and
// matches no cue, which also spares lower-casing every name.
func normWord(w string) string {
	if strings.Contains(w, "’") {
		return strings.ReplaceAll(w, "’", "'")
	}
	return w
}

// tenseCue tells what the word w, after pw, says of the time of its clause:
// 1 the future, -1 the past, 0 nothing.
func tenseCue(w, pw string) int {
	switch w {
	case "will", "shall", "won't", "plans", "intends":
		return 1
	case "said", "told", "was", "were", "had", "did", "met", "went", "came", "took", "made",
		"gave", "held", "began", "left", "won", "lost", "fell", "rose", "found", "saw", "spoke",
		"wrote", "sent", "led", "got", "became", "fled", "flew", "broke", "brought", "fought",
		"knew", "grew", "shot", "stood", "ran", "chose", "spent", "sold", "paid", "kept", "felt",
		"heard", "built", "struck", "drove", "ago", "yesterday":
		return -1
	}
	if strings.HasSuffix(w, "'ll") {
		return 1
	}
	aux := pw == "is" || pw == "are" || pw == "am"
	switch w {
	case "to", "due", "scheduled", "set", "slated", "expected", "planned", "poised", "going":
		if aux {
			return 1 // "is to meet", "are scheduled to vote", "is due"
		}
	}
	if aux && len(w) > 4 && strings.HasSuffix(w, "ing") {
		return 1 // "are meeting on Friday"
	}
	if len(w) > 4 && strings.HasSuffix(w, "ed") && (!strings.HasSuffix(w, "eed") || w == "agreed" || w == "freed") {
		if aux || pw == "be" || pw == "being" || pw == "been" {
			return 0 // "is to be held", "has been postponed": the auxiliary decides
		}
		return -1
	}
	return 0
}

// weekdayFrom returns the nearest day that falls on the ISO weekday wday
// before the day of writing (dir -1) or after it (dir 1); the day itself
// counts when same is set.
func (sc *scanner) weekdayFrom(wday, dir int, same bool) time.Time {
	if wday < 1 || wday > 7 {
		return time.Time{}
	}
	d := (wday - isoWeekday(sc.pub)) * dir
	d = (d%7 + 7) % 7
	if d == 0 && !same {
		d = 7
	}
	return sc.pub.AddDate(0, 0, d*dir)
}

// weekdayInWeek returns the day wday of the ISO week off weeks from that
// of the day of writing.
func (sc *scanner) weekdayInWeek(wday, off int) time.Time {
	if wday < 1 || wday > 7 {
		return time.Time{}
	}
	return sc.pub.AddDate(0, 0, wday-isoWeekday(sc.pub)+7*off)
}

// monthFrom returns the latest month m before the month of writing (dir
// -1) or the first after it (dir 1).
func (sc *scanner) monthFrom(m, dir int) string {
	y, pm := sc.pub.Year(), int(sc.pub.Month())
	switch {
	case dir < 0 && m >= pm:
		y--
	case dir > 0 && m <= pm:
		y++
	}
	return ymdChecked(y, m, 0)
}

func isoWeekday(t time.Time) int {
	if w := int(t.Weekday()); w != 0 {
		return w
	}
	return 7
}

// nthWeekday returns the n-th day of month m of year y that falls on wday,
// or the zero time when the month has none.
func nthWeekday(y, m, wday, n int) time.Time {
	if y < 1 || m < 1 || m > 12 || wday < 1 || wday > 7 {
		return time.Time{}
	}
	first := time.Date(y, time.Month(m), 1, 12, 0, 0, 0, time.UTC)
	d := 1 + (wday-isoWeekday(first)+7)%7 + 7*(n-1)
	if d > daysIn(y, m) {
		return time.Time{}
	}
	return time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
}

func daysIn(y, m int) int {
	return time.Date(y, time.Month(m)+1, 0, 12, 0, 0, 0, time.UTC).Day()
}

func addMonths(y, m, n int) (int, int) {
	k := y*12 + m - 1 + n
	return floorDiv(k, 12), k - 12*floorDiv(k, 12) + 1
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// nearestMonthYear returns the year that puts month m nearest the day of
// writing: at most six months away, the past winning a tie.
func nearestMonthYear(pub time.Time, m int) int {
	d := (m - int(pub.Month()) + 12) % 12 // 0…11 months ahead
	y := pub.Year()
	if int(pub.Month())+d > 12 {
		y++
	}
	if d >= 6 {
		y-- // as near or nearer behind
	}
	return y
}

// nearestYear returns the year for a date without one, rest being its value
// after "XXXX-": a month ("10"), a day ("10-17", possibly a range's first
// end "10-17/XXXX-10-22") or a quarter ("Q4").
func nearestYear(pub time.Time, rest string) (int, bool) {
	if len(rest) >= 2 && rest[0] == 'Q' {
		q := int(rest[1] - '0')
		if q < 1 || q > 4 {
			return 0, false
		}
		pq := (int(pub.Month())-1)/3 + 1
		d := (q - pq + 4) % 4 // quarters ahead
		y := pub.Year()
		if pq+d > 4 {
			y++
		}
		if d >= 2 {
			y--
		}
		return y, true
	}
	if len(rest) < 2 {
		return 0, false
	}
	m := atoiTok(rest[:2])
	if m < 1 || m > 12 {
		return 0, false
	}
	if len(rest) < 5 || rest[2] != '-' {
		return nearestMonthYear(pub, m), true
	}
	d := atoiTok(rest[3:5])
	best, bestDist := 0, 0
	for y := pub.Year() - 1; y <= pub.Year()+1; y++ {
		if !validDate(y, m, d) {
			continue
		}
		dist := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC).Sub(pub)
		if dist < 0 {
			dist = -dist
		}
		if best == 0 || int(dist.Hours()) < bestDist {
			best, bestDist = y, int(dist.Hours())
		}
	}
	return best, best != 0
}

// nearestMonthDay returns the day d of the month nearest the day of
// writing, within six months, that falls on wday when wday is set and one
// does; the zero time when no month has a day d.
func nearestMonthDay(pub time.Time, d, wday int) time.Time {
	var best, near time.Time
	for _, off := range [13]int{0, -1, 1, -2, 2, -3, 3, -4, 4, -5, 5, -6, 6} {
		y, m := addMonths(pub.Year(), int(pub.Month()), off)
		if d < 1 || d > daysIn(y, m) {
			continue
		}
		day := time.Date(y, time.Month(m), d, 12, 0, 0, 0, time.UTC)
		if near.IsZero() || absDur(day.Sub(pub)) < absDur(near.Sub(pub)) {
			near = day
		}
		if wday > 0 && isoWeekday(day) == wday && (best.IsZero() || absDur(day.Sub(pub)) < absDur(best.Sub(pub))) {
			best = day
		}
	}
	if !best.IsZero() {
		return best
	}
	return near
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// yearOf writes year y into a value that lacks it ("XXXX-01" → "2016-01").
func yearOf(y int, v string) string {
	if y < 1000 || y > 9999 {
		return ""
	}
	return strings.ReplaceAll(v, "XXXX", itoa4(y))
}

// ymdChecked is ymd for a year of four digits, "" for any other.
func ymdChecked(y, m, d int) string {
	if y < 1000 || y > 9999 {
		return ""
	}
	return ymd(y, m, d)
}

func isoDay(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return ymdChecked(t.Year(), int(t.Month()), t.Day())
}

func isoWeek(t time.Time) string {
	y, w := t.ISOWeek()
	if y < 1000 || y > 9999 {
		return ""
	}
	return itoa4(y) + "-W" + string([]byte{byte('0' + w/10), byte('0' + w%10)})
}

func quarterValue(y, q int) string {
	if y < 1000 || y > 9999 || q < 1 || q > 4 {
		return ""
	}
	return itoa4(y) + "-Q" + string(rune('0'+q))
}
