package formats

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// Decode returns data as UTF-8 text and the lower-case WHATWG name of the
// encoding it was read in ("utf-8", "windows-1252", "iso-8859-1",
// "utf-16le", "utf-16be", or whatever charset a page declares, such as
// "shift_jis"). contentType is the HTTP Content-Type header the data came
// with, or "" for a file.
//
// Valid UTF-8 is returned as the same slice (callers must not change it),
// a byte order mark included,
// whatever a page declares: analysis offsets point into the input as read,
// and a page that declares a legacy charset but is valid UTF-8 is nearly
// always ASCII or mislabelled UTF-8. Otherwise, in order: a UTF-16 byte
// order mark; a charset named in contentType or, for HTML, in a <meta> tag;
// and last a guess that the text is Windows-1252 or Latin-1. The guess is
// made only when the bytes look like Western text, and never for what looks
// like damaged UTF-8, which decoding would turn into mojibake without a word.
func Decode(data []byte, contentType string) (text []byte, encodingName string, err error) {
	if len(data) == 0 {
		return nil, "", errEmpty
	}
	switch {
	case bytes.HasPrefix(data, []byte{0xff, 0xfe}):
		return decodeUTF16(data, 2, xunicode.LittleEndian)
	case bytes.HasPrefix(data, []byte{0xfe, 0xff}):
		return decodeUTF16(data, 2, xunicode.BigEndian)
	}
	nul := bytes.IndexByte(data, 0)
	if nul < 0 && utf8.Valid(data) {
		return data, "utf-8", nil
	}
	enc, name, err := declaredEncoding(data, contentType)
	if err != nil {
		return nil, "", err
	}
	// UTF-16 without a byte order mark is only read when the server says
	// so: its ASCII is full of NUL bytes, refused below for anything else.
	switch name {
	case "utf-16le":
		return decodeUTF16(data, 0, xunicode.LittleEndian)
	case "utf-16be":
		return decodeUTF16(data, 0, xunicode.BigEndian)
	}
	if nul >= 0 {
		return nil, "", fmt.Errorf("not a text article (NUL byte at offset %d)", nul)
	}
	if enc != nil {
		text, err := enc.NewDecoder().Bytes(data)
		if err != nil {
			return nil, "", fmt.Errorf("not valid %s text: %w", name, err)
		}
		return text, name, nil
	}
	return decodeWestern(data)
}

var errEmpty = errors.New("empty article: no text to read")

// declaredEncoding returns the encoding the Content-Type header names, or
// for HTML (or a file, which may be HTML) a <meta> tag in its first 1024
// bytes; nil when neither names one or the one named is UTF-8, which the
// data has already failed to be.
func declaredEncoding(data []byte, contentType string) (encoding.Encoding, string, error) {
	// ParseMediaType returns the media type even when a parameter is
	// malformed, and a nil map reads as empty.
	mediaType, params, _ := mime.ParseMediaType(contentType)
	var e encoding.Encoding
	var name string
	if label := params["charset"]; label != "" {
		e, name = charset.Lookup(label)
	}
	if e == nil && (contentType == "" || mediaType == "text/html" || mediaType == "application/xhtml+xml") {
		e, name, _ = charset.DetermineEncoding(data, "")
		// With no declaration DetermineEncoding guesses, and its guess is
		// charmap.Windows1252 itself, where a <meta> tag yields the
		// wrapped encoding charset.Lookup returns. The guess must not
		// pass for a declaration: decodeWestern guesses more carefully.
		if e == encoding.Encoding(charmap.Windows1252) {
			return nil, "", nil
		}
	}
	switch name {
	case "", "utf-8":
		return nil, "", nil
	case "replacement":
		// WHATWG maps ISO-2022-KR, ISO-2022-CN and HZ-GB-2312 to an
		// encoding that decodes any input to one U+FFFD, so that browsers
		// show nothing; a reader should say why it shows nothing.
		return nil, "", errors.New("unsupported charset: the declared encoding (ISO-2022-KR, ISO-2022-CN or HZ-GB-2312) is not read")
	}
	return e, name, nil
}

// decodeUTF16 decodes data[start:] (start skips a byte order mark). It
// checks the code units itself first, because the x/text decoder replaces
// what is invalid with U+FFFD without saying where.
func decodeUTF16(data []byte, start int, order xunicode.Endianness) ([]byte, string, error) {
	name := "utf-16le"
	unit := func(i int) rune { return rune(data[i]) | rune(data[i+1])<<8 }
	if order == xunicode.BigEndian {
		name = "utf-16be"
		unit = func(i int) rune { return rune(data[i])<<8 | rune(data[i+1]) }
	}
	if len(data) == start {
		return nil, "", errEmpty
	}
	i := start
	for ; i+1 < len(data); i += 2 {
		switch u := unit(i); {
		case u == 0:
			return nil, "", fmt.Errorf("not a text article (NUL character at offset %d)", i)
		case 0xd800 <= u && u < 0xdc00: // a high surrogate: a low one must follow
			if i+3 >= len(data) {
				return nil, "", fmt.Errorf("invalid UTF-16 at byte %d (unpaired surrogate)", i)
			}
			if l := unit(i + 2); l < 0xdc00 || l > 0xdfff {
				return nil, "", fmt.Errorf("invalid UTF-16 at byte %d (unpaired surrogate)", i)
			}
			i += 2
		case 0xdc00 <= u && u <= 0xdfff:
			return nil, "", fmt.Errorf("invalid UTF-16 at byte %d (unpaired surrogate)", i)
		}
	}
	if i < len(data) {
		return nil, "", fmt.Errorf("invalid UTF-16 at byte %d (odd number of bytes)", i)
	}
	text, err := xunicode.UTF16(order, xunicode.IgnoreBOM).NewDecoder().Bytes(data[start:])
	if err != nil {
		return nil, "", fmt.Errorf("invalid %s: %w", name, err)
	}
	return text, name, nil
}

// Byte classes for guessing whether bytes are Western text.
const (
	binaryByte = 1 << iota // a C0 control other than tab, LF, FF, CR; DEL; a byte Windows-1252 leaves undefined
	wordByte               // a letter or digit, in ASCII or Windows-1252
)

var (
	win1252   [128]rune // the characters of bytes 0x80-0xFF
	byteClass [256]uint8
)

func init() {
	for b := range 256 {
		r := rune(b)
		if b >= 0x80 {
			r = charmap.Windows1252.DecodeByte(byte(b))
			win1252[b-0x80] = r
		}
		switch {
		case r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\f' && r != '\r' || r == 0x7f:
			byteClass[b] |= binaryByte
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			byteClass[b] |= wordByte
		}
	}
}

// westernScan is what decodeWestern learns of invalid UTF-8 in one pass.
type westernScan struct {
	firstInvalid int  // offset of the first byte that is not UTF-8
	invalid      int  // bytes that start no valid UTF-8 sequence
	sequences    int  // valid multi-byte UTF-8 sequences
	latin        int  // of which encode Latin letters, typographic punctuation or currency signs
	high         int  // bytes 0x80-0xFF
	nearWord     int  // of which have a letter or digit on one side
	c1           bool // a byte 0x80-0x9F, where Windows-1252 and Latin-1 differ
	binary       bool // a control or undefined byte
}

func scanWestern(data []byte) westernScan {
	s := westernScan{firstInvalid: -1}
	next := 0 // where the next UTF-8 sequence may start
	for i, b := range data {
		c := byteClass[b]
		if c&binaryByte != 0 {
			s.binary = true
		}
		if b < utf8.RuneSelf {
			continue
		}
		s.high++
		if b <= 0x9f {
			s.c1 = true
		}
		if i > 0 && byteClass[data[i-1]]&wordByte != 0 || i+1 < len(data) && byteClass[data[i+1]]&wordByte != 0 {
			s.nearWord++
		}
		if i < next {
			continue // inside a valid sequence
		}
		r, size := utf8.DecodeRune(data[i:])
		if size == 1 {
			s.invalid++
			if s.firstInvalid < 0 {
				s.firstInvalid = i
			}
			next = i + 1
			continue
		}
		s.sequences++
		if latinUTF8(r) {
			s.latin++
		}
		next = i + size
	}
	return s
}

// latinUTF8 reports whether r is a character UTF-8 news in a Western
// language is made of (é, ł, ’, “, –, …, €, ™). Windows-1252 text forms such
// a sequence only by setting Â, Ã, Ä or Å before a symbol, or â before €,
// ‚, ƒ or „; its likelier accidents (ß“ is U+07D3, É and a no-break space
// U+0260, à\u00a0» U+083B) decode to characters of other scripts.
func latinUTF8(r rune) bool {
	return 0xa0 <= r && r <= 0x17f || 0x2000 <= r && r <= 0x20cf || 0x2100 <= r && r <= 0x214f
}

// decodeWestern reads data, which is not UTF-8, as Windows-1252, or as
// Latin-1 when no byte differs between the two, if it looks like Western
// text in one of them.
func decodeWestern(data []byte) ([]byte, string, error) {
	s := scanWestern(data)
	switch {
	case bytes.HasPrefix(data, []byte("\uFEFF")): // it says it is UTF-8
	case s.latin > 0 || s.sequences*4 >= s.invalid:
		// Damaged or mixed UTF-8: the é, ’ and “ it spells right would
		// come out as Ã©, â€™ and â€œ.
	case s.binary:
	case truncatedAtEnd(data):
		// A file that ends inside a UTF-8 sequence was cut short, not
		// written in Windows-1252 ("â€" is no way to end a text).
	case s.high > 2 && s.high*5 >= len(data):
		// Western text is mostly ASCII; binary data and text in other
		// scripts' code pages are not.
	case s.nearWord*2 < s.high:
	default:
		return westernText(data, s), westernName(s), nil
	}
	return nil, "", fmt.Errorf("invalid UTF-8 at byte %d", s.firstInvalid)
}

// truncatedAtEnd reports whether data ends with the lead byte of a UTF-8
// sequence and fewer continuation bytes than it announces.
func truncatedAtEnd(data []byte) bool {
	for n := 1; n <= 3 && n <= len(data); n++ {
		b := data[len(data)-n]
		if b >= 0x80 && b <= 0xBF {
			continue // a continuation byte: the lead is further back
		}
		return b >= 0xC2 && b <= 0xF4 && !utf8.FullRune(data[len(data)-n:])
	}
	return false
}

func westernName(s westernScan) string {
	if s.c1 {
		return "windows-1252"
	}
	return "iso-8859-1"
}

func westernText(data []byte, s westernScan) []byte {
	text := make([]byte, 0, len(data)+2*s.high) // no character of Windows-1252 takes more than 3 bytes
	ascii := 0                                  // start of the ASCII run not yet copied
	for i, b := range data {
		if b >= utf8.RuneSelf {
			text = append(text, data[ascii:i]...)
			text = utf8.AppendRune(text, win1252[b-0x80])
			ascii = i + 1
		}
	}
	return append(text, data[ascii:]...)
}
