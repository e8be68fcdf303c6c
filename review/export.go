package review

import (
	"cmp"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"
)

// ExportArticle is an article's log as Export reads it.
type ExportArticle struct {
	Name string
	Log  []Mark
	// Items are the article's items now (its quotes, figures and
	// paragraphs as NewAnchor makes them, with Speaker and Figure set),
	// nil when it cannot be read: then nothing is called outdated, and
	// each mark stands where it was made.
	Items Items
}

// ExportFormats are the formats Export writes.
var ExportFormats = []string{"md", "json", "claimreview"}

// Export writes the current marks of articles (each reviewer's latest on
// each item, as Fold reads the log against the items) for people ("md":
// Markdown), for tools ("json", documented in docs/review-json.md) or as
// schema.org ClaimReview JSON-LD ("claimreview"). Text from the log is
// written verbatim in the JSON formats; in Markdown, terminal control
// sequences are removed and what would break the layout is escaped.
func Export(w io.Writer, format string, articles []ExportArticle) error {
	switch format {
	case "md":
		return exportMarkdown(w, articles)
	case "json":
		return exportJSON(w, articles)
	case "claimreview":
		return exportClaimReview(w, articles)
	}
	return fmt.Errorf("unknown export format %q: it is md, json or claimreview", format)
}

// current is a current mark with the item it is on now.
type current struct {
	Mark
	item     Anchor // where the item is now; the mark's anchor when outdated or the article unread
	index    int    // the item's index in the article's items, -1 when outdated
	outdated bool
}

// folded reads an article's log: its current marks in Seq order, its
// items (the article's, or those the log names when it has none), and
// whether the items are the article's.
func (a ExportArticle) folded() (marks []current, items Items, known bool) {
	items, known = a.Items, a.Items != nil
	if !known {
		var named List
		// every anchor the log names stands for an item as it was, so
		// each mark finds its own
		seen := map[Anchor]bool{}
		for _, m := range a.Log {
			if !seen[m.Anchor] {
				seen[m.Anchor] = true
				named = append(named, m.Anchor)
			}
		}
		items = named
	}
	x := NewIndex(items)
	b := Fold(a.Log, x)
	for _, m := range b.All() {
		c := current{Mark: m, item: m.Anchor, index: x.Locate(m.Anchor)}
		if c.index >= 0 {
			c.item = items.At(c.index)
			if c.item.Speaker == "" {
				c.item.Speaker = m.Anchor.Speaker
			}
			if c.item.Figure == "" {
				c.item.Figure = m.Anchor.Figure
			}
		} else {
			c.outdated = true
		}
		marks = append(marks, c)
	}
	slices.SortFunc(marks, func(x, y current) int { return cmp.Compare(x.Seq, y.Seq) })
	return marks, items, known
}

// jsonTime is how the JSON formats write a time: UTC, RFC 3339, with the
// fraction of a second when there is one.
func jsonTime(t time.Time) string { return t.UTC().Format(time.RFC3339Nano) }

// The JSON document, version 1: docs/review-json.md. These types exist
// so that Mark can change without changing the contract;
// export_test.go checks that they write exactly the fields the document
// lists.
type jsonDoc struct {
	Version int        `json:"version"`
	Marks   []jsonMark `json:"marks"`
}

type jsonMark struct {
	Article   string       `json:"article"`
	Seq       int64        `json:"seq"`
	Kind      Kind         `json:"kind"`
	Text      string       `json:"text"`
	Paragraph int          `json:"paragraph"`
	Start     int          `json:"start"`
	End       int          `json:"end"`
	Speaker   string       `json:"speaker"`
	Figure    string       `json:"figure"`
	State     State        `json:"state"`
	Note      string       `json:"note"`
	Reviewer  jsonReviewer `json:"reviewer"`
	Time      string       `json:"time"`
	Outdated  bool         `json:"outdated"`
}

type jsonReviewer struct {
	Name        string `json:"name"`
	Fingerprint string `json:"fingerprint"`
}

func exportJSON(w io.Writer, articles []ExportArticle) error {
	doc := jsonDoc{Version: 1, Marks: []jsonMark{}}
	for _, a := range articles {
		marks, _, _ := a.folded()
		for _, m := range marks {
			doc.Marks = append(doc.Marks, jsonMark{
				Article: a.Name, Seq: m.Seq, Kind: m.item.Kind, Text: m.item.Text,
				Paragraph: m.item.Paragraph, Start: m.item.Start, End: m.item.End,
				Speaker: m.item.Speaker, Figure: m.item.Figure,
				State: m.State, Note: m.Note,
				Reviewer: jsonReviewer{m.Reviewer.Name, m.Reviewer.Fingerprint},
				Time:     jsonTime(m.At), Outdated: m.outdated,
			})
		}
	}
	return writeJSON(w, doc)
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false) // verbatim: <, > and & as they are
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// ClaimReview JSON-LD (https://schema.org/ClaimReview): one review per
// reviewer's current verdict on a quote that the article still has.
type claimReview struct {
	Context       string `json:"@context"`
	Type          string `json:"@type"`
	ClaimReviewed string `json:"claimReviewed"`
	ItemReviewed  claim  `json:"itemReviewed"`
	ReviewRating  rating `json:"reviewRating"`
	Author        thing  `json:"author"`
	DatePublished string `json:"datePublished"`
	ReviewBody    string `json:"reviewBody,omitempty"`
}

type claim struct {
	Type       string `json:"@type"`
	Author     *thing `json:"author,omitempty"`
	Appearance thing  `json:"appearance"`
}

type thing struct {
	Type string `json:"@type"`
	Name string `json:"name"`
}

type rating struct {
	Type          string `json:"@type"`
	AlternateName string `json:"alternateName"`
}

func exportClaimReview(w io.Writer, articles []ExportArticle) error {
	reviews := []claimReview{}
	for _, a := range articles {
		marks, _, _ := a.folded()
		for _, m := range marks {
			if m.item.Kind != Quote || m.outdated || m.State != Checked && m.State != Disputed {
				continue
			}
			r := claimReview{
				Context: "https://schema.org", Type: "ClaimReview",
				ClaimReviewed: m.item.Text,
				ItemReviewed:  claim{Type: "Claim", Appearance: thing{"CreativeWork", a.Name}},
				ReviewRating:  rating{Type: "Rating", AlternateName: string(m.State)},
				Author:        thing{"Person", m.Reviewer.Name},
				DatePublished: jsonTime(m.At),
				ReviewBody:    m.Note,
			}
			if m.item.Speaker != "" {
				r.ItemReviewed.Author = &thing{speakerType(m.item.Speaker), m.item.Speaker}
			}
			reviews = append(reviews, r)
		}
	}
	return writeJSON(w, reviews)
}

// speakerType tells an organisation's name from a person's, as far as
// words can: "the State Department", "UNICEF" and "Reuters News Agency"
// are organisations, "John Kerry" is a person.
func speakerType(name string) string {
	words := strings.Fields(name)
	if len(words) == 1 && len(name) >= 2 && strings.ToUpper(name) == name && strings.ToLower(name) != name {
		return "Organization" // an acronym: UN, NATO, UNICEF
	}
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, ".,'’"))
		if organisationWords[w] {
			return "Organization"
		}
	}
	return "Person"
}

var organisationWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`agency army association authority bank board bureau cabinet
		center centre church commission committee company corporation council court department
		embassy federation forces foundation fund government group inc institute league ltd
		ministry navy nations network newspaper office organisation organization parliament party
		police press secretariat senate service team tribunal union university`) {
		organisationWords[w] = true
	}
}
