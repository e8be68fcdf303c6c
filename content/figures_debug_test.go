package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestFiguresDebug prints what FindFigures reads in FIGTEXT (one paragraph
// a line) or in the files matching FIGFILES, for looking at by eye.
func TestFiguresDebug(t *testing.T) {
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
	if g := os.Getenv("FIGFILES"); g != "" {
		names, _ := filepath.Glob(g)
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
			for _, f := range FindFigures(a.Paragraphs) {
				p := a.Paragraphs[f.Paragraph-1].Text
				s, e := max(0, f.Start-40), min(len(p), f.End+30)
				ctx := strings.ReplaceAll(p[s:f.Start]+"[["+f.Text+"]]"+p[f.End:e], "\n", " ")
				t.Logf("%3d %-9s %-18q %-12q | %s", f.Paragraph, f.Kind, f.Value, f.Unit, ctx)
			}
		}
	}
}
