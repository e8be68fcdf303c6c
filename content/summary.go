package content

import (
	"bufio"
	"fmt"
	"io"

	"copydesk/content/attribution"
	"copydesk/content/text"
)

// WriteSummary writes the analysis for a person to read: who said what,
// statement by statement (quoted words inside a reported clause are shown
// in it, not again), then the figures by paragraph. Article text is cleaned of terminal
// controls, since it goes to a terminal.
func WriteSummary(out io.Writer, a *Article, an *Analysis) error {
	w := bufio.NewWriter(out)
	title := a.Title
	if title == "" {
		title = a.Source
	}
	fmt.Fprintf(w, "%s\n%s, %s, %s, %s\n", text.Clean(title), count(len(a.Paragraphs), "paragraph"),
		count(len(an.Speakers), "speaker"), count(statements(an.Quotes), "statement"), count(len(an.Figures), "figure"))
	for _, s := range an.Speakers {
		fmt.Fprintf(w, "\n%s", text.Clean(s.Name))
		if s.Description != "" {
			fmt.Fprintf(w, " (%s)", text.Clean(s.Description))
		}
		fmt.Fprintf(w, ": %s\n", count(len(s.Statements), "statement"))
		for _, qi := range s.Statements {
			writeQuote(w, an.Quotes[qi])
		}
	}
	var unknown []attribution.Quote
	for _, q := range an.Quotes {
		if q.Speaker == "" && q.Within < 0 {
			unknown = append(unknown, q)
		}
	}
	if len(unknown) > 0 {
		fmt.Fprintf(w, "\nSpeaker unknown: %s\n", count(len(unknown), "statement"))
		for _, q := range unknown {
			writeQuote(w, q)
		}
	}
	if len(an.Figures) > 0 {
		fmt.Fprintln(w, "\nFigures")
		for _, f := range an.Figures {
			fmt.Fprintf(w, "  ¶%-3d %-9s %s", f.Paragraph, f.Kind, text.Clean(f.Text))
			if f.Value != "" {
				fmt.Fprintf(w, " = %s", text.Clean(f.Value))
			}
			if f.Unit != "" {
				fmt.Fprintf(w, " (%s)", text.Clean(f.Unit))
			}
			fmt.Fprintln(w)
		}
	}
	return w.Flush()
}

func writeQuote(w io.Writer, q attribution.Quote) {
	text := text.Clean(q.Text)
	if q.Kind == attribution.Direct {
		text = "“" + text + "”"
	}
	fmt.Fprintf(w, "  ¶%-3d %-8s %s\n", q.Paragraph, q.Kind, text)
}

func statements(qs []attribution.Quote) int {
	n := 0
	for _, q := range qs {
		if q.Within < 0 {
			n++
		}
	}
	return n
}

// count is n and noun, plural when n is not 1.
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
