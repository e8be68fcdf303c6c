package sshserver

import (
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// connState follows one TCP connection. Without a session open on it, a
// connection lives for the handshake timeout: at first, and again after
// its last session ends (a client may keep the connection).
type connState struct {
	remote  string
	host    string // remote without the port: what penalties are kept by
	bytesIn atomic.Int64

	mu         sync.Mutex
	conn       net.Conn
	preauth    gossh.ServerPreAuthConn // set once the key exchange is done
	refused    *refusal                // its address is locked out: told so and refused
	pending    bool                    // a pending strike for its address (ratelimit.go)
	authed     bool
	authFailed bool // a login method failed (another may have worked)
	sessions   int  // open on this connection
	opened     bool // a session was ever opened on it
	timedOut   bool
	closed     bool
	timer      *time.Timer
}

type connStateKey struct{}

func connStateOf(ctx ssh.Context) *connState {
	cs, _ := ctx.Value(connStateKey{}).(*connState)
	return cs
}

// accept sees every TCP connection before the SSH handshake: the handshake
// timer starts here. An address that is locked out is refused later, when
// the client can be told why (auth.go); one refused often enough in this
// lockout is dropped here.
func (s *Server) accept(ctx ssh.Context, c net.Conn) net.Conn {
	remote, host := c.RemoteAddr().String(), hostOf(c.RemoteAddr())
	if r := s.rate.dropped(host, time.Now()); r != nil {
		// Refused and told many times over: not worth a handshake.
		s.log.Warn("connection dropped: "+r.logText(host), "remote", remote, "reason", "rate limit")
		return nil
	}
	cs := &connState{remote: remote, host: host}
	tc := &trackedConn{Conn: c, cs: cs, srv: s, start: time.Now()}
	s.mu.Lock()
	s.conns[tc] = struct{}{}
	s.mu.Unlock()
	cs.conn = tc
	cs.timer = time.AfterFunc(s.cfg.HandshakeTimeout, func() { s.handshakeTimedOut(cs) })
	ctx.SetValue(connStateKey{}, cs)
	s.log.Info("tcp connect", "remote", remote)
	return tc
}

func (s *Server) handshakeTimedOut(cs *connState) {
	cs.mu.Lock()
	sessions, pre, authed, closed := cs.sessions, cs.preauth, cs.authed, cs.closed
	cs.mu.Unlock()
	if sessions > 0 || closed {
		return
	}
	cs.mu.Lock()
	cs.timedOut = true
	cs.mu.Unlock()
	msg := fmt.Sprintf("copydesk: no session opened within %s; closing the connection\r\n", s.cfg.HandshakeTimeout)
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
	s.log.Warn("handshake timeout: no session", "remote", cs.remote, "after", s.cfg.HandshakeTimeout, "logged_in", authed)
	_ = cs.conn.Close()
}

// holdConn is a middleware: while a session is open on a connection, the
// connection's handshake timer is stopped (the session's idle timeout
// applies); when its last session ends, the timer starts again.
func (s *Server) holdConn(next ssh.Handler) ssh.Handler {
	return func(sess ssh.Session) {
		if cs := connStateOf(sess.Context()); cs != nil {
			if cs.sessionStarted() {
				s.rate.settle(cs.host, time.Now())
			}
			defer cs.sessionEnded(s.cfg.HandshakeTimeout)
		}
		next(sess)
	}
}

// sessionStarted tells whether the connection's pending strike is to be
// settled.
func (cs *connState) sessionStarted() (settle bool) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	cs.sessions++
	cs.opened = true
	cs.timer.Stop()
	settle, cs.pending = cs.pending, false
	return settle
}

func (cs *connState) sessionEnded(timeout time.Duration) {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	if cs.sessions--; cs.sessions == 0 && !cs.closed {
		cs.timer.Reset(timeout)
	}
}

// strike is what the connection, ended, costs its address: nothing (0)
// if it opened a session or was refused for its address's lockout. Call
// with cs.mu held.
func (cs *connState) strike() strikeKind {
	switch {
	case cs.opened || cs.refused != nil:
		return 0
	case cs.timedOut:
		return strikeTimeout
	case cs.preauth == nil:
		return strikeProtocol
	case cs.authFailed && !cs.authed:
		return strikeAuth
	}
	return strikeNoSession
}

// trackedConn counts what the client sent (the handshake timer wants to
// know whether it spoke at all) and logs the disconnect.
type trackedConn struct {
	net.Conn
	cs    *connState
	srv   *Server
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
		kind := c.cs.strike()
		pending := c.cs.pending
		c.cs.pending = false
		c.cs.mu.Unlock()
		c.srv.mu.Lock()
		delete(c.srv.conns, c)
		closing := c.srv.closing
		c.srv.mu.Unlock()
		c.srv.log.Info("tcp disconnect", "remote", c.cs.remote, "duration", time.Since(c.start).Round(time.Millisecond))
		if pending {
			c.srv.rate.settle(c.cs.host, time.Now())
		}
		if kind != 0 && !closing { // a connection cut by shutdown costs nothing
			if r := c.srv.rate.strike(c.cs.host, kind, time.Now()); r != nil {
				c.srv.log.Warn("address locked out: "+r.logText(c.cs.host), "remote", c.cs.remote, "last", kind.String())
			} else {
				c.srv.log.Info("strike", "remote", c.cs.remote, "kind", kind.String())
			}
		}
	})
	return c.Conn.Close()
}
