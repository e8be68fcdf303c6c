package sshserver

import (
	"io"
	"net"
	"strings"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/ssh"
)

// input is a session's keyboard. A pump reads what the client sends as it
// arrives, noting when (so a reader slow to take its keys is not idle), and
// a feeder passes it on through a pipe the reader reads from: a net.Pipe, so
// that a read can time out (the background query) without losing what
// comes after.
type input struct {
	r, w   net.Conn
	chunks chan []byte
	last   atomic.Int64 // unix nanoseconds of the last input
	eof    chan struct{}

	// Used by the background query, then by the reader, never at once:
	ahead   []byte // typed while the query was out; the reader gets it first
	replies []byte // the terminal's replies, for the query
	partial []byte // the start of a reply still arriving
}

func newInput(src io.Reader) *input {
	r, w := net.Pipe()
	in := &input{r: r, w: w, chunks: make(chan []byte, 64), eof: make(chan struct{})}
	in.last.Store(time.Now().UnixNano())
	go in.pump(src)
	go in.feed()
	return in
}

func (in *input) pump(src io.Reader) {
	defer close(in.chunks)
	buf := make([]byte, 1024)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			in.last.Store(time.Now().UnixNano())
			in.chunks <- append([]byte(nil), buf[:n]...)
		}
		if err != nil {
			return
		}
	}
}

func (in *input) feed() {
	defer close(in.eof)
	defer in.w.Close()
	for c := range in.chunks {
		if _, err := in.w.Write(c); err != nil {
			// the reader is gone; drain so the pump is not blocked
			for range in.chunks {
			}
			return
		}
	}
}

func (in *input) Read(p []byte) (int, error) {
	if len(in.ahead) > 0 {
		n := copy(p, in.ahead)
		in.ahead = in.ahead[n:]
		return n, nil
	}
	return in.r.Read(p)
}

// Close ends pending and later reads; the pump stops when the session ends.
func (in *input) Close() error { return in.r.Close() }

func (in *input) lastInput() time.Time { return time.Unix(0, in.last.Load()) }

// startQuery bounds the query's reads by the deadline.
func (in *input) startQuery(deadline time.Time) { _ = in.r.SetReadDeadline(deadline) }

// endQuery gives the reader whatever the query did not take.
func (in *input) endQuery() {
	_ = in.r.SetReadDeadline(time.Time{})
	in.ahead = append(in.ahead, in.partial...)
	in.partial, in.replies = nil, nil
}

// readReplies reads only the terminal's replies to a query (OSC strings and
// device attributes); keys typed meanwhile are kept for the reader.
func (in *input) readReplies(p []byte) (int, error) {
	buf := make([]byte, 256)
	for len(in.replies) == 0 {
		n, err := in.r.Read(buf)
		data := append(in.partial, buf[:n]...)
		var typed []byte
		in.replies, typed, in.partial = splitReplies(data)
		in.ahead = append(in.ahead, typed...)
		if err != nil {
			return 0, err
		}
	}
	n := copy(p, in.replies)
	in.replies = in.replies[n:]
	return n, nil
}

// splitReplies separates a terminal's replies (ESC ] … BEL or ST, and
// ESC [ ? … c) from typing, and returns an unfinished reply at the end as
// partial.
func splitReplies(b []byte) (replies, typed, partial []byte) {
	for i := 0; i < len(b); {
		if b[i] != 0x1b {
			typed = append(typed, b[i])
			i++
			continue
		}
		end, done := replyEnd(b[i:])
		switch {
		case !done && len(b)-i < 128:
			return replies, typed, append([]byte(nil), b[i:]...)
		case end > 0:
			replies = append(replies, b[i:i+end]...)
			i += end
		default:
			typed = append(typed, b[i])
			i++
		}
	}
	return replies, typed, nil
}

// replyEnd returns the length of the reply at the start of b (0 when b
// does not start with one), or done false when b may be one cut short.
func replyEnd(b []byte) (end int, done bool) {
	if len(b) < 3 {
		return 0, len(b) == 2 && b[1] != ']' && b[1] != '['
	}
	switch {
	case b[1] == ']':
		for j := 2; j < len(b); j++ {
			if b[j] == 0x07 {
				return j + 1, true
			}
			if b[j] == 0x1b {
				if j+1 == len(b) {
					return 0, false
				}
				if b[j+1] == '\\' {
					return j + 2, true
				}
				return 0, true
			}
		}
		return 0, false
	case b[1] == '[' && b[2] == '?':
		for j := 3; j < len(b); j++ {
			if b[j] >= 0x40 && b[j] <= 0x7e {
				if b[j] == 'c' {
					return j + 1, true
				}
				return 0, true
			}
		}
		return 0, false
	}
	return 0, true
}

// queryView is the session as wish's MakeRenderer sees it: its reads get
// the terminal's replies only.
type queryView struct {
	ssh.Session
	in *input
}

func (q queryView) Read(p []byte) (int, error) { return q.in.readReplies(p) }

func getenv(env []string, key string) string {
	for _, kv := range env {
		if v, ok := strings.CutPrefix(kv, key+"="); ok {
			return v
		}
	}
	return ""
}
