package attribution

import (
	"bytes"
	"strings"

	"copydesk/content/text"
)

// scanNames records the people named in tokens [from, to) of the sentence
// sen of paragraph para, so pronouns and later mentions find them; the
// subject of the sentence or of a clause is salient too.
func (an *analyzer) scanNames(sen *sentence, from, to, para int) {
	paraText, toks, inQuote, a, b := sen.text, sen.toks, sen.inQuote, sen.a, sen.b
	for i := from; i < to; i++ {
		if inQuote[i] || !isNameWord(&toks[i]) {
			continue
		}
		j := i + 1
		for j < to && !inQuote[j] && (isNameWord(&toks[j]) || surnameAfterGiven(toks, j) || nickMark(toks, j) || j+1 < to && toks[j].In(nameParticles) && isNameWord(&toks[j+1]) ||
			toks[j].Lower() == "of" && j+1 < to && isNameWord(&toks[j+1]) && j > i && toks[j-1].In(personTitles)) {
			j++
		}
		s := extendModifiers(toks, a, i, true)
		p := phrase{s: s, e: j, kind: npName, head: j - 1}
		title, name := nameParts(toks, p)
		i = j - 1
		if name[0] == name[1] {
			continue
		}
		hasTitle := title[1] > title[0] && !toks[title[0]].In(determiners) || title[1]-title[0] > 1
		// the lower-case key of the name, looked up without making a
		// string: most capitalised words name nobody
		an.res.key = text.AppendLower(an.res.key[:0], joinToks(paraText, toks, name))
		ki, known := an.res.byName[string(an.res.key)]
		org := isOrgName(toks, name) && !personName(toks, title, name) || thingName(toks, s, j)
		multi := name[1]-name[0] >= 2
		if orgTitled(toks, title) && !personName(toks, title, name) {
			// "sportswear firm Umbro": a company, which "the firm" and
			// "it" may refer to later
			an.res.named(trimPossessive(joinToks(paraText, toks, name)), cleanTitle(paraText, toks, title), entOrg, 0, joinToks(paraText, toks, [2]int{s, j}))
			continue
		}
		// A known surname decides only for one word that is not a known
		// name, nor an organisation's, and has no title or opens the
		// sentence; only then is it looked up.
		knownLast := false
		if !known && !multi && !org && (!hasTitle || name[0] == a) {
			an.last = text.AppendLower(an.last[:0], toks[name[1]-1].Text)
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
		surface := joinToks(paraText, toks, [2]int{s, j})
		if possessive(&toks[j-1]) {
			continue
		}
		desc := cleanTitle(paraText, toks, title)
		if !hasTitle {
			desc = ""
		}
		e := an.res.namedFound(ki, known, joinToks(paraText, toks, name), desc, entPerson, genderOf(toks, title, name), surface)
		sp := Span{Paragraph: para, Start: toks[name[0]].Start, End: toks[name[1]-1].End}
		sp.Text = paraText[sp.Start:sp.End]
		an.res.mention(sp.Paragraph, sp.Start, sp.End, sp.Text, e)
		if !an.subjDone {
			// the sentence's subject, found once, when it may be needed
			an.subj, _ = sen.sentenceSubject(b)
			an.subjDone = true
		}
		subj := &an.subj
		isSubj := subj.kind == npName && name[0] >= subj.s && (name[1] == subj.fix().ce || name[1] < subj.e && toks[name[1]].Text == "(")
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

// nameParts splits a name phrase into its title ("U.S. Secretary of State")
// and the name itself ("John Kerry").
func nameParts(toks []text.Token, p phrase) (title, name [2]int) {
	e := p.e
	for e > p.s && toks[e-1].Kind == text.Punct {
		if toks[e-1].Text == ")" {
			// "Sen. Claire McCaskill (D-Mo.)": the party and state
			// in parentheses are not the name
			for k := e - 2; k > p.s; k-- {
				if toks[k].Text == "(" {
					e = k + 1
					break
				}
			}
		}
		e--
	}
	e = placeOfOrigin(toks, p.s, e)
	s := e
	for s > p.s {
		t := &toks[s-1]
		if isNameWord(t) && !t.In(personTitles) && !(t.Abbrev && personTitles.Has(strings.TrimSuffix(t.Lower(), "."))) {
			s--
			continue
		}
		if s < e && s-1 > p.s && (t.In(nameParticles) || t.Text == "&") && isNameWord(&toks[s-2]) && !toks[s-2].In(personTitles) {
			s-- // "Staffan de Mistura", "Ernst & Young"
			continue
		}
		break
	}
	if s == e && e-1 > p.s && surnameAfterGiven(toks, e-1) {
		s = e - 1 // "Christine May", "Ms May"
		if toks[e-2].In(givenSet) {
			s = e - 2
		}
	}
	// A surname that is also a title word (White, King, Major, Dean) is
	// the name after an honorific or a given name: "Mr White", "Mervyn
	// King".
	if s > p.s && e-s < 2 {
		switch {
		case e-1 > p.s && toks[e-2].In(honorifics) && isNameWord(&toks[e-1]):
			s = e - 1
		case e-2 >= p.s && e-s < 2 && toks[e-2].In(givenSet) && toks[e-2].Cap && isNameWord(&toks[e-1]) && !toks[e-1].In(honorifics):
			s = e - 2
		}
	}
	// A party, a body or an acronym before a person's name is a title:
	// "Labour MP Stephen Pound", "SNP MSP Dai Lloyd"; so is what a title
	// is of: "Minister of Foreign Affairs Sergei Lavrov".
	titled := s-2 >= p.s && ofTitled(toks, p.s, s)
	for g := s + 1; g < e-1 && e-s >= 3; g++ {
		u := &toks[g-1]
		titled = titled || u.In(personTitles|orgWords|places) || isAcronym(u)
		if titled && toks[g].In(givenSet) && !u.In(givenSet) && !u.In(nameParticles) ||
			isAcronym(u) && !isAcronym(&toks[g]) {
			s = g
			break
		}
	}
	return [2]int{p.s, s}, [2]int{s, e}
}

// ofTitled reports a title that runs on with "of" into the words before a
// name, [s, e): "Minister of Foreign", "Director of".
func ofTitled(toks []text.Token, s, e int) bool {
	for k := s + 1; k < e; k++ {
		if toks[k].Lower() == "of" && toks[k-1].In(personTitles|roleNouns) && toks[k-1].Cap {
			return true
		}
	}
	return false
}

// placeOfOrigin returns where a person's name ends before "of" and a
// place: "Sen. Rand Paul of Kentucky", "John Kasich of Ohio" are Rand Paul
// and John Kasich. "Secretary of State" and "Bank of America" stay whole.
func placeOfOrigin(toks []text.Token, s, e int) int {
	for o := s + 2; o < e-1; o++ {
		if toks[o].Text != "of" || !isNameWord(&toks[o-1]) || toks[o-1].In(personTitles|orgWords|places) || !toks[o+1].In(places) && !isAcronym(&toks[o+1]) {
			continue
		}
		if o-s == 2 && isNameWord(&toks[s]) && !toks[s].In(personTitles|orgWords|places) && isAcronym(&toks[o+1]) && !isAcronym(&toks[s]) && !isAcronym(&toks[o-1]) {
			return o // "Franz Stehring of UASA": a person and the body they speak for
		}
		for k := s; k < o-1; k++ {
			if toks[k].In(givenSet|honorifics) || toks[k].Abbrev && text.TitleAbbrevs.Has(strings.TrimSuffix(toks[k].Lower(), ".")) {
				return o
			}
		}
	}
	return e
}

// isAcronym: a short word in capitals, "MP", "SNP", "WLGA".
func isAcronym(t *text.Token) bool {
	return t.Kind == text.Word && len(t.Text) >= 2 && len(t.Text) <= 5 && allCaps(t.Text)
}

// surnameAfterGiven reports a capitalised word that would be read as a
// month but follows a given name or an honorific, so it is a surname:
// "Christine May", "Ms May".
func surnameAfterGiven(toks []text.Token, i int) bool {
	if i < 1 || toks[i].Kind != text.Word || !toks[i].Cap || toks[i].Function && !toks[i].In(timeWords) {
		return false
	}
	g := &toks[i-1]
	return g.Kind == text.Word && g.Cap && g.End < toks[i].Start && g.In(givenSet|honorifics)
}

// thingName reports a phrase that ends in the name of a law, a treaty or a
// plan: "the Licensing Act", "the Finance Bill" (not "Bill" with a title).
func thingName(toks []text.Token, s, e int) bool {
	return e-s >= 2 && toks[e-1].In(thingHeads) && isNameWord(&toks[e-2]) && !toks[e-2].In(honorifics) && !toks[e-2].In(givenSet)
}

// orgTitled reports a company's descriptor right before a name:
// "sportswear firm Umbro".
func orgTitled(toks []text.Token, title [2]int) bool {
	t := title[1] - 1
	return t >= title[0] && !toks[t].Cap && toks[t].In(orgDescriptors)
}

// personName reports a name that only a person bears, whatever words it
// shares with organisations and places: an honorific before it ("Mr Fox")
// or a known given name and one more word ("Chris Fox", "Michael Jordan").
func personName(toks []text.Token, title, name [2]int) bool {
	if name[1]-name[0] < 1 || name[1]-name[0] > 2 {
		return false
	}
	for i := name[0]; i < name[1]; i++ {
		if toks[i].Text == "&" {
			return false
		}
	}
	if t := title[1] - 1; t >= title[0] && (toks[t].In(honorifics) || !toks[t].Cap && toks[t].Kind == text.Word && (toks[t].In(personTitles) || toks[t].In(roleNouns) && personHead(toks[t].Lower()))) {
		return true // "Mr Fox", "police president Dai Fox"
	}
	return name[1]-name[0] == 2 && toks[name[0]].In(givenSet)
}

func joinToks(paraText string, toks []text.Token, r [2]int) string {
	if r[0] >= r[1] {
		return ""
	}
	return paraText[toks[r[0]].Start:toks[r[1]-1].End]
}

func isOrgName(toks []text.Token, r [2]int) bool {
	for i := r[0]; i < r[1]; i++ {
		t := &toks[i]
		if t.In(orgWords|places) || t.Text == "&" {
			return true
		}
		if possessive(t) {
			if l := strings.TrimSuffix(t.Lower(), "'s"); orgWords.Has(l) || places.Has(l) {
				return true // "Britain's"
			}
		}
		if r[1]-r[0] == 1 && toks[i].Kind == text.Word && len(toks[i].Text) >= 2 && len(toks[i].Text) <= 5 && allCaps(toks[i].Text) {
			return true // an acronym on its own: NATO, CNN
		}
	}
	return false
}

// allCaps reports an acronym: ASCII capitals only.
func allCaps(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' {
			return false
		}
	}
	return true
}

func stripDet(toks []text.Token, r [2]int) [2]int {
	for r[0] < r[1] && (toks[r[0]].In(determiners) || toks[r[0]].Lower() == "the") {
		r[0]++
	}
	return r
}

func cleanTitle(paraText string, toks []text.Token, t [2]int) string {
	t = stripDet(toks, t)
	for t[0] < t[1] && toks[t[0]].In(honorifics) {
		t[0]++
	}
	for t[1] > t[0] && toks[t[1]-1].In(honorifics) {
		t[1]-- // "spokesman Dr Ian Ross": the honorific belongs to the name
	}
	return joinToks(paraText, toks, t)
}

func genderOf(toks []text.Token, title, name [2]int) byte {
	for i := title[0]; i < title[1]; i++ {
		if g := honorificGender[toks[i].Lower()]; g != 0 {
			return g
		}
	}
	if name[1]-name[0] >= 2 {
		return givenNames[toks[name[0]].Lower()]
	}
	return 0
}

// descEnd is the end of the words after a description's head, before a
// comma.
func descEnd(toks []text.Token, s, e int) int {
	for k := s; k < e; k++ {
		if toks[k].Text == "," || toks[k].Kind == text.QuoteMark {
			return k
		}
	}
	return e
}

// lastWord returns the last space-separated word of s.
func lastWord(s string) string {
	s = strings.TrimRight(s, " ")
	return s[strings.LastIndexAny(s, " \t\n")+1:]
}

// trimPossessive drops the possessive ending of a name: "Becker's" names
// Becker.
func trimPossessive(s string) string {
	for _, suf := range []string{"'s", "’s", "'", "’"} {
		if t, ok := strings.CutSuffix(s, suf); ok && t != "" {
			return t
		}
	}
	return s
}

// hasPersonTitle reports a title of a person among tokens r: "Council
// member Ana Ruiz" names a person, "the Council of Europe" does not.
func hasPersonTitle(toks []text.Token, r [2]int) bool {
	for i := r[0]; i < r[1]; i++ {
		if toks[i].In(personTitles) && !toks[i].In(determiners) && toks[i].Lower() != "of" && toks[i].Lower() != "the" || !toks[i].Cap && toks[i].In(roleNouns) {
			return true
		}
	}
	return false
}
