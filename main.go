// Command copydesk is a terminal reader for news articles that knows who said
// what: `copydesk [FILE|DIR|URL|-]` opens the reader (the embedded article
// when no file is named, a list of articles for a folder), `copydesk analyze` prints the analysis and `copydesk
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
	"math"
	"os"
	"os/user"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/mattn/go-isatty"
	"github.com/muesli/termenv"

	"copydesk/cli"
	"copydesk/content"
	"copydesk/library"
	"copydesk/review"
	"copydesk/ui"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	in := inputOptions{maxSize: content.DefaultMaxSize}
	sizeFlag := func(fs *flag.FlagSet) {
		fs.Var(&in.maxSize, "max-size", "refuse articles larger than `SIZE` (64MB, 512KB, 2000000)")
		fs.Var(&in.date, "date", "the article's publication `DATE` (2016-10-15), over its metadata's:\n\"last month\" and \"Friday\" are counted from it")
	}
	var asJSON bool
	var db, format string
	dbFlag := func(fs *flag.FlagSet) {
		fs.StringVar(&db, "db", "", "where review marks are kept: a SQLite `FILE`, or a postgres:// URL to share them\nbetween servers (default $XDG_DATA_HOME/copydesk/review.db or ~/.local/share/copydesk/review.db)")
	}
	var serve serveOptions
	p := &cli.Program{
		Name:    "copydesk",
		Summary: "a terminal reader for news articles that knows who said what",
		Footer:  "In the reader, ? lists the keys.",
		Stdout:  stdout,
		Stderr:  stderr,
		Commands: []*cli.Command{{
			Args:    "[--db DB] [--max-size SIZE] [--date DATE] [FILE|DIR|URL|-]",
			Summary: "read an article (the embedded one by default; - reads stdin), or a folder of them",
			Setup: func(fs *flag.FlagSet) {
				dbFlag(fs)
				sizeFlag(fs)
			},
			MaxArgs: 1,
			Takes:   isArticle,
			Run: func(args []string) int {
				return read(first(args), in, db, stderr)
			},
		}, {
			Name:    "analyze",
			Args:    "[--json] [--max-size SIZE] [--date DATE] [FILE|DIR|URL|-]...",
			Summary: "print speakers, quotes and figures",
			Help:    "Prints who said what and the figures of FILE (the embedded article by default; - reads\nstdin). --json prints the analysis as documented in docs/analysis-json.md. Several\nFILEs, or a DIR (its .txt, .md and .html files), are analysed on every core and printed\nin the order given, with --json one document a line (JSON Lines).",
			Setup: func(fs *flag.FlagSet) {
				fs.BoolVar(&asJSON, "json", false, "print the analysis as JSON (docs/analysis-json.md)")
				sizeFlag(fs)
			},
			MaxArgs: math.MaxInt,
			Run: func(args []string) int {
				if os.Getenv("GOGC") == "" {
					// A run of a few hundred milliseconds that allocates
					// what it prints: collecting at four times the live
					// heap (measured on 3.9 MB: 0.24 → 0.22 s, peak RSS
					// 53 → 57 MB).
					debug.SetGCPercent(400)
				}
				if len(args) > 1 || len(args) == 1 && isDir(args[0]) {
					return analyzeMany(args, asJSON, in, stdout, stderr)
				}
				return analyze(first(args), asJSON, in, stdin, stdout, stderr)
			},
		}, {
			Name:    "serve",
			Args:    "[flags] [FILE|DIR|URL|-]",
			Summary: "serve the reader over SSH",
			Help:    serveHelp,
			Setup: func(fs *flag.FlagSet) {
				serve.flags(fs)
				dbFlag(fs)
				sizeFlag(fs)
			},
			MaxArgs: 1,
			Run: func(args []string) int {
				return serve.run(first(args), in, db, stdin, stderr)
			},
		}, {
			Name:    "review",
			Args:    "export [--db DB] [--format md|json|claimreview] [ARTICLE]",
			Summary: "export the review marks of an article, or of every article",
			Help:    reviewHelp,
			Setup: func(fs *flag.FlagSet) {
				dbFlag(fs)
				fs.StringVar(&format, "format", "md", "write `FORMAT`: md for people, json for tools (docs/review-json.md),\nclaimreview for schema.org ClaimReview JSON-LD")
			},
			MaxArgs: 2,
			Run: func(args []string) int {
				return exportReview(args, db, format, stdout, stderr)
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

func analyze(path string, asJSON bool, in inputOptions, stdin io.Reader, stdout, stderr io.Writer) int {
	reserveHeap([]string{path}, 16)
	art, err := in.load(path, stdin)
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

func read(path string, in inputOptions, db string, stderr io.Writer) int {
	if os.Getenv("GOGC") == "" {
		// Reading a long article and analysing it allocate fast while the
		// first frame is due; collecting at twice the live heap instead of
		// at once its size (measured on 3.9 MB: first frame about 70 →
		// 45 ms, peak RSS 48 → 52 MB).
		debug.SetGCPercent(200)
	}
	// The article first: a bad file is the more useful thing to hear about.
	var (
		art     *content.Article
		watcher *content.Watcher
		lib     *library.Library
		err     error
	)
	if isDir(path) {
		lib, err = library.Open(path, int64(in.maxSize))
	} else {
		reserveHeap([]string{path}, 1)
		art, watcher, err = openArticle(path, in)
	}
	if err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	if watcher != nil {
		defer watcher.Close()
	}
	if lib != nil {
		defer lib.Close()
	}
	if art != nil && os.Getenv("GOMEMLIMIT") == "" {
		// A long article is most of the heap: its text, paragraphs,
		// analysis and highlights stay, about 3.5 times its size (50 MB:
		// 180 MB live). A soft limit a little above that has the collector
		// run before garbage doubles it (50 MB: peak RSS 330 → 240 MB);
		// below 3 times the size it would collect all the time.
		debug.SetMemoryLimit(64<<20 + int64(art.Size())*16/5)
	}
	if !isatty.IsTerminal(os.Stdout.Fd()) && !isatty.IsCygwinTerminal(os.Stdout.Fd()) {
		fmt.Fprintln(stderr, "copydesk: the reader needs a terminal; for text output use: copydesk analyze [FILE|-]")
		return 1
	}
	keys := os.Stdin
	if path == "-" {
		// The article came on stdin; keys come from the terminal.
		tty, err := os.Open("/dev/tty")
		if err != nil {
			fmt.Fprintln(stderr, "copydesk: article read from stdin, but no terminal for the keyboard:", err)
			return 1
		}
		defer tty.Close()
		keys = tty
	}
	rv, closeReview := openReview(db, articleName(path), localReviewer())
	defer closeReview()
	// The background guessed until the terminal answers ui.Run's query.
	r := lipgloss.DefaultRenderer()
	r.SetHasDarkBackground(ui.ColorFGBGDark(os.Getenv("COLORFGBG")))
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
	opt := ui.Options{Renderer: r, NoColor: noColor, Review: rv, Editions: editionsOf(watcher)}
	var m tea.Model
	if lib != nil {
		m = ui.NewLibrary(lib, opt)
	} else {
		m = ui.New(art, opt)
	}
	err = ui.Run(context.Background(), m, ui.Terminal{In: keys, Out: os.Stdout})
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

// inputOptions are how an article is read: the --max-size and --date flags.
type inputOptions struct {
	maxSize sizeValue
	date    dateValue
}

// load reads the article at path (a file, a URL, - for stdin, the
// embedded one for ""), dated by --date when it is given.
func (in inputOptions) load(path string, stdin io.Reader) (*content.Article, error) {
	art, err := content.Load(path, stdin, int64(in.maxSize))
	if err == nil && !time.Time(in.date).IsZero() {
		art.Published = time.Time(in.date)
	}
	return art, err
}

// dateValue is a calendar date given as 2016-10-15.
type dateValue time.Time

func (v *dateValue) String() string {
	if time.Time(*v).IsZero() {
		return ""
	}
	return time.Time(*v).Format(time.DateOnly)
}

func (v *dateValue) Set(s string) error {
	t, err := time.Parse(time.DateOnly, strings.TrimSpace(s))
	if err != nil {
		return errors.New("not a date (2016-10-15)")
	}
	*v = dateValue(t)
	return nil
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

const reviewHelp = `Writes the review marks kept in the review store (--db) for ARTICLE (a file's path,
or "embedded" for the built-in article), or for every article that has marks: md for
people, json for tools (docs/review-json.md), claimreview for schema.org ClaimReview
JSON-LD. Marks whose words are no longer in the article's file are listed as outdated.`

// isDir reports whether path names a folder: a library of articles.
func isDir(path string) bool {
	if path == "" || path == "-" {
		return false
	}
	st, err := os.Stat(path)
	return err == nil && st.IsDir()
}

// openArticle reads the article at path (the embedded one for "", stdin
// for "-") and, for a file, follows it, so a new version shows without a
// restart.
func openArticle(path string, in inputOptions) (*content.Article, *content.Watcher, error) {
	if path == "" || path == "-" || content.IsURL(path) {
		art, err := in.load(path, os.Stdin)
		return art, nil, err
	}
	w, err := content.Watch(path, int64(in.maxSize), time.Time(in.date), nil)
	if err != nil {
		return nil, nil, err
	}
	return w.Current().Article, w, nil
}

// editionsOf is the reader's source of new editions: w, or none (a nil
// *Watcher in the interface would not be none).
func editionsOf(w *content.Watcher) ui.Editions {
	if w == nil {
		return nil
	}
	return w
}

// articleName is an article's name in the review store: its file's
// absolute path, so every reader of the file shares its marks.
func articleName(path string) string {
	if content.IsURL(path) {
		return path
	}
	switch path {
	case "", "embedded":
		return "embedded:" + content.EmbeddedName
	case "-":
		return "stdin"
	}
	if abs, err := filepath.Abs(path); err == nil {
		return abs
	}
	return path
}

// localReviewer is who reviews on this terminal: the user logged in.
func localReviewer() review.Reviewer {
	if u, err := user.Current(); err == nil && u.Username != "" {
		return review.Reviewer{Name: u.Username}
	}
	if name := os.Getenv("USER"); name != "" {
		return review.Reviewer{Name: name}
	}
	return review.Reviewer{Name: "reader"}
}

// openReview starts opening the review store at db for the reader, beside
// its start: the reader takes the store when it is open. A store that
// cannot be opened leaves the reader reading, its marks refused with the
// reason. done closes the store.
func openReview(db, article string, who review.Reviewer) (rv *ui.Review, done func()) {
	type opened struct {
		s   *review.Store
		err error
	}
	ch := make(chan opened, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		s, err := review.Open(ctx, db)
		ch <- opened{s, err}
	}()
	result := sync.OnceValue(func() opened { return <-ch })
	open := func() (*review.Store, error) { r := result(); return r.s, r.err }
	return &ui.Review{Open: open, Article: article, Reviewer: who}, func() {
		if s, err := open(); err == nil {
			s.Close()
		}
	}
}

// exportReview is `copydesk review export`.
func exportReview(args []string, db, format string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] != "export" {
		fmt.Fprintln(stderr, "copydesk: review what? the review command has one subcommand, export")
		fmt.Fprintln(stderr, "usage: copydesk review export [--db DB] [--format md|json|claimreview] [ARTICLE]")
		return 2
	}
	ctx := context.Background()
	store, err := review.Open(ctx, db)
	if err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	defer store.Close()
	var names []string
	if len(args) > 1 {
		names = []string{articleName(args[1])}
	} else if names, err = store.Articles(ctx); err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	var out []review.ExportArticle
	for _, name := range names {
		log, err := store.Log(ctx, name)
		if err != nil {
			fmt.Fprintln(stderr, "copydesk:", err)
			return 1
		}
		out = append(out, review.ExportArticle{Name: name, Log: log, Items: itemsNow(name)})
	}
	if err := review.Export(stdout, format, out); err != nil {
		fmt.Fprintln(stderr, "copydesk:", err)
		return 1
	}
	return 0
}

// itemsNow is the items of the article named name as it reads now, nil
// when it cannot be read (then no mark is called outdated).
func itemsNow(name string) review.Items {
	var art *content.Article
	var err error
	switch {
	case name == articleName(""):
		art = content.Embedded()
	case filepath.IsAbs(name):
		art, err = content.Open(name, nil, content.DefaultMaxSize)
	default:
		return nil
	}
	if err != nil {
		return nil
	}
	return review.ItemsOf(art, content.Analyze(art))
}
