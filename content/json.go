package content

import (
	"cmp"
	"encoding/json"
	"io"
	"time"

	"copydesk/content/attribution"
	"copydesk/content/figures"
	"copydesk/content/formats"
)

// The JSON contract, version 2, is docs/analysis-json.md: every field, its
// meaning, offsets, nulls, order and versioning. These types exist so the
// Go model can change without changing the contract; contract_test.go
// checks that they write exactly the fields the document lists.

type jsonDoc struct {
	Version    int             `json:"version"`
	Source     string          `json:"source"`
	Format     formats.Format  `json:"format"`
	Encoding   string          `json:"encoding"`
	Offsets    string          `json:"offsets"`
	Title      string          `json:"title,omitempty"`
	Byline     string          `json:"byline,omitempty"`
	Site       string          `json:"site,omitempty"`
	Published  string          `json:"published,omitempty"`
	Paragraphs []jsonParagraph `json:"paragraphs"`
	Speakers   []jsonSpeaker   `json:"speakers"`
	Quotes     []jsonQuote     `json:"quotes"`
	Figures    []jsonFigure    `json:"figures"`
}

type jsonParagraph struct {
	N      int          `json:"n"`
	Offset int          `json:"offset"`
	Text   string       `json:"text"`
	Kind   formats.Kind `json:"kind,omitempty"`
	Level  int          `json:"level,omitempty"`
	Marker string       `json:"marker,omitempty"`
	Links  []jsonLink   `json:"links,omitempty"`
}

type jsonLink struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	URL   string `json:"url"`
}

type jsonSpeaker struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Description string   `json:"description"`
	Aliases     []string `json:"aliases"`
	Quotes      []int    `json:"quotes"`
}

type jsonSpan struct {
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Text      string `json:"text"`
}

type jsonQuote struct {
	ID        int                   `json:"id"`
	Kind      attribution.QuoteKind `json:"kind"`
	Paragraph int                   `json:"paragraph"`
	Start     int                   `json:"start"`
	End       int                   `json:"end"`
	Text      string                `json:"text"`
	Speaker   *string               `json:"speaker"`
	Cue       *jsonSpan             `json:"cue"`
	Source    *jsonSpan             `json:"source"`
}

type jsonFigure struct {
	Paragraph int          `json:"paragraph"`
	Start     int          `json:"start"`
	End       int          `json:"end"`
	Text      string       `json:"text"`
	Kind      figures.Kind `json:"kind"`
	Value     string       `json:"value"`
	Unit      string       `json:"unit,omitempty"`
}

func spanJSON(s *attribution.Span) *jsonSpan {
	if s == nil {
		return nil
	}
	return &jsonSpan{s.Paragraph, s.Start, s.End, s.Text}
}

// WriteJSON writes the analysis of a as one JSON object and a newline.
func WriteJSON(w io.Writer, a *Article, an *Analysis) error {
	d := jsonDoc{
		Version:    2,
		Source:     a.Source,
		Format:     cmp.Or(a.Format, formats.Text),
		Encoding:   cmp.Or(a.Encoding, "utf-8"),
		Offsets:    a.Offsets(),
		Title:      a.Title,
		Byline:     a.Byline,
		Site:       a.Site,
		Paragraphs: make([]jsonParagraph, len(a.Paragraphs)),
		Speakers:   make([]jsonSpeaker, len(an.Speakers)),
		Quotes:     make([]jsonQuote, len(an.Quotes)),
		Figures:    make([]jsonFigure, len(an.Figures)),
	}
	if !a.Published.IsZero() {
		d.Published = a.Published.Format(time.DateOnly)
	}
	for i, p := range a.Paragraphs {
		jp := jsonParagraph{N: p.N, Offset: p.Offset, Text: p.Text, Kind: p.Kind, Level: p.Level, Marker: p.Marker}
		for _, s := range p.Styles {
			if s.Kind == formats.Link {
				jp.Links = append(jp.Links, jsonLink{s.Start, s.End, s.URL})
			}
		}
		d.Paragraphs[i] = jp
	}
	for i, s := range an.Speakers {
		d.Speakers[i] = jsonSpeaker{s.ID, s.Name, s.Description, nonNil(s.Aliases), nonNil(s.Quotes)}
	}
	for i, q := range an.Quotes {
		jq := jsonQuote{ID: q.ID, Kind: q.Kind, Paragraph: q.Paragraph, Start: q.Start, End: q.End,
			Text: q.Text, Cue: spanJSON(q.Cue), Source: spanJSON(q.Source)}
		if q.Speaker != "" {
			id := q.Speaker
			jq.Speaker = &id
		}
		d.Quotes[i] = jq
	}
	for i, f := range an.Figures {
		d.Figures[i] = jsonFigure{f.Paragraph, f.Start, f.End, f.Text, f.Kind, f.Value, f.Unit}
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
