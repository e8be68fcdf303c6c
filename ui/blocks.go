package ui

import (
	"sort"
	"strings"
	"unicode/utf8"

	"copydesk/content"
	"copydesk/content/formats"
	"copydesk/content/text"

	xansi "github.com/charmbracelet/x/ansi"
)

// Markdown and HTML articles come as blocks: headings, list items, block
// quotes and code besides paragraphs. Their text has no markup, so the
// analysis' byte spans still index it; what the markup meant is drawn
// around the text instead (a lead before each line: a list marker and the
// indent hanging under it, or quote bars) and under the highlights (inline
// styles as classes below the analysis' own, see styles.forMask). Nothing
// of this touches a plain-text paragraph, whose frames stay as they were.

// minText is the narrowest text a lead leaves beside it before it gives up
// its indents: below that, words break letter by letter.
const minText = 10

// blockLead is what goes before the lines of a paragraph at one width.
type blockLead struct {
	bars   int    // block quote bars, "│ " each
	indent int    // columns before the marker: nesting, or a code block's inset
	marker string // a list item's marker, on its first line only
	hang   int    // the marker's columns and a space; later lines indent as much
}

func (ld blockLead) width() int { return 2*ld.bars + ld.indent + ld.hang }

// leadFor is paragraph p's lead when its lines are w columns wide. A
// narrow pane takes the nesting indent away first, then all bars but one,
// then the marker, so the text keeps room and nothing is wider than w.
func leadFor(p *content.Paragraph, w int) blockLead {
	level := max(p.Level, 1)
	var ld blockLead
	switch p.Kind {
	case formats.Item:
		m := text.Clean(p.Marker)
		if m == "" {
			m = "•"
		}
		ld.marker, ld.hang = m, xansi.StringWidth(m)+1
		// Depth is capped where the indent could only ever be dropped,
		// so a hostile Level cannot overflow an int.
		ld.indent = 2 * (min(level, w) - 1)
		if w-ld.width() < minText {
			ld.indent = 0
		}
		if w-ld.hang < ld.hang {
			ld.marker, ld.hang = "", 0
		}
	case formats.Quote:
		ld.bars = min(level, w)
		if w-ld.width() < minText {
			ld.bars = 1
		}
		if w-2 < 2 {
			ld.bars = 0
		}
	case formats.Code:
		if w-2 >= minText {
			ld.indent = 2
		}
	}
	return ld
}

// decorated reports a paragraph whose lines are not laid out as plain text.
// A paragraph block with inline styles is not one: styles are painted, not
// laid out.
func decorated(p *content.Paragraph) bool {
	switch p.Kind {
	case formats.Heading, formats.Item, formats.Quote, formats.Code:
		return true
	}
	return false
}

// layoutBlock lays block bl of art out at l's width as the pane shows it.
// It reads nothing but its arguments, so a prefetch may call it from its
// goroutine with its own layouter.
func layoutBlock(l *layouter, art *content.Article, bl block) []layoutLine {
	p := &art.Paragraphs[bl.para]
	title := bl.para == 0 && hasTitle(art)
	if !decorated(p) {
		return l.layout(p.Text, bl.s, bl.e, title)
	}
	var ll []layoutLine
	ld := leadFor(p, l.width)
	switch p.Kind {
	case formats.Heading:
		ll = l.layout(p.Text, bl.s, bl.e, true)
	case formats.Code:
		ll = codeLines(p.Text, bl.s, bl.e, l.width-ld.width())
	default:
		ll = l.at(l.width-ld.width()).layout(p.Text, bl.s, bl.e, false)
	}
	if len(ll) == 0 {
		ll = []layoutLine{{}}
	}
	pad := strings.Repeat(" ", ld.indent+ld.hang)
	first := pad
	if ld.marker != "" && bl.s == 0 {
		first = strings.Repeat(" ", ld.indent) + ld.marker + " "
	}
	for i := range ll {
		ll[i].lead, ll[i].bars, ll[i].blk = pad, ld.bars, true
		ll[i].width += ld.width()
	}
	ll[0].lead = first
	return ll
}

// tabStop is the width of a code block's tab stops.
const tabStop = 4

// codeLines lays out para[s:e], a code block, at width w: line for line as
// written, spaces kept, and only lines wider than w broken. Every shown
// space stands for its byte, so a highlight across one stays whole.
func codeLines(para string, s, e, w int) []layoutLine {
	var out []layoutLine
	var b strings.Builder
	var offs []int32
	col := 0
	end := func() {
		txt := b.String()
		trimmed := strings.TrimRight(txt, " ")
		offs = offs[:len(offs)-(len(txt)-len(trimmed))]
		if trimmed == "" {
			out = append(out, layoutLine{})
		} else {
			out = append(out, hardwrapAt(layoutLine{text: trimmed, offs: offs}, w)...)
		}
		b.Reset()
		offs, col = nil, 0
	}
	text.CleanEach(para[s:e], func(r rune, off int) {
		switch para[s+off] {
		case '\n':
			end()
			return
		case '\r':
			return
		case '\t':
			n := tabStop - col%tabStop
			offs = append(offs, int32(s+off))
			for range n - 1 {
				offs = append(offs, -1)
			}
			b.WriteString("    "[:n])
			col += n
			return
		}
		offs = append(offs, int32(s+off))
		b.WriteRune(r)
		if r < utf8.RuneSelf {
			col++
		} else {
			col += xansi.StringWidth(string(r))
		}
	})
	end()
	// A block that starts or ends at a line break leaves an empty line
	// that is no line of the code.
	for len(out) > 1 && out[len(out)-1].text == "" {
		out = out[:len(out)-1]
	}
	return out
}

// blockClass is the class every rune of paragraph p is painted with.
func blockClass(p *content.Paragraph) uint16 {
	switch p.Kind {
	case formats.Heading:
		return clsHeading
	case formats.Code:
		return clsCode
	}
	return 0
}

// appendStyles appends the inline styles of a paragraph that touch [s, e)
// as spans, painted under the highlights. Styles are sorted by start, and
// none that starts before lo reaches s.
func appendStyles(out []hlSpan, styles []formats.Style, lo, s, e int) []hlSpan {
	if len(styles) == 0 {
		return out
	}
	i := sort.Search(len(styles), func(i int) bool { return styles[i].Start >= lo })
	for ; i < len(styles) && styles[i].Start < e; i++ {
		st := styles[i]
		if st.End <= s {
			continue
		}
		var cls uint16
		switch st.Kind {
		case formats.Strong:
			cls = clsStrong
		case formats.Emphasis:
			cls = clsEmphasis
		case formats.InlineCode:
			cls = clsCode
		case formats.Link:
			cls = clsLink
		default:
			continue
		}
		out = append(out, mkSpan(st.Start, st.End, cls))
	}
	return out
}
