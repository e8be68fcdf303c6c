package figures

// What follows a number: percent signs and words, currencies, time units,
// units of measurement.

type sfKind uint8

const (
	sfNone sfKind = iota
	sfPercent
	sfMoney
	sfTime
	sfUnit
	sfWeekday // "two sundays from now"
)

type suffix struct {
	kind  sfKind
	end   int
	unit  string
	minor bool
	tu    timeUnit
	hyph  bool // joined by a hyphen: "40-minute"
	word  bool // a currency word ("dollars"), which may take cents after it
	scale int  // "MUSD": millions of dollars
}

// suffixAt reads what follows a numeral at j: a percent sign or word, a
// currency, a time unit, a measurement unit.
func (sc *scanner) suffixAt(j int, nm *numeral, cur string) suffix {
	t := &sc.t
	k := t.at(j)
	q := j
	hyph := false
	if k.isDash() && !k.sp && !t.at(j+1).sp && t.at(j+1).kind == ftWord {
		q, hyph = j+1, true
		k = t.at(q)
	}
	// "half an hour", "half a day"
	if nm.bareHalf && !hyph && (sc.is(k, "a") || sc.is(k, "an")) && t.at(q+1).lx != nil && t.at(q+1).lx.tu != tuNone {
		q++
		k = t.at(q)
	}
	if k.isSym('%') && (!hyph) {
		return suffix{kind: sfPercent, end: q + 1, unit: "%"}
	}
	if k.kind == ftSym && !hyph {
		if code := currencySymbol[k.r]; code != "" && cur == "" && !(t.at(q+1).kind == ftNum && !t.at(q+1).sp) {
			if k.sp || !nm.words {
				return suffix{kind: sfMoney, end: q + 1, unit: code}
			}
		}
		if k.r == '°' {
			u := "°"
			end := q + 1
			if n := t.at(q + 1); !n.sp && (sc.is(n, "f") || sc.is(n, "c")) {
				u += upperASCII(sc.text[n.s:n.e])
				end++
			}
			return suffix{kind: sfUnit, end: end, unit: u}
		}
	}
	if k.kind != ftWord {
		return suffix{end: j}
	}
	w := sc.text[k.s:k.e]
	l := k.lx
	if l != nil && l.pctWord {
		if sc.is(k, "percentage") {
			if n := t.at(q + 1); sc.is(n, "point") || sc.is(n, "points") {
				return suffix{kind: sfPercent, end: q + 2, unit: "percentage points"}
			}
		}
		return suffix{kind: sfPercent, end: q + 1, unit: "%"}
	}
	if sc.is(k, "per") && sc.is(t.at(q+1), "cent") {
		return suffix{kind: sfPercent, end: q + 2, unit: "%"}
	}
	// Currencies: "dollars", "Australian dollars", "cents", "USD".
	if code, end, minor, ok := sc.currencyWord(q, nm, cur); ok {
		return suffix{kind: sfMoney, end: end, unit: code, minor: minor, word: true}
	}
	// "30 MUSD", "120 MEUR": millions, in finance shorthand
	if (w[0] == 'M' || w[0] == 'm') && len(w) == 4 && isoCode(w[1:]) != "" && cur == "" && !nm.scaled {
		return suffix{kind: sfMoney, end: q + 1, unit: isoCode(w[1:]), scale: 6}
	}
	// Time units, with "business days" and "straight years".
	tq := q
	if !hyph {
		if sc.is(k, "business") || sc.is(k, "working") || sc.is(k, "calendar") || sc.is(k, "straight") ||
			sc.is(k, "consecutive") || sc.is(k, "successive") || sc.is(k, "more") || sc.is(k, "additional") || sc.is(k, "full") {
			if n := t.at(q + 1); n.lx != nil && n.lx.tu != tuNone {
				tq = q + 1
			}
		}
	}
	if tk := t.at(tq); tk.lx != nil && tk.lx.tu != tuNone {
		tw := sc.text[tk.s:tk.e]
		// "h" only right after digits; "second" in "a second term" is an ordinal
		if (tw == "h" || tw == "H") && (!nm.digits || nm.words) {
			return suffix{end: j}
		}
		if cur == "" {
			return suffix{kind: sfTime, end: tq + 1, tu: tk.lx.tu, hyph: hyph, unit: tw}
		}
	}
	// "three quarters in a row", "two consecutive quarters": quarters of a year
	if !hyph && cur == "" && !nm.fraction && !nm.scaled && !nm.vague {
		qq := q
		if sc.is(k, "consecutive") || sc.is(k, "straight") || sc.is(k, "successive") {
			qq++
		}
		if v, ok := nm.val.intVal(); ok && v >= 2 && (qq > q && sc.is(t.at(qq), "quarters") || sc.quarterPeriod(nm.start, qq)) {
			return suffix{kind: sfTime, end: qq + 1, tu: tuQuarter, unit: sc.text[t.at(qq).s:t.at(qq).e]}
		}
	}
	if l != nil && l.wday > 0 && l.plural && !hyph && !nm.digits {
		n := t.at(q + 1)
		if sc.is(n, "later") || sc.is(n, "ago") {
			return suffix{kind: sfWeekday, end: q + 2}
		}
		if sc.is(n, "from") && sc.is(t.at(q+2), "now") {
			return suffix{kind: sfWeekday, end: q + 3}
		}
	}
	if l != nil && l.wday > 0 && !hyph && nm.words && sc.is(t.at(q+1), "later") {
		return suffix{kind: sfWeekday, end: q + 2}
	}
	// Measurement units.
	if cur == "" {
		if u, end, ok := sc.measureUnit(q, nm, hyph); ok {
			return suffix{kind: sfUnit, end: end, unit: u}
		}
	}
	return suffix{end: j}
}

// measureUnit reads a unit of measurement at q.
func (sc *scanner) measureUnit(q int, nm *numeral, hyph bool) (string, int, bool) {
	t := &sc.t
	k := t.at(q)
	if k.kind != ftWord {
		return "", q, false
	}
	w := sc.text[k.s:k.e]
	glued := !k.sp && !hyph
	switch w {
	case "m":
		if glued {
			return "m", q + 1, true
		}
		return "", q, false
	case "mm":
		if glued {
			return "mm", q + 1, true
		}
	case "g":
		if glued {
			return "g", q + 1, true
		}
		return "", q, false
	}
	if sc.is(k, "square") || sc.is(k, "sq") || sc.is(k, "cubic") {
		n := q + 1
		if t.at(n).isSym('.') && !t.at(n).sp {
			n++
		}
		if u := t.at(n); u.lx != nil && u.lx.unit != "" {
			p := "sq "
			if sc.is(k, "cubic") {
				p = "cu "
			}
			return p + u.lx.unit, n + 1, true
		}
		return "", q, false
	}
	if sc.is(k, "metric") && (sc.is(t.at(q+1), "tons") || sc.is(t.at(q+1), "ton")) {
		return "t", q + 2, true
	}
	if sc.is(k, "nautical") && (sc.is(t.at(q+1), "miles") || sc.is(t.at(q+1), "mile")) {
		return "nmi", q + 2, true
	}
	if sc.is(k, "pounds") || sc.is(k, "pound") {
		return "lb", q + 1, true
	}
	if k.lx == nil || k.lx.unit == "" {
		return "", q, false
	}
	// One-letter and capital abbreviations only right after digits.
	if len(w) <= 2 && !nm.digits {
		return "", q, false
	}
	u := k.lx.unit
	end := q + 1
	if u == "°" {
		if n := t.at(end); sc.is(n, "fahrenheit") || sc.is(n, "f") {
			u, end = "°F", end+1
		} else if sc.is(n, "celsius") || sc.is(n, "centigrade") || sc.is(n, "c") {
			u, end = "°C", end+1
		}
	}
	if u == "mi" && sc.is(t.at(end), "per") && sc.is(t.at(end+1), "hour") {
		u, end = "mph", end+2
	}
	if u == "km" && t.at(end).isSym('/') && sc.is(t.at(end+1), "h") {
		u, end = "km/h", end+2
	}
	return u, end, true
}
