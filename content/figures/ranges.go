package figures

// Ranges: two numbers read as one figure.

// rangeAfter reads a second number that makes a range with the first:
// "10 to 20", "2011-2013", "$5 million to $10 million", "between 3 and 5".
func (sc *scanner) rangeAfter(i int, n1 *numeral, cur string, s1 suffix) (cand, bool) {
	t := &sc.t
	if n1.vague || n1.ratio || n1.bareHalf {
		return cand{}, false
	}
	j := n1.end
	if s1.kind != sfNone {
		j = s1.end
	}
	k := t.at(j)
	q := j + 1
	suspended := false
	if k.isDash() && !k.sp && sc.is(t.at(j+1), "to") && s1.kind == sfNone {
		// "18- to 24-year-old"
		j, q, suspended = j+1, j+2, true
		k = t.at(j)
	}
	switch {
	case k.isDash() && k.sp == t.at(j+1).sp && n1.digits:
	case sc.is(k, "to") || sc.is(k, "through") || sc.is(k, "thru"):
	case sc.is(k, "and") && sc.is(t.at(i-1), "between"):
	default:
		return cand{}, false
	}
	cur2, q2 := sc.currencyBefore(q)
	if cur2 != "" && cur2 != cur {
		return cand{}, false
	}
	n := t.at(q2)
	if !(n.kind == ftNum || n.kind == ftWord && n.lx != nil && n.lx.cls != ncNone) {
		return cand{}, false
	}
	n2, ok := sc.cardinal(q2, cur != "")
	if !ok || n2.vague || n2.ratio || n2.fraction && !n1.fraction {
		return cand{}, false
	}
	if n1.digits != n2.digits && !apStyleRange(n1, &n2) {
		return cand{}, false
	}
	if n2.digits && n2.bareDigits {
		if _, skip := sc.identifier(q2, &n2); skip && t.at(q2).sp {
			return cand{}, false
		}
	}
	v1, v2 := n1.val, n2.val
	// "2011-13"
	yearish := n1.bareDigits && n1.nDigits == 4 && s1.kind == sfNone && cur == ""
	if yearish && n2.bareDigits && n2.nDigits == 2 && k.isDash() {
		y1, _ := v1.intVal()
		y2, _ := v2.intVal()
		y2 += y1 / 100 * 100
		if y2 > y1 {
			v2 = decOf(uint64(y2))
			n2.nDigits = 4
		}
	}
	// "5 to 10 million": the first end shares the magnitude.
	if n2.scaled && !n1.scaled && n1.digits == n2.digits && s1.kind == sfNone {
		if f, ok := n1.val.intVal(); ok && n2.digits {
			if l, ok := sc.lastScale(&n2); ok && f > 0 {
				v1 = n1.val.shift(l)
			}
		} else if n1.words {
			if l, ok := sc.lastScale(&n2); ok {
				v1 = n1.val.shift(l)
			}
		}
	}
	if v1.float() >= v2.float() || v1.neg || v2.neg {
		// A dash between a larger and a smaller number is a tally: "52-48".
		if k.isDash() && !k.sp && n1.bareDigits && n2.bareDigits && n1.nDigits <= 3 && n2.nDigits <= 3 && s1.kind == sfNone && cur == "" {
			return cand{start: i, end: n2.end, kind: Count, value: n1.val.String() + "-" + n2.val.String()}, true
		}
		return cand{}, false
	}
	s2 := sc.suffixAt(n2.end, &n2, cur)
	if s1.kind != sfNone && (s2.kind != s1.kind || s2.unit != s1.unit) {
		return cand{}, false
	}
	end := n2.end
	sf := s2
	if s2.kind != sfNone {
		end = s2.end
	} else {
		sf = s1
	}
	c := cand{start: i, end: end}
	val := v1.String() + "/" + v2.String()
	switch sf.kind {
	case sfPercent:
		c.kind, c.unit, c.value = Percent, sf.unit, val
	case sfMoney:
		if sf.minor {
			val = v1.div(100).String() + "/" + v2.div(100).String()
		}
		c.kind, c.unit, c.value = Money, sf.unit, val
	case sfUnit:
		c.kind, c.unit, c.value = Quantity, sf.unit, val
	case sfTime:
		if sc.hasAgo(end) {
			return cand{}, false
		}
		if a := sc.timeAmount(q2, &n2, s2); a.kind == Quantity {
			c.kind, c.unit, c.value, c.end = Quantity, a.unit, val, a.end // "18- to 24-year-old"
			break
		}
		if suspended {
			return cand{}, false
		}
		c.kind = Duration
		c.value = isoDuration(v1, sf.tu, false) + "/" + isoDuration(v2, sf.tu, false)
	default:
		if cur != "" {
			c.kind, c.unit, c.value = Money, cur, val
			break
		}
		y1, ok1 := sc.yearOf(i, n1)
		n2c := n2
		n2c.val = v2
		if ok1 && n2c.bareDigits && n2c.nDigits == 4 {
			y2, _ := v2.intVal()
			c.kind, c.value, c.year = Date, itoa4(y1)+"/"+itoa4(int(y2)), int(y2)
			break
		}
		c.kind, c.value, c.unit = Count, val, sc.nounAfter(end)
	}
	return c, true
}

// lastScale returns the power of ten of the magnitude word ending a numeral.
func (sc *scanner) lastScale(nm *numeral) (int, bool) {
	k := sc.t.at(nm.end - 1)
	if k.lx != nil && k.lx.cls == ncScale {
		return k.lx.num, true
	}
	if k.lx != nil && k.lx.scale > 0 {
		return k.lx.scale, true
	}
	return 0, false
}

// apStyleRange reports a range written as news style writes its numbers,
// words below ten and digits from ten: "eight to 10 hours".
func apStyleRange(n1, n2 *numeral) bool {
	a, ok1 := n1.val.intVal()
	b, ok2 := n2.val.intVal()
	return n1.words && !n1.scaled && n2.bareDigits && ok1 && ok2 && a < 10 && b >= 10 && b < 100
}
