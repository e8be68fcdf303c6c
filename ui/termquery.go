package ui

import (
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/x/ansi"

	_ "copydesk/internal/quietstart" // before Bubble Tea asks the terminal
)

// Caps is what a terminal said of itself when asked.
type Caps struct {
	// Dark is whether the background is dark, when KnownBackground: until
	// the terminal says, its renderer's guess stands.
	Dark, KnownBackground bool
	// Sync is whether the terminal draws synchronized updates (mode 2026).
	Sync bool
}

// query asks for the background colour (OSC 11) and for synchronized output
// (DECRQM 2026), then for the cursor position: every terminal answers that
// last one, in order, so its reply says that no other is coming.
const query = "\x1b]11;?\x1b\\" + ansi.RequestModeSynchronizedOutput + ansi.RequestCursorPositionReport

// queryWait bounds how long the first frame waits for the answers. A
// terminal on this machine or across a LAN answers within a few
// milliseconds and gets its colours in the first frame; one that answers
// later (a slow link) gets them when the answer comes, and one that never
// answers (a serial console, some multiplexers) is not waited for longer.
// The first frame is due within 200 ms of the start whatever the terminal
// does, and the process takes about 100 ms to get here (measured: package
// initialisation, the article read and analysed) and 10 to draw.
const queryWait = 50 * time.Millisecond

// lateReplyGrace is how long an OSC 11 reply may trail the cursor report
// before the first frame goes without it: some terminals and multiplexers
// answer colour queries on their own time.
const lateReplyGrace = 30 * time.Millisecond

// answers is a terminal's input as the key reader reads it: the answers to
// query are taken out of it whenever they come, so that none is read as
// keys, and what they say is kept in caps. A pump reads the terminal into
// chunks; each chunk is handed on as one read, as the terminal gave it, so
// Bubble Tea still tells a lone escape from the start of a sequence.
type answers struct {
	chunks chan chunk
	stop   chan struct{}
	p      *ansi.Parser
	caps   Caps
	cpr    bool     // the cursor report came: a later one is a key (shift+F3 reads the same)
	held   []byte   // the start of a sequence cut short at the end of a read
	keys   [][]byte // what is left of the chunks, not read yet
	err    error    // the pump's, after its last chunk
	// tell is given caps each time an answer changes them once the reader
	// runs; nil before.
	tell func(Caps)
}

type chunk struct {
	b   []byte
	err error
}

// ask sends the query on out and reads in (in raw mode) until the terminal
// has answered or queryWait has passed. What it said so far is in the
// caps of the answers returned, which are in's keys from then on.
func ask(in io.Reader, out io.Writer) *answers {
	a := &answers{chunks: make(chan chunk, 16), stop: make(chan struct{}), p: ansi.NewParser(), caps: Caps{Dark: true}}
	go a.pump(in)
	if _, err := io.WriteString(out, query); err != nil {
		return a
	}
	limit := time.NewTimer(queryWait)
	defer limit.Stop()
	var grace <-chan time.Time
	for a.err == nil && !(a.cpr && a.caps.KnownBackground) {
		select {
		case c := <-a.chunks:
			a.take(c)
		case <-grace:
			a.release()
			return a
		case <-limit.C:
			a.release()
			return a
		}
		if a.cpr && grace == nil {
			grace = time.After(lateReplyGrace)
		}
	}
	a.release()
	return a
}

// pump reads the terminal until it fails or the answers are closed. A read
// it is blocked in when they are closed ends when the input does (the
// session's, the process's).
func (a *answers) pump(in io.Reader) {
	for {
		buf := make([]byte, 1024)
		n, err := in.Read(buf)
		select {
		case a.chunks <- chunk{buf[:n], err}:
		case <-a.stop:
			return
		}
		if err != nil {
			return
		}
	}
}

// Read gives the key reader the next chunk of keys, without the answers.
func (a *answers) Read(p []byte) (int, error) {
	for len(a.keys) == 0 {
		if a.err != nil {
			return 0, a.err
		}
		select {
		case c := <-a.chunks:
			a.take(c)
			a.release()
		case <-a.stop:
			return 0, io.EOF
		}
	}
	n := copy(p, a.keys[0])
	if a.keys[0] = a.keys[0][n:]; len(a.keys[0]) == 0 {
		a.keys = a.keys[1:]
	}
	return n, nil
}

// Close ends reads, and the pump after the read it is in.
func (a *answers) Close() { close(a.stop) }

// take splits a chunk into answers, recorded, and keys, queued. A sequence
// cut short at its end is held for the next chunk.
func (a *answers) take(c chunk) {
	b := append(a.held, c.b...)
	a.held = nil
	var keys []byte
	before := a.caps
	for len(b) > 0 {
		avail := b
		if avail[len(avail)-1] == ansi.ESC {
			// Maybe the start of an ST that ends an answer: the
			// decoder would take a lone ESC for a cancel.
			avail = avail[:len(avail)-1]
		}
		if len(avail) == 0 {
			break
		}
		seq, _, n, state := ansi.DecodeSequence(avail, ansi.NormalState, a.p)
		if state != ansi.NormalState || n <= 0 {
			break // cut short: wait for its end
		}
		switch reply(seq, a.p, &a.caps) {
		case cursorReport:
			if a.cpr {
				keys = append(keys, b[:n]...)
			}
			a.cpr = true
		case notReply:
			keys = append(keys, b[:n]...)
		}
		b = b[n:]
	}
	a.held = append(a.held, b...)
	if c.err != nil {
		a.err = c.err
		keys, a.held = append(keys, a.held...), nil
	}
	if len(keys) > 0 {
		a.keys = append(a.keys, keys)
	}
	if a.caps != before && a.tell != nil {
		a.tell(a.caps)
	}
}

// release hands on, as keys, a held escape with at most one byte after it
// (escape, alt+[): a key press's sequence comes whole, and a key must not
// wait for the next. Anything longer is the start of an answer.
func (a *answers) release() {
	if len(a.held) > 0 && len(a.held) <= 2 {
		a.keys = append(a.keys, a.held)
		a.held = nil
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

// ColorFGBGDark reports whether COLORFGBG's value v ("15;0", foreground
// and background colour numbers), which some terminals set, says that the
// background is dark; dark when it says nothing. It is the guess a
// renderer starts with, until the terminal answers Run's query.
func ColorFGBGDark(v string) bool {
	if f := strings.Split(v, ";"); len(f) >= 2 {
		if bg, err := strconv.Atoi(f[len(f)-1]); err == nil {
			return bg < 7 || bg == 8
		}
	}
	return true
}

// oscReplyRunes reports whether runes are part of a terminal's reply to a
// colour query that reached the keys all the same (cut right after its
// escape, which must go on at once as the escape key): alt+], then the
// digits, letters and punctuation of "11;rgb:0000/0000/0000", then alt+\.
func oscReplyRunes(rs []rune) bool {
	for _, r := range rs {
		if !strings.ContainsRune("0123456789abcdefABCDEF;:/rgb", r) {
			return false
		}
	}
	return len(rs) > 0
}
