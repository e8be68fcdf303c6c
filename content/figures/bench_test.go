package figures

import (
	"os"
	"strings"
	"testing"

	"copydesk/internal/testkit"
)

// polnearText is the PolNeAR training articles (real 2016 news, read from
// the shared data folder, never copied here) as paragraphs.
func polnearText(b *testing.B) []string {
	return testkit.Paragraphs(string(testkit.TrainCorpus(b)))
}

// seedText is the article the reader embeds, kept beside the content
// package.
func seedText(b *testing.B) string {
	data, err := os.ReadFile("../lausanne-syria-talks.txt")
	if err != nil {
		b.Fatal(err)
	}
	return string(data)
}

// findAll finds the figures of each paragraph, as the article model does.
func findAll(ps []string) {
	for _, p := range ps {
		Find(p)
	}
}

func textBytes(ps []string) int64 {
	n := 0
	for _, p := range ps {
		n += len(p) + 2
	}
	return int64(n)
}

func BenchmarkFind(b *testing.B) {
	b.Run("polnear", func(b *testing.B) {
		ps := polnearText(b)
		b.SetBytes(textBytes(ps))
		b.ReportAllocs()
		for b.Loop() {
			findAll(ps)
		}
	})
	// The seed article repeated: the cost per byte must not grow with size,
	// whether the copies are paragraphs or one single line.
	seed := seedText(b)
	for _, n := range []int{1, 10, 100} {
		b.Run("seed-x"+itoaSmall(n), func(b *testing.B) {
			ps := testkit.Paragraphs(strings.Repeat(seed+"\n\n", n))
			b.SetBytes(textBytes(ps))
			b.ReportAllocs()
			for b.Loop() {
				findAll(ps)
			}
		})
		b.Run("oneline-x"+itoaSmall(n), func(b *testing.B) {
			line := strings.Repeat(strings.ReplaceAll(seed, "\n", " ")+" ", n)
			b.SetBytes(int64(len(line)))
			b.ReportAllocs()
			for b.Loop() {
				Find(line)
			}
		})
	}
}

// Adversarial single-line inputs at two sizes: the cost per byte must stay
// flat (compare the MB/s of the two sizes).
func BenchmarkFindAdversarial(b *testing.B) {
	for _, p := range []string{"12,34,", "1-2-", "one hundred and ", "#1", "$", "http://a.b/1 ", "the ", "\x1b]"} {
		for _, size := range []int{1 << 18, 1 << 21} {
			text := strings.Repeat(p, size/len(p))
			b.Run(strings.ToValidUTF8(p, "?")+"/"+itoaSmall(size>>10)+"KB", func(b *testing.B) {
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					Find(text)
				}
			})
		}
	}
}

// BenchmarkFind50MB runs the PolNeAR texts joined into one 50 MB line.
func BenchmarkFind50MB(b *testing.B) {
	ps := polnearText(b)
	var sb strings.Builder
	for sb.Len() < 50<<20 {
		for _, p := range ps {
			sb.WriteString(strings.ReplaceAll(p, "\n", " "))
			sb.WriteByte(' ')
		}
	}
	line := sb.String()[:50<<20]
	line = strings.ToValidUTF8(line, "")
	b.SetBytes(int64(len(line)))
	b.ReportAllocs()
	for b.Loop() {
		Find(line)
	}
}
