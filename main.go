// Command copydesk is a terminal reader for news articles that knows who said
// what. `copydesk [FILE|-]` opens the reader (the embedded article when no
// file is named), `copydesk analyze` prints the analysis and `copydesk
// serve` serves the reader over SSH.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/mattn/go-isatty"
	"github.com/muesli/termenv"

	"copydesk/ui"
)

const usage = `copydesk: a terminal reader for news articles that knows who said what

usage:
  copydesk [--max-size SIZE] [FILE|-]      read an article (the embedded one by default; - reads stdin)
  copydesk analyze [--json] [FILE|-]       print speakers, quotes and figures
  copydesk serve [flags] [FILE]            serve the reader over SSH (copydesk serve --help)

In the reader, ? lists the keys.
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "analyze":
			return runAnalyze(args[1:], stdin, stdout, stderr)
		case "serve":
			return runServe(args[1:], stdin, stderr)
		case "help":
			fmt.Fprint(stdout, usage)
			return 0
		}
	}
	return runReader(args, stdout, stderr)
}

func runReader(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("copydesk", flag.ContinueOnError)
	fs.SetOutput(stderr)
	maxSize := sizeFlag(fs)
	fs.Usage = func() {} // printed below: to stdout when asked for
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage)
			return 0
		}
		fmt.Fprint(stderr, usage)
		return 2
	}
	if fs.NArg() > 1 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	if os.Getenv("GOGC") == "" {
		// Reading a long article and analysing it allocate fast while the
		// first frame is due; collecting at twice the live heap instead of
		// at once its size (measured on 3.9 MB: first frame about 70 →
		// 45 ms, peak RSS 48 → 52 MB).
		debug.SetGCPercent(200)
	}
	// The article first: a bad file is the more useful thing to hear about.
	art, err := loadArticle(fs.Arg(0), os.Stdin, int64(*maxSize))
	if err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	if !isatty.IsTerminal(os.Stdout.Fd()) && !isatty.IsCygwinTerminal(os.Stdout.Fd()) {
		fmt.Fprintln(stderr, "copydesk: the reader needs a terminal; for text output use: copydesk analyze [FILE|-]")
		return 1
	}
	in := os.Stdin
	if fs.Arg(0) == "-" {
		// The article came on stdin; keys come from the terminal.
		tty, err := os.Open("/dev/tty")
		if err != nil {
			fmt.Fprintln(stderr, "copydesk: article read from stdin, but no terminal for the keyboard:", err)
			return 1
		}
		defer tty.Close()
		in = tty
	}
	r := lipgloss.DefaultRenderer()
	r.SetHasDarkBackground(darkBackground())
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
	if err := ui.Run(m, in, os.Stdout, terminalSizes(os.Stdout)); err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	return 0
}

// terminalSizes sends the terminal's size now and after every SIGWINCH.
func terminalSizes(f *os.File) <-chan tea.WindowSizeMsg {
	ch := make(chan tea.WindowSizeMsg, 1)
	winch := make(chan os.Signal, 1)
	signal.Notify(winch, syscall.SIGWINCH)
	go func() {
		for {
			if w, h, err := term.GetSize(f.Fd()); err == nil {
				ch <- tea.WindowSizeMsg{Width: w, Height: h}
			}
			<-winch
		}
	}()
	return ch
}

// darkBackground asks the terminal for its background colour, with COLORFGBG
// as the fallback and dark as the default.
func darkBackground() bool {
	// Opened non-blocking so Go's poller serves it and the read deadline
	// holds: a terminal that never answers must not hang the start.
	if fd, err := syscall.Open("/dev/tty", syscall.O_RDWR|syscall.O_NOCTTY|syscall.O_NONBLOCK|syscall.O_CLOEXEC, 0); err == nil {
		tty := os.NewFile(uintptr(fd), "/dev/tty")
		defer tty.Close()
		if state, err := term.MakeRaw(tty.Fd()); err == nil {
			dark, ok := ui.QueryBackground(tty, 300*time.Millisecond)
			_ = term.Restore(tty.Fd(), state)
			if ok {
				return dark
			}
		}
	}
	if f := strings.Split(os.Getenv("COLORFGBG"), ";"); len(f) >= 2 {
		if bg, err := strconv.Atoi(f[len(f)-1]); err == nil {
			return bg < 7 || bg == 8
		}
	}
	return true
}
