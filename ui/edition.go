package ui

import (
	tea "github.com/charmbracelet/bubbletea"

	"copydesk/content"
)

// editions is the following of the article's file, shared by the copies
// of the model and by the model a new edition makes.
type editions struct {
	w    Editions
	ch   <-chan content.Edition
	stop func()
	// newer is an edition that came and is not shown yet: the reader is
	// told, and R shows it, so the text never changes under the eyes.
	newer *content.Edition
}

// editionMsg brings a new edition of the article.
type editionMsg struct{ ed content.Edition }

// followEditions waits for the article's next edition.
func (m Model) followEditions() tea.Cmd {
	e := m.eds
	if e == nil {
		return nil
	}
	if e.ch == nil {
		e.ch, e.stop = e.w.Follow()
	}
	ch := e.ch
	return func() tea.Msg {
		ed, ok := <-ch
		if !ok {
			return nil
		}
		return editionMsg{ed}
	}
}

// revise shows a new edition of the article where the reader was: the
// same paragraph (found by its words, else by its number), the same panel,
// and the review's marks read against the new text (marks whose words are
// gone are listed as outdated).
func (m Model) revise(ed content.Edition) (tea.Model, tea.Cmd) {
	m.eds.newer = nil
	opt := m.opt
	opt.Analysis = ed.Analysis
	nm := newModel(ed.Article, opt, m.rv, m.eds)
	nm.width, nm.height = m.width, m.height
	nm.focus, nm.panelHidden, nm.panelOnly = m.focus, m.panelHidden, m.panelOnly
	nm.panel.setMode(m.panel.mode)
	para := min(m.pane.focus, len(ed.Article.Paragraphs)-1)
	was := m.art.Paragraphs[m.pane.focus].Text
	for i, p := range ed.Article.Paragraphs {
		if p.Text == was {
			para = i
			break
		}
	}
	nm.layout()
	nm.focusPara(para, true)
	nm.setMsg("this is the new version of the article", false)
	// The next edition is waited for already (editionMsg follows on).
	return nm, nm.initExceptEditions()
}
