package content

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Noun phrases are found by scanning tokens from the reporting verb outwards,
// with word lists instead of a tagger: a speaker is a pronoun, a name with
// its titles ("U.S. Secretary of State John Kerry"), or a description headed
// by a role noun ("a senior U.S. official", "a spokesman for the company").

type npKind uint8

const (
	npNone npKind = iota
	npPronoun
	npName
	npDesc
)

type phrase struct {
	s, e int // token range [s, e)
	kind npKind
	head int // token index of the head word
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
like unlike including`)

var prepositions = set("of for at in with from on")

// nameMods may precede a title or a name inside a speaker phrase: "former
// Secretary of State", "the campaign's top strategist".
var nameMods = set("former then top senior deputy longtime current outgoing incoming retired acting chief veteran fellow embattled republican democratic conservative liberal leading prominent independent influential key local federal state national international foreign military american new recently longtime-")

func isCapWord(t *token) bool {
	return (t.kind == tWord || t.kind == tNum && t.cap) && t.cap && !functionWords[t.lower()]
}

// isNameWord is a token that can be part of a proper name.
func isNameWord(t *token) bool {
	if t.kind != tWord || !t.cap {
		return false
	}
	return !functionWords[strings.TrimSuffix(t.lower(), ".")]
}

func possessive(t *token) bool {
	l := t.lower()
	return strings.HasSuffix(l, "'s") || strings.HasSuffix(l, "’s")
}

// nameRunBack returns the start of the run of name words ending at end-1
// (particles such as "de" and "of" allowed between name words).
func nameRunBack(toks []token, lo, end int) int {
	i := end
	for i > lo {
		t := &toks[i-1]
		if isNameWord(t) {
			i--
			continue
		}
		if i-1 > lo && i < end && (nameParticles[t.lower()] || t.lower() == "of" || t.lower() == "for" || t.text == "-") && isNameWord(&toks[i-2]) {
			i--
			continue
		}
		break
	}
	return i
}

// backwardNP finds the phrase that ends at token end-1, looking no further
// back than lo. It is the subject of a reporting verb.
func backwardNP(toks []token, lo, end int) (phrase, bool) {
	if end <= lo {
		return phrase{}, false
	}
	last := &toks[end-1]
	if last.kind == tWord && subjectPronouns[last.lower()] {
		return phrase{s: end - 1, e: end, kind: npPronoun, head: end - 1}, true
	}
	var p phrase
	if s := nameRunBack(toks, lo, end); s < end {
		p = phrase{s: s, e: end, kind: npName, head: end - 1}
	} else if last.kind == tWord && !last.cap && roleNouns[last.lower()] {
		p = phrase{s: end - 1, e: end, kind: npDesc, head: end - 1}
	} else {
		return phrase{}, false
	}
	p.s = extendModifiers(toks, lo, p.s, p.kind == npName)
	// A prepositional phrase after a role noun: "a diplomat in Lausanne",
	// "a spokesman for the company".
	if p.s-1 > lo && prepositions[toks[p.s-1].lower()] {
		if q, ok := backwardNP(toks, lo, p.s-1); ok && q.kind == npDesc {
			q.e = p.e
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
		case determiners[l]:
			return s - 1
		case possessive(t):
			s--
			// "Trump's campaign manager": take the owner's name too.
			return nameRunBack(toks, lo, s)
		case t.kind == tWord && (personTitles[l] || nameMods[l] || roleNouns[l] && !t.cap):
			s--
		case t.kind == tWord && t.cap && !functionWords[strings.TrimSuffix(l, ".")]:
			s-- // "Western", "U.S.", "Russian"
		case t.kind == tNum && !name:
			s--
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
// in "said Kerry" and the object of "according to".
func forwardNP(toks []token, s, hi int) (phrase, bool) {
	if s >= hi {
		return phrase{}, false
	}
	t := &toks[s]
	if t.kind == tWord && subjectPronouns[t.lower()] && t.lower() != "who" {
		return phrase{s: s, e: s + 1, kind: npPronoun, head: s}, true
	}
	i := s
	for i < hi && i-s < 12 {
		t := &toks[i]
		l := t.lower()
		if t.kind != tWord && t.kind != tNum && !(t.text == "-" && i > s) {
			break
		}
		if t.kind == tWord && !t.cap && !determiners[l] && !personTitles[l] && !nameMods[l] &&
			!roleNouns[l] && !nameParticles[l] && !(prepositions[l] && i > s) && !possessive(t) {
			break
		}
		if t.kind == tWord && t.cap && functionWords[strings.TrimSuffix(l, ".")] && !determiners[l] {
			break
		}
		i++
	}
	// trim trailing prepositions and determiners
	for i > s && (prepositions[toks[i-1].lower()] || determiners[toks[i-1].lower()] || toks[i-1].text == "-") {
		i--
	}
	if i == s {
		return phrase{}, false
	}
	p := phrase{s: s, e: i, kind: npDesc, head: i - 1}
	for j := s; j < i; j++ {
		if isNameWord(&toks[j]) {
			p.kind = npName
		}
	}
	if p.kind == npDesc && !roleNouns[toks[i-1].lower()] {
		// look for a role noun before a prepositional phrase
		found := false
		for j := s; j < i; j++ {
			if roleNouns[toks[j].lower()] {
				found, p.head = true, j
			}
		}
		if !found {
			return phrase{}, false
		}
	}
	return p, true
}

// lowerFirst reports whether the token begins with a lower-case letter.
func lowerFirst(t *token) bool {
	r, _ := utf8.DecodeRuneInString(t.text)
	return unicode.IsLower(r)
}
