package review

import "copydesk/content"

// Items are the items of an article a reviewer may mark, by number.
type Items interface {
	Len() int
	At(i int) Anchor
}

// List is items given as their anchors.
type List []Anchor

// Len is the number of items.
func (l List) Len() int { return len(l) }

// At is item i.
func (l List) At(i int) Anchor { return l[i] }

// ItemsOf are the items of an analysed article: its quotes (in the
// analysis' order, so item i is quote i), then its figures, then its
// paragraphs. Their anchors are made when asked for: a long article has
// hundreds of thousands of items, and an anchor for each would hold more
// memory than the article (50 MB: 70 MB).
func ItemsOf(art *content.Article, an *content.Analysis) Items {
	names := make(map[string]string, len(an.Speakers))
	for _, sp := range an.Speakers {
		names[sp.ID] = sp.Name
	}
	return articleItems{art, an, names}
}

type articleItems struct {
	art   *content.Article
	an    *content.Analysis
	names map[string]string // speakers' names by id
}

func (it articleItems) Len() int {
	return len(it.an.Quotes) + len(it.an.Figures) + len(it.art.Paragraphs)
}

func (it articleItems) At(i int) Anchor {
	if i < len(it.an.Quotes) {
		q := &it.an.Quotes[i]
		a := NewAnchor(Quote, it.art.Paragraphs[q.Paragraph-1].Text, q.Paragraph, q.Start, q.End)
		a.Speaker = it.names[q.Speaker]
		return a
	}
	i -= len(it.an.Quotes)
	if i < len(it.an.Figures) {
		f := &it.an.Figures[i]
		a := NewAnchor(Figure, it.art.Paragraphs[f.Paragraph-1].Text, f.Paragraph, f.Start, f.End)
		a.Figure = string(f.Kind)
		return a
	}
	i -= len(it.an.Figures)
	p := it.art.Paragraphs[i].Text
	return NewAnchor(Paragraph, p, i+1, 0, len(p))
}
