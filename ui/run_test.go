package ui

import (
	"context"
	"errors"
	"io"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/creack/pty"
	"golang.org/x/sys/unix"

	"copydesk/content"
	"copydesk/internal/termtest"
)

// screenTerm is a terminal for Run: keys typed into a pipe, sizes on a
// channel, and an emulator showing what Run writes.
type screenTerm struct {
	*termtest.Screen
	t     *testing.T
	keys  *io.PipeWriter
	sizes chan tea.WindowSizeMsg
}

func newScreenTerm(t *testing.T, w, h int) (*screenTerm, Terminal) {
	r, wr := io.Pipe()
	st := &screenTerm{Screen: termtest.New(w, h), t: t, keys: wr, sizes: make(chan tea.WindowSizeMsg, 4)}
	t.Cleanup(func() { wr.Close() })
	st.sizes <- tea.WindowSizeMsg{Width: w, Height: h}
	return st, Terminal{In: r, Out: st.Screen, Sizes: st.sizes}
}

func (s *screenTerm) resize(w, h int) {
	s.Resize(w, h)
	s.sizes <- tea.WindowSizeMsg{Width: w, Height: h}
}

func (s *screenTerm) press(keys string) {
	if _, err := io.WriteString(s.keys, keys); err != nil {
		s.t.Fatal(err)
	}
}

func (s *screenTerm) waitFor(want string) {
	s.t.Helper()
	s.WaitFor(s.t, want)
}

func runAsync(ctx context.Context, m tea.Model, term Terminal) <-chan error {
	done := make(chan error, 1)
	go func() { done <- Run(ctx, m, term) }()
	return done
}

func wait(t *testing.T, done <-chan error) error {
	t.Helper()
	select {
	case err := <-done:
		return err
	case <-time.After(10 * time.Second):
		t.Fatal("Run did not return")
		return nil
	}
}

// The reader through Run, the path copydesk and copydesk serve both take,
// on an emulated terminal: keys in, screens out, resizes, quit.
func TestRunOnATerminal(t *testing.T) {
	st, term := newScreenTerm(t, 120, 40)
	done := runAsync(context.Background(), New(content.Embedded(), Options{Renderer: asciiRenderer()}), term)
	st.waitFor("¶ 1/18")
	if !st.Mode(1049) || !st.Mode(1006) || !st.Mode(2004) {
		t.Error("the alternate screen, mouse or paste reporting is not on")
	}
	st.press("jjjjj")
	st.waitFor("¶ 6/18")
	st.press("12g")
	st.waitFor("¶ 12/18")
	st.press("\t/lav")
	st.waitFor("Speakers 1 of 6 /lav")
	st.press("\r")
	st.waitFor("¶ 7/18")
	// after a resize every line is drawn again: nothing is left of the old
	// layout, and the status line is at the new bottom
	st.resize(70, 20)
	st.waitFor("Lavrov 1/4")
	if !strings.Contains(st.Row(19), "¶ 7/18") {
		t.Errorf("after the resize the status line is not on row 20:\n%s", st.Text())
	}
	if strings.Contains(st.Text(), "Speakers") {
		t.Errorf("the panel shows under 80 columns after the resize:\n%s", st.Text())
	}
	st.press("?")
	st.waitFor("copydesk keys")
	st.press("q")
	st.waitFor("¶ 7/18")
	st.press("q")
	if err := wait(t, done); err != nil {
		t.Fatal(err)
	}
	if st.Mode(1049) || st.Mode(1006) || st.Mode(2004) || !st.Mode(25) {
		t.Error("the terminal was not restored")
	}
}

// With synchronized output the terminal gets every frame whole.
func TestRunSynchronizedOutput(t *testing.T) {
	st, term := newScreenTerm(t, 80, 24)
	term.Out = st.answering("\x1b[?2026;2$y\x1b[1;1R")
	done := runAsync(context.Background(), New(content.Embedded(), Options{Renderer: asciiRenderer()}), term)
	st.waitFor("¶ 1/18")
	st.press("j")
	st.waitFor("¶ 2/18")
	st.press("q")
	if err := wait(t, done); err != nil {
		t.Fatal(err)
	}
	// the query, the setup, then frames each wrapped whole, then the restore
	rest, ok := strings.CutPrefix(st.Output(), query+enterSeq)
	frames := 0
	for ok && strings.HasPrefix(rest, syncBegin) {
		var frame string
		frame, rest, ok = strings.Cut(rest, syncEnd)
		if ok && strings.Contains(frame[len(syncBegin):], "\x1b[?2026") {
			t.Errorf("a frame inside a frame: %q", frame)
		}
		frames++
	}
	if !ok || rest != leaveSeq || frames < 2 {
		t.Errorf("%d synchronized frames, then %q", frames, rest)
	}
}

// panicky panics on the key "p", in Update or in a command.
type panicky struct {
	tea.Model
	inCmd bool
}

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok && k.String() == "p" {
		if p.inCmd {
			return p, func() tea.Msg { panic("a command failed") }
		}
		panic("the reader failed")
	}
	next, cmd := p.Model.Update(msg)
	p.Model = next
	return p, cmd
}

// A panic restores the terminal first, then reaches the caller with its
// stack; nothing of it is written to the terminal.
func TestRunPanic(t *testing.T) {
	for _, inCmd := range []bool{false, true} {
		st, term := newScreenTerm(t, 80, 24)
		m := panicky{New(content.Embedded(), Options{Renderer: asciiRenderer()}), inCmd}
		done := runAsync(context.Background(), m, term)
		st.waitFor("¶ 1/18")
		st.press("p")
		err := wait(t, done)
		var pe *PanicError
		if !errors.As(err, &pe) || !strings.Contains(string(pe.Stack), "panicky") {
			t.Fatalf("in command %v: %v", inCmd, err)
		}
		if st.Mode(1049) || !st.Mode(25) {
			t.Error("the terminal was not restored")
		}
		if strings.Contains(st.Output(), "failed") || strings.Contains(st.Output(), "goroutine") {
			t.Error("the panic was written to the terminal")
		}
	}
}

// stuckTerminal stops reading after the first write, as an SSH client on a
// dead link would.
type stuckTerminal struct {
	once    sync.Once
	stuck   chan struct{}
	release chan struct{}
}

func (s *stuckTerminal) Write(p []byte) (int, error) {
	first := false
	s.once.Do(func() { first = true })
	if first {
		return len(p), nil
	}
	close(s.stuck)
	<-s.release
	return 0, io.ErrClosedPipe
}

// counter counts the messages it gets.
type counter struct {
	tea.Model
	n  *int
	mu *sync.Mutex
}

func (c counter) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if k, ok := msg.(tea.KeyMsg); ok {
		c.mu.Lock()
		*c.n += len(k.Runes)
		c.mu.Unlock()
	}
	next, cmd := c.Model.Update(msg)
	c.Model = next
	return c, cmd
}

// A terminal that stops reading holds up nothing: keys are still handled,
// the run ends when asked, and what waits for the terminal is one frame.
func TestRunStuckTerminal(t *testing.T) {
	keys, in := io.Pipe()
	defer in.Close()
	out := &stuckTerminal{stuck: make(chan struct{}), release: make(chan struct{})}
	defer close(out.release)
	sizes := make(chan tea.WindowSizeMsg, 1)
	sizes <- tea.WindowSizeMsg{Width: 80, Height: 24}
	var mu sync.Mutex
	n := 0
	ctx, cancel := context.WithCancel(context.Background())
	m := counter{New(content.Embedded(), Options{Renderer: asciiRenderer()}), &n, &mu}
	done := runAsync(ctx, m, Terminal{In: keys, Out: out, Sizes: sizes})
	<-out.stuck
	for i := 0; i < 200; i++ {
		io.WriteString(in, "j")
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		mu.Lock()
		got := n
		mu.Unlock()
		if got == 200 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d of 200 keys handled while the terminal is stuck", got)
		}
		time.Sleep(time.Millisecond)
	}
	cancel()
	if err := wait(t, done); !errors.Is(err, ErrSlowTerminal) {
		t.Errorf("Run returned %v, want ErrSlowTerminal", err)
	}
}

// The local path: the terminal is a device, put in raw mode by Bubble Tea,
// which reads its size at start and again on SIGWINCH.
func TestRunOnALocalTerminal(t *testing.T) {
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer master.Close()
	defer tty.Close()
	if err := pty.Setsize(master, &pty.Winsize{Cols: 100, Rows: 30}); err != nil {
		t.Fatal(err)
	}
	scr := termtest.New(100, 30)
	go io.Copy(scr, master)
	done := runAsync(context.Background(), New(content.Embedded(), Options{Renderer: asciiRenderer()}), Terminal{In: tty, Out: tty})
	scr.WaitFor(t, "¶ 1/18")
	if !isRaw(t, tty) {
		t.Error("the terminal is not in raw mode")
	}
	master.WriteString("jj")
	scr.WaitFor(t, "¶ 3/18")
	// the window shrinks: the kernel changes the size and signals the
	// terminal's process group; here the signal is sent by hand
	if err := pty.Setsize(master, &pty.Winsize{Cols: 60, Rows: 15}); err != nil {
		t.Fatal(err)
	}
	scr.Resize(60, 15)
	if err := syscall.Kill(os.Getpid(), syscall.SIGWINCH); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(scr.Row(14), "¶ 3/18") {
		if time.Now().After(deadline) {
			t.Fatalf("no frame at 60x15 after SIGWINCH:\n%s", scr.Text())
		}
		time.Sleep(2 * time.Millisecond)
	}
	master.WriteString("q")
	if err := wait(t, done); err != nil {
		t.Fatal(err)
	}
	if isRaw(t, tty) {
		t.Error("the terminal was left in raw mode")
	}
}

// isRaw reports whether the terminal reads keys one by one, unechoed.
func isRaw(t *testing.T, tty *os.File) bool {
	st, err := unix.IoctlGetTermios(int(tty.Fd()), unix.TCGETS)
	if err != nil {
		t.Fatal(err)
	}
	return st.Lflag&(unix.ICANON|unix.ECHO) == 0
}
