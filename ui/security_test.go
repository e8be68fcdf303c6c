package ui

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"copydesk/content"
	"copydesk/internal/testkit"
)

var sgrOnly = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// An article made of escape sequences draws nothing but the reader's own
// styling: every ESC in a frame starts a colour or attribute sequence, and
// no other control character, C1 control or bidi override gets through.
func TestHostileArticleCannotControlTheTerminal(t *testing.T) {
	var b strings.Builder
	for _, s := range []string{
		"\x1b]52;c;cm0gLXJmIH4vKg==\x07clipboard", "\x1b]8;;https://evil.example\x1b\\link\x1b]8;;\x1b\\",
		"\x1b]0;retitled\x1b\\", "\x1b[2J\x1b[H\x1b[31mred", "\x1bP+q544e\x1b\\", "\x1b_Ga=T;AAAA\x1b\\",
		"\u009b2J\u009d0;c1\u009c", "\x1b(0lqqk\x1b(B", "\x1b[?1049l\x1b[?25h", "\x07\x08\x7f",
		"a\u202Eevil\u202C b\u2066iso\u2069", "\x1b]11;?\x1b\\\x1b[6n", "\x1b[200~paste\x1b[201~",
	} {
		b.WriteString("He said \"" + s + " here,\" the official said on 12 March. ")
		b.WriteString("\n\n")
	}
	art, err := content.Parse("escapes.txt", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	m := New(art, Options{Renderer: colourRenderer()})
	m = resize(m, 100, 30)
	check := func(view, when string) {
		t.Helper()
		rest := sgrOnly.ReplaceAllString(view, "")
		for _, r := range rest {
			if r == '\n' {
				continue
			}
			if r < 0x20 || r == 0x7f || r >= 0x80 && r < 0xa0 || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069 {
				t.Fatalf("%s: control %U reaches the terminal", when, r)
			}
		}
	}
	check(m.View(), "first frame")
	for _, k := range []string{"j", "j", "f", "]", "v", "tab", "j", "esc", "v", "/", "evil", "enter", "G", "?"} {
		m = press(t, m, k)
		check(m.View(), "after "+k)
	}
	// and through the screen, byte for byte what the terminal gets
	var enc encoder
	rest := regexp.MustCompile(`\x1b\[[0-9;]*[mHKJ]`).ReplaceAll(enc.encode(m.View(), 100, 30), nil)
	if i := bytes.IndexByte(rest, 0x1b); i >= 0 {
		t.Fatalf("an escape the reader did not write: %q", rest[i:min(i+20, len(rest))])
	}
}

// A hundred thousand one-word paragraphs: the first frame costs what
// reading them costs (linear), and a key press costs what it costs on ten
// thousand. Measured as ratios with generous factors, so a busy machine
// does not decide.
func TestManyParagraphs(t *testing.T) {
	reader := func(n int) (first func(), keys func(), m *Model) {
		data := []byte(strings.Repeat("Word.\n\n", n))
		m = new(Model)
		first = func() {
			art, err := content.Parse("words.txt", data)
			if err != nil {
				t.Fatal(err)
			}
			*m = resize(New(art, Options{Renderer: colourRenderer()}), 120, 40)
			_ = m.View()
		}
		middle := strings.Split(strconv.Itoa(n/2), "")
		keys = func() {
			*m = press(t, *m, append(append([]string{"G", "k"}, middle...), "g", "j")...)
			_ = m.View()
		}
		return first, keys, m
	}
	first10k, keys10k, _ := reader(10_000)
	first100k, keys100k, m := reader(100_000)
	g := testkit.Growth(first10k, first100k)
	t.Logf("first frame: %.1fx the cost for 10x the paragraphs", g)
	if g > 40 {
		t.Errorf("the first frame costs %.0fx more for 10x the paragraphs", g)
	}
	first10k()
	first100k()
	g = testkit.Growth(keys10k, keys100k)
	t.Logf("keys: %.1fx the cost for 10x the paragraphs", g)
	if g > 4 {
		t.Errorf("keys cost %.1fx more on 10x the paragraphs", g)
	}
	wantStatus(t, *m, `¶ 50001/100000`)
}
