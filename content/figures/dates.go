package figures

// Dates: "October 17", "Oct. 3, 2016", "17 October 2016", "Friday",
// "June 1998", "the 1990s", "mid-1990s", "last month", "9/11", "2016-10-17".
// Years alone and "three weeks ago" are read with the numbers.

func (sc *scanner) dateAt(i int) cand {
	t := &sc.t
	none := cand{start: i, end: i}
	k := t.at(i)
	switch k.kind {
	case ftNum:
		return sc.numericDate(i)
	case ftSym:
		if isQuoteOrApostrophe(k.r) {
			if c, ok := sc.decadeAt(i, i); ok {
				return c
			}
		}
		return none
	case ftWord:
	default:
		return none
	}
	l := k.lx
	if l == nil {
		return none
	}
	if c, ok := sc.quarterCode(i); ok {
		return c
	}
	switch {
	case l.month > 0:
		if c, ok := sc.monthFirst(i); ok {
			return c
		}
	case l.wday > 0:
		return sc.weekdayDate(i)
	case l.flags&fRelative != 0:
		return sc.relativeDate(i)
	case sc.is(k, "the"):
		return sc.theDate(i)
	case sc.is(k, "mid") || sc.is(k, "early") || sc.is(k, "late"):
		return sc.prefixedDate(i)
	case sc.is(k, "later") || sc.is(k, "earlier"):
		// "later this year" is the rest of the year, another date than "this year"
		if n := t.at(i + 1); sc.is(n, "this") || sc.is(n, "next") || sc.is(n, "last") {
			if c := sc.relativeDate(i + 1); c.kind == Date && c.end > i+1 {
				c.start = i
				return c
			}
		}
		// "later in the year", "earlier in the week"; not "earlier in the
		// day", which times a news day's events as "today" does
		if sc.is(t.at(i+1), "in") && sc.is(t.at(i+2), "the") {
			if u := t.at(i + 3); u.lx != nil && !u.lx.plural && (u.lx.tu == tuWeek || u.lx.tu == tuMonth || u.lx.tu == tuYear) {
				return cand{start: i, end: i + 4, kind: Date}
			}
		}
	case sc.is(k, "yesterday") || sc.is(k, "tomorrow") || sc.is(k, "tmrw") || sc.is(k, "tonight"):
		// "a brighter tomorrow", "the leaders of tomorrow" are no day
		p := t.at(i - 1)
		if sc.is(p, "a") || sc.is(p, "an") || sc.is(p, "the") || sc.is(p, "of") || p.kind == ftWord && !p.cap && hasSuffix(sc.text[p.s:p.e], "er") ||
			p.isSym('\'') || p.isSym('’') || sc.is(t.at(i+1), "s") && !t.at(i+1).sp && p.isSym('\'') {
			return none
		}
		return cand{start: i, end: i + 1, kind: Date}
	case l.ord > 0 || l.cls == ncTens || l.cls == ncTeen:
		return sc.ordinalDate(i)
	}
	return none
}

func isQuoteOrApostrophe(r rune) bool { return r == '\'' || r == '’' || r == '‘' }

// ymd writes an ISO 8601 date; y 0 is an unknown year, d 0 a month date.
func ymd(y, m, d int) string {
	b := make([]byte, 0, 10)
	if y == 0 {
		b = append(b, "XXXX"...)
	} else {
		b = append(b, itoa4(y)...)
	}
	if m == 0 {
		return string(b)
	}
	b = append(b, '-', byte('0'+m/10), byte('0'+m%10))
	if d > 0 {
		b = append(b, '-', byte('0'+d/10), byte('0'+d%10))
	}
	return string(b)
}

var monthDays = [13]int{0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

func validDate(y, m, d int) bool {
	if m < 1 || m > 12 || d < 1 || d > monthDays[m] {
		return false
	}
	if m == 2 && d == 29 && y != 0 && !(y%4 == 0 && (y%100 != 0 || y%400 == 0)) {
		return false
	}
	return true
}

func dateCand(i, end, y, m, d int) cand {
	c := cand{start: i, end: end, kind: Date, value: ymd(y, m, d), year: y}
	c.fill = y == 0
	return c
}

// monthAt reads a month name at j, with the point of an abbreviation.
func (sc *scanner) monthAt(j int) (m, end int, abbr, dotted bool) {
	t := &sc.t
	k := t.at(j)
	if k.kind != ftWord || k.lx == nil || k.lx.month == 0 {
		return 0, j, false, false
	}
	w := lowerASCII(sc.text[k.s:k.e])
	abbr = len(w) <= 4 && w != "june" && w != "july" && w != "may"
	end = j + 1
	if abbr && t.at(end).isSym('.') && !t.at(end).sp {
		end++
		dotted = true
	}
	return k.lx.month, end, abbr, dotted
}

// monthFirst reads a date that starts with its month: "October 17",
// "Oct. 3, 2016", "June 1998", "jan-1", "may the eleventh", "in June".
func (sc *scanner) monthFirst(i int) (cand, bool) {
	t := &sc.t
	k := t.at(i)
	m, j, abbr, dotted := sc.monthAt(i)
	if m == 0 {
		return cand{}, false
	}
	w := lowerASCII(sc.text[k.s:k.e])
	ambiguous := w == "may" || w == "march"
	if ambiguous && k.cap && sc.is(t.at(i-1), "theresa") {
		return cand{}, false
	}
	d, dend, ordinal, ok := sc.dayAfterMonth(j)
	if ok && ambiguous && !k.cap && !ordinal && !sc.is(t.at(i-1), "on") {
		ok = false // "it may 5" is not a date
	}
	if ok {
		end := dend
		// "Oct. 3-5", "Sept. 19 to 22"
		d2 := 0
		if dash := t.at(end); dash.isDash() && dash.sp == t.at(end+1).sp || sc.is(dash, "to") || sc.is(dash, "through") {
			if n := t.at(end + 1); n.kind == ftNum && n.e-n.s <= 2 {
				v := atoiTok(sc.text[n.s:n.e])
				if v > d && v <= monthDays[m] && !(t.at(end+2).kind == ftNum && !t.at(end+2).sp) && !sc.nounFollows(end+2) {
					d2, end = v, end+2
				}
			}
		}
		y, yend, yok := sc.yearAfter(end, true)
		if s, yt := t.at(end), t.at(end+1); !yok && (s.isDash() || s.isSym('/')) && !s.sp && yt.kind == ftNum && !yt.sp && yt.e-yt.s == 4 &&
			(t.at(j).isDash() || t.at(j).isSym('/')) {
			// "sep-23-2020"
			if v := atoiTok(sc.text[yt.s:yt.e]); v >= 1000 && v <= 2099 {
				y, yend, yok = v, end+2, true
			}
		}
		if !yok {
			y = 0
		} else {
			end = yend
		}
		if !validDate(y, m, d) {
			return cand{}, false
		}
		c := dateCand(i, end, y, m, d)
		if d2 > 0 {
			c.value += "/" + ymd(y, m, d2)
		}
		return c, true
	}
	if ambiguous && !k.cap {
		return cand{}, false
	}
	// "June 1998", "June of 1998"
	q := j
	if t.at(q).isSym(',') || sc.is(t.at(q), "of") {
		q++
	}
	if y, yend, ok := sc.yearAfter(q, false); ok && (q > j || t.at(q).sp) {
		return cand{start: i, end: yend, kind: Date, value: ymd(y, m, 0), year: y}, true
	}
	// The month alone, where the words before make it a time: "in June".
	if abbr && !dotted {
		return cand{}, false
	}
	p := t.at(i - 1)
	// "a May interview", "its July summit": a month before a noun
	if k.cap && (sc.is(p, "a") || sc.is(p, "the") || sc.is(p, "its") || sc.is(p, "his") || sc.is(p, "her") || sc.is(p, "their")) &&
		sc.nounFollows(j) && !t.at(j).cap && t.at(j).lx == nil {
		return cand{start: i, end: j, kind: Date, value: ymd(0, m, 0), fill: true}, true
	}
	// "April, May and June": a month after a comma that follows a month.
	// After "and" or "or", "May" and "March" are months only when a month or
	// a number comes before: "January and March", not "Blair and May".
	pm := t.at(i - 2)
	afterDate := pm.kind == ftNum || pm.kind == ftWord && pm.lx != nil && pm.lx.month > 0 && pm.cap || sc.is(pm, "now")
	joined := sc.is(p, "and") || sc.is(p, "or")
	listed := p.isSym(',') && afterDate && pm.kind == ftWord
	if ambiguous && (joined && !afterDate || listed && !(t.at(j).isSym(',') || sc.is(t.at(j), "and") || sc.is(t.at(j), "or"))) {
		return cand{}, false
	}
	if listed || p.flag(fTimePrep|fRelative) || sc.is(p, "on") && !ambiguous {
		if ambiguous && !listed && !sc.is(p, "in") && !sc.is(p, "since") && !sc.is(p, "until") && !sc.is(p, "by") &&
			!sc.is(p, "early") && !sc.is(p, "late") && !sc.is(p, "mid") && !sc.is(p, "last") && !sc.is(p, "next") &&
			!sc.is(p, "this") && !sc.is(p, "of") && !sc.is(p, "from") && !sc.is(p, "through") && !sc.is(p, "to") &&
			!sc.is(p, "before") && !sc.is(p, "after") && !sc.is(p, "during") && !sc.is(p, "and") {
			return cand{}, false
		}
		if p.isDash() {
			return cand{}, false
		}
		c := cand{start: i, end: j, kind: Date, value: ymd(0, m, 0), fill: true}
		if p.flag(fRelative) {
			c.fill = false
		}
		// "January this year", "March of last year": one date, whose year
		// counts from the unknown time of writing, so it stays open.
		q := j
		if sc.is(t.at(q), "of") {
			q++
		}
		if r := t.at(q); (sc.is(r, "this") || sc.is(r, "last") || sc.is(r, "next")) && sc.is(t.at(q+1), "year") {
			if a := t.at(q + 2); !(a.kind == ftSym && isQuoteOrApostrophe(a.r) && !a.sp) {
				c.end, c.fill = q+2, false
			}
		}
		return c, true
	}
	return cand{}, false
}

// dayAfterMonth reads the day of "October 17", "october, 1st", "april22",
// "jan-1", "may the eleventh", "jan twenty two".
func (sc *scanner) dayAfterMonth(j int) (d, end int, ordinal, ok bool) {
	t := &sc.t
	k := t.at(j)
	q := j
	switch {
	case k.isSym(',') && !k.sp:
		// only "october, 1st": a plain number after a comma starts a clause
		if n := t.at(j + 1); n.kind == ftNum {
			if d, end, ord, ok := sc.dayNumber(j + 1); ok && ord {
				return d, end, true, true
			}
		}
		return 0, j, false, false
	case (k.isDash() || k.isSym('/')) && !k.sp:
		if n := t.at(j + 1); n.kind == ftNum && !n.sp {
			d, end, ord, ok := sc.dayNumber(j + 1)
			return d, end, ord, ok
		}
		return 0, j, false, false
	case sc.is(k, "the"):
		q = j + 1
		if n := t.at(q); n.kind == ftNum {
			d, end, ord, ok := sc.dayNumber(q)
			return d, end, ord, ok && ord
		}
		d, end, ok := sc.dayWord(q, false)
		return d, end, true, ok
	case k.kind == ftNum:
		return sc.dayNumber(j)
	case k.kind == ftWord:
		if d, end, ok := sc.dayWord(j, false); ok {
			return d, end, true, true
		}
		d, end, ok := sc.dayWord(j, true)
		return d, end, false, ok
	}
	return 0, j, false, false
}

// dayNumber reads "17" or "17th" as a day of the month.
func (sc *scanner) dayNumber(j int) (d, end int, ordinal, ok bool) {
	t := &sc.t
	k := t.at(j)
	if k.kind != ftNum || k.e-k.s > 2 {
		return 0, j, false, false
	}
	d = atoiTok(sc.text[k.s:k.e])
	if d < 1 || d > 31 {
		return 0, j, false, false
	}
	end = j + 1
	n := t.at(end)
	if n.kind == ftWord && !n.sp {
		switch lowerASCII(sc.text[n.s:n.e]) {
		case "st", "nd", "rd", "th":
			return d, end + 1, true, true
		}
		return 0, j, false, false
	}
	if n.kind == ftNum && !n.sp {
		return 0, j, false, false
	}
	// "March 3,000", "Oct. 3.5", "March 3:15"
	if (n.isSym(',') || n.isSym('.') || n.isSym(':')) && !n.sp {
		if m := t.at(end + 1); m.kind == ftNum && !m.sp && (n.r != ',' || m.e-m.s == 3) {
			return 0, j, false, false
		}
	}
	if n.isSym('%') {
		return 0, j, false, false
	}
	return d, end, false, true
}

// dayWord reads a day written in words: ordinals ("first", "twenty-first",
// "twenty second") or, when cardinal is set, numbers ("twenty one").
func (sc *scanner) dayWord(j int, cardinal bool) (int, int, bool) {
	t := &sc.t
	k := t.at(j)
	if k.kind != ftWord || k.lx == nil {
		return 0, j, false
	}
	l := k.lx
	if !cardinal {
		if l.ord >= 1 && l.ord <= 31 && !l.ordPl && l.cls == ncNone && !sc.is(k, "half") && !sc.is(k, "quarter") {
			return l.ord, j + 1, true
		}
		if l.cls == ncTens && (l.num == 20 || l.num == 30) {
			q := j + 1
			if t.at(q).isDash() {
				q++
			}
			if o := t.at(q); o.kind == ftWord && o.lx != nil && o.lx.ord >= 1 && o.lx.ord <= 9 && o.lx.cls == ncNone && !o.lx.ordPl && l.num+o.lx.ord <= 31 {
				return l.num + o.lx.ord, q + 1, true
			}
		}
		return 0, j, false
	}
	switch l.cls {
	case ncOnes, ncTeen:
		if l.num >= 1 {
			return l.num, j + 1, true
		}
	case ncTens:
		if l.num != 20 && l.num != 30 {
			return 0, j, false
		}
		q := j + 1
		if t.at(q).isDash() {
			q++
		}
		if o := t.at(q); o.kind == ftWord && o.lx != nil && o.lx.cls == ncOnes && o.lx.num >= 1 && l.num+o.lx.num <= 31 {
			return l.num + o.lx.num, q + 1, true
		}
		return l.num, j + 1, true
	}
	return 0, j, false
}

// yearAfter reads the year that may end a date: ", 2016", " 2016", " of 2016",
// and, after a day, a year in words ("two thousand and eighteen").
func (sc *scanner) yearAfter(j int, afterDay bool) (int, int, bool) {
	t := &sc.t
	q := j
	if t.at(q).isSym(',') || sc.is(t.at(q), "of") {
		q++
	}
	k := t.at(q)
	if k.kind == ftNum {
		if k.e-k.s != 4 || (q == j && !k.sp && !afterDay) {
			return 0, j, false
		}
		d, end, bare, ok := sc.digits(q)
		if !ok || !bare {
			return 0, j, false
		}
		v, _ := d.intVal()
		if v < 1000 || v > 2099 {
			return 0, j, false
		}
		if n := t.at(end); n.kind == ftWord && !n.sp || n.isSym('%') {
			return 0, j, false
		}
		if sf := sc.suffixAt(end, &numeral{val: d, digits: true, bareDigits: true, nDigits: 4}, ""); sf.kind != sfNone {
			return 0, j, false
		}
		return int(v), end, true
	}
	if !afterDay || k.kind != ftWord || k.lx == nil {
		return 0, j, false
	}
	return sc.spelledYear(q)
}

// spelledYear reads "two thousand and eighteen", "nineteen seventy eight",
// "nineteen zero one", "twenty sixteen".
func (sc *scanner) spelledYear(q int) (int, int, bool) {
	t := &sc.t
	k := t.at(q)
	l := k.lx
	if l.cls == ncOnes && l.num == 2 {
		if nm, ok := sc.cardinal(q, false); ok && !nm.fraction {
			if v, ok := nm.val.intVal(); ok && v >= 2000 && v <= 2099 {
				return int(v), nm.end, true
			}
		}
		return 0, q, false
	}
	if !(l.cls == ncTeen || l.cls == ncTens && l.num == 20) {
		return 0, q, false
	}
	century := l.num
	r := t.at(q + 1)
	if r.lx == nil {
		return 0, q, false
	}
	switch {
	case r.lx.cls == ncHundred:
		return century * 100, q + 2, true
	case r.lx.cls == ncOnes && r.lx.num == 0 || sc.is(r, "oh"):
		if o := t.at(q + 2); o.lx != nil && o.lx.cls == ncOnes && o.lx.num > 0 {
			return century*100 + o.lx.num, q + 3, true
		}
	case r.lx.cls == ncTeen:
		return century*100 + r.lx.num, q + 2, true
	case r.lx.cls == ncTens:
		v, end := r.lx.num, q+2
		n := end
		if t.at(n).isDash() {
			n++
		}
		if o := t.at(n); o.lx != nil && o.lx.cls == ncOnes && o.lx.num > 0 {
			v, end = v+o.lx.num, n+1
		}
		return century*100 + v, end, true
	}
	return 0, q, false
}
