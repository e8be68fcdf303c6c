package ui

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	xansi "github.com/charmbracelet/x/ansi"

	"copydesk/content"
	"copydesk/content/attribution"
	"copydesk/content/text"
	"copydesk/review"
)

// The side panel lists speakers (most quoted first) with the selected
// speaker's quotes beneath, every figure, or every review mark; `v`
// switches. The lists are bubbles lists, drawn under a header of the
// panel's own that shows the filter while it is typed and while it applies.

type panelMode int

const (
	modeSpeakers panelMode = iota
	modeFigures
	modeReview
)

type speakerItem struct {
	sp *attribution.Speaker
}

func (i speakerItem) FilterValue() string { return i.sp.Name }

type figureItem struct {
	f  *content.Figure
	ix int
}

func (i figureItem) FilterValue() string {
	return fmt.Sprintf("%s %s %s %s", i.f.Text, i.f.Kind, i.f.Value, i.f.Unit)
}

type speakerDelegate struct{ st *styles }

func (d speakerDelegate) Height() int                         { return 2 }
func (d speakerDelegate) Spacing() int                        { return 0 }
func (d speakerDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d speakerDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	it, ok := item.(speakerItem)
	if !ok || m.Width() <= 0 {
		return
	}
	width := m.Width()
	sel := index == m.Index()
	count := strconv.Itoa(len(it.sp.Statements))
	name := xansi.Truncate(text.Clean(it.sp.Name), max(width-len(count)-3, 1), "…")
	gap := max(width-2-xansi.StringWidth(name)-len(count), 1)
	desc := text.Clean(it.sp.Description)
	if desc == "" {
		desc = count + " " + plural(len(it.sp.Statements), "statement", "statements")
	}
	desc = xansi.Truncate(desc, max(width-2, 1), "…")
	title, sub, bar := d.st.Item, d.st.ItemDesc, "  "
	if sel {
		title, sub, bar = d.st.ItemSel, d.st.ItemSelDesc, d.st.ItemSel.Render("▌")+" "
	}
	line1 := bar + title.Render(name) + strings.Repeat(" ", gap) + d.st.Dim.Render(count)
	line2 := "  " + sub.Render(desc)
	if width < 3 {
		line1, line2 = xansi.Truncate(line1, width, ""), xansi.Truncate(line2, width, "")
	}
	fmt.Fprintf(w, "%s\n%s", line1, line2)
}

type figureDelegate struct {
	st *styles
	rv *reviewState // nil: no review
}

func (d figureDelegate) Height() int                         { return 1 }
func (d figureDelegate) Spacing() int                        { return 0 }
func (d figureDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d figureDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	it, ok := item.(figureItem)
	if !ok || m.Width() <= 0 {
		return
	}
	f := it.f
	val := text.Clean(f.Value)
	if f.Unit != "" {
		val = strings.TrimSpace(val + " " + text.Clean(f.Unit))
	}
	line := fmt.Sprintf("¶%-3d %-8s %s", f.Paragraph, f.Kind, text.Clean(f.Text))
	if val != "" && val != text.Clean(f.Text) {
		line += " = " + val
	}
	bar := "  "
	st := d.st.Item
	if index == m.Index() {
		bar, st = d.st.ItemSel.Render("▌")+" ", d.st.ItemSel
	}
	tag := ""
	if d.rv != nil {
		if t := d.rv.tag(d.rv.items.figure(it.ix)); t != "" {
			tag = d.st.markStyle(t).Render(t) + " "
		}
	}
	fmt.Fprint(w, xansi.Truncate(bar+tag+st.Render(line), m.Width(), "…"))
}

// markItem is a row of the review panel: a current mark and the item it is
// on now (-1: outdated).
type markItem struct {
	mk   review.Mark
	item int
}

func (i markItem) FilterValue() string {
	return strings.Join([]string{i.mk.Reviewer.Name, string(i.mk.State), i.mk.Anchor.Speaker, i.mk.Anchor.Figure, i.mk.Anchor.Text, i.mk.Note}, " ")
}

type markDelegate struct{ st *styles }

func (d markDelegate) Height() int                         { return 2 }
func (d markDelegate) Spacing() int                        { return 0 }
func (d markDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

// Render shows a mark on two lines: the glyph, the reviewer, when, what it
// is on; then the note, or the item's words.
func (d markDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	it, ok := item.(markItem)
	if !ok || m.Width() <= 0 {
		return
	}
	mk, a := it.mk, it.mk.Anchor
	g := string(glyphOf([]review.Mark{mk}))
	what := fmt.Sprintf("¶%d %s", a.Paragraph, a.Kind)
	switch {
	case it.item < 0:
		what = "outdated " + string(a.Kind)
	case a.Speaker != "":
		what += " of " + text.Clean(a.Speaker)
	case a.Figure != "":
		what += " (" + a.Figure + ")"
	}
	bar, title := "  ", d.st.Item
	if index == m.Index() {
		bar, title = d.st.ItemSel.Render("▌")+" ", d.st.ItemSel
	}
	line1 := bar + d.st.markStyle(g).Render(g) + " " + title.Render(text.Clean(mk.Reviewer.Name)) + " " + d.st.Dim.Render(when(mk.At)+" "+what)
	body := "“" + text.Clean(a.Text) + "”"
	if mk.Note != "" {
		body = "✎ " + text.Clean(mk.Note)
	}
	line2 := "  " + d.st.ItemDesc.Render(body)
	fmt.Fprintf(w, "%s\n%s", xansi.Truncate(line1, m.Width(), "…"), xansi.Truncate(line2, m.Width(), "…"))
}

// when is a mark's time as a reader wants it: the time of day today, the
// date before.
func when(t time.Time) string {
	t = t.Local()
	if y, m, d := time.Now().Date(); t.Year() == y && t.Month() == m && t.Day() == d {
		return t.Format("15:04")
	}
	return t.Format("Jan 2")
}

type panel struct {
	st       *styles
	mode     panelMode
	speakers list.Model
	// The figures and review lists are made when first used (figureList,
	// reviewList): most sessions never show them, and a list costs 0.1 ms
	// and 13 KB to make. figureItems waits for the figures list.
	figures, reviews         list.Model
	figuresMade, reviewsMade bool
	figureItems              func() []list.Item
	rv                       *reviewState // nil: no review
	// marksFrom makes the review list's items; set when the marks
	// changed, cleared when the list is made (only when it is shown)
	marksFrom func() []list.Item
	width     int
	height    int
	listH     int
	ready     bool
	art       *content.Article
	an        *content.Analysis
	key       panelKey
	cached    string

	// The filter is typed here, not in the lists, and applied to the list
	// as it is typed: the lists' own filtering answers later, in a command,
	// and answers for several letters typed at once arrive in any order.
	filter     textinput.Model
	typing     bool
	before     int         // the item selected when the filter was opened
	gen        int         // the filter value being matched in the background
	ranks      []list.Rank // matches of rankedFor, computed off the event loop
	rankedFor  string
	rankedMode panelMode
}

// syncFilterLimit is the number of items filtered on the key press; a
// longer list is filtered in the background.
const syncFilterLimit = 2000

func newPanel(st *styles, art *content.Article, rv *reviewState) *panel {
	p := &panel{st: st, art: art, rv: rv}
	p.speakers = p.newList(speakerDelegate{st}, modeSpeakers)
	p.filter = textinput.New()
	st.input(&p.filter, st.ItemSel, st.Item)
	p.filter.CharLimit = 128
	return p
}

// listBase is a list set up as the panel shows its lists, made once for
// all sessions: list.New lays the list out for its title, status bar,
// filter and help, and again for each one hidden, which was a tenth of a
// server's processor time while 200 sessions opened. A list.Model is a
// value, so each panel list is a copy given its own delegate, filter,
// styles and cursor.
var listBase = sync.OnceValue(func() list.Model {
	l := list.New(nil, speakerDelegate{}, 0, 0)
	// The panel draws its own header with the filter in it. Help goes
	// first: each of these lays the list out again, rendering the help
	// while it is shown.
	l.SetShowHelp(false)
	l.SetShowStatusBar(false)
	l.SetShowFilter(false)
	l.SetShowTitle(false)
	l.DisableQuitKeybindings()
	return l
})

func (p *panel) newList(d list.ItemDelegate, mode panelMode) list.Model {
	l := listBase()
	// the cursor's blink state is a pointer inside it: each copy its own
	l.FilterInput.Cursor = cursor.New()
	l.SetDelegate(d)
	l.Filter = func(term string, targets []string) []list.Rank { return p.rank(mode, term, targets) }
	// Every style the list draws with comes from this session's renderer.
	st := p.st
	l.Styles = list.Styles{
		TitleBar:                    st.r.NewStyle(),
		Title:                       st.PanelTitle,
		Spinner:                     st.Dim,
		FilterPrompt:                st.ItemSel,
		FilterCursor:                st.ItemSel,
		DefaultFilterCharacterMatch: st.r.NewStyle().Underline(true),
		StatusBar:                   st.Dim,
		StatusEmpty:                 st.Dim,
		StatusBarActiveFilter:       st.Item,
		StatusBarFilterCount:        st.Dim,
		NoItems:                     st.Dim,
		PaginationStyle:             st.Dim,
		HelpStyle:                   st.Dim,
		ActivePaginationDot:         st.ItemSel.SetString("•"),
		InactivePaginationDot:       st.Dim.SetString("•"),
		ArabicPagination:            st.Dim,
		DividerDot:                  st.Dim.SetString(" • "),
	}
	l.Paginator.ActiveDot = l.Styles.ActivePaginationDot.String()
	l.Paginator.InactiveDot = l.Styles.InactivePaginationDot.String()
	return l
}

// rank is the lists' filter: the matches computed in the background when
// they are for this list and term, else fuzzy matching now.
func (p *panel) rank(mode panelMode, term string, targets []string) []list.Rank {
	if mode == p.rankedMode && term == p.rankedFor && p.ranks != nil {
		return p.ranks
	}
	return list.DefaultFilter(term, targets)
}

// filterMsg brings the matches of a filter computed in the background.
type filterMsg struct {
	mode  panelMode
	gen   int
	term  string
	ranks []list.Rank
}

// startFilter opens the filter line on the current list.
func (p *panel) startFilter() tea.Cmd {
	l := p.list()
	p.before = l.GlobalIndex()
	p.typing = true
	p.filter.SetValue(l.FilterValue())
	p.filter.CursorEnd()
	return p.filter.Focus()
}

// typed passes a key to the filter line and filters the list by what it
// holds now.
func (p *panel) typed(msg tea.KeyMsg) tea.Cmd {
	before := p.filter.Value()
	var cmd tea.Cmd
	p.filter, cmd = p.filter.Update(msg)
	if p.filter.Value() == before {
		return cmd
	}
	return tea.Batch(cmd, p.applyFilter(false))
}

// applyFilter filters the current list by the filter line: at once for a
// short list or when now is set, else in the background.
func (p *panel) applyFilter(now bool) tea.Cmd {
	l := p.list()
	term := p.filter.Value()
	p.gen++
	if term == "" {
		l.ResetFilter()
		return nil
	}
	if now || len(l.Items()) <= syncFilterLimit || p.mode == p.rankedMode && term == p.rankedFor {
		l.SetFilterText(term)
		return nil
	}
	items := l.Items()
	targets := make([]string, len(items))
	for i, it := range items {
		targets[i] = it.FilterValue()
	}
	mode, gen := p.mode, p.gen
	return func() tea.Msg {
		return filterMsg{mode, gen, term, list.DefaultFilter(term, targets)}
	}
}

// filtered applies matches computed in the background, unless the filter
// has changed since.
func (p *panel) filtered(msg filterMsg) {
	if msg.mode != p.mode || msg.gen != p.gen || msg.term != p.filter.Value() {
		return
	}
	p.ranks, p.rankedFor, p.rankedMode = msg.ranks, msg.term, msg.mode
	p.list().SetFilterText(msg.term)
}

// acceptFilter closes the filter line and keeps the filter applied, with
// the list filtered by everything typed, however fast it came.
func (p *panel) acceptFilter() {
	p.typing = false
	p.filter.Blur()
	if l := p.list(); p.filter.Value() != "" && (l.FilterState() != list.FilterApplied || l.FilterValue() != p.filter.Value()) {
		p.applyFilter(true)
	}
	if p.filter.Value() == "" {
		p.list().Select(p.before)
	}
}

// cancelFilter closes the filter line, shows the whole list again and
// selects what was selected before it opened.
func (p *panel) cancelFilter() {
	p.typing = false
	p.filter.Blur()
	p.filter.SetValue("")
	p.gen++
	l := p.list()
	l.ResetFilter()
	l.Select(p.before)
}

// clearFilter shows the whole list again, keeping the selected item.
func (p *panel) clearFilter() {
	l := p.list()
	keep := l.GlobalIndex()
	p.filter.SetValue("")
	p.gen++
	l.ResetFilter()
	l.Select(keep)
}

// filterApplied reports whether the current list shows only some items.
func (p *panel) filterApplied() bool { return p.list().FilterState() == list.FilterApplied }

// setMode shows the speakers or the figures; a filter being typed is kept
// as it was applied.
func (p *panel) setMode(m panelMode) {
	if p.typing {
		p.acceptFilter()
	}
	p.mode = m
	if m == modeReview {
		p.listMarks()
	}
	p.filter.SetValue(p.list().FilterValue())
}

func (p *panel) setAnalysis(pr *prepared) {
	p.an = pr.an
	p.ready = true
	p.ranks, p.rankedFor = nil, ""
	// SetItems refilters in a command when a filter is applied; typed
	// before the analysis came, it is applied here instead.
	p.speakers.SetItems(pr.speakers)
	p.figureItems = pr.figures
	if p.figuresMade {
		p.figures.SetItems(pr.figures())
	}
	if p.filter.Value() != "" {
		p.applyFilter(true)
	}
}

func (p *panel) setSize(w, h int) {
	p.width, p.height = w, h
	// the selected speaker's quotes take the lower part of the panel; the
	// first line of each list is the panel's header
	p.listH = max(h*11/20, min(h, 5))
	p.speakers.SetSize(w, max(p.listH-1, 0))
	if p.figuresMade {
		p.figures.SetSize(w, max(h-1, 0))
	}
	if p.reviewsMade {
		p.reviews.SetSize(w, max(h-1, 0))
	}
}

// figureList is the figures list, made on first use.
func (p *panel) figureList() *list.Model {
	if !p.figuresMade {
		p.figuresMade = true
		p.figures = p.newList(figureDelegate{p.st, p.rv}, modeFigures)
		p.figures.SetSize(p.width, max(p.height-1, 0))
		if p.figureItems != nil {
			p.figures.SetItems(p.figureItems())
		}
	}
	return &p.figures
}

// reviewList is the review list, made on first use.
func (p *panel) reviewList() *list.Model {
	if !p.reviewsMade {
		p.reviewsMade = true
		p.reviews = p.newList(markDelegate{p.st}, modeReview)
		p.reviews.SetSize(p.width, max(p.height-1, 0))
	}
	return &p.reviews
}

// setMarks has the review list made from items when it is shown (now, or
// when it is next shown), keeping the selected mark selected and a filter
// applied.
func (p *panel) setMarks(items func() []list.Item) {
	p.marksFrom = items
	if p.mode == modeReview {
		p.listMarks()
	}
}

// listMarks makes the review list, if the marks changed since it was made.
func (p *panel) listMarks() {
	if p.marksFrom == nil {
		return
	}
	items := p.marksFrom()
	p.marksFrom = nil
	l := p.reviewList()
	var keep int64
	if it, ok := l.SelectedItem().(markItem); ok {
		keep = it.mk.Seq
	}
	l.SetItems(items)
	if p.mode == modeReview && p.filter.Value() != "" {
		p.applyFilter(true)
	}
	for k, it := range l.VisibleItems() {
		if it.(markItem).mk.Seq == keep {
			l.Select(k)
		}
	}
}

// selectedMark is the mark selected in the review list.
func (p *panel) selectedMark() (review.Mark, bool) {
	it, ok := p.reviewList().SelectedItem().(markItem)
	return it.mk, ok
}

// selectSpeaker selects sp in the speakers list, showing the whole list
// again if a filter hides it.
func (p *panel) selectSpeaker(sp *attribution.Speaker) {
	l := &p.speakers
	for k, it := range l.VisibleItems() {
		if it.(speakerItem).sp == sp {
			l.Select(k)
			return
		}
	}
	if p.mode == modeSpeakers {
		p.filter.SetValue("")
	}
	l.ResetFilter()
	for k, it := range l.Items() {
		if it.(speakerItem).sp == sp {
			l.Select(k)
		}
	}
}

func (p *panel) list() *list.Model {
	switch p.mode {
	case modeFigures:
		return p.figureList()
	case modeReview:
		return p.reviewList()
	}
	return &p.speakers
}

func (p *panel) selectedSpeaker() *attribution.Speaker {
	if it, ok := p.speakers.SelectedItem().(speakerItem); ok {
		return it.sp
	}
	return nil
}

func (p *panel) selectedFigure() int {
	if it, ok := p.figureList().SelectedItem().(figureItem); ok {
		return it.ix
	}
	return -1
}

// selectFigure selects figure i in the figures list, showing the whole
// list again if a filter hides it.
func (p *panel) selectFigure(i int) {
	l := p.figureList()
	for k, it := range l.VisibleItems() {
		if fi, ok := it.(figureItem); ok && fi.ix == i {
			l.Select(k)
			return
		}
	}
	if l.FilterState() != list.Unfiltered {
		if p.mode == modeFigures {
			p.filter.SetValue("")
		}
		l.ResetFilter()
	}
	if i >= 0 && i < len(l.Items()) {
		l.Select(i)
	}
}

// selectAt selects the item drawn at panel row y (a mouse click).
func (p *panel) selectAt(y int) bool {
	l := p.list()
	h := 2 // speakers and marks take two rows each
	if p.mode == modeFigures {
		h = 1
	}
	if y < 1 || y >= p.listH && p.mode == modeSpeakers {
		return false
	}
	i := (y - 1) / h
	start, end := l.Paginator.GetSliceBounds(len(l.VisibleItems()))
	if start+i >= end {
		return false
	}
	l.Select(start + i)
	return true
}

type panelKey struct {
	mode            panelMode
	w, h, listH     int
	cursor          int
	index, page     int
	filter          string
	typing          bool
	ready           bool
	items, filtered int
	speaker         *attribution.Speaker
	marks           string // the review marks the panel shows
}

// shownMarks is what the panel shows of the review marks: a mark elsewhere
// in the article changes nothing on it, and it need not be drawn again
// (twenty reviewers marking at once would have every panel drawn for every
// mark).
func (p *panel) shownMarks() string {
	rv := p.rv
	if rv == nil || rv.board == nil {
		return ""
	}
	var b strings.Builder
	switch p.mode {
	case modeReview:
		fmt.Fprint(&b, rv.version)
	case modeFigures:
		l := p.figureList()
		start, end := l.Paginator.GetSliceBounds(len(l.VisibleItems()))
		for _, it := range l.VisibleItems()[start:end] {
			b.WriteString(rv.tag(rv.items.figure(it.(figureItem).ix)))
			b.WriteByte(0)
		}
	default:
		if sp := p.selectedSpeaker(); sp != nil {
			for _, qi := range sp.Statements {
				b.WriteString(rv.tag(rv.items.quote(qi)))
				b.WriteByte(0)
			}
		}
	}
	return b.String()
}

// view draws the panel; quoteCursor marks the current quote of the selected
// speaker (-1 for none). The panel does not change when the article moves,
// so the last drawing is kept until something it shows changes.
func (p *panel) view(quoteCursor int) string {
	l := p.list()
	k := panelKey{p.mode, p.width, p.height, p.listH, quoteCursor, l.Index(), l.Paginator.Page,
		p.filter.Value(), p.typing, p.ready, len(l.Items()), len(l.VisibleItems()), p.selectedSpeaker(), p.shownMarks()}
	// While the filter is typed its cursor moves: draw every time then.
	if k == p.key && p.cached != "" && !k.typing {
		return p.cached
	}
	p.key, p.cached = k, p.draw(quoteCursor)
	return p.cached
}

// header is the panel's first line: the list's name and size and, while
// one is typed or applied, the filter.
func (p *panel) header() string {
	name := map[panelMode]string{modeSpeakers: "Speakers", modeFigures: "Figures", modeReview: "Review"}[p.mode]
	l := p.list()
	if !p.typing && p.filter.Value() == "" {
		return p.st.PanelTitle.Render(fmt.Sprintf("%s (%d)", name, len(l.Items())))
	}
	h := p.st.PanelTitle.Render(name) + p.st.Dim.Render(fmt.Sprintf(" %d of %d ", len(l.VisibleItems()), len(l.Items())))
	if p.typing {
		p.filter.Width = max(p.width-xansi.StringWidth(h)-2, 1)
		return h + p.filter.View()
	}
	return h + p.st.ItemSel.Render("/"+text.Clean(p.filter.Value()))
}

func (p *panel) draw(quoteCursor int) string {
	if !p.ready {
		return p.pad([]string{p.st.PanelTitle.Render("Speakers"), p.st.Dim.Render("analysing…")})
	}
	head := p.header()
	switch p.mode {
	case modeFigures:
		return p.fit(head+"\n"+p.figureList().View(), p.height)
	case modeReview:
		return p.fit(head+"\n"+p.reviewList().View(), p.height)
	}
	top := p.fit(head+"\n"+p.speakers.View(), p.listH)
	rest := p.height - p.listH
	sp := p.selectedSpeaker()
	if rest <= 0 {
		return top
	}
	var lines []string
	if sp != nil {
		head := fmt.Sprintf("─ %s: %d %s ", shortName(sp), len(sp.Statements), plural(len(sp.Statements), "statement", "statements"))
		head = xansi.Truncate(head, p.width, "")
		lines = append(lines, p.st.Dim.Render(head+strings.Repeat("─", max(p.width-xansi.StringWidth(head), 0))))
		// Only the quotes that fit are drawn, from just before the
		// current one: a speaker may have hundreds.
		first := max(quoteCursor-1, 0)
		for k := first; k < len(sp.Statements) && len(lines) < rest; k++ {
			lines = append(lines, p.quoteLines(p.an.Quotes[sp.Statements[k]], k == quoteCursor)...)
		}
		if len(lines) > rest {
			lines = lines[:rest]
		}
	}
	return top + "\n" + p.pad(lines)
}

// quoteLines is a quote in the panel: kind and paragraph, then the words,
// at most two lines.
func (p *panel) quoteLines(q attribution.Quote, current bool) []string {
	kind := "said"
	if q.Kind == attribution.Direct {
		kind = "quote"
	}
	num := fmt.Sprintf("¶%d ", q.Paragraph)
	tag := ""
	if p.rv != nil {
		if t := p.rv.tag(p.rv.items.quote(q.ID)); t != "" {
			tag = t + " "
		}
	}
	label := num + tag + kind + " "
	var words string
	if q.Kind == attribution.Direct {
		words = "“" + text.Clean(attribution.Words(p.an.Quotes, q.ID)) + "”"
	} else {
		words = p.statementWords(q, !current)
	}
	w := max(p.width-1, 1)
	wrapped := strings.Split(xansi.Wrap(label+words, w, ""), "\n")
	lines := []string{wrapped[0]}
	if len(wrapped) > 1 {
		rest := strings.Join(wrapped[1:], " ")
		lines = append(lines, " "+xansi.Truncate(strings.TrimSpace(rest), max(w-1, 1), "…"))
	}
	for i, l := range lines {
		if current {
			lines[i] = p.st.Active.Render(l)
		} else if i == 0 && strings.HasPrefix(l, label) {
			styledTag := ""
			if tag != "" {
				styledTag = p.st.markStyle(tag).Render(strings.TrimSpace(tag)) + " "
			}
			lines[i] = p.st.Dim.Render(num) + styledTag + p.st.Dim.Render(kind+" ") + strings.TrimPrefix(l, label)
		}
	}
	return lines
}

// statementWords is a reported clause as the panel shows it: the speaker's
// own words inside it (the quotes Within it) in the quote style, when
// styled; the clause is one statement, listed once.
func (p *panel) statementWords(q attribution.Quote, styled bool) string {
	var b strings.Builder
	at := q.Start
	for id := q.ID + 1; styled && id < len(p.an.Quotes); id++ {
		in := p.an.Quotes[id]
		if in.Paragraph != q.Paragraph || in.Start >= q.End {
			break
		}
		if in.Within != q.ID || in.Start < at {
			continue
		}
		b.WriteString(text.Clean(q.Text[at-q.Start : in.Start-q.Start]))
		b.WriteString(p.st.Quote.Render(text.Clean(in.Text)))
		at = in.End
	}
	b.WriteString(text.Clean(q.Text[at-q.Start:]))
	return b.String()
}

// fit cuts or pads a rendered block to exactly h lines of the panel's width.
func (p *panel) fit(s string, h int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > h {
		lines = lines[:h]
	}
	return p.padN(lines, h)
}

func (p *panel) pad(lines []string) string { return p.padN(lines, len(lines)) }

func (p *panel) padN(lines []string, h int) string {
	for len(lines) < h {
		lines = append(lines, "")
	}
	for i, l := range lines {
		w := xansi.StringWidth(l)
		if w > p.width {
			l = xansi.Truncate(l, p.width, "")
			w = xansi.StringWidth(l)
		}
		lines[i] = l + strings.Repeat(" ", p.width-w)
	}
	return strings.Join(lines, "\n")
}

// shortName is how the status line names a speaker: "Lavrov" for Sergei
// Lavrov (a titled person), the whole name for "Western diplomat" or
// "United Nations".
func shortName(sp *attribution.Speaker) string {
	f := strings.Fields(text.Clean(sp.Name))
	if len(f) >= 2 && len(f) <= 4 && sp.Description != "" {
		person := true
		for _, w := range f {
			r, _ := utf8.DecodeRuneInString(w)
			person = person && unicode.IsUpper(r)
		}
		if person {
			return f[len(f)-1]
		}
	}
	return xansi.Truncate(strings.Join(f, " "), 24, "…")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
