package attribution

import (
	"fmt"
	"strings"
	"testing"
)

// The table tests below are sentences written for these tests (a made-up
// town council, its mayor and its critics), one or more per pattern the
// analyser must handle. Each case lists every quote the analyser should
// report, in text order: kind, words, speaker name ("" for none), source
// mention and cue.

type wantQuote struct {
	kind    QuoteKind
	text    string
	speaker string // Speaker.Name, "" when the speaker cannot be told
	source  string // Source.Text, "" when nil
	cue     string // Cue.Text, "" when nil
}

func (w wantQuote) String() string {
	return fmt.Sprintf("%s %q speaker=%q source=%q cue=%q", w.kind, w.text, w.speaker, w.source, w.cue)
}

func gotQuotes(an Result) []wantQuote {
	names := map[string]string{}
	for _, s := range an.Speakers {
		names[s.ID] = s.Name
	}
	var out []wantQuote
	for _, q := range an.Quotes {
		w := wantQuote{kind: q.Kind, text: q.Text, speaker: names[q.Speaker]}
		if q.Source != nil {
			w.source = q.Source.Text
		}
		if q.Cue != nil {
			w.cue = q.Cue.Text
		}
		out = append(out, w)
	}
	return out
}

const (
	D = Direct
	I = Indirect
)

var attributionCases = []struct {
	name string
	in   string
	want []wantQuote
}{
	// Where the source stands.
	{"X said after the quotation",
		`"The bridge will reopen in May," Vasquez said.`,
		[]wantQuote{{D, "The bridge will reopen in May", "Vasquez", "Vasquez", "said"}}},
	{"said X after the quotation",
		`"The bridge will reopen in May," said Mayor Elena Vasquez.`,
		[]wantQuote{{D, "The bridge will reopen in May", "Elena Vasquez", "Mayor Elena Vasquez", "said"}}},
	{"X, the title, said",
		`"We cannot pay for both projects," Tom Becker, the county treasurer, said on Friday.`,
		[]wantQuote{{D, "We cannot pay for both projects", "Tom Becker", "Tom Becker, the county treasurer", "said"}}},
	{"said X, a spokesman for Y",
		`"The company will appeal," said Mark Olsen, a spokesman for Harbor Freight Lines.`,
		[]wantQuote{{D, "The company will appeal", "Mark Olsen", "Mark Olsen", "said"}}},
	{"X said: before the quotation",
		`Vasquez said: "We will rebuild the pier."`,
		[]wantQuote{{D, "We will rebuild the pier.", "Vasquez", "Vasquez", "said"}}},
	{"X told reporters",
		`Becker told reporters that the budget was balanced for the first time in a decade.`,
		[]wantQuote{{I, "the budget was balanced for the first time in a decade", "Becker", "Becker", "told"}}},
	{"X told a news agency, without that",
		`Becker told Reuters the deficit would close by March.`,
		[]wantQuote{{I, "the deficit would close by March", "Becker", "Becker", "told"}}},
	{"according to X, before the clause",
		`According to the county treasurer, the deficit grew by a third last year.`,
		[]wantQuote{{I, "the deficit grew by a third last year", "County treasurer", "the county treasurer", "According to"}}},
	{"according to X, after the clause",
		`The deficit grew by a third last year, according to Tom Becker.`,
		[]wantQuote{{I, "The deficit grew by a third last year", "Tom Becker", "Tom Becker", "according to"}}},
	{"X added",
		`"We have done our part," she added.`,
		[]wantQuote{{D, "We have done our part", "", "she", "added"}}},
	{"X said in a statement that",
		`Vasquez said in a statement that the pier would open in June.`,
		[]wantQuote{{I, "the pier would open in June", "Vasquez", "Vasquez", "said"}}},
	{"X wrote on Twitter",
		`"The council just voted to raise your taxes," Becker wrote on Twitter.`,
		[]wantQuote{{D, "The council just voted to raise your taxes", "Becker", "Becker", "wrote"}}},
	{"a quotation split by its attribution",
		`"We will not raise taxes," Vasquez said, "and we will not cut the library."`,
		[]wantQuote{
			{D, "We will not raise taxes", "Vasquez", "Vasquez", "said"},
			{D, "and we will not cut the library.", "Vasquez", "Vasquez", "said"}}},
	{"said X, a description with a participle",
		`"The budget is fine," said one official involved in the talks.`,
		[]wantQuote{{D, "The budget is fine", "Official", "one official involved in the talks", "said"}}},
	{"an opening mark typed for a closing one",
		`“It is late,“ she said.`,
		[]wantQuote{{D, "It is late", "", "she", "said"}}},
	// One span around the frame: "The pier" alone would say nothing.
	{"a frame inside the reported clause",
		`The pier, Vasquez said, will reopen in May.`,
		[]wantQuote{{I, "The pier, Vasquez said, will reopen in May", "Vasquez", "Vasquez", "said"}}},
	{"a frame between two clauses",
		`The pier is closed, Vasquez said, and it will reopen in May.`,
		[]wantQuote{
			{I, "The pier is closed", "Vasquez", "Vasquez", "said"},
			{I, "and it will reopen in May", "Vasquez", "Vasquez", "said"}}},
	{"descriptions after a source, one after another",
		`"It is a bad law," said Nina Bell, a director at NetRights, a lobby group.`,
		[]wantQuote{{D, "It is a bad law", "Nina Bell", "Nina Bell", "said"}}},
	{"a verb of judgment after a quotation",
		`"Press freedom is falling," Freedom House finds.`,
		[]wantQuote{{D, "Press freedom is falling", "Freedom House", "Freedom House", "finds"}}},
	{"a speech act after a quotation",
		`"Please follow the law," the commission implored.`,
		[]wantQuote{{D, "Please follow the law", "Commission", "the commission", "implored"}}},
	{"a headline in title case",
		"Mayor Vasquez Says Pier Will Reopen In May\n\nThe mayor spoke on Friday.",
		[]wantQuote{{I, "Pier Will Reopen In May", "Vasquez", "Mayor Vasquez", "Says"}}},
	{"a relative that as the source",
		`Volunteers handed out flyers that said "Save the pier."`,
		[]wantQuote{{D, "Save the pier.", "Flyers", "flyers that", "said"}}},
	{"a quotation after a sentence of reported speech",
		`Vasquez said the vote would wait. "We need another week."`,
		[]wantQuote{
			{I, "the vote would wait", "Vasquez", "Vasquez", "said"},
			{D, "We need another week.", "Vasquez", "Vasquez", "said"}}},
	{"a dash and a name after a quotation",
		`“This town deserves better.” ― Maria Lopez`,
		[]wantQuote{{D, "This town deserves better.", "Maria Lopez", "Maria Lopez", "―"}}},
	{"a name and a colon before a quotation",
		`Council member Ana Ruiz: “We were never consulted.”`,
		[]wantQuote{{D, "We were never consulted.", "Ana Ruiz", "Council member Ana Ruiz", ":"}}},

	{"British style: a run of quoted sentences has one speaker",
		`"We are delighted with the result. "However, we will wait for the count," Ms Hale said.`,
		[]wantQuote{
			{D, "We are delighted with the result.", "Hale", "Ms Hale", "said"},
			{D, "However, we will wait for the count", "Hale", "Ms Hale", "said"}}},
	{"British style: a run of quoted sentences after a colon",
		`Mr Pike said: "The line is safe. "Trains will run on Monday."`,
		[]wantQuote{
			{D, "The line is safe.", "Pike", "Mr Pike", "said"},
			{D, "Trains will run on Monday.", "Pike", "Mr Pike", "said"}}},

	{"X said: before a quotation wins over a frame of the next sentence",
		`Mr Ford said: "The plan fails in the valleys." Dai Morgan said the plan was a waste.`,
		[]wantQuote{
			{D, "The plan fails in the valleys.", "Ford", "Mr Ford", "said"},
			{I, "the plan was a waste", "Dai Morgan", "Dai Morgan", "said"}}},
	{"a frame after a full stop begins the next sentence",
		`The vote was close. "The plan fails in the valleys." Dai Morgan called the plan a waste.`,
		[]wantQuote{
			{D, "The plan fails in the valleys.", "", "", ""},
			{I, "the plan a waste", "Dai Morgan", "Dai Morgan", "called"}}},
	{"a frame that is all the sentence has left after a full stop",
		`"The plan fails at the local level." Morgan said.`,
		[]wantQuote{{D, "The plan fails at the local level.", "Morgan", "Morgan", "said"}}},
	{"a comma inside the mark ties the frame after it, whatever came before",
		`Ms Lyle was blunt: "The plan fails," she said.`,
		[]wantQuote{{D, "The plan fails", "Lyle", "she", "said"}}},

	// Verbs as often plain transitive as reporting.
	{"a result posted is no speech",
		`Harbor Freight posted a 12% rise in profits.`,
		nil},
	{"a deal concluded is no speech",
		`Mr Lee flew to Tokyo to conclude a deal with the shipyard.`,
		nil},
	{"jobs added are no speech, and the clause is the department's",
		`Local firms added 1,400 jobs in March, the labour department said.`,
		[]wantQuote{{I, "Local firms added 1,400 jobs in March", "Labour department", "the labour department", "said"}}},
	{"a profit reported is no speech",
		`Reporting its first profit in years, the ferry company said bookings were up.`,
		[]wantQuote{{I, "bookings were up", "Ferry company", "the ferry company", "said"}}},
	{"an estimate of a cost is no speech, an estimate that is a clause is",
		"Analysts estimated the cost at two million pounds.\n\nMs Hale estimated the cost would double.",
		[]wantQuote{{I, "the cost would double", "Hale", "Ms Hale", "estimated"}}},
	{"added with a clause is still speech",
		`Ms Hale added that the pier would need another year.`,
		[]wantQuote{{I, "the pier would need another year", "Hale", "Ms Hale", "added"}}},
	{"concluded before a quotation is still speech",
		`Mr Lee concluded: "It is done."`,
		[]wantQuote{{D, "It is done.", "Lee", "Mr Lee", "concluded"}}},

	{"money is no speaker",
		`The £7.4m grant announced by Chancellor Ada Hale was welcomed.`,
		nil},

	// Bogus speakers.
	{"with X saying: X speaks, not the subject of the sentence",
		`Anger over the closure was the main reason, with many saying it was "unjust".`,
		[]wantQuote{
			{I, `it was "unjust"`, "Many", "many", "saying"},
			{D, "unjust", "Many", "many", "saying"}}},
	{"wrote to someone saying: the writer speaks",
		`Ms Hale wrote to his office saying she believed he was wrong.`,
		[]wantQuote{{I, "she believed he was wrong", "Hale", "Ms Hale", "saying"}}},
	{"a quotation in a document's clause belongs to the one who used the words",
		`Leaked documents show that Mr Lloyd called the plan a "leap in the dark".`,
		[]wantQuote{
			{I, `Mr Lloyd called the plan a "leap in the dark"`, "Leaked documents", "Leaked documents", "show"},
			{I, `the plan a "leap in the dark"`, "Lloyd", "Mr Lloyd", "called"},
			{D, "leap in the dark", "Lloyd", "Mr Lloyd", "called"}}},

	// Scene-setting before the source.
	{"a participle phrase before X said: is not the content",
		`Explaining his reason for quitting, Mr Lane said: "I was tired of the travel."`,
		[]wantQuote{{D, "I was tired of the travel.", "Lane", "Mr Lane", "said"}}},
	{"a participle phrase before a frame that ends the sentence is not the content",
		`Describing the first meeting, Mr Lane said.`,
		nil},
	{"a colon frame never takes the clause before it",
		`The result was a shock for everyone, Mr Lane said: "Nobody saw it coming."`,
		[]wantQuote{{D, "Nobody saw it coming.", "Lane", "Mr Lane", "said"}}},
	{"a question asked of the speaker is not the speaker's",
		`Asked about the strike, Mr Lane said it would end soon.`,
		[]wantQuote{
			{I, "about the strike", "", "", "Asked"},
			{I, "it would end soon", "Lane", "Mr Lane", "said"}}},
	{"a gerund subject with a verb is still reported speech",
		`Cutting the ferry service will hurt the island, Ms Hale said.`,
		[]wantQuote{{I, "Cutting the ferry service will hurt the island", "Hale", "Ms Hale", "said"}}},
	{"a participle with that reports a clause of the next frame's speaker",
		`Conceding that the pier was late, Ms Hale warned: "It will not open in May."`,
		[]wantQuote{
			{I, "the pier was late", "Hale", "Ms Hale", "Conceding"},
			{D, "It will not open in May.", "Hale", "Ms Hale", "warned"}}},

	// Tenses and forms of the verb.
	{"says, present",
		`Vasquez says the pier is safe.`,
		[]wantQuote{{I, "the pier is safe", "Vasquez", "Vasquez", "says"}}},
	{"has said, perfect",
		`Vasquez has said the pier is safe.`,
		[]wantQuote{{I, "the pier is safe", "Vasquez", "Vasquez", "said"}}},
	{"is saying, progressive",
		`Vasquez is saying the pier is safe.`,
		[]wantQuote{{I, "the pier is safe", "Vasquez", "Vasquez", "saying"}}},
	{"will tell, future",
		`Becker will tell the council that the fund is empty.`,
		[]wantQuote{{I, "the fund is empty", "Becker", "Becker", "tell"}}},
	{"had argued, past perfect with an adverb",
		`Becker had repeatedly argued that the fund was empty.`,
		[]wantQuote{{I, "the fund was empty", "Becker", "Becker", "argued"}}},
	{"reported speech with that",
		`Ruiz said that the council had ignored the harbor.`,
		[]wantQuote{{I, "the council had ignored the harbor", "Ruiz", "Ruiz", "said"}}},
	{"reported speech without that",
		`Ruiz said the council had ignored the harbor.`,
		[]wantQuote{{I, "the council had ignored the harbor", "Ruiz", "Ruiz", "said"}}},
	{"reported speech before the frame",
		`The council had ignored the harbor for years, Ruiz said.`,
		[]wantQuote{{I, "The council had ignored the harbor for years", "Ruiz", "Ruiz", "said"}}},
	{"a partial quotation inside reported speech",
		`Ruiz said the plan was "a gift to developers" and should be dropped.`,
		[]wantQuote{
			{I, `the plan was "a gift to developers" and should be dropped`, "Ruiz", "Ruiz", "said"},
			{D, "a gift to developers", "Ruiz", "Ruiz", "said"}}},
	{"a participle continuing the subject",
		`Becker defended the budget, saying it protected the schools.`,
		[]wantQuote{{I, "it protected the schools", "Becker", "Becker", "saying"}}},
	{"a relative clause that speaks",
		`The plan was backed by Ruiz, who said it would save the harbor.`,
		[]wantQuote{{I, "it would save the harbor", "Ruiz", "Ruiz, who", "said"}}},
	{"as X put it",
		`As Becker put it, "The money is simply not there."`,
		[]wantQuote{{D, "The money is simply not there.", "Becker", "Becker", "put it"}}},
	{"a speech act with a quotation",
		`Ruiz called the budget "a disgrace."`,
		[]wantQuote{
			{I, `the budget "a disgrace."`, "Ruiz", "Ruiz", "called"},
			{D, "a disgrace.", "Ruiz", "Ruiz", "called"}}},
	{"a claim named by a noun",
		`Becker's claim that the fund is "fully solvent" drew laughter.`,
		[]wantQuote{
			{I, `the fund is "fully solvent" drew laughter`, "Becker", "Becker's", "claim"},
			{D, "fully solvent", "Becker", "Becker's", "claim"}}},

	// Quotations over several paragraphs and lists.
	{"a quote paragraph with no cue continues the speaker",
		"\"We will rebuild the pier,\" Vasquez said.\n\n\"It will take two years and every cent we have.\"",
		[]wantQuote{
			{D, "We will rebuild the pier", "Vasquez", "Vasquez", "said"},
			{D, "It will take two years and every cent we have.", "Vasquez", "Vasquez", "said"}}},
	{"a quotation running over paragraphs",
		"Vasquez said: \"First, we fix the roads.\n\n\"Second, we fix the schools.\"",
		[]wantQuote{
			{D, "First, we fix the roads.", "Vasquez", "Vasquez", "said"},
			{D, "Second, we fix the schools.", "Vasquez", "Vasquez", "said"}}},
	{"a list introduced by X also said:",
		"Becker also said:\n\n- the fund would be empty by June\n\n- the county would borrow to pay salaries",
		[]wantQuote{
			{I, "the fund would be empty by June", "Becker", "Becker", "said"},
			{I, "the county would borrow to pay salaries", "Becker", "Becker", "said"}}},

	// Who speaks.
	{"a pronoun takes the last speaker of its gender",
		"Mayor Elena Vasquez met Tom Becker on Monday.\n\n\"We agreed on nothing,\" she said.",
		[]wantQuote{{D, "We agreed on nothing", "Elena Vasquez", "she", "said"}}},
	{"he and she tell two speakers apart",
		"\"The roads come first,\" Mayor Elena Vasquez said. \"The schools come first,\" Treasurer Tom Becker said.\n\n\"I disagree,\" he said.",
		[]wantQuote{
			{D, "The roads come first", "Elena Vasquez", "Mayor Elena Vasquez", "said"},
			{D, "The schools come first", "Tom Becker", "Treasurer Tom Becker", "said"},
			{D, "I disagree", "Tom Becker", "he", "said"}}},
	{"honorifics",
		"\"The audit is late,\" said Dr. Priya Nair. Mrs. Ortiz said the audit was on time. \"It is not,\" Dr. Nair said.",
		[]wantQuote{
			{D, "The audit is late", "Priya Nair", "Dr. Priya Nair", "said"},
			{I, "the audit was on time", "Ortiz", "Mrs. Ortiz", "said"},
			{D, "It is not", "Priya Nair", "Dr. Nair", "said"}}},
	{"an organisation speaks",
		`The United Nations said the harbor was unsafe for ships.`,
		[]wantQuote{{I, "the harbor was unsafe for ships", "United Nations", "The United Nations", "said"}}},
	{"a description speaks and is referred to again",
		"A senior city official said the vote was rigged.\n\n\"Nobody counted the ballots,\" the official said.",
		[]wantQuote{
			{I, "the vote was rigged", "Senior city official", "A senior city official", "said"},
			{D, "Nobody counted the ballots", "Senior city official", "the official", "said"}}},
	{"a speech act attributes the quotation it holds",
		`Residents describe the pier as "a death trap" in their letters.`,
		[]wantQuote{
			{I, `the pier as "a death trap" in their letters`, "Residents", "Residents", "describe"},
			{D, "a death trap", "Residents", "Residents", "describe"}}},
	{"no speaker is guessed for an unattributed quotation",
		`The pier, "a death trap" for decades, will close in May.`,
		[]wantQuote{{D, "a death trap", "", "", ""}}},
	{"scare quotes have no speaker",
		`The so-called "harbor tax" has been law since 2009.`,
		[]wantQuote{{D, "harbor tax", "", "", ""}}},

	// Words after a frame that say where, when or how it was said, or who
	// the source is, are not what was said.
	{"where it was said, after the verb",
		`Crews closed the east ramp for the night, Vasquez said in a text message.`,
		[]wantQuote{{I, "Crews closed the east ramp for the night", "Vasquez", "Vasquez", "said"}}},
	{"to whom it was said, after the verb",
		`Forty drivers at the depot are being told to find other routes, a spokeswoman confirmed to the Ledger.`,
		[]wantQuote{{I, "Forty drivers at the depot are being told to find other routes", "Spokeswoman", "a spokeswoman", "confirmed"}}},
	{"when it was said, before the frame",
		`And on Monday, the mayor lamented, "THE PIER IS FALLING APART!"`,
		[]wantQuote{{D, "THE PIER IS FALLING APART!", "Mayor", "the mayor", "lamented"}}},
	{"a party tag and a description after the source",
		`"The water is safe," said Rep. Dana Whitfield, D-Ohio, a former chemist.`,
		[]wantQuote{{D, "The water is safe", "Dana Whitfield", "Rep. Dana Whitfield", "said"}}},
	{"a description after according to",
		`Farms will shed jobs this year, according to Ruth Adler, an economist at the state university.`,
		[]wantQuote{{I, "Farms will shed jobs this year", "Ruth Adler", "Ruth Adler", "according to"}}},
	{"an aside after the frame",
		`"We were never told," Becker said, referring to the vote in March.`,
		[]wantQuote{{D, "We were never told", "Becker", "Becker", "said"}}},
	{"a state named after a place is no verb",
		`"We will act," Chairwoman Ann Rhodes, a Republican from Washington state, said in her opening remarks.`,
		[]wantQuote{{D, "We will act", "Ann Rhodes", "Chairwoman Ann Rhodes, a Republican from Washington state", "said"}}},

	{"a recall is a noun",
		`Another recall of 90,000 vans followed in May, after a fire.`,
		nil},
	{"an aside with with",
		`Fares will rise in June, the transit board said, with students paying less.`,
		[]wantQuote{{I, "Fares will rise in June", "Transit board", "the transit board", "said"}}},

	{"a participle before a quotation: the clause before is no speech",
		`Here in Dayton, Becker pressed his case on the budget, saying, "We cannot wait."`,
		[]wantQuote{{D, "We cannot wait.", "Becker", "Becker", "saying"}}},
	{"one of a kind inside a named place",
		`One aide inside Harbor Tower tried to play down the vote, saying it was "no big deal."`,
		[]wantQuote{
			{I, `it was "no big deal."`, "Aide", "One aide inside Harbor Tower", "saying"},
			{D, "no big deal.", "Aide", "One aide inside Harbor Tower", "saying"}}},

	{"however between the subject and the verb",
		`Becker however said the plan would fail.`,
		[]wantQuote{{I, "the plan would fail", "Becker", "Becker", "said"}}},

	{"state as a noun",
		`Police in Hesse, the German state next to Bavaria, tightened border checks.`,
		nil},
	{"state as a verb",
		`"The port is safe," the owners state in their report.`,
		[]wantQuote{{D, "The port is safe", "Owners", "the owners", "state"}}},

	{"one speaker's clause inside another of theirs is one clause",
		`Becker said he would welcome a "fair deal" for the port.`,
		[]wantQuote{
			{I, `he would welcome a "fair deal" for the port`, "Becker", "Becker", "said"},
			{D, "fair deal", "Becker", "he", "welcome"}}},
	{"another speaker's clause inside is kept",
		`Becker said Ortiz had called the plan "a disaster" in May.`,
		[]wantQuote{
			{I, `Ortiz had called the plan "a disaster" in May`, "Becker", "Becker", "said"},
			{I, `the plan "a disaster" in May`, "Ortiz", "Ortiz", "called"},
			{D, "a disaster", "Ortiz", "Ortiz", "called"}}},

	{"whom it was said of",
		`There is "no question he lied," Ortiz said of Becker.`,
		[]wantQuote{
			{I, `There is "no question he lied,"`, "Ortiz", "Ortiz", "said"},
			{D, "no question he lied", "Ortiz", "Ortiz", "said"}}},
	{"an opening circumstance before a frame and its quotation",
		`With regard to the grant for his son, Ortiz said, "You do not have to like it."`,
		[]wantQuote{{D, "You do not have to like it.", "Ortiz", "Ortiz", "said"}}},
	{"a plea is no statement",
		`Becker pleaded guilty to fraud last September.`,
		nil},
	{"a name given with called",
		`She slept in a motel under a program called Safe Harbor before moving.`,
		nil},
	{"where and about what someone testified",
		`The harbor master testified before the council about the leak.`,
		nil},

	{"a quotation of two sentences, then modifiers before the source",
		`"The term was two years. But the board has thrown him out!" eminent Welsh litigator Ravi Das noted on Twitter.`,
		[]wantQuote{{D, "The term was two years. But the board has thrown him out!", "Ravi Das", "Ravi Das", "noted"}}},

	{"two sources after the verb",
		`"We expect better," wrote Chairman Tom Hale, Democrat of Ohio, and Sen. Ann Lee, the vice chairman.`,
		[]wantQuote{{D, "We expect better", "Tom Hale", "Chairman Tom Hale", "wrote"}}},

	{"a clause with a hearer's frame, reported by a later frame",
		`The board has reminded them of the rules, board spokesman Riley Vance said.`,
		[]wantQuote{
			{I, "The board has reminded them of the rules", "Riley Vance", "board spokesman Riley Vance", "said"},
			{I, "of the rules", "Board", "The board", "reminded"}}},

	{"a description with a comma inside, after the source",
		`"It works," said Ann Cohen, who directs the Center for Law, Health & Ethics.`,
		[]wantQuote{{D, "It works", "Ann Cohen", "Ann Cohen", "said"}}},

	// Passives: the one told or asked is no speaker.
	{"was asked, nobody named",
		`The treasurer was asked whether the audit had been finished.`,
		[]wantQuote{{I, "whether the audit had been finished", "", "", "asked"}}},
	{"a passive inside a clause another frame reports",
		`Staff at the depot were told to stay home, the council said.`,
		[]wantQuote{{I, "Staff at the depot were told to stay home", "Council", "the council", "said"}}},

	// Subjects.
	{"the subject before a preposition",
		"Residents on the north side said the water was brown.\n\nThe inspectors came back after a caller to the county hotline said the drums were leaking.",
		[]wantQuote{
			{I, "the water was brown", "Residents", "Residents on the north side", "said"},
			{I, "the drums were leaking", "Caller", "a caller to the county hotline", "said"}}},
	{"the subject before a participle and its object",
		`Residents pushing the plan forward say it will save the pier.`,
		[]wantQuote{{I, "it will save the pier", "Residents", "Residents pushing the plan forward", "say"}}},
	{"the subject before a participle and a preposition",
		`Protesters marching through the square chanted "No more cuts."`,
		[]wantQuote{{D, "No more cuts.", "Protesters", "Protesters marching through the square", "chanted"}}},
	{"now before the verb",
		`Becker now says the budget will balance.`,
		[]wantQuote{{I, "the budget will balance", "Becker", "Becker", "says"}}},
	{"a pronoun after a name with its party in parentheses",
		"Treasurer Tom Becker spoke first. The hearing turned when Rep. Ada Flores (D-Calif.) told the story of the flooded school. \"You closed the gate too late,\" she said.",
		[]wantQuote{
			{I, "the story of the flooded school", "Ada Flores", "Rep. Ada Flores (D-Calif.)", "told"},
			{D, "You closed the gate too late", "Ada Flores", "she", "said"}}},
	{"a pronoun is never a place",
		"Rep. Carl Munro spoke about the United Kingdom and its ban. \"We should do the same,\" he said.",
		[]wantQuote{{D, "We should do the same", "Carl Munro", "he", "said"}}},
}

func TestAttribution(t *testing.T) {
	for _, tc := range attributionCases {
		t.Run(tc.name, func(t *testing.T) {
			an := analyzeString(t, tc.in)
			got := gotQuotes(an)
			if len(got) != len(tc.want) {
				t.Fatalf("%d quotes, want %d:\n got  %v\n want %v", len(got), len(tc.want), got, tc.want)
			}
			for i := range got {
				if got[i] != tc.want[i] {
					t.Errorf("quote %d:\n got  %v\n want %v", i, got[i], tc.want[i])
				}
			}
		})
	}
}

// tableSentences returns the inputs of the table tests, for fuzz seeds.
func tableSentences() []string {
	var out []string
	for _, tc := range attributionCases {
		out = append(out, tc.in)
	}
	for _, tc := range speakerCases {
		out = append(out, tc.in)
	}
	for _, cases := range [][]attrCase{round3Cases, round4Cases} {
		for _, tc := range cases {
			out = append(out, tc.in)
		}
	}
	return out
}

// joinQuotes is a compact form of the quotes for failure messages.
func joinQuotes(qs []wantQuote) string {
	var b strings.Builder
	for _, q := range qs {
		b.WriteString(q.String())
		b.WriteByte('\n')
	}
	return b.String()
}
