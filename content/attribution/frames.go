package attribution

import (
	"strings"

	"copydesk/content/text"
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
	leadEnd        int      // "After saying …, she left": where the opening phrase ends, when its speaker is the subject after it
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

// findFrames appends the attributions of the sentence to out.
// titleCase is set for headlines, where verbs are capitalised too.
func (sen *sentence) findFrames(titleCase bool, out []frame) []frame {
	toks, inQuote, a, b := sen.toks, sen.inQuote, sen.a, sen.b
	first := len(out)
	for i := a; i < b; i++ {
		t := &toks[i]
		if inQuote[i] {
			continue
		}
		if t.Kind == text.Punct {
			if f, ok := sen.markFrame(i); ok {
				out = append(out, f)
			}
			continue
		}
		if t.Kind != text.Word {
			continue
		}
		if t.In(claimNouns) && !t.Cap {
			if f, ok := sen.nounFrame(i); ok {
				out = append(out, f)
				continue
			}
		}
		if !t.In(cueWords) {
			continue
		}
		l := t.Lower()
		if l == "according" {
			if i+1 < b && toks[i+1].Lower() == "to" {
				if f, ok := sen.accordingTo(i); ok {
					out = append(out, f)
				}
				i++
			}
			continue
		}
		if l == "asked" {
			if f, ok := sen.askedFrame(i); ok {
				out = append(out, f)
				continue
			}
		}
		v := cueVerbs[l]
		if t.Cap && i != a && (!titleCase || v.needsThat) {
			continue
		}
		if f, ok := sen.verbFrame(i, v); ok {
			out = append(out, f)
		}
	}
	// A speech act is an attribution only with a quotation after it.
	lastMark := -1
	for i := b - 1; i >= a; i-- {
		if toks[i].Kind == text.QuoteMark && !inQuote[i] {
			// a double mark, or a single one that opens a quotation:
			// “…” or ‘…’ as British and Indian papers write
			if d, _ := markOf(toks[i].Text); d || i+1 < b && inQuote[i+1] {
				lastMark = i
				break
			}
		}
	}
	k := first
	for _, f := range out[first:] {
		if cueVerbs[toks[f.cueS].Lower()].needsQuote && lastMark < f.fwd && !sen.quotationThenFrame(&f) && !sen.whatFrame(&f) {
			continue
		}
		if toks[f.cueS].Kind == text.Word && cueVerbs[toks[f.cueS].Lower()].quotesOnly && !f.colon && !sen.quoted {
			continue // "The talks are continuing, he said": no quotation, no cue
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
		sen.frameContents(frames, k)
	}
	// A speech act frames the quotation in its own clause: "Ruiz, who has
	// endorsed Clinton, called it a “disgrace”" keeps "called" only.
	k = first
	dropped := false
	for _, f := range out[first:] {
		if cueVerbs[toks[f.cueS].Lower()].needsQuote && !sen.markInContents(f.contents) && !sen.markIn(f.fwd, f.clauseEnd) && !sen.quotationThenFrame(&f) && !sen.whatFrame(&f) ||
			f.object && !sen.markIn(f.fwd, f.clauseEnd) {
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
			sen.inheritSource(frames, k)
		}
	}
	if dropped {
		for k := range frames {
			frames[k].contents = frames[k].contents[:0]
			sen.frameContents(frames, k)
		}
	}
	return out
}

// objectOfPreposition reports a phrase starting at s after a preposition
// ("to his office", "in Tulsa"), not "with" or "of", which join speakers.
func objectOfPreposition(toks []text.Token, a, s int) bool {
	if s <= a {
		return false
	}
	p := &toks[s-1]
	return (p.In(prepositions|adverbialPreps) || p.Lower() == "to") && p.Lower() != "with" && p.Lower() != "of"
}

// placeAfterPlace reports a one-word name after a comma that follows a
// name after a preposition: the state or country of "in Tulsa, Oklahoma,".
func placeAfterPlace(toks []text.Token, a int, np phrase) bool {
	if np.kind != npName || np.e-np.s != 1 || np.s-2 < a || toks[np.s-1].Text != "," {
		return false
	}
	k := np.s - 2
	for k > a && toks[k].Cap && toks[k].Kind == text.Word && toks[k-1].Cap && toks[k-1].Kind == text.Word {
		k--
	}
	return toks[k].Cap && toks[k].Kind == text.Word && objectOfPreposition(toks, a, k)
}

// participle reports a lower-case -ing word that is no reporting verb and
// no noun of the list: "pushing", "marching".
func participle(t *text.Token) bool {
	l := t.Lower()
	if t.Kind != text.Word || t.Cap || len(l) <= 5 || !strings.HasSuffix(l, "ing") || nounsInIng.Has(l) {
		return false
	}
	v, cue := cueVerbs[l]
	return !cue || v.particle != "" // "pushing" reports only as "pushing back"
}

// laterFrameAfterComma reports a frame set off by a comma or a dash among
// frames, which reports the words before it.
func laterFrameAfterComma(toks []text.Token, frames []frame) bool {
	for _, g := range frames {
		if p := g.frameS - 1; p >= 0 && !g.passive && (toks[p].Text == "," || toks[p].Text == "—" || toks[p].Text == "--") {
			return true
		}
	}
	return false
}

// markIn reports a double quotation mark among tokens [s, e).
func (sen *sentence) markIn(s, e int) bool {
	return sen.markInContents([][2]int{{max(s, 0), e}})
}

// markInContents reports a double quotation mark inside reported clauses.
func (sen *sentence) markInContents(contents [][2]int) bool {
	toks, inQuote := sen.toks, sen.inQuote
	for _, c := range contents {
		for i := c[0]; i < c[1]; i++ {
			if toks[i].Kind == text.QuoteMark && !inQuote[i] {
				if d, _ := markOf(toks[i].Text); d || i+1 < len(toks) && inQuote[i+1] {
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
func (sen *sentence) markFrame(i int) (frame, bool) {
	toks, inQuote, a, b := sen.toks, sen.inQuote, sen.a, sen.b
	f := frame{cueS: i, cueE: i + 1, fwd: -1, quotesOnly: true}
	switch toks[i].Text {
	case "―", "—", "–", "--", "-":
		p := i - 1
		if p < a || toks[p].Kind != text.QuoteMark || inQuote[p] {
			return f, false
		}
		np, ok := forwardNP(toks, i+1, b)
		if !ok || np.kind == npPronoun || !(np.e >= b || toks[np.e].Kind == text.Punct && toks[np.e].Text != "-" || toks[np.e].Kind == text.QuoteMark) {
			return f, false
		}
		if e := sen.apposEnd(np.e); e > np.e {
			np = np.fix()
			np.apS, np.apE = np.e+1, e
			np.e = e
		}
		f.src, f.inverted = np, true
		f.frameS, f.frameE, f.fwd = i, np.e, np.e
		return f, true
	case ":":
		if sen.head && i+1 < b && i > a {
			// a headline's "Police remained vigilant: Sharma", "Motive
			// still unknown: police chief" (a lone name only after a verb)
			if np, ok := forwardNP(toks, i+1, b); ok && (np.kind == npName && (np.e-np.s > 1 || sen.hasVerb(a, i)) || toks[np.fix().ce-1].In(roleNouns)) && np.e-np.s <= 4 && (np.e >= b || np.e+1 == b && sentenceEnd(&toks[np.e])) {
				f.src, f.inverted, f.quotesOnly = np, true, false
				f.frameS, f.frameE, f.fwd = i+1, np.e, np.e
				return f, true
			}
		}
		// "Sanders made the following comment:" may end its paragraph,
		// the words it announces set off as the next one.
		announces := i+1 == len(toks) && i > a && (toks[i-1].In(claimNouns) && !toks[i-1].Cap || toks[i-1].Lower() == "following")
		if !announces && (i+1 >= b || toks[i+1].Kind != text.QuoteMark || inQuote[i+1]) || i-a > 40 {
			return f, false
		}
		s := a
		for k := i - 1; k >= a; k-- {
			if toks[k].Text == "-" || toks[k].Text == "—" || toks[k].Text == "―" || toks[k].Text == "–" || toks[k].Text == "--" {
				s = k + 1
				break
			}
		}
		np, ok := backwardNP(toks, s, i)
		if !ok || np.kind == npPronoun || np.s != skipConj(toks, s, i) && !(np.s > s && toks[np.s-1].Lower() == "from") && np.kind != npName {
			// "Clinton has since apologized for what happened: “…”"
			if np, ok = sen.sentenceSubject(i); !ok || np.kind == npDesc && !toks[np.head].In(roleNouns) {
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
func (sen *sentence) askedFrame(i int) (frame, bool) {
	toks, inQuote, a, b := sen.toks, sen.inQuote, sen.a, sen.b
	f := frame{cueS: i, cueE: i + 1, fwd: -1, asked: true}
	j := skipConj(toks, a, i)
	if !(i == j || i == j+1 && askedOpeners.Has(toks[j].Lower())) {
		return f, false
	}
	k := i + 1
	if k < b && toks[k].Lower() == "by" {
		np, ok := forwardNP(toks, k+1, b)
		if !ok {
			return f, false
		}
		f.src, k = np, np.e
	}
	for n := 0; n < 3; n++ {
		k = sen.skipAdverbial(k)
		if k+1 < b && toks[k].In(adverbialPreps) && toks[k+1].In(timeWords) {
			k += 2 // "asked by reporters on Thursday about …"
		}
	}
	if k >= b || inQuote[k] || !(toks[k].Lower() == "about" || toks[k].Lower() == "to" || toks[k].In(subordinators) && !toks[k].In(determiners) && toks[k].Lower() != "that") {
		return f, false
	}
	f.frameS, f.frameE, f.fwd = j, k, k
	return f, true
}

// nounFrame reads a claim named by a noun with its owner and "that":
// "Trump's claim that …", "his repeated insistence that …".
func (sen *sentence) nounFrame(i int) (frame, bool) {
	toks, inQuote, a, b := sen.toks, sen.inQuote, sen.a, sen.b
	f := frame{cueS: i, cueE: i + 1, fwd: -1}
	if i+2 < b && (toks[i+1].Text == "from" || toks[i+1].Text == "by") && !inQuote[i+1] {
		// "warnings from his attorney that …": the one after "from"
		np, ok := forwardNP(toks, i+2, b)
		if !ok || np.kind == npPronoun || np.e >= b || toks[np.e].Text != "that" || inQuote[np.e] || !plausibleSpeaker(toks, np) {
			return f, false
		}
		f.src, f.hasThat = np, true
		f.frameS, f.frameE, f.fwd = i, np.e+1, np.e+1
		return f, true
	}
	if i+1 >= b || toks[i+1].Lower() != "that" || inQuote[i+1] {
		return f, false
	}
	j := i - 1
	for j >= a && i-j <= 3 && toks[j].Kind == text.Word && !toks[j].Cap && !possessive(&toks[j]) && !toks[j].In(possessivePronouns) && !toks[j].In(text.FunctionWords) {
		j-- // "repeated", "latest", "false"
	}
	if j < a || inQuote[j] {
		return f, false
	}
	var src phrase
	switch {
	case toks[j].In(possessivePronouns):
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
func (sen *sentence) accordingTo(i int) (frame, bool) {
	toks, inQuote, b := sen.toks, sen.inQuote, sen.b
	f := frame{cueS: i, cueE: i + 2, frameS: i, fwd: -1, quotesOnly: true}
	np, ok := forwardNP(toks, i+2, b)
	if k := i + 2; !ok && k < b {
		switch toks[k].Lower() {
		case "him", "her", "them": // "According to him, …"
			np, ok = phrase{s: k, e: k + 1, cs: k, ce: k + 1, kind: npPronoun, head: k}, true
		}
	}
	if !ok {
		return f, false
	}
	// The phrase runs on to the comma: "according to early results of exit
	// polls conducted for the networks, …".
	e := np.e
	for e < b && e-i < 30 && !inQuote[e] && toks[e].Kind != text.QuoteMark && toks[e].Text != "," && toks[e].Text != ";" && !sentenceEnd(&toks[e]) && toks[e].Text != "—" && toks[e].Text != "--" && toks[e].Text != ")" {
		e++
	}
	np.e = e
	f.src, f.frameE, f.fwd = np, e, e
	return f, true
}

// passive reports "is said to", "was told", "were asked": the subject is the
// hearer or the topic, not the speaker.
func passive(toks []text.Token, a, i int) bool {
	l := toks[i].Lower()
	if strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") {
		return false
	}
	j := i - 1
	for j >= a && isAdverb(&toks[j]) && !toks[j].In(beForms) { // "was also told", "are being told"
		j--
	}
	return j >= a && toks[j].In(beForms)
}

// passiveFrame reads "was told that …", "were asked to …", "is said to":
// the one told is no speaker. The speaker is the agent after "by", or
// nobody named.
func (sen *sentence) passiveFrame(i int, v cueVerb) (frame, bool) {
	toks, inQuote, b := sen.toks, sen.inQuote, sen.b
	f := frame{cueS: i, cueE: i + 1, frameS: i, frameE: i + 1, fwd: -1, passive: true}
	if v.needsQuote {
		return sen.passiveSpeechAct(f)
	}
	if v.needsThat || v.quotesOnly {
		return f, false
	}
	k := i + 1
	if k < b && toks[k].Lower() == "by" && !inQuote[k] {
		np, ok := forwardNP(toks, k+1, b)
		if !ok || np.kind == npPronoun {
			return f, false
		}
		f.src, k = np, np.e
		f.frameE = k
	}
	k = sen.skipAdverbial(k)
	switch {
	case k >= b || inQuote[k]:
		return f, false
	case toks[k].Lower() == "that":
		f.hasThat = true
		k++
	case toks[k].Lower() == "to" && k+1 < b && lowerFirst(&toks[k+1]) && !toks[k+1].In(determiners),
		toks[k].In(subordinators) && !toks[k].In(determiners):
		// "was asked to resign", "were asked whether …"
	default:
		return f, false
	}
	f.fwd = k
	return f, true
}

// passiveSpeechAct reads "was branded “reckless” by the council",
// "described as “a disgrace” by X": the agent said the quoted words.
func (sen *sentence) passiveSpeechAct(f frame) (frame, bool) {
	toks, inQuote, b := sen.toks, sen.inQuote, sen.b
	k := f.cueE
	if k < b && toks[k].Lower() == "as" {
		k++
	}
	if k >= b || toks[k].Kind != text.QuoteMark || inQuote[k] {
		return f, false
	}
	for k++; k < b && (inQuote[k] || toks[k].Kind != text.QuoteMark) && k-f.cueE < maxClause; k++ {
	}
	for k++; k < b && toks[k].Text == ","; k++ {
	}

	if k >= b || toks[k].Lower() != "by" {
		return f, false
	}
	np, ok := forwardNP(toks, k+1, b)

	if !ok || np.kind == npPronoun || !plausibleSpeaker(toks, np) {
		return f, false
	}
	f.src, f.quotesOnly, f.passive = np, true, false
	f.fwd = f.cueE
	return f, true
}

func (sen *sentence) verbFrame(i int, v cueVerb) (frame, bool) {
	toks, inQuote, a, b := sen.toks, sen.inQuote, sen.a, sen.b
	f := frame{cueS: i, cueE: i + 1, fwd: -1, quotesOnly: v.quotesOnly}
	l := toks[i].Lower()
	be := i // where the verb is: "was" before an adjective
	if v.adjective {
		j := i - 1
		for j >= a && isAdverb(&toks[j]) && !toks[j].In(beForms) {
			j--
		}
		if j <= a || !toks[j].In(beForms) {
			return f, false // "an adamant critic": no one's words
		}
		be = j
	} else if passive(toks, a, i) {
		return sen.passiveFrame(i, v)
	}
	if l == "said" && i > a && i+2 < b && toks[i+1].Lower() == "to" && (toks[i+2].Lower() == "be" || toks[i+2].Lower() == "have") && npWord(&toks[i-1]) && !toks[i-1].In(subjectPronouns) {
		return f, false // "the MPs said to be backing him": hearsay, nobody's words
	}
	if l == v.lemma && i > a && toks[i-1].In(nounSayers) {
		return f, false // "the final say": a noun
	}
	if l == "say" && i-1 > a && toks[i-1].Lower() == "to" && toks[i-2].In(judgedSaying) {
		return f, false // "It was hard to say why …, Thorn said": an idiom, not who spoke
	}
	if v.lemma == "plead" && i+1 < b && (toks[i+1].Lower() == "guilty" || toks[i+1].Lower() == "not" || toks[i+1].Lower() == "innocent" || toks[i+1].Lower() == "no") {
		return f, false // "pleaded guilty to …": a plea, not a statement
	}
	if v.lemma == "call" && l == "called" && i > a && i+1 < b && lowerFirst(&toks[i-1]) && !toks[i-1].In(roleNouns|subjectPronouns|text.FunctionWords) && toks[i+1].Cap && !toks[i+1].In(determiners) {
		return f, false // "a program called Project Roomkey": a name given
	}
	if v.lemma == "answer" && i+1 < b && toks[i+1].In(subordinators) && toks[i+1].Lower() != "that" {
		return f, false // "does not answer whether Scott had a gun": a question left open
	}
	if v.lemma == "continue" && i+1 < b && (toks[i+1].Lower() == "to" || strings.HasSuffix(toks[i+1].Lower(), "ing")) {
		return f, false // "we must continue to push", "continued pushing": carrying on, not speaking
	}
	if v.lemma == "state" && (l == "state" || l == "states") && stateNoun(toks, a, b, i) {
		return f, false // "Washington state", "his home state of Florida", "state lawmakers"
	}
	if i+1 < b && toks[i+1].Kind == text.Word {
		next := toks[i+1].Lower()
		switch {
		case v.lemma == "point":
			if next != "out" {
				return f, false
			}
			f.cueE = i + 2
		case v.lemma == "brush":
			if next != "aside" && next != "off" {
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
	} else if v.particle != "" || v.lemma == "point" || v.lemma == "brush" {
		return f, false
	}
	if strings.HasSuffix(l, "ed") && i+2 < b && toks[i+1].Lower() == "by" && !inQuote[i+1] && !strings.HasSuffix(toks[i+2].Lower(), "ing") &&
		i > a && npWord(&toks[i-1]) && !toks[i-1].In(beForms|clauseVerbs) {
		return f, false // "the sum announced by the chancellor": a participle after its noun
	}
	subj, found := sen.subjectBefore(be)
	if i > a && toks[i-1].Text == "," && !v.needsQuote && !v.object && !strings.HasSuffix(l, "ing") && (!found || subj.kind != npName && subj.kind != npPronoun) {
		// "Mix of nationalities shields UAE, says police chief": a
		// speaker closing the sentence after the verb
		if np, ok := forwardNP(toks, i+1, b); ok && np.kind != npPronoun && (np.e >= b || np.e+1 == b && sentenceEnd(&toks[np.e])) && plausibleSpeaker(toks, np) {
			subj, found, f.inverted = np, true, true
		}
	}
	if found && strings.HasSuffix(l, "ing") && subj.kind != npPronoun && (objectOfPreposition(toks, a, subj.s) || placeAfterPlace(toks, a, subj)) {
		// "Lucy wrote to his office saying …": the writer speaks, not
		// the one written to; nor does the state of "in Tulsa, Oklahoma,
		// arguing …"
		found, f.inherit = false, true
	}
	if found && amountPhrase(toks, subj) {
		return f, false // "the £7.4m scheme announced": money does not speak
	}
	if found && relativeBefore(toks, a, i) {
		f.rel = true
	}
	if found && strings.HasSuffix(l, "ing") && subj.kind == npDesc && (toks[subj.head].In(documentNouns) || documentSeries(toks, subj)) && subj.s > a && lowerFirst(&toks[subj.s-1]) && !toks[subj.s-1].In(prepositions) {
		// "Black Lives Matter issued a statement saying …": the one who
		// issued it speaks
		found, f.inherit = false, true
	}
	if found && v.ambiguous && subj.kind == npDesc && subj.e == i && lowerFirst(&toks[subj.head]) && !toks[subj.head].In(roleNouns|orgDescriptors|documentNouns|orgWords) && subj.e-subj.s == 2 && toks[subj.s].In(determiners) {
		return f, false // "the nonstop demands that come with …": a noun after its modifier
	}
	if found && v.ambiguous && subj.kind == npDesc && subj.e == i && strings.HasSuffix(l, "s") && plural(toks[subj.head].Lower()) && lowerFirst(&toks[subj.head]) {
		return f, false // "shootings and protests demands that": a plural does not agree with "demands"
	}
	if found && v.ambiguous && !adjacentSubject(toks, subj, i) && !(i+1 < b && toks[i+1].Lower() == "that") && !(toks[i-1].Text == "," && subj.kind == npName) {
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
		invertible := !strings.HasSuffix(l, "ing") && !v.needsQuote && (!v.object || v.lemma == "ask") && f.cueE < b && !toks[f.cueE].In(timeWords)
		if invertible && (p < a || toks[p].Text == "," || toks[p].Kind == text.QuoteMark || toks[p].Text == ":" || toks[p].Text == "(" || toks[p].Text == "—" || toks[p].Text == "--") {
			if np, ok := forwardNP(toks, f.cueE, b); ok && (np.kind != npDesc || toks[np.s].In(determiners) || np.e-np.s > 1 || toks[np.head].In(roleNouns) && plural(toks[np.head].Lower())) && sen.invertedEnd(np.e) {
				subj, found, f.inverted = np, true, true
			}
		}
	}
	if !found && !f.inherit {
		// ", saying …", "and said …": the subject of the clause speaks.
		p := i - 1
		for p >= a && (isAdverb(&toks[p]) || toks[p].In(focusAdverbs) || toks[p].Kind == text.QuoteMark && !inQuote[p]) {
			p-- // "… ''expansionist,'' accusing it of …", ", only saying"
		}
		if np, c, ok := sen.openingParticiple(i, p); ok && strings.HasSuffix(l, "ing") {
			// "After saying her foot was “swollen,” she was taken …",
			// "Bemoaning the “phony system,” Trump accused …": the
			// subject after the opening phrase said it
			subj, f.lead, f.leadEnd = np, true, c
		} else if strings.HasSuffix(l, "ing") && p == a && participlePreps.Has(toks[p].Lower()) && i+1 < b && toks[i+1].Lower() == "that" {
			// "While stating that …, Davis said": the speaker of the
			// main clause after it
			f.inherit, f.lead = true, true
		} else if strings.HasSuffix(l, "ing") && p >= a && (toks[p].Text == "," || toks[p].Text == "--" || toks[p].Text == "—" || participlePreps.Has(toks[p].Lower())) ||
			p >= a && (toks[p].Lower() == "and" || toks[p].Lower() == "but" || toks[p].Lower() == "then") {
			f.inherit = true
		} else if strings.HasSuffix(l, "ing") && p < a && i+1 < b && toks[i+1].Lower() == "that" {
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
		if e := sen.apposEnd(k); e > k {
			f.src = f.src.fix()
			f.src.apS, f.src.apE = k+1, e
			k = e
			f.frameE = e
		}
	}
	if v.object && !f.inverted {
		if h := sen.skipObject(k); !(h > k && toks[h-1].In(toldThings)) {
			k = h // not "told the story of …": what is told, not who hears it
		}
		if f.inherit && k > f.cueE && k < b && toks[k].Lower() == "for" && !sen.markIn(k, b) {
			return f, false // "said … and asked the woman for her boyfriend": a request inside the report, no words of its own
		}
	}
	if h := sen.skipAdverbial(k); h > k && toks[k].Lower() == "to" && h < b && toks[h].Text == "," {
		// "wrote to Ann Lee, the county clerk, to …": the one written
		// to, described, is no content
		if e := sen.apposEnd(h); e > h && e < b && toks[e].Text == "," {
			if e+2 < b && toks[e+1].Lower() == "to" && toks[e+2].In(cueWords) {
				return f, false // "… to tell her": the telling reports
			}
			k = e + 1
		}
	}
	if !(v.needsQuote && k < b && toks[k].Text == "as") {
		k = sen.skipAdverbial(k) // but "described as …" names what it was described as
	}
	if k < b && k-1 > f.cueE && toks[k].Lower() == "to" && toks[k-1].Lower() == "not" {
		k-- // "urged residents not to panic": the request is not to
	}
	if k < b && toks[k].Lower() == "that" && !inQuote[k] {
		f.hasThat = true
		k++
		if k+1 < b && toks[k].Text == "," {
			k++ // "said that, “Of course …”"
		}
	} else if k < b && toks[k].Text == ":" {
		f.colon = true
		k++
	} else if k+1 < b && toks[k].Text == "," && toks[k+1].Kind == text.QuoteMark {
		k++
	}
	f.fwd = k
	if v.needsThat && !f.hasThat && !sen.quotationThenFrame(&f) {
		return f, false
	}
	// "As Kerry said, …"
	if f.frameS-1 >= a && toks[f.frameS-1].Lower() == "as" && onlyConjBefore(toks, a, f.frameS-1) {
		f.asClause = true
	}
	return f, true
}

// openingParticiple reads a participle that opens the sentence (p, the
// token before it, is before the sentence or a preposition that opens it:
// "After saying …, she"): the subject of the main clause after the
// phrase's comma, and where the phrase ends.
func (sen *sentence) openingParticiple(i, p int) (phrase, int, bool) {
	toks, inQuote, a, b := sen.toks, sen.inQuote, sen.a, sen.b
	if !(p < a || p == a && participlePreps.Has(toks[p].Lower())) || i+1 >= b {
		return phrase{}, 0, false
	}
	if j := sen.skipAdverbial(i + 1); j >= b || (toks[i+1].In(prepositions) || toks[i+1].Text == "upon" || toks[i+1].Text == "about") && toks[j].Text != "that" {
		return phrase{}, 0, false // "Repeating from his speech, Biden …": what was said is not here
	}
	for k := i + 1; k < b && k-i <= 40; k++ {
		end, next := -1, k+1
		switch {
		case inQuote[k]:
			continue
		case toks[k].Text == ",":
			end = k
			if k+1 < b && toks[k+1].Kind == text.QuoteMark && inQuote[k-1] {
				end, next = k+2, k+2 // “… shoe on,” she: the comma closes the quotation
			}
		case sentenceEnd(&toks[k]) || toks[k].Text == ";" || toks[k].Text == ":":
			return phrase{}, 0, false
		}
		if end < 0 {
			continue
		}
		np, ok := sen.subjectAt(next, b)
		verbAfter := ok
		if !ok {
			np, ok = forwardNP(toks, next, b) // its verb may be inside it: "the man ended up"
		}
		trimmed := false
		for k := np.s + 1; ok && k < np.e; k++ {
			if lowerFirst(&toks[k]) && strings.HasSuffix(toks[k].Text, "ed") && !toks[k-1].In(determiners|possessivePronouns) && !isAdverb(&toks[k-1]) {
				// "the billionaire real estate mogul offered himself":
				// the phrase ends at its verb
				np.e, np.head = k, k-1
				np.cs, np.ce = np.s, k
				trimmed = true
				break
			}
		}
		if !ok || !verbAfter && !trimmed || np.kind == npDesc && !toks[np.head].In(roleNouns) && !toks[np.s].In(determiners) || !plausibleSpeaker(toks, np) {
			return phrase{}, 0, false
		}
		if toks[i+1].Text != "that" && !sen.markIn(i+1, end) && !sen.hasVerb(i+1, end) {
			return phrase{}, 0, false // "Explaining his reasons, Lane said": no words of its own
		}
		return np, end, true
	}
	return phrase{}, 0, false
}

// whatFrame reports a speech act in a free relative, "what analysts
// described as age-old tactics", "what they call a rigged system": the
// name given is the speaker's characterisation, quoted or not.
func (sen *sentence) whatFrame(f *frame) bool {
	return f.src.kind != npNone && f.frameS-1 >= sen.a && f.frameS < f.cueS && (sen.toks[f.frameS-1].Text == "what" || sen.toks[f.frameS-1].Text == "What")
}

// relativeBefore reports a verb in a relative clause set off by commas:
// ", who had previously said".
func relativeBefore(toks []text.Token, a, i int) bool {
	j := i - 1
	for j >= a && isAdverb(&toks[j]) {
		j--
	}
	return j-1 >= a && (toks[j].Lower() == "who" || toks[j].Lower() == "which") && toks[j-1].Text == ","
}

// invertedEnd reports what may follow an inverted source ("…," said Kerry):
// the end of the clause, a description, a circumstance; not an object's
// verb ("wrote an op-ed urging …").
func (sen *sentence) invertedEnd(k int) bool {
	toks, b := sen.toks, sen.b
	if k >= b {
		return true
	}
	t := &toks[k]
	l := t.Lower()
	return t.Kind == text.Punct || t.Kind == text.QuoteMark || t.In(adverbialStarts) || t.In(timeWords) || l == "who" || l == "whose" || isAdverb(t) && !t.In(clauseVerbs) || l == "to" || l == "that" ||
		lowerFirst(t) && !t.In(determiners|subjectPronouns|objectPronouns|clauseVerbs) && !possessive(t) // "said one Republican involved in the planning"
}

// onlyConjBefore reports that tokens [a, k) are conjunctions and commas:
// "Yet, as Mr. Bown observed, …".
func onlyConjBefore(toks []text.Token, a, k int) bool {
	for i := a; i < k; i++ {
		if !toks[i].In(conjunctions) && toks[i].Kind != text.Punct {
			return false
		}
	}
	return true
}

// adjacentSubject: an ambiguous form (claims, notes, calls) is a verb only
// right after its subject: "Trump claims", "she also notes".
func adjacentSubject(toks []text.Token, subj phrase, i int) bool {
	for j := subj.e; j < i; j++ {
		if !isAdverb(&toks[j]) {
			return false
		}
	}
	if p := subj.s - 1; p >= 0 && (toks[p].In(prepositions) || toks[p].In(determiners) || toks[p].Kind == text.Number || toks[p].Text == "%") {
		return false // "11% of Republican claims": a noun after all
	}
	return subj.kind == npPronoun || subj.kind == npName || toks[subj.head].In(roleNouns)
}

// stateNoun reports "state" as a noun: before "of" or another noun, or
// after a place's name and before punctuation.
func stateNoun(toks []text.Token, a, b, i int) bool {
	if i+1 >= b {
		return i > a && toks[i-1].Cap
	}
	n := &toks[i+1]
	switch {
	case n.Lower() == "that" || n.Text == ":" || n.Kind == text.QuoteMark || n.In(circumstancePreps) && n.Lower() != "to" || isAdverb(n):
		return false
	case n.Kind == text.Word:
		return true // "state of Florida", "state lawmakers", "state next to"
	}
	return i > a && toks[i-1].Cap && !strings.HasSuffix(toks[i-1].Text, "s") // "Washington state,"
}

// partyTag reports a party and state after an American legislator's name:
// "D-Texas", "R-Fla".
func partyTag(t *text.Token) bool {
	l := t.Text
	return t.Kind == text.Word && len(l) > 3 && (l[0] == 'D' || l[0] == 'R' || l[0] == 'I') && l[1] == '-' && 'A' <= l[2] && l[2] <= 'Z'
}

// attributesQuotation reports a frame right after a quotation that opens
// its sentence ("“…,” Kerry said at the end of the talks"): what follows the
// frame is then circumstance, not speech, unless "that" says so. A
// quotation inside the sentence ("said on CBS's “Face the Nation,” …") does
// not count.
func (sen *sentence) attributesQuotation(fs int) bool {
	toks, inQuote, a := sen.toks, sen.inQuote, sen.a
	p := fs - 1
	for p >= a && (toks[p].Text == "," || toks[p].Text == "--" || toks[p].Text == "—") {
		p--
	}
	if p < a || toks[p].Kind != text.QuoteMark || inQuote[p] {
		return false
	}
	o := p - 1
	for o >= a && (inQuote[o] || toks[o].Kind == text.Punct) {
		if p-o > maxClause {
			return false
		}
		o--
	}
	// o is the opening mark, or the sentence began inside the quotation
	return o < a || toks[o].Kind == text.QuoteMark && o <= skipConj(toks, a, o+1)
}

// quotationThenFrame reports a sentence that is a quotation and then the
// frame, which ends it: "“…,” the report finds." A verb of judgment or a
// speech act attributes the quotation before it.
func (sen *sentence) quotationThenFrame(f *frame) bool {
	toks, b := sen.toks, sen.b
	return (f.fwd >= b || sentenceEnd(&toks[f.fwd])) && sen.attributesQuotation(f.frameS)
}

// documentSeries reports "a series of tweets", "a flurry of emails": many
// documents, whose writer speaks through them.
func documentSeries(toks []text.Token, p phrase) bool {
	h := p.head
	return toks[h].In(seriesNouns) && h+2 < len(toks) && toks[h+1].Lower() == "of" && toks[h+2].In(documentNouns)
}
