package ui

import (
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"

	"copydesk/content"
	"copydesk/content/attribution"
	"copydesk/content/text"
	"copydesk/review"
)

// Review lets the reader's user mark quotes, figures and paragraphs checked
// or disputed and leave notes, kept in a review store and shared live with
// everyone reading the same article.
type Review struct {
	// Open gives the store that keeps the marks, or why there is none
	// (marks are refused with the reason). The reader calls it once, off
	// the event loop, so opening a store never delays the first frame.
	Open func() (*review.Store, error)
	// Article is the article's name in the store: its file's path.
	Article string
	// Reviewer is who marks: the OS user, or the SSH client's key.
	Reviewer review.Reviewer
}

// saveTimeout bounds the wait for the store to keep a mark.
const saveTimeout = 10 * time.Second

// reviewState is the review as the reader holds it: shared by the copies
// of the model (Bubble Tea passes models by value), written on the event
// loop only.
type reviewState struct {
	cfg     *Review
	store   *review.Store // nil until open, or when it cannot be
	opening bool          // Open is on its way
	refused string        // why there is no store
	feed    *review.Feed
	items   itemList
	marks   map[int64]review.Mark // by Seq: a mark comes from Add and from the feed
	log     []review.Mark         // marks in Seq order
	index   *review.Index         // the article's items now
	problem string                // the store cannot be read now
	version int                   // counts changes, for the panel's drawing cache

	// What the marks show, kept up to date mark by mark: a new mark costs
	// what its item and paragraph hold, never the whole log.
	board     *review.Board
	itemGlyph map[int]rune         // by item: ✓ ✗ ✎
	paraItems map[int]map[int]bool // by paragraph index: its items with a glyph
	glyphs    map[int]rune         // by paragraph index: the gutter's
	checked   int                  // statements and figures checked by someone, none disputing
	dispute   int                  // statements and figures someone disputes

	// asked holds, by item, the user's marks sent to the store and not
	// answered yet: the next key on the item builds on them (x, then a
	// note at once, keeps the dispute), though none shows before the
	// store has kept it.
	asked map[int]review.Mark
}

// The items a reader marks, in one list: the quotes (by Quote.ID), then the
// figures, then the paragraphs.
type itemList struct {
	anchors review.Items
	quotes  int // number of quotes
	figures int
	// part holds, by quote, the quoted words inside a reported clause and
	// a quotation's later parts: the reader marks their statement, so the
	// count of what there is to review leaves them out
	part       []bool
	statements int
}

func (l itemList) quote(qi int) int   { return qi }
func (l itemList) figure(fi int) int  { return l.quotes + fi }
func (l itemList) para(p int) int     { return l.quotes + l.figures + p }
func (l itemList) isQuote(i int) bool { return i < l.quotes }
func (l itemList) isFigure(i int) bool {
	return i >= l.quotes && i < l.quotes+l.figures
}

// counted tells whether item i is one of the statements and figures the
// review progress counts.
func (l itemList) counted(i int) bool {
	return l.isFigure(i) || l.isQuote(i) && !l.part[i]
}

// total is the number of statements and figures to review.
func (l itemList) total() int { return l.statements + l.figures }

// reviewItems are the items of an analysed article, with the counts that
// tell which are quotes and figures. It runs where the analysis is
// prepared, off the event loop.
func reviewItems(art *content.Article, an *content.Analysis) itemList {
	l := itemList{anchors: review.ItemsOf(art, an), quotes: len(an.Quotes), figures: len(an.Figures), part: make([]bool, len(an.Quotes))}
	for i := range an.Quotes {
		l.part[i] = an.Quotes[i].Statement() != an.Quotes[i].ID
		l.statements += b2i(!l.part[i])
	}
	return l
}

// reviewMsg brings a batch of marks from the store's feed.
type reviewMsg struct{ b review.Batch }

// savedMsg is the store's answer to a mark asked for on an item: kept
// (with its Seq) or not.
type savedMsg struct {
	item    int
	asked   review.Mark
	m       review.Mark
	err     error
	presses int // keys pressed before the mark was asked for
}

// follow waits for the feed's next batch.
func follow(f *review.Feed) tea.Cmd {
	return func() tea.Msg {
		b, ok := <-f.C
		if !ok {
			return nil
		}
		return reviewMsg{b}
	}
}

// storeMsg brings the review store, or why there is none.
type storeMsg struct {
	store *review.Store
	err   error
}

// startReview opens the review store, then follows the article's marks.
func (m *Model) startReview() tea.Cmd {
	rv := m.rv
	switch {
	case rv == nil || rv.feed != nil || rv.refused != "" || rv.opening:
		return nil
	case rv.store == nil:
		rv.opening = true
		open := rv.cfg.Open
		return func() tea.Msg {
			s, err := open()
			return storeMsg{s, err}
		}
	}
	rv.feed = rv.store.Follow(rv.cfg.Article)
	return follow(rv.feed)
}

// opened takes the review store, and follows the article's marks in it.
func (m *Model) opened(msg storeMsg) tea.Cmd {
	rv := m.rv
	rv.opening = false
	if msg.err != nil || msg.store == nil {
		rv.refused = "the review store cannot be opened"
		if msg.err != nil {
			rv.refused = text.Clean(msg.err.Error())
		}
		return nil
	}
	rv.store = msg.store
	return m.startReview()
}

// Close stops following the review store and the article's file; Run
// calls it when the reader ends.
func (m Model) Close() {
	if m.rv != nil && m.rv.feed != nil {
		m.rv.feed.Close()
	}
	if m.eds != nil && m.eds.stop != nil {
		m.eds.stop()
	}
}

// setItems reads the log against the article's items (after the analysis
// arrived, or a revision of the article).
func (m *Model) setItems(l itemList) {
	rv := m.rv
	if rv == nil {
		return
	}
	rv.items = l
	rv.index = review.NewIndex(l.anchors)
	rv.board = review.Fold(rv.log, rv.index)
	rv.itemGlyph, rv.paraItems, rv.glyphs = map[int]rune{}, map[int]map[int]bool{}, map[int]rune{}
	rv.checked, rv.dispute = 0, 0
	m.pane.setMarks(map[int][]hlSpan{}, rv.glyphs)
	for _, i := range rv.board.Items() {
		m.showItem(i)
	}
	m.reviewChanged()
}

// addMarks takes marks from the feed or from Add, whichever comes first,
// and shows what they change.
func (m *Model) addMarks(ms []review.Mark) {
	rv := m.rv
	fresh := false
	for _, mk := range ms {
		if _, ok := rv.marks[mk.Seq]; ok {
			continue
		}
		rv.marks[mk.Seq] = mk
		fresh = true
		if n := len(rv.log); n == 0 || rv.log[n-1].Seq < mk.Seq {
			rv.log = append(rv.log, mk) // the usual case: marks come in order
		} else {
			i := sort.Search(len(rv.log), func(i int) bool { return rv.log[i].Seq > mk.Seq })
			rv.log = slices.Insert(rv.log, i, mk)
		}
		if rv.board == nil {
			continue // the items are not known yet: setItems reads the log
		}
		if item, changed := rv.board.Add(mk); changed && item >= 0 {
			m.showItem(item)
		}
	}
	if fresh {
		m.reviewChanged()
	}
}

// showItem shows the marks standing on item i: its glyph, its paragraph's
// glyph in the gutter, the tint on its words, the progress count.
func (m *Model) showItem(i int) {
	rv := m.rv
	l := rv.items
	p := rv.index.Items().At(i).Paragraph - 1
	counted := b2i(l.counted(i))
	switch rv.itemGlyph[i] {
	case '✓':
		rv.checked -= counted
	case '✗':
		rv.dispute -= counted
	}
	g := glyphOf(rv.board.On(i))
	if g == 0 {
		delete(rv.itemGlyph, i)
		delete(rv.paraItems[p], i)
	} else {
		rv.itemGlyph[i] = g
		if rv.paraItems[p] == nil {
			rv.paraItems[p] = map[int]bool{}
		}
		rv.paraItems[p][i] = true
	}
	switch g {
	case '✓':
		rv.checked += counted
	case '✗':
		rv.dispute += counted
	}
	// the paragraph: its strongest glyph, and the tints of its quotes and
	// figures
	var pg rune
	var spans []hlSpan
	for j := range rv.paraItems[p] {
		jg := rv.itemGlyph[j]
		if stronger(jg, pg) {
			pg = jg
		}
		if ja := rv.index.Items().At(j); l.isQuote(j) || l.isFigure(j) {
			switch jg {
			case '✗':
				spans = append(spans, mkSpan(ja.Start, ja.End, clsDisputed))
			case '✓':
				spans = append(spans, mkSpan(ja.Start, ja.End, clsChecked))
			}
		}
	}
	if pg == 0 {
		delete(rv.glyphs, p)
	} else {
		rv.glyphs[p] = pg
	}
	m.pane.setParaMarks(p, spans)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// reviewChanged tells the panels the marks changed; the review list is
// made again when it is shown.
func (m *Model) reviewChanged() {
	m.rv.version++
	m.panel.setMarks(m.reviewListItems)
}

// glyphOf is what a set of reviewers' marks on one item shows: disputed
// when anyone disputes it, checked when someone checked it, a note else.
func glyphOf(ms []review.Mark) rune {
	g := rune(0)
	for _, mk := range ms {
		switch {
		case mk.State == review.Disputed:
			return '✗'
		case mk.State == review.Checked:
			g = '✓'
		case g == 0:
			g = '✎'
		}
	}
	return g
}

// stronger orders glyphs by what a reviewer must see first.
func stronger(a, b rune) bool {
	rank := map[rune]int{0: 0, '✎': 1, '✓': 2, '✗': 3}
	return rank[a] > rank[b]
}

// target is the item the review keys act on: in the panel, the selected
// figure or mark; in the article, the current quote or figure, else the
// focused paragraph.
func (m *Model) target() (int, bool) {
	if m.rv == nil || m.rv.index == nil {
		return 0, false
	}
	if m.focus == focusPanel {
		switch m.panel.mode {
		case modeFigures:
			if i := m.panel.selectedFigure(); i >= 0 {
				return m.rv.items.figure(i), true
			}
		case modeReview:
			if mk, ok := m.panel.selectedMark(); ok {
				if i := m.rv.index.Locate(mk.Anchor); i >= 0 {
					return i, true
				}
				m.setMsg("that mark is outdated: its words are no longer in the article", true)
				return 0, false
			}
		}
	}
	switch m.current {
	case currentQuote:
		if m.quoteOf != nil && m.quoteCursor >= 0 && m.quoteCursor < len(m.quoteOf.Statements) {
			return m.rv.items.quote(m.quoteOf.Statements[m.quoteCursor]), true
		}
	case currentFigure:
		return m.rv.items.figure(m.figCursor), true
	}
	return m.rv.items.para(m.pane.focus), true
}

// mine is the user's current mark on item i, if any: the last one asked
// for, kept or not yet.
func (m *Model) mine(i int) review.Mark {
	if mk, ok := m.rv.asked[i]; ok {
		return mk
	}
	for _, mk := range m.rv.board.On(i) {
		if mk.Reviewer.Name == m.rv.cfg.Reviewer.Name {
			return mk
		}
	}
	return review.Mark{}
}

// mark sets the user's state on the target item, or clears it when it is
// already that; the note stays.
func (m *Model) mark(s review.State) tea.Cmd {
	i, ok := m.target()
	if !ok {
		return nil
	}
	cur := m.mine(i)
	if cur.State == s {
		s = review.Unmarked
	}
	return m.save(i, review.Mark{Anchor: m.rv.index.Items().At(i), Reviewer: m.rv.cfg.Reviewer, State: s, Note: cur.Note})
}

// startNote opens the note line on the target item, holding the user's
// note on it so far.
func (m *Model) startNote() tea.Cmd {
	i, ok := m.target()
	if !ok {
		return nil
	}
	m.noting, m.noteItem = true, i
	m.note.SetValue(m.mine(i).Note)
	m.note.CursorEnd()
	return m.note.Focus()
}

func (m Model) noteKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.noting = false
		m.note.Blur()
		return m, nil
	case key.Matches(msg, m.keys.Accept):
		m.noting = false
		m.note.Blur()
		i := m.noteItem
		if i >= m.rv.index.Items().Len() {
			return m, nil
		}
		cur := m.mine(i)
		return m, m.save(i, review.Mark{Anchor: m.rv.index.Items().At(i), Reviewer: m.rv.cfg.Reviewer, State: cur.State, Note: strings.TrimSpace(m.note.Value())})
	}
	var cmd tea.Cmd
	*m.note, cmd = m.note.Update(msg)
	return m, cmd
}

// undo takes back the user's last mark still standing.
func (m *Model) undo() tea.Cmd {
	if m.rv == nil || m.rv.index == nil {
		return nil
	}
	u, ok := review.Undo(m.rv.log, m.rv.cfg.Reviewer.Name, m.rv.index)
	if !ok {
		m.setMsg("nothing of yours to undo", true)
		return nil
	}
	return m.save(m.rv.index.Locate(u.Anchor), u)
}

// save keeps mk, the user's mark on item i, in the store, off the event
// loop: the mark shows when the store has committed it, never before.
func (m *Model) save(i int, mk review.Mark) tea.Cmd {
	rv := m.rv
	switch {
	case rv.refused != "":
		m.setMsg("not saved: "+rv.refused, true)
		return nil
	case rv.store == nil:
		m.setMsg("not saved: the review store is still opening", true)
		return nil
	}
	if rv.asked == nil {
		rv.asked = map[int]review.Mark{}
	}
	rv.asked[i] = mk
	m.setMsg("saving…", false)
	store, article, presses := rv.store, rv.cfg.Article, *m.presses
	return func() tea.Msg {
		ctx, cancel := context.WithTimeout(context.Background(), saveTimeout)
		defer cancel()
		kept, err := store.Add(ctx, article, mk)
		return savedMsg{i, mk, kept, err, presses}
	}
}

// saved shows the store's answer.
func (m *Model) saved(msg savedMsg) {
	if last, ok := m.rv.asked[msg.item]; ok && last == msg.asked {
		delete(m.rv.asked, msg.item) // nothing asked for since
	}
	if msg.err != nil {
		m.setMsg("not saved: "+text.Clean(msg.err.Error()), true)
		return
	}
	m.addMarks([]review.Mark{msg.m})
	if *m.presses != msg.presses {
		return // the user has gone on: the status line is theirs
	}
	verb := map[review.State]string{review.Checked: "checked", review.Disputed: "disputed", review.Unmarked: "cleared"}[msg.m.State]
	if msg.m.Undoes != 0 {
		verb = "undone"
	} else if msg.m.Note != "" && msg.m.State == review.Unmarked {
		verb = "noted"
	}
	m.setMsg("saved: "+verb, false)
}

// fed takes a batch from the store's feed.
func (m *Model) fed(b review.Batch) {
	if b.Err != nil {
		m.rv.problem = text.Clean(b.Err.Error())
		return
	}
	m.rv.problem = ""
	m.addMarks(b.Marks)
}

// progress is the review part of the status line: how many statements and
// figures someone checked or disputes, of all.
func (m Model) progress() string {
	rv := m.rv
	if rv == nil || rv.board == nil {
		return ""
	}
	p := fmt.Sprintf("✓%d ✗%d of %d", rv.checked, rv.dispute, rv.items.total())
	if rv.problem != "" {
		return m.st.StatusError.Render("review: " + rv.problem)
	}
	if rv.refused != "" {
		return m.st.StatusError.Render(p + " (not saved)")
	}
	return p
}

// markTag is how a panel names the marks on an item: the glyph and the
// latest reviewer, "+N" for more.
func markTag(ms []review.Mark) string {
	if len(ms) == 0 {
		return ""
	}
	t := string(glyphOf(ms)) + " " + text.Clean(ms[0].Reviewer.Name)
	if len(ms) > 1 {
		t += fmt.Sprintf(" +%d", len(ms)-1)
	}
	return t
}

// tag is how the panel names the marks on item i ("" for none).
func (rv *reviewState) tag(i int) string {
	if rv == nil {
		return ""
	}
	if rv.board == nil {
		return ""
	}
	return markTag(rv.board.On(i))
}

// reviewListItems are the review panel's rows: every current mark,
// newest first, with the item it is on now (-1: outdated).
func (m *Model) reviewListItems() []list.Item {
	rv := m.rv
	all := rv.board.All()
	out := make([]list.Item, 0, len(all))
	for _, mk := range all {
		out = append(out, markItem{mk, rv.index.Locate(mk.Anchor)})
	}
	return out
}

// jumpToMark goes to the item a mark is on.
func (m *Model) jumpToMark(mk review.Mark) {
	i := m.rv.index.Locate(mk.Anchor)
	l := m.rv.items
	switch {
	case i < 0:
		m.setMsg("outdated: “"+text.Clean(mk.Anchor.Text)+"” is no longer in the article", true)
	case l.isQuote(i):
		q := m.an.Quotes[i]
		// quoted words are shown with their clause, a quotation's later
		// parts with its first
		stmt := q.Statement()
		if sp := m.speakerOf(q); sp != nil {
			for k, qi := range sp.Statements {
				if qi == stmt {
					m.quoteOf, m.quoteCursor = sp, k
				}
			}
			m.panel.selectSpeaker(sp)
		}
		m.gotoQuote(i)
	case l.isFigure(i):
		m.gotoFigure(i - l.quotes)
	default:
		m.setCurrent(currentNone)
		m.focusPara(i-l.quotes-l.figures, false)
	}
}

// speakerOf is the speaker a quote is attributed to, nil when unknown.
func (m *Model) speakerOf(q attribution.Quote) *attribution.Speaker {
	for i := range m.an.Speakers {
		if m.an.Speakers[i].ID == q.Speaker {
			return &m.an.Speakers[i]
		}
	}
	return nil
}
