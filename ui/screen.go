package ui

import (
	"bytes"
	"errors"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/cellbuf"
)

// Bubble Tea v1 paints on a timer (60 frames a second at most), so a key
// press waits up to 16 ms, 8 ms on average, before the terminal sees it.
// A reader answers faster than that: a screen writes each frame as soon as
// it is ready, and only the lines that changed.
//
// Frames are written by a goroutine of the screen's own, so a terminal that
// reads slowly (an SSH client on a slow link, or one that stopped reading)
// never holds up the model: Draw only leaves the frame for the writer, and
// a frame drawn while the writer is still busy replaces the one waiting.
// What is buffered is bounded by one frame whatever the client does.

const (
	enterSeq = "\x1b[?1049h\x1b[?25l\x1b[?1002h\x1b[?1006h\x1b[?2004h\x1b[2J\x1b[H"
	leaveSeq = "\x1b[?2004l\x1b[?1006l\x1b[?1002l\x1b[?25h\x1b[?1049l"
	// Synchronized output (mode 2026): the terminal shows the frame when
	// it is complete, never half drawn.
	syncBegin = "\x1b[?2026h"
	syncEnd   = "\x1b[?2026l"
)

// screen draws frames on a terminal in the alternate screen.
type screen struct {
	out io.Writer
	enc encoder // the writer goroutine's

	mu      sync.Mutex
	next    frame
	waiting bool // next holds a frame not written yet
	sync    bool // wrap frames in synchronized updates
	closing bool
	err     error // the first failed write; nothing is written after it
	wake    chan struct{}
	done    chan struct{}
}

type frame struct {
	text string
	w, h int
}

// ErrSlowTerminal is returned by Close when the terminal did not take the
// last writes in time.
var ErrSlowTerminal = errors.New("the terminal did not read its output in time")

// newScreen switches out to the alternate screen, with the cursor hidden and
// mouse and bracketed-paste reporting on, and draws frames on it.
func newScreen(out io.Writer) *screen {
	s := &screen{out: out, wake: make(chan struct{}, 1), done: make(chan struct{})}
	go s.write()
	return s
}

// setSync wraps the frames drawn from now on in synchronized updates, or
// stops: the terminal may say it has them after the first frame.
func (s *screen) setSync(on bool) {
	s.mu.Lock()
	s.sync = on
	s.mu.Unlock()
}

// Draw shows text, a frame of h lines at most for a terminal of w columns.
// It never waits for the terminal.
func (s *screen) Draw(text string, w, h int) {
	s.mu.Lock()
	s.next, s.waiting = frame{text, w, h}, true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
}

// Close restores what newScreen changed, after the frame being written; a
// frame still waiting is dropped. It waits at most timeout for the
// terminal to take the bytes, and returns ErrSlowTerminal when it did not
// (closing the connection then unblocks the writer).
func (s *screen) Close(timeout time.Duration) error {
	s.mu.Lock()
	s.closing = true
	s.mu.Unlock()
	select {
	case s.wake <- struct{}{}:
	default:
	}
	t := time.NewTimer(timeout)
	defer t.Stop()
	select {
	case <-s.done:
		s.mu.Lock()
		defer s.mu.Unlock()
		return s.err
	case <-t.C:
		return ErrSlowTerminal
	}
}

// write is the writer goroutine.
func (s *screen) write() {
	defer close(s.done)
	if !s.put([]byte(enterSeq)) {
		return
	}
	for range s.wake {
		s.mu.Lock()
		f, ok, closing := s.next, s.waiting, s.closing
		s.enc.sync = s.sync
		s.waiting = false
		s.mu.Unlock()
		if closing {
			s.put([]byte(leaveSeq))
			return
		}
		if ok && !s.put(s.enc.encode(f.text, f.w, f.h)) {
			return
		}
	}
}

// put writes b, reporting whether the terminal is still writable.
func (s *screen) put(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	if _, err := s.out.Write(b); err != nil {
		s.mu.Lock()
		s.err = err
		s.mu.Unlock()
		return false
	}
	return true
}

// encoder turns a frame into the bytes that change the terminal from the
// frame before it.
type encoder struct {
	sync bool
	last []string
	w, h int
	buf  bytes.Buffer
	cs   cutScratch
}

// encode returns the bytes that show text: for each changed line only the
// stretch between the unchanged start and the unchanged end, so moving the
// focus marker costs a few bytes per line, not the whole line. After a
// change of size every line is written whole, over what the terminal kept.
func (e *encoder) encode(text string, w, h int) []byte {
	lines := strings.Split(text, "\n")
	if h > 0 && len(lines) > h {
		lines = lines[:h]
	}
	whole := w != e.w || h != e.h
	if whole {
		e.last, e.w, e.h = nil, w, h
	}
	e.buf.Reset()
	if e.sync {
		e.buf.WriteString(syncBegin)
	}
	start := e.buf.Len()
	for i, l := range lines {
		if i < len(e.last) && e.last[i] == l {
			continue
		}
		var old string
		if i < len(e.last) {
			old = e.last[i]
		}
		from, to, col, open := e.cs.changedStretch(old, l)
		e.moveTo(i, col)
		e.buf.WriteString(l[from:to])
		if open {
			// The line leaves a style on; the next write starts plain.
			e.buf.WriteString("\x1b[m")
		}
		if to == len(l) && (w <= 0 || col+ansi.StringWidth(l[from:]) < w) {
			// Erasing at the last column would wipe its character.
			e.buf.WriteString("\x1b[K")
		}
	}
	if whole && len(lines) < h {
		e.moveTo(len(lines), 0)
		e.buf.WriteString("\x1b[J")
	} else if !whole {
		for i := len(lines); i < len(e.last); i++ {
			e.moveTo(i, 0)
			e.buf.WriteString("\x1b[K")
		}
	}
	e.last = lines
	if e.buf.Len() == start {
		return nil
	}
	if e.sync {
		e.buf.WriteString(syncEnd)
	}
	return e.buf.Bytes()
}

func (e *encoder) moveTo(row, col int) {
	e.buf.WriteString("\x1b[")
	e.buf.WriteString(strconv.Itoa(row + 1))
	if col > 0 {
		e.buf.WriteByte(';')
		e.buf.WriteString(strconv.Itoa(col + 1))
	}
	e.buf.WriteByte('H')
}

// cut is a place in a line where a write may start or stop: outside any
// escape sequence and any style, at the start of a visible character.
type cut struct{ at, col int }

// cuts lists the safe places of a line with their columns. A place is safe
// when the graphic rendition there is the terminal's default, however the
// line's styles got back to it (a full reset, or attributes turned off one
// by one), so a write starting there needs no style of its own.
func cuts(l string, out []cut) []cut {
	out = out[:0]
	var pen cellbuf.Style
	p := ansi.GetParser()
	defer ansi.PutParser(p)
	var state byte
	col := 0
	for i := 0; i < len(l); {
		seq, width, n, next := ansi.DecodeSequence(l[i:], state, p)
		if n <= 0 {
			n = 1
		}
		if pen.Empty() && next == ansi.NormalState && state == ansi.NormalState {
			out = append(out, cut{i, col})
		}
		if next == ansi.NormalState && len(seq) > 1 && ansi.HasCsiPrefix(seq) && ansi.Cmd(p.Command()).Final() == 'm' &&
			ansi.Cmd(p.Command()).Prefix() == 0 && ansi.Cmd(p.Command()).Intermediate() == 0 {
			cellbuf.ReadStyle(p.Params(), &pen)
		}
		state = next
		col += width
		i += n
	}
	if pen.Empty() {
		out = append(out, cut{len(l), col})
	}
	return out
}

// cutScratch holds the safe places of the two lines compared, reused from
// line to line: made afresh for each line they were most of what a frame
// allocated (200 SSH sessions: an eighth of the server's processor time).
type cutScratch struct{ line, old []cut }

// changedStretch returns the bytes [from, to) of line that must be written,
// starting at column col, to turn old into line on screen; open is set when
// a style is still on after them.
func (cs *cutScratch) changedStretch(old, line string) (from, to, col int, open bool) {
	cs.line = cuts(line, cs.line)
	nc := cs.line
	open = len(nc) == 0 || nc[len(nc)-1].at != len(line)
	if old == "" {
		return 0, len(line), 0, open
	}
	p := 0
	for p < len(old) && p < len(line) && old[p] == line[p] {
		p++
	}
	sfx := 0
	for sfx < len(old)-p && sfx < len(line)-p && old[len(old)-1-sfx] == line[len(line)-1-sfx] {
		sfx++
	}
	// start: the last safe place inside the common prefix (the prefix is
	// the same bytes in both lines, so the same place is safe in old)
	start := cut{}
	for _, c := range nc {
		if c.at > p {
			break
		}
		start = c
	}
	// end: the first safe place inside the common suffix that is safe at the
	// same column in old too, so the bytes after it draw the same cells
	to = len(line)
	if sfx > 0 {
		cs.old = cuts(old, cs.old)
		oc := cs.old
		shift := len(line) - len(old)
		k := 0
		for _, c := range nc {
			if c.at < len(line)-sfx || c.at < start.at {
				continue
			}
			for k < len(oc) && oc[k].at < c.at-shift {
				k++
			}
			if k < len(oc) && oc[k].at == c.at-shift && oc[k].col == c.col {
				to = c.at
				break
			}
		}
	}
	return start.at, to, start.col, open && to == len(line)
}
