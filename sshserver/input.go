package sshserver

import (
	"io"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// input is a session's keyboard. A pump reads what the client sends as it
// arrives, noting when (so a reader slow to take its keys is not idle), and
// the reader takes it chunk by chunk.
type input struct {
	chunks chan []byte
	rest   []byte       // of the chunk being read
	last   atomic.Int64 // unix nanoseconds of the last input
	eof    chan struct{}
	closed chan struct{}
	atEOF  sync.Once
	close  sync.Once
}

func newInput(src io.Reader) *input {
	in := &input{chunks: make(chan []byte, 64), eof: make(chan struct{}), closed: make(chan struct{})}
	in.last.Store(time.Now().UnixNano())
	go in.pump(src)
	return in
}

func (in *input) pump(src io.Reader) {
	defer close(in.chunks)
	buf := make([]byte, 1024)
	for {
		n, err := src.Read(buf)
		if n > 0 {
			in.last.Store(time.Now().UnixNano())
			select {
			case in.chunks <- append([]byte(nil), buf[:n]...):
			case <-in.closed:
				return // the reader is gone
			}
		}
		if err != nil {
			return
		}
	}
}

// Read gives the reader what the client sent; when the client has closed
// its input and all of it was read, eof is closed.
func (in *input) Read(p []byte) (int, error) {
	for len(in.rest) == 0 {
		select {
		case c, ok := <-in.chunks:
			if !ok {
				in.atEOF.Do(func() { close(in.eof) })
				return 0, io.EOF
			}
			in.rest = c
		case <-in.closed:
			return 0, net.ErrClosed
		}
	}
	n := copy(p, in.rest)
	in.rest = in.rest[n:]
	return n, nil
}

// Close ends pending and later reads; the pump stops when the session ends.
func (in *input) Close() error {
	in.close.Do(func() { close(in.closed) })
	return nil
}

func (in *input) lastInput() time.Time { return time.Unix(0, in.last.Load()) }
