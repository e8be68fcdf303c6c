package sshserver

import (
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
func (s *Server) publicKey(ctx ssh.Context, key ssh.PublicKey) bool {
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

// fingerprint is key's SHA256 fingerprint, "" for none.
func fingerprint(key ssh.PublicKey) string {
	if key == nil {
		return ""
	}
	return gossh.FingerprintSHA256(key)
}
