package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/creack/pty"

	"copydesk/internal/termtest"
)

// The reader as a person runs it: the built binary in a pseudo-terminal of
// its own, keys typed, the window resized (the kernel signals the reader),
// q to leave, and the terminal as it was.
func TestReaderInATerminal(t *testing.T) {
	cmd := exec.Command(buildReader(t))
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "XDG_DATA_HOME="+t.TempDir())
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer tty.Close()
	scr := termtest.New(100, 30)
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := tty.Read(buf)
			out := buf[:n]
			// answer as a terminal does: the colour, then the cursor
			if strings.Contains(string(out), "\x1b[6n") {
				tty.WriteString("\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[1;1R")
			}
			scr.Write(out)
			if err != nil {
				return
			}
		}
	}()
	scr.WaitFor(t, "¶ 1/18")
	scr.WaitFor(t, "Speakers (6)")
	tty.WriteString("jj")
	scr.WaitFor(t, "¶ 3/18")
	if err := pty.Setsize(tty, &pty.Winsize{Cols: 60, Rows: 20}); err != nil {
		t.Fatal(err)
	}
	scr.Resize(60, 20)
	deadline := time.Now().Add(10 * time.Second)
	nudge := time.Now().Add(2 * time.Second)
	for !strings.Contains(scr.Row(19), "¶ 3/18") || strings.Contains(scr.Text(), "Speakers") {
		if time.Now().After(deadline) {
			t.Fatalf("no 60x20 frame after the resize:\n%s", scr.Text())
		}
		if time.Now().After(nudge) {
			// Bubble Tea starts listening for SIGWINCH in a goroutine
			// of its own after the first frame; on a machine busy enough
			// it may not listen yet when the kernel signals. The size is
			// read when the signal comes, so another one tells.
			_ = cmd.Process.Signal(syscall.SIGWINCH)
			nudge = time.Now().Add(2 * time.Second)
		}
		time.Sleep(5 * time.Millisecond)
	}
	tty.WriteString("?")
	scr.WaitFor(t, "copydesk keys")
	tty.WriteString("q")
	scr.WaitFor(t, "¶ 3/18")
	tty.WriteString("q")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("q did not end the reader")
	}
	if scr.Mode(1049) || !scr.Mode(25) || scr.Mode(1006) {
		t.Error("the terminal was not restored")
	}
}

// buildReader builds the binary for a test.
func buildReader(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := filepath.Join(t.TempDir(), "copydesk")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("build: %v\n%s", err, out)
	}
	return bin
}

// On a terminal that answers no query (a serial console, some
// multiplexers) the reader comes up at once: nothing at the start waits
// for the answers, not even Bubble Tea's own question at initialisation,
// which used to hold the first frame for termenv's 5 s timeout.
func TestReaderSilentTerminal(t *testing.T) {
	cmd := exec.Command(buildReader(t))
	cmd.Env = append(os.Environ(), "TERM=xterm-256color", "XDG_DATA_HOME="+t.TempDir())
	start := time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: 100, Rows: 30})
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer tty.Close()
	scr := termtest.New(100, 30)
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := tty.Read(buf)
			scr.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	scr.WaitFor(t, "¶ 1/18")
	d := time.Since(start)
	t.Logf("first frame on a silent terminal %v after the start", d)
	// generous for a busy machine, and far below the 5 s it was
	if d > 2500*time.Millisecond {
		t.Errorf("the first frame took %v", d)
	}
	tty.WriteString("q")
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("exit: %v", err)
		}
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("q did not end the reader")
	}
}
