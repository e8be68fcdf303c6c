package ui

import (
	"context"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime/debug"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/term"
)

// Terminal is where a reader runs: the local terminal, or an SSH session's.
type Terminal struct {
	// In brings the keys. A terminal device is put in raw mode for the
	// run, and restored after.
	In io.Reader
	// Out shows the frames. When it is a terminal device, Bubble Tea
	// reads its size at start and again on every SIGWINCH, and SIGINT
	// and SIGTERM end the run; otherwise the size comes on Sizes.
	Out io.Writer
	// Sizes brings the size of a terminal that is not a device here (an
	// SSH client's window changes).
	Sizes <-chan tea.WindowSizeMsg
	// Notices brings notices from the host (an SSH server's idle
	// warning): each is given to the model as a NoticeMsg, which the
	// reader shows in its status line until the next key; "" takes a
	// notice away.
	Notices <-chan string
}

// NoticeMsg is a notice from the host for the person reading, shown until
// they press a key. Text is cleaned and cut to the terminal's width before
// it is shown; "" takes the notice away.
type NoticeMsg struct{ Text string }

// leaveTimeout bounds the wait for a terminal to take the sequences that
// restore it: a client that stopped reading must not hold the reader.
const leaveTimeout = 2 * time.Second

// PanicError is a panic in the reader, recovered so that the terminal could
// be restored before anyone shows it.
type PanicError struct {
	Value any
	Stack []byte
}

func (e *PanicError) Error() string { return fmt.Sprintf("panic: %v", e.Value) }

// Run shows m on t until m quits or ctx is done, and leaves the terminal as
// it found it. Bubble Tea reads the keys, runs commands and delivers
// messages; m's View is drawn through a screen as soon as m has changed.
// A panic anywhere in m (Update, View, or a command's goroutine) ends the
// run with a *PanicError, after the terminal is restored. A model with a
// Close method is closed when the run ends.
//
// The terminal is asked what it can do (see Caps). The first frame waits
// for its answers only briefly (queryWait): answers that come later, if
// ever, switch the frames after them to synchronized output and recolour
// them for the terminal's background (m's renderer's guess until then).
func Run(ctx context.Context, m tea.Model, t Terminal) error {
	if f, ok := t.In.(*os.File); ok && term.IsTerminal(f.Fd()) {
		// Raw before the query: an answer must be neither echoed nor
		// held back until a newline.
		state, err := term.MakeRaw(f.Fd())
		if err != nil {
			return fmt.Errorf("raw mode: %w", err)
		}
		defer term.Restore(f.Fd(), state)
	}
	in := ask(t.In, t.Out)
	defer in.Close()
	scr := newScreen(t.Out)
	lv := newLive(m, scr)
	lv.follow(in.caps)
	g := &guard{inner: lv}
	opts := []tea.ProgramOption{tea.WithInput(in), tea.WithMouseCellMotion(), tea.WithoutCatchPanics(),
		// Bubble Tea's renderer only ever sees live's empty View, so its
		// frame ticker is overhead: once a second keeps an idle reader idle.
		tea.WithFPS(1)}
	if f, ok := t.Out.(*os.File); ok && term.IsTerminal(f.Fd()) {
		opts = append(opts, tea.WithOutput(sizeOnly{f}))
	} else {
		opts = append(opts, tea.WithOutput(io.Discard), tea.WithoutSignalHandler())
	}
	p := tea.NewProgram(g, opts...)
	g.quit = func() { go p.Quit() }
	in.tell = func(c Caps) { p.Send(capsMsg(c)) }

	stop := make(chan struct{})
	defer close(stop)
	go func() {
		select {
		case <-ctx.Done():
			p.Quit()
		case <-stop:
		}
	}()
	if t.Sizes != nil {
		go func() {
			for {
				select {
				case s, ok := <-t.Sizes:
					if !ok {
						return
					}
					p.Send(s)
				case <-stop:
					return
				}
			}
		}()
	}
	if t.Notices != nil {
		go func() {
			for {
				select {
				case n, ok := <-t.Notices:
					if !ok {
						return
					}
					p.Send(NoticeMsg{n})
				case <-stop:
					return
				}
			}
		}()
	}
	_, err := p.Run()
	if c, ok := m.(interface{ Close() }); ok {
		// what the model follows (a review's feed) it follows no more
		c.Close()
	}
	cerr := scr.Close(leaveTimeout)
	if c := g.crashed(); c != nil {
		return &PanicError{c.val, c.stack}
	}
	if err != nil {
		return err
	}
	return cerr
}

// sizeOnly is the terminal as Bubble Tea's output: Bubble Tea reads its size
// and watches for SIGWINCH through it, and what its renderer writes (live's
// empty View) goes nowhere, since the screen draws.
type sizeOnly struct{ *os.File }

func (sizeOnly) Write(p []byte) (int, error) { return len(p), nil }

// guard runs a model so that a panic, in Update or in a command's
// goroutine, is recovered with its stack and ends the program. Bubble Tea's
// own catching is off: it prints the stack while the alternate screen is
// still up, where the restore hides it, and over SSH it would print to the
// server's terminal.
type guard struct {
	inner tea.Model
	quit  func()

	mu    sync.Mutex
	crash *crash
}

type crash struct {
	val   any
	stack []byte
}

// cmdPanicMsg carries a command's panic from its goroutine to Update.
type cmdPanicMsg struct{ crash }

func (g *guard) Init() (cmd tea.Cmd) {
	defer g.recover(&cmd)
	return g.wrap(g.inner.Init())
}

func (g *guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	m = g
	if g.crashed() != nil {
		return m, nil
	}
	if c, ok := msg.(cmdPanicMsg); ok {
		g.setCrash(c.crash)
		return m, tea.Quit
	}
	defer g.recover(&cmd)
	next, c := g.inner.Update(msg)
	g.inner = next
	return m, g.wrap(c)
}

func (g *guard) View() (v string) {
	if g.crashed() != nil {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			g.setCrash(crash{r, debug.Stack()})
			g.quit()
			v = ""
		}
	}()
	return g.inner.View()
}

func (g *guard) recover(cmd *tea.Cmd) {
	if r := recover(); r != nil {
		g.setCrash(crash{r, debug.Stack()})
		*cmd = tea.Quit
	}
}

func (g *guard) setCrash(c crash) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.crash == nil {
		g.crash = &c
	}
}

func (g *guard) crashed() *crash {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.crash
}

// wrap makes cmd report a panic as a message instead of taking the process
// down from Bubble Tea's goroutine, and so every command inside it.
func (g *guard) wrap(cmd tea.Cmd) tea.Cmd {
	return mapCmd(cmd, func(c tea.Cmd) (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = cmdPanicMsg{crash{r, debug.Stack()}}
			}
		}()
		return c()
	}, nil)
}

var cmdType = reflect.TypeFor[tea.Cmd]()

// mapCmd is cmd run by run (nil: called), with leaf (nil: none) applied to
// its message; the same goes for the commands inside a tea.Batch or
// tea.Sequence, which Bubble Tea runs itself. Sequence's message type is
// unexported, so both are recognised as what they are, slices of Cmd.
func mapCmd(cmd tea.Cmd, run func(tea.Cmd) tea.Msg, leaf func(tea.Msg) tea.Msg) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() tea.Msg {
		var msg tea.Msg
		if run != nil {
			msg = run(cmd)
		} else {
			msg = cmd()
		}
		v := reflect.ValueOf(msg)
		if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
			if leaf != nil {
				return leaf(msg)
			}
			return msg
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			c, _ := v.Index(i).Interface().(tea.Cmd)
			out.Index(i).Set(reflect.ValueOf(mapCmd(c, run, leaf)))
		}
		return out.Interface()
	}
}
