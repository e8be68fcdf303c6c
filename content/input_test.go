package content

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"copydesk/internal/testkit"
)

func TestParseRefusesBadInput(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", "", "empty article"},
		{"white space only", " \n\t\r\n  ", "empty article"},
		{"BOM only", "\uFEFF\n", "empty article"},
		{"NUL byte", "text\x00more", "not a text article (NUL byte at offset 4)"},
		{"binary", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text article"},
		// UTF-8 damaged, not a legacy encoding: é is UTF-8, the byte after is not
		{"invalid UTF-8", "caf\xc3\xa9 \xe9 au lait", "invalid UTF-8 at byte 6"},
		{"truncated rune", "ok \xe2\x80", "invalid UTF-8 at byte 3"},
		{"UTF-16 unpaired surrogate", "\xff\xfeh\x00\x00\xd8", "UTF-16"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("x.txt", []byte(tt.in))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("Parse(%q) error = %v, want %q", tt.in, err, tt.want)
			}
		})
	}
}

func TestSplitParagraphs(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"one line each when no blank line", "First.\nSecond.\nThird.", []string{"First.", "Second.", "Third."}},
		{"blank lines separate runs", "A one\nA two\n\nB one\n \t\nC", []string{"A one\nA two", "B one", "C"}},
		{"CRLF", "A one\r\nA two\r\n\r\nB\r\n", []string{"A one\r\nA two", "B"}},
		{"CR only", "A\rB\r\rC", []string{"A\rB", "C"}},
		{"CR only, no blank line", "A\rB\rC", []string{"A", "B", "C"}},
		{"BOM", "\uFEFFHello\nWorld", []string{"Hello", "World"}},
		{"surrounding space trimmed", "  lead\n\n  trail  \n", []string{"lead", "trail"}},
		{"leading blank lines only", "\n\nA\nB", []string{"A", "B"}},
		{"unicode spaces", "\u00a0A\u2003\n\nB", []string{"A", "B"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ps := splitParagraphs([]byte(tt.in))
			var got []string
			for i, p := range ps {
				got = append(got, p.Text)
				if p.N != i+1 {
					t.Errorf("paragraph %d has N=%d", i+1, p.N)
				}
				if tt.in[p.Offset:p.Offset+len(p.Text)] != p.Text {
					t.Errorf("paragraph %d: text is not input[offset:offset+len]", p.N)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Fatalf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Talks End Without a Deal\n\nThe talks ended.\n\nMore.", "Talks End Without a Deal"},
		{"Poll: Wealthy Voters Abandon Party.\n\nA poll shows things.", "Poll: Wealthy Voters Abandon Party."},
		{"# A markdown title\n\nBody.", "A markdown title"},
		{"The talks ended on Friday after four hours.\nKerry said so.", ""}, // no blank line: body text
		{"the talks ended on friday after four hours of talking in the city.\n\nMore.", ""},
		{"Only one paragraph", ""},
	}
	for _, tt := range tests {
		a, err := Parse("x", []byte(tt.in))
		if err != nil {
			t.Fatal(err)
		}
		if a.Title != tt.want {
			t.Errorf("title of %q = %q, want %q", tt.in, a.Title, tt.want)
		}
	}
}

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(filepath.Join(dir, "missing.txt"), nil, DefaultMaxSize); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("missing file: %v", err)
	}
	if _, err := Open(dir, nil, DefaultMaxSize); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("directory: %v", err)
	}
	big := filepath.Join(dir, "big.txt")
	if err := os.WriteFile(big, bytes.Repeat([]byte("word "), 1000), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(big, nil, 1024); err == nil || !strings.Contains(err.Error(), "larger than the 1 KB limit") {
		t.Errorf("size limit: %v", err)
	}
	if _, err := Open("-", strings.NewReader(strings.Repeat("x", 2048)), 1024); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("size limit on stdin: %v", err)
	}
	a, err := Open("-", strings.NewReader("Hello.\n"), DefaultMaxSize)
	if err != nil || a.Source != "stdin" || len(a.Paragraphs) != 1 {
		t.Errorf("stdin: %v %+v", err, a)
	}
	if os.Getuid() != 0 {
		unreadable := filepath.Join(dir, "secret.txt")
		os.WriteFile(unreadable, []byte("x"), 0o000)
		if _, err := Open(unreadable, nil, DefaultMaxSize); err == nil || !strings.Contains(err.Error(), "permission denied") {
			t.Errorf("unreadable: %v", err)
		}
	}
}

// A 50 MB article on one line is one paragraph, and ten times the line
// costs about ten times as much to parse.
func TestHugeSingleLine(t *testing.T) {
	n := 50 << 20
	if testing.Short() {
		n = 5 << 20
	}
	line := func(n int) []byte { return bytes.Repeat([]byte("The ministers met for four hours. "), n/34) }
	small, large := line(n/10), line(n)
	var a *Article
	g := testkit.Growth(func() { Parse("small", small) }, func() { a, _ = Parse("big", large) })
	t.Logf("ten times the input cost %.1fx", g)
	if a == nil || len(a.Paragraphs) != 1 {
		t.Fatalf("got %v, want one paragraph", a)
	}
	if g > testkit.MaxGrowth {
		t.Errorf("parsing %d MB cost %.1f times as much as a tenth of it, want at most %d", n>>20, g, testkit.MaxGrowth)
	}
}

// A FIFO is read like stdin (it is what `copydesk <(cmd)` opens), under the
// same size limit.
func TestOpenFIFO(t *testing.T) {
	path := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(path, 0o600); err != nil {
		t.Skipf("no FIFO here: %v", err)
	}
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err == nil {
			f.WriteString(strings.Repeat("Kerry said the talks ended. ", 100))
			f.Close()
		}
	}()
	a, err := Open(path, nil, 1024)
	if err == nil || !strings.Contains(err.Error(), "limit") {
		t.Fatalf("a FIFO over the limit: %v %v", a, err)
	}
	go func() {
		f, err := os.OpenFile(path, os.O_WRONLY, 0)
		if err == nil {
			f.WriteString("Kerry said the talks ended.\n")
			f.Close()
		}
	}()
	if a, err = Open(path, nil, DefaultMaxSize); err != nil || len(a.Paragraphs) != 1 {
		t.Fatalf("FIFO: %v", err)
	}
}

// A file removed before it is opened is an error that says so; one removed
// while it is read is read to its end (the open file outlives its name).
func TestFileThatDisappears(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gone.txt")
	os.WriteFile(path, []byte("text"), 0o644)
	os.Remove(path)
	if _, err := Open(path, nil, DefaultMaxSize); err == nil || !strings.Contains(err.Error(), "no such file") {
		t.Errorf("removed file: %v", err)
	}
	os.WriteFile(path, []byte("Kerry said so.\n\nLavrov agreed."), 0o644)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	os.Remove(path)
	a, err := Open("-", f, DefaultMaxSize)
	if err != nil || len(a.Paragraphs) != 2 {
		t.Errorf("file removed while open: %v", err)
	}
}

// Line ends are searched once in all, whichever kind the text uses: a
// search per line would make a long text of one kind quadratic.
func TestSplitParagraphsLinear(t *testing.T) {
	for _, end := range []string{"\n", "\r", "\r\n"} {
		small := []byte(strings.Repeat("a short line"+end, 40_000))
		large := []byte(strings.Repeat("a short line"+end, 400_000)) // 5 MB, 400,000 lines
		var ps []Paragraph
		g := testkit.Growth(func() { splitParagraphs(small) }, func() { ps = splitParagraphs(large) })
		t.Logf("ten times the input cost %.1fx", g)
		if len(ps) != 400_000 {
			t.Fatalf("%q: %d paragraphs, want 400000", end, len(ps))
		}
		if g > testkit.MaxGrowth {
			t.Errorf("%q: ten times the lines cost %.1f times as much, want at most %d", end, g, testkit.MaxGrowth)
		}
	}
}

// A long file is read in two halves at once; what is read is the file,
// byte for byte, and a file whose size is not the one measured (it grew or
// shrank between the measure and the read) is left to the streaming read.
func TestReadHalves(t *testing.T) {
	data := make([]byte, 3<<20+7) // odd length: the halves differ
	for i := range data {
		data[i] = byte('a' + i*7%26)
	}
	path := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	size := int64(len(data))
	tests := []struct {
		name string
		size int64
		ok   bool
	}{
		{"the measured size", size, true},
		{"the file grew", size - 1, false},
		{"the file shrank", size + 1, false},
		{"short: one thread", 1<<20 - 1, false},
	}
	for _, tt := range tests {
		got, ok := readHalves(f, tt.size)
		if ok != tt.ok {
			t.Errorf("%s: ok %v, want %v", tt.name, ok, tt.ok)
		}
		if ok && !bytes.Equal(got, data) {
			t.Errorf("%s: the bytes read are not the file's", tt.name)
		}
	}
	got, err := ReadFile(path, DefaultMaxSize)
	if err != nil || !bytes.Equal(got, data) {
		t.Errorf("ReadFile: %v, same bytes %v", err, bytes.Equal(got, data))
	}
	if _, err := ReadFile(path, size-1); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("over the limit: %v", err)
	}
}
