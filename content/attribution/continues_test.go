package attribution

import (
	"slices"
	"testing"
)

// An interrupted quotation is one statement: its later parts continue the
// first, and only the first is in the speaker's Statements.
func TestContinues(t *testing.T) {
	cases := []struct {
		name string
		in   string
		want []int // each quote's Continues
	}{
		{"said between the parts", `"The pier is a lost cause," said Tom Becker, the treasurer. "We should sell it."`, []int{-1, 0}},
		{"the name before said", `"The pier is a lost cause," Becker said. "We should sell it. Soon."`, []int{-1, 0}},
		{"a part after a cue of its own", `"The pier," Becker said, "is a lost cause," he went on. "Sell it."`, []int{-1, 0, -1}},
		{"a cue of its own", `"The pier is a lost cause," Becker said. "We should sell it," he added.`, []int{-1, -1}},
		{"another speaker", `"The pier is a lost cause," said Becker. "We will keep it," said Mayor Elena Vasquez.`, []int{-1, -1}},
		{"the next paragraph", "\"The pier is a lost cause,\" said Becker.\n\n\"We should sell it.\"", []int{-1, -1}},
		{"a cue in the paragraph before", "Becker made the following comment:\n\n\"No.\" Then he paused for a long while, looking at the sea. \"We should sell it.\"", []int{-1, -1}},
		{"both after the cue", `Becker said the pier was "a lost cause" and "a money pit".`, []int{-1, -1, -1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := analyzeString(t, tc.in)
			var got []int
			for _, q := range r.Quotes {
				got = append(got, q.Continues)
			}
			if !slices.Equal(got, tc.want) {
				for _, q := range r.Quotes {
					t.Logf("%d %s %q cue %v", q.ID, q.Kind, q.Text, q.Cue)
				}
				t.Fatalf("continues %v, want %v", got, tc.want)
			}
			for _, sp := range r.Speakers {
				for _, id := range sp.Statements {
					if r.Quotes[id].Continues >= 0 {
						t.Errorf("%s's statements list %d, a later part of %d", sp.Name, id, r.Quotes[id].Continues)
					}
				}
			}
		})
	}
}
