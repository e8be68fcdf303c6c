package ui

import (
	"bytes"
	"net"
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/creack/pty"
)

// fakeTerminal answers the query with replies, each written separately
// (so a reply may arrive cut in two), once it has read the query.
type fakeTerminal struct {
	conn    net.Conn
	replies []string
	asked   chan []byte
}

func (f *fakeTerminal) Write(p []byte) (int, error) {
	f.asked <- append([]byte(nil), p...)
	go func() {
		for _, r := range f.replies {
			if _, err := f.conn.Write([]byte(r)); err != nil {
				return
			}
		}
	}()
	return len(p), nil
}

func TestQueryTerminal(t *testing.T) {
	const (
		light    = "\x1b]11;rgb:ffff/ffff/ffff\x1b\\"
		dark     = "\x1b]11;rgb:1c1c/1c1c/1c1c\x07"
		cpr      = "\x1b[12;1R"
		syncOn   = "\x1b[?2026;2$y"
		syncNone = "\x1b[?2026;0$y"
	)
	tests := []struct {
		name             string
		replies          []string
		dark, known, syn bool
		typed            string
	}{
		{"light, in order", []string{light, syncOn, cpr}, false, true, true, ""},
		{"dark with BEL", []string{dark, cpr}, true, true, false, ""},
		{"cursor report first, colour late", []string{cpr, light}, false, true, false, ""},
		{"no OSC 11, mode unknown", []string{syncNone, cpr}, true, false, false, ""},
		{"replies cut in pieces", []string{"\x1b]11;rgb:ff", "ff/ffff/ffff\x1b", "\\\x1b[?2026;", "1$y\x1b[1", ";1R"}, false, true, true, ""},
		{"keys typed among the replies", []string{"jk", light, "\x1b[A", cpr, "q"}, false, true, false, "jk\x1b[A"},
		{"silent terminal", nil, true, false, false, ""},
		{"only keys", []string{"j\x1b"}, true, false, false, "j\x1b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ours, theirs := net.Pipe()
			defer ours.Close()
			defer theirs.Close()
			ft := &fakeTerminal{conn: theirs, replies: tt.replies, asked: make(chan []byte, 1)}
			caps, typed := QueryTerminal(ours, ft, 300*time.Millisecond)
			if q := <-ft.asked; !bytes.Contains(q, []byte("\x1b]11;?")) || !bytes.Contains(q, []byte("\x1b[?2026$p")) || !bytes.HasSuffix(q, []byte("\x1b[6n")) {
				t.Errorf("query %q", q)
			}
			if caps.Dark != tt.dark || caps.KnownBackground != tt.known || caps.Sync != tt.syn {
				t.Errorf("got %+v, want dark=%v known=%v sync=%v", caps, tt.dark, tt.known, tt.syn)
			}
			if string(typed) != tt.typed {
				t.Errorf("typed %q, want %q", typed, tt.typed)
			}
		})
	}
}

// The query through a real pseudo-terminal, opened non-blocking as QueryTTY
// opens /dev/tty: a terminal that never answers costs the timeout, no more.
func TestQueryTerminalPty(t *testing.T) {
	m, s, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer m.Close()
	defer s.Close()
	fd, err := syscall.Open(s.Name(), syscall.O_RDWR|syscall.O_NOCTTY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	tty := os.NewFile(uintptr(fd), s.Name())
	defer tty.Close()
	if _, err := term.MakeRaw(tty.Fd()); err != nil {
		t.Fatal(err)
	}
	go func() {
		buf := make([]byte, 64)
		m.Read(buf)
		m.WriteString("\x1b]11;rgb:0000/0000/0000\x07\x1b[1;1R")
	}()
	caps, _ := QueryTerminal(tty, tty, 2*time.Second)
	if !caps.Dark || !caps.KnownBackground {
		t.Errorf("got %+v", caps)
	}
	start := time.Now()
	caps, _ = QueryTerminal(tty, tty, 200*time.Millisecond)
	if caps.KnownBackground {
		t.Errorf("a silent terminal reported %+v", caps)
	}
	if d := time.Since(start); d < 200*time.Millisecond {
		t.Errorf("gave up after %v, before the timeout", d)
	}
}

func TestParseBackground(t *testing.T) {
	for in, want := range map[string]bool{"rgb:0000/0000/0000": true, "rgb:ff/ff/ff": false, "rgb:f/f/f": false, "rgb:2e2e/3434/4040": true} {
		if dark, ok := parseBackground(in); !ok || dark != want {
			t.Errorf("%s: dark=%v ok=%v", in, dark, ok)
		}
	}
	for _, bad := range []string{"", "rgb:", "rgb:0/0", "rgb:00000/0/0", "rgb:zz/00/00", "#000000"} {
		if _, ok := parseBackground(bad); ok {
			t.Errorf("%q parsed", bad)
		}
	}
}

func TestStrayReplyIsNotTyped(t *testing.T) {
	m := newReader(t, contentEmbedded(), 120, 40)
	// a late reply to a colour query, as the key reader delivers it
	for _, msg := range []keyOrAlt{{alt: true, s: "]"}, {s: "11;rgb:0000/0000/0000"}, {alt: true, s: "\\"}} {
		next, _ := m.Update(msg.msg())
		m = next.(Model)
	}
	if m.searching || m.pane.focus != 0 || m.msg != "" {
		t.Errorf("the reply was taken for keys: searching=%v focus=%d msg=%q", m.searching, m.pane.focus, m.msg)
	}
	m = press(t, m, "j")
	wantStatus(t, m, `¶ 2/18`)
}
