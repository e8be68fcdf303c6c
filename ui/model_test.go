package ui

import (
	"errors"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unsafe"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	xansi "github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/muesli/termenv"

	"copydesk/content"
	"copydesk/review"
)

// asciiRenderer pins the colour profile so frames are plain text.
func asciiRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.Ascii)
	r.SetHasDarkBackground(true)
	return r
}

func newReader(t testing.TB, art *content.Article, w, h int) Model {
	t.Helper()
	m := New(art, Options{Renderer: asciiRenderer()})
	return resize(m, w, h)
}

func resize(m Model, w, h int) Model {
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(Model)
}

// keyMsg turns "j", "tab", "ctrl+d" or a run of characters into a key.
func keyMsg(k string) tea.KeyMsg {
	named := map[string]tea.KeyType{
		"tab": tea.KeyTab, "enter": tea.KeyEnter, "esc": tea.KeyEsc, "ctrl+c": tea.KeyCtrlC,
		"ctrl+d": tea.KeyCtrlD, "ctrl+u": tea.KeyCtrlU, "pgdown": tea.KeyPgDown, "pgup": tea.KeyPgUp,
		"home": tea.KeyHome, "end": tea.KeyEnd, "up": tea.KeyUp, "down": tea.KeyDown, "space": tea.KeySpace,
		"backspace": tea.KeyBackspace,
	}
	if t, ok := named[k]; ok {
		return tea.KeyMsg{Type: t}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// press sends keys and runs the commands they return (list filtering
// answers with a command), as the Bubble Tea runtime would.
func press(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		next, cmd := m.Update(keyMsg(k))
		m = drain(next.(Model), cmd)
	}
	return m
}

// drain runs cmd and feeds its message back, skipping commands that wait
// (cursor blinks, spinner ticks) the way a real program would get to them
// later.
func drain(m Model, cmd tea.Cmd) Model {
	for i := 0; cmd != nil && i < 20; i++ {
		ch := make(chan tea.Msg, 1)
		go func(c tea.Cmd) { ch <- c() }(cmd)
		var msg tea.Msg
		select {
		case msg = <-ch:
		case <-time.After(100 * time.Millisecond):
			return m
		}
		if batch, ok := msg.(tea.BatchMsg); ok {
			for _, c := range batch {
				m = drain(m, c)
			}
			return m
		}
		if msg == nil {
			return m
		}
		if _, ok := msg.(tea.QuitMsg); ok {
			return m
		}
		var next tea.Model
		next, cmd = m.Update(msg)
		m = next.(Model)
	}
	return m
}

func status(m Model) string {
	lines := strings.Split(m.View(), "\n")
	return lines[len(lines)-1]
}

func checkWidth(t *testing.T, m Model) {
	t.Helper()
	lines := strings.Split(m.View(), "\n")
	if len(lines) > m.height {
		t.Errorf("%dx%d: %d lines", m.width, m.height, len(lines))
	}
	for i, l := range lines {
		if w := xansi.StringWidth(l); w > m.width {
			t.Errorf("%dx%d: line %d is %d wide: %q", m.width, m.height, i, w, l)
		}
	}
}

// Frames are compared with golden files (go test ./ui -update rewrites
// them), drawn with the Ascii profile so they are plain text.
func TestFirstFrame(t *testing.T) {
	for _, size := range []struct{ w, h int }{{120, 40}, {60, 20}} {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			m := newReader(t, content.Embedded(), size.w, size.h)
			checkWidth(t, m)
			golden.RequireEqual(t, []byte(m.View()))
		})
	}
}

func wantStatus(t *testing.T, m Model, re string) {
	t.Helper()
	if s := status(m); !regexp.MustCompile(re).MatchString(s) {
		t.Errorf("status %q does not match %q", s, re)
	}
}

func TestParagraphKeys(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	wantStatus(t, m, `¶ 1/18`)
	m = press(t, m, "j", "j", "j", "j", "j")
	wantStatus(t, m, `¶ 6/18`)
	m = press(t, m, "k")
	wantStatus(t, m, `¶ 5/18`)
	m = press(t, m, "1", "2", "g")
	wantStatus(t, m, `¶ 12/18`)
	if !strings.Contains(m.View(), "12 ▌") {
		t.Errorf("paragraph 12 is not marked as focused:\n%s", m.View())
	}
	m = press(t, m, "G")
	wantStatus(t, m, `¶ 18/18`)
	if !strings.Contains(m.View(), "distribute.") {
		t.Error("G does not show the end of the article")
	}
	m = press(t, m, "g")
	wantStatus(t, m, `¶ 1/18`)
	m = press(t, m, "9", "9", "g")
	wantStatus(t, m, `no paragraph 99`)
	m = press(t, m, "jjj") // typed faster than read: one message
	wantStatus(t, m, `¶ 4/18`)
	m = press(t, m, "end", "home", "ctrl+d")
	if s := status(m); strings.Contains(s, "¶ 1/18") {
		t.Errorf("ctrl+d did not move the focus: %q", s)
	}
	m = press(t, m, "ctrl+u", "space", "b")
	checkWidth(t, m)
}

func TestSpeakerPanel(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	m = press(t, m, "tab", "/", "L", "a", "v", "r", "o", "v", "enter")
	wantStatus(t, m, `¶ 7/18 .*Lavrov 1/\d`)
	if m.focus != focusArticle {
		t.Error("enter did not return the focus to the article")
	}
	reached := false
	for i := 0; i < 8 && !reached; i++ {
		m = press(t, m, "]")
		reached = strings.Contains(status(m), "¶ 8/18")
	}
	if !reached {
		t.Errorf("] never reached ¶ 8: %q", status(m))
	}
	// ] wraps around to the first quote, [ goes back
	m = press(t, m, "]")
	wantStatus(t, m, `Lavrov 1/`)
	m = press(t, m, "[")
	wantStatus(t, m, `¶ 8/18 .*Lavrov \d/\d`)
	// esc in the panel returns to the article
	m = press(t, m, "tab")
	if m.focus != focusPanel {
		t.Fatal("tab did not focus the panel")
	}
	m = press(t, m, "esc", "esc") // clear the filter, then leave
	if m.focus != focusArticle {
		t.Error("esc did not return to the article")
	}
}

func TestSpeakerPanelContents(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	v := m.View()
	for _, want := range []string{"Speakers (", "John Kerry", "U.S. Secretary of State", "Sergei Lavrov", "Russian Foreign Minister", "Western diplomat"} {
		if !strings.Contains(v, want) {
			t.Errorf("panel lacks %q", want)
		}
	}
}

func TestFigureKeys(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	seen := map[string]bool{}
	for i := 0; i < 8; i++ {
		m = press(t, m, "f")
		s := status(m)
		if !strings.Contains(s, "figure ") {
			t.Fatalf("f: status %q", s)
		}
		seen[s] = true
	}
	if len(seen) < 8 {
		t.Errorf("f visited %d distinct figures, want 8", len(seen))
	}
	m = press(t, m, "F")
	wantStatus(t, m, `figure \d+/\d+`)
}

func TestSearch(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	m = press(t, m, "/", "Aleppo", "enter")
	wantStatus(t, m, `¶ 13/18 .*/Aleppo 1/4`)
	m = press(t, m, "n")
	wantStatus(t, m, `¶ 15/18 .*/Aleppo 2/4`)
	m = press(t, m, "N", "N")
	wantStatus(t, m, `¶ 18/18 .*/Aleppo 4/4`)
	m = press(t, m, "/", "no such words", "enter")
	wantStatus(t, m, `not found: no such words`)
	m = press(t, m, "/", "abc", "esc")
	if m.searching {
		t.Error("esc did not cancel the search")
	}
}

func TestResize(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	first := m.View()
	m = press(t, m, "j", "j")
	m = resize(m, 20, 5)
	checkWidth(t, m)
	if strings.Contains(m.View(), "too small") {
		t.Error("20x5 is big enough")
	}
	wantStatus(t, m, `¶ 3`)
	m = resize(m, 19, 5)
	if m.View() != "terminal too sm" && !strings.HasPrefix(m.View(), "terminal too") {
		t.Errorf("19x5: %q", m.View())
	}
	m = resize(m, 1, 1)
	if got := m.View(); xansi.StringWidth(got) > 1 || strings.Contains(got, "\n") {
		t.Errorf("1x1: %q", got)
	}
	m = press(t, m, "k", "k", "j")
	m = resize(m, 120, 40)
	m = press(t, m, "k", "g")
	if got := m.View(); got != first {
		t.Errorf("the layout did not come back after resizing:\n%s", got)
	}
}

func TestEverySizeFits(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	for w := 1; w <= 130; w += 7 {
		for h := 1; h <= 45; h += 4 {
			m = resize(m, w, h)
			checkWidth(t, m)
			m = press(t, m, "j", "s", "G")
			checkWidth(t, m)
			m = press(t, m, "s", "tab", "j", "tab", "?")
			checkWidth(t, m)
			m = press(t, m, "esc", "g")
		}
	}
}

func TestNarrowPanel(t *testing.T) {
	m := newReader(t, content.Embedded(), 60, 20)
	if strings.Contains(m.View(), "Speakers (") {
		t.Error("the panel shows under 80 columns")
	}
	m = press(t, m, "s")
	if !strings.Contains(m.View(), "Speakers (") {
		t.Errorf("s does not show the panel:\n%s", m.View())
	}
	m = press(t, m, "s")
	if strings.Contains(m.View(), "Speakers (") {
		t.Error("s does not hide the panel")
	}
}

func TestHelp(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	m = press(t, m, "?")
	v := m.View()
	for _, want := range []string{"next paragraph", "next quote of the speaker", "next figure", "search the article", "quit", "Highlights"} {
		if !strings.Contains(v, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	if strings.Contains(v, "filter the list") {
		t.Error("help lists the panel's keys while the article has them")
	}
	m = press(t, m, "x")
	if !m.showHelp {
		t.Error("a key that is not help's closed the help")
	}
	for _, k := range []string{"q", "esc", "?"} {
		if !m.showHelp {
			m = press(t, m, "?")
		}
		next, cmd := m.Update(keyMsg(k))
		m = next.(Model)
		if m.showHelp {
			t.Errorf("%s did not close the help", k)
		}
		if cmd != nil {
			if _, quit := cmd().(tea.QuitMsg); quit {
				t.Errorf("%s in help quit the reader", k)
			}
		}
	}
	// in the panel, help lists the panel's keys
	m = press(t, m, "tab", "?")
	if v := m.View(); !strings.Contains(v, "filter the list") || strings.Contains(v, "next paragraph") {
		t.Errorf("help in the panel:\n%s", v)
	}
}

// At every size a person may use, every binding that works is on the help
// screen, scrolling to it if need be.
func TestHelpReachesEveryBinding(t *testing.T) {
	reviewing := &Review{Open: func() (*review.Store, error) { return nil, errors.New("no store") }}
	for _, size := range [][2]int{{120, 40}, {80, 24}, {70, 20}, {40, 12}} {
		for _, panel := range []bool{false, true} {
			m := resize(New(content.Embedded(), Options{Renderer: asciiRenderer(), Review: reviewing}), size[0], size[1])
			if panel {
				m = press(t, m, "tab")
			}
			keys := m.keys
			m = press(t, m, "?")
			seen := ""
			for i := 0; i < 40; i++ {
				seen += m.View() + "\n"
				m = press(t, m, "j")
			}
			checkWidth(t, m)
			if !keys.Check.Enabled() || !strings.Contains(seen, "mark it checked") {
				t.Errorf("%dx%d: the review keys are not in the help", size[0], size[1])
			}
			for _, group := range keys.FullHelp() {
				for _, b := range group {
					if !b.Enabled() {
						continue
					}
					// a long description is wrapped beside its key
					shown := strings.Contains(seen, b.Help().Key+" ")
					for _, w := range strings.Fields(b.Help().Desc) {
						shown = shown && strings.Contains(seen, w)
					}
					if !shown {
						t.Errorf("%dx%d (panel %v): %q %q never shown", size[0], size[1], panel, b.Help().Key, b.Help().Desc)
					}
				}
			}
			if !m.showHelp {
				t.Error("scrolling closed the help")
			}
		}
	}
}

func TestQuit(t *testing.T) {
	for _, k := range []string{"q", "ctrl+c"} {
		m := newReader(t, content.Embedded(), 120, 40)
		_, cmd := m.Update(keyMsg(k))
		if cmd == nil {
			t.Fatalf("%s: no command", k)
		}
		if _, ok := cmd().(tea.QuitMsg); !ok {
			t.Errorf("%s does not quit", k)
		}
	}
}

func TestMouse(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	next, _ := m.Update(tea.MouseMsg{X: 10, Y: 5, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	m = next.(Model)
	if m.pane.top == 0 && m.pane.topLine == 0 {
		t.Error("the wheel did not scroll")
	}
	// click on the second speaker (rows 3-4 of the panel)
	next, _ = m.Update(tea.MouseMsg{X: 100, Y: 3, Button: tea.MouseButtonLeft, Action: tea.MouseActionPress})
	m = next.(Model)
	if sp := m.panel.selectedSpeaker(); sp == nil || sp == &m.an.Speakers[0] {
		t.Errorf("the click did not select the second speaker")
	}
}

// hostileArticle is full of what an article should never do to a terminal.
func hostileArticle(t testing.TB) *content.Article {
	t.Helper()
	var b strings.Builder
	b.WriteString("Breaking \x1b]0;pwned\x07News \x1b[31mred\x1b[0m\n\n")
	b.WriteString("\"We will \x1b]52;c;cm0gLXJmIH4=\x07win,\" said Jane Doe, the mayor. 日本語のテキスト ｗｉｄｅ 🇺🇸👩‍👩‍👧 e\u0301\u0301\u0301\n\n")
	b.WriteString("Officials said 4,000 people \u202Eevil\u202C left on Oct. 3, 2016 \x1b[2J\x1b[H and \x1bP1$r\x1b\\ more.\n\n")
	b.WriteString(strings.Repeat("supercalifragilisticexpialidocious", 20) + "\n\n")
	b.WriteString("tab\there\rcarriage \x7f\x08 bell\a.\n\n")
	for i := 0; i < 30; i++ {
		b.WriteString("Short paragraph " + strconv.Itoa(i) + ", said Ana.\n\n")
	}
	art, err := content.Parse("hostile.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return art
}

func contentEmbedded() *content.Article { return content.Embedded() }

type keyOrAlt struct {
	alt bool
	s   string
}

func (k keyOrAlt) msg() tea.KeyMsg {
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k.s), Alt: k.alt}
}

func TestFiguresPanel(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	m = press(t, m, "v")
	v := m.View()
	for _, want := range []string{"Figures (10)", "¶15  count    275,000 = 275000 civili", "¶5   date     October 17 = XXXX-10-17", "¶1   duration four hours = PT4H"} {
		if !strings.Contains(v, want) {
			t.Errorf("figures view lacks %q:\n%s", want, v)
		}
	}
	m = press(t, m, "tab", "/", "rebels", "enter")
	wantStatus(t, m, `¶ 15/18 .*figure \d+/10: count 8,000 → 8000 rebels`)
	if m.focus != focusArticle {
		t.Error("enter did not return to the article")
	}
	m = press(t, m, "v")
	if !strings.Contains(m.View(), "Speakers (") {
		t.Error("v did not switch back to speakers")
	}
}

// Enter right after the filter text, before the list's background
// filtering answers, still goes to the speaker the filter names.
func TestFilterThenEnterAtOnce(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	for _, k := range []string{"tab", "/", "K", "e", "r", "r", "y", "enter"} {
		next, _ := m.Update(keyMsg(k)) // commands dropped: nothing answers in time
		m = next.(Model)
	}
	wantStatus(t, m, `¶ 4/18 .*Kerry 1/`)
}

// With NO_COLOR the highlights keep their attributes (italic quotes, bold
// speakers, underlined figures) and lose every colour.
func TestNoColor(t *testing.T) {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	m := resize(New(content.Embedded(), Options{Renderer: r, NoColor: true}), 120, 40)
	m = press(t, m, "j", "f")
	v := m.View()
	if regexp.MustCompile(`\x1b\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]`).MatchString(v) {
		t.Errorf("a colour in a NO_COLOR frame: %q", regexp.MustCompile(`\x1b\[[0-9;]*m`).FindAllString(v, -1))
	}
	for name, attr := range map[string]string{"italic (quotes)": "3", "bold (speakers)": "1", "underline (figures)": "4"} {
		if !regexp.MustCompile(`\x1b\[([0-9;]*;)?` + attr + `(;[0-9;]*)?m`).MatchString(v) {
			t.Errorf("no %s in a NO_COLOR frame", name)
		}
	}
}

// Keys typed faster than they are read arrive as one message: the filter
// still lists what the whole text matches, and shows it.
func TestFilterBurst(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	m = press(t, m, "tab")
	next, _ := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/lav")})
	m = next.(Model)
	v := m.panel.view(-1)
	if !strings.Contains(v, "Sergei Lavrov") || strings.Contains(v, "John Kerry") {
		t.Errorf("the filter lists more than Lavrov:\n%s", v)
	}
	if !strings.Contains(v, "Speakers 1 of 6 /lav") {
		t.Errorf("the filter is not shown:\n%s", v)
	}
	m = press(t, m, "enter")
	wantStatus(t, m, `¶ 7/18 .*Lavrov 1/`)
	if v := m.panel.view(-1); !strings.Contains(v, "Speakers 1 of 6 /lav") {
		t.Errorf("an applied filter is not shown:\n%s", v)
	}
	// clearing the filter keeps the chosen speaker
	m = press(t, m, "tab", "esc")
	if sp := m.panel.selectedSpeaker(); sp == nil || sp.Name != "Sergei Lavrov" {
		t.Errorf("clearing the filter selected %v", sp)
	}
	if v := m.panel.view(-1); !strings.Contains(v, "Speakers (6)") || !strings.Contains(v, "John Kerry") {
		t.Errorf("the whole list is not back:\n%s", v)
	}
	wantStatus(t, m, `Lavrov 1/`)
	// esc while typing restores what was selected before
	m = press(t, m, "/", "k", "e", "esc")
	if sp := m.panel.selectedSpeaker(); sp == nil || sp.Name != "Sergei Lavrov" {
		t.Errorf("cancelling the filter selected %v", sp)
	}
}

// A long list is filtered in the background; matches for an older filter
// text that arrive late are dropped.
func TestFilterLateMatchesDropped(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	m = press(t, m, "v", "tab", "/")
	p := m.panel
	p.filter.SetValue("r")
	stale := filterMsg{modeFigures, p.gen, "r", nil}
	p.filter.SetValue("ru")
	p.gen++
	next, _ := m.Update(stale)
	m = next.(Model)
	if m.panel.list().FilterValue() == "r" {
		t.Error("matches for an older filter text were applied")
	}
	fresh := filterMsg{modeFigures, p.gen, "ru", []list.Rank{{Index: 0}}}
	next, _ = m.Update(fresh)
	m = next.(Model)
	if got := len(m.panel.list().VisibleItems()); got != 1 {
		t.Errorf("the current filter's matches were not applied: %d items", got)
	}
}

// One item is current at a time: a figure replaces the current quote in
// the panel and the status line, and v opens the figures at it.
func TestOneCurrentItem(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	m = press(t, m, "]")
	if m.quoteIndexFor() < 0 {
		t.Fatal("] made no quote current")
	}
	m = press(t, m, "f", "f", "f")
	if m.quoteIndexFor() >= 0 {
		t.Error("the panel still marks a quote after f")
	}
	wantStatus(t, m, `figure \d+/10: `)
	m = press(t, m, "v")
	if got := m.panel.selectedFigure(); got != m.figCursor {
		t.Errorf("v opened the figures at %d, the current figure is %d", got, m.figCursor)
	}
	m = press(t, m, "esc", "esc")
	if m.current != currentNone || m.pane.actPara >= 0 {
		t.Error("esc did not clear the current item")
	}
	// without a current figure, v opens at the focused paragraph's
	m = press(t, m, "v", "1", "5", "g", "v")
	if f := m.an.Figures[m.panel.selectedFigure()]; f.Paragraph != 15 {
		t.Errorf("v at ¶15 opened the figures at ¶%d", f.Paragraph)
	}
}

func TestFigureStatus(t *testing.T) {
	for _, tt := range []struct{ para, want string }{
		{"5", `date October 17 → XXXX-10-17`},
		{"3", `date last month(  |$)`},
		{"1", `duration four hours → PT4H`},
	} {
		m := newReader(t, content.Embedded(), 120, 40)
		m = press(t, m, tt.para, "g", "f")
		wantStatus(t, m, tt.want)
	}
}

func TestNextMatchWithoutSearch(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	m = press(t, m, "n")
	wantStatus(t, m, `no search yet`)
}

// The status line's hint follows the mode.
func TestShortHelpFollowsMode(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	wantStatus(t, m, `\? help$`)
	m = press(t, m, "tab", "/")
	wantStatus(t, m, `enter done  esc cancel$`)
	m = press(t, m, "esc", "esc", "?")
	wantStatus(t, m, `q/esc/\? close help  j/space scroll down$`)
}

// A burst that opens a mode and goes on in it ("?q", "/lav"): each key is
// taken by the mode the one before it opened.
func TestBurstAcrossModes(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 40)
	next, cmd := m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("?q")})
	m = next.(Model)
	if m.showHelp {
		t.Error("q typed right after ? did not close the help")
	}
	if cmd != nil {
		if _, quit := drainQuit(cmd); quit {
			t.Error("q typed right after ? quit the reader")
		}
	}
	next, _ = m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/lavq")})
	m = next.(Model)
	if !m.searching || m.input.Value() != "lavq" {
		t.Errorf("the search line holds %q", m.input.Value())
	}
}

// drainQuit runs cmd and reports whether it, or a command of its batch,
// quits.
func drainQuit(cmd tea.Cmd) (tea.Msg, bool) {
	switch msg := cmd().(type) {
	case tea.QuitMsg:
		return msg, true
	case tea.BatchMsg:
		for _, c := range msg {
			if c != nil {
				if _, q := drainQuit(c); q {
					return msg, true
				}
			}
		}
	}
	return nil, false
}

// A partial quote inside a reported clause is one statement with it: Kerry
// said five things in the embedded article (seven quotes, two of them
// quoted words inside his reported clauses), and ] steps through five.
func TestSpeakerStatements(t *testing.T) {
	m := newReader(t, content.Embedded(), 120, 60)
	v := m.View()
	if !strings.Contains(v, "Kerry: 5 statements") {
		t.Errorf("the panel does not count Kerry's five statements:\n%s", v)
	}
	if n := strings.Count(v, "brainstorming"); n != 2 { // the article's ¶4 and one panel entry
		t.Errorf("“brainstorming” shown %d times, want the article's and one statement's:\n%s", n, v)
	}
	if !strings.Contains(v, "¶4 said the meeting as a candid") || !strings.Contains(v, "“brainstorming” session") {
		t.Errorf("the clause is not listed with its quoted words:\n%s", v)
	}
	m = press(t, m, "tab", "enter")
	wantStatus(t, m, `Kerry 1/5`)
	seen := map[string]bool{}
	for range 5 {
		seen[status(m)] = true
		m = press(t, m, "]")
	}
	if len(seen) != 5 {
		t.Errorf("] visited %d statements, want 5", len(seen))
	}
	wantStatus(t, m, `Kerry 1/5`)
}

// A quotation its attribution interrupts is one statement: one panel entry
// with both parts, one stop for ].
func TestInterruptedQuotation(t *testing.T) {
	art, err := content.Parse("pier.txt", []byte("Pier to be sold\n\n"+
		"\"The pier is a lost cause,\" said Tom Becker, the town's treasurer. \"We should sell it.\"\n\n"+
		"\"It is our history,\" said Mayor Elena Vasquez."))
	if err != nil {
		t.Fatal(err)
	}
	m := newReader(t, art, 120, 30)
	v := m.View()
	if !strings.Contains(v, "Tom Becker: 1 statement") && !strings.Contains(v, "Becker: 1 statement") {
		t.Errorf("the panel does not count one statement for Becker:\n%s", v)
	}
	m = press(t, m, "tab", "enter")
	v = m.View()
	if !strings.Contains(v, "“The pier is a lost cause … We") || !strings.Contains(v, " should sell it.”") {
		t.Errorf("the statement is not listed with both its parts:\n%s", v)
	}
	wantStatus(t, m, `Becker 1/1`)
}

// A Model is copied into every Update and View and boxed in every
// tea.Model it returns: its widgets live behind pointers, so that a key
// press copies about a kilobyte rather than 18 (a server session's
// goroutine grew its stack, page by fresh page, to hold the copies).
func TestModelIsSmall(t *testing.T) {
	if n := unsafe.Sizeof(Model{}); n > 2048 {
		t.Errorf("a Model is %d bytes, want at most 2048: hold large widgets by pointer", n)
	}
}

// The panel's lists are copies of one list set up once: list.New lays a
// list out for every part it shows and again for each part hidden (289
// allocations a panel, a tenth of a server's processor time while 200
// sessions opened).
func TestNewPanelAllocs(t *testing.T) {
	if raceDetector {
		t.Skip("allocation counts are meaningless under -race")
	}
	art := content.Embedded()
	st := newStyles(colourRenderer(), false)
	newPanel(st, art, nil)
	if n := testing.AllocsPerRun(20, func() { newPanel(st, art, nil) }); n > 64 {
		t.Errorf("making a panel allocated %.0f times, want at most 64", n)
	}
}
