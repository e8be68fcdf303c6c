package content

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"

	"copydesk/content/attribution"
	"copydesk/internal/testkit"
)

// The analyser must stay linear in its input: the benchmarks measure its
// throughput on real news (the PolNeAR train texts, read where they lie) and
// at 1x, 10x and 100x the same input; TestAnalyzeIsLinear fails when ten
// times the input costs far more than ten times as much.

func mustParse(tb testing.TB, data []byte) *Article {
	tb.Helper()
	a, err := Parse("bench", data)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

// BenchmarkAnalyze analyses the PolNeAR train texts (3.9 MB) as one
// article, figures included. Run with -cpu 1 for the single-core figure.
func BenchmarkAnalyze(b *testing.B) {
	data := testkit.TrainCorpus(b)
	a := mustParse(b, data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(a)
	}
}

// scaleInput is the base input of the scaling benchmarks: the embedded
// article repeated to about 100 KB, so that they run on a fresh clone.
func scaleInput() []byte {
	return bytes.Repeat(append(append([]byte{}, embedded...), "\n\n"...), 25)
}

func benchScale(b *testing.B, times int) {
	data := bytes.Repeat(scaleInput(), times)
	a := mustParse(b, data)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		Analyze(a)
	}
}

// The three scales should report the same MB/s: cost grows linearly.
func BenchmarkAnalyzeScale1x(b *testing.B)   { benchScale(b, 1) }
func BenchmarkAnalyzeScale10x(b *testing.B)  { benchScale(b, 10) }
func BenchmarkAnalyzeScale100x(b *testing.B) { benchScale(b, 100) }

// longParagraph returns a paragraph of at least n bytes on one line, made of
// sentences that exercise every kind of attribution.
func longParagraph(n int) []byte {
	var sb strings.Builder
	sents := []string{
		`"We will not back down," the senator said on Tuesday, adding that talks would resume.`,
		`According to a spokesman for the group, the plan was “dead on arrival.”`,
		`She told reporters that the vote, which had been delayed twice, would go ahead.`,
		`Critics called it a “giveaway” — and the mayor’s office declined to comment.`,
		`"It's the ’90s all over again," said Jones’ aide, who asked not to be named.`,
	}
	for sb.Len() < n {
		for _, s := range sents {
			sb.WriteString(s)
			sb.WriteByte(' ')
		}
	}
	return []byte(sb.String())
}

// TestAnalyzeIsLinear analyses one paragraph on one line at 256 KB and at
// 2.5 MB: no work inside a paragraph may grow faster than its length.
func TestAnalyzeIsLinear(t *testing.T) {
	data := longParagraph(2560 << 10)
	small, large := mustParse(t, longParagraph(256<<10)), mustParse(t, data)
	if len(large.Paragraphs) != 1 {
		t.Fatalf("got %d paragraphs, want one", len(large.Paragraphs))
	}
	var an *Analysis
	g := testkit.Growth(func() { Analyze(small) }, func() { an = Analyze(large) })
	t.Logf("2.5 MB paragraph: %d quotes, %d speakers; 10x the input cost %.1fx", len(an.Quotes), len(an.Speakers), g)
	if g > testkit.MaxGrowth {
		t.Errorf("ten times the paragraph cost %.1f times as much, want at most %d", g, testkit.MaxGrowth)
	}
	checkContract(t, data, large, an)
}

// BenchmarkWriteJSON writes the analysis of the PolNeAR train texts (3.9 MB,
// analysed once) as JSON, by WriteJSON and by the encoding/json reference
// of jsonwrite_test.go. MB/s counts the input, as BenchmarkAnalyze does, so
// that the two compare; out-MB/s counts the document (about 12 MB).
func BenchmarkWriteJSON(b *testing.B) {
	data := testkit.TrainCorpus(b)
	a := mustParse(b, data)
	an := Analyze(a)
	var out bytes.Buffer
	if err := WriteJSON(&out, a, an); err != nil {
		b.Fatal(err)
	}
	for _, w := range []struct {
		name  string
		write func(io.Writer, *Article, *Analysis) error
	}{{"stream", WriteJSON}, {"encoding-json", writeJSONReference}} {
		b.Run(w.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if err := w.write(io.Discard, a, an); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(out.Len())*float64(b.N)/1e6/b.Elapsed().Seconds(), "out-MB/s")
		})
	}
}

// TestAnalyzeShared: sharing the work among cores changes nothing in the
// JSON, byte for byte, on each of the 924 PolNeAR texts and on the train
// texts as one long article, whatever the number of workers and however
// small the chunks (a chunk of one paragraph makes every quotation left
// open at a paragraph's end cross from one chunk to the next).
func TestAnalyzeShared(t *testing.T) {
	texts := polnearTexts(t, "train", "dev")
	if len(texts) != 924 {
		t.Errorf("%d PolNeAR texts, want 924", len(texts))
	}
	plans := []attribution.Plan{{Workers: 1, ChunkBytes: 1}, {Workers: 3, ChunkBytes: 700}}
	jsonOf := func(a *Article, an *Analysis) []byte {
		var buf bytes.Buffer
		if err := WriteJSON(&buf, a, an); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	same := func(name string, a *Article, plans ...attribution.Plan) {
		want := jsonOf(a, analyze(a, attribution.Plan{}))
		for _, plan := range plans {
			if got := jsonOf(a, analyze(a, plan)); !bytes.Equal(got, want) {
				i := 0
				for i < min(len(got), len(want)) && got[i] == want[i] {
					i++
				}
				t.Errorf("%s with %+v: the JSON differs from the sequential one at byte %d: %q, want %q",
					name, plan, i, got[max(0, i-80):min(len(got), i+80)], want[max(0, i-80):min(len(want), i+80)])
			}
		}
	}
	for _, pt := range texts {
		same(pt.name, pt.art, plans...)
	}
	train := mustParse(t, testkit.TrainCorpus(t))
	size := 0
	for _, p := range train.Paragraphs {
		size += len(p.Text)
	}
	plan := attribution.PlanFor(size)
	if cores := min(runtime.GOMAXPROCS(0), runtime.NumCPU()); cores > 1 && plan.Workers == 0 {
		t.Errorf("the train texts (%d bytes) are analysed on one core of %d", size, cores)
	}
	same("train texts", train, append(plans, plan, attribution.Plan{Workers: 2, ChunkBytes: 32 << 10})...)
}
