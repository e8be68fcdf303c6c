package ui

import (
	"bytes"
	"context"
	"testing"

	"copydesk/content"
)

// A long article is shown before its analysis is done, with a spinner;
// the panel fills in when the analysis arrives, while keys work.
func TestAnalysisArrivesLater(t *testing.T) {
	var b bytes.Buffer
	para := "Kerry said the talks would resume on October 17 in Lausanne, and \"we agreed to keep talking,\" Lavrov said. "
	for b.Len() < 2*syncAnalysisLimit {
		b.WriteString(para)
		b.WriteString("\n\n")
	}
	art, err := content.Parse("long.txt", b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	m := New(art, Options{Renderer: asciiRenderer()})
	if m.an != nil {
		t.Fatal("a long article was analysed before the first frame")
	}
	if v := resize(m, 120, 40).View(); !bytes.Contains([]byte(v), []byte("Kerry said the talks")) || !bytes.Contains([]byte(v), []byte("analysing")) {
		t.Fatalf("the first frame lacks the text or the progress indicator:\n%s", v)
	}
	st, term := newScreenTerm(t, 120, 40)
	done := runAsync(context.Background(), m, term)
	st.waitFor("Kerry said the talks")
	st.press("j")
	st.waitFor("¶ 2/")
	st.waitFor("Speakers (")
	st.press("q")
	if err := wait(t, done); err != nil {
		t.Fatal(err)
	}
}
