package ui

import (
	"bytes"
	"io"
	"strconv"
	"strings"

	tea "github.com/charmbracelet/bubbletea"
	xansi "github.com/charmbracelet/x/ansi"
)

// Bubble Tea v1 paints on a timer (60 frames a second at most), so a key
// press waits up to 16 ms, 8 ms on average, before the terminal sees it.
// A reader answers faster than that: Screen writes each frame as soon as it
// is ready, and only the lines that changed. Live wraps the reader to draw
// through a Screen, and Run runs it with Bubble Tea's own renderer writing to
// io.Discard (tea.WithoutRenderer would also skip raw mode for the keyboard).

// Screen draws frames on a terminal in the alternate screen.
type Screen struct {
	out    io.Writer
	last   []string
	width  int
	height int
	buf    bytes.Buffer
}

// NewScreen draws on out.
func NewScreen(out io.Writer) *Screen { return &Screen{out: out} }

const (
	enterSeq = "\x1b[?1049h\x1b[?25l\x1b[?1002h\x1b[?1006h\x1b[?2004h\x1b[2J\x1b[H"
	leaveSeq = "\x1b[?2004l\x1b[?1006l\x1b[?1002l\x1b[?25h\x1b[?1049l"
)

// Enter switches to the alternate screen, hides the cursor and turns on
// mouse and bracketed-paste reporting.
func (s *Screen) Enter() error {
	_, err := io.WriteString(s.out, enterSeq)
	return err
}

// Leave restores what Enter changed.
func (s *Screen) Leave() error {
	_, err := io.WriteString(s.out, leaveSeq)
	return err
}

// Resize forgets what is on screen, so the next frame is drawn whole.
func (s *Screen) Resize(w, h int) {
	s.width, s.height = w, h
	s.last = nil
	_, _ = io.WriteString(s.out, "\x1b[2J")
}

// Draw writes what differs from the last frame: for each changed line only
// the stretch between the unchanged start and the unchanged end, so moving
// the focus marker costs a few bytes per line, not the whole line.
func (s *Screen) Draw(frame string) error {
	lines := strings.Split(frame, "\n")
	if s.height > 0 && len(lines) > s.height {
		lines = lines[:s.height]
	}
	s.buf.Reset()
	for i, l := range lines {
		if i < len(s.last) && s.last[i] == l {
			continue
		}
		var old string
		if i < len(s.last) && i < len(lines)-1 {
			// The status line is always written whole, so whoever
			// watches the output (a test harness, a screen reader)
			// sees "¶ 6/18" entire.
			old = s.last[i]
		}
		from, to, col := changedStretch(old, l)
		s.moveTo(i, col)
		s.buf.WriteString(l[from:to])
		if to == len(l) && (s.width <= 0 || col+xansi.StringWidth(l[from:]) < s.width) {
			// Erasing at the last column would wipe its character.
			s.buf.WriteString("\x1b[K")
		}
	}
	for i := len(lines); i < len(s.last); i++ {
		s.moveTo(i, 0)
		s.buf.WriteString("\x1b[K")
	}
	s.last = lines
	if s.buf.Len() == 0 {
		return nil
	}
	_, err := s.out.Write(s.buf.Bytes())
	return err
}

// cut is a place in a line where a write may start or stop: outside any
// escape sequence and any style, at the start of a visible character.
type cut struct{ at, col int }

// cuts lists the safe places of a line with their columns. Styles in our
// frames always end with a full reset, so "no style open" is exact.
func cuts(l string) []cut {
	var out []cut
	styled := false
	col := 0
	for i := 0; i < len(l); {
		if l[i] == 0x1b {
			if !styled {
				out = append(out, cut{i, col})
			}
			j := i + 1
			if j < len(l) && l[j] == '[' {
				j++
				for j < len(l) && (l[j] < 0x40 || l[j] > 0x7e) {
					j++
				}
				if j < len(l) {
					seq := l[i : j+1]
					if l[j] == 'm' {
						styled = seq != "\x1b[0m" && seq != "\x1b[m"
					}
					j++
				}
			}
			i = j
			continue
		}
		cl, w := xansi.FirstGraphemeCluster(l[i:], xansi.GraphemeWidth)
		if len(cl) == 0 {
			cl = l[i : i+1]
		}
		if !styled {
			out = append(out, cut{i, col})
		}
		col += w
		i += len(cl)
	}
	if !styled {
		out = append(out, cut{len(l), col})
	}
	return out
}

// changedStretch returns the bytes [from, to) of line that must be written,
// starting at column col, to turn old into line on screen.
func changedStretch(old, line string) (from, to, col int) {
	if old == "" {
		return 0, len(line), 0
	}
	p := 0
	for p < len(old) && p < len(line) && old[p] == line[p] {
		p++
	}
	sfx := 0
	for sfx < len(old)-p && sfx < len(line)-p && old[len(old)-1-sfx] == line[len(line)-1-sfx] {
		sfx++
	}
	nc := cuts(line)
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
		oc := cuts(old)
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
	return start.at, to, start.col
}

func (s *Screen) moveTo(row, col int) {
	s.buf.WriteString("\x1b[")
	s.buf.WriteString(strconv.Itoa(row + 1))
	if col > 0 {
		s.buf.WriteByte(';')
		s.buf.WriteString(strconv.Itoa(col + 1))
	}
	s.buf.WriteByte('H')
}

// Live is a model drawing through a Screen: its View is the frame. Messages
// that change the model schedule one draw; a burst of them (a held key, a
// mouse wheel) is drawn once.
type Live struct {
	inner   tea.Model
	scr     *Screen
	sized   bool
	pending *bool
}

type drawMsg struct{}

func drawNow() tea.Msg { return drawMsg{} }

// NewLive wraps m to draw on scr.
func NewLive(m tea.Model, scr *Screen) Live {
	return Live{inner: m, scr: scr, pending: new(bool)}
}

// Init starts the model; the first frame is drawn once the size is known.
func (l Live) Init() tea.Cmd { return l.inner.Init() }

// Update passes msg to the model and schedules a draw.
func (l Live) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case drawMsg:
		*l.pending = false
		if l.sized {
			_ = l.scr.Draw(l.inner.View())
		}
		return l, nil
	case tea.WindowSizeMsg:
		l.sized = msg.Width > 0 && msg.Height > 0
		l.scr.Resize(msg.Width, msg.Height)
	}
	next, cmd := l.inner.Update(msg)
	l.inner = next
	if _, ok := msg.(prefetchMsg); ok {
		return l, cmd // nothing on screen changed
	}
	if !*l.pending {
		*l.pending = true
		cmd = tea.Batch(cmd, drawNow)
	}
	return l, cmd
}

// View is empty: Live draws itself.
func (l Live) View() string { return "" }

// Run runs the reader on a terminal until it quits: keys from in, frames to
// out, and the terminal's size from sizes (the first one draws the first
// frame). The terminal is restored on return, also after a panic.
func Run(m Model, in io.Reader, out io.Writer, sizes <-chan tea.WindowSizeMsg, opts ...tea.ProgramOption) error {
	scr := NewScreen(out)
	if err := scr.Enter(); err != nil {
		return err
	}
	defer scr.Leave()
	// Bubble Tea's renderer writes to io.Discard, so its frame ticker is
	// only overhead: once a second keeps an idle reader idle.
	opts = append(opts, tea.WithInput(in), tea.WithOutput(io.Discard), tea.WithMouseCellMotion(), tea.WithFPS(1))
	p := tea.NewProgram(NewLive(m, scr), opts...)
	done := make(chan struct{})
	defer close(done)
	go func() {
		for {
			select {
			case s, ok := <-sizes:
				if !ok {
					return
				}
				p.Send(s)
			case <-done:
				return
			}
		}
	}()
	_, err := p.Run()
	return err
}
