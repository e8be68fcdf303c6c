package figures

import (
	"strings"
)

// timeAmount finishes a number followed by a time unit: a duration ("four
// hours", "40-minute"), a relative date ("three weeks ago") or an age
// ("a 17-year-old").
func (sc *scanner) timeAmount(i int, nm *numeral, sf suffix) cand {
	t := &sc.t
	c := cand{start: i, end: sf.end}
	val := nm.val
	vague := nm.vague
	// Ages: "17-year-old", "17 years old", "a 3-month-old".
	n := t.at(sf.end)
	if sf.tu >= tuDay && sf.tu <= tuYear {
		switch {
		case sf.hyph && n.isDash() && !n.sp && (sc.is(t.at(sf.end+1), "old") || sc.is(t.at(sf.end+1), "olds")):
			c.end = sf.end + 2
		case !sf.hyph && sc.is(n, "old"):
			c.end = sf.end + 1
		}
		if c.end > sf.end {
			c.kind, c.value, c.unit = Quantity, val.String(), unitPlural(sf.tu)+" old"
			if vague {
				c.value = ""
			}
			return c
		}
	}
	parts := []durPart{{val, sf.tu}}
	end := sf.end
	// "1 year 1 month 21 days", "two hours and 30 minutes"
	for len(parts) < 6 && !vague && !sf.hyph {
		q := end
		joined := sc.is(t.at(q), "and")
		if joined {
			q++
		}
		k := t.at(q)
		if !(k.kind == ftNum || k.kind == ftWord && k.lx != nil && k.lx.cls != ncNone) {
			break
		}
		n2, ok := sc.cardinal(q, false)
		if !ok || n2.vague || n2.bareHalf {
			break
		}
		s2 := sc.suffixAt(n2.end, &n2, "")
		// "1 year 1 month 21 days", "2 days 1 month"; after "and" only a
		// smaller unit continues ("two hours and 30 minutes").
		if s2.kind != sfTime || s2.hyph || s2.tu == parts[len(parts)-1].tu || joined && s2.tu > parts[len(parts)-1].tu {
			break
		}
		parts = append(parts, durPart{n2.val, s2.tu})
		end = s2.end
	}
	// "two hours and a half", "one year and a quarter", "one hour and half"
	if len(parts) == 1 && !vague && sc.is(t.at(end), "and") {
		q := end + 1
		if sc.is(t.at(q), "a") || sc.is(t.at(q), "an") {
			q++
		}
		if f := t.at(q); sc.is(f, "half") || sc.is(f, "quarter") && q > end+1 {
			parts[0].n = parts[0].n.add(decOf(1).div(uint64(f.lx.ord)))
			end = q + 1
		}
	}
	c.end = end
	if e, ok := sc.agoAfter(end); ok {
		c.kind, c.value, c.end = Date, "", e
		return c
	}
	c.kind, c.value = Duration, durationValue(parts, vague)
	return c
}

type durPart struct {
	n  dec
	tu timeUnit
}

func unitPlural(tu timeUnit) string {
	switch tu {
	case tuDay:
		return "days"
	case tuWeek:
		return "weeks"
	case tuMonth:
		return "months"
	}
	return "years"
}

// agoAfter reads what turns a duration into a date: "ago", "later",
// "earlier", "from now", "before yesterday", "after today".
func (sc *scanner) agoAfter(j int) (int, bool) {
	t := &sc.t
	k := t.at(j)
	if k.flag(fAgo) {
		return j + 1, true
	}
	n := t.at(j + 1)
	switch {
	case sc.is(k, "from") && (sc.is(n, "now") || sc.is(n, "today") || sc.is(n, "tomorrow")):
		return j + 2, true
	case (sc.is(k, "before") || sc.is(k, "after")) && (sc.is(n, "yesterday") || sc.is(n, "today") || sc.is(n, "tomorrow")):
		return j + 2, true
	}
	return j, false
}

func (sc *scanner) hasAgo(j int) bool {
	_, ok := sc.agoAfter(j)
	return ok
}

// isoDuration writes one ISO 8601 duration; X stands for an unknown count.
func isoDuration(n dec, tu timeUnit, vague bool) string {
	return durationValue([]durPart{{n, tu}}, vague)
}

func durationValue(parts []durPart, vague bool) string {
	var date, clock strings.Builder
	var y, mo, w, d, h, mi, s dec
	var has [7]bool
	for _, p := range parts {
		n := p.n
		switch p.tu {
		case tuYear:
			y, has[0] = y.add(n), true
		case tuDecade:
			y, has[0] = y.add(n.mulInt(10)), true
		case tuCentury:
			y, has[0] = y.add(n.mulInt(100)), true
		case tuMonth:
			mo, has[1] = mo.add(n), true
		case tuQuarter:
			mo, has[1] = mo.add(n.mulInt(3)), true
		case tuWeek:
			w, has[2] = w.add(n), true
		case tuFortnight:
			w, has[2] = w.add(n.mulInt(2)), true
		case tuDay:
			d, has[3] = d.add(n), true
		case tuHour:
			h, has[4] = h.add(n), true
		case tuMinute:
			mi, has[5] = mi.add(n), true
		case tuSecond:
			s, has[6] = s.add(n), true
		}
	}
	num := func(v dec) string {
		if vague || v.bad {
			return "X"
		}
		return v.String()
	}
	vals := [7]dec{y, mo, w, d, h, mi, s}
	letters := "YMWDHMS"
	for k := 0; k < 7; k++ {
		if !has[k] {
			continue
		}
		b := &date
		if k >= 4 {
			b = &clock
		}
		b.WriteString(num(vals[k]))
		b.WriteByte(letters[k])
	}
	out := "P" + date.String()
	if clock.Len() > 0 {
		out += "T" + clock.String()
	}
	return out
}

// durationWords reads durations that start without a number: "a decade",
// "an hour and a half", "another week", "all day", "several days",
// "a few minutes ago".
func (sc *scanner) durationWords(i int) cand {
	t := &sc.t
	none := cand{start: i, end: i}
	k := t.at(i)
	if k.kind != ftWord || k.lx == nil {
		return none
	}
	unitAt := func(q int, plural bool) timeUnit {
		u := t.at(q)
		if u.kind != ftWord || u.lx == nil || u.lx.tu == tuNone || u.lx.plural != plural {
			return tuNone
		}
		w := sc.text[u.s:u.e]
		if len(w) <= 3 && w != "day" && w != "min" {
			return tuNone // "a hr", "all h": not prose
		}
		return u.lx.tu
	}
	finish := func(end int, n dec, tu timeUnit, vague bool) cand {
		if e, ok := sc.agoAfter(end); ok {
			return cand{start: i, end: e, kind: Date}
		}
		return cand{start: i, end: end, kind: Duration, value: isoDuration(n, tu, vague)}
	}
	one := decOf(1)
	switch {
	case sc.is(k, "a") || sc.is(k, "an"):
		if sc.is(t.at(i+1), "few") || sc.is(t.at(i+1), "couple") && sc.is(t.at(i+2), "of") {
			q := i + 2
			if sc.is(t.at(i+1), "couple") {
				q++
			}
			if tu := unitAt(q, true); tu != tuNone {
				if q == i+3 {
					return finish(q+1, decOf(2), tu, false) // "a couple of days"
				}
				return finish(q+1, one, tu, true)
			}
			return none
		}
		tu := unitAt(i+1, false)
		if tu == tuNone {
			return none
		}
		end := i + 2
		n := one
		if sc.is(t.at(end), "and") && (sc.is(t.at(end+1), "a") || sc.is(t.at(end+1), "an")) && sc.is(t.at(end+2), "half") {
			n, end = dec{m: 15, e: -1}, end+3
		} else if sc.is(t.at(end), "and") && sc.is(t.at(end+1), "half") {
			n, end = dec{m: 15, e: -1}, end+2 // "an hour and half"
		}
		if sc.hasAgo(end) {
			return finish(end, n, tu, false)
		}
		if !sc.articleDurationOK(i, tu, end) {
			return none
		}
		return finish(end, n, tu, false)
	case sc.is(k, "another"):
		q := i + 1
		if sc.is(t.at(q), "business") || sc.is(t.at(q), "working") || sc.is(t.at(q), "full") {
			q++
		}
		if tu := unitAt(q, false); tu != tuNone {
			return cand{start: i, end: q + 1, kind: Duration, value: isoDuration(one, tu, false)}
		}
	case sc.is(k, "all") || sc.is(k, "full"):
		p := t.at(i - 1)
		if p.lx != nil && p.lx.ord > 0 {
			return none // "his first full day on the job"
		}
		if sc.is(k, "full") && !(sc.is(p, "a") || sc.is(p, "an") || sc.is(p, "for") || sc.is(p, "over") || sc.is(p, "within")) {
			// "a full year", "for full week" measure; "the full year",
			// "full-year profits" name a company's financial year
			return none
		}
		q := i + 1
		if d := t.at(q); d.isDash() && !d.sp {
			q++
		}
		if tu := unitAt(q, false); tu == tuDay || tu == tuWeek || tu == tuMonth || tu == tuYear {
			if sc.is(t.at(q+1), "long") || t.at(q+1).isDash() && sc.is(t.at(q+2), "long") {
				return none // "all year long" is a manner, not a length
			}
			return cand{start: i, end: q + 1, kind: Duration, value: isoDuration(one, tu, false)}
		}
	case k.flag(fVague) && !sc.is(k, "many"):
		// "many years" says nothing checkable; "several days" a little
		tu := unitAt(i+1, true)
		if tu == tuNone {
			return none
		}
		if sc.is(k, "some") {
			// "some days" measures only after a preposition
			p := t.at(i - 1)
			if !(sc.is(p, "for") || sc.is(p, "in") || sc.is(p, "within") || sc.is(p, "after") || sc.is(p, "over")) && !sc.hasAgo(i+2) {
				return none
			}
		}
		return finish(i+2, one, tu, true)
	}
	return none
}

// articleDurationOK decides whether "a year" is a length of time or part of
// a rate ("$5 a year", "once a week"): after a preposition that measures
// time it is a length; decades and centuries are lengths unless a rate.
func (sc *scanner) articleDurationOK(i int, tu timeUnit, end int) bool {
	t := &sc.t
	p := t.at(i - 1)
	if p.kind == ftNum || p.isSym('%') || p.kind == ftWord && p.lx != nil && (p.lx.cls != ncNone || p.lx.cur != "" || p.lx.pctWord || p.lx.unit != "") {
		return false
	}
	for _, w := range []string{"once", "twice", "thrice", "times", "per", "every", "each", "a", "an", "the"} {
		if sc.is(p, w) {
			return false
		}
	}
	if tu == tuSecond {
		n := t.at(end)
		return n.kind == ftEnd || n.kind == ftSym && (n.r == '.' || n.r == ',' || n.r == '!' || n.r == '?')
	}
	if tu == tuDecade || tu == tuCentury || tu == tuFortnight {
		return true
	}
	// A bound on a length: "up to a week", "as long as a year", "as little as a month"
	if sc.is(p, "to") && sc.is(t.at(i-2), "up") {
		return true
	}
	if q := t.at(i - 2); sc.is(p, "as") && sc.is(t.at(i-3), "as") && (sc.is(q, "long") || sc.is(q, "little") || sc.is(q, "much") || sc.is(q, "short")) {
		return true
	}
	for _, w := range []string{"for", "in", "within", "over", "after", "about", "around", "nearly",
		"almost", "than", "past", "last", "least", "only", "just", "roughly", "lasted", "lasting",
		"took", "takes", "spent", "wait", "waited", "under", "barely", "some", "up"} {
		if sc.is(p, w) {
			return true
		}
	}
	return false
}
