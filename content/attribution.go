package content

import (
	"strings"
)

// An attribution ties a reporting verb (the cue) to its source phrase and,
// for reported speech, to the reported clause.
type attribution struct {
	cueS, cueE   int    // token range of the cue
	src          phrase // token range of the source, in paragraph srcPara
	frameS       int    // first token of "source + cue" (or cue + source)
	frameE       int    // token after them
	fwd          int    // token where forward content starts (or -1)
	contents     [][2]int
	rel          bool // subject was "who": content ends at the clause's comma
	colon        bool // "X said:" introduces what follows
	noIndirect   bool // a verb that only attributes quotations (continued, described)
	ent          int  // entity index
	srcText      string
	srcS, srcE   int // byte range of the source mention
	srcPara      int
	cueByteS     int
	cueByteE     int
	directLinked bool
}

var conjunctions = set("and but so yet or nor then")

// dayWords can follow a reporting verb before the reported clause: "said
// Tuesday the talks…".
var dayWords = set("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")

// adverbialStarts begin a phrase between a verb and "that": "said in a
// statement that", "told reporters prior to the talks that".
var adverbialStarts = set("in on at during prior after before last this earlier late later following via through over while when as to outside inside")

// objectWords are hearers after "told", "warned", "asked".
var objectWords = set("him her them us me you reporters journalists supporters voters lawmakers congress listeners viewers attendees students the a an his her their its")

// participleCues continue the subject's speech: ", adding that ...".
var participleCues = set("adding saying noting arguing insisting explaining stressing warning telling writing claiming suggesting acknowledging conceding emphasizing emphasising asserting predicting urging declaring stating")

// findAttributions finds the reporting verbs of one sentence [a, b).
func findAttributions(text string, toks []token, inQuote []bool, a, b int, out []attribution) []attribution {
	for i := a; i < b; i++ {
		t := &toks[i]
		if t.kind != tWord || inQuote[i] {
			continue
		}
		l := t.lower()
		if l == "according" && i+1 < b && toks[i+1].lower() == "to" {
			if at, ok := accordingTo(text, toks, inQuote, a, b, i); ok {
				out = append(out, at)
			}
			continue
		}
		if t.cap && i != a {
			continue
		}
		v, ok := cueVerbs[l]
		if !ok {
			continue
		}
		if at, ok := verbAttribution(text, toks, inQuote, a, b, i, v); ok {
			out = append(out, at)
		}
	}
	return out
}

func accordingTo(text string, toks []token, inQuote []bool, a, b, i int) (attribution, bool) {
	np, ok := forwardNP(toks, i+2, b)
	if !ok {
		return attribution{}, false
	}
	at := attribution{cueS: i, cueE: i + 2, src: np, frameS: i, frameE: np.e, fwd: -1}
	cs := skipConj(toks, a, b)
	if i <= cs {
		// "According to X, CONTENT."
		k := np.e
		for k < b && toks[k].text != "," {
			k++
		}
		if k+1 < b {
			at.contents = append(at.contents, [2]int{k + 1, b})
		}
		return at, true
	}
	if i-1 >= a && (toks[i-1].text == "," || toks[i-1].text == "(") {
		at.contents = append(at.contents, [2]int{cs, i - 1})
		return at, true
	}
	// "…rose 5 percent according to the survey"
	at.contents = append(at.contents, [2]int{cs, i})
	return at, true
}

func skipConj(toks []token, a, b int) int {
	for a < b && (conjunctions[toks[a].lower()] || toks[a].text == "—" || toks[a].text == "--") {
		a++
	}
	return a
}

func verbAttribution(text string, toks []token, inQuote []bool, a, b, i int, v cueVerb) (attribution, bool) {
	at := attribution{cueS: i, cueE: i + 1, fwd: -1}
	switch v.lemma {
	case "point":
		if i+1 >= b || toks[i+1].lower() != "out" {
			return at, false
		}
		at.cueE = i + 2
	case "continue", "describe", "call":
		at.noIndirect = true
	}
	// The subject: skip auxiliaries and adverbs back from the verb.
	j := i - 1
	for j >= a && toks[j].kind == tWord && (preVerb[toks[j].lower()] || isLyAdverb(&toks[j])) {
		j--
	}
	subj, found := phrase{}, false
	if j >= a && toks[j].text == "," && !v.ambiguous {
		// An appositive or relative clause: "Lavrov, who had …, told".
		for k := j - 1; k > a && j-k < 30; k-- {
			if toks[k].text == "," {
				if np, ok := backwardNP(toks, a, k); ok && np.kind != npPronoun {
					subj, found = np, true
					if !appositiveIsClause(toks, k+1) {
						subj.e = j // "The spokesman, John Smith, said"
					}
				}
				break
			}
			if toks[k].text == "." || toks[k].text == ";" {
				break
			}
		}
	} else if j >= a && !possessive(&toks[j]) {
		if np, ok := backwardNP(toks, a, j+1); ok {
			subj, found = np, true
		}
	}
	if found && subj.kind == npPronoun && toks[subj.s].lower() == "who" {
		found = false
		if subj.s-1 > a && toks[subj.s-1].text == "," {
			if np, ok := backwardNP(toks, a, subj.s-1); ok && np.kind != npPronoun {
				subj, found, at.rel = np, true, true
			}
		}
	}
	if v.ambiguous && (!found || subj.e != i) {
		return at, false
	}
	inverted := false
	if !found {
		// "…, said Kerry" / "\"…,\" says a spokesman for …"
		prev := i - 1
		if prev >= a && (toks[prev].text == "," || toks[prev].kind == tQuote) || prev < a {
			if np, ok := forwardNP(toks, i+1, b); ok {
				subj, found, inverted = np, true, true
			}
		}
	}
	if !found {
		return at, false
	}
	at.src = subj
	if inverted {
		at.frameS, at.frameE = i, subj.e
	} else {
		at.frameS, at.frameE = subj.s, at.cueE
	}
	k := at.frameE
	if v.object && !inverted {
		k = skipObject(toks, k, b)
	}
	k = skipAdverbial(toks, k, b)
	if k < b && toks[k].lower() == "that" {
		k++
	}
	if k < b && toks[k].text == ":" {
		at.colon = true
		k++
	}
	if k < b && toks[k].text == "," && k+1 < b && toks[k+1].kind == tQuote {
		k++
	}
	at.fwd = k
	// After a quotation ("…," Kerry said at the end of the talks) what
	// follows the verb is circumstance, not speech, unless "that" says so.
	afterQuote := at.frameS-1 >= a && (toks[at.frameS-1].kind == tQuote || toks[at.frameS-1].text == "," && at.frameS-2 >= a && toks[at.frameS-2].kind == tQuote)
	if at.noIndirect || afterQuote && (k == 0 || toks[k-1].lower() != "that") {
		return at, true
	}
	if k < b && toks[k].kind != tPunct && !adverbialStarts[toks[k].lower()] && !(toks[k].kind == tQuote && inQuote[min(k+1, b-1)]) {
		end := b
		if at.rel {
			end = nextComma(toks, k, b)
		}
		at.contents = appendContents(toks, inQuote, k, end, at.contents)
		return at, true
	}
	// Nothing reported after the verb: the content comes first,
	// "CONTENT, Kerry said." or runs round it, "CONTENT, he said, CONTENT."
	if at.frameS-1 > a && (toks[at.frameS-1].text == "," || toks[at.frameS-1].text == "--" || toks[at.frameS-1].text == "—") {
		cs := skipConj(toks, a, b)
		ce := at.frameS - 1
		if ce > cs && !quotedRun(toks, inQuote, cs, ce) {
			end := ce
			if k < b && toks[k].text == "," && k+1 < b && toks[k+1].kind != tQuote {
				end = b
				for end > k && toks[end-1].kind == tPunct {
					end--
				}
			}
			at.contents = append(at.contents, [2]int{cs, end})
		}
	}
	return at, true
}

func isLyAdverb(t *token) bool {
	l := t.text
	return len(l) > 4 && strings.HasSuffix(l, "ly") && !t.cap && !roleNouns[l]
}

// appositiveIsClause: "who…", "which…", "speaking…" clauses describe the
// subject; a name or title between commas is part of it.
func appositiveIsClause(toks []token, k int) bool {
	if k >= len(toks) {
		return true
	}
	l := toks[k].lower()
	if l == "who" || l == "which" || l == "whose" || l == "whom" || l == "when" || l == "while" || l == "speaking" || l == "in" || l == "at" || l == "on" {
		return true
	}
	return strings.HasSuffix(l, "ing") || strings.HasSuffix(l, "ed")
}

func nextComma(toks []token, k, b int) int {
	for i := k; i < b; i++ {
		if toks[i].text == "," {
			return i
		}
	}
	return b
}

// skipObject passes over the hearer of "told", "warned", "asked".
func skipObject(toks []token, k, b int) int {
	if k >= b {
		return k
	}
	// "told reporters prior to the talks that": find a near "that" first.
	for j := k; j < b && j-k < 10; j++ {
		if toks[j].lower() == "that" {
			return j
		}
		if toks[j].kind == tPunct || toks[j].kind == tQuote {
			break
		}
	}
	start := k
	if determiners[toks[k].lower()] || possessive(&toks[k]) {
		k++
	}
	for k < b && (isNameWord(&toks[k]) || possessive(&toks[k]) || toks[k].kind == tQuote && toks[k].text == "'" || toks[k].kind == tWord && strings.HasSuffix(toks[k].text, "'")) {
		k++
	}
	if k == start || determiners[toks[start].lower()] && k == start+1 {
		// a lower-case hearer: "reporters", "him", "the crowd", "Russian media"
		for k < b && k-start < 4 && toks[k].kind == tWord && !toks[k].cap && !functionWords[toks[k].lower()] {
			k++
			break
		}
		if k < b && objectWords[toks[k-1].lower()] == false && k-start == 1 && toks[k].kind == tWord && !toks[k].cap && !functionWords[toks[k].lower()] && !startsClause(&toks[k]) {
			k++ // two-word hearer: "the crowd", "Russian media"
		}
	} else if k < b && toks[k].kind == tWord && !toks[k].cap && !functionWords[toks[k].lower()] && !startsClause(&toks[k]) && k-start <= 2 {
		k++ // "Russian media", "CBS' Face the Nation"
	}
	return k
}

// startsClause guesses whether a lower-case word begins a clause.
func startsClause(t *token) bool {
	return subjectPronouns[t.lower()] || determiners[t.lower()] || t.lower() == "there"
}

// skipAdverbial passes over a time word or a phrase before "that":
// "said Tuesday", "said in a statement that".
func skipAdverbial(toks []token, k, b int) int {
	for k < b && dayWords[toks[k].lower()] {
		k++
	}
	if k < b && adverbialStarts[toks[k].lower()] {
		for j := k; j < b && j-k < 12; j++ {
			if toks[j].lower() == "that" {
				return j
			}
			if toks[j].kind == tPunct && toks[j].text != "'" || toks[j].kind == tQuote {
				break
			}
		}
	}
	return k
}

// quotedRun reports whether tokens [s, e) are quotation marks and quoted
// words only, so the attribution belongs to the quotation.
func quotedRun(toks []token, inQuote []bool, s, e int) bool {
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
		case l == "that" && i > s+1 && (conjunctions[toks[i-1].lower()]):
			cut, next = i-1, i+1
			if cut-1 > s && toks[cut-1].text == "," {
				cut--
			}
		case t.text == "," && i+1 < end && participleCues[toks[i+1].lower()]:
			cut, next = i, i+2
			if next < end && (toks[next].lower() == "that" || objectWords[toks[next].lower()] && toks[next].lower() != "the" && toks[next].lower() != "a") {
				next++
			}
			if next < end && toks[next].lower() == "that" {
				next++
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
