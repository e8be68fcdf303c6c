package attribution

import (
	"strings"

	"copydesk/content/text"
)

func isAdverb(t *text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	return t.In(preVerb) || isLyAdverb(t)
}

func isLyAdverb(t *text.Token) bool {
	l := t.Text
	return len(l) > 4 && strings.HasSuffix(l, "ly") && !t.Cap && !t.In(roleNouns|notAdverbs)
}

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

// prepositions may join a phrase to its head: "a spokesman for the company",
// "a professor at Yale", "Secretary of State", "John Kasich of Ohio".
var prepositions = text.NewWordSet("of for at in with from on inside outside near among within")

// nameMods may precede a title or a name inside a speaker phrase: "former
// Secretary of State", "the campaign's top strategist".
var nameMods = text.NewWordSet("former then top senior deputy longtime current outgoing incoming retired acting chief veteran fellow embattled republican democratic conservative liberal leading prominent independent influential key local federal state national international foreign military american new recently")

// timeWords are days, months and times that stand beside a subject without
// being part of it: "Trump on Tuesday said", "Clinton last week told".
var timeWords = text.NewWordSet(`monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow
january february march april may june july august september october november december jan. feb. mar. apr.
aug. sept. sep. oct. nov. dec. week weekend month year morning afternoon evening night day days weeks months years
earlier later recently previously`)

func isCapWord(t *text.Token) bool {
	return (t.Kind == text.Word || t.Kind == text.Number && t.Cap) && t.Cap && !t.In(text.FunctionWords)
}

// isNameWord is a token that can be part of a proper name.
func isNameWord(t *text.Token) bool {
	if t.Kind != text.Word || !t.Cap {
		return false
	}
	return !t.Function
}

func possessive(t *text.Token) bool {
	l := t.Text
	return strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s") || strings.HasSuffix(l, "s'") || strings.HasSuffix(l, "s’")
}

// isVerbish reports words that end a noun phrase because they are verbs:
// reporting verbs and auxiliaries.
func isVerbish(t *text.Token) bool {
	if t.Kind != text.Word {
		return false
	}
	if t.In(cueWords) && !t.Cap {
		// only reporting verbs stop a phrase: "Cruz's thinking", "the
		// group's defense" are nouns
		v := cueVerbs[t.Lower()]
		return !v.ambiguous && !v.needsThat && !v.needsQuote
	}
	return t.In(clauseVerbs)
}

// npWord reports whether a token can sit inside a speaker phrase: names,
// titles, modifiers, nouns, numbers and determiners.
func npWord(t *text.Token) bool {
	switch t.Kind {
	case text.Number:
		return true
	case text.Word:
	default:
		return false
	}
	if t.In(determiners | personTitles | nameParticles) {
		return true
	}
	if t.Function {
		return false
	}
	if isVerbish(t) || !t.Cap && isLyAdverb(t) {
		return false
	}
	if !t.Cap && t.In(cueWords) && strings.HasSuffix(t.Lower(), "ed") && !cueVerbs[t.Lower()].ambiguous {
		return false // "has refuted claims that": a verb, not the claims' owner
	}
	return true
}

// nameRunBack returns the start of the run of name words ending at end-1
// (particles such as "de" and "of" allowed between name words).
func nameRunBack(toks []text.Token, lo, end int) int {
	i := end
	lo = max(lo, end-12) // a name is a few words
	for i > lo {
		t := &toks[i-1]
		if isNameWord(t) || i == end && surnameAfterGiven(toks, i-1) || i < end && nickMark(toks, i-1) {
			i--
			continue
		}
		if i-1 > lo && i < end && (t.In(nameParticles) || t.Lower() == "of" || t.Lower() == "for" || t.Text == "-" || t.Text == "&" || t.Lower() == "and" && toks[end-1].In(orgWords)) && isNameWord(&toks[i-2]) {
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
func lowerRole(toks []text.Token, i, lo int) bool {
	t := &toks[i]
	return t.Cap && t.In(roleNouns) && (i == lo || toks[i-1].Kind == text.QuoteMark || toks[i-1].Kind == text.Punct)
}

// backwardNP finds the phrase that ends at token end-1, looking no further
// back than lo. It is the subject of a reporting verb.
func backwardNP(toks []text.Token, lo, end int) (phrase, bool) {
	if end <= lo {
		return phrase{}, false
	}
	last := &toks[end-1]
	if last.Kind == text.Word && last.In(subjectPronouns) {
		return phrase{s: end - 1, e: end, cs: end - 1, ce: end, kind: npPronoun, head: end - 1}, true
	}
	if last.Kind == text.Word && last.In(groupPronouns) {
		// "Several said", "Others say", "Both told"
		return phrase{s: end - 1, e: end, cs: end - 1, ce: end, kind: npDesc, head: end - 1}, true
	}
	var p phrase
	switch {
	case isNameWord(last) && !lowerRole(toks, end-1, lo) && !last.In(timeWords), end-1 > lo && surnameAfterGiven(toks, end-1):
		s := nameRunBack(toks, lo, end)
		p = phrase{s: s, e: end, kind: npName, head: end - 1}
	case last.Kind == text.Word && npWord(last) && !last.In(determiners) && !last.In(timeWords) && !last.In(nameParticles) && !last.In(verbParticles):
		p = phrase{s: end - 1, e: end, kind: npDesc, head: end - 1}
	case last.Kind == text.Number || last.Kind == text.Word && last.In(numberWords):
		p = phrase{s: end - 1, e: end, kind: npDesc, head: end - 1} // "About four in 10 said"
	default:
		return phrase{}, false
	}
	p.s = extendModifiers(toks, lo, p.s, p.kind == npName)
	p.cs, p.ce = p.s, p.e
	if p.kind == npDesc {
		// "Former county clerk seeking damages tells": the -ing and what
		// follows it describe the clerk
		for k := p.s + 2; k < p.e; k++ {
			if l := toks[k].Lower(); lowerFirst(&toks[k]) && strings.HasSuffix(l, "ing") && len(l) > 5 && !toks[k-1].In(determiners) && !toks[k-1].Function && !isNameWord(&toks[k-1]) {
				p.ce, p.head = k, k-1
				break
			}
		}
	}
	// A prepositional phrase after the head: "a diplomat in Lausanne",
	// "a spokesman for the company", "John Kasich of Ohio".
	if p.s-1 > lo && toks[p.s-1].In(prepositions) && !possessive(last) {
		if q, ok := backwardNP(toks, lo, p.s-1); ok && q.kind != npPronoun && q.e-q.s < 8 && plausibleSpeaker(toks, q) &&
			(q.kind == npDesc && (p.kind != npName || toks[q.head].In(roleNouns) || toks[p.s-1].Lower() != "with" && toks[p.s-1].Lower() != "on") || q.kind == npName && (p.kind == npName || toks[p.s-1].Lower() == "of")) {
			q.e = p.e
			if q.kind == npName && p.kind == npName && toks[p.s-1].Lower() != "of" {
				q.ce = q.e // "Alliance for Justice": one name
			}
			if g := personAfterBody(toks, p); g > 0 && q.kind == npName && toks[p.s-1].Lower() == "of" && toks[q.head].In(personTitles|roleNouns) && !plural(toks[q.head].Lower()) {
				// "Chief Executive of the Port Authority Jane Smith": the
				// person at the end speaks, the rest is her title; not
				// "Supporters of Democrat Hillary Clinton", a group's.
				q.apS, q.apE = q.s, g
				q.cs, q.ce, q.kind, q.head = g, p.e, npName, p.e-1
			}
			return q, true
		}
	}
	return p, true
}

// personAfterBody returns where a person's name begins at the end of the
// name phrase p that follows a title's "of", or 0: a given name after the
// body's own words ("the Port Authority Jane Smith"). Without a known
// given name the words are the body's: "Head of the International
// Monetary Fund".
func personAfterBody(toks []text.Token, p phrase) int {
	if p.kind != npName {
		return 0
	}
	s := p.s
	if toks[s].In(determiners) {
		s++
	}
	for g := s + 1; g+1 < p.e && p.e-g <= 3; g++ {
		if toks[g].In(givenSet) && toks[g].Cap && isNameWord(&toks[g+1]) && !toks[g-1].In(givenSet) {
			return g
		}
	}
	// a name of two or three words after a word that ends a body's name:
	// "of the Judiciary Gladys Shollei", "of the Authority Kwame Mensah"
	for g := p.e - 2; g >= p.e-3 && g > s; g-- {
		if !toks[g-1].In(orgWords) || !toks[g-1].Cap {
			continue
		}
		for k := g; k < p.e; k++ {
			if !isNameWord(&toks[k]) || toks[k].In(orgWords|places|personTitles) {
				return 0
			}
		}
		return g
	}
	return 0
}

// extendModifiers moves s back over titles, modifiers and a determiner.
func extendModifiers(toks []text.Token, lo, s int, name bool) int {
	n := 0
	for s > lo && n < 8 {
		t := &toks[s-1]
		l := t.Lower()
		switch {
		case name && n == 0 && (l == "that" || l == "this") && s < len(toks) && toks[s].In(honorifics):
			return s // "show that Mr Lloyd called": a conjunction, not a determiner
		case t.In(determiners):
			return s - 1
		case possessive(t):
			s--
			// "Trump's campaign manager": take the owner's name too.
			return extendModifiers(toks, lo, nameRunBack(toks, lo, s), true)
		case l == "of" && s-2 >= lo && toks[s-2].Cap && toks[s].Cap:
			s-- // "Secretary of State John Kerry"
		case t.Kind == text.Word && (t.In(personTitles) || t.In(nameMods) || t.In(roleNouns) && !t.Cap && !(name && t.In(documentNouns))):
			s--
		case t.Kind == text.Word && t.Cap && !t.Function:
			s-- // "Western", "U.S.", "Russian"
		case t.Kind == text.Word && !name && npWord(t) && !t.In(timeWords) && !t.In(verbParticles) && !(lowerFirst(t) && strings.HasSuffix(l, "ed") && !t.In(nameMods)):
			s-- // "political experts", "old Iowa political hands"; not "handed out flyers"
		case t.Kind == text.Number:
			s--
		case t.In(approximators) || (l == "least" || l == "than") && s-2 >= lo:
			s-- // "about 50 protesters", "at least half", "more than 100"
			if l == "least" || l == "than" {
				s--
			}
		case t.Text == "-" || t.Text == "–":
			if s-2 >= lo && toks[s-2].Kind == text.Word {
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
func forwardNP(toks []text.Token, s, hi int) (phrase, bool) {
	if s >= hi {
		return phrase{}, false
	}
	t := &toks[s]
	if t.Kind == text.Word && t.In(subjectPronouns) && t.Lower() != "who" {
		return phrase{s: s, e: s + 1, cs: s, ce: s + 1, kind: npPronoun, head: s}, true
	}
	i := s
	if t.In(approximators) && s+1 < hi && (toks[s+1].Kind == text.Number || toks[s+1].In(numberWords)) {
		i++ // "about 200 protesters"
	}
	core := -1 // end of the phrase before "of/for/at …"
	seenName := false
	for i < hi && i-s < 16 {
		t := &toks[i]
		l := t.Lower()
		if t.Text == "(" && i > s {
			if c := closeParen(toks, i, hi); c > 0 {
				i = c + 1 // "(D-Calif.)", "(I-Vt.)"
				continue
			}
			break
		}
		if l == "that" && i > s {
			break // "told by the caretaker that …": a clause begins
		}
		if t.Text == "-" && i > s || t.Text == "&" && i > s || i > s && nickMark(toks, i) {
			i++
			continue
		}
		if l == "of" && i > s && toks[i-1].Cap && i+1 < hi && toks[i+1].Cap && isNameWord(&toks[i+1]) && core < 0 {
			i++ // "Secretary of State John Kerry", "Republican of South Carolina"
			continue
		}
		if core < 0 && i > s && lowerFirst(t) && (strings.HasSuffix(l, "ed") || strings.HasSuffix(l, "ing")) && toks[i-1].In(roleNouns) {
			core = i // "an official involved in the talks": the participle describes the head
		}
		if core < 0 && i > s+1 && lowerFirst(t) && strings.HasSuffix(l, "ing") && len(l) > 5 && toks[i-1].Kind == text.Word && !toks[i-1].In(determiners) && !toks[i-1].Function && !isNameWord(&toks[i-1]) {
			core = i // "a former clerk seeking damages": so is an -ing after any noun
		}
		if t.Kind == text.Word && t.In(prepositions) && i > s {
			if i+1 < hi && npWord(&toks[i+1]) && toks[i+1].Lower() != "that" {
				if core < 0 {
					core = i
				}
				i++
				continue
			}
			break
		}
		if (!npWord(t) || t.Kind == text.Word && t.In(timeWords) && i > s) && !(i > s && surnameAfterGiven(toks, i)) {
			break
		}
		if i > s && !seenName && lowerFirst(t) && !t.In(roleNouns|personTitles|determiners) && !toks[i-1].In(determiners) && !possessive(&toks[i-1]) &&
			i+1 < hi && (toks[i+1].In(determiners|objectPronouns) || toks[i+1].Lower() == "it" || possessive(&toks[i+1])) {
			break // "the treasurer made it clear": a verb after the noun
		}
		if i > s && seenName && t.Kind == text.Word && !t.Cap && !possessive(t) && !t.In(roleNouns) && !t.In(personTitles) && !t.In(nameParticles) && !t.In(determiners) &&
			(strings.HasSuffix(l, "ed") || t.In(irregularPast) || i+1 < hi && (toks[i+1].In(determiners) || toks[i+1].In(objectPronouns) || possessive(&toks[i+1]))) {
			break // "Mr. Obama revised his plans", "Clinton spoke in Tulsa": a verb after the name
		}
		if isNameWord(t) && !(i == s && lowerRole(toks, i, s)) {
			seenName = true
		}
		i++
	}
	// trim trailing prepositions and determiners
	for i > s && (toks[i-1].In(prepositions) || toks[i-1].In(determiners) || toks[i-1].Text == "-") {
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
		if isNameWord(&toks[j]) && !lowerRole(toks, j, s) && !(j == s && toks[j].In(determiners)) {
			p.kind = npName
		}
	}
	if p.kind == npDesc {
		last := &toks[core-1]
		if last.Kind == text.Number && !strings.ContainsAny(last.Text, "-abcdefghijklmnopqrstuvwxyz") || last.In(determiners) && core-s == 1 && !last.In(groupPronouns) {
			return phrase{}, false
		}
	}
	return p, true
}

// npSpan reports whether tokens [s, e) are one speaker phrase, as the
// segment before an appositive is: "Brianne Stone, 29, of Huntsville, said".
func npSpan(toks []text.Token, s, e int) (phrase, bool) {
	for s < e && (toks[s].In(conjunctions) || s+1 < e && segmentOpeners.Has(toks[s].Lower()) && isNameWord(&toks[s+1])) {
		s++ // "and", "As John Cornyn"
	}
	if e-s == 1 && toks[s].Kind == text.Word && (toks[s].In(subjectPronouns) || toks[s].In(groupPronouns)) {
		if toks[s].Lower() == "who" || toks[s].Lower() == "it" {
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
func plausibleSpeaker(toks []text.Token, p phrase) bool {
	p = p.fix()
	first := &toks[p.s]
	l := first.Lower()
	head := toks[p.ce-1].Lower()
	switch {
	case p.kind == npPronoun:
		return true
	case first.In(groupPronouns):
		return p.ce-p.s == 1 || p.s+1 < p.e && (toks[p.s+1].Lower() == "of" || toks[p.s+1].In(roleNouns)) || roleNouns.Has(head) // "One operative inside Trump Tower"
	case first.In(determiners) || possessive(first) || first.In(approximators) || first.Kind == text.Number || first.In(numberWords) || first.In(personTitles) || first.In(nameMods):
		return true
	case first.Cap:
		return true
	}
	return roleNouns.Has(head) && !strings.HasSuffix(l, "ing")
}

// lowerFirst reports whether the token begins with a lower-case letter.
func lowerFirst(t *text.Token) bool {
	return t.Kind == text.Word && !t.Cap && t.Text[0] >= 'a' && t.Text[0] <= 'z'
}

// closeParen returns the ")" closing a short parenthesis opened at i, or -1.
func closeParen(toks []text.Token, i, hi int) int {
	for j := i + 1; j < hi && j-i <= 6; j++ {
		switch toks[j].Text {
		case ")":
			return j
		case "(", ",", ";":
			return -1
		}
	}
	return -1
}
