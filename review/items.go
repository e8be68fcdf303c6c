package review

import "copydesk/content"

// ItemsOf anchors every item a reviewer may mark in an analysed article:
// its quotes (in the analysis' order, so item i is quote i), then its
// figures, then its paragraphs.
func ItemsOf(art *content.Article, an *content.Analysis) []Anchor {
	items := make([]Anchor, 0, len(an.Quotes)+len(an.Figures)+len(art.Paragraphs))
	names := make(map[string]string, len(an.Speakers))
	for _, sp := range an.Speakers {
		names[sp.ID] = sp.Name
	}
	for _, q := range an.Quotes {
		a := NewAnchor(Quote, art.Paragraphs[q.Paragraph-1].Text, q.Paragraph, q.Start, q.End)
		a.Speaker = names[q.Speaker]
		items = append(items, a)
	}
	for _, f := range an.Figures {
		a := NewAnchor(Figure, art.Paragraphs[f.Paragraph-1].Text, f.Paragraph, f.Start, f.End)
		a.Figure = string(f.Kind)
		items = append(items, a)
	}
	for i, p := range art.Paragraphs {
		items = append(items, NewAnchor(Paragraph, p.Text, i+1, 0, len(p.Text)))
	}
	return items
}
