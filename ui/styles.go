package ui

import (
	"strings"

	"copydesk/content/figures"

	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/textinput"

	"github.com/charmbracelet/lipgloss"
)

// styles are built from one *lipgloss.Renderer, never package globals, so
// every SSH session paints with its own terminal's colour profile and
// background.
type styles struct {
	r       *lipgloss.Renderer
	noColor bool

	Gutter      lipgloss.Style
	GutterFocus lipgloss.Style
	Title       lipgloss.Style
	Quote       lipgloss.Style
	Mention     lipgloss.Style
	Figure      map[figures.Kind]lipgloss.Style
	Active      lipgloss.Style // the current quote, figure or search match
	Match       lipgloss.Style
	Checked     lipgloss.Style // a quote or figure a reviewer checked
	Disputed    lipgloss.Style // one a reviewer disputes
	Noted       lipgloss.Style // a note without a verdict
	Heading     lipgloss.Style // a heading of a Markdown or HTML article
	Code        lipgloss.Style // a code block, inline code
	Bar         lipgloss.Style // a block quote's bar

	Status      lipgloss.Style
	StatusKey   lipgloss.Style
	StatusDim   lipgloss.Style
	StatusError lipgloss.Style
	Border      lipgloss.Style
	PanelTitle  lipgloss.Style
	Item        lipgloss.Style
	ItemDesc    lipgloss.Style
	ItemSel     lipgloss.Style
	ItemSelDesc lipgloss.Style
	Dim         lipgloss.Style
	HelpKey     lipgloss.Style
	HelpDesc    lipgloss.Style

	prefix map[uint16]string
	wraps  map[string]string
}

// newStyles builds the styles for renderer r. With noColor (NO_COLOR set)
// the highlights keep bold, italic and underline but drop colour.
func newStyles(r *lipgloss.Renderer, noColor bool) *styles {
	ns := r.NewStyle
	col := func(light, dark, ansi16 string) lipgloss.TerminalColor {
		if noColor {
			return lipgloss.NoColor{}
		}
		// ANSI carries the 16-colour choice explicitly, so the highlights
		// stay distinguishable where only 16 colours exist.
		return lipgloss.CompleteAdaptiveColor{
			Light: lipgloss.CompleteColor{TrueColor: light, ANSI256: light, ANSI: ansi16},
			Dark:  lipgloss.CompleteColor{TrueColor: dark, ANSI256: dark, ANSI: ansi16},
		}
	}
	accent := col("25", "75", "4")
	dim := col("244", "244", "8")
	s := &styles{r: r, noColor: noColor, prefix: map[uint16]string{}, wraps: map[string]string{}}
	s.Gutter = ns().Foreground(dim)
	s.GutterFocus = ns().Foreground(accent).Bold(true)
	s.Title = ns().Bold(true)
	s.Quote = ns().Italic(true).Foreground(col("28", "114", "2"))
	s.Mention = ns().Bold(true).Foreground(col("127", "213", "5"))
	fig := func(light, dark, a string) lipgloss.Style {
		return ns().Underline(true).Foreground(col(light, dark, a))
	}
	s.Figure = map[figures.Kind]lipgloss.Style{
		figures.Count:    fig("130", "214", "3"),
		figures.Quantity: fig("130", "214", "3"),
		figures.Ordinal:  fig("130", "214", "3"),
		figures.Percent:  fig("31", "81", "6"),
		figures.Money:    fig("31", "81", "6"),
		figures.Date:     fig("160", "210", "1"),
		figures.Duration: fig("160", "210", "1"),
	}
	s.Active = ns().Reverse(true)
	s.Match = ns().Underline(true).Bold(true)
	// Marks tint the background, so they show beside the highlights'
	// foreground colours; without colour, a dispute strikes the words
	// through and a check is faint.
	if noColor {
		s.Checked = ns().Faint(true)
		s.Disputed = ns().Strikethrough(true)
	} else {
		s.Checked = ns().Background(col("194", "22", "2"))
		s.Disputed = ns().Background(col("224", "52", "1"))
	}
	s.Noted = ns().Foreground(accent)
	s.Heading = ns().Bold(true).Foreground(col("24", "117", "4"))
	s.Code = ns().Foreground(col("242", "248", "8"))
	s.Bar = ns().Foreground(dim)
	s.Status = ns()
	s.StatusKey = ns().Bold(true)
	s.StatusDim = ns().Foreground(dim)
	s.StatusError = ns().Bold(true).Foreground(col("160", "203", "1"))
	s.Border = ns().Foreground(dim)
	s.PanelTitle = ns().Bold(true)
	s.Item = ns()
	s.ItemDesc = ns().Foreground(dim)
	s.ItemSel = ns().Bold(true).Foreground(accent)
	s.ItemSelDesc = ns().Foreground(accent)
	s.Dim = ns().Foreground(dim)
	s.HelpKey = ns().Bold(true)
	s.HelpDesc = ns().Foreground(dim)
	return s
}

// Highlight classes, combined as a bit mask per rune.
const (
	clsQuote uint16 = 1 << iota
	clsMention
	clsTitle
	clsMatch
	clsActive
	clsChecked
	clsDisputed
	clsFigure // the figure kind follows in the bits above
)

// Classes of a block's layout, painted under the highlights: a strong,
// emphasised, code or link run, and every rune of a heading. They take the
// bits above the figure kinds'.
const (
	clsStrong uint16 = 1 << (11 + iota)
	clsEmphasis
	clsCode
	clsLink
	clsHeading

	clsInline = clsStrong | clsEmphasis | clsCode | clsLink | clsHeading
)

var figureKinds = []figures.Kind{figures.Count, figures.Date, figures.Duration, figures.Percent, figures.Money, figures.Ordinal, figures.Quantity}

func figureClass(k figures.Kind) uint16 {
	for i, fk := range figureKinds {
		if fk == k {
			return clsFigure | uint16(i+1)<<8
		}
	}
	return clsFigure
}

func (s *styles) forMask(m uint16) lipgloss.Style {
	st := s.r.NewStyle()
	if m&clsTitle != 0 {
		st = st.Inherit(s.Title)
	}
	if m&clsFigure != 0 {
		k := int(m>>8&7) - 1 // the kind, without the classes above it
		if k >= 0 && k < len(figureKinds) {
			st = s.Figure[figureKinds[k]].Inherit(st)
		}
	}
	if m&clsQuote != 0 {
		st = st.Inherit(s.Quote)
	}
	if m&clsMention != 0 {
		st = s.Mention.Inherit(st)
	}
	if m&clsMatch != 0 {
		st = s.Match.Inherit(st)
	}
	if m&clsDisputed != 0 {
		st = st.Inherit(s.Disputed)
	} else if m&clsChecked != 0 {
		st = st.Inherit(s.Checked)
	}
	if m&clsActive != 0 {
		st = st.Reverse(true)
	}
	if m&clsInline != 0 {
		// Inherit keeps what the highlights set: a quote in bold text is
		// the quote's colour, and bold.
		st = st.Inherit(s.inline(m))
	}
	return st
}

func (s *styles) inline(m uint16) lipgloss.Style {
	st := s.r.NewStyle()
	if m&clsHeading != 0 {
		st = st.Inherit(s.Heading)
	}
	if m&clsCode != 0 {
		st = st.Inherit(s.Code)
	}
	if m&clsStrong != 0 {
		st = st.Bold(true)
	}
	if m&clsEmphasis != 0 {
		st = st.Italic(true)
	}
	if m&clsLink != 0 {
		st = st.Underline(true)
	}
	return st
}

// sgr returns the escape sequence that starts mask m's style, "" when the
// profile has no styling. Rendering a style costs far more than writing its
// prefix, and lines are painted often.
func (s *styles) sgr(m uint16) string {
	if p, ok := s.prefix[m]; ok {
		return p
	}
	out := s.forMask(m).Render("x")
	p, _, _ := strings.Cut(out, "x")
	s.prefix[m] = p
	return p
}

// wrap styles text with the named style the cheap way: the style's escape
// prefix, the text, a reset. It is for short plain strings drawn on every
// line (the gutter), where lipgloss's Render would dominate a frame's cost.
func (s *styles) wrap(name string, st lipgloss.Style, text string) string {
	p, ok := s.wraps[name]
	if !ok {
		p, _, _ = strings.Cut(st.Render("x"), "x")
		s.wraps[name] = p
	}
	if p == "" {
		return text
	}
	return p + text + "\x1b[0m"
}

// input styles a text input (the search line, a list's filter) with this
// renderer's styles instead of bubbles' package defaults: the prompt "/"
// and the cursor in key, the typed text in text.
func (s *styles) input(ti *textinput.Model, key, text lipgloss.Style) {
	ti.Prompt = "/"
	ti.PromptStyle, ti.TextStyle, ti.PlaceholderStyle = key, text, s.Dim
	ti.Cursor.Style, ti.Cursor.TextStyle = key, text
}

// markStyle is the style of a mark's glyph (or of a tag starting with it).
func (s *styles) markStyle(tag string) lipgloss.Style {
	switch {
	case strings.HasPrefix(tag, "✗"):
		return s.StatusError
	case strings.HasPrefix(tag, "✓"):
		return s.ItemSel
	}
	return s.Noted
}

// The terminal may say what its background is after the first frame (see
// Run): the renderer then takes the background it said, and what was
// painted for the one guessed is painted again. Styles resolve their
// colours from the renderer as they render, so only what was rendered
// ahead (caches, a list's page dots) is stale.

// recolor paints the reader from now on for a dark or a light background.
func (m Model) recolor(dark bool) {
	if m.st.r.HasDarkBackground() != dark {
		m.st.r.SetHasDarkBackground(dark)
		m.repaint()
	}
}

// repaint drops what was rendered for the renderer's former background.
func (m Model) repaint() {
	m.st.repaint()
	m.pane.clearPainted()
	m.panel.cached = ""
	paintDots(&m.panel.speakers)
	if m.panel.figuresMade {
		paintDots(&m.panel.figures)
	}
	if m.panel.reviewsMade {
		paintDots(&m.panel.reviews)
	}
}

// recolor paints the list, and the article open from it, from now on for a
// dark or a light background.
func (l *Library) recolor(dark bool) {
	if l.st.r.HasDarkBackground() == dark {
		return
	}
	l.st.r.SetHasDarkBackground(dark)
	l.st.repaint()
	paintDots(&l.list)
	if l.reader != nil {
		l.reader.repaint()
	}
}

func (s *styles) repaint() {
	clear(s.prefix)
	clear(s.wraps)
}

// paintDots renders a list's page dots from its styles, which the
// paginator keeps as text.
func paintDots(l *list.Model) {
	l.Paginator.ActiveDot = l.Styles.ActivePaginationDot.String()
	l.Paginator.InactiveDot = l.Styles.InactivePaginationDot.String()
}
