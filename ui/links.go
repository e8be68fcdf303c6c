package ui

import (
	"strconv"

	"copydesk/content"
	"copydesk/content/formats"
	"copydesk/content/text"

	xansi "github.com/charmbracelet/x/ansi"
)

// linkStatus is what the status line shows of paragraph p's links, at most
// width columns: the first link's address and how many there are, "" when
// it has none. A link is underlined in the text but its address is not
// there, and an editor checking a story needs to know where it points.
// The address is the page's, so it is cleaned like the text; the count
// is what is cut last, as it says there is more than the address shown.
func linkStatus(p content.Paragraph, width int) string {
	if width <= 0 {
		return ""
	}
	var first string
	n := 0
	for _, st := range p.Styles {
		if st.Kind != formats.Link {
			continue
		}
		url := text.Clean(st.URL)
		if url == "" {
			continue
		}
		if n == 0 {
			first = url
		}
		n++
	}
	if n == 0 {
		return ""
	}
	head := "→ "
	var tail string
	if n > 1 {
		tail = " (1 of " + strconv.Itoa(n) + " links)"
	}
	room := width - xansi.StringWidth(head) - xansi.StringWidth(tail)
	if room < 8 {
		// Too narrow for the count beside a useful part of the address:
		// the address alone, cut.
		return xansi.Truncate(head+first+tail, width, "…")
	}
	return head + xansi.Truncate(first, room, "…") + tail
}
