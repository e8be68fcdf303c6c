package sshserver

import (
	"fmt"
	"io"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"

	"copydesk/ui"
)

// A session is one reader: its own renderer (the client's colour profile
// and background), its own model from Config.NewReader; nothing else is
// shared between sessions.

const (
	// queryTimeout bounds the wait for the client's answer to the
	// background query. It is under wish's own second, so the read gives
	// up before wish cancels the reader (a cancelled read drops what it
	// receives next: the first key press).
	queryTimeout = 900 * time.Millisecond
	// stopGrace is how long a session asked to stop may take before it is
	// cut (a client that stopped reading blocks the reader's writes).
	stopGrace = 2 * time.Second
)

// session is an SSH session admitted as a reader. It is an ssh.Session
// itself, so that the middlewares after admit get it.
type session struct {
	ssh.Session
	id  uint64
	srv *Server
	log *log.Logger
	in  *input

	mu     sync.Mutex
	prog   *tea.Program
	end    *ending       // the first reason to end: a stop's, or the reader's own
	result *ending       // what runReader returned; nil after a panic
	done   chan struct{} // closed when runReader has returned
}

// ending is why a session ended: a reason for the log, a notice for the
// client (none when it is gone or quit itself) and the exit status.
type ending struct {
	reason string
	notice string
	code   int
}

var panicked = ending{reason: "panic", notice: "the reader failed with an internal error (logged on the server); sorry", code: 1}

// admit is a middleware: it refuses a session when the server is full or
// closing, and otherwise passes it on as a *session and, when that
// returns, tells the client why the session ended (the screen has been
// left by then, so the notice lands on the normal screen) and exits with
// its status.
func (s *Server) admit(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		se := &session{Session: sess, id: s.nextID.Add(1), srv: s, done: make(chan struct{})}
		se.log = s.log.With("session", se.id, "remote", sess.RemoteAddr().String())
		key := fingerprint(sess.PublicKey())
		if refusal := s.register(se); refusal != "" {
			se.log.Warn("session refused", "reason", refusal, "key", key)
			fmt.Fprintf(sess.Stderr(), "copydesk: %s\n", refusal)
			_ = sess.Exit(1)
			return
		}
		defer s.unregister(se)
		se.log.Info("session start", "key", key)

		next(se)
		e := se.outcome()
		if e.notice != "" {
			fmt.Fprintf(sess, "copydesk: %s\n", e.notice)
		}
		_ = sess.Exit(e.code)
		se.log.Info("session end", "reason", e.reason)
	}
}

// reader is the innermost middleware: it runs the session's reader.
func (s *Server) reader(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		se := sess.(*session)
		_, winch, _ := se.Pty()
		e := se.runReader(winch)
		se.mu.Lock()
		se.result = &e
		se.mu.Unlock()
		next(sess)
	}
}

// outcome is how the reader ended; one that did not return panicked (and
// wish's recover logged it).
func (se *session) outcome() ending {
	se.mu.Lock()
	defer se.mu.Unlock()
	if se.result == nil {
		if se.end == nil {
			e := panicked
			se.end = &e // no stop from now on
		}
		return panicked
	}
	return *se.result
}

// runReader shows the reader until it quits or is stopped: it builds the
// session's renderer, its model (Config.NewReader), the Screen it draws on
// and the Bubble Tea program, and runs them. The screen is left before it
// returns.
func (se *session) runReader(winch <-chan ssh.Window) ending {
	defer close(se.done)
	sess := se.Session
	se.in = newInput(sess)
	defer se.in.Close()

	// wish's MakeRenderer takes the colour profile from the client's TERM
	// and environment and asks the client's terminal for its background,
	// reading the answer through queryView.
	se.in.startQuery(time.Now().Add(queryTimeout))
	r := bubbletea.MakeRenderer(queryView{Session: sess, in: se.in})
	se.in.endQuery()
	noColor := getenv(sess.Environ(), "NO_COLOR") != ""
	if noColor {
		// As the local reader: NO_COLOR asks for no colour, not for no
		// emphasis, so bold and underline stay.
		r.SetColorProfile(termenv.ANSI)
	}
	se.log.Debug("renderer", "profile", r.ColorProfile().Name(), "dark", r.HasDarkBackground(), "no_color", noColor)

	scr := ui.NewScreen(sess)
	g := &guard{inner: ui.NewLive(se.srv.cfg.NewReader(r, noColor), scr)}
	// The reader draws through its Screen (see ui.Run); Bubble Tea's own
	// renderer writes to io.Discard, so its frame ticker is only overhead:
	// one a second is plenty.
	p := tea.NewProgram(g, tea.WithInput(se.in), tea.WithOutput(io.Discard), tea.WithMouseCellMotion(),
		tea.WithoutSignalHandler(), tea.WithoutCatchPanics(), tea.WithFPS(1))
	g.quit = func() { go p.Quit() }
	if !se.start(p) {
		return se.finish(ending{})
	}
	if err := scr.Enter(); err != nil {
		return ending{reason: "write failed: " + err.Error(), code: 1}
	}
	defer scr.Leave()

	go func() {
		// Drained to the end: the SSH library blocks on a full channel.
		for w := range winch {
			se.log.Debug("resize", "width", w.Width, "height", w.Height)
			p.Send(tea.WindowSizeMsg{Width: w.Width, Height: w.Height})
		}
	}()
	go se.watch()

	_, err := p.Run()
	if c := g.crashed(); c != nil {
		return se.crashed(c.val, c.stack)
	}
	fallback := ending{reason: "quit"}
	if err != nil {
		fallback = ending{reason: "error: " + err.Error(), notice: "the reader stopped: " + err.Error(), code: 1}
	}
	return se.finish(fallback)
}

// watch ends the session when the client has not pressed a key for the
// idle timeout, or has gone. Only input counts: output, keepalives and
// window changes do not keep a session open.
func (se *session) watch() {
	idle := se.srv.cfg.IdleTimeout
	t := time.NewTimer(idle)
	defer t.Stop()
	for {
		select {
		case <-se.done:
			return
		case <-se.in.eof:
			se.stop(ending{reason: "client closed input"})
			return
		case <-se.Context().Done():
			se.stop(ending{reason: "connection closed"})
			return
		case <-t.C:
			since := time.Since(se.in.lastInput())
			if since >= idle {
				se.stop(ending{reason: "idle", notice: fmt.Sprintf("closed after %s without a key press", idle), code: 1})
				return
			}
			t.Reset(idle - since)
		}
	}
}

// start records the session's program, unless the session was stopped
// while it was being set up.
func (se *session) start(p *tea.Program) bool {
	se.mu.Lock()
	defer se.mu.Unlock()
	if se.end != nil {
		return false
	}
	se.prog = p
	return true
}

// stop asks the reader to quit for the reason in e; the first reason wins.
// A reader that does not quit within stopGrace is cut.
func (se *session) stop(e ending) {
	se.mu.Lock()
	if se.end != nil {
		se.mu.Unlock()
		return
	}
	se.end = &e
	p := se.prog
	se.mu.Unlock()
	if p == nil {
		return // runReader sees the ending before it starts the program
	}
	go p.Quit() // blocks while the event loop is busy
	go func() {
		select {
		case <-se.done:
		case <-time.After(stopGrace):
			se.log.Warn("session did not stop; cutting it", "reason", e.reason)
			p.Kill()
			_ = se.Session.Close()
		}
	}()
}

// finish settles why the program ended: a stop's reason if there was
// one, else e.
func (se *session) finish(e ending) ending {
	se.mu.Lock()
	defer se.mu.Unlock()
	if se.end == nil {
		se.end = &e
	}
	return *se.end
}

// crashed ends the session for a panic inside its program, which the
// guard caught.
func (se *session) crashed(val any, stack []byte) ending {
	se.log.Error("session panic", "panic", fmt.Sprint(val), "stack", string(stack))
	e := panicked
	se.mu.Lock()
	se.end = &e
	se.mu.Unlock()
	return e
}
