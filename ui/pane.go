package ui

import (
	"cmp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"copydesk/content"
	"copydesk/content/formats"
)

// The article pane scrolls through blocks: a paragraph is one block, or
// several when it is longer than maxBlock bytes, so a 50 MB single-line
// article is still laid out a screenful at a time. The position is a block
// and a line inside it; nothing on a key press looks further than the screen
// (bubbles' viewport would need every line rendered up front).

const maxBlock = 4096

type block struct {
	para int
	s, e int // byte range in the paragraph's text
}

// hlSpan is a highlighted byte range of a paragraph.
type hlSpan struct {
	s, e int32 // bytes of the paragraph: half the memory of ints, and an article is far below 2 GB
	cls  uint16
}

func mkSpan(s, e int, cls uint16) hlSpan { return hlSpan{int32(s), int32(e), cls} }

type pane struct {
	st   *styles
	lay  *layouter
	art  *content.Article
	mk   func(width int) *layouter
	dark bool

	*blockIndex // shared with the article's other readers: read only
	shared      *layoutCache

	width, height int
	gutterW, numW int

	// Laid-out and painted lines by block, for the current text width;
	// the last few widths are kept, so showing and hiding the panel or
	// resizing back does not lay everything out again.
	layouts map[int][]layoutLine
	painted map[int][]string
	widths  map[int]*widthCache

	spans   [][]hlSpan       // by paragraph, from the analysis, sorted by start
	spanMax int              // the longest span, in bytes
	matches map[int][]hlSpan // search matches by paragraph
	marks   map[int][]hlSpan // review marks on quotes and figures, by paragraph
	glyphs  map[int]rune     // the review mark of each paragraph, for the gutter
	active  hlSpan           // the current quote, figure or match
	actPara int              // paragraph of active, -1 for none

	top, topLine int
	focus        int
	blank        string
	focusBar     string // the gutter of the focused paragraph's later lines
	uses         int
	preBusy      bool // a prefetch is running
}

// blockIndex is how an article's paragraphs are cut into blocks: the
// same for every reader of the article, so its readers share one (a
// server's sessions; 50 MB: 7 MB each otherwise).
type blockIndex struct {
	blocks   []block
	first    []int // the first block of each paragraph
	styleMax int   // the longest inline style of a paragraph, in bytes
}

// articleBlocks holds the block index of each article being read.
var articleBlocks sharedBy[content.Article, blockIndex]

func indexBlocks(art *content.Article) *blockIndex {
	x := &blockIndex{first: make([]int, len(art.Paragraphs))}
	// made to size at once, as growing copies it: every block but a
	// paragraph's last holds at least half of maxBlock
	x.blocks = make([]block, 0, len(art.Paragraphs)+2*art.Size()/maxBlock)
	for i, para := range art.Paragraphs {
		x.first[i] = len(x.blocks)
		text := para.Text
		for s := 0; s < len(text); {
			e := splitPoint(text, s)
			x.blocks = append(x.blocks, block{para: i, s: s, e: e})
			s = e
		}
		if len(text) == 0 {
			x.blocks = append(x.blocks, block{para: i})
		}
		for _, st := range para.Styles {
			x.styleMax = max(x.styleMax, st.End-st.Start)
		}
	}
	return x
}

func newPane(art *content.Article, st *styles, mk func(int) *layouter) *pane {
	p := &pane{art: art, st: st, mk: mk, actPara: -1, layouts: map[int][]layoutLine{}, painted: map[int][]string{}}
	p.blockIndex = articleBlocks.get(art, func() *blockIndex { return indexBlocks(art) })
	p.shared = articleLayouts.get(art, func() *layoutCache { return &layoutCache{m: map[layoutKey][]layoutLine{}} })
	p.numW = len(strconv.Itoa(len(art.Paragraphs)))
	if hasTitle(art) {
		// before the analysis arrives, the title is the only highlight
		p.spans = [][]hlSpan{{mkSpan(0, len(art.Title), clsTitle)}}
		p.spanMax = len(art.Title)
	}
	return p
}

// splitPoint ends a block at a space before maxBlock bytes, so long
// paragraphs break between words.
func splitPoint(text string, s int) int {
	if len(text)-s <= maxBlock {
		return len(text)
	}
	e := s + maxBlock
	for e > s+maxBlock/2 && text[e-1] != ' ' {
		e--
	}
	if text[e-1] != ' ' {
		e = s + maxBlock
	}
	for e > s && !utf8.RuneStart(text[e]) {
		e--
	}
	return e
}

func (p *pane) setSize(w, h int) {
	if w == p.width && h == p.height {
		return
	}
	p.gutterW = p.numW + 3
	if p.gutterW > w/2 {
		p.gutterW = 0
	}
	// Inside a paragraph taller than the screen, the place in it is kept:
	// the words at the top stay at the top at the new width. (Elsewhere the
	// top block stays and the focused paragraph is brought on screen.)
	off := -1
	if p.lay != nil && len(p.blocks) > 0 && p.blocks[p.top].para == p.focus && p.tall(p.focus) {
		off = p.topOffset()
	}
	// one column of margin on the right keeps text off the panel border
	p.useWidth(max(w-p.gutterW-1, 1))
	p.width, p.height = w, h
	p.topLine = 0
	if off >= 0 {
		p.topLine = p.lineIn(p.top, off)
	}
	p.clampEnd()
	if off < 0 || !p.tall(p.focus) {
		p.ensureVisible(p.focus, false)
	}
}

type widthCache struct {
	lay     *layouter
	pre     *layouter // the background prefetch's own
	layouts map[int][]layoutLine
	painted map[int][]string
	used    int
}

func (p *pane) useWidth(bw int) {
	if p.lay != nil && p.lay.width == bw {
		return
	}
	if p.widths == nil {
		p.widths = map[int]*widthCache{}
	}
	wc, ok := p.widths[bw]
	if !ok {
		if len(p.widths) >= 3 {
			oldest := -1
			for w, c := range p.widths {
				if oldest < 0 || c.used < p.widths[oldest].used {
					oldest = w
				}
			}
			delete(p.widths, oldest)
		}
		wc = &widthCache{lay: p.mk(bw), layouts: map[int][]layoutLine{}, painted: map[int][]string{}}
		p.widths[bw] = wc
	}
	p.uses++
	wc.used = p.uses
	p.lay, p.layouts, p.painted = wc.lay, wc.layouts, wc.painted
}

// clearPainted drops painted lines at every kept width, after the
// highlights changed.
func (p *pane) clearPainted() {
	for _, wc := range p.widths {
		clear(wc.painted)
	}
}

func (p *pane) lines(b int) []layoutLine {
	bl := p.blocks[b]
	// The prefetch lays every block out as plain text; a list item, quote,
	// heading or code block it laid out is done again, with its lead.
	if ll, ok := p.layouts[b]; ok && (ll[0].blk || !decorated(&p.art.Paragraphs[bl.para])) {
		return ll
	}
	if len(p.layouts) > 4096 { // bound memory on long scrolls
		clear(p.layouts)
		clear(p.painted)
	}
	ll := p.shared.block(p.lay, p.art, b, bl)
	p.layouts[b] = ll
	return ll
}

// rows is the height of block b on screen, with the blank line after the
// last block of a paragraph.
func (p *pane) rows(b int) int {
	n := len(p.lines(b))
	if p.lastOfPara(b) && p.gapAfter(p.blocks[b].para) {
		n++
	}
	return n
}

// gapAfter reports a blank line between paragraph para and the next: every
// pair has one but two items of a list, which read as one list.
func (p *pane) gapAfter(para int) bool {
	if para >= len(p.art.Paragraphs)-1 {
		return false
	}
	return p.art.Paragraphs[para].Kind != formats.Item || p.art.Paragraphs[para+1].Kind != formats.Item
}

// gap is the blank line after paragraph para, "" but between two paragraphs
// of a block quote, whose bars it carries on (as many as both have).
func (p *pane) gap(para int) (string, int) {
	a, b := &p.art.Paragraphs[para], &p.art.Paragraphs[para+1]
	if a.Kind != formats.Quote || b.Kind != formats.Quote {
		return "", 0
	}
	n := min(leadFor(a, p.lay.width).bars, leadFor(b, p.lay.width).bars)
	if n == 0 {
		return "", 0
	}
	bars := strings.Repeat("│ ", n)
	bars = bars[:len(bars)-1]
	return p.blankGutter() + p.st.wrap("bar", p.st.Bar, bars), p.gutterW + 2*n - 1
}

func (p *pane) lastOfPara(b int) bool {
	return b+1 >= len(p.blocks) || p.blocks[b+1].para != p.blocks[b].para
}

func (p *pane) paintedLines(b int) []string {
	if pl, ok := p.painted[b]; ok {
		return pl
	}
	bl := p.blocks[b]
	ll := p.lines(b)
	spans := p.spansFor(bl.para, bl.s, bl.e)
	base := blockClass(&p.art.Paragraphs[bl.para])
	out := make([]string, len(ll))
	for i := range ll {
		out[i] = p.paint(&ll[i], spans, base)
	}
	p.painted[b] = out
	return out
}

// spansFor gathers the highlights of paragraph para that touch [s, e).
func (p *pane) spansFor(para, s, e int) []hlSpan {
	var out []hlSpan
	// Lists are sorted by start; a span that starts before s may still
	// reach into the block, so the scan starts spanMax bytes earlier.
	add := func(list []hlSpan) {
		lo := s - p.spanMax
		i := sort.Search(len(list), func(i int) bool { return int(list[i].s) >= lo })
		for ; i < len(list) && int(list[i].s) < e; i++ {
			if int(list[i].e) > s {
				out = append(out, list[i])
			}
		}
	}
	if para < len(p.spans) {
		add(p.spans[para])
	}
	add(p.matches[para])
	add(p.marks[para])
	if para < len(p.art.Paragraphs) {
		out = appendStyles(out, p.art.Paragraphs[para].Styles, s-p.styleMax, s, e)
	}
	if p.actPara == para && int(p.active.s) < e && int(p.active.e) > s {
		out = append(out, p.active)
	}
	return out
}

// paint styles one laid-out line, its lead first. A space between two
// runes of the same highlight takes that highlight, so a quote reads as one
// stretch; base is the class of every rune (a heading's, a code block's).
func (p *pane) paint(ll *layoutLine, spans []hlSpan, base uint16) string {
	lead := ll.lead
	if ll.bars > 0 {
		lead = p.st.wrap("bar", p.st.Bar, strings.Repeat("│ ", ll.bars)) + lead
	}
	if len(spans) == 0 && base == 0 || ll.text == "" {
		return lead + ll.text
	}
	masks := make([]uint16, len(ll.offs))
	for i, off := range ll.offs {
		if off < 0 {
			continue
		}
		m := base
		for _, sp := range spans {
			if int(off) >= int(sp.s) && int(off) < int(sp.e) {
				m |= sp.cls
			}
		}
		masks[i] = m
	}
	for i, off := range ll.offs {
		if off < 0 && i > 0 && i+1 < len(masks) {
			masks[i] = masks[i-1] & masks[i+1]
		}
	}
	var b strings.Builder
	b.Grow(len(ll.text) + 32)
	cur, open := uint16(0), false
	i := 0
	for _, r := range ll.text {
		m := masks[i]
		if m != cur {
			if open {
				b.WriteString("\x1b[0m")
				open = false
			}
			if m != 0 {
				if sgr := p.st.sgr(m); sgr != "" {
					b.WriteString(sgr)
					open = true
				}
			}
			cur = m
		}
		b.WriteRune(r)
		i++
	}
	if open {
		b.WriteString("\x1b[0m")
	}
	s := b.String()
	if !strings.Contains(s, "\x1b") {
		return lead + ll.text
	}
	return lead + s
}

// invalidate drops the painted lines of a paragraph, after its highlights
// changed.
func (p *pane) invalidate(para int) {
	if para < 0 || para >= len(p.first) {
		return
	}
	for b := p.first[para]; b < len(p.blocks) && p.blocks[b].para == para; b++ {
		for _, wc := range p.widths {
			delete(wc.painted, b)
		}
	}
}

func (p *pane) setActive(para int, sp hlSpan) {
	p.invalidate(p.actPara)
	p.actPara, p.active = para, sp
	p.invalidate(para)
}

func (p *pane) setHighlights(spans [][]hlSpan, longest int) {
	p.spans = spans
	p.spanMax = max(p.spanMax, longest)
	p.clearPainted()
}

// setMarks shows review marks: tints on the marked quotes and figures, and
// a glyph in the gutter of each marked paragraph (glyphs is the reader's,
// read as the gutter is drawn).
func (p *pane) setMarks(m map[int][]hlSpan, glyphs map[int]rune) {
	p.marks, p.glyphs = m, glyphs
	p.clearPainted()
}

// setParaMarks sets the tints of paragraph para's marked words.
func (p *pane) setParaMarks(para int, spans []hlSpan) {
	slices.SortFunc(spans, func(a, b hlSpan) int { return cmp.Compare(a.s, b.s) })
	for _, sp := range spans {
		p.spanMax = max(p.spanMax, int(sp.e-sp.s))
	}
	if len(spans) == 0 {
		delete(p.marks, para)
	} else {
		p.marks[para] = spans
	}
	p.invalidate(para)
}

func (p *pane) setMatches(m map[int][]hlSpan) {
	p.matches = m
	p.clearPainted()
	for _, list := range m {
		for _, sp := range list {
			p.spanMax = max(p.spanMax, int(sp.e-sp.s))
		}
	}
}

// view draws the visible rows, each exactly p.width columns wide when pad is
// set (the panel sits to the right), else without trailing spaces.
func (p *pane) view(pad bool) []string {
	out := make([]string, 0, p.height)
	b, l := p.top, p.topLine
	for len(out) < p.height && b < len(p.blocks) {
		pl := p.paintedLines(b)
		ll := p.lines(b)
		rows := p.rows(b)
		for ; l < rows && len(out) < p.height; l++ {
			var line string
			w := 0
			if l < len(pl) {
				line = p.gutter(b, l) + pl[l]
				w = p.gutterW + ll[l].width
			} else {
				line, w = p.gap(p.blocks[b].para)
			}
			if pad && w < p.width {
				line += strings.Repeat(" ", p.width-w)
			}
			out = append(out, line)
		}
		b, l = b+1, 0
	}
	for len(out) < p.height {
		if pad {
			out = append(out, strings.Repeat(" ", p.width))
		} else {
			out = append(out, "")
		}
	}
	return out
}

// gutter is the paragraph number (first line only) and the focus bar. It
// is drawn on every line of every frame, so it is built from cached style
// prefixes rather than rendered.
func (p *pane) gutter(b, l int) string {
	if p.gutterW == 0 {
		return ""
	}
	bl := p.blocks[b]
	first := l == 0 && p.first[bl.para] == b
	focused := bl.para == p.focus
	switch {
	case !first && !focused:
		return p.blankGutter()
	case !first:
		// every row of a paragraph taller than the screen is one of these
		if p.focusBar == "" {
			p.focusBar = p.st.wrap("gutterFocus", p.st.GutterFocus, strings.Repeat(" ", p.numW)+" ▌") + " "
		}
		return p.focusBar
	}
	num := strconv.Itoa(bl.para + 1)
	num = strings.Repeat(" ", max(p.numW-len(num), 0)) + num
	g, marked := p.glyphs[bl.para]
	switch {
	case !marked && focused:
		return p.st.wrap("gutterFocus", p.st.GutterFocus, num+" ▌") + " "
	case !marked:
		return p.st.wrap("gutter", p.st.Gutter, num) + "   "
	}
	mark := p.st.wrap(string(g), p.st.markStyle(string(g)), string(g))
	if focused {
		return p.st.wrap("gutterFocus", p.st.GutterFocus, num) + mark + p.st.wrap("gutterFocus", p.st.GutterFocus, "▌") + " "
	}
	return p.st.wrap("gutter", p.st.Gutter, num) + mark + "  "
}

func (p *pane) blankGutter() string {
	if len(p.blank) != p.gutterW {
		p.blank = strings.Repeat(" ", p.gutterW)
	}
	return p.blank
}

// --- scrolling -------------------------------------------------------------

// down moves the top n rows down, stopping where the last row reaches the
// bottom of the pane.
func (p *pane) down(n int) {
	for n > 0 {
		r := p.rows(p.top)
		if p.topLine+n < r {
			p.topLine += n
			break
		}
		if p.top+1 >= len(p.blocks) {
			p.topLine = r - 1
			break
		}
		n -= r - p.topLine
		p.top, p.topLine = p.top+1, 0
	}
	p.clampEnd()
}

// up moves the top n rows up.
func (p *pane) up(n int) {
	for n > 0 {
		if p.topLine >= n {
			p.topLine -= n
			return
		}
		n -= p.topLine + 1
		if p.top == 0 {
			p.topLine = 0
			return
		}
		p.top--
		p.topLine = p.rows(p.top) - 1
	}
}

// clampEnd keeps the pane full: it never scrolls past the point where the
// document's last row is at the bottom.
func (p *pane) clampEnd() {
	if p.height <= 0 {
		return
	}
	avail := 0
	for b := p.top; b < len(p.blocks) && avail < p.height; b++ {
		r := p.rows(b)
		if b == p.top {
			r -= p.topLine
		}
		avail += r
	}
	if avail < p.height {
		p.up(p.height - avail)
	}
}

// rowOf returns the row on screen where paragraph para starts, or -1 when it
// starts above the top, or p.height when it starts below the bottom.
func (p *pane) rowOf(para int) int {
	fb := p.first[para]
	if fb < p.top || fb == p.top && p.topLine > 0 {
		return -1
	}
	row := -p.topLine
	for b := p.top; b < fb; b++ {
		row += p.rows(b)
		if row >= p.height {
			return p.height
		}
	}
	return row
}

// paraHeight is the number of lines of paragraph para, counted up to limit.
func (p *pane) paraHeight(para, limit int) int {
	n := 0
	for b := p.first[para]; b < len(p.blocks) && p.blocks[b].para == para && n < limit; b++ {
		n += len(p.lines(b))
	}
	return n
}

// ensureVisible scrolls so paragraph para is on screen. Nothing moves when
// it is fully visible. Otherwise it lands a third of the way down (moving
// down) or ends two thirds of the way down (moving up), so the next steps
// need no scrolling: each scroll redraws every line, which costs bytes over
// SSH.
func (p *pane) ensureVisible(para int, jump bool) {
	if para < 0 || para >= len(p.first) || p.height <= 0 {
		return
	}
	row := p.rowOf(para)
	h := p.paraHeight(para, p.height+1)
	if row >= 0 && row < p.height && row+h <= p.height {
		return
	}
	r := p.height / 3
	if row < 0 && !jump {
		r = 2*p.height/3 - h
	}
	r = max(min(r, p.height-h), 0)
	p.top, p.topLine = p.first[para], 0
	p.up(r)
	p.clampEnd()
}

// firstVisible is the first paragraph that starts on screen, or the one the
// screen is inside.
func (p *pane) firstVisible() int {
	if p.topLine == 0 && p.first[p.blocks[p.top].para] == p.top {
		return p.blocks[p.top].para
	}
	row := p.rows(p.top) - p.topLine
	for b := p.top + 1; b < len(p.blocks) && row < p.height; b++ {
		if p.first[p.blocks[b].para] == b {
			return p.blocks[b].para
		}
		row += p.rows(b)
	}
	return p.blocks[p.top].para
}

// focusOnScreen moves the focus onto the screen after a scroll. A paragraph
// taller than the screen keeps it while any of its lines is shown: it is
// being read.
func (p *pane) focusOnScreen() {
	row := p.rowOf(p.focus)
	if row >= 0 && row < p.height {
		return
	}
	if row < 0 && p.tall(p.focus) {
		if _, on, _ := p.place(p.focus, 0); on > 0 {
			return
		}
	}
	p.focus = p.firstVisible()
}

// --- paragraphs taller than the screen --------------------------------------
//
// A paragraph with more lines than the pane has rows is read inside: j and
// k scroll through it before they move to the next or previous paragraph.
// Everything here starts from the screen's top block and walks at most a
// screenful of rows, plus the lines asked for, over the layouts the screen
// uses anyway: nothing depends on the document's length, nor (but for the
// status line's count, see position) on the paragraph's.

// tall reports whether paragraph para has more lines than the pane has
// rows. It looks at a screenful of the paragraph at most.
func (p *pane) tall(para int) bool {
	return p.height > 0 && para >= 0 && para < len(p.first) && p.paraHeight(para, p.height+1) > p.height
}

// place is where paragraph para's lines lie against the screen: how many
// are above its top, on it, and below its bottom; above and below are
// counted up to limit (at least the lines of the blocks touching the
// screen). The blank line after a paragraph is none of its lines.
func (p *pane) place(para, limit int) (above, on, below int) {
	if para < 0 || para >= len(p.first) || p.height <= 0 || p.top >= len(p.blocks) {
		return 0, 0, 0
	}
	tp := p.blocks[p.top].para
	if tp > para {
		return 0, 0, 0 // it ended above the screen
	}
	if tp == para {
		above = min(p.topLine, len(p.lines(p.top)))
		for b := p.top - 1; b >= p.first[para] && above < limit; b-- {
			above += len(p.lines(b))
		}
	}
	row := -p.topLine
	for b := p.top; b < len(p.blocks) && p.blocks[b].para <= para; b++ {
		if p.blocks[b].para < para {
			if row += p.rows(b); row >= p.height {
				return 0, 0, 0 // it starts below the screen
			}
			continue
		}
		n := len(p.lines(b)) // on rows [row, row+n)
		if lo, hi := max(row, 0), min(row+n, p.height); hi > lo {
			on += hi - lo
		}
		if row+n > p.height {
			below += row + n - max(row, p.height)
		}
		if row+n >= p.height && below >= limit {
			break
		}
		row += p.rows(b)
	}
	return above, on, below
}

// readStep is how far j and k scroll inside a paragraph taller than the
// screen: a third of the pane. Two thirds of what was shown stay, so the
// eye finds its line again and every line of the paragraph is read on
// screen; line by line (ctrl+e, ctrl+y) would take a key per line and
// redraw every row for each, which costs bytes over SSH, and a page
// (space) leaves the reader to find the place again.
func (p *pane) readStep() int { return max(p.height/3, 1) }

// maxReadSteps bounds the steps a count (500j) scrolls inside a paragraph,
// so a key never lays out more than that many steps of lines.
const maxReadSteps = 100

// readDown scrolls the focused paragraph, when it is taller than the
// screen and goes on below it, n steps down and no further than its end.
// It reports false when the rest of the paragraph is on screen already
// (or it is not on screen, or it fits): j then moves to the next one.
func (p *pane) readDown(n int) bool {
	if !p.tall(p.focus) {
		return false
	}
	want := min(n, maxReadSteps) * p.readStep()
	_, on, below := p.place(p.focus, want)
	if on == 0 || below == 0 {
		return false
	}
	p.down(min(want, below))
	return true
}

// readUp is readDown upwards: it scrolls towards the focused paragraph's
// top while that is above the screen.
func (p *pane) readUp(n int) bool {
	if !p.tall(p.focus) {
		return false
	}
	want := min(n, maxReadSteps) * p.readStep()
	above, on, _ := p.place(p.focus, want)
	if on == 0 || above == 0 {
		return false
	}
	p.up(min(want, above))
	return true
}

// focusUp makes para, above the focus, the focused paragraph, as k does. A
// paragraph taller than the screen is come to from below, so it shows its
// end (nothing moves when that is on screen already) and k goes on reading
// it upwards; one that fits, or the focus itself (k on the first
// paragraph), is shown as ensureVisible shows it.
func (p *pane) focusUp(para int) {
	same := para == p.focus
	p.focus = para
	if same || !p.tall(para) || para+1 >= len(p.first) {
		p.ensureVisible(para, false)
		return
	}
	if _, on, below := p.place(para, 1); on > 0 && below == 0 {
		return
	}
	gap := 0
	if p.gapAfter(para) {
		gap = 1
	}
	// the rows just above the next paragraph: para's last lines, its gap
	p.top, p.topLine = p.first[para+1], 0
	p.up(p.height + gap)
	p.clampEnd()
}

// showAt makes para the focus and shows the line with byte off of its
// text: a quote, figure or match deep in a paragraph taller than the
// screen is shown, not only the paragraph's top. A paragraph that fits is
// shown as ensureVisible shows it.
func (p *pane) showAt(para, off int, jump bool) {
	p.focus = para
	if !p.tall(para) {
		p.ensureVisible(para, jump)
		return
	}
	b, l := p.lineOf(para, off)
	if row := p.rowOfLine(b, l); row >= 0 && row < p.height {
		return // on screen already
	}
	p.ensureVisible(para, jump)
	if row := p.rowOfLine(b, l); row >= 0 && row < p.height {
		return
	}
	// a third of the way down, as ensureVisible lands a paragraph
	p.top, p.topLine = b, l
	p.up(p.height / 3)
	p.clampEnd()
}

// lineOf is the block of paragraph para and the line in it that show byte
// off of the paragraph's text.
func (p *pane) lineOf(para, off int) (b, l int) {
	lo, hi := p.first[para], len(p.blocks)
	if para+1 < len(p.first) {
		hi = p.first[para+1]
	}
	b = lo + max(sort.Search(hi-lo, func(i int) bool { return p.blocks[lo+i].s > off })-1, 0)
	return b, p.lineIn(b, off)
}

// lineIn is the line of block b that shows byte off: the last one that
// starts at or before it.
func (p *pane) lineIn(b, off int) int {
	ll := p.lines(b)
	l := 0
	for i := range ll {
		if s := lineStart(&ll[i]); s >= 0 && s <= off {
			l = i
		} else if s > off {
			break
		}
	}
	return l
}

// lineStart is the byte offset of the first rune a line shows, -1 when it
// shows none.
func lineStart(ll *layoutLine) int {
	for _, o := range ll.offs {
		if o >= 0 {
			return int(o)
		}
	}
	return -1
}

// topOffset is the byte offset, in its paragraph, of the text at the top of
// the screen.
func (p *pane) topOffset() int {
	ll := p.lines(p.top)
	for l := min(p.topLine, len(ll)-1); l >= 0; l-- {
		if s := lineStart(&ll[l]); s >= 0 {
			return s
		}
	}
	return p.blocks[p.top].s
}

// rowOfLine is the screen row of line l of block b: -1 above the screen,
// p.height below it.
func (p *pane) rowOfLine(b, l int) int {
	if b < p.top || b == p.top && l < p.topLine {
		return -1
	}
	row := -p.topLine
	for x := p.top; x < b; x++ {
		if row += p.rows(x); row >= p.height {
			return p.height
		}
	}
	return min(row+l, p.height)
}

// keepFocus moves the focus after the view scrolled a line, only when none
// of the focused paragraph's lines is on screen any more: to the first
// paragraph shown after scrolling down (the focus left by the top), to the
// last after scrolling up.
func (p *pane) keepFocus(down bool) {
	if _, on, _ := p.place(p.focus, 0); on > 0 || p.height <= 0 {
		return
	}
	first, last := -1, -1
	row := -p.topLine
	for b := p.top; b < len(p.blocks) && row < p.height; b++ {
		if n := len(p.lines(b)); row+n > 0 {
			if first < 0 {
				first = p.blocks[b].para
			}
			last = p.blocks[b].para
		}
		row += p.rows(b)
	}
	switch {
	case first < 0: // only a blank line between two paragraphs is shown
		p.focus = p.blocks[p.top].para
	case down:
		p.focus = first
	default:
		p.focus = last
	}
}

// statusBlocks is the most blocks a paragraph may have for the status line
// to count its lines: a count lays all of them out (once at a width).
const statusBlocks = 8

// position is the screen's place in the focused paragraph when that is
// taller than the screen, for the status line: "lines 12–35 of 80", and
// "12–35/80" for a narrow terminal. A paragraph of more than statusBlocks
// blocks (tens of kilobytes) is not counted, which would lay all of it
// out: it gives how far into its text the top of the screen is, "37%".
// Both are "" when the paragraph fits or is not on screen.
func (p *pane) position() (long, short string) {
	f := p.focus
	if !p.tall(f) {
		return "", ""
	}
	end := len(p.blocks)
	if f+1 < len(p.first) {
		end = p.first[f+1]
	}
	if end-p.first[f] > statusBlocks {
		if _, on, _ := p.place(f, 0); on == 0 {
			return "", ""
		}
		pct := 0
		if p.blocks[p.top].para == f {
			pct = 100 * p.topOffset() / max(len(p.art.Paragraphs[f].Text), 1)
		}
		s := strconv.Itoa(pct) + "%"
		return s, s
	}
	above, on, below := p.place(f, 1<<30)
	if on == 0 {
		return "", ""
	}
	from, to, of := strconv.Itoa(above+1), strconv.Itoa(above+on), strconv.Itoa(above+on+below)
	return "lines " + from + "–" + to + " of " + of, from + "–" + to + "/" + of
}

func (p *pane) toEnd() {
	p.top = len(p.blocks) - 1
	p.topLine = max(p.rows(p.top)-1, 0)
	p.clampEnd()
}

// paragraphAt is the paragraph shown on screen row y, or -1.
func (p *pane) paragraphAt(y int) int {
	b, l := p.top, p.topLine
	for row := 0; b < len(p.blocks); b, l = b+1, 0 {
		r := p.rows(b) - l
		if y < row+r {
			if y-row+l >= len(p.lines(b)) {
				return -1 // the blank line between paragraphs
			}
			return p.blocks[b].para
		}
		row += r
		if row > p.height {
			break
		}
	}
	return -1
}

// hasTitle reports whether the article's first paragraph is its headline.
func hasTitle(art *content.Article) bool {
	return art.Title != "" && len(art.Paragraphs) > 0 && art.Paragraphs[0].Text == art.Title
}
