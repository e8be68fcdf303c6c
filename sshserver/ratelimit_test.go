package sshserver

import (
	"net"
	"testing"
	"time"
)

// The penalty rule on an injected clock. Each step is a strike (a
// connection from addr that ended without a session), an admit (a
// connection logging in) or a drop check (a new TCP connection), and what
// it comes to: for a strike, whether it began a lockout.
func TestPenaltyBox(t *testing.T) {
	const a, b = "192.0.2.1", "192.0.2.2"
	const (
		admit = iota
		drop
		strike
	)
	type step struct {
		at   time.Duration // since the start
		addr string
		op   int
		kind strikeKind // of a strike
		want rateVerdict
		wait time.Duration // of a refusal or lockout
		why  strikeKind    // of a refusal or lockout
	}
	s := func(at time.Duration, k strikeKind) step { return step{at: at, addr: a, op: strike, kind: k} }
	locks := func(at time.Duration, k strikeKind, wait time.Duration) step {
		return step{at: at, addr: a, op: strike, kind: k, want: rateRefuse, wait: wait, why: k}
	}
	in := func(at time.Duration) step { return step{at: at, addr: a, op: admit} }
	out := func(at time.Duration, wait time.Duration, why strikeKind) step {
		return step{at: at, addr: a, op: admit, want: rateRefuse, wait: wait, why: why}
	}
	sixty := func(at time.Duration) []step {
		var st []step
		for i := range 60 {
			st = append(st, in(at+time.Duration(i)*time.Second))
		}
		return st
	}
	cat := func(parts ...[]step) []step {
		var st []step
		for _, p := range parts {
			st = append(st, p...)
		}
		return st
	}
	for _, tc := range []struct {
		name      string
		perMinute int
		steps     []step
	}{
		{"sessions cost nothing", 3, sixty(0)},
		{"one failure locks out at one a minute", 1, []step{
			locks(0, strikeAuth, time.Minute), out(59*time.Second, time.Second, strikeAuth), in(time.Minute),
		}},
		{"N failures in a row lock the address out for a minute", 3, cat(sixty(0), []step{
			s(time.Minute, strikeAuth), s(time.Minute+time.Second, strikeAuth), in(time.Minute + time.Second),
			locks(time.Minute+2*time.Second, strikeAuth, time.Minute-2*time.Second),
			out(time.Minute+2*time.Second, time.Minute-2*time.Second, strikeAuth),
			out(time.Minute+59*time.Second+500*time.Millisecond, 500*time.Millisecond, strikeAuth),
			{at: time.Minute, addr: b, op: admit}, // another address is not locked out
			// drained: the whole allowance back
			in(2 * time.Minute), s(2*time.Minute, strikeAuth), s(2*time.Minute, strikeAuth), in(2 * time.Minute),
		})},
		{"failures under the rate never lock out", 3, []step{ // a strike drains in 20 s
			s(0, strikeAuth), s(20*time.Second, strikeAuth), s(40*time.Second, strikeAuth),
			s(60*time.Second, strikeAuth), s(80*time.Second, strikeAuth), in(80 * time.Second),
		}},
		{"failures faster than the rate add up", 3, []step{ // each 10 s adds 10 s
			s(0, strikeNoSession), s(10*time.Second, strikeNoSession), s(20*time.Second, strikeNoSession),
			in(20 * time.Second), // 40 s: two strikes' worth
			locks(30*time.Second, strikeNoSession, 50*time.Second),
			out(79*time.Second, time.Second, strikeNoSession), in(80 * time.Second),
		}},
		{"the refusal names the failure that locked the address", 3, []step{
			s(0, strikeProtocol), s(0, strikeTimeout), locks(0, strikeNoSession, time.Minute),
			out(time.Second, 59*time.Second, strikeNoSession),
		}},
		{"refused tries do not lengthen the lockout; past N they are dropped", 2, []step{
			s(0, strikeAuth), locks(0, strikeAuth, time.Minute),
			{addr: a, op: drop}, out(0, time.Minute, strikeAuth),
			{addr: a, op: drop}, out(30*time.Second, 30*time.Second, strikeAuth),
			{at: 30 * time.Second, addr: a, op: drop, want: rateDrop, wait: 30 * time.Second, why: strikeAuth},
			{at: 59 * time.Second, addr: a, op: drop, want: rateDrop, wait: time.Second, why: strikeAuth},
			{at: time.Minute, addr: a, op: drop}, in(time.Minute),
		}},
		{"failures under way when the lockout began lengthen it, up to a cap", 1, cat([]step{
			locks(0, strikeAuth, time.Minute), s(0, strikeAuth), out(0, 2*time.Minute, strikeAuth),
		}, func() []step {
			var st []step
			for range 20 {
				st = append(st, s(0, strikeTimeout))
			}
			return st
		}(), []step{
			out(0, maxPenalty, strikeAuth), out(maxPenalty-time.Second, time.Second, strikeAuth), in(maxPenalty),
		})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			box := newPenaltyBox(tc.perMinute)
			start := time.Now()
			for i, st := range tc.steps {
				now := start.Add(st.at)
				var r *refusal
				switch st.op {
				case admit: // and, let in, it opens a session
					if r = box.admit(st.addr, now); r == nil {
						box.settle(st.addr, now)
					}
				case drop:
					r = box.dropped(st.addr, now)
				case strike:
					r = box.strike(st.addr, st.kind, now)
				}
				got := refusal{}
				if r != nil {
					got = *r
				}
				if want := (refusal{verdict: st.want, wait: st.wait, kind: st.why}); got != want {
					t.Errorf("step %d (op %d at %v): %+v, want %+v", i+1, st.op, st.at, got, want)
				}
			}
		})
	}
}

func TestRefusalText(t *testing.T) {
	for _, tc := range []struct {
		r           refusal
		log, banner string
	}{
		{refusal{kind: strikeAuth, wait: 89*time.Second + 200*time.Millisecond},
			"too many failed logins from 192.0.2.1; try again in 1m30s",
			"copydesk: too many failed logins from your address (192.0.2.1); try again in 1m30s\r\n"},
		{refusal{kind: strikeNoSession, wait: time.Minute},
			"too many connections from 192.0.2.1 that opened no session; try again in 1m0s",
			"copydesk: too many connections from your address (192.0.2.1) that opened no session; try again in 1m0s\r\n"},
		{refusal{kind: strikeProtocol, wait: time.Millisecond},
			"too many connections from 192.0.2.1 that failed the SSH handshake; try again in 1s",
			"copydesk: too many connections from your address (192.0.2.1) that failed the SSH handshake; try again in 1s\r\n"},
	} {
		if got := tc.r.logText("192.0.2.1"); got != tc.log {
			t.Errorf("log %q, want %q", got, tc.log)
		}
		if got := tc.r.bannerText("192.0.2.1"); got != tc.banner {
			t.Errorf("banner %q, want %q", got, tc.banner)
		}
	}
}

// A flood from many addresses leaves the penalty box at most maxLimiters
// addresses to remember; it forgets the ones whose penalty drained first.
func TestPenaltyBoxFlood(t *testing.T) {
	addr := func(i int) string { return net.IPv4(10, byte(i>>16), byte(i>>8), byte(i)).String() }
	const locked = "192.0.2.1"
	start := time.Now()
	box := newPenaltyBox(2)
	box.strike(locked, strikeAuth, start)
	box.strike(locked, strikeAuth, start)
	for i := range 3 * maxLimiters {
		box.strike(addr(i), strikeAuth, start)
		if n := len(box.addrs); n > maxLimiters {
			t.Fatalf("%d addresses remembered after %d", n, i+1)
		}
	}
	// None had drained when the flood filled the map: the box forgot
	// them all, the locked address too.
	if r := box.admit(locked, start); r != nil {
		t.Errorf("the locked address after the flood: %+v", r)
	}

	box = newPenaltyBox(2)
	box.strike(locked, strikeAuth, start)
	box.strike(locked, strikeAuth, start)
	for i := range maxLimiters - 1 {
		box.strike(addr(i), strikeAuth, start) // 30 s of penalty each
	}
	// 30 s on, the flood's penalties have drained and the locked address
	// is still locked: pruning keeps only it
	at := start.Add(30 * time.Second)
	if r := box.strike(addr(maxLimiters), strikeAuth, at); r != nil {
		t.Errorf("a new address: %+v", r)
	}
	if n := len(box.addrs); n != 2 {
		t.Errorf("%d addresses remembered after pruning, want 2", n)
	}
	if r := box.admit(locked, at); r == nil || r.verdict != rateRefuse {
		t.Errorf("the locked address after pruning: %+v", r)
	}
}

func TestHostOf(t *testing.T) {
	for _, tc := range []struct {
		addr net.Addr
		want string
	}{
		{&net.TCPAddr{IP: net.IPv4(192, 0, 2, 7), Port: 5000}, "192.0.2.7"},
		{&net.TCPAddr{IP: net.ParseIP("2001:db8::1"), Port: 22}, "2001:db8::1"},
		{&net.UnixAddr{Name: "/run/x.sock", Net: "unix"}, "/run/x.sock"},
	} {
		if got := hostOf(tc.addr); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.addr, got, tc.want)
		}
	}
}

// A connection logging in is a strike until it opens a session: with N
// failures tolerated, N may log in at once, and the one after them is
// refused (without a lockout) while they would lock the address out.
func TestPenaltyBoxPending(t *testing.T) {
	const a = "192.0.2.1"
	start := time.Now()
	box := newPenaltyBox(3) // a strike is 20 s; locked over 40 s
	for i := range 3 {
		if r := box.admit(a, start); r != nil {
			t.Fatalf("login %d: %+v", i+1, r)
		}
	}
	if r := box.admit(a, start); r == nil || r.kind != strikePending || r.wait != 20*time.Second {
		t.Fatalf("a fourth at once: %+v", r)
	}
	box.settle(a, start) // one opens a session
	if r := box.admit(a, start); r != nil {
		t.Fatalf("after a session: %+v", r)
	}
	// two fail: 40 s of penalty, and two still logging in
	box.settle(a, start)
	box.strike(a, strikeAuth, start)
	box.settle(a, start)
	box.strike(a, strikeAuth, start)
	if r := box.admit(a, start.Add(10*time.Second)); r == nil || r.kind != strikePending || r.wait != 10*time.Second {
		t.Fatalf("with two failed and one logging in: %+v", r)
	}
	box.settle(a, start.Add(10*time.Second)) // it opens a session
	if r := box.admit(a, start.Add(10*time.Second)); r != nil {
		t.Fatalf("after it opened a session: %+v", r)
	}
	box.settle(a, start.Add(10*time.Second))
	if n := len(box.addrs); n != 1 {
		t.Fatalf("%d addresses", n)
	}
	box.settle(a, start.Add(time.Minute)) // nothing pending: no harm
	if n := len(box.addrs); n != 0 {
		t.Errorf("%d addresses after the penalty drained", n)
	}
}
