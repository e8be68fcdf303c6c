package sshserver

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"copydesk/content"
	"copydesk/internal/termtest"
	"copydesk/ui"
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
	srv    *Server
	addr   string
	logs   *syncBuffer
	served chan error
}

// testConfig is copydesk serve's defaults, serving the embedded article.
func testConfig() Config {
	return Config{
		MaxSessions:      64,
		IdleTimeout:      30 * time.Minute,
		HandshakeTimeout: 30 * time.Second,
		RatePerMinute:    20,
		NewReader:        embeddedReader,
	}
}

// embedded is the embedded article and its analysis, made once and shared
// by every session as copydesk serve shares its article.
var embedded = sync.OnceValues(func() (*content.Article, *content.Analysis) {
	art := content.Embedded()
	return art, content.Analyze(art)
})

func embeddedReader(c Client) tea.Model {
	art, an := embedded()
	return ui.New(art, ui.Options{Renderer: c.Renderer, NoColor: c.NoColor, Analysis: an})
}

// startServer serves on 127.0.0.1:0 with testConfig changed by cfg.
func startServer(t *testing.T, cfg func(*Config)) *testServer {
	t.Helper()
	c := testConfig()
	if cfg != nil {
		cfg(&c)
	}
	logs := &syncBuffer{}
	logger := log.NewWithOptions(logs, log.Options{Level: log.DebugLevel})
	srv, err := New(c, newSigner(t), logger)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
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

// client is a client terminal: a PTY session whose output is shown on an
// emulated screen (what a person would see) and also kept as it came (for
// what is said after the screen is left), and whose replies to the
// server's questions about the terminal come from bg (an xterm "rgb:…"
// colour; "" for a terminal that does not answer).
type client struct {
	t     testing.TB
	sess  *gossh.Session
	stdin io.Writer
	scr   *termtest.Screen
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
	return startTerm(t, sess, o.bg, termtest.New(o.width, o.height))
}

func startTerm(t testing.TB, sess *gossh.Session, bg string, scr *termtest.Screen) *client {
	t.Helper()
	tm := &client{t: t, sess: sess, scr: scr, out: &syncBuffer{}, more: make(chan struct{}, 1), done: make(chan struct{})}
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
			tm.scr.Write(buf[:n])
			select {
			case tm.more <- struct{}{}:
			default:
			}
			if !answered && bg != "" {
				seen = append(seen, buf[:n]...)
				if bytes.Contains(seen, []byte("\x1b]11;?")) {
					answered = true
					// as xterm answers: the colour, the mode it
					// does not know, then the cursor position
					_, _ = io.WriteString(stdin, "\x1b]11;"+bg+"\x1b\\\x1b[?2026;0$y\x1b[1;1R")
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
		tm.t.Fatalf("client never saw %q; the screen:\n%s", s, tm.scr.Text())
	}
}

// sees waits for s on the client's screen, waking as output arrives.
func (tm *client) sees(s string, limit time.Duration) bool {
	timeout := time.After(limit)
	for {
		if strings.Contains(tm.scr.Text(), s) {
			return true
		}
		select {
		case <-tm.more:
		case <-tm.done:
			return strings.Contains(tm.scr.Text(), s)
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
