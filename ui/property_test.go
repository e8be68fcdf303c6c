package ui

import (
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	xansi "github.com/charmbracelet/x/ansi"

	"copydesk/content"
)

// TestRandomEvents drives the reader with random keys, mouse events and
// resizes (1x1 to 300x100) on the embedded article and on a hostile one:
// no panic, no line wider than the terminal, never more lines than it has,
// the focused paragraph always valid. COPYDESK_EVENTS sets the number of
// events per article: 100,000 by default, 500,000 (a million in all) in
// .ci/run; -short runs 20,000.
func TestRandomEvents(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 20_000
	}
	if s := os.Getenv("COPYDESK_EVENTS"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	for _, art := range []*content.Article{content.Embedded(), hostileArticle(t)} {
		t.Run(art.Source, func(t *testing.T) { randomEvents(t, art, n) })
	}
}

var randomKeys = []string{
	"j", "k", "j", "k", "g", "G", "space", "b", "ctrl+d", "ctrl+u", "pgdown", "pgup", "home", "end", "up", "down",
	"]", "[", "f", "F", "n", "N", "tab", "esc", "s", "v", "?", "enter", "/", "1", "2", "7", "0", "x", "L", "a",
	"backspace", "jjjkk", "12g", "/Aleppo", "q", "ctrl+c",
}

func randomEvents(t *testing.T, art *content.Article, n int) {
	rng := rand.New(rand.NewPCG(7, uint64(len(art.Paragraphs))))
	m := New(art, Options{Renderer: asciiRenderer()})
	w, h := 80, 24
	m = resize(m, w, h)
	for i := 0; i < n; i++ {
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
		next, _ := m.Update(msg)
		m = next.(Model)
		if m.pane.focus < 0 || m.pane.focus >= len(art.Paragraphs) {
			t.Fatalf("event %d (%#v): focus %d of %d paragraphs", i, msg, m.pane.focus, len(art.Paragraphs))
		}
		view := m.View()
		lines := strings.Split(view, "\n")
		if len(lines) > h {
			t.Fatalf("event %d (%#v) at %dx%d: %d lines", i, msg, w, h, len(lines))
		}
		for _, l := range lines {
			if xansi.StringWidth(l) > w {
				t.Fatalf("event %d (%#v) at %dx%d: line %q is %d wide", i, msg, w, h, l, xansi.StringWidth(l))
			}
		}
	}
}
