package ui

import (
	"fmt"
	"strconv"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"copydesk/content"
	"copydesk/internal/testkit"
)

// tallArticle is before short paragraphs, one paragraph of sentences
// sentences (numbered, so every line reads differently), then after short
// paragraphs.
func tallArticle(t testing.TB, before, sentences, after int) *content.Article {
	t.Helper()
	var b strings.Builder
	for i := range before {
		fmt.Fprintf(&b, "Short paragraph %d comes before the long one.\n\n", i+1)
	}
	for i := range sentences {
		fmt.Fprintf(&b, "Sentence %d of the long paragraph goes on. ", i+1)
	}
	b.WriteString("\n\n")
	for i := range after {
		fmt.Fprintf(&b, "Short paragraph %d comes after the long one.\n\n", i+1)
	}
	art, err := content.Parse("tall.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return art
}

// tallKey is keyMsg with the keys this file needs besides.
func tallKey(k string) tea.KeyMsg {
	switch k {
	case "ctrl+e":
		return tea.KeyMsg{Type: tea.KeyCtrlE}
	case "ctrl+y":
		return tea.KeyMsg{Type: tea.KeyCtrlY}
	}
	return keyMsg(k)
}

func pressTall(t testing.TB, m Model, keys ...string) Model {
	t.Helper()
	for _, k := range keys {
		next, cmd := m.Update(tallKey(k))
		m = drain(next.(Model), cmd)
	}
	return m
}

// paneRows is the article pane's rows of a frame, without the status line
// and without the panel (the panel is hidden in these tests).
func paneRows(m Model) []string {
	lines := strings.Split(m.View(), "\n")
	return lines[:len(lines)-1]
}

// where is the focused paragraph (1-based) and the screen's place in it:
// the lines of the focused paragraph above the screen, on it and below.
type where struct{ focus, above, on, below int }

func whereNow(m Model) where {
	p := m.pane
	a, o, b := p.place(p.focus, 1<<30)
	return where{p.focus + 1, a, o, b}
}

// tallReader is the long paragraph (number 3 of 6) at 80x20 with the panel
// hidden, focused at its top.
func tallReader(t *testing.T) (Model, int) {
	t.Helper()
	m := newReader(t, tallArticle(t, 2, 95, 3), 80, 20)
	m = press(t, m, "s") // hide the panel: the article has the width
	m = press(t, m, "j", "j")
	total := m.pane.paraHeight(2, 1<<30)
	if total < 50 || total > 80 {
		t.Fatalf("the long paragraph is %d lines, want about 60", total)
	}
	if w := whereNow(m); w.focus != 3 || w.above != 0 || w.on != m.pane.height {
		t.Fatalf("j j: %+v, want the long paragraph's top on a full screen", w)
	}
	return m, total
}

// j reads a paragraph taller than the screen down to its end before it
// moves on; k reads it back up to its top. Every line passes the screen.
func TestTallParagraphJK(t *testing.T) {
	m, total := tallReader(t)
	h := m.pane.height
	seen := map[int]bool{}
	mark := func(w where) {
		for l := w.above; l < w.above+w.on; l++ {
			seen[l] = true
		}
	}
	mark(whereNow(m))
	steps := 0
	for {
		before := whereNow(m)
		m = press(t, m, "j")
		w := whereNow(m)
		if w.focus != 3 {
			if before.below != 0 {
				t.Fatalf("j left the long paragraph with %d of its lines below the screen", before.below)
			}
			if w.focus != 4 {
				t.Fatalf("j from the end of the long paragraph went to ¶ %d", w.focus)
			}
			break
		}
		steps++
		if steps > total {
			t.Fatal("j never leaves the long paragraph")
		}
		if d := w.above - before.above; d <= 0 || d >= h {
			t.Fatalf("j scrolled %d lines on a %d-line pane", d, h)
		}
		if w.on != h {
			t.Fatalf("j: the long paragraph has %d of %d rows", w.on, h)
		}
		mark(w)
	}
	if len(seen) != total {
		t.Errorf("j showed %d of the %d lines", len(seen), total)
	}
	if steps < 2 {
		t.Errorf("j scrolled the long paragraph in %d steps", steps)
	}
	wantStatus(t, m, `¶ 4/6`)

	// k: back into the long paragraph at its end, then up to its top
	m = press(t, m, "k")
	if w := whereNow(m); w.focus != 3 || w.below != 0 || w.above == 0 {
		t.Fatalf("k into the long paragraph: %+v, want its end on screen", w)
	}
	clear(seen)
	for i := 0; ; i++ {
		before := whereNow(m)
		mark(before)
		m = press(t, m, "k")
		w := whereNow(m)
		if w.focus != 3 {
			if before.above != 0 {
				t.Fatalf("k left the long paragraph with %d lines above the screen", before.above)
			}
			if w.focus != 2 {
				t.Fatalf("k from the top of the long paragraph went to ¶ %d", w.focus)
			}
			break
		}
		if i > total {
			t.Fatal("k never leaves the long paragraph")
		}
		if d := before.above - w.above; d <= 0 || d >= h {
			t.Fatalf("k scrolled %d lines on a %d-line pane", d, h)
		}
	}
	if len(seen) != total {
		t.Errorf("k showed %d of the %d lines", len(seen), total)
	}

	// a count scrolls as far, and no further than the paragraph's end
	m = press(t, m, "j", "9", "9", "j")
	if w := whereNow(m); w.focus != 3 || w.below != 0 {
		t.Errorf("99j in the long paragraph: %+v, want its end and no further", w)
	}
}

// ctrl+e and ctrl+y move the view exactly one line, and keep the focus
// while the focused paragraph is on screen.
func TestLineScroll(t *testing.T) {
	for _, tt := range []struct {
		name  string
		setup []string
		key   string
		down  bool
	}{
		{"ctrl+e at the long paragraph's top", nil, "ctrl+e", true},
		{"ctrl+y inside the long paragraph", []string{"j", "j"}, "ctrl+y", false},
		{"ctrl+e among short paragraphs", []string{"g", "j"}, "ctrl+e", true},
		{"ctrl+y among short paragraphs", []string{"G", "k"}, "ctrl+y", false},
		{"ctrl+e on the last line of the long paragraph", []string{"j", "j", "j", "j", "ctrl+e", "ctrl+e"}, "ctrl+e", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := tallReader(t)
			m = pressTall(t, m, tt.setup...)
			focus := m.pane.focus
			before := paneRows(m)
			m = pressTall(t, m, tt.key)
			after := paneRows(m)
			if m.pane.focus != focus {
				t.Errorf("%s moved the focus from ¶ %d to ¶ %d", tt.key, focus+1, m.pane.focus+1)
			}
			n := len(before)
			want, got := before[1:], after[:n-1] // down: every row one up
			if !tt.down {
				want, got = before[:n-1], after[1:]
			}
			if strings.Join(want, "\n") != strings.Join(got, "\n") {
				t.Errorf("%s did not move the view one line:\nbefore:\n%s\nafter:\n%s", tt.key, strings.Join(before, "\n"), strings.Join(after, "\n"))
			}
		})
	}
}

// When ctrl+e scrolls the focused paragraph off the top, the focus goes to
// the paragraph now at the top; ctrl+y off the bottom, to the one at the
// bottom.
func TestLineScrollFocusFollows(t *testing.T) {
	m, _ := tallReader(t)
	m = press(t, m, "k") // ¶ 2, a line, just above the long paragraph
	if m.pane.focus != 1 {
		t.Fatalf("k: ¶ %d", m.pane.focus+1)
	}
	for i := 0; i < 40 && m.pane.focus == 1; i++ {
		m = pressTall(t, m, "ctrl+e")
		if _, on, _ := m.pane.place(1, 1); on == 0 && m.pane.focus == 1 {
			t.Fatal("ctrl+e left the focus on a paragraph off the screen")
		}
	}
	if m.pane.focus != 2 {
		t.Fatalf("ctrl+e past ¶ 2: focus on ¶ %d, want 3 (at the top)", m.pane.focus+1)
	}
	m = press(t, m, "G")
	for i := 0; i < 60 && m.pane.focus == 5; i++ {
		m = pressTall(t, m, "ctrl+y")
	}
	if _, on, _ := m.pane.place(m.pane.focus, 1); on == 0 {
		t.Errorf("ctrl+y: the focus ¶ %d is off the screen", m.pane.focus+1)
	}
	if m.pane.focus != 4 {
		t.Errorf("ctrl+y past ¶ 6: focus on ¶ %d, want 5 (at the bottom)", m.pane.focus+1)
	}
}

// The status line says which lines of a tall paragraph are on screen, and
// still fits a narrow terminal.
func TestTallParagraphStatus(t *testing.T) {
	m, total := tallReader(t)
	h := m.pane.height
	wantStatus(t, m, fmt.Sprintf(`¶ 3/6 · lines 1–%d of %d`, h, total))
	m = pressTall(t, m, "ctrl+e", "ctrl+e")
	wantStatus(t, m, fmt.Sprintf(`¶ 3/6 · lines 3–%d of %d`, h+2, total))
	m = pressTall(t, m, "ctrl+y")
	wantStatus(t, m, fmt.Sprintf(`¶ 3/6 · lines 2–%d of %d`, h+1, total))
	for w := 20; w <= 80; w += 3 {
		m = resize(m, w, 20)
		checkWidth(t, m)
		if !strings.Contains(status(m), "¶ 3/6") {
			t.Errorf("%d columns: status %q", w, status(m))
		}
	}
	// a paragraph that fits says nothing of lines
	m = press(t, m, "g")
	if s := status(m); strings.Contains(s, "lines") || strings.Contains(s, "·") {
		t.Errorf("a short paragraph: status %q", s)
	}
}

// A paragraph of many blocks (longer than maxBlock bytes many times over)
// is read the same way; the status line gives how far in it the screen is.
func TestHugeParagraph(t *testing.T) {
	art := tallArticle(t, 1, 20000, 1) // 860 kB, some 200 blocks
	m := newReader(t, art, 100, 30)
	m = press(t, m, "s", "j")
	if n := m.pane.first[2] - m.pane.first[1]; n < 100 {
		t.Fatalf("the paragraph is %d blocks", n)
	}
	wantStatus(t, m, `¶ 2/3 · 0%`)
	for i := 0; i < 30; i++ {
		m = press(t, m, "space")
	}
	if m.pane.focus != 1 {
		t.Fatalf("page down in a huge paragraph moved the focus to ¶ %d", m.pane.focus+1)
	}
	m = press(t, m, "j")
	wantStatus(t, m, `¶ 2/3 · [1-9]\d?%`)
	m = press(t, m, "k", "k", "k")
	if m.pane.focus != 1 {
		t.Errorf("k in a huge paragraph moved the focus to ¶ %d", m.pane.focus+1)
	}
}

// An article of short paragraphs reads exactly as before: j and k go
// paragraph by paragraph, ctrl+e and ctrl+y aside.
func TestShortParagraphsUnchanged(t *testing.T) {
	art := tallArticle(t, 30, 0, 0)
	m := newReader(t, art, 80, 20)
	m = press(t, m, "s")
	for i, k := range []string{"j", "j", "j", "5j", "k", "3k", "j", "12g", "k", "G", "k", "k"} {
		m = press(t, m, strings.Split(k, "")...)
		want := map[int]int{0: 2, 1: 3, 2: 4, 3: 9, 4: 8, 5: 5, 6: 6, 7: 12, 8: 11, 9: 30, 10: 29, 11: 28}[i]
		if m.pane.focus+1 != want {
			t.Fatalf("key %d (%s): ¶ %d, want %d", i, k, m.pane.focus+1, want)
		}
		if s := status(m); strings.Contains(s, "lines") {
			t.Errorf("a short paragraph: status %q", s)
		}
	}
}

// A search match, or a figure or quote, deep in a tall paragraph is shown,
// not just the paragraph's top.
func TestJumpIntoTallParagraph(t *testing.T) {
	m, _ := tallReader(t)
	m = press(t, m, "g")
	m = press(t, m, append(strings.Split("/Sentence 80 ", ""), "enter")...)
	if m.pane.focus != 2 {
		t.Fatalf("the search went to ¶ %d", m.pane.focus+1)
	}
	found := false
	for _, r := range paneRows(m) {
		found = found || strings.Contains(r, "Sentence 80 ")
	}
	if !found {
		t.Errorf("the match is not on screen:\n%s", strings.Join(paneRows(m), "\n"))
	}
	// back to the top of the paragraph: n shows the match again
	m = press(t, m, "k", "k", "k", "k", "k", "k", "j", "n")
	found = false
	for _, r := range paneRows(m) {
		found = found || strings.Contains(r, "Sentence 80 ")
	}
	if !found {
		t.Errorf("n: the match is not on screen:\n%s", strings.Join(paneRows(m), "\n"))
	}
}

// Showing or hiding the panel inside a tall paragraph keeps the place.
func TestTallParagraphResizeKeepsPlace(t *testing.T) {
	m, _ := tallReader(t)
	m = press(t, m, "j", "j")
	top := paneRows(m)[0]
	i := strings.Index(top, "Sentence ")
	if i < 0 {
		t.Fatalf("top row %q", top)
	}
	word := strings.Fields(top[i:])[1]
	m = press(t, m, "s", "s")
	if r := paneRows(m)[0]; !strings.Contains(r, "Sentence "+word) && !strings.Contains(paneRows(m)[1], "Sentence "+word) {
		t.Errorf("after s s the top is %q, was %q", r, top)
	}
	if m.pane.focus != 2 {
		t.Errorf("after s s the focus is ¶ %d", m.pane.focus+1)
	}
}

// Tiny terminals do not panic, whatever the keys.
func TestTallParagraphTinyTerminals(t *testing.T) {
	for _, size := range [][2]int{{1, 1}, {10, 3}, {20, 5}, {2, 2}} {
		m := newReader(t, tallArticle(t, 2, 95, 3), size[0], size[1])
		for _, k := range []string{"j", "j", "j", "ctrl+e", "ctrl+y", "k", "k", "G", "k", "ctrl+y", "g", "ctrl+e", "space", "b", "s", "j", "k", "ctrl+e"} {
			m = pressTall(t, m, k)
			_ = m.View()
		}
		next, _ := m.Update(tea.MouseMsg{X: 0, Y: 0, Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
		m = next.(Model)
		checkWidth(t, m)
	}
}

// Reading inside a tall paragraph costs a key press what the screen costs:
// no more in a document of twenty thousand paragraphs, nor in a paragraph
// of 200 blocks, than in a short one. Measured as ratios with a generous
// factor, so a busy machine does not decide.
func TestTallParagraphKeysCost(t *testing.T) {
	reader := func(before, sentences, after int) func() {
		art := tallArticle(t, before, sentences, after)
		m := New(art, Options{Renderer: colourRenderer(), Analysis: &content.Analysis{}})
		m = resize(m, 120, 40)
		m = press(t, m, append(strings.Split(strconv.Itoa(before+1), ""), "g", "j")...)
		return func() {
			for range 10 {
				m = pressTall(t, m, "j", "j", "k", "ctrl+e", "ctrl+y", "k")
				_ = m.View()
			}
			if m.pane.focus != before {
				t.Fatalf("the keys left the long paragraph for ¶ %d", m.pane.focus+1)
			}
		}
	}
	short := reader(5, 300, 5)
	long := reader(10_000, 300, 10_000)
	huge := reader(10_000, 20_000, 10_000)
	short()
	long()
	huge()
	if g := testkit.Growth(short, long); g > 4 {
		t.Errorf("keys in a long paragraph cost %.1fx more in a document 2000x as long", g)
	} else {
		t.Logf("long document: %.1fx the cost", g)
	}
	if g := testkit.Growth(short, huge); g > 4 {
		t.Errorf("keys in a paragraph of 200 blocks cost %.1fx more than in one of 4", g)
	} else {
		t.Logf("huge paragraph: %.1fx the cost", g)
	}
}

// BenchmarkKeyInTallParagraph is j, j, k, k (Update and View) inside a
// paragraph of some 180 lines at 120x40, in a document of ten paragraphs
// and of ten thousand, and inside a paragraph of 200 blocks (860 kB): the
// cost must not grow with the document, nor with the paragraph.
func BenchmarkKeyInTallParagraph(b *testing.B) {
	for _, c := range []struct {
		name                     string
		before, sentences, after int
	}{
		{"short-doc", 5, 300, 5},
		{"long-doc", 5000, 300, 5000},
		{"huge-paragraph", 5000, 20000, 5000},
	} {
		b.Run(c.name, func(b *testing.B) {
			art := tallArticle(b, c.before, c.sentences, c.after)
			m := New(art, Options{Renderer: colourRenderer(), Analysis: content.Analyze(art)})
			m = resize(m, 120, 40)
			m = press(b, m, append(strings.Split(strconv.Itoa(c.before+1), ""), "g", "j")...)
			keys := []string{"j", "j", "k", "k"}
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				next, _ := m.Update(tallKey(keys[i%len(keys)]))
				m = next.(Model)
				_ = m.View()
			}
		})
	}
}

// The wheel and the page keys scroll through a tall paragraph with the
// focus on it; g and G still go to the first and last paragraph.
func TestTallParagraphWheelAndPages(t *testing.T) {
	m, _ := tallReader(t)
	wheel := func(m Model, b tea.MouseButton) Model {
		next, _ := m.Update(tea.MouseMsg{X: 10, Y: 5, Button: b, Action: tea.MouseActionPress})
		return next.(Model)
	}
	for range 5 {
		m = wheel(m, tea.MouseButtonWheelDown)
	}
	if w := whereNow(m); w.focus != 3 || w.above != 15 {
		t.Errorf("5 wheel turns down: %+v, want ¶ 3 with 15 lines above", w)
	}
	m = wheel(m, tea.MouseButtonWheelUp)
	if w := whereNow(m); w.focus != 3 || w.above != 12 {
		t.Errorf("a wheel turn up: %+v, want ¶ 3 with 12 lines above", w)
	}
	m = press(t, m, "space")
	if w := whereNow(m); w.focus != 3 || w.above != 12+m.pane.height-2 {
		t.Errorf("space: %+v", w)
	}
	m = press(t, m, "b", "ctrl+d")
	if w := whereNow(m); w.focus != 3 {
		t.Errorf("b ctrl+d: %+v", w)
	}
	m = press(t, m, "G")
	wantStatus(t, m, `¶ 6/6`)
	m = press(t, m, "g")
	wantStatus(t, m, `¶ 1/6`)
	if m.pane.top != 0 || m.pane.topLine != 0 {
		t.Error("g did not go to the top")
	}
}

// f goes to a figure deep in a tall paragraph and shows its line.
func TestFigureInTallParagraph(t *testing.T) {
	var b strings.Builder
	b.WriteString("A short paragraph comes first.\n\n")
	for i := range 95 {
		if i == 80 {
			b.WriteString("Officials said 4,000 people left the city on foot. ")
		}
		b.WriteString("The long paragraph goes on and on without end. ")
	}
	b.WriteString("\n\nA short paragraph comes last.\n")
	art, err := content.Parse("figure.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	m := newReader(t, art, 80, 20)
	m = press(t, m, "s", "f")
	wantStatus(t, m, `¶ 2/3 · lines \d+–\d+ of \d+ .*figure 1/1`)
	found := false
	for _, r := range paneRows(m) {
		found = found || strings.Contains(r, "4,000")
	}
	if !found {
		t.Errorf("the figure is not on screen:\n%s", strings.Join(paneRows(m), "\n"))
	}
}
