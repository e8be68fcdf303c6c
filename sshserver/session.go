package sshserver

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"

	"copydesk/ui"
)

// A session is one reader: its own renderer (the client's colour profile
// and background), its own model from Config.NewReader; nothing else is
// shared between sessions.

// session is an SSH session admitted as a reader. It is an ssh.Session
// itself, so that the middlewares after admit get it.
type session struct {
	ssh.Session
	id  uint64
	srv *Server
	log *log.Logger
	in  *input

	mu     sync.Mutex
	quit   func()        // ends the reader
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
// session's renderer and model (Config.NewReader) and runs it with ui.Run,
// the local reader's path too, which asks the client's terminal what it
// can do. The screen is left before it returns.
func (se *session) runReader(winch <-chan ssh.Window) ending {
	defer close(se.done)
	sess := se.Session
	se.in = newInput(sess)
	defer se.in.Close()

	pty, _, _ := sess.Pty()
	env := sess.Environ()
	r := clientRenderer(sess, pty.Term, env)
	// The background guessed until the terminal answers ui.Run's query.
	r.SetHasDarkBackground(ui.ColorFGBGDark(getenv(env, "COLORFGBG")))
	noColor := getenv(env, "NO_COLOR") != ""
	if noColor {
		// As the local reader: NO_COLOR asks for no colour, not for no
		// emphasis, so bold and underline stay.
		r.SetColorProfile(termenv.ANSI)
	}
	se.log.Debug("terminal", "profile", r.ColorProfile().Name(), "no_color", noColor)

	m := se.srv.cfg.NewReader(Client{Renderer: r, NoColor: noColor, Name: se.srv.clientName(sess), Fingerprint: fingerprint(sess.PublicKey())})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if !se.start(cancel) {
		return se.finish(ending{})
	}
	sizes := make(chan tea.WindowSizeMsg)
	go func() {
		// Drained to the end: the SSH library blocks on a full channel.
		for w := range winch {
			se.log.Debug("resize", "width", w.Width, "height", w.Height)
			select {
			case sizes <- servedSize(w):
			case <-se.done:
			}
		}
	}()
	notices := make(chan string, 1)
	go se.watch(notices)

	err := ui.Run(ctx, m, ui.Terminal{In: se.in, Out: sess, Sizes: sizes, Notices: notices})
	var pe *ui.PanicError
	switch {
	case errors.As(err, &pe):
		return se.crashed(pe.Value, pe.Stack)
	case errors.Is(err, ui.ErrSlowTerminal):
		// A client that does not read its output would not read a
		// notice either, and writing one would wait for it for ever.
		e := se.finish(ending{reason: "client stopped reading", code: 1})
		e.notice = ""
		se.log.Warn("client stopped reading its output; closing the session without a notice")
		return e
	}
	fallback := ending{reason: "quit"}
	if err != nil {
		fallback = ending{reason: "error: " + err.Error(), notice: "the reader stopped: " + err.Error(), code: 1}
	}
	return se.finish(fallback)
}

// servedSize is the size a window is served at. Some clients (ssh -tt
// with its input from a file, some libraries) ask for a pseudo-terminal
// of no size at all: they are served at 80x24, a terminal's size when it
// says nothing, until a window change says otherwise.
func servedSize(w ssh.Window) tea.WindowSizeMsg {
	if w.Width <= 0 {
		w.Width = 80
	}
	if w.Height <= 0 {
		w.Height = 24
	}
	return tea.WindowSizeMsg{Width: w.Width, Height: w.Height}
}

// clientRenderer paints for the client's terminal: the colour profile its
// TERM and environment (COLORTERM) give, never the server's.
func clientRenderer(sess ssh.Session, termName string, env []string) *lipgloss.Renderer {
	if termName == "" || termName == "dumb" {
		return lipgloss.NewRenderer(sess, termenv.WithProfile(termenv.Ascii))
	}
	return lipgloss.NewRenderer(sess, termenv.WithEnvironment(environ(append(env, "TERM="+termName))), termenv.WithUnsafe())
}

// environ is a session's environment as termenv reads it.
type environ []string

func (e environ) Environ() []string { return e }

func (e environ) Getenv(k string) string { return getenv(e, k) }

// watch ends the session when the client has not pressed a key for the
// idle timeout, or has gone. Only input counts: output, keepalives and
// window changes do not keep a session open. Before it closes an idle
// session it warns the reader on notices (see warnBefore), counting down
// the seconds left; the next input, which keeps the session, takes the
// warning away in the reader.
func (se *session) watch(notices chan string) {
	idle := se.srv.cfg.IdleTimeout
	warnAt := idle - warnBefore(idle)
	t := time.NewTimer(warnAt)
	defer t.Stop()
	var warned time.Time // the last input the warning was given after
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
			last := se.in.lastInput()
			since := time.Since(last)
			if since >= idle {
				se.stop(ending{reason: "idle", notice: fmt.Sprintf("closed after %s without a key press", idle), code: 1})
				return
			}
			if since < warnAt {
				if !warned.IsZero() {
					// a key came: the reader has taken the warning
					// away already; this is for a key that raced it
					warned = time.Time{}
					notify(notices, "")
				}
				t.Reset(warnAt - since)
				continue
			}
			left := idle - since
			if warned.IsZero() {
				se.log.Debug("idle warning", "left", left.Round(time.Second))
			}
			warned = last
			notify(notices, fmt.Sprintf("idle: this session closes in %s — press any key to keep it", clock(left)))
			// the next whole second shown, or the close
			next := left % time.Second
			if next == 0 {
				next = time.Second
			}
			t.Reset(next)
		}
	}
}

// warnBefore is how long before an idle session is closed the reader is
// warned: a minute, or half the timeout for timeouts of two minutes or
// less (a minute's warning would come too soon after the last key; a
// test's 3s timeout warns after 1.5s).
func warnBefore(idle time.Duration) time.Duration {
	if idle <= 2*time.Minute {
		return idle / 2
	}
	return time.Minute
}

// clock is d as m:ss, rounded up to the second: the time left in a
// countdown.
func clock(d time.Duration) string {
	s := int((d + time.Second - 1) / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// notify gives the reader n in place of a notice it has not taken yet,
// never waiting for it.
func notify(notices chan string, n string) {
	select {
	case <-notices:
	default:
	}
	select {
	case notices <- n:
	default:
	}
}

// start records how to stop the session's reader, unless the session was
// stopped while it was being set up.
func (se *session) start(stop func()) bool {
	se.mu.Lock()
	defer se.mu.Unlock()
	if se.end != nil {
		return false
	}
	se.quit = stop
	return true
}

// stop asks the reader to quit for the reason in e; the first reason wins.
// The reader's drawing never waits on the client, so it answers at once
// even when the client has stopped reading.
func (se *session) stop(e ending) {
	se.mu.Lock()
	if se.end != nil {
		se.mu.Unlock()
		return
	}
	se.end = &e
	quit := se.quit
	se.mu.Unlock()
	if quit != nil {
		quit() // else runReader sees the ending before it starts the reader
	}
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

// crashed ends the session for a panic inside its reader, which ui.Run
// recovered after restoring the client's terminal.
func (se *session) crashed(val any, stack []byte) ending {
	se.log.Error("session panic", "panic", fmt.Sprint(val), "stack", string(stack))
	e := panicked
	se.mu.Lock()
	se.end = &e
	se.mu.Unlock()
	return e
}

func getenv(env []string, key string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, key+"="); ok {
			return v
		}
	}
	return ""
}

// clientName is who a session's client is, for people: its key's comment
// in the authorized keys file up to an "@", else the SSH user name.
func (s *Server) clientName(sess ssh.Session) string {
	if s.keys != nil && sess.PublicKey() != nil {
		c := strings.TrimSpace(s.keys.comment(sess.PublicKey()))
		if name, _, _ := strings.Cut(c, "@"); name != "" {
			return name
		}
	}
	return sess.User()
}
