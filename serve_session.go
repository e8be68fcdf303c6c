package main

import (
	"fmt"
	"io"
	"net"
	"reflect"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish/bubbletea"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"copydesk/ui"
)

// A session is one reader: its own renderer (the client's colour profile
// and background), its own ui.Model, Glamour layouter and styles; only the
// article and its analysis are shared, and neither is written after start.

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

type session struct {
	id  uint64
	srv *server
	ssh ssh.Session
	log *log.Logger
	in  *input

	mu   sync.Mutex
	prog *tea.Program
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

	e := se.run(winch)
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
func (se *session) run(winch <-chan ssh.Window) (e ending) {
	defer close(se.done)
	defer func() {
		// A panic outside the program (renderer, model construction) or
		// out of Bubble Tea's event loop itself.
		if r := recover(); r != nil {
			e = se.crashed(r, debug.Stack())
		}
	}()
	sess := se.ssh
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

	m := ui.New(se.srv.art, ui.Options{Renderer: r, NoColor: noColor, Analysis: se.srv.an})
	scr := ui.NewScreen(sess)
	var model tea.Model = ui.NewLive(m, scr)
	if se.srv.wrapModel != nil {
		model = se.srv.wrapModel(model)
	}
	g := &guard{inner: model}
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
		return // run sees the ending before it starts the program
	}
	go p.Quit() // blocks while the event loop is busy
	go func() {
		select {
		case <-se.done:
		case <-time.After(stopGrace):
			se.log.Warn("session did not stop; cutting it", "reason", e.reason)
			p.Kill()
			_ = se.ssh.Close()
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

	// Used by the background query, then by the reader, never at once:
	ahead   []byte // typed while the query was out; the reader gets it first
	replies []byte // the terminal's replies, for the query
	partial []byte // the start of a reply still arriving
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

// startQuery bounds the query's reads by the deadline.
func (in *input) startQuery(deadline time.Time) { _ = in.r.SetReadDeadline(deadline) }

// endQuery gives the reader whatever the query did not take.
func (in *input) endQuery() {
	_ = in.r.SetReadDeadline(time.Time{})
	in.ahead = append(in.ahead, in.partial...)
	in.partial, in.replies = nil, nil
}

// readReplies reads only the terminal's replies to a query (OSC strings and
// device attributes); keys typed meanwhile are kept for the reader.
func (in *input) readReplies(p []byte) (int, error) {
	buf := make([]byte, 256)
	for len(in.replies) == 0 {
		n, err := in.r.Read(buf)
		data := append(in.partial, buf[:n]...)
		var typed []byte
		in.replies, typed, in.partial = splitReplies(data)
		in.ahead = append(in.ahead, typed...)
		if err != nil {
			return 0, err
		}
	}
	n := copy(p, in.replies)
	in.replies = in.replies[n:]
	return n, nil
}

// splitReplies separates a terminal's replies (ESC ] … BEL or ST, and
// ESC [ ? … c) from typing, and returns an unfinished reply at the end as
// partial.
func splitReplies(b []byte) (replies, typed, partial []byte) {
	for i := 0; i < len(b); {
		if b[i] != 0x1b {
			typed = append(typed, b[i])
			i++
			continue
		}
		end, done := replyEnd(b[i:])
		switch {
		case !done && len(b)-i < 128:
			return replies, typed, append([]byte(nil), b[i:]...)
		case end > 0:
			replies = append(replies, b[i:i+end]...)
			i += end
		default:
			typed = append(typed, b[i])
			i++
		}
	}
	return replies, typed, nil
}

// replyEnd returns the length of the reply at the start of b (0 when b
// does not start with one), or done false when b may be one cut short.
func replyEnd(b []byte) (end int, done bool) {
	if len(b) < 3 {
		return 0, len(b) == 2 && b[1] != ']' && b[1] != '['
	}
	switch {
	case b[1] == ']':
		for j := 2; j < len(b); j++ {
			if b[j] == 0x07 {
				return j + 1, true
			}
			if b[j] == 0x1b {
				if j+1 == len(b) {
					return 0, false
				}
				if b[j+1] == '\\' {
					return j + 2, true
				}
				return 0, true
			}
		}
		return 0, false
	case b[1] == '[' && b[2] == '?':
		for j := 3; j < len(b); j++ {
			if b[j] >= 0x40 && b[j] <= 0x7e {
				if b[j] == 'c' {
					return j + 1, true
				}
				return 0, true
			}
		}
		return 0, false
	}
	return 0, true
}

// queryView is the session as wish's MakeRenderer sees it: its reads get
// the terminal's replies only.
type queryView struct {
	ssh.Session
	in *input
}

func (q queryView) Read(p []byte) (int, error) { return q.in.readReplies(p) }

// guard runs a session's model so that a panic, in Update or in a Cmd's
// goroutine, ends that session alone and is logged with its stack. Bubble
// Tea's own catching is off: it prints to the server's stdout, and a Cmd's
// panic there would not say whose it was.
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

// cmdPanicMsg carries a Cmd's panic from its goroutine to Update.
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

// wrap makes cmd report a panic as a message instead of taking the server
// down from Bubble Tea's goroutine.
func (g *guard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = cmdPanicMsg{crash{r, debug.Stack()}}
			}
		}()
		return g.wrapMsg(cmd())
	}
}

var cmdType = reflect.TypeFor[tea.Cmd]()

// wrapMsg wraps the commands inside a tea.Batch or tea.Sequence message:
// Bubble Tea runs them in goroutines of its own. Sequence's message type is
// unexported, so both are recognised as what they are, slices of Cmd.
func (g *guard) wrapMsg(msg tea.Msg) tea.Msg {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return msg
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := range v.Len() {
		c, _ := v.Index(i).Interface().(tea.Cmd)
		out.Index(i).Set(reflect.ValueOf(g.wrap(c)))
	}
	return out.Interface()
}
