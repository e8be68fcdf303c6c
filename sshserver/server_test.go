package sshserver

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/ssh"
	"github.com/muesli/termenv"
	gossh "golang.org/x/crypto/ssh"

	"copydesk/content"
	"copydesk/internal/termtest"
)

// shutdownGrace is copydesk serve's.
const shutdownGrace = 10 * time.Second

func TestServeReads(t *testing.T) {
	ts := startServer(t, nil)
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
	ts.waitLog("disconnect user=reader")
	logs := ts.logs.String()
	for _, want := range []string{
		// the TCP connection and the login, ours
		"tcp connect remote=127.0.0.1:", "key accepted", "key=SHA256:", "login",
		// the session: wish's logging middleware
		"connect user=reader remote-addr=127.0.0.1:", "term=xterm-256color width=120 height=40", "disconnect user=reader", "duration=",
		// and what it does not say: ours
		"session start session=1", "session end session=1", "reason=quit",
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q", want)
		}
	}
}

// Colours come from the client: its TERM, its background, its NO_COLOR;
// never from the server's terminal.
func TestServeClientColours(t *testing.T) {
	ts := startServer(t, nil)
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
	ts := startServer(t, nil)
	tm := openTerm(t, ts.dial(newSigner(t)), termOptions{})
	tm.press("j")
	tm.waitFor("¶ 2/18")
	tm.press("q")
	tm.exitStatus()
}

// A client whose terminal never answers is not waited for: its first
// frame comes about as soon as an answering client's, where it used to
// wait out a 900 ms timeout. An answer that comes after the first frame
// recolours the frames after it, and is never read as keys.
func TestServeFirstFrameSilentTerminal(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.dial(newSigner(t))
	firstFrame := func(bg string) time.Duration {
		start := time.Now()
		tm := openTerm(t, c, termOptions{bg: bg})
		tm.waitFor("¶ 1/18")
		d := time.Since(start)
		tm.press("q")
		tm.exitStatus()
		return d
	}
	// the quickest of a few, alternately: a busy machine slows both
	answered, silent := time.Hour, time.Hour
	for range 3 {
		answered = min(answered, firstFrame("rgb:0000/0000/0000"))
		silent = min(silent, firstFrame(""))
	}
	t.Logf("first frame over SSH: %v on a terminal that answers, %v on a silent one", answered, silent)
	if silent-answered > 300*time.Millisecond {
		t.Errorf("a silent terminal held the first frame up %v longer than one that answers", silent-answered)
	}

	tm := openTerm(t, c, termOptions{})
	tm.waitFor("Speakers (")
	if s := tm.scr.Styled(); !strings.Contains(s, "38;5;213") {
		t.Fatalf("the first frames are not in the dark colours guessed:\n%s", s)
	}
	tm.press("j" + "\x1b]11;rgb:ffff/ffff/ffff\x1b\\\x1b[?2026;2$y\x1b[1;1R" + "j")
	tm.waitFor("¶ 3/18")
	if !eventually(waitLimit, func() bool {
		s := tm.scr.Styled()
		return strings.Contains(s, "38;5;127") && !strings.Contains(s, "38;5;213")
	}) {
		t.Fatalf("the late answer did not recolour the screen:\n%s", tm.scr.Styled())
	}
	if text := tm.scr.Text(); strings.Contains(text, "rgb") || strings.Contains(text, "2026") {
		t.Errorf("the answer was read as keys:\n%s", text)
	}
	tm.press("q")
	if code := tm.exitStatus(); code != 0 {
		t.Errorf("exit status after q: %d, want 0", code)
	}
}

func TestServeAuthorizedKeys(t *testing.T) {
	known, unknown := newSigner(t), newSigner(t)
	path := writeAuthorizedKeys(t, known)
	ts := startServer(t, func(c *Config) { c.AuthorizedKeys = path })

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
	ts := startServer(t, nil)
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
	ts := startServer(t, nil)
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
	ts := startServer(t, func(c *Config) { c.MaxSessions = 2 })
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
	ts := startServer(t, func(c *Config) { c.IdleTimeout = idle })

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
	ts := startServer(t, func(c *Config) {
		c.NewReader = func(cl Client) tea.Model {
			if cl.NoColor {
				// outside the program: wish's recover middleware
				panic("forced panic in NewReader")
			}
			return panicky{embeddedReader(cl)}
		}
	})
	c := ts.dial(newSigner(t))
	other := openTerm(t, c, termOptions{bg: "rgb:0/0/0"})
	other.waitFor("¶ 1/18")
	for i, key := range []string{"P", "C", "B", "S", "NewReader"} {
		var tm *client
		if key == "NewReader" {
			tm = openTerm(t, c, termOptions{bg: "rgb:0/0/0", env: map[string]string{"NO_COLOR": "1"}})
		} else {
			tm = openTerm(t, c, termOptions{bg: "rgb:0/0/0"})
			tm.waitFor("¶ 1/18")
			tm.press(key)
		}
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
	// the end is logged after the client is told
	if !eventually(waitLimit, func() bool { return strings.Count(ts.logs.String(), "reason=panic") == 5 }) {
		t.Errorf("%d sessions logged as ended for a panic, want 5", strings.Count(ts.logs.String(), "reason=panic"))
	}
	logs := ts.logs.String()
	for _, want := range []string{
		"session panic", "forced panic in Update", "forced panic in a Cmd", "server_test.go", "goroutine ",
		"panic: forced panic in NewReader", "session.go", "reason=panic",
	} {
		if !strings.Contains(logs, want) {
			t.Errorf("log lacks %q", want)
		}
	}
	if !eventually(waitLimit, func() bool { return ts.sessions() == 1 }) {
		t.Errorf("the server counts %d readers, want 1", ts.sessions())
	}
	// and so do new ones
	tm := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0/0/0"})
	tm.waitFor("¶ 1/18")
}

func TestServeShutdown(t *testing.T) {
	ts := startServer(t, nil)
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
	if !eventually(waitLimit, func() bool { return strings.Count(ts.logs.String(), "tcp connect") == 3 }) {
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
	ts := startServer(t, func(c *Config) { c.HandshakeTimeout = limit })
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
	ts := startServer(t, func(c *Config) { c.RatePerMinute = 3 })
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

	ts := startServer(t, nil)
	tm := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0000/0000/0000"})
	tm.waitFor("¶ 1/18")
	// the second speaker, whoever the analyser ranks there
	n := len(content.Analyze(content.Embedded()).Speakers[1].Statements)
	for _, step := range []struct{ keys, want string }{
		{"\tj", fmt.Sprintf(" –/%d", n)}, {"\r", fmt.Sprintf(" 1/%d", n)}, {"]", fmt.Sprintf(" 2/%d", n)},
		{"\t/Lav", "Speakers 1 of 6"}, {"\x1b", "Speakers (6)"}, {"\x1b", ""},
		{"v", "Figures ("}, {"?", "copydesk keys"}, {"q", "Lavrov, who had"},
		{"/Lausanne\r", "/Lausanne 3/3"}, {"n", "/Lausanne 1/3"}, {"s", "¶ "}, {"G", "¶ 18/18"},
	} {
		tm.press(step.keys)
		if step.want == "" {
			// an escape with a key right after it reads as alt+key, in
			// any terminal: let it stand alone
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

// A client that stops reading its output (a dead link, a suspended ssh)
// holds up nothing: its reader still takes keys, another reader is served
// as before, and its session still ends on the idle timeout, without
// waiting for a client that will not read the notice.
func TestServeClientStopsReading(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.IdleTimeout = 3 * time.Second })
	c := ts.dial(newSigner(t))
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 40, 120, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	stdin, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := sess.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	ended := make(chan error, 1)
	go func() { ended <- sess.Wait() }()
	// Every window change redraws the whole screen, about 20 KB at this
	// size: a few hundred fill the SSH channel's 2 MB window, and the
	// server's writes stop. (Sent at once, they would be drawn as one
	// frame.)
	for i := 0; i < 400; i++ {
		if err := sess.WindowChange(80-i%2, 250-i%2); err != nil {
			t.Fatal(err)
		}
		time.Sleep(3 * time.Millisecond)
	}
	ts.waitLog("resize session=1")
	start := time.Now()
	for i := 0; i < 50; i++ {
		if _, err := io.WriteString(stdin, "j"); err != nil {
			t.Fatal(err)
		}
	}
	other := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0/0/0"})
	other.waitFor("¶ 1/18")
	other.press("j")
	other.waitFor("¶ 2/18")
	// keys keep the stuck session alive; once they stop, the idle timeout
	// ends it
	select {
	case <-ended:
		if d := time.Since(start); d < 3*time.Second {
			t.Errorf("the session ended after %v, before its idle timeout", d)
		}
	case <-time.After(waitLimit):
		t.Fatal("the session of a client that stopped reading never ended")
	}
	ts.waitLog("client stopped reading its output")
	ts.waitLog("session end session=1")
}

// The reader learns who its client is: the comment of its key in the
// authorized keys file up to "@", else its SSH user name, and its key.
func TestServeClientName(t *testing.T) {
	alice, bob, carol := newSigner(t), newSigner(t), newSigner(t)
	var b strings.Builder
	b.WriteString(strings.TrimSpace(string(gossh.MarshalAuthorizedKey(alice.PublicKey()))) + " alice@desk\n")
	b.WriteString(strings.TrimSpace(string(gossh.MarshalAuthorizedKey(bob.PublicKey()))) + " Bob Smith\n")
	b.Write(gossh.MarshalAuthorizedKey(carol.PublicKey()))
	path := filepath.Join(t.TempDir(), "authorized_keys")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	clients := make(chan Client, 3)
	ts := startServer(t, func(c *Config) {
		c.AuthorizedKeys = path
		c.NewReader = func(cl Client) tea.Model {
			clients <- cl
			return embeddedReader(cl)
		}
	})
	for _, tc := range []struct {
		key  gossh.Signer
		want string
	}{{alice, "alice"}, {bob, "Bob Smith"}, {carol, "reader"}} {
		tm := openTerm(t, ts.dial(tc.key), termOptions{bg: "rgb:0/0/0"})
		tm.waitFor("¶ 1/18")
		cl := <-clients
		if cl.Name != tc.want || cl.Fingerprint != gossh.FingerprintSHA256(tc.key.PublicKey()) {
			t.Errorf("client %q (%s), want %q (%s)", cl.Name, cl.Fingerprint, tc.want, gossh.FingerprintSHA256(tc.key.PublicKey()))
		}
		tm.press("q")
		tm.exitStatus()
	}
}

// A client whose pseudo-terminal has no size (0x0) is served at 80x24.
func TestServeNoSize(t *testing.T) {
	ts := startServer(t, nil)
	sess, err := ts.dial(newSigner(t)).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", 0, 0, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	tm := startTerm(t, sess, "rgb:0/0/0", termtest.New(80, 24))
	tm.waitFor("¶ 1/18")
	tm.press("jjj")
	tm.waitFor("¶ 4/18")
}

func TestServedSize(t *testing.T) {
	for _, c := range []struct{ w, h, ww, wh int }{{0, 0, 80, 24}, {120, 0, 120, 24}, {0, 40, 80, 40}, {100, 30, 100, 30}} {
		if got := servedSize(ssh.Window{Width: c.w, Height: c.h}); got.Width != c.ww || got.Height != c.wh {
			t.Errorf("%dx%d served at %dx%d, want %dx%d", c.w, c.h, got.Width, got.Height, c.ww, c.wh)
		}
	}
}
