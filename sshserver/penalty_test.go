package sshserver

import (
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"
)

// Sessions from one address are never limited, failures are: 60 sessions
// from 127.0.0.1 within the minute are all served; then the same address
// fails to log in with a key not in the authorized keys, and at the 10th
// failure (--rate-limit 10) it is locked out, a good key too, and told why.
func TestServePenalties(t *testing.T) {
	good, bad := newSigner(t), newSigner(t)
	ts := startServer(t, func(c *Config) {
		c.AuthorizedKeys = writeAuthorizedKeys(t, good)
		c.RatePerMinute = 10
	})
	session := func(i int) {
		t.Helper()
		c, err := gossh.Dial("tcp", ts.addr, clientConfig(good))
		if err != nil {
			t.Fatalf("session %d: %v", i, err)
		}
		defer c.Close()
		tm := openTerm(t, c, termOptions{bg: "rgb:0/0/0"})
		tm.waitFor("¶ 1/18")
		tm.press("q")
		tm.exitStatus()
	}
	for i := range 60 {
		session(i + 1)
	}
	fail := func(i int) {
		t.Helper()
		if c, err := gossh.Dial("tcp", ts.addr, clientConfig(bad)); err == nil {
			c.Close()
			t.Fatalf("failure %d: a key not in the authorized keys got in", i)
		}
	}
	for i := range 9 {
		fail(i + 1)
	}
	// nine failures in a row are tolerated: a session is still served
	ts.waitLog("kind=\"failed login\"")
	session(61)
	fail(10)
	ts.waitLog("address locked out: too many failed logins from 127.0.0.1; try again in ")

	var banner syncBuffer
	cfg := clientConfig(good)
	cfg.BannerCallback = func(msg string) error { banner.Write([]byte(msg)); return nil }
	if c, err := gossh.Dial("tcp", ts.addr, cfg); err == nil {
		c.Close()
		t.Fatal("a good key from a locked-out address got in")
	}
	if b := banner.String(); !strings.Contains(b, "copydesk: too many failed logins from your address (127.0.0.1); try again in ") {
		t.Errorf("banner %q", b)
	}
	ts.waitLog("connection refused: too many failed logins from 127.0.0.1; try again in ")
	if ts.sessions() != 0 {
		t.Errorf("%d sessions open", ts.sessions())
	}
}
