package ui

import (
	"cmp"
	"context"
	"fmt"
	"io"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	xansi "github.com/charmbracelet/x/ansi"

	"copydesk/content"
	"copydesk/content/text"
	"copydesk/library"
	"copydesk/review"
)

// Library is the list of a folder's articles: enter opens one in the
// reader, whose q brings the list back. The list is there at once; each
// article shows its counts when the library has analysed it, and files
// added, changed or removed show without a restart.
type Library struct {
	lib    *library.Library
	opt    Options
	review *Review // each article's review is this one's, on its article; nil: no review
	st     *styles

	list          list.Model
	order         libOrder
	items         []library.Item
	counts        map[string]reviewCount // by article path: review progress
	width, height int

	changes     <-chan struct{}
	stopChanges func()

	reader *Model // the open article; nil on the list
	gen    int    // counts the readers opened, to drop a closed one's messages
	want   string // an article asked for before it was read
	notice string // from the host (NoticeMsg), shown on the list until a key
}

// reviewCount is an article's review progress as the list shows it.
type reviewCount struct{ checked, disputed, of int }

type libOrder int

const (
	byDate libOrder = iota
	byTitle
)

// libChangedMsg says the library's list changed.
type libChangedMsg struct{}

// countsMsg brings the review progress of some articles.
type countsMsg map[string]reviewCount

// readerMsg is a message for the reader opened as gen.
type readerMsg struct {
	gen int
	msg tea.Msg
}

var libKeys = struct{ Open, Order, Quit key.Binding }{
	Open:  key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "read it")),
	Order: key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "order by date/title")),
	Quit:  key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
}

// NewLibrary is the list of lib's articles. opt is what each article's
// reader is made with; its Review, when set, is each article's review,
// named by the article file's absolute path.
func NewLibrary(lib *library.Library, opt Options) *Library {
	l := &Library{lib: lib, opt: opt, review: opt.Review, counts: map[string]reviewCount{}}
	r := opt.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	st := newStyles(r, opt.NoColor)
	l.st = st
	l.list = list.New(nil, libDelegate{st: st, counts: l.counts}, 0, 0)
	l.list.SetShowTitle(true)
	l.list.SetShowStatusBar(true)
	l.list.SetStatusBarItemName("article", "articles")
	l.list.DisableQuitKeybindings()
	l.list.Filter = libFilter
	l.list.AdditionalShortHelpKeys = func() []key.Binding { return []key.Binding{libKeys.Open, libKeys.Order, libKeys.Quit} }
	l.list.AdditionalFullHelpKeys = l.list.AdditionalShortHelpKeys
	l.list.Styles = list.Styles{
		TitleBar:                    st.r.NewStyle().Padding(0, 0, 1, 1),
		Title:                       st.PanelTitle,
		Spinner:                     st.Dim,
		FilterPrompt:                st.ItemSel,
		FilterCursor:                st.ItemSel,
		DefaultFilterCharacterMatch: st.r.NewStyle().Underline(true),
		StatusBar:                   st.Dim.Padding(0, 0, 1, 1),
		StatusEmpty:                 st.Dim,
		StatusBarActiveFilter:       st.Item,
		StatusBarFilterCount:        st.Dim,
		NoItems:                     st.Dim.Padding(0, 0, 0, 1),
		PaginationStyle:             st.Dim.PaddingLeft(1),
		HelpStyle:                   st.Dim.Padding(1, 0, 0, 1),
		ActivePaginationDot:         st.ItemSel.SetString("•"),
		InactivePaginationDot:       st.Dim.SetString("•"),
		ArabicPagination:            st.Dim,
		DividerDot:                  st.Dim.SetString(" • "),
	}
	paintDots(&l.list)
	l.list.Help.Styles.ShortKey, l.list.Help.Styles.FullKey = st.HelpKey, st.HelpKey
	l.list.Help.Styles.ShortDesc, l.list.Help.Styles.FullDesc = st.HelpDesc, st.HelpDesc
	l.list.Help.Styles.ShortSeparator, l.list.Help.Styles.FullSeparator = st.Dim, st.Dim
	l.list.Help.Styles.Ellipsis = st.Dim
	l.list.FilterInput.PromptStyle, l.list.FilterInput.Cursor.Style = st.ItemSel, st.ItemSel
	l.changes, l.stopChanges = lib.Changes()
	l.refresh()
	return l
}

func (l *Library) Init() tea.Cmd {
	return tea.Batch(l.waitChanges(), l.countCmd(l.items), l.list.StartSpinner())
}

// Close closes the open reader and stops following the library.
func (l *Library) Close() {
	if l.reader != nil {
		l.reader.Close()
	}
	l.stopChanges()
}

func (l *Library) waitChanges() tea.Cmd {
	ch := l.changes
	return func() tea.Msg {
		if _, ok := <-ch; !ok {
			return nil
		}
		return libChangedMsg{}
	}
}

// refresh reads the library's list again.
func (l *Library) refresh() tea.Cmd {
	items := l.lib.Items()
	sortItems(items, l.order)
	l.items = items
	li := make([]list.Item, len(items))
	for i, it := range items {
		li[i] = libItem{it}
	}
	l.list.SetItems(li) // filtered now, not by its command: see filterNow
	l.filterNow(true)
	done, total := l.lib.Progress()
	title := text.Clean(l.lib.Dir())
	order := "by date"
	if l.order == byTitle {
		order = "by title"
	}
	switch {
	case done < total:
		l.list.Title = fmt.Sprintf("%s · analysing %d/%d · %s", title, done, total, order)
	default:
		l.list.Title = fmt.Sprintf("%s · %s", title, order)
		l.list.StopSpinner()
	}
	return nil
}

// libFilter lists the articles whose title, byline or file name holds
// the words typed, in the list's order; only when none does, the fuzzy
// matches (letters in order), best first. A fuzzy match alone lists nearly
// every headline for three letters.
func libFilter(term string, targets []string) []list.Rank {
	t := strings.ToLower(strings.TrimSpace(term))
	var out []list.Rank
	for i, s := range targets {
		if strings.Contains(strings.ToLower(s), t) {
			out = append(out, list.Rank{Index: i})
		}
	}
	if len(out) > 0 {
		return out
	}
	return list.DefaultFilter(term, targets)
}

// filterNow applies the list's filter at once; keep keeps the selected
// article selected (the list changed), else the best match is selected
// (the filter changed). The list filters in a command of its own, whose answer
// may come after keys that act on it: enter right after typing would open
// what the filter selected a few letters before. A library has hundreds
// of articles, not millions, so filtering on the key costs nothing.
func (l *Library) filterNow(keep bool) {
	state := l.list.FilterState()
	if state == list.Unfiltered {
		return
	}
	sel, _ := l.list.SelectedItem().(libItem)
	l.list.SetFilterText(l.list.FilterValue())
	if state == list.Filtering {
		l.list.SetFilterState(list.Filtering)
	}
	if !keep {
		return
	}
	for i, it := range l.list.VisibleItems() {
		if it.(libItem).Name == sel.Name {
			l.list.Select(i)
			break
		}
	}
}

func sortItems(items []library.Item, o libOrder) {
	date := func(it library.Item) time.Time {
		if !it.Published.IsZero() {
			return it.Published
		}
		return it.Modified
	}
	title := func(it library.Item) string {
		if it.Title != "" {
			return strings.ToLower(it.Title)
		}
		return strings.ToLower(it.Name)
	}
	slices.SortStableFunc(items, func(a, b library.Item) int {
		if o == byDate {
			if c := date(b).Compare(date(a)); c != 0 { // newest first
				return c
			}
		}
		return cmp.Or(strings.Compare(title(a), title(b)), strings.Compare(a.Name, b.Name))
	})
}

func (l *Library) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		l.width, l.height = msg.Width, msg.Height
		l.list.SetSize(msg.Width, msg.Height)
		if l.reader != nil {
			return l, l.toReader(msg)
		}
		return l, nil
	case libChangedMsg:
		before := map[string]int{}
		for _, it := range l.items {
			before[it.Path] = it.Version
		}
		cmd := l.refresh()
		var fresh []library.Item
		for _, it := range l.items {
			if v, ok := before[it.Path]; it.Ready && (!ok || v != it.Version) {
				fresh = append(fresh, it)
			}
		}
		cmds := []tea.Cmd{cmd, l.waitChanges(), l.countCmd(fresh)}
		if l.want != "" && l.reader == nil {
			cmds = append(cmds, l.open(l.want))
		}
		return l, tea.Batch(cmds...)
	case list.FilterMatchesMsg:
		return l, nil // filterNow has filtered
	case countsMsg:
		for k, v := range msg {
			l.counts[k] = v
		}
		return l, nil
	case NoticeMsg:
		// the list's and the open reader's, each until a key
		l.notice = text.Clean(msg.Text)
		if l.reader != nil {
			return l, l.toReader(msg)
		}
		return l, nil
	case readerMsg:
		if msg.gen != l.gen || l.reader == nil {
			return l, nil // for a reader closed since
		}
		if _, ok := msg.msg.(BackMsg); ok {
			return l, l.back()
		}
		return l, l.toReader(msg.msg)
	case tea.KeyMsg:
		l.notice = ""
		if msg.Type == tea.KeyCtrlC {
			return l, tea.Quit
		}
		if l.reader != nil {
			return l, l.toReader(msg)
		}
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			// Keys typed faster than they are read arrive as one
			// message ("/war"); each is its own key, as in the reader.
			var cmds []tea.Cmd
			for i, r := range msg.Runes {
				cmds = append(cmds, l.listKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
				if l.reader != nil { // enter opened an article: the rest is its
					rest := tea.KeyMsg{Type: tea.KeyRunes, Runes: msg.Runes[i+1:], Alt: msg.Alt}
					if len(rest.Runes) > 0 {
						cmds = append(cmds, l.toReader(rest))
					}
					break
				}
			}
			return l, tea.Batch(cmds...)
		}
		return l, l.listKey(msg)
	}
	if _, ok := msg.(tea.MouseMsg); ok {
		l.notice = ""
	}
	if l.reader != nil {
		if _, ok := msg.(tea.MouseMsg); ok {
			return l, l.toReader(msg)
		}
	}
	var cmd tea.Cmd
	l.list, cmd = l.list.Update(msg)
	return l, cmd
}

func (l *Library) listKey(msg tea.KeyMsg) tea.Cmd {
	if l.list.FilterState() != list.Filtering {
		switch {
		case key.Matches(msg, libKeys.Quit):
			return tea.Quit
		case key.Matches(msg, libKeys.Open):
			if it, ok := l.list.SelectedItem().(libItem); ok {
				return l.open(it.Name)
			}
			return nil
		case key.Matches(msg, libKeys.Order):
			l.order = 1 - l.order
			return l.refresh()
		}
	}
	if l.list.FilterState() == list.Filtering {
		// the filter's own command is dropped: filterNow filters
		l.list, _ = l.list.Update(msg)
		l.filterNow(false)
		return nil
	}
	var cmd tea.Cmd
	l.list, cmd = l.list.Update(msg)
	return cmd
}

// open shows the named article in a reader, or, when it is not read yet,
// has the library read it first and opens it then.
func (l *Library) open(name string) tea.Cmd {
	ed, ok := l.lib.Edition(name)
	if !ok {
		for _, it := range l.items {
			if it.Name == name && it.Err != nil {
				l.want = ""
				return l.list.NewStatusMessage(l.st.StatusError.Render(text.Clean(it.Err.Error())))
			}
		}
		if l.want != name {
			l.lib.Hurry(name)
			l.want = name
			return l.list.NewStatusMessage("opening " + text.Clean(name) + " when it is read…")
		}
		return nil
	}
	l.want = ""
	opt := l.opt
	opt.Analysis, opt.Editions, opt.Back = ed.Analysis, libEditions{l.lib, name}, true
	if l.review != nil {
		rv := *l.review
		rv.Article = filepath.Join(l.lib.Dir(), name)
		opt.Review = &rv
	}
	m := New(ed.Article, opt)
	l.gen++
	l.reader = &m
	init := l.tag(m.Init())
	if l.width > 0 && l.height > 0 {
		return tea.Batch(init, l.toReader(tea.WindowSizeMsg{Width: l.width, Height: l.height}))
	}
	return init
}

// back closes the reader and shows the list, with the article's review
// progress brought up to date.
func (l *Library) back() tea.Cmd {
	name := l.reader.art.Source
	l.reader.Close()
	l.reader = nil
	var items []library.Item
	for _, it := range l.items {
		if it.Name == name {
			items = append(items, it)
		}
	}
	return tea.Batch(l.refresh(), l.countCmd(items))
}

// toReader gives msg to the open reader; what it answers is tagged as its.
func (l *Library) toReader(msg tea.Msg) tea.Cmd {
	next, cmd := l.reader.Update(msg)
	m := next.(Model)
	l.reader = &m
	return l.tag(cmd)
}

// tag marks the messages of the reader's commands as the open reader's,
// so that a late answer to a reader closed since (its review's feed, its
// analysis) never reaches the next one. Bubble Tea's own messages (quit)
// go through as they are.
func (l *Library) tag(cmd tea.Cmd) tea.Cmd {
	gen := l.gen
	return mapCmd(cmd, nil, func(msg tea.Msg) tea.Msg {
		if msg == nil {
			return nil
		}
		if t := reflect.TypeOf(msg); t.PkgPath() == teaPkg {
			return msg
		}
		return readerMsg{gen, msg}
	})
}

var teaPkg = reflect.TypeFor[tea.QuitMsg]().PkgPath()

func (l *Library) View() string {
	if l.reader != nil {
		return l.reader.View()
	}
	if l.width < 20 || l.height < 5 {
		return xansi.Truncate("terminal too small", max(l.width, 0), "")
	}
	// The list's parts (the filter prompt, the help) do not all keep to
	// its size; the screen draws exactly width x height.
	lines := strings.Split(l.list.View(), "\n")
	if len(lines) > l.height {
		lines = lines[:l.height]
	}
	if l.notice != "" {
		// the host's notice takes the bottom line (the list's help)
		lines[len(lines)-1] = l.st.StatusError.Render(" " + l.notice)
	}
	for i, s := range lines {
		if xansi.StringWidth(s) > l.width {
			lines[i] = xansi.Truncate(s, l.width, "")
		}
	}
	return strings.Join(lines, "\n")
}

// countCmd works out the review progress of items in the background.
func (l *Library) countCmd(items []library.Item) tea.Cmd {
	if l.review == nil || len(items) == 0 {
		return nil
	}
	type job struct {
		path string
		ed   content.Edition
	}
	var jobs []job
	for _, it := range items {
		if ed, ok := l.lib.Edition(it.Name); ok {
			jobs = append(jobs, job{it.Path, ed})
		}
	}
	if l.review.Open == nil || len(jobs) == 0 {
		return nil
	}
	open := l.review.Open
	return func() tea.Msg {
		s, err := open()
		if err != nil || s == nil {
			return nil
		}
		out := countsMsg{}
		for _, j := range jobs {
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			log, err := s.Log(ctx, j.path)
			cancel()
			if err != nil {
				continue
			}
			items := reviewItems(j.ed.Article, j.ed.Analysis)
			b := review.Fold(log, review.NewIndex(items.anchors))
			c := reviewCount{of: items.total()}
			for _, i := range b.Items() {
				if !items.counted(i) {
					continue
				}
				switch glyphOf(b.On(i)) {
				case '✓':
					c.checked++
				case '✗':
					c.disputed++
				}
			}
			out[j.path] = c
		}
		return out
	}
}

// libEditions are the new editions of one article of a library.
type libEditions struct {
	lib  *library.Library
	name string
}

func (e libEditions) Follow() (<-chan content.Edition, func()) { return e.lib.Follow(e.name) }

type libItem struct{ library.Item }

func (i libItem) FilterValue() string {
	return i.Title + " " + i.Byline + " " + i.Name
}

type libDelegate struct {
	st     *styles
	counts map[string]reviewCount
}

func (d libDelegate) Height() int                         { return 2 }
func (d libDelegate) Spacing() int                        { return 1 }
func (d libDelegate) Update(tea.Msg, *list.Model) tea.Cmd { return nil }

func (d libDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	it, ok := item.(libItem)
	if !ok || m.Width() <= 0 {
		return
	}
	width := m.Width()
	title := it.Title
	if title == "" {
		title = it.Name
	}
	line1 := xansi.Truncate(text.Clean(title), max(width-3, 1), "…")
	line2 := xansi.Truncate(d.describe(it.Item), max(width-3, 1), "…")
	t, sub, bar := d.st.Item, d.st.ItemDesc, "  "
	if index == m.Index() {
		t, sub, bar = d.st.ItemSel, d.st.ItemSelDesc, d.st.ItemSel.Render("▌")+" "
	}
	l1, l2 := " "+bar+t.Render(line1), "   "+sub.Render(line2)
	if width < 4 {
		l1, l2 = xansi.Truncate(l1, width, ""), xansi.Truncate(l2, width, "")
	}
	fmt.Fprintf(w, "%s\n%s", l1, l2)
}

// describe is an article's second line: when, who, what the analysis
// found and how far its review has come.
func (d libDelegate) describe(it library.Item) string {
	var parts []string
	switch {
	case !it.Published.IsZero():
		parts = append(parts, it.Published.Format("2006-01-02"))
	case !it.Modified.IsZero():
		parts = append(parts, it.Modified.Format("2006-01-02"))
	}
	if it.Byline != "" {
		parts = append(parts, text.Clean(it.Byline))
	}
	switch {
	case it.Err != nil && !it.Ready:
		parts = append(parts, "cannot be read: "+text.Clean(it.Err.Error()))
	case !it.Ready:
		parts = append(parts, "analysing…")
	default:
		parts = append(parts, fmt.Sprintf("%d %s · %d %s · %d %s",
			it.Quotes, plural(it.Quotes, "statement", "statements"), it.Speakers, plural(it.Speakers, "speaker", "speakers"),
			it.Figures, plural(it.Figures, "figure", "figures")))
		if c, ok := d.counts[it.Path]; ok && c.checked+c.disputed > 0 {
			parts = append(parts, fmt.Sprintf("✓%d ✗%d of %d", c.checked, c.disputed, c.of))
		}
		if it.Err != nil {
			parts = append(parts, "its new version cannot be read: "+text.Clean(it.Err.Error()))
		}
	}
	parts = append(parts, text.Clean(it.Name))
	return strings.Join(parts, " · ")
}
