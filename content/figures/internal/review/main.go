// Command review prints what the figure recogniser reads, for review by
// eye: a change to a rule is judged on real text before it is judged by the
// tests. It prints one of three forms:
//
//	go run ./content/figures/internal/review -lines FILE...  # each line a text, then its figures
//	go run ./content/figures/internal/review -list FILE...   # each figure with its context
//	go run ./content/figures/internal/review -mark FILE...   # each paragraph, figures in [[ ]], missed candidates in {{ }}
//
// e.g. -mark '../shared/data/polnear/dev/text/nyt_*' (quoted globs are
// expanded). With no file, -lines reads standard input. A file's
// paragraphs are its runs of lines between blank lines, or its lines when
// it has no blank line, as the article reader splits them.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"copydesk/content/figures"
)

func main() {
	lines := flag.Bool("lines", false, "read each line as a text and list its figures")
	list := flag.Bool("list", false, "list each figure of the files with its context")
	mark := flag.Bool("mark", false, "print each paragraph with figures, marked")
	flag.Parse()
	w := bufio.NewWriter(os.Stdout)
	defer w.Flush()
	switch {
	case *lines && flag.NArg() == 0:
		data, err := io.ReadAll(os.Stdin)
		check(err)
		printLines(w, string(data))
	case *lines:
		eachFile(w, func(text string) { printLines(w, text) })
	case *list:
		eachFile(w, func(text string) { printList(w, paragraphs(text)) })
	case *mark:
		eachFile(w, func(text string) { printMarked(w, paragraphs(text)) })
	default:
		fmt.Fprintln(os.Stderr, "usage: review -lines|-list|-mark [FILE...]")
		os.Exit(2)
	}
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "review:", err)
		os.Exit(1)
	}
}

// eachFile calls fn with the text of each file named (globs expanded),
// naming each first.
func eachFile(w io.Writer, fn func(text string)) {
	for _, arg := range flag.Args() {
		names, err := filepath.Glob(arg)
		check(err)
		if names == nil {
			names = []string{arg} // not a pattern: let the read say what is wrong
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			check(err)
			fmt.Fprintf(w, "==== %s\n", name)
			fn(string(data))
		}
	}
}

// paragraphs splits a text as the article reader does: at blank lines, or
// at every line when it has none.
func paragraphs(text string) []string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	sep := "\n"
	for _, block := range strings.Split(strings.TrimSpace(text), "\n") {
		if strings.TrimSpace(block) == "" {
			sep = "\n\n"
			break
		}
	}
	var out []string
	for _, p := range strings.Split(text, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func printLines(w io.Writer, text string) {
	for _, line := range strings.Split(text, "\n") {
		if line == "" {
			continue
		}
		fmt.Fprintln(w, line)
		for _, f := range figures.Find(line) {
			fmt.Fprintf(w, "   %-10s %-25q value=%q unit=%q\n", f.Kind, f.Text, f.Value, f.Unit)
		}
	}
}

func printList(w io.Writer, paras []string) {
	for i, p := range paras {
		for _, f := range figures.Find(p) {
			s, e := max(0, f.Start-40), min(len(p), f.End+30)
			ctx := strings.ReplaceAll(p[s:f.Start]+"[["+f.Text+"]]"+p[f.End:e], "\n", " ")
			fmt.Fprintf(w, "%3d %-9s %-18q %-12q | %s\n", i+1, f.Kind, f.Value, f.Unit, ctx)
		}
	}
}

func printMarked(w io.Writer, paras []string) {
	for i, p := range paras {
		var b strings.Builder
		last := 0
		for _, f := range figures.Find(p) {
			b.WriteString(markLeftovers(p[last:f.Start]))
			b.WriteString("[[" + f.Text + "|" + string(f.Kind) + "=" + f.Value + "]]")
			last = f.End
		}
		b.WriteString(markLeftovers(p[last:]))
		if out := b.String(); strings.Contains(out, "[[") || strings.Contains(out, "{{") {
			fmt.Fprintf(w, "¶%d %s\n", i+1, out)
		}
	}
}

// leftoverWords are words a figure could be made of.
var leftoverWords = func() map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty hundred hundreds thousand thousands million millions billion billions dozen dozens half quarter third percent dollars week weeks month months year years decade decades day days hour hours minute minutes ago yesterday today tomorrow tonight monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december jan feb aug sept oct nov dec second first") {
		set[w] = true
	}
	return set
}()

// markLeftovers wraps digits and words a figure could be made of in {{ }},
// for a reviewer looking for missed figures.
func markLeftovers(s string) string {
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
			if leftoverWords[strings.ToLower(s[i:j])] {
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
