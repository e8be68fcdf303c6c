package ui

import (
	"bytes"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"copydesk/content"
)

// BenchmarkKeyJ is one `j` on the embedded article at 120x40: Update and
// View, what the terminal waits for.
func BenchmarkKeyJ(b *testing.B) {
	m := newReader(b, content.Embedded(), 120, 40)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		k := "j"
		if i%34 >= 17 {
			k = "k"
		}
		next, _ := m.Update(keyMsg(k))
		m = next.(Model)
		_ = m.View()
	}
}

// colourRenderer paints like a true-colour terminal with a dark background.
func colourRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	return r
}

// bytesPerKey draws the reader through a Screen and returns the bytes
// written for each key.
func bytesPerKey(t testing.TB, art *content.Article, w, h int, keys ...string) []int {
	var out bytes.Buffer
	scr := NewScreen(&out)
	m := New(art, Options{Renderer: colourRenderer()})
	m = resize(m, w, h)
	scr.Resize(w, h)
	scr.Draw(m.View())
	var sizes []int
	for _, k := range keys {
		out.Reset()
		m = press(t, m, k)
		scr.Draw(m.View())
		sizes = append(sizes, out.Len())
	}
	return sizes
}

func TestBytesPerKey(t *testing.T) {
	keys := strings.Split(strings.Repeat("j", 17), "")
	sizes := bytesPerKey(t, content.Embedded(), 120, 40, keys...)
	sorted := slices.Clone(sizes)
	slices.Sort(sorted)
	t.Logf("bytes per j at 120x40: %v (median %d)", sizes, sorted[len(sorted)/2])
	if med := sorted[len(sorted)/2]; med > 2048 {
		t.Errorf("median %d bytes per j, want at most 2048", med)
	}
}
