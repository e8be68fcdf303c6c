package attribution

import (
	"slices"
	"sort"
	"unicode"
	"unicode/utf8"

	"copydesk/content/text"
)

// paragraph is the paragraph being read: its 1-based number and its text.
type paragraph struct {
	n    int
	text string
}

// Analyze finds the speakers, quotes and mentions of an article's
// paragraphs, given in order, each trimmed of surrounding white space;
// the spans it returns number paragraphs from 1. It is one pass over the
// paragraphs, carrying only what the next paragraph needs (an open
// quotation, the last speaker, recent mentions), so its cost grows
// linearly with the text.
func Analyze(paras []string) Result {
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
	for i, p := range paras {
		an.paragraph(&paragraph{n: i + 1, text: p})
	}
	return an.finish()
}

type analyzer struct {
	res *resolver

	// scratch, reused across paragraphs
	toks     []text.Token
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
	an.toks = text.Tokenize(p.text, an.toks)
	toks := an.toks
	an.sents = text.Sentences(toks, an.sents)
	var openAfter bool
	an.quots, openAfter = findQuotations(p.text, toks, an.openBefore, an.quots)
	if cap(an.inQuote) < len(toks) {
		an.inQuote = make([]bool, len(toks), len(toks)*2)
	}
	inQuote := an.inQuote[:len(toks)]
	for i := range inQuote {
		inQuote[i] = false
	}
	ti := 0
	for _, q := range an.quots { // quotations are in text order
		for ti < len(toks) && toks[ti].Start < q.s {
			ti++
		}
		for i := ti; i < len(toks) && toks[i].End <= q.e; i++ {
			inQuote[i] = true
		}
	}
	title := p.n == 1 && titleCase(toks)
	sentenceAt := func(sr [2]int) sentence {
		return sentence{text: p.text, toks: toks, inQuote: inQuote, a: sr[0], b: sr[1]}
	}

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
		sen := sentenceAt(sr)
		an.frames = sen.findFrames(title, an.frames)
		// Names before a source are candidates for its pronoun: "Carson
		// left the race, but he said …"
		an.subjDone = false
		from := sr[0]
		an.subjEnt = -1
		for k := n; k < len(an.frames); k++ {
			f := &an.frames[k]
			if f.src.kind == npPronoun && f.src.s > from {
				an.scanNames(&sen, from, f.src.s, p.n)
				from = f.src.s
			}
			an.fsent = append(an.fsent, si)
			an.refs = append(an.refs, an.resolveFrame(p, toks, f))
		}
		an.scanNames(&sen, from, sr[1], p.n)
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
		sen := sentenceAt(an.sents[an.fsent[k]])
		for _, c := range f.contents {
			if an.nested(k, c) {
				continue
			}
			s, e, ok := sen.contentBytes(c[0], c[1])
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
	} else if !startsWithListMark(p.text) || len(an.frames) > 0 {
		an.list = nil
	}
	if an.list != nil && len(an.quots) == 0 && len(an.frames) == 0 && startsWithListMark(p.text) {
		s := text.SkipListMark(p.text)
		if e := trimEnd(p.text, len(p.text)); e > s {
			an.addQuote(p, Indirect, s, e, an.list)
		}
	}
	an.sortFrom(start)
	an.openBefore = openAfter
	an.lastRef = lastRef
}

// resolveFrame turns a frame's source phrase into an entity and spans.
func (an *analyzer) resolveFrame(p *paragraph, toks []text.Token, f *frame) *sourceRef {
	// one allocation for the reference and both its spans
	ref := &sourceRef{ent: -1}
	cue := &ref.spans[0]
	*cue = Span{Paragraph: p.n, Start: toks[f.cueS].Start, End: toks[f.cueE-1].End}
	cue.Text = p.text[cue.Start:cue.End]
	ref.cue = cue
	if f.src.kind == npNone || f.src.e <= f.src.s {
		return ref
	}
	src := &ref.spans[1]
	*src = Span{Paragraph: p.n, Start: toks[f.src.s].Start, End: toks[f.src.e-1].End}
	src.Text = p.text[src.Start:src.End]
	ref.source = src
	ref.ent = an.res.resolve(p.text, toks, f.src)
	if ref.ent >= 0 {
		an.res.salient(ref.ent)
		an.res.mention(src.Paragraph, src.Start, src.End, src.Text, ref.ent)
	}
	return ref
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
func titleCase(toks []text.Token) bool {
	n, caps := 0, 0
	for i := range toks {
		if toks[i].Kind == text.Word && len(toks[i].Text) > 3 {
			n++
			if toks[i].Cap {
				caps++
			}
		}
	}
	return n >= 3 && caps*10 >= n*8
}

func startsWithListMark(s string) bool {
	return text.SkipListMark(s) > 0
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

func (an *analyzer) finish() Result {
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
	return Result{Speakers: speakers, Quotes: an.quotes, Mentions: ments}
}
