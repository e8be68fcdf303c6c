package ui

import (
	"bytes"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"

	"copydesk/content"
)

// The reader under the real Bubble Tea runtime: keys go in, frames come
// out, q ends the program.
func TestProgram(t *testing.T) {
	tm := teatest.NewTestModel(t, New(content.Embedded(), Options{Renderer: asciiRenderer()}), teatest.WithInitialTermSize(120, 40))
	waitFor := func(s string) {
		t.Helper()
		teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte(s)) },
			teatest.WithDuration(3*time.Second), teatest.WithCheckInterval(5*time.Millisecond))
	}
	waitFor("¶ 1/18")
	for i := 0; i < 5; i++ {
		tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'j'}})
	}
	waitFor("¶ 6/18")
	tm.Type("12g")
	waitFor("¶ 12/18")
	tm.Send(tea.KeyMsg{Type: tea.KeyTab})
	tm.Type("/Lavrov")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	waitFor("¶ 7/18")
	tm.Type("q")
	final := tm.FinalModel(t, teatest.WithFinalTimeout(3*time.Second)).(Model)
	if final.pane.focus != 6 {
		t.Errorf("final focus: paragraph %d, want 7", final.pane.focus+1)
	}
}

// A long article is shown before its analysis is done; the panel fills in
// when it arrives.
func TestAnalysisArrivesLater(t *testing.T) {
	var b bytes.Buffer
	para := "Kerry said the talks would resume on October 17 in Lausanne, and \"we agreed to keep talking,\" Lavrov said. "
	for b.Len() < 2*syncAnalysisLimit {
		b.WriteString(para)
		b.WriteString("\n\n")
	}
	art, err := content.Parse("long.txt", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	m := New(art, Options{Renderer: asciiRenderer()})
	if m.an != nil {
		t.Fatal("a long article was analysed before the first frame")
	}
	m = resize(m, 120, 40)
	if v := m.View(); !bytes.Contains([]byte(v), []byte("Kerry said the talks")) || !bytes.Contains([]byte(v), []byte("analysing")) {
		t.Fatalf("first frame lacks the text or the progress indicator:\n%s", v)
	}
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(120, 40))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return bytes.Contains(b, []byte("Speakers (")) },
		teatest.WithDuration(10*time.Second))
	tm.Type("q")
	tm.WaitFinished(t, teatest.WithFinalTimeout(3*time.Second))
}
