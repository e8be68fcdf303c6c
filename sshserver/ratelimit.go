package sshserver

import (
	"net"
	"sync"
	"time"

	"golang.org/x/time/rate"
)

// rateLimiter limits new connections per remote address: a token bucket
// (golang.org/x/time/rate) for each, refilled at perMinute tokens a minute
// with a burst of as many.
//
// A connection that finds a token is let in. One that finds none is
// refused, and its try still counts: it reserves a future token, so an
// address that keeps trying waits longer. Once an address owes more than a
// minute's worth of tokens (its burst), it is dropped before the handshake
// and no longer runs up its debt.
type rateLimiter struct {
	limit rate.Limit
	burst int

	mu       sync.Mutex
	limiters map[string]*rate.Limiter
}

type rateVerdict int

const (
	rateAllow  rateVerdict = iota
	rateRefuse             // told why, and login fails
	rateDrop               // closed before the handshake
)

func (v rateVerdict) String() string {
	return [...]string{"allow", "refuse", "drop"}[v]
}

// maxDebt is how far in the future an address may have booked tokens with
// refused tries before it is dropped: at the full rate, a whole burst.
const maxDebt = time.Minute

// maxLimiters bounds the limiter's memory under a flood from many
// addresses.
const maxLimiters = 1 << 14

func newRateLimiter(perMinute int) *rateLimiter {
	return &rateLimiter{
		limit:    rate.Limit(float64(perMinute) / 60), // tokens a second
		burst:    perMinute,
		limiters: map[string]*rate.Limiter{},
	}
}

// take decides on a new connection from addr at now.
func (r *rateLimiter) take(addr string, now time.Time) rateVerdict {
	r.mu.Lock()
	defer r.mu.Unlock()
	lim := r.limiters[addr]
	if lim == nil {
		if len(r.limiters) >= maxLimiters {
			r.prune(now)
		}
		lim = rate.NewLimiter(r.limit, r.burst)
		r.limiters[addr] = lim
	}
	res := lim.ReserveN(now, 1)
	switch wait := res.DelayFrom(now); {
	case wait == 0:
		return rateAllow
	case wait <= maxDebt:
		return rateRefuse // the reservation stands: the try counts
	default:
		res.CancelAt(now)
		return rateDrop
	}
}

// prune forgets the addresses whose bucket has refilled (they are as good
// as new); if a flood leaves none full, it forgets everyone rather than
// grow without bound.
func (r *rateLimiter) prune(now time.Time) {
	for k, lim := range r.limiters {
		if lim.TokensAt(now) >= float64(r.burst) {
			delete(r.limiters, k)
		}
	}
	if len(r.limiters) >= maxLimiters {
		clear(r.limiters)
	}
}

// hostOf is the address a connection comes from, without its port.
func hostOf(a net.Addr) string {
	if t, ok := a.(*net.TCPAddr); ok {
		return t.IP.String()
	}
	if h, _, err := net.SplitHostPort(a.String()); err == nil {
		return h
	}
	return a.String()
}
