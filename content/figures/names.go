package figures

// What keeps a number from being a figure: names, codes, phone numbers,
// times of day, street numbers, compounds.

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
	if end, ok := sc.clockTime(i, nm); ok {
		return end, true
	}
	// References into a text: "section 5/6", "clause 4", "sections 5 and 6".
	if end, ok := sc.reference(i, nm); ok {
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
	// A currency word names too: "Euro 2004" is a football tournament.
	if k.sp && p.kind == ftWord && (p.cap || p.upper) && !p.flag(fCommon) && !sc.capitalOK(p) &&
		(p.lx == nil || p.lx.month == 0 && p.lx.wday == 0 && p.lx.cls == ncNone) {
		sf := sc.suffixAt(nm.end, nm, "")
		if w := t.at(nm.end); sf.kind == sfNone && !nm.scaled && !(sc.is(w, "points") || sc.is(w, "point") ||
			sc.is(w, "seats") || sc.is(w, "votes") || sc.is(w, "delegates")) {
			// but "HuffPollster 4.3 points" is a poll's figure
			return sc.runEnd(i), true
		}
	}
	return 0, false
}

// clockTime reads times of day in British news style: a time zone after
// any number ("1230 GMT", "9.30 BST", "3 ET"), four digits and "hours"
// after "at" ("at 0930 hours"), and hours and minutes with a point after a
// word that places a time ("at 12.30", "from 9.30 to 11.00"). A point
// number is a time only with that word before it and nothing it counts
// after it, since "rose 12.30 points" is a figure.
func (sc *scanner) clockTime(i int, nm *numeral) (int, bool) {
	t := &sc.t
	if !nm.digits || nm.words || nm.scaled || nm.fraction {
		return 0, false
	}
	if end, ok := sc.zoneAt(nm.end); ok {
		if v := nm.val.float(); v >= 0 && v <= 2400 {
			return end, true
		}
	}
	// "12.30 on a Saturday", "9.30 in the morning": the day placed after it
	if sc.hourMinute(i, nm.end) {
		q := nm.end
		if sc.is(t.at(q), "on") {
			q++
			if sc.is(t.at(q), "a") {
				q++
			}
			if w := t.at(q); w.kind == ftWord && w.lx != nil && w.lx.wday > 0 && !w.lx.wdayAbb {
				return nm.end, true
			}
		} else if _, ok := sc.dayPartAfter(q); ok {
			return nm.end, true
		}
	}
	if !sc.timePrep(t.at(i - 1)) {
		return 0, false
	}
	if nm.bareDigits && nm.nDigits == 4 {
		v, _ := nm.val.intVal()
		if n := t.at(nm.end); v/100 <= 24 && v%100 <= 59 && (sc.is(n, "hours") || sc.is(n, "hrs")) {
			return nm.end + 1, true
		}
		return 0, false
	}
	if !sc.hourMinute(i, nm.end) || sc.suffixAt(nm.end, nm, "").kind != sfNone || sc.nounAfter(nm.end) != "" {
		return 0, false
	}
	end := nm.end
	// "from 9.30 to 11.00", "between 9.30 and 10.15"
	if k := t.at(end); sc.is(k, "to") || sc.is(k, "and") || sc.is(k, "until") || sc.is(k, "till") || k.isDash() {
		if n := t.at(end + 1); n.kind == ftNum && sc.hourMinute(end+1, end+4) && !(t.at(end+4).kind == ftNum && !t.at(end+4).sp) {
			end += 4
		}
	}
	return end, true
}

// hourMinute reports "12.30" in tokens [i, end): an hour up to 24, a point,
// two digits of minutes.
func (sc *scanner) hourMinute(i, end int) bool {
	t := &sc.t
	h, p, m := t.at(i), t.at(i+1), t.at(i+2)
	if end != i+3 || h.kind != ftNum || h.e-h.s > 2 || !p.isSym('.') || p.sp || m.kind != ftNum || m.sp || m.e-m.s != 2 {
		return false
	}
	return atoiTok(sc.text[h.s:h.e]) <= 24 && atoiTok(sc.text[m.s:m.e]) <= 59
}

// timePrep reports a word that places a time of day after it.
func (sc *scanner) timePrep(p *ftok) bool {
	for _, w := range []string{"at", "until", "till", "from", "before", "after", "around", "about", "by", "since", "between", "past"} {
		if sc.is(p, w) {
			return true
		}
	}
	return false
}

// zoneAt reads a time zone or "local time" at j.
func (sc *scanner) zoneAt(j int) (int, bool) {
	t := &sc.t
	k := t.at(j)
	if k.kind != ftWord || !k.sp && t.at(j-1).kind == ftNum && k.e-k.s > 3 {
		return j, false
	}
	switch sc.text[k.s:k.e] {
	case "GMT", "BST", "UTC", "CET", "CEST", "EST", "EDT", "CST", "CDT", "MST", "MDT", "PST", "PDT", "ET", "PT", "AEST", "AEDT", "JST":
		return j + 1, true
	}
	if sc.is(k, "local") && sc.is(t.at(j+1), "time") {
		return j + 2, true
	}
	return j, false
}

// dayPartAfter reads "in the morning", "in the afternoon", "in the
// evening", "at night" at j: a clock hour before it is a time of day.
func (sc *scanner) dayPartAfter(j int) (int, bool) {
	t := &sc.t
	k := t.at(j)
	if sc.is(k, "in") && sc.is(t.at(j+1), "the") {
		if w := t.at(j + 2); sc.is(w, "morning") || sc.is(w, "afternoon") || sc.is(w, "evening") {
			return j + 3, true
		}
	}
	if sc.is(k, "at") && sc.is(t.at(j+1), "night") {
		return j + 2, true
	}
	return j, false
}

// clockWords reads an hour of the clock told with a part of the day:
// "at three in the morning", "until three or four in the morning". A
// number alone before "in the morning" needs a word that places a time
// ("at", "until") or a second hour ("three or four"), since "three in the
// morning session" may count.
func (sc *scanner) clockWords(i int, nm *numeral) (int, bool) {
	t := &sc.t
	hour := func(nm *numeral) bool {
		v, ok := nm.val.intVal()
		return ok && v >= 1 && v <= 12 && !nm.fraction && !nm.scaled && !nm.vague && (nm.bareDigits || !nm.digits)
	}
	if !hour(nm) {
		return 0, false
	}
	if end, ok := sc.dayPartAfter(nm.end); ok && sc.timePrep(t.at(i-1)) {
		return end, true
	}
	if k := t.at(nm.end); sc.is(k, "or") || sc.is(k, "to") {
		if n := t.at(nm.end + 1); n.kind == ftNum || n.kind == ftWord && n.lx != nil && (n.lx.cls == ncOnes || n.lx.cls == ncTeen) {
			if n2, _, ok := sc.cardinalCore(nm.end+1, false); ok && hour(&n2) {
				if end, ok := sc.dayPartAfter(n2.end); ok {
					return end, true
				}
			}
		}
	}
	return 0, false
}

// reference reads the number after a reference word (fReference: "section 5/6",
// "article 50", "clauses 4 and 5") to its end, with the numbers listed
// after it. A plural noun or a unit after the number makes it a count
// again: "an article 50 pages long", "a paragraph 40 words long".
func (sc *scanner) reference(i int, nm *numeral) (int, bool) {
	t := &sc.t
	p := t.at(i - 1)
	if !p.flag(fReference) || !t.at(i).sp {
		return 0, false
	}
	if sc.pluralFollows(nm.end) || sc.suffixAt(nm.end, nm, "").kind != sfNone {
		return 0, false
	}
	end := sc.runEnd(i) // "5/6", "5(2)", "12.3"
	// "sections 5 and 6", "articles 3, 4 or 7"
	for n := 0; n < 8; n++ {
		k := t.at(end)
		if !(k.isSym(',') || sc.is(k, "and") || sc.is(k, "or") || sc.is(k, "to") || k.isDash()) || t.at(end+1).kind != ftNum {
			break
		}
		end = sc.runEnd(end + 1)
	}
	return end, true
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
