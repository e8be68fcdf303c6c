package ui

import (
	"os"
	"syscall"
	"testing"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/creack/pty"
)

// openPty gives a terminal (master) and the program's side of it, opened
// non-blocking like the reader opens /dev/tty.
func openPty(t *testing.T) (master, tty *os.File) {
	t.Helper()
	m, s, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	t.Cleanup(func() { m.Close(); s.Close() })
	fd, err := syscall.Open(s.Name(), syscall.O_RDWR|syscall.O_NOCTTY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0)
	if err != nil {
		t.Fatal(err)
	}
	tty = os.NewFile(uintptr(fd), s.Name())
	t.Cleanup(func() { tty.Close() })
	if _, err := term.MakeRaw(tty.Fd()); err != nil {
		t.Fatal(err)
	}
	return m, tty
}

// answer plays a terminal: it waits for the query, then writes replies.
func answer(t *testing.T, master *os.File, replies ...string) {
	go func() {
		buf := make([]byte, 64)
		master.Read(buf)
		for _, r := range replies {
			master.WriteString(r)
		}
	}()
}

func TestQueryBackground(t *testing.T) {
	const osc = "\x1b]11;rgb:ffff/ffff/ffff\x1b\\"
	const oscDark = "\x1b]11;rgb:1c1c/1c1c/1c1c\x07"
	const cpr = "\x1b[12;1R"
	tests := []struct {
		name      string
		replies   []string
		dark, ok  bool
		maxMillis int
	}{
		{"light, in order", []string{osc, cpr}, false, true, 200},
		{"dark, BEL, in order", []string{oscDark, cpr}, true, true, 200},
		{"cursor report first", []string{cpr, osc}, false, true, 200},
		{"no OSC 11 support", []string{cpr}, true, false, 200},
		{"silent terminal", nil, true, false, 600},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			master, tty := openPty(t)
			answer(t, master, tt.replies...)
			start := time.Now()
			dark, ok := QueryBackground(tty, 300*time.Millisecond)
			if d := time.Since(start); d > time.Duration(tt.maxMillis)*time.Millisecond {
				t.Errorf("took %v", d)
			}
			if dark != tt.dark || ok != tt.ok {
				t.Errorf("got dark=%v ok=%v, want %v %v", dark, ok, tt.dark, tt.ok)
			}
		})
	}
}

func TestParseBackground(t *testing.T) {
	for in, want := range map[string]bool{"rgb:0000/0000/0000": true, "rgb:ff/ff/ff": false, "rgb:f/f/f": false, "rgb:2e2e/3434/4040": true} {
		if dark, ok := parseBackground(in); !ok || dark != want {
			t.Errorf("%s: dark=%v ok=%v", in, dark, ok)
		}
	}
	for _, bad := range []string{"", "rgb:", "rgb:zz/00/00", "cmy:1/2/3", "rgb:12345/0/0"} {
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
