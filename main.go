// Command copydesk is a terminal reader for news articles that knows who said
// what: `copydesk [FILE|-]` opens the reader (the embedded article when no
// file is named), `copydesk analyze` prints the analysis and `copydesk
// serve` serves the reader over SSH. This file only wires the packages
// together: content reads and analyses, ui reads with a person, sshserver
// serves, cli reads the command line.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-isatty"
	"github.com/muesli/termenv"

	"copydesk/cli"
	"copydesk/content"
	"copydesk/ui"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	maxSize := sizeValue(content.DefaultMaxSize)
	sizeFlag := func(fs *flag.FlagSet) {
		fs.Var(&maxSize, "max-size", "refuse articles larger than `SIZE` (64MB, 512KB, 2000000)")
	}
	var asJSON bool
	var serve serveOptions
	p := &cli.Program{
		Name:    "copydesk",
		Summary: "a terminal reader for news articles that knows who said what",
		Footer:  "In the reader, ? lists the keys.",
		Stdout:  stdout,
		Stderr:  stderr,
		Commands: []*cli.Command{{
			Args:    "[--max-size SIZE] [FILE|-]",
			Summary: "read an article (the embedded one by default; - reads stdin)",
			Setup:   sizeFlag,
			MaxArgs: 1,
			Takes:   isArticle,
			Run: func(args []string) int {
				return read(first(args), int64(maxSize), stderr)
			},
		}, {
			Name:    "analyze",
			Args:    "[--json] [--max-size SIZE] [FILE|-]",
			Summary: "print speakers, quotes and figures",
			Help:    "Prints who said what and the figures of FILE (the embedded article by default; - reads\nstdin). --json prints the analysis as documented in docs/analysis-json.md.",
			Setup: func(fs *flag.FlagSet) {
				fs.BoolVar(&asJSON, "json", false, "print the analysis as JSON (docs/analysis-json.md)")
				sizeFlag(fs)
			},
			MaxArgs: 1,
			Run: func(args []string) int {
				return analyze(first(args), asJSON, int64(maxSize), stdin, stdout, stderr)
			},
		}, {
			Name:    "serve",
			Args:    "[flags] [FILE|-]",
			Summary: "serve the reader over SSH",
			Help:    serveHelp,
			Setup: func(fs *flag.FlagSet) {
				serve.flags(fs)
				sizeFlag(fs)
			},
			MaxArgs: 1,
			Run: func(args []string) int {
				return serve.run(first(args), int64(maxSize), stdin, stderr)
			},
		}},
	}
	return p.Main(args)
}

func first(args []string) string {
	if len(args) == 0 {
		return ""
	}
	return args[0]
}

// isArticle reports whether the reader takes arg for an article rather
// than a mistyped command: stdin, a path, or a file that exists.
func isArticle(arg string) bool {
	if arg == "-" || strings.ContainsAny(arg, `/.\`) {
		return true
	}
	_, err := os.Stat(arg)
	return err == nil
}

func analyze(path string, asJSON bool, maxSize int64, stdin io.Reader, stdout, stderr io.Writer) int {
	art, err := content.Load(path, stdin, maxSize)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	an := content.Analyze(art)
	if asJSON {
		err = content.WriteJSON(stdout, art, an)
	} else {
		err = content.WriteSummary(stdout, art, an)
	}
	if err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	return 0
}

func read(path string, maxSize int64, stderr io.Writer) int {
	if os.Getenv("GOGC") == "" {
		// Reading a long article and analysing it allocate fast while the
		// first frame is due; collecting at twice the live heap instead of
		// at once its size (measured on 3.9 MB: first frame about 70 →
		// 45 ms, peak RSS 48 → 52 MB).
		debug.SetGCPercent(200)
	}
	// The article first: a bad file is the more useful thing to hear about.
	art, err := content.Load(path, os.Stdin, maxSize)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	if !isatty.IsTerminal(os.Stdout.Fd()) && !isatty.IsCygwinTerminal(os.Stdout.Fd()) {
		fmt.Fprintln(stderr, "copydesk: the reader needs a terminal; for text output use: copydesk analyze [FILE|-]")
		return 1
	}
	in := os.Stdin
	if path == "-" {
		// The article came on stdin; keys come from the terminal.
		tty, err := os.Open("/dev/tty")
		if err != nil {
			fmt.Fprintln(stderr, "copydesk: article read from stdin, but no terminal for the keyboard:", err)
			return 1
		}
		defer tty.Close()
		in = tty
	}
	caps := ui.QueryTTY(300 * time.Millisecond)
	r := lipgloss.DefaultRenderer()
	r.SetHasDarkBackground(caps.Dark)
	noColor := os.Getenv("NO_COLOR") != ""
	if noColor {
		// NO_COLOR asks for no colour, not for no emphasis: keep the
		// attributes so highlights still show.
		r.SetColorProfile(termenv.ANSI)
	}
	if os.Getenv("GOMAXPROCS") == "" && runtime.GOMAXPROCS(0) < 4 {
		// The analysis of a long article runs beside the reader. With one
		// Go processor a core, a key could wait a whole scheduling slice
		// (10 ms) behind it and the garbage collector; with more, the
		// kernel shares the cores finely and keys are answered at once
		// (measured: worst key 20 ms → 6 ms on 2 cores, 3.9 MB article).
		runtime.GOMAXPROCS(4)
	}
	m := ui.New(art, ui.Options{Renderer: r, NoColor: noColor})
	err = ui.Run(context.Background(), m, ui.Terminal{In: in, Out: os.Stdout, Caps: caps})
	var pe *ui.PanicError
	switch {
	case errors.As(err, &pe):
		// The terminal is restored by now, so the stack can be read.
		fmt.Fprintf(stderr, "copydesk: internal error: %v\n%s", pe.Value, pe.Stack)
		return 2
	case err != nil:
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	return 0
}

// sizeValue is a byte count given as 64MB, 512KB or plain bytes.
type sizeValue int64

func (v *sizeValue) String() string {
	return strings.ReplaceAll(content.FormatSize(int64(*v)), " ", "")
}

func (v *sizeValue) Set(s string) error {
	t := strings.ToUpper(strings.TrimSpace(s))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		m      int64
	}{{"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.m
			break
		}
	}
	var n int64
	if _, err := fmt.Sscan(t, &n); err != nil || n <= 0 || n > 1<<40/mult {
		return errors.New("not a size (64MB, 512KB, 2000000)")
	}
	*v = sizeValue(n * mult)
	return nil
}
