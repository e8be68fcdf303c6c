package figures

// rankAt reads ordinals written as words or signs where they state a rank or
// a count a reader can check: "the third time", "fifth-largest",
// "second straight year", "No. 2", "#1". Numeric ordinals ("21st") are
// read with the numbers.
//
// "first" is never a figure: it is far more often an adverb ("first, we …")
// or an ordering whose checkable part lies elsewhere ("the first since
// October 3": the date is the figure).
func (sc *scanner) rankAt(i int) cand {
	t := &sc.t
	none := cand{start: i, end: i}
	k := t.at(i)
	switch {
	case k.isSym('#') && !t.at(i+1).sp && t.at(i+1).kind == ftNum:
		if p := t.at(i - 1); p.kind == ftWord && !k.sp {
			return none // "C#"
		}
		n := t.at(i + 1)
		if n.e-n.s > 3 || t.at(i+2).kind == ftWord && !t.at(i+2).sp || t.at(i+2).kind == ftNum && !t.at(i+2).sp {
			return cand{start: i, end: i + 2} // "#2016": a hashtag
		}
		return cand{start: i, end: i + 2, kind: Ordinal, value: trimZeros(sc.text[n.s:n.e]), unit: sc.nounAfter(i + 2)}
	case k.kind == ftWord && sc.text[k.s:k.e] == "No":
		q := i + 1
		if t.at(q).isSym('.') && !t.at(q).sp {
			q++
		}
		n := t.at(q)
		if n.kind != ftNum || !n.sp || n.e-n.s > 3 || t.at(q+1).kind == ftNum && !t.at(q+1).sp ||
			t.at(q+1).kind == ftSym && !t.at(q+1).sp && (t.at(q+1).r == '.' || t.at(q+1).r == ',') && t.at(q+2).kind == ftNum {
			return none
		}
		return cand{start: i, end: q + 1, kind: Ordinal, value: trimZeros(sc.text[n.s:n.e]), unit: sc.nounAfter(q + 1)}
	}
	if k.kind != ftWord || k.lx == nil {
		return none
	}
	ord, end := 0, i+1
	switch l := k.lx; {
	case l.ord >= 2 && !l.ordPl && l.cls == ncNone && !sc.is(k, "half") && !sc.is(k, "quarter"):
		ord = l.ord
	case l.cls == ncTens:
		q := i + 1
		if t.at(q).isDash() && !t.at(q).sp {
			q++
		}
		if o := t.at(q); o.kind == ftWord && o.lx != nil && o.lx.ord >= 1 && o.lx.ord <= 9 && !o.lx.ordPl && o.lx.cls == ncNone {
			ord, end = l.num+o.lx.ord, q+1
		}
	}
	if ord == 0 {
		return none
	}
	if k.cap && !k.upper && !sc.sentenceStart(i) {
		return none // "Second Avenue", "Third Reich"
	}
	n := t.at(end)
	// "ranks fourth", "finished third", "second only to"
	if p := t.at(i - 1); p.kind == ftWord && p.lx == nil && rankVerb(lowerASCII(sc.text[p.s:p.e])) ||
		sc.is(n, "only") && sc.is(t.at(end+1), "to") {
		return cand{start: i, end: end, kind: Ordinal, value: itoaSmall(ord)}
	}
	// "fifth-largest", "second-most", "third-place", "second-ever"
	if n.isDash() && !n.sp {
		if w := t.at(end + 1); w.kind == ftWord && !w.sp {
			s := lowerASCII(sc.text[w.s:w.e])
			if hasSuffix(s, "est") || s == "most" || s == "least" || s == "place" || s == "ranked" || s == "largest" || s == "ever" {
				return cand{start: i, end: end + 2, kind: Ordinal, value: itoaSmall(ord), unit: sc.nounAfter(end + 2)}
			}
		}
		return none
	}
	// "Japan's fourth largest bank", "the second most popular party"
	if n.kind == ftWord && n.sp && superlative(lowerASCII(sc.text[n.s:n.e])) {
		e := end + 1
		if a := t.at(e); (sc.is(n, "most") || sc.is(n, "least")) && a.kind == ftWord && a.sp && a.lx == nil && !a.cap && !sc.pluralFollows(e) {
			e++ // "third most popular"; but "the second most votes" ranks votes
		}
		return cand{start: i, end: e, kind: Ordinal, value: itoaSmall(ord), unit: sc.nounAfter(e)}
	}
	// "Mr Brown's eighth budget", "her third term": the owner's count of
	// the thing is the claim.
	if sc.possessiveBefore(i) {
		if n.kind == ftWord && sc.nounFollows(end) && !sc.is(n, "half") && !sc.is(n, "quarter") {
			return cand{start: i, end: end, kind: Ordinal, value: itoaSmall(ord), unit: sc.nounAfter(end)}
		}
		// the noun left out: "the Budget will be Mr Brown's eighth since 1997"
		if sc.is(n, "since") || sc.is(n, "this") || n.kind == ftSym && (n.r == '.' || n.r == ',' || n.r == ';') || n.kind == ftEnd {
			return cand{start: i, end: end, kind: Ordinal, value: itoaSmall(ord)}
		}
	}
	// "the third and final film": the count of a series
	if sc.is(n, "and") && (sc.is(t.at(end+1), "final") || sc.is(t.at(end+1), "last")) {
		return cand{start: i, end: end, kind: Ordinal, value: itoaSmall(ord), unit: sc.nounAfter(end + 2)}
	}
	switch {
	case sc.is(n, "time") && !sc.is(t.at(end+1), "in") || sc.is(n, "place"):
		return cand{start: i, end: end, kind: Ordinal, value: itoaSmall(ord), unit: sc.text[n.s:n.e]}
	case sc.is(n, "straight") || sc.is(n, "consecutive") || sc.is(n, "successive"):
		return cand{start: i, end: end, kind: Ordinal, value: itoaSmall(ord), unit: sc.nounAfter(end + 1)}
	}
	return none
}

// possessiveBefore reports an owner before token i: "Brown's", "its", "their".
func (sc *scanner) possessiveBefore(i int) bool {
	t := &sc.t
	p := t.at(i - 1)
	if sc.is(p, "s") && !p.sp {
		a := t.at(i - 2)
		return a.kind == ftSym && (a.r == '\'' || a.r == '’') && !a.sp && t.at(i-3).kind == ftWord
	}
	for _, w := range []string{"his", "her", "its", "their", "our", "my", "your"} {
		if sc.is(p, w) {
			return true
		}
	}
	return false
}

// superlative reports a superlative adjective or "most"/"least", which an
// ordinal before ranks: "fourth largest", "second most".
func superlative(w string) bool {
	switch w {
	case "most", "least", "best", "worst", "largest", "biggest", "highest", "lowest", "greatest",
		"smallest", "oldest", "youngest", "richest", "poorest", "strongest", "weakest", "longest",
		"shortest", "fastest", "slowest", "cheapest", "closest", "newest", "tallest", "widest",
		"deepest", "coldest", "warmest", "hottest", "safest", "hardest", "toughest", "fewest",
		"finest", "nearest", "furthest", "farthest", "densest", "loudest", "quickest", "cleanest":
		return true
	}
	// "busiest", "deadliest", "wealthiest"
	return hasSuffix(w, "iest") && w != "priest"
}

func rankVerb(w string) bool {
	switch w {
	case "rank", "ranks", "ranked", "ranking", "finish", "finishes", "finished", "placed", "came", "comes":
		return true
	}
	return false
}

func trimZeros(s string) string {
	for len(s) > 1 && s[0] == '0' {
		s = s[1:]
	}
	return s
}

func itoaSmall(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	if n < 100 {
		return string([]byte{byte('0' + n/10), byte('0' + n%10)})
	}
	return decOf(uint64(n)).String()
}
