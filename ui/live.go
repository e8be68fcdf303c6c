package ui

import tea "github.com/charmbracelet/bubbletea"

// live is a model drawing through a screen: its View is the frame. Messages
// that change the model schedule one draw; a burst of them (a held key, a
// mouse wheel) is drawn once.
type live struct {
	inner   tea.Model
	scr     *screen
	w, h    int
	pending *bool
}

type drawMsg struct{}

// capsMsg is what the terminal said of itself, when it said it after the
// reader started.
type capsMsg Caps

func drawNow() tea.Msg { return drawMsg{} }

// newLive wraps m to draw on scr.
func newLive(m tea.Model, scr *screen) live {
	return live{inner: m, scr: scr, pending: new(bool)}
}

// Init starts the model; the first frame is drawn once the size is known.
func (l live) Init() tea.Cmd { return l.inner.Init() }

// Update passes msg to the model and schedules a draw.
func (l live) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case capsMsg:
		l.follow(Caps(msg))
		return l, l.draw(nil)
	case drawMsg:
		*l.pending = false
		if l.w > 0 && l.h > 0 {
			l.scr.Draw(l.inner.View(), l.w, l.h)
		}
		return l, nil
	case tea.WindowSizeMsg:
		l.w, l.h = msg.Width, msg.Height
	}
	next, cmd := l.inner.Update(msg)
	l.inner = next
	if _, ok := msg.(prefetchMsg); ok {
		return l, cmd // nothing on screen changed
	}
	return l, l.draw(cmd)
}

// draw adds a draw to cmd, unless one is coming.
func (l live) draw(cmd tea.Cmd) tea.Cmd {
	if !*l.pending {
		*l.pending = true
		cmd = tea.Batch(cmd, drawNow)
	}
	return cmd
}

// follow makes the frames drawn from now on what the terminal said it
// takes: synchronized or not, and in the colours for its background (a
// model that cannot change its colours keeps them).
func (l live) follow(c Caps) {
	l.scr.setSync(c.Sync)
	if r, ok := l.inner.(interface{ recolor(dark bool) }); ok && c.KnownBackground {
		r.recolor(c.Dark)
	}
}

// View is empty: live draws itself.
func (l live) View() string { return "" }
