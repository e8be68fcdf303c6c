package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is every key the reader answers to; the help screen is built from it.
type KeyMap struct {
	Down, Up             key.Binding
	PageDown, PageUp     key.Binding
	HalfDown, HalfUp     key.Binding
	Top, Bottom, Goto    key.Binding
	NextQuote, PrevQuote key.Binding
	NextFig, PrevFig     key.Binding
	Search               key.Binding
	NextMatch, PrevMatch key.Binding
	Focus, Back          key.Binding
	Panel, View          key.Binding
	Select, Filter       key.Binding
	Help, Quit           key.Binding
}

// DefaultKeyMap is the reader's keyboard layout, close to less and vi.
func DefaultKeyMap() KeyMap {
	b := func(help, desc string, keys ...string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(help, desc))
	}
	return KeyMap{
		Down:      b("j/↓", "next paragraph", "j", "down"),
		Up:        b("k/↑", "previous paragraph", "k", "up"),
		PageDown:  b("space/pgdn", "page down", " ", "pgdown"),
		PageUp:    b("b/pgup", "page up", "b", "pgup"),
		HalfDown:  b("ctrl+d", "half page down", "ctrl+d"),
		HalfUp:    b("ctrl+u", "half page up", "ctrl+u"),
		Top:       b("g/home", "first paragraph", "g", "home"),
		Bottom:    b("G/end", "last paragraph", "G", "end"),
		Goto:      b("12g", "go to paragraph 12", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
		NextQuote: b("]", "next quote of speaker", "]"),
		PrevQuote: b("[", "previous quote of speaker", "["),
		NextFig:   b("f", "next figure", "f"),
		PrevFig:   b("F", "previous figure", "F"),
		Search:    b("/", "search", "/"),
		NextMatch: b("n", "next match", "n"),
		PrevMatch: b("N", "previous match", "N"),
		Focus:     b("tab", "article ⇄ panel", "tab"),
		Back:      b("esc", "back / cancel", "esc"),
		Panel:     b("s", "show/hide panel", "s"),
		View:      b("v", "speakers ⇄ figures", "v"),
		Select:    b("enter", "jump to selection", "enter"),
		Filter:    b("/", "filter (in panel)", "/"),
		Help:      b("?", "help", "?"),
		Quit:      b("q", "quit", "q", "ctrl+c"),
	}
}

// ShortHelp is the one-line help.
func (k KeyMap) ShortHelp() []key.Binding {
	return []key.Binding{k.Down, k.NextQuote, k.NextFig, k.Search, k.Focus, k.Help, k.Quit}
}

// FullHelp is the help screen, one column per group.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Down, k.Up, k.PageDown, k.PageUp, k.HalfDown, k.HalfUp, k.Top, k.Bottom, k.Goto},
		{k.NextQuote, k.PrevQuote, k.NextFig, k.PrevFig, k.Search, k.NextMatch, k.PrevMatch},
		{k.Focus, k.Back, k.Panel, k.View, k.Select, k.Filter, k.Help, k.Quit},
	}
}
