// Package termtest is a small terminal emulator for tests: it reads the
// bytes a program writes to its terminal and shows the screen a person
// would see, so tests check what is on screen rather than which bytes drew
// it (a program that redraws only what changed never writes "¶ 6/18"
// whole). It knows what copydesk's frames use: cursor moves, erasing,
// styles, wide characters and private modes.
package termtest

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"
)

// Screen is an emulated terminal. It is safe for concurrent use: a program
// writes to it while a test reads it.
type Screen struct {
	mu       sync.Mutex
	w, h     int
	cells    [][]cell
	row, col int
	sgr      string
	modes    map[int]bool
	parser   *ansi.Parser
	pending  []byte // a sequence cut short at the end of a write
	raw      strings.Builder
	text     string // Text's answer until the next write; "" when not made
}

// cell is what a cell shows and the styles it was written with, apart:
// tests wait on the plain text after every write, and stripping the
// styles from every cell at each wait cost as much processor time as the
// program under test (200 SSH sessions waiting on their screens).
type cell struct {
	sgr, text string
}

// New returns a blank terminal of w columns and h rows.
func New(w, h int) *Screen {
	s := &Screen{modes: map[int]bool{}, parser: ansi.NewParser()}
	s.resize(w, h)
	return s
}

// Resize changes the terminal's size, keeping what fits of the screen.
func (s *Screen) Resize(w, h int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.resize(w, h)
}

func (s *Screen) resize(w, h int) {
	old := s.cells
	s.w, s.h = w, h
	s.text = ""
	s.cells = make([][]cell, h)
	for r := range s.cells {
		s.cells[r] = make([]cell, w)
		for c := range s.cells[r] {
			s.cells[r][c] = cell{text: " "}
			if r < len(old) && c < len(old[r]) {
				s.cells[r][c] = old[r][c]
			}
		}
	}
	s.row, s.col = min(s.row, h-1), min(s.col, w-1)
}

func (s *Screen) erase(r0, c0, r1, c1 int) {
	for r := max(r0, 0); r <= r1 && r < s.h; r++ {
		from, to := 0, s.w
		if r == r0 {
			from = c0
		}
		if r == r1 {
			to = min(c1, s.w)
		}
		for c := max(from, 0); c < to; c++ {
			s.cells[r][c] = cell{text: " "}
		}
	}
}

// Write shows what a program writes to its terminal.
func (s *Screen) Write(b []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.raw.Write(b)
	s.text = ""
	n := len(b)
	b = append(s.pending, b...)
	s.pending = nil
	p := s.parser
	for len(b) > 0 {
		seq, width, used, state := ansi.DecodeSequence(b, ansi.NormalState, p)
		if used == 0 || state != ansi.NormalState {
			s.pending = append([]byte(nil), b...)
			break
		}
		b = b[used:]
		cmd := ansi.Cmd(p.Command())
		switch {
		case ansi.HasCsiPrefix(seq):
			param := func(i, def int) int { x, _, _ := p.Params().Param(i, def); return x }
			switch {
			case cmd.Final() == 'H' && cmd.Prefix() == 0:
				s.row, s.col = min(max(param(0, 1), 1), s.h)-1, min(max(param(1, 1), 1), s.w)-1
			case cmd.Final() == 'K' && cmd.Prefix() == 0:
				s.erase(s.row, s.col, s.row, s.w)
			case cmd.Final() == 'J' && param(0, 0) == 2:
				s.erase(0, 0, s.h-1, s.w)
			case cmd.Final() == 'J':
				s.erase(s.row, s.col, s.h-1, s.w)
			case cmd.Final() == 'm':
				if str := string(seq); str == "\x1b[m" || str == "\x1b[0m" {
					s.sgr = ""
				} else {
					s.sgr += string(seq)
				}
			case (cmd.Final() == 'h' || cmd.Final() == 'l') && cmd.Prefix() == '?':
				for _, m := range p.Params() {
					s.modes[m.Param(0)] = cmd.Final() == 'h'
				}
			}
		case string(seq) == "\r":
			s.col = 0
		case string(seq) == "\n":
			s.row = min(s.row+1, s.h-1)
		case width > 0:
			if s.col < s.w && s.row < s.h {
				s.cells[s.row][s.col] = cell{sgr: s.sgr, text: string(seq)}
				if width == 2 && s.col+1 < s.w {
					s.cells[s.row][s.col+1] = cell{}
				}
			}
			s.col += width
		}
	}
	return n, nil
}

// Styled is the screen with the styles of each cell, one line a row.
func (s *Screen) Styled() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var b strings.Builder
	for _, r := range s.cells {
		for _, c := range r {
			b.WriteString(c.sgr)
			b.WriteString(c.text)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// Text is the screen as plain text, one line a row, without trailing
// spaces.
func (s *Screen) Text() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.text != "" {
		return s.text
	}
	b := make([]byte, 0, s.h*(s.w+1))
	for _, r := range s.cells {
		for _, c := range r {
			b = append(b, c.text...)
		}
		b = bytes.TrimRight(b, " ")
		b = append(b, '\n')
	}
	s.text = string(b)
	return s.text
}

// Row is row r (from 0) as plain text.
func (s *Screen) Row(r int) string {
	rows := strings.Split(s.Text(), "\n")
	if r < 0 || r >= len(rows) {
		return ""
	}
	return rows[r]
}

// Mode reports whether private mode n (1049 the alternate screen, 25 the
// cursor, 2004 bracketed paste…) was last set or reset.
func (s *Screen) Mode(n int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.modes[n]
}

// Output is every byte written so far.
func (s *Screen) Output() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.raw.String()
}

// Shows reports whether want appears on the screen within limit.
func (s *Screen) Shows(want string, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for !strings.Contains(s.Text(), want) {
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(2 * time.Millisecond)
	}
	return true
}

// WaitFor fails t unless want appears on the screen; the limit is generous
// and only catches a hang.
func (s *Screen) WaitFor(t testing.TB, want string) {
	t.Helper()
	if !s.Shows(want, 10*time.Second) {
		t.Fatalf("the screen never showed %q:\n%s", want, s.Text())
	}
}
