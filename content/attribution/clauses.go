package attribution

import (
	"strings"

	"copydesk/content/text"
)

// contentBytes turns a token range into a trimmed byte range: no leading
// "that", no trailing punctuation, no unpaired quotation mark at the ends.
func (sen *sentence) contentBytes(s, e int) (int, int, bool) {
	toks, inQuote := sen.toks, sen.inQuote
	if s == 0 {
		s = datelineEnd(toks, e)
	}
	for s < e && (toks[s].Lower() == "that" && !inQuote[s] || toks[s].Kind == text.Punct) {
		s++
	}
	for e > s && toks[e-1].Kind == text.Punct && toks[e-1].Text != ")" && toks[e-1].Text != "?" && toks[e-1].Text != "!" {
		e--
	}
	n := 0
	for i := s; i < e; i++ {
		if toks[i].Kind == text.Word || toks[i].Kind == text.Number {
			n++
		}
	}
	if n < 2 {
		return 0, 0, false
	}
	bs, be := toks[s].Start, toks[e-1].End
	// drop an unpaired mark at either end
	if toks[s].Kind == text.QuoteMark && countQuotes(toks, s, e)%2 == 1 {
		bs = toks[s+1].Start
	} else if toks[e-1].Kind == text.QuoteMark && countQuotes(toks, s, e)%2 == 1 {
		be = toks[e-2].End
	}
	if be <= bs {
		return 0, 0, false
	}
	return bs, be, true
}

// datelineEnd returns where a paragraph's text begins after a dateline of
// one to three capitalised words and a colon or a dash ("New Delhi:",
// "WASHINGTON —"), or 0; it looks no further than e.
func datelineEnd(toks []text.Token, e int) int {
	for k := 1; k <= 3 && k+1 < e; k++ {
		t := &toks[k-1]
		if t.Kind != text.Word || !t.Cap || t.Function {
			return 0
		}
		d := k
		if k+3 < e && toks[k].Text == "(" && toks[k+1].Cap && toks[k+2].Text == ")" {
			d = k + 3 // "Washington (AFP) –"
		}
		switch toks[d].Text {
		case ":", "—", "―", "--", "–":
			return d + 1
		}
	}
	return 0
}

func countQuotes(toks []text.Token, s, e int) int {
	n := 0
	for i := s; i < e; i++ {
		if toks[i].Kind == text.QuoteMark {
			if d, _ := markOf(toks[i].Text); d {
				n++
			}
		}
	}
	return n
}

// clauseWord reports a word that makes a clause of the words around it: a
// verb, a subject pronoun, "that". Phrases without one only name or place.
func clauseWord(u *text.Token) bool {
	return u.Kind == text.Word && (u.In(clauseVerbs|beForms|subjectPronouns) || isVerbish(u) || u.Lower() == "that")
}

// bareCircumstance reports words that only say where, when or how
// something was said, a preposition and its noun phrase without a verb:
// "in a tweet", "on Thursday", "to Reuters". They are no reported speech.
func (sen *sentence) bareCircumstance(s, e int) bool {
	toks, inQuote := sen.toks, sen.inQuote
	if s >= e || inQuote[s] {
		return false
	}
	t := &toks[s]
	switch {
	case t.Lower() == "to":
		// "confirmed to Reuters", "to the Herald"; not "to halt the vote"
		// or "admitted to other break-ins"
		n := s + 1
		if n < e && toks[n].Lower() == "the" {
			n++
		}
		if n >= e || !toks[n].Cap {
			return false
		}
	case t.Lower() == "of" && s+1 < e && toks[s+1].Cap && !toks[s+1].In(determiners):
		// "“…,” Dotson said of Ridley-Thomas": whom it was said of
	case !t.In(circumstancePreps):
		// "warned of", "called for", "asked about": a complement, which
		// reports what was said
		return false
	}
	for i := s + 1; i < e; i++ {
		u := &toks[i]
		if inQuote[i] || u.Kind == text.QuoteMark || u.Kind == text.Punct && u.Text != "," && u.Text != "." && u.Text != "-" {
			return false
		}
		if clauseWord(u) {
			return false
		}
		if u.Kind == text.Punct || u.In(prepositions) || u.In(timeWords) || isLyAdverb(u) || possessive(u) || u.Lower() == "about" {
			continue
		}
		if !npWord(u) {
			return false
		}
	}
	return true
}

// quotationBefore reports a quotation closing just before token k: "“…,”
// he said", "“…”, she said".
func (sen *sentence) quotationBefore(k int) bool {
	toks, inQuote, a := sen.toks, sen.inQuote, sen.a
	p := k - 1
	if p > a && toks[p].Text == "," {
		p--
	}
	return p > a && toks[p].Kind == text.QuoteMark && !inQuote[p] && inQuote[p-1]
}

// whenWords open a clause that says when something was said.
var whenWords = text.NewWordSet("as when while after before until once")

// concessives open a clause that stands beside the one before it.
var concessives = text.NewWordSet("though although while whereas yet as")

// frameContents sets the reported clauses of frames[k]: what follows the
// frame ("Kerry said that …"), what comes before it ("…, Kerry said"), or
// both round it ("…, he said, …").
func (sen *sentence) frameContents(frames []frame, k int) {
	toks, inQuote, a, b := sen.toks, sen.inQuote, sen.a, sen.b
	f := &frames[k]
	if f.cueS == f.frameS && f.cueE-f.cueS == 2 && toks[f.cueS].Lower() == "according" {
		sen.accordingContents(frames, k)
		return
	}
	if f.asked {
		// the question runs to the comma before the answer's frame
		end := sen.commaAfter(f.fwd, b, 60)
		if k+1 < len(frames) && frames[k+1].frameS > f.fwd && frames[k+1].frameS-1 < b && toks[frames[k+1].frameS-1].Text == "," {
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
		if c := sen.commaAfter(f.fwd, b, 60); c > 0 {
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
			for p > f.fwd && toks[p].Text != "," {
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
		sep := toks[p].Text == "," || toks[p].Text == ";" || toks[p].Text == "—" || toks[p].Text == "―" || toks[p].Text == "--" || toks[p].Text == "(" || f.lead
		conj := toks[p].Lower() == "and" || toks[p].Lower() == "but"
		if !sep && !conj && p-1 > f.fwd && toks[p].In(concessives) {
			// "…, though she noted …", "…, even as Lee concedes …": the
			// clause has a source of its own
			if toks[p].Lower() == "as" && toks[p-1].Lower() == "even" {
				p--
			}
			// the comma may close the quotation before: `health,"
			// while 73 percent said`
			conj = toks[p-1].Text == "," || toks[p-1].Kind == text.QuoteMark && p-2 > f.fwd && toks[p-2].Text == ","
		}
		if sep || conj || g.inherit && strings.HasSuffix(toks[g.cueS].Lower(), "ing") {
			if conj && p-1 > f.fwd && toks[p-1].Text == "," {
				p--
			}
			if toks[p].Text == "from" && p-1 > f.fwd && (toks[p-1].Text == "aside" || toks[p-1].Text == "apart" || toks[p-1].Text == "far") {
				p-- // "…, aside from saying": the phrase is the participle's
			}
			end = min(end, p)
			break
		}
	}
	if cueVerbs[toks[f.cueS].Lower()].lemma == "call" && f.cueE-f.cueS == 1 {
		// "what he calls political correctness, and …": the name given
		// ends at the comma
		if c := sen.commaAfter(f.fwd, end, 40); c > 0 {
			end = c
		}
	}
	if f.leadEnd > 0 {
		end = min(end, f.leadEnd)
	}
	// "defends his record in an ad: “…”": the quotation after the colon
	// speaks for itself
	end = min(end, f.fwd+maxClause)
	f.clauseEnd = end
	for j := f.fwd; j+1 < end; j++ {
		if toks[j].Text == ":" && !inQuote[j] && toks[j+1].Kind == text.QuoteMark {
			end = j
			break
		}
	}
	for end > f.fwd && end > a && (toks[end-1].Kind == text.Punct && toks[end-1].Text != ")" && toks[end-1].Text != "?" && toks[end-1].Text != "!") {
		end--
	}
	afterQuote := sen.attributesQuotation(f.frameS)
	if f.asClause {
		// "As Kerry told reporters, …"
		c := f.fwd
		if c < b && toks[c].Text == "," {
			f.contents = sen.appendContents(c+1, end, f.contents)
		}
		return
	}
	k2 := f.fwd
	if k2+1 < end && toks[k2].Text == "," && !f.inverted && !f.quotesOnly && toks[k2+1].Kind != text.QuoteMark && onlyConjBefore(toks, a, f.frameS) {
		k2++ // "But, Carson added, he did not support …"
	}
	forward := !f.quotesOnly && k2 < end && (toks[k2].Kind != text.Punct || toks[k2].Text == "(") && !f.inverted && !(afterQuote && !f.hasThat) &&
		!(k+1 < len(frames) && frames[k+1].cueS == k2 && frames[k+1].inherit) // "wrote to him saying …": the participle reports
	if forward && toks[k2].Kind == text.QuoteMark && sen.quotationOnly(k2, end) {
		forward = false // X said: "…" — the quotation is the content
	}
	if forward && !f.hasThat && !f.colon && toks[k2].Kind != text.QuoteMark {
		// "to conclude a deal", "posted a 222% rise", "added 146,000
		// jobs": an object, not reported speech
		switch v := cueVerbs[toks[f.cueS].Lower()]; {
		case v.plainObject && !sen.clauseAhead(k2, end), v.amountObject && amountAhead(toks, k2, end):
			forward, f.object = false, true
		}
	}
	if forward && !f.hasThat && !f.colon && sen.bareCircumstance(k2, end) {
		// "…, he said in a tweet.": the content is before the frame
		forward = false
		f.fwd = end
	}
	if forward && !f.hasThat && !f.colon && toks[k2].In(whenWords) && !toks[k2].Cap && !cueVerbs[toks[f.cueS].Lower()].needsQuote && sen.quotationBefore(f.frameS) {
		// "“…,” he said as he entered the talks": when it was said; the
		// words are before the frame
		forward = false
		f.fwd = end
	}
	if forward && !f.hasThat && !f.colon && k2 == f.cueE && k2+1 < end && !toks[k2].Cap && sen.complementAhead(k2) {
		// "did not respond to requests for comment", "called into a
		// radio show": the verb's complement, no reported words, here or
		// before it
		return
	}
	if forward {
		f.contents = sen.appendContents(k2, end, f.contents)
		return
	}
	if f.quotesOnly && !f.inverted {
		return
	}
	if q := f.fwd; q < b && !(sentenceEnd(&toks[q]) || toks[q].Text == "," || toks[q].Text == ";" || toks[q].Text == "—" || toks[q].Text == "--" || toks[q].Text == ")" || toks[q].Text == "(" || toks[q].Kind == text.QuoteMark && !inQuote[q]) && !(f.inverted && sen.bareCircumstance(q, end)) {
		// "…, says Reyes after the semi-final" has the content first
		return // "…, Cruz said: “…”": the frame opens a quotation
	}
	if f.colon {
		return // "Explaining his reasons, Lane said: “…”": the colon looks ahead only
	}
	if f.inherit && strings.HasSuffix(toks[f.cueS].Lower(), "ing") && f.fwd < b && toks[f.fwd].Kind == text.QuoteMark {
		return // "Sanders pressed on, saying, “…”": the clause before is what he did
	}
	if f.fwd < b && toks[f.fwd].Kind == text.QuoteMark && !inQuote[f.fwd] && f.fwd+1 < b && inQuote[f.fwd+1] {
		if s := skipConj(toks, a, f.frameS); s < f.frameS && (toks[s].In(adverbialStarts) || toks[s].In(introWords) || toks[s].Lower() == "with") && !toks[s].In(subordinators) && toks[s].Lower() != "as" {
			return // "With regard to the grant, Durie said, “…”": the quotation is what was said
		}
	}
	// Nothing reported after the frame: the content comes first, "…,
	// Kerry said." or runs round it, "…, he said, …".
	p := f.frameS - 1
	if p > a && toks[p].Kind == text.QuoteMark && !inQuote[p] {
		// "… are “very pro-Bernie,” Kilfoyle said": a partial quotation
		// ends the reported clause
		o := p - 1
		for o > a && !inQuote[o] && toks[o].Kind == text.Punct {
			o--
		}
		for o > a && inQuote[o] && p-o < maxClause {
			o--
		}
		cs := skipConj(toks, a, o)
		if toks[o].Kind == text.QuoteMark && o > cs && words(toks, cs-1, o) >= 2 && !sen.quotationOnly(cs, o) && noFrameBetween(frames, k, cs) {
			f.contents = append(f.contents, [2]int{cs, p + 1})
		}
		f.contents = sen.rest(f, end)
		return
	}
	if p-1 > a && toks[p].Text == "as" && toks[p-1].Text == "," && !f.inherit {
		p-- // "…, as police have said.": the clause before is what they said
	}
	if p <= a || !(toks[p].Text == "," || toks[p].Text == "--" || toks[p].Text == "—" || toks[p].Text == ":" && f.inverted) {
		return
	}
	cs := skipConj(toks, a, p)
	for j := k - 1; j >= 0 && k-j <= maxReach; j-- {
		if frames[j].frameS >= cs && !frames[j].inverted && cueVerbs[toks[frames[j].cueS].Lower()].object {
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
			for cs < p && (toks[cs].Kind == text.Punct || toks[cs].Lower() == "that") {
				cs++
			}
			break
		}
	}
	parenthetical := f.fwd < end && toks[f.fwd].Text == "," && words(toks, f.fwd, end) >= 2
	if parenthetical && p > cs && !sen.quotationOnly(cs, p) && !sen.hasVerb(cs, p) {
		if rest := sen.parentheticalRest(f.fwd, end, nil); len(rest) == 1 && sen.hasVerb(rest[0][0], rest[0][1]) {
			// "The third vote, she said, was to extend the lease": one
			// clause around the frame
			f.contents = append(f.contents, [2]int{cs, rest[0][1]})
			return
		}
	}
	if p > cs && !sen.quotationOnly(cs, p) && words(toks, cs-1, p) >= 2 && !(cs == skipConj(toks, a, p) && !parenthetical && sceneSetting(toks, cs, p)) && !sen.bareCircumstance(cs, p) {
		f.contents = append(f.contents, [2]int{cs, p})
	}
	if p > cs {
		f.contents = sen.rest(f, end)
	}
}

// complementAhead reports a preposition at token k that takes the reporting
// verb's complement, not a reported infinitive: "respond to requests",
// "called into the show"; but "pledged to oppose", "vowed to win" report,
// and so does "responded with a statement" (PolNeAR counts it).
func (sen *sentence) complementAhead(k int) bool {
	toks, b := sen.toks, sen.b
	switch toks[k].Lower() {
	case "into":
	case "to":
		n := &toks[k+1]
		l := n.Lower()
		plural := len(l) > 3 && strings.HasSuffix(l, "s") && !strings.HasSuffix(l, "ss") && !strings.HasSuffix(l, "us") && !strings.HasSuffix(l, "is")
		if !(n.In(determiners) && l != "that" || n.Cap || n.Kind == text.Number || plural && lowerFirst(n)) {
			return false // "pledged to oppose": an infinitive; "respond to requests": a plural noun
		}
	default:
		return false
	}
	// "pleaded with them to reject …", "explained to CBS why …": the
	// hearer, then what is reported
	for j := k + 2; j < b && j-k <= 10; j++ {
		if toks[j].In(subordinators) && !toks[j].In(determiners) || toks[j].Text == "to" && j+1 < b && lowerFirst(&toks[j+1]) && !toks[j+1].In(determiners) {
			return false
		}
	}
	return true
}

// clauseAhead reports a clause starting at token k: a subject pronoun and a
// verb ("he would"), or a phrase and an auxiliary or modal within a few
// words ("the plan was", "its profits would").
func (sen *sentence) clauseAhead(k, end int) bool {
	toks, inQuote := sen.toks, sen.inQuote
	t := &toks[k]
	if t.Lower() == "that" || t.In(subordinators) && !t.In(determiners) {
		return true // "added, that …", "reported what looked like …"
	}
	if t.In(subjectPronouns) && t.Lower() != "who" || pronounContraction(t.Lower()) != "" || t.Lower() == "there" {
		return k+1 < end && (isFiniteAfter(toks, k+1, end) || pronounContraction(t.Lower()) != "")
	}
	for j := k; j < end && j-k < 10; j++ {
		u := &toks[j]
		if inQuote[j] || u.Kind == text.QuoteMark || u.Kind == text.Punct && u.Text != "-" && u.Text != "%" && u.Text != "$" {
			return false
		}
		if j > k && (u.In(clauseVerbs) || pronounContraction(u.Lower()) != "") {
			return true
		}
	}
	return false
}

// amountPhrase reports a phrase that names a sum or a count of things
// rather than people: "£7.4m", "the 7.4m scheme", "30%".
func amountPhrase(toks []text.Token, p phrase) bool {
	if toks[p.head].In(roleNouns) && personHead(toks[p.head].Lower()) {
		return false // "the $20 million experts say it costs"
	}
	for j := p.s; j < p.e && j-p.s < 8; j++ {
		t := &toks[j]
		if t.Kind != text.Number {
			continue
		}
		if j > 0 && strings.ContainsAny(toks[j-1].Text, "$£€¥") || j+1 < len(toks) && toks[j+1].Text == "%" {
			return true
		}
		if l := t.Lower(); strings.HasSuffix(l, "m") || strings.HasSuffix(l, "bn") || strings.HasSuffix(l, "tn") {
			return true
		}
	}
	return false
}

// amountAhead reports an object that is an amount or a result, not words:
// "a 222% rise", "its first profit", "146,000 jobs", or a place or agent
// ("added to the total", "reported by the BBC", "reporting from Kiev").
func amountAhead(toks []text.Token, k, end int) bool {
	if l := toks[k].Lower(); l == "to" || l == "by" || l == "from" {
		return true
	}
	for j := k; j < end && j-k < 5; j++ {
		t := &toks[j]
		switch {
		case t.Kind == text.Number || t.In(resultNouns):
			return true
		case t.Kind == text.Punct && strings.ContainsAny(t.Text, "$£€%"):
			return true
		case t.Kind != text.Word || t.In(clauseVerbs) || t.In(subordinators) && !t.In(determiners):
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
func sceneSetting(toks []text.Token, s, e int) bool {
	l := toks[s].Lower()
	if !(len(l) > 5 && strings.HasSuffix(l, "ing") && !nounsInIng.Has(l) || l == "asked" || l == "pressed" || l == "questioned") {
		return false
	}
	for j := s + 1; j < e; j++ {
		u := &toks[j]
		if u.In(clauseVerbs|irregularPast) || u.Kind == text.QuoteMark || pronounContraction(u.Lower()) != "" || lowerFirst(u) && len(u.Text) > 4 && strings.HasSuffix(u.Text, "ed") {
			return false // "Seeing his brother suffer led him …, he said"
		}
	}
	return true
}

// parentheticalRest adds the words after a frame set off by commas: "…, he
// said, …" runs on to the end of its clause, unless they are a
// circumstance: "he said, in a caution to his backers".
func (sen *sentence) parentheticalRest(q, end int, out [][2]int) [][2]int {
	toks := sen.toks
	if q < end && toks[q].Text == "," && q+1 < end && toks[q+1].Kind != text.QuoteMark && !sen.quotationOnly(q+1, end) && words(toks, q, end) >= 2 &&
		!toks[q+1].In(circumstanceStarts) && !sceneSetting(toks, q+1, end) && !asideParticiple(&toks[q+1]) &&
		!(toks[q+1].Lower() == "and" && !sen.hasVerb(q+1, end)) { // "wrote Ann Lee, and Sen. Tom Hale": a second source
		out = append(out, [2]int{q + 1, end})
	}
	return out
}

// rest adds the words after the frame that continue what it reports, as
// parentheticalRest reads them. After "said X, …" words without a verb
// still describe X: "said Cohen, who directs the Center for Law,
// Biotechnology & Bioethics".
func (sen *sentence) rest(f *frame, end int) [][2]int {
	if f.inverted && !sen.hasVerb(f.fwd+1, end) && !sen.markIn(f.fwd+1, end) {
		return f.contents
	}
	return sen.parentheticalRest(f.fwd, end, f.contents)
}

// asideParticiple reports a participle that opens an aside, not speech:
// "he said, referring to the vote", "she said, pointing at the map".
func asideParticiple(t *text.Token) bool {
	l := t.Lower()
	if t.Cap || len(l) < 6 || !strings.HasSuffix(l, "ing") || nounsInIng.Has(l) {
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

// accordingContents: "According to X, …", "…, according to X." and "…,
// according to X, …".
func (sen *sentence) accordingContents(frames []frame, k int) {
	toks, a, b := sen.toks, sen.a, sen.b
	f := &frames[k]
	cs := skipConj(toks, a, b)
	if f.cueS <= cs {
		e := f.fwd
		if e < b && toks[e].Text == "," {
			end := b
			for end > e && toks[end-1].Kind == text.Punct {
				end--
			}
			if e+1 < end && !sen.quotationOnly(e+1, end) {
				f.contents = sen.appendContents(e+1, end, f.contents)
			}
		}
		return
	}
	p := f.cueS - 1
	ce := p
	if toks[p].Text == "," || toks[p].Text == "(" || toks[p].Text == "—" || toks[p].Text == "--" {
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
	if ce > cs && !sen.quotationOnly(cs, ce) {
		f.contents = append(f.contents, [2]int{cs, ce})
	}
	q := f.fwd
	end := b
	for end > q && toks[end-1].Kind == text.Punct {
		end--
	}
	if q < b && toks[q].Text == "," && q+1 < end && !sen.quotationOnly(q+1, end) && toks[q+1].Kind != text.QuoteMark && !sen.descriptionOnly(q+1, end) {
		f.contents = append(f.contents, [2]int{q + 1, end})
	}
}

// hasVerb reports a verb among tokens [s, e), as far as the word lists
// tell: a form of be or have, a reporting verb, a past form.
func (sen *sentence) hasVerb(s, e int) bool {
	toks, inQuote := sen.toks, sen.inQuote
	for i := s; i < e; i++ {
		u := &toks[i]
		if inQuote[i] || u.Kind != text.Word {
			continue
		}
		if u.In(clauseVerbs|beForms|irregularPast) || isVerbish(u) || pronounContraction(u.Lower()) != "" || lowerFirst(u) && len(u.Text) > 4 && strings.HasSuffix(u.Text, "ed") {
			return true
		}
	}
	return false
}

// descriptionOnly reports words that describe the source before them and
// report nothing: "according to Ann Lee, an economist at the bank".
func (sen *sentence) descriptionOnly(s, e int) bool {
	toks, inQuote := sen.toks, sen.inQuote
	t := &toks[s]
	if !(t.In(determiners|personTitles|roleNouns|nameMods) || possessive(t)) || t.In(subjectPronouns) {
		return false
	}
	for i := s; i < e; i++ {
		u := &toks[i]
		if inQuote[i] || u.Kind == text.QuoteMark || clauseWord(u) || u.Lower() == "who" {
			return false
		}
	}
	return true
}

// quotationOnly reports whether tokens [s, e) are one quotation and
// punctuation, so a quotation, not a reported clause, is the content.
func (sen *sentence) quotationOnly(s, e int) bool {
	toks, inQuote := sen.toks, sen.inQuote
	for i := s; i < e; i++ {
		if !inQuote[i] && toks[i].Kind != text.QuoteMark && toks[i].Kind != text.Punct {
			return false
		}
	}
	return true
}

// appendContents splits the reported clause [k, end) at "and that", "but
// that", ";" and ", adding that", each part reported speech of its own.
func (sen *sentence) appendContents(k, end int, out [][2]int) [][2]int {
	toks, inQuote := sen.toks, sen.inQuote
	s := k
	for i := k; i < end; i++ {
		if inQuote[i] {
			continue
		}
		t := &toks[i]
		l := t.Lower()
		cut, next := -1, -1
		switch {
		case t.Text == ";":
			cut, next = i, i+1
		case l == "that" && i > s+1 && toks[i-1].In(conjunctions):
			cut, next = i-1, i+1
			if cut-1 > s && toks[cut-1].Text == "," {
				cut--
			}
		case t.Text == "," && i+2 < end && toks[i+1].Lower() == "according" && toks[i+2].Lower() == "to":
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
