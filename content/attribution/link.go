package attribution

import (
	"sort"

	"copydesk/content/text"
)

// linkQuotations finds the attribution of each quotation of the paragraph.
func (an *analyzer) linkQuotations(toks []text.Token, para int) {
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
				if ref == nil && an.recent != nil && para-an.recentN <= 2 && an.recent.ent >= 0 {
					ref = an.recent // … with a paragraph of narrative between
				}
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
func (an *analyzer) sentenceStart(toks []text.Token, q *quotation) bool {
	return q.open < 0 || an.sents[an.tokSent[q.open]][0] == q.open
}

// indexFrames records, for each token, the frame that starts there and the
// frame whose following words start there, so a quotation finds the frames
// beside it without looking at the others.
func (p *prep) indexFrames(n int) {
	p.frameAt = resize(p.frameAt, n+1)
	p.fwdAt = resize(p.fwdAt, n+1)
	for i := range p.frameAt {
		p.frameAt[i], p.fwdAt[i] = -1, -1
	}
	for i := range p.frames {
		f := &p.frames[i]
		if f.frameS >= 0 && f.frameS <= n && p.frameAt[f.frameS] < 0 {
			p.frameAt[f.frameS] = i
		}
		if f.fwd >= 0 && f.fwd <= n && f.frameE <= f.fwd && p.fwdAt[f.fwd] < 0 {
			p.fwdAt[f.fwd] = i
		}
	}
}

func resize(s []int, n int) []int {
	if cap(s) < n {
		return make([]int, n, 2*n)
	}
	return s[:n]
}

func onlyMarksBetween(toks []text.Token, a, b int) bool {
	if a < 0 || b < 0 || b < a {
		return false
	}
	for i := a + 1; i < b; i++ {
		if toks[i].Kind != text.Punct && toks[i].Kind != text.QuoteMark {
			return false
		}
	}
	return true
}

// frameOf returns the frame that attributes quotation q, or -1: one right
// after its closing mark ("…," Kerry said), one right before its opening
// mark (Kerry said: "…"), one whose reported clause holds it, else the
// nearest in its sentence.
func (an *analyzer) frameOf(toks []text.Token, q *quotation) int {
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
			if !(toks[j].Text == "," || toks[j].Kind == text.QuoteMark || toks[j].Text == "--" || toks[j].Text == "—" || toks[j].Text == "-" || toks[j].Kind == text.Word && npWord(&toks[j]) && !toks[j].Function) {
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
func fullStopInside(toks []text.Token, q *quotation) bool {
	p := q.close - 1
	return p >= 0 && toks[p].Kind == text.Punct && toks[p].Text == "." && !(q.close+1 < len(toks) && toks[q.close+1].Text == ",")
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
