package formats

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/net/html/charset"
)

// ErrNoArticle is returned by ParseHTML for a page in which no story text
// is found.
var ErrNoArticle = errors.New("no article text found in the page")

var discardLogger = slog.New(slog.DiscardHandler)

// ParseHTML finds the main story of a news page with go-readability (a
// port of Mozilla's Readability) and reads it into blocks: headings, block
// quotes and lists keep their kind, and what is on the page but not the
// story (captions, credits, bylines and datelines, advertisement labels,
// promotions of other stories or newsletters, share buttons) is left out.
// Title, Byline, Site, Published and Lang come from the page's metadata as
// Readability reads it. base resolves relative links; it may be nil.
func ParseHTML(src []byte, base *url.URL) (*Document, error) {
	root, err := parseHTMLDocument(src)
	if err != nil {
		return nil, err
	}
	p := readability.NewParser()
	p.Logger = discardLogger
	// Classes tell captions and credits from the story; Readability
	// strips them by default.
	p.KeepClasses = true
	article, err := p.ParseAndMutate(root, base)
	if err != nil {
		return nil, err
	}
	doc := &Document{
		Title:  collapseSpace(article.Title()),
		Byline: collapseSpace(article.Byline()),
		Site:   collapseSpace(article.SiteName()),
		Lang:   strings.TrimSpace(article.Language()),
	}
	if t, err := article.PublishedTime(); err == nil {
		doc.Published = t
	}
	var alts []map[string]bool
	if article.Node != nil {
		alts = altTexts(article.Node)
		prune(article.Node)
		w := htmlWalker{doc: doc, base: base}
		w.walk(article.Node)
		w.flush()
	}
	doc.Blocks = dropEmptyHeadings(dropBoilerplate(doc.Blocks, doc.Byline, alts))
	if len(doc.Blocks) == 0 {
		return nil, ErrNoArticle
	}
	return doc, nil
}

// parseHTMLDocument parses src as UTF-8 when it is, and otherwise decodes
// it from the encoding its meta tags (or a guess) name: a page saved from
// an old site is often Windows-1252.
func parseHTMLDocument(src []byte) (*html.Node, error) {
	var r io.Reader = bytes.NewReader(src)
	if !utf8.Valid(src) {
		enc, _, _ := charset.DetermineEncoding(src, "text/html")
		r = enc.NewDecoder().Reader(r)
	}
	return html.Parse(r)
}

// nonStoryWords are the words of a class or id that name an element
// holding a caption, a credit, a promotion or a control rather than the
// story.
var nonStoryWords = map[string]bool{
	"caption": true, "captions": true, "credit": true, "credits": true, "attribution": true,
	"byline": true, "dateline": true, "share": true, "shares": true, "sharing": true, "sharetools": true,
	"social": true, "newsletter": true, "promo": true, "related": true, "recommended": true,
	"ad": true, "ads": true, "advert": true, "advertisement": true, "sponsor": true, "sponsored": true,
}

// prune removes from the article what is not the story's text: media,
// captions, controls, and elements named as captions, credits or
// promotions.
func prune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		if c.Type == html.ElementNode && unwanted(c) {
			if c.DataAtom == atom.Figure {
				// A list of one short item laid out right after a
				// figure is its caption (the Guardian's photo essays).
				if l := nextElement(c); l != nil && (l.DataAtom == atom.Ul || l.DataAtom == atom.Ol) && countChildren(l, atom.Li) == 1 && smallElement(l) {
					if l == next {
						next = l.NextSibling
					}
					n.RemoveChild(l)
				}
			}
			n.RemoveChild(c)
		} else if c.Type == html.CommentNode {
			n.RemoveChild(c)
		} else {
			prune(c)
		}
		c = next
	}
}

// namedNonStory says whether a class or id names a caption, credit or
// promotion. Names are split into words at "-", "_" and a capital
// ("imageCaption", "c-lead-image__credit"); "no_caption", on a story's
// container, says the opposite.
func namedNonStory(v string) bool {
	for _, tok := range strings.Fields(v) {
		prev := ""
		for _, w := range classWords(tok) {
			if nonStoryWords[w] && prev != "no" && prev != "without" {
				return true
			}
			prev = w
		}
	}
	return false
}

// classWords splits a class name into lower-case words.
func classWords(tok string) []string {
	var words []string
	start := 0
	for i := 0; i <= len(tok); i++ {
		end := i == len(tok)
		if !end && tok[i] != '-' && tok[i] != '_' && !(i > start && tok[i] >= 'A' && tok[i] <= 'Z' && tok[i-1] >= 'a' && tok[i-1] <= 'z') {
			continue
		}
		if i > start {
			words = append(words, strings.ToLower(tok[start:i]))
		}
		start = i
		if !end && (tok[i] == '-' || tok[i] == '_') {
			start = i + 1
		}
	}
	return words
}

// smallElement says whether an element is small enough to be a caption or a
// promotion: a class name is a weak sign, and a container of the story
// whose class happens to match must not take the story with it.
func smallElement(n *html.Node) bool {
	paragraphs, words, nodes := 0, 0, 0
	var small func(*html.Node) bool
	small = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if nodes++; nodes > 500 {
				return false
			}
			switch c.Type {
			case html.TextNode:
				words += len(strings.Fields(c.Data))
			case html.ElementNode:
				switch c.DataAtom {
				case atom.P:
					paragraphs++
				case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
					return false
				}
			}
			// Stop at the first sign of a container: the story under a
			// class that matches must not cost a walk of the whole page
			// at every level.
			if words > 80 || paragraphs > 2 || !small(c) {
				return false
			}
		}
		return true
	}
	return small(n)
}

func forEachElement(n *html.Node, f func(*html.Node)) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			f(c)
			forEachElement(c, f)
		}
	}
}

func nextElement(n *html.Node) *html.Node {
	for c := n.NextSibling; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
	}
	return nil
}

func countChildren(n *html.Node, a atom.Atom) int {
	k := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			k++
		}
	}
	return k
}

func unwanted(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Figure:
		// A figure holds a picture, a chart or an embed with its caption;
		// one that quotes (a pull quote) keeps its block quote.
		if !smallElement(n) {
			return false
		}
		quotes := false
		forEachElement(n, func(c *html.Node) { quotes = quotes || c.DataAtom == atom.Blockquote })
		return !quotes
	case atom.Figcaption, atom.Img, atom.Picture, atom.Svg, atom.Video, atom.Audio, atom.Iframe,
		atom.Script, atom.Style, atom.Noscript, atom.Button, atom.Form, atom.Input, atom.Select,
		atom.Textarea, atom.Nav, atom.Template, atom.Object, atom.Embed, atom.Canvas, atom.Math:
		return true
	}
	for _, a := range n.Attr {
		switch a.Key {
		case "class", "id":
			if namedNonStory(a.Val) && smallElement(n) {
				return true
			}
		case "hidden":
			return true
		case "aria-hidden":
			if a.Val == "true" {
				return true
			}
		case "role":
			if a.Val == "button" || a.Val == "navigation" {
				return true
			}
		}
	}
	return false
}

// htmlWalker turns the article's DOM into blocks.
type htmlWalker struct {
	doc    *Document
	base   *url.URL
	t      textBuilder
	styles []openStyle // inline styles open where the walk is, reopened after a block ends inside them
	frames []frame     // the block elements the walk is inside, innermost last
	quote  int
	list   int
}

// frame is what the text of a block element becomes.
type frame struct {
	kind   Kind
	level  int
	marker string
}

func (w *htmlWalker) top() *frame {
	if len(w.frames) == 0 {
		return &frame{kind: Paragraph}
	}
	return &w.frames[len(w.frames)-1]
}

// flush ends the block being written.
func (w *htmlWalker) flush() {
	text, styles := w.t.done()
	w.t = textBuilder{}
	for _, s := range w.styles {
		w.t.push(s.kind, s.url)
	}
	if text == "" {
		return
	}
	f := w.top()
	w.doc.Blocks = append(w.doc.Blocks, Block{Kind: f.kind, Level: f.level, Marker: f.marker, Text: text, Styles: styles})
	// An item's later paragraphs continue it without a marker.
	f.marker = ""
}

func (w *htmlWalker) block(f frame, n *html.Node) {
	w.flush()
	w.frames = append(w.frames, f)
	w.children(n)
	w.flush()
	w.frames = w.frames[:len(w.frames)-1]
}

func (w *htmlWalker) children(n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c)
	}
}

func (w *htmlWalker) inlineStyle(kind StyleKind, url string, n *html.Node) {
	w.styles = append(w.styles, openStyle{kind: kind, url: url})
	w.t.push(kind, url)
	w.children(n)
	w.t.pop()
	w.styles = w.styles[:len(w.styles)-1]
}

func (w *htmlWalker) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		w.t.write(n.Data)
		return
	case html.ElementNode:
	default:
		w.children(n)
		return
	}
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		w.block(frame{kind: Heading, level: int(n.Data[1] - '0')}, n)
	case atom.Blockquote:
		w.quote++
		w.block(frame{kind: Quote, level: w.quote}, n)
		w.quote--
	case atom.Ul, atom.Ol, atom.Menu:
		w.flush()
		w.list++
		num := 1
		if s, err := strconv.Atoi(attrOf(n, "start")); err == nil {
			num = s
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || c.DataAtom != atom.Li {
				w.walk(c)
				continue
			}
			marker := "•"
			if n.DataAtom == atom.Ol {
				if v, err := strconv.Atoi(attrOf(c, "value")); err == nil {
					num = v
				}
				marker = strconv.Itoa(num) + "."
				num++
			}
			w.block(frame{kind: Item, level: w.list, marker: marker}, c)
		}
		w.flush()
		w.list--
	case atom.Pre:
		w.flush()
		if text := validCode(textContent(n)); text != "" {
			w.doc.Blocks = append(w.doc.Blocks, Block{Kind: Code, Text: text})
		}
	case atom.Tr:
		w.row(n)
	case atom.Br:
		w.t.space()
	case atom.Hr:
		w.flush()
	case atom.Strong, atom.B:
		w.inlineStyle(Strong, "", n)
	case atom.Em, atom.I, atom.Cite:
		w.inlineStyle(Emphasis, "", n)
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		w.inlineStyle(InlineCode, "", n)
	case atom.A:
		href := strings.TrimSpace(attrOf(n, "href"))
		if href == "" || strings.HasPrefix(href, "javascript:") {
			w.children(n)
			return
		}
		w.inlineStyle(Link, resolveURL(w.base, href), n)
	default:
		if blockTags[n.Data] {
			// A paragraph or a div parts the text but is no frame of its
			// own: in a list item, its first one takes the marker.
			w.flush()
			w.children(n)
			w.flush()
			return
		}
		w.children(n)
	}
}

// row writes a table row whose cells hold only inline content as one
// paragraph, the cells joined by " · "; a row of a layout table, whose
// cells hold paragraphs, is walked as the blocks it holds.
func (w *htmlWalker) row(tr *html.Node) {
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if hasBlock(c) {
			w.children(tr)
			return
		}
	}
	w.flush()
	first := true
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || (c.DataAtom != atom.Td && c.DataAtom != atom.Th) {
			continue
		}
		if strings.TrimSpace(textContent(c)) == "" {
			continue
		}
		if !first {
			w.t.write(" · ")
		}
		first = false
		w.children(c)
	}
	w.flush()
}

func hasBlock(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (blockTags[c.Data] && c.DataAtom != atom.Td && c.DataAtom != atom.Th || hasBlock(c)) {
			return true
		}
	}
	return false
}

func attrOf(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textContent(n *html.Node) string {
	var sb strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			sb.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && n.DataAtom == atom.Br {
			sb.WriteByte('\n')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return sb.String()
}

// resolveURL makes href absolute against base when it can.
func resolveURL(base *url.URL, href string) string {
	if base == nil {
		return href
	}
	u, err := url.Parse(href)
	if err != nil {
		return href
	}
	return base.ResolveReference(u).String()
}

// Boilerplate a page puts between the story's paragraphs, matched against
// a whole short block: labels of advertisements and media, promotions of
// other stories and of newsletters, share buttons, credits, and the byline
// or dateline repeated in the body.
var (
	adRx    = regexp.MustCompile(`(?i)^(advertisement|advertising|ad|sponsored( content)?|story continues below( this)? advertisement|continue reading( the main story)?|publicité|anuncio|publicidad|image|photo|video|graphic|gallery|audio|interactive|play video|watch video|enlarge this image|view this image ›?)$`)
	promoRx = regexp.MustCompile(`(?i)^(read more|related|related content|related stories|related articles|recommended|see also|also read|read also|lire aussi|à lire aussi|voir aussi|leer más|lea también|sign up|subscribe|newsletter|most popular|most read|don'?t miss|editor'?s picks?|powered by)\b`)
	// Words that start story sentences as often as promotions ("More
	// than 400 homes..."): a promotion only when a colon or an arrow
	// follows, or when they stand alone.
	weakPromoRx = regexp.MustCompile(`(?i)^(more|watch|listen|trending|lire|leer|plus)(\s*[:»›→|]|$)`)
	shareRx     = regexp.MustCompile(`(?i)^((share|tweet|email|e-mail|print|pin|comment|comments|facebook|twitter|linkedin|whatsapp|reddit|copy link|save)( (this|it|story|article|on (facebook|twitter|linkedin|whatsapp|reddit)|via email))?[\s·|,]*)+$`)
	creditRx    = regexp.MustCompile(`(?i)^(\(?(photo|photos|photograph|picture|image|illustration|video|graphic|credit|source|foto|fotografía|crédit|crédits|photographie)s?( by)?\s*[:/]|©|\(?(getty images|ap photo|reuters|afp|epa)\b)|(getty images|/afp|/ap|/reuters|/epa|associated press|shutterstock|ap photo|for the new york times)\)?$`)
	dateRx      = regexp.MustCompile(`(?i)^(updated|published|posted|last (updated|modified)|first published|publié|mis à jour|actualizado)\b|\b(updated|published|posted)\b.*\b(1[89]|20)\d\d\b`)
)

// dropBoilerplate removes the blocks that are page furniture, not story:
// short ones matching the patterns above, the byline repeated as a block,
// a block made only of a date, and a caption that repeats a picture's alt
// text. Long blocks are kept whatever they start with: "Related to the
// vote, she said..." is story.
func dropBoilerplate(blocks []Block, byline string, alts []map[string]bool) []Block {
	out := blocks[:0]
	// The byline's words, matched as whole words: "AP" must not match
	// "happy".
	bl := ""
	if ws := altWords(byline); len(ws) > 0 && (len(ws) > 1 || len(ws[0]) >= 5) {
		if ws[0] == "by" {
			ws = ws[1:]
		}
		bl = " " + strings.Join(ws, " ") + " "
	}
	for _, b := range blocks {
		if b.Kind != Code && (isBoilerplate(b, bl) || b.Kind != Heading && repeatsAlt(b.Text, alts)) {
			continue
		}
		out = append(out, b)
	}
	return out
}

func isBoilerplate(b Block, byline string) bool {
	text := b.Text
	words := len(strings.Fields(text))
	sentence := strings.HasSuffix(text, ".") || strings.HasSuffix(text, ".”") || strings.HasSuffix(text, ".\"")
	switch {
	case words <= 6 && adRx.MatchString(strings.Trim(text, " .:-–—")):
		return true
	case words <= 20 && promoRx.MatchString(text) && (strings.ContainsAny(text[:min(len(text), 20)], ":»›→|") || words <= 3 || !strings.ContainsAny(text, ".?!")):
		return true
	case words <= 20 && weakPromoRx.MatchString(text):
		return true
	case words <= 12 && shareRx.MatchString(text):
		return true
	case words <= 25 && creditRx.MatchString(text):
		return true
	case b.Kind == Heading:
		// A headline may say "published" or start with "By"; the rules
		// below are for the lines under it.
		return false
	case isByline(text):
		return true
	case words <= 14 && !sentence && dateRx.MatchString(text):
		return true
	case words <= 12 && onlyDate(strings.ToLower(text)):
		return true
	case byline != "" && words <= 12 && strings.Contains(" "+strings.Join(altWords(text), " ")+" ", byline):
		return true
	}
	return false
}

// isByline says whether text is a byline: "By" and names, each word
// capitalised but for the joining words names have. "By Tuesday the wall
// will stand." is not one.
func isByline(text string) bool {
	ws := strings.Fields(strings.TrimRight(text, "."))
	if len(ws) < 2 || len(ws) > 8 {
		return false
	}
	switch strings.ToLower(ws[0]) {
	case "by", "por", "par", "von", "di", "door":
	default:
		return false
	}
	for _, w := range ws[1:] {
		w = strings.Trim(w, ",|·")
		switch strings.ToLower(w) {
		case "", "and", "&", "with", "de", "da", "del", "van", "von", "der", "den", "la", "le", "y", "et", "und", "in", "for":
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) || strings.ContainsAny(w, ".?!") && len(w) > 2 && !strings.HasSuffix(w, ".") {
			return false
		}
	}
	return true
}

// dateWords are the words a dateline is made of, besides numbers.
var dateWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`jan january feb february mar march apr april may jun june jul july aug august
		sep sept september oct october nov november dec december mon monday tue tues tuesday wed wednesday
		thu thur thurs thursday fri friday sat saturday sun sunday am pm a.m p.m et est edt ct cst cdt pt
		pst pdt gmt utc bst cet cest aest aedt at on updated published posted the of
		janvier février fevrier mars avril mai juin juillet août aout septembre octobre novembre décembre
		enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre
		lundi mardi mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo
		le à h de del`) {
		dateWords[w] = true
	}
}

// onlyDate says whether a block holds nothing but a date and time, the
// dateline a page prints under its headline.
func onlyDate(lower string) bool {
	digits := false
	for _, f := range strings.FieldsFunc(lower, func(r rune) bool {
		return r == ' ' || r == ',' || r == '|' || r == '(' || r == ')' || r == '·' || r == '—' || r == '–'
	}) {
		f = strings.TrimRight(f, ".:")
		if f == "" {
			continue
		}
		if strings.Trim(f, "0123456789:/.-") == "" || strings.TrimRight(strings.TrimLeft(f, "0123456789"), "apm.") == "" {
			digits = true
			continue
		}
		if !dateWords[f] {
			return false
		}
	}
	return digits
}

// altWords returns the lower-cased words of s.
func altWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// repeatsAlt says whether a short block is a caption that repeats a
// picture's alt text, in the same words or nearly: captions and alt texts
// are often written from one another, with a word changed.
func repeatsAlt(text string, alts []map[string]bool) bool {
	ws := altWords(text)
	if len(ws) < 4 || len(ws) > 60 {
		return false
	}
	for _, alt := range alts {
		if len(alt) > len(ws)*2 {
			continue // says much more than the block (see below)
		}
		in := 0
		for _, w := range ws {
			if alt[w] {
				in++
			}
		}
		// Most of the block's words are the alt's, and the block says
		// most of what the alt says: a quote that takes a few words of
		// a long alt is not its caption.
		if in*10 >= len(ws)*8 && len(ws)*2 >= len(alt) {
			return true
		}
	}
	return false
}

// altTexts returns the word sets of the alt texts of the pictures in n
// that are long enough to be a caption repeated.
func altTexts(n *html.Node) []map[string]bool {
	var alts []map[string]bool
	forEachElement(n, func(c *html.Node) {
		if c.DataAtom != atom.Img {
			return
		}
		if ws := altWords(attrOf(c, "alt")); len(ws) >= 4 {
			set := map[string]bool{}
			for _, w := range ws {
				set[w] = true
			}
			alts = append(alts, set)
		}
	})
	return alts
}

// dropEmptyHeadings removes the headings left at the end with nothing
// under them: an "About the author" whose biography was furniture and is
// gone. A heading followed by another is kept: pages set a headline and
// its standfirst as two headings.
func dropEmptyHeadings(blocks []Block) []Block {
	for len(blocks) > 0 && blocks[len(blocks)-1].Kind == Heading {
		blocks = blocks[:len(blocks)-1]
	}
	return blocks
}
