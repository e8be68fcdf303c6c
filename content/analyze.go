package content

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Analyze finds the speakers, quotes and figures of an article. It is one pass
// over the paragraphs in order, carrying only what the next paragraph needs
// (an open quotation, the last speaker, recent mentions), so its cost grows
// linearly with the text.
func Analyze(a *Article) *Analysis {
	an := &analyzer{res: newResolver(), last: -1}
	for i := range a.Paragraphs {
		an.paragraph(&a.Paragraphs[i])
	}
	return an.finish(a)
}

type analyzer struct {
	res *resolver

	// scratch, reused across paragraphs
	toks    []token
	sents   [][2]int
	quots   []quotation
	inQuote []bool
	attrs   []attribution

	quotes []Quote
	qent   []int // entity of each quote, -1 when unknown

	openBefore bool // the previous paragraph ended inside a quotation
	last       int  // index in quotes of the last attributed quote of the previous paragraph, or -1
	lastAttr   *sourceRef
	chain      []int // unattributed quotes of a quotation running over paragraphs
	list       *sourceRef
}

// sourceRef is a resolved attribution that later quotes can reuse.
type sourceRef struct {
	ent    int
	source *Span
	cue    *Span
}

func (an *analyzer) paragraph(p *Paragraph) {
	text := p.Text
	an.toks = tokenize(text, an.toks)
	toks := an.toks
	an.sents = sentences(toks, an.sents)
	var openAfter bool
	an.quots, openAfter = findQuotations(text, toks, an.openBefore, an.quots)
	if cap(an.inQuote) < len(toks) {
		an.inQuote = make([]bool, len(toks), len(toks)*2)
	}
	inQuote := an.inQuote[:len(toks)]
	for i := range inQuote {
		inQuote[i] = false
	}
	ti := 0
	for _, q := range an.quots { // quotations are in text order
		for ti < len(toks) && toks[ti].s < q.s {
			ti++
		}
		for i := ti; i < len(toks) && toks[i].e <= q.e; i++ {
			inQuote[i] = true
		}
	}

	an.attrs = an.attrs[:0]
	refs := []*sourceRef{}
	sentOf := make([]int, 0, 8)
	for si, sr := range an.sents {
		n := len(an.attrs)
		an.attrs = findAttributions(text, toks, inQuote, sr[0], sr[1], an.attrs)
		for k := n; k < len(an.attrs); k++ {
			at := &an.attrs[k]
			appos := apposAfter(text, toks, at.src.e, sr[1])
			at.ent = an.res.resolve(text, toks, at.src, appos)
			if at.ent >= 0 {
				an.res.speakers = append(an.res.speakers, at.ent)
			}
			src := &Span{Paragraph: p.N, Start: toks[at.src.s].s, End: toks[at.src.e-1].e}
			src.Text = text[src.Start:src.End]
			cue := &Span{Paragraph: p.N, Start: toks[at.cueS].s, End: toks[at.cueE-1].e}
			cue.Text = text[cue.Start:cue.End]
			refs = append(refs, &sourceRef{ent: at.ent, source: src, cue: cue})
			sentOf = append(sentOf, si)
			if at.ent >= 0 {
				an.res.mentions = append(an.res.mentions, Mention{Span: *src})
				an.res.mentEnt = append(an.res.mentEnt, at.ent)
			}
		}
		an.scanNames(text, toks, inQuote, sr[0], sr[1], p.N)
	}

	start := len(an.quotes)
	lastRef := (*sourceRef)(nil)
	// Indirect speech.
	for k := range an.attrs {
		at := &an.attrs[k]
		for _, c := range at.contents {
			s, e, ok := contentBytes(text, toks, c[0], c[1])
			if !ok {
				continue
			}
			an.addQuote(p, Indirect, s, e, refs[k])
		}
		lastRef = refs[k]
	}
	// Direct quotations.
	var prevRef *sourceRef
	for qi := range an.quots {
		q := &an.quots[qi]
		ref := an.linkQuotation(toks, q, qi, refs, sentOf)
		if ref == nil && prevRef != nil {
			ref = prevRef // "A," he said. "B."
		}
		if ref == nil && (q.contd || an.openBefore && qi == 0 && q.open == 0) && an.lastAttr != nil {
			ref = an.lastAttr // a quotation running over paragraphs
		}
		if ref == nil && qi == 0 && q.open == 0 && len(an.attrs) == 0 {
			if an.list != nil {
				ref = an.list
			} else if an.lastAttr != nil && an.last >= 0 {
				ref = an.lastAttr // a quote paragraph continuing the previous speaker
			}
		}
		if ref == nil && (q.single || words(toks, q.open, q.close) < 4 && q.open >= 0) {
			continue // scare quotes and titles, not speech
		}
		id := an.addQuote(p, Direct, q.s, q.e, ref)
		if ref == nil {
			if q.close < 0 || q.contd {
				an.chain = append(an.chain, id)
			}
		} else {
			for _, c := range an.chain {
				an.setRef(c, ref)
			}
			an.chain = an.chain[:0]
			prevRef = ref
			lastRef = ref
		}
	}
	if !openAfter {
		an.chain = an.chain[:0]
	}
	// "X said:" at the end of a paragraph introduces the paragraphs after it.
	if n := len(an.attrs); n > 0 && an.attrs[n-1].colon && an.attrs[n-1].fwd >= len(toks) {
		an.list = refs[n-1]
	} else if !startsWithListMark(text) || len(an.attrs) > 0 {
		an.list = nil
	}
	if an.list != nil && len(an.quots) == 0 && len(an.attrs) == 0 && startsWithListMark(text) {
		s := skipListMark(text)
		an.addQuote(p, Indirect, s, trimEnd(text, len(text)), an.list)
	}
	an.sortFrom(start)
	an.openBefore = openAfter
	an.last = -1
	if lastRef != nil {
		an.lastAttr = lastRef
		an.last = len(an.quotes) - 1
	} else {
		an.lastAttr = nil
	}
}

func (an *analyzer) addQuote(p *Paragraph, kind QuoteKind, s, e int, ref *sourceRef) int {
	q := Quote{ID: len(an.quotes), Kind: kind, Span: Span{Paragraph: p.N, Start: s, End: e, Text: p.Text[s:e]}}
	ent := -1
	if ref != nil {
		q.Cue, q.Source, ent = ref.cue, ref.source, ref.ent
	}
	an.quotes = append(an.quotes, q)
	an.qent = append(an.qent, ent)
	return q.ID
}

func (an *analyzer) setRef(id int, ref *sourceRef) {
	q := &an.quotes[id]
	q.Cue, q.Source = ref.cue, ref.source
	an.qent[id] = ref.ent
}

// sortFrom puts the quotes of the current paragraph in text order.
func (an *analyzer) sortFrom(start int) {
	qs, es := an.quotes[start:], an.qent[start:]
	idx := make([]int, len(qs))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(a, b int) bool {
		if qs[idx[a]].Start != qs[idx[b]].Start {
			return qs[idx[a]].Start < qs[idx[b]].Start
		}
		return qs[idx[a]].End > qs[idx[b]].End
	})
	nq := make([]Quote, len(qs))
	ne := make([]int, len(qs))
	remap := map[int]int{}
	for to, from := range idx {
		nq[to], ne[to] = qs[from], es[from]
		nq[to].ID = start + to
		remap[start+from] = start + to
	}
	copy(qs, nq)
	copy(es, ne)
	for i, c := range an.chain {
		if r, ok := remap[c]; ok {
			an.chain[i] = r
		}
	}
}

// linkQuotation finds the attribution of a quotation: right after its
// closing mark ("…," Kerry said), right before its opening mark (Kerry
// said: "…"), or elsewhere in its sentence (a partial quote inside reported
// speech).
func (an *analyzer) linkQuotation(toks []token, q *quotation, qi int, refs []*sourceRef, sentOf []int) *sourceRef {
	attrs := an.attrs
	if q.close >= 0 {
		k := q.close + 1
		for k < len(toks) && (toks[k].text == "," || toks[k].kind == tQuote) && k-q.close <= 2 {
			k++
		}
		for i := range attrs {
			if attrs[i].frameS == k || attrs[i].frameS == q.close+1 {
				return refs[i]
			}
		}
	}
	if q.open >= 0 {
		for i := range attrs {
			at := &attrs[i]
			if at.fwd >= 0 && at.fwd <= q.open && q.open-at.fwd <= 1 && at.frameE <= q.open {
				return refs[i]
			}
		}
	}
	// Same sentence: the nearest attribution before the quotation, else after.
	qs := sentenceOf(an.sents, max(q.open, 0))
	best := -1
	for i := range attrs {
		if sentOf[i] != qs {
			continue
		}
		if attrs[i].frameE <= max(q.open, 0) {
			best = i
		} else if best < 0 && attrs[i].frameS > q.close && q.close >= 0 {
			best = i
		}
	}
	if best >= 0 {
		return refs[best]
	}
	return nil
}

func sentenceOf(sents [][2]int, tok int) int {
	for i, s := range sents {
		if tok >= s[0] && tok < s[1] {
			return i
		}
	}
	return -1
}

// contentBytes turns a token range into a trimmed byte range: no leading
// "that", no trailing punctuation, no unpaired quotation mark at the ends.
func contentBytes(text string, toks []token, s, e int) (int, int, bool) {
	for s < e && (toks[s].lower() == "that" || toks[s].kind == tPunct) {
		s++
	}
	for e > s && toks[e-1].kind == tPunct {
		e--
	}
	n := 0
	for i := s; i < e; i++ {
		if toks[i].kind == tWord || toks[i].kind == tNum {
			n++
		}
	}
	if n < 2 {
		return 0, 0, false
	}
	bs, be := toks[s].s, toks[e-1].e
	// drop an unpaired mark at either end
	if toks[s].kind == tQuote && countQuotes(toks, s, e)%2 == 1 {
		bs = toks[s+1].s
	} else if toks[e-1].kind == tQuote && countQuotes(toks, s, e)%2 == 1 {
		be = toks[e-2].e
	}
	if be <= bs {
		return 0, 0, false
	}
	return bs, be, true
}

func countQuotes(toks []token, s, e int) int {
	n := 0
	for i := s; i < e; i++ {
		if toks[i].kind == tQuote {
			if d, _ := markOf(toks[i].text); d {
				n++
			}
		}
	}
	return n
}

// apposAfter returns the description set beside a name after it: "said Hans
// Schellnhuber, the director of the Potsdam Institute".
func apposAfter(text string, toks []token, e, b int) string {
	if e+1 >= b || toks[e].text != "," {
		return ""
	}
	k := e + 1
	l := toks[k].lower()
	if !(l == "the" || l == "a" || l == "an" || personTitles[l] || roleNouns[l] || possessive(&toks[k])) {
		return ""
	}
	j := k
	for j < b && j-k < 16 && toks[j].text != "," && toks[j].text != "." && toks[j].text != ";" && toks[j].kind != tQuote {
		if _, isCue := cueVerbs[toks[j].lower()]; isCue && !toks[j].cap {
			return ""
		}
		j++
	}
	return strings.TrimSpace(text[toks[k].s:toks[j-1].e])
}

// scanNames registers the people and organisations a sentence names, so
// later pronouns and descriptions can refer to them and speakers get their
// titles ("Russian Foreign Minister Sergei Lavrov").
func (an *analyzer) scanNames(text string, toks []token, inQuote []bool, a, b, para int) {
	for i := a; i < b; i++ {
		if inQuote[i] || !isNameWord(&toks[i]) {
			continue
		}
		j := i + 1
		for j < b && !inQuote[j] && (isNameWord(&toks[j]) || j+1 < b && nameParticles[toks[j].lower()] && isNameWord(&toks[j+1]) ||
			toks[j].lower() == "of" && j+1 < b && isNameWord(&toks[j+1]) && j > i && personTitles[toks[j-1].lower()]) {
			j++
		}
		s := extendModifiers(toks, a, i, true)
		p := phrase{s: s, e: j, kind: npName, head: j - 1}
		title, name := nameParts(toks, p)
		i = j - 1
		if name[0] == name[1] {
			continue
		}
		hasTitle := title[1] > title[0] && !determiners[toks[title[0]].lower()] || title[1]-title[0] > 1
		key := strings.ToLower(joinToks(text, toks, name))
		_, known := an.res.byName[key]
		lastKey := strings.TrimSuffix(strings.ToLower(toks[name[1]-1].text), "'s")
		_, knownLast := an.res.byLast[lastKey]
		org := isOrgName(toks, name)
		multi := name[1]-name[0] >= 2
		if !(known || knownLast || hasTitle || multi) || org && !known {
			continue
		}
		if org {
			continue
		}
		if name[0] == a && !multi && !known && !knownLast {
			continue
		}
		// person mentions only; organisations become entities when they speak
		surface := joinToks(text, toks, [2]int{s, j})
		if possessive(&toks[j-1]) {
			continue
		}
		desc := cleanTitle(text, toks, title)
		if !hasTitle {
			desc = ""
		}
		e := an.res.named(joinToks(text, toks, name), desc, entPerson, genderOf(toks, title, name), surface)
		sp := Span{Paragraph: para, Start: toks[name[0]].s, End: toks[name[1]-1].e}
		sp.Text = text[sp.Start:sp.End]
		an.res.mentions = append(an.res.mentions, Mention{Span: sp})
		an.res.mentEnt = append(an.res.mentEnt, e)
	}
}

func startsWithListMark(text string) bool {
	return skipListMark(text) > 0
}

func skipListMark(text string) int {
	r, n := utf8.DecodeRuneInString(text)
	switch r {
	case '-', '•', '*', '–', '—', '·':
		if n < len(text) && text[n] == ' ' {
			return n + 1
		}
	}
	i := 0
	for i < len(text) && isDigitByte(text[i]) {
		i++
	}
	if i > 0 && i+1 < len(text) && (text[i] == '.' || text[i] == ')') && text[i+1] == ' ' {
		return i + 2
	}
	return 0
}

func trimEnd(text string, e int) int {
	for e > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) && r != '.' && r != ';' && r != ',' {
			break
		}
		e -= n
	}
	return e
}

func (an *analyzer) finish(a *Article) *Analysis {
	speakers, ids := an.res.speakerList(an.quotes, an.qent)
	for i := range an.quotes {
		if e := an.qent[i]; e >= 0 {
			an.quotes[i].Speaker = ids[e]
		}
	}
	var ments []Mention
	for i, m := range an.res.mentions {
		if id, ok := ids[an.res.find(an.res.mentEnt[i])]; ok {
			m.Speaker = id
			ments = append(ments, m)
		}
	}
	sort.SliceStable(ments, func(i, j int) bool {
		if ments[i].Paragraph != ments[j].Paragraph {
			return ments[i].Paragraph < ments[j].Paragraph
		}
		return ments[i].Start < ments[j].Start
	})
	return &Analysis{Speakers: speakers, Quotes: an.quotes, Figures: FindFigures(a.Paragraphs), Mentions: ments}
}
