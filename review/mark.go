// Package review keeps what reviewers record on an article: for a quote, a
// figure or a paragraph, checked or disputed, and a note. Each article has
// an append-only log of marks; the state of an item is its reviewers'
// latest marks on it. Marks are anchored to the item's words and the words
// around them, not only to offsets, so they follow the item when the
// article is revised, and say so when it is gone.
package review

import (
	"cmp"
	"hash/maphash"
	"slices"
	"sync"
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
// them. It holds a hash of each item's kind and words, sorted, made when
// the first anchor is located: an article with no marks costs nothing.
type Index struct {
	items Items
	once  sync.Once
	seed  maphash.Seed
	keys  []itemKey // sorted by hash
}

type itemKey struct {
	hash uint64
	item int32
}

type textKey struct {
	kind Kind
	text string
}

// NewIndex indexes items (an article's quotes, figures and paragraphs).
func NewIndex(items Items) *Index {
	return &Index{items: items, seed: maphash.MakeSeed()}
}

// Items are the indexed items.
func (x *Index) Items() Items { return x.items }

func (x *Index) hash(k Kind, text string) uint64 {
	return maphash.Comparable(x.seed, textKey{k, text})
}

func (x *Index) build() {
	x.keys = make([]itemKey, x.items.Len())
	for i := range x.keys {
		a := x.items.At(i)
		x.keys[i] = itemKey{x.hash(a.Kind, a.Text), int32(i)}
	}
	slices.SortFunc(x.keys, func(a, b itemKey) int {
		return cmp.Or(cmp.Compare(a.hash, b.hash), cmp.Compare(a.item, b.item))
	})
}

// Locate finds the item an anchor is on now: the item of the same kind and
// words, and of those the one whose surrounding words and place agree
// best. It returns -1 when no item has those words any more: the mark is
// outdated.
func (x *Index) Locate(a Anchor) int {
	x.once.Do(x.build)
	h := x.hash(a.Kind, a.Text)
	k, _ := slices.BinarySearchFunc(x.keys, h, func(e itemKey, h uint64) int { return cmp.Compare(e.hash, h) })
	best, bestScore := -1, -1
	for ; k < len(x.keys) && x.keys[k].hash == h; k++ {
		i := int(x.keys[k].item)
		it := x.items.At(i)
		if it.Kind != a.Kind || it.Text != a.Text {
			continue // another item's words with the same hash
		}
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

// Board is an article's log read against its items now: each reviewer's
// latest mark on each item is current, unless it clears the item (no
// state, no note). Marks may be added in any order: the one with the
// higher Seq is the later, so a board built mark by mark as they arrive is
// the board of the whole log.
type Board struct {
	x        *Index
	onItem   map[int]map[string]Mark    // by item, by reviewer: the latest
	outdated map[Anchor]map[string]Mark // the same for marks whose item is gone
}

// NewBoard is an empty board for the items x indexes.
func NewBoard(x *Index) *Board {
	return &Board{x: x, onItem: map[int]map[string]Mark{}, outdated: map[Anchor]map[string]Mark{}}
}

// Fold reads a log against the article's items.
func Fold(log []Mark, x *Index) *Board {
	b := NewBoard(x)
	for _, m := range log {
		b.Add(m)
	}
	return b
}

// Add reads one more mark and returns the item it is on (-1 when its item
// is gone) and whether it changed what stands.
func (b *Board) Add(m Mark) (item int, changed bool) {
	item = b.x.Locate(m.Anchor)
	var byReviewer map[string]Mark
	if item >= 0 {
		if byReviewer = b.onItem[item]; byReviewer == nil {
			byReviewer = map[string]Mark{}
			b.onItem[item] = byReviewer
		}
	} else {
		if byReviewer = b.outdated[m.Anchor]; byReviewer == nil {
			byReviewer = map[string]Mark{}
			b.outdated[m.Anchor] = byReviewer
		}
	}
	if old, ok := byReviewer[m.Reviewer.Name]; ok && old.Seq >= m.Seq {
		return item, false
	}
	byReviewer[m.Reviewer.Name] = m
	return item, true
}

// On is the current marks on item i, newest first.
func (b *Board) On(i int) []Mark { return standing(b.onItem[i]) }

// Items is the items that have current marks.
func (b *Board) Items() []int {
	out := make([]int, 0, len(b.onItem))
	for i, byReviewer := range b.onItem {
		if len(standing(byReviewer)) > 0 {
			out = append(out, i)
		}
	}
	slices.Sort(out)
	return out
}

// Outdated is the current marks whose item is gone, newest first, with
// the words they were made on.
func (b *Board) Outdated() []Mark {
	var out []Mark
	for _, byReviewer := range b.outdated {
		out = append(out, standing(byReviewer)...)
	}
	newestFirst(out)
	return out
}

// All is every current mark, on an item or outdated, newest first.
func (b *Board) All() []Mark {
	var out []Mark
	for _, byReviewer := range b.onItem {
		out = append(out, standing(byReviewer)...)
	}
	for _, byReviewer := range b.outdated {
		out = append(out, standing(byReviewer)...)
	}
	newestFirst(out)
	return out
}

// standing is the marks of byReviewer that say something, newest first.
func standing(byReviewer map[string]Mark) []Mark {
	var out []Mark
	for _, m := range byReviewer {
		if m.State != Unmarked || m.Note != "" {
			out = append(out, m)
		}
	}
	newestFirst(out)
	return out
}

func newestFirst(ms []Mark) {
	slices.SortFunc(ms, func(a, b Mark) int { return cmp.Compare(b.Seq, a.Seq) })
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
