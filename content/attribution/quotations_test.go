package attribution

import (
	"strings"
	"testing"

	"copydesk/content/text"
	"copydesk/internal/testkit"
)

// quotationTexts pairs the quotation marks of each paragraph of s, carrying
// an open quotation from one paragraph to the next, and returns the quoted
// words of each paragraph.
func quotationTexts(s string) [][]string {
	var out [][]string
	open := false
	var quots []quotation
	for _, p := range testkit.Paragraphs(s) {
		toks := text.Tokenize(p, nil)
		quots, open = findQuotations(p, toks, open, quots)
		var texts []string
		for _, q := range quots {
			texts = append(texts, p[q.s:q.e])
		}
		out = append(out, texts)
	}
	return out
}

func TestQuotationMarks(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want [][]string // quoted words, per paragraph
	}{
		{"straight marks",
			`"The bridge will reopen in May," the mayor said.`,
			[][]string{{"The bridge will reopen in May"}}},
		{"closing marks opening every paragraph of a long quotation",
			"”We said there was no need for it.\n\n”The time to talk is next week.\n\n”It is as simple as that,” Yeye said.",
			[][]string{{"We said there was no need for it."}, {"The time to talk is next week."}, {"It is as simple as that"}}},
		{"curly marks",
			`“We have waited long enough,” said Ana Ruiz.`,
			[][]string{{"We have waited long enough"}}},
		{"doubled apostrophes and backticks",
			"''The vote is final,'' the clerk said. ``Nothing changes,'' she added.",
			[][]string{{"The vote is final", "Nothing changes"}}},
		{"guillemets",
			`« Nous resterons », a dit le maire.`,
			[][]string{{"Nous resterons"}}},
		{"mixed pair: straight opening, curly closing",
			`"Taxes will not rise,” the treasurer promised.`,
			[][]string{{"Taxes will not rise"}}},
		{"mixed pair: curly opening, straight closing",
			`“Taxes will not rise," the treasurer promised.`,
			[][]string{{"Taxes will not rise"}}},
		{"single quotes nested in double",
			`"She told me, 'Do not sign it,' and I did not," Lee said.`,
			[][]string{{"She told me, 'Do not sign it,' and I did not"}}},
		{"curly single quotes nested in curly double",
			`“He called it ‘a rescue plan’ on Monday,” Lee said.`,
			[][]string{{"He called it ‘a rescue plan’ on Monday"}}},
		{"a double quotation of another style nested",
			`“The sign read "Closed for repairs" all week,” Lee said.`,
			[][]string{{`The sign read "Closed for repairs" all week`}}},
		{"single quotes on their own",
			`Mayor vows 'no new taxes' in budget speech`,
			[][]string{{"no new taxes"}}},
		{"apostrophes are not quotation marks",
			`"We don't rebuild the '90s, we build for the ’20s," said Jones’ aide about the Smiths' plan.`,
			[][]string{{"We don't rebuild the '90s, we build for the ’20s"}}},
		{"elisions are not opening marks",
			`Fans sang 'til dawn and the band played rock 'n' roll.`,
			[][]string{nil}},
		{"a quotation over three paragraphs",
			"The mayor said: \"First, we fix the roads.\n\n\"Second, we fix the schools.\n\n\"Third, we pay for it,\" she said.",
			[][]string{{"First, we fix the roads."}, {"Second, we fix the schools."}, {"Third, we pay for it"}}},
		{"a quotation continued without a new opening mark",
			"He said: \"The plan is simple\n\nand it starts tomorrow,\" he said.",
			[][]string{{"The plan is simple"}, {"and it starts tomorrow"}}},
		{"an opening mark typed as a closing one",
			`”This is our town,” said Ruiz.`,
			[][]string{{"This is our town"}}},
		{"attribute values in markup are not quotations",
			`<tweet id="12345" author="@cityhall">Roads reopen today.</tweet>`,
			[][]string{nil}},
		{"British style: each quoted sentence opens with a mark, only the last closes",
			`"We are delighted with the result. "However, we will wait for the count," Ms Hale said.`,
			[][]string{{"We are delighted with the result.", "However, we will wait for the count"}}},
		{"British style: three sentences after a colon",
			`Mr Pike said: "The line is safe. "Trains will run on Monday. "Nobody was hurt."`,
			[][]string{{"The line is safe.", "Trains will run on Monday.", "Nobody was hurt."}}},
		{"a closing mark after a full stop still closes",
			`"The line is safe." Trains will run "as planned," he said. "Are you sure?" "Yes."`,
			[][]string{{"The line is safe.", "as planned", "Are you sure?", "Yes."}}},
		{"doubled apostrophes are not reopened",
			"''The line is safe.'' ''Trains will run,'' he said.",
			[][]string{{"The line is safe.", "Trains will run"}}},
		{"curly marks: a new opening mark still ends an unclosed quotation",
			`“The line is safe. “Trains will run,” he said.`,
			[][]string{{"The line is safe.", "Trains will run"}}},
		{"an unclosed quotation ends at the paragraph",
			"\"We will appeal\n\nThe court did not comment.",
			[][]string{{"We will appeal"}, nil}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := quotationTexts(tc.in)
			if len(got) != len(tc.want) {
				t.Fatalf("%d paragraphs, want %d: %q", len(got), len(tc.want), got)
			}
			for i := range got {
				if strings.Join(got[i], "|") != strings.Join(tc.want[i], "|") {
					t.Errorf("paragraph %d: quotations %q, want %q", i+1, got[i], tc.want[i])
				}
			}
		})
	}
}
