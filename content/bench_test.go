package content

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"
)

// The analyser must stay linear in its input: these benchmarks measure
// throughput on real news (the PolNeAR train texts, read where they lie) and
// the cost of 1x, 10x and 100x the same input.

// polnearDir is the PolNeAR corpus beside the project (../shared), relative
// to this package. It is read where it lies, never copied into the module.
const polnearDir = "../../shared/data/polnear"

// trainCorpus concatenates the PolNeAR train texts, articles separated by
// blank lines, or returns nil when the corpus is absent.
func trainCorpus(tb testing.TB) []byte {
	dir := filepath.Join(polnearDir, "train", "text")
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		return nil
	}
	sort.Strings(names)
	var buf bytes.Buffer
	for _, n := range names {
		data, err := os.ReadFile(n)
		if err != nil {
			tb.Fatal(err)
		}
		buf.Write(data)
		buf.WriteString("\n\n")
	}
	return buf.Bytes()
}

func mustParse(tb testing.TB, data []byte) *Article {
	a, err := Parse("bench", data)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// BenchmarkAnalyze analyses the PolNeAR train texts (3.9 MB) as one
// article, figures included. Run with -cpu 1 for the single-core figure.
func BenchmarkAnalyze(b *testing.B) {
	data := trainCorpus(b)
	if data == nil {
		b.Skipf("PolNeAR train texts not found under %s", polnearDir)
	}
	a := mustParse(b, data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Analyze(a)
	}
}

// BenchmarkAnalyzeQuotes is BenchmarkAnalyze without the figures pass.
func BenchmarkAnalyzeQuotes(b *testing.B) {
	data := trainCorpus(b)
	if data == nil {
		b.Skipf("PolNeAR train texts not found under %s", polnearDir)
	}
	a := mustParse(b, data)
	texts := make([]string, len(a.Paragraphs))
	for i, p := range a.Paragraphs {
		texts[i] = p.Text
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		analyzeParagraphs(texts)
	}
}

// scaleInput is the base input of the scaling benchmarks: the first 100 KB
// of the train texts (cut at a paragraph), or the embedded article repeated
// when the corpus is absent.
func scaleInput(tb testing.TB) []byte {
	data := trainCorpus(tb)
	if data == nil {
		return bytes.Repeat(append(append([]byte{}, embedded...), "\n\n"...), 25)
	}
	n := 100 << 10
	if i := bytes.Index(data[n:], []byte("\n\n")); i >= 0 {
		n += i + 2
	}
	return data[:n]
}

func benchScale(b *testing.B, times int) {
	data := bytes.Repeat(scaleInput(b), times)
	a := mustParse(b, data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		Analyze(a)
	}
}

// The three scales should report the same MB/s: cost grows linearly.
func BenchmarkAnalyzeScale1x(b *testing.B)   { benchScale(b, 1) }
func BenchmarkAnalyzeScale10x(b *testing.B)  { benchScale(b, 10) }
func BenchmarkAnalyzeScale100x(b *testing.B) { benchScale(b, 100) }

// TestLongParagraph analyses a 5 MB paragraph on one line: no work inside
// a paragraph may grow faster than its length. It counts processor time, not
// wall time, so a busy machine does not fail it.
func TestLongParagraph(t *testing.T) {
	var sb strings.Builder
	sents := []string{
		`"We will not back down," the senator said on Tuesday, adding that talks would resume.`,
		`According to a spokesman for the group, the plan was “dead on arrival.”`,
		`She told reporters that the vote, which had been delayed twice, would go ahead.`,
		`Critics called it a “giveaway” — and the mayor’s office declined to comment.`,
		`"It's the ’90s all over again," said Jones’ aide, who asked not to be named.`,
	}
	for sb.Len() < 5<<20 {
		for _, s := range sents {
			sb.WriteString(s)
			sb.WriteByte(' ')
		}
	}
	data := []byte(sb.String())
	a := mustParse(t, data)
	if len(a.Paragraphs) != 1 {
		t.Fatalf("got %d paragraphs, want one", len(a.Paragraphs))
	}
	start, cpu := time.Now(), cpuTime()
	an := Analyze(a)
	wall, used := time.Since(start), cpuTime()-cpu
	t.Logf("5 MB paragraph: %d quotes, %d speakers in %v (%v of processor time)", len(an.Quotes), len(an.Speakers), wall, used)
	if used > 2*time.Second {
		t.Errorf("analysing a 5 MB paragraph took %v of processor time, want under 2s", used)
	}
	checkAnalysis(t, a, an)
}
