package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"copydesk/content/formats"
)

// DefaultMaxSize bounds what is read, so a huge or endless input gets a clear
// message instead of exhausting memory.
const DefaultMaxSize = 64 << 20

// Open reads and parses the article at path; "-" reads r (stdin).
func Open(path string, stdin io.Reader, maxSize int64) (*Article, error) {
	if path == "-" {
		data, err := readLimited(stdin, maxSize, 0)
		if err != nil {
			return nil, fmt.Errorf("stdin: %w", err)
		}
		a, err := Parse("stdin", data)
		if err != nil {
			return nil, fmt.Errorf("stdin: %w", err)
		}
		return a, nil
	}
	data, err := ReadFile(path, maxSize)
	if err != nil {
		return nil, err
	}
	a, err := Parse(filepath.Base(path), data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// plainPathError drops the path that os errors repeat, since callers name it.
func plainPathError(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

func tooLarge(max int64) error {
	return fmt.Errorf("larger than the %s limit (raise it with --max-size)", FormatSize(max))
}

// FormatSize writes a byte count the way the size limit is given.
func FormatSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10 && n%(1<<10) == 0:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

// ReadFile reads the article file at path, refusing what is no article
// file or larger than maxSize.
func ReadFile(path string, maxSize int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, plainPathError(err))
	}
	if fi.IsDir() {
		return nil, fmt.Errorf("%s: is a directory, not an article", path)
	}
	if fi.Mode().IsRegular() && fi.Size() > maxSize {
		return nil, fmt.Errorf("%s: %w", path, tooLarge(maxSize))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, plainPathError(err))
	}
	defer f.Close()
	hint := int64(0)
	if fi.Mode().IsRegular() {
		hint = fi.Size()
		if data, ok := readHalves(f, hint); ok {
			return data, nil
		}
	}
	data, err := readLimited(f, maxSize, hint)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return data, nil
}

// readLimited reads r up to max bytes. hint is the expected size (a regular
// file's), read into one buffer of that size: a buffer the read fills
// itself, since clearing a fresh one first costs more than the read on a
// long article (50 MB: 150 instead of 380 ms).
func readLimited(r io.Reader, max, hint int64) ([]byte, error) {
	size := int64(512)
	if hint > 0 && hint <= max {
		size = hint + 1 // one byte more: EOF is seen without growing
	}
	buf := make([]byte, 0, size)
	for {
		n, err := r.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if int64(len(buf)) > max {
			return nil, tooLarge(max)
		}
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return nil, fmt.Errorf("read failed: %w", plainPathError(err))
		}
		if len(buf) == cap(buf) {
			buf = slices.Grow(buf, min(cap(buf), int(max+1-int64(len(buf))))+1)
		}
	}
}

// readHalves reads a regular file of the given size from two threads, the
// second half beside the first: most of a long read is the kernel touching
// fresh pages for the buffer, which two cores do sooner (loading 1.1 MB:
// 6.0 → 5.5 ms; 3.9 MB: 29 → 23 ms; 50 MB: 380 → 300 ms). It reports false
// for a file under 1 MB, where the gain is within the noise, and, having
// read nothing that counts, for a file shorter than size, grown since it
// was measured, or failing to read; the caller then reads it as a stream.
func readHalves(f *os.File, size int64) ([]byte, bool) {
	if size < 1<<20 {
		return nil, false
	}
	buf := make([]byte, size+1) // the byte past the end tells a file that grew
	half := size / 2
	errc := make(chan error, 1)
	go func() {
		_, err := f.ReadAt(buf[half:size], half)
		errc <- err
	}()
	_, err := f.ReadAt(buf[:half], 0)
	if err2 := <-errc; err == nil {
		err = err2
	}
	if err != nil {
		return nil, false
	}
	if n, _ := f.ReadAt(buf[size:], size); n != 0 {
		return nil, false
	}
	return buf[:size:size], true
}

// Parse reads data as an article named source: its format told by its
// content (and the name's extension), decoded to UTF-8 when it is in a
// legacy encoding, and split into paragraphs. Plain UTF-8 text is split
// where it lies, so every offset points into data as read; Markdown and
// HTML become the text of their blocks, without markup. The article may
// keep data as its text: data must not change afterwards.
func Parse(source string, data []byte) (*Article, error) {
	return parse(source, data, "", nil)
}

// parse is Parse for data that came with a Content-Type (a fetched page)
// and a base address that the page's relative links resolve against.
func parse(source string, data []byte, contentType string, base *url.URL) (*Article, error) {
	text, enc, err := formats.Decode(data, contentType)
	if err != nil {
		return nil, err
	}
	format := formats.Detect(source, text)
	switch mt, _, _ := mime.ParseMediaType(contentType); mt {
	case "text/html", "application/xhtml+xml":
		format = formats.HTML
	case "text/markdown", "text/x-markdown":
		format = formats.Markdown
	}
	var a *Article
	switch format {
	case formats.HTML:
		doc, err := formats.ParseHTML(text, base)
		if err != nil {
			return nil, err
		}
		a = fromDocument(doc)
	case formats.Markdown:
		doc, err := formats.ParseMarkdown(text)
		if err != nil {
			return nil, err
		}
		a = fromDocument(doc)
	default:
		a = &Article{Paragraphs: splitParagraphs(text)}
		if len(a.Paragraphs) > 0 {
			a.Title = detectTitle(text, a.Paragraphs)
		}
	}
	if len(a.Paragraphs) == 0 {
		return nil, errors.New("empty article: no text to read")
	}
	a.Source, a.Format, a.Encoding = source, format, enc
	return a, nil
}

// fromDocument is the article of a Markdown or HTML document: its blocks
// are the paragraphs, and the analysis' text is their texts joined by
// blank lines, so offsets into it are as plain as a text file's.
func fromDocument(doc *formats.Document) *Article {
	blocks := make([]formats.Block, 0, len(doc.Blocks))
	for _, bl := range doc.Blocks {
		if strings.TrimSpace(bl.Text) != "" {
			blocks = append(blocks, bl)
		}
	}
	var b strings.Builder
	offs := make([]int, len(blocks))
	for i, bl := range blocks {
		if i > 0 {
			b.WriteString("\n\n")
		}
		offs[i] = b.Len()
		b.WriteString(bl.Text)
	}
	text := b.String() // one string; paragraph texts are substrings of it
	a := &Article{Title: doc.Title, Byline: doc.Byline, Site: doc.Site, Published: doc.Published,
		Paragraphs: make([]Paragraph, len(blocks))}
	for i, bl := range blocks {
		a.Paragraphs[i] = Paragraph{N: i + 1, Offset: offs[i], Text: text[offs[i] : offs[i]+len(bl.Text)],
			Kind: bl.Kind, Level: bl.Level, Marker: bl.Marker, Styles: bl.Styles}
	}
	return a
}

const bom = "\uFEFF"

// lineEnds finds line ends ('\n' or '\r') left to right. It remembers the
// next of each kind, so a text with only one kind (or neither) is searched
// once in all, not once a line.
type lineEnds struct {
	data   []byte
	nl, cr int // next '\n' and '\r' at or after the last position asked; -1 before the first search
}

// next returns the index of the first line end at or after i, or len(data).
func (l *lineEnds) next(i int) int {
	l.nl = nextByte(l.data, i, '\n', l.nl)
	l.cr = nextByte(l.data, i, '\r', l.cr)
	return min(l.nl, l.cr)
}

// nextByte returns the index of the first c at or after i, given the last
// answer prev (still right while it is at or after i).
func nextByte(data []byte, i int, c byte, prev int) int {
	if prev >= i {
		return prev
	}
	if k := bytes.IndexByte(data[i:], c); k >= 0 {
		return i + k
	}
	return len(data)
}

// splitParagraphs implements the contract's rule: a paragraph is a run of
// non-blank lines; where no blank line separates two non-blank lines, each
// non-empty line is a paragraph. Lines may end in \n, \r\n or \r.
func splitParagraphs(data []byte) []Paragraph {
	start := 0
	if bytes.HasPrefix(data, []byte(bom)) {
		start = len(bom)
	}
	type line struct{ s, e int } // trimmed bounds; s == e for a blank line
	// Slices made to size at once: growing them copies what they hold, and
	// on a long article the copies cost more than counting.
	lines := make([]line, 0, bytes.Count(data, []byte{'\n'})+1)
	blankBetween, seenText, pendingBlank := false, false, false
	ends := lineEnds{data: data, nl: -1, cr: -1}
	for i := start; i < len(data); {
		j := ends.next(i)
		s, e := trimSpace(data, i, j)
		if s == e {
			pendingBlank = seenText
		} else {
			if pendingBlank {
				blankBetween = true
			}
			pendingBlank, seenText = false, true
		}
		lines = append(lines, line{s, e})
		if j < len(data) && data[j] == '\r' && j+1 < len(data) && data[j+1] == '\n' {
			j++
		}
		i = j + 1
	}
	// The paragraphs are substrings of data itself, which Parse keeps: a
	// copy of a long article costs as much as splitting it.
	text := unsafe.String(unsafe.SliceData(data), len(data))
	n, prevBlank := 0, true
	for _, l := range lines {
		blank := l.s == l.e
		if !blank && (prevBlank || !blankBetween) {
			n++
		}
		prevBlank = blank
	}
	ps := make([]Paragraph, 0, n)
	add := func(s, e int) {
		ps = append(ps, Paragraph{N: len(ps) + 1, Offset: s, Text: text[s:e]})
	}
	if !blankBetween {
		for _, l := range lines {
			if l.s != l.e {
				add(l.s, l.e)
			}
		}
		return ps
	}
	ps0, pe := -1, -1
	for _, l := range lines {
		if l.s == l.e {
			if ps0 >= 0 {
				add(ps0, pe)
				ps0 = -1
			}
			continue
		}
		if ps0 < 0 {
			ps0 = l.s
		}
		pe = l.e
	}
	if ps0 >= 0 {
		add(ps0, pe)
	}
	return ps
}

func trimSpace(data []byte, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRune(data[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRune(data[s:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}

// detectTitle returns the headline when the first paragraph looks like one: a
// single short line set apart by a blank line, or a Markdown "# " heading.
func detectTitle(data []byte, ps []Paragraph) string {
	if len(ps) < 2 {
		return ""
	}
	first := ps[0].Text
	if strings.ContainsAny(first, "\r\n") || len(first) > 200 {
		return ""
	}
	gap := string(data[ps[0].Offset+len(first) : ps[1].Offset])
	if strings.Count(gap, "\n")+strings.Count(gap, "\r")-strings.Count(gap, "\r\n") < 2 {
		return "" // no blank line after it: it is body text
	}
	if t, ok := strings.CutPrefix(first, "# "); ok {
		return strings.TrimSpace(t)
	}
	words := strings.Fields(first)
	if len(words) == 0 || len(words) > 25 {
		return ""
	}
	caps := 0
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"'‘“("))
		if unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	last, _ := utf8.DecodeLastRuneInString(first)
	if caps*2 >= len(words) || !strings.ContainsRune(".!?,;", last) {
		return first
	}
	return ""
}
