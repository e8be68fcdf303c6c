package figures

// amountAt reads a number at token i and what it measures: a count, a
// percent, money, a quantity, a duration, an age or a year.
func (sc *scanner) amountAt(i int) cand {
	t := &sc.t
	none := cand{start: i, end: i}
	cur, j := sc.currencyBefore(i)
	neg := false
	if cur == "" {
		k := t.at(j)
		switch {
		case (k.isDash() || k.isSym('−')) && !t.at(j+1).sp && t.at(j+1).kind == ftNum:
			p := t.at(j - 1)
			if !(k.sp || p.kind == ftEnd || p.isSym('(')) || (p.kind == ftNum && !k.sp) {
				return none
			}
			neg, j = true, j+1
		case sc.is(k, "minus") || sc.is(k, "negative"):
			n := t.at(j + 1)
			if n.kind == ftNum || n.kind == ftWord && n.lx != nil && n.lx.cls != ncNone {
				if sc.is(t.at(j-1), "or") {
					return none // "plus or minus 4 points": a margin, read from the number
				}
				neg, j = true, j+1
			}
		}
	}
	if cur == "" && !neg {
		if c, ok := sc.percentOf(i); ok {
			return c
		}
		if k := t.at(i); sc.is(k, "twice") || sc.is(k, "thrice") {
			// "twice as much", "twice the rate": a multiplier
			n, p := t.at(i+1), t.at(i-1)
			if sc.is(n, "as") || sc.is(n, "the") || sc.is(n, "that") || p.flag(fApprox) {
				v := "2"
				if sc.is(k, "thrice") {
					v = "3"
				}
				return cand{start: i, end: i + 1, kind: Count, value: v, unit: "times"}
			}
			return none
		}
	}
	nm, ok := sc.cardinal(j, cur != "")
	if !ok {
		if nm.end > j {
			return cand{start: i, end: nm.end} // a dotted identifier
		}
		if cur == "" {
			return sc.durationWords(i)
		}
		return none
	}
	if neg {
		if nm.val.inexact {
			nm.val.f = -nm.val.f
		} else {
			nm.val.neg = !nm.val.neg
		}
	}
	if cur == "" && nm.digits && j == i {
		if end, skip := sc.identifier(i, &nm); skip {
			return cand{start: i, end: end}
		}
	}
	if cur == "" && !neg && j == i {
		if end, ok := sc.clockWords(i, &nm); ok {
			return cand{start: i, end: end} // "three or four in the morning": a time of day
		}
	}
	if cur == "" && nm.words && !nm.digits && !sc.wordsStandAlone(i, &nm) {
		return none
	}

	// Ordinals and centuries: "21st", "the 20th century".
	if nm.bareDigits && !neg && cur == "" {
		if c, ok := sc.numericOrdinal(i, &nm); ok {
			return c
		}
	}

	sf := sc.suffixAt(nm.end, &nm, cur)
	c := cand{start: i, end: sf.end}
	if sf.kind == sfNone {
		c.end = nm.end
	}
	// A range shares the second end's unit: "10 to 20 percent", "2011-2013".
	if r, ok := sc.rangeAfter(i, &nm, cur, sf); ok {
		return r
	}
	val := nm.val.String()
	if nm.vague {
		val = ""
	}
	switch sf.kind {
	case sfPercent:
		c.kind, c.value, c.unit = Percent, val, sf.unit
		return c
	case sfMoney:
		if sf.minor {
			val = nm.val.div(100).String()
			if nm.vague {
				val = ""
			}
		}
		if sf.scale > 0 {
			val = nm.val.shift(sf.scale).String()
		}
		c.kind, c.value, c.unit = Money, val, sf.unit
		if !sf.minor && !nm.vague && sf.word {
			if v, end, ok := sc.centsAfter(sf.end, nm.val); ok {
				c.value, c.end = v.String(), end
			}
		}
		return c
	case sfTime:
		return sc.timeAmount(i, &nm, sf)
	case sfUnit:
		c.kind, c.value, c.unit = Quantity, val, sf.unit
		return c
	case sfWeekday:
		c.kind, c.value = Date, ""
		return c
	}
	if cur != "" {
		c.kind, c.value, c.unit = Money, val, cur
		return c
	}
	// "millions of dollars", "hundreds of billions of dollars"
	if nm.vague && sc.is(t.at(nm.end), "of") {
		if code, end, minor, ok := sc.currencyWord(nm.end+1, &numeral{scaled: true}, ""); ok && !minor {
			return cand{start: i, end: end, kind: Money, unit: code}
		}
	}
	if y, ok := sc.yearOf(i, &nm); ok {
		c.kind, c.value, c.year = Date, itoa4(y), y
		return c
	}
	if sc.isAge(i, &nm) {
		c.kind, c.value, c.unit = Quantity, val, "years old"
		return c
	}
	if nm.bareHalf && !sc.fractionInContext(i, &nm) {
		return none
	}
	if nm.single != nil && nm.single.cls == ncOnes && (nm.single.num == 1 || nm.single.num == 0) && !nm.ratio && !neg {
		// "one" is a pronoun or an article far more often than a count,
		// and "zero" an adjective ("zero tolerance").
		n, p := t.at(nm.end), t.at(i-1)
		// but "at least one attempt", "more than one child" are claims
		claim := nm.single.num == 1 && (sc.is(p, "least") || sc.is(p, "than") || sc.is(p, "only") || sc.is(p, "exactly")) &&
			!sc.is(n, "of") && !sc.is(n, "another") && !sc.is(n, "way") && !sc.is(n, "thing")
		if !claim && (nm.single.num == 1 || n.kind == ftWord && !n.flag(fNotNoun) || n.isDash()) {
			return none
		}
	}
	c.kind, c.value = Count, val
	c.unit = sc.nounAfter(nm.end)
	return c
}

// percentOf reads a percent named before its number: "percent of 10",
// "per cent of twenty-two".
func (sc *scanner) percentOf(i int) (cand, bool) {
	t := &sc.t
	k := t.at(i)
	q := i + 1
	switch {
	case sc.is(k, "percent") || sc.is(k, "percents"):
	case sc.is(k, "per") && sc.is(t.at(i+1), "cent"):
		q++
	default:
		return cand{}, false
	}
	if p := t.at(i - 1); p.kind == ftNum || p.kind == ftWord && p.lx != nil && p.lx.cls != ncNone {
		return cand{}, false
	}
	if !sc.is(t.at(q), "of") {
		return cand{}, false
	}
	n := t.at(q + 1)
	if !(n.kind == ftNum || n.kind == ftWord && n.lx != nil && n.lx.cls != ncNone) {
		return cand{}, false
	}
	nm, ok := sc.cardinal(q+1, false)
	if !ok || nm.vague || nm.bareHalf || sc.suffixAt(nm.end, &nm, "").kind != sfNone {
		return cand{}, false
	}
	return cand{start: i, end: nm.end, kind: Percent, value: nm.val.String(), unit: "%"}, true
}

// numericOrdinal reads "21st", "3rd" and centuries: "the 20th century".
func (sc *scanner) numericOrdinal(i int, nm *numeral) (cand, bool) {
	t := &sc.t
	s := t.at(nm.end)
	if s.kind != ftWord || s.sp || nm.nDigits > 4 {
		return cand{}, false
	}
	switch lowerASCII(sc.text[s.s:s.e]) {
	case "st", "nd", "rd", "th":
	default:
		return cand{}, false
	}
	n, _ := nm.val.intVal()
	end := nm.end + 1
	q := end
	if d := t.at(q); d.isDash() && !d.sp {
		q++
	}
	if c := t.at(q); sc.is(c, "century") || sc.is(c, "centuries") {
		if n >= 1 && n <= 30 {
			return cand{start: i, end: q + 1, kind: Date, value: itoa2(int(n-1)) + "XX"}, true
		}
	}
	return cand{start: i, end: end, kind: Ordinal, value: nm.val.String(), unit: sc.ordinalNoun(end)}, true
}

func itoa2(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return string([]byte{byte('0' + n/10%10), byte('0' + n%10)})
}

// yearOf reads a bare four-digit number as a year where it can be one.
func (sc *scanner) yearOf(i int, nm *numeral) (int, bool) {
	if !nm.bareDigits || nm.nDigits != 4 || nm.val.neg {
		return 0, false
	}
	v, _ := nm.val.intVal()
	if v < 1000 || v > 2099 {
		return 0, false
	}
	if v >= 1900 && v <= 2030 {
		return int(v), true
	}
	t := &sc.t
	if p := t.at(i - 1); p.flag(fTimePrep) || p.kind == ftWord && p.lx != nil && p.lx.month > 0 || sc.is(p, "the") {
		return int(v), true
	}
	if sc.nounAfter(nm.end) != "" {
		return 0, false
	}
	return int(v), true
}

// isAge spots "Kerry, 72, said" and "aged 72".
func (sc *scanner) isAge(i int, nm *numeral) bool {
	t := &sc.t
	if !nm.bareDigits || nm.nDigits > 3 {
		return false
	}
	v, _ := nm.val.intVal()
	if v < 1 || v > 120 {
		return false
	}
	p := t.at(i - 1)
	if sc.is(p, "aged") || sc.is(p, "age") || sc.is(p, "ages") {
		return true
	}
	n := t.at(nm.end)
	if p.isSym(',') && (n.isSym(',') || n.isSym('.') && t.at(nm.end+1).kind == ftEnd) {
		w := t.at(i - 2)
		return w.kind == ftWord && w.cap && !w.flag(fCommon) && (w.lx == nil || w.lx.month == 0 && w.lx.wday == 0)
	}
	return false
}

// fractionInContext keeps "half" and "a quarter" when they measure
// something: "half of the voters", "nearly half", "a third of".
func (sc *scanner) fractionInContext(i int, nm *numeral) bool {
	t := &sc.t
	n := t.at(nm.end)
	if sc.is(n, "of") {
		return true
	}
	p := t.at(i - 1)
	if p.flag(fApprox) {
		return true
	}
	if sc.is(p, "than") || sc.is(p, "about") || sc.is(p, "nearly") || sc.is(p, "by") {
		return true // "more than half", "up by a third"
	}
	return n.kind == ftEnd || n.kind == ftSym && (n.r == '.' || n.r == ',' || n.r == ';')
}
