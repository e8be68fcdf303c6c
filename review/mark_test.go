package review

import (
	"strings"
	"testing"
	"unicode/utf8"

	"copydesk/content"
)

const para = "Lavrov said the talks were “useful”. Kerry said the talks were “useful” too, and that the meeting would resume."

func TestNewAnchor(t *testing.T) {
	s := strings.Index(para, "useful")
	a := NewAnchor(Quote, para, 3, s, s+len("useful"))
	if a.Text != "useful" || a.Paragraph != 3 || a.Start != s {
		t.Fatalf("%+v", a)
	}
	if !strings.HasSuffix(a.Before, "the talks were “") || !strings.HasPrefix(a.After, "”. Kerry") {
		t.Errorf("context %q … %q", a.Before, a.After)
	}
	// the context never cuts a character in two
	wide := strings.Repeat("€", 30) + "x" + strings.Repeat("€", 30)
	w := NewAnchor(Paragraph, wide, 1, 90, 91)
	if !utf8.ValidString(w.Before) || !utf8.ValidString(w.After) || w.Text != "x" {
		t.Errorf("context %q … %q cut inside a character", w.Before, w.After)
	}
	short := NewAnchor(Paragraph, "Short.", 1, 0, 6)
	if short.Before != "" || short.After != "" || short.Text != "Short." {
		t.Errorf("%+v", short)
	}
}

func TestLocate(t *testing.T) {
	first := strings.Index(para, "useful")
	second := strings.LastIndex(para, "useful")
	items := []Anchor{
		NewAnchor(Quote, para, 2, first, first+6),
		NewAnchor(Quote, para, 2, second, second+6),
		NewAnchor(Figure, "On October 17 they met.", 3, 3, 13),
	}
	// the same article with a paragraph inserted above: the anchors made
	// before it still find their items, by words and context
	moved := []Anchor{NewAnchor(Paragraph, "New first paragraph.", 1, 0, 20)}
	for _, it := range items {
		it.Paragraph++
		moved = append(moved, it)
	}
	tests := []struct {
		name  string
		a     Anchor
		items []Anchor
		want  int
	}{
		{"same place", items[1], items, 1},
		{"the same words twice: the context decides", items[0], items, 0},
		{"moved down a paragraph", items[1], moved, 2},
		{"figure moved", items[2], moved, 3},
		{"words changed: outdated", NewAnchor(Quote, "He said it was “useless”.", 2, 17, 24), items, -1},
		{"kind differs: outdated", Anchor{Kind: Figure, Text: "useful"}, items, -1},
		{"no items", items[0], nil, -1},
	}
	for _, tt := range tests {
		if got := NewIndex(List(tt.items)).Locate(tt.a); got != tt.want {
			t.Errorf("%s: got %d, want %d", tt.name, got, tt.want)
		}
	}
}

func TestFoldAndUndo(t *testing.T) {
	items := []Anchor{
		NewAnchor(Quote, para, 1, 29, 35),
		NewAnchor(Figure, "8,000 rebels", 2, 0, 5),
	}
	gone := NewAnchor(Quote, "An old sentence that was rewritten.", 4, 0, 35)
	alice, bob := Reviewer{Name: "alice"}, Reviewer{Name: "bob"}
	var log []Mark
	add := func(a Anchor, r Reviewer, s State, note string) {
		log = append(log, Mark{Seq: int64(len(log) + 1), Anchor: a, Reviewer: r, State: s, Note: note})
	}
	add(items[0], alice, Checked, "")
	add(items[1], bob, Disputed, "the UN says 6,000")
	add(items[0], bob, Checked, "")
	add(items[0], alice, Disputed, "")
	add(gone, alice, Checked, "")
	add(items[1], alice, Unmarked, "looked at it")

	x := NewIndex(List(items))
	b := Fold(log, x)
	if got := states(b.On(0)); got != "alice:disputed bob:checked" {
		t.Errorf("quote: %s", got)
	}
	if got := states(b.On(1)); got != "alice::looked at it bob:disputed:the UN says 6,000" {
		t.Errorf("figure: %s", got)
	}
	if out := b.Outdated(); len(out) != 1 || out[0].Anchor.Text != gone.Text {
		t.Errorf("outdated: %+v", out)
	}
	if all := b.All(); len(all) != 5 || all[0].Seq != 6 {
		t.Errorf("all, newest first: %d marks, first seq %d", len(all), all[0].Seq)
	}
	// the same board from the marks in any order
	shuffled := NewBoard(x)
	for _, i := range []int{5, 0, 3, 2, 4, 1} {
		shuffled.Add(log[i])
	}
	if states(shuffled.On(0)) != states(b.On(0)) || states(shuffled.On(1)) != states(b.On(1)) || len(shuffled.All()) != 5 {
		t.Error("a board built out of order differs")
	}
	if item, changed := b.Add(log[0]); item != 0 || changed {
		t.Errorf("an older mark again: item %d, changed %v", item, changed)
	}

	// alice takes back her last marks one by one: the note, the outdated
	// check, the dispute (back to her check), the check
	wantStates := []string{"", "", "checked", ""}
	for i, want := range wantStates {
		u, ok := Undo(log, "alice", x)
		if !ok {
			t.Fatalf("undo %d: nothing to undo", i+1)
		}
		if string(u.State) != want || u.Undoes == 0 || u.Reviewer != alice {
			t.Errorf("undo %d: state %q undoes %d, want %q", i+1, u.State, u.Undoes, want)
		}
		u.Seq = int64(len(log) + 1)
		log = append(log, u)
	}
	if _, ok := Undo(log, "alice", x); ok {
		t.Error("alice has nothing left to undo")
	}
	b = Fold(log, x)
	if got := states(b.On(0)); got != "bob:checked" {
		t.Errorf("after alice's undos, the quote: %s", got)
	}
	if out := b.Outdated(); len(out) != 0 {
		t.Errorf("after alice's undos, outdated: %+v", out)
	}
	if items := b.Items(); len(items) != 2 || items[0] != 0 || items[1] != 1 {
		t.Errorf("items with marks: %v", items)
	}
	if _, ok := Undo(log, "carol", x); ok {
		t.Error("carol never marked anything")
	}
}

func states(ms []Mark) string {
	var out []string
	for _, m := range ms {
		s := m.Reviewer.Name + ":" + string(m.State)
		if m.Note != "" {
			s += ":" + m.Note
		}
		out = append(out, s)
	}
	// newest first by construction; sorted here for a stable comparison
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return strings.Join(out, " ")
}

func TestItemsOf(t *testing.T) {
	art := content.Embedded()
	an := content.Analyze(art)
	items := ItemsOf(art, an)
	if items.Len() != len(an.Quotes)+len(an.Figures)+len(art.Paragraphs) {
		t.Fatalf("%d items", items.Len())
	}
	for i, q := range an.Quotes {
		if a := items.At(i); a.Kind != Quote || a.Text != q.Text || a.Paragraph != q.Paragraph || a.Start != q.Start {
			t.Errorf("item %d is not quote %d: %+v", i, i, a)
		}
	}
	f := items.At(len(an.Quotes))
	if f.Kind != Figure || f.Figure != string(an.Figures[0].Kind) || f.Text != an.Figures[0].Text {
		t.Errorf("the first figure: %+v", f)
	}
	if p := items.At(items.Len() - 1); p.Kind != Paragraph || p.Text != art.Paragraphs[len(art.Paragraphs)-1].Text {
		t.Errorf("the last paragraph: %+v", p)
	}
	// Lavrov's quotes carry his name
	for i, q := range an.Quotes {
		if strings.Contains(q.Text, "prolong our contacts") && items.At(i).Speaker != "Sergei Lavrov" {
			t.Errorf("speaker %q", items.At(i).Speaker)
		}
	}
}

// countingItems counts the anchors asked of it.
type countingItems struct {
	List
	asked *int
}

func (c countingItems) At(i int) Anchor { *c.asked++; return c.List.At(i) }

// An index makes nothing until an anchor is located: an article read
// without marks costs no memory per item.
func TestIndexLazy(t *testing.T) {
	asked := 0
	items := countingItems{List{NewAnchor(Quote, para, 1, 29, 35), NewAnchor(Paragraph, para, 1, 0, len(para))}, &asked}
	x := NewIndex(items)
	if asked != 0 {
		t.Fatalf("NewIndex made %d anchors", asked)
	}
	if got := x.Locate(items.List[1]); got != 1 {
		t.Errorf("located at %d, want 1", got)
	}
	if asked == 0 {
		t.Error("Locate made no anchor")
	}
}
