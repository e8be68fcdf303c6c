package main

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"copydesk/content"
)

// End-to-end tests: a server on 127.0.0.1:0 and real SSH clients
// (golang.org/x/crypto/ssh) over TCP. Waits are for text, with generous
// limits: the machine is shared.

const waitLimit = 15 * time.Second

// syncBuffer is a bytes.Buffer safe for a writer and readers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func (s *syncBuffer) Len() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Len()
}

// eventually polls cond until it holds or the limit passes.
func eventually(limit time.Duration, cond func() bool) bool {
	deadline := time.Now().Add(limit)
	for {
		if cond() {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		s = s[len(s)-n:]
	}
	return fmt.Sprintf("%q", s)
}

func newSigner(t testing.TB) gossh.Signer {
	t.Helper()
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	s, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type testServer struct {
	t      *testing.T
	srv    *server
	addr   string
	logs   *syncBuffer
	served chan error
}

// startServer serves the embedded article on 127.0.0.1:0 with the
// defaults changed by cfg; hook, if given, sees the server before it runs.
func startServer(t *testing.T, cfg func(*serveConfig), hook func(*server)) *testServer {
	t.Helper()
	c := defaultServeConfig()
	c.listen = "127.0.0.1:0"
	if cfg != nil {
		cfg(&c)
	}
	logs := &syncBuffer{}
	logger := log.NewWithOptions(logs, log.Options{Level: log.DebugLevel})
	art := content.Embedded()
	srv, err := newServer(c, art, content.Analyze(art), newSigner(t), logger)
	if err != nil {
		t.Fatal(err)
	}
	if hook != nil {
		hook(srv)
	}
	ln, err := net.Listen("tcp", c.listen)
	if err != nil {
		t.Fatal(err)
	}
	ts := &testServer{t: t, srv: srv, addr: ln.Addr().String(), logs: logs, served: make(chan error, 1)}
	go func() { ts.served <- srv.Serve(ln) }()
	t.Cleanup(func() {
		_ = srv.Shutdown(5 * time.Second)
		<-ts.served
		if t.Failed() {
			t.Logf("server log:\n%s", logs.String())
		}
	})
	return ts
}

func (ts *testServer) waitLog(s string) {
	ts.t.Helper()
	if !eventually(waitLimit, func() bool { return strings.Contains(ts.logs.String(), s) }) {
		ts.t.Fatalf("server log never said %q", s)
	}
}

func (ts *testServer) sessions() int {
	ts.srv.mu.Lock()
	defer ts.srv.mu.Unlock()
	return len(ts.srv.sessions)
}

func clientConfig(signer gossh.Signer) *gossh.ClientConfig {
	return &gossh.ClientConfig{
		User:            "reader",
		Auth:            []gossh.AuthMethod{gossh.PublicKeys(signer)},
		HostKeyCallback: gossh.InsecureIgnoreHostKey(),
		Timeout:         waitLimit,
	}
}

func (ts *testServer) dial(signer gossh.Signer) *gossh.Client {
	ts.t.Helper()
	c, err := gossh.Dial("tcp", ts.addr, clientConfig(signer))
	if err != nil {
		ts.t.Fatalf("dial: %v", err)
	}
	ts.t.Cleanup(func() { _ = c.Close() })
	return c
}

// client is a client terminal: a PTY session whose output is collected and
// whose replies to the server's background query come from bg (an
// xterm "rgb:…" colour; "" for a terminal that does not answer).
type client struct {
	t     testing.TB
	sess  *gossh.Session
	stdin io.Writer
	out   *syncBuffer
	more  chan struct{} // a token after output arrives
	done  chan struct{}
	err   error // from Wait, once done is closed
}

type termOptions struct {
	width, height int
	bg            string
	env           map[string]string
}

func openTerm(t testing.TB, c *gossh.Client, o termOptions) *client {
	t.Helper()
	if o.width == 0 {
		o.width, o.height = 120, 40
	}
	sess, err := c.NewSession()
	if err != nil {
		t.Fatalf("new session: %v", err)
	}
	for k, v := range o.env {
		if err := sess.Setenv(k, v); err != nil {
			t.Fatalf("setenv: %v", err)
		}
	}
	if err := sess.RequestPty("xterm-256color", o.height, o.width, gossh.TerminalModes{}); err != nil {
		t.Fatalf("pty: %v", err)
	}
	return startTerm(t, sess, o.bg)
}

func startTerm(t testing.TB, sess *gossh.Session, bg string) *client {
	t.Helper()
	tm := &client{t: t, sess: sess, out: &syncBuffer{}, more: make(chan struct{}, 1), done: make(chan struct{})}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	tm.stdin = stdin
	stdout, err := sess.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	sess.Stderr = tm.out
	if err := sess.Shell(); err != nil {
		t.Fatalf("shell: %v", err)
	}
	go func() {
		answered := false
		var seen []byte
		buf := make([]byte, 32<<10)
		for {
			n, err := stdout.Read(buf)
			tm.out.Write(buf[:n])
			select {
			case tm.more <- struct{}{}:
			default:
			}
			if !answered && bg != "" {
				seen = append(seen, buf[:n]...)
				if bytes.Contains(seen, []byte("\x1b]11;?")) {
					answered = true
					// as xterm answers: the colour, then the
					// device attributes asked for with it
					_, _ = io.WriteString(stdin, "\x1b]11;"+bg+"\x1b\\\x1b[?62;22c")
				}
			}
			if err != nil {
				break
			}
		}
		tm.err = sess.Wait()
		close(tm.done)
	}()
	return tm
}

func (tm *client) waitFor(s string) {
	tm.t.Helper()
	if !tm.sees(s, waitLimit) {
		tm.t.Fatalf("client never saw %q; output ends %s", s, tail(tm.out.String(), 600))
	}
}

// sees waits for s in the output, waking as output arrives.
func (tm *client) sees(s string, limit time.Duration) bool {
	timeout := time.After(limit)
	for {
		if strings.Contains(tm.out.String(), s) {
			return true
		}
		select {
		case <-tm.more:
		case <-tm.done:
			return strings.Contains(tm.out.String(), s)
		case <-timeout:
			return false
		}
	}
}

func (tm *client) press(keys string) {
	tm.t.Helper()
	if _, err := io.WriteString(tm.stdin, keys); err != nil {
		tm.t.Fatalf("press %q: %v", keys, err)
	}
}

// exitStatus waits for the session to end and returns its exit status.
func (tm *client) exitStatus() int {
	tm.t.Helper()
	select {
	case <-tm.done:
	case <-time.After(waitLimit):
		tm.t.Fatalf("session did not end; output ends %s", tail(tm.out.String(), 600))
	}
	var ee *gossh.ExitError
	switch {
	case tm.err == nil:
		return 0
	case errors.As(tm.err, &ee):
		return ee.ExitStatus()
	}
	tm.t.Fatalf("session ended without a status: %v", tm.err)
	return -1
}

func (tm *client) ended() bool {
	select {
	case <-tm.done:
		return true
	default:
		return false
	}
}

func TestServeReads(t *testing.T) {
	ts := startServer(t, nil, nil)
	c := ts.dial(newSigner(t))
	tm := openTerm(t, c, termOptions{bg: "rgb:0000/0000/0000"})
	tm.waitFor("¶ 1/18")
	tm.waitFor("Talks between the United States")
	tm.waitFor("Speakers (")
	tm.press("j")
	tm.waitFor("¶ 2/18")
	tm.press("q")
	if code := tm.exitStatus(); code != 0 {
		t.Errorf("exit status after q: %d, want 0", code)
	}
	ts.waitLog("session end")
	logs := ts.logs.String()
	for _, want := range []string{"connect remote=127.0.0.1:", "key accepted", "key=SHA256:", "login", "term=xterm-256color width=120 height=40", "reason=quit", "duration="} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q", want)
		}
	}
}

// Colours come from the client: its TERM, its background, its NO_COLOR;
// never from the server's terminal.
func TestServeClientColours(t *testing.T) {
	ts := startServer(t, nil, nil)
	c := ts.dial(newSigner(t))
	// speaker mentions: 213 on dark, 127 on light (ui/styles.go)
	for _, tc := range []struct {
		bg        string
		want, not string
	}{
		{bg: "rgb:0000/0000/0000", want: "38;5;213", not: "38;5;127"},
		{bg: "rgb:ffff/ffff/ffff", want: "38;5;127", not: "38;5;213"},
	} {
		tm := openTerm(t, c, termOptions{bg: tc.bg})
		tm.waitFor("¶ 1/18")
		tm.waitFor("Speakers (")
		out := tm.out.String()
		if !strings.Contains(out, tc.want) || strings.Contains(out, tc.not) {
			t.Errorf("background %s: want %q and not %q in the frame", tc.bg, tc.want, tc.not)
		}
		tm.press("q")
		tm.exitStatus()
	}
	tm := openTerm(t, c, termOptions{bg: "rgb:0000/0000/0000", env: map[string]string{"NO_COLOR": "1"}})
	tm.waitFor("¶ 1/18")
	tm.waitFor("Speakers (")
	out := tm.out.String()
	if colour := regexp.MustCompile(`\x1b\[[0-9;]*?(3[0-7]|9[0-7]|38;5;[0-9]+)m`).FindString(out); colour != "" {
		t.Errorf("NO_COLOR: colour in the frame: %s", tail(out, 300))
	}
	if !strings.Contains(out, "\x1b[1m") {
		t.Errorf("NO_COLOR: no bold left in the frame")
	}
	tm.press("q")
	tm.exitStatus()
}

// A client whose terminal never answers the background query still gets
// the reader, and its first key press is not lost.
func TestServeSilentTerminal(t *testing.T) {
	ts := startServer(t, nil, nil)
	tm := openTerm(t, ts.dial(newSigner(t)), termOptions{})
	tm.press("j")
	tm.waitFor("¶ 2/18")
	tm.press("q")
	tm.exitStatus()
}

func writeAuthorizedKeys(t *testing.T, keys ...gossh.Signer) string {
	t.Helper()
	var b strings.Builder
	b.WriteString("# readers\n\n")
	for _, k := range keys {
		b.Write(gossh.MarshalAuthorizedKey(k.PublicKey()))
	}
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestServeAuthorizedKeys(t *testing.T) {
	known, unknown := newSigner(t), newSigner(t)
	path := writeAuthorizedKeys(t, known)
	ts := startServer(t, func(c *serveConfig) { c.authorizedKeys = path }, nil)

	if _, err := gossh.Dial("tcp", ts.addr, clientConfig(unknown)); err == nil || !strings.Contains(err.Error(), "unable to authenticate") {
		t.Fatalf("unknown key: err %v, want an authentication failure", err)
	}
	ts.waitLog("reason=\"not in authorized keys\"")
	if !strings.Contains(ts.logs.String(), gossh.FingerprintSHA256(unknown.PublicKey())) {
		t.Errorf("the refused key's fingerprint is not logged")
	}
	tm := openTerm(t, ts.dial(known), termOptions{bg: "rgb:0/0/0"})
	tm.waitFor("¶ 1/18")
	tm.press("q")
	tm.exitStatus()
}

func TestServePasswordRefused(t *testing.T) {
	ts := startServer(t, nil, nil)
	cfg := clientConfig(newSigner(t))
	cfg.Auth = []gossh.AuthMethod{
		gossh.Password("secret"),
		gossh.KeyboardInteractive(func(string, string, []string, []bool) ([]string, error) { return []string{"secret"}, nil }),
	}
	_, err := gossh.Dial("tcp", ts.addr, cfg)
	if err == nil {
		t.Fatal("password login accepted")
	}
	if !strings.Contains(err.Error(), "no supported methods remain") {
		t.Errorf("err %v, want no supported methods", err)
	}
}

func TestServeNoPTY(t *testing.T) {
	ts := startServer(t, nil, nil)
	sess, err := ts.dial(newSigner(t)).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	sess.Stdout, sess.Stderr = &stdout, &stderr
	err = sess.Run("")
	var ee *gossh.ExitError
	if !errors.As(err, &ee) || ee.ExitStatus() != 1 {
		t.Errorf("exit: %v, want status 1", err)
	}
	_, port, _ := net.SplitHostPort(ts.addr)
	want := "copydesk: the reader needs a terminal; connect with: ssh -t -p " + port + " 127.0.0.1\n"
	if stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
	if stdout.Len() != 0 {
		t.Errorf("stdout %q, want nothing", stdout.String())
	}
}

func TestServeMaxSessions(t *testing.T) {
	ts := startServer(t, func(c *serveConfig) { c.maxSessions = 2 }, nil)
	c := ts.dial(newSigner(t))
	a := openTerm(t, c, termOptions{bg: "rgb:0/0/0"})
	b := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0/0/0"})
	a.waitFor("¶ 1/18")
	b.waitFor("¶ 1/18")

	extra := openTerm(t, c, termOptions{bg: "rgb:0/0/0"})
	if code := extra.exitStatus(); code != 1 {
		t.Errorf("extra session: exit %d, want 1", code)
	}
	if out := extra.out.String(); !strings.Contains(out, "copydesk: server full (2 readers); try again later") {
		t.Errorf("extra session was not told the server is full: %s", tail(out, 300))
	}
	// the two readers are unharmed, and a freed place can be taken
	a.press("j")
	a.waitFor("¶ 2/18")
	b.press("q")
	b.exitStatus()
	if !eventually(waitLimit, func() bool { return ts.sessions() == 1 }) {
		t.Fatal("the server still counts the reader that left")
	}
	again := openTerm(t, c, termOptions{bg: "rgb:0/0/0"})
	if !eventually(waitLimit, func() bool { return strings.Contains(again.out.String(), "¶ 1/18") || again.ended() }) || again.ended() {
		t.Fatalf("no place after a reader left: %s", tail(again.out.String(), 300))
	}
}

func TestServeIdleTimeout(t *testing.T) {
	const idle = 2 * time.Second
	ts := startServer(t, func(c *serveConfig) { c.idleTimeout = idle }, nil)

	// typing keeps a session open past the timeout
	typing := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0/0/0"})
	typing.waitFor("¶ 1/18")
	// output, keepalives and window changes do not
	c := ts.dial(newSigner(t))
	busyStart := time.Now() // its last input (the terminal's reply) is later
	busy := openTerm(t, c, termOptions{bg: "rgb:0/0/0"})
	busy.waitFor("¶ 1/18")
	outBefore := busy.out.Len()
	stopNoise := make(chan struct{})
	noiseDone := make(chan struct{})
	go func() {
		defer close(noiseDone)
		for i := 0; ; i++ {
			select {
			case <-stopNoise:
				return
			case <-time.After(100 * time.Millisecond):
			}
			_ = busy.sess.WindowChange(40-i%2, 120-i%2)
			_, _, _ = c.SendRequest("keepalive@openssh.com", true, nil)
		}
	}()
	deadline := time.Now().Add(2 * idle)
	for time.Now().Before(deadline) {
		typing.press("j")
		time.Sleep(200 * time.Millisecond)
	}
	if typing.ended() {
		t.Fatalf("a typing reader was closed: %s", tail(typing.out.String(), 300))
	}
	if code := busy.exitStatus(); code != 1 {
		t.Errorf("idle session: exit %d, want 1", code)
	}
	lived := time.Since(busyStart)
	close(stopNoise)
	<-noiseDone
	if lived < idle {
		t.Errorf("idle session closed after %v, before the timeout %v", lived, idle)
	}
	if busy.out.Len()-outBefore < 10_000 {
		t.Errorf("the idle session had little output (%d bytes): the test proves nothing", busy.out.Len()-outBefore)
	}
	if !strings.Contains(busy.out.String(), "copydesk: closed after 2s without a key press") {
		t.Errorf("idle session not told why: %s", tail(busy.out.String(), 300))
	}
	// once typing stops, the timeout comes
	stopped := time.Now()
	if code := typing.exitStatus(); code != 1 {
		t.Errorf("typing session after it stopped: exit %d, want 1", code)
	}
	if d := time.Since(stopped); d > idle+5*time.Second {
		t.Errorf("closed %v after the last key, timeout %v", d, idle)
	}
	ts.waitLog("reason=idle")
}

// panicky makes a session panic on demand: P in Update, C in a Cmd's
// goroutine, B and S inside a tea.Batch and a tea.Sequence.
type panicky struct{ tea.Model }

func (p panicky) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	boom := func() tea.Msg { panic("forced panic in a Cmd") }
	if k, ok := msg.(tea.KeyMsg); ok {
		switch k.String() {
		case "P":
			panic("forced panic in Update")
		case "C":
			return p, boom
		case "B":
			return p, tea.Batch(func() tea.Msg { return nil }, boom)
		case "S":
			return p, tea.Sequence(func() tea.Msg { return nil }, boom)
		}
	}
	next, cmd := p.Model.Update(msg)
	return panicky{next}, cmd
}

func TestServePanicEndsOneSession(t *testing.T) {
	ts := startServer(t, nil, func(s *server) {
		s.wrapModel = func(m tea.Model) tea.Model { return panicky{m} }
	})
	c := ts.dial(newSigner(t))
	other := openTerm(t, c, termOptions{bg: "rgb:0/0/0"})
	other.waitFor("¶ 1/18")
	for i, key := range []string{"P", "C", "B", "S"} {
		tm := openTerm(t, c, termOptions{bg: "rgb:0/0/0"})
		tm.waitFor("¶ 1/18")
		tm.press(key)
		if code := tm.exitStatus(); code != 1 {
			t.Errorf("%s: exit %d, want 1", key, code)
		}
		if !strings.Contains(tm.out.String(), "copydesk: the reader failed with an internal error") {
			t.Errorf("%s: the client was not told: %s", key, tail(tm.out.String(), 300))
		}
		// the other reader goes on
		other.press("j")
		other.waitFor(fmt.Sprintf("¶ %d/18", i+2))
	}
	logs := ts.logs.String()
	for _, want := range []string{"session panic", "forced panic in Update", "forced panic in a Cmd", "serve_test.go", "goroutine "} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q", want)
		}
	}
	// and so do new ones
	tm := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0/0/0"})
	tm.waitFor("¶ 1/18")
}

func TestServeShutdown(t *testing.T) {
	ts := startServer(t, nil, nil)
	a := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0/0/0"})
	b := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0/0/0"})
	a.waitFor("¶ 1/18")
	b.waitFor("¶ 1/18")
	// and a connection still in its handshake
	raw, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if !eventually(waitLimit, func() bool { return strings.Count(ts.logs.String(), "connect remote") == 3 }) {
		t.Fatal("the third connection was not accepted")
	}
	start := time.Now()
	done := make(chan error, 1)
	go func() { done <- ts.srv.Shutdown(shutdownGrace) }()
	for _, tm := range []*client{a, b} {
		if code := tm.exitStatus(); code != 1 {
			t.Errorf("exit %d, want 1", code)
		}
		out := tm.out.String()
		notice := strings.Index(out, "copydesk: the server is shutting down")
		leave := strings.LastIndex(out, "\x1b[?1049l")
		if notice < 0 || leave < 0 || leave > notice {
			t.Errorf("not told on the normal screen: %s", tail(out, 300))
		}
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("shutdown: %v", err)
		}
	case <-time.After(shutdownGrace + 5*time.Second):
		t.Fatal("shutdown did not return")
	}
	select {
	case err := <-ts.served:
		ts.served <- err // for the cleanup
		if err != nil {
			t.Errorf("serve returned %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("Serve did not return")
	}
	if d := time.Since(start); d > shutdownGrace {
		t.Errorf("shutdown took %v", d)
	}
	if _, err := net.DialTimeout("tcp", ts.addr, time.Second); err == nil {
		t.Error("still accepting after shutdown")
	}
	_ = raw.SetReadDeadline(time.Now().Add(time.Second))
	if _, err := io.ReadAll(raw); err != nil {
		t.Errorf("the connection in its handshake was not closed: %v", err)
	}
}

func TestServeHandshakeTimeout(t *testing.T) {
	// long enough for a login on a loaded machine
	const limit = time.Second
	ts := startServer(t, func(c *serveConfig) { c.handshakeTimeout = limit }, nil)
	// cut reports whether the server closes c's connection in time.
	cut := func(c *gossh.Client) bool {
		waited := make(chan error, 1)
		go func() { waited <- c.Wait() }()
		select {
		case <-waited:
			return true
		case <-time.After(waitLimit):
			return false
		}
	}

	t.Run("silent", func(t *testing.T) {
		t.Parallel()
		// someone who connects and says nothing reads why they are cut
		conn, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close()
		_ = conn.SetDeadline(time.Now().Add(waitLimit))
		got, err := io.ReadAll(conn)
		if err != nil {
			t.Fatalf("read: %v (the server did not close)", err)
		}
		if !bytes.HasPrefix(got, []byte("SSH-2.0-copydesk")) || !bytes.Contains(got, []byte("copydesk: no session opened within 1s")) {
			t.Errorf("silent client read %q", got)
		}
	})
	t.Run("no session", func(t *testing.T) {
		t.Parallel()
		c, err := gossh.Dial("tcp", ts.addr, clientConfig(newSigner(t)))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		if !cut(c) {
			t.Error("a connection without a session was kept")
		}
		if !eventually(waitLimit, func() bool { return strings.Contains(ts.logs.String(), "handshake timeout: no session") }) {
			t.Error("the cut is not logged")
		}
	})
	t.Run("session ended", func(t *testing.T) {
		t.Parallel()
		c, err := gossh.Dial("tcp", ts.addr, clientConfig(newSigner(t)))
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		tm := openTerm(t, c, termOptions{bg: "rgb:0/0/0"})
		tm.waitFor("¶ 1/18")
		time.Sleep(limit + limit/4) // a session open past the timeout is not cut
		if tm.ended() {
			t.Fatal("a reader was cut by the handshake timeout")
		}
		tm.press("q")
		tm.exitStatus()
		// the client keeps its connection: the timeout runs again
		if !cut(c) {
			t.Error("a connection whose session ended was kept")
		}
	})
}

func TestServeRateLimit(t *testing.T) {
	ts := startServer(t, func(c *serveConfig) { c.ratePerMinute = 3 }, nil)
	key := newSigner(t)
	for i := 0; i < 3; i++ {
		c, err := gossh.Dial("tcp", ts.addr, clientConfig(key))
		if err != nil {
			t.Fatalf("connection %d: %v", i+1, err)
		}
		c.Close()
	}
	var banner syncBuffer
	cfg := clientConfig(key)
	cfg.BannerCallback = func(msg string) error { banner.Write([]byte(msg)); return nil }
	if _, err := gossh.Dial("tcp", ts.addr, cfg); err == nil {
		t.Fatal("a fourth connection in the minute went through")
	}
	if !strings.Contains(banner.String(), "too many connections from your address") {
		t.Errorf("banner %q", banner.String())
	}
	ts.waitLog("reason=\"rate limit\"")
}

func TestRateLimiter(t *testing.T) {
	r := newRateLimiter(2)
	now := time.Now()
	var got []string
	for i := 0; i < 6; i++ {
		ok, drop := r.take("192.0.2.1", now)
		got = append(got, map[bool]string{true: "ok", false: "refused"}[ok]+map[bool]string{true: "+drop", false: ""}[drop])
	}
	want := "ok ok refused refused refused+drop refused+drop"
	if strings.Join(got, " ") != want {
		t.Errorf("burst: %v, want %s", got, want)
	}
	if ok, _ := r.take("192.0.2.2", now); !ok {
		t.Error("another address was limited")
	}
	// refused tries count against the address: after 90 s it has one
	// token again, after three minutes its burst and no more
	if ok, _ := r.take("192.0.2.1", now.Add(90*time.Second)); !ok {
		t.Error("no token after 90 s")
	}
	later := now.Add(4 * time.Minute)
	for i, want := range []bool{true, true, false} {
		if ok, _ := r.take("192.0.2.1", later); ok != want {
			t.Errorf("after the refill, connection %d: ok=%v", i+1, ok)
		}
	}
}

func TestHostKey(t *testing.T) {
	data := t.TempDir()
	t.Setenv("XDG_DATA_HOME", data)
	path, err := defaultHostKeyPath()
	if err != nil || path != filepath.Join(data, "copydesk", "host_ed25519") {
		t.Fatalf("default path %q, %v", path, err)
	}
	s1, created, err := loadHostKey(path)
	if err != nil || !created {
		t.Fatalf("first start: created=%v err=%v", created, err)
	}
	if s1.PublicKey().Type() != gossh.KeyAlgoED25519 {
		t.Errorf("key type %s", s1.PublicKey().Type())
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("host key mode %v, %v; want 0600", st.Mode().Perm(), err)
	}
	s2, created, err := loadHostKey(path)
	if err != nil || created {
		t.Fatalf("second start: created=%v err=%v", created, err)
	}
	if !bytes.Equal(s1.PublicKey().Marshal(), s2.PublicKey().Marshal()) {
		t.Error("a new host key on the second start")
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("left behind in the key's directory: %v", entries)
	}

	t.Setenv("XDG_DATA_HOME", "")
	t.Setenv("HOME", "/home/reader")
	if p, _ := defaultHostKeyPath(); p != "/home/reader/.local/share/copydesk/host_ed25519" {
		t.Errorf("without XDG_DATA_HOME: %s", p)
	}
}

func TestAuthorizedKeysFile(t *testing.T) {
	a, b, c := newSigner(t), newSigner(t), newSigner(t)
	path := writeAuthorizedKeys(t, a)
	logs := &syncBuffer{}
	keys, err := loadAuthorizedKeys(path, log.New(logs))
	if err != nil {
		t.Fatal(err)
	}
	if !keys.allows(a.PublicKey()) || keys.allows(b.PublicKey()) {
		t.Fatal("first read: wrong keys")
	}
	// edits apply without a restart; a line with options lets nothing in
	withOpts := `from="10.0.0.1" ` + string(gossh.MarshalAuthorizedKey(c.PublicKey()))
	if err := os.WriteFile(path, append(append(gossh.MarshalAuthorizedKey(b.PublicKey()), withOpts...), "not a key\n"...), 0o600); err != nil {
		t.Fatal(err)
	}
	future := time.Now().Add(time.Minute)
	_ = os.Chtimes(path, future, future)
	if keys.allows(a.PublicKey()) || !keys.allows(b.PublicKey()) || keys.allows(c.PublicKey()) {
		t.Error("after the edit: wrong keys")
	}
	if !strings.Contains(logs.String(), "options are not supported") || !strings.Contains(logs.String(), "line skipped") {
		t.Errorf("skipped lines not logged:\n%s", logs.String())
	}
	// an unreadable file lets no one in
	os.Remove(path)
	if keys.allows(b.PublicKey()) {
		t.Error("a removed file still lets keys in")
	}
	if _, err := loadAuthorizedKeys(filepath.Join(t.TempDir(), "missing"), log.New(logs)); err == nil {
		t.Error("a missing file at start is not an error")
	}
}

func TestServeFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--help"}, 0, "--authorized-keys"},
		{[]string{"serve", "--max-sessions", "0"}, 2, "at least 1"},
		{[]string{"serve", "--idle-timeout", "soon"}, 2, "invalid value"},
		{[]string{"serve", "a.txt", "b.txt"}, 2, "at most one FILE"},
		{[]string{"serve", "--host-key", "/dev/null/key", "--listen", "127.0.0.1:0"}, 1, "host key"},
		{[]string{"serve", "/no/such/article.txt"}, 1, "copydesk:"},
	} {
		code, _, errs := runCmd(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

// Nothing a session draws comes from the server's own terminal: with the
// process's default renderer set to true colour on a light background, a
// 256-colour client on a dark one sees neither, in every view.
func TestServeNeverServerTerminal(t *testing.T) {
	server := lipgloss.NewRenderer(io.Discard)
	server.SetColorProfile(termenv.TrueColor)
	server.SetHasDarkBackground(false)
	saved := lipgloss.DefaultRenderer()
	lipgloss.SetDefaultRenderer(server)
	t.Cleanup(func() { lipgloss.SetDefaultRenderer(saved) })

	ts := startServer(t, nil, nil)
	tm := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0000/0000/0000"})
	tm.waitFor("¶ 1/18")
	// the second speaker, whoever the analyser ranks there
	n := len(content.Analyze(content.Embedded()).Speakers[1].Quotes)
	for _, step := range []struct{ keys, want string }{
		{"\tj", fmt.Sprintf(" –/%d", n)}, {"\r", fmt.Sprintf(" 1/%d", n)}, {"]", fmt.Sprintf(" 2/%d", n)},
		{"\t/Lav", ""}, {"\x1b", ""}, {"\x1b", ""},
		{"v", "Figures ("}, {"?", "copydesk keys"}, {"x", "¶ "},
		{"/Lausanne\r", "/Lausanne 3/3"}, {"n", "/Lausanne 1/3"}, {"s", "¶ "}, {"G", "¶ 18/18"},
	} {
		tm.press(step.keys)
		if step.want == "" {
			// the filter is drawn in pieces: nothing whole to wait for
			time.Sleep(200 * time.Millisecond)
			continue
		}
		tm.waitFor(step.want)
	}
	out := tm.out.String()
	if m := regexp.MustCompile(`\x1b\[[0-9;]*[34]8;2;[0-9;]*m`).FindString(out); m != "" {
		t.Errorf("true colour from the server's renderer reached the client: %q", m)
	}
	if !strings.Contains(out, "38;5;213") || strings.Contains(out, "38;5;127") {
		t.Error("the client's dark background was not used")
	}
}
