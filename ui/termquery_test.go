package ui

import (
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
	"github.com/muesli/termenv"

	"copydesk/content"
	"copydesk/internal/termtest"
)

const (
	lightAnswer = "\x1b]11;rgb:ffff/ffff/ffff\x1b\\"
	darkAnswer  = "\x1b]11;rgb:1c1c/1c1c/1c1c\x07"
	cprAnswer   = "\x1b[12;1R"
	syncOn      = "\x1b[?2026;2$y"
	syncNone    = "\x1b[?2026;0$y"

	// a speaker's mention in ANSI256: 213 on dark, 127 on light (styles.go)
	darkMention, lightMention = "38;5;213", "38;5;127"
)

// fakeTerminal answers the query with replies, each written separately
// (so a reply may arrive cut in two), once it has read the query, and then
// closes its side.
type fakeTerminal struct {
	w       *io.PipeWriter
	replies []string
	asked   chan []byte
}

func (f *fakeTerminal) Write(p []byte) (int, error) {
	f.asked <- append([]byte(nil), p...)
	go func() {
		defer f.w.Close()
		for _, r := range f.replies {
			if _, err := io.WriteString(f.w, r); err != nil {
				return
			}
		}
	}()
	return len(p), nil
}

func TestAsk(t *testing.T) {
	tests := []struct {
		name             string
		replies          []string
		dark, known, syn bool
		keys             string
	}{
		{"light, in order", []string{lightAnswer, syncOn, cprAnswer}, false, true, true, ""},
		{"dark with BEL", []string{darkAnswer, cprAnswer}, true, true, false, ""},
		{"cursor report first, colour late", []string{cprAnswer, lightAnswer}, false, true, false, ""},
		{"no OSC 11, mode unknown", []string{syncNone, cprAnswer}, true, false, false, ""},
		{"replies cut in pieces", []string{"\x1b]11;rgb:ff", "ff/ffff/ffff\x1b", "\\\x1b[?2026;", "1$y\x1b[1", ";1R"}, false, true, true, ""},
		{"keys typed among the replies", []string{"jk", lightAnswer, "\x1b[A", cprAnswer, "q"}, false, true, false, "jk\x1b[Aq"},
		{"a second cursor report is a key (shift+F3)", []string{cprAnswer, "\x1b[1;2R"}, true, false, false, "\x1b[1;2R"},
		{"silent terminal", nil, true, false, false, ""},
		{"only keys", []string{"j\x1b"}, true, false, false, "j\x1b"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, w := io.Pipe()
			ft := &fakeTerminal{w: w, replies: tt.replies, asked: make(chan []byte, 1)}
			a := ask(r, ft)
			defer a.Close()
			if q := <-ft.asked; !bytes.Contains(q, []byte("\x1b]11;?")) || !bytes.Contains(q, []byte("\x1b[?2026$p")) || !bytes.HasSuffix(q, []byte("\x1b[6n")) {
				t.Errorf("query %q", q)
			}
			keys, err := io.ReadAll(a)
			if err != nil {
				t.Fatal(err)
			}
			if a.caps.Dark != tt.dark || a.caps.KnownBackground != tt.known || a.caps.Sync != tt.syn {
				t.Errorf("got %+v, want dark=%v known=%v sync=%v", a.caps, tt.dark, tt.known, tt.syn)
			}
			if string(keys) != tt.keys {
				t.Errorf("keys %q, want %q", keys, tt.keys)
			}
		})
	}
}

// Answers that come after the first frame are taken out of the keys all the
// same, whole or in pieces, and each change they make is told.
func TestLateAnswers(t *testing.T) {
	r, w := io.Pipe()
	a := ask(r, io.Discard)
	defer a.Close()
	var told []Caps
	a.tell = func(c Caps) { told = append(told, c) }
	go func() {
		defer w.Close()
		for _, s := range []string{"j", "\x1b]11;rgb:ffff/ffff/ffff\x1b", "\\k", syncOn, cprAnswer, "\x1b", "\x1b[1;2R"} {
			io.WriteString(w, s)
		}
	}()
	keys, err := io.ReadAll(a)
	if err != nil {
		t.Fatal(err)
	}
	if want := "jk\x1b\x1b[1;2R"; string(keys) != want {
		t.Errorf("keys %q, want %q", keys, want)
	}
	want := []Caps{{Dark: false, KnownBackground: true}, {Dark: false, KnownBackground: true, Sync: true}}
	if len(told) != len(want) || told[0] != want[0] || told[1] != want[1] {
		t.Errorf("told %+v, want %+v", told, want)
	}
}

// answering is the screen as a terminal that answers the query at once, as
// one on the same machine does.
func (s *screenTerm) answering(answer string) io.Writer {
	return answerer{s, answer}
}

type answerer struct {
	s      *screenTerm
	answer string
}

func (a answerer) Write(p []byte) (int, error) {
	if bytes.Contains(p, []byte(ansi.RequestCursorPositionReport)) {
		go io.WriteString(a.s.keys, a.answer)
	}
	return a.s.Screen.Write(p)
}

// ansi256Renderer paints like a 256-colour terminal guessed dark.
func ansi256Renderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI256)
	r.SetHasDarkBackground(true)
	return r
}

// A terminal that never answers holds the first frame up for queryWait,
// not for the timeout the reader used to wait (300 ms locally, 900 ms over
// SSH): the first frame is due within 200 ms whatever the terminal does.
// The time is compared with a terminal that answers at once, so that a
// busy machine slows both.
func TestRunFirstFrameSilentTerminal(t *testing.T) {
	firstFrame := func(answer string) time.Duration {
		st, term := newScreenTerm(t, 120, 40)
		if answer != "" {
			term.Out = st.answering(answer)
		}
		m := New(content.Embedded(), Options{Renderer: asciiRenderer()})
		start := time.Now()
		done := runAsync(context.Background(), m, term)
		st.waitFor("¶ 1/18")
		d := time.Since(start)
		st.press("q")
		if err := wait(t, done); err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(st.Output(), query) {
			t.Errorf("the terminal was not asked: %q", st.Output()[:min(len(st.Output()), 40)])
		}
		return d
	}
	best := func(answer string) time.Duration {
		d := firstFrame(answer)
		for range 2 {
			d = min(d, firstFrame(answer))
		}
		return d
	}
	answered := best(darkAnswer + syncNone + cprAnswer)
	silent := best("")
	t.Logf("first frame: %v on a terminal that answers, %v on a silent one (queryWait %v)", answered, silent, queryWait)
	if silent-answered > 200*time.Millisecond {
		t.Errorf("a silent terminal held the first frame up %v longer than one that answers", silent-answered)
	}
}

// keyLog is a reader that records the keys it is given.
type keyLog struct {
	Model
	mu   *sync.Mutex
	keys *strings.Builder
}

func (k keyLog) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if km, ok := msg.(tea.KeyMsg); ok {
		k.mu.Lock()
		k.keys.WriteString(km.String())
		k.mu.Unlock()
	}
	next, cmd := k.Model.Update(msg)
	k.Model = next.(Model)
	return k, cmd
}

func (k keyLog) typed() string {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.keys.String()
}

// A terminal's answer that comes after the first frame recolours the
// frames after it for the background it says, and turns synchronized
// output on; it is no key, and the keys around it all act, in order.
func TestRunLateAnswer(t *testing.T) {
	st, term := newScreenTerm(t, 120, 40)
	m := keyLog{New(content.Embedded(), Options{Renderer: ansi256Renderer()}), &sync.Mutex{}, &strings.Builder{}}
	done := runAsync(context.Background(), m, term)
	st.press("j") // while the terminal is being asked
	st.waitFor("¶ 2/18")
	st.waitFor("Speakers (")
	if s := st.Styled(); !strings.Contains(s, darkMention) || strings.Contains(s, lightMention) {
		t.Fatalf("the first frames are not in the dark colours guessed:\n%s", s)
	}
	if strings.Contains(st.Output(), syncBegin) {
		t.Error("synchronized output before the terminal said it has it")
	}
	mark := len(st.Output())
	st.press("jj" + lightAnswer + syncOn + cprAnswer + "j")
	st.waitFor("¶ 5/18")
	deadline := time.Now().Add(10 * time.Second)
	for s := st.Styled(); !strings.Contains(s, lightMention) || strings.Contains(s, darkMention); s = st.Styled() {
		if time.Now().After(deadline) {
			t.Fatalf("the late answer did not recolour the screen:\n%s", s)
		}
		time.Sleep(2 * time.Millisecond)
	}
	if after := st.Output()[mark:]; !strings.Contains(after, syncBegin) {
		t.Error("no synchronized output after the terminal said it has it")
	}
	if got := m.typed(); got != "jjjj" {
		t.Errorf("the reader was given the keys %q, want jjjj", got)
	}
	st.press("q")
	if err := wait(t, done); err != nil {
		t.Fatal(err)
	}
}

// On a local terminal the answers are read in raw mode: none is echoed
// onto the screen, and what they say is in the first frame.
func TestRunAsksALocalTerminal(t *testing.T) {
	master, tty, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer master.Close()
	defer tty.Close()
	if err := pty.Setsize(master, &pty.Winsize{Cols: 120, Rows: 40}); err != nil {
		t.Fatal(err)
	}
	scr := termtest.New(120, 40)
	go func() {
		buf := make([]byte, 32<<10)
		for {
			n, err := master.Read(buf)
			if bytes.Contains(buf[:n], []byte(ansi.RequestCursorPositionReport)) {
				master.WriteString(lightAnswer + syncOn + cprAnswer)
			}
			scr.Write(buf[:n])
			if err != nil {
				return
			}
		}
	}()
	done := runAsync(context.Background(), New(content.Embedded(), Options{Renderer: ansi256Renderer()}), Terminal{In: tty, Out: tty})
	scr.WaitFor(t, "Speakers (")
	if s := scr.Styled(); !strings.Contains(s, lightMention) || strings.Contains(s, darkMention) {
		t.Errorf("the first frame is not in the light colours answered:\n%s", s)
	}
	if !strings.Contains(scr.Output(), syncBegin) {
		t.Error("no synchronized output")
	}
	if strings.Contains(scr.Text(), "rgb") {
		t.Errorf("the answer was echoed:\n%s", scr.Text())
	}
	master.WriteString("j")
	scr.WaitFor(t, "¶ 2/18")
	master.WriteString("q")
	if err := wait(t, done); err != nil {
		t.Fatal(err)
	}
	if isRaw(t, tty) {
		t.Error("the terminal was left in raw mode")
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

func TestColorFGBGDark(t *testing.T) {
	for v, want := range map[string]bool{"": true, "15;0": true, "0;15": false, "0;default;7": false, "7;8": true, "junk": true} {
		if got := ColorFGBGDark(v); got != want {
			t.Errorf("COLORFGBG=%q: dark=%v, want %v", v, got, want)
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
