package ui

import (
	"io"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/term"
)

// Caps is what a terminal said of itself when asked.
type Caps struct {
	// Dark is whether the background is dark; dark is assumed when the
	// terminal did not say (KnownBackground false).
	Dark, KnownBackground bool
	// Sync is whether the terminal draws synchronized updates (mode 2026).
	Sync bool
}

// query asks for the background colour (OSC 11) and for synchronized output
// (DECRQM 2026), then for the cursor position: every terminal answers that
// last one, in order, so its reply says that no other is coming.
const query = "\x1b]11;?\x1b\\" + ansi.RequestModeSynchronizedOutput + ansi.RequestCursorPositionReport

// lateReplyGrace is how long an OSC 11 reply may trail the cursor report:
// some terminals and multiplexers answer colour queries on their own time.
const lateReplyGrace = 30 * time.Millisecond

// deadlineReader is a terminal's input whose reads can be bounded: a tty
// opened non-blocking, or an SSH session's input pipe.
type deadlineReader interface {
	io.Reader
	SetReadDeadline(time.Time) error
}

// QueryTerminal asks the terminal on in and out (in raw mode) what it can
// do, waiting at most timeout. Its replies are read here, whichever order
// they come in, so none is left for the key reader to take for typing;
// anything else that arrived meanwhile (keys typed) is returned for it.
func QueryTerminal(in deadlineReader, out io.Writer, timeout time.Duration) (Caps, []byte) {
	caps := Caps{Dark: true}
	if _, err := io.WriteString(out, query); err != nil {
		return caps, nil
	}
	defer in.SetReadDeadline(time.Time{})
	deadline := time.Now().Add(timeout)
	p := ansi.GetParser()
	defer ansi.PutParser(p)
	var pending, typed []byte
	var cprAt time.Time
	chunk := make([]byte, 256)
	for {
		for len(pending) > 0 {
			avail := pending
			if avail[len(avail)-1] == ansi.ESC {
				// Maybe the start of an ST that ends a reply: the
				// decoder would take a lone ESC for a cancel.
				avail = avail[:len(avail)-1]
			}
			if len(avail) == 0 {
				break
			}
			seq, _, n, state := ansi.DecodeSequence(avail, ansi.NormalState, p)
			if state != ansi.NormalState {
				break // a sequence cut short: wait for its end
			}
			switch reply(seq, p, &caps) {
			case cursorReport:
				if cprAt.IsZero() {
					cprAt = time.Now()
				}
			case notReply:
				typed = append(typed, seq...)
			}
			pending = pending[n:]
		}
		limit := deadline
		if !cprAt.IsZero() {
			if caps.KnownBackground {
				return caps, typed
			}
			if grace := cprAt.Add(lateReplyGrace); grace.Before(limit) {
				limit = grace
			}
		}
		if !time.Now().Before(limit) || in.SetReadDeadline(limit) != nil {
			return caps, append(typed, pending...)
		}
		n, err := in.Read(chunk)
		pending = append(pending, chunk[:n]...)
		if err != nil && n == 0 && !os.IsTimeout(err) {
			return caps, append(typed, pending...)
		}
	}
}

type replyKind int

const (
	notReply replyKind = iota
	capsReply
	cursorReport
)

// reply reads one sequence the decoder p has just parsed: a reply to the
// query is recorded in caps.
func reply(seq []byte, p *ansi.Parser, caps *Caps) replyKind {
	cmd := ansi.Cmd(p.Command())
	switch {
	case ansi.HasOscPrefix(seq) && p.Command() == 11:
		_, color, _ := strings.Cut(string(p.Data()), ";")
		if dark, ok := parseBackground(color); ok {
			caps.Dark, caps.KnownBackground = dark, true
		}
		return capsReply
	case !ansi.HasCsiPrefix(seq):
		return notReply
	case cmd.Final() == 'R' && cmd.Prefix() == 0 && cmd.Intermediate() == 0 && len(p.Params()) == 2:
		return cursorReport
	case cmd.Final() == 'y' && cmd.Prefix() == '?' && cmd.Intermediate() == '$':
		mode, _, _ := p.Params().Param(0, 0)
		setting, _, _ := p.Params().Param(1, 0)
		if mode == 2026 {
			// 1 set, 2 reset, 3 permanently set: the mode exists.
			caps.Sync = setting >= 1 && setting <= 3
		}
		return capsReply
	}
	return notReply
}

// parseBackground reads "rgb:RRRR/GGGG/BBBB" (1 to 4 hex digits a channel).
func parseBackground(s string) (dark, ok bool) {
	s, found := strings.CutPrefix(s, "rgb:")
	parts := strings.Split(s, "/")
	if !found || len(parts) != 3 {
		return true, false
	}
	var lum float64
	for i, p := range parts {
		v, err := strconv.ParseUint(p, 16, 32)
		if err != nil || len(p) == 0 || len(p) > 4 {
			return true, false
		}
		c := float64(v) / float64(uint64(1)<<(4*len(p))-1)
		lum += c * []float64{0.2126, 0.7152, 0.0722}[i]
	}
	return lum < 0.5, true
}

// QueryTTY asks the process's controlling terminal what it can do (see
// QueryTerminal). When it does not say what its background is, COLORFGBG,
// which some terminals set, decides.
func QueryTTY(timeout time.Duration) Caps {
	caps := Caps{Dark: true}
	// Opened non-blocking so Go's poller serves it and the read deadline
	// holds: a terminal that never answers must not hang the start.
	if fd, err := syscall.Open("/dev/tty", syscall.O_RDWR|syscall.O_NOCTTY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0); err == nil {
		tty := os.NewFile(uintptr(fd), "/dev/tty")
		defer tty.Close()
		if state, err := term.MakeRaw(tty.Fd()); err == nil {
			// Keys typed in these few milliseconds are not replayed:
			// the reader reads the terminal itself.
			caps, _ = QueryTerminal(tty, tty, timeout)
			_ = term.Restore(tty.Fd(), state)
		}
	}
	if !caps.KnownBackground {
		if f := strings.Split(os.Getenv("COLORFGBG"), ";"); len(f) >= 2 {
			if bg, err := strconv.Atoi(f[len(f)-1]); err == nil {
				caps.Dark = bg < 7 || bg == 8
			}
		}
	}
	return caps
}

// oscReplyRunes reports whether runes are part of a terminal's reply to a
// colour query that arrived too late and reads as keys: alt+], then the
// digits, letters and punctuation of "11;rgb:0000/0000/0000", then alt+\.
func oscReplyRunes(rs []rune) bool {
	for _, r := range rs {
		if !strings.ContainsRune("0123456789abcdefABCDEF;:/rgb", r) {
			return false
		}
	}
	return len(rs) > 0
}
