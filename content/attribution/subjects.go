package attribution

import (
	"strings"

	"copydesk/content/text"
)

// skipBackCircumstance moves back from token j over adverbs and time
// phrases that stand before a verb: "Kerry also said", "Priebus later
// Thursday told", "who in 2010 said", "Trump on Tuesday said".
func (sen *sentence) skipBackCircumstance(j int) int {
	toks, inQuote, a := sen.toks, sen.inQuote, sen.a
	for {
		for j >= a && !inQuote[j] && (isAdverb(&toks[j]) && (!toks[j].Cap || j == a || toks[j+1].Cap) || toks[j].In(timeWords) && j > a && toks[j].Cap && !surnameAfterGiven(toks, j)) {
			j--
			if j > a && toks[j+1].In(timeWords) && toks[j+1].Cap && toks[j].In(adverbialPreps) {
				j-- // "Trump on Saturday tweeted"
			}
		}
		if j < a || inQuote[j] {
			return j
		}
		if l := toks[j].Lower(); (l == "today" || l == "yesterday" || l == "tonight") && j > a {
			j-- // "Cameron today brushed aside"
			continue
		}
		// "in 2010", "on Tuesday", "last week", "earlier this month"
		k := j
		if toks[k].Kind == text.Number || toks[k].In(timeWords) {
			k--
			for k >= a && (toks[k].Kind == text.Number || toks[k].In(timeWords) || toks[k].Text == "," && k > a && toks[k-1].Kind == text.Number) {
				k--
			}
			if k >= a && (toks[k].In(adverbialPreps) || toks[k].Lower() == "this" || toks[k].Lower() == "next") && k > a {
				j = k - 1
				continue
			}
			if k >= a && j-k >= 2 && toks[k].Kind == text.Word && !toks[k].In(text.FunctionWords) {
				j = k // "released a statement Thursday night condemning"
				continue
			}
		}
		return j
	}
}

// pronounContraction returns the pronoun of "he's", "they've", "I'd", or "".
func pronounContraction(l string) string {
	i := indexApostrophe(l)
	if i <= 0 {
		return ""
	}
	p := l[:i]
	if !subjectPronouns.Has(p) || p == "who" && l[i:] != "'s" && l[i:] != "’s" {
		return ""
	}
	switch strings.TrimLeft(l[i:], "'’") {
	case "s", "ve", "d", "ll", "m", "re":
		return p
	}
	return ""
}

// indexApostrophe is strings.IndexAny(s, "'’") without its search for
// runes, which cost more than the rest of pronounContraction.
func indexApostrophe(s string) int {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\'':
			return i
		case 0xe2: // the first byte of ’
			if strings.HasPrefix(s[i:], "’") {
				return i
			}
		}
	}
	return -1
}

// subjectBefore finds the subject of the verb at token i: "Kerry said",
// "Kerry has repeatedly said", "Lavrov, who …, said", "Brianne Stone, 29,
// of Huntsville, says", "people close to the campaign said".
func (sen *sentence) subjectBefore(i int) (phrase, bool) {
	toks, inQuote, a := sen.toks, sen.inQuote, sen.a
	j := sen.skipBackCircumstance(i - 1)
	// "went on to say", "declined to say"
	if j >= a && toks[j].Lower() == "to" && !inQuote[j] {
		// "went on to say", "declined to say", "wrote to the clerk, the
		// head of …, to tell her": the infinitive's subject is the
		// sentence's
		if np, ok := sen.sentenceSubject(j); ok {
			return np, true
		}
		j--
		for n := 0; n < 4 && j >= a && (lowerFirst(&toks[j]) && !toks[j].In(subjectPronouns|determiners|objectPronouns|subordinators|clauseMarkers) || toks[j].Lower() == "as" && j > a && toks[j-1].Lower() == "far" || toks[j].In(clauseVerbs) && !toks[j].Cap); n++ {
			j--
		}
		for j >= a && isAdverb(&toks[j]) {
			j--
		}
	}
	if j < a || inQuote[j] {
		return phrase{}, false
	}
	t := &toks[j]
	switch {
	case t.Text == "—" || t.Text == "--":
		// "Intelligence officials — including … — have argued"
		for k := j - 1; k > a && j-k < 30; k-- {
			if inQuote[k] {
				continue
			}
			if toks[k].Text == t.Text {
				if np, ok := backwardNP(toks, a, k); ok && np.kind != npPronoun {
					np = np.fix()
					np.e = j
					return np, true
				}
				break
			}
			if sentenceEnd(&toks[k]) || toks[k].Text == ";" {
				break
			}
		}
		return phrase{}, false
	case t.Text == "," || t.Text == ")" && j > a && toks[j-1].Text != "(":
		if t.Text == ")" {
			// "Rep. Earl Blumenauer (D-Ore.) said"
			k := j
			for k > a && toks[k].Text != "(" && j-k < 8 {
				k--
			}
			if toks[k].Text == "(" {
				if np, ok := backwardNP(toks, a, k); ok {
					np.e = j + 1
					return np, true
				}
			}
			return phrase{}, false
		}
		return sen.appositiveSubject(j)
	case t.Kind != text.Word && !(t.Kind == text.Number && strings.HasSuffix(t.Lower(), "-old")):
		return phrase{}, false // but "the 33-year-old said"
	}
	l := t.Lower()
	if l == "whom" && j-3 > a && toks[j-1].Text == "of" && (toks[j-2].In(groupPronouns|numberWords) || toks[j-2].Kind == text.Number) && toks[j-3].Text == "," {
		// "family members of the victims, many of whom say": some of
		// them speak; the mention runs from them to "whom"
		k := j - 3
		np, ok := sen.relativeAntecedent(k)
		if !ok {
			np, ok = backwardNP(toks, a, k)
		}
		if last := &toks[k-1]; ok && np.kind != npPronoun && !(lowerFirst(last) && strings.HasSuffix(last.Lower(), "ed")) {
			np = np.fix()
			np.e = j + 1
			return np, true // not "Forty veterans attended, most of whom"
		}
		return phrase{}, false
	}
	if l == "who" || l == "which" {
		// a relative clause: "Lavrov, who had said", "people who said";
		// the mention runs from the antecedent to the pronoun
		k := j - 1
		if k >= a && toks[k].Text == "," {
			if np, ok := sen.appositiveSubject(k); ok {
				np.e = j + 1
				return np, true
			}
			if np, ok := sen.relativeAntecedent(k); ok {
				np.e = j + 1
				return np, true
			}
			if np, ok := backwardNP(toks, a, k); ok && np.kind == npDesc && toks[np.fix().ce-1].In(roleNouns) {
				np = np.fix()
				np.e = j + 1
				return np, true // "slammed by inspectors, who say"
			}
			return phrase{}, false
		}
		if np, ok := backwardNP(toks, a, k+1); ok && np.kind != npPronoun {
			np = np.fix()
			np.e = j + 1
			return np, true
		}
		return phrase{}, false
	}
	if l == "that" && j > a && toks[j-1].Kind == text.Word && npWord(&toks[j-1]) && !toks[j-1].In(determiners) {
		// "T-shirts that said", "a message that read"
		if np, ok := backwardNP(toks, a, j); ok && np.kind != npPronoun {
			np = np.fix()
			np.e = j + 1
			return np, true
		}
	}
	if pronounContraction(l) != "" {
		// "he's said", "they've argued"
		return phrase{s: j, e: j + 1, cs: j, ce: j + 1, kind: npPronoun, head: j}, true
	}
	if possessive(t) || t.In(conjunctions) || t.In(prepositions) || t.In(clauseMarkers) || l == "to" {
		return phrase{}, false
	}
	np, ok := backwardNP(toks, a, j+1)
	if !ok {
		return phrase{}, false
	}
	// "Trump on Tuesday said", "Clinton in a statement said": skip the
	// circumstance and take the subject before it.
	if np.s-1 >= a && toks[np.s-1].In(adverbialPreps) && (toks[np.head].In(timeWords) || toks[np.head].In(circumstances)) {
		if q, ok := backwardNP(toks, a, np.s-1); ok && (q.kind == npName || q.kind == npPronoun) {
			return q, true
		}
	}
	// "Protesters marching through the streets chanted": the phrase after
	// a preposition is no subject; the sentence's is.
	absolute := np.s-1 >= a && toks[np.s-1].Lower() == "with" && strings.HasSuffix(toks[i].Lower(), "ing") // "with many saying"
	if np.s-2 >= a && (toks[np.s-1].In(prepositions|adverbialPreps) || toks[np.s-1].Lower() == "to") && np.kind == npDesc && !toks[np.head].In(roleNouns) && !absolute {
		// "Democrats on the tour said", "a caller to the hotline said",
		// "Protesters marching through the streets chanted": the phrase
		// before the preposition (and a participle) is the subject
		e1 := np.s - 1
		if e1-1 > a && participle(&toks[e1-1]) {
			e1--
		}
		if q, ok := backwardNP(toks, a, e1); ok && q.kind != npPronoun && q.e == e1 && q.head == q.e-1 && !strings.HasSuffix(toks[q.head].Lower(), "ing") &&
			!toks[q.head].In(timeWords) && (q.kind == npName || personHead(toks[q.head].Lower())) {
			q = q.fix()
			q.e = np.e
			return q, true
		}
	}
	if np.s-1 >= a && toks[np.s-1].In(prepositions|adverbialPreps) && np.kind == npDesc && !toks[np.head].In(roleNouns) && !absolute {
		if q, ok := sen.sentenceSubject(np.s - 1); ok && q.e < np.s {
			return q, true
		}
	}
	// "Democrats pushing the bill forward say": the phrase after the
	// participle is its object; the subject stands before it
	if np.kind == npDesc && np.s-2 >= a && participle(&toks[np.s-1]) {
		if q, ok := backwardNP(toks, a, np.s-1); ok && q.kind != npPronoun && q.e == np.s-1 && q.head == q.e-1 &&
			(q.kind == npName || toks[q.head].In(roleNouns) || plural(toks[q.head].Lower()) && personHead(toks[q.head].Lower())) {
			q = q.fix()
			q.e = np.e
			return q, true
		}
	}
	// "Coons and Lankford said": two named people speak together
	if np.kind == npName && np.s-2 >= a && toks[np.s-1].Lower() == "and" && !inQuote[np.s-1] {
		if q, ok := backwardNP(toks, a, np.s-1); ok && q.kind == npName && q.e == np.s-1 && q.e-q.s <= 4 && np.e-np.s <= 4 {
			q = q.fix()
			pair := np.fix()
			pair.andS, pair.andE = q.cs, q.ce
			pair.s = q.s
			return pair, true
		}
	}
	// "people who have known him for years said": the relative clause
	// belongs to the subject before it.
	for k := np.s - 1; k >= a && np.s-k <= 8; k-- {
		if toks[k].Text == "," || toks[k].Kind == text.QuoteMark || inQuote[k] || sentenceEnd(&toks[k]) {
			break
		}
		if lk := toks[k].Lower(); lk == "who" || lk == "whose" {
			if q, ok := backwardNP(toks, a, k); ok && q.kind != npPronoun {
				q = q.fix()
				q.e = np.e
				return q, true
			}
			break
		}
	}
	return np, true
}

// appositiveSubject finds the subject before an appositive or relative
// clause ending at the comma c: the leftmost phrase of the comma chain that
// starts its clause, all segments after it being appositive-like ("29",
// "of Huntsville", "a spokesman for the group", "who …", "however").
func (sen *sentence) appositiveSubject(c int) (phrase, bool) {
	toks, inQuote, a := sen.toks, sen.inQuote, sen.a
	type seg struct {
		s, e int
		np   phrase
		ok   bool
	}
	var segs [8]seg
	n := 0
	end := c
	for n < len(segs) && end > a {
		s := end
		if s-1 > a && toks[s-1].Text == "." {
			s-- // "of Huntsville, Ala., says": a period before the comma
		}
		for s > a && !(toks[s-1].Text == "," && !inQuote[s-1] && !commaInQuotation(toks, s-1)) && end-s < 40 {
			if toks[s-1].Text == ")" {
				if o := openParen(toks, s-1, a); o < s-1 {
					s = o // "(D-Mo.)" is part of the segment
					continue
				}
			}
			if sen.clauseBoundary(s - 1) {
				break
			}
			s--
		}
		if s == end {
			break
		}
		if end-s >= 40 {
			break
		}
		starts := s == a || toks[s-1].Text == "," || sen.hardBoundary(s-1)
		for s < end && toks[s].Kind == text.QuoteMark && !inQuote[s] {
			s++ // the closing mark of the quotation before: “…,” Warren, who …, said
			starts = true
		}
		if s == a && end-s > 1 && toks[s].In(focusAdverbs) {
			s++ // "Even China, its only ally, said": the subject after the adverb
		}
		np, ok := npSpan(toks, s, end)
		segs[n] = seg{s, end, np, ok && starts}
		n++
		if !ok && !appositiveLike(toks, s, end) {
			break
		}
		if s <= a || sen.clauseBoundary(s-1) {
			break
		}
		end = s - 1
	}
	best := -1
	for i := 0; i < n; i++ {
		if segs[i].ok {
			best = i
		}
	}
	if best < 0 {
		return phrase{}, false
	}
	p := segs[best].np
	if best > 0 {
		next := segs[best-1]
		switch {
		case (p.kind == npDesc || titleOnly(toks, p)) && next.ok && next.np.kind == npName && isBareName(toks, next.np):
			// "the White House spokesman, Josh Earnest, said", "The Mayor
			// of Montego Bay, Homer Davis, said": the name speaks, the
			// description is its title.
			q := next.np.fix()
			q.apS, q.apE = p.s, p.e
			q.s, q.e = p.s, c
			return q, true
		case p.kind == npName && (toks[next.s].In(determiners) || toks[next.s].In(personTitles) || toks[next.s].In(roleNouns)):
			p.apS, p.apE = next.s, next.e
		}
	}
	p = p.fix()
	p.e = c
	return p, true
}

// relativeAntecedent finds the name a relative clause describes when it
// closes a clause: "a frosty relationship with McConnell, now the majority
// leader, who said": the last name before the appositives.
func (sen *sentence) relativeAntecedent(c int) (phrase, bool) {
	toks, inQuote, a := sen.toks, sen.inQuote, sen.a
	end := c
	for n := 0; n < 4 && end > a; n++ {
		s := end - 1
		for s > a && !(toks[s-1].Text == "," && !inQuote[s-1]) && !sen.clauseBoundary(s-1) && end-s < 40 {
			s--
		}
		if np, ok := backwardNP(toks, s, end); ok && np.kind == npName {
			return np, true
		}
		if !appositiveLike(toks, s, end) || s <= a {
			break
		}
		end = s - 1
	}
	return phrase{}, false
}

// isBareName: a name without a determiner or title.
// titleOnly reports a name phrase that names no person: a title and what
// it is of ("The Mayor of Montego Bay").
func titleOnly(toks []text.Token, p phrase) bool {
	if p.kind != npName {
		return false
	}
	_, name := nameParts(toks, p.fix())
	return name[0] < name[1] && name[0]-1 > p.s && toks[name[0]-1].Lower() == "of" && toks[name[0]-2].In(roleNouns)
}

func isBareName(toks []text.Token, p phrase) bool {
	return p.kind == npName && !toks[p.s].In(determiners)
}

// appositiveLike reports segments that can stand between a subject and its
// verb: "29", "of Huntsville", "a spokesman for the group", "who …",
// "in a statement", "however".
func appositiveLike(toks []text.Token, s, e int) bool {
	if s >= e {
		return false
	}
	l := toks[s].Lower()
	switch {
	case l == "who" || strings.HasPrefix(l, "who'") || strings.HasPrefix(l, "who’") || l == "whose" || l == "which" || l == "whom" || l == "now" || l == "then" || l == "however" || l == "too" || l == "meanwhile" || l == "though" || l == "also" || l == "for" || l == "by" || l == "instead" || l == "in":
		return true
	case toks[s].In(prepositions) || toks[s].In(adverbialStarts) || l == "like" || l == "citing" || strings.HasSuffix(l, "ing") && !toks[s].Cap:
		return true
	case toks[s].Kind == text.Number || toks[s].In(determiners) || possessive(&toks[s]) || toks[s].Cap:
		return true
	case toks[s].In(roleNouns) || toks[s].In(personTitles) || toks[s].In(nameMods):
		return true // "attorney for one of the groups", "chief of staff"
	}
	// a short run without a verb: "himself up for reelection in 2018"
	if e-s > 12 {
		return false
	}
	for i := s; i < e; i++ {
		if toks[i].In(clauseVerbs) || isVerbish(&toks[i]) {
			return false
		}
	}
	return true
}

// hardBoundary: a token a subject never reaches across.
func (sen *sentence) hardBoundary(k int) bool {
	toks, inQuote := sen.toks, sen.inQuote
	t := &toks[k]
	return inQuote[k] || t.Kind == text.QuoteMark || t.Text == ";" || t.Text == ":" || t.Text == "—" || t.Text == "--" || sentenceEnd(t)
}

// commaInQuotation reports a comma that closes quoted words: the author of
// “Going Viral,” about … — the comma belongs to the quotation, not to the
// sentence around it.
func commaInQuotation(toks []text.Token, c int) bool {
	if !(c+1 < len(toks) && toks[c+1].Kind == text.QuoteMark && toks[c+1].Start == toks[c].End && c > 0 && toks[c-1].End == toks[c].Start) {
		return false
	}
	// a short title set in a phrase: a word stands before its opening mark
	for o := c - 1; o > 0 && c-o <= 8; o-- {
		if toks[o].Kind == text.QuoteMark {
			return toks[o-1].Kind == text.Word
		}
	}
	return false
}

// openParen returns the "(" that the ")" at c closes, within a few tokens,
// or c.
func openParen(toks []text.Token, c, lo int) int {
	for j := c - 1; j >= lo && c-j <= 6; j-- {
		if toks[j].Text == "(" {
			return j
		}
	}
	return c
}

// clauseBoundary: punctuation outside quotations that ends a clause.
func (sen *sentence) clauseBoundary(k int) bool {
	toks, inQuote := sen.toks, sen.inQuote
	t := &toks[k]
	return !inQuote[k] && t.Kind == text.Punct && (t.Text == ";" || t.Text == ":" || t.Text == "—" || t.Text == "--" || sentenceEnd(t))
}

func sentenceEnd(t *text.Token) bool {
	return t.Kind == text.Punct && (t.Text == "." || t.Text == "!" || t.Text == "?")
}

// apposEnd returns the end of a description after an inverted source:
// "said Hans Schellnhuber, the director of the Potsdam Institute".
func (sen *sentence) apposEnd(k int) int {
	toks, inQuote, b := sen.toks, sen.inQuote, sen.b
	if k+1 >= b || toks[k].Text != "," || inQuote[k+1] {
		return k
	}
	j := k + 1
	if partyTag(&toks[j]) && j+1 < b && toks[j+1].Text == "," {
		// "said Rep. Ann Lee, D-Texas, a former judge": the tag and the
		// description after it both belong to the source
		if e := sen.apposEnd(j + 1); e > j+1 {
			return e
		}
		return j + 1
	}
	l := toks[j].Lower()
	if !(toks[j].In(determiners) || toks[j].In(personTitles) || toks[j].In(roleNouns) || possessive(&toks[j]) || toks[j].Kind == text.Number || l == "who" || toks[j].Cap) {
		return k
	}
	for j < b && j-k < 30 && !inQuote[j] && toks[j].Kind != text.QuoteMark && toks[j].Text != "." && toks[j].Text != ";" {
		if toks[j].Text == "," {
			// "…, a spokesman for Y, said in a statement": stop here,
			// unless another description follows: "…, a director at X,
			// a tech lobby group."
			e := j + 1
			for e < b && e-j < 30 && !inQuote[e] && toks[e].Kind != text.QuoteMark && toks[e].Text != "," && !sentenceEnd(&toks[e]) && toks[e].Text != ";" {
				e++
			}
			if e < b && toks[e].Text != "," && !toks[e].In(determiners) && sen.descriptionOnly(j+1, e) {
				return e
			}
			return j
		}
		j++
	}
	return j
}

// inheritSource gives ", saying …" and "and said …" the source of the
// clause they belong to: the subject of a relative or subordinate clause
// between them and the frame before ("Tom told Ann, who answered the door
// and said …"), else the frame before them in the sentence, else the
// sentence's subject.
func (sen *sentence) inheritSource(frames []frame, k int) {
	toks, inQuote, a := sen.toks, sen.inQuote, sen.a
	f := &frames[k]
	if f.lead {
		if k+1 < len(frames) {
			f.src = frames[k+1].src
		}
		return
	}
	lo := a
	prev := -1
	for j := k - 1; j >= 0 && k-j <= maxReach; j-- {
		if frames[j].src.kind != npNone && frames[j].cueS < f.cueS {
			prev = j
			lo = frames[j].cueE
			break
		}
	}
	if c := f.cueS - 1; c > a && (toks[c].Lower() == "and" || toks[c].Lower() == "but") {
		// "I laughed and said": the subject of the verb before
		if np, ok := sen.nearestClauseSubject(max(lo, a), c); ok {
			f.src = np
			if prev >= 0 && np.s >= frames[prev].fwd && np.e < c && toks[np.e].In(modals) && pastTense(&toks[f.cueS]) && pastTense(&toks[frames[prev].cueS]) {
				// "Trump said he would order a review and warned …":
				// the past tense goes with "said", not with "would"
				f.src = frames[prev].src
			}
			return
		}
	}
	for m := f.cueS - 1; m >= lo && f.cueS-m < 60; m-- {
		if inQuote[m] {
			continue
		}
		if d := toks[m].Text; d == "-" || d == "—" || d == "--" || d == "–" {
			// "… Bank of America Stadium - where the Panthers played … -
			// while chanting": a parenthesis between dashes
			for k := m - 1; k >= lo && m-k < 40; k-- {
				if toks[k].Text == d && !inQuote[k] {
					m = k
					break
				}
			}
			continue
		}
		l := toks[m].Lower()
		switch {
		case (l == "who" || l == "which") && m > a:
			c := m - 1
			if toks[c].Text == "," {
				if np, ok := sen.appositiveSubject(c); ok {
					f.src = np
					return
				}
				if np, ok := backwardNP(toks, a, c); ok && np.kind != npPronoun {
					f.src = np // "Tom told Ann Smith, who answered and said"
					return
				}
			} else if np, ok := backwardNP(toks, a, m); ok && np.kind != npPronoun {
				f.src = np
				return
			}
		case (toks[m].In(clauseMarkers) || l == "and" || l == "but") && !toks[m].Cap:
			if np, ok := forwardNP(toks, m+1, f.cueS); ok && np.e < f.cueS && isFiniteAfter(toks, np.e, f.cueS) {
				f.src = np
				return
			}
		}
	}
	if c := f.cueS - 1; c > a && (toks[c].Lower() == "and" || toks[c].Lower() == "but") {
		// "he laughed and said": the subject of the verb before
		if np, ok := sen.nearestClauseSubject(max(lo, a), c); ok {
			f.src = np
			return
		}
	}
	if prev >= 0 {
		f.src = frames[prev].src
		return
	}
	if np, ok := sen.sentenceSubject(f.cueS); ok {
		f.src = np
		return
	}
	// "Mr. Sanders, after initially saying …, has bought ads": the
	// participle's phrase stands between the subject and its verb
	p := f.cueS - 1
	for p > a && (isAdverb(&toks[p]) || participlePreps.Has(toks[p].Lower())) {
		p--
	}
	if p > a && toks[p].Text == "," {
		if np, ok := backwardNP(toks, a, p); ok && np.s == skipConj(toks, a, p) && np.kind != npPronoun {
			f.src = np
		}
	}
}

// modals open a verb phrase that a past tense does not continue.
var modals = text.NewWordSet("would will could can should might may must shall")

// pastTense reports a verb in the past: "warned", "said", "told".
func pastTense(t *text.Token) bool {
	l := t.Lower()
	return strings.HasSuffix(l, "ed") || t.In(irregularPast) || l == "said" // irregularPast holds "told", "wrote"
}

// nearestClauseSubject finds the nearest name or pronoun before token m
// that a verb follows: "Ebeling reminisced about her days …, and said".
func (sen *sentence) nearestClauseSubject(lo, m int) (phrase, bool) {
	toks, inQuote := sen.toks, sen.inQuote
	for k := m - 1; k >= lo && m-k < 30; k-- {
		if inQuote[k] || sentenceEnd(&toks[k]) || toks[k].Text == ";" {
			return phrase{}, false
		}
		t := &toks[k]
		if t.Kind != text.Word || !isFiniteAfter(toks, k+1, m) {
			continue
		}
		if l := t.Lower(); (l == "who" || l == "which") && k > lo {
			// "Tom told Ann Smith, who answered the door and said"
			c := k - 1
			if toks[c].Text == "," {
				c--
			}
			if np, ok := backwardNP(toks, lo, c+1); ok && np.kind != npPronoun {
				return np, true
			}
			return phrase{}, false
		}
		if sen.inSubordinate(lo, k) {
			continue
		}
		if t.In(subjectPronouns) && t.Lower() != "who" && t.Lower() != "it" {
			return phrase{s: k, e: k + 1, cs: k, ce: k + 1, kind: npPronoun, head: k}, true
		}
		if isNameWord(t) {
			if np, ok := backwardNP(toks, lo, k+1); ok && np.kind == npName {
				return np, true
			}
		}
	}
	return phrase{}, false
}

// inSubordinate reports a subject at token k inside a clause that depends on
// another: after "who", "that", "whether" or a reporting verb since the last
// comma ("on who Cameron would like", "Clark said Brooks had begun").
func (sen *sentence) inSubordinate(lo, k int) bool {
	toks, inQuote := sen.toks, sen.inQuote
	for j := k - 1; j >= lo; j-- {
		if toks[j].Text == "," && !inQuote[j] {
			return false
		}
		l := toks[j].Lower()
		if toks[j].In(subordinators) {
			return true
		}
		if v, ok := cueVerbs[l]; ok && !v.ambiguous && !toks[j].Cap {
			return true
		}
	}
	return false
}

// isFiniteAfter reports a verb (after adverbs) at token k: "protesters
// had gathered", "he criticized".
func isFiniteAfter(toks []text.Token, k, lim int) bool {
	if k < lim && toks[k].Text == "(" {
		// "Rep. Ann Lee (D-Ohio) asked": the aside belongs to the name
		for j := k + 1; j < lim && j-k < 8; j++ {
			if toks[j].Text == ")" {
				k = j + 1
				break
			}
		}
	}
	for k < lim && isAdverb(&toks[k]) && !toks[k].In(clauseVerbs) {
		k++
	}
	if k >= lim || toks[k].Kind != text.Word || toks[k].Cap {
		return false
	}
	l := toks[k].Lower()
	if k > 0 && strings.HasSuffix(l, "s") && (toks[k-1].Text == "he" || toks[k-1].Text == "she" || toks[k-1].Text == "He" || toks[k-1].Text == "She") {
		return true // "he refuses": after he or she, a word in -s is a verb
	}
	return toks[k].In(clauseVerbs|irregularPast) || strings.HasSuffix(l, "ed") || isVerbish(&toks[k])
}

// sentenceSubject finds the subject that opens the sentence, among its
// tokens before lim: it skips a conjunction and an opening circumstance
// ("In an interview, …").
func (sen *sentence) sentenceSubject(lim int) (phrase, bool) {
	toks, inQuote, a := sen.toks, sen.inQuote, sen.a
	s := skipConj(toks, a, lim)
	if a == 0 {
		s = max(s, datelineEnd(toks, lim)) // "WASHINGTON — Sen. Bernie Sanders …"
	}
	if s < lim && inQuote[s] || s < lim && toks[s].Kind == text.QuoteMark {
		return phrase{}, false
	}
	if s < lim && (toks[s].In(adverbialStarts) || toks[s].In(introWords) || toks[s].Kind == text.Word && (strings.HasSuffix(toks[s].Lower(), "ing") || strings.HasSuffix(toks[s].Lower(), "ed")) && !isNameWord(&toks[min(s+1, lim-1)])) {
		// The opening phrase ends at a comma; when what follows that one
		// has no subject, a later one: "Following a swiftly called,
		// late-afternoon meeting, the council issued …"
		from := s
		for range 2 {
			c := sen.commaAfter(from, lim, 20)
			if c < 0 {
				return phrase{}, false
			}
			s = c + 1
			if s+1 < lim && toks[s].Kind == text.Number && len(toks[s].Text) == 4 && toks[s+1].Text == "," {
				s += 2 // "On July 6, 2015, Sanders …": the year is the date's
			}
			if np, ok := sen.subjectAt(s, lim); ok {
				return np, true
			}
			from = s
		}
		return phrase{}, false
	}
	if np, ok := sen.subjectAt(s, lim); ok {
		return np, true
	}
	// "Hours later, Trump returned …", "But a few days later, Trump …":
	// an opening phrase with no verb, then the subject
	if c := sen.commaAfter(s, lim, 8); c > s && !sen.hasVerb(s, c) {
		return sen.subjectAt(c+1, lim)
	}
	return phrase{}, false
}

// subjectAt returns the subject that begins at token s: a plausible
// speaker with its verb after it (before lim).
func (sen *sentence) subjectAt(s, lim int) (phrase, bool) {
	toks := sen.toks
	np, ok := forwardNP(toks, s, lim)
	if !ok || np.e >= lim || !plausibleSpeaker(toks, np) {
		return phrase{}, false
	}
	if np.kind == npDesc && !toks[np.s].In(determiners) && !toks[np.head].In(roleNouns) && !possessive(&toks[np.s]) {
		return phrase{}, false
	}
	// a verb right after the phrase, or an appositive then a verb; a time
	// between them is the verb's ("The party on Wednesday released")
	k := skipTimeAfter(toks, np.e, lim)
	if k < lim && toks[k].Text == "," {
		c := sen.commaAfter(k+1, lim, 30)
		if c < 0 {
			return phrase{}, false
		}
		k = c + 1
	}
	if k < lim && toks[k].In(clauseVerbs) {
		return np, true // "Bolton had …"
	}
	for k < lim && isAdverb(&toks[k]) {
		k++
	}
	if k < lim && toks[k].Kind == text.Word && !toks[k].Cap && !toks[k].In(determiners) && !toks[k].In(prepositions) {
		return np, true
	}
	return phrase{}, false
}

// skipTimeAfter skips a time that stands between a subject and its verb:
// "on Wednesday", "last week", "today".
func skipTimeAfter(toks []text.Token, k, lim int) int {
	for k < lim {
		switch {
		case toks[k].In(timeWords) && toks[k].Lower() != "may":
			k++
		case k+1 < lim && toks[k+1].In(timeWords) && toks[k+1].Lower() != "may" && (toks[k].Lower() == "on" || toks[k].Lower() == "last" || toks[k].Lower() == "this" || toks[k].Lower() == "earlier" || toks[k].Lower() == "late" || toks[k].Lower() == "early"):
			k += 2
		default:
			return k
		}
	}
	return k
}

func skipConj(toks []text.Token, a, b int) int {
	for a < b && (toks[a].In(conjunctions) || toks[a].Text == "—" || toks[a].Text == "--" || toks[a].Text == "(" || toks[a].Text == "-") {
		a++
	}
	return a
}
