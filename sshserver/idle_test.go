package sshserver

import (
	"strings"
	"testing"
	"time"
)

// Before an idle session is closed the reader says so on its status line
// (at half a short timeout); a key then keeps the session, past the time
// it would have closed, and takes the warning away; with no key the
// session closes as before, with its notice.
func TestServeIdleWarning(t *testing.T) {
	const idle = 3 * time.Second
	const warning = "idle: this session closes in"
	ts := startServer(t, func(c *Config) { c.IdleTimeout = idle })

	kept := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0/0/0"})
	left := openTerm(t, ts.dial(newSigner(t)), termOptions{bg: "rgb:0/0/0"})
	kept.waitFor("¶ 1/18")
	left.waitFor("¶ 1/18")

	// the warning comes before the close, for both
	kept.waitFor(warning)
	warned := time.Now()
	if kept.ended() {
		t.Fatal("the session ended with its warning")
	}
	if !strings.Contains(kept.scr.Text(), "press any key to keep it") {
		t.Errorf("the warning does not say what to do:\n%s", kept.scr.Text())
	}
	left.waitFor(warning)
	if left.ended() {
		t.Fatal("the session ended with its warning")
	}

	// a key keeps the session and takes the warning away
	kept.press("j")
	kept.waitFor("¶ 2/18")
	if !eventually(waitLimit, func() bool { return !strings.Contains(kept.scr.Text(), warning) }) {
		t.Fatalf("the warning stayed after a key:\n%s", kept.scr.Text())
	}

	// without a key the session closes, with the idle notice
	if code := left.exitStatus(); code != 1 {
		t.Errorf("idle session: exit %d, want 1", code)
	}
	if !strings.Contains(left.out.String(), "copydesk: closed after 3s without a key press") {
		t.Errorf("idle session not told why: %s", tail(left.out.String(), 300))
	}

	// the kept session lives on past the time it would have closed (at
	// most idle/2 after its warning; with the key, idle after it), and
	// is warned again later
	for time.Since(warned) < idle*3/4 {
		if kept.ended() {
			t.Fatalf("the session was closed after a key: %s", tail(kept.out.String(), 300))
		}
		time.Sleep(50 * time.Millisecond)
	}
	kept.waitFor(warning)
	if code := kept.exitStatus(); code != 1 {
		t.Errorf("idle session: exit %d, want 1", code)
	}
}
