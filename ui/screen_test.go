package ui

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	xansi "github.com/charmbracelet/x/ansi"

	"copydesk/content"
)

// vt is a small terminal emulator: enough of one to check that a Screen's
// partial updates leave exactly the cells a full redraw would.
type vt struct {
	w, h     int
	cells    [][]string // rune plus the SGR state it was written with
	row, col int
	sgr      string
}

func newVT(w, h int) *vt {
	v := &vt{w: w, h: h}
	v.clear()
	return v
}

func (v *vt) clear() {
	v.cells = make([][]string, v.h)
	for i := range v.cells {
		v.cells[i] = make([]string, v.w)
		for j := range v.cells[i] {
			v.cells[i][j] = " "
		}
	}
}

func (v *vt) write(b []byte) {
	s := string(b)
	for i := 0; i < len(s); {
		if s[i] == 0x1b && i+1 < len(s) && s[i+1] == '[' {
			j := i + 2
			for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) {
				j++
			}
			params, final := s[i+2:j], s[j]
			switch {
			case final == 'H':
				v.row, v.col = 0, 0
				if params != "" {
					p := strings.Split(params, ";")
					v.row, _ = strconv.Atoi(p[0])
					v.row--
					if len(p) > 1 {
						v.col, _ = strconv.Atoi(p[1])
						v.col--
					}
				}
			case final == 'K':
				for c := v.col; c < v.w; c++ {
					v.cells[v.row][c] = " "
				}
			case final == 'J':
				v.clear()
			case final == 'm':
				if params == "0" || params == "" {
					v.sgr = ""
				} else {
					v.sgr += "[" + params + "]"
				}
			}
			i = j + 1
			continue
		}
		cl, w := xansi.FirstGraphemeCluster(s[i:], xansi.GraphemeWidth)
		n := max(len(cl), 1)
		if v.col < v.w && v.row < v.h {
			cell := cl
			if v.sgr != "" {
				cell = v.sgr + cell
			}
			v.cells[v.row][v.col] = cell
			if w == 2 && v.col+1 < v.w {
				v.cells[v.row][v.col+1] = ""
			}
		}
		v.col += w
		i += n
	}
}

func (v *vt) String() string {
	var b strings.Builder
	for _, r := range v.cells {
		b.WriteString(strings.Join(r, ""))
		b.WriteByte('\n')
	}
	return b.String()
}

func TestScreenPartialUpdates(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	keys := []string{"j", "k", "j", "j", "]", "f", "tab", "j", "esc", "G", "g", "space", "b", "s", "v", "n", "[", "F", "ctrl+d"}
	arts := []*content.Article{content.Embedded(), hostileArticle(t)}
	for _, art := range arts {
		for _, size := range [][2]int{{120, 40}, {60, 20}, {33, 9}} {
			w, h := size[0], size[1]
			m := New(art, Options{Renderer: colourRenderer()})
			m = resize(m, w, h)
			var out bytes.Buffer
			scr := NewScreen(&out)
			scr.Resize(w, h)
			term := newVT(w, h)
			for step := 0; step < 150; step++ {
				out.Reset()
				scr.Draw(m.View())
				term.write(out.Bytes())
				fresh := newVT(w, h)
				var full bytes.Buffer
				s2 := NewScreen(&full)
				s2.Resize(w, h)
				s2.Draw(m.View())
				fresh.write(full.Bytes())
				if term.String() != fresh.String() {
					t.Fatalf("%dx%d step %d: partial update differs from a full redraw\npartial:\n%s\nfull:\n%s", w, h, step, term, fresh)
				}
				m = press(t, m, keys[rng.IntN(len(keys))])
			}
		}
	}
}

func TestChangedStretch(t *testing.T) {
	tests := []struct {
		old, new      string
		from, to, col int
	}{
		{"", "abc", 0, 3, 0},
		{"abcdef", "abXdef", 2, 3, 2},
		{" 1   text", " 1 ▌ text", 3, 6, 3},
		{"a\x1b[1mb\x1b[0mc", "a\x1b[1mB\x1b[0mc", 1, 10, 1}, // inside a style: from its start to after its reset
		{"日本語", "日木語", 3, 6, 2},
	}
	for _, tt := range tests {
		from, to, col := changedStretch(tt.old, tt.new)
		if from != tt.from || to != tt.to || col != tt.col {
			t.Errorf("changedStretch(%q, %q) = %d, %d, %d; want %d, %d, %d", tt.old, tt.new, from, to, col, tt.from, tt.to, tt.col)
		}
	}
}
