package figures

// The noun a count counts.

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
			if sc.is(w, "strong") && !t.at(j+2).isDash() {
				// "a 1.5m-strong workforce" counts the workforce (no dash
				// follows, so this recurses once at most)
				return sc.nounAfter(j + 2)
			}
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
			if last := w[len(w)-1]; last == 's' && !hasSuffix(w, "ss") || k.cap && !sc.nounFollows(j+1) || collectiveNoun[lowerASCII(w)] && !sc.pluralFollows(j+1) {
				break
			}
		} else if !sc.nounFollows(j + 1) {
			break
		}
		j++
	}
	return noun
}

// pluralFollows reports a plural noun at j, which a collective noun before
// it qualifies: "police officers", "staff members"; not "people live".
func (sc *scanner) pluralFollows(j int) bool {
	if !sc.nounFollows(j) {
		return false
	}
	k := sc.t.at(j)
	w := sc.text[k.s:k.e]
	return hasSuffix(w, "s") && !hasSuffix(w, "ss") && !hasSuffix(w, "us") && !hasSuffix(w, "is")
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
