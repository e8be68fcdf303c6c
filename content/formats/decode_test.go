package formats

import (
	"bytes"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	xunicode "golang.org/x/text/encoding/unicode"
)

// newsParagraph has every Windows-1252 character the brief names: curly
// double and single quotes, an apostrophe, é, an en dash and the euro sign.
const newsParagraph = "The mayor’s office said “the budget is balanced” – but critics, " +
	"including the café owners’ association, pointed to a €4.2 million gap. " +
	"‘We’re not convinced,’ said Renée Dupré, who runs a bistro on the quay.\n"

// latin1Paragraph is its twin without the characters Latin-1 lacks.
const latin1Paragraph = "The mayor's office said \"the budget is balanced\" - but critics, " +
	"including the café owners' association, pointed to a £4.2 million gap. " +
	"« Nous ne sommes pas convaincus », said Renée Dupré, who runs a bistro on the quay.\n"

// germanParagraph, in Windows-1252, has "ß“" (DF 93), which is also a valid
// UTF-8 sequence (U+07D3): an accident the guess must see through.
const germanParagraph = "Der Bürgermeister sagte: „Die Straße bleibt gesperrt, bis die Prüfung " +
	"abgeschlossen ist.“ Anwohner äußerten Ärger über die Verzögerung; der Stadtrat " +
	"lebe „auf großem Fuß“, hieß es in der Mitteilung.\n"

func encode(t testing.TB, e encoding.Encoding, s string) []byte {
	t.Helper()
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatalf("encoding test input: %v", err)
	}
	return b
}

// corruptAt returns a copy of data with data[i] replaced by b.
func corruptAt(data []byte, i int, b byte) []byte {
	c := bytes.Clone(data)
	c[i] = b
	return c
}

func randomBytes(seed uint64, n int) []byte {
	r := rand.New(rand.NewPCG(seed, 0))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

func TestDecode(t *testing.T) {
	utf8Text := []byte(strings.Repeat(newsParagraph, 3))
	// The offset of an ASCII letter in the second copy, after valid
	// multi-byte sequences, for the one-corrupted-byte cases.
	corrupt := len(newsParagraph) + strings.Index(newsParagraph, "budget")
	firstSeq := strings.Index(newsParagraph, "’") // E2 80 99

	noNUL := randomBytes(2, 4096)
	for i, b := range noNUL {
		if b == 0 {
			noNUL[i] = 1
		}
	}

	htmlPage := func(head string, body []byte) []byte {
		page := []byte("<!DOCTYPE html>\n<html><head>" + head + "<title>Budget</title></head><body><p>")
		return append(append(page, body...), "</p></body></html>\n"...)
	}
	// Greek letters are valid UTF-8 sequences that are no evidence by their
	// script alone; there are enough of them, against one damaged, to be.
	greekText := "The minister quoted the ancient saying γνῶθι σεαυτόν, know yourself, and said " +
		"the budget talks would go on until Friday despite the objections of the unions.\n"
	greekLast := strings.LastIndex(greekText, "ν")
	japaneseText := "市長は予算が均衡していると述べたが、批判者は四百二十万ユーロの不足を指摘した。"

	tests := []struct {
		name        string
		data        []byte
		contentType string
		want        string // the text expected; "" when an error is
		encoding    string
		err         string // the error expected, "" for none
	}{
		{name: "empty", data: []byte{}, err: "empty article: no text to read"},
		{name: "nil", data: nil, err: "empty article: no text to read"},
		{name: "ASCII", data: []byte("Plain news.\n"), want: "Plain news.\n", encoding: "utf-8"},
		{name: "UTF-8", data: utf8Text, want: string(utf8Text), encoding: "utf-8"},
		{name: "UTF-8 with BOM keeps it", data: []byte("\uFEFF" + newsParagraph), want: "\uFEFF" + newsParagraph, encoding: "utf-8"},
		{name: "UTF-8 wins over a declared charset", data: utf8Text, contentType: "text/html; charset=windows-1252", want: string(utf8Text), encoding: "utf-8"},
		{name: "NUL byte", data: []byte("Plain\x00news"), err: "not a text article (NUL byte at offset 5)"},
		{name: "NUL byte in Windows-1252", data: encode(t, charmap.Windows1252, "“café”\x00"), err: "not a text article (NUL byte at offset 6)"},

		{name: "Windows-1252", data: encode(t, charmap.Windows1252, newsParagraph), want: newsParagraph, encoding: "windows-1252"},
		{name: "Windows-1252 bytes as written", data: []byte("Au \x93Caf\xe9 du Port\x94, ferm\xe9 \x96 \x80" + "5 pour l\x92addition.\n"), want: "Au “Café du Port”, fermé – €5 pour l’addition.\n", encoding: "windows-1252"},
		{name: "Latin-1", data: encode(t, charmap.ISO8859_1, latin1Paragraph), want: latin1Paragraph, encoding: "iso-8859-1"},
		{name: "Windows-1252 with an accidental UTF-8 sequence", data: encode(t, charmap.Windows1252, germanParagraph), want: germanParagraph, encoding: "windows-1252"},
		{name: "server says UTF-8 but sends Windows-1252", data: encode(t, charmap.Windows1252, newsParagraph), contentType: "text/plain; charset=utf-8", want: newsParagraph, encoding: "windows-1252"},

		{name: "UTF-8 with one corrupted byte", data: corruptAt(utf8Text, corrupt, 0xe9), err: "invalid UTF-8 at byte " + strconv.Itoa(corrupt)},
		{name: "UTF-8 with a corrupted continuation byte", data: corruptAt(utf8Text, firstSeq+1, 'x'), err: "invalid UTF-8 at byte " + strconv.Itoa(firstSeq)},
		{name: "truncated UTF-8", data: utf8Text[:len(newsParagraph)+firstSeq+2], err: "invalid UTF-8 at byte " + strconv.Itoa(len(newsParagraph)+firstSeq)},
		{name: "truncated UTF-8 in HTML without a charset", data: htmlPage("", utf8Text[:len(newsParagraph)+firstSeq+2]), contentType: "text/html",
			err: "invalid UTF-8 at byte " + strconv.Itoa(len(htmlPage("", nil))-len("</p></body></html>\n")+len(newsParagraph)+firstSeq)},
		{name: "UTF-8 with a Windows-1252 paragraph pasted in", data: append(bytes.Clone(utf8Text), encode(t, charmap.Windows1252, newsParagraph)...),
			err: "invalid UTF-8 at byte " + strconv.Itoa(len(utf8Text)+firstSeq)},
		{name: "UTF-8 BOM then Windows-1252", data: append([]byte("\uFEFF"), encode(t, charmap.Windows1252, newsParagraph)...), err: "invalid UTF-8 at byte " + strconv.Itoa(3+firstSeq)},
		{name: "random bytes", data: randomBytes(1, 4096), err: "not a text article (NUL byte at offset "},
		{name: "random bytes without NUL", data: noNUL, err: "invalid UTF-8 at byte "},
		{name: "Windows-1252 with a UTF-8 line pasted in", data: append(encode(t, charmap.Windows1252, strings.Repeat(newsParagraph, 3)), "Café.\n"...),
			err: "invalid UTF-8 at byte " + strconv.Itoa(firstSeq)},
		{name: "UTF-8 in another script, corrupted", data: corruptAt([]byte(greekText), greekLast+1, 'x'), err: "invalid UTF-8 at byte " + strconv.Itoa(greekLast)},
		{name: "control byte", data: encode(t, charmap.Windows1252, newsParagraph+"\x1b[31m"), err: "invalid UTF-8 at byte " + strconv.Itoa(firstSeq)},
		{name: "byte Windows-1252 leaves undefined", data: append(encode(t, charmap.Windows1252, newsParagraph), 0x81), err: "invalid UTF-8 at byte " + strconv.Itoa(firstSeq)},
		{name: "mostly high bytes (Windows-1251 Russian)", data: encode(t, charmap.Windows1251, "Мэр заявил, что бюджет сбалансирован."), err: "invalid UTF-8 at byte 0"},
		{name: "high bytes apart from letters", data: []byte("News \x95 \x95 \x95 \x95 of the day, in brief.\n"), err: "invalid UTF-8 at byte 5"},

		{name: "UTF-16LE", data: encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), newsParagraph+"📰"), want: newsParagraph + "📰", encoding: "utf-16le"},
		{name: "UTF-16BE", data: encode(t, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), newsParagraph+"📰"), want: newsParagraph + "📰", encoding: "utf-16be"},
		{name: "UTF-16LE BOM only", data: []byte{0xff, 0xfe}, err: "empty article: no text to read"},
		{name: "UTF-16LE odd length", data: []byte{0xff, 0xfe, 'a', 0, 'b'}, err: "invalid UTF-16 at byte 4 (odd number of bytes)"},
		{name: "UTF-16LE lone low surrogate", data: []byte{0xff, 0xfe, 'a', 0, 0x00, 0xdc, 'b', 0}, err: "invalid UTF-16 at byte 4 (unpaired surrogate)"},
		{name: "UTF-16BE high surrogate without low", data: []byte{0xfe, 0xff, 0, 'a', 0xd8, 0x3d, 0, 'b'}, err: "invalid UTF-16 at byte 4 (unpaired surrogate)"},
		{name: "UTF-16BE high surrogate at end", data: []byte{0xfe, 0xff, 0, 'a', 0xd8, 0x3d}, err: "invalid UTF-16 at byte 4 (unpaired surrogate)"},
		{name: "UTF-16LE NUL", data: []byte{0xff, 0xfe, 'a', 0, 0, 0}, err: "not a text article (NUL character at offset 4)"},
		{name: "declared UTF-16 without BOM", data: encode(t, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), "Budget “balanced”"), contentType: "text/plain; charset=utf-16le", want: "Budget “balanced”", encoding: "utf-16le"},

		{name: "HTML meta charset", data: htmlPage(`<meta charset="windows-1252">`, encode(t, charmap.Windows1252, newsParagraph)),
			want: string(htmlPage(`<meta charset="windows-1252">`, []byte(newsParagraph))), encoding: "windows-1252"},
		{name: "HTML http-equiv", data: htmlPage(`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">`, encode(t, charmap.ISO8859_15, "Le café coûte 3 €.")),
			want: string(htmlPage(`<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">`, []byte("Le café coûte 3 €."))), encoding: "iso-8859-15"},
		{name: "HTML meta Shift_JIS", data: htmlPage(`<meta charset="shift_jis">`, encode(t, japanese.ShiftJIS, japaneseText)),
			want: string(htmlPage(`<meta charset="shift_jis">`, []byte(japaneseText))), encoding: "shift_jis"},
		{name: "HTML meta on an ASCII page", data: htmlPage(`<meta charset="windows-1252">`, []byte("Budget news")),
			want: string(htmlPage(`<meta charset="windows-1252">`, []byte("Budget news"))), encoding: "utf-8"},
		{name: "meta in a plain text body is not a declaration", data: append([]byte(`<meta charset="shift_jis">`), encode(t, japanese.ShiftJIS, japaneseText)...), contentType: "text/plain",
			err: "invalid UTF-8 at byte 26"},
		{name: "meta past the first 1024 bytes", data: htmlPage(strings.Repeat(" ", 1024)+`<meta charset="shift_jis">`, encode(t, japanese.ShiftJIS, japaneseText)),
			err: "invalid UTF-8 at byte "},
		{name: "Content-Type charset", data: encode(t, charmap.ISO8859_15, "Le café coûte 3 €."), contentType: "text/plain; charset=ISO-8859-15", want: "Le café coûte 3 €.", encoding: "iso-8859-15"},
		{name: "Content-Type charset Shift_JIS", data: encode(t, japanese.ShiftJIS, japaneseText), contentType: "text/html; charset=Shift_JIS", want: japaneseText, encoding: "shift_jis"},
		{name: "Content-Type charset beats meta", data: htmlPage(`<meta charset="shift_jis">`, encode(t, charmap.ISO8859_15, "Le café coûte 3 €.")), contentType: "text/html; charset=iso-8859-15",
			want: string(htmlPage(`<meta charset="shift_jis">`, []byte("Le café coûte 3 €."))), encoding: "iso-8859-15"},
		{name: "unknown charset falls back to the guess", data: encode(t, charmap.Windows1252, newsParagraph), contentType: "text/plain; charset=klingon", want: newsParagraph, encoding: "windows-1252"},
		{name: "charset browsers refuse", data: []byte("\x1b$)C\x0e\xa1"), contentType: "text/plain; charset=iso-2022-kr", err: "unsupported charset"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, enc, err := Decode(tt.data, tt.contentType)
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) {
					t.Fatalf("Decode error = %v, want %q", err, tt.err)
				}
				if got != nil || enc != "" {
					t.Errorf("Decode returned %q, %q with the error", got, enc)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if string(got) != tt.want || enc != tt.encoding {
				t.Errorf("Decode = %q, %q\nwant     %q, %q", got, enc, tt.want, tt.encoding)
			}
			if enc == "utf-8" && !sameSlice(got, tt.data) {
				t.Errorf("UTF-8 input was copied")
			}
		})
	}
}

func sameSlice(a, b []byte) bool {
	return len(a) == len(b) && (len(a) == 0 || &a[0] == &b[0])
}

// TestDecodeRandomRefused checks many seeds, since one could pass by luck.
func TestDecodeRandomRefused(t *testing.T) {
	for seed := range uint64(200) {
		data := randomBytes(seed, 64)
		if _, enc, err := Decode(data, ""); err == nil {
			t.Errorf("seed %d: random bytes decoded as %s", seed, enc)
		}
	}
}

func FuzzDecode(f *testing.F) {
	f.Add([]byte(newsParagraph), "")
	f.Add(encode(f, charmap.Windows1252, newsParagraph), "")
	f.Add(encode(f, charmap.ISO8859_1, latin1Paragraph), "")
	f.Add(encode(f, charmap.Windows1252, germanParagraph), "")
	f.Add(encode(f, xunicode.UTF16(xunicode.LittleEndian, xunicode.UseBOM), newsParagraph), "")
	f.Add(encode(f, xunicode.UTF16(xunicode.BigEndian, xunicode.UseBOM), newsParagraph), "")
	f.Add(encode(f, xunicode.UTF16(xunicode.LittleEndian, xunicode.IgnoreBOM), newsParagraph), "text/plain; charset=utf-16")
	f.Add([]byte(`<meta charset="windows-1252"><p>caf`+"\xe9"), "")
	f.Add([]byte("<p>caf\xe9"), "text/html; charset=shift_jis")
	f.Add([]byte("\uFEFFcaf\xe9"), "")
	f.Add(randomBytes(1, 64), "")
	f.Fuzz(func(t *testing.T, data []byte, contentType string) {
		got, enc, err := Decode(data, contentType)
		if err == nil && (!utf8.Valid(got) || enc == "") {
			t.Fatalf("Decode = %q, %q: not UTF-8 or unnamed", got, enc)
		}
		if len(data) > 0 && utf8.Valid(data) && bytes.IndexByte(data, 0) < 0 {
			if err != nil || enc != "utf-8" || !sameSlice(got, data) {
				t.Fatalf("valid UTF-8 not returned as is: %q, %q, %v", got, enc, err)
			}
		}
		guessed := contentType == "" && !bytes.Contains(bytes.ToLower(data), []byte("charset"))
		if err == nil && guessed && (enc == "windows-1252" || enc == "iso-8859-1") {
			// A guess must lose nothing: the text encodes back to the input.
			back, err := charmap.Windows1252.NewEncoder().Bytes(got)
			if err != nil || !bytes.Equal(back, data) {
				t.Fatalf("%s decoding of %q is not reversible: %q, %v", enc, data, back, err)
			}
		}
	})
}

// benchText is about 4 MB of news in UTF-8, or in enc when it is not nil.
func benchText(b *testing.B, enc encoding.Encoding) []byte {
	p := []byte(newsParagraph)
	if enc != nil {
		p = encode(b, enc, newsParagraph)
	}
	return bytes.Repeat(p, (4<<20)/len(p))
}

func BenchmarkDecodeWindows1252(b *testing.B) {
	data := benchText(b, charmap.Windows1252)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, enc, err := Decode(data, ""); err != nil || enc != "windows-1252" {
			b.Fatal(enc, err)
		}
	}
}

func BenchmarkDecodeUTF8(b *testing.B) {
	data := benchText(b, nil)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, enc, err := Decode(data, ""); err != nil || enc != "utf-8" {
			b.Fatal(enc, err)
		}
	}
}

// BenchmarkCopy is the memcpy the UTF-8 case is measured against.
func BenchmarkCopy(b *testing.B) {
	data := benchText(b, nil)
	dst := make([]byte, len(data))
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		copy(dst, data)
	}
}
