// Package sshserver serves a Bubble Tea reader over SSH (charmbracelet/wish):
// one program per session, drawn in the client's own terminal with the
// client's colours. Public-key login only; limits on readers at once, idle
// sessions, connections without a session, and a lockout for addresses
// whose connections keep failing (failed logins, no session).
//
// What the reader shows is the caller's business: Config.NewReader builds
// the model for each session.
package sshserver

import (
	"context"
	"errors"
	"fmt"
	"net"
	"sync"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
	"github.com/charmbracelet/wish/logging"
	wishrecover "github.com/charmbracelet/wish/recover"
	gossh "golang.org/x/crypto/ssh"
)

// Config is what a Server serves and its limits. Every number must be set
// (at least 1, durations above 0).
type Config struct {
	// AuthorizedKeys is an OpenSSH authorized_keys file: only its keys log
	// in. It is read again when it changes. Empty lets any key in.
	AuthorizedKeys string
	// MaxSessions is the number of readers served at once; one more is
	// told the server is full.
	MaxSessions int
	// IdleTimeout closes a session after this long without input.
	IdleTimeout time.Duration
	// HandshakeTimeout closes a connection that has no session open for
	// this long: from connect, and again from its last session's end.
	HandshakeTimeout time.Duration
	// RatePerMinute is the number of failed connections a minute
	// tolerated from one address: connections that end without opening
	// a session (a failed login, a handshake timeout or error). As many
	// in a row lock the address out for about a minute (ratelimit.go).
	// Connections that open a session are never limited but by
	// MaxSessions.
	RatePerMinute int
	// NewReader builds the model for one session, given what the server
	// knows of its client. It is called once a session, from the session's
	// goroutine; the models must share nothing that they write.
	NewReader func(c Client) tea.Model
}

// Client is what the server knows of a session's client.
type Client struct {
	// Renderer paints for the client's terminal: its colour profile and
	// background.
	Renderer *lipgloss.Renderer
	// NoColor is set when the client asked for no colour (NO_COLOR); the
	// renderer's profile is ANSI then, so bold and underline stay.
	NoColor bool
	// Name is who the client is, for people: the comment of its key's
	// line in the authorized keys file up to an "@" ("alice@desk" is
	// alice), else the SSH user name.
	Name string
	// Fingerprint is the SHA256 fingerprint of the key it logged in with.
	Fingerprint string
}

func (c Config) check() error {
	switch {
	case c.NewReader == nil:
		return errors.New("sshserver: no NewReader")
	case c.MaxSessions < 1 || c.RatePerMinute < 1:
		return errors.New("sshserver: MaxSessions and RatePerMinute must be at least 1")
	case c.IdleTimeout <= 0 || c.HandshakeTimeout <= 0:
		return errors.New("sshserver: IdleTimeout and HandshakeTimeout must be above 0")
	}
	return nil
}

// Server serves readers over SSH. Start it with Serve, stop it with
// Shutdown.
type Server struct {
	cfg  Config
	log  *log.Logger
	ssh  *ssh.Server
	keys *authorizedKeys // nil: any key
	rate *penaltyBox

	mu       sync.Mutex
	sessions map[*session]struct{}
	closing  bool
	running  sync.WaitGroup
	nextID   atomic.Uint64
	conns    map[*trackedConn]struct{} // open, logged in or not
}

// New makes a server with host key signer that logs to logger (nil:
// charmbracelet/log's default logger).
func New(cfg Config, signer gossh.Signer, logger *log.Logger) (*Server, error) {
	if err := cfg.check(); err != nil {
		return nil, err
	}
	if logger == nil {
		logger = log.Default()
	}
	s := &Server{
		cfg:      cfg,
		log:      logger,
		rate:     newPenaltyBox(cfg.RatePerMinute),
		sessions: map[*session]struct{}{},
		conns:    map[*trackedConn]struct{}{},
	}
	if cfg.AuthorizedKeys != "" {
		keys, err := loadAuthorizedKeys(cfg.AuthorizedKeys, logger)
		if err != nil {
			return nil, err
		}
		s.keys = keys
		logger.Info("only keys in the authorized keys file get in", "path", cfg.AuthorizedKeys, "keys", keys.count())
	}
	srv, err := wish.NewServer(
		func(srv *ssh.Server) error { srv.AddHostKey(signer); return nil },
		wish.WithVersion("copydesk"),
		// Public keys only: with no password or keyboard-interactive
		// handler the SSH library offers neither method.
		wish.WithPublicKeyAuth(s.publicKey),
		ssh.WrapConn(s.accept),
		// A session passes through these from the last to the first.
		wish.WithMiddleware(
			// The reader. A panic outside its program (the renderer,
			// NewReader) is logged with its stack and ends this
			// session only; admit tells the client. Panics inside the
			// reader are ui.Run's to recover (session.go).
			wishrecover.MiddlewareWithLogger(logger.StandardLog(log.StandardLogOptions{ForceLevel: log.ErrorLevel}), s.reader),
			// Max sessions; session start and end with the reason; the
			// notice and the exit status.
			s.admit,
			// No PTY: told how to connect.
			requireTerminal(logger),
			// A session open on a connection holds off its handshake
			// timeout.
			s.holdConn,
			// connect (user, address, TERM, size, client version) and
			// disconnect (duration) of every session.
			logging.StructuredMiddlewareWithLogger(logger, log.InfoLevel),
		),
	)
	if err != nil {
		return nil, err
	}
	srv.ServerConfigCallback = s.sshConfig
	srv.ConnectionFailedCallback = func(c net.Conn, err error) {
		s.log.Info("handshake failed", "remote", c.RemoteAddr().String(), "err", err)
	}
	s.ssh = srv
	return s, nil
}

// Serve accepts connections on ln until Shutdown; it returns nil then.
func (s *Server) Serve(ln net.Listener) error {
	err := s.ssh.Serve(ln)
	if errors.Is(err, ssh.ErrServerClosed) {
		return nil
	}
	return err
}

// Shutdown stops accepting, tells every session the server is going and
// closes it, waits for them within grace and then cuts what is left.
func (s *Server) Shutdown(grace time.Duration) error {
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
func (s *Server) register(se *session) (refusal string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	switch {
	case s.closing:
		return "the server is shutting down"
	case len(s.sessions) >= s.cfg.MaxSessions:
		return fmt.Sprintf("server full (%d readers); try again later", s.cfg.MaxSessions)
	}
	s.sessions[se] = struct{}{}
	s.running.Add(1)
	return ""
}

func (s *Server) unregister(se *session) {
	s.mu.Lock()
	delete(s.sessions, se)
	s.mu.Unlock()
	s.running.Done()
}
