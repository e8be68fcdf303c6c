package attribution

import (
	"runtime"
	"slices"
	"sort"
	"strings"
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
// linearly with the text. On a long article with more than one core, what
// each paragraph holds is found on the other cores ahead of the pass
// (PlanFor); the result is the same.
func Analyze(paras []string) Result {
	return AnalyzeWith(paras, PlanFor(textSize(paras)))
}

func textSize(paras []string) int {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	return n
}

// Plan is how the work on an article is shared among cores: Workers
// goroutines find what each paragraph holds (its words, sentences,
// quotations and frames), ChunkBytes of text at a time, ahead of the pass
// that resolves who speaks. The zero Plan does it all in the pass.
type Plan struct {
	Workers, ChunkBytes int
}

// PlanFor is the plan for an article of size bytes on this machine: other
// cores help from 64 KB on, below which the goroutines cost more than they
// save. One worker fewer than the cores, with the pass and the figures
// beside it, leaves a Go processor free where there are more processors
// than cores (the reader runs four on two, so that keys are answered while
// the analysis runs).
func PlanFor(size int) Plan {
	cores := min(runtime.GOMAXPROCS(0), runtime.NumCPU())
	if size < 64<<10 || cores < 2 {
		return Plan{}
	}
	// 32 KB a chunk: the hand-over is rare, the pass starts soon, and the
	// paragraphs prepared ahead of it hold a few MB of tokens in all.
	return Plan{Workers: cores - 1, ChunkBytes: 32 << 10}
}

// AnalyzeWith is Analyze with the work shared as plan says: the result
// does not depend on it.
func AnalyzeWith(paras []string, plan Plan) Result {
	return analyze(paras, textSize(paras), plan.Workers, max(plan.ChunkBytes, 1))
}

func analyze(paras []string, size, workers, chunk int) Result {
	an := &analyzer{res: newResolver(size)}
	// News runs to about one quote per 220 bytes and one mention per 90
	// (the PolNeAR texts); room for a little more than that saves the
	// copies a growing slice makes, which cost more than the spare room.
	an.quotes = make([]Quote, 0, size/200+8)
	an.qent = make([]int, 0, size/200+8)
	an.res.mentions = make([]mention, 0, size/80+8)
	an.labels = dialogueLabels(paras)
	if workers > 0 {
		an.readParallel(paras, workers, chunk)
	} else {
		for i, p := range paras {
			an.own.read(i+1, p, an.openBefore)
			an.paragraph(&an.own)
		}
	}
	return an.finish()
}

// prep is what a paragraph holds whatever the paragraphs before it say,
// given whether it opens inside a quotation: its words, sentences,
// quotations and frames. The pass over the paragraphs resolves who the
// frames name, in order.
type prep struct {
	paragraph
	openBefore bool // read as opening inside a quotation left open before
	openAfter  bool // it ends inside a quotation
	title      bool // a headline in title case

	toks    []text.Token
	sents   [][2]int
	quots   []quotation
	inQuote []bool  // per token: inside quotation marks
	frames  []frame // in text order, sentence by sentence
	fsent   []int   // sentence of each frame
	tokSent []int   // sentence of each token
	sentFr  []int   // index of the first frame of each sentence, and len(frames) last
	frameAt []int   // per token: the first frame starting there, or -1
	fwdAt   []int   // per token: the first frame whose following words start there, or -1
}

// read prepares paragraph n, reusing the memory of the last one read.
func (p *prep) read(n int, s string, openBefore bool) {
	p.n, p.text, p.openBefore = n, s, openBefore
	p.toks = text.Tokenize(s, p.toks)
	toks := p.toks
	p.sents = text.Sentences(toks, p.sents)
	p.quots, p.openAfter = findQuotations(s, toks, openBefore, p.quots)
	if cap(p.inQuote) < len(toks) {
		p.inQuote = make([]bool, len(toks), len(toks)*2)
	}
	p.inQuote = p.inQuote[:len(toks)]
	inQuote := p.inQuote
	for i := range inQuote {
		inQuote[i] = false
	}
	ti := 0
	for _, q := range p.quots { // quotations are in text order
		for ti < len(toks) && toks[ti].Start < q.s {
			ti++
		}
		for i := ti; i < len(toks) && toks[i].End <= q.e; i++ {
			inQuote[i] = true
		}
	}
	p.title = n == 1 && titleCase(toks)
	p.frames, p.fsent = p.frames[:0], p.fsent[:0]
	p.tokSent, p.sentFr = p.tokSent[:0], p.sentFr[:0]
	for si, sr := range p.sents {
		for range sr[1] - sr[0] {
			p.tokSent = append(p.tokSent, si)
		}
	}
	for si := range p.sents {
		p.sentFr = append(p.sentFr, len(p.frames))
		sen := p.sentence(si)
		p.frames = sen.findFrames(p.title, p.frames)
		for range len(p.frames) - p.sentFr[si] {
			p.fsent = append(p.fsent, si)
		}
	}
	p.sentFr = append(p.sentFr, len(p.frames))
	p.indexFrames(len(toks))
}

// sentence returns sentence si of the paragraph.
func (p *prep) sentence(si int) sentence {
	sr := p.sents[si]
	return sentence{text: p.text, toks: p.toks, inQuote: p.inQuote, a: sr[0], b: sr[1], head: p.n == 1, quoted: len(p.quots) > 0}
}

type analyzer struct {
	res *resolver

	*prep      // the paragraph being read
	own   prep // the memory of the paragraphs prepared in the pass itself
	cur   int  // the sentence being read

	// scratch, reused across paragraphs
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
	// recent is the last attribution of the paragraphs before, recentN
	// its paragraph: a quote paragraph after one that reports nothing
	// ("He also described the session as a plot.") is still its speaker's
	recent    *sourceRef
	recentN   int
	chain     []int           // unattributed quotes of a quotation running over paragraphs
	list      *sourceRef      // "X said:" at the end of a paragraph introduces the next ones
	listPlain bool            // and the next may be a plain paragraph
	labels    map[string]bool // the speakers' labels of a transcript (dialogueLabels), or nil
}

// sourceRef is a resolved attribution that quotes share.
type sourceRef struct {
	ent    int // entity, -1 when the source cannot be told
	source *Span
	cue    *Span
	spans  [2]Span // what cue and source point to
}

// paragraph reads a prepared paragraph, which opens inside a quotation
// exactly when the one before ended inside one.
func (an *analyzer) paragraph(pp *prep) {
	an.prep = pp
	p := &pp.paragraph
	toks := an.toks
	openAfter := an.openAfter

	// Attributions, sentence by sentence, resolving sources as they come so
	// a pronoun finds the people named before it.
	an.refs = an.refs[:0]
	for si, sr := range an.sents {
		n, end := an.sentFr[si], an.sentFr[si+1]
		an.cur = si
		sen := an.sentence(si)
		// Names before a source are candidates for its pronoun: "Carson
		// left the race, but he said …"
		an.subjDone = false
		from := sr[0]
		an.subjEnt = -1
		for k := n; k < end; k++ {
			f := &an.frames[k]
			if f.src.kind == npPronoun && f.src.s > from {
				// "The try from Januarie won it, he said": the people
				// named in what he reports are not who he is
				lim := f.src.s
				for _, c := range f.contents {
					if c[0] >= from && c[1] <= f.src.s {
						lim = min(lim, c[0])
					}
				}
				an.scanNames(&sen, from, lim, p.n)
				from = lim
				if lim == f.src.s {
					an.describedSubject(p, &sen, f)
				}
			}
			an.refs = append(an.refs, an.resolveFrame(p, toks, f))
		}
		an.scanNames(&sen, from, sr[1], p.n)
		// The sentence's own speaker or subject outranks the people named
		// inside it for the next pronoun: "Mr Obama said Trump had
		// lied. He …" is Mr Obama.
		main := an.subjEnt
		if end > n && an.refs[n].ent >= 0 {
			main = an.refs[n].ent
		}
		if main >= 0 {
			an.res.salient(main)
		}
		an.res.sentN++
	}

	start := len(an.quotes)
	var lastRef *sourceRef
	// Reported speech.
	for k := range an.frames {
		f := &an.frames[k]
		sen := an.sentence(an.fsent[k])
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
	an.linkQuotations(toks, p.n)
	turn := -1 // a transcript's turn: where the labelled speaker's words end
	if an.labels != nil {
		if ls, le, after, ok := speakerLabel(p.text); ok && an.labels[labelKey(p.text[ls:le])] {
			ref := an.labelRef(p, ls, le)
			an.chain = an.chain[:0] // what came before was not this speaker's
			if len(an.quots) > 0 && an.quots[0].s <= ls {
				an.quots[0].s = after // "\"PENCE: Well, look, …": the quotation is the turn
				an.qref[0] = ref
			} else if e := trimEnd(p.text, len(p.text)); e > after {
				an.addQuote(p, Direct, after, e, ref)
				turn = e
			}
			lastRef = ref
		}
	}
	for qi := range an.quots {
		q := &an.quots[qi]
		if q.e <= turn {
			continue // quoted words inside the turn are the speaker's
		}
		ref := an.qref[qi]
		if ref == nil && q.single {
			continue // an unattributed single quote is a title or a scare quote
		}
		if ref != nil && titleQuote(toks, q) {
			continue // "on CBS's “Face the Nation”": a name, no one's words
		}
		if stageDirection(p.text[q.s:q.e]) {
			continue // a transcript's "(CROSSTALK.)", "[APPLAUSE]"
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
	// "X said:" at the end of a paragraph introduces what follows: the
	// next paragraph, when it is neither quoted nor attributed (the words
	// set off as a block), and the items of a list.
	prev, plain := an.list, an.listPlain
	an.list, an.listPlain = nil, false
	if n := len(an.frames); n > 0 && an.frames[n-1].colon && an.frames[n-1].fwd >= len(toks) {
		an.list, an.listPlain = an.refs[n-1], true
	} else if prev != nil && len(an.quots) == 0 && len(an.frames) == 0 && !openAfter && (plain || startsWithListMark(p.text)) {
		s := text.SkipListMark(p.text)
		if e := trimEnd(p.text, len(p.text)); e > s {
			an.addQuote(p, Indirect, s, e, prev)
		}
		if startsWithListMark(p.text) {
			an.list = prev
		}
	}
	an.sortFrom(start)
	an.unlapSources(p, start)
	an.openBefore = openAfter
	an.lastRef = lastRef
	if lastRef != nil {
		an.recent, an.recentN = lastRef, p.n
	} else if len(an.frames) > 0 || len(an.quots) > 0 {
		an.recent = nil // someone else spoke here
	}
}

// labelRef is the source a transcript's label names (bytes [ls, le) of the
// paragraph, before its colon).
func (an *analyzer) labelRef(p *paragraph, ls, le int) *sourceRef {
	ref := &sourceRef{ent: -1}
	ref.spans[0] = Span{Paragraph: p.n, Start: le, End: le + 1, Text: p.text[le : le+1]}
	ref.spans[1] = Span{Paragraph: p.n, Start: ls, End: le, Text: p.text[ls:le]}
	ref.cue, ref.source = &ref.spans[0], &ref.spans[1]
	label := p.text[ls:le]
	ref.ent = an.res.named(labelName(label), "", entPerson, 0, label)
	if e := an.res.ents[ref.ent]; e.name == label {
		e.name = labelName(label) // first met as a name in capitals, in the label itself
	}
	an.res.salient(ref.ent)
	an.res.mention(p.n, ls, le, label, ref.ent)
	return ref
}

// describedSubject makes a person described, not named, who is the subject
// of the sentence the likeliest "he" or "she" of its frame: "A county
// official was suspended after he said …".
func (an *analyzer) describedSubject(p *paragraph, sen *sentence, f *frame) {
	if l := sen.toks[f.src.s].Lower(); l != "he" && l != "she" {
		return
	}
	np, ok := sen.sentenceSubject(f.src.s)
	if !ok || np.kind != npDesc || np.e > f.src.s {
		return
	}
	if head := sen.toks[np.head].Lower(); plural(head) || !roleNouns.Has(head) {
		return
	}
	if e := an.res.description(p.text, sen.toks, np, an.res.descSurface(p.text, sen.toks, np)); e >= 0 {
		an.res.salient(e)
	}
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
	ss, se := f.src.s, f.src.e
	if an.coversQuote(ss, se) {
		// "Lavrov, who had said he had “no expectations”, said …": the
		// mention is the name; what it says is highlighted as a quote.
		core := f.src.fix()
		ss, se = core.cs, core.ce
	}
	if se-ss > 1 && toks[ss].Lower() == "that" && (toks[ss+1].Cap || toks[ss+1].In(determiners)) {
		ss++ // "said that Clinton had told": "that" begins the clause
	}
	src := &ref.spans[1]
	*src = Span{Paragraph: p.n, Start: toks[ss].Start, End: toks[se-1].End}
	src.Text = p.text[src.Start:src.End]
	ref.source = src
	ref.ent = an.res.resolve(p.text, toks, f.src)
	if ref.ent >= 0 {
		an.res.salient(ref.ent)
		an.res.mention(src.Paragraph, src.Start, src.End, src.Text, ref.ent)
	}
	return ref
}

// unlapSources cuts the sources of the current paragraph's quotes (from
// start on, in text order) where they still run into a quote: a misread
// phrase ("White House press secretary Josh Earnest said" read with
// "press" as the verb) must not give a source that half covers a quote.
// Sources nested whole inside a reported clause are another speaker's
// report and stay.
func (an *analyzer) unlapSources(p *paragraph, start int) {
	qs := an.quotes[start:]
	for i := range qs {
		src := qs[i].Source
		if src == nil || src.Paragraph != p.n {
			continue
		}
		// quotes that begin inside the source, and a few before it
		k := sort.Search(len(qs), func(j int) bool { return qs[j].Start >= src.End })
		for j := k - 1; j >= 0 && k-j <= 16 && src.End > src.Start; j-- {
			o := &qs[j]
			if o.End <= src.Start || o.Start <= src.Start && src.End <= o.End {
				continue
			}
			if src.Start < o.Start {
				src.End = o.Start
			} else {
				src.Start = o.End
			}
			for src.Start < src.End && strings.IndexByte(" ,;:", p.text[src.Start]) >= 0 {
				src.Start++
			}
			for src.End > src.Start && strings.IndexByte(" ,;:", p.text[src.End-1]) >= 0 {
				src.End--
			}
			src.Text = p.text[src.Start:src.End]
		}
	}
	for i := range qs {
		if src := qs[i].Source; src != nil && src.End <= src.Start {
			qs[i].Source = nil
		}
	}
}

// coversQuote reports whether tokens [s, e) of the paragraph hold part of a
// quotation or of a clause reported in the current sentence: a source's
// highlight must not cover what the source is quoted as saying.
func (an *analyzer) coversQuote(s, e int) bool {
	for i := s; i < e; i++ {
		if an.inQuote[i] {
			return true
		}
	}
	for k := an.sentFr[an.cur]; k < an.sentFr[an.cur+1]; k++ {
		for _, c := range an.frames[k].contents {
			if c[0] < e && s < c[1] {
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
	markWithin(an.quotes)
	markContinues(an.quotes)
	speakers, ids := an.res.speakerList(an.quotes, an.qent)
	for i := range speakers {
		sp := &speakers[i]
		sp.Statements = make([]int, 0, len(sp.Quotes))
		for _, id := range sp.Quotes {
			if an.quotes[id].Statement() == id {
				sp.Statements = append(sp.Statements, id)
			}
		}
	}
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

// markContinues sets the Continues of every quotation that goes on from the
// one before it after their shared attribution: both in quotation marks in
// one paragraph, on their own (not inside a reported clause), with the cue
// they share between them ("A," said X, an economist. "B."). A quotation
// with a cue of its own ("B," he added) is another statement.
func markContinues(qs []Quote) {
	for i := range qs {
		q := &qs[i]
		q.Continues = -1
		if i == 0 {
			continue
		}
		p := &qs[i-1]
		if q.Kind != Direct || p.Kind != Direct || q.Paragraph != p.Paragraph || q.Within >= 0 || p.Within >= 0 ||
			q.Cue == nil || p.Cue == nil || *q.Cue != *p.Cue || q.Cue.Paragraph != q.Paragraph || q.Cue.Start < p.End || q.Cue.End > q.Start {
			continue
		}
		q.Continues = p.Statement()
	}
}

// markWithin sets the Within of every quotation that lies inside a reported
// clause of its paragraph, the innermost one. Quotes are in text order, the
// longer first at one start, so the clauses still open at a quote form a
// stack: one pass, whatever the number of quotes in a paragraph.
func markWithin(qs []Quote) {
	var open []int
	for i := range qs {
		q := &qs[i]
		q.Within = -1
		if i > 0 && qs[i-1].Paragraph != q.Paragraph {
			open = open[:0]
		}
		for len(open) > 0 && qs[open[len(open)-1]].End <= q.Start {
			open = open[:len(open)-1]
		}
		if q.Kind == Indirect {
			open = append(open, i)
			continue
		}
		if len(open) > 0 {
			if c := &qs[open[len(open)-1]]; c.Start <= q.Start && q.End <= c.End {
				q.Within = c.ID
			}
		}
	}
}
