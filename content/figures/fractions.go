package figures

// Fractions and ratios: "two thirds", "one and a half", "three million and
// a quarter", "2 1/4", "6½", "one in five".

// denominator reads "thirds", "a quarter", "twenty-fifths" at j, after a
// numerator that starts at token start: singular after one ("one fifth"),
// plural after more.
func (sc *scanner) denominator(start, j int, numer dec) (uint64, int, bool) {
	t := &sc.t
	k := t.at(j)
	// "two-thirds", "one - fourth"
	if k.isDash() {
		if n := t.at(j + 1); n.sp == k.sp && n.kind == ftWord {
			j++
			k = n
		} else {
			return 0, j, false
		}
	}
	if k.kind != ftWord || k.lx == nil {
		return 0, j, false
	}
	v, isInt := numer.intVal()
	if !isInt || v == 0 {
		return 0, j, false
	}
	plural := func(w string) bool {
		return len(w) > 0 && (w[len(w)-1] == 's' || w[len(w)-1] == 'S')
	}
	if l := k.lx; l.cls == ncTens {
		q := j + 1
		if t.at(q).isDash() {
			q++
		}
		if o := t.at(q); o.kind == ftWord && o.lx != nil && o.lx.ord >= 1 && o.lx.ord <= 9 && o.lx.cls == ncNone {
			if (v == 1) != plural(sc.text[o.s:o.e]) {
				return uint64(l.num + o.lx.ord), q + 1, true
			}
		}
		return 0, j, false
	}
	l := k.lx
	if l.ord < 2 || l.cls != ncNone || l.ord == 2 && !l.ordPl {
		return 0, j, false // "second" is a time unit or an ordinal
	}
	pl := plural(sc.text[k.s:k.e])
	if (v == 1) == pl {
		return 0, j, false
	}
	// "three quarters" of a year are a period (see quarterPeriod); alone,
	// only a fraction where "of" or the end of a phrase follows.
	if sc.is(k, "quarters") {
		if sc.quarterPeriod(start, j) {
			return 0, j, false
		}
		n := t.at(j + 1)
		part := sc.is(n, "full") || sc.is(n, "empty") || sc.is(n, "complete") || sc.is(n, "finished") || sc.is(n, "done")
		if !(sc.is(n, "of") || part || n.kind == ftEnd || n.kind == ftSym || n.lx != nil && n.lx.cls == ncScale) {
			return 0, j, false
		}
	}
	return uint64(l.ord), j + 1, true
}

// fractionTail reads what may follow a whole number: "two thirds",
// "one and a half", "three million and a quarter", "2 1/4", "6½". It
// reports whether it read one.
func (sc *scanner) fractionTail(nm *numeral, st cardState) bool {
	t := &sc.t
	j := nm.end
	switch st.state {
	case lOnes, lTeen, lTens, lDigits, lHundred:
		numer, whole := nm.val, dec{}
		if st.hasAnd {
			numer, whole = decOf(uint64(st.andPart)), st.andBase
		}
		if d, end, ok := sc.denominator(nm.start, j, numer); ok {
			f := numer.div(d)
			if st.hasAnd {
				// "one billion and three quarters million", "two million
				// and one half": a fraction of the magnitude
				if s := t.at(end); s.kind == ftWord && s.lx != nil && s.lx.cls == ncScale && s.lx.num < st.andScale {
					f, end = f.shift(s.lx.num), end+1
				} else if st.andScale >= 3 {
					f = f.shift(st.andScale)
				}
				nm.val, nm.end, nm.fraction = whole.add(f), end, true
				return true
			}
			nm.val, nm.end, nm.fraction = f, end, true
			sc.scaleAfterFraction(nm)
			return true
		}
	}
	// "and a half", "and three quarters", "four-and-a-half"
	hyph := t.at(j).isDash() && !t.at(j).sp && sc.is(t.at(j+1), "and") && !t.at(j+1).sp
	if hyph {
		j++
	}
	if a := t.at(j); sc.is(a, "and") && st.state != lPoint {
		q := j + 1
		if hyph {
			if !t.at(q).isDash() || t.at(q).sp {
				return false
			}
			q++
		}
		var numer dec
		if b := t.at(q); sc.is(b, "half") && !hyph {
			numer = decOf(1) // "one and half hour"
		} else if sc.is(b, "a") || sc.is(b, "an") {
			numer, q = decOf(1), q+1
			if hyph && t.at(q).isDash() && !t.at(q).sp {
				q++
			}
		} else if b.kind == ftWord && b.lx != nil && (b.lx.cls == ncOnes || b.lx.cls == ncTeen || b.lx.cls == ncTens) {
			sub, _, ok := sc.cardinalCore(q, false)
			if !ok || sub.vague || !sub.words {
				return sc.mixedFraction(nm, st)
			}
			numer, q = sub.val, sub.end
		} else {
			return sc.mixedFraction(nm, st)
		}
		if d, end, ok := sc.denominator(nm.start, q, numer); ok {
			f := numer.div(d)
			if s := t.at(end); s.kind == ftWord && s.lx != nil && s.lx.cls == ncScale && s.lx.num < st.lastScale {
				if st.state == lScale {
					// "one billion and a half million"
					nm.val = nm.val.add(f.shift(s.lx.num))
				} else {
					// "five and a half million"
					nm.val = nm.val.add(f).shift(s.lx.num)
				}
				nm.end, nm.fraction, nm.scaled = end+1, true, true
				return true
			}
			if st.state == lScale && st.lastScale >= 3 {
				f = f.shift(st.lastScale) // "one million and a half"
			}
			nm.val, nm.end, nm.fraction = nm.val.add(f), end, true
			return true
		}
	}
	return sc.mixedFraction(nm, st)
}

// mixedFraction reads "2 1/4" and "6½".
func (sc *scanner) mixedFraction(nm *numeral, st cardState) bool {
	t := &sc.t
	j := nm.end
	if nm.words || st.state != lDigits || !nm.bareDigits {
		return false
	}
	if n, s, d := t.at(j), t.at(j+1), t.at(j+2); n.kind == ftNum && n.sp && s.isSym('/') && !s.sp && d.kind == ftNum && !d.sp &&
		!(t.at(j+3).kind == ftNum && !t.at(j+3).sp) && !t.at(j+3).isSym('/') {
		a, b := atoiTok(sc.text[n.s:n.e]), atoiTok(sc.text[d.s:d.e])
		if a > 0 && a < b && b <= 100 && d.e-d.s <= 3 {
			nm.val = nm.val.add(decOf(uint64(a)).div(uint64(b)))
			nm.end, nm.fraction = j+3, true
			return true
		}
	}
	if v := t.at(j); v.kind == ftSym && !v.sp && vulgar[v.r] != 0 {
		nm.val = nm.val.add(decOf(uint64(vulgar[v.r] >> 8)).div(uint64(vulgar[v.r] & 0xff)))
		nm.end, nm.fraction = j+1, true
		return true
	}
	return false
}

// vulgar fractions: numerator<<8 | denominator.
var vulgar = map[rune]int{'½': 1<<8 | 2, '⅓': 1<<8 | 3, '⅔': 2<<8 | 3, '¼': 1<<8 | 4, '¾': 3<<8 | 4,
	'⅕': 1<<8 | 5, '⅖': 2<<8 | 5, '⅗': 3<<8 | 5, '⅘': 4<<8 | 5, '⅙': 1<<8 | 6, '⅚': 5<<8 | 6,
	'⅛': 1<<8 | 8, '⅜': 3<<8 | 8, '⅝': 5<<8 | 8, '⅞': 7<<8 | 8, '⅐': 1<<8 | 7, '⅑': 1<<8 | 9, '⅒': 1<<8 | 10}

// scaleAfterFraction reads "three quarters billion", "two thirds of a million".
func (sc *scanner) scaleAfterFraction(nm *numeral) {
	t := &sc.t
	q := nm.end
	if sc.is(t.at(q), "of") && (sc.is(t.at(q+1), "a") || sc.is(t.at(q+1), "an")) && t.at(q+2).lx != nil && t.at(q+2).lx.cls == ncScale {
		q += 2
	}
	if s := t.at(q); s.kind == ftWord && s.lx != nil && s.lx.cls == ncScale {
		nm.val, nm.end, nm.scaled = nm.val.shift(s.lx.num), q+1, true
		nm.bareHalf = false
	}
}

// ratioTail reads "one in five", "1 out of 3", "one over three".
func (sc *scanner) ratioTail(nm *numeral) {
	t := &sc.t
	if nm.scaled || nm.fraction {
		return
	}
	j := nm.end
	k := t.at(j)
	q := j + 1
	var kind string
	switch {
	case sc.is(k, "in"):
		kind = "in"
	case sc.is(k, "out") && sc.is(t.at(j+1), "of"):
		kind, q = "out", j+2
	case sc.is(k, "over"):
		kind = "over"
	default:
		return
	}
	n := t.at(q)
	if !(n.kind == ftNum || n.kind == ftWord && n.lx != nil && (n.lx.cls == ncOnes || n.lx.cls == ncTeen || n.lx.cls == ncTens)) {
		return
	}
	den, _, ok := sc.cardinalCore(q, false)
	if !ok || den.vague || den.fraction || (den.bareDigits && den.nDigits == 4) || den.digits && !den.bareDigits && !den.scaled {
		return
	}
	a, ok1 := nm.val.intVal()
	b, ok2 := den.val.intVal()
	if !ok1 || !ok2 || b == 0 {
		return
	}
	switch kind {
	case "in":
		if a != 1 {
			return
		}
	case "out":
		if a > b {
			return
		}
	case "over":
		// "over" is mostly "more than"; a quotient only ends a sentence.
		if e := t.at(den.end); e.kind != ftEnd && !(e.kind == ftSym && (e.r == '.' || e.r == '?' || e.r == '!' || e.r == ',')) {
			return
		}
	}
	nm.val = nm.val.div(uint64(b))
	nm.end, nm.ratio = den.end, true
}

// quarterPeriod reports whether "quarters" at q, after a count that starts
// at token start, counts quarters of a year ("the past three quarters",
// "three quarters in a row", "three consecutive quarters", "two quarters of
// growth") rather than a fraction ("three quarters of voters").
func (sc *scanner) quarterPeriod(start, q int) bool {
	t := &sc.t
	if !sc.is(t.at(q), "quarters") {
		return false
	}
	n := t.at(q + 1)
	if sc.is(n, "of") {
		// "of growth", "of the year", "of 2004": a period; "of voters": a fraction
		a := t.at(q + 2)
		if sc.is(a, "the") || sc.is(a, "this") || sc.is(a, "last") || sc.is(a, "next") {
			return sc.is(t.at(q+3), "year")
		}
		if a.kind == ftNum && a.e-a.s == 4 {
			return true
		}
		return a.kind == ftWord && quarterOf[lowerASCII(sc.text[a.s:a.e])]
	}
	if sc.is(n, "in") && sc.is(t.at(q+2), "a") && sc.is(t.at(q+3), "row") || sc.is(n, "running") || n.flag(fAgo) {
		return true
	}
	p := t.at(start - 1)
	for _, w := range []string{"past", "last", "next", "previous", "following", "coming", "first", "for", "over", "within", "after", "consecutive", "straight", "successive"} {
		if sc.is(p, w) {
			return true
		}
	}
	return false
}

// quarterOf lists what "three quarters of" measures over time: "two
// quarters of growth".
var quarterOf = map[string]bool{
	"growth": true, "decline": true, "declines": true, "contraction": true, "expansion": true,
	"recession": true, "losses": true, "loss": true, "profit": true, "profits": true, "gains": true,
	"falling": true, "rising": true, "negative": true, "positive": true, "sales": true, "trading": true,
}
