package content

import (
	"time"

	"copydesk/content/attribution"
	"copydesk/content/figures"
)

// Analyze finds the speakers, quotes and figures of an article: the
// attribution reads the paragraphs in order, since a quotation or a
// pronoun may reach back over several of them, and the figure recogniser
// reads each paragraph alone, counting dates such as "last month" from
// the article's publication date when it is known. Both grow linearly with the text. Paragraph
// numbers in the analysis are positions in a.Paragraphs, from 1, which
// Parse makes the same as Paragraph.N.
func Analyze(a *Article) *Analysis {
	return analyze(a, attribution.PlanFor(a.Size()))
}

// analyze is Analyze with the attribution's work shared as plan says. The
// figures of a paragraph depend on nothing else, the attribution on
// everything before it: when the attribution shares its work, the figures
// are found on another core while it reads. The result is the same.
func analyze(a *Article, plan attribution.Plan) *Analysis {
	texts := make([]string, len(a.Paragraphs))
	for i := range a.Paragraphs {
		texts[i] = a.Paragraphs[i].Text
	}
	var figs []Figure
	done := make(chan struct{})
	if plan.Workers > 0 {
		go func() {
			defer close(done)
			figs = findFigures(texts, a.Published)
		}()
	} else {
		figs = findFigures(texts, a.Published)
		close(done)
	}
	r := attribution.AnalyzeWith(texts, plan)
	<-done
	return &Analysis{Speakers: r.Speakers, Quotes: r.Quotes, Mentions: r.Mentions, Figures: figs}
}

// findFigures returns the figures of the paragraphs in text order, nil
// when there are none.
func findFigures(paras []string, published time.Time) []Figure {
	size := 0
	for _, p := range paras {
		size += len(p)
	}
	// News has about one figure per 280 bytes (the PolNeAR texts): room for
	// a few more saves the copies of a slice grown one append at a time.
	out := make([]Figure, 0, size/256+4)
	for i, p := range paras {
		for _, f := range figures.FindAt(p, published) {
			out = append(out, Figure{Paragraph: i + 1, Figure: f})
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}
