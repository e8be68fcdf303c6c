package content

import (
	"cmp"
	"io"
	"math/bits"
	"strconv"
	"time"
	"unicode/utf8"

	"copydesk/content/attribution"
	"copydesk/content/formats"
)

// The JSON contract, version 4, is docs/analysis-json.md: every field, its
// meaning, offsets, nulls, order and versioning; contract_test.go checks
// that WriteJSON writes exactly the fields it lists.
//
// The document is written by hand rather than by encoding/json: it is about
// three times the size of the article (a quote, its cue and its source each
// repeat their words), and building it as Go values for encoding/json to
// walk by reflection took a large share of `analyze --json` on a long
// article. Each part is appended to a buffer that is flushed as it fills, so
// the document is never whole in memory. jsonwrite_test.go keeps the
// encoding/json writer of the same document and holds this one to its
// bytes: field order, omitted fields, nulls and string escapes.

// jsonBufSize is the writer's buffer: large enough that a write to a file
// or pipe costs little per byte, small enough to stay in cache.
const jsonBufSize = 64 << 10

// jsonItem bounds what an object adds to its strings: its keys, its
// punctuation and a dozen numbers of at most 20 digits.
const jsonItem = 512

// jsonWriter is a buffered writer that the document is appended to in
// place: a bufio.Writer would copy each appended part into itself again.
type jsonWriter struct {
	w   io.Writer
	b   []byte
	err error // the first write error; what follows it is dropped
}

// room flushes the buffer unless n more bytes fit in it, and grows it for
// a part larger than the buffer, so that appending a part of about n bytes
// does not reallocate it.
func (j *jsonWriter) room(n int) {
	if len(j.b)+n <= cap(j.b) {
		return
	}
	j.flush()
	if n > cap(j.b) {
		j.b = make([]byte, 0, n)
	}
}

func (j *jsonWriter) flush() {
	if j.err == nil && len(j.b) > 0 {
		_, j.err = j.w.Write(j.b)
	}
	j.b = j.b[:0]
}

// WriteJSON writes the analysis of a as one JSON object and a newline.
func WriteJSON(w io.Writer, a *Article, an *Analysis) error {
	j := &jsonWriter{w: w, b: make([]byte, 0, jsonBufSize)}

	j.room(jsonItem + len(a.Source) + len(a.Format) + len(a.Encoding) + len(a.Title) + len(a.Byline) + len(a.Site))
	b := append(j.b, `{"version":4,"source":`...)
	b = appendJSONString(b, a.Source)
	b = append(b, `,"format":`...)
	b = appendJSONString(b, string(cmp.Or(a.Format, formats.Text)))
	b = append(b, `,"encoding":`...)
	b = appendJSONString(b, cmp.Or(a.Encoding, "utf-8"))
	b = append(b, `,"offsets":`...)
	b = appendJSONString(b, a.Offsets())
	b = appendOptString(b, `,"title":`, a.Title)
	b = appendOptString(b, `,"byline":`, a.Byline)
	b = appendOptString(b, `,"site":`, a.Site)
	if !a.Published.IsZero() {
		// digits and hyphens, which need no escape
		b = append(b, `,"published":"`...)
		b = a.Published.AppendFormat(b, time.DateOnly)
		b = append(b, '"')
	}
	j.b = append(b, `,"paragraphs":[`...)

	for i := range a.Paragraphs {
		p := &a.Paragraphs[i]
		n := jsonItem + len(p.Text) + len(p.Kind) + len(p.Marker)
		for _, s := range p.Styles {
			n += len(s.URL) + 64
		}
		j.room(n)
		j.b = appendParagraph(appendComma(j.b, i), p)
	}
	j.b = append(j.b, `],"speakers":[`...)

	for i := range an.Speakers {
		s := &an.Speakers[i]
		n := jsonItem + len(s.ID) + len(s.Name) + len(s.Description) + 21*(len(s.Quotes)+len(s.Statements))
		for _, al := range s.Aliases {
			n += len(al) + 3
		}
		j.room(n)
		j.b = appendSpeaker(appendComma(j.b, i), s)
	}
	j.b = append(j.b, `],"quotes":[`...)

	for i := range an.Quotes {
		q := &an.Quotes[i]
		n := jsonItem + len(q.Kind) + len(q.Text) + len(q.Speaker)
		if q.Cue != nil {
			n += len(q.Cue.Text)
		}
		if q.Source != nil {
			n += len(q.Source.Text)
		}
		j.room(n)
		j.b = appendQuote(appendComma(j.b, i), q)
	}
	j.b = append(j.b, `],"figures":[`...)

	for i := range an.Figures {
		f := &an.Figures[i]
		j.room(jsonItem + len(f.Text) + len(f.Kind) + len(f.Value) + len(f.Unit))
		j.b = appendFigure(appendComma(j.b, i), f)
	}
	j.b = append(j.b, "]}\n"...)
	j.flush()
	return j.err
}

// appendComma separates the i-th element of an array from the one before.
func appendComma(b []byte, i int) []byte {
	if i > 0 {
		b = append(b, ',')
	}
	return b
}

// appendOptString appends a field that the contract leaves out when empty.
func appendOptString(b []byte, key, s string) []byte {
	if s == "" {
		return b
	}
	return appendJSONString(append(b, key...), s)
}

func appendInt(b []byte, n int) []byte {
	return strconv.AppendInt(b, int64(n), 10)
}

func appendParagraph(b []byte, p *Paragraph) []byte {
	b = append(b, `{"n":`...)
	b = appendInt(b, p.N)
	b = append(b, `,"offset":`...)
	b = appendInt(b, p.Offset)
	b = append(b, `,"text":`...)
	b = appendJSONString(b, p.Text)
	b = appendOptString(b, `,"kind":`, string(p.Kind))
	if p.Level != 0 {
		b = append(b, `,"level":`...)
		b = appendInt(b, p.Level)
	}
	b = appendOptString(b, `,"marker":`, p.Marker)
	links := 0
	for _, s := range p.Styles {
		if s.Kind != formats.Link {
			continue
		}
		if links == 0 {
			b = append(b, `,"links":[`...)
		} else {
			b = append(b, ',')
		}
		links++
		b = append(b, `{"start":`...)
		b = appendInt(b, s.Start)
		b = append(b, `,"end":`...)
		b = appendInt(b, s.End)
		b = append(b, `,"url":`...)
		b = appendJSONString(b, s.URL)
		b = append(b, '}')
	}
	if links > 0 {
		b = append(b, ']')
	}
	return append(b, '}')
}

func appendSpeaker(b []byte, s *attribution.Speaker) []byte {
	b = append(b, `{"id":`...)
	b = appendJSONString(b, s.ID)
	b = append(b, `,"name":`...)
	b = appendJSONString(b, s.Name)
	b = append(b, `,"description":`...)
	b = appendJSONString(b, s.Description)
	b = append(b, `,"aliases":[`...)
	for i, al := range s.Aliases {
		b = appendJSONString(appendComma(b, i), al)
	}
	b = append(b, `],"quotes":`...)
	b = appendInts(b, s.Quotes)
	b = append(b, `,"statements":`...)
	b = appendInts(b, s.Statements)
	return append(b, '}')
}

// appendInts appends a list of quote ids, [] when there is none: the
// contract has no null lists.
func appendInts(b []byte, ns []int) []byte {
	b = append(b, '[')
	for i, n := range ns {
		b = appendInt(appendComma(b, i), n)
	}
	return append(b, ']')
}

// appendSpanFields appends a span's fields without braces, as a quote's
// own span and a figure's are written among its other fields.
func appendSpanFields(b []byte, paragraph, start, end int, text string) []byte {
	b = append(b, `"paragraph":`...)
	b = appendInt(b, paragraph)
	b = append(b, `,"start":`...)
	b = appendInt(b, start)
	b = append(b, `,"end":`...)
	b = appendInt(b, end)
	b = append(b, `,"text":`...)
	return appendJSONString(b, text)
}

// appendSpan appends a cue or source: null when the analysis found none.
func appendSpan(b []byte, s *attribution.Span) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '{')
	b = appendSpanFields(b, s.Paragraph, s.Start, s.End, s.Text)
	return append(b, '}')
}

func appendQuote(b []byte, q *attribution.Quote) []byte {
	b = append(b, `{"id":`...)
	b = appendInt(b, q.ID)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, string(q.Kind))
	b = append(b, ',')
	b = appendSpanFields(b, q.Paragraph, q.Start, q.End, q.Text)
	b = append(b, `,"speaker":`...)
	if q.Speaker == "" {
		b = append(b, "null"...)
	} else {
		b = appendJSONString(b, q.Speaker)
	}
	b = append(b, `,"cue":`...)
	b = appendSpan(b, q.Cue)
	b = append(b, `,"source":`...)
	b = appendSpan(b, q.Source)
	b = append(b, `,"within":`...)
	b = appendID(b, q.Within)
	b = append(b, `,"continues":`...)
	b = appendID(b, q.Continues)
	return append(b, '}')
}

// appendID appends a quote's ID, or null for -1.
func appendID(b []byte, id int) []byte {
	if id < 0 {
		return append(b, "null"...)
	}
	return appendInt(b, id)
}

func appendFigure(b []byte, f *Figure) []byte {
	b = append(b, '{')
	b = appendSpanFields(b, f.Paragraph, f.Start, f.End, f.Text)
	b = append(b, `,"kind":`...)
	b = appendJSONString(b, string(f.Kind))
	b = append(b, `,"value":`...)
	b = appendJSONString(b, f.Value)
	b = appendOptString(b, `,"unit":`, f.Unit)
	return append(b, '}')
}

// jsonSafe holds the ASCII bytes that a JSON string holds as they are.
// '<', '>' and '&' are among them: the writer does not escape HTML, since
// the document is read as JSON, never embedded in a page.
var jsonSafe = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string, byte for byte as
// encoding/json writes it with HTML escaping off, which the contract's
// readers have always been given: '"' and '\\' escaped, control characters
// as \b \f \n \r \t or \u00XX, U+2028 and U+2029 as \u2028 and \u2029 (they
// end a line in JavaScript), each byte of invalid UTF-8 as \ufffd, and
// everything else as it is.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Most of an article is printable ASCII: skip it eight bytes at a
		// time, and to the first byte that is not.
		if i+8 <= len(s) {
			m := notPlain(load64(s, i))
			if m == 0 {
				i += 8
				continue
			}
			i += bits.TrailingZeros64(m) >> 3
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonSafe[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// load64 reads s[i:i+8] as a little-endian word, which the compiler makes
// one load.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// notPlain sets the top bit of the first byte of w, in memory order, that
// jsonSafe does not hold (one with its top bit set, below ' ', '"' or
// '\\'), maybe those of bytes after it, and no other: it is 0 when every
// byte is plain. Each term is the word trick for a byte below n, w - n*ones,
// which borrows only from a byte below n, so nothing is set before the
// first byte that matches.
func notPlain(w uint64) uint64 {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (w | (w - ones*' ') | (w ^ (ones * '"') - ones) | (w ^ (ones * '\\') - ones)) & highs
}
