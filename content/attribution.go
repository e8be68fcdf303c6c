package content

import (
	"strings"
)

// A frame is one attribution in a sentence: the cue (a reporting verb or
// "according to"), the phrase that names the source, and the reported
// clauses it governs. Quotations are tied to frames afterwards, in
// analyze.go, because a quotation may sit on either side of its frame or in
// another sentence.
type frame struct {
	cueS, cueE     int      // cue tokens [cueS, cueE)
	src            phrase   // the source; src.kind == npNone when the sentence does not name one
	frameS, frameE int      // tokens the source, the cue, a hearer and circumstances cover
	fwd            int      // token where what follows the frame begins
	contents       [][2]int // reported clauses, as token ranges
	colon          bool     // "X said:" introduces what follows
	quotesOnly     bool     // attributes quotations but reports no clause ("continued")
	inverted       bool     // "said Kerry": the source follows the cue
	inherit        bool     // ", saying …", "and said": the source is the clause's subject
	hasThat        bool     // "said that": what follows is certainly reported speech
	rel            bool     // "Lavrov, who had said …, told": the clause ends at the comma
	asClause       bool     // "As Kerry said, …": the content follows the comma
	clauseEnd      int      // end of the clause that follows the frame
	object         bool     // the verb takes an object, not speech: "posted a 222% rise"
	asked          bool     // "Asked whether …, X said": the question, asked by someone else
	lead           bool     // "Conceding that …, he warned": the next frame's source speaks
	passive        bool     // "was told that …": the subject heard it
}

// Limits that keep the work per attribution bounded, so a paragraph of any
// length (even one without a full stop) is analysed in linear time: a
// reported clause, and the search for the frames and quotations around an
// attribution, reach no further than these many tokens or frames.
const (
	maxClause = 400 // tokens of one reported clause
	maxReach  = 32  // frames looked at before or after a frame in its sentence
)

// findFrames appends the attributions of the sentence [a, b) to out.
// titleCase is set for headlines, where verbs are capitalised too.
func findFrames(text string, toks []token, inQuote []bool, a, b int, titleCase bool, out []frame) []frame {
	first := len(out)
	for i := a; i < b; i++ {
		t := &toks[i]
		if inQuote[i] {
			continue
		}
		if t.kind == tPunct {
			if f, ok := markFrame(toks, inQuote, a, b, i); ok {
				out = append(out, f)
			}
			continue
		}
		if t.kind != tWord {
			continue
		}
		if t.in(claimNouns) && !t.cap {
			if f, ok := nounFrame(toks, inQuote, a, b, i); ok {
				out = append(out, f)
				continue
			}
		}
		if !t.in(cueWords) {
			continue
		}
		l := t.lower()
		if l == "according" {
			if i+1 < b && toks[i+1].lower() == "to" {
				if f, ok := accordingTo(toks, inQuote, a, b, i); ok {
					out = append(out, f)
				}
				i++
			}
			continue
		}
		if l == "asked" {
			if f, ok := askedFrame(toks, inQuote, a, b, i); ok {
				out = append(out, f)
				continue
			}
		}
		v := cueVerbs[l]
		if t.cap && i != a && (!titleCase || v.needsThat) {
			continue
		}
		if f, ok := verbFrame(toks, inQuote, a, b, i, v); ok {
			out = append(out, f)
		}
	}
	// A speech act is an attribution only with a quotation after it.
	lastMark := -1
	for i := b - 1; i >= a; i-- {
		if toks[i].kind == tQuote && !inQuote[i] {
			if d, _ := markOf(toks[i].text); d {
				lastMark = i
				break
			}
		}
	}
	k := first
	for _, f := range out[first:] {
		if cueVerbs[toks[f.cueS].lower()].needsQuote && lastMark < f.fwd && !quotationThenFrame(toks, inQuote, a, b, &f) {
			continue
		}
		out[k] = f
		k++
	}
	out = out[:k]
	// "Staff are being told to move, a spokesman confirmed": the clause
	// with its passive is what the later frame reports.
	k = first
	for j, f := range out[first:] {
		if f.passive && laterFrameAfterComma(toks, out[first+j+1:]) {
			continue
		}
		out[k] = f
		k++
	}
	out = out[:k]
	frames := out[first:]
	for k := range frames {
		frameContents(toks, inQuote, a, b, frames, k)
	}
	// A speech act frames the quotation in its own clause: "Ruiz, who has
	// endorsed Clinton, called it a “disgrace”" keeps "called" only.
	k = first
	dropped := false
	for _, f := range out[first:] {
		if cueVerbs[toks[f.cueS].lower()].needsQuote && !markInContents(toks, inQuote, f.contents) && !markIn(toks, inQuote, f.fwd, f.clauseEnd) && !quotationThenFrame(toks, inQuote, a, b, &f) ||
			f.object && !markIn(toks, inQuote, f.fwd, f.clauseEnd) {
			// a verb with an object and no quotation is no attribution:
			// "US firms added 146,000 jobs, the department said"
			dropped = true
			continue
		}
		out[k] = f
		k++
	}
	out = out[:k]
	frames = out[first:]
	for k := range frames {
		if frames[k].inherit {
			inheritSource(toks, inQuote, a, frames, k)
		}
	}
	if dropped {
		for k := range frames {
			frames[k].contents = frames[k].contents[:0]
			frameContents(toks, inQuote, a, b, frames, k)
		}
	}
	return out
}

// participle reports a lower-case -ing word that is no reporting verb and
// no noun of the list: "pushing", "marching".
func participle(t *token) bool {
	l := t.lower()
	if t.kind != tWord || t.cap || len(l) <= 5 || !strings.HasSuffix(l, "ing") || nounsInIng.has(l) {
		return false
	}
	v, cue := cueVerbs[l]
	return !cue || v.particle != "" // "pushing" reports only as "pushing back"
}

// laterFrameAfterComma reports a frame set off by a comma or a dash among
// frames, which reports the words before it.
func laterFrameAfterComma(toks []token, frames []frame) bool {
	for _, g := range frames {
		if p := g.frameS - 1; p >= 0 && !g.passive && (toks[p].text == "," || toks[p].text == "—" || toks[p].text == "--") {
			return true
		}
	}
	return false
}

// markIn reports a double quotation mark among tokens [s, e).
func markIn(toks []token, inQuote []bool, s, e int) bool {
	return markInContents(toks, inQuote, [][2]int{{max(s, 0), e}})
}

// markInContents reports a double quotation mark inside reported clauses.
func markInContents(toks []token, inQuote []bool, contents [][2]int) bool {
	for _, c := range contents {
		for i := c[0]; i < c[1]; i++ {
			if toks[i].kind == tQuote && !inQuote[i] {
				if d, _ := markOf(toks[i].text); d {
					return true
				}
			}
		}
	}
	return false
}

// markFrame reads attributions made with punctuation: a name after a
// quotation and a dash ("“…” ― Esther Tapia"), and a name before a colon
// and a quotation ("Carl Bialik: “…”", "More from the report: “…”").
func markFrame(toks []token, inQuote []bool, a, b, i int) (frame, bool) {
	f := frame{cueS: i, cueE: i + 1, fwd: -1, quotesOnly: true}
	switch toks[i].text {
	case "―", "—", "–", "--", "-":
		p := i - 1
		if p < a || toks[p].kind != tQuote || inQuote[p] {
			return f, false
		}
		np, ok := forwardNP(toks, i+1, b)
		if !ok || np.kind == npPronoun || !(np.e >= b || toks[np.e].kind == tPunct && toks[np.e].text != "-" || toks[np.e].kind == tQuote) {
			return f, false
		}
		if e := apposEnd(toks, inQuote, np.e, b); e > np.e {
			np = np.fix()
			np.apS, np.apE = np.e+1, e
			np.e = e
		}
		f.src, f.inverted = np, true
		f.frameS, f.frameE, f.fwd = i, np.e, np.e
		return f, true
	case ":":
		if i+1 >= b || toks[i+1].kind != tQuote || inQuote[i+1] || i-a > 40 {
			return f, false
		}
		s := a
		for k := i - 1; k >= a; k-- {
			if toks[k].text == "-" || toks[k].text == "—" || toks[k].text == "―" || toks[k].text == "–" || toks[k].text == "--" {
				s = k + 1
				break
			}
		}
		np, ok := backwardNP(toks, s, i)
		if !ok || np.kind == npPronoun || np.s != skipConj(toks, s, i) && !(np.s > s && toks[np.s-1].lower() == "from") && np.kind != npName {
			// "Clinton has since apologized for what happened: “…”"
			if np, ok = sentenceSubject(toks, inQuote, a, i); !ok || np.kind == npDesc && !toks[np.head].in(roleNouns) {
				return f, false
			}
		}
		f.src, f.colon = np, true
		f.frameS, f.frameE, f.fwd = np.s, i+1, i+1
		return f, true
	}
	return f, false
}

// askedFrame reads a question that opens a sentence before its answer:
// "Asked whether the strike would end, Lane said …", "When asked by
// reporters about the vote, she said …". The question is reported speech
// of whoever asked it (the agent after "by", or nobody named), never of the
// one who answers.
func askedFrame(toks []token, inQuote []bool, a, b, i int) (frame, bool) {
	f := frame{cueS: i, cueE: i + 1, fwd: -1, asked: true}
	j := skipConj(toks, a, i)
	if !(i == j || i == j+1 && askedOpeners.has(toks[j].lower())) {
		return f, false
	}
	k := i + 1
	if k < b && toks[k].lower() == "by" {
		np, ok := forwardNP(toks, k+1, b)
		if !ok {
			return f, false
		}
		f.src, k = np, np.e
	}
	for n := 0; n < 3; n++ {
		k = skipAdverbial(toks, inQuote, k, b)
		if k+1 < b && toks[k].in(adverbialPreps) && toks[k+1].in(timeWords) {
			k += 2 // "asked by reporters on Thursday about …"
		}
	}
	if k >= b || inQuote[k] || !(toks[k].lower() == "about" || toks[k].lower() == "to" || toks[k].in(subordinators) && !toks[k].in(determiners) && toks[k].lower() != "that") {
		return f, false
	}
	f.frameS, f.frameE, f.fwd = j, k, k
	return f, true
}

// nounFrame reads a claim named by a noun with its owner and "that":
// "Trump's claim that …", "his repeated insistence that …".
func nounFrame(toks []token, inQuote []bool, a, b, i int) (frame, bool) {
	f := frame{cueS: i, cueE: i + 1, fwd: -1}
	if i+1 >= b || toks[i+1].lower() != "that" || inQuote[i+1] {
		return f, false
	}
	j := i - 1
	for j >= a && i-j <= 3 && toks[j].kind == tWord && !toks[j].cap && !possessive(&toks[j]) && !toks[j].in(possessivePronouns) && !toks[j].in(functionWords) {
		j-- // "repeated", "latest", "false"
	}
	if j < a || inQuote[j] {
		return f, false
	}
	var src phrase
	switch {
	case toks[j].in(possessivePronouns):
		src = phrase{s: j, e: j + 1, cs: j, ce: j + 1, kind: npPronoun, head: j}
	case possessive(&toks[j]) && isNameWord(&toks[j]):
		np, ok := backwardNP(toks, a, j+1)
		if !ok || np.kind != npName {
			return f, false
		}
		src = np
	default:
		return f, false
	}
	f.src, f.hasThat = src, true
	f.frameS, f.frameE, f.fwd = src.s, i+1, i+2
	return f, true
}

// accordingTo reads "according to X": the content is the rest of the
// sentence on the other side of the phrase.
func accordingTo(toks []token, inQuote []bool, a, b, i int) (frame, bool) {
	f := frame{cueS: i, cueE: i + 2, frameS: i, fwd: -1, quotesOnly: true}
	np, ok := forwardNP(toks, i+2, b)
	if !ok {
		return f, false
	}
	// The phrase runs on to the comma: "according to early results of exit
	// polls conducted for the networks, …".
	e := np.e
	for e < b && e-i < 30 && !inQuote[e] && toks[e].kind != tQuote && toks[e].text != "," && toks[e].text != ";" && !sentenceEnd(&toks[e]) && toks[e].text != "—" && toks[e].text != "--" && toks[e].text != ")" {
		e++
	}
	np.e = e
	f.src, f.frameE, f.fwd = np, e, e
	return f, true
}

// passive reports "is said to", "was told", "were asked": the subject is the
// hearer or the topic, not the speaker.
func passive(toks []token, a, i int) bool {
	l := toks[i].lower()
	if strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") {
		return false
	}
	j := i - 1
	for j >= a && isAdverb(&toks[j]) && !toks[j].in(beForms) { // "was also told", "are being told"
		j--
	}
	return j >= a && toks[j].in(beForms)
}

// passiveFrame reads "was told that …", "were asked to …", "is said to":
// the one told is no speaker. The speaker is the agent after "by", or
// nobody named.
func passiveFrame(toks []token, inQuote []bool, a, b, i int, v cueVerb) (frame, bool) {
	f := frame{cueS: i, cueE: i + 1, frameS: i, frameE: i + 1, fwd: -1, passive: true}
	if v.needsQuote || v.needsThat || v.quotesOnly {
		return f, false
	}
	k := i + 1
	if k < b && toks[k].lower() == "by" && !inQuote[k] {
		np, ok := forwardNP(toks, k+1, b)
		if !ok || np.kind == npPronoun {
			return f, false
		}
		f.src, k = np, np.e
		f.frameE = k
	}
	k = skipAdverbial(toks, inQuote, k, b)
	switch {
	case k >= b || inQuote[k]:
		return f, false
	case toks[k].lower() == "that":
		f.hasThat = true
		k++
	case toks[k].lower() == "to" && k+1 < b && lowerFirst(&toks[k+1]) && !toks[k+1].in(determiners),
		toks[k].in(subordinators) && !toks[k].in(determiners):
		// "was asked to resign", "were asked whether …"
	default:
		return f, false
	}
	f.fwd = k
	return f, true
}

func verbFrame(toks []token, inQuote []bool, a, b, i int, v cueVerb) (frame, bool) {
	f := frame{cueS: i, cueE: i + 1, fwd: -1, quotesOnly: v.quotesOnly}
	l := toks[i].lower()
	if passive(toks, a, i) {
		return passiveFrame(toks, inQuote, a, b, i, v)
	}
	if l == v.lemma && i > a && toks[i-1].in(nounSayers) {
		return f, false // "the final say": a noun
	}
	if v.lemma == "plead" && i+1 < b && (toks[i+1].lower() == "guilty" || toks[i+1].lower() == "not" || toks[i+1].lower() == "innocent" || toks[i+1].lower() == "no") {
		return f, false // "pleaded guilty to …": a plea, not a statement
	}
	if v.lemma == "call" && l == "called" && i > a && i+1 < b && lowerFirst(&toks[i-1]) && !toks[i-1].in(roleNouns|subjectPronouns|functionWords) && toks[i+1].cap && !toks[i+1].in(determiners) {
		return f, false // "a program called Project Roomkey": a name given
	}
	if v.lemma == "state" && (l == "state" || l == "states") && stateNoun(toks, a, b, i) {
		return f, false // "Washington state", "his home state of Florida", "state lawmakers"
	}
	if i+1 < b && toks[i+1].kind == tWord {
		next := toks[i+1].lower()
		switch {
		case v.lemma == "point":
			if next != "out" {
				return f, false
			}
			f.cueE = i + 2
		case v.lemma == "call" && (next == "for" || next == "on"):
			f.cueE = i + 2 // "called for", "called on"
		case v.particle != "" && next == v.particle:
			f.cueE = i + 2 // "referred to"
		case v.particle != "":
			return f, false
		}
	} else if v.particle != "" || v.lemma == "point" {
		return f, false
	}
	if strings.HasSuffix(l, "ed") && i+2 < b && toks[i+1].lower() == "by" && !inQuote[i+1] && !strings.HasSuffix(toks[i+2].lower(), "ing") &&
		i > a && npWord(&toks[i-1]) && !toks[i-1].in(beForms|clauseVerbs) {
		return f, false // "the sum announced by the chancellor": a participle after its noun
	}
	subj, found := subjectBefore(toks, inQuote, a, i)
	if found && strings.HasSuffix(l, "ing") && subj.kind != npPronoun && subj.s > a && (toks[subj.s-1].in(prepositions|adverbialPreps) || toks[subj.s-1].lower() == "to") && toks[subj.s-1].lower() != "with" && toks[subj.s-1].lower() != "of" {
		// "Lucy wrote to his office saying …": the writer speaks, not
		// the one written to
		found, f.inherit = false, true
	}
	if found && amountPhrase(toks, subj) {
		return f, false // "the £7.4m scheme announced": money does not speak
	}
	if found && relativeBefore(toks, a, i) {
		f.rel = true
	}
	if found && strings.HasSuffix(l, "ing") && subj.kind == npDesc && toks[subj.head].in(documentNouns) && subj.s > a && lowerFirst(&toks[subj.s-1]) && !toks[subj.s-1].in(prepositions) {
		// "Black Lives Matter issued a statement saying …": the one who
		// issued it speaks
		found, f.inherit = false, true
	}
	if found && v.ambiguous && !adjacentSubject(toks, subj, i) && !(i+1 < b && toks[i+1].lower() == "that") && !(toks[i-1].text == "," && subj.kind == npName) {
		return f, false // "notes" is a verb beside its subject or before "that"
	}
	if !found && v.ambiguous {
		return f, false
	}
	if !found {
		// "…," said Kerry / Says the senator: "…"
		p := i - 1
		for p >= a && isAdverb(&toks[p]) {
			p--
		}
		invertible := !strings.HasSuffix(l, "ing") && !v.needsQuote && (!v.object || v.lemma == "ask") && f.cueE < b && !toks[f.cueE].in(timeWords)
		if invertible && (p < a || toks[p].text == "," || toks[p].kind == tQuote || toks[p].text == ":" || toks[p].text == "(" || toks[p].text == "—" || toks[p].text == "--") {
			if np, ok := forwardNP(toks, f.cueE, b); ok && (np.kind != npDesc || toks[np.s].in(determiners) || np.e-np.s > 1) && invertedEnd(toks, inQuote, np.e, b) {
				subj, found, f.inverted = np, true, true
			}
		}
	}
	if !found && !f.inherit {
		// ", saying …", "and said …": the subject of the clause speaks.
		p := i - 1
		for p >= a && (isAdverb(&toks[p]) || toks[p].kind == tQuote && !inQuote[p]) {
			p-- // "… ''expansionist,'' accusing it of …"
		}
		if strings.HasSuffix(l, "ing") && p >= a && (toks[p].text == "," || toks[p].text == "--" || toks[p].text == "—" || participlePreps.has(toks[p].lower())) ||
			p >= a && (toks[p].lower() == "and" || toks[p].lower() == "but" || toks[p].lower() == "then") {
			f.inherit = true
		} else if strings.HasSuffix(l, "ing") && p < a && i+1 < b && toks[i+1].lower() == "that" {
			f.inherit, f.lead = true, true // "Conceding that …, he warned"
		} else {
			return f, false
		}
	}
	f.src = subj
	if f.inverted {
		f.frameS, f.frameE = i, subj.e
	} else if found {
		f.frameS, f.frameE = subj.s, f.cueE
	} else {
		f.frameS, f.frameE = i, f.cueE
	}
	k := f.frameE
	if f.inverted {
		// "said Hans Schellnhuber, the director of …": the description
		// belongs to the source.
		if e := apposEnd(toks, inQuote, k, b); e > k {
			f.src = f.src.fix()
			f.src.apS, f.src.apE = k+1, e
			k = e
			f.frameE = e
		}
	}
	if v.object && !f.inverted {
		if h := skipObject(toks, inQuote, k, b); !(h > k && toks[h-1].in(toldThings)) {
			k = h // not "told the story of …": what is told, not who hears it
		}
	}
	k = skipAdverbial(toks, inQuote, k, b)
	if k < b && toks[k].lower() == "that" && !inQuote[k] {
		f.hasThat = true
		k++
		if k+1 < b && toks[k].text == "," {
			k++ // "said that, “Of course …”"
		}
	} else if k < b && toks[k].text == ":" {
		f.colon = true
		k++
	} else if k+1 < b && toks[k].text == "," && toks[k+1].kind == tQuote {
		k++
	}
	f.fwd = k
	if v.needsThat && !f.hasThat && !quotationThenFrame(toks, inQuote, a, b, &f) {
		return f, false
	}
	// "As Kerry said, …"
	if f.frameS-1 >= a && toks[f.frameS-1].lower() == "as" && onlyConjBefore(toks, a, f.frameS-1) {
		f.asClause = true
	}
	return f, true
}

// skipBackCircumstance moves back from token j over adverbs and time
// phrases that stand before a verb: "Kerry also said", "Priebus later
// Thursday told", "who in 2010 said", "Trump on Tuesday said".
func skipBackCircumstance(toks []token, inQuote []bool, a, j int) int {
	for {
		for j >= a && !inQuote[j] && (isAdverb(&toks[j]) && (!toks[j].cap || j == a || toks[j+1].cap) || toks[j].in(timeWords) && j > a && toks[j].cap && !surnameAfterGiven(toks, j)) {
			j--
			if j > a && toks[j+1].in(timeWords) && toks[j+1].cap && toks[j].in(adverbialPreps) {
				j-- // "Trump on Saturday tweeted"
			}
		}
		if j < a || inQuote[j] {
			return j
		}
		// "in 2010", "on Tuesday", "last week", "earlier this month"
		k := j
		if toks[k].kind == tNum || toks[k].in(timeWords) {
			k--
			for k >= a && (toks[k].kind == tNum || toks[k].in(timeWords) || toks[k].text == "," && k > a && toks[k-1].kind == tNum) {
				k--
			}
			if k >= a && (toks[k].in(adverbialPreps) || toks[k].lower() == "this" || toks[k].lower() == "next") && k > a {
				j = k - 1
				continue
			}
			if k >= a && j-k >= 2 && toks[k].kind == tWord && !toks[k].in(functionWords) {
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
	if !subjectPronouns.has(p) || p == "who" && l[i:] != "'s" && l[i:] != "’s" {
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

// relativeBefore reports a verb in a relative clause set off by commas:
// ", who had previously said".
func relativeBefore(toks []token, a, i int) bool {
	j := i - 1
	for j >= a && isAdverb(&toks[j]) {
		j--
	}
	return j-1 >= a && (toks[j].lower() == "who" || toks[j].lower() == "which") && toks[j-1].text == ","
}

// invertedEnd reports what may follow an inverted source ("…," said Kerry):
// the end of the clause, a description, a circumstance; not an object's
// verb ("wrote an op-ed urging …").
func invertedEnd(toks []token, inQuote []bool, k, b int) bool {
	if k >= b {
		return true
	}
	t := &toks[k]
	l := t.lower()
	return t.kind == tPunct || t.kind == tQuote || t.in(adverbialStarts) || t.in(timeWords) || l == "who" || l == "whose" || isAdverb(t) && !t.in(clauseVerbs) || l == "to" || l == "that" ||
		lowerFirst(t) && !t.in(determiners|subjectPronouns|objectPronouns|clauseVerbs) && !possessive(t) // "said one Republican involved in the planning"
}

// onlyConjBefore reports that tokens [a, k) are conjunctions and commas:
// "Yet, as Mr. Bown observed, …".
func onlyConjBefore(toks []token, a, k int) bool {
	for i := a; i < k; i++ {
		if !toks[i].in(conjunctions) && toks[i].kind != tPunct {
			return false
		}
	}
	return true
}

// adjacentSubject: an ambiguous form (claims, notes, calls) is a verb only
// right after its subject: "Trump claims", "she also notes".
func adjacentSubject(toks []token, subj phrase, i int) bool {
	for j := subj.e; j < i; j++ {
		if !isAdverb(&toks[j]) {
			return false
		}
	}
	if p := subj.s - 1; p >= 0 && (toks[p].in(prepositions) || toks[p].in(determiners) || toks[p].kind == tNum || toks[p].text == "%") {
		return false // "11% of Republican claims": a noun after all
	}
	return subj.kind == npPronoun || subj.kind == npName || toks[subj.head].in(roleNouns)
}

// subjectBefore finds the subject of the verb at token i: "Kerry said",
// "Kerry has repeatedly said", "Lavrov, who …, said", "Brianne Stone, 29,
// of Huntsville, says", "people close to the campaign said".
func subjectBefore(toks []token, inQuote []bool, a, i int) (phrase, bool) {
	j := skipBackCircumstance(toks, inQuote, a, i-1)
	// "went on to say", "declined to say"
	if j >= a && toks[j].lower() == "to" && !inQuote[j] {
		// "went on to say", "went so far as to say", "declined to say"
		j--
		for n := 0; n < 4 && j >= a && (lowerFirst(&toks[j]) && !toks[j].in(subjectPronouns|determiners|objectPronouns|subordinators|clauseMarkers) || toks[j].lower() == "as" && j > a && toks[j-1].lower() == "far" || toks[j].in(clauseVerbs) && !toks[j].cap); n++ {
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
	case t.text == "—" || t.text == "--":
		// "Intelligence officials — including … — have argued"
		for k := j - 1; k > a && j-k < 30; k-- {
			if inQuote[k] {
				continue
			}
			if toks[k].text == t.text {
				if np, ok := backwardNP(toks, a, k); ok && np.kind != npPronoun {
					np = np.fix()
					np.e = j
					return np, true
				}
				break
			}
			if sentenceEnd(&toks[k]) || toks[k].text == ";" {
				break
			}
		}
		return phrase{}, false
	case t.text == "," || t.text == ")" && j > a && toks[j-1].text != "(":
		if t.text == ")" {
			// "Rep. Earl Blumenauer (D-Ore.) said"
			k := j
			for k > a && toks[k].text != "(" && j-k < 8 {
				k--
			}
			if toks[k].text == "(" {
				if np, ok := backwardNP(toks, a, k); ok {
					np.e = j + 1
					return np, true
				}
			}
			return phrase{}, false
		}
		return appositiveSubject(toks, inQuote, a, j)
	case t.kind != tWord:
		return phrase{}, false
	}
	l := t.lower()
	if l == "who" || l == "which" {
		// a relative clause: "Lavrov, who had said", "people who said";
		// the mention runs from the antecedent to the pronoun
		k := j - 1
		if k >= a && toks[k].text == "," {
			if np, ok := appositiveSubject(toks, inQuote, a, k); ok {
				np.e = j + 1
				return np, true
			}
			if np, ok := relativeAntecedent(toks, inQuote, a, k); ok {
				np.e = j + 1
				return np, true
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
	if l == "that" && j > a && toks[j-1].kind == tWord && npWord(&toks[j-1]) && !toks[j-1].in(determiners) {
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
	if possessive(t) || t.in(conjunctions) || t.in(prepositions) || l == "to" {
		return phrase{}, false
	}
	np, ok := backwardNP(toks, a, j+1)
	if !ok {
		return phrase{}, false
	}
	// "Trump on Tuesday said", "Clinton in a statement said": skip the
	// circumstance and take the subject before it.
	if np.s-1 >= a && toks[np.s-1].in(adverbialPreps) && (toks[np.head].in(timeWords) || toks[np.head].in(circumstances)) {
		if q, ok := backwardNP(toks, a, np.s-1); ok && (q.kind == npName || q.kind == npPronoun) {
			return q, true
		}
	}
	// "Protesters marching through the streets chanted": the phrase after
	// a preposition is no subject; the sentence's is.
	absolute := np.s-1 >= a && toks[np.s-1].lower() == "with" && strings.HasSuffix(toks[i].lower(), "ing") // "with many saying"
	if np.s-2 >= a && (toks[np.s-1].in(prepositions|adverbialPreps) || toks[np.s-1].lower() == "to") && np.kind == npDesc && !toks[np.head].in(roleNouns) && !absolute {
		// "Democrats on the tour said", "a caller to the hotline said",
		// "Protesters marching through the streets chanted": the phrase
		// before the preposition (and a participle) is the subject
		e1 := np.s - 1
		if e1-1 > a && participle(&toks[e1-1]) {
			e1--
		}
		if q, ok := backwardNP(toks, a, e1); ok && q.kind != npPronoun && q.e == e1 && q.head == q.e-1 && !strings.HasSuffix(toks[q.head].lower(), "ing") &&
			!toks[q.head].in(timeWords) && (q.kind == npName || personHead(toks[q.head].lower())) {
			q = q.fix()
			q.e = np.e
			return q, true
		}
	}
	if np.s-1 >= a && toks[np.s-1].in(prepositions|adverbialPreps) && np.kind == npDesc && !toks[np.head].in(roleNouns) && !absolute {
		if q, ok := sentenceSubject(toks, inQuote, a, np.s-1); ok && q.e < np.s {
			return q, true
		}
	}
	// "Democrats pushing the bill forward say": the phrase after the
	// participle is its object; the subject stands before it
	if np.kind == npDesc && np.s-2 >= a && participle(&toks[np.s-1]) {
		if q, ok := backwardNP(toks, a, np.s-1); ok && q.kind != npPronoun && q.e == np.s-1 && q.head == q.e-1 &&
			(q.kind == npName || toks[q.head].in(roleNouns) || plural(toks[q.head].lower()) && personHead(toks[q.head].lower())) {
			q = q.fix()
			q.e = np.e
			return q, true
		}
	}
	// "Coons and Lankford said": two named people speak together
	if np.kind == npName && np.s-2 >= a && toks[np.s-1].lower() == "and" && !inQuote[np.s-1] {
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
		if toks[k].text == "," || toks[k].kind == tQuote || inQuote[k] || sentenceEnd(&toks[k]) {
			break
		}
		if lk := toks[k].lower(); lk == "who" || lk == "whose" {
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
func appositiveSubject(toks []token, inQuote []bool, a, c int) (phrase, bool) {
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
		if s-1 > a && toks[s-1].text == "." {
			s-- // "of Huntsville, Ala., says": a period before the comma
		}
		for s > a && !(toks[s-1].text == "," && !inQuote[s-1] && !commaInQuotation(toks, s-1)) && end-s < 40 {
			if toks[s-1].text == ")" {
				if o := openParen(toks, s-1, a); o < s-1 {
					s = o // "(D-Mo.)" is part of the segment
					continue
				}
			}
			if clauseBoundary(toks, inQuote, s-1) {
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
		starts := s == a || toks[s-1].text == "," || hardBoundary(toks, inQuote, s-1)
		for s < end && toks[s].kind == tQuote && !inQuote[s] {
			s++ // the closing mark of the quotation before: “…,” Warren, who …, said
			starts = true
		}
		np, ok := npSpan(toks, s, end)
		segs[n] = seg{s, end, np, ok && starts}
		n++
		if !ok && !appositiveLike(toks, s, end) {
			break
		}
		if s <= a || clauseBoundary(toks, inQuote, s-1) {
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
		case p.kind == npDesc && next.ok && next.np.kind == npName && isBareName(toks, next.np):
			// "the White House spokesman, Josh Earnest, said": the name
			// speaks, the description is its title.
			q := next.np.fix()
			q.apS, q.apE = p.s, p.e
			q.s, q.e = p.s, c
			return q, true
		case p.kind == npName && (toks[next.s].in(determiners) || toks[next.s].in(personTitles) || toks[next.s].in(roleNouns)):
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
func relativeAntecedent(toks []token, inQuote []bool, a, c int) (phrase, bool) {
	end := c
	for n := 0; n < 4 && end > a; n++ {
		s := end - 1
		for s > a && !(toks[s-1].text == "," && !inQuote[s-1]) && !clauseBoundary(toks, inQuote, s-1) && end-s < 40 {
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
func isBareName(toks []token, p phrase) bool {
	return p.kind == npName && !toks[p.s].in(determiners)
}

// appositiveLike reports segments that can stand between a subject and its
// verb: "29", "of Huntsville", "a spokesman for the group", "who …",
// "in a statement", "however".
func appositiveLike(toks []token, s, e int) bool {
	if s >= e {
		return false
	}
	l := toks[s].lower()
	switch {
	case l == "who" || strings.HasPrefix(l, "who'") || strings.HasPrefix(l, "who’") || l == "whose" || l == "which" || l == "whom" || l == "now" || l == "then" || l == "however" || l == "too" || l == "meanwhile" || l == "though" || l == "also" || l == "for" || l == "by" || l == "instead" || l == "in":
		return true
	case toks[s].in(prepositions) || toks[s].in(adverbialStarts) || l == "like" || l == "citing" || strings.HasSuffix(l, "ing") && !toks[s].cap:
		return true
	case toks[s].kind == tNum || toks[s].in(determiners) || possessive(&toks[s]) || toks[s].cap:
		return true
	case toks[s].in(roleNouns) || toks[s].in(personTitles) || toks[s].in(nameMods):
		return true // "attorney for one of the groups", "chief of staff"
	}
	// a short run without a verb: "himself up for reelection in 2018"
	if e-s > 12 {
		return false
	}
	for i := s; i < e; i++ {
		if toks[i].in(clauseVerbs) || isVerbish(&toks[i]) {
			return false
		}
	}
	return true
}

// hardBoundary: a token a subject never reaches across.
func hardBoundary(toks []token, inQuote []bool, k int) bool {
	t := &toks[k]
	return inQuote[k] || t.kind == tQuote || t.text == ";" || t.text == ":" || t.text == "—" || t.text == "--" || sentenceEnd(t)
}

// commaInQuotation reports a comma that closes quoted words: the author of
// “Going Viral,” about … — the comma belongs to the quotation, not to the
// sentence around it.
func commaInQuotation(toks []token, c int) bool {
	if !(c+1 < len(toks) && toks[c+1].kind == tQuote && toks[c+1].s == toks[c].e && c > 0 && toks[c-1].e == toks[c].s) {
		return false
	}
	// a short title set in a phrase: a word stands before its opening mark
	for o := c - 1; o > 0 && c-o <= 8; o-- {
		if toks[o].kind == tQuote {
			return toks[o-1].kind == tWord
		}
	}
	return false
}

// openParen returns the "(" that the ")" at c closes, within a few tokens,
// or c.
func openParen(toks []token, c, lo int) int {
	for j := c - 1; j >= lo && c-j <= 6; j-- {
		if toks[j].text == "(" {
			return j
		}
	}
	return c
}

// clauseBoundary: punctuation outside quotations that ends a clause.
func clauseBoundary(toks []token, inQuote []bool, k int) bool {
	t := &toks[k]
	return !inQuote[k] && t.kind == tPunct && (t.text == ";" || t.text == ":" || t.text == "—" || t.text == "--" || sentenceEnd(t))
}

func sentenceEnd(t *token) bool {
	return t.kind == tPunct && (t.text == "." || t.text == "!" || t.text == "?")
}

// apposEnd returns the end of a description after an inverted source:
// "said Hans Schellnhuber, the director of the Potsdam Institute".
func apposEnd(toks []token, inQuote []bool, k, b int) int {
	if k+1 >= b || toks[k].text != "," || inQuote[k+1] {
		return k
	}
	j := k + 1
	if partyTag(&toks[j]) && j+1 < b && toks[j+1].text == "," {
		// "said Rep. Ann Lee, D-Texas, a former judge": the tag and the
		// description after it both belong to the source
		if e := apposEnd(toks, inQuote, j+1, b); e > j+1 {
			return e
		}
		return j + 1
	}
	l := toks[j].lower()
	if !(toks[j].in(determiners) || toks[j].in(personTitles) || toks[j].in(roleNouns) || possessive(&toks[j]) || toks[j].kind == tNum || l == "who" || toks[j].cap) {
		return k
	}
	for j < b && j-k < 30 && !inQuote[j] && toks[j].kind != tQuote && toks[j].text != "." && toks[j].text != ";" {
		if toks[j].text == "," {
			// "…, a spokesman for Y, said in a statement": stop here,
			// unless another description follows: "…, a director at X,
			// a tech lobby group."
			e := j + 1
			for e < b && e-j < 30 && !inQuote[e] && toks[e].kind != tQuote && toks[e].text != "," && !sentenceEnd(&toks[e]) && toks[e].text != ";" {
				e++
			}
			if e < b && toks[e].text != "," && !toks[e].in(determiners) && descriptionOnly(toks, inQuote, j+1, e) {
				return e
			}
			return j
		}
		j++
	}
	return j
}

// stateNoun reports "state" as a noun: before "of" or another noun, or
// after a place's name and before punctuation.
func stateNoun(toks []token, a, b, i int) bool {
	if i+1 >= b {
		return i > a && toks[i-1].cap
	}
	n := &toks[i+1]
	switch {
	case n.lower() == "that" || n.text == ":" || n.kind == tQuote || n.in(circumstancePreps) && n.lower() != "to" || isAdverb(n):
		return false
	case n.kind == tWord:
		return true // "state of Florida", "state lawmakers", "state next to"
	}
	return i > a && toks[i-1].cap && !strings.HasSuffix(toks[i-1].text, "s") // "Washington state,"
}

// partyTag reports a party and state after an American legislator's name:
// "D-Texas", "R-Fla".
func partyTag(t *token) bool {
	l := t.text
	return t.kind == tWord && len(l) > 3 && (l[0] == 'D' || l[0] == 'R' || l[0] == 'I') && l[1] == '-' && 'A' <= l[2] && l[2] <= 'Z'
}

// clauseWord reports a word that makes a clause of the words around it: a
// verb, a subject pronoun, "that". Phrases without one only name or place.
func clauseWord(u *token) bool {
	return u.kind == tWord && (u.in(clauseVerbs|beForms|subjectPronouns) || isVerbish(u) || u.lower() == "that")
}

// bareCircumstance reports words that only say where, when or how
// something was said, a preposition and its noun phrase without a verb:
// "in a tweet", "on Thursday", "to Reuters". They are no reported speech.
func bareCircumstance(toks []token, inQuote []bool, s, e int) bool {
	if s >= e || inQuote[s] {
		return false
	}
	t := &toks[s]
	switch {
	case t.lower() == "to":
		// "confirmed to Reuters", "to the Herald"; not "to halt the vote"
		// or "admitted to other break-ins"
		n := s + 1
		if n < e && toks[n].lower() == "the" {
			n++
		}
		if n >= e || !toks[n].cap {
			return false
		}
	case t.lower() == "of" && s+1 < e && toks[s+1].cap && !toks[s+1].in(determiners):
		// "“…,” Dotson said of Ridley-Thomas": whom it was said of
	case !t.in(circumstancePreps):
		// "warned of", "called for", "asked about": a complement, which
		// reports what was said
		return false
	}
	for i := s + 1; i < e; i++ {
		u := &toks[i]
		if inQuote[i] || u.kind == tQuote || u.kind == tPunct && u.text != "," && u.text != "." && u.text != "-" {
			return false
		}
		if clauseWord(u) {
			return false
		}
		if u.kind == tPunct || u.in(prepositions) || u.in(timeWords) || isLyAdverb(u) || possessive(u) || u.lower() == "about" {
			continue
		}
		if !npWord(u) {
			return false
		}
	}
	return true
}

// skipObject passes over the hearer of "told", "asked", "assured":
// "told reporters", "told The Associated Press", "told him", "told the crowd
// at a rally".
func skipObject(toks []token, inQuote []bool, k, b int) int {
	if k >= b || inQuote[k] {
		return k
	}
	// a near "that" first: "told reporters prior to the talks that"
	for j := k; j < b && j-k < 12; j++ {
		if toks[j].lower() == "that" && !inQuote[j] {
			if j > k && toks[j-1].text != "," || j == k {
				return j
			}
		}
		if toks[j].kind == tPunct && toks[j].text != "-" && toks[j].text != "." || toks[j].kind == tQuote || inQuote[j] || toks[j].in(subjectPronouns) && j > k {
			break
		}
	}
	start := k
	if toks[k].in(objectPronouns) {
		return k + 1
	}
	if toks[k].in(determiners) || possessive(&toks[k]) {
		k++
	}
	for k < b && k-start < 6 && (isNameWord(&toks[k]) || possessive(&toks[k])) {
		k++
	}
	if k == start || toks[start].in(determiners) && k == start+1 {
		// a lower-case hearer: "reporters", "the crowd", "Russian media"
		if k < b && toks[k].kind == tWord && !toks[k].cap && !toks[k].in(functionWords) && !isVerbish(&toks[k]) {
			k++
			if k < b && toks[k].kind == tWord && !toks[k].cap && toks[k].in(roleNouns) && !startsClause(&toks[k]) {
				k++ // "the news media"
			}
		}
	} else if k < b && toks[k].kind == tWord && !toks[k].cap && toks[k].in(hearerNouns) {
		k++ // "CBS' Face the Nation program", "NBC's Today show"
	}
	return k
}

// startsClause guesses whether a lower-case word begins a clause.
func startsClause(t *token) bool {
	return t.in(subjectPronouns) || t.in(determiners) || t.lower() == "there"
}

// skipAdverbial passes over time words and circumstances between a verb and
// what it reports: "said Tuesday", "said in a statement that", "said on
// CNN's “State of the Union” that".
func skipAdverbial(toks []token, inQuote []bool, k, b int) int {
	for {
		start := k
		for k < b && (toks[k].in(timeWords) && toks[k].cap || toks[k].lower() == "today" || toks[k].lower() == "yesterday" || toks[k].lower() == "tonight" || isAdverb(&toks[k]) && !inQuote[k]) {
			k++
		}
		if k < b && (toks[k].lower() == "last" || toks[k].lower() == "this" || toks[k].lower() == "earlier" || toks[k].lower() == "late") && k+1 < b && toks[k+1].in(timeWords) {
			k += 2
		}
		if k < b && toks[k].text == "," && k+1 < b && (toks[k+1].in(adverbialStarts) || toks[k+1].in(timeWords)) {
			// "said, in a statement, that"
			if e := commaAfter(toks, inQuote, k+1, b, 14); e > 0 {
				k = e + 1
				continue
			}
		}
		if k < b && toks[k].in(adverbialStarts) && !inQuote[k] {
			e := adverbialEnd(toks, inQuote, k, b)
			if e > k {
				k = e
			}
		}
		if k == start {
			return k
		}
	}
}

// commaAfter returns the next comma within n tokens, or -1.
func commaAfter(toks []token, inQuote []bool, k, b, n int) int {
	for j := k; j < b && j-k < n; j++ {
		if toks[j].text == "," && !inQuote[j] {
			return j
		}
		if sentenceEnd(&toks[j]) || toks[j].text == ";" {
			return -1
		}
	}
	return -1
}

// adverbialEnd returns the end of a circumstance phrase starting at the
// preposition k ("in a statement", "on CNN's “State of the Union”", "at a
// rally in Iowa"): the "that", comma or colon after it, or the start of the
// clause it stands before. It returns k when the words are no circumstance.
func adverbialEnd(toks []token, inQuote []bool, k, b int) int {
	if toks[k].lower() == "to" && k+1 < b && lowerFirst(&toks[k+1]) && !toks[k+1].in(determiners) && !toks[k+1].in(objectPronouns) {
		return k // "promised to bomb": an infinitive, not a place
	}
	for j := k + 1; j < b && j-k < 10; j++ {
		// "replied in an even voice that …"
		if toks[j].lower() == "that" && !inQuote[j] {
			return j
		}
		if toks[j].kind != tWord && toks[j].kind != tNum || isVerbish(&toks[j]) || inQuote[j] {
			break
		}
	}
	j := k + 1
	for j < b && j-k < 14 {
		t := &toks[j]
		if t.kind == tQuote && j+1 < b && inQuote[j+1] {
			// a quoted title: on CNN's “State of the Union”
			for j+1 < b && inQuote[j+1] {
				j++
			}
			j += 2
			continue
		}
		if t.kind == tWord && (t.in(prepositions) || t.lower() == "and") && j > k+1 {
			j++
			continue
		}
		if !npWord(t) || t.in(subjectPronouns) || t.lower() == "that" || j > k+2 && startsClause(t) && !possessive(t) {
			break
		}
		j++
	}
	if j == k+1 || j >= b {
		return k
	}
	t := &toks[j]
	switch {
	case t.lower() == "that" && !inQuote[j]:
		return j
	case t.text == "," || t.text == ":":
		return j
	case t.kind == tWord && (t.in(subjectPronouns) || t.lower() == "there" || t.in(determiners) || isNameWord(t)):
		return j
	case t.kind == tWord && strings.HasSuffix(t.lower(), "ing") && t.in(cueWords) && !inQuote[j]:
		return j // "wrote to his office saying …"
	}
	return k
}

// inheritSource gives ", saying …" and "and said …" the source of the
// clause they belong to: the subject of a relative or subordinate clause
// between them and the frame before ("Tom told Ann, who answered the door
// and said …"), else the frame before them in the sentence, else the
// sentence's subject.
func inheritSource(toks []token, inQuote []bool, a int, frames []frame, k int) {
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
	if c := f.cueS - 1; c > a && (toks[c].lower() == "and" || toks[c].lower() == "but") {
		// "I laughed and said": the subject of the verb before
		if np, ok := nearestClauseSubject(toks, inQuote, max(lo, a), c); ok {
			f.src = np
			return
		}
	}
	for m := f.cueS - 1; m >= lo && f.cueS-m < 60; m-- {
		if inQuote[m] {
			continue
		}
		if d := toks[m].text; d == "-" || d == "—" || d == "--" || d == "–" {
			// "… Bank of America Stadium - where the Panthers played … -
			// while chanting": a parenthesis between dashes
			for k := m - 1; k >= lo && m-k < 40; k-- {
				if toks[k].text == d && !inQuote[k] {
					m = k
					break
				}
			}
			continue
		}
		l := toks[m].lower()
		switch {
		case (l == "who" || l == "which") && m > a:
			c := m - 1
			if toks[c].text == "," {
				if np, ok := appositiveSubject(toks, inQuote, a, c); ok {
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
		case (toks[m].in(clauseMarkers) || l == "and" || l == "but") && !toks[m].cap:
			if np, ok := forwardNP(toks, m+1, f.cueS); ok && np.e < f.cueS && isFiniteAfter(toks, np.e, f.cueS) {
				f.src = np
				return
			}
		}
	}
	if c := f.cueS - 1; c > a && (toks[c].lower() == "and" || toks[c].lower() == "but") {
		// "he laughed and said": the subject of the verb before
		if np, ok := nearestClauseSubject(toks, inQuote, max(lo, a), c); ok {
			f.src = np
			return
		}
	}
	if prev >= 0 {
		f.src = frames[prev].src
		return
	}
	if np, ok := sentenceSubject(toks, inQuote, a, f.cueS); ok {
		f.src = np
	}
}

// nearestClauseSubject finds the nearest name or pronoun before token m
// that a verb follows: "Ebeling reminisced about her days …, and said".
func nearestClauseSubject(toks []token, inQuote []bool, lo, m int) (phrase, bool) {
	for k := m - 1; k >= lo && m-k < 30; k-- {
		if inQuote[k] || sentenceEnd(&toks[k]) || toks[k].text == ";" {
			return phrase{}, false
		}
		t := &toks[k]
		if t.kind != tWord || !isFiniteAfter(toks, k+1, m) {
			continue
		}
		if l := t.lower(); (l == "who" || l == "which") && k > lo {
			// "Tom told Ann Smith, who answered the door and said"
			c := k - 1
			if toks[c].text == "," {
				c--
			}
			if np, ok := backwardNP(toks, lo, c+1); ok && np.kind != npPronoun {
				return np, true
			}
			return phrase{}, false
		}
		if inSubordinate(toks, inQuote, lo, k) {
			continue
		}
		if t.in(subjectPronouns) && t.lower() != "who" && t.lower() != "it" {
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
func inSubordinate(toks []token, inQuote []bool, lo, k int) bool {
	for j := k - 1; j >= lo; j-- {
		if toks[j].text == "," && !inQuote[j] {
			return false
		}
		l := toks[j].lower()
		if toks[j].in(subordinators) {
			return true
		}
		if v, ok := cueVerbs[l]; ok && !v.ambiguous && !toks[j].cap {
			return true
		}
	}
	return false
}

// isFiniteAfter reports a verb (after adverbs) at token k: "protesters
// had gathered", "he criticized".
func isFiniteAfter(toks []token, k, lim int) bool {
	if k < lim && toks[k].text == "(" {
		// "Rep. Ann Lee (D-Ohio) asked": the aside belongs to the name
		for j := k + 1; j < lim && j-k < 8; j++ {
			if toks[j].text == ")" {
				k = j + 1
				break
			}
		}
	}
	for k < lim && isAdverb(&toks[k]) && !toks[k].in(clauseVerbs) {
		k++
	}
	if k >= lim || toks[k].kind != tWord || toks[k].cap {
		return false
	}
	l := toks[k].lower()
	return toks[k].in(clauseVerbs) || strings.HasSuffix(l, "ed") || isVerbish(&toks[k])
}

// sentenceSubject finds the subject that opens the sentence [a, lim): it
// skips a conjunction and an opening circumstance ("In an interview, …").
func sentenceSubject(toks []token, inQuote []bool, a, lim int) (phrase, bool) {
	s := skipConj(toks, a, lim)
	if s < lim && inQuote[s] || s < lim && toks[s].kind == tQuote {
		return phrase{}, false
	}
	if s < lim && (toks[s].in(adverbialStarts) || toks[s].in(introWords) || toks[s].kind == tWord && (strings.HasSuffix(toks[s].lower(), "ing") || strings.HasSuffix(toks[s].lower(), "ed")) && !isNameWord(&toks[min(s+1, lim-1)])) {
		c := commaAfter(toks, inQuote, s, lim, 20)
		if c < 0 {
			return phrase{}, false
		}
		s = c + 1
	}
	np, ok := forwardNP(toks, s, lim)
	if !ok || np.e >= lim || !plausibleSpeaker(toks, np) {
		return phrase{}, false
	}
	if np.kind == npDesc && !toks[np.s].in(determiners) && !toks[np.head].in(roleNouns) && !possessive(&toks[np.s]) {
		return phrase{}, false
	}
	// a verb right after the phrase, or an appositive then a verb
	k := np.e
	if toks[k].text == "," {
		c := commaAfter(toks, inQuote, k+1, lim, 30)
		if c < 0 {
			return phrase{}, false
		}
		k = c + 1
	}
	if k < lim && toks[k].in(clauseVerbs) {
		return np, true // "Bolton had …"
	}
	for k < lim && isAdverb(&toks[k]) {
		k++
	}
	if k < lim && toks[k].kind == tWord && !toks[k].cap && !toks[k].in(determiners) && !toks[k].in(prepositions) {
		return np, true
	}
	return phrase{}, false
}

func skipConj(toks []token, a, b int) int {
	for a < b && (toks[a].in(conjunctions) || toks[a].text == "—" || toks[a].text == "--" || toks[a].text == "(" || toks[a].text == "-") {
		a++
	}
	return a
}

// frameContents sets the reported clauses of frames[k]: what follows the
// frame ("Kerry said that …"), what comes before it ("…, Kerry said"), or
// both round it ("…, he said, …").
func frameContents(toks []token, inQuote []bool, a, b int, frames []frame, k int) {
	f := &frames[k]
	if f.cueS == f.frameS && f.cueE-f.cueS == 2 && toks[f.cueS].lower() == "according" {
		accordingContents(toks, inQuote, a, b, frames, k)
		return
	}
	if f.asked {
		// the question runs to the comma before the answer's frame
		end := commaAfter(toks, inQuote, f.fwd, b, 60)
		if k+1 < len(frames) && frames[k+1].frameS > f.fwd && frames[k+1].frameS-1 < b && toks[frames[k+1].frameS-1].text == "," {
			end = frames[k+1].frameS - 1
		}
		s := f.fwd
		if words(toks, s-1, end) < 2 {
			s = f.cueS // "When asked why, …"
		}
		if end > s {
			f.contents = append(f.contents, [2]int{s, end})
		}
		f.clauseEnd = max(end, f.fwd)
		return
	}
	// where this frame's clause ends: at the next frame set off by a
	// comma, or at the comma closing a relative clause
	end := b
	if f.rel {
		if c := commaAfter(toks, inQuote, f.fwd, b, 60); c > 0 {
			end = c
		}
	}
	for j := k + 1; j < len(frames) && j-k <= maxReach; j++ {
		g := &frames[j]
		p := g.frameS - 1
		if g.frameS <= f.fwd {
			// its subject comes before this frame: "Lavrov, who said …, told"
			p = g.cueS - 1
			if p < f.fwd {
				continue
			}
			for p > f.fwd && toks[p].text != "," {
				p--
			}
			if p > f.fwd && p < end {
				end = p
			}
			break
		}
		if p < f.fwd {
			continue
		}
		sep := toks[p].text == "," || toks[p].text == ";" || toks[p].text == "—" || toks[p].text == "--" || toks[p].text == "(" || f.lead
		conj := toks[p].lower() == "and" || toks[p].lower() == "but"
		if sep || conj || g.inherit && strings.HasSuffix(toks[g.cueS].lower(), "ing") {
			if conj && p-1 > f.fwd && toks[p-1].text == "," {
				p--
			}
			end = min(end, p)
			break
		}
	}
	if cueVerbs[toks[f.cueS].lower()].lemma == "call" && f.cueE-f.cueS == 1 {
		// "what he calls political correctness, and …": the name given
		// ends at the comma
		if c := commaAfter(toks, inQuote, f.fwd, end, 40); c > 0 {
			end = c
		}
	}
	// "defends his record in an ad: “…”": the quotation after the colon
	// speaks for itself
	end = min(end, f.fwd+maxClause)
	f.clauseEnd = end
	for j := f.fwd; j+1 < end; j++ {
		if toks[j].text == ":" && !inQuote[j] && toks[j+1].kind == tQuote {
			end = j
			break
		}
	}
	for end > f.fwd && end > a && (toks[end-1].kind == tPunct && toks[end-1].text != ")" && toks[end-1].text != "?" && toks[end-1].text != "!") {
		end--
	}
	afterQuote := attributesQuotation(toks, inQuote, a, f.frameS)
	if f.asClause {
		// "As Kerry told reporters, …"
		c := f.fwd
		if c < b && toks[c].text == "," {
			f.contents = appendContents(toks, inQuote, c+1, end, f.contents)
		}
		return
	}
	k2 := f.fwd
	if k2+1 < end && toks[k2].text == "," && !f.inverted && !f.quotesOnly && toks[k2+1].kind != tQuote && onlyConjBefore(toks, a, f.frameS) {
		k2++ // "But, Carson added, he did not support …"
	}
	forward := !f.quotesOnly && k2 < end && (toks[k2].kind != tPunct || toks[k2].text == "(") && !f.inverted && !(afterQuote && !f.hasThat) &&
		!(k+1 < len(frames) && frames[k+1].cueS == k2 && frames[k+1].inherit) // "wrote to him saying …": the participle reports
	if forward && toks[k2].kind == tQuote && quotationOnly(toks, inQuote, k2, end) {
		forward = false // X said: "…" — the quotation is the content
	}
	if forward && !f.hasThat && !f.colon && toks[k2].kind != tQuote {
		// "to conclude a deal", "posted a 222% rise", "added 146,000
		// jobs": an object, not reported speech
		switch v := cueVerbs[toks[f.cueS].lower()]; {
		case v.plainObject && !clauseAhead(toks, inQuote, k2, end), v.amountObject && amountAhead(toks, k2, end):
			forward, f.object = false, true
		}
	}
	if forward && !f.hasThat && !f.colon && bareCircumstance(toks, inQuote, k2, end) {
		// "…, he said in a tweet.": the content is before the frame
		forward = false
		f.fwd = end
	}
	if forward {
		f.contents = appendContents(toks, inQuote, k2, end, f.contents)
		return
	}
	if f.quotesOnly && !f.inverted {
		return
	}
	if q := f.fwd; q < b && !(sentenceEnd(&toks[q]) || toks[q].text == "," || toks[q].text == ";" || toks[q].text == "—" || toks[q].text == "--" || toks[q].text == ")" || toks[q].text == "(" || toks[q].kind == tQuote && !inQuote[q]) {
		return // "…, Cruz said: “…”": the frame opens a quotation
	}
	if f.colon {
		return // "Explaining his reasons, Lane said: “…”": the colon looks ahead only
	}
	if f.inherit && strings.HasSuffix(toks[f.cueS].lower(), "ing") && f.fwd < b && toks[f.fwd].kind == tQuote {
		return // "Sanders pressed on, saying, “…”": the clause before is what he did
	}
	if f.fwd < b && toks[f.fwd].kind == tQuote && !inQuote[f.fwd] && f.fwd+1 < b && inQuote[f.fwd+1] {
		if s := skipConj(toks, a, f.frameS); s < f.frameS && (toks[s].in(adverbialStarts) || toks[s].in(introWords) || toks[s].lower() == "with") && !toks[s].in(subordinators) && toks[s].lower() != "as" {
			return // "With regard to the grant, Durie said, “…”": the quotation is what was said
		}
	}
	// Nothing reported after the frame: the content comes first, "…,
	// Kerry said." or runs round it, "…, he said, …".
	p := f.frameS - 1
	if p > a && toks[p].kind == tQuote && !inQuote[p] {
		// "… are “very pro-Bernie,” Kilfoyle said": a partial quotation
		// ends the reported clause
		o := p - 1
		for o > a && !inQuote[o] && toks[o].kind == tPunct {
			o--
		}
		for o > a && inQuote[o] && p-o < maxClause {
			o--
		}
		cs := skipConj(toks, a, o)
		if toks[o].kind == tQuote && o > cs && words(toks, cs-1, o) >= 2 && !quotationOnly(toks, inQuote, cs, o) && noFrameBetween(frames, k, cs) {
			f.contents = append(f.contents, [2]int{cs, p + 1})
		}
		f.contents = f.rest(toks, inQuote, end)
		return
	}
	if p <= a || !(toks[p].text == "," || toks[p].text == "--" || toks[p].text == "—") {
		return
	}
	cs := skipConj(toks, a, p)
	for j := k - 1; j >= 0 && k-j <= maxReach; j-- {
		if frames[j].frameS >= cs && !frames[j].inverted && cueVerbs[toks[frames[j].cueS].lower()].object {
			// "The commission has reminded them of the law, its
			// spokesman said": the clause with its own frame is what
			// this frame reports
			break
		}
		for _, c := range frames[j].contents {
			if c[1] > cs && c[0] < p {
				return // an earlier frame reports this clause
			}
		}
		if frames[j].frameE <= p && frames[j].frameE > cs {
			cs = frames[j].frameE
			for cs < p && (toks[cs].kind == tPunct || toks[cs].lower() == "that") {
				cs++
			}
			break
		}
	}
	parenthetical := f.fwd < end && toks[f.fwd].text == "," && words(toks, f.fwd, end) >= 2
	if parenthetical && p > cs && !quotationOnly(toks, inQuote, cs, p) && !hasVerb(toks, inQuote, cs, p) {
		if rest := parentheticalRest(toks, inQuote, f.fwd, end, nil); len(rest) == 1 && hasVerb(toks, inQuote, rest[0][0], rest[0][1]) {
			// "The third vote, she said, was to extend the lease": one
			// clause around the frame
			f.contents = append(f.contents, [2]int{cs, rest[0][1]})
			return
		}
	}
	if p > cs && !quotationOnly(toks, inQuote, cs, p) && words(toks, cs-1, p) >= 2 && !(cs == skipConj(toks, a, p) && !parenthetical && sceneSetting(toks, cs, p)) && !bareCircumstance(toks, inQuote, cs, p) {
		f.contents = append(f.contents, [2]int{cs, p})
	}
	if p > cs {
		f.contents = f.rest(toks, inQuote, end)
	}
}

// clauseAhead reports a clause starting at token k: a subject pronoun and a
// verb ("he would"), or a phrase and an auxiliary or modal within a few
// words ("the plan was", "its profits would").
func clauseAhead(toks []token, inQuote []bool, k, end int) bool {
	t := &toks[k]
	if t.lower() == "that" || t.in(subordinators) && !t.in(determiners) {
		return true // "added, that …", "reported what looked like …"
	}
	if t.in(subjectPronouns) && t.lower() != "who" || pronounContraction(t.lower()) != "" || t.lower() == "there" {
		return k+1 < end && (isFiniteAfter(toks, k+1, end) || pronounContraction(t.lower()) != "")
	}
	for j := k; j < end && j-k < 10; j++ {
		u := &toks[j]
		if inQuote[j] || u.kind == tQuote || u.kind == tPunct && u.text != "-" && u.text != "%" && u.text != "$" {
			return false
		}
		if j > k && (u.in(clauseVerbs) || pronounContraction(u.lower()) != "") {
			return true
		}
	}
	return false
}

// amountPhrase reports a phrase that names a sum or a count of things
// rather than people: "£7.4m", "the 7.4m scheme", "30%".
func amountPhrase(toks []token, p phrase) bool {
	if toks[p.head].in(roleNouns) && personHead(toks[p.head].lower()) {
		return false // "the $20 million experts say it costs"
	}
	for j := p.s; j < p.e && j-p.s < 8; j++ {
		t := &toks[j]
		if t.kind != tNum {
			continue
		}
		if j > 0 && strings.ContainsAny(toks[j-1].text, "$£€¥") || j+1 < len(toks) && toks[j+1].text == "%" {
			return true
		}
		if l := t.lower(); strings.HasSuffix(l, "m") || strings.HasSuffix(l, "bn") || strings.HasSuffix(l, "tn") {
			return true
		}
	}
	return false
}

// amountAhead reports an object that is an amount or a result, not words:
// "a 222% rise", "its first profit", "146,000 jobs", or a place or agent
// ("added to the total", "reported by the BBC", "reporting from Kiev").
func amountAhead(toks []token, k, end int) bool {
	if l := toks[k].lower(); l == "to" || l == "by" || l == "from" {
		return true
	}
	for j := k; j < end && j-k < 5; j++ {
		t := &toks[j]
		switch {
		case t.kind == tNum || t.in(resultNouns):
			return true
		case t.kind == tPunct && strings.ContainsAny(t.text, "$£€%"):
			return true
		case t.kind != tWord || t.in(clauseVerbs) || t.in(subordinators) && !t.in(determiners):
			return false
		}
	}
	return false
}

// sceneSetting reports a participle phrase that opens a sentence and sets
// the scene for its speaker without a verb of its own: "Explaining his
// reason for quitting, Lane said", "Asked about the vote, she said". A
// gerund subject with a verb ("Cutting taxes will help, he said") is
// reported speech.
func sceneSetting(toks []token, s, e int) bool {
	l := toks[s].lower()
	if !(len(l) > 5 && strings.HasSuffix(l, "ing") && !nounsInIng.has(l) || l == "asked" || l == "pressed" || l == "questioned") {
		return false
	}
	for j := s + 1; j < e; j++ {
		u := &toks[j]
		if u.in(clauseVerbs|irregularPast) || u.kind == tQuote || pronounContraction(u.lower()) != "" || lowerFirst(u) && len(u.text) > 4 && strings.HasSuffix(u.text, "ed") {
			return false // "Seeing his brother suffer led him …, he said"
		}
	}
	return true
}

// parentheticalRest adds the words after a frame set off by commas: "…, he
// said, …" runs on to the end of its clause, unless they are a
// circumstance: "he said, in a caution to his backers".
func parentheticalRest(toks []token, inQuote []bool, q, end int, out [][2]int) [][2]int {
	if q < end && toks[q].text == "," && q+1 < end && toks[q+1].kind != tQuote && !quotationOnly(toks, inQuote, q+1, end) && words(toks, q, end) >= 2 &&
		!toks[q+1].in(circumstanceStarts) && !sceneSetting(toks, q+1, end) && !asideParticiple(&toks[q+1]) &&
		!(toks[q+1].lower() == "and" && !hasVerb(toks, inQuote, q+1, end)) { // "wrote Ann Lee, and Sen. Tom Hale": a second source
		out = append(out, [2]int{q + 1, end})
	}
	return out
}

// rest adds the words after the frame that continue what it reports, as
// parentheticalRest reads them. After "said X, …" words without a verb
// still describe X: "said Cohen, who directs the Center for Law,
// Biotechnology & Bioethics".
func (f *frame) rest(toks []token, inQuote []bool, end int) [][2]int {
	if f.inverted && !hasVerb(toks, inQuote, f.fwd+1, end) && !markIn(toks, inQuote, f.fwd+1, end) {
		return f.contents
	}
	return parentheticalRest(toks, inQuote, f.fwd, end, f.contents)
}

// asideParticiple reports a participle that opens an aside, not speech:
// "he said, referring to the vote", "she said, pointing at the map".
func asideParticiple(t *token) bool {
	l := t.lower()
	if t.cap || len(l) < 6 || !strings.HasSuffix(l, "ing") || nounsInIng.has(l) {
		return false
	}
	v, ok := cueVerbs[l]
	return !ok || v.needsQuote
}

// noFrameBetween reports that no frame before frames[k] in the sentence
// reaches past token cs.
func noFrameBetween(frames []frame, k, cs int) bool {
	for j := max(0, k-maxReach); j < k; j++ {
		if frames[j].frameE > cs {
			return false
		}
	}
	return true
}

// attributesQuotation reports a frame right after a quotation that opens
// its sentence ("“…,” Kerry said at the end of the talks"): what follows the
// frame is then circumstance, not speech, unless "that" says so. A
// quotation inside the sentence ("said on CBS's “Face the Nation,” …") does
// not count.
func attributesQuotation(toks []token, inQuote []bool, a, fs int) bool {
	p := fs - 1
	for p >= a && (toks[p].text == "," || toks[p].text == "--" || toks[p].text == "—") {
		p--
	}
	if p < a || toks[p].kind != tQuote || inQuote[p] {
		return false
	}
	o := p - 1
	for o >= a && (inQuote[o] || toks[o].kind == tPunct) {
		if p-o > maxClause {
			return false
		}
		o--
	}
	// o is the opening mark, or the sentence began inside the quotation
	return o < a || toks[o].kind == tQuote && o <= skipConj(toks, a, o+1)
}

// quotationThenFrame reports a sentence that is a quotation and then the
// frame, which ends it: "“…,” the report finds." A verb of judgment or a
// speech act attributes the quotation before it.
func quotationThenFrame(toks []token, inQuote []bool, a, b int, f *frame) bool {
	return (f.fwd >= b || sentenceEnd(&toks[f.fwd])) && attributesQuotation(toks, inQuote, a, f.frameS)
}

// accordingContents: "According to X, …", "…, according to X." and "…,
// according to X, …".
func accordingContents(toks []token, inQuote []bool, a, b int, frames []frame, k int) {
	f := &frames[k]
	cs := skipConj(toks, a, b)
	if f.cueS <= cs {
		e := f.fwd
		if e < b && toks[e].text == "," {
			end := b
			for end > e && toks[end-1].kind == tPunct {
				end--
			}
			if e+1 < end && !quotationOnly(toks, inQuote, e+1, end) {
				f.contents = appendContents(toks, inQuote, e+1, end, f.contents)
			}
		}
		return
	}
	p := f.cueS - 1
	ce := p
	if toks[p].text == "," || toks[p].text == "(" || toks[p].text == "—" || toks[p].text == "--" {
		ce = p
	} else {
		ce = f.cueS
	}
	for j := k - 1; j >= 0 && k-j <= maxReach; j-- {
		if frames[j].frameE <= ce && frames[j].frameE > cs {
			cs = frames[j].fwd
			break
		}
	}
	if ce > cs && !quotationOnly(toks, inQuote, cs, ce) {
		f.contents = append(f.contents, [2]int{cs, ce})
	}
	q := f.fwd
	end := b
	for end > q && toks[end-1].kind == tPunct {
		end--
	}
	if q < b && toks[q].text == "," && q+1 < end && !quotationOnly(toks, inQuote, q+1, end) && toks[q+1].kind != tQuote && !descriptionOnly(toks, inQuote, q+1, end) {
		f.contents = append(f.contents, [2]int{q + 1, end})
	}
}

// hasVerb reports a verb among tokens [s, e), as far as the word lists
// tell: a form of be or have, a reporting verb, a past form.
func hasVerb(toks []token, inQuote []bool, s, e int) bool {
	for i := s; i < e; i++ {
		u := &toks[i]
		if inQuote[i] || u.kind != tWord {
			continue
		}
		if u.in(clauseVerbs|beForms|irregularPast) || isVerbish(u) || pronounContraction(u.lower()) != "" || lowerFirst(u) && len(u.text) > 4 && strings.HasSuffix(u.text, "ed") {
			return true
		}
	}
	return false
}

// descriptionOnly reports words that describe the source before them and
// report nothing: "according to Ann Lee, an economist at the bank".
func descriptionOnly(toks []token, inQuote []bool, s, e int) bool {
	t := &toks[s]
	if !(t.in(determiners|personTitles|roleNouns|nameMods) || possessive(t)) || t.in(subjectPronouns) {
		return false
	}
	for i := s; i < e; i++ {
		u := &toks[i]
		if inQuote[i] || u.kind == tQuote || clauseWord(u) || u.lower() == "who" {
			return false
		}
	}
	return true
}

// quotationOnly reports whether tokens [s, e) are one quotation and
// punctuation, so a quotation, not a reported clause, is the content.
func quotationOnly(toks []token, inQuote []bool, s, e int) bool {
	for i := s; i < e; i++ {
		if !inQuote[i] && toks[i].kind != tQuote && toks[i].kind != tPunct {
			return false
		}
	}
	return true
}

// appendContents splits the reported clause [k, end) at "and that", "but
// that", ";" and ", adding that", each part reported speech of its own.
func appendContents(toks []token, inQuote []bool, k, end int, out [][2]int) [][2]int {
	s := k
	for i := k; i < end; i++ {
		if inQuote[i] {
			continue
		}
		t := &toks[i]
		l := t.lower()
		cut, next := -1, -1
		switch {
		case t.text == ";":
			cut, next = i, i+1
		case l == "that" && i > s+1 && toks[i-1].in(conjunctions):
			cut, next = i-1, i+1
			if cut-1 > s && toks[cut-1].text == "," {
				cut--
			}
		case t.text == "," && i+2 < end && toks[i+1].lower() == "according" && toks[i+2].lower() == "to":
			cut, next = i, end
		}
		if cut < 0 {
			continue
		}
		if cut > s {
			out = append(out, [2]int{s, cut})
		}
		s = next
		i = next - 1
	}
	if end > s {
		out = append(out, [2]int{s, end})
	}
	return out
}

func isAdverb(t *token) bool {
	if t.kind != tWord {
		return false
	}
	return t.in(preVerb) || isLyAdverb(t)
}

func isLyAdverb(t *token) bool {
	l := t.text
	return len(l) > 4 && strings.HasSuffix(l, "ly") && !t.cap && !t.in(roleNouns|notAdverbs)
}
