package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"copydesk/ui"
)

// A session is one reader: its own renderer (the client's colour profile
// and background), its own ui.Model, Glamour layouter and styles; only the
// article and its analysis are shared, and neither is written after start.

const (
	// queryTimeout bounds the wait for the client's answers to what its
	// terminal can do.
	queryTimeout = 900 * time.Millisecond
)

type session struct {
	id  uint64
	srv *server
	ssh ssh.Session
	log *log.Logger
	in  *input

	mu   sync.Mutex
	quit func() // ends the reader
	end  *ending
	done chan struct{} // closed when the session's program has returned
}

// ending is why a session ended: a reason for the log, a notice for the
// client (none when it is gone or quit itself) and the exit status.
type ending struct {
	reason string
	notice string
	code   int
}

func (s *server) handle(sess ssh.Session) {
	start := time.Now()
	if cs := connStateOf(sess.Context()); cs != nil {
		cs.sessionStarted()
		defer cs.sessionEnded(s.cfg.handshakeTimeout)
	}
	se := &session{id: s.nextID.Add(1), srv: s, ssh: sess, done: make(chan struct{})}
	se.log = s.log.With("session", se.id, "remote", sess.RemoteAddr().String())
	fp := ""
	if k := sess.PublicKey(); k != nil {
		fp = gossh.FingerprintSHA256(k)
	}
	pty, winch, ok := sess.Pty()
	if !ok {
		se.log.Info("session refused", "reason", "no terminal", "key", fp, "command", sess.RawCommand())
		fmt.Fprintf(sess.Stderr(), "copydesk: the reader needs a terminal; connect with: ssh -t %s\n", sshTarget(sess.LocalAddr()))
		_ = sess.Exit(1)
		return
	}
	if refusal := s.register(se); refusal != "" {
		se.log.Warn("session refused", "reason", refusal, "key", fp)
		fmt.Fprintf(sess.Stderr(), "copydesk: %s\n", refusal)
		_ = sess.Exit(1)
		return
	}
	defer s.unregister(se)
	se.log.Info("session start", "user", sess.User(), "key", fp, "term", pty.Term,
		"width", pty.Window.Width, "height", pty.Window.Height)

	e := se.run(pty, winch)
	if e.notice != "" {
		fmt.Fprintf(sess, "copydesk: %s\n", e.notice)
	}
	_ = sess.Exit(e.code)
	se.log.Info("session end", "reason", e.reason, "duration", time.Since(start).Round(time.Millisecond))
}

// sshTarget is the ssh command line's port and host for the address the
// client reached.
func sshTarget(local net.Addr) string {
	host, port, err := net.SplitHostPort(local.String())
	if err != nil {
		return "HOST"
	}
	return fmt.Sprintf("-p %s %s", port, host)
}

// run shows the reader until it quits or is stopped. The screen is left
// before run returns, so the caller's notice lands on the normal screen.
func (se *session) run(pty ssh.Pty, winch <-chan ssh.Window) (e ending) {
	defer close(se.done)
	defer func() {
		// A panic outside the reader (renderer, model construction).
		if r := recover(); r != nil {
			e = se.crashed(r, debug.Stack())
		}
	}()
	sess := se.ssh
	se.in = newInput(sess)
	defer se.in.Close()

	// The client's terminal is asked what it can do; keys typed meanwhile
	// are kept for the reader.
	caps, typed := ui.QueryTerminal(se.in.r, sess, queryTimeout)
	se.in.ahead = typed
	env := sess.Environ()
	noColor := getenv(env, "NO_COLOR") != ""
	r := clientRenderer(sess, pty.Term, env)
	r.SetHasDarkBackground(caps.Dark)
	if noColor {
		// As the local reader: NO_COLOR asks for no colour, not for no
		// emphasis, so bold and underline stay.
		r.SetColorProfile(termenv.ANSI)
	}
	se.log.Debug("terminal", "profile", r.ColorProfile().Name(), "dark", caps.Dark, "sync", caps.Sync, "no_color", noColor)

	var model tea.Model = ui.New(se.srv.art, ui.Options{Renderer: r, NoColor: noColor, Analysis: se.srv.an})
	if se.srv.wrapModel != nil {
		model = se.srv.wrapModel(model)
	}
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
			case sizes <- tea.WindowSizeMsg{Width: w.Width, Height: w.Height}:
			case <-se.done:
			}
		}
	}()
	go se.watch()

	err := ui.Run(ctx, model, ui.Terminal{In: se.in, Out: sess, Sizes: sizes, Caps: caps})
	var pe *ui.PanicError
	if errors.As(err, &pe) {
		return se.crashed(pe.Value, pe.Stack)
	}
	fallback := ending{reason: "quit"}
	if err != nil {
		fallback = ending{reason: "error: " + err.Error(), notice: "the reader stopped: " + err.Error(), code: 1}
	}
	return se.finish(fallback)
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
// window changes do not keep a session open.
func (se *session) watch() {
	idle := se.srv.cfg.idleTimeout
	t := time.NewTimer(idle)
	defer t.Stop()
	for {
		select {
		case <-se.done:
			return
		case <-se.in.eof:
			se.stop(ending{reason: "client closed input"})
			return
		case <-se.ssh.Context().Done():
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
		quit() // else run sees the ending before it starts the reader
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

func (se *session) crashed(val any, stack []byte) ending {
	se.log.Error("session panic", "panic", fmt.Sprint(val), "stack", string(stack))
	e := ending{reason: "panic", notice: "the reader failed with an internal error (logged on the server); sorry", code: 1}
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

// input is a session's keyboard. A pump reads what the client sends as it
// arrives, noting when (so a reader slow to take its keys is not idle), and
// a feeder passes it on through a pipe the reader reads from: a net.Pipe, so
// that a read can time out (the background query) without losing what
// comes after.
type input struct {
	r, w   net.Conn
	chunks chan []byte
	last   atomic.Int64 // unix nanoseconds of the last input
	eof    chan struct{}

	// keys typed while the terminal was being asked what it can do; the
	// reader gets them first
	ahead []byte
}

func newInput(src io.Reader) *input {
	r, w := net.Pipe()
	in := &input{r: r, w: w, chunks: make(chan []byte, 64), eof: make(chan struct{})}
	in.last.Store(time.Now().UnixNano())
	go in.pump(src)
	go in.feed()
	return in
}

func (in *input) pump(src io.Reader) {
	defer close(in.chunks)
	buf := make([]byte, 1024)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			in.last.Store(time.Now().UnixNano())
			in.chunks <- append([]byte(nil), buf[:n]...)
		}
		if err != nil {
			return
		}
	}
}

func (in *input) feed() {
	defer close(in.eof)
	defer in.w.Close()
	for c := range in.chunks {
		if _, err := in.w.Write(c); err != nil {
			// the reader is gone; drain so the pump is not blocked
			for range in.chunks {
			}
			return
		}
	}
}

func (in *input) Read(p []byte) (int, error) {
	if len(in.ahead) > 0 {
		n := copy(p, in.ahead)
		in.ahead = in.ahead[n:]
		return n, nil
	}
	return in.r.Read(p)
}

// Close ends pending and later reads; the pump stops when the session ends.
func (in *input) Close() error { return in.r.Close() }

func (in *input) lastInput() time.Time { return time.Unix(0, in.last.Load()) }
