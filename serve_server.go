package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	gossh "golang.org/x/crypto/ssh"

	"copydesk/content"
)

// server is `copydesk serve`: one article, analysed once and shared
// read-only, and a reader per SSH session.
type server struct {
	cfg  serveConfig
	log  *log.Logger
	art  *content.Article
	an   *content.Analysis
	ssh  *ssh.Server
	keys *authorizedKeys // nil: any key
	rate *rateLimiter

	mu       sync.Mutex
	sessions map[*session]struct{}
	closing  bool
	running  sync.WaitGroup
	nextID   atomic.Uint64
	conns    map[*trackedConn]struct{} // open, logged in or not

	// wrapModel, when set, wraps each session's program model. Only tests
	// set it, to make a session misbehave.
	wrapModel func(tea.Model) tea.Model
}

func newServer(cfg serveConfig, art *content.Article, an *content.Analysis, signer gossh.Signer, logger *log.Logger) (*server, error) {
	s := &server{
		cfg:      cfg,
		log:      logger,
		art:      art,
		an:       an,
		rate:     newRateLimiter(cfg.ratePerMinute),
		sessions: map[*session]struct{}{},
		conns:    map[*trackedConn]struct{}{},
	}
	if cfg.authorizedKeys != "" {
		keys, err := loadAuthorizedKeys(cfg.authorizedKeys, logger)
		if err != nil {
			return nil, err
		}
		s.keys = keys
		logger.Info("only keys in the authorized keys file get in", "path", cfg.authorizedKeys, "keys", keys.count())
	} else {
		logger.Warn("no --authorized-keys: any SSH key is let in; anyone who can reach the address can read")
	}
	srv, err := wish.NewServer(
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithVersion("copydesk"),
		// Public keys only: with no password or keyboard-interactive
		// handler the SSH library offers neither method.
		wish.WithPublicKeyAuth(s.publicKey),
		ssh.WrapConn(s.accept),
	)
	if err != nil {
		return nil, err
	}
	srv.Handler = s.handle
	srv.ServerConfigCallback = s.sshConfig
	srv.ConnectionFailedCallback = func(c net.Conn, err error) {
		s.log.Info("handshake failed", "remote", c.RemoteAddr().String(), "err", err)
	}
	s.ssh = srv
	return s, nil
}

// Serve accepts connections on ln until Shutdown; it returns nil then.
func (s *server) Serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting, tells every session the server is going and
// closes it, waits for them within grace and then cuts what is left.
func (s *server) Shutdown(grace time.Duration) error {
	deadline := time.Now().Add(grace)
	s.mu.Lock()
	s.closing = true
	open := make([]*session, 0, len(s.sessions))
	for se := range s.sessions {
		open = append(open, se)
	}
	s.mu.Unlock()

	// ssh's Shutdown closes the listeners at once, then waits for the
	// connections until ctx is cancelled.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	stopped := make(chan error, 1)
	go func() { stopped <- s.ssh.Shutdown(ctx) }()

	for _, se := range open {
		se.stop(ending{reason: "server shutdown", notice: "the server is shutting down; goodbye", code: 1})
	}
	waited := make(chan struct{})
	go func() { s.running.Wait(); close(waited) }()
	select {
	case <-waited:
	case <-time.After(time.Until(deadline)):
		s.log.Warn("sessions still running at the shutdown deadline")
	}
	// A client closes its connection when its session ends; a moment for
	// that, then what is left (clients that keep theirs, logins under way)
	// is cut.
	select {
	case err := <-stopped:
		return err
	case <-time.After(min(time.Second, max(time.Until(deadline), 0))):
	}
	cancel()
	<-stopped
	err := s.ssh.Close()
	// ssh's Close knows only the logged-in connections.
	s.mu.Lock()
	left := make([]*trackedConn, 0, len(s.conns))
	for c := range s.conns {
		left = append(left, c)
	}
	s.mu.Unlock()
	for _, c := range left {
		_ = c.Close()
	}
	return err
}

// register admits a session unless the server is full or closing.
func (s *server) register(se *session) (refusal string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closing:
		return "the server is shutting down"
	case len(s.sessions) >= s.cfg.maxSessions:
		return fmt.Sprintf("server full (%d readers); try again later", s.cfg.maxSessions)
	}
	s.sessions[se] = struct{}{}
	s.running.Add(1)
	return ""
}

func (s *server) unregister(se *session) {
	s.mu.Lock()
	delete(s.sessions, se)
	s.mu.Unlock()
	s.running.Done()
}

// connState follows one TCP connection. Without a session open on it, a
// connection lives for the handshake timeout: at first, and again after
// its last session ends (a client may keep the connection).
type connState struct {
	remote  string
	limited bool // over the address's rate: told so and refused
	bytesIn atomic.Int64

	mu       sync.Mutex
	conn     net.Conn
	preauth  gossh.ServerPreAuthConn
	authed   bool
	sessions int // open on this connection
	closed   bool
	timer    *time.Timer
}

type connStateKey struct{}

func connStateOf(ctx ssh.Context) *connState {
	cs, _ := ctx.Value(connStateKey{}).(*connState)
	return cs
}

// accept sees every TCP connection before the SSH handshake: the rate limit
// and the handshake timer start here.
func (s *server) accept(ctx ssh.Context, c net.Conn) net.Conn {
	remote := c.RemoteAddr().String()
	ok, drop := s.rate.take(hostOf(c.RemoteAddr()), time.Now())
	if drop {
		// Refused and told many times over: not worth a handshake.
		s.log.Warn("connection dropped", "remote", remote, "reason", "rate limit")
		return nil
	}
	cs := &connState{remote: remote, limited: !ok}
	tc := &trackedConn{Conn: c, cs: cs, srv: s, start: time.Now()}
	s.mu.Lock()
	s.conns[tc] = struct{}{}
	s.mu.Unlock()
	cs.conn = tc
	cs.timer = time.AfterFunc(s.cfg.handshakeTimeout, func() { s.handshakeTimedOut(cs) })
	ctx.SetValue(connStateKey{}, cs)
	s.log.Info("connect", "remote", remote)
	return tc
}

func (s *server) handshakeTimedOut(cs *connState) {
	cs.mu.Lock()
	sessions, pre, authed, closed := cs.sessions, cs.preauth, cs.authed, cs.closed
	cs.mu.Unlock()
	if sessions > 0 || closed {
		return
	}
	msg := fmt.Sprintf("copydesk: no session opened within %s; closing the connection\r\n", s.cfg.handshakeTimeout)
	switch {
	case pre != nil && !authed:
		// Logging in: an SSH client shows auth banners.
		_ = pre.SendAuthBanner(msg)
	case cs.bytesIn.Load() == 0:
		// Nothing sent yet, so not an SSH client mid-handshake: someone
		// with nc or telnet, who reads plain text.
		_, _ = cs.conn.Write([]byte(msg))
	}
	// Past the key exchange and not logging in, SSH leaves no way to
	// show text; the log says why.
	s.log.Warn("handshake timeout: no session", "remote", cs.remote, "after", s.cfg.handshakeTimeout, "logged_in", authed)
	_ = cs.conn.Close()
}

// sessionStarted stops the connection's timer: the session's idle timeout
// applies now.
func (cs *connState) sessionStarted() {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.sessions++
	cs.timer.Stop()
}

// sessionEnded starts the timer again when no session is left.
func (cs *connState) sessionEnded(timeout time.Duration) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.sessions--; cs.sessions == 0 && !cs.closed {
		cs.timer.Reset(timeout)
	}
}

// trackedConn counts what the client sent (the handshake timer wants to
// know whether it spoke at all) and logs the disconnect.
type trackedConn struct {
	net.Conn
	cs    *connState
	srv   *server
	start time.Time
	once  sync.Once
}

func (c *trackedConn) Read(p []byte) (int, error) {
	n, err := c.Conn.Read(p)
	c.cs.bytesIn.Add(int64(n))
	return n, err
}

func (c *trackedConn) Close() error {
	c.once.Do(func() {
		c.cs.mu.Lock()
		c.cs.closed = true
		c.cs.timer.Stop()
		c.cs.mu.Unlock()
		c.srv.mu.Lock()
		delete(c.srv.conns, c)
		c.srv.mu.Unlock()
		c.srv.log.Info("disconnect", "remote", c.cs.remote, "duration", time.Since(c.start).Round(time.Millisecond))
	})
	return c.Conn.Close()
}

// sshConfig is built for each connection, so its callbacks know the
// connection's state.
func (s *server) sshConfig(ctx ssh.Context) *gossh.ServerConfig {
	cs := connStateOf(ctx)
	return &gossh.ServerConfig{
		PreAuthConnCallback: func(pc gossh.ServerPreAuthConn) {
			if cs == nil {
				return
			}
			cs.mu.Lock()
			cs.preauth = pc
			cs.mu.Unlock()
			if cs.limited {
				s.log.Warn("connection refused", "remote", cs.remote, "reason", "rate limit")
				_ = pc.SendAuthBanner("copydesk: too many connections from your address; try again in a minute\r\n")
			}
		},
		AuthLogCallback: func(md gossh.ConnMetadata, method string, err error) {
			switch {
			case method == "none":
				// every client asks first, to learn the methods
			case err == nil:
				if cs != nil {
					cs.mu.Lock()
					cs.authed = true
					cs.mu.Unlock()
				}
				s.log.Info("login", "remote", md.RemoteAddr().String(), "user", md.User(), "method", method)
			case method != "publickey": // public keys are logged with their fingerprint
				s.log.Info("auth refused", "remote", md.RemoteAddr().String(), "user", md.User(), "method", method)
			}
		},
	}
}

// publicKey decides whether key may log in.
func (s *server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	cs := connStateOf(ctx)
	fp := gossh.FingerprintSHA256(key)
	reason := ""
	switch {
	case cs != nil && cs.limited:
		reason = "rate limit"
	case s.keys != nil && !s.keys.allows(key):
		reason = "not in authorized keys"
	}
	if reason != "" {
		s.log.Info("key refused", "remote", ctx.RemoteAddr().String(), "user", ctx.User(), "key", fp, "type", key.Type(), "reason", reason)
		return false
	}
	s.log.Info("key accepted", "remote", ctx.RemoteAddr().String(), "user", ctx.User(), "key", fp, "type", key.Type())
	return true
}

// authorizedKeys is an authorized_keys file, read again when it changes so
// keys can be added or revoked without a restart.
type authorizedKeys struct {
	path string
	log  *log.Logger

	mu   sync.Mutex
	stat os.FileInfo
	keys map[string]bool // by wire encoding
	err  error
}

func loadAuthorizedKeys(path string, logger *log.Logger) (*authorizedKeys, error) {
	a := &authorizedKeys{path: path, log: logger}
	a.refresh()
	if a.err != nil {
		return nil, fmt.Errorf("authorized keys: %w", a.err)
	}
	if len(a.keys) == 0 {
		logger.Warn("the authorized keys file has no usable key: no one can log in", "path", path)
	}
	return a, nil
}

func (a *authorizedKeys) count() int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return len(a.keys)
}

func (a *authorizedKeys) allows(key ssh.PublicKey) bool {
	a.refresh()
	a.mu.Lock()
	defer a.mu.Unlock()
	// An unreadable file lets no one in rather than everyone.
	return a.err == nil && a.keys[string(key.Marshal())]
}

func (a *authorizedKeys) refresh() {
	st, err := os.Stat(a.path)
	a.mu.Lock()
	defer a.mu.Unlock()
	if err == nil && a.stat != nil && a.err == nil && st.ModTime().Equal(a.stat.ModTime()) && st.Size() == a.stat.Size() {
		return
	}
	var data []byte
	if err == nil {
		data, err = os.ReadFile(a.path)
	}
	if err != nil {
		if a.err == nil {
			a.log.Error("authorized keys unreadable: refusing every key", "path", a.path, "err", err)
		}
		a.err = err
		return
	}
	keys := map[string]bool{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	sc.Buffer(nil, 1<<20)
	for n := 1; sc.Scan(); n++ {
		line := bytes.TrimSpace(sc.Bytes())
		if len(line) == 0 || line[0] == '#' {
			continue
		}
		key, _, opts, _, err := gossh.ParseAuthorizedKey(line)
		switch {
		case err != nil:
			a.log.Warn("authorized keys: line skipped", "path", a.path, "line", n, "err", err)
		case len(opts) > 0:
			// from=, command=, restrict… would narrow what the key
			// may do; honouring none of them, the line lets nothing in.
			a.log.Warn("authorized keys: line with options skipped (options are not supported)", "path", a.path, "line", n)
		default:
			keys[string(key.Marshal())] = true
		}
	}
	if a.stat != nil {
		a.log.Info("authorized keys reloaded", "path", a.path, "keys", len(keys))
	}
	a.stat, a.keys, a.err = st, keys, nil
}

// rateLimiter is a token bucket per remote address: ratePerMinute new
// connections a minute, refilled continuously, with a burst of as many.
// Refused connections draw the bucket below zero, down to the negative of
// the burst; an address that keeps coming back at the floor is dropped
// without a handshake.
type rateLimiter struct {
	perMin float64

	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	at     time.Time
}

// maxBuckets bounds the limiter's memory under a flood from many addresses.
const maxBuckets = 1 << 14

func newRateLimiter(perMinute int) *rateLimiter {
	return &rateLimiter{perMin: float64(perMinute), buckets: map[string]*bucket{}}
}

// take spends a token of addr's bucket: ok when there was one; drop when
// the address is far enough over to be refused without a word.
func (r *rateLimiter) take(addr string, now time.Time) (ok, drop bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	b := r.buckets[addr]
	if b == nil {
		if len(r.buckets) >= maxBuckets {
			r.prune(now)
		}
		b = &bucket{tokens: r.perMin, at: now}
		r.buckets[addr] = b
	}
	b.tokens = min(r.perMin, b.tokens+now.Sub(b.at).Minutes()*r.perMin)
	b.at = now
	switch {
	case b.tokens >= 1:
		b.tokens--
		return true, false
	case b.tokens > -r.perMin:
		b.tokens--
		return false, false
	}
	return false, true
}

// prune forgets the addresses whose bucket has refilled (they are as good
// as new); if a flood leaves none full, it forgets everyone rather than
// grow without bound.
func (r *rateLimiter) prune(now time.Time) {
	for k, b := range r.buckets {
		if b.tokens+now.Sub(b.at).Minutes()*r.perMin >= r.perMin {
			delete(r.buckets, k)
		}
	}
	if len(r.buckets) >= maxBuckets {
		clear(r.buckets)
	}
}

func hostOf(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}
