package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"copydesk/content"
	"copydesk/review"
)

func runCmd(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

func TestAnalyzeSummary(t *testing.T) {
	code, out, _ := runCmd(t, "", "analyze")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"18 paragraphs", "16 statements", "John Kerry (U.S. Secretary of State): 5 statements", "Sergei Lavrov", "the meeting as a candid “brainstorming” session"} {
		if !strings.Contains(out, want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
}

// analyze --json prints what content.WriteJSON writes (the contract is
// content's to test), for the embedded article, a file and stdin alike.
func TestAnalyzeJSON(t *testing.T) {
	art := content.Embedded()
	var want bytes.Buffer
	if err := content.WriteJSON(&want, art, content.Analyze(art)); err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(filepath.Join("content", content.EmbeddedName))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args          []string
		stdin, source string
	}{
		{[]string{"analyze", "--json"}, "", content.EmbeddedName},
		{[]string{"analyze", filepath.Join("content", content.EmbeddedName), "--json"}, "", content.EmbeddedName},
		{[]string{"analyze", "--json", "-"}, string(raw), "stdin"},
	} {
		code, out, errs := runCmd(t, tc.stdin, tc.args...)
		expected := strings.Replace(want.String(), `"source":"`+content.EmbeddedName+`"`, `"source":"`+tc.source+`"`, 1)
		if code != 0 || out != expected {
			t.Errorf("%v: exit %d, stderr %q, and the JSON differs from content.WriteJSON's", tc.args, code, errs)
		}
	}
}

func TestBadInputs(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name  string
		args  []string
		stdin string
		want  string
	}{
		{"missing file", []string{"analyze", filepath.Join(dir, "nope.txt")}, "", "no such file or directory"},
		{"folder without articles", []string{"analyze", t.TempDir()}, "", "no articles"},
		{"empty stdin", []string{"analyze", "-"}, "", "stdin: empty article"},
		{"empty file", []string{"analyze", write("empty.txt", nil)}, "", "empty article"},
		{"binary", []string{"analyze", write("bin", []byte{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0})}, "", "not a text article"},
		{"invalid UTF-8", []string{"analyze", write("broken.txt", []byte("caf\xc3\xa9 \xe9"))}, "", "invalid UTF-8 at byte 6"},
		{"too large", []string{"analyze", "--max-size", "1KB", write("big.txt", bytes.Repeat([]byte("a "), 1000))}, "", "larger than the 1 KB limit"},
		{"bad size", []string{"analyze", "--max-size", "lots"}, "", "not a size"},
		{"reader without terminal", []string{}, "", "needs a terminal"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errs := runCmd(t, tt.stdin, tt.args...)
			if code == 0 || !strings.Contains(errs, tt.want) {
				t.Errorf("exit %d, stderr %q; want non-zero and %q", code, errs, tt.want)
			}
			if code == 1 && strings.Count(strings.TrimSpace(errs), "\n") > 0 {
				t.Errorf("error is more than one line: %q", errs)
			}
		})
	}
}

func TestAnalyzeInputShapes(t *testing.T) {
	tests := []struct {
		name, in string
		paras    int
	}{
		{"CRLF", "Kerry said the talks failed.\r\n\r\nLavrov said they did not.\r\n", 2},
		{"BOM", "\uFEFFKerry said the talks failed.\nLavrov disagreed.", 2},
		{"one long line", strings.Repeat("Kerry said the talks failed. ", 20000), 1},
	}
	for _, tt := range tests {
		code, out, errs := runCmd(t, tt.in, "analyze", "--json", "-")
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", tt.name, code, errs)
		}
		var doc struct {
			Paragraphs []json.RawMessage `json:"paragraphs"`
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil || len(doc.Paragraphs) != tt.paras {
			t.Errorf("%s: %v, %d paragraphs", tt.name, err, len(doc.Paragraphs))
		}
	}
}

// Escape sequences hidden in an article never reach the terminal from the
// text summary; the JSON keeps the text verbatim, escaped by JSON.
func TestAnalyzeStripsEscapes(t *testing.T) {
	in := "Kerry said \x1b]52;c;cm0gLXJmIH4=\x07the talks \x1b[2Jfailed.\n\n\"We \u202Eagreed,\" Lavrov said."
	_, out, _ := runCmd(t, in, "analyze", "-")
	if strings.ContainsAny(out, "\x1b\a\u202E") {
		t.Errorf("summary carries control characters: %q", out)
	}
	_, js, _ := runCmd(t, in, "analyze", "--json", "-")
	if strings.Contains(js, "\x1b") || !strings.Contains(js, `\u001b]52;c;`) {
		t.Errorf("JSON must escape the text, keep it verbatim: %q", js)
	}
}

// The command line answers like a Go tool: help on stdout with status 0,
// mistakes on stderr with status 2 and the usage, flags anywhere.
func TestCommandLine(t *testing.T) {
	tests := []struct {
		args           []string
		code           int
		stdout, stderr string
	}{
		{[]string{"--help"}, 0, "copydesk analyze [--json]", ""},
		{[]string{"-h"}, 0, "usage:", ""},
		{[]string{"help"}, 0, "copydesk serve [flags] [FILE|DIR|URL|-]", ""},
		{[]string{"help", "analyze"}, 0, "--json", ""},
		{[]string{"help", "serve"}, 0, "--authorized-keys FILE", ""},
		{[]string{"analyze", "--help"}, 0, "usage: copydesk analyze", ""},
		{[]string{"serve", "-h"}, 0, "--max-sessions", ""},
		{[]string{"--version"}, 0, "copydesk ", ""},
		{[]string{"frobnicate"}, 2, "", `copydesk: unknown command "frobnicate"`},
		{[]string{"help", "frobnicate"}, 2, "", `no command "frobnicate"`},
		{[]string{"analyze", "--bogus"}, 2, "", "copydesk: unknown flag --bogus\nusage: copydesk analyze"},
		{[]string{"analyze", "--max-size", "banana"}, 2, "", `--max-size "banana": not a size`},
		{[]string{"analyze", "--max-size"}, 2, "", "--max-size needs a value"},
		{[]string{"analyze", "--json=maybe"}, 2, "", `--json "maybe"`},
		{[]string{"analyze", "--max-size=1KB", "--json"}, 0, `"version":4`, ""},
		{[]string{"analyze", "-", "--json"}, 0, `"source":"stdin"`, ""},
		{[]string{"analyze", "--", "-"}, 0, "1 paragraph, 1 speaker, 1 statement,", ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, out, errs := runCmd(t, "Kerry said the talks failed.", tt.args...)
			if code != tt.code || !strings.Contains(out, tt.stdout) || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d\nstdout %q\nstderr %q\nwant exit %d, stdout with %q, stderr with %q", code, out, errs, tt.code, tt.stdout, tt.stderr)
			}
			if tt.code == 0 && errs != "" {
				t.Errorf("stderr on success: %q", errs)
			}
			if tt.code != 0 && out != "" {
				t.Errorf("stdout on failure: %q", out)
			}
		})
	}
}

// review export: the marks kept for an article, in each format, and a
// clear error for a store that cannot be read.
func TestReviewExport(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "review.db")
	store, err := review.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	art := content.Embedded()
	items := review.ItemsOf(art, content.Analyze(art))
	for _, m := range []review.Mark{
		{Anchor: items.At(7), Reviewer: review.Reviewer{Name: "alice"}, State: review.Checked},
		{Anchor: items.At(len(art.Paragraphs)), Reviewer: review.Reviewer{Name: "bob"}, State: review.Disputed, Note: "the UN said 6,000"},
	} {
		if _, err := store.Add(context.Background(), articleName(""), m); err != nil {
			t.Fatal(err)
		}
	}
	store.Close()
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"review", "export", "--db", db}, []string{"alice", "checked", "the UN said 6,000"}},
		{[]string{"review", "export", "--db", db, "embedded", "--format", "json"}, []string{`"version": 1`, `"name": "alice"`, `"state": "disputed"`}},
		{[]string{"review", "export", "--format=claimreview", "--db", db}, []string{"ClaimReview", "Sergei Lavrov"}},
	} {
		code, out, errs := runCmd(t, "", tc.args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tc.args, code, errs)
		}
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("%v: output lacks %q:\n%s", tc.args, w, out)
			}
		}
	}
	notDB := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("not a database ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"review", "export", "--db", notDB}, 1, "is not a review database"},
		{[]string{"review", "export", "--db", db, "--format", "pdf"}, 1, "pdf"},
		{[]string{"review"}, 2, "review what?"},
		{[]string{"review", "import"}, 2, "review what?"},
	} {
		code, _, errs := runCmd(t, "", tc.args...)
		if code != tc.code || !strings.Contains(errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}

// analyze of several files and folders: every article, in the order given
// (a folder's by name), one JSON document a line; one that cannot be read
// is named on stderr, the others still printed, and the exit status is 1.
func TestAnalyzeMany(t *testing.T) {
	dir := t.TempDir()
	for name, text := range map[string]string{
		"b.txt":     "\"We will not pay,\" the mayor said on Friday.\n",
		"a.md":      "# Port deal\n\n- Wages rise **40%**.\n- Shifts end.\n",
		"c.html":    "<html><head><title>Talks</title></head><body><article><p>The talks lasted four hours, officials said, and ended without a deal on the border.</p><p>\"We are not there yet,\" Kerry told reporters after the meeting in Lausanne.</p></article></body></html>",
		"notes.jpg": "\xff\xd8",
	} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	one := filepath.Join(t.TempDir(), "one.txt")
	if err := os.WriteFile(one, []byte("Kerry said the talks would go on.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs := runCmd(t, "", "analyze", "--json", one, dir)
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q", code, errs)
	}
	var sources, formats []string
	for _, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		var d struct{ Source, Format string }
		if err := json.Unmarshal([]byte(line), &d); err != nil {
			t.Fatalf("not a JSON line: %v: %q", err, line)
		}
		sources, formats = append(sources, d.Source), append(formats, d.Format)
	}
	if got := strings.Join(sources, " "); got != "one.txt a.md b.txt c.html" {
		t.Errorf("sources %q", got)
	}
	if got := strings.Join(formats, " "); got != "text markdown text html" {
		t.Errorf("formats %q", got)
	}
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("\x00"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errs = runCmd(t, "", "analyze", dir)
	if code != 1 || !strings.Contains(errs, "bad.txt") || strings.Count(out, " speaker") != 3 {
		t.Errorf("with a bad file: exit %d, stderr %q, output:\n%s", code, errs, out)
	}
}
