package review

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"

	"copydesk/internal/testkit"
)

const (
	talksP1 = "Kerry said the talks were “useful” and would resume."
	talksP2 = "Lavrov said the meeting was “a step” while someone shouted “no deal”."
	talksP3 = "About 8,000 rebels left the city on October 17."
	hostile = "see \x1b[31mred\x1b[0m, *not* _this_ <b>bold</b> [link](x) | pipe \x1b]8;;http://evil\x07click\x1b]8;;\x07\nnext line"
)

// exportItems are the items of a small article: three quotes (one whose
// speaker is unknown), two figures, three paragraphs.
func exportItems() []Anchor {
	q := func(para string, n int, words, speaker string) Anchor {
		s := strings.Index(para, words)
		a := NewAnchor(Quote, para, n, s, s+len(words))
		a.Speaker = speaker
		return a
	}
	f := func(para string, n int, words, kind string) Anchor {
		s := strings.Index(para, words)
		a := NewAnchor(Figure, para, n, s, s+len(words))
		a.Figure = kind
		return a
	}
	return []Anchor{
		q(talksP1, 1, "useful", "John Kerry"),
		q(talksP2, 2, "a step", "Sergei Lavrov"),
		q(talksP2, 2, "no deal", ""),
		f(talksP3, 3, "8,000", "count"),
		f(talksP3, 3, "October 17", "date"),
		NewAnchor(Paragraph, talksP1, 1, 0, len(talksP1)),
		NewAnchor(Paragraph, talksP2, 2, 0, len(talksP2)),
		NewAnchor(Paragraph, talksP3, 3, 0, len(talksP3)),
	}
}

// exportLog is a log on those items: verdicts, a note with escape
// sequences and markup, a note without a verdict, a mark taken back, and a
// mark on a sentence the article no longer has.
func exportLog() []Mark {
	items := exportItems()
	alice := Reviewer{Name: "alice", Fingerprint: "SHA256:aliceKEY"}
	bob := Reviewer{Name: "bob"}
	old := "Kerry said the talks were “useless”."
	gone := NewAnchor(Quote, old, 1, strings.Index(old, "useless"), strings.Index(old, "useless")+len("useless"))
	gone.Speaker = "John Kerry"
	t0 := time.Date(2026, 12, 4, 17, 0, 0, 123456000, time.UTC)
	var log []Mark
	add := func(a Anchor, r Reviewer, s State, note string, undoes int64) {
		log = append(log, Mark{Seq: int64(len(log) + 1), Anchor: a, Reviewer: r, State: s, Note: note,
			At: t0.Add(time.Duration(len(log)) * time.Minute), Undoes: undoes})
	}
	add(items[0], alice, Checked, "", 0)
	add(items[0], bob, Disputed, hostile, 0)
	add(items[2], alice, Checked, "heard on the video", 0)
	add(items[3], bob, Disputed, "the UN says 6,000", 0)
	add(items[1], bob, Checked, "", 0)
	add(items[1], bob, Unmarked, "", 5) // bob takes it back
	add(items[4], alice, Unmarked, "which year?", 0)
	add(items[7], alice, Checked, "", 0)
	add(gone, alice, Disputed, "he said useful", 0)
	return log
}

func exportOf(t *testing.T, format string, articles ...ExportArticle) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Export(&b, format, articles); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestExportMarkdown checks the layout against a golden file (go test
// ./review -run TestExportMarkdown -update rewrites it).
func TestExportMarkdown(t *testing.T) {
	out := exportOf(t, "md",
		ExportArticle{Name: "talks.txt", Log: exportLog(), Items: List(exportItems())},
		ExportArticle{Name: "unread.txt", Log: exportLog()[:2]},
		ExportArticle{Name: "quiet.txt", Items: List(exportItems())})
	if bytes.ContainsAny(out, "\x1b\x07\r") {
		t.Errorf("control characters in the Markdown:\n%q", out)
	}
	golden.RequireEqual(t, out)
	// what the reviewers wrote is text, not markup: rendered, it makes no
	// emphasis, link, HTML or table
	var html bytes.Buffer
	if err := goldmark.New(goldmark.WithExtensions(extension.GFM)).Convert(out, &html); err != nil {
		t.Fatal(err)
	}
	for _, tag := range []string{"<em>", "<a ", "<b>", "<code>", "<table>", "<del>"} {
		if bytes.Contains(html.Bytes(), []byte(tag)) {
			t.Errorf("the Markdown renders %s:\n%s", tag, html.Bytes())
		}
	}
}

// The contract of docs/review-json.md, decoded strictly.
type contractMark struct {
	Article   string `json:"article"`
	Seq       int64  `json:"seq"`
	Kind      string `json:"kind"`
	Text      string `json:"text"`
	Paragraph int    `json:"paragraph"`
	Start     int    `json:"start"`
	End       int    `json:"end"`
	Speaker   string `json:"speaker"`
	Figure    string `json:"figure"`
	State     string `json:"state"`
	Note      string `json:"note"`
	Reviewer  struct {
		Name        string `json:"name"`
		Fingerprint string `json:"fingerprint"`
	} `json:"reviewer"`
	Time     string `json:"time"`
	Outdated bool   `json:"outdated"`
}

type contractDoc struct {
	Version int            `json:"version"`
	Marks   []contractMark `json:"marks"`
}

func TestExportJSON(t *testing.T) {
	items := exportItems()
	out := exportOf(t, "json",
		ExportArticle{Name: "talks.txt", Log: exportLog(), Items: List(items)},
		ExportArticle{Name: "unread.txt", Log: exportLog()})
	dec := json.NewDecoder(bytes.NewReader(out))
	dec.DisallowUnknownFields()
	var d contractDoc
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("the JSON does not decode as the contract's document: %v\n%s", err, out)
	}
	if d.Version != 1 {
		t.Errorf("version %d", d.Version)
	}
	var talks, unread []contractMark
	for _, m := range d.Marks {
		switch m.Article {
		case "talks.txt":
			talks = append(talks, m)
		case "unread.txt":
			unread = append(unread, m)
		}
	}
	// bob's mark 5 is taken back by 6, which clears it: 7 marks stand
	if got := seqsOf(talks); !slices.Equal(got, []int64{1, 2, 3, 4, 7, 8, 9}) {
		t.Errorf("talks.txt: marks %v", got)
	}
	byS := map[int64]contractMark{}
	for _, m := range talks {
		byS[m.Seq] = m
		if !m.Outdated {
			if p := []string{talksP1, talksP2, talksP3}[m.Paragraph-1]; p[m.Start:m.End] != m.Text {
				t.Errorf("mark %d: %q is not paragraph %d [%d:%d]", m.Seq, m.Text, m.Paragraph, m.Start, m.End)
			}
		}
		if _, err := time.Parse(time.RFC3339Nano, m.Time); err != nil || !strings.HasSuffix(m.Time, "Z") {
			t.Errorf("mark %d: time %q", m.Seq, m.Time)
		}
	}
	want := contractMark{Article: "talks.txt", Seq: 2, Kind: "quote", Text: "useful", Paragraph: 1,
		Start: items[0].Start, End: items[0].End, Speaker: "John Kerry", State: "disputed", Note: hostile,
		Time: "2026-12-04T17:01:00.123456Z"}
	want.Reviewer.Name = "bob"
	if byS[2] != want {
		t.Errorf("mark 2:\n%+v\nwant\n%+v", byS[2], want)
	}
	if m := byS[9]; !m.Outdated || m.Text != "useless" || m.Paragraph != 1 {
		t.Errorf("the mark on words gone: %+v", m)
	}
	if m := byS[4]; m.Figure != "count" || m.Speaker != "" || m.Reviewer.Fingerprint != "" {
		t.Errorf("the figure's mark: %+v", m)
	}
	if m := byS[1]; m.Reviewer.Fingerprint != "SHA256:aliceKEY" || m.Time != "2026-12-04T17:00:00.123456Z" {
		t.Errorf("alice's mark: %+v", m)
	}
	for _, m := range unread {
		if m.Outdated {
			t.Errorf("unread.txt: mark %d called outdated though the article was not read", m.Seq)
		}
	}
	if len(unread) != 7 {
		t.Errorf("unread.txt: %d marks", len(unread))
	}
	// nothing at all: an empty array, not null
	if out := exportOf(t, "json"); !bytes.Contains(out, []byte(`"marks": []`)) {
		t.Errorf("no article: %s", out)
	}
}

func seqsOf(ms []contractMark) []int64 {
	var out []int64
	for _, m := range ms {
		out = append(out, m.Seq)
	}
	return out
}

// TestExportJSONDocumented checks that the writer and docs/review-json.md
// name the same fields: every field written is documented, and every
// field documented is written.
func TestExportJSONDocumented(t *testing.T) {
	documented := testkit.DocumentedFields(t, "../docs/review-json.md")
	if len(documented) != 3 {
		t.Fatalf("field tables found in docs/review-json.md: %v", documented)
	}
	testkit.CheckDocumented(t, documented, exportOf(t, "json", ExportArticle{Name: "talks.txt", Log: exportLog(), Items: List(exportItems())}))
}

func TestExportClaimReview(t *testing.T) {
	out := exportOf(t, "claimreview", ExportArticle{Name: "talks.txt", Log: exportLog(), Items: List(exportItems())})
	var reviews []map[string]any
	if err := json.Unmarshal(out, &reviews); err != nil {
		t.Fatalf("not a JSON array: %v\n%s", err, out)
	}
	// the checked and disputed quotes the article still has: alice's
	// check and bob's dispute of Kerry's, alice's check of the quote of
	// no known speaker; not bob's taken-back check, not the figure, not
	// the outdated quote
	type got struct{ claim, rating, reviewer, speaker, speakerType, date, body string }
	var have []got
	for _, r := range reviews {
		if r["@context"] != "https://schema.org" || r["@type"] != "ClaimReview" {
			t.Errorf("not a ClaimReview: %v", r)
		}
		item := r["itemReviewed"].(map[string]any)
		if item["@type"] != "Claim" || item["appearance"].(map[string]any)["name"] != "talks.txt" {
			t.Errorf("itemReviewed: %v", item)
		}
		g := got{claim: r["claimReviewed"].(string), date: r["datePublished"].(string)}
		g.rating = r["reviewRating"].(map[string]any)["alternateName"].(string)
		author := r["author"].(map[string]any)
		if author["@type"] != "Person" {
			t.Errorf("the reviewer: %v", author)
		}
		g.reviewer = author["name"].(string)
		if a, ok := item["author"].(map[string]any); ok {
			g.speaker, g.speakerType = a["name"].(string), a["@type"].(string)
		}
		if b, ok := r["reviewBody"].(string); ok {
			g.body = b
		}
		have = append(have, g)
	}
	want := []got{
		{"useful", "checked", "alice", "John Kerry", "Person", "2026-12-04T17:00:00.123456Z", ""},
		{"useful", "disputed", "bob", "John Kerry", "Person", "2026-12-04T17:01:00.123456Z", hostile},
		{"no deal", "checked", "alice", "", "", "2026-12-04T17:02:00.123456Z", "heard on the video"},
	}
	if !slices.Equal(have, want) {
		t.Errorf("claim reviews:\n%+v\nwant\n%+v", have, want)
	}
	if out := exportOf(t, "claimreview"); strings.TrimSpace(string(out)) != "[]" {
		t.Errorf("no article: %s", out)
	}
}

func TestSpeakerType(t *testing.T) {
	for name, want := range map[string]string{
		"John Kerry": "Person", "Sergei Lavrov": "Person", "the State Department": "Organization",
		"UNICEF": "Organization", "UN": "Organization", "Reuters News Agency": "Organization",
		"the Ministry of Defence": "Organization", "Ban Ki-moon": "Person", "I": "Person",
	} {
		if got := speakerType(name); got != want {
			t.Errorf("%s: %s, want %s", name, got, want)
		}
	}
}

func TestExportUnknownFormat(t *testing.T) {
	err := Export(&bytes.Buffer{}, "csv", nil)
	if err == nil || !strings.Contains(err.Error(), "md, json or claimreview") {
		t.Errorf("%v", err)
	}
}
