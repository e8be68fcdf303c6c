package attribution

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// Speaker cases check the panel's view: one speaker per person or body,
// with its name, its description and the surface forms merged into it.

type wantSpeaker struct {
	name    string
	desc    string
	aliases []string // each must be among the speaker's aliases
	quotes  int
}

var speakerCases = []struct {
	name string
	in   string
	want []wantSpeaker // most quoted first
}{
	{"a title before a name becomes the description",
		`"The levee held," said County Emergency Manager Rosa Delgado. Delgado said crews would stay overnight.`,
		[]wantSpeaker{{"Rosa Delgado", "County Emergency Manager", []string{"County Emergency Manager Rosa Delgado", "Delgado"}, 2}}},
	{"aliases merge: full name, last name, honorific",
		"Governor Paul Hendricks said the budget was late. \"We will fix it,\" Hendricks said.\n\n\"Soon,\" Mr. Hendricks added.",
		[]wantSpeaker{{"Paul Hendricks", "Governor", []string{"Governor Paul Hendricks", "Hendricks", "Mr. Hendricks"}, 3}}},
	{"a last name first, then the full name",
		"\"No comment,\" Hendricks said. Later, Governor Paul Hendricks said the budget was late.",
		[]wantSpeaker{{"Paul Hendricks", "Governor", []string{"Hendricks", "Governor Paul Hendricks"}, 2}}},
	{"an appositive description is kept",
		`"We are ready," said Omar Haddad, the harbor master.`,
		[]wantSpeaker{{"Omar Haddad", "the harbor master", []string{"Omar Haddad"}, 1}}},
	{"a description speaker and its later mention",
		"A Western engineer in Brno said the dam was sound.\n\n\"It will hold,\" the engineer told reporters.",
		[]wantSpeaker{{"Western engineer", "A Western engineer in Brno", []string{"A Western engineer in Brno", "the engineer"}, 2}}},
	{"organisations",
		"The White House said the aid would arrive Monday. The United Nations said it would not.",
		[]wantSpeaker{
			{"White House", "", []string{"The White House"}, 1},
			{"United Nations", "", []string{"The United Nations"}, 1}}},
	{"pronouns resolve to the right person",
		"Senator Maria Chen met Senator Luis Ortega. \"It went well,\" she said. \"It did not,\" he said.",
		[]wantSpeaker{
			{"Maria Chen", "Senator", []string{"she"}, 1},
			{"Luis Ortega", "Senator", []string{"he"}, 1}}},
	{"an unresolvable pronoun gives no speaker",
		`"We will see," she said.`,
		nil},
	{"a party and state in parentheses are not the name",
		"Democratic Sen. Dana Whitfield (D-Ore.) scolded him: “The panel is against you,” she said. “I do not see why.”",
		[]wantSpeaker{{"Dana Whitfield", "Democratic Sen.", []string{"Democratic Sen. Dana Whitfield (D-Ore.)", "she"}, 2}}},
	{"a person introduced by another verb is the next he",
		`Mr Caborn said the rules would change. Tony Blair defended the plan. He told MPs it would work.`,
		[]wantSpeaker{
			{"Caborn", "", []string{"Mr Caborn"}, 1},
			{"Tony Blair", "", []string{"Tony Blair", "He"}, 1}}},
	{"a name before the pronoun in its own sentence",
		`Ms Hale met Mr Cole, and he said the talks had failed.`,
		[]wantSpeaker{{"Cole", "", []string{"Mr Cole", "he"}, 1}}},
	{"he is never a law named like a person",
		`Mr Fox said the rules would change. Under the plan, the new Licensing Act would help, he said.`,
		[]wantSpeaker{{"Fox", "", []string{"Mr Fox", "he"}, 2}}},
	{"a bill gives he no antecedent",
		`The Finance Bill was published on Monday. "It is a mess," he said.`,
		nil},
	{"he skips a woman",
		`Ms Hale said the vote was lost. "It was close," he said.`,
		[]wantSpeaker{{"Hale", "", []string{"Ms Hale"}, 1}}},
	{"an ampersand names a firm, which is it",
		`Ernst & Young said the market was flat. It said prices would fall.`,
		[]wantSpeaker{{"Ernst & Young", "", []string{"Ernst & Young", "It"}, 2}}},
	{"a surname that an organisation uses too, after an honorific or a given name",
		`Chris Fox said the pits would close. Mr Fox said it was over.`,
		[]wantSpeaker{{"Chris Fox", "", []string{"Chris Fox", "Mr Fox"}, 2}}},
	{"a surname that is a title word merges with its honorific form",
		`Mr White said the rules would change. White added that he was pleased.`,
		[]wantSpeaker{{"White", "", []string{"Mr White", "White"}, 2}}},
	{"a long title before a name, then the honorific",
		`Association of Chief Police Officers president Dai Fox said the law was weak. Mr Fox said it would fail.`,
		[]wantSpeaker{{"Dai Fox", "Association of Chief Police Officers president", []string{"Association of Chief Police Officers president Dai Fox", "Mr Fox"}, 2}}},
	{"a description that a named person carries as a title",
		`Scottish Conservative leader David McLetchie said the vote was lost. Labour leader Jack Bond said it was won. The Scottish Conservative leader added that he would appeal.`,
		[]wantSpeaker{
			{"David McLetchie", "Scottish Conservative leader", []string{"Scottish Conservative leader David McLetchie", "The Scottish Conservative leader"}, 2},
			{"Jack Bond", "Labour leader", []string{"Labour leader Jack Bond"}, 1}}},
	{"a party and an acronym before a name are its title",
		`Labour MP Stephen Pound said the plan was flawed. Mr Pound added that it would fail.`,
		[]wantSpeaker{{"Stephen Pound", "Labour MP", []string{"Labour MP Stephen Pound", "Mr Pound"}, 2}}},
	{"a surname that is a month stays in the name",
		`Labour MSP Christine May said the plan was good. Ms May added that it was cheap.`,
		[]wantSpeaker{{"Christine May", "Labour MSP", []string{"Labour MSP Christine May", "Ms May"}, 2}}},
	{"a title keeps no honorific and no stray word before it",
		`After the announcement WLGA finance spokesman Dr Ian Ross said the plan was bad.`,
		[]wantSpeaker{{"Ian Ross", "WLGA finance spokesman", []string{"WLGA finance spokesman Dr Ian Ross"}, 1}}},
	{"a company named after its descriptor is the firm and it",
		`Sportswear firm Kestrel has posted a rise in profit. Kestrel said on Thursday it had signed a deal. The firm said the market was good. It said sales were up.`,
		[]wantSpeaker{{"Kestrel", "Sportswear firm", []string{"Sportswear firm Kestrel", "Kestrel", "The firm", "It"}, 3}}},
	{"the speaker outranks the people named in the words reported",
		`Mr Lane said Dai Morgan had lied about the plan. He said it would fail.`,
		[]wantSpeaker{{"Lane", "", []string{"Mr Lane", "He"}, 2}}},
	{"a corporate suffix names a firm, which is never he",
		`Mr Hale said the deal was done. Kestrel Marine Ltd said profits rose. "It was a good year," he said.`,
		[]wantSpeaker{
			{"Hale", "", []string{"Mr Hale", "he"}, 2},
			{"Kestrel Marine Ltd", "", []string{"Kestrel Marine Ltd"}, 1}}},
	{"a possessive description of a thing is no speaker",
		"The patient is healthy, according to his blood test results.",
		nil},
	{"an abbreviated title finds its description",
		"Ohio Gov. Mark Ellison said the bridge would reopen.\n\n\"I have nothing to add,\" the governor said.",
		[]wantSpeaker{{"Mark Ellison", "Ohio Gov.", []string{"Ohio Gov. Mark Ellison", "the governor"}, 2}}},
	{"of and a place after a name",
		"Sen. Lena Ward of Kentucky said the bill was dead. \"It is over,\" Ward said.",
		[]wantSpeaker{{"Lena Ward", "Sen.", []string{"Ward"}, 2}}},
	{"and inside an agency's name",
		"The Food and Drug Administration said the drops were unsafe.",
		[]wantSpeaker{{"Food and Drug Administration", "", []string{"The Food and Drug Administration"}, 1}}},
	{"two named people speak together, and they is the two",
		"Sen. Ann Lee and Sen. Tom Hale wrote that the rules were broken.\n\nThe rules \"have been clear for years,\" they wrote.",
		[]wantSpeaker{{"Ann Lee and Tom Hale", "", []string{"Sen. Ann Lee and Sen. Tom Hale", "they"}, 3}}},
	{"two capitalised words joined by and name one firm",
		"Ernst and Young said the market was flat.",
		[]wantSpeaker{{"Ernst and Young", "", []string{"Ernst and Young"}, 1}}},
	{"a place is not he",
		"Rep. Carl Munro spoke about the United Kingdom. \"We should do the same,\" he said.",
		[]wantSpeaker{{"Carl Munro", "Rep.", []string{"he"}, 1}}},
}

func TestSpeakers(t *testing.T) {
	for _, tc := range speakerCases {
		t.Run(tc.name, func(t *testing.T) {
			an := analyzeString(t, tc.in)
			if len(an.Speakers) != len(tc.want) {
				var names []string
				for _, s := range an.Speakers {
					names = append(names, s.Name)
				}
				t.Fatalf("%d speakers %q, want %d", len(an.Speakers), names, len(tc.want))
			}
			for i, w := range tc.want {
				s := an.Speakers[i]
				if s.Name != w.name || s.Description != w.desc || len(s.Quotes) != w.quotes {
					t.Errorf("speaker %d: %q (%q) with %d quotes, want %q (%q) with %d", i, s.Name, s.Description, len(s.Quotes), w.name, w.desc, w.quotes)
				}
				for _, al := range w.aliases {
					if !slices.Contains(s.Aliases, al) {
						t.Errorf("speaker %q: alias %q missing from %q", s.Name, al, s.Aliases)
					}
				}
			}
		})
	}
}

// slug lowers rune by rune; it must agree with lowering the whole name first.
func TestSlugLowersAsToLower(t *testing.T) {
	for _, s := range []string{"John Kerry", "İSTANBUL Mayor", "O’Neill", "Ǆemal", "\u212aelvin", "A.B. Smith-Jones", "a\xffb", ""} {
		var b strings.Builder
		dash := false
		for _, c := range strings.ToLower(s) {
			if unicode.IsLetter(c) || unicode.IsDigit(c) {
				if dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				b.WriteRune(c)
				dash = false
			} else if c != '\'' && c != '’' && c != '.' {
				dash = true
			}
		}
		if got := slug(s); got != b.String() {
			t.Errorf("slug(%q) = %q, want %q", s, got, b.String())
		}
	}
}
