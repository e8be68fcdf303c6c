package figures

import (
	"unicode"
	"unicode/utf8"

	"copydesk/content/text"
)

type ftKind uint8

const (
	ftEnd  ftKind = iota // before the start or past the end of the paragraph
	ftWord               // a run of letters
	ftNum                // a run of ASCII digits
	ftSym                // any other single character
	ftSkip               // an escape sequence: never part of a figure
)

type ftok struct {
	s, e  int
	kind  ftKind
	sp    bool // white space (or the paragraph start) before it
	cap   bool // word that starts with a capital
	upper bool // word of two or more letters, all capitals
	r     rune // tSym: the character
	lx    *lexeme
}

// tokens produces a paragraph's tokens on demand and keeps only a window of
// them, so memory stays small on a paragraph of any length. Rules address
// tokens by their index in the paragraph; they may look back at most
// keepBehind tokens from where the scan stands.
type tokens struct {
	text string
	pos  int
	buf  []ftok
	base int // index of buf[0]
	end  ftok
	bof  ftok
}

const keepBehind = 48

func (t *tokens) reset(text string) {
	t.text, t.pos, t.buf, t.base = text, 0, t.buf[:0], 0
	t.end = ftok{s: len(text), e: len(text), kind: ftEnd, sp: true}
	t.bof = ftok{kind: ftEnd}
}

// at returns token i; past the end it returns an end token.
func (t *tokens) at(i int) *ftok {
	if i < t.base {
		return &t.bof
	}
	for i-t.base >= len(t.buf) {
		if !t.next() {
			return &t.end
		}
	}
	return &t.buf[i-t.base]
}

// release lets the window drop tokens well before i.
func (t *tokens) release(i int) {
	drop := i - keepBehind - t.base
	if drop < 1024 || drop < len(t.buf)/2 {
		return
	}
	n := copy(t.buf, t.buf[drop:])
	t.buf = t.buf[:n]
	t.base += drop
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\v', '\f', 0x85, 0xa0:
		return true
	}
	return r > 0xff && unicode.IsSpace(r)
}

func (t *tokens) next() bool {
	s := t.text
	i := t.pos
	sp := i == 0
	for i < len(s) {
		c := s[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			sp = true
			i++
			continue
		}
		if c < utf8.RuneSelf {
			break
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if !isSpaceRune(r) {
			break
		}
		sp = true
		i += n
	}
	if i >= len(s) {
		t.pos = i
		return false
	}
	tk := ftok{s: i, sp: sp}
	c := s[i]
	switch {
	case '0' <= c && c <= '9':
		j := i + 1
		for j < len(s) && '0' <= s[j] && s[j] <= '9' {
			j++
		}
		tk.kind, tk.e = ftNum, j
	case c == 0x1b:
		tk.kind, tk.e = ftSkip, i+text.EscapeLen(s[i:])
	case c < utf8.RuneSelf && !isASCIILetter(c):
		tk.kind, tk.e, tk.r = ftSym, i+1, rune(c)
	default:
		r, n := utf8.DecodeRuneInString(s[i:])
		if c >= utf8.RuneSelf && !text.IsLetter(r) {
			tk.kind, tk.e, tk.r = ftSym, i+n, r
			break
		}
		j := i
		lower, upper := 0, 0
		h := uint32(text.HashStart)
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf {
				if !isASCIILetter(c) {
					break
				}
				if c <= 'Z' {
					upper++
					c += 'a' - 'A'
				} else {
					lower++
				}
				h = text.HashByte(h, c)
				j++
				continue
			}
			r, n := utf8.DecodeRuneInString(s[j:])
			if !text.IsLetter(r) {
				break
			}
			if unicode.IsUpper(r) {
				upper++
			} else {
				lower++
			}
			for k := j; k < j+n; k++ {
				h = lexHash(h, s[k])
			}
			j += n
		}
		tk.kind, tk.e = ftWord, j
		if c := s[i]; c < utf8.RuneSelf {
			tk.cap = 'A' <= c && c <= 'Z'
		} else {
			first, _ := utf8.DecodeRuneInString(s[i:])
			tk.cap = unicode.IsUpper(first)
		}
		tk.upper = upper >= 2 && lower == 0
		if j-i <= 24 {
			tk.lx = lookupHashed(s[i:j], h)
		}
	}
	t.pos = tk.e
	t.buf = append(t.buf, tk)
	return true
}

func isASCIILetter(c byte) bool { return ('a' <= c && c <= 'z') || ('A' <= c && c <= 'Z') }

// word helpers

func (t *tokens) str(k *ftok) string { return t.text[k.s:k.e] }

// adjacent reports whether token i+1 follows token i with no space.
func (t *tokens) adjacent(i int) bool {
	n := t.at(i + 1)
	return n.kind != ftEnd && !n.sp
}

func (k *ftok) isSym(r rune) bool { return k.kind == ftSym && k.r == r }

func (k *ftok) isDash() bool {
	return k.kind == ftSym && (k.r == '-' || k.r == '–' || k.r == '‐' || k.r == '‑')
}

func (k *ftok) flag(f lexFlag) bool { return k.kind == ftWord && k.lx != nil && k.lx.flags&f != 0 }

// is reports whether the token is the word w (lower case, ASCII).
func (t *tokens) is(k *ftok, w string) bool {
	if k.kind != ftWord || k.e-k.s != len(w) {
		return false
	}
	return text.EqualLower(t.text[k.s:k.e], w)
}
