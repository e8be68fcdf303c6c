package sshserver

import (
	"fmt"
	"net"
	"sync"
	"time"
)

// penaltyBox refuses the addresses that fail, as OpenSSH's
// PerSourcePenalties does: it counts what a connection came to, not that it
// came. A connection that opens a session costs its address nothing, so
// the colleagues behind one office NAT address may connect as often as
// they like (--max-sessions caps the load). A connection that ends without
// ever opening a session costs its address one strike, whatever the reason
// (strikeKind): a failed login, a connection that logged in (or never
// tried) and left, one that hit the handshake timeout, one that never got
// through the SSH handshake. One connection is at most one strike: a client
// offering several keys before the right one is not penalised.
//
// The rule, with N failures tolerated a minute (Config.RatePerMinute):
// each strike adds a minute/N to the address's penalty, and the penalty
// drains in real time, so failures at up to N a minute never add up. A
// strike that leaves the penalty over N-1 strikes' worth (N failures in a
// row, or more spread out, faster than N a minute: a token bucket of N
// strikes, refilled at N a minute, that the strike found with its last
// token) locks the address out until its penalty has drained completely:
// about a minute. Strikes from connections still under way when the
// lockout began lengthen it, up to maxPenalty.
//
// Why a penalty that drains to zero rather than a bucket that refills by
// the token: a bucket lets a locked-out address back in at its first new
// token (a minute/N later) to fail again, so an attacker keeps guessing at
// the full rate; draining to zero gives a real pause, and the whole
// allowance back after it. The penalty is one time per address, so the
// memory is small and the rule is arithmetic on an injected clock.
//
// A connection counts as a strike from its key exchange until it opens a
// session (pending): the one that ends without a session may not have
// closed yet when the next arrives. So at most N connections from an
// address may be logging in at once (a few milliseconds each for a
// person's ssh); one more is refused, without a lockout, until they
// would no longer lock the address out if they all failed.
//
// Refused connections are not strikes (a colleague retrying behind the
// same address does not extend the lockout): each is told why and when
// to try again. An address refused more than N times in one lockout is
// dropped before the handshake until the lockout ends: not worth one.
type penaltyBox struct {
	perMinute int
	cost      time.Duration // the penalty for one strike
	threshold time.Duration // locked out over this: N-1 strikes

	mu    sync.Mutex
	addrs map[string]*penalty
}

// strikeKind is why a connection cost its address a strike.
type strikeKind int

const (
	strikeAuth      strikeKind = iota + 1 // a login failed (a key not allowed, a password)
	strikeNoSession                       // closed without a session
	strikeTimeout                         // no session within the handshake timeout
	strikeProtocol                        // failed (or never started) the SSH handshake
	strikePending                         // (a refusal) too many logging in at once
)

func (k strikeKind) String() string {
	return [...]string{"", "failed login", "no session", "handshake timeout", "protocol error", "logging in"}[k]
}

// phrase is what a refusal says of the kind: "too many "+noun+" from
// ADDR"+suffix.
func (k strikeKind) phrase() (noun, suffix string) {
	switch k {
	case strikeAuth:
		return "failed logins", ""
	case strikeTimeout:
		return "connections", " that opened no session in time"
	case strikeProtocol:
		return "connections", " that failed the SSH handshake"
	case strikePending:
		return "connections", " logging in at once"
	}
	return "connections", " that opened no session"
}

type penalty struct {
	until   time.Time // the penalty is until-now; nothing once past
	locked  bool      // refused until until
	kind    strikeKind
	refused int // connections refused in this lockout
	pending int // connections logging in, not refused: each a strike until it opens a session
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

// refusal is why a connection is refused and for how long.
type refusal struct {
	verdict rateVerdict
	kind    strikeKind    // the strike that locked the address out
	wait    time.Duration // until the lockout ends
}

// maxPenalty caps an address's penalty, so a lockout never runs longer
// than this, whatever was under way when it began.
const maxPenalty = 10 * time.Minute

// maxLimiters bounds the penalty box's memory under a flood from many
// addresses.
const maxLimiters = 1 << 14

func newPenaltyBox(perMinute int) *penaltyBox {
	return &penaltyBox{
		perMinute: perMinute,
		cost:      time.Minute / time.Duration(perMinute),
		threshold: time.Minute - time.Minute/time.Duration(perMinute),
		addrs:     map[string]*penalty{},
	}
}

// get is addr's penalty at now, nil for none; a lockout that has ended is
// forgotten.
func (b *penaltyBox) get(addr string, now time.Time) *penalty {
	p := b.addrs[addr]
	if p != nil && !now.Before(p.until) && p.pending == 0 {
		delete(b.addrs, addr)
		return nil
	}
	return p
}

// settle ends a connection's pending strike: it opened a session, or it
// ended (and strike records what it came to).
func (b *penaltyBox) settle(addr string, now time.Time) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if p := b.addrs[addr]; p != nil && p.pending > 0 {
		p.pending--
	}
	b.get(addr, now) // forgotten if drained

}

// strike records a connection from addr that ended without a session. It
// returns the lockout when this strike began one.
func (b *penaltyBox) strike(addr string, kind strikeKind, now time.Time) (locked *refusal) {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.get(addr, now)
	if p == nil {
		p = b.add(addr, now)
	}
	p.until = later(p.until, now).Add(b.cost)
	if cap := now.Add(maxPenalty); p.until.After(cap) {
		p.until = cap
	}
	if p.locked || p.until.Sub(now) <= b.threshold {
		return nil
	}
	p.locked, p.kind, p.refused = true, kind, 0
	return &refusal{verdict: rateRefuse, kind: kind, wait: p.until.Sub(now)}
}

func (b *penaltyBox) add(addr string, now time.Time) *penalty {
	if len(b.addrs) >= maxLimiters {
		b.prune(now)
	}
	p := &penalty{until: now}
	b.addrs[addr] = p
	return p
}

func later(a, b time.Time) time.Time {
	if a.After(b) {
		return a
	}
	return b
}

// admit decides on a connection from addr at now, that has got as far as
// logging in: nil lets it in, and it is a pending strike until settled.
// A refusal for a lockout counts towards the drop.
func (b *penaltyBox) admit(addr string, now time.Time) *refusal {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.get(addr, now)
	if p == nil {
		p = b.add(addr, now)
	}
	if p.locked {
		p.refused++
		return &refusal{verdict: rateRefuse, kind: p.kind, wait: p.until.Sub(now)}
	}
	// this connection's strike, with the pending ones, as if they failed
	worst := later(p.until, now).Sub(now) + time.Duration(p.pending+1)*b.cost
	if worst > b.threshold+b.cost {
		return &refusal{verdict: rateRefuse, kind: strikePending, wait: worst - b.threshold - b.cost}
	}
	p.pending++
	return nil
}

// dropped tells whether a new connection from addr at now is not worth a
// handshake: its address is locked out and was refused often enough.
func (b *penaltyBox) dropped(addr string, now time.Time) *refusal {
	b.mu.Lock()
	defer b.mu.Unlock()
	p := b.get(addr, now)
	if p == nil || !p.locked || p.refused < b.perMinute {
		return nil
	}
	return &refusal{verdict: rateDrop, kind: p.kind, wait: p.until.Sub(now)}
}

// prune forgets the addresses whose penalty has drained (they are as good
// as new); if a flood leaves none drained, it forgets everyone rather than
// grow without bound.
func (b *penaltyBox) prune(now time.Time) {
	for k, p := range b.addrs {
		if !now.Before(p.until) && p.pending == 0 {
			delete(b.addrs, k)
		}
	}
	if len(b.addrs) >= maxLimiters {
		clear(b.addrs)
	}
}

// waitText is a wait for people: whole seconds, rounded up.
func waitText(d time.Duration) string {
	return ((d + time.Second - 1) / time.Second * time.Second).String()
}

// logText is what the server log says of a refusal from addr.
func (r *refusal) logText(addr string) string {
	noun, suffix := r.kind.phrase()
	return fmt.Sprintf("too many %s from %s%s; try again in %s", noun, addr, suffix, waitText(r.wait))
}

// bannerText is what the refused client is told.
func (r *refusal) bannerText(addr string) string {
	noun, suffix := r.kind.phrase()
	return fmt.Sprintf("copydesk: too many %s from your address (%s)%s; try again in %s\r\n", noun, addr, suffix, waitText(r.wait))
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
