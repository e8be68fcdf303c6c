package content

import (
	"copydesk/content/attribution"
	"copydesk/content/figures"
)

// Analyze finds the speakers, quotes and figures of an article. It is one pass
// over the paragraphs in order, carrying only what the next paragraph needs
// (an open quotation, the last speaker, recent mentions), so its cost grows
// linearly with the text.
func Analyze(a *Article) *Analysis {
	texts := make([]string, len(a.Paragraphs))
	for i := range a.Paragraphs {
		texts[i] = a.Paragraphs[i].Text
	}
	r := attribution.Analyze(texts)
	return &Analysis{Speakers: r.Speakers, Quotes: r.Quotes, Mentions: r.Mentions, Figures: FindFigures(a.Paragraphs)}
}

// FindFigures returns the figures of the paragraphs in text order.
func FindFigures(paras []Paragraph) []Figure {
	size := 0
	for _, p := range paras {
		size += len(p.Text)
	}
	// News has about one figure per 280 bytes (the PolNeAR texts): room for
	// a few more saves the copies of a slice grown one append at a time.
	out := make([]Figure, 0, size/256+4)
	for _, p := range paras {
		for _, f := range figures.Find(p.Text) {
			out = append(out, Figure{Paragraph: p.N, Figure: f})
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
