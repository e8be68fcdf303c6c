package attribution

import (
	"strings"

	"copydesk/content/text"
)

// skipObject passes over the hearer of "told", "asked", "assured":
// "told reporters", "told The Associated Press", "told him", "told the crowd
// at a rally".
func (sen *sentence) skipObject(k int) int {
	toks, inQuote, b := sen.toks, sen.inQuote, sen.b
	if k >= b || inQuote[k] {
		return k
	}
	// a near "that" first: "told reporters prior to the talks that"
	for j := k; j < b && j-k < 12; j++ {
		if toks[j].Lower() == "that" && !inQuote[j] {
			if j > k && toks[j-1].Text != "," || j == k {
				return j
			}
		}
		if toks[j].Kind == text.Punct && toks[j].Text != "-" && toks[j].Text != "." || toks[j].Kind == text.QuoteMark || inQuote[j] || toks[j].In(subjectPronouns) && j > k {
			break
		}
	}
	start := k
	if toks[k].In(objectPronouns) {
		return k + 1
	}
	if toks[k].In(determiners) || possessive(&toks[k]) {
		k++
	}
	for k < b && k-start < 6 && (isNameWord(&toks[k]) || possessive(&toks[k])) {
		k++
	}
	if k == start || toks[start].In(determiners) && k == start+1 {
		// a lower-case hearer: "reporters", "the crowd", "Russian media"
		if k < b && toks[k].Kind == text.Word && !toks[k].Cap && !toks[k].In(text.FunctionWords) && !isVerbish(&toks[k]) {
			k++
			if k < b && toks[k].Kind == text.Word && !toks[k].Cap && toks[k].In(roleNouns) && !startsClause(&toks[k]) {
				k++ // "the news media"
			}
		}
	} else if k < b && toks[k].Kind == text.Word && !toks[k].Cap && toks[k].In(hearerNouns) {
		k++ // "CBS' Face the Nation program", "NBC's Today show"
	}
	return k
}

// startsClause guesses whether a lower-case word begins a clause.
func startsClause(t *text.Token) bool {
	return t.In(subjectPronouns) || t.In(determiners) || t.Lower() == "there"
}

// skipAdverbial passes over time words and circumstances between a verb and
// what it reports: "said Tuesday", "said in a statement that", "said on
// CNN's “State of the Union” that".
func (sen *sentence) skipAdverbial(k int) int {
	toks, inQuote, b := sen.toks, sen.inQuote, sen.b
	for {
		start := k
		for k < b && (toks[k].In(timeWords) && (toks[k].Cap || k > start && toks[k-1].In(timeWords) && toks[k-1].Cap) || toks[k].Lower() == "today" || toks[k].Lower() == "yesterday" || toks[k].Lower() == "tonight" || isAdverb(&toks[k]) && !inQuote[k] && !amountNext(toks, k+1, b)) {
			k++
		}
		if k < b && (toks[k].Lower() == "last" || toks[k].Lower() == "this" || toks[k].Lower() == "earlier" || toks[k].Lower() == "late") && k+1 < b && toks[k+1].In(timeWords) {
			k += 2
		}
		if k < b && toks[k].Text == "," && k+1 < b && (toks[k+1].In(adverbialStarts) || toks[k+1].In(timeWords) || toks[k+1].Lower() == "based") {
			// "said, in a statement, that", "said, based on legal advice,"
			if e := sen.commaAfter(k+1, b, 14); e > 0 {
				k = e + 1
				continue
			}
		}
		if k < b && toks[k].In(adverbialStarts) && !inQuote[k] {
			e := sen.adverbialEnd(k)
			if e > k {
				k = e
			}
		}
		if k == start {
			return k
		}
	}
}

// amountNext reports a number or a currency sign at token k: an adverb
// before it modifies the amount ("approximately $100,000 had been spent").
func amountNext(toks []text.Token, k, b int) bool {
	return k < b && (toks[k].Kind == text.Number || toks[k].Text == "$" || toks[k].Text == "£" || toks[k].Text == "€")
}

// commaAfter returns the first comma among tokens [k, end), within n
// tokens of k, or -1.
func (sen *sentence) commaAfter(k, end, n int) int {
	toks, inQuote := sen.toks, sen.inQuote
	for j := k; j < end && j-k < n; j++ {
		if toks[j].Text == "," && !inQuote[j] {
			return j
		}
		if sentenceEnd(&toks[j]) || toks[j].Text == ";" {
			return -1
		}
	}
	return -1
}

// adverbialEnd returns the end of a circumstance phrase starting at the
// preposition k ("in a statement", "on CNN's “State of the Union”", "at a
// rally in Iowa"): the "that", comma or colon after it, or the start of the
// clause it stands before. It returns k when the words are no circumstance.
func (sen *sentence) adverbialEnd(k int) int {
	toks, inQuote, b := sen.toks, sen.inQuote, sen.b
	if toks[k].Lower() == "to" && k+1 < b && lowerFirst(&toks[k+1]) && !toks[k+1].In(determiners) && !toks[k+1].In(objectPronouns) {
		return k // "promised to bomb": an infinitive, not a place
	}
	for j := k + 1; j < b && j-k < 10; j++ {
		// "replied in an even voice that …"
		if toks[j].Lower() == "that" && !inQuote[j] {
			return j
		}
		if toks[j].Kind != text.Word && toks[j].Kind != text.Number || isVerbish(&toks[j]) || inQuote[j] {
			break
		}
	}
	j := k + 1
	for j < b && j-k < 14 {
		t := &toks[j]
		if t.Kind == text.QuoteMark && j+1 < b && inQuote[j+1] {
			// a quoted title: on CNN's “State of the Union”
			for j+1 < b && inQuote[j+1] {
				j++
			}
			j += 2
			continue
		}
		if t.Kind == text.Word && (t.In(prepositions) || t.Lower() == "and") && j > k+1 {
			j++
			continue
		}
		if !npWord(t) || t.In(subjectPronouns) || t.Lower() == "that" || j > k+2 && startsClause(t) && !possessive(t) {
			break
		}
		j++
	}
	if j == k+1 || j >= b {
		return k
	}
	t := &toks[j]
	switch {
	case t.Lower() == "that" && !inQuote[j]:
		return j
	case t.Text == "," || t.Text == ":":
		return j
	case t.Kind == text.Word && (t.In(subjectPronouns) || t.Lower() == "there" || t.In(determiners) || isNameWord(t)):
		return j
	case t.Kind == text.Word && strings.HasSuffix(t.Lower(), "ing") && t.In(cueWords) && !inQuote[j]:
		return j // "wrote to his office saying …"
	}
	return k
}
