package content

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
	if p.flag(fTimePrep|fRelative) || sc.is(p, "on") && !ambiguous {
		if ambiguous && !sc.is(p, "in") && !sc.is(p, "since") && !sc.is(p, "until") && !sc.is(p, "by") &&
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

// numericDate reads dates that start with digits: "2016-10-17",
// "02/22/2016", "13.5.2015", "9/11", "4/22", "17 October 2016",
// "4th of march", "20th of next month", "the 1990s" (without "the").
func (sc *scanner) numericDate(i int) cand {
	t := &sc.t
	none := cand{start: i, end: i}
	k := t.at(i)
	if c, ok := sc.decadeAt(i, i); ok {
		return c
	}
	a := atoiTok(sc.text[k.s:k.e])
	la := k.e - k.s
	// "20161016": a compact ISO 8601 date, when it is a valid one
	if la == 8 && !(t.at(i+1).kind == ftWord && !t.at(i+1).sp) && !t.at(i-1).isDash() {
		y, m, d := a/10000, a/100%100, a%100
		if y >= 1900 && y <= 2099 && validDate(y, m, d) {
			return dateCand(i, i+1, y, m, d)
		}
	}
	s1, p2 := t.at(i+1), t.at(i+2)
	sep := rune(0)
	if s1.kind == ftSym && !s1.sp && !p2.sp && (s1.r == '/' || s1.isDash() || s1.r == '.') {
		sep = s1.r
	}
	if sep != 0 && p2.kind == ftNum && p2.e-p2.s <= 4 {
		b, lb := atoiTok(sc.text[p2.s:p2.e]), p2.e-p2.s
		s2, p3 := t.at(i+3), t.at(i+4)
		if s2.kind == ftSym && s2.r == sep && !s2.sp && p3.kind == ftNum && !p3.sp && !(t.at(i+5).kind == ftNum && !t.at(i+5).sp) {
			c, lc := atoiTok(sc.text[p3.s:p3.e]), p3.e-p3.s
			if t.at(i+5).isSym(sep) && !t.at(i+5).sp {
				return none
			}
			switch {
			case la == 4 && lb <= 2 && lc <= 2 && validDate(a, b, c):
				return dateCand(i, i+5, a, b, c)
			case la <= 2 && lb <= 2 && (lc == 4 || lc == 2):
				y := c
				if lc == 2 {
					y = twoDigitYear(c)
				}
				if sep == '.' && validDate(y, b, a) {
					return dateCand(i, i+5, y, b, a)
				}
				if validDate(y, a, b) {
					return dateCand(i, i+5, y, a, b)
				}
				if validDate(y, b, a) {
					return dateCand(i, i+5, y, b, a)
				}
			}
			return none
		}
		if sep == '/' && la <= 2 && lb <= 2 && !(t.at(i+3).kind == ftNum && !t.at(i+3).sp) {
			// "11/12,2016"
			if cm, y := t.at(i+3), t.at(i+4); cm.isSym(',') && !cm.sp && y.kind == ftNum && (y.e-y.s == 4 || y.e-y.s == 2) && !y.sp {
				yv := atoiTok(sc.text[y.s:y.e])
				if y.e-y.s == 2 {
					yv = twoDigitYear(yv)
				}
				if validDate(yv, a, b) {
					return dateCand(i, i+5, yv, a, b)
				}
			}
			if p := t.at(i - 1); p.kind == ftNum && k.sp || p.isSym('/') && !k.sp {
				return none
			}
			if a == 9 && b == 11 {
				// "9/11" names the attacks of 2001, not a day of any year
				return cand{start: i, end: i + 3, kind: Date, value: "2001-09-11", year: 0}
			}
			if a == 24 && b == 7 || a == b && a > 12 || a < b && isFractionDenominator(b) {
				return none
			}
			if n := t.at(i + 3); n.isSym('%') || n.kind == ftWord && n.lx != nil && (n.lx.unit != "" || n.lx.pctWord) {
				return none
			}
			if validDate(0, a, b) {
				return dateCand(i, i+3, 0, a, b)
			}
			if validDate(0, b, a) {
				return dateCand(i, i+3, 0, b, a)
			}
			return none
		}
	}
	// "2019-sep-1", "2019/sep/01", "1-jan", "28-nov"
	if sep != 0 && sep != '.' && p2.kind == ftWord {
		if m, mend, _, _ := sc.monthAt(i + 2); m > 0 && mend == i+3 {
			s2, p3 := t.at(i+3), t.at(i+4)
			if la == 4 && s2.kind == ftSym && s2.r == sep && !s2.sp && p3.kind == ftNum && !p3.sp && p3.e-p3.s <= 2 {
				if d := atoiTok(sc.text[p3.s:p3.e]); validDate(a, m, d) {
					return dateCand(i, i+5, a, m, d)
				}
			}
			if la <= 2 && validDate(0, m, a) {
				if y, yend, ok := sc.yearAfter(i+3, true); ok && !t.at(i+3).isSym(sep) {
					return dateCand(i, yend, y, m, a)
				}
				// "05-aug-2016", "23/sep/2020"
				if s2, y := t.at(i+3), t.at(i+4); s2.isSym(sep) && !s2.sp && y.kind == ftNum && !y.sp && y.e-y.s == 4 {
					if yv := atoiTok(sc.text[y.s:y.e]); validDate(yv, m, a) && yv >= 1000 && yv <= 2099 {
						return dateCand(i, i+5, yv, m, a)
					}
				}
				return dateCand(i, i+3, 0, m, a)
			}
		}
		return none
	}
	// "22april"
	if n := t.at(i + 1); n.kind == ftWord && !n.sp && n.lx != nil && n.lx.month > 0 && la <= 2 {
		if m, mend, _, _ := sc.monthAt(i + 1); validDate(0, m, a) {
			return sc.dayFirst(i, a, i+1, false).orMonth(dateCand(i, mend, 0, m, a))
		}
	}
	// Day first: "17 October 2016", "4th of march", "16. nov. 2016", "20th of next month".
	d, end, ord, ok := sc.dayNumber(i)
	if !ok {
		return none
	}
	if ord || t.at(end).isSym('.') && !t.at(end).sp {
		if t.at(end).isSym('.') {
			end++
		}
	}
	return sc.dayFirst(i, d, end, ord)
}

// orMonth returns c, or alt when c read nothing.
func (c cand) orMonth(alt cand) cand {
	if c.end > c.start {
		return c
	}
	return alt
}

func twoDigitYear(y int) int {
	if y <= 30 {
		return 2000 + y
	}
	return 1900 + y
}

// isFractionDenominator lists the denominators that make "3/4" a fraction
// rather than the 4th of March.
func isFractionDenominator(b int) bool {
	switch b {
	case 2, 3, 4, 5, 6, 8, 10, 16, 32, 64, 100:
		return true
	}
	return false
}

// dayFirst finishes a date whose day was read: "[of] October [2016]",
// "of next month".
func (sc *scanner) dayFirst(i, d, end int, ordinal bool) cand {
	t := &sc.t
	none := cand{start: i, end: i}
	q := end
	of := sc.is(t.at(q), "of")
	if of {
		q++
	}
	if m, mend, _, _ := sc.monthAt(q); m > 0 {
		mk := t.at(q)
		w := lowerASCII(sc.text[mk.s:mk.e])
		if (w == "may" || w == "march") && !mk.cap && !of && !ordinal {
			if _, _, ok := sc.yearAfter(mend, true); !ok {
				return none
			}
		}
		if !validDate(0, m, d) {
			return none
		}
		if y, yend, ok := sc.yearAfter(mend, true); ok {
			if validDate(y, m, d) {
				return dateCand(i, yend, y, m, d)
			}
			return none
		}
		return dateCand(i, mend, 0, m, d)
	}
	if of && ordinal {
		r := t.at(q)
		if r.flag(fRelative) && sc.is(t.at(q+1), "month") {
			return cand{start: i, end: q + 2, kind: Date}
		}
	}
	return none
}

// decadeAt reads "1990s", "1990's", "'90s" at j; the figure starts at i
// ("the", "mid-").
func (sc *scanner) decadeAt(i, j int) (cand, bool) {
	t := &sc.t
	k := t.at(j)
	if isQuoteOrApostrophe(k.r) && k.kind == ftSym {
		n := t.at(j + 1)
		if n.kind != ftNum || n.sp || n.e-n.s != 2 || sc.text[n.e-1] != '0' {
			return cand{}, false
		}
		if s := t.at(j + 2); !sc.is(s, "s") || s.sp {
			return cand{}, false
		}
		if x := t.at(j + 3); x.kind == ftWord && !x.sp {
			return cand{}, false
		}
		v := atoiTok(sc.text[n.s:n.e])
		y := 1900 + v
		if v <= 10 {
			y = 2000 + v
		}
		return cand{start: i, end: j + 3, kind: Date, value: itoa4(y)[:3] + "X"}, true
	}
	if k.kind != ftNum || k.e-k.s != 4 || sc.text[k.e-1] != '0' {
		return cand{}, false
	}
	q := j + 1
	if a := t.at(q); isQuoteOrApostrophe(a.r) && a.kind == ftSym && !a.sp {
		q++
	}
	s := t.at(q)
	if !sc.is(s, "s") || s.sp {
		return cand{}, false
	}
	if x := t.at(q + 1); x.kind == ftWord && !x.sp {
		return cand{}, false
	}
	y := sc.text[k.s:k.e]
	if y[2:] == "00" && y[1] != '0' {
		return cand{start: i, end: q + 1, kind: Date, value: y[:2] + "XX"}, true
	}
	return cand{start: i, end: q + 1, kind: Date, value: y[:3] + "X"}, true
}

// weekdayDate reads "Friday", "Monday, Oct. 17", "friday 7/6",
// "wednesday the 27th", "friday of this week", "friday next week".
func (sc *scanner) weekdayDate(i int) cand {
	t := &sc.t
	k := t.at(i)
	l := k.lx
	none := cand{start: i, end: i}
	if l.plural {
		return none
	}
	j := i + 1
	paren := false
	if n := t.at(j); n.isSym(',') || n.isDash() && !n.sp {
		j++
	} else if n.isSym('(') {
		j++
		paren = true
	}
	closeParen := func(c cand) cand {
		if paren && t.at(c.end).isSym(')') {
			c.end++
		}
		c.start = i
		return c
	}
	n := t.at(j)
	if n.kind == ftWord && n.lx != nil && n.lx.month > 0 {
		if c, ok := sc.monthFirst(j); ok && c.value != "" && len(c.value) > 7 {
			return closeParen(c)
		}
	}
	if n.kind == ftNum {
		if c := sc.numericDate(j); c.kind == Date && c.end > j && len(c.value) >= 10 {
			return closeParen(c)
		}
		// "friday 7.6", "friday 7-6": a month and a day beside a weekday
		if s, b := t.at(j+1), t.at(j+2); s.kind == ftSym && (s.r == '.' || s.r == '/' || s.isDash()) && !s.sp && b.kind == ftNum && !b.sp && !(t.at(j+3).kind == ftNum && !t.at(j+3).sp) {
			m, d := atoiTok(sc.text[n.s:n.e]), atoiTok(sc.text[b.s:b.e])
			if n.e-n.s <= 2 && b.e-b.s <= 2 && validDate(0, m, d) {
				return closeParen(dateCand(i, j+3, 0, m, d))
			}
		}
	}
	// "Mon 13th", "friday 15th": a weekday and an ordinal day of the month
	if n := t.at(i + 1); n.kind == ftNum && n.sp {
		if d, end, ord, ok := sc.dayNumber(i + 1); ok && ord && !(t.at(end).lx != nil && t.at(end).lx.month > 0) && !sc.is(t.at(end), "of") {
			return cand{start: i, end: end, kind: Date, value: "XXXX-XX-" + string([]byte{byte('0' + d/10), byte('0' + d%10)})}
		}
	}
	if l.wdayAbb && !(sc.is(k, "tues") || sc.is(k, "thurs")) {
		if c := sc.ordinalDate(j); c.kind == Date && c.end > j && c.value != "" {
			return closeParen(c)
		}
		return none // "wed", "sun", "sat" are words too
	}
	// "saturday the second", "wednesday the 27th", "friday the fifteen"
	if sc.is(t.at(i+1), "the") {
		q := i + 2
		var d, end int
		ok := false
		if n := t.at(q); n.kind == ftNum {
			d, end, _, ok = sc.dayNumber(q)
		} else if d, end, ok = sc.dayWord(q, false); !ok {
			d, end, ok = sc.dayWord(q, true)
		}
		if ok {
			return cand{start: i, end: end, kind: Date, value: "XXXX-XX-" + string([]byte{byte('0' + d/10), byte('0' + d%10)})}
		}
	}
	// "friday of this week", "friday next week", "tuesday of next week"
	q := i + 1
	if sc.is(t.at(q), "of") {
		q++
	}
	if r := t.at(q); r.flag(fRelative) && sc.is(t.at(q+1), "week") {
		return cand{start: i, end: q + 2, kind: Date}
	}
	return cand{start: i, end: i + 1, kind: Date, value: "XXXX-WXX-" + string(rune('0'+l.wday))}
}

// relativeDate reads dates counted from the time of writing: "last month",
// "next year", "this week friday", "last Friday", "last October".
func (sc *scanner) relativeDate(i int) cand {
	t := &sc.t
	k := t.at(i)
	none := cand{start: i, end: i}
	n := t.at(i + 1)
	if n.kind != ftWord || n.lx == nil {
		return none
	}
	switch {
	case n.lx.wday > 0 && !n.lx.plural && !n.lx.wdayAbb || sc.is(n, "tues") || sc.is(n, "thurs"):
		// "next week's friday" has no value; "this friday 5/12" the date's
		if c := sc.weekdayDate(i + 1); c.value == "" && c.end > i+1 || c.end > i+2 {
			c.start = i
			return c
		}
		return cand{start: i, end: i + 2, kind: Date, value: "XXXX-WXX-" + string(rune('0'+n.lx.wday))}
	case n.lx.month > 0 && !(sc.is(k, "past") || sc.is(k, "previous") || sc.is(k, "following")):
		if sc.is(n, "may") || sc.is(n, "march") {
			if !n.cap {
				return none
			}
		}
		return cand{start: i, end: i + 2, kind: Date, value: ymd(0, n.lx.month, 0)}
	case sc.is(n, "week"):
		// "this week friday", "next week on friday", "next week sunday"
		q := i + 2
		if sc.is(t.at(q), "on") {
			q++
		}
		if w := t.at(q); w.kind == ftWord && w.lx != nil && w.lx.wday > 0 && !w.lx.plural && !w.lx.wdayAbb {
			return cand{start: i, end: q + 1, kind: Date}
		}
		return cand{start: i, end: i + 2, kind: Date}
	case n.flag(fSeason) && !n.cap || n.flag(fSeason):
		return cand{start: i, end: i + 2, kind: Date}
	case sc.is(n, "night") && sc.is(k, "last"):
		return cand{start: i, end: i + 2, kind: Date}
	}
	if n.lx.tu >= tuDay && !n.lx.plural {
		switch n.lx.tu {
		case tuDay:
			if sc.is(k, "this") || sc.is(k, "past") || sc.is(k, "coming") {
				return none
			}
		case tuWeek, tuMonth, tuYear, tuDecade, tuCentury, tuFortnight:
		default:
			return none
		}
		return cand{start: i, end: i + 2, kind: Date}
	}
	if sc.is(n, "weekend") || sc.is(n, "quarter") && !sc.is(k, "this") {
		return cand{start: i, end: i + 2, kind: Date}
	}
	return none
}

// theDate reads dates that include "the": "the 1990s", "the mid-1990s",
// "the day after tomorrow", "the next day", "the first friday of july".
func (sc *scanner) theDate(i int) cand {
	t := &sc.t
	none := cand{start: i, end: i}
	n := t.at(i + 1)
	switch {
	case n.kind == ftNum || n.kind == ftSym && isQuoteOrApostrophe(n.r):
		if c, ok := sc.decadeAt(i, i+1); ok {
			return c
		}
	case sc.is(n, "mid") || sc.is(n, "early") || sc.is(n, "late"):
		q := i + 2
		if d := t.at(q); d.isDash() && !d.sp {
			q++
		}
		if c, ok := sc.decadeAt(i, q); ok {
			return c
		}
	case sc.is(n, "day"):
		if b, d := t.at(i+2), t.at(i+3); sc.is(b, "before") && sc.is(d, "yesterday") || sc.is(b, "after") && (sc.is(d, "tomorrow") || sc.is(d, "tmrw")) {
			return cand{start: i, end: i + 4, kind: Date}
		}
	case sc.is(n, "next") || sc.is(n, "following") || sc.is(n, "previous") || sc.is(n, "last"):
		if sc.is(t.at(i+2), "day") {
			return cand{start: i, end: i + 3, kind: Date}
		}
	case n.kind == ftWord && n.lx != nil && n.lx.ord > 0:
		if c := sc.ordinalDate(i + 1); c.kind == Date && c.value == "" && c.end > i+1 {
			c.start = i
			return c
		}
	}
	return none
}

// prefixedDate reads "mid-1990s", "early October", "late 2015",
// "late last year".
func (sc *scanner) prefixedDate(i int) cand {
	t := &sc.t
	none := cand{start: i, end: i}
	q := i + 1
	if d := t.at(q); d.isDash() && !d.sp {
		q++
	} else if !d.sp && d.kind != ftEnd {
		return none
	}
	var c cand
	if k := t.at(q); k.kind == ftNum {
		if dc, ok := sc.decadeAt(q, q); ok {
			c = dc
		} else if a := sc.amountAt(q); a.kind == Date {
			c = a
		}
	} else if k.kind == ftWord && k.lx != nil && (k.lx.month > 0 || k.lx.flags&fRelative != 0 || k.lx.wday > 0) {
		c = sc.dateAt(q)
		if m, mend, abbr, dotted := sc.monthAt(q); m > 0 && c.end <= mend && (!abbr || dotted) && (k.cap || !sc.is(k, "may") && !sc.is(k, "march")) {
			c = cand{start: q, end: mend, kind: Date, value: ymd(0, m, 0), fill: true} // "mid-October"
		}
	}
	if c.kind != Date || c.start != q || c.end <= q {
		return none
	}
	c.start = i
	return c
}

// ordinalDate reads dates that start with an ordinal word: "fourth of
// July", "twenty second of june 2017", "first friday of july",
// "second sunday".
func (sc *scanner) ordinalDate(i int) cand {
	t := &sc.t
	none := cand{start: i, end: i}
	k := t.at(i)
	d, end, ok := sc.dayWord(i, false)
	if !ok {
		// "15 of jan" is read with the digits; "twenty two of june" is no date
		return none
	}
	if sc.is(t.at(end), "of") {
		if c := sc.dayFirst(i, d, end, true); c.end > i {
			return c
		}
	}
	// "first friday of july", "second sunday"
	if w := t.at(end); w.kind == ftWord && w.lx != nil && w.lx.wday > 0 && !w.lx.plural && !w.lx.wdayAbb && d <= 5 {
		q := end + 1
		if sc.is(t.at(q), "of") || sc.is(t.at(q), "in") {
			if m, mend, _, _ := sc.monthAt(q + 1); m > 0 {
				return cand{start: i, end: mend, kind: Date}
			}
			if r := t.at(q + 1); (r.flag(fRelative) || sc.is(r, "that")) && sc.is(t.at(q+2), "month") {
				return cand{start: i, end: q + 3, kind: Date}
			}
		}
		return cand{start: i, end: end + 1, kind: Date}
	}
	_ = k
	return none
}
