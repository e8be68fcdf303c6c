package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/log"
	gossh "golang.org/x/crypto/ssh"

	"copydesk/content"
	"copydesk/library"
	"copydesk/review"
	"copydesk/sshserver"
	"copydesk/ui"
)

const serveHelp = `Serves the reader over SSH: ssh -p 23234 HOST opens FILE (the embedded article
by default), or the list of the articles in DIR, in the client's own terminal. Public-key login only; without
--authorized-keys any key is let in.`

// shutdownGrace bounds a graceful stop: sessions are told and closed, and
// whatever is still connected after it is cut.
const shutdownGrace = 10 * time.Second

// serveOptions are serve's flags.
type serveOptions struct {
	listen, hostKey string
	cfg             sshserver.Config
}

func (o *serveOptions) flags(fs *flag.FlagSet) {
	o.listen = "127.0.0.1:23234"
	o.cfg = sshserver.Config{MaxSessions: 64, IdleTimeout: 30 * time.Minute, HandshakeTimeout: 30 * time.Second, RatePerMinute: 20}
	cfg := &o.cfg
	fs.StringVar(&o.listen, "listen", o.listen, "`ADDRESS` to listen on; 0.0.0.0:23234 for every interface")
	fs.StringVar(&o.hostKey, "host-key", "", "host key `FILE`, created (ed25519, mode 0600) if missing\n(default $XDG_DATA_HOME/copydesk/host_ed25519 or ~/.local/share/copydesk/host_ed25519)")
	fs.StringVar(&cfg.AuthorizedKeys, "authorized-keys", "", "let in only the public keys in this authorized_keys `FILE` (default: any key)")
	fs.IntVar(&cfg.MaxSessions, "max-sessions", cfg.MaxSessions, "readers served at once; one more is told the server is full")
	fs.DurationVar(&cfg.IdleTimeout, "idle-timeout", cfg.IdleTimeout, "close a session after this long without a key press")
	fs.DurationVar(&cfg.HandshakeTimeout, "handshake-timeout", cfg.HandshakeTimeout, "close a connection that has no session open for this long\n(from connect, or from its last session's end)")
	fs.IntVar(&cfg.RatePerMinute, "rate-limit", cfg.RatePerMinute, "failed connections (failed logins, no session opened, handshake errors) tolerated a minute\nfrom one address; more lock it out for a minute (sessions never count)")
}

func (o *serveOptions) run(path string, in inputOptions, db string, stdin io.Reader, stderr io.Writer) int {
	cfg := o.cfg
	if cfg.MaxSessions < 1 || cfg.IdleTimeout <= 0 || cfg.HandshakeTimeout <= 0 || cfg.RatePerMinute < 1 {
		fmt.Fprintln(stderr, "copydesk serve: --max-sessions and --rate-limit at least 1; timeouts above 0")
		return 2
	}
	logger := log.NewWithOptions(stderr, log.Options{ReportTimestamp: true, TimeFormat: "2006-01-02 15:04:05.000", Prefix: "serve"})

	// The article is analysed once and shared by every session; a file is
	// followed, and each new version of it analysed once too.
	began := time.Now()
	var watcher *content.Watcher
	var edition content.Edition
	var lib *library.Library
	if isDir(path) {
		// A folder: every session has its list; each article is read and
		// analysed once, in the background, for all of them.
		l, err := library.Open(path, int64(in.maxSize))
		if err != nil {
			fmt.Fprintln(stderr, "copydesk:", err)
			return 1
		}
		defer l.Close()
		lib = l
		_, total := l.Progress()
		logger.Info("library open", "dir", l.Dir(), "articles", total)
	} else if path == "" || path == "-" || content.IsURL(path) {
		art, err := in.load(path, stdin)
		if err != nil {
			fmt.Fprintln(stderr, "copydesk:", err)
			return 1
		}
		edition = content.Edition{Article: art, Analysis: content.Analyze(art)}
	} else {
		w, err := content.Watch(path, int64(in.maxSize), time.Time(in.date), func(err error) {
			logger.Warn("the article's file changed but cannot be read; still serving the version before", "err", err)
		})
		if err != nil {
			fmt.Fprintln(stderr, "copydesk:", err)
			return 1
		}
		defer w.Close()
		watcher, edition = w, w.Analyzed()
	}
	if lib == nil {
		logger.Info("article ready", "source", edition.Article.Source, "paragraphs", len(edition.Article.Paragraphs), "analysed_in", time.Since(began).Round(10*time.Microsecond))
	}

	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	store, storeErr := review.Open(ctx, db)
	cancel()
	if storeErr != nil {
		logger.Error("review marks cannot be kept: sessions read, and are told their marks are not saved", "err", storeErr)
	} else {
		defer store.Close()
		logger.Info("review marks kept", "in", store.Where())
	}
	openStore := func() (*review.Store, error) { return store, storeErr }
	article := articleName(path)
	cfg.NewReader = func(c sshserver.Client) tea.Model {
		if lib != nil {
			rv := &ui.Review{Open: openStore, Reviewer: review.Reviewer{Name: c.Name, Fingerprint: c.Fingerprint}}
			return ui.NewLibrary(lib, ui.Options{Renderer: c.Renderer, NoColor: c.NoColor, Review: rv})
		}
		ed := edition
		if watcher != nil {
			ed = watcher.Current()
		}
		rv := &ui.Review{Open: openStore, Article: article, Reviewer: review.Reviewer{Name: c.Name, Fingerprint: c.Fingerprint}}
		return ui.New(ed.Article, ui.Options{Renderer: c.Renderer, NoColor: c.NoColor, Analysis: ed.Analysis, Review: rv, Editions: editionsOf(watcher)})
	}

	hostKey := o.hostKey
	if hostKey == "" {
		var err error
		if hostKey, err = sshserver.DefaultHostKeyPath(); err != nil {
			fmt.Fprintln(stderr, "copydesk serve: no place for the host key, give one with --host-key:", err)
			return 1
		}
	}
	signer, created, err := sshserver.LoadHostKey(hostKey)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 1
	}
	if created {
		logger.Info("host key created", "path", hostKey)
	} else if st, err := os.Stat(hostKey); err == nil && st.Mode().Perm()&0o077 != 0 {
		logger.Warn("host key is readable by others; chmod 600 it", "path", hostKey, "mode", st.Mode().Perm())
	}
	if cfg.AuthorizedKeys == "" {
		logger.Warn("no --authorized-keys: any SSH key is let in; anyone who can reach the address can read")
	}
	srv, err := sshserver.New(cfg, signer, logger)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 1
	}
	ln, err := net.Listen("tcp", o.listen)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk serve:", err)
		return 1
	}
	logger.Info("listening", "addr", ln.Addr().String(), "host_key", gossh.FingerprintSHA256(signer.PublicKey()),
		"max_sessions", cfg.MaxSessions, "idle_timeout", cfg.IdleTimeout)

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
