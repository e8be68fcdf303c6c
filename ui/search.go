package ui

import (
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"copydesk/content"
	"copydesk/content/text"
)

// Searching reads every paragraph, so it runs once on enter (in the
// background for long articles), never per key stroke; n and N then step
// through the matches found.

const syncSearchLimit = 1 << 20

func (m Model) searchKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Cancel):
		m.searching = false
		m.input.Blur()
		return m, nil
	case key.Matches(msg, m.keys.Accept):
		m.searching = false
		m.input.Blur()
		q := m.input.Value()
		if strings.TrimSpace(q) == "" {
			return m, nil
		}
		art := m.art
		if art.Size() <= syncSearchLimit {
			m.applySearch(searchMsg{art, q, findAll(art, q)})
			return m, nil
		}
		m.setMsg("searching…", false)
		return m, func() tea.Msg { return searchMsg{art, q, findAll(art, q)} }
	}
	var cmd tea.Cmd
	*m.input, cmd = m.input.Update(msg)
	return m, cmd
}

func (m *Model) applySearch(r searchMsg) {
	m.query, m.hits = r.query, r.hits
	byPara := map[int][]hlSpan{}
	for _, h := range r.hits {
		byPara[h.para] = append(byPara[h.para], mkSpan(h.s, h.e, clsMatch))
	}
	m.pane.setMatches(byPara)
	if len(r.hits) == 0 {
		m.hitCursor = -1
		if m.current == currentMatch {
			m.setCurrent(currentNone)
		}
		m.setMsg(fmt.Sprintf("not found: %s", text.Clean(r.query)), true)
		return
	}
	m.msg = ""
	// the first match at or after the focused paragraph
	i := sort.Search(len(r.hits), func(i int) bool { return r.hits[i].para >= m.pane.focus })
	if i == len(r.hits) {
		i = 0
	}
	m.gotoHit(i)
}

func (m *Model) stepMatch(n int) {
	if len(m.hits) == 0 {
		if m.query != "" {
			m.setMsg("not found: "+text.Clean(m.query), true)
		} else {
			m.setMsg("no search yet: / searches the article", true)
		}
		return
	}
	k := len(m.hits)
	m.gotoHit(((m.hitCursor+n)%k + k) % k)
}

func (m *Model) gotoHit(i int) {
	h := m.hits[i]
	m.hitCursor = i
	m.setCurrent(currentMatch)
	m.focusPara(h.para, false)
	m.pane.setActive(h.para, mkSpan(h.s, h.e, clsActive))
}

// clearSearch drops the search and the current item's mark.
func (m *Model) clearSearch() {
	if m.query == "" && m.current == currentNone {
		return
	}
	m.query, m.hits, m.hitCursor = "", nil, -1
	m.pane.setMatches(nil)
	m.setCurrent(currentNone)
}

// findAll returns every match of q, ignoring ASCII case.
func findAll(art *content.Article, q string) []hit {
	lq := asciiLower(q)
	var hits []hit
	for i, p := range art.Paragraphs {
		t := p.Text
		if len(t) < len(q) {
			continue
		}
		lt := asciiLower(t)
		for from := 0; from <= len(lt)-len(lq); {
			j := strings.Index(lt[from:], lq)
			if j < 0 {
				break
			}
			s := from + j
			hits = append(hits, hit{i, s, s + len(lq)})
			from = s + max(len(lq), 1)
		}
	}
	return hits
}

// asciiLower lowers ASCII letters only, so byte offsets stay valid.
func asciiLower(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= 'A' && c <= 'Z' {
			b := []byte(s)
			for j := i; j < len(b); j++ {
				if b[j] >= 'A' && b[j] <= 'Z' {
					b[j] += 'a' - 'A'
				}
			}
			return string(b)
		}
	}
	return s
}
