package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"copydesk/content"
)

const serveHelp = `Serves the reader over SSH: ssh -p 23234 HOST opens FILE (the embedded article
by default) in the client's own terminal. Public-key login only; without
--authorized-keys any key is let in.`

// shutdownGrace bounds a graceful stop: sessions are told and closed, and
// whatever is still connected after it is cut.
const shutdownGrace = 10 * time.Second

type serveConfig struct {
	listen           string
	hostKey          string // "" means the default under the user's data directory
	authorizedKeys   string // "" lets any key in
	maxSessions      int
	idleTimeout      time.Duration
	handshakeTimeout time.Duration
	ratePerMinute    int
}

func defaultServeConfig() serveConfig {
	return serveConfig{
		listen:           "127.0.0.1:23234",
		maxSessions:      64,
		idleTimeout:      30 * time.Minute,
		handshakeTimeout: 30 * time.Second,
		ratePerMinute:    20,
	}
}

// serveOptions are serve's flags.
type serveOptions struct{ cfg serveConfig }

func (o *serveOptions) flags(fs *flag.FlagSet) {
	o.cfg = defaultServeConfig()
	cfg := &o.cfg
	fs.StringVar(&cfg.listen, "listen", cfg.listen, "`ADDRESS` to listen on; 0.0.0.0:23234 for every interface")
	fs.StringVar(&cfg.hostKey, "host-key", "", "host key `FILE`, created (ed25519, mode 0600) if missing\n(default $XDG_DATA_HOME/copydesk/host_ed25519 or ~/.local/share/copydesk/host_ed25519)")
	fs.StringVar(&cfg.authorizedKeys, "authorized-keys", "", "let in only the public keys in this authorized_keys `FILE` (default: any key)")
	fs.IntVar(&cfg.maxSessions, "max-sessions", cfg.maxSessions, "readers served at once; one more is told the server is full")
	fs.DurationVar(&cfg.idleTimeout, "idle-timeout", cfg.idleTimeout, "close a session after this long without a key press")
	fs.DurationVar(&cfg.handshakeTimeout, "handshake-timeout", cfg.handshakeTimeout, "close a connection that has no session open for this long\n(from connect, or from its last session's end)")
	fs.IntVar(&cfg.ratePerMinute, "rate-limit", cfg.ratePerMinute, "new connections a minute from one address (a burst of as many is allowed)")
}

func (o *serveOptions) run(path string, maxSize int64, stdin io.Reader, stderr io.Writer) int {
	cfg := o.cfg
	if cfg.maxSessions < 1 || cfg.idleTimeout <= 0 || cfg.handshakeTimeout <= 0 || cfg.ratePerMinute < 1 {
		fmt.Fprintln(stderr, "copydesk serve: --max-sessions and --rate-limit at least 1; timeouts above 0")
		return 2
	}
	logger := log.NewWithOptions(stderr, log.Options{ReportTimestamp: true, TimeFormat: "2006-01-02 15:04:05.000", Prefix: "serve"})

	art, err := content.Load(path, stdin, maxSize)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	began := time.Now()
	an := content.Analyze(art)
	logger.Info("article ready", "source", art.Source, "paragraphs", len(art.Paragraphs), "analysed_in", time.Since(began).Round(10*time.Microsecond))

	if cfg.hostKey == "" {
		if cfg.hostKey, err = defaultHostKeyPath(); err != nil {
			fmt.Fprintln(stderr, "copydesk serve: no place for the host key, give one with --host-key:", err)
			return 1
		}
	}
	signer, created, err := loadHostKey(cfg.hostKey)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 1
	}
	if created {
		logger.Info("host key created", "path", cfg.hostKey)
	} else if st, err := os.Stat(cfg.hostKey); err == nil && st.Mode().Perm()&0o077 != 0 {
		logger.Warn("host key is readable by others; chmod 600 it", "path", cfg.hostKey, "mode", st.Mode().Perm())
	}

	srv, err := newServer(cfg, art, an, signer, logger)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 1
	}
	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 1
	}
	logger.Info("listening", "addr", ln.Addr().String(), "host_key", gossh.FingerprintSHA256(signer.PublicKey()),
		"max_sessions", cfg.maxSessions, "idle_timeout", cfg.idleTimeout)

	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(sigs)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	select {
	case sig := <-sigs:
		logger.Info("shutting down", "signal", sig.String())
		if err := srv.Shutdown(shutdownGrace); err != nil {
			logger.Warn("shutdown", "err", err)
		}
		if err := <-served; err != nil {
			logger.Error("serve", "err", err)
		}
		logger.Info("stopped")
		return 0
	case err := <-served:
		logger.Error("server stopped", "err", err)
		return 1
	}
}

// defaultHostKeyPath follows the XDG base directory spec: the key is data
// the server keeps, not configuration the user writes.
func defaultHostKeyPath() (string, error) {
	dir := os.Getenv("XDG_DATA_HOME")
	if dir == "" || !filepath.IsAbs(dir) {
		home, err := os.UserHomeDir()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(home, ".local", "share")
	}
	return filepath.Join(dir, "copydesk", "host_ed25519"), nil
}

// loadHostKey reads the host key at path, creating an ed25519 key there
// first if there is none, so clients see the same host key on every start.
func loadHostKey(path string) (signer gossh.Signer, created bool, err error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		data, created, err = createHostKey(path)
	}
	if err != nil {
		return nil, false, fmt.Errorf("host key: %w", err)
	}
	signer, err = gossh.ParsePrivateKey(data)
	if err != nil {
		return nil, false, fmt.Errorf("host key %s: %w", path, err)
	}
	return signer, created, nil
}

func createHostKey(path string) ([]byte, bool, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, false, err
	}
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, false, err
	}
	block, err := gossh.MarshalPrivateKey(priv, "copydesk host key")
	if err != nil {
		return nil, false, err
	}
	data := pem.EncodeToMemory(block)
	// Written aside and linked into place: link fails when the name exists,
	// so when two servers start at once the second reads the first one's
	// complete key instead of replacing it or reading half of it.
	tmp, err := os.CreateTemp(filepath.Dir(path), ".host_key-*")
	if err != nil {
		return nil, false, err
	}
	defer os.Remove(tmp.Name())
	// CreateTemp makes the file 0600.
	if _, err = tmp.Write(data); err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, false, err
	}
	if err := os.Link(tmp.Name(), path); errors.Is(err, fs.ErrExist) {
		data, err = os.ReadFile(path)
		return data, false, err
	} else if err != nil {
		return nil, false, err
	}
	return data, true, nil
}
