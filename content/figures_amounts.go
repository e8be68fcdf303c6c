package content

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

// currencyBefore reads a currency written before the amount: "$", "€",
// "US$", "C$", "HK $", "USD 200", "USD115".
func (sc *scanner) currencyBefore(i int) (string, int) {
	t := &sc.t
	k := t.at(i)
	numberNext := func(j int) bool {
		for t.at(j).kind == ftSym && t.at(j).sp && false {
			j++
		}
		n := t.at(j)
		return n.kind == ftNum || n.isSym('.') && t.at(j+1).kind == ftNum ||
			n.kind == ftWord && n.lx != nil && (n.lx.cls != ncNone || sc.is(n, "a") || sc.is(n, "half") || sc.is(n, "quarter"))
	}
	switch k.kind {
	case ftSym:
		if code := currencySymbol[k.r]; code != "" && numberNext(i+1) {
			return code, i + 1
		}
	case ftWord:
		w := sc.text[k.s:k.e]
		low := lowerASCII(w)
		if d := t.at(i + 1); d.isSym('$') {
			code := currencyPrefix[low]
			if code == "" {
				return "", i
			}
			if d.sp {
				switch w {
				case "c", "C", "hk", "HK", "US", "USD", "usd", "Mex":
				default:
					return "", i
				}
			} else if len(w) == 1 && (w == "a" || w == "s" || w == "r") {
				return "", i
			}
			if numberNext(i + 2) {
				return code, i + 2
			}
			return "", i
		}
		if code := isoCode(w); code != "" && numberNext(i+1) {
			return code, i + 1
		}
	}
	return "", i
}

func lowerASCII(s string) string {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if 'A' <= b[j] && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}

// isoCode recognises a currency code: any known code in capitals, and the
// few in lower case that are no English word.
func isoCode(w string) string {
	if len(w) != 3 {
		return ""
	}
	if knownISO[w] {
		if w == "RMB" {
			return "CNY"
		}
		return w
	}
	switch w {
	case "usd", "eur", "gbp", "jpy", "cny", "chf", "aud", "nzd", "hkd", "inr", "mxn", "sek":
		return upperASCII(w)
	case "rmb":
		return "CNY"
	}
	return ""
}

func upperASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'a' <= c && c <= 'z' {
			b[i] = c - ('a' - 'A')
		}
	}
	return string(b)
}

// runEnd returns the first token after i that follows white space, looking
// at most 64 tokens ahead so that rules which try and reject a long run of
// glued text stay linear.
func (sc *scanner) runEnd(i int) int {
	j := i + 1
	for k := sc.t.at(j); k.kind != ftEnd && !k.sp && j < i+64; k = sc.t.at(j) {
		j++
	}
	return j
}

// identifier reports digits that belong to a name or a code rather than
// stating a quantity: "G7", "COVID-19", "Boeing 747", "Route 66", phone
// numbers and times of day. end covers what to skip.
func (sc *scanner) identifier(i int, nm *numeral) (int, bool) {
	t := &sc.t
	k, p := t.at(i), t.at(i-1)
	if !k.sp {
		switch {
		case p.kind == ftWord:
			return sc.runEnd(i), true
		case p.isDash() && t.at(i-2).kind == ftWord && !p.sp:
			// "COVID-19", "F-16", "I-95"; but "mid-1990s", "pre-2008"
			if !t.at(i - 2).flag(fPrefix) {
				return sc.runEnd(i), true
			}
		case p.isSym('+') || p.isSym('/') && t.at(i-2).kind == ftNum:
			return sc.runEnd(i), true
		}
	}
	n := t.at(nm.end)
	// Markup and data: timestamp="1474387200", a tweet's 18-digit id.
	if nm.bareDigits && (nm.nDigits >= 16 || p.isSym('"') && !k.sp && t.at(i-2).isSym('=') && !p.sp) {
		return sc.runEnd(i), true
	}
	// Times of day: "10:30", "3 p.m.", "3pm".
	if n.isSym(':') && !n.sp && t.at(nm.end+1).kind == ftNum && !t.at(nm.end+1).sp {
		return sc.runEnd(nm.end), true
	}
	if sc.is(n, "am") || sc.is(n, "pm") {
		return nm.end + 1, true
	}
	if (sc.is(n, "a") || sc.is(n, "p")) && t.at(nm.end+1).isSym('.') && sc.is(t.at(nm.end+2), "m") {
		end := nm.end + 3
		if t.at(end).isSym('.') && !t.at(end).sp {
			end++
		}
		return end, true
	}
	if end, ok := sc.oclock(nm.end); ok {
		return end, true
	}
	// Street numbers: "131 West 23rd Street".
	if nm.bareDigits && sc.streetAfter(nm.end) {
		return sc.runEnd(i), true
	}
	// "7-Eleven", "747-Max": a capitalised word hyphened to the digits.
	if n.isDash() && !n.sp {
		if w := t.at(nm.end + 1); w.kind == ftWord && !w.sp && w.cap && (w.lx == nil || w.lx.unit == "" && w.lx.tu == tuNone && w.lx.cur == "" && !w.lx.pctWord && w.lx.month == 0) {
			return sc.runEnd(i), true
		}
	}
	// Letters glued to the digits that are no unit: "4G", "3D", "747s".
	if n.kind == ftWord && !n.sp && !sc.knownSuffix(n, nm) {
		return sc.runEnd(nm.end - 1), true
	}
	// Phone numbers: "555-123-4567", "(555) 123-4567", "123-4567".
	if nm.bareDigits && n.isDash() && !n.sp {
		if g := t.at(nm.end + 1); g.kind == ftNum && !g.sp {
			a, b := nm.nDigits, g.e-g.s
			if (a == 3 && b >= 3) || (a >= 3 && b == 4 && a != 4) || (t.at(nm.end+2).isDash() && t.at(nm.end+3).kind == ftNum && !t.at(nm.end+2).sp) {
				return sc.runEnd(i), true
			}
		}
	}
	if p.isSym(')') && t.at(i-2).kind == ftNum && t.at(i-3).isSym('(') {
		return sc.runEnd(i), true
	}
	// A capitalised word before the number names it: "Boeing 747",
	// "Windows 10", "Route 66" — unless a unit follows ("Trump 45 percent").
	if k.sp && p.kind == ftWord && (p.cap || p.upper) && !p.flag(fCommon) && !sc.capitalOK(p) &&
		(p.lx == nil || p.lx.month == 0 && p.lx.wday == 0 && p.lx.cur == "" && p.lx.cls == ncNone) {
		sf := sc.suffixAt(nm.end, nm, "")
		if w := t.at(nm.end); sf.kind == sfNone && !nm.scaled && !(sc.is(w, "points") || sc.is(w, "point") ||
			sc.is(w, "seats") || sc.is(w, "votes") || sc.is(w, "delegates")) {
			// but "HuffPollster 4.3 points" is a poll's figure
			return sc.runEnd(i), true
		}
	}
	return 0, false
}

// oclock reads "o'clock" at j: the number before it is a time of day.
func (sc *scanner) oclock(j int) (int, bool) {
	t := &sc.t
	if sc.is(t.at(j), "o") && t.at(j+1).kind == ftSym && isQuoteOrApostrophe(t.at(j+1).r) && sc.is(t.at(j+2), "clock") {
		return j + 3, true
	}
	return j, false
}

var streetWords = map[string]bool{"street": true, "st": true, "avenue": true, "ave": true, "road": true,
	"rd": true, "boulevard": true, "blvd": true, "lane": true, "drive": true, "place": true,
	"plaza": true, "square": true, "court": true, "highway": true, "parkway": true, "terrace": true}

// streetAfter reports whether capitalised words and a street word follow:
// the number before them is an address.
func (sc *scanner) streetAfter(j int) bool {
	t := &sc.t
	for n := 0; n < 4; n++ {
		k := t.at(j + n)
		if k.kind == ftNum && n > 0 && !t.at(j+n+1).sp {
			continue // "23rd"
		}
		if k.kind != ftWord || !k.cap && !(n > 0 && t.at(j+n-1).kind == ftNum) {
			return false
		}
		if n > 0 && streetWords[lowerASCII(sc.text[k.s:k.e])] {
			return true
		}
	}
	return false
}

// capitalOK reports capitalised words before a number that do not name it:
// the first word of a sentence that is a common word, "No." handled elsewhere.
func (sc *scanner) capitalOK(p *ftok) bool {
	return p.lx != nil && (p.lx.flags&(fTimePrep|fApprox|fRelative|fVague) != 0 || p.lx.ord > 0)
}

// knownSuffix reports letters that may be glued to digits: units,
// magnitudes, ordinal endings, decades, currency codes, month names.
func (sc *scanner) knownSuffix(n *ftok, nm *numeral) bool {
	w := sc.text[n.s:n.e]
	switch w {
	case "st", "nd", "rd", "th", "ST", "ND", "RD", "TH":
		return true
	case "s":
		return nm.bareDigits && (nm.nDigits == 4 || nm.nDigits == 2) && sc.text[sc.t.at(nm.end-1).e-1] == '0'
	case "m", "mm", "g", "M", "MM", "b", "B", "k", "K", "e", "E":
		return true
	case "am", "pm", "x":
		return true
	}
	if n.lx != nil && (n.lx.scale > 0 || n.lx.unit != "" || n.lx.tu != tuNone || n.lx.cur != "" || n.lx.month > 0 || n.lx.pctWord) {
		// capitals glued to digits are codes ("4G", "3D") unless a known unit
		return !(len(w) == 1 && w[0] >= 'A' && w[0] <= 'Z' && w != "K" && w != "M" && w != "B")
	}
	return isoCode(w) != ""
}

// wordsStandAlone rejects spelled numbers that are part of a name or a
// compound: "Formula One", "Ocean's Eleven", "two-way", "one-on-one".
func (sc *scanner) wordsStandAlone(i int, nm *numeral) bool {
	t := &sc.t
	k := t.at(nm.first)
	if k.cap && !k.upper && !sc.sentenceStart(nm.start) {
		return false
	}
	n := t.at(nm.end)
	if n.isDash() && !n.sp {
		// "two-way", "one-time" are adjectives; "a ten-point lead" a figure
		w := t.at(nm.end + 1)
		if w.kind == ftWord && !w.sp && (w.lx == nil || w.lx.tu == tuNone && w.lx.unit == "" && w.lx.cur == "" && !w.lx.pctWord && w.lx.cls == ncNone && w.lx.ord == 0) &&
			!hyphenNoun[lowerASCII(sc.text[w.s:w.e])] {
			return false
		}
	}
	if _, ok := sc.oclock(nm.end); ok {
		return false
	}
	// "one, his temperament, and two, his language": an enumeration
	if p := t.at(nm.start - 1); n.isSym(',') && (sc.is(p, "and") || p.isSym(',')) && nm.single != nil {
		return false
	}
	return true
}

// hyphenNoun lists nouns that keep a spelled number a figure when hyphened
// to it: "a ten-point lead", "a 28-nation bloc", "a three-judge panel".
var hyphenNoun = map[string]bool{"point": true, "seat": true, "vote": true, "page": true, "member": true,
	"nation": true, "state": true, "country": true, "person": true, "judge": true, "game": true, "story": true,
	"mile": true, "foot": true, "percent": true, "run": true, "point-lead": true}

// sentenceStart reports whether token i begins a sentence, a quotation or
// a heading, where any word is capitalised.
func (sc *scanner) sentenceStart(i int) bool {
	t := &sc.t
	p := t.at(i - 1)
	for p.kind == ftSym && (p.r == '"' || p.r == '“' || p.r == '\'' || p.r == '‘' || p.r == '(' || p.r == '[') {
		i--
		p = t.at(i - 1)
	}
	if p.kind == ftEnd {
		return true
	}
	if p.kind == ftSym {
		switch p.r {
		case '.', '!', '?', ':', ';', '•', '*', '”', '’', '"':
			return true
		case '—', '-', '–':
			return p.sp
		}
	}
	return false
}

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
	_ = w
	return suffix{end: j}
}

// currencyWord reads a currency named after an amount.
func (sc *scanner) currencyWord(q int, nm *numeral, cur string) (string, int, bool, bool) {
	t := &sc.t
	k := t.at(q)
	// Nationality words before the currency: "Australian dollars",
	// "U.S. dollars", "Hong Kong dollars".
	var key []byte
	j := q
	for n := 0; n < 3; n++ {
		w := t.at(j)
		if w.kind != ftWord || w.lx == nil || w.lx.flags&fNation == 0 {
			break
		}
		if len(key) > 0 {
			key = append(key, ' ')
		}
		key = append(key, lowerASCII(sc.text[w.s:w.e])...)
		j++
		if t.at(j).isSym('.') && !t.at(j).sp {
			j++
		}
	}
	c := t.at(j)
	if c.kind != ftWord {
		return "", q, false, false
	}
	cw := sc.text[c.s:c.e]
	if c.lx == nil || c.lx.cur == "" {
		if j == q {
			// "115USD", "20 usd"; but "3 USD50" is a code before an amount
			if code := isoCode(cw); code != "" && cur == "" && !(t.at(j+1).kind == ftNum && !t.at(j+1).sp) {
				return code, j + 1, false, true
			}
		}
		return "", q, false, false
	}
	code := c.lx.cur
	if len(key) > 0 {
		lw := lowerASCII(cw)
		k1 := string(key) + " " + lw
		k2 := k1
		if len(lw) > 1 && lw[len(lw)-1] == 's' {
			k2 = string(key) + " " + lw[:len(lw)-1]
		}
		if v, ok := nationCurrency[k1]; ok {
			code = v
		} else if v, ok := nationCurrency[k2]; ok {
			code = v
		} else {
			return "", q, false, false
		}
	}
	if cur != "" && code != cur {
		return "", q, false, false // "rmb 10 usd 20" is two amounts
	}
	lw := lowerASCII(cw)
	if lw == "pound" || lw == "pounds" {
		// pounds weigh unless the context is money
		if !(cur != "" || nm.scaled || sc.is(t.at(j+1), "sterling") || len(key) > 0) {
			return "", q, false, false
		}
	}
	if k != c && k.kind == ftWord && k.lx != nil && k.lx.flags&fNation != 0 && len(key) == 0 {
		return "", q, false, false
	}
	end := j + 1
	if sc.is(t.at(end), "sterling") {
		end++
	}
	if cur != "" && c.lx.minor {
		return "", q, false, false
	}
	return code, end, c.lx.minor, true
}

// centsAfter reads "and forty-five cents" or "50 cents" after a main unit.
func (sc *scanner) centsAfter(j int, whole dec) (dec, int, bool) {
	t := &sc.t
	q := j
	if sc.is(t.at(q), "and") {
		q++
	}
	n := t.at(q)
	if !(n.kind == ftNum && n.e-n.s <= 2 || n.kind == ftWord && n.lx != nil && (n.lx.cls == ncOnes || n.lx.cls == ncTeen || n.lx.cls == ncTens)) {
		return dec{}, j, false
	}
	c, ok := sc.cardinal(q, false)
	if !ok || c.fraction || c.scaled {
		return dec{}, j, false
	}
	v, isInt := c.val.intVal()
	if !isInt || v <= 0 || v >= 100 {
		return dec{}, j, false
	}
	end := c.end
	if w := t.at(end); w.kind == ftWord && w.lx != nil && w.lx.minor {
		end++
	} else if w.kind == ftWord && !sc.is(w, "and") && !sc.is(w, "or") || w.kind == ftNum {
		return dec{}, j, false
	}
	return whole.add(decOf(uint64(v)).div(100)), end, true
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
	if n1.digits != (n.kind == ftNum) {
		return cand{}, false
	}
	n2, ok := sc.cardinal(q2, cur != "")
	if !ok || n2.vague || n2.ratio || n2.fraction && !n1.fraction {
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

// nounAfter returns the noun a count counts: "275,000 civilians",
// "8,000 armed rebels", "500 million solar panels", "tens of thousands of
// Syrians"; "" when none. Without a part-of-speech tagger it reads up to
// three words and keeps the last before a stop: a plural (most counted
// nouns end in "s"), a function word, a verb-like "-ed" word, punctuation.
func (sc *scanner) nounAfter(j int) string {
	t := &sc.t
	if sc.is(t.at(j), "of") {
		j++
		if k := t.at(j); sc.is(k, "the") || sc.is(k, "these") || sc.is(k, "those") || sc.is(k, "its") ||
			sc.is(k, "their") || sc.is(k, "his") || sc.is(k, "her") || sc.is(k, "our") || sc.is(k, "all") {
			j++
		}
	}
	if d := t.at(j); d.isDash() && !d.sp {
		// "46-page", "a 28-nation bloc"
		if w := t.at(j + 1); w.kind == ftWord && !w.sp && (w.lx == nil || w.lx.flags&fNotNoun == 0) {
			return sc.text[w.s:w.e]
		}
		return ""
	}
	if sc.is(t.at(j), "times") {
		return "times" // "three times the rate"
	}
	noun := ""
	for n := 0; n < 3; n++ {
		k := t.at(j)
		if k.kind != ftWord || n > 0 && !k.sp {
			break
		}
		w := sc.text[k.s:k.e]
		if k.lx != nil && (k.lx.flags&fNotNoun != 0 || k.lx.cls != ncNone || k.lx.tu != tuNone || k.lx.month > 0 ||
			k.lx.wday > 0 || k.lx.ord > 0 || k.lx.pctWord) {
			break
		}
		if len(w) < 2 || hasSuffix(w, "ly") || n > 0 && k.cap && !t.at(j-1).cap {
			break
		}
		// A word hyphened to the next is an adjective: "well-known", "battalion-sized".
		if d := t.at(j + 1); d.isDash() && !d.sp && t.at(j+2).kind == ftWord && !t.at(j+2).sp {
			j += 3
			for m := 0; m < 8 && t.at(j).isDash() && !t.at(j).sp && t.at(j+1).kind == ftWord; m++ {
				j += 2
			}
			continue
		}
		ed := hasSuffix(w, "ed") && !k.cap
		modifier := k.lx != nil && k.lx.flags&fModifier != 0 || hasSuffix(w, "ing") && !k.cap
		if ed && (noun != "" || !sc.nounFollows(j+1)) {
			break
		}
		if !ed && !modifier {
			noun = w
			if last := w[len(w)-1]; last == 's' && !hasSuffix(w, "ss") || k.cap && !sc.nounFollows(j+1) {
				break
			}
		} else if !sc.nounFollows(j + 1) {
			break
		}
		j++
	}
	return noun
}

// nounFollows reports whether a lower-case content word comes at j.
func (sc *scanner) nounFollows(j int) bool {
	k := sc.t.at(j)
	if k.kind != ftWord || !k.sp {
		return false
	}
	w := sc.text[k.s:k.e]
	return len(w) > 1 && !hasSuffix(w, "ly") && (k.lx == nil || k.lx.flags&fNotNoun == 0 && k.lx.cls == ncNone && k.lx.tu == tuNone)
}

// ordinalNoun returns what an ordinal ranks: "its 21st year", "the 27th floor".
func (sc *scanner) ordinalNoun(j int) string {
	k := sc.t.at(j)
	if k.kind == ftWord && k.lx != nil && k.lx.tu != tuNone && k.sp {
		return sc.text[k.s:k.e]
	}
	return sc.nounAfter(j)
}

func hasSuffix(s, suf string) bool {
	return len(s) > len(suf) && s[len(s)-len(suf):] == suf
}
