package ui

import tea "github.com/charmbracelet/bubbletea"

// Laying a paragraph out through Glamour costs a fraction of a millisecond;
// a page down needs a screenful of them. While the reader waits for keys,
// the blocks around the screen are laid out in the background by a layouter
// of their own (Glamour is not safe for concurrent use), so the next page
// and the next paragraphs are ready when asked for.

type prefetchMsg struct {
	pane  *pane // a new edition of the article makes a new pane
	width int
	lines map[int][]layoutLine
}

// prefetchWindow is how many blocks before and after the top are kept laid
// out: a block is at least a line, so this covers two screens each way.
func (p *pane) prefetchWindow() (lo, hi int) {
	n := 2 * max(p.height, 8)
	return max(p.top-n, 0), min(p.top+2*n, len(p.blocks))
}

// prefetch returns a command that lays out the blocks near the screen not
// laid out yet at the current width, or nil when there are none or a
// prefetch is already running.
func (p *pane) prefetch() tea.Cmd {
	if p.preBusy || p.lay == nil || p.height <= 0 {
		return nil
	}
	lo, hi := p.prefetchWindow()
	var todo []int
	for b := lo; b < hi && len(todo) < 64; b++ {
		if _, ok := p.layouts[b]; !ok {
			todo = append(todo, b)
		}
	}
	if len(todo) == 0 {
		return nil
	}
	wc := p.widths[p.lay.width]
	if wc.pre == nil {
		wc.pre = p.mk(p.lay.width)
	}
	pre, width, art, blocks, shared := wc.pre, p.lay.width, p.art, p.blocks, p.shared
	p.preBusy = true
	return func() tea.Msg {
		out := make(map[int][]layoutLine, len(todo))
		for _, b := range todo {
			out[b] = shared.block(pre, art, b, blocks[b])
		}
		return prefetchMsg{p, width, out}
	}
}

// prefetched stores what a prefetch laid out, unless the screen has laid
// the same blocks out meanwhile.
func (p *pane) prefetched(msg prefetchMsg) {
	if msg.pane != p {
		return
	}
	p.preBusy = false
	wc, ok := p.widths[msg.width]
	if !ok {
		return
	}
	for b, ll := range msg.lines {
		if _, done := wc.layouts[b]; !done {
			wc.layouts[b] = ll
		}
	}
}
