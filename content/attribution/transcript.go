package attribution

import (
	"strings"
	"unicode/utf8"
)

// A transcript printed in an article names each turn's speaker in capitals
// before a colon ("WALLACE: Let's start …", "PENCE: Well, look …"), often
// inside a quotation reopened at every paragraph. The same shape opens
// rubrics ("UPDATE:", "EXCLUSIVE:", "VIDEO:") and headlines ("AP: Trump
// chair …"), so a label names a speaker only in a dialogue: an article
// whose paragraphs open with at least two different labels.

// rubrics open a paragraph like a speaker's label but name none.
var rubrics = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`VIDEO VIDEOS UPDATE UPDATED EXCLUSIVE WATCH BREAKING PHOTO PHOTOS EMAIL BYLINE
		CLARIFICATION CORRECTION NOTE EDITOR'S RELATED READ LISTEN LOOK BOOM BUSTED ANALYSIS OPINION LIVE
		SOURCE SOURCES CREDIT AP REUTERS AFP UPI CNN NBC CBS ABC FOX PHOTOGRAPH GRAPHIC MAP AUDIO TRANSCRIPT
		WARNING ALERT REPORT REVIEW POLL POLLS FACT CHECK SPOILER UPDATES PS P.S. SUBSCRIBE FOLLOW SHARE
		MORE ALSO NEWS TOPICS TAGS`) {
		rubrics[w] = true
	}
}

// speakerLabel returns the label opening paragraph s, after an opening
// quotation mark: the byte range of its words and the offset just past its
// colon. The words are one to three, in capitals (two letters at least,
// with "." "'" "-" inside), and what follows the colon is not in capitals
// too (that is a headline: "UN: PEACEKEEPERS PAYING …").
func speakerLabel(s string) (ls, le, after int, ok bool) {
	i := 0
	for _, m := range []string{"\"", "“", "'", "‘"} {
		if strings.HasPrefix(s, m) {
			i = len(m)
			break
		}
	}
	ls = i
	words := 0
	for {
		j := i
		letters := 0
		for j < len(s) {
			c := s[j]
			if c >= 'A' && c <= 'Z' {
				letters++
			} else if !(c == '.' || c == '\'' || c == '-') || j == i {
				break
			}
			j++
		}
		if letters < 2 {
			return 0, 0, 0, false
		}
		words++
		i = j
		if i < len(s) && s[i] == ':' {
			le = i
			break
		}
		if words == 3 || i+1 >= len(s) || s[i] != ' ' {
			return 0, 0, 0, false
		}
		i++
	}
	after = le + 1
	for after < len(s) {
		if s[after] == ' ' {
			after++
		} else if strings.HasPrefix(s[after:], "\u00a0") {
			after += len("\u00a0")
		} else {
			break
		}
	}
	if after == le+1 || after >= len(s) {
		return 0, 0, 0, false
	}
	// the first word after the colon: capitals throughout (two or more)
	// make a headline
	caps, n := 0, 0
	for k := after; k < len(s); {
		r, size := utf8.DecodeRuneInString(s[k:])
		if r == ' ' {
			break
		}
		n++
		if r >= 'A' && r <= 'Z' {
			caps++
		}
		k += size
	}
	if n > 1 && caps == n {
		return 0, 0, 0, false
	}
	return ls, le, after, true
}

// labelKey is the word a label is known by: its last, so that "JAKE
// TAPPER" and "TAPPER" are one speaker.
func labelKey(label string) string {
	return label[strings.LastIndexByte(label, ' ')+1:]
}

// dialogueLabels returns the keys of the speakers' labels when the
// paragraphs hold a dialogue, or nil. It reads only each paragraph's first
// words.
func dialogueLabels(paras []string) map[string]bool {
	var keys map[string]bool
	for _, p := range paras {
		ls, le, _, ok := speakerLabel(p)
		if !ok {
			continue
		}
		k := labelKey(p[ls:le])
		if rubrics[k] || rubrics[p[ls:le]] {
			continue
		}
		if keys == nil {
			keys = map[string]bool{}
		}
		keys[k] = true
	}
	if len(keys) < 2 {
		return nil
	}
	return keys
}

// labelName writes a label as a name: "JAKE TAPPER" is Jake Tapper,
// "O'NEILL" O'Neill.
func labelName(label string) string {
	b := []byte(strings.ToLower(label))
	up := true
	for i, c := range b {
		if up && c >= 'a' && c <= 'z' {
			b[i] = c - 'a' + 'A'
		}
		up = c == ' ' || c == '\'' || c == '-' || c == '.'
	}
	return string(b)
}

// stageDirection reports words that describe what happened in a
// transcript, in capitals between brackets: "(CROSSTALK.)", "[APPLAUSE]",
// "(LAUGHTER)". Nobody said them.
func stageDirection(s string) bool {
	s = strings.TrimRight(s, ". ")
	if len(s) < 3 || !(s[0] == '(' && s[len(s)-1] == ')' || s[0] == '[' && s[len(s)-1] == ']') {
		return false
	}
	letters := 0
	for _, c := range s[1 : len(s)-1] {
		switch {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == ' ' || c == '.' || c == '-' || c == ',' || c == '\'':
		default:
			return false
		}
	}
	return letters >= 3
}
