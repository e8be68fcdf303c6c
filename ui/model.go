// Package ui is copydesk's reader: an article pane, a side panel of speakers
// or figures, a status line and help, as one Bubble Tea model. It draws with
// the *lipgloss.Renderer it is given, so a local terminal and every SSH
// session get their own colours.
package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	xansi "github.com/charmbracelet/x/ansi"

	"copydesk/content"
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
}

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
	st    *Styles
	keys  KeyMap
	pane  *pane
	panel *panel
	help  help.Model
	spin  spinner.Model
	input textinput.Model

	width, height int
	focus         focusArea
	panelHidden   bool // on a wide terminal, `s` hides the panel
	panelOnly     bool // on a narrow terminal, `s` shows the panel instead of the article
	showHelp      bool
	searching     bool
	count         int // a number typed before g
	hasCount      bool

	quoteCursor int // index into the selected speaker's quotes, -1 for none
	quoteOf     *content.Speaker
	figCursor   int
	query       string
	hits        []hit
	hitCursor   int
	msg         string
	msgErr      bool
	inReply     bool // inside a terminal reply that arrived as keys
}

type hit struct{ para, s, e int }

type analysisMsg struct{ p prepared }

type searchMsg struct {
	query string
	hits  []hit
}

// New returns a reader for art.
func New(art *content.Article, opt Options) Model {
	r := opt.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	st := NewStyles(r, opt.NoColor)
	prof, dark := r.ColorProfile(), r.HasDarkBackground()
	m := Model{
		art:         art,
		st:          st,
		keys:        DefaultKeyMap(),
		quoteCursor: -1,
		figCursor:   -1,
		hitCursor:   -1,
	}
	m.pane = newPane(art, st, func(w int) *layouter { return newLayouter(w, prof, dark) })
	m.panel = newPanel(st, art)
	m.help = help.New()
	m.help.Styles = help.Styles{
		ShortKey: st.HelpKey, ShortDesc: st.HelpDesc, ShortSeparator: st.Dim,
		FullKey: st.HelpKey, FullDesc: st.HelpDesc, FullSeparator: st.Dim, Ellipsis: st.Dim,
	}
	m.spin = spinner.New(spinner.WithSpinner(spinner.MiniDot), spinner.WithStyle(st.Dim))
	m.input = textinput.New()
	st.input(&m.input, st.StatusKey, st.Status)
	m.input.Placeholder = "search the article"
	m.input.CharLimit = 256
	m.given = opt.Analysis
	if articleSize(art) <= syncAnalysisLimit {
		an := m.given
		if an == nil {
			an = content.Analyze(art)
		}
		m.setAnalysis(prepare(art, an))
	}
	return m
}

func articleSize(a *content.Article) int {
	n := 0
	for _, p := range a.Paragraphs {
		n += len(p.Text)
	}
	return n
}

// Init starts the analysis when it was not done before the first frame.
func (m Model) Init() tea.Cmd {
	if m.an != nil {
		return nil
	}
	art, an := m.art, m.given
	return tea.Batch(m.spin.Tick, func() tea.Msg {
		if an == nil {
			an = content.Analyze(art)
		}
		return analysisMsg{prepare(art, an)}
	})
}

// prepared is an analysis made ready for the reader: the highlights of
// every paragraph and the panel's items. It is built where the analysis
// runs, off the event loop, so its arrival costs a key press nothing.
type prepared struct {
	an                *content.Analysis
	spans             [][]hlSpan
	spanMax           int // the longest span, in bytes
	speakers, figures []list.Item
}

func prepare(art *content.Article, an *content.Analysis) prepared {
	spans := make([][]hlSpan, len(art.Paragraphs))
	if hasTitle(art) {
		spans[0] = []hlSpan{{0, len(art.Title), clsTitle}}
	}
	add := func(para, s, e int, cls uint16) {
		if para >= 1 && para <= len(spans) {
			spans[para-1] = append(spans[para-1], hlSpan{s, e, cls})
		}
	}
	for _, q := range an.Quotes {
		if q.Kind == content.Direct {
			add(q.Paragraph, q.Start, q.End, clsQuote)
		}
	}
	for _, mt := range an.Mentions {
		add(mt.Paragraph, mt.Start, mt.End, clsMention)
	}
	for _, f := range an.Figures {
		add(f.Paragraph, f.Start, f.End, figureClass(f.Kind))
	}
	longest := 0
	for _, s := range spans {
		slices.SortFunc(s, func(a, b hlSpan) int { return a.s - b.s })
		for _, sp := range s {
			longest = max(longest, sp.e-sp.s)
		}
	}
	p := prepared{an: an, spans: spans, spanMax: longest, speakers: make([]list.Item, len(an.Speakers)), figures: make([]list.Item, len(an.Figures))}
	for i := range an.Speakers {
		p.speakers[i] = speakerItem{&an.Speakers[i]}
	}
	for i := range an.Figures {
		p.figures[i] = figureItem{&an.Figures[i], i}
	}
	return p
}

func (m *Model) setAnalysis(p prepared) tea.Cmd {
	m.an = p.an
	m.pane.setHighlights(p.spans, p.spanMax)
	return m.panel.setAnalysis(p)
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
	if pre := nm.pane.prefetch(); pre != nil {
		cmd = tea.Batch(cmd, pre)
	}
	return nm, cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = msg.Width, msg.Height
		m.layout()
		return m, nil
	case analysisMsg:
		cmd := m.setAnalysis(msg.p)
		return m, cmd
	case searchMsg:
		m.applySearch(msg)
		return m, nil
	case spinner.TickMsg:
		if m.an != nil {
			return m, nil
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case tea.MouseMsg:
		return m.mouse(msg)
	case tea.KeyMsg:
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
	// list filtering results and other list messages
	var cmd tea.Cmd
	l := m.panel.list()
	*l, cmd = l.Update(msg)
	return m, cmd
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
	k := m.keys
	if msg.String() == "ctrl+c" {
		return m, tea.Quit
	}
	if m.searching {
		return m.searchKey(msg)
	}
	if m.focus == focusPanel && m.panel.filtering() {
		return m.panelKey(msg)
	}
	m.msg = ""
	if m.showHelp {
		if key.Matches(msg, k.Quit) {
			return m, tea.Quit
		}
		m.showHelp = false // any key closes help
		return m, nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m, tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = true
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
		if m.panel.mode == modeSpeakers {
			m.panel.mode = modeFigures
		} else {
			m.panel.mode = modeSpeakers
		}
		if !m.panelVisible() {
			m.showPanel()
		}
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
	}
	if m.focus == focusPanel {
		return m.panelKey(msg)
	}
	return m.articleKey(msg)
}

func (m Model) articleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	p := m.pane
	if s := msg.String(); len(s) == 1 && s[0] >= '0' && s[0] <= '9' {
		m.count = min(m.count*10+int(s[0]-'0'), 1<<30)
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
		m.focusPara(min(p.focus+n, last), false)
	case key.Matches(msg, k.Up):
		m.focusPara(max(p.focus-n, 0), false)
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
		if p.rowOf(p.focus) < 0 {
			p.focus = p.firstVisible()
		}
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
	case key.Matches(msg, k.PrevMatch):
		m.stepMatch(-n)
	case key.Matches(msg, k.Back):
		m.clearSearch()
	}
	return m, nil
}

func (m *Model) focusPara(para int, jump bool) {
	m.pane.focus = para
	m.pane.ensureVisible(para, jump)
}

func (m Model) panelKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	l := m.panel.list()
	if !m.panel.filtering() {
		switch {
		case key.Matches(msg, m.keys.Back):
			if l.FilterState() == list.FilterApplied {
				l.ResetFilter()
				return m, nil
			}
			m.toArticle()
			return m, nil
		case key.Matches(msg, m.keys.Select):
			m.jumpToSelection()
			return m, nil
		}
	}
	before := m.panel.selectedSpeaker()
	accept := m.panel.filtering() && msg.Type == tea.KeyEnter
	var cmd tea.Cmd
	if accept {
		// The list filters in the background; keys typed fast (or sent
		// in one packet over SSH) can bring enter before the matches.
		// Filter now, so enter goes to what the filter shows.
		l.SetFilterText(l.FilterValue())
	} else {
		*l, cmd = l.Update(msg)
	}
	if m.panel.selectedSpeaker() != before {
		m.quoteCursor, m.quoteOf = -1, nil
	}
	if accept && len(l.VisibleItems()) > 0 {
		// enter ends the filter and goes to the first match at once
		m.jumpToSelection()
	}
	return m, cmd
}

// jumpToSelection goes to the selected speaker's first quote or the
// selected figure, and returns to the article.
func (m *Model) jumpToSelection() {
	if m.panel.mode == modeFigures {
		if i := m.panel.selectedFigure(); i >= 0 {
			m.gotoFigure(i)
		}
	} else if sp := m.panel.selectedSpeaker(); sp != nil && len(sp.Quotes) > 0 {
		m.quoteOf, m.quoteCursor = sp, 0
		m.gotoQuote(sp.Quotes[0])
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
	if sp == nil || len(sp.Quotes) == 0 {
		m.setMsg("no speaker selected", true)
		return
	}
	cur := -1
	if m.quoteOf == sp {
		cur = m.quoteCursor
	}
	next := m.step(len(sp.Quotes), cur, dir, func(i int) int { return m.an.Quotes[sp.Quotes[i]].Paragraph })
	m.quoteOf, m.quoteCursor = sp, next
	m.gotoQuote(sp.Quotes[next])
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

func (m *Model) gotoQuote(qi int) {
	q := m.an.Quotes[qi]
	m.focusPara(q.Paragraph-1, false)
	m.pane.setActive(q.Paragraph-1, hlSpan{q.Start, q.End, clsActive})
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
	if m.figCursor >= 0 && figs[m.figCursor].Paragraph-1 == m.pane.focus {
		cur = m.figCursor
	}
	m.gotoFigure(m.step(len(figs), cur, dir, func(i int) int { return figs[i].Paragraph }))
}

func (m *Model) gotoFigure(i int) {
	f := m.an.Figures[i]
	m.figCursor = i
	m.focusPara(f.Paragraph-1, false)
	m.pane.setActive(f.Paragraph-1, hlSpan{f.Start, f.End, clsActive})
	desc := string(f.Kind)
	if f.Value != "" {
		desc += " " + f.Value
	}
	if f.Unit != "" {
		desc += " " + f.Unit
	}
	m.setMsg(fmt.Sprintf("figure %d/%d: %s", i+1, len(m.an.Figures), content.Clean(desc)), false)
}

func (m *Model) setMsg(s string, isErr bool) { m.msg, m.msgErr = s, isErr }

func (m Model) mouse(msg tea.MouseMsg) (tea.Model, tea.Cmd) {
	if m.tooSmall() || m.showHelp {
		return m, nil
	}
	inPanel := m.panelVisible() && (!m.articleVisible() || msg.X > m.pane.width)
	px := 0
	if m.articleVisible() && m.panelVisible() {
		px = m.pane.width + 1
	}
	_ = px
	switch msg.Button {
	case tea.MouseButtonWheelDown, tea.MouseButtonWheelUp:
		if msg.Action != tea.MouseActionPress {
			return m, nil
		}
		if inPanel {
			l := m.panel.list()
			if msg.Button == tea.MouseButtonWheelDown {
				l.CursorDown()
			} else {
				l.CursorUp()
			}
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
			if m.panel.selectAt(msg.Y) {
				m.focus = focusPanel
				m.quoteCursor, m.quoteOf = -1, nil
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

func (m Model) quoteIndexFor() int {
	if m.quoteOf != nil && m.quoteOf == m.panel.selectedSpeaker() {
		return m.quoteCursor
	}
	return -1
}

// statusView is the bottom line: source, ¶ N/M, the selected speaker and
// the position among their quotes, and the help key.
func (m Model) statusView() string {
	w := m.width
	if m.searching {
		m.input.Width = max(w-3, 1)
		return xansi.Truncate(m.input.View(), w, "")
	}
	title := m.art.Title
	if title == "" {
		title = m.art.Source
	}
	title = content.Clean(title)
	para := fmt.Sprintf("¶ %d/%d", m.pane.focus+1, len(m.art.Paragraphs))
	var mid string
	switch {
	case m.msg != "" && m.msgErr:
		mid = m.st.StatusError.Render(m.msg)
	case m.msg != "":
		mid = m.msg
	case m.an == nil:
		mid = m.spin.View() + " analysing…"
	case m.hitCursor >= 0 && len(m.hits) > 0:
		mid = fmt.Sprintf("/%s %d/%d", content.Clean(m.query), m.hitCursor+1, len(m.hits))
	default:
		if sp := m.panel.selectedSpeaker(); sp != nil {
			pos := "–"
			if m.quoteOf == sp && m.quoteCursor >= 0 {
				pos = strconv.Itoa(m.quoteCursor + 1)
			}
			mid = fmt.Sprintf("%s %s/%d", shortName(sp), pos, len(sp.Quotes))
		}
	}
	right := m.st.StatusKey.Render("?") + m.st.StatusDim.Render(" help")
	parts := []string{m.st.StatusKey.Render(para)}
	if mid != "" {
		parts = append(parts, mid)
	}
	parts = append(parts, right)
	rhs := strings.Join(parts, m.st.StatusDim.Render("  "))
	rw := xansi.StringWidth(rhs)
	if rw+2 > w {
		return xansi.Truncate(rhs, w, "")
	}
	lw := w - rw - 2
	left := xansi.Truncate(" "+title, lw, "…")
	gap := w - rw - xansi.StringWidth(left) - 1
	return m.st.StatusDim.Render(left) + strings.Repeat(" ", max(gap, 1)) + rhs
}

func (m Model) helpView() string {
	h := max(m.height-1, 1)
	full := m.help.FullHelpView(m.keys.FullHelp())
	legend := []string{"", m.st.PanelTitle.Render("Highlights")}
	legend = append(legend,
		"  "+m.st.Quote.Render("“quoted words”")+"  "+m.st.Mention.Render("Speaker")+"  "+m.st.Active.Render("current")+"  "+m.st.forMask(clsMatch).Render("match"),
		"  "+m.st.Figure[content.Count].Render("count")+" "+m.st.Figure[content.Quantity].Render("quantity")+" "+m.st.Figure[content.Ordinal].Render("ordinal")+"  "+
			m.st.Figure[content.Percent].Render("percent")+" "+m.st.Figure[content.Money].Render("money")+"  "+
			m.st.Figure[content.Date].Render("date")+" "+m.st.Figure[content.Duration].Render("duration"))
	lines := append([]string{m.st.PanelTitle.Render("copydesk keys") + m.st.Dim.Render("  (any key closes)"), ""}, strings.Split(full, "\n")...)
	lines = append(lines, legend...)
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
