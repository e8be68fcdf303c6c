package attribution

import (
	"sort"
	"strings"
	"unicode"

	"copydesk/content/text"
)

// Speakers are entities: every mention that refers to one person or body
// ("U.S. Secretary of State John Kerry", "Kerry", "he") lands on the same
// entity, which keeps the longest name and the first description seen.

type entKind uint8

const (
	entUnknown entKind = iota
	entPerson
	entOrg
	entGroup // a description: "a senior U.S. official", "officials"
)

type entity struct {
	name    string
	desc    string
	descLow string // desc in lower case, for matching descriptions
	kind    entKind
	gender  byte // 'm', 'f' or 0
	last    string
	head    string // head noun of a description
	aliases []string
	quotes  []int
	first   int // order of first mention
	into    int // merged into another entity; -1 when not
	named   bool
	pair    bool // two people speaking together: "they"
}

type resolver struct {
	ents   []*entity
	byName map[string]int
	byLast map[string]int
	// byFirst: the person whose full name begins with a given name, -1
	// when two do; "Anwar" is Anwar Ibrahim, as Malaysian news writes
	byFirst  map[string]int
	key      []byte // scratch for the lower-case key of a name
	order    int
	recent   []int // entity indexes, most recent mention last
	speakers []int // entity indexes of sources and subjects, most recent last
	sentN    int   // sentences read so far
	lastSent int   // the sentence of the last entry of speakers
	mentions []mention
}

// mention is a place that names an entity, kept small while the analysis
// runs.
type mention struct {
	para, s, e, ent int32
	text            string
}

func (r *resolver) mention(para, s, e int, text string, ent int) {
	r.mentions = append(r.mentions, mention{int32(para), int32(s), int32(e), int32(ent), text})
}

// salient records a source or a subject, the likeliest antecedent of a
// pronoun or a description that follows.
func (r *resolver) salient(i int) {
	if len(r.speakers) >= 64 {
		r.speakers = append(r.speakers[:0], r.speakers[32:]...) // pronouns look back 12
	}
	r.speakers = append(r.speakers, i)
	r.lastSent = r.sentN
}

// newResolver makes a resolver for size bytes of text. News names about one
// new key per 450 bytes and one new surname per 1,000 (the PolNeAR texts):
// maps made that size are not rebuilt as they fill.
func newResolver(size int) *resolver {
	return &resolver{byName: make(map[string]int, size/400), byLast: make(map[string]int, size/800), byFirst: make(map[string]int, size/800)}
}

func (r *resolver) find(i int) int {
	for r.ents[i].into >= 0 {
		i = r.ents[i].into
	}
	return i
}

func (r *resolver) newEntity(e *entity) int {
	e.into = -1
	e.first = r.order
	r.order++
	r.ents = append(r.ents, e)
	return len(r.ents) - 1
}

func (r *resolver) touch(i int) {
	r.recent = append(r.recent, i)
	if len(r.recent) > 64 {
		r.recent = append(r.recent[:0], r.recent[32:]...)
	}
}

// maxAliases bounds the aliases kept for one entity.
const maxAliases = 32

func (r *resolver) addAlias(i int, alias string) {
	e := r.ents[i]
	if len(e.aliases) >= maxAliases {
		return // full: whether it is there or not, nothing changes
	}
	for _, a := range e.aliases {
		if a == alias {
			return
		}
	}
	e.aliases = append(e.aliases, alias)
}

// resolve returns the entity a source phrase refers to, creating one if
// needed.
func (r *resolver) resolve(paraText string, toks []text.Token, p phrase) int {
	p = p.fix()
	appos := ""
	if p.apE > p.apS {
		appos = joinToks(paraText, toks, [2]int{p.apS, p.apE})
	}
	core := phrase{s: p.cs, e: p.ce, kind: p.kind, head: p.head}
	surface := joinToks(paraText, toks, [2]int{p.cs, p.ce})
	if org, ok := dataOwner(toks, core); ok {
		// "INMO figures", "the latest Reuters figures": the body whose
		// numbers they are is the source
		return r.named(joinToks(paraText, toks, org), "", entOrg, 0, surface)
	}
	switch p.kind {
	case npPronoun:
		pr := toks[p.s].Lower()
		if c := pronounContraction(pr); c != "" {
			pr = c
		}
		switch pr { // a possessive names its owner: "his claim that"; "according to him"
		case "his", "him":
			pr = "he"
		case "her":
			pr = "she"
		case "their", "them":
			pr = "they"
		case "its":
			pr = "it"
		}
		i := r.pronoun(pr)
		if i >= 0 {
			r.addAlias(i, surface)
		}
		return i
	case npName:
		if p.andE > p.andS {
			return r.pairOf(paraText, toks, p, joinToks(paraText, toks, [2]int{p.s, p.e}))
		}
		if thingName(toks, core.s, core.e) {
			rr := stripDet(toks, [2]int{core.s, core.e})
			return r.named(joinToks(paraText, toks, rr), "", entOrg, 0, surface)
		}
		title, name := nameParts(toks, core)
		if h := title[0]; title[1]-h >= 2 && toks[h].In(roleNouns) && plural(toks[h].Lower()) && toks[h+1].Lower() == "of" {
			// "Supporters of Mayor Elena Vasquez": the group speaks
			g := phrase{s: p.s, e: p.e, cs: p.s, ce: p.e, kind: npDesc, head: h}
			return r.description(paraText, toks, g, surface)
		}
		if name[0] == name[1] && core.e-core.s == 1 && isNameWord(&toks[core.s]) {
			// "White" after "Mr White": a title word that is a known surname
			if _, ok := r.byLast[toks[core.s].Lower()]; ok {
				title[1], name = core.s, [2]int{core.s, core.e}
			}
		}
		if name[0] == name[1] {
			// titles only: "the president", "the State Department"
			rr := stripDet(toks, [2]int{core.s, core.e})
			if isOrgName(toks, rr) {
				return r.named(joinToks(paraText, toks, rr), "", entOrg, 0, surface)
			}
			return r.description(paraText, toks, p, r.descSurface(paraText, toks, p))
		}
		if orgTitled(toks, title) && !personName(toks, title, name) {
			return r.named(trimPossessive(joinToks(paraText, toks, name)), cleanTitle(paraText, toks, title), entOrg, 0, surface)
		}
		r.key = text.AppendLower(r.key[:0], trimPossessive(joinToks(paraText, toks, name)))
		if i, ok := r.byName[string(r.key)]; ok && r.ents[r.find(i)].kind == entOrg && !personName(toks, title, name) {
			return r.named(trimPossessive(joinToks(paraText, toks, name)), "", entOrg, 0, surface) // "Umbro" after "sportswear firm Umbro"
		}
		if !personName(toks, title, name) && (isOrgName(toks, name) || !hasPersonTitle(toks, title) && isOrgName(toks, stripDet(toks, [2]int{core.s, core.e}))) {
			rr := stripDet(toks, [2]int{core.s, core.e})
			if possessive(&toks[rr[1]-1]) {
				rr = name
			}
			return r.named(joinToks(paraText, toks, rr), "", entOrg, 0, surface)
		}
		desc := cleanTitle(paraText, toks, title)
		if desc == "" {
			desc = appos
		}
		return r.named(trimPossessive(joinToks(paraText, toks, name)), desc, entPerson, genderOf(toks, title, name), surface)
	default:
		return r.description(paraText, toks, p, r.descSurface(paraText, toks, p))
	}
}

// dataNouns are a body's numbers, which speak for it ("figures" only
// after "according to": "GOP figures" are people).
var dataNouns = text.NewWordSet("figures data statistics numbers estimates")

// dataOwner returns the name before a data noun heading a phrase: "INMO"
// in "INMO figures", "Reuters" in "the latest Reuters figures".
func dataOwner(toks []text.Token, p phrase) ([2]int, bool) {
	h := p.e - 1
	if h <= p.s || !toks[h].In(dataNouns) || toks[h].Cap {
		return [2]int{}, false
	}
	if toks[h].Text == "figures" && !(p.s > 0 && toks[p.s-1].Text == "to") {
		return [2]int{}, false // "top GOP figures declared": people; "according to INMO figures": numbers
	}
	e := h
	s := e
	for s > p.s && isNameWord(&toks[s-1]) && !toks[s-1].In(determiners) {
		s--
	}
	if s == e || e-s > 4 {
		return [2]int{}, false
	}
	return [2]int{s, e}, true
}

// pairOf resolves "Coons and Lankford": each person as named, then the two
// together as one speaker, which "they" may refer to later.
func (r *resolver) pairOf(paraText string, toks []text.Token, p phrase, surface string) int {
	one := phrase{s: p.andS, e: p.andE, cs: p.andS, ce: p.andE, kind: npName, head: p.andE - 1}
	two := phrase{s: p.cs, e: p.ce, cs: p.cs, ce: p.ce, kind: npName, head: p.head}
	a, b := r.resolve(paraText, toks, one), r.resolve(paraText, toks, two)
	if a < 0 || b < 0 {
		return b
	}
	a, b = r.find(a), r.find(b)
	if a == b || !surePerson(r.ents[a]) || !surePerson(r.ents[b]) {
		if p.andE-p.andS == 1 && p.ce-p.cs == 1 && !surePerson(r.ents[a]) && !surePerson(r.ents[b]) {
			// "Ernst and Young", "Smith and Wesson": one name
			return r.named(surface, "", entOrg, 0, surface)
		}
		return b // a person and a body are not a pair
	}
	key := "pair:" + itoa(a) + ":" + itoa(b)
	i, ok := r.byName[key]
	if !ok {
		i = r.newEntity(&entity{name: r.ents[a].name + " and " + r.ents[b].name, kind: entGroup, head: "pair", pair: true})
		r.byName[key] = i
	}
	i = r.find(i)
	r.addAlias(i, surface)
	r.touch(i)
	return i
}

// surePerson reports a person known by a full name or a title, not only a
// capitalised word that could be part of a firm's name.
func surePerson(e *entity) bool {
	return e.kind == entPerson && (e.desc != "" || strings.Contains(e.name, " "))
}

// descSurface is a description as the text gives it, up to an appositive:
// "A Western diplomat in Lausanne".
func (r *resolver) descSurface(paraText string, toks []text.Token, p phrase) string {
	e := p.e
	for k := p.s; k < p.e; k++ {
		if toks[k].Text == "," {
			e = k
			break
		}
	}
	if p.apE > p.apS && p.apS > p.s && p.apS-1 < e {
		e = p.apS - 1
	}
	if e <= p.s {
		e = p.ce
	}
	return joinToks(paraText, toks, [2]int{p.s, e})
}

// named finds or creates the entity for a proper name.
func (r *resolver) named(name, desc string, kind entKind, gender byte, surface string) int {
	r.key = text.AppendLower(r.key[:0], name)
	i, ok := r.byName[string(r.key)]
	return r.namedFound(i, ok, name, desc, kind, gender, surface)
}

// namedFound is named once the name's lower-case key has been looked up in
// byName (i, ok). The key is made a string only when the maps are to keep
// it, which is seldom once a name has been seen.
func (r *resolver) namedFound(i int, ok bool, name, desc string, kind entKind, gender byte, surface string) int {
	stored := i
	if ok {
		i = r.find(i)
	}
	store := !ok || i != stored
	key := ""
	if store {
		key = text.Lower(name)
	}
	if !ok && kind == entPerson {
		last := strings.TrimSuffix(strings.TrimSuffix(lastWord(key), "'s"), "’s")
		if j, ok2 := r.byLast[last]; ok2 {
			j = r.find(j)
			e := r.ents[j]
			switch {
			case last == key:
				i, ok = j, true // "Kerry" after "John Kerry"
			case !strings.ContainsRune(strings.TrimSpace(e.name), ' '):
				e.name = name // "John Kerry" after "Kerry"
				i, ok = j, true
			}
		}
		first, _, multi := strings.Cut(key, " ")
		if !ok && multi && !hasCueWord(key) {
			if j, ok2 := r.byLast[first]; ok2 {
				// "Anwar Ibrahim" after "Anwar": the one name was the given name
				if j = r.find(j); r.ents[j].kind == entPerson && !strings.ContainsRune(strings.TrimSpace(r.ents[j].name), ' ') {
					r.ents[j].name = name
					r.byLast[last] = j
					i, ok = j, true
				}
			}
		}
		if j, ok2 := r.byFirst[key]; !ok && !multi && ok2 && j >= 0 {
			i, ok = r.find(j), true // "Anwar" after "Anwar Ibrahim"
		}
		if !ok {
			r.byLast[last] = len(r.ents)
			i = r.newEntity(&entity{name: name, kind: kind, named: true, last: last})
		}
		if multi && len(first) > 1 {
			if j, seen := r.byFirst[first]; !seen {
				r.byFirst[first] = i
			} else if j >= 0 && r.find(j) != r.find(i) {
				r.byFirst[first] = -1
			}
		}
	} else if !ok {
		i = r.newEntity(&entity{name: name, kind: kind, named: true})
	}
	if store {
		r.byName[key] = i
	}
	e := r.ents[i]
	if e.desc == "" && desc != "" {
		e.desc, e.descLow = desc, descKey(desc)
	}
	if e.gender == 0 {
		e.gender = gender
	}
	if kind == entPerson && e.kind != entPerson {
		e.kind = entPerson
	}
	r.addAlias(i, surface)
	r.touch(i)
	return i
}

// description finds or creates the entity for a described speaker: "the
// diplomat" refers back to "A Western diplomat in Lausanne".
func (r *resolver) description(paraText string, toks []text.Token, p phrase, surface string) int {
	head := toks[p.head].Lower()
	definite := toks[p.s].Lower() == "the" || toks[p.s].Lower() == "this" || toks[p.s].Lower() == "that"
	body := stripDet(toks, [2]int{p.s, p.head + 1})
	if body[0] >= body[1] {
		body = [2]int{p.head, p.head + 1} // "many", "several"
	}
	name := joinToks(paraText, toks, body)
	if definite {
		// the person whose title has all the words of the description
		// ("the Scottish Conservative leader"), else the latest whose
		// title or description has its head ("the leader")
		body := strings.ToLower(name)
		for pass := 0; pass < 2; pass++ {
			for k := len(r.recent) - 1; k >= 0; k-- {
				i := r.find(r.recent[k])
				e := r.ents[i]
				if pass == 0 && e.kind == entPerson && body != head && strings.Contains(e.descLow, body) ||
					pass == 1 && (e.head == head || e.kind != entGroup && strings.Contains(e.descLow, head)) {
					r.addAlias(i, surface)
					r.touch(i)
					return i
				}
			}
		}
	}
	key := "desc:" + strings.ToLower(name)
	if i, ok := r.byName[key]; ok {
		i = r.find(i)
		r.addAlias(i, surface)
		r.touch(i)
		return i
	}
	switch toks[p.s].Lower() {
	case "his", "her", "its", "their", "our", "my", "your":
		if !toks[p.head].In(roleNouns) {
			// "according to his body mass index": a source, but
			// nobody who speaks
			return -1
		}
	}
	desc := ""
	if de := descEnd(toks, p.head+1, p.e); de > p.head+1 {
		desc = surface // "A Western diplomat in Lausanne", "a spokesman for the company"
	}
	if p.apE > p.apS {
		desc = joinToks(paraText, toks, [2]int{p.apS, p.apE})
	}
	i := r.newEntity(&entity{name: capitalise(name), desc: desc, descLow: strings.ToLower(desc), kind: entGroup, head: head, gender: honorificGender[head]})
	r.byName[key] = i
	r.addAlias(i, surface)
	r.touch(i)
	return i
}

// descKey is a title in lower case with its abbreviations spelt out too,
// so "the governor" finds "Florida Gov. Ron DeSantis".
func descKey(desc string) string {
	k := strings.ToLower(desc)
	for _, w := range strings.Fields(k) {
		if full, ok := titleWords[strings.TrimSuffix(w, ".")]; ok {
			k += " " + full
		}
	}
	return k
}

var titleWords = map[string]string{
	"sen": "senator", "rep": "representative congressman congresswoman", "gov": "governor", "gen": "general",
	"lt": "lieutenant", "col": "colonel", "sgt": "sergeant", "capt": "captain", "cpt": "captain", "prof": "professor",
	"adm": "admiral", "maj": "major", "cmdr": "commander", "cdr": "commander", "pres": "president", "dr": "doctor",
}

func capitalise(s string) string {
	for i, c := range s {
		return string(unicode.ToUpper(c)) + s[i+len(string(c)):]
	}
	return s
}

// pronoun resolves he, she, they and it to the most recent compatible
// speaker, then to the most recent compatible entity mentioned.
func (r *resolver) pronoun(p string) int {
	ok := func(i int) bool {
		e := r.ents[i]
		switch p {
		case "he":
			return e.kind == entPerson && e.gender != 'f' || e.kind == entGroup && e.gender == 'm' || e.kind == entGroup && !plural(e.head) && e.gender != 'f' && personHead(e.head) && roleNouns.Has(e.head)
		case "she":
			return e.kind == entPerson && e.gender != 'm' || e.kind == entGroup && !plural(e.head) && e.gender != 'm' && personHead(e.head) && roleNouns.Has(e.head)
		case "they":
			return e.kind == entOrg || e.kind == entGroup && (plural(e.head) || e.pair)
		case "it":
			return e.kind == entOrg || e.kind == entGroup && !plural(e.head) && e.gender == 0 && !personHead(e.head)
		}
		return false
	}
	for _, list := range [][]int{r.speakers, r.recent} {
		for k := len(list) - 1; k >= 0 && k >= len(list)-12; k-- {
			i := r.find(list[k])
			if ok(i) {
				return i
			}
		}
	}
	return -1
}

func plural(head string) bool {
	return strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") || head == "people" || head == "police" || head == "authorities" || head == "men" || head == "women"
}

func personHead(head string) bool {
	switch head {
	case "campaign", "statement", "report", "study", "survey", "poll", "memo", "letter", "document", "filing",
		"complaint", "lawsuit", "indictment", "website", "newspaper", "group", "organization", "organisation",
		"committee", "department", "ministry", "agency", "company", "firm", "government", "administration",
		"team", "office", "analysis", "data", "research", "paper", "article", "post", "tweet", "blog", "video",
		"ad", "advertisement", "release", "announcement", "transcript", "account", "testimony", "interview",
		"speech", "council", "panel", "commission", "court", "jury", "board", "nation", "country", "state",
		"city", "county", "district", "leadership":
		return false
	}
	return true
}

// speakerList builds the output speakers from entities that have quotes,
// most quoted first, with stable ids.
func (r *resolver) speakerList(quotes []Quote, qent []int) ([]Speaker, []string) {
	for qi, ei := range qent {
		if ei >= 0 {
			ei = r.find(ei)
			qent[qi] = ei
			r.ents[ei].quotes = append(r.ents[ei].quotes, qi)
		}
	}
	var idx []int
	for i, e := range r.ents {
		if e.into < 0 && len(e.quotes) > 0 {
			idx = append(idx, i)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool {
		ea, eb := r.ents[idx[a]], r.ents[idx[b]]
		if len(ea.quotes) != len(eb.quotes) {
			return len(ea.quotes) > len(eb.quotes)
		}
		return ea.first < eb.first
	})
	ids := make([]string, len(r.ents)) // entity -> speaker id, "" when it has no quotes
	used := make(map[string]bool, len(idx))
	var out []Speaker // nil when nobody speaks
	if len(idx) > 0 {
		out = make([]Speaker, 0, len(idx))
	}
	for _, i := range idx {
		e := r.ents[i]
		id := slug(e.name)
		if id == "" {
			id = "speaker"
		}
		base := id
		for n := 2; used[id]; n++ {
			id = base + "-" + itoa(n)
		}
		used[id] = true
		ids[i] = id
		out = append(out, Speaker{ID: id, Name: text.Clean(e.name), Description: text.Clean(e.desc), Aliases: e.aliases, Quotes: e.quotes})
	}
	return out, ids
}

func slug(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	dash := false
	for _, c := range s {
		// rune by rune, as strings.ToLower lowers, without its copy
		c = unicode.ToLower(c)
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(c)
			dash = false
		} else if c != '\'' && c != '’' && c != '.' {
			dash = true
		}
	}
	return b.String()
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var d []byte
	for n > 0 {
		d = append([]byte{byte('0' + n%10)}, d...)
		n /= 10
	}
	return string(d)
}

// hasCueWord reports a reporting verb among the words of a lower-case name:
// a headline in title case ("Vasquez Says Pier") is no full name.
func hasCueWord(key string) bool {
	for _, w := range strings.Fields(key) {
		if _, ok := cueVerbs[w]; ok {
			return true
		}
	}
	return false
}
