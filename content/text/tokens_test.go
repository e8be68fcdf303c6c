package text

import (
	"strings"
	"testing"
)

func TestTokenizerApostrophes(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"don't", []string{"don't"}},
		{"the ’90s", []string{"the", "’", "90s"}},
		{"Jones’ aide", []string{"Jones’", "aide"}},
		{"the voters' choice", []string{"the", "voters'", "choice"}},
		{"Kerry's plan", []string{"Kerry's", "plan"}},
		{"U.S. Secretary", []string{"U.S.", "Secretary"}},
		{"Mr. Lee", []string{"Mr.", "Lee"}},
		{"275,000 people", []string{"275,000", "people"}},
		{"cease-fire", []string{"cease-fire"}},
		{"''quoted''", []string{"''", "quoted", "''"}},
	}
	for _, tc := range tests {
		var got []string
		for _, tk := range Tokenize(tc.in, nil) {
			got = append(got, tk.Text)
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("tokenize(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{`Mr. Lee spoke first. The U.S. delegation left early.`, []string{"Mr. Lee spoke first.", "The U.S. delegation left early."}},
		{`"We are done." He left.`, []string{`"We are done."`, "He left."}},
		{`It rose 3.5 percent. Dr. Kim said so.`, []string{"It rose 3.5 percent.", "Dr. Kim said so."}},
		{`Talks ended at 4 p.m. on Friday.`, []string{"Talks ended at 4 p.m. on Friday."}},
		{`State Del. Marcia Price spoke. Det. Sgt. Hale left.`, []string{"State Del. Marcia Price spoke.", "Det. Sgt. Hale left."}},
		{`The plant is in Dover, Del. The governor came.`, []string{"The plant is in Dover, Del.", "The governor came."}},
	}
	for _, tc := range tests {
		toks := Tokenize(tc.in, nil)
		var got []string
		for _, s := range Sentences(toks, nil) {
			got = append(got, tc.in[toks[s[0]].Start:toks[s[1]-1].End])
		}
		if strings.Join(got, "|") != strings.Join(tc.want, "|") {
			t.Errorf("sentences(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// AppendLower must make the very bytes strings.ToLower does: map keys made
// one way are looked up the other.
func TestAppendLower(t *testing.T) {
	for _, s := range []string{"", "kerry", "Kerry", "JOHN KERRY", "O’Neill", "Müller", "İSTANBUL", "ǅemal", "\u212aelvin", "a\xffB"} {
		prefix := []byte("desc:")
		got := string(AppendLower(prefix, s))
		if want := "desc:" + strings.ToLower(s); got != want {
			t.Errorf("appendLower(%q) = %q, want %q", s, got, want)
		}
	}
}

// The ASCII fast path of Tokenize must end and look up a word exactly as
// scanWord and lowerWord do wherever it claims the word.
func TestASCIIWordAsScanWord(t *testing.T) {
	pieces := []string{"a", "Z", "said", "U", "S", "Kerry", "MR", "7", "275", " ", ",", ".", "-", "/", "&", "'", "’", "é", "—", ":", "(", "\n", "s", "e.g", "No", "the", "THE"}
	seed := uint32(1)
	next := func() int {
		seed = seed*1664525 + 1013904223
		return int(seed >> 8)
	}
	for n := 0; n < 20000; n++ {
		var sb strings.Builder
		for k := next() % 8; k >= 0; k-- {
			sb.WriteString(pieces[next()%len(pieces)])
		}
		s := sb.String()
		for i := 0; i < len(s); i++ {
			if !isASCIIAlnum(s[i]) {
				continue
			}
			end, h, upper, ok := asciiWord(s, i)
			if !ok || end-i > maxLexWord {
				continue
			}
			for _, possS := range []bool{false, true} {
				if want := scanWord(s, i, possS); end != want {
					t.Fatalf("%q at %d: asciiWord ends at %d, scanWord at %d", s, i, end, want)
				}
			}
			gl, gs := lowerASCIIWord(s[i:end], h, upper)
			wl, ws := lowerWord(s[i:end])
			if gl != wl || gs != ws {
				t.Fatalf("%q: lowerASCIIWord = %q %x, lowerWord = %q %x", s[i:end], gl, gs, wl, ws)
			}
		}
	}
}
