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
			writeQuote(w, an.Quotes, qi)
		}
	}
	var unknown []int
	for i := range an.Quotes {
		if q := &an.Quotes[i]; q.Speaker == "" && q.Statement() == i {
			unknown = append(unknown, i)
		}
	}
	if len(unknown) > 0 {
		fmt.Fprintf(w, "\nSpeaker unknown: %s\n", count(len(unknown), "statement"))
		for _, qi := range unknown {
			writeQuote(w, an.Quotes, qi)
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

// writeQuote writes statement qi, an interrupted quotation's parts joined.
func writeQuote(w io.Writer, qs []attribution.Quote, qi int) {
	q := &qs[qi]
	words := text.Clean(attribution.Words(qs, qi))
	if q.Kind == attribution.Direct {
		words = "“" + words + "”"
	}
	fmt.Fprintf(w, "  ¶%-3d %-8s %s\n", q.Paragraph, q.Kind, words)
}

func statements(qs []attribution.Quote) int {
	n := 0
	for i := range qs {
		if qs[i].Statement() == i {
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
