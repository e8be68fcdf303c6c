package sshserver

import (
	"time"

	"github.com/charmbracelet/ssh"
	gossh "golang.org/x/crypto/ssh"
)

// sshConfig is built for each connection, so its callbacks know the
// connection's state.
func (s *Server) sshConfig(ctx ssh.Context) *gossh.ServerConfig {
	cs := connStateOf(ctx)
	return &gossh.ServerConfig{
		PreAuthConnCallback: func(pc gossh.ServerPreAuthConn) {
			if cs == nil {
				return
			}
			r := s.rate.admit(cs.host, time.Now())
			cs.mu.Lock()
			cs.preauth = pc
			cs.refused = r
			cs.pending = r == nil
			cs.mu.Unlock()
			if r != nil {
				s.log.Warn("connection refused: "+r.logText(cs.host), "remote", cs.remote, "reason", "rate limit")
				_ = pc.SendAuthBanner(r.bannerText(cs.host))
			}
		},
		AuthLogCallback: func(md gossh.ConnMetadata, method string, err error) {
			switch {
			case method == "none":
				// every client asks first, to learn the methods
			case err != nil && cs != nil:
				// a strike if no other method or key works (conn.go)
				cs.mu.Lock()
				cs.authFailed = true
				cs.mu.Unlock()
			}
			switch {
			case method == "none":
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
func (s *Server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
	cs := connStateOf(ctx)
	fp := gossh.FingerprintSHA256(key)
	reason := ""
	switch {
	case cs != nil && cs.isRefused():
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

// fingerprint is key's SHA256 fingerprint, "" for none.
func fingerprint(key ssh.PublicKey) string {
	if key == nil {
		return ""
	}
	return gossh.FingerprintSHA256(key)
}

func (cs *connState) isRefused() bool {
	cs.mu.Lock()
	defer cs.mu.Unlock()
	return cs.refused != nil
}
