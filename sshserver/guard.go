package sshserver

import (
	"reflect"
	"runtime/debug"
	"sync"

	tea "github.com/charmbracelet/bubbletea"
)

// guard runs a session's model so that a panic, in Update or in a Cmd's
// goroutine, ends that session alone and is logged with its stack. Bubble
// Tea's own catching is off: it prints to the server's stdout, and a Cmd's
// panic there would not say whose it was.
type guard struct {
	inner tea.Model
	quit  func()

	mu    sync.Mutex
	crash *crash
}

type crash struct {
	val   any
	stack []byte
}

// cmdPanicMsg carries a Cmd's panic from its goroutine to Update.
type cmdPanicMsg struct{ crash }

func (g *guard) Init() (cmd tea.Cmd) {
	defer g.recover(&cmd)
	return g.wrap(g.inner.Init())
}

func (g *guard) Update(msg tea.Msg) (m tea.Model, cmd tea.Cmd) {
	m = g
	if g.crashed() != nil {
		return m, nil
	}
	if c, ok := msg.(cmdPanicMsg); ok {
		g.setCrash(c.crash)
		return m, tea.Quit
	}
	defer g.recover(&cmd)
	next, c := g.inner.Update(msg)
	g.inner = next
	return m, g.wrap(c)
}

func (g *guard) View() (v string) {
	if g.crashed() != nil {
		return ""
	}
	defer func() {
		if r := recover(); r != nil {
			g.setCrash(crash{r, debug.Stack()})
			g.quit()
			v = ""
		}
	}()
	return g.inner.View()
}

func (g *guard) recover(cmd *tea.Cmd) {
	if r := recover(); r != nil {
		g.setCrash(crash{r, debug.Stack()})
		*cmd = tea.Quit
	}
}

func (g *guard) setCrash(c crash) {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.crash == nil {
		g.crash = &c
	}
}

func (g *guard) crashed() *crash {
	g.mu.Lock()
	defer g.mu.Unlock()
	return g.crash
}

// wrap makes cmd report a panic as a message instead of taking the server
// down from Bubble Tea's goroutine.
func (g *guard) wrap(cmd tea.Cmd) tea.Cmd {
	if cmd == nil {
		return nil
	}
	return func() (msg tea.Msg) {
		defer func() {
			if r := recover(); r != nil {
				msg = cmdPanicMsg{crash{r, debug.Stack()}}
			}
		}()
		return g.wrapMsg(cmd())
	}
}

var cmdType = reflect.TypeFor[tea.Cmd]()

// wrapMsg wraps the commands inside a tea.Batch or tea.Sequence message:
// Bubble Tea runs them in goroutines of its own. Sequence's message type is
// unexported, so both are recognised as what they are, slices of Cmd.
func (g *guard) wrapMsg(msg tea.Msg) tea.Msg {
	v := reflect.ValueOf(msg)
	if !v.IsValid() || v.Kind() != reflect.Slice || v.Type().Elem() != cmdType {
		return msg
	}
	out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
	for i := range v.Len() {
		c, _ := v.Index(i).Interface().(tea.Cmd)
		out.Index(i).Set(reflect.ValueOf(g.wrap(c)))
	}
	return out.Interface()
}
