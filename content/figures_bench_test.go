package content

import (
	"strings"
	"testing"
)

// polnearText is the PolNeAR training articles (real 2016 news, read from
// the shared data folder, never copied here) as paragraphs.
func polnearText(b *testing.B) []Paragraph {
	data := trainCorpus(b)
	if data == nil {
		b.Skip("PolNeAR texts not found: ../../shared/data/polnear/train/text")
	}
	return mustParse(b, data).Paragraphs
}

func paraBytes(ps []Paragraph) int64 {
	n := 0
	for _, p := range ps {
		n += len(p.Text) + 2
	}
	return int64(n)
}

func BenchmarkFindFigures(b *testing.B) {
	b.Run("polnear", func(b *testing.B) {
		ps := polnearText(b)
		b.SetBytes(paraBytes(ps))
		b.ReportAllocs()
		for b.Loop() {
			FindFigures(ps)
		}
	})
	// The seed article repeated: the cost per byte must not grow with size,
	// whether the copies are paragraphs or one single line.
	seed := string(embedded)
	for _, n := range []int{1, 10, 100} {
		b.Run("seed-x"+itoaSmall(n), func(b *testing.B) {
			a, err := Parse("seed", []byte(strings.Repeat(seed+"\n\n", n)))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(paraBytes(a.Paragraphs))
			b.ReportAllocs()
			for b.Loop() {
				FindFigures(a.Paragraphs)
			}
		})
		b.Run("oneline-x"+itoaSmall(n), func(b *testing.B) {
			line := strings.Repeat(strings.ReplaceAll(seed, "\n", " ")+" ", n)
			ps := []Paragraph{{N: 1, Text: line}}
			b.SetBytes(int64(len(line)))
			b.ReportAllocs()
			for b.Loop() {
				FindFigures(ps)
			}
		})
	}
}

// Adversarial single-line inputs at two sizes: the cost per byte must stay
// flat (compare the MB/s of the two sizes).
func BenchmarkFindFiguresAdversarial(b *testing.B) {
	for _, p := range []string{"12,34,", "1-2-", "one hundred and ", "#1", "$", "http://a.b/1 ", "the ", "\x1b]"} {
		for _, size := range []int{1 << 18, 1 << 21} {
			text := strings.Repeat(p, size/len(p))
			b.Run(strings.ToValidUTF8(p, "?")+"/"+itoaSmall(size>>10)+"KB", func(b *testing.B) {
				ps := []Paragraph{{N: 1, Text: text}}
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					FindFigures(ps)
				}
			})
		}
	}
}

// BenchmarkFindFigures50MB runs the PolNeAR texts joined into one 50 MB line.
func BenchmarkFindFigures50MB(b *testing.B) {
	ps := polnearText(b)
	var sb strings.Builder
	for sb.Len() < 50<<20 {
		for _, p := range ps {
			sb.WriteString(strings.ReplaceAll(p.Text, "\n", " "))
			sb.WriteByte(' ')
		}
	}
	line := sb.String()[:50<<20]
	line = strings.ToValidUTF8(line, "")
	one := []Paragraph{{N: 1, Text: line}}
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		FindFigures(one)
	}
}
