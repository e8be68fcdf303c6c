package ui

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"copydesk/content/text"

	"github.com/charmbracelet/glamour/ansi"
	xansi "github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/renderer"
	"github.com/yuin/goldmark/util"
)

// Paragraphs are laid out by Glamour (word wrap, block layout) and then
// matched back, rune by rune, to their byte offsets in the article, so the
// highlights of the analysis (byte spans) can be painted on the wrapped
// lines. Glamour's own colours are not used for the body: the terminal's
// default foreground reads well on dark and light backgrounds and costs no
// bytes over SSH.

// layoutLine is one wrapped line: its text and, per rune, the byte offset in
// the paragraph it shows (-1 for a space that wrapping or collapsing made).
// A line of a list item, block quote or code block has a lead before its
// text (see blocks.go); width counts it.
type layoutLine struct {
	text  string
	offs  []int32
	width int
	lead  string // a list marker or the indent hanging under it
	bars  int    // block quote bars drawn before lead
	blk   bool   // laid out for its paragraph's block kind, not as plain text
}

// layouter renders text blocks at one width. It is not safe for concurrent
// use (neither is Glamour); each reader owns one.
type layouter struct {
	md      goldmark.Markdown
	width   int
	buf     bytes.Buffer
	src     bytes.Buffer
	disp    []rune
	doff    []int32
	profile termenv.Profile
	dark    bool
	narrow  map[int]*layouter // for the text beside a block's lead (see at)
}

// glamourStyle is copydesk's own Glamour style: no margins, no colour for
// body text, a bold heading tinted for the terminal's background.
func glamourStyle(dark bool) ansi.StyleConfig {
	zero := uint(0)
	yes := true
	heading := "24"
	if dark {
		heading = "117"
	}
	return ansi.StyleConfig{
		Document:  ansi.StyleBlock{Margin: &zero},
		Paragraph: ansi.StyleBlock{},
		Heading:   ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Bold: &yes, Color: &heading}},
		H1:        ansi.StyleBlock{StylePrimitive: ansi.StylePrimitive{Bold: &yes}},
	}
}

func newLayouter(width int, profile termenv.Profile, dark bool) *layouter {
	// Plain CommonMark, without GFM's autolinks, tables and strikethrough:
	// article text is escaped below, and nothing in it may become markup.
	md := goldmark.New(goldmark.WithRenderer(renderer.NewRenderer(renderer.WithNodeRenderers(
		util.Prioritized(ansi.NewRenderer(ansi.Options{WordWrap: width, ColorProfile: profile, Styles: glamourStyle(dark)}), 1000)))))
	return &layouter{md: md, width: width, profile: profile, dark: dark}
}

// at returns a layouter for width w, sharing l's settings. Glamour wraps at
// the width it was built with, and a list item's or quote's text is
// narrower than the pane by its lead; the few widths leads make are kept.
func (l *layouter) at(w int) *layouter {
	if w == l.width {
		return l
	}
	if n, ok := l.narrow[w]; ok {
		return n
	}
	if l.narrow == nil || len(l.narrow) >= 8 {
		l.narrow = map[int]*layouter{}
	}
	n := newLayouter(w, l.profile, l.dark)
	l.narrow[w] = n
	return n
}

// mdEscape holds the characters Glamour unescapes after a backslash; '&' is
// written as an entity because Glamour unescapes HTML entities in text.
const mdEscape = "\\`*_{}[]<>()#+.!|"

// layout wraps para[s:e] (a block of a paragraph) to the layouter's width.
func (l *layouter) layout(para string, s, e int, heading bool) []layoutLine {
	l.disp, l.doff = l.disp[:0], l.doff[:0]
	space := false
	text.CleanEach(para[s:e], func(r rune, off int) {
		if r == ' ' {
			space = len(l.disp) > 0
			return
		}
		if space {
			l.disp = append(l.disp, ' ')
			l.doff = append(l.doff, -1)
			space = false
		}
		l.disp = append(l.disp, r)
		l.doff = append(l.doff, int32(s+off))
	})
	if len(l.disp) == 0 || l.width < 1 {
		return nil
	}
	l.src.Reset()
	if heading {
		l.src.WriteString("# ")
	}
	for _, r := range l.disp {
		switch {
		case r == '&':
			l.src.WriteString("&amp;")
		case r == '-':
			// Glamour's word wrap miscounts after a hyphen and breaks
			// lines early; a non-breaking hyphen keeps it from trying.
			l.src.WriteString("\u2011")
		case r < utf8.RuneSelf && strings.IndexByte(mdEscape, byte(r)) >= 0:
			l.src.WriteByte('\\')
			l.src.WriteByte(byte(r))
		default:
			l.src.WriteRune(r)
		}
	}
	l.buf.Reset()
	if err := l.md.Convert(l.src.Bytes(), &l.buf); err != nil {
		return l.fallback()
	}
	lines, ok := l.align(xansi.Strip(l.buf.String()))
	if !ok {
		return l.fallback()
	}
	return lines
}

// align matches Glamour's output lines to the display runes. Glamour only
// moves white space, so every other rune must come out in order.
func (l *layouter) align(out string) ([]layoutLine, bool) {
	var lines []layoutLine
	p := 0
	for _, raw := range strings.Split(out, "\n") {
		raw = strings.TrimRight(raw, " ")
		raw = strings.TrimLeft(raw, " ")
		if raw == "" {
			continue
		}
		ll := layoutLine{offs: make([]int32, 0, len(raw))}
		var b strings.Builder
		for _, r := range raw {
			if r == ' ' {
				ll.offs = append(ll.offs, -1)
				b.WriteByte(' ')
				continue
			}
			for p < len(l.disp) && l.disp[p] == ' ' {
				p++
			}
			if p >= len(l.disp) || l.disp[p] != r && !(r == '\u2011' && l.disp[p] == '-') {
				return nil, false
			}
			ll.offs = append(ll.offs, l.doff[p])
			b.WriteRune(l.disp[p])
			p++
		}
		ll.text = b.String()
		lines = append(lines, l.hardwrap(ll)...)
	}
	for p < len(l.disp) && l.disp[p] == ' ' {
		p++
	}
	return lines, p == len(l.disp)
}

// hardwrap measures a line in grapheme clusters, as lipgloss and the
// terminal do (Glamour's wrap counts runes, and a flag is two runes but one
// two-column cluster), and breaks it where it is still too wide, so no line
// is ever wider than the pane.
func (l *layouter) hardwrap(ll layoutLine) []layoutLine {
	return hardwrapAt(ll, l.width)
}

// hardwrapAt is hardwrap at a width of the caller's: a code block's lines
// are no Glamour output but must fit beside its lead all the same.
func hardwrapAt(ll layoutLine, width int) []layoutLine {
	var out []layoutLine
	var b strings.Builder
	cur := layoutLine{}
	i := 0
	for rest := ll.text; rest != ""; {
		cl, w := xansi.FirstGraphemeCluster(rest, xansi.GraphemeWidth)
		rest = rest[len(cl):]
		n := utf8.RuneCountInString(cl)
		if cur.width+w > width && cur.width > 0 {
			cur.text = b.String()
			out = append(out, cur)
			b.Reset()
			cur = layoutLine{}
		}
		if w > width { // a double-width character in a one-column pane
			cl, w = string(text.Placeholder), 1
			cur.offs = append(cur.offs, ll.offs[i])
		} else {
			cur.offs = append(cur.offs, ll.offs[i:i+n]...)
		}
		b.WriteString(cl)
		cur.width += w
		i += n
	}
	if b.Len() > 0 {
		cur.text = b.String()
		out = append(out, cur)
	}
	return out
}

// fallback wraps the display runes at spaces, for text Glamour did not give
// back rune for rune; hardwrap then measures and breaks what is too wide.
func (l *layouter) fallback() []layoutLine {
	var out []layoutLine
	var b strings.Builder
	cur := layoutLine{}
	flush := func() {
		cur.text = b.String()
		if cur.text != "" {
			out = append(out, l.hardwrap(cur)...)
		}
		b.Reset()
		cur = layoutLine{}
	}
	for i := 0; i < len(l.disp); {
		j := i
		for j < len(l.disp) && l.disp[j] != ' ' {
			j++
		}
		word := string(l.disp[i:j])
		ww := xansi.StringWidth(word)
		if cur.width > 0 && cur.width+1+ww > l.width {
			flush()
		} else if cur.width > 0 {
			b.WriteByte(' ')
			cur.offs = append(cur.offs, -1)
			cur.width++
		}
		b.WriteString(word)
		cur.offs = append(cur.offs, l.doff[i:j]...)
		cur.width += ww
		i = j + 1
	}
	flush()
	return out
}
