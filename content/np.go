package content

import (
	"strings"
)

// Noun phrases are found by scanning tokens from the reporting verb outwards,
// with word lists instead of a tagger: a speaker is a pronoun, a name with
// its titles ("U.S. Secretary of State John Kerry"), or a description headed
// by a noun ("a senior U.S. official", "a spokesman for the company").

type npKind uint8

const (
	npNone npKind = iota
	npPronoun
	npName
	npDesc
)

type phrase struct {
	s, e     int // token range [s, e): the whole mention, as the source span shows it
	cs, ce   int // the name or description itself, without a trailing "of/for/at …" or appositive
	kind     npKind
	head     int // token index of the head word
	apS, apE int // an appositive description ("a spokesman for the group"); apE == 0 when none
	// "Coons and Lankford said": the first of two names joined by "and"
	// (the core is the second); andE == 0 when none
	andS, andE int
}

// fix sets the core of a phrase to the whole mention where it is unset.
func (p phrase) fix() phrase {
	if p.ce == 0 {
		p.cs, p.ce = p.s, p.e
	}
	return p
}

// functionWords never begin or continue a name even when capitalised at the
// start of a sentence.
var functionWords = set(`the a an and but or nor so yet for of in on at by to from with without about as into onto upon
over under after before during since until while when where why how what which who whom whose that this these those
there here then than if though although because unless whether not no yes also just only even still however
meanwhile moreover furthermore instead thus therefore hence indeed perhaps maybe once now today tonight yesterday
tomorrow it its he she they we i you his her their our my your him them us me is are was were be been being
has have had do does did will would could should can may might must shall all some any each every both either
neither many much more most few several such other another same own very too quite rather asked according
speaking earlier later last next first second third despite amid among between against toward towards within
like unlike including although whereas ago via per`)

// prepositions may join a phrase to its head: "a spokesman for the company",
// "a professor at Yale", "Secretary of State", "John Kasich of Ohio".
var prepositions = set("of for at in with from on inside outside near among within")

// nameMods may precede a title or a name inside a speaker phrase: "former
// Secretary of State", "the campaign's top strategist".
var nameMods = set("former then top senior deputy longtime current outgoing incoming retired acting chief veteran fellow embattled republican democratic conservative liberal leading prominent independent influential key local federal state national international foreign military american new recently")

// timeWords are days, months and times that stand beside a subject without
// being part of it: "Trump on Tuesday said", "Clinton last week told".
var timeWords = set(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow
january february march april may june july august september october november december jan. feb. mar. apr.
aug. sept. sep. oct. nov. dec. week weekend month year morning afternoon evening night day days weeks months years
earlier later recently previously`)

func isCapWord(t *token) bool {
	return (t.kind == tWord || t.kind == tNum && t.cap) && t.cap && !t.in(functionWords)
}

// isNameWord is a token that can be part of a proper name.
func isNameWord(t *token) bool {
	if t.kind != tWord || !t.cap {
		return false
	}
	return !t.fn
}

func possessive(t *token) bool {
	l := t.text
	return strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") || strings.HasSuffix(l, "s'") || strings.HasSuffix(l, "s’")
}

// isVerbish reports words that end a noun phrase because they are verbs:
// reporting verbs and auxiliaries.
func isVerbish(t *token) bool {
	if t.kind != tWord {
		return false
	}
	if t.in(cueWords) && !t.cap {
		// only reporting verbs stop a phrase: "Cruz's thinking", "the
		// group's defense" are nouns
		v := cueVerbs[t.lower()]
		return !v.ambiguous && !v.needsThat && !v.needsQuote
	}
	return t.in(clauseVerbs)
}

// npWord reports whether a token can sit inside a speaker phrase: names,
// titles, modifiers, nouns, numbers and determiners.
func npWord(t *token) bool {
	switch t.kind {
	case tNum:
		return true
	case tWord:
	default:
		return false
	}
	if t.in(determiners | personTitles | nameParticles) {
		return true
	}
	if t.fn {
		return false
	}
	if isVerbish(t) || !t.cap && isLyAdverb(t) {
		return false
	}
	return true
}

// nameRunBack returns the start of the run of name words ending at end-1
// (particles such as "de" and "of" allowed between name words).
func nameRunBack(toks []token, lo, end int) int {
	i := end
	lo = max(lo, end-12) // a name is a few words
	for i > lo {
		t := &toks[i-1]
		if isNameWord(t) || i == end && surnameAfterGiven(toks, i-1) {
			i--
			continue
		}
		if i-1 > lo && i < end && (t.in(nameParticles) || t.lower() == "of" || t.lower() == "for" || t.text == "-" || t.text == "&" || t.lower() == "and" && toks[end-1].in(orgWords)) && isNameWord(&toks[i-2]) {
			// "Food and Drug Administration", not "Kerry and Lavrov"
			i--
			continue
		}
		break
	}
	return i
}

// lowerRole: a capitalised role noun at the start of a sentence is still a
// description ("Officials said"), not a name.
func lowerRole(toks []token, i, lo int) bool {
	t := &toks[i]
	return t.cap && t.in(roleNouns) && (i == lo || toks[i-1].kind == tQuote || toks[i-1].kind == tPunct)
}

// backwardNP finds the phrase that ends at token end-1, looking no further
// back than lo. It is the subject of a reporting verb.
func backwardNP(toks []token, lo, end int) (phrase, bool) {
	if end <= lo {
		return phrase{}, false
	}
	last := &toks[end-1]
	if last.kind == tWord && last.in(subjectPronouns) {
		return phrase{s: end - 1, e: end, cs: end - 1, ce: end, kind: npPronoun, head: end - 1}, true
	}
	if last.kind == tWord && last.in(groupPronouns) {
		// "Several said", "Others say", "Both told"
		return phrase{s: end - 1, e: end, cs: end - 1, ce: end, kind: npDesc, head: end - 1}, true
	}
	var p phrase
	switch {
	case isNameWord(last) && !lowerRole(toks, end-1, lo) && !last.in(timeWords), end-1 > lo && surnameAfterGiven(toks, end-1):
		s := nameRunBack(toks, lo, end)
		p = phrase{s: s, e: end, kind: npName, head: end - 1}
	case last.kind == tWord && npWord(last) && !last.in(determiners) && !last.in(timeWords) && !last.in(nameParticles):
		p = phrase{s: end - 1, e: end, kind: npDesc, head: end - 1}
	case last.kind == tNum || last.kind == tWord && last.in(numberWords):
		p = phrase{s: end - 1, e: end, kind: npDesc, head: end - 1} // "About four in 10 said"
	default:
		return phrase{}, false
	}
	p.s = extendModifiers(toks, lo, p.s, p.kind == npName)
	p.cs, p.ce = p.s, p.e
	// A prepositional phrase after the head: "a diplomat in Lausanne",
	// "a spokesman for the company", "John Kasich of Ohio".
	if p.s-1 > lo && toks[p.s-1].in(prepositions) && !possessive(last) {
		if q, ok := backwardNP(toks, lo, p.s-1); ok && q.kind != npPronoun && q.e-q.s < 8 && plausibleSpeaker(toks, q) &&
			(q.kind == npDesc && (p.kind != npName || toks[q.head].in(roleNouns) || toks[p.s-1].lower() != "with" && toks[p.s-1].lower() != "on") || q.kind == npName && (p.kind == npName || toks[p.s-1].lower() == "of")) {
			q.e = p.e
			if q.kind == npName && p.kind == npName && toks[p.s-1].lower() != "of" {
				q.ce = q.e // "Alliance for Justice": one name
			}
			return q, true
		}
	}
	return p, true
}

// extendModifiers moves s back over titles, modifiers and a determiner.
func extendModifiers(toks []token, lo, s int, name bool) int {
	n := 0
	for s > lo && n < 8 {
		t := &toks[s-1]
		l := t.lower()
		switch {
		case name && n == 0 && (l == "that" || l == "this") && s < len(toks) && toks[s].in(honorifics):
			return s // "show that Mr Lloyd called": a conjunction, not a determiner
		case t.in(determiners):
			return s - 1
		case possessive(t):
			s--
			// "Trump's campaign manager": take the owner's name too.
			return extendModifiers(toks, lo, nameRunBack(toks, lo, s), true)
		case l == "of" && s-2 >= lo && toks[s-2].cap && toks[s].cap:
			s-- // "Secretary of State John Kerry"
		case t.kind == tWord && (t.in(personTitles) || t.in(nameMods) || t.in(roleNouns) && !t.cap && !(name && t.in(documentNouns))):
			s--
		case t.kind == tWord && t.cap && !t.fn:
			s-- // "Western", "U.S.", "Russian"
		case t.kind == tWord && !name && npWord(t) && !t.in(timeWords) && !t.in(verbParticles) && !(lowerFirst(t) && strings.HasSuffix(l, "ed") && !t.in(nameMods)):
			s-- // "political experts", "old Iowa political hands"; not "handed out flyers"
		case t.kind == tNum:
			s--
		case t.in(approximators) || (l == "least" || l == "than") && s-2 >= lo:
			s-- // "about 50 protesters", "at least half", "more than 100"
			if l == "least" || l == "than" {
				s--
			}
		case t.text == "-" || t.text == "–":
			if s-2 >= lo && toks[s-2].kind == tWord {
				s -= 2
				continue
			}
			return s
		default:
			return s
		}
		n++
	}
	return s
}

// forwardNP finds a speaker phrase starting at token s: the inverted subject
// in "said Kerry" and the object of "according to". A phrase runs to the
// first comma, mark or verb; "of", "for" and "at" continue it.
func forwardNP(toks []token, s, hi int) (phrase, bool) {
	if s >= hi {
		return phrase{}, false
	}
	t := &toks[s]
	if t.kind == tWord && t.in(subjectPronouns) && t.lower() != "who" {
		return phrase{s: s, e: s + 1, cs: s, ce: s + 1, kind: npPronoun, head: s}, true
	}
	i := s
	if t.in(approximators) && s+1 < hi && (toks[s+1].kind == tNum || toks[s+1].in(numberWords)) {
		i++ // "about 200 protesters"
	}
	core := -1 // end of the phrase before "of/for/at …"
	seenName := false
	for i < hi && i-s < 16 {
		t := &toks[i]
		l := t.lower()
		if t.text == "(" && i > s {
			if c := closeParen(toks, i, hi); c > 0 {
				i = c + 1 // "(D-Calif.)", "(I-Vt.)"
				continue
			}
			break
		}
		if t.text == "-" && i > s || t.text == "&" && i > s {
			i++
			continue
		}
		if l == "of" && i > s && toks[i-1].cap && i+1 < hi && toks[i+1].cap && isNameWord(&toks[i+1]) && core < 0 {
			i++ // "Secretary of State John Kerry", "Republican of South Carolina"
			continue
		}
		if core < 0 && i > s && lowerFirst(t) && (strings.HasSuffix(l, "ed") || strings.HasSuffix(l, "ing")) && toks[i-1].in(roleNouns) {
			core = i // "an official involved in the talks": the participle describes the head
		}
		if t.kind == tWord && t.in(prepositions) && i > s {
			if i+1 < hi && npWord(&toks[i+1]) && toks[i+1].lower() != "that" {
				if core < 0 {
					core = i
				}
				i++
				continue
			}
			break
		}
		if (!npWord(t) || t.kind == tWord && t.in(timeWords) && i > s) && !(i > s && surnameAfterGiven(toks, i)) {
			break
		}
		if i > s && seenName && t.kind == tWord && !t.cap && !possessive(t) && !t.in(roleNouns) && !t.in(personTitles) && !t.in(nameParticles) && !t.in(determiners) &&
			(strings.HasSuffix(l, "ed") || i+1 < hi && (toks[i+1].in(determiners) || toks[i+1].in(objectPronouns) || possessive(&toks[i+1]))) {
			break // "Mr. Obama revised his plans": a verb after the name
		}
		if isNameWord(t) && !(i == s && lowerRole(toks, i, s)) {
			seenName = true
		}
		i++
	}
	// trim trailing prepositions and determiners
	for i > s && (toks[i-1].in(prepositions) || toks[i-1].in(determiners) || toks[i-1].text == "-") {
		i--
	}
	if i == s {
		return phrase{}, false
	}
	if core < 0 || core > i {
		core = i
	}
	p := phrase{s: s, e: i, cs: s, ce: core, kind: npDesc, head: core - 1}
	for j := s; j < core; j++ {
		if isNameWord(&toks[j]) && !lowerRole(toks, j, s) && !(j == s && toks[j].in(determiners)) {
			p.kind = npName
		}
	}
	if p.kind == npDesc {
		last := &toks[core-1]
		if last.kind == tNum && !strings.ContainsAny(last.text, "-abcdefghijklmnopqrstuvwxyz") || last.in(determiners) && core-s == 1 && !last.in(groupPronouns) {
			return phrase{}, false
		}
	}
	return p, true
}

// npSpan reports whether tokens [s, e) are one speaker phrase, as the
// segment before an appositive is: "Brianne Stone, 29, of Huntsville, said".
func npSpan(toks []token, s, e int) (phrase, bool) {
	for s < e && (toks[s].in(conjunctions) || s+1 < e && segmentOpeners.has(toks[s].lower()) && isNameWord(&toks[s+1])) {
		s++ // "and", "As John Cornyn"
	}
	if e-s == 1 && toks[s].kind == tWord && (toks[s].in(subjectPronouns) || toks[s].in(groupPronouns)) {
		if toks[s].lower() == "who" || toks[s].lower() == "it" {
			return phrase{}, false
		}
		return backwardNP(toks, s, e)
	}
	if p, ok := forwardNP(toks, s, e); ok && p.e == e && plausibleSpeaker(toks, p) {
		return p, true
	}
	return phrase{}, false
}

// plausibleSpeaker rejects word runs that forwardNP accepts but that are
// clauses, not phrases: "took a heckler in stride", "facing a challenge
// from Jason Kander", "both up for reelection".
func plausibleSpeaker(toks []token, p phrase) bool {
	p = p.fix()
	first := &toks[p.s]
	l := first.lower()
	head := toks[p.ce-1].lower()
	switch {
	case p.kind == npPronoun:
		return true
	case first.in(groupPronouns):
		return p.ce-p.s == 1 || p.s+1 < p.e && (toks[p.s+1].lower() == "of" || toks[p.s+1].in(roleNouns)) || roleNouns.has(head) // "One operative inside Trump Tower"
	case first.in(determiners) || possessive(first) || first.in(approximators) || first.kind == tNum || first.in(numberWords) || first.in(personTitles) || first.in(nameMods):
		return true
	case first.cap:
		return true
	}
	return roleNouns.has(head) && !strings.HasSuffix(l, "ing")
}

// lowerFirst reports whether the token begins with a lower-case letter.
func lowerFirst(t *token) bool {
	return t.kind == tWord && !t.cap && t.text[0] >= 'a' && t.text[0] <= 'z'
}

// closeParen returns the ")" closing a short parenthesis opened at i, or -1.
func closeParen(toks []token, i, hi int) int {
	for j := i + 1; j < hi && j-i <= 6; j++ {
		switch toks[j].text {
		case ")":
			return j
		case "(", ",", ";":
			return -1
		}
	}
	return -1
}
