package ui

import "github.com/charmbracelet/bubbles/key"

// keyMap is every key the reader answers to. Keys are matched through it
// and nowhere else, and the help screen and the status line's hints are
// built from it; bindings that do nothing in the current mode are disabled,
// so help shows what works now.
type keyMap struct {
	// reading the article
	Down, Up             key.Binding
	LineDown, LineUp     key.Binding
	PageDown, PageUp     key.Binding
	HalfDown, HalfUp     key.Binding
	Top, Bottom, Count   key.Binding
	NextQuote, PrevQuote key.Binding
	NextFig, PrevFig     key.Binding
	Search               key.Binding
	NextMatch, PrevMatch key.Binding
	Clear                key.Binding

	// review
	Check, Dispute, Note, Undo key.Binding

	// the side panel
	Focus, Panel, View     key.Binding
	ListDown, ListUp       key.Binding
	Filter, Select, Return key.Binding

	// typing a search or a filter
	Accept, Cancel key.Binding

	// the help screen
	ScrollDown, ScrollUp, CloseHelp key.Binding

	Help, Quit, ForceQuit key.Binding

	// Reload shows the new version of the article, when one came.
	Reload key.Binding
	newer  bool // a new version came

	reviewing bool // the review keys work: the reader has a review
}

// defaultKeyMap is the reader's keyboard layout, close to less and vi.
func defaultKeyMap() keyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	// In a paragraph taller than the screen, j and k scroll through it
	// before they move on (pane.readDown): "read on", "read back".
	return keyMap{
		Down:      b("j/↓", "next paragraph, or read on", "j", "down"),
		Up:        b("k/↑", "previous paragraph, or read back", "k", "up"),
		LineDown:  b("ctrl+e", "scroll down a line", "ctrl+e"),
		LineUp:    b("ctrl+y", "scroll up a line", "ctrl+y"),
		PageDown:  b("space/pgdn", "page down", " ", "pgdown"),
		PageUp:    b("b/pgup", "page up", "b", "pgup"),
		HalfDown:  b("ctrl+d", "half page down", "ctrl+d"),
		HalfUp:    b("ctrl+u", "half page up", "ctrl+u"),
		Top:       b("g/home", "first paragraph", "g", "home"),
		Bottom:    b("G/end", "last paragraph", "G", "end"),
		Count:     b("12g", "paragraph 12; 5j: 5 down", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		NextQuote: b("]", "next quote of the speaker", "]"),
		PrevQuote: b("[", "previous quote of the speaker", "["),
		NextFig:   b("f", "next figure", "f"),
		PrevFig:   b("F", "previous figure", "F"),
		Search:    b("/", "search the article", "/"),
		NextMatch: b("n", "next match", "n"),
		PrevMatch: b("N", "previous match", "N"),
		Clear:     b("esc", "clear search and highlight", "esc"),

		Check:   b("c", "mark it checked (again: clear)", "c"),
		Dispute: b("x", "mark it disputed (again: clear)", "x"),
		Note:    b("a", "a note on it", "a"),
		Undo:    b("u", "undo my last mark", "u"),

		Focus:    b("tab", "article ⇄ panel", "tab"),
		Panel:    b("s", "show/hide the panel", "s"),
		View:     b("v", "panel: speakers, figures, review", "v"),
		ListDown: b("j/↓", "next in the list", "j", "down"),
		ListUp:   b("k/↑", "previous in the list", "k", "up"),
		Filter:   b("/", "filter the list", "/"),
		Select:   b("enter", "go to it", "enter"),
		Return:   b("esc", "clear the filter, back to the article", "esc"),

		Accept: b("enter", "done", "enter"),
		Cancel: b("esc", "cancel", "esc"),

		ScrollDown: b("j/space", "scroll down", "j", "down", "ctrl+e", " ", "pgdown", "ctrl+d"),
		ScrollUp:   b("k/b", "scroll up", "k", "up", "ctrl+y", "b", "pgup", "ctrl+u"),
		CloseHelp:  b("q/esc/?", "close help", "q", "esc", "?"),

		Reload:    b("R", "show the new version of the article", "R"),
		Help:      b("?", "help", "?"),
		Quit:      b("q", "quit", "q"),
		ForceQuit: b("ctrl+c", "quit from anywhere", "ctrl+c"),
	}
}

// mode is what the keys go to.
type mode int

const (
	modeArticle mode = iota
	modePanel
	modeSearch // typing a search
	modeFilter // typing a panel filter
	modeNote   // typing a review note
	modeHelp
)

// setMode enables the bindings that work in mode m. In help, the bindings
// of the mode help was opened from stay as they were, since help lists
// them; only the help screen's own keys are added.
func (k *keyMap) setMode(m mode) {
	help := m == modeHelp
	for _, b := range []*key.Binding{&k.ScrollDown, &k.ScrollUp, &k.CloseHelp} {
		b.SetEnabled(help)
	}
	if help {
		return
	}
	article, panel := m == modeArticle, m == modePanel
	for _, b := range []*key.Binding{&k.Down, &k.Up, &k.LineDown, &k.LineUp, &k.PageDown, &k.PageUp, &k.HalfDown, &k.HalfUp,
		&k.Top, &k.Bottom, &k.Count, &k.Search, &k.NextMatch, &k.PrevMatch, &k.Clear} {
		b.SetEnabled(article)
	}
	for _, b := range []*key.Binding{&k.ListDown, &k.ListUp, &k.Filter, &k.Select, &k.Return} {
		b.SetEnabled(panel)
	}
	for _, b := range []*key.Binding{&k.NextQuote, &k.PrevQuote, &k.NextFig, &k.PrevFig,
		&k.Focus, &k.Panel, &k.View, &k.Help, &k.Quit} {
		b.SetEnabled(article || panel)
	}
	k.Reload.SetEnabled(k.newer && (article || panel))
	for _, b := range []*key.Binding{&k.Check, &k.Dispute, &k.Note, &k.Undo} {
		b.SetEnabled(k.reviewing && (article || panel))
	}
	for _, b := range []*key.Binding{&k.Accept, &k.Cancel} {
		b.SetEnabled(m == modeSearch || m == modeFilter || m == modeNote)
	}
}

// ShortHelp is the status line's hint: what to press now.
func (k keyMap) ShortHelp() []key.Binding {
	switch {
	case k.CloseHelp.Enabled():
		return []key.Binding{k.CloseHelp, k.ScrollDown}
	case k.Accept.Enabled():
		return []key.Binding{k.Accept, k.Cancel}
	}
	return []key.Binding{k.Help}
}

// FullHelp is the help screen, a column per group; disabled bindings are
// left out.
func (k keyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.LineDown, k.LineUp, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom, k.Count},
		{k.NextQuote, k.PrevQuote, k.NextFig, k.PrevFig, k.Search, k.NextMatch, k.PrevMatch, k.Clear},
		{k.Check, k.Dispute, k.Note, k.Undo},
		{k.Focus, k.Panel, k.View, k.ListDown, k.ListUp, k.Filter, k.Select, k.Return, k.Reload, k.Help, k.Quit, k.ForceQuit},
	}
}
