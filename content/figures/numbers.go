package figures

// A numeral is one number as written: "275,000", "1.2 million", "a dozen",
// "twenty-one trillion three hundred", "two and a half", "one in five".
type numeral struct {
	val        dec
	start, end int // tokens [start, end)
	words      bool
	digits     bool
	bareDigits bool // one run of digits, no separators: a possible year or day
	nDigits    int  // length of that run
	scaled     bool // carries a magnitude ("million", "bn", "k")
	fraction   bool
	ratio      bool // "one in five"
	vague      bool // "tens of thousands": no exact value
	bareHalf   bool // "half" or "a quarter" alone: a figure only in context
	article    bool // starts with "a"/"an"
	single     *lexeme
	first      int // index of the first number token (after "a")
}

type last uint8

const (
	lNone last = iota
	lDigits
	lOnes
	lTeen
	lTens
	lHundred
	lScale
	lA
	lPoint
)

// vagueNumber reads quantities without a value: "tens of thousands",
// "hundreds of millions", "thousands", "dozens", "several hundred".
func (sc *scanner) vagueNumber(i int) (dec, int, bool) {
	t := &sc.t
	k := t.at(i)
	if k.kind != ftWord || k.lx == nil {
		return dec{}, i, false
	}
	scaleWord := func(k *ftok) bool {
		return k.kind == ftWord && k.lx != nil && (k.lx.cls == ncHundred || k.lx.cls == ncScale)
	}
	if k.lx.flags&fPlural != 0 {
		j := i + 1
		// "tens of thousands", "hundreds of millions"
		if o, p := t.at(j), t.at(j+1); sc.is(o, "of") && p.kind == ftWord && p.lx != nil && p.lx.flags&fPlural != 0 && !sc.is(p, "tens") && !sc.is(p, "dozens") && !sc.is(p, "scores") {
			j += 2
			for sc.is(t.at(j), "of") && t.at(j+1).flag(fPlural) && (sc.is(t.at(j+1), "millions") || sc.is(t.at(j+1), "billions") || sc.is(t.at(j+1), "thousands")) && !sc.is(t.at(j+2), "of") {
				j += 2
			}
			return dec{bad: true}, j, true
		}
		if sc.is(k, "tens") || sc.is(k, "scores") {
			return dec{}, i, false // "tens" alone is rarely a count; "scores" needs "of"
		}
		if sc.is(t.at(j), "of") || (t.at(j).kind == ftWord && t.at(j).lx == nil && !t.at(j).cap) {
			return dec{bad: true}, j, true
		}
		return dec{}, i, false
	}
	// "several hundred", "a few thousand", "many millions"
	j := i
	if sc.is(k, "a") && sc.is(t.at(i+1), "few") {
		j++
	}
	if t.at(j).flag(fVague) && !sc.is(t.at(j), "some") {
		if s := t.at(j + 1); scaleWord(s) || s.flag(fPlural) && (sc.is(s, "thousands") || sc.is(s, "millions") || sc.is(s, "billions") || sc.is(s, "hundreds")) {
			return dec{bad: true}, j + 2, true
		}
	}
	return dec{}, i, false
}

// cardState is where a numeral's words stopped, for the fraction rules.
type cardState struct {
	state     last
	lastScale int
	// After "one hundred and three", andBase is 100 and andPart 3, so that
	// "one hundred and three quarters" reads as 100¾.
	hasAnd  bool
	andBase dec
	andPart int64
	// andScale is the magnitude "and" followed: in "two million and one
	// half" the half is of a million.
	andScale int
}

// cardinal reads a numeral at token i, with its fraction or ratio. It does
// not read a sign, a currency or a unit; those are the caller's.
func (sc *scanner) cardinal(i int, moneyCtx bool) (numeral, bool) {
	nm, st, ok := sc.cardinalCore(i, moneyCtx)
	if !ok {
		return nm, false
	}
	if !nm.vague && !nm.fraction {
		if !sc.fractionTail(&nm, st) {
			sc.ratioTail(&nm)
		}
	}
	nm.single = nil
	if nm.end-nm.first == 1 && nm.words {
		nm.single = sc.t.at(nm.first).lx
	}
	return nm, true
}

// cardinalCore reads a whole number: digits, number words, magnitudes.
func (sc *scanner) cardinalCore(i int, moneyCtx bool) (nm numeral, st cardState, ok bool) {
	t := &sc.t
	var total, cur dec
	st.state, st.lastScale = lNone, 99
	j := i
	nm.start, nm.first = i, i
	started, afterAnd := false, false

	// Vague plurals: "tens of thousands", "hundreds", "dozens of".
	if v, end, ok := sc.vagueNumber(i); ok {
		nm.end, nm.vague, nm.words, nm.val = end, true, true, v
		return nm, st, true
	}
	k := t.at(j)
	if k.kind == ftSym {
		if v := vulgar[k.r]; v != 0 && !(t.at(j-1).kind == ftNum && !k.sp) {
			nm.val = decOf(uint64(v >> 8)).div(uint64(v & 0xff))
			nm.end, nm.digits, nm.fraction = j+1, true, true
			return nm, st, true
		}
	}
	if sc.is(k, "a") || sc.is(k, "an") {
		n := t.at(j + 1)
		switch {
		case n.kind == ftWord && n.lx != nil && (n.lx.cls == ncHundred || n.lx.cls == ncScale || n.lx.cls == ncDozen && !n.lx.flagPlural()):
			cur, st.state, j, started = decOf(1), lA, j+1, true
			nm.article, nm.first = true, j
		case sc.is(n, "half") || sc.is(n, "quarter"):
			j++
			nm.article, nm.first = true, j
		default:
			// "a fifth", "a trillionth", "a twenty-first"
			if d, end, ok := sc.denominator(i, j+1, decOf(1)); ok {
				nm.val, nm.end, nm.words, nm.fraction, nm.bareHalf, nm.article, nm.first = decOf(1).div(d), end, true, true, true, true, j+1
				sc.scaleAfterFraction(&nm)
				return nm, st, true
			}
			return nm, st, false
		}
	}
	// "half a million", "a quarter million", "half a dozen", "half".
	if k := t.at(j); st.state == lNone && (sc.is(k, "half") || sc.is(k, "quarter")) {
		f := decOf(1).div(uint64(k.lx.ord))
		q := j + 1
		if a := t.at(q); sc.is(a, "a") || sc.is(a, "an") {
			q++
		} else if sc.is(a, "of") && (sc.is(t.at(q+1), "a") || sc.is(t.at(q+1), "an")) {
			q += 2
		}
		if s := t.at(q); s.kind == ftWord && s.lx != nil && (s.lx.cls == ncScale || s.lx.cls == ncDozen && !s.lx.flagPlural()) {
			if s.lx.cls == ncDozen {
				f = f.mulInt(12)
			} else {
				f = f.shift(s.lx.num)
			}
			nm.val, nm.end, nm.words, nm.scaled, nm.fraction = f, q+1, true, true, true
			return nm, st, true
		}
		if nm.article || sc.is(k, "half") {
			nm.val, nm.end, nm.words, nm.fraction, nm.bareHalf = f, j+1, true, true, true
			return nm, st, true
		}
		return nm, st, false
	}

	for {
		k := t.at(j)
		switch {
		case k.kind == ftNum || (k.isSym('.') && !started):
			if st.state != lNone && st.state != lHundred && st.state != lScale {
				goto done
			}
			if st.state != lNone && !k.sp {
				goto done
			}
			d, end, bare, ok := sc.digits(j)
			if !ok {
				if st.state == lNone {
					return numeral{start: i, end: end}, st, false
				}
				goto done
			}
			if st.state == lNone {
				cur = d
				nm.digits, nm.bareDigits, nm.nDigits = true, bare, k.e-k.s
				// "3/4", "-4/5": a fraction, where the denominator says so
				if f, fend, ok := sc.slashFraction(j, end, bare); ok {
					nm.val, nm.end, nm.fraction, nm.bareDigits = f, fend, true, false
					return nm, st, true
				}
			} else {
				v, isInt := d.intVal()
				limit := int64(1000)
				if st.state == lHundred {
					limit = 100
				}
				if !isInt || v >= limit || afterAnd && v == 0 {
					goto done
				}
				cur = cur.add(d)
				nm.bareDigits = false
				if afterAnd {
					st.andPart += v
				}
			}
			j, st.state, started = end, lDigits, true
			// Magnitudes written after the digits: "10k", "$3bn", "2.33 k".
			if s := t.at(j); s.kind == ftWord && s.lx != nil && s.lx.scale > 0 && sc.magnitudeOK(i, j, moneyCtx) {
				if p := t.at(j + 1); !(p.kind == ftNum && !p.sp) {
					total = total.add(cur.shift(s.lx.scale))
					cur, j, st.state, st.lastScale, nm.scaled = dec{}, j+1, lScale, s.lx.scale, true
					nm.bareDigits, st.hasAnd = false, false
					goto done
				}
			}
		case k.kind == ftWord && k.lx != nil && k.lx.cls != ncNone:
			l := k.lx
			switch l.cls {
			case ncOnes:
				switch st.state {
				case lNone, lHundred, lScale:
				case lTens:
					if !k.sp {
						goto done
					}
				default:
					goto done
				}
				if l.num == 0 && st.state != lNone {
					goto done // "three-nought-four" is read digit by digit
				}
				cur, st.state = cur.add(decOf(uint64(l.num))), lOnes
				if afterAnd {
					st.andPart += int64(l.num)
				}
			case ncTeen, ncTens:
				if st.state != lNone && st.state != lHundred && st.state != lScale {
					goto done
				}
				// "one twenty-fifth": the tens start a denominator.
				if l.cls == ncTens && st.state != lNone && twentyOrdinal(sc, j) {
					goto done
				}
				cur = cur.add(decOf(uint64(l.num)))
				st.state = lTeen
				if l.cls == ncTens {
					st.state = lTens
				}
				if afterAnd {
					st.andPart += int64(l.num)
				}
			case ncHundred:
				switch st.state {
				case lOnes, lTeen, lTens, lA:
					if v, _ := cur.intVal(); v == 0 || v >= 100 {
						goto done
					}
				case lDigits:
					if v, _ := cur.intVal(); !k.sp || !total.isZero() && v >= 100 {
						goto done
					}
				default:
					goto done
				}
				if afterAnd && st.andScale < 3 {
					goto done // "3 hundred and 2 hundred" is two numbers
				}
				st.hasAnd = false
				cur, st.state = cur.mulInt(100), lHundred
			case ncScale:
				switch st.state {
				case lOnes, lTeen, lTens, lDigits, lHundred, lA:
				case lScale:
					// "three lakh crore"
					if cur.isZero() && l.num > st.lastScale {
						total, st.lastScale = total.shift(l.num), l.num+st.lastScale
						j++
						continue
					}
					goto done
				default:
					goto done
				}
				if l.num >= st.lastScale || cur.isZero() {
					goto done
				}
				total = total.add(cur.shift(l.num))
				cur, st.state, st.lastScale, nm.scaled = dec{}, lScale, l.num, true
				afterAnd, st.hasAnd = false, false
			case ncDozen:
				switch st.state {
				case lOnes, lTeen, lTens, lDigits, lA:
				default:
					goto done
				}
				if afterAnd || l.flagPlural() && st.state == lA {
					goto done
				}
				cur = cur.mulInt(12)
				j++
				st.state, st.lastScale, nm.scaled, nm.words = lScale, 1, true, true
				goto done
			}
			j++
			started = true
			nm.words = true
		case sc.is(k, "and") && (st.state == lHundred || st.state == lScale) && !afterAnd:
			n := t.at(j + 1)
			if h := t.at(j + 2); st.state == lHundred && h.lx != nil && h.lx.cls == ncHundred {
				goto done // "3 hundred and 2 hundred"
			}
			if n.kind == ftWord && n.lx != nil && (n.lx.cls == ncOnes && n.lx.num > 0 || n.lx.cls == ncTeen || n.lx.cls == ncTens) ||
				n.kind == ftNum && n.e-n.s <= 2 {
				st.hasAnd, st.andBase, st.andPart = true, total.add(cur), 0
				st.andScale = 2
				if st.state == lScale {
					st.andScale = st.lastScale
				}
				afterAnd = true
				j++
				continue
			}
			goto done
		case k.isDash() && st.state == lTens:
			// "twenty-one", "fifty - two"
			n := t.at(j + 1)
			if n.kind == ftWord && n.lx != nil && n.lx.cls == ncOnes && n.lx.num > 0 && k.sp == n.sp {
				cur, st.state, j = cur.add(decOf(uint64(n.lx.num))), lOnes, j+2
				if afterAnd {
					st.andPart += int64(n.lx.num)
				}
				continue
			}
			goto done
		case k.isDash() && !k.sp && st.state == lDigits && !t.at(j+1).sp && t.at(j+1).lx != nil && t.at(j+1).lx.cls == ncScale:
			j++ // "$5-million"
		case sc.is(k, "point") && nm.words && (st.state == lOnes || st.state == lTeen || st.state == lTens || st.state == lHundred || st.state == lScale):
			d, end, ok := sc.pointDigits(j + 1)
			if !ok {
				goto done
			}
			cur, j, st.state, st.hasAnd = cur.add(d), end, lPoint, false
			if s := t.at(j); s.kind == ftWord && s.lx != nil && s.lx.cls == ncScale {
				total = total.add(cur.shift(s.lx.num))
				cur, j, st.state, nm.scaled = dec{}, j+1, lScale, true
			}
			goto done
		default:
			goto done
		}
	}
done:
	if !started || st.state == lA {
		return numeral{start: i, end: i}, st, false
	}
	nm.val = total.add(cur)
	nm.end = j
	return nm, st, true
}

func (l *lexeme) flagPlural() bool { return l.flags&fPlural != 0 }

// twentyOrdinal reports whether tokens at j read "twenty-first" or "twenty
// fifths": a tens word then an ordinal below ten.
func twentyOrdinal(sc *scanner, j int) bool {
	t := &sc.t
	k := t.at(j)
	if k.kind != ftWord || k.lx == nil || k.lx.cls != ncTens {
		return false
	}
	q := j + 1
	if t.at(q).isDash() {
		q++
	}
	o := t.at(q)
	return o.kind == ftWord && o.lx != nil && o.lx.ord >= 1 && o.lx.ord <= 9 && o.lx.cls == ncNone
}

// magnitudeOK decides whether a magnitude abbreviation after the digits
// that start at token i is one: "10M" and "$10m" are millions, and so is
// "1.6m Muslims"; "a 40m-high tower" is metres (see millionM).
func (sc *scanner) magnitudeOK(i, j int, moneyCtx bool) bool {
	s := sc.t.at(j)
	w := sc.text[s.s:s.e]
	switch w {
	case "m":
		return !s.sp && (moneyCtx || sc.millionM(i, j))
	case "mm":
		return false
	case "MM", "M", "b", "B":
		if s.sp {
			n := sc.t.at(j + 1)
			return w == "M" && (n.kind == ftEnd || n.kind == ftSym && n.sp)
		}
		return true
	}
	return true
}

// millionM decides whether "m" glued to the digits that start at token i
// means million, as British news writes it ("1.6m Muslims", "3m jobs",
// "rose to 2.4m"), or metres, which it means only where the words around
// measure a length: "a 40m-high tower", "the 100m race", "swam 400m", "a
// height of 30m", "a 20m wall" (a thing measured, in the singular).
func (sc *scanner) millionM(i, j int) bool {
	t := &sc.t
	n := t.at(j + 1)
	if n.isDash() && !n.sp {
		// "a 40m-high tower"; but "a 1.5m-strong community", "a 2m-a-year deal"
		w := t.at(j + 2)
		return !(w.kind == ftWord && !w.sp && metreWords[lowerASCII(sc.text[w.s:w.e])])
	}
	if n.kind == ftWord && n.lx != nil && (n.lx.cur != "" || n.lx.unit != "") {
		return true // "7.4m euros", "2m barrels", "5m tonnes"
	}
	if n.kind == ftWord && metreWords[lowerASCII(sc.text[n.s:n.e])] {
		return false // "100m race", "30m high", "200m above sea level"
	}
	p := t.at(i - 1)
	if sc.is(p, "of") {
		p = t.at(i - 2) // "a height of 30m"
	}
	if p.kind == ftWord && metreWords[lowerASCII(sc.text[p.s:p.e])] {
		return false
	}
	if n.kind == ftWord && n.sp && n.lx == nil && !n.cap {
		// A counted noun is a plural: "3m jobs"; a singular names a thing
		// of that size, "a 20m wall", "the 100m freestyle".
		w := sc.text[n.s:n.e]
		if !(hasSuffix(w, "s") && !hasSuffix(w, "ss") || collectiveNoun[lowerASCII(w)]) {
			return false
		}
	}
	// "the 400m" and nothing after it names a race
	if (sc.is(p, "the") || sc.is(p, "a")) && (n.kind != ftWord || n.lx != nil && n.lx.flags&fNotNoun != 0) {
		return false
	}
	return true
}

// metreWords measure a length, before or after "30m".
var metreWords = map[string]bool{
	"high": true, "long": true, "wide": true, "deep": true, "tall": true, "thick": true, "away": true,
	"above": true, "below": true, "across": true, "square": true, "underground": true, "offshore": true,
	"race": true, "sprint": true, "hurdles": true, "freestyle": true, "backstroke": true,
	"breaststroke": true, "butterfly": true, "medley": true, "relay": true, "dash": true,
	"height": true, "depth": true, "length": true, "width": true, "distance": true, "altitude": true,
	"diameter": true, "radius": true, "measuring": true, "measures": true, "measured": true,
	"swam": true, "swim": true, "swims": true, "swimming": true, "sprinted": true, "jumped": true,
	"jumps": true, "leapt": true, "cleared": true, "threw": true, "throws": true, "dived": true,
	"plunged": true, "climbed": true,
}

// collectiveNoun lists counted nouns that are plural without an "s".
var collectiveNoun = map[string]bool{
	"people": true, "children": true, "men": true, "women": true, "staff": true, "personnel": true,
	"cattle": true, "sheep": true, "livestock": true, "police": true, "population": true,
}

// pointDigits reads the digit words after "point": "zero three", "seventy-one".
func (sc *scanner) pointDigits(j int) (dec, int, bool) {
	t := &sc.t
	var a digitAcc
	n := 0
	for {
		k := t.at(j)
		if k.kind != ftWord || k.lx == nil {
			break
		}
		l := k.lx
		if l.cls == ncOnes && l.num < 10 {
			a.push(byte('0'+l.num), true)
			j++
			n++
			continue
		}
		if (l.cls == ncTeen || l.cls == ncTens) && n == 0 {
			v := l.num
			j++
			if l.cls == ncTens {
				q := j
				if t.at(q).isDash() {
					q++
				}
				if o := t.at(q); o.kind == ftWord && o.lx != nil && o.lx.cls == ncOnes && o.lx.num > 0 {
					v += o.lx.num
					j = q + 1
				}
			}
			a.push(byte('0'+v/10), true)
			a.push(byte('0'+v%10), true)
			n++
		}
		break
	}
	if n == 0 {
		return dec{}, j, false
	}
	return a.dec(true), j, true
}

// slashFraction reads "3/4" after the digits of token j (ending at end):
// a fraction where the denominator is one, not the 4th of March.
func (sc *scanner) slashFraction(j, end int, bare bool) (dec, int, bool) {
	t := &sc.t
	s, d := t.at(end), t.at(end+1)
	if !bare || !s.isSym('/') || s.sp || d.kind != ftNum || d.sp || d.e-d.s > 3 {
		return dec{}, end, false
	}
	if n := t.at(end + 2); !n.sp && (n.kind == ftNum || n.isSym('/') || n.kind == ftWord) {
		return dec{}, end, false
	}
	if p := t.at(j - 1); !t.at(j).sp && (p.kind == ftNum || p.isSym('/')) {
		return dec{}, end, false
	}
	a := atoiTok(sc.text[t.at(j).s:t.at(j).e])
	b := atoiTok(sc.text[d.s:d.e])
	if a <= 0 || a >= b || !isFractionDenominator(b) {
		return dec{}, end, false
	}
	return decOf(uint64(a)).div(uint64(b)), end + 2, true
}
