package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"strings"

	"copydesk/content"
)

func runAnalyze(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("analyze", flag.ContinueOnError)
	fs.SetOutput(stderr)
	asJSON := fs.Bool("json", false, "print the analysis as JSON (see the analysis contract)")
	maxSize := sizeFlag(fs)
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: copydesk analyze [--json] [--max-size SIZE] [FILE|-]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() > 1 {
		fs.Usage()
		return 2
	}
	art, err := loadArticle(fs.Arg(0), stdin, int64(*maxSize))
	if err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	an := content.Analyze(art)
	w := bufio.NewWriter(stdout)
	if *asJSON {
		err = content.WriteJSON(w, art, an)
	} else {
		writeSummary(w, art, an)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	return 0
}

// writeSummary prints the analysis for a person: who said what, then the
// figures by paragraph. Article text is cleaned of terminal controls.
func writeSummary(w io.Writer, art *content.Article, an *content.Analysis) {
	title := art.Title
	if title == "" {
		title = art.Source
	}
	fmt.Fprintf(w, "%s\n%d paragraphs, %d speakers, %d quotes, %d figures\n", content.Clean(title),
		len(art.Paragraphs), len(an.Speakers), len(an.Quotes), len(an.Figures))
	for _, s := range an.Speakers {
		fmt.Fprintf(w, "\n%s", s.Name)
		if s.Description != "" {
			fmt.Fprintf(w, " (%s)", s.Description)
		}
		fmt.Fprintf(w, ": %d %s\n", len(s.Quotes), plural(len(s.Quotes), "quote", "quotes"))
		for _, qi := range s.Quotes {
			writeQuote(w, an.Quotes[qi])
		}
	}
	var unknown []content.Quote
	for _, q := range an.Quotes {
		if q.Speaker == "" {
			unknown = append(unknown, q)
		}
	}
	if len(unknown) > 0 {
		fmt.Fprintf(w, "\nSpeaker unknown: %d %s\n", len(unknown), plural(len(unknown), "quote", "quotes"))
		for _, q := range unknown {
			writeQuote(w, q)
		}
	}
	if len(an.Figures) > 0 {
		fmt.Fprintln(w, "\nFigures")
		for _, f := range an.Figures {
			fmt.Fprintf(w, "  ¶%-3d %-9s %s", f.Paragraph, f.Kind, content.Clean(f.Text))
			if f.Value != "" {
				fmt.Fprintf(w, " = %s", content.Clean(f.Value))
			}
			if f.Unit != "" {
				fmt.Fprintf(w, " (%s)", content.Clean(f.Unit))
			}
			fmt.Fprintln(w)
		}
	}
}

func writeQuote(w io.Writer, q content.Quote) {
	text := content.Clean(q.Text)
	if q.Kind == content.Direct {
		text = "“" + text + "”"
	}
	fmt.Fprintf(w, "  ¶%-3d %-8s %s\n", q.Paragraph, q.Kind, text)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// sizeValue is a byte count given as 64MB, 512KB or plain bytes.
type sizeValue int64

func sizeFlag(fs *flag.FlagSet) *sizeValue {
	v := sizeValue(content.DefaultMaxSize)
	fs.Var(&v, "max-size", "refuse articles larger than this (e.g. 64MB, 512KB)")
	return &v
}

func (v *sizeValue) String() string { return content.FormatSize(int64(*v)) }

func (v *sizeValue) Set(s string) error {
	s = strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.m
			break
		}
	}
	var n int64
	if _, err := fmt.Sscan(s, &n); err != nil || n <= 0 {
		return fmt.Errorf("not a size: %q", s)
	}
	*v = sizeValue(n * mult)
	return nil
}

// loadArticle opens FILE, "-" for stdin, or the embedded article when path
// is empty.
func loadArticle(path string, stdin io.Reader, maxSize int64) (*content.Article, error) {
	if path == "" {
		return content.Embedded(), nil
	}
	return content.Open(path, stdin, maxSize)
}
