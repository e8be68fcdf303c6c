package ui

import (
	"math/rand/v2"
	"testing"

	"copydesk/content"
	"copydesk/internal/termtest"
)

func TestScreenPartialUpdates(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	keys := []string{"j", "k", "j", "j", "]", "f", "tab", "j", "esc", "G", "g", "space", "b", "s", "v", "n", "[", "F", "ctrl+d"}
	arts := []*content.Article{content.Embedded(), hostileArticle(t)}
	for _, art := range arts {
		for _, size := range [][2]int{{120, 40}, {60, 20}, {33, 9}} {
			w, h := size[0], size[1]
			m := New(art, Options{Renderer: colourRenderer()})
			m = resize(m, w, h)
			var enc encoder
			term := termtest.New(w, h)
			for step := 0; step < 150; step++ {
				term.Write(enc.encode(m.View(), w, h))
				fresh := termtest.New(w, h)
				var whole encoder
				fresh.Write(whole.encode(m.View(), w, h))
				if term.Styled() != fresh.Styled() {
					t.Fatalf("%dx%d step %d: partial update differs from a full redraw\npartial:\n%s\nfull:\n%s", w, h, step, term.Styled(), fresh.Styled())
				}
				m = press(t, m, keys[rng.IntN(len(keys))])
			}
		}
	}
}

func TestChangedStretch(t *testing.T) {
	tests := []struct {
		old, new      string
		from, to, col int
		open          bool
	}{
		{"", "abc", 0, 3, 0, false},
		{"abcdef", "abXdef", 2, 3, 2, false},
		{" 1   text", " 1 ▌ text", 3, 6, 3, false},
		// inside a style: from its start to after its reset
		{"a\x1b[1mb\x1b[0mc", "a\x1b[1mB\x1b[0mc", 1, 10, 1, false},
		{"a\x1b[1mb\x1b[mc", "a\x1b[1mB\x1b[mc", 1, 9, 1, false},
		// attributes turned off one by one end the style too
		{"a\x1b[1;4mb\x1b[22;24mc", "a\x1b[1;4mB\x1b[22;24mc", 1, 16, 1, false},
		{"a\x1b[1;4mb\x1b[22mc\x1b[24m", "a\x1b[1;4mB\x1b[22mc\x1b[24m", 1, 19, 1, false},
		// a colour turned off by 39 but bold still on: no place to stop inside
		{"\x1b[1;31mab\x1b[39mc\x1b[0md", "\x1b[1;31mXb\x1b[39mc\x1b[0md", 0, 19, 0, false},
		// a style left on at the end of the line
		{"ab", "a\x1b[7mb", 1, 6, 1, true},
		{"", "\x1b[7mb", 0, 5, 0, true},
		// an OSC or a private-mode sequence is no style
		{"ab\x1b]8;;x\x1b\\c", "aB\x1b]8;;x\x1b\\c", 1, 2, 1, false},
		{"日本語", "日木語", 3, 6, 2, false},
	}
	for _, tt := range tests {
		from, to, col, open := new(cutScratch).changedStretch(tt.old, tt.new)
		if from != tt.from || to != tt.to || col != tt.col || open != tt.open {
			t.Errorf("changedStretch(%q, %q) = %d, %d, %d, %v; want %d, %d, %d, %v", tt.old, tt.new, from, to, col, open, tt.from, tt.to, tt.col, tt.open)
		}
	}
}

// A frame's encoding allocates a few times whatever number of lines
// changed: the safe places of each line are found in memory kept from
// line to line (200 SSH sessions had spent an eighth of the server's
// processor time allocating them).
func TestEncodeAllocs(t *testing.T) {
	if raceDetector {
		t.Skip("allocation counts are meaningless under -race")
	}
	m := newReader(t, content.Embedded(), 120, 40)
	var frames []string
	for _, k := range []string{"j", "j", "k", "k"} {
		m = press(t, m, k)
		frames = append(frames, m.View())
	}
	var enc encoder
	enc.encode(frames[0], 120, 40)
	i := 0
	allocs := testing.AllocsPerRun(100, func() {
		i++
		enc.encode(frames[i%len(frames)], 120, 40)
	})
	if allocs > 2 {
		t.Errorf("encoding a frame allocated %.1f times, want at most 2 (the lines, the output)", allocs)
	}
}
