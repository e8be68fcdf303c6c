package ui

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	xansi "github.com/charmbracelet/x/ansi"

	"copydesk/content"
	"copydesk/review"
)

// TestRandomEvents drives the reader with random keys, mouse events and
// resizes (1x1 to 300x100) on the embedded article, on a hostile one and on
// one long enough to be analysed and searched in the background: no panic,
// no line wider than the terminal, never more lines than it has, the
// focused paragraph always valid. The commands the reader returns run as
// Bubble Tea would run them, in goroutines whose messages come back between
// later events, so background analysis, layout and search are part of the
// run. COPYDESK_EVENTS sets the number of events per article: 100,000 by
// default (a tenth on the long article), 500,000 in .ci/run; -short runs
// 20,000.
func TestRandomEvents(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 20_000
	}
	if s := os.Getenv("COPYDESK_EVENTS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	// The embedded article is reviewed too: marks, notes and undos are
	// kept in a real store and come back through its feed.
	store := openStore(t)
	reviewing := &Review{Open: func() (*review.Store, error) { return store, nil }, Article: "random", Reviewer: review.Reviewer{Name: "random"}}
	for _, tc := range []struct {
		art    *content.Article
		rv     *Review
		events int
	}{{content.Embedded(), reviewing, n}, {hostileArticle(t), nil, n}, {longArticle(t), nil, n / 10}} {
		t.Run(tc.art.Source, func(t *testing.T) { randomEvents(t, tc.art, tc.rv, tc.events) })
	}
}

// longArticle is the embedded article's paragraphs repeated past the sizes
// that the reader analyses and searches at once (1.2 MB).
func longArticle(t testing.TB) *content.Article {
	var b bytes.Buffer
	paras := content.Embedded().Paragraphs
	for i := 0; b.Len() < syncSearchLimit+syncSearchLimit/5; i++ {
		b.WriteString(paras[i%len(paras)].Text)
		b.WriteString("\n\n")
	}
	if b.Len() <= syncAnalysisLimit {
		t.Fatal("the long article would be analysed before the first frame")
	}
	art, err := content.Parse("long.txt", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return art
}

var randomKeys = []string{
	"j", "k", "j", "k", "g", "G", "space", "b", "ctrl+d", "ctrl+u", "pgdown", "pgup", "home", "end", "up", "down",
	"]", "[", "f", "F", "n", "N", "tab", "esc", "s", "v", "?", "enter", "/", "1", "2", "7", "0", "x", "L", "a",
	"backspace", "jjjkk", "12g", "/Aleppo", "/lav", "q", "ctrl+c", "c", "x", "a", "u",
}

// commands runs a reader's commands the way Bubble Tea does: each in a
// goroutine, its message (or the messages of a batch) queued for Update.
type commands struct {
	mu   sync.Mutex
	msgs []tea.Msg
	wg   sync.WaitGroup
}

func (c *commands) run(cmd tea.Cmd) {
	if cmd == nil {
		return
	}
	c.wg.Add(1)
	go func() {
		defer c.wg.Done()
		switch msg := cmd().(type) {
		case nil, tea.QuitMsg:
		case tea.BatchMsg:
			for _, sub := range msg {
				c.run(sub)
			}
		default:
			c.mu.Lock()
			c.msgs = append(c.msgs, msg)
			c.mu.Unlock()
		}
	}()
}

// arrived takes the messages the commands have sent so far.
func (c *commands) arrived() []tea.Msg {
	c.mu.Lock()
	defer c.mu.Unlock()
	msgs := c.msgs
	c.msgs = nil
	return msgs
}

func randomEvents(t *testing.T, art *content.Article, rv *Review, n int) {
	rng := rand.New(rand.NewPCG(7, uint64(len(art.Paragraphs))))
	m := New(art, Options{Renderer: asciiRenderer(), Review: rv})
	defer m.Close()
	var cmds commands
	cmds.run(m.Init())
	w, h := 80, 24
	next, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	m = next.(Model)
	cmds.run(cmd)
	check := func(i int, msg tea.Msg) {
		if m.pane.focus < 0 || m.pane.focus >= len(art.Paragraphs) {
			t.Fatalf("event %d (%#v): focus %d of %d paragraphs", i, msg, m.pane.focus, len(art.Paragraphs))
		}
		lines := strings.Split(m.View(), "\n")
		if len(lines) > h {
			t.Fatalf("event %d (%#v) at %dx%d: %d lines", i, msg, w, h, len(lines))
		}
		for _, l := range lines {
			if xansi.StringWidth(l) > w {
				t.Fatalf("event %d (%#v) at %dx%d: line %q is %d wide", i, msg, w, h, l, xansi.StringWidth(l))
			}
		}
	}
	delivered := map[string]int{}
	for i := 0; i < n; i++ {
		for _, msg := range cmds.arrived() {
			next, cmd := m.Update(msg)
			m = next.(Model)
			cmds.run(cmd)
			delivered[fmt.Sprintf("%T", msg)]++
			check(i, msg)
		}
		var msg tea.Msg
		switch r := rng.IntN(100); {
		case r < 1:
			w, h = 1+rng.IntN(300), 1+rng.IntN(100)
			if rng.IntN(4) == 0 {
				w, h = 1+rng.IntN(25), 1+rng.IntN(8)
			}
			msg = tea.WindowSizeMsg{Width: w, Height: h}
		case r < 10:
			buttons := []tea.MouseButton{tea.MouseButtonWheelUp, tea.MouseButtonWheelDown, tea.MouseButtonLeft}
			msg = tea.MouseMsg{X: rng.IntN(w + 5), Y: rng.IntN(h + 5), Button: buttons[rng.IntN(3)], Action: tea.MouseActionPress}
		default:
			msg = keyMsg(randomKeys[rng.IntN(len(randomKeys))])
		}
		next, cmd := m.Update(msg)
		m = next.(Model)
		cmds.run(cmd)
		check(i, msg)
	}
	if art.Source == "long.txt" && m.an == nil {
		t.Error("the background analysis never arrived")
	}
	if rv != nil && delivered["ui.savedMsg"] == 0 {
		t.Error("no mark was saved")
	}
	t.Logf("%d events; messages from commands: %v", n, delivered)
}
