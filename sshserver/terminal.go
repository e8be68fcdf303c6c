package sshserver

import (
	"fmt"
	"net"

	"github.com/charmbracelet/log"
	"github.com/charmbracelet/ssh"
	"github.com/charmbracelet/wish"
)

// requireTerminal refuses a session without a PTY (ssh -T, a command piped
// into ssh) with exit status 1, telling the client on stderr how to connect
// with one. It stands in for wish's activeterm, which does the same but
// prints only "Requires an active PTY", to stdout: it neither says which
// program refused nor how to get a terminal.
func requireTerminal(logger *log.Logger) wish.Middleware {
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			if _, _, ok := sess.Pty(); ok {
				next(sess)
				return
			}
			logger.Info("session refused", "remote", sess.RemoteAddr().String(), "reason", "no terminal", "key", fingerprint(sess.PublicKey()))
			fmt.Fprintf(sess.Stderr(), "copydesk: the reader needs a terminal; connect with: ssh -t %s\n", sshTarget(sess.LocalAddr()))
			_ = sess.Exit(1)
		}
	}
}

// sshTarget is the ssh command line's port and host for the address the
// client reached.
func sshTarget(local net.Addr) string {
	host, port, err := net.SplitHostPort(local.String())
	if err != nil {
		return "HOST"
	}
	return fmt.Sprintf("-p %s %s", port, host)
}
