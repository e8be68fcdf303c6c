package formats

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/internal/testkit"
)

func TestDetect(t *testing.T) {
	story, err := os.ReadFile(filepath.Join("testdata", "story.md"))
	if err != nil {
		t.Fatal(err)
	}
	const newsText = "Council approves flood wall\n\nThe council voted 7-2 on Tuesday.\n\n1. It was close.\n\n* * *\n\n" +
		"Officials said the cost - $4.2m - was *not* final [sic].\n"
	tests := []struct {
		name, file, data string
		want             Format
	}{
		{"markdown story", "story.md", string(story), Markdown},
		{"markdown story, no extension", "-", string(story), Markdown},
		{"markdown story named .txt", "story.txt", string(story), Markdown},
		{"heading and a link", "", "# Budget\n\nSee [the report](https://x.org/r).\n", Markdown},
		{"heading and a list", "", "## Key points\n\n- one\n- two\n", Markdown},
		{"bold and a fenced block", "", "The **vote** passed.\n\n```\ncode\n```\n", Markdown},
		{"setext heading and bold", "", "Budget passes\n=============\n\nThe __final__ vote.\n", Markdown},
		{"list and a reference link", "", "1. one\n2. two\n\n[r]: https://x.org\n", Markdown},
		{".md with one sign", "notes.md", "Some **bold** words.\n", Markdown},
		{".markdown with no sign", "notes.markdown", "Just prose.\n", Markdown},
		{"one sign is not enough", "", "The **vote** passed on Tuesday.\n", Text},
		{"a list alone is not enough", "", "The steps:\n1. one\n2. two\n", Text},
		{"news text with stars and dashes", "a.txt", newsText, Text},
		{"hashtag is not a heading", "", "#MeToo trended.\n\n#1 seed won.\n\n- a\n- b\n", Text},
		{"heading in a fence does not count", "", "```\n# not a heading\n```\n", Text},
		{"empty", "", "", Text},
		{"empty .html", "x.html", "", HTML},
		{"doctype", "", "<!DOCTYPE html><p>x", HTML},
		{"BOM, comment and html", "a.txt", "\xEF\xBB\xBF\n  <!-- saved page -->\n<HTML lang=en><body>x</body></HTML>", HTML},
		{"xml prolog", "", "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><p>x</p></html>", HTML},
		{"body without html", "", "<body><p>x</p></body>", HTML},
		{"fragment dense with tags", "", "<div><p>One.</p><p>Two.</p></div>", HTML},
		{"fragment named .md stays Markdown", "a.md", "<div><p>One.</p><p>Two.</p></div>", Markdown},
		{"prose mentioning tags", "", "The guide says to use the <p> tag for paragraphs and <div> for layout. " +
			strings.Repeat("The council voted on Tuesday to build the wall along the quay. ", 30), Text},
		{"<htmlx> is not html", "", "<htmlx>hello</htmlx>", Text},
		{".htm with no tags", "page.htm", "plain words", HTML},
	}
	for _, tt := range tests {
		if got := Detect(tt.file, []byte(tt.data)); got != tt.want {
			t.Errorf("%s: Detect(%q) = %s, want %s", tt.name, tt.file, got, tt.want)
		}
	}
}

// TestDetectNewsText: plain news copy must never be taken for Markdown,
// whatever its numbered lines, stars and dashes.
func TestDetectNewsText(t *testing.T) {
	files := []string{filepath.Join("..", "lausanne-syria-talks.txt")}
	dir := testkit.Shared(t, "data", "polnear")
	n := 0
	for _, split := range []string{"train", "dev", "test"} {
		names, err := filepath.Glob(filepath.Join(dir, split, "text", "*.txt"))
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, names...)
		n += len(names)
	}
	if n == 0 {
		t.Skipf("no PolNeAR texts under %s", dir)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(filepath.Base(f), data); got != Text {
			t.Errorf("%s: %s, want text (%d Markdown signs)", f, got, markdownSigns(data))
		}
		// Without its name, by content alone.
		if got := Detect("", data); got != Text {
			t.Errorf("%s without a name: %s, want text", f, got)
		}
	}
	t.Logf("%d texts", len(files))
}

func TestDetectHTMLPages(t *testing.T) {
	for _, p := range loadPages(t) {
		if got := Detect(p.name+".txt", p.source); got != HTML {
			t.Errorf("%s: %s, want html", p.name, got)
		}
	}
}
