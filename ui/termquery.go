package ui

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"time"
)

// QueryBackground asks the terminal on tty (already in raw mode) for its
// background colour with OSC 11 and reports whether it is dark; ok is false
// when the terminal did not say. A cursor position request goes with it as
// a sentinel every terminal answers, and both replies are read here, in
// whichever order they come, so neither is left for the key reader to take
// for typing. (termenv gives up at the first reply that is not OSC 11 and
// leaves the late one in the input, where it reads as "]11;rgb:…".)
func QueryBackground(tty *os.File, timeout time.Duration) (dark, ok bool) {
	if _, err := tty.WriteString("\x1b]11;?\x1b\\\x1b[6n"); err != nil {
		return true, false
	}
	deadline := time.Now().Add(timeout)
	var buf []byte
	var cprAt time.Time
	chunk := make([]byte, 256)
	for {
		osc, haveOSC := findOSC11(buf)
		haveCPR := findCPR(buf)
		if haveCPR && cprAt.IsZero() {
			cprAt = time.Now()
		}
		if haveOSC && haveCPR {
			return parseBackground(osc)
		}
		limit := deadline
		if haveCPR && cprAt.Add(30*time.Millisecond).Before(limit) {
			limit = cprAt.Add(30 * time.Millisecond) // no OSC 11 support, most likely
		}
		if time.Now().After(limit) {
			if haveOSC {
				return parseBackground(osc)
			}
			return true, false
		}
		if err := tty.SetReadDeadline(limit); err != nil {
			return true, false
		}
		n, err := tty.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if err != nil && n == 0 && !os.IsTimeout(err) {
			return true, false
		}
	}
}

func findOSC11(b []byte) (string, bool) {
	i := bytes.Index(b, []byte("\x1b]11;"))
	if i < 0 {
		return "", false
	}
	rest := b[i+5:]
	if j := bytes.IndexAny(rest, "\x07\x1b"); j >= 0 {
		return string(rest[:j]), true
	}
	return "", false
}

func findCPR(b []byte) bool {
	for i := bytes.Index(b, []byte("\x1b[")); i >= 0; {
		j := i + 2
		for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == ';') {
			j++
		}
		if j < len(b) && b[j] == 'R' && j > i+2 {
			return true
		}
		k := bytes.Index(b[i+2:], []byte("\x1b["))
		if k < 0 {
			return false
		}
		i += 2 + k
	}
	return false
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

// oscReply reports whether msg is part of a terminal's reply to a colour
// query that arrived too late and reads as keys: alt+], then the digits,
// letters and punctuation of "11;rgb:0000/0000/0000", then alt+\.
func oscReplyRunes(rs []rune) bool {
	for _, r := range rs {
		if !strings.ContainsRune("0123456789abcdefABCDEF;:/rgb", r) {
			return false
		}
	}
	return len(rs) > 0
}
