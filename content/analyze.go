package content

import (
	"bytes"
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"
)

// Analyze finds the speakers, quotes and figures of an article. It is one pass
// over the paragraphs in order, carrying only what the next paragraph needs
// (an open quotation, the last speaker, recent mentions), so its cost grows
// linearly with the text.
func Analyze(a *Article) *Analysis {
	texts := make([]string, len(a.Paragraphs))
	for i := range a.Paragraphs {
		texts[i] = a.Paragraphs[i].Text
	}
	r := analyzeParagraphs(texts)
	return &Analysis{Speakers: r.Speakers, Quotes: r.Quotes, Mentions: r.Mentions, Figures: FindFigures(a.Paragraphs)}
}

// FindFigures returns the figures of the paragraphs in text order.
func FindFigures(paras []Paragraph) []Figure {
	size := 0
	for _, p := range paras {
		size += len(p.Text)
	}
	// News has about one figure per 280 bytes (the PolNeAR texts): room for
	// a few more saves the copies of a slice grown one append at a time.
	out := make([]Figure, 0, size/256+4)
	for _, p := range paras {
		for _, f := range findFigures(p.Text) {
			out = append(out, Figure{Paragraph: p.N, figure: f})
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// result is what the attribution finds in an article's paragraphs.
type result struct {
	Speakers []Speaker // most quoted first
	Quotes   []Quote   // in text order; Quote.ID is the index
	Mentions []Mention // in text order
}

// paragraph is the paragraph being read: its 1-based number and its text.
type paragraph struct {
	n    int
	text string
}

// analyzeParagraphs finds the speakers, quotes and mentions of an article's
// paragraphs, given in order; paragraph numbers in its spans count from 1.
func analyzeParagraphs(paras []string) result {
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	an := &analyzer{res: newResolver(size)}
	// News runs to about one quote per 220 bytes and one mention per 90
	// (the PolNeAR texts); room for a little more than that saves the
	// copies a growing slice makes, which cost more than the spare room.
	an.quotes = make([]Quote, 0, size/200+8)
	an.qent = make([]int, 0, size/200+8)
	an.res.mentions = make([]mention, 0, size/80+8)
	for i, text := range paras {
		an.paragraph(&paragraph{n: i + 1, text: text})
	}
	return an.finish()
}

type analyzer struct {
	res *resolver

	// scratch, reused across paragraphs
	toks     []token
	sents    [][2]int
	quots    []quotation
	inQuote  []bool
	frames   []frame
	fsent    []int  // sentence of each frame
	tokSent  []int  // sentence of each token
	sentFr   []int  // index of the first frame of each sentence, and len(frames) last
	frameAt  []int  // per token: the first frame starting there, or -1
	fwdAt    []int  // per token: the first frame whose following words start there, or -1
	subjEnt  int    // entity of the current sentence's subject, or -1
	subj     phrase // the current sentence's subject, once subjDone
	subjDone bool
	refs     []*sourceRef // resolved source of each frame
	qref     []*sourceRef // attribution of each quotation
	last     []byte       // scratch for the lower-case last word of a name

	quotes []Quote
	qent   []int // entity of each quote, -1 when unknown

	openBefore bool       // the previous paragraph ended inside a quotation
	lastRef    *sourceRef // attribution of the last quote of the previous paragraph
	chain      []int      // unattributed quotes of a quotation running over paragraphs
	list       *sourceRef // "X said:" at the end of a paragraph introduces the next ones
}

// sourceRef is a resolved attribution that quotes share.
type sourceRef struct {
	ent    int // entity, -1 when the source cannot be told
	source *Span
	cue    *Span
	spans  [2]Span // what cue and source point to
}

func (an *analyzer) paragraph(p *paragraph) {
	text := p.text
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
	title := p.n == 1 && titleCase(toks)

	// Attributions, sentence by sentence, resolving sources as they come so
	// a pronoun finds the people named before it.
	an.frames, an.fsent, an.refs = an.frames[:0], an.fsent[:0], an.refs[:0]
	an.tokSent, an.sentFr = an.tokSent[:0], an.sentFr[:0]
	for si, sr := range an.sents {
		for range sr[1] - sr[0] {
			an.tokSent = append(an.tokSent, si)
		}
	}
	for si, sr := range an.sents {
		n := len(an.frames)
		an.sentFr = append(an.sentFr, n)
		an.frames = findFrames(text, toks, inQuote, sr[0], sr[1], title, an.frames)
		// Names before a source are candidates for its pronoun: "Carson
		// left the race, but he said …"
		an.subjDone = false
		from := sr[0]
		an.subjEnt = -1
		for k := n; k < len(an.frames); k++ {
			f := &an.frames[k]
			if f.src.kind == npPronoun && f.src.s > from {
				an.scanNames(text, toks, inQuote, sr[0], sr[1], from, f.src.s, p.n)
				from = f.src.s
			}
			an.fsent = append(an.fsent, si)
			an.refs = append(an.refs, an.resolveFrame(p, text, toks, f))
		}
		an.scanNames(text, toks, inQuote, sr[0], sr[1], from, sr[1], p.n)
		// The sentence's own speaker or subject outranks the people named
		// inside it for the next pronoun: "Mr Obama said Trump had
		// lied. He …" is Mr Obama.
		main := an.subjEnt
		if len(an.frames) > n && an.refs[n].ent >= 0 {
			main = an.refs[n].ent
		}
		if main >= 0 {
			an.res.salient(main)
		}
		an.res.sentN++
	}
	an.sentFr = append(an.sentFr, len(an.frames))
	an.indexFrames(len(toks))

	start := len(an.quotes)
	var lastRef *sourceRef
	// Reported speech.
	for k := range an.frames {
		f := &an.frames[k]
		for _, c := range f.contents {
			if an.nested(k, c) {
				continue
			}
			s, e, ok := contentBytes(text, toks, inQuote, c[0], c[1])
			if !ok {
				continue
			}
			an.addQuote(p, Indirect, s, e, an.refs[k])
		}
		if len(f.contents) > 0 {
			lastRef = an.refs[k]
		}
	}
	// Quotations.
	an.linkQuotations(toks)
	for qi := range an.quots {
		q := &an.quots[qi]
		ref := an.qref[qi]
		if ref == nil && q.single {
			continue // an unattributed single quote is a title or a scare quote
		}
		id := an.addQuote(p, Direct, q.s, q.e, ref)
		if ref == nil {
			if q.close < 0 || q.contd {
				an.chain = append(an.chain, id)
			}
			continue
		}
		for _, c := range an.chain {
			an.setRef(c, ref)
		}
		an.chain = an.chain[:0]
		lastRef = ref
	}
	if !openAfter {
		an.chain = an.chain[:0]
	}
	// "X said:" at the end of a paragraph introduces the paragraphs after it.
	if n := len(an.frames); n > 0 && an.frames[n-1].colon && an.frames[n-1].fwd >= len(toks) {
		an.list = an.refs[n-1]
	} else if !startsWithListMark(text) || len(an.frames) > 0 {
		an.list = nil
	}
	if an.list != nil && len(an.quots) == 0 && len(an.frames) == 0 && startsWithListMark(text) {
		s := skipListMark(text)
		if e := trimEnd(text, len(text)); e > s {
			an.addQuote(p, Indirect, s, e, an.list)
		}
	}
	an.sortFrom(start)
	an.openBefore = openAfter
	an.lastRef = lastRef
}

// resolveFrame turns a frame's source phrase into an entity and spans.
func (an *analyzer) resolveFrame(p *paragraph, text string, toks []token, f *frame) *sourceRef {
	// one allocation for the reference and both its spans
	ref := &sourceRef{ent: -1}
	cue := &ref.spans[0]
	*cue = Span{Paragraph: p.n, Start: toks[f.cueS].s, End: toks[f.cueE-1].e}
	cue.Text = text[cue.Start:cue.End]
	ref.cue = cue
	if f.src.kind == npNone || f.src.e <= f.src.s {
		return ref
	}
	src := &ref.spans[1]
	*src = Span{Paragraph: p.n, Start: toks[f.src.s].s, End: toks[f.src.e-1].e}
	src.Text = text[src.Start:src.End]
	ref.source = src
	ref.ent = an.res.resolve(text, toks, f.src)
	if ref.ent >= 0 {
		an.res.salient(ref.ent)
		an.res.mention(src.Paragraph, src.Start, src.End, src.Text, ref.ent)
	}
	return ref
}

// linkQuotations finds the attribution of each quotation of the paragraph.
func (an *analyzer) linkQuotations(toks []token) {
	if cap(an.qref) < len(an.quots) {
		an.qref = make([]*sourceRef, len(an.quots), 2*len(an.quots))
	}
	an.qref = an.qref[:len(an.quots)]
	for qi := range an.quots {
		an.qref[qi] = nil
		if k := an.frameOf(toks, &an.quots[qi]); k >= 0 {
			an.qref[qi] = an.refs[k]
		}
	}
	// A quotation ended by the next one's opening mark is the same speech:
	// "We are ready. "We will wait," she said.
	for qi := len(an.quots) - 2; qi >= 0; qi-- {
		if an.quots[qi].split && an.qref[qi] == nil {
			an.qref[qi] = an.qref[qi+1]
		}
	}
	// Quotations with no attribution of their own.
	for qi := range an.quots {
		q := &an.quots[qi]
		if an.qref[qi] != nil {
			continue
		}
		var ref *sourceRef
		switch {
		case q.contd || qi == 0 && an.openBefore && q.open < 0:
			ref = an.lastRef // a quotation running over paragraphs
		case qi > 0 && an.qref[qi-1] != nil && an.sentenceStart(toks, q):
			ref = an.qref[qi-1] // "A," he said. "B."
		case qi+1 < len(an.quots) && an.qref[qi+1] != nil && onlyMarksBetween(toks, q.close, an.quots[qi+1].open):
			ref = an.qref[qi+1] // "A." "B," he said.
		case an.sentenceStart(toks, q) && an.frameBefore(q) >= 0:
			ref = an.refs[an.frameBefore(q)] // She says X. "Q."
		case qi == 0 && q.open == 0 && len(an.frames) == 0:
			if an.list != nil {
				ref = an.list
			} else {
				ref = an.lastRef // a quote paragraph continuing the previous speaker
			}
		}
		an.qref[qi] = ref
	}
}

// frameBefore returns the attribution with a source in the sentence just
// before quotation q, or -1.
func (an *analyzer) frameBefore(q *quotation) int {
	qs := an.tokSent[max(q.open, 0)]
	if qs == 0 {
		return -1
	}
	for i := an.sentFr[qs] - 1; i >= an.sentFr[qs-1] && an.sentFr[qs]-i <= maxReach; i-- {
		if an.refs[i].ent >= 0 {
			return i
		}
	}
	return -1
}

// sentenceStart reports whether quotation q opens its sentence.
func (an *analyzer) sentenceStart(toks []token, q *quotation) bool {
	return q.open < 0 || an.sents[an.tokSent[q.open]][0] == q.open
}

// indexFrames records, for each token, the frame that starts there and the
// frame whose following words start there, so a quotation finds the frames
// beside it without looking at the others.
func (an *analyzer) indexFrames(n int) {
	an.frameAt = resize(an.frameAt, n+1)
	an.fwdAt = resize(an.fwdAt, n+1)
	for i := range an.frameAt {
		an.frameAt[i], an.fwdAt[i] = -1, -1
	}
	for i := range an.frames {
		f := &an.frames[i]
		if f.frameS >= 0 && f.frameS <= n && an.frameAt[f.frameS] < 0 {
			an.frameAt[f.frameS] = i
		}
		if f.fwd >= 0 && f.fwd <= n && f.frameE <= f.fwd && an.fwdAt[f.fwd] < 0 {
			an.fwdAt[f.fwd] = i
		}
	}
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n, 2*n)
	}
	return s[:n]
}

func onlyMarksBetween(toks []token, a, b int) bool {
	if a < 0 || b < 0 || b < a {
		return false
	}
	for i := a + 1; i < b; i++ {
		if toks[i].kind != tPunct && toks[i].kind != tQuote {
			return false
		}
	}
	return true
}

// frameOf returns the frame that attributes quotation q, or -1: one right
// after its closing mark ("…," Kerry said), one right before its opening
// mark (Kerry said: "…"), one whose reported clause holds it, else the
// nearest in its sentence.
func (an *analyzer) frameOf(toks []token, q *quotation) int {
	frames := an.frames
	after := -1
	if q.close >= 0 {
		k := q.close + 1
		for j := k; j < len(toks) && j-q.close <= 5; j++ {
			if i := an.frameAt[j]; i >= 0 {
				after = i
				break
			}
			// marks, or words that modify the source: "…!” eminent
			// Indian litigator Prashant Bhushan noted"
			if !(toks[j].text == "," || toks[j].kind == tQuote || toks[j].text == "--" || toks[j].text == "—" || toks[j].text == "-" || toks[j].kind == tWord && npWord(&toks[j]) && !toks[j].fn) {
				break
			}
		}
	}
	before := -1
	if q.open >= 0 {
		before = an.fwdAt[q.open]
	}
	switch {
	case after >= 0 && !fullStopInside(toks, q):
		return after // "…," Kerry said
	case before >= 0 && frames[before].colon:
		return before // Kerry said: "…." and a frame of the next sentence
	case after >= 0 && (frames[after].inverted || frames[after].fwd >= len(toks) || sentenceEnd(&toks[frames[after].fwd])):
		return after // "…." said Kerry; "…." Kerry said.
	case before >= 0:
		return before
	}
	// Frames of the quotation's sentence near it: one whose reported
	// clause holds it, else the nearest before it, else the nearest after.
	at := max(q.open, 0)
	qs := an.tokSent[at]
	lo, hi := an.sentFr[qs], an.sentFr[qs+1]
	// frames are in cue order within a sentence
	first := lo + sort.Search(hi-lo, func(i int) bool { return frames[lo+i].cueS >= at })
	from, to := max(lo, first-maxReach), min(hi, first+maxReach)
	if q.open >= 0 {
		// the innermost clause that holds it: in "Leaked documents show
		// that Blunkett called it a “leap in the dark”" Blunkett used the
		// words
		in, size := -1, 0
		for i := from; i < to; i++ {
			for _, c := range frames[i].contents {
				if q.open >= c[0] && q.open < c[1] && (in < 0 || c[1]-c[0] < size) {
					in, size = i, c[1]-c[0]
				}
			}
		}
		if in >= 0 {
			return in
		}
	}
	best := -1
	for i := from; i < to; i++ {
		if frames[i].frameE <= at {
			best = i
		} else if best < 0 && q.close >= 0 && frames[i].frameS > q.close {
			best = i
		}
	}
	return best
}

// fullStopInside reports a quotation that ends its sentence: a full stop
// inside the closing mark and no comma after it. A frame right after it
// belongs to the quotation only when it is inverted ("…." said Kerry) or is
// all that is left of the sentence ("…." Kerry said.); otherwise it begins
// the next sentence: "…." Kerry called the plan a waste.
func fullStopInside(toks []token, q *quotation) bool {
	p := q.close - 1
	return p >= 0 && toks[p].kind == tPunct && toks[p].text == "." && !(q.close+1 < len(toks) && toks[q.close+1].text == ",")
}

// nested reports a clause of frame k that another frame of the same
// speaker in the sentence reports whole: "Carter said he would welcome a
// “network”" is one clause of Carter's, not two.
func (an *analyzer) nested(k int, c [2]int) bool {
	ent := an.refs[k].ent
	if ent < 0 {
		return false
	}
	si := an.fsent[k]
	for j := max(an.sentFr[si], k-maxReach); j < min(an.sentFr[si+1], k+maxReach+1); j++ {
		if j == k || an.refs[j].ent != ent {
			continue
		}
		for _, d := range an.frames[j].contents {
			if d[0] <= c[0] && c[1] <= d[1] && d[1]-d[0] > c[1]-c[0] {
				return true
			}
		}
	}
	return false
}

func (an *analyzer) addQuote(p *paragraph, kind QuoteKind, s, e int, ref *sourceRef) int {
	q := Quote{ID: len(an.quotes), Kind: kind, Span: Span{Paragraph: p.n, Start: s, End: e, Text: p.text[s:e]}}
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
	sorted := true
	for i := 1; i < len(qs) && sorted; i++ {
		sorted = qs[i-1].Start < qs[i].Start || qs[i-1].Start == qs[i].Start && qs[i-1].End >= qs[i].End
	}
	if sorted {
		return // the usual case: nothing to move, nothing to allocate
	}
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
	remap := make(map[int]int, len(qs))
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

// titleCase reports a headline written in title case, where verbs are
// capitalised like names: "Trump Says He Will Win".
func titleCase(toks []token) bool {
	n, caps := 0, 0
	for i := range toks {
		if toks[i].kind == tWord && len(toks[i].text) > 3 {
			n++
			if toks[i].cap {
				caps++
			}
		}
	}
	return n >= 3 && caps*10 >= n*8
}

// contentBytes turns a token range into a trimmed byte range: no leading
// "that", no trailing punctuation, no unpaired quotation mark at the ends.
func contentBytes(text string, toks []token, inQuote []bool, s, e int) (int, int, bool) {
	for s < e && (toks[s].lower() == "that" && !inQuote[s] || toks[s].kind == tPunct) {
		s++
	}
	for e > s && toks[e-1].kind == tPunct && toks[e-1].text != ")" && toks[e-1].text != "?" && toks[e-1].text != "!" {
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

// scanNames records the people named in tokens [from, to) of the sentence
// [a, b), so pronouns and later mentions find them; the subject of the
// sentence or of a clause is salient too.
func (an *analyzer) scanNames(text string, toks []token, inQuote []bool, a, b, from, to int, para int) {
	for i := from; i < to; i++ {
		if inQuote[i] || !isNameWord(&toks[i]) {
			continue
		}
		j := i + 1
		for j < to && !inQuote[j] && (isNameWord(&toks[j]) || surnameAfterGiven(toks, j) || j+1 < to && toks[j].in(nameParticles) && isNameWord(&toks[j+1]) ||
			toks[j].lower() == "of" && j+1 < to && isNameWord(&toks[j+1]) && j > i && toks[j-1].in(personTitles)) {
			j++
		}
		s := extendModifiers(toks, a, i, true)
		p := phrase{s: s, e: j, kind: npName, head: j - 1}
		title, name := nameParts(toks, p)
		i = j - 1
		if name[0] == name[1] {
			continue
		}
		hasTitle := title[1] > title[0] && !toks[title[0]].in(determiners) || title[1]-title[0] > 1
		// the lower-case key of the name, looked up without making a
		// string: most capitalised words name nobody
		an.res.key = appendLower(an.res.key[:0], joinToks(text, toks, name))
		ki, known := an.res.byName[string(an.res.key)]
		org := isOrgName(toks, name) && !personName(toks, title, name) || thingName(toks, s, j)
		multi := name[1]-name[0] >= 2
		if orgTitled(toks, title) && !personName(toks, title, name) {
			// "sportswear firm Umbro": a company, which "the firm" and
			// "it" may refer to later
			an.res.named(trimPossessive(joinToks(text, toks, name)), cleanTitle(text, toks, title), entOrg, 0, joinToks(text, toks, [2]int{s, j}))
			continue
		}
		// A known surname decides only for one word that is not a known
		// name, nor an organisation's, and has no title or opens the
		// sentence; only then is it looked up.
		knownLast := false
		if !known && !multi && !org && (!hasTitle || name[0] == a) {
			an.last = appendLower(an.last[:0], toks[name[1]-1].text)
			_, knownLast = an.res.byLast[string(bytes.TrimSuffix(an.last, []byte("'s")))]
		}
		if !(known || knownLast || hasTitle || multi) || org && !known {
			continue
		}
		if org || known && an.res.ents[an.res.find(ki)].kind == entOrg && !personName(toks, title, name) {
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
		e := an.res.namedFound(ki, known, joinToks(text, toks, name), desc, entPerson, genderOf(toks, title, name), surface)
		sp := Span{Paragraph: para, Start: toks[name[0]].s, End: toks[name[1]-1].e}
		sp.Text = text[sp.Start:sp.End]
		an.res.mention(sp.Paragraph, sp.Start, sp.End, sp.Text, e)
		if !an.subjDone {
			// the sentence's subject, found once, when it may be needed
			an.subj, _ = sentenceSubject(toks, inQuote, a, b)
			an.subjDone = true
		}
		subj := &an.subj
		isSubj := subj.kind == npName && name[0] >= subj.s && (name[1] == subj.fix().ce || name[1] < subj.e && toks[name[1]].text == "(")
		if isSubj {
			an.subjEnt = e
		}
		if isSubj || isFiniteAfter(toks, j, b) {
			// The subject of a sentence or clause is the likeliest "he"
			// or "she" of what follows, whatever its verb: "Tony Blair
			// defended the plan. He told MPs …"
			an.res.salient(e)
		}
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

func (an *analyzer) finish() result {
	speakers, ids := an.res.speakerList(an.quotes, an.qent)
	for i := range an.quotes {
		if e := an.qent[i]; e >= 0 {
			an.quotes[i].Speaker = ids[e]
		}
	}
	n := 0
	for _, m := range an.res.mentions {
		if ids[an.res.find(int(m.ent))] != "" {
			n++
		}
	}
	ments := make([]Mention, 0, n)
	for _, m := range an.res.mentions {
		if id := ids[an.res.find(int(m.ent))]; id != "" {
			ments = append(ments, Mention{Span: Span{Paragraph: int(m.para), Start: int(m.s), End: int(m.e), Text: m.text}, Speaker: id})
		}
	}
	slices.SortStableFunc(ments, func(a, b Mention) int {
		if a.Paragraph != b.Paragraph {
			return a.Paragraph - b.Paragraph
		}
		return a.Start - b.Start
	})
	return result{Speakers: speakers, Quotes: an.quotes, Mentions: ments}
}
