package ui

import (
	"bytes"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"copydesk/content"
	"copydesk/internal/testkit"
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

// BenchmarkSessionStart is what a server session does before its first
// frame on the embedded article, its analysis shared: make the reader, take
// the terminal's size, draw and encode the frame.
func BenchmarkSessionStart(b *testing.B) {
	art := content.Embedded()
	an := content.Analyze(art)
	b.ReportAllocs()
	for b.Loop() {
		var enc encoder
		m := New(art, Options{Renderer: colourRenderer(), Analysis: an})
		m = resize(m, 110, 35)
		enc.encode(m.View(), 110, 35)
	}
}

// colourRenderer paints like a true-colour terminal with a dark background.
func colourRenderer() *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.TrueColor)
	r.SetHasDarkBackground(true)
	return r
}

// bytesPerKey returns the bytes a screen writes for each key.
func bytesPerKey(t testing.TB, art *content.Article, w, h int, keys ...string) []int {
	var enc encoder
	m := New(art, Options{Renderer: colourRenderer()})
	m = resize(m, w, h)
	enc.encode(m.View(), w, h)
	var sizes []int
	for _, k := range keys {
		m = press(t, m, k)
		sizes = append(sizes, len(enc.encode(m.View(), w, h)))
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

// trainArticle is the PolNeAR train texts as one article (3.9 MB).
func trainArticle(b testing.TB) *content.Article {
	art, err := content.Parse("train.txt", testkit.TrainCorpus(b))
	if err != nil {
		b.Fatal(err)
	}
	return art
}

// BenchmarkFirstFrameLarge is what the reader does before its first frame on
// a 3.9 MB article: parse, build the model, lay out and draw one screen.
func BenchmarkFirstFrameLarge(b *testing.B) {
	data := testkit.TrainCorpus(b)
	b.ReportAllocs()
	for b.Loop() {
		art, err := content.Parse("train.txt", data)
		if err != nil {
			b.Fatal(err)
		}
		m := New(art, Options{Renderer: colourRenderer()})
		m = resize(m, 120, 40)
		_ = m.View()
	}
}

// BenchmarkKeyJLarge is `j` on the 3.9 MB article, analysed.
func BenchmarkKeyJLarge(b *testing.B) {
	art := trainArticle(b)
	m := New(art, Options{Renderer: colourRenderer(), Analysis: content.Analyze(art)})
	m = resize(m, 120, 40)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		next, _ := m.Update(keyMsg("j"))
		m = next.(Model)
		_ = m.View()
	}
}

// BenchmarkLayout is one paragraph through Glamour and back to offsets,
// what a paragraph costs the first time it is shown at a width.
func BenchmarkLayout(b *testing.B) {
	text := content.Embedded().Paragraphs[6].Text // 400 bytes, quotes inside
	l := newLayouter(76, termenv.TrueColor, true)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		l.layout(text, 0, len(text), false)
	}
}

// syntheticArticle repeats the seed's paragraphs to n paragraphs.
func syntheticArticle(b testing.TB, n int) *content.Article {
	seed := content.Embedded().Paragraphs
	var buf bytes.Buffer
	for i := 0; i < n; i++ {
		buf.WriteString(seed[i%len(seed)].Text)
		buf.WriteString("\n\n")
	}
	art, err := content.Parse("synthetic.txt", buf.Bytes())
	if err != nil {
		b.Fatal(err)
	}
	return art
}

// BenchmarkView draws a frame at 120x40 after a `j`: the cost must not grow
// with the article.
func BenchmarkView(b *testing.B) {
	for _, n := range []int{10, 1000, 10000} {
		b.Run(fmt.Sprintf("paragraphs=%d", n), func(b *testing.B) {
			art := syntheticArticle(b, n)
			m := New(art, Options{Renderer: colourRenderer(), Analysis: content.Analyze(art)})
			m = resize(m, 120, 40)
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				k := "j"
				if i%10 >= 5 {
					k = "k"
				}
				next, _ := m.Update(keyMsg(k))
				m = next.(Model)
				_ = m.View()
			}
		})
	}
}

// BenchmarkResizeLarge is a resize of the 3.9 MB article: the next frame at
// a width not seen before (so nothing comes from the layout cache).
func BenchmarkResizeLarge(b *testing.B) {
	art := trainArticle(b)
	m := New(art, Options{Renderer: colourRenderer(), Analysis: content.Analyze(art)})
	m = resize(m, 120, 40)
	m = press(b, m, "5", "0", "0", "0", "g")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		m = resize(m, 100+i%40, 30+i%15)
		_ = m.View()
	}
}

// BenchmarkAnalysisArrives is what the reader does, between two keys, when
// the analysis of the 3.9 MB article arrives.
func BenchmarkAnalysisArrives(b *testing.B) {
	art := trainArticle(b)
	p := prepare(art, content.Analyze(art))
	m := New(art, Options{Renderer: colourRenderer()})
	m = resize(m, 120, 40)
	b.ReportAllocs()
	for b.Loop() {
		next, _ := m.Update(analysisMsg{p})
		_ = next.(Model).View()
	}
}
