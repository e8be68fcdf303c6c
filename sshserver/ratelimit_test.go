package sshserver

import (
	"net"
	"testing"
	"time"
)

func TestRateLimiter(t *testing.T) {
	const a, b = "192.0.2.1", "192.0.2.2"
	type step struct {
		at   time.Duration // since the start
		addr string
		want rateVerdict
	}
	for _, tc := range []struct {
		name      string
		perMinute int
		steps     []step
	}{
		{"a burst of the rate, then refused, then dropped", 2, []step{
			{0, a, rateAllow}, {0, a, rateAllow},
			{0, a, rateRefuse}, {0, a, rateRefuse},
			{0, a, rateDrop}, {0, a, rateDrop},
			{0, b, rateAllow}, // another address is not limited
		}},
		{"refused tries count, drops do not", 2, []step{ // a token every 30 s
			{0, a, rateAllow}, {0, a, rateAllow}, {0, a, rateRefuse}, {0, a, rateRefuse},
			{0, a, rateDrop}, {0, a, rateDrop}, {0, a, rateDrop},
			// the two refused tries are owed, the drops are not: 59 s
			// on, the address has no token yet, and may owe one more
			{59 * time.Second, a, rateRefuse},
			{59 * time.Second, a, rateDrop},
			// paid off, it has its burst again
			{155 * time.Second, a, rateAllow},
			{155 * time.Second, a, rateAllow},
			{155 * time.Second, a, rateRefuse},
		}},
		{"the bucket refills to the burst and no more", 2, []step{
			{0, a, rateAllow}, {0, a, rateAllow},
			{4 * time.Minute, a, rateAllow}, {4 * time.Minute, a, rateAllow}, {4 * time.Minute, a, rateRefuse},
		}},
		{"after the burst, the rate", 3, []step{ // a token every 20 s
			{0, a, rateAllow}, {0, a, rateAllow}, {0, a, rateAllow},
			{21 * time.Second, a, rateAllow},
			{22 * time.Second, a, rateRefuse},
			{63 * time.Second, a, rateAllow},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := newRateLimiter(tc.perMinute)
			start := time.Now()
			for i, s := range tc.steps {
				if got := r.take(s.addr, start.Add(s.at)); got != s.want {
					t.Errorf("step %d (%s at %v): %v, want %v", i+1, s.addr, s.at, got, s.want)
				}
			}
		})
	}
}

// A flood from many addresses leaves the limiter at most maxLimiters
// addresses to remember; it forgets the ones as good as new first.
func TestRateLimiterFlood(t *testing.T) {
	addr := func(i int) string { return net.IPv4(10, byte(i>>16), byte(i>>8), byte(i)).String() }
	const debtor = "192.0.2.1"
	start := time.Now()
	r := newRateLimiter(2)
	for range 4 {
		r.take(debtor, start) // two let in, two refused: a minute owed
	}
	for i := range 3 * maxLimiters {
		r.take(addr(i), start)
		if n := len(r.limiters); n > maxLimiters {
			t.Fatalf("%d addresses remembered after %d", n, i+1)
		}
	}
	// None was as good as new when the flood filled the map: the limiter
	// forgot them all, the debtor too.
	if got := r.take(debtor, start); got != rateAllow {
		t.Errorf("the debtor after the flood: %v, want %v", got, rateAllow)
	}

	r = newRateLimiter(2)
	for range 4 {
		r.take(debtor, start)
	}
	for i := range maxLimiters - 1 {
		r.take(addr(i), start) // one token left each
	}
	// 30 s on, the flood's buckets are full and the debtor still owes:
	// pruning keeps only the debtor
	at := start.Add(30 * time.Second)
	if got := r.take(addr(maxLimiters), at); got != rateAllow {
		t.Errorf("a new address: %v", got)
	}
	if n := len(r.limiters); n != 2 {
		t.Errorf("%d addresses remembered after pruning, want 2", n)
	}
	if got := r.take(debtor, at); got != rateRefuse {
		t.Errorf("the debtor after pruning: %v, want %v", got, rateRefuse)
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
