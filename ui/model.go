// Package ui is copydesk's reader: an article pane, a side panel of speakers
// or figures, a status line and help, as one Bubble Tea model. It draws with
// the *lipgloss.Renderer it is given, so a local terminal and every SSH
// session get their own colours.
package ui

import (
	"cmp"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	xansi "github.com/charmbracelet/x/ansi"

	"copydesk/content"
	"copydesk/content/attribution"
	"copydesk/content/figures"
	"copydesk/content/text"
	"copydesk/review"
)

// Options configure a reader.
type Options struct {
	// Renderer paints the reader; nil means lipgloss's default renderer
	// (the local terminal).
	Renderer *lipgloss.Renderer
	// NoColor keeps bold, italic and underline but no colour (NO_COLOR).
	NoColor bool
	// Analysis, when set, is used instead of analysing the article; the
	// SSH server analyses once and shares it with every session.
	Analysis *content.Analysis
	// Review, when set, lets the user mark quotes, figures and paragraphs
	// and see everyone's marks on the article live.
	Review *Review
	// Editions, when set, follows the article's file: the reader is told
	// of each new edition and shows it, where the reader was, on R.
	Editions Editions
	// Back, when set, makes q (and esc with nothing to clear) end the
	// reader with a BackMsg instead of quitting: the reader was opened
	// from a library's list.
	Back bool
}

// Editions is where new editions of an article come from: a followed
// file (content.Watcher) or an article of a library.
type Editions interface {
	Follow() (editions <-chan content.Edition, stop func())
}

// BackMsg is a reader's request to go back to the list it was opened from.
type BackMsg struct{}

// syncAnalysisLimit is the article size analysed before the first frame;
// larger articles show their text at once and fill the panels when the
// analysis, run in the background, arrives.
const syncAnalysisLimit = 256 << 10

type focusArea int

const (
	focusArticle focusArea = iota
	focusPanel
)

// Model is the reader.
type Model struct {
	art   *content.Article
	an    *content.Analysis
	given *content.Analysis // from Options, to prepare off the event loop
	st    *styles
	// The widgets are held by pointer, like the pane and the panel: a
	// Model is copied into every Update, View and return, and with its
	// key map, help and two text inputs inside it was 17.8 KB (a key
	// press copied and allocated it several times; on a server, every
	// session's goroutine grew its stack for it).
	keys  *keyMap
	pane  *pane
	panel *panel
	help  *help.Model
	spin  spinner.Model
	input *textinput.Model
	note  *textinput.Model // a review note being typed
	rv    *reviewState     // nil: no review
	opt   Options
	eds   *editions // nil: the article is not followed
	// presses counts the keys pressed, shared by the model's copies: a
	// late answer (a mark saved) does not take the status line from a
	// user who has gone on.
	presses *int

	width, height int
	focus         focusArea
	panelHidden   bool // on a wide terminal, `s` hides the panel
	panelOnly     bool // on a narrow terminal, `s` shows the panel instead of the article
	showHelp      bool
	helpTop       int // the first help line shown
	searching     bool
	noting        bool // typing a review note on item noteItem
	noteItem      int
	count         int // a number typed before g
	hasCount      bool

	// One item at a time is current: marked in the article, in the panel
	// and described in the status line.
	current     currentKind
	quoteCursor int // index into the selected speaker's quotes, -1 for none
	quoteOf     *attribution.Speaker
	figCursor   int
	query       string
	hits        []hit
	hitCursor   int
	msg         string
	msgErr      bool
	notice      string // from the host (NoticeMsg), shown until a key
	inReply     bool   // inside a terminal reply that arrived as keys
}

type currentKind int

const (
	currentNone currentKind = iota
	currentQuote
	currentFigure
	currentMatch
)

type hit struct{ para, s, e int }

type analysisMsg struct{ p *prepared }

type searchMsg struct {
	art   *content.Article // the edition searched
	query string
	hits  []hit
}

// New returns a reader for art.
func New(art *content.Article, opt Options) Model {
	var rv *reviewState
	if opt.Review != nil {
		rv = &reviewState{cfg: opt.Review, marks: map[int64]review.Mark{}}
	}
	var eds *editions
	if opt.Editions != nil {
		eds = &editions{w: opt.Editions}
	}
	return newModel(art, opt, rv, eds)
}

// newModel is a reader for art that takes over a review and the following
// of the article's file (a new edition of the article starts one).
func newModel(art *content.Article, opt Options, rv *reviewState, eds *editions) Model {
	r := opt.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	st := newStyles(r, opt.NoColor)
	prof, dark := r.ColorProfile(), r.HasDarkBackground()
	m := Model{
		art:         art,
		st:          st,
		keys:        new(defaultKeyMap()),
		quoteCursor: -1,
		figCursor:   -1,
		hitCursor:   -1,
	}
	m.opt, m.rv, m.eds = opt, rv, eds
	m.presses = new(int)
	m.keys.reviewing = rv != nil
	if opt.Back {
		m.keys.Quit.SetHelp("q", "back to the list")
		m.keys.Clear.SetHelp("esc", "clear search and highlight, else back to the list")
	}
	m.pane = newPane(art, st, func(w int) *layouter { return newLayouter(w, prof, dark) })
	m.panel = newPanel(st, art, m.rv)
	m.help = new(help.New())
	m.help.Styles = help.Styles{
		ShortKey: st.StatusKey, ShortDesc: st.StatusDim, ShortSeparator: st.StatusDim,
		FullKey: st.HelpKey, FullDesc: st.HelpDesc, FullSeparator: st.Dim, Ellipsis: st.Dim,
	}
	m.help.ShortSeparator = "  "
	m.keys.setMode(modeArticle)
	m.spin = spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(st.Dim))
	m.input = new(textinput.New())
	st.input(m.input, st.StatusKey, st.Status)
	m.input.Placeholder = "search the article"
	m.input.CharLimit = 256
	// A blinking cursor would redraw the status line twice a second, for
	// every reader on the server.
	m.input.Cursor.SetMode(cursor.CursorStatic)
	m.panel.filter.Cursor.SetMode(cursor.CursorStatic)
	m.note = new(textinput.New())
	st.input(m.note, st.StatusKey, st.Status)
	m.note.Prompt = "note: "
	m.note.CharLimit = review.MaxNote
	m.note.Cursor.SetMode(cursor.CursorStatic)
	m.given = opt.Analysis
	if art.Size() <= syncAnalysisLimit {
		an := m.given
		if an == nil {
			an = content.Analyze(art)
		}
		m.setAnalysis(preparedFor(art, an))
	}
	return m
}

// Init starts the analysis when it was not done before the first frame,
// and follows the review's marks once the article's items are known.
func (m Model) Init() tea.Cmd {
	return tea.Batch(m.followEditions(), m.initExceptEditions())
}

// initExceptEditions starts the review and the analysis; a model made for
// a new edition starts only these, since the editions are followed already.
func (m Model) initExceptEditions() tea.Cmd {
	review := m.startReview()
	if m.an != nil {
		return review
	}
	art, an := m.art, m.given
	return tea.Batch(review, m.spin.Tick, func() tea.Msg {
		if an == nil {
			an = content.Analyze(art)
		}
		return analysisMsg{preparedFor(art, an)}
	})
}

// prepared is an analysis made ready for the reader: the highlights of
// every paragraph and the panel's items. It is built where the analysis
// runs, off the event loop, so its arrival costs a key press nothing.
type prepared struct {
	art      *content.Article // the edition prepared
	an       *content.Analysis
	spans    [][]hlSpan
	spanMax  int // the longest span, in bytes
	speakers []list.Item
	// figures are the figures list's items, made when a reader first shows
	// that list (a long article has hundreds of thousands: 50 MB, 6 MB)
	figures func() []list.Item
	items   itemList // what a reviewer marks
}

func prepare(art *content.Article, an *content.Analysis) *prepared {
	// Every highlight of the analysis, in one walk made twice: to count
	// each paragraph's, then to fill one array that holds the spans of all
	// paragraphs (a slice grown per paragraph would cost a third more
	// memory and an allocation each on a long article).
	walk := func(visit func(para, s, e int, cls uint16)) {
		if hasTitle(art) {
			visit(1, 0, len(art.Title), clsTitle)
		}
		for i := range an.Quotes {
			if q := &an.Quotes[i]; q.Kind == attribution.Direct {
				visit(q.Paragraph, q.Start, q.End, clsQuote)
			}
		}
		for i := range an.Mentions {
			mt := &an.Mentions[i]
			visit(mt.Paragraph, mt.Start, mt.End, clsMention)
		}
		for i := range an.Figures {
			f := &an.Figures[i]
			visit(f.Paragraph, f.Start, f.End, figureClass(f.Kind))
		}
	}
	in := func(para int) bool { return para >= 1 && para <= len(art.Paragraphs) }
	count := make([]int32, len(art.Paragraphs))
	total := 0
	walk(func(para, _, _ int, _ uint16) {
		if in(para) {
			count[para-1]++
			total++
		}
	})
	all := make([]hlSpan, 0, total)
	spans := make([][]hlSpan, len(art.Paragraphs))
	for i := range spans {
		spans[i] = all[len(all) : len(all) : len(all)+int(count[i])]
		all = all[:len(all)+int(count[i])]
	}
	walk(func(para, s, e int, cls uint16) {
		if in(para) {
			spans[para-1] = append(spans[para-1], mkSpan(s, e, cls))
		}
	})
	longest := 0
	for _, s := range spans {
		slices.SortFunc(s, func(a, b hlSpan) int { return cmp.Compare(a.s, b.s) })
		for _, sp := range s {
			longest = max(longest, int(sp.e-sp.s))
		}
	}
	p := &prepared{art: art, an: an, spans: spans, spanMax: longest, speakers: make([]list.Item, len(an.Speakers))}
	for i := range an.Speakers {
		p.speakers[i] = speakerItem{&an.Speakers[i]}
	}
	p.items = reviewItems(art, an)
	p.figures = sync.OnceValue(func() []list.Item {
		items := make([]list.Item, len(an.Figures))
		for i := range an.Figures {
			items[i] = figureItem{&an.Figures[i], i}
		}
		return items
	})
	return p
}

// preparedFor is the prepared analysis of an article, made once for all
// the readers of the same analysis (the sessions of a server, and the
// editions they are shown): on a long article the highlights are most of
// a reader's memory (50 MB: 30 MB), which a session making its own would
// hold once per reader.
func preparedFor(art *content.Article, an *content.Analysis) *prepared {
	return sharedPrepared.get(an, func() *prepared { return prepare(art, an) })
}

var sharedPrepared sharedBy[content.Analysis, prepared]

func (m *Model) setAnalysis(p *prepared) {
	m.an = p.an
	m.pane.setHighlights(p.spans, p.spanMax)
	m.panel.setAnalysis(p)
	m.setItems(p.items)
}

// Update handles a message, then has the paragraphs around the screen laid
// out in the background.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if pm, ok := msg.(prefetchMsg); ok {
		m.pane.prefetched(pm)
		return m, m.pane.prefetch()
	}
	next, cmd := m.update(msg)
	nm := next.(Model)
	nm.keys.newer = nm.eds != nil && nm.eds.newer != nil
	nm.keys.setMode(nm.mode())
	if pre := nm.pane.prefetch(); pre != nil {
		cmd = tea.Batch(cmd, pre)
	}
	return nm, cmd
}

// mode is what the keys go to now.
func (m *Model) mode() mode {
	switch {
	case m.showHelp:
		return modeHelp
	case m.searching:
		return modeSearch
	case m.noting:
		return modeNote
	case m.focus == focusPanel && m.panel.typing:
		return modeFilter
	case m.focus == focusPanel:
		return modePanel
	}
	return modeArticle
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case analysisMsg:
		if msg.p.art != m.art {
			return m, nil // an edition replaced since
		}
		m.setAnalysis(msg.p)
		return m, m.startReview()
	case reviewMsg:
		m.fed(msg.b)
		return m, follow(m.rv.feed)
	case editionMsg:
		ed := msg.ed
		m.eds.newer = &ed
		m.setMsg("a new version of this article is on disk: R shows it", false)
		return m, m.followEditions()
	case savedMsg:
		m.saved(msg)
		return m, nil
	case storeMsg:
		return m, m.opened(msg)
	case filterMsg:
		m.panel.filtered(msg)
		m.syncQuoteCursor(m.panel.selectedSpeaker())
		return m, nil
	case searchMsg:
		if msg.art == m.art {
			m.applySearch(msg)
			m.showHit()
		}
		return m, nil
	case spinner.TickMsg:
		if m.an != nil {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case NoticeMsg:
		m.notice = text.Clean(msg.Text)
		return m, nil
	case tea.MouseMsg:
		m.notice = ""
		return m.mouse(msg)
	case tea.KeyMsg:
		m.notice = ""
		if m.strayReply(msg) {
			return m, nil
		}
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			// Keys typed faster than they are read arrive as one
			// message ("12g"); each is its own command.
			var mm tea.Model = m
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				var cmd tea.Cmd
				mm, cmd = mm.(Model).key(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt})
				cmds = append(cmds, cmd)
			}
			return mm, tea.Batch(cmds...)
		}
		return m.key(msg)
	}
	return m, nil
}

// strayReply swallows a terminal's late reply to a colour query, which
// the key reader delivers as alt+], "11;rgb:…" and alt+\.
func (m *Model) strayReply(msg tea.KeyMsg) bool {
	alt := func(r rune) bool { return msg.Alt && len(msg.Runes) == 1 && msg.Runes[0] == r }
	switch {
	case alt(']'):
		m.inReply = true
		return true
	case !m.inReply:
		return false
	case msg.Type == tea.KeyRunes && !msg.Alt && oscReplyRunes(msg.Runes):
		return true
	case alt('\\') || msg.Type == tea.KeyCtrlG:
		m.inReply = false
		return true
	}
	m.inReply = false
	return false
}

func (m *Model) wide() bool { return m.width >= 80 }

func (m *Model) panelVisible() bool {
	if m.wide() {
		return !m.panelHidden
	}
	return m.panelOnly
}

func (m *Model) articleVisible() bool { return m.wide() || !m.panelOnly }

// layout sizes the article pane and the panel for the terminal.
func (m *Model) layout() {
	h := max(m.height-1, 1)
	switch {
	case m.wide() && !m.panelHidden:
		pw := max(28, m.width/3)
		m.pane.setSize(m.width-pw-1, h)
		m.panel.setSize(pw, h)
	case m.wide():
		m.pane.setSize(m.width, h)
	case m.panelOnly:
		m.panel.setSize(m.width, h)
		m.pane.setSize(m.width, h)
	default:
		m.pane.setSize(m.width, h)
		m.panel.setSize(m.width, h)
	}
	m.help.Width = m.width
	if !m.panelVisible() {
		m.focus = focusArticle
	}
}

func (m Model) tooSmall() bool { return m.width < 20 || m.height < 5 }

func (m Model) key(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	// Keys typed faster than they are read come in one message and are
	// handled one by one here; each may change the mode.
	m.keys.newer = m.eds != nil && m.eds.newer != nil
	m.keys.setMode(m.mode())
	*m.presses++
	k := m.keys
	if key.Matches(msg, k.ForceQuit) {
		return m, tea.Quit
	}
	switch m.mode() {
	case modeSearch:
		accepted := key.Matches(msg, k.Accept)
		next, cmd := m.searchKey(msg)
		if nm := next.(Model); accepted {
			nm.showHit()
			return nm, cmd
		}
		return next, cmd
	case modeFilter:
		return m.filterKey(msg)
	case modeNote:
		return m.noteKey(msg)
	case modeHelp:
		m.helpKey(msg)
		return m, nil
	}
	m.msg = ""
	switch {
	case key.Matches(msg, k.Quit):
		return m, m.quit()
	case key.Matches(msg, k.Reload):
		return m.revise(*m.eds.newer)
	case key.Matches(msg, k.Help):
		m.showHelp, m.helpTop = true, 0
		return m, nil
	case key.Matches(msg, k.Panel):
		if m.wide() {
			m.panelHidden = !m.panelHidden
		} else {
			m.panelOnly = !m.panelOnly
			if m.panelOnly {
				m.focus = focusPanel
			}
		}
		m.layout()
		return m, nil
	case key.Matches(msg, k.Focus):
		if m.focus == focusPanel {
			m.toArticle()
		} else {
			m.showPanel()
		}
		return m, nil
	case key.Matches(msg, k.View):
		m.switchPanel()
		return m, nil
	case key.Matches(msg, k.NextQuote):
		m.stepQuote(1)
		return m, nil
	case key.Matches(msg, k.PrevQuote):
		m.stepQuote(-1)
		return m, nil
	case key.Matches(msg, k.NextFig):
		m.stepFigure(1)
		return m, nil
	case key.Matches(msg, k.PrevFig):
		m.stepFigure(-1)
		return m, nil
	case key.Matches(msg, k.Check):
		return m, m.mark(review.Checked)
	case key.Matches(msg, k.Dispute):
		return m, m.mark(review.Disputed)
	case key.Matches(msg, k.Note):
		return m, m.startNote()
	case key.Matches(msg, k.Undo):
		return m, m.undo()
	}
	if m.focus == focusPanel {
		return m.panelKey(msg)
	}
	return m.articleKey(msg)
}

func (m Model) articleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	p := m.pane
	if key.Matches(msg, k.Count) && len(msg.Runes) == 1 {
		m.count = min(m.count*10+int(msg.Runes[0]-'0'), 1<<30)
		m.hasCount = true
		m.msg = strconv.Itoa(m.count)
		return m, nil
	}
	count, hasCount := m.count, m.hasCount
	m.count, m.hasCount = 0, false
	n := max(count, 1)
	last := len(m.art.Paragraphs) - 1
	switch {
	case key.Matches(msg, k.Down):
		// inside a paragraph taller than the screen, j reads on first
		if !p.readDown(n) {
			m.focusPara(min(p.focus+n, last), false)
		}
	case key.Matches(msg, k.Up):
		if !p.readUp(n) {
			p.focusUp(max(p.focus-n, 0))
		}
	case key.Matches(msg, k.LineDown):
		p.down(n)
		p.keepFocus(true)
	case key.Matches(msg, k.LineUp):
		p.up(n)
		p.keepFocus(false)
	case key.Matches(msg, k.Top):
		if hasCount {
			if count < 1 || count > last+1 {
				m.setMsg(fmt.Sprintf("no paragraph %d (1–%d)", count, last+1), true)
				return m, nil
			}
			m.focusPara(count-1, true)
		} else {
			p.top, p.topLine = 0, 0
			p.focus = 0
		}
	case key.Matches(msg, k.Bottom):
		if hasCount {
			m.focusPara(min(max(count-1, 0), last), true)
		} else {
			p.focus = last
			p.toEnd()
		}
	case key.Matches(msg, k.PageDown):
		p.down(max(p.height-2, 1) * n)
		p.focusOnScreen()
	case key.Matches(msg, k.PageUp):
		p.up(max(p.height-2, 1) * n)
		p.focusOnScreen()
	case key.Matches(msg, k.HalfDown):
		p.down(max(p.height/2, 1) * n)
		p.focusOnScreen()
	case key.Matches(msg, k.HalfUp):
		p.up(max(p.height/2, 1) * n)
		p.focusOnScreen()
	case key.Matches(msg, k.Search):
		m.searching = true
		m.input.SetValue("")
		return m, m.input.Focus()
	case key.Matches(msg, k.NextMatch):
		m.stepMatch(n)
		m.showHit()
	case key.Matches(msg, k.PrevMatch):
		m.stepMatch(-n)
		m.showHit()
	case key.Matches(msg, k.Clear):
		if m.opt.Back && m.query == "" && m.current == currentNone {
			return m, m.quit()
		}
		m.clearSearch()
	}
	return m, nil
}

func (m *Model) focusPara(para int, jump bool) {
	m.pane.focus = para
	m.pane.ensureVisible(para, jump)
}

// showHit shows the current search match's line when the match just went
// to is deep in a paragraph taller than the screen (the search brings its
// paragraph on screen; nothing moves when the line is shown already).
func (m *Model) showHit() {
	if m.current == currentMatch && m.hitCursor >= 0 && m.hitCursor < len(m.hits) {
		h := m.hits[m.hitCursor]
		m.pane.showAt(h.para, h.s, false)
	}
}

// panelKey handles a key for the panel's list while no filter is typed.
func (m Model) panelKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	l := m.panel.list()
	before := m.panel.selectedSpeaker()
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, k.Return):
		if m.panel.filterApplied() {
			m.panel.clearFilter()
			return m, nil
		}
		m.toArticle()
		return m, nil
	case key.Matches(msg, k.Select):
		m.jumpToSelection()
		return m, nil
	case key.Matches(msg, k.Filter):
		cmd = m.panel.startFilter()
	case key.Matches(msg, k.ListDown):
		l.CursorDown()
	case key.Matches(msg, k.ListUp):
		l.CursorUp()
	}
	m.syncQuoteCursor(before)
	return m, cmd
}

// filterKey handles a key while a panel filter is typed.
func (m Model) filterKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	before := m.panel.selectedSpeaker()
	var cmd tea.Cmd
	switch {
	case key.Matches(msg, m.keys.Accept):
		m.panel.acceptFilter()
		if len(m.panel.list().VisibleItems()) > 0 {
			// enter ends the filter and goes to the first match at once
			m.syncQuoteCursor(before)
			m.jumpToSelection()
			return m, nil
		}
	case key.Matches(msg, m.keys.Cancel):
		m.panel.cancelFilter()
	default:
		cmd = m.panel.typed(msg)
	}
	m.syncQuoteCursor(before)
	return m, cmd
}

// syncQuoteCursor forgets the current quote when the selected speaker is no
// longer the one it belonged to.
func (m *Model) syncQuoteCursor(before *attribution.Speaker) {
	if sp := m.panel.selectedSpeaker(); sp != before && m.quoteOf != sp {
		m.quoteCursor, m.quoteOf = -1, nil
		if m.current == currentQuote {
			m.setCurrent(currentNone)
		}
	}
}

// switchPanel shows the next list: speakers, figures, then the review's
// marks when there is a review. The figures list opens at the current
// figure, or at the first figure from the focused paragraph on.
func (m *Model) switchPanel() {
	switch {
	case m.panel.mode == modeSpeakers:
		m.panel.setMode(modeFigures)
		if i := m.figureHere(); i >= 0 {
			m.panel.selectFigure(i)
		}
	case m.panel.mode == modeFigures && m.rv != nil:
		m.panel.setMode(modeReview)
	default:
		m.panel.setMode(modeSpeakers)
	}
	if !m.panelVisible() {
		m.showPanel()
	}
}

// figureHere is the current figure, else the first figure in or after the
// focused paragraph, else the last one; -1 when there are none.
func (m *Model) figureHere() int {
	if m.an == nil || len(m.an.Figures) == 0 {
		return -1
	}
	if m.current == currentFigure {
		return m.figCursor
	}
	figs := m.an.Figures
	i := sort.Search(len(figs), func(i int) bool { return figs[i].Paragraph-1 >= m.pane.focus })
	return min(i, len(figs)-1)
}

// jumpToSelection goes to the selected speaker's first quote or the
// selected figure, and returns to the article.
func (m *Model) jumpToSelection() {
	if m.panel.mode == modeReview {
		if mk, ok := m.panel.selectedMark(); ok {
			m.jumpToMark(mk)
		}
	} else if m.panel.mode == modeFigures {
		if i := m.panel.selectedFigure(); i >= 0 {
			m.gotoFigure(i)
		}
	} else if sp := m.panel.selectedSpeaker(); sp != nil && len(sp.Statements) > 0 {
		m.quoteOf, m.quoteCursor = sp, 0
		m.gotoQuote(sp.Statements[0])
	}
	m.toArticle()
}

// showPanel shows the panel, in place of the article on a narrow terminal,
// and gives it the keys.
func (m *Model) showPanel() {
	m.focus = focusPanel
	if m.wide() {
		m.panelHidden = false
	} else {
		m.panelOnly = true
	}
	m.layout()
}

// toArticle gives the keys back to the article, uncovering it on a narrow
// terminal.
func (m *Model) toArticle() {
	m.focus = focusArticle
	if !m.wide() && m.panelOnly {
		m.panelOnly = false
		m.layout()
	}
}

// stepQuote moves to the selected speaker's next or previous quote, wrapping.
// Without a current quote it starts from the focused paragraph.
func (m *Model) stepQuote(dir int) {
	sp := m.panel.selectedSpeaker()
	if sp == nil || len(sp.Statements) == 0 {
		m.setMsg("no speaker selected: tab, then pick one", true)
		return
	}
	cur := -1
	if m.quoteOf == sp && m.current == currentQuote {
		cur = m.quoteCursor
	}
	next := m.step(len(sp.Statements), cur, dir, func(i int) int { return m.an.Quotes[sp.Statements[i]].Paragraph })
	m.quoteOf, m.quoteCursor = sp, next
	m.gotoQuote(sp.Statements[next])
}

// step picks the next (dir 1) or previous (dir -1) of n items in text
// order, wrapping: after cur when there is one, else the first at or after
// (the last at or before) the focused paragraph. para gives an item's
// paragraph number.
func (m *Model) step(n, cur, dir int, para func(int) int) int {
	if cur >= 0 && cur < n {
		return ((cur+dir)%n + n) % n
	}
	focus := m.pane.focus + 1
	next := -1
	for i := 0; i < n; i++ {
		if dir > 0 && para(i) >= focus {
			return i
		}
		if dir < 0 && para(i) <= focus {
			next = i
		}
	}
	if next < 0 {
		next = map[bool]int{true: 0, false: n - 1}[dir > 0]
	}
	return next
}

// setCurrent makes kind the current item's kind; the article's mark is set
// by the caller, or cleared here for none.
func (m *Model) setCurrent(kind currentKind) {
	m.current = kind
	if kind == currentNone {
		m.pane.setActive(-1, hlSpan{})
	}
}

func (m *Model) gotoQuote(qi int) {
	q := m.an.Quotes[qi]
	m.setCurrent(currentQuote)
	m.pane.showAt(q.Paragraph-1, q.Start, false)
	// a quotation interrupted by its attribution is marked whole, the
	// attribution with it: it is one statement
	end := q.End
	if parts := attribution.Continuations(m.an.Quotes, qi); len(parts) > 0 {
		end = parts[len(parts)-1].End
	}
	m.pane.setActive(q.Paragraph-1, mkSpan(q.Start, end, clsActive))
}

// stepFigure moves to the next or previous figure, wrapping; from the
// current one while it is in the focused paragraph.
func (m *Model) stepFigure(dir int) {
	if m.an == nil || len(m.an.Figures) == 0 {
		m.setMsg("no figures", true)
		return
	}
	figs := m.an.Figures
	cur := -1
	if m.current == currentFigure && figs[m.figCursor].Paragraph-1 == m.pane.focus {
		cur = m.figCursor
	}
	m.gotoFigure(m.step(len(figs), cur, dir, func(i int) int { return figs[i].Paragraph }))
}

func (m *Model) gotoFigure(i int) {
	f := m.an.Figures[i]
	m.figCursor = i
	m.setCurrent(currentFigure)
	m.pane.showAt(f.Paragraph-1, f.Start, false)
	m.pane.setActive(f.Paragraph-1, mkSpan(f.Start, f.End, clsActive))
	if m.panel.mode == modeFigures {
		m.panel.selectFigure(i)
	}
}

// describeFigure is a figure as the status line gives it: its kind, the
// words as written and, when it says more, the value they stand for.
func describeFigure(f content.Figure) string {
	d := string(f.Kind) + " " + f.Text
	if f.Value != "" && f.Value != f.Text {
		d += " → " + f.Value
	}
	if f.Unit != "" && !strings.Contains(f.Text, f.Unit) {
		d += " " + f.Unit
	}
	return text.Clean(d)
}

func (m *Model) setMsg(s string, isErr bool) { m.msg, m.msgErr = s, isErr }

// quit ends the reader: back to the list it came from, or out.
func (m *Model) quit() tea.Cmd {
	if m.opt.Back {
		return func() tea.Msg { return BackMsg{} }
	}
	return tea.Quit
}

func (m Model) mouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if m.tooSmall() || m.showHelp {
		return m, nil
	}
	inPanel := m.panelVisible() && (!m.articleVisible() || msg.X > m.pane.width)
	switch msg.Button {
	case tea.MouseButtonWheelDown, tea.MouseButtonWheelUp:
		if msg.Action != tea.MouseActionPress {
			return m, nil
		}
		if inPanel {
			before := m.panel.selectedSpeaker()
			l := m.panel.list()
			if msg.Button == tea.MouseButtonWheelDown {
				l.CursorDown()
			} else {
				l.CursorUp()
			}
			m.syncQuoteCursor(before)
			return m, nil
		}
		if msg.Button == tea.MouseButtonWheelDown {
			m.pane.down(3)
		} else {
			m.pane.up(3)
		}
		m.pane.focusOnScreen()
	case tea.MouseButtonLeft:
		if msg.Action != tea.MouseActionPress || msg.Y >= m.height-1 {
			return m, nil
		}
		if inPanel {
			before := m.panel.selectedSpeaker()
			if m.panel.selectAt(msg.Y) {
				m.focus = focusPanel
				m.syncQuoteCursor(before)
			}
			return m, nil
		}
		if para := m.pane.paragraphAt(msg.Y); para >= 0 {
			m.pane.focus = para
			m.focus = focusArticle
		}
	}
	return m, nil
}

// View draws the reader.
func (m Model) View() string {
	if m.width <= 0 || m.height <= 0 {
		return ""
	}
	if m.tooSmall() {
		return xansi.Truncate("terminal too small", m.width, "")
	}
	var body string
	switch {
	case m.showHelp:
		body = m.helpView()
	case m.wide() && m.panelVisible():
		left := m.pane.view(true)
		right := strings.Split(m.panel.view(m.quoteIndexFor()), "\n")
		border := m.st.Border.Render("│")
		if m.focus == focusPanel {
			border = m.st.GutterFocus.Render("│")
		}
		var b strings.Builder
		for i := range left {
			b.WriteString(left[i])
			b.WriteString(border)
			if i < len(right) {
				b.WriteString(right[i])
			}
			if i < len(left)-1 {
				b.WriteByte('\n')
			}
		}
		body = b.String()
	case m.panelVisible():
		body = m.panel.view(m.quoteIndexFor())
	default:
		body = strings.Join(m.pane.view(false), "\n")
	}
	return body + "\n" + m.statusView()
}

// quoteIndexFor is the current quote's place among the selected speaker's,
// for the panel to mark; -1 when the current item is no quote of theirs.
func (m Model) quoteIndexFor() int {
	if m.current == currentQuote && m.quoteOf != nil && m.quoteOf == m.panel.selectedSpeaker() {
		return m.quoteCursor
	}
	return -1
}

// statusView is the bottom line: source, ¶ N/M, the current item (or the
// selected speaker and where ] goes), and what to press now.
func (m Model) statusView() string {
	w := m.width
	if m.notice != "" {
		// the host's notice has the whole line, whatever the mode
		return xansi.Truncate(m.st.StatusError.Render(" "+m.notice), w, "…")
	}
	if m.searching {
		m.input.Width = max(w-3, 1)
		return xansi.Truncate(m.input.View(), w, "")
	}
	if m.noting {
		m.note.Width = max(w-8, 1)
		return xansi.Truncate(m.note.View(), w, "")
	}
	title := m.art.Title
	if title == "" {
		title = m.art.Source
	}
	title = text.Clean(title)
	para := fmt.Sprintf("¶ %d/%d", m.pane.focus+1, len(m.art.Paragraphs))
	// in a paragraph taller than the screen, the lines shown of it; the
	// short form when the long one leaves no room for the rest
	pos, posShort := m.pane.position()
	paraSeg := func(pos string) string {
		if pos == "" {
			return m.st.StatusKey.Render(para)
		}
		return m.st.StatusKey.Render(para + " · " + pos)
	}
	var mid string
	switch {
	case m.msg != "" && m.msgErr:
		mid = m.st.StatusError.Render(m.msg)
	case m.msg != "":
		mid = m.msg
	case m.an == nil:
		mid = m.spin.View() + " analysing…"
	case m.current == currentNone && len(m.art.Paragraphs[m.pane.focus].Styles) > 0 && linkStatus(m.art.Paragraphs[m.pane.focus], w/2) != "":
		mid = linkStatus(m.art.Paragraphs[m.pane.focus], w/2)
	case m.current == currentFigure:
		mid = fmt.Sprintf("figure %d/%d: %s", m.figCursor+1, len(m.an.Figures), describeFigure(m.an.Figures[m.figCursor]))
	case m.current == currentMatch && len(m.hits) > 0:
		mid = fmt.Sprintf("/%s %d/%d", text.Clean(m.query), m.hitCursor+1, len(m.hits))
	default:
		if sp := m.panel.selectedSpeaker(); sp != nil {
			pos := "–"
			if m.current == currentQuote && m.quoteOf == sp && m.quoteCursor >= 0 {
				pos = strconv.Itoa(m.quoteCursor + 1)
			}
			mid = fmt.Sprintf("%s %s/%d", shortName(sp), pos, len(sp.Statements))
		}
	}
	h := *m.help
	h.Width = max(w/2, 1)
	right := h.ShortHelpView(m.keys.ShortHelp())
	parts := []string{paraSeg(pos)}
	if mid != "" {
		parts = append(parts, mid)
	}
	if p := m.progress(); p != "" {
		parts = append(parts, p)
	}
	if m.eds != nil && m.eds.newer != nil && m.msg == "" {
		parts = append(parts, m.st.StatusKey.Render("new version: R"))
	}
	if right != "" {
		parts = append(parts, right)
	}
	rhs := strings.Join(parts, m.st.StatusDim.Render("  "))
	rw := xansi.StringWidth(rhs)
	if rw+2 > w && posShort != pos {
		parts[0] = paraSeg(posShort)
		rhs = strings.Join(parts, m.st.StatusDim.Render("  "))
		rw = xansi.StringWidth(rhs)
	}
	if rw+2 > w {
		return xansi.Truncate(rhs, w, "")
	}
	lw := w - rw - 2
	left := xansi.Truncate(" "+title, lw, "…")
	gap := w - rw - xansi.StringWidth(left) - 1
	return m.st.StatusDim.Render(left) + strings.Repeat(" ", max(gap, 1)) + rhs
}

// helpKey scrolls or closes the help screen.
func (m *Model) helpKey(msg tea.KeyMsg) {
	k := m.keys
	page := max(m.height-3, 1)
	switch {
	case key.Matches(msg, k.CloseHelp):
		m.showHelp = false
	case key.Matches(msg, k.ScrollDown):
		step := 1
		if msg.Type != tea.KeyRunes && msg.Type != tea.KeyDown && msg.Type != tea.KeyCtrlE {
			step = page
		}
		m.helpTop += step
	case key.Matches(msg, k.ScrollUp):
		step := 1
		if msg.Type != tea.KeyRunes && msg.Type != tea.KeyUp && msg.Type != tea.KeyCtrlY {
			step = page
		}
		m.helpTop -= step
	}
	m.helpTop = max(min(m.helpTop, len(m.helpLines())-(m.height-2)), 0)
}

// helpLines is the help screen below its title: the keys that work where
// help was opened, in columns side by side as far as the width allows and
// stacked beneath otherwise, then the highlight legend.
func (m Model) helpLines() []string {
	const gap = 4
	var cols [][]string
	for _, g := range m.keys.FullHelp() {
		if c := m.helpColumn(g, m.width); len(c) > 0 {
			cols = append(cols, c)
		}
	}
	var lines []string
	for len(cols) > 0 {
		// as many columns as fit, at least one
		n, w := 1, blockWidth(cols[0])
		for n < len(cols) && w+gap+blockWidth(cols[n]) <= m.width {
			w += gap + blockWidth(cols[n])
			n++
		}
		row := cols[:n]
		cols = cols[n:]
		height := 0
		for _, c := range row {
			height = max(height, len(c))
		}
		for i := 0; i < height; i++ {
			var b strings.Builder
			for j, c := range row {
				cell := ""
				if i < len(c) {
					cell = c[i]
				}
				b.WriteString(cell)
				if j < len(row)-1 {
					b.WriteString(strings.Repeat(" ", blockWidth(c)-xansi.StringWidth(cell)+gap))
				}
			}
			lines = append(lines, b.String())
		}
		lines = append(lines, "")
	}
	st := m.st
	lines = append(lines, st.PanelTitle.Render("Highlights"),
		"  "+st.Quote.Render("“quoted words”")+"  "+st.Mention.Render("Speaker")+"  "+st.Active.Render("current")+"  "+st.forMask(clsMatch).Render("match"),
		"  "+st.Figure[figures.Count].Render("count")+" "+st.Figure[figures.Quantity].Render("quantity")+" "+st.Figure[figures.Ordinal].Render("ordinal")+"  "+
			st.Figure[figures.Percent].Render("percent")+" "+st.Figure[figures.Money].Render("money")+"  "+
			st.Figure[figures.Date].Render("date")+" "+st.Figure[figures.Duration].Render("duration"))
	return lines
}

// helpColumn is a group of bindings as lines of at most width columns: the
// keys, then their descriptions, wrapped beside them when too long.
func (m Model) helpColumn(group []key.Binding, width int) []string {
	kw, dw := 0, 0
	for _, b := range group {
		if b.Enabled() {
			kw = max(kw, xansi.StringWidth(b.Help().Key))
			dw = max(dw, xansi.StringWidth(b.Help().Desc))
		}
	}
	dw = max(min(dw, width-kw-1), 8)
	var lines []string
	for _, b := range group {
		if !b.Enabled() {
			continue
		}
		k := b.Help().Key
		pad := strings.Repeat(" ", kw-xansi.StringWidth(k)+1)
		for i, d := range strings.Split(xansi.Wordwrap(b.Help().Desc, dw, " "), "\n") {
			if i == 0 {
				lines = append(lines, m.st.HelpKey.Render(k)+pad+m.st.HelpDesc.Render(d))
			} else {
				lines = append(lines, strings.Repeat(" ", kw+1)+m.st.HelpDesc.Render(d))
			}
		}
	}
	return lines
}

func blockWidth(lines []string) int {
	w := 0
	for _, l := range lines {
		w = max(w, xansi.StringWidth(l))
	}
	return w
}

// helpView is the help screen: a title, then as many help lines as fit
// from helpTop on, with a mark when more lie below or above.
func (m Model) helpView() string {
	h := max(m.height-1, 1)
	all := m.helpLines()
	title := m.st.PanelTitle.Render("copydesk keys")
	switch below, above := m.helpTop+h-1 < len(all), m.helpTop > 0; {
	case below && above:
		title += m.st.Dim.Render("  ↑↓ more")
	case below:
		title += m.st.Dim.Render("  ↓ more")
	case above:
		title += m.st.Dim.Render("  ↑ more")
	}
	lines := []string{title}
	lines = append(lines, all[min(m.helpTop, len(all)):]...)
	if len(lines) > h {
		lines = lines[:h]
	}
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		lines[i] = xansi.Truncate(l, m.width, "")
	}
	return strings.Join(lines, "\n")
}
