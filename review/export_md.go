package review

import (
	"bufio"
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"copydesk/content/text"
)

// exportMarkdown writes, for each article, a title, the progress (items
// checked, disputed and marked, of how many when the article's items are
// known), then the current marks: quotes by speaker (speaker unknown
// last), figures, paragraphs, and the outdated marks with the words they
// were made on. Each item is a list entry with its words and place, and
// under it one entry per reviewer: the verdict, who, when, the note.
func exportMarkdown(w io.Writer, articles []ExportArticle) error {
	var parts []string
	for _, a := range articles {
		var b strings.Builder
		bw := bufio.NewWriter(&b)
		writeArticleMarkdown(bw, a)
		bw.Flush()
		parts = append(parts, strings.TrimRight(b.String(), "\n")+"\n")
	}
	_, err := io.WriteString(w, strings.Join(parts, "\n"))
	return err
}

// mdItem is an item and its current marks, in Seq order.
type mdItem struct {
	at    Anchor
	marks []current
}

func writeArticleMarkdown(w *bufio.Writer, a ExportArticle) {
	marks, items, known := a.folded()
	fmt.Fprintf(w, "# Review of %s\n\n", md(text.Clean(a.Name)))

	// the items marked, in text order, and the outdated marks, each
	// outdated anchor an item of its own
	byIndex := map[int]*mdItem{}
	byAnchor := map[Anchor]*mdItem{}
	var onItems, outdated []*mdItem
	for _, m := range marks {
		var it *mdItem
		if m.outdated {
			if it = byAnchor[m.Anchor]; it == nil {
				it = &mdItem{at: m.Anchor}
				byAnchor[m.Anchor] = it
				outdated = append(outdated, it)
			}
		} else if it = byIndex[m.index]; it == nil {
			it = &mdItem{at: m.item}
			byIndex[m.index] = it
			onItems = append(onItems, it)
		}
		it.marks = append(it.marks, m)
	}
	textOrder := func(x, y *mdItem) int {
		return cmp.Or(cmp.Compare(x.at.Paragraph, y.at.Paragraph), cmp.Compare(x.at.Start, y.at.Start), cmp.Compare(x.at.End, y.at.End))
	}
	slices.SortStableFunc(onItems, textOrder)
	slices.SortStableFunc(outdated, textOrder)

	writeProgress(w, onItems, items, known)
	if len(marks) == 0 {
		w.WriteString("No marks.\n")
		return
	}

	// quotes by speaker, by name, speaker unknown last
	speakers := map[string][]*mdItem{}
	var names []string
	var figures, paragraphs []*mdItem
	for _, it := range onItems {
		switch it.at.Kind {
		case Quote:
			name := text.Clean(it.at.Speaker)
			if _, ok := speakers[name]; !ok {
				names = append(names, name)
			}
			speakers[name] = append(speakers[name], it)
		case Figure:
			figures = append(figures, it)
		default:
			paragraphs = append(paragraphs, it)
		}
	}
	slices.SortFunc(names, func(x, y string) int {
		if (x == "") != (y == "") {
			return cmp.Compare(y, x) // "" last
		}
		return cmp.Compare(strings.ToLower(x), strings.ToLower(y))
	})
	for _, name := range names {
		if name == "" {
			w.WriteString("## Quotes, speaker unknown\n\n")
		} else {
			fmt.Fprintf(w, "## Quotes of %s\n\n", md(name))
		}
		for _, it := range speakers[name] {
			writeItem(w, it, fmt.Sprintf("paragraph %d", it.at.Paragraph))
		}
	}
	if len(figures) > 0 {
		w.WriteString("## Figures\n\n")
		for _, it := range figures {
			place := fmt.Sprintf("paragraph %d", it.at.Paragraph)
			if it.at.Figure != "" {
				place = md(text.Clean(it.at.Figure)) + ", " + place
			}
			writeItem(w, it, place)
		}
	}
	if len(paragraphs) > 0 {
		w.WriteString("## Paragraphs\n\n")
		for _, it := range paragraphs {
			writeItem(w, it, fmt.Sprintf("paragraph %d", it.at.Paragraph))
		}
	}
	if len(outdated) > 0 {
		w.WriteString("## Outdated marks\n\nThe article no longer has the words these marks were made on.\n\n")
		for _, it := range outdated {
			place := fmt.Sprintf("%s, paragraph %d when marked", it.at.Kind, it.at.Paragraph)
			if it.at.Kind == Quote && it.at.Speaker != "" {
				place = fmt.Sprintf("quote of %s, paragraph %d when marked", md(text.Clean(it.at.Speaker)), it.at.Paragraph)
			}
			writeItem(w, it, place)
		}
	}
}

// writeProgress writes a line per kind of item that has any: how many are
// checked (some reviewer checked it, none disputes it), disputed (some
// reviewer disputes it), marked (any current mark, notes included), and
// of how many the article has.
func writeProgress(w *bufio.Writer, onItems []*mdItem, items Items, known bool) {
	type tally struct{ checked, disputed, marked, total int }
	counts := map[Kind]*tally{Quote: {}, Figure: {}, Paragraph: {}}
	if known {
		for i := range items.Len() {
			if t := counts[items.At(i).Kind]; t != nil {
				t.total++
			}
		}
	}
	for _, it := range onItems {
		t := counts[it.at.Kind]
		t.marked++
		states := map[State]bool{}
		for _, m := range it.marks {
			states[m.State] = true
		}
		switch {
		case states[Disputed]:
			t.disputed++
		case states[Checked]:
			t.checked++
		}
	}
	var lines []string
	for _, k := range []struct {
		kind Kind
		name string
	}{{Quote, "Quotes"}, {Figure, "Figures"}, {Paragraph, "Paragraphs"}} {
		t := counts[k.kind]
		if t.marked == 0 && t.total == 0 {
			continue
		}
		line := fmt.Sprintf("- %s: %d checked, %d disputed, %d marked", k.name, t.checked, t.disputed, t.marked)
		if known {
			line += fmt.Sprintf(" of %d", t.total)
		}
		lines = append(lines, line)
	}
	if len(lines) > 0 {
		w.WriteString("Progress:\n\n" + strings.Join(lines, "\n") + "\n\n")
	}
	if !known {
		w.WriteString("The article could not be read: every mark is shown where it was made.\n\n")
	}
}

// paragraphShown is how much of a paragraph's words an entry shows.
const paragraphShown = 100

func writeItem(w *bufio.Writer, it *mdItem, place string) {
	words := text.Clean(it.at.Text)
	if it.at.Kind == Paragraph {
		if r := []rune(words); len(r) > paragraphShown {
			words = strings.TrimSpace(string(r[:paragraphShown])) + "…"
		}
	}
	fmt.Fprintf(w, "- “%s” (%s)\n", md(words), place)
	for _, m := range it.marks {
		verdict := "note"
		if m.State != Unmarked {
			verdict = "**" + string(m.State) + "**"
		}
		fmt.Fprintf(w, "  - %s by %s, %s", verdict, md(text.Clean(m.Reviewer.Name)), m.At.UTC().Format(time.RFC3339))
		if note := text.Clean(m.Note); note != "" {
			fmt.Fprintf(w, ": %s", md(note))
		}
		w.WriteString("\n")
	}
	w.WriteString("\n")
}

// md escapes, in text already cleaned for a terminal (one line, no
// control characters), what Markdown would read as markup: emphasis,
// code, links, HTML and entities, tables, strike-through.
func md(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<>|~&#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
