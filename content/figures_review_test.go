package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFiguresReview prints what FindFigures reads, for review by eye: in
// FIGTEXT (one paragraph a line), in the files matching FIGFILES (a list
// with context), or in FIGMARK (each paragraph with figures in [[ ]] and
// words a missed figure could be made of in {{ }}), e.g.
//
//	FIGMARK='../../shared/data/polnear/dev/text/nyt_*' go test -run TestFiguresReview -v
func TestFiguresReview(t *testing.T) {
	if os.Getenv("FIGTEXT")+os.Getenv("FIGFILES")+os.Getenv("FIGMARK") == "" {
		t.Skip("set FIGTEXT, FIGFILES or FIGMARK to review figures")
	}
	if s := os.Getenv("FIGTEXT"); s != "" {
		for _, line := range strings.Split(s, "\n") {
			if line == "" {
				continue
			}
			t.Logf("%s", line)
			for _, f := range FindFigures([]Paragraph{{N: 1, Text: line}}) {
				t.Logf("   %-10s %-25q value=%q unit=%q", f.Kind, f.Text, f.Value, f.Unit)
			}
		}
	}
	if g := os.Getenv("FIGMARK"); g != "" {
		for _, a := range reviewArticles(t, g) {
			figs := FindFigures(a.Paragraphs)
			for _, p := range a.Paragraphs {
				var b strings.Builder
				last := 0
				for _, f := range figs {
					if f.Paragraph != p.N {
						continue
					}
					b.WriteString(markLeftovers(p.Text[last:f.Start]))
					b.WriteString("[[" + f.Text + "|" + string(f.Kind) + "=" + f.Value + "]]")
					last = f.End
				}
				b.WriteString(markLeftovers(p.Text[last:]))
				if out := b.String(); strings.Contains(out, "[[") || strings.Contains(out, "{{") {
					t.Logf("¶%d %s", p.N, out)
				}
			}
		}
	}
	if g := os.Getenv("FIGFILES"); g != "" {
		for _, a := range reviewArticles(t, g) {
			for _, f := range FindFigures(a.Paragraphs) {
				p := a.Paragraphs[f.Paragraph-1].Text
				s, e := max(0, f.Start-40), min(len(p), f.End+30)
				ctx := strings.ReplaceAll(p[s:f.Start]+"[["+f.Text+"]]"+p[f.End:e], "\n", " ")
				t.Logf("%3d %-9s %-18q %-12q | %s", f.Paragraph, f.Kind, f.Value, f.Unit, ctx)
			}
		}
	}
}

// reviewArticles parses the files matching glob, naming each in the log.
func reviewArticles(t *testing.T, glob string) []*Article {
	names, _ := filepath.Glob(glob)
	var out []*Article
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		a, err := Parse(filepath.Base(name), data)
		if err != nil {
			t.Fatal(err)
		}
		t.Logf("==== %s", name)
		out = append(out, a)
	}
	return out
}

// markLeftovers wraps words a figure could be made of in {{ }}, for a
// reviewer looking for missed figures.
func markLeftovers(s string) string {
	words := strings.Fields("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions dozen dozens half quarter third percent dollars week weeks month months year years decade decades day days hour hours minute minutes ago yesterday today tomorrow tonight monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb aug sept oct nov dec second first")
	set := map[string]bool{}
	for _, w := range words {
		set[w] = true
	}
	var b strings.Builder
	i := 0
	for i < len(s) {
		c := s[i]
		j := i
		switch {
		case c >= '0' && c <= '9':
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			b.WriteString("{{" + s[i:j] + "}}")
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z':
			for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z') {
				j++
			}
			if set[strings.ToLower(s[i:j])] {
				b.WriteString("{{" + s[i:j] + "}}")
			} else {
				b.WriteString(s[i:j])
			}
		default:
			j++
			b.WriteString(s[i:j])
		}
		i = j
	}
	return b.String()
}
