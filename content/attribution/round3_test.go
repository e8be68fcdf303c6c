package attribution

import "testing"

// round3Cases are the patterns that unseen news showed the analyser
// missing or misreading, one or more sentences each, written for these
// tests (the same made-up town council as attributionCases).
var round3Cases = []attrCase{
	// Pronouns.
	{"he is not a plural subject",
		"Mayor Elena Vasquez opened the meeting. Council members turned on the treasurer, Tom Becker, after he said the pier was \"a lost cause\".",
		[]wantQuote{
			{I, "the pier was \"a lost cause\"", "Tom Becker", "he", "said"},
			{D, "a lost cause", "Tom Becker", "he", "said"}}},
	{"he is the description that is the sentence's subject",
		"Mayor Elena Vasquez opened the meeting.\n\nA county official was suspended after he said the audit was \"a sham\".",
		[]wantQuote{
			{I, "the audit was \"a sham\"", "County official", "he", "said"},
			{D, "a sham", "County official", "he", "said"}}},
	{"he is not a name inside the words he reports",
		"Treasurer Tom Becker spoke after the vote.\n\nThe plan from Elena Vasquez failed because the figures were wrong, he said.",
		[]wantQuote{{I, "The plan from Elena Vasquez failed because the figures were wrong", "Tom Becker", "he", "said"}}},

	{"he is not a description inside the words he reports",
		"\"It is a mistake,\" said Mark Olsen, the editor. A reporter used old footage, he said.",
		[]wantQuote{
			{D, "It is a mistake", "Mark Olsen", "Mark Olsen", "said"},
			{I, "A reporter used old footage", "Mark Olsen", "he", "said"}}},

	{"a participle after a city and its state",
		"Mayor Elena Vasquez spoke Tuesday about the storm in Harbor City, Maine, arguing that the pier was \"a lost cause\".",
		[]wantQuote{
			{I, "the pier was \"a lost cause\"", "Elena Vasquez", "Mayor Elena Vasquez", "arguing"},
			{D, "a lost cause", "Elena Vasquez", "Mayor Elena Vasquez", "arguing"}}},

	// Subjects.
	{"a focus adverb before an apposed subject",
		"Even the Harbor Party, the mayor's only ally on the council, said it was \"firmly opposed\" to the sale.",
		[]wantQuote{
			{I, "it was \"firmly opposed\" to the sale", "Harbor Party", "the Harbor Party, the mayor's only ally on the council", "said"},
			{D, "firmly opposed", "Harbor Party", "the Harbor Party, the mayor's only ally on the council", "said"}}},

	{"a full date before the subject of X said:",
		"On July 6, 2015, Becker made the following comment: \"The pier is a lost cause.\"",
		[]wantQuote{{D, "The pier is a lost cause.", "Becker", "Becker", ":"}}},

	{"X made the following comment: then the words as a paragraph",
		"Becker made the following comment:\n\n\"The pier is a lost cause.\"",
		[]wantQuote{{D, "The pier is a lost cause.", "Becker", "Becker", ":"}}},
	{"a colon after a noun that announces nothing is no attribution",
		"The council had one item on its agenda:\n\n\"The pier is a lost cause.\"",
		[]wantQuote{{D, "The pier is a lost cause.", "", "", ""}}},

	{"an opening phrase with a comma of its own before the subject",
		"Following a swiftly called, late-night meeting, the Harbor Party issued a statement calling the sale \"a disgrace\".",
		[]wantQuote{
			{I, "the sale \"a disgrace\"", "Harbor Party", "the Harbor Party", "calling"},
			{D, "a disgrace", "Harbor Party", "the Harbor Party", "calling"}}},

	{"a series of documents saying: their writer speaks",
		"Becker unleashed a series of tweets early Friday saying that Flores had \"lied\".",
		[]wantQuote{
			{I, "Flores had \"lied\"", "Becker", "Becker", "saying"},
			{D, "lied", "Becker", "Becker", "saying"}}},

	{"a past tense after a name is its verb, not part of the source",
		"Flores spoke in Harbor City, arguing that the sale was \"a disgrace\".",
		[]wantQuote{
			{I, "the sale was \"a disgrace\"", "Flores", "Flores", "arguing"},
			{D, "a disgrace", "Flores", "Flores", "arguing"}}},

	// A nickname in marks is part of a name, not a quotation.
	{"a nickname inside a name",
		"Council member Marcia \"Cia\" Price said the vote was close.",
		[]wantQuote{{I, "the vote was close", "Price", "Council member Marcia \"Cia\" Price", "said"}}},
	{"a nickname after the verb",
		"\"We will win,\" said Thomas \"Tip\" Becker.",
		[]wantQuote{{D, "We will win", "Becker", "Thomas \"Tip\" Becker", "said"}}},
	{"a quoted phrase after a lower-case word stays a quotation",
		"Becker called it \"Crooked Harbor\" Tuesday.",
		[]wantQuote{
			{I, "it \"Crooked Harbor\" Tuesday", "Becker", "Becker", "called"},
			{D, "Crooked Harbor", "Becker", "Becker", "called"}}},

	// Subjects of infinitives and participles.
	{"a participle after a preposition that opens the sentence is the main clause's speaker's",
		"While stating that he would leave the decision to the council, Becker said the pier needed repairs.",
		[]wantQuote{
			{I, "he would leave the decision to the council", "Becker", "Becker", "stating"},
			{I, "the pier needed repairs", "Becker", "Becker", "said"}}},
	{"a focus adverb before a participle",
		"Mayor Elena Vasquez, the council's chair, sidestepped the question from reporters, only saying there had been a good meeting.",
		[]wantQuote{{I, "there had been a good meeting", "Elena Vasquez", "Mayor Elena Vasquez", "saying"}}},
	{"to tell: the subject of the sentence, not the one written to",
		"Tom Becker has written to Ada Flores, the county clerk, to tell her the vote was void.",
		[]wantQuote{{I, "the vote was void", "Tom Becker", "Tom Becker", "tell"}}},
	{"to allege after a circumstance",
		"Becker broke his silence on Thursday to allege that he was forced out of his job.",
		[]wantQuote{{I, "he was forced out of his job", "Becker", "Becker", "allege"}}},
	{"saying after a long clause",
		"The Harbor Party on Wednesday released 900 pages of council records, saying they showed a \"broken system\".",
		[]wantQuote{
			{I, "they showed a \"broken system\"", "Harbor Party", "The Harbor Party", "saying"},
			{D, "broken system", "Harbor Party", "The Harbor Party", "saying"}}},

	{"chanted protesters, then insisting",
		"\"No more cuts,\" chanted protesters, insisting it was \"time for change\".",
		[]wantQuote{
			{D, "No more cuts", "Protesters", "protesters", "chanted"},
			{I, "it was \"time for change\"", "Protesters", "protesters", "insisting"},
			{D, "time for change", "Protesters", "protesters", "insisting"}}},
	{"a bare plural subject before its verb and object",
		"In a charge sheet, police listed their reasons, saying the pair had shown no remorse.",
		[]wantQuote{{I, "the pair had shown no remorse", "Police", "police", "saying"}}},

	// Where a reported clause ends.
	{"hard to say is nobody's saying",
		"Treasurer Tom Becker spoke on Tuesday.\n\nIt was hard to say why the council had turned the offer down, Becker said.\n\n\"I can only conclude it was the budget.\"",
		[]wantQuote{
			{I, "It was hard to say why the council had turned the offer down", "Tom Becker", "Becker", "said"},
			{D, "I can only conclude it was the budget.", "Tom Becker", "Becker", "said"}}},
	{"according to him",
		"Treasurer Tom Becker spoke on Monday.\n\nAccording to him, the storm had taken a toll on the pier.",
		[]wantQuote{{I, "the storm had taken a toll on the pier", "Tom Becker", "him", "According to"}}},
	{"a request inside a report does not cut it",
		"The incident report said the men kicked the door open and asked the woman for her keys.",
		[]wantQuote{{I, "the men kicked the door open and asked the woman for her keys", "Incident report", "The incident report", "said"}}},
	{"a dateline is not what was said",
		"HARBOR CITY — The pier will close for a month, officials said.",
		[]wantQuote{{I, "The pier will close for a month", "Officials", "officials", "said"}}},
	{"a place and a colon before the words are not what was said",
		"Harbor City: The pier will close for a month, the mayor said.",
		[]wantQuote{{I, "The pier will close for a month", "Mayor", "the mayor", "said"}}},
	{"though X noted: a clause with its own source",
		"Flores said the clinic would stay open, though she noted the county had not paid.",
		[]wantQuote{
			{I, "the clinic would stay open", "Flores", "Flores", "said"},
			{I, "the county had not paid", "Flores", "she", "noted"}}},
	{"even as X concedes",
		"Becker insists the books balance, even as the auditor concedes two ledgers are missing.",
		[]wantQuote{
			{I, "the books balance", "Becker", "Becker", "insists"},
			{I, "two ledgers are missing", "Auditor", "the auditor", "concedes"}}},

	{"continuing is no cue without a quotation",
		"The talks are continuing, Becker said.",
		[]wantQuote{{I, "The talks are continuing", "Becker", "Becker", "said"}}},

	// What a speaker is.
	{"a verb in its past form is no speaker",
		"Treasurer Tom Becker has refuted claims that the pier is unsafe.",
		nil},
	{"a title of a place apposed to a named person is the person's",
		"\"We will rebuild,\" Representative Tom T. Becker, Republican of Harbor City, said.",
		[]wantQuote{{D, "We will rebuild", "Tom T. Becker", "Representative Tom T. Becker, Republican of Harbor City", "said"}}},
	{"supporters of a named person are not that person",
		"Supporters of Mayor Elena Vasquez say the pier should reopen.",
		[]wantQuote{{I, "the pier should reopen", "Supporters", "Supporters of Mayor Elena Vasquez", "say"}}},
	{"a person named after a title and what it is of",
		"Chief Registrar of the Harbor Court Mary Okafor said the hearing would be held in private.",
		[]wantQuote{{I, "the hearing would be held in private", "Mary Okafor", "Chief Registrar of the Harbor Court Mary Okafor", "said"}}},
	{"a person named after a title that runs on with of",
		"Minister of Harbor Affairs Peter Adeyemi said the pier would close.",
		[]wantQuote{{I, "the pier would close", "Peter Adeyemi", "Minister of Harbor Affairs Peter Adeyemi", "said"}}},
	{"a title of a body that names nobody stays a title",
		"Head of the Harbor Pilots Association said the channel was unsafe.",
		[]wantQuote{{I, "the channel was unsafe", "Head", "Head of the Harbor Pilots Association", "said"}}},
	{"words of a body with no given name are not a person",
		"Head of the International Monetary Fund said the loan was approved.",
		[]wantQuote{{I, "the loan was approved", "Head", "Head of the International Monetary Fund", "said"}}},
	{"the name apposed to a title and what it is of speaks",
		"The Mayor of Harbor City, Elena Vasquez, said the pier would reopen.",
		[]wantQuote{{I, "the pier would reopen", "Elena Vasquez", "The Mayor of Harbor City, Elena Vasquez", "said"}}},
	{"an adverb at the start is no speaker",
		"Shortly after, a man from a neighbouring house shouted \"Go home!\"",
		[]wantQuote{{D, "Go home!", "Man", "a man from a neighbouring house", "shouted"}}},
	{"a participle after the subject is not part of its name",
		"Former county clerk seeking damages tells court the job left her \"broken\"",
		[]wantQuote{
			{I, "the job left her \"broken\"", "Former county clerk", "Former county clerk seeking damages", "tells"},
			{D, "broken", "Former county clerk", "Former county clerk seeking damages", "tells"}}},
	{"a verb after the subject is not part of it",
		"But the treasurer made it clear he was unhappy, saying the leak could only have come from \"one of four people\".",
		[]wantQuote{
			{I, "the leak could only have come from \"one of four people\"", "Treasurer", "the treasurer", "saying"},
			{D, "one of four people", "Treasurer", "the treasurer", "saying"}}},

	{"says X after a circumstance",
		"This is how good the team can be, says coach Dana Reyes after the semi-final win",
		[]wantQuote{{I, "This is how good the team can be", "Dana Reyes", "coach Dana Reyes", "says"}}},

	{"a headline's colon before a name",
		"Budget was never balanced: Becker\n\nThe county's books were reopened on Monday.",
		[]wantQuote{{I, "Budget was never balanced", "Becker", "Becker", ":"}}},
	{"a headline's colon after a label",
		"Harbor Days 2024: Becker",
		nil},
	{"a colon in a body sentence is no attribution",
		"Budget talks\n\nOne item remained: Becker",
		nil},

	{"X said: then the words as a paragraph of their own",
		"Becker told the council:\n\nThe books will balance by March and no jobs will go.\n\nThe council adjourned at noon.",
		[]wantQuote{{I, "The books will balance by March and no jobs will go", "Becker", "Becker", "told"}}},

	{"today between the subject and the verb",
		"Becker today said the books were balanced.",
		[]wantQuote{{I, "the books were balanced", "Becker", "Becker", "said"}}},
	{"brushed aside as",
		"Mayor Elena Vasquez brushed aside the complaints as “noise from the harbour”.",
		[]wantQuote{
			{I, "the complaints as “noise from the harbour”", "Elena Vasquez", "Mayor Elena Vasquez", "brushed aside"},
			{D, "noise from the harbour", "Elena Vasquez", "Mayor Elena Vasquez", "brushed aside"}}},
	{"a street is not a person",
		"Detective Ann Lee leads the inquiry. Mr Knowles, of Staunton Drive, died on Monday. She added: \"We are working hard.\"",
		[]wantQuote{{D, "We are working hard.", "Ann Lee", "She", "added"}}},

	{"a quote paragraph after a paragraph of narrative",
		"Treasurer Tom Becker said the audit was finished.\n\nHe also described the delay as part of a campaign against him.\n\n\"It is clearly political.\"",
		[]wantQuote{
			{I, "the audit was finished", "Tom Becker", "Treasurer Tom Becker", "said"},
			{D, "It is clearly political.", "Tom Becker", "Treasurer Tom Becker", "said"}}},

	{"a given name alone, then the full name",
		"Anwar says he never named the MPs\n\nAnwar Ibrahim said on Tuesday he had only given numbers.",
		[]wantQuote{
			{I, "he never named the MPs", "Anwar Ibrahim", "Anwar", "says"},
			{I, "he had only given numbers", "Anwar Ibrahim", "Anwar Ibrahim", "said"}}},
	{"said to be, after a noun, is hearsay with no source",
		"Anwar told police it was not their business to name the MPs said to be backing him.",
		[]wantQuote{{I, "it was not their business to name the MPs said to be backing him", "Anwar", "Anwar", "told"}}},

	{"a connective that opens the sentence is no speaker",
		"Nevertheless, local police put the number at five and said a rescue was under way.",
		[]wantQuote{{I, "a rescue was under way", "Local police", "local police", "said"}}},

	{"a headline's colon before a role",
		"Motive for the harbour fire still unknown: police chief\n\nThe pier stays shut.",
		[]wantQuote{{I, "Motive for the harbour fire still unknown", "Police chief", "police chief", ":"}}},
	{"says a role at the end of a headline",
		"Tourists keep the town afloat, says harbour master",
		[]wantQuote{{I, "Tourists keep the town afloat", "Harbour master", "harbour master", "says"}}},
	{"the 33-year-old said",
		"The 33-year-old said that he would not celebrate.",
		[]wantQuote{{I, "he would not celebrate", "33-year-old", "The 33-year-old", "said"}}},
	{"who say, after a passive's agent",
		"The school was criticised by inspectors, who say it needs to act.",
		[]wantQuote{{I, "it needs to act", "Inspectors", "inspectors, who", "say"}}},

	{"a speech act with single quotation marks",
		"Vasquez terms the protest a ‘sponsored stunt’",
		[]wantQuote{
			{I, "the protest a ‘sponsored stunt’", "Vasquez", "Vasquez", "terms"},
			{D, "sponsored stunt", "Vasquez", "Vasquez", "terms"}}},

	// Passive agents.
	{"branded by X",
		"The plan was branded \"reckless\" by opposition councillors.",
		[]wantQuote{{D, "reckless", "Opposition councillors", "opposition councillors", "branded"}}},
	{"told by X that",
		"Officers were told by the caretaker of the depot that a neighbour had started the fire.",
		[]wantQuote{{I, "a neighbour had started the fire", "Caretaker", "the caretaker of the depot", "told"}}},
}

func TestAttributionRound3(t *testing.T) { checkCases(t, round3Cases) }

// attrCase is a sentence or two and the quotes expected of them.
type attrCase struct {
	name string
	in   string
	want []wantQuote
}

// checkCases analyses each case's text and compares its quotes, in order.
func checkCases(t *testing.T, cases []attrCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := gotQuotes(analyzeString(t, tc.in))
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
