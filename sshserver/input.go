package sshserver

import (
	"io"
	"net"
	"sync/atomic"
	"time"
)

// input is a session's keyboard. A pump reads what the client sends as it
// arrives, noting when (so a reader slow to take its keys is not idle), and
// a feeder passes it on through a pipe the reader reads from: a net.Pipe, so
// that a read can time out (asking the terminal what it can do) without
// losing what comes after.
type input struct {
	r, w   net.Conn
	chunks chan []byte
	last   atomic.Int64 // unix nanoseconds of the last input
	eof    chan struct{}

	// keys typed while the terminal was being asked what it can do; the
	// reader gets them first
	ahead []byte
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
