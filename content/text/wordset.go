package text

import (
	"strings"
	"sync"
	"unicode/utf8"
)

// Word lists are sets of lower-case words. All of them share one table from
// a word to the bits of the lists it is in, so a token looks its word up
// once, when it is made, and every later test is a bit test. The table is
// a small open-addressing hash built once; a word of the lists comes back
// as the lists spell it, so lower-casing "The" or "Said" costs nothing.

// WordSet is a list of lower-case words, one bit of the shared table, so
// that asking whether a token is in several lists at once (a | b) is one
// bit test. A program has at most 64 lists.
type WordSet uint64

// lexEntry is a word as the lists spell it and the lists it is in.
type lexEntry struct {
	word string
	sets uint64
}

var (
	lexIndex = map[string]int{} // word -> lexWords index, while lists are made
	lexWords []lexEntry
	lexBits  uint
	lexOnce  sync.Once
	lexTab   []int32 // lexWords index + 1 by hash; 0 is empty
	lexMask  uint32
	lexBuilt bool
)

// NewWordSet makes a list of the space-separated words. Lists are made as
// package variables: the table is built at the first lookup, and a list
// made or changed after that panics, since tokens made before it would not
// know it.
func NewWordSet(words string) WordSet {
	if lexBits >= 64 {
		panic("text: more than 64 word lists")
	}
	b := WordSet(1) << lexBits
	lexBits++
	for _, w := range strings.Fields(words) {
		b.Add(w)
	}
	return b
}

// Add puts the lower-case word w in the list, for lists built from other
// tables (verb forms, given names); like NewWordSet, only before the first
// lookup.
func (s WordSet) Add(w string) {
	if lexBuilt {
		panic("text: word list changed after use")
	}
	i, ok := lexIndex[w]
	if !ok {
		i = len(lexWords)
		lexWords = append(lexWords, lexEntry{word: w})
		lexIndex[w] = i
	}
	lexWords[i].sets |= uint64(s)
}

func buildLex() {
	n := uint32(1)
	for n < uint32(len(lexWords))*4 {
		n <<= 1
	}
	lexTab, lexMask, lexBuilt = make([]int32, n), n-1, true
	for i, e := range lexWords {
		h := fnv(e.word)
		for lexTab[h&lexMask] != 0 {
			h++
		}
		lexTab[h&lexMask] = int32(i + 1)
	}
}

// HashStart is the hash of no bytes. Words are hashed with 32-bit FNV-1a,
// a byte at a time, so that a tokeniser that lower-cases a word as it scans
// it hashes it in the same pass instead of hashing a lowered copy; the word
// lists and the figure lexicon look words up by these hashes.
const HashStart = 2166136261

const fnvPrime = 16777619

// HashByte returns h with the byte c added, as FNV-1a does.
func HashByte(h uint32, c byte) uint32 { return (h ^ uint32(c)) * fnvPrime }

func fnv(s string) uint32 {
	h := uint32(HashStart)
	for i := 0; i < len(s); i++ {
		h = HashByte(h, s[i])
	}
	return h
}

// lookup returns the entry of the lower-case word with hash h.
func lookup(w string, h uint32) (lexEntry, bool) {
	lexOnce.Do(buildLex)
	for {
		k := lexTab[h&lexMask]
		if k == 0 {
			return lexEntry{}, false
		}
		if e := lexWords[k-1]; e.word == w {
			return e, true
		}
		h++
	}
}

// Has reports whether the lower-case word w is in the list, for a word that
// is not a token's (a lemma, a word cut from a longer one).
func (s WordSet) Has(w string) bool {
	e, _ := lookup(w, fnv(w))
	return e.sets&uint64(s) != 0
}

// maxLexWord is the longest word lowerWord looks up without lower-casing
// it into a new string.
const maxLexWord = 32

// lowerASCIIWord is lowerWord for an ASCII word of at most maxLexWord
// bytes whose lower-case form hashes to h, upper telling whether it has
// capitals: it compares the word with the lists' words letter by letter
// instead of copying it.
func lowerASCIIWord(w string, h uint32, upper bool) (string, uint64) {
	lexOnce.Do(buildLex)
	for {
		k := lexTab[h&lexMask]
		if k == 0 {
			break
		}
		if e := &lexWords[k-1]; len(e.word) == len(w) && EqualLower(w, e.word) {
			return e.word, e.sets
		}
		h++
	}
	if !upper {
		return w, 0
	}
	return "", 0 // as lowerWord: a name, lowered only if someone asks
}

// lowerWord returns w in lower case and the lists of that word, or "" for a
// word with capitals that is in no list, which is left to Token.Lower so
// that names nobody compares cost nothing.
func lowerWord(w string) (string, uint64) {
	var buf [maxLexWord]byte
	if len(w) > len(buf) {
		low := strings.ToLower(w)
		e, _ := lookup(low, fnv(low))
		return low, e.sets
	}
	h := uint32(HashStart)
	upper := false
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			low := strings.ToLower(w)
			e, _ := lookup(low, fnv(low))
			return low, e.sets
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
			upper = true
		}
		buf[i] = c
		h = HashByte(h, c)
	}
	if e, ok := lookup(string(buf[:len(w)]), h); ok {
		return e.word, e.sets
	}
	if !upper {
		return w, 0
	}
	return "", 0 // a name, mostly: lowered only if someone asks (Token.Lower)
}
