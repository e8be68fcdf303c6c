package figures

// Dates around weekdays, relative words and ordinals: "Friday",
// "last month", "the next day", "mid-October", "fourth of July".

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
	if l := t.at(i).lx; l != nil && l.ord >= 1 && l.ord <= 4 && !l.ordPl && l.cls == ncNone {
		if c, ok := sc.quarterAt(i, l.ord, i+1); ok {
			return c
		}
	}
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
	return none
}

// quarterAt reads a quarter of a year after its ordinal (the tokens from
// start to q): "fourth quarter", "third-quarter profits", "1st quarter of
// 2013", "the first quarter of the year". Its value is ISO 8601's quarter
// as TIMEX writes it: "XXXX-Q4", "2013-Q1".
func (sc *scanner) quarterAt(start, n, q int) (cand, bool) {
	t := &sc.t
	if d := t.at(q); d.isDash() && !d.sp {
		q++
	}
	if !sc.is(t.at(q), "quarter") || n < 1 || n > 4 {
		return cand{}, false
	}
	end, y := q+1, 0
	if y2, yend, ok := sc.quarterYear(end); ok {
		y, end = y2, yend
	} else if sc.is(t.at(end), "of") {
		// "of the year", "of this year": no year the text states
		if r := t.at(end + 1); (sc.is(r, "the") || sc.is(r, "this") || sc.is(r, "last") || sc.is(r, "next")) && sc.is(t.at(end+2), "year") {
			end += 3
		}
	}
	v := "XXXX"
	if y != 0 {
		v = itoa4(y)
	}
	return cand{start: start, end: end, kind: Date, value: v + "-Q" + string(rune('0'+n)), year: y, fill: y == 0}, true
}

// quarterYear reads the year after a quarter: "of 2004", " 2004".
func (sc *scanner) quarterYear(j int) (int, int, bool) {
	t := &sc.t
	q := j
	if sc.is(t.at(q), "of") {
		q++
	}
	k := t.at(q)
	if k.kind != ftNum || k.e-k.s != 4 || !k.sp {
		return 0, j, false
	}
	if n := t.at(q + 1); !n.sp && (n.kind == ftWord || n.kind == ftNum) || n.isSym('%') {
		return 0, j, false
	}
	v := atoiTok(sc.text[k.s:k.e])
	if v < 1900 || v > 2099 {
		return 0, j, false
	}
	return v, q + 1, true
}

// quarterCode reads "Q4", "Q3 2004".
func (sc *scanner) quarterCode(i int) (cand, bool) {
	t := &sc.t
	k, n := t.at(i), t.at(i+1)
	if sc.text[k.s:k.e] != "Q" || n.kind != ftNum || n.sp || n.e-n.s != 1 {
		return cand{}, false
	}
	if a := t.at(i + 2); !a.sp && (a.kind == ftWord || a.kind == ftNum) {
		return cand{}, false
	}
	v := atoiTok(sc.text[n.s:n.e])
	if v < 1 || v > 4 {
		return cand{}, false
	}
	end, y := i+2, 0
	if k := t.at(end); k.kind == ftNum && k.sp {
		if y2, yend, ok := sc.quarterYear(end); ok {
			end, y = yend, y2
		}
	}
	val := "XXXX"
	if y != 0 {
		val = itoa4(y)
	}
	return cand{start: i, end: end, kind: Date, value: val + "-Q" + string(rune('0'+v)), year: y, fill: y == 0}, true
}
