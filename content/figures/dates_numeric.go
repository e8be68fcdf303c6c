package figures

// Dates that start with digits: "2016-10-17", "9/11", "17 October", "1990s".

// numericDate reads dates that start with digits: "2016-10-17",
// "02/22/2016", "13.5.2015", "9/11", "4/22", "17 October 2016",
// "4th of march", "20th of next month", "the 1990s" (without "the").
func (sc *scanner) numericDate(i int) cand {
	t := &sc.t
	none := cand{start: i, end: i}
	k := t.at(i)
	if p := t.at(i - 1); k.sp && p.flag(fReference) {
		return none // "section 5/7" is a place in a law
	}
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
	if ord {
		if c, ok := sc.quarterAt(i, d, end); ok {
			return c // "1st quarter of 2013"
		}
	}
	if c, ok := sc.dayRange(i, d, end); ok {
		return c
	}
	return sc.dayFirst(i, d, end, ord)
}

// dayRange reads two days before one month, as British style writes them:
// "5-6 May", "3 to 5 April" (a range), "5 and 6 May 2005" (two dates: the
// first is read alone, "5", and the second after it). The first day shares
// the second's month and year.
func (sc *scanner) dayRange(i, d, end int) (cand, bool) {
	t := &sc.t
	k, n := t.at(end), t.at(end+1)
	if !(k.isDash() && k.sp == n.sp || sc.is(k, "and") || sc.is(k, "to") || sc.is(k, "until") || sc.is(k, "through")) || n.kind != ftNum {
		return cand{}, false
	}
	d2, e2, ord2, ok := sc.dayNumber(end + 1)
	if !ok || d2 <= d {
		return cand{}, false
	}
	c := sc.dayFirst(end+1, d2, e2, ord2)
	if c.kind != Date || !hasDay(c.value) || len(c.value) != 10 {
		return cand{}, false
	}
	m := atoiTok(c.value[5:7])
	if !validDate(c.year, m, d) {
		return cand{}, false
	}
	if sc.is(k, "and") {
		return dateCand(i, end, c.year, m, d), true
	}
	first := dateCand(i, c.end, c.year, m, d)
	first.value += "/" + c.value
	return first, true
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
