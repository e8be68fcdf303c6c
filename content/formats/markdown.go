package formats

import (
	"bytes"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	east "github.com/yuin/goldmark/extension/ast"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
	"golang.org/x/net/html"
)

// markdownParser is built once: goldmark's parsers hold no per-document
// state, and building one costs more than parsing a short story.
// Strikethrough and tables are GitHub's, which is where much Markdown news
// copy is written; without them "~~" and "|" would reach the text.
var markdownParser = sync.OnceValue(func() parser.Parser {
	return goldmark.New(goldmark.WithExtensions(extension.Strikethrough, extension.Table)).Parser()
})

// ParseMarkdown reads CommonMark (with GitHub's tables and strikethrough)
// into blocks, in document order:
//
//   - headings keep their level; a first level-1 heading is also the Title;
//   - paragraphs; thematic breaks are dropped;
//   - a list item is one Item block at its nesting depth (1 = outermost)
//     with the marker shown ("•", or the item's number and delimiter as the
//     list counts it, "3."). When an item holds several paragraphs, the
//     first is the item and the ones after it are Item blocks at the same
//     depth with no Marker: a reader indents them under the item, and the
//     numbering of the list is not disturbed;
//   - each paragraph in a block quote is a Quote block, Level = quote depth
//     (a list inside a quote gives items, as its structure is the list's);
//   - code blocks keep their lines, joined by "\n";
//   - an HTML block gives the text between its tags, a paragraph per block
//     element;
//   - a table gives a paragraph per row, its cells joined by " · ".
//
// Inline, emphasis, strong, code spans and links become Styles; an
// autolink keeps its text and is a link; an image is its alt text, or
// nothing; raw HTML tags are dropped; entities and backslash escapes are
// decoded; line breaks are spaces. A YAML front matter block at the very
// start gives title, author or byline, date, site and lang; it is read a
// line at a time, as "key: value", and is not a block.
func ParseMarkdown(src []byte) (*Document, error) {
	src = bytes.TrimPrefix(src, []byte("\xEF\xBB\xBF"))
	if bytes.IndexByte(src, '\r') >= 0 {
		// goldmark leaves a lone CR inside the text; CommonMark counts
		// CR LF and CR as line ends.
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
		src = bytes.ReplaceAll(src, []byte("\r"), []byte("\n"))
	}
	doc := &Document{}
	src = frontMatter(src, doc)
	root := markdownParser().Parse(text.NewReader(src))
	w := mdWalker{src: src, doc: doc}
	w.blocks(root)
	if doc.Title == "" && len(doc.Blocks) > 0 && doc.Blocks[0].Kind == Heading && doc.Blocks[0].Level == 1 {
		doc.Title = doc.Blocks[0].Text
	}
	return doc, nil
}

// frontMatter reads a YAML front matter block from the start of src into
// doc and returns the rest of src. Only flat "key: value" lines are read:
// the keys a story's metadata uses are scalars, and a YAML library would be
// a dependency for four fields.
func frontMatter(src []byte, doc *Document) []byte {
	if !bytes.HasPrefix(src, []byte("---\n")) {
		return src
	}
	rest := src[4:]
	var fields [][2]string
	for len(rest) > 0 {
		line := rest
		next := []byte(nil)
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, next = rest[:i], rest[i+1:]
		}
		trimmed := strings.TrimRight(string(line), " \t")
		if trimmed == "---" || trimmed == "..." {
			for _, f := range fields {
				setFrontMatter(doc, f[0], f[1])
			}
			return next
		}
		if k, v, ok := strings.Cut(string(line), ":"); ok && !strings.HasPrefix(k, " ") && !strings.HasPrefix(k, "#") {
			fields = append(fields, [2]string{strings.ToLower(strings.TrimSpace(k)), unquoteYAML(strings.TrimSpace(v))})
		}
		if next == nil {
			break
		}
		rest = next
	}
	// No closing line: "---" opened a thematic break or a setext
	// heading, not front matter.
	return src
}

func setFrontMatter(doc *Document, key, value string) {
	value = collapseSpace(value)
	switch key {
	case "title", "headline":
		doc.Title = value
	case "author", "byline", "authors":
		if doc.Byline == "" || key == "byline" {
			doc.Byline = value
		}
	case "site", "publication", "site_name":
		doc.Site = value
	case "lang", "language":
		doc.Lang = value
	case "date", "published", "pubdate":
		if t, ok := parseDate(value); ok {
			doc.Published = t
		}
	}
}

// parseDate reads the dates front matter holds: a day, or an RFC 3339
// time with or without its seconds or zone.
func parseDate(s string) (time.Time, bool) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02 15:04:05Z07:00", "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// unquoteYAML strips a YAML scalar's quotes and a trailing comment.
func unquoteYAML(v string) string {
	if len(v) >= 2 && (v[0] == '"' && v[len(v)-1] == '"') {
		if u, err := strconv.Unquote(v); err == nil {
			return u
		}
		return v[1 : len(v)-1]
	}
	if len(v) >= 2 && v[0] == '\'' && v[len(v)-1] == '\'' {
		return strings.ReplaceAll(v[1:len(v)-1], "''", "'")
	}
	if i := strings.Index(v, " #"); i >= 0 {
		v = strings.TrimSpace(v[:i])
	}
	return v
}

// mdWalker turns goldmark's tree into blocks.
type mdWalker struct {
	src   []byte
	doc   *Document
	quote int // block quote depth
	list  int // list depth
}

// blockCtx says what a paragraph found in the tree becomes.
type blockCtx struct {
	marker string // the marker of the list item whose first paragraph this is
	inItem bool   // inside a list item, after its first paragraph
}

func (w *mdWalker) emit(b Block) {
	if b.Text == "" {
		return
	}
	w.doc.Blocks = append(w.doc.Blocks, b)
}

// paragraph emits a run of text as the block its place makes it.
func (w *mdWalker) paragraph(text string, styles []Style, ctx *blockCtx) {
	b := Block{Kind: Paragraph, Text: text, Styles: styles}
	switch {
	case ctx.marker != "" || ctx.inItem:
		b.Kind, b.Level, b.Marker = Item, w.list, ctx.marker
	case w.quote > 0:
		b.Kind, b.Level = Quote, w.quote
	}
	if b.Text == "" {
		// An item opening with a picture without alt text keeps its
		// marker for the paragraph that follows.
		return
	}
	w.emit(b)
	// Whatever follows in the same item continues it.
	if ctx.marker != "" {
		ctx.marker, ctx.inItem = "", true
	}
}

func (w *mdWalker) blocks(n ast.Node) {
	ctx := blockCtx{}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.block(c, &ctx)
	}
}

func (w *mdWalker) block(n ast.Node, ctx *blockCtx) {
	switch n := n.(type) {
	case *ast.Heading:
		text, styles := w.inline(n)
		w.emit(Block{Kind: Heading, Level: n.Level, Text: text, Styles: styles})
	case *ast.Paragraph, *ast.TextBlock:
		text, styles := w.inline(n)
		w.paragraph(text, styles, ctx)
	case *ast.ThematicBreak:
	case *ast.CodeBlock, *ast.FencedCodeBlock:
		var sb strings.Builder
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			sb.Write(seg.Value(w.src))
		}
		w.emit(Block{Kind: Code, Text: validCode(sb.String())})
	case *ast.HTMLBlock:
		var sb strings.Builder
		lines := n.Lines()
		for i := range lines.Len() {
			seg := lines.At(i)
			sb.Write(seg.Value(w.src))
		}
		if n.HasClosure() {
			sb.Write(n.ClosureLine.Value(w.src))
		}
		for _, p := range htmlFragmentText(sb.String()) {
			w.paragraph(p, nil, ctx)
		}
	case *ast.Blockquote:
		w.quote++
		w.blocks(n)
		w.quote--
	case *ast.List:
		w.list++
		num := n.Start
		for item := n.FirstChild(); item != nil; item = item.NextSibling() {
			marker := "•"
			if n.IsOrdered() {
				marker = strconv.Itoa(num) + string(n.Marker)
				num++
			}
			ictx := blockCtx{marker: marker}
			for c := item.FirstChild(); c != nil; c = c.NextSibling() {
				w.block(c, &ictx)
				// Only a paragraph opening the item carries its
				// marker; a nested list or code first loses it.
				if ictx.marker != "" {
					ictx.marker, ictx.inItem = "", true
				}
			}
		}
		w.list--
	case *east.Table:
		for row := n.FirstChild(); row != nil; row = row.NextSibling() {
			text, styles := w.tableRow(row)
			w.paragraph(text, styles, ctx)
		}
	default:
		if n.Type() == ast.TypeBlock {
			w.blocks(n)
		}
	}
}

// tableRow joins a row's cells with " · ", the separator a reader of
// running text takes for one.
func (w *mdWalker) tableRow(row ast.Node) (string, []Style) {
	var sb strings.Builder
	var styles []Style
	for cell := row.FirstChild(); cell != nil; cell = cell.NextSibling() {
		text, cs := w.inline(cell)
		if text == "" {
			continue
		}
		if sb.Len() > 0 {
			sb.WriteString(" · ")
		}
		off := sb.Len()
		for _, s := range cs {
			s.Start += off
			s.End += off
			styles = append(styles, s)
		}
		sb.WriteString(text)
	}
	return sb.String(), styles
}

// inline returns the text and styles of a block's inline content.
func (w *mdWalker) inline(n ast.Node) (string, []Style) {
	var t textBuilder
	w.inlines(n, &t)
	return t.done()
}

func (w *mdWalker) inlines(n ast.Node, t *textBuilder) {
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		w.inlineNode(c, t)
	}
}

func (w *mdWalker) inlineNode(n ast.Node, t *textBuilder) {
	switch n := n.(type) {
	case *ast.Text:
		v := n.Segment.Value(w.src)
		if n.IsRaw() {
			t.write(string(v))
		} else {
			t.write(decodeMarkdown(v))
		}
		if n.SoftLineBreak() || n.HardLineBreak() {
			t.space()
		}
	case *ast.String:
		if n.IsCode() || n.IsRaw() {
			t.write(string(n.Value))
		} else {
			t.write(decodeMarkdown(n.Value))
		}
	case *ast.CodeSpan:
		t.push(InlineCode, "")
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				t.write(string(c.Segment.Value(w.src)))
			case *ast.String:
				t.write(string(c.Value))
			}
		}
		t.pop()
	case *ast.Emphasis:
		kind := Emphasis
		if n.Level >= 2 {
			kind = Strong
		}
		t.push(kind, "")
		w.inlines(n, t)
		t.pop()
	case *ast.Link:
		t.push(Link, decodeMarkdown(n.Destination))
		w.inlines(n, t)
		t.pop()
	case *ast.AutoLink:
		url := string(n.URL(w.src))
		if n.AutoLinkType == ast.AutoLinkEmail && !strings.HasPrefix(strings.ToLower(url), "mailto:") {
			url = "mailto:" + url
		}
		t.push(Link, url)
		t.write(string(n.Label(w.src)))
		t.pop()
	case *ast.Image:
		// The alt text stands where the picture was; a style on it
		// would claim it is emphasised or linked in the story.
		t.mute++
		w.inlines(n, t)
		t.mute--
	case *ast.RawHTML:
		// Tags are dropped; a line break tag still parts two words.
		for i := range n.Segments.Len() {
			seg := n.Segments.At(i)
			tag := bytes.ToLower(seg.Value(w.src))
			if bytes.HasPrefix(tag, []byte("<br")) || bytes.HasPrefix(tag, []byte("<p")) || bytes.HasPrefix(tag, []byte("</p")) {
				t.space()
			}
		}
	default:
		w.inlines(n, t)
	}
}

// decodeMarkdown resolves backslash escapes and entity references in one
// pass, as CommonMark reads them: "\&amp;" is the text "&amp;".
func decodeMarkdown(v []byte) string {
	if bytes.IndexByte(v, '\\') < 0 && bytes.IndexByte(v, '&') < 0 {
		return string(v)
	}
	var sb strings.Builder
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '\\' && i+1 < len(v) && util.IsPunct(v[i+1]):
			sb.WriteByte(v[i+1])
			i++
		case c == '&':
			if r, n := entityAt(v[i:]); n > 0 {
				sb.WriteString(r)
				i += n - 1
			} else {
				sb.WriteByte(c)
			}
		default:
			sb.WriteByte(c)
		}
	}
	return sb.String()
}

// entityAt decodes the entity reference at the start of v, returning its
// text and length, or 0 when v does not start with a valid one.
func entityAt(v []byte) (string, int) {
	end := bytes.IndexByte(v, ';')
	if end < 2 || end > 40 {
		return "", 0
	}
	name := v[1:end]
	if name[0] == '#' {
		digits, base := name[1:], 10
		if len(digits) > 0 && (digits[0] == 'x' || digits[0] == 'X') {
			digits, base = digits[1:], 16
		}
		if len(digits) == 0 || len(digits) > 7 {
			return "", 0
		}
		n, err := strconv.ParseUint(string(digits), base, 32)
		if err != nil {
			return "", 0
		}
		return string(util.ToValidRune(rune(n))), end + 1
	}
	for _, c := range name {
		if !util.IsAlphaNumeric(c) {
			return "", 0
		}
	}
	if e, ok := util.LookUpHTML5EntityByName(string(name)); ok {
		return string(e.Characters), end + 1
	}
	return "", 0
}

// htmlFragmentText returns the text of an HTML fragment, a string per
// block element, without tags, entities decoded, script and style left out.
func htmlFragmentText(s string) []string {
	z := html.NewTokenizer(strings.NewReader(s))
	var out []string
	var t textBuilder
	flush := func() {
		if text, _ := t.done(); text != "" {
			out = append(out, text)
		}
		t = textBuilder{}
	}
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			flush()
			return out
		case html.TextToken:
			if skip == 0 {
				t.write(string(z.Text()))
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			tt := z.Token()
			switch tt.Data {
			case "script", "style", "template", "noscript":
				if tt.Type == html.StartTagToken {
					skip++
				} else if tt.Type == html.EndTagToken && skip > 0 {
					skip--
				}
			case "br":
				t.space()
			default:
				if blockTags[tt.Data] {
					flush()
				}
			}
		}
	}
}

// blockTags are the HTML elements that start a new run of text.
var blockTags = map[string]bool{
	"address": true, "article": true, "aside": true, "blockquote": true, "dd": true, "details": true,
	"div": true, "dl": true, "dt": true, "fieldset": true, "figcaption": true, "figure": true,
	"footer": true, "form": true, "h1": true, "h2": true, "h3": true, "h4": true, "h5": true,
	"h6": true, "header": true, "hr": true, "li": true, "main": true, "nav": true, "ol": true,
	"p": true, "pre": true, "section": true, "summary": true, "table": true, "tbody": true,
	"td": true, "th": true, "thead": true, "tr": true, "ul": true, "caption": true,
}
