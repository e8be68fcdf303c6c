// Package review keeps what reviewers record on an article: for a quote, a
// figure or a paragraph, checked or disputed, and a note. Each article has
// an append-only log of marks; the state of an item is its reviewers'
// latest marks on it. Marks are anchored to the item's words and the words
// around them, not only to offsets, so they follow the item when the
// article is revised, and say so when it is gone.
package review

import (
	"time"
	"unicode/utf8"
)

// Kind is what a mark is on.
type Kind string

// The kinds of item a reviewer marks.
const (
	Quote     Kind = "quote"
	Figure    Kind = "figure"
	Paragraph Kind = "paragraph"
)

// State is a reviewer's verdict on an item.
type State string

// The verdicts; Unmarked clears one.
const (
	Unmarked State = ""
	Checked  State = "checked"
	Disputed State = "disputed"
)

// MaxNote is the longest note a reviewer may leave, in characters.
const MaxNote = 2000

// contextLen is how many bytes of the paragraph on each side of an item
// its anchor keeps, to tell apart the same words said twice.
const contextLen = 40

// Anchor is the item a mark is on, as it was when marked.
type Anchor struct {
	Kind      Kind
	Text      string // the item's words (a paragraph's whole text)
	Before    string // up to contextLen bytes of the paragraph before it
	After     string // and after it
	Paragraph int    // 1-based, when marked
	Start     int    // bytes of that paragraph's text
	End       int
	Speaker   string // a quote's speaker as named then, "" when unknown
	Figure    string // a figure's kind ("date", "count", …)
}

// NewAnchor is the anchor of para[start:end], the item of paragraph number
// n (from 1).
func NewAnchor(kind Kind, para string, n, start, end int) Anchor {
	b := max(start-contextLen, 0)
	for b > 0 && !utf8.RuneStart(para[b]) {
		b++
	}
	e := min(end+contextLen, len(para))
	for e < len(para) && !utf8.RuneStart(para[e]) {
		e--
	}
	return Anchor{Kind: kind, Text: para[start:end], Before: para[b:start], After: para[end:e], Paragraph: n, Start: start, End: end}
}

// Reviewer is who made a mark: a name people read and, over SSH, the
// fingerprint of the key they logged in with.
type Reviewer struct {
	Name        string
	Fingerprint string
}

// Mark is one entry of an article's log: a reviewer's state and note on an
// item from then on.
type Mark struct {
	Seq      int64 // the entry's place in its article's log, from 1, without gaps
	Anchor   Anchor
	Reviewer Reviewer
	State    State
	Note     string
	At       time.Time
	Undoes   int64 // the Seq of the mark this one takes back, 0 for none
}

// Index is an article's items now, ready to have anchors located among
// them.
type Index struct {
	items  []Anchor
	byText map[textKey][]int
}

type textKey struct {
	kind Kind
	text string
}

// NewIndex indexes items (an article's quotes, figures and paragraphs).
func NewIndex(items []Anchor) *Index {
	x := &Index{items: items, byText: make(map[textKey][]int, len(items))}
	for i, it := range items {
		k := textKey{it.Kind, it.Text}
		x.byText[k] = append(x.byText[k], i)
	}
	return x
}

// Items are the indexed items.
func (x *Index) Items() []Anchor { return x.items }

// Locate finds the item an anchor is on now: the item of the same kind and
// words, and of those the one whose surrounding words and place agree
// best. It returns -1 when no item has those words any more: the mark is
// outdated.
func (x *Index) Locate(a Anchor) int {
	best, bestScore := -1, -1
	for _, i := range x.byText[textKey{a.Kind, a.Text}] {
		it := x.items[i]
		// Context first; among equals, the nearer paragraph.
		score := commonSuffix(it.Before, a.Before) + commonPrefix(it.After, a.After)
		score = score*1024 - min(abs(it.Paragraph-a.Paragraph), 1023)
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

func commonSuffix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[len(a)-1-n] == b[len(b)-1-n] {
		n++
	}
	return n
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// Board is an article's log read against its items now.
type Board struct {
	// OnItem holds, by item index, the reviewers' current marks on it
	// (their latest, when it says something), newest first.
	OnItem map[int][]Mark
	// Outdated holds the current marks whose item is gone, newest first,
	// with the words they were made on.
	Outdated []Mark
	// All is every current mark, on an item or outdated, newest first.
	All []Mark
}

// Fold reads a log (in Seq order) against the article's items: each
// reviewer's latest mark on each item is current, unless it clears the item
// (no state, no note).
func Fold(log []Mark, x *Index) Board {
	type key struct {
		item     int    // -1: outdated, told apart by the anchor below
		anchor   Anchor // for outdated marks
		reviewer string
	}
	keys := make([]key, len(log))
	latest := map[key]int{} // index in log
	for i, m := range log {
		k := key{item: x.Locate(m.Anchor), reviewer: m.Reviewer.Name}
		if k.item < 0 {
			k.anchor = m.Anchor
		}
		keys[i] = k
		latest[k] = i
	}
	b := Board{OnItem: map[int][]Mark{}}
	for i := len(log) - 1; i >= 0; i-- {
		m, k := log[i], keys[i]
		if latest[k] != i || m.State == Unmarked && m.Note == "" {
			continue
		}
		b.All = append(b.All, m)
		if k.item < 0 {
			b.Outdated = append(b.Outdated, m)
		} else {
			b.OnItem[k.item] = append(b.OnItem[k.item], m)
		}
	}
	return b
}

// Undo is the mark that takes back reviewer's last mark still standing in
// log: it puts back the state and note that reviewer had on that item
// before. ok is false when there is nothing of theirs to take back.
func Undo(log []Mark, reviewer string, x *Index) (m Mark, ok bool) {
	undone := map[int64]bool{}
	for _, e := range log {
		if e.Undoes != 0 && e.Reviewer.Name == reviewer {
			undone[e.Undoes] = true
		}
	}
	for i := len(log) - 1; i >= 0; i-- {
		e := log[i]
		if e.Reviewer.Name != reviewer || e.Undoes != 0 || undone[e.Seq] {
			continue
		}
		m = Mark{Anchor: e.Anchor, Reviewer: e.Reviewer, Undoes: e.Seq}
		item := x.Locate(e.Anchor)
		// the state before e: the latest of theirs on the same item
		// before it, as the log reads with the undone marks left out
		for j := i - 1; j >= 0; j-- {
			p := log[j]
			if p.Reviewer.Name != reviewer || undone[p.Seq] {
				continue
			}
			if same := x.Locate(p.Anchor); same == item && (item >= 0 || p.Anchor == e.Anchor) {
				m.State, m.Note = p.State, p.Note
				break
			}
		}
		return m, true
	}
	return Mark{}, false
}
