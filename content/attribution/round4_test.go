package attribution

import "testing"

// round4Cases are the patterns of the fourth round: misreadings found on
// PolNeAR dev, written as sentences of the made-up town council.
var round4Cases = []attrCase{
	{"continue to is carrying on, not speaking",
		"Mayor Elena Vasquez told the council that she believes we must continue to fight for the pier, saying that “the town needs it” more than ever.",
		[]wantQuote{
			{I, "she believes we must continue to fight for the pier", "Elena Vasquez", "Mayor Elena Vasquez", "told"},
			{I, "“the town needs it” more than ever", "Elena Vasquez", "Mayor Elena Vasquez", "saying"},
			{D, "the town needs it", "Elena Vasquez", "Mayor Elena Vasquez", "saying"}}},
	{"shouted to a crowd, after an exclamation",
		"“This is our year!” Vasquez shouted to the crowd.",
		[]wantQuote{{D, "This is our year!", "Vasquez", "Vasquez", "shouted"}}},
	{"continued, then a quotation",
		"“It is over,” Becker continued. “We lost.”",
		[]wantQuote{
			{D, "It is over", "Becker", "Becker", "continued"},
			{D, "We lost.", "Becker", "Becker", "continued"}}},
	{"a noun after its modifier before a relative that",
		"Becker said the endless demands that come with the job wear people down, though he noted the pay had improved.",
		[]wantQuote{
			{I, "the endless demands that come with the job wear people down", "Becker", "Becker", "said"},
			{I, "the pay had improved", "Becker", "he", "noted"}}},
	{"as X have said after the clause they said",
		"The footage does not answer whether the driver was armed, as police have said.",
		[]wantQuote{{I, "The footage does not answer whether the driver was armed", "Police", "police", "said"}}},
	{"as X had predicted",
		"Tom Becker was re-elected, as the Harbor Party had predicted.",
		[]wantQuote{{I, "Tom Becker was re-elected", "Harbor Party", "the Harbor Party", "predicted"}}},
	{"as with no verb of saying reports nothing",
		"He was born in Ohio, as was his father.",
		nil},

	{"a plural does not agree with a verb in -s",
		"Becker said the recent run of storms and floods demands that the town act.",
		[]wantQuote{{I, "the recent run of storms and floods demands that the town act", "Becker", "Becker", "said"}}},
	{"the subject of demands that is who demands",
		"The union demands that the pier be saved.",
		[]wantQuote{{I, "the pier be saved", "Union", "The union", "demands"}}},
	{"agreed that reports, while a clause with its own source ends it after a quotation",
		"Only 52 percent of residents agreed that the pier was \"worth saving,\" while 30 percent said it should be sold.",
		[]wantQuote{
			{I, "the pier was \"worth saving,\"", "Only 52 percent", "Only 52 percent of residents", "agreed"},
			{D, "worth saving", "Only 52 percent", "Only 52 percent of residents", "agreed"},
			{I, "it should be sold", "30 percent", "30 percent", "said"}}},
	{"agreed to a deal reports nothing",
		"The council agreed to a deal on Tuesday.",
		nil},

	{"aside from saying: the subject of the clause before",
		"Becker has said ten people want the post, but he refuses to name them, aside from saying he wants a woman.",
		[]wantQuote{
			{I, "ten people want the post, but he refuses to name them", "Becker", "Becker", "said"},
			{I, "he wants a woman", "Becker", "he", "saying"}}},

	{"a past tense after a reported would goes with said",
		"Becker said he would resign and warned that the pier would fall.",
		[]wantQuote{
			{I, "he would resign", "Becker", "Becker", "said"},
			{I, "the pier would fall", "Becker", "Becker", "warned"}}},
	{"a past tense after a reported past stays in the report",
		"Becker said he was tired and wanted to resign.",
		[]wantQuote{{I, "he was tired and wanted to resign", "Becker", "Becker", "said"}}},

	{"not before a requested infinitive stays in it",
		"Becker urged residents not to panic.",
		[]wantQuote{{I, "not to panic", "Becker", "Becker", "urged"}}},

	{"an opening phrase without a verb before the subject of saying",
		"Hours later, Becker returned the compliment to Vasquez, telling reporters, “She has been a good friend.”",
		[]wantQuote{{D, "She has been a good friend.", "Becker", "Becker", "telling"}}},
	{"a dateline with its agency before the subject of saying",
		"Harbor City (AFP) – Mayor Elena Vasquez has taken a swipe at the council's plan, saying that it does more harm than good.",
		[]wantQuote{{I, "it does more harm than good", "Elena Vasquez", "Mayor Elena Vasquez", "saying"}}},

	// Opening participles.
	{"after saying …, the subject after the phrase said it",
		"After saying her ankle was “so swollen I could barely walk,” Vasquez was taken to hospital.",
		[]wantQuote{
			{I, "her ankle was “so swollen I could barely walk,”", "Vasquez", "Vasquez", "saying"},
			{D, "so swollen I could barely walk", "Vasquez", "Vasquez", "saying"}}},
	{"a speech act opening the sentence with a quotation",
		"Bemoaning the \"rigged vote,\" Becker accused the council of lying.",
		[]wantQuote{
			{I, "the \"rigged vote,\"", "Becker", "Becker", "Bemoaning"},
			{D, "rigged vote", "Becker", "Becker", "Bemoaning"}}},
	{"the pronoun inside the phrase is not its speaker",
		"After saying he was nervous about the vote, the treasurer left the hall.",
		[]wantQuote{{I, "he was nervous about the vote", "Treasurer", "the treasurer", "saying"}}},
	{"while saying that …, with no verb of saying after",
		"While saying that he respects the mayor, Becker continued to express doubts about her plan.",
		[]wantQuote{{I, "he respects the mayor", "Becker", "Becker", "saying"}}},
	{"the subject after the phrase ends at its verb",
		"Declaring that he alone could save the pier, the retired harbour pilot offered himself as the candidate of “common sense.”",
		[]wantQuote{
			{I, "he alone could save the pier", "Retired harbour pilot", "the retired harbour pilot", "Declaring"},
			{D, "common sense.", "Retired harbour pilot", "the retired harbour pilot", "Declaring"}}},
	{"the participle's phrase between the subject and its verb",
		"Vasquez, after initially saying she would not run, has entered the race.",
		[]wantQuote{{I, "she would not run, has entered the race", "Vasquez", "Vasquez", "saying"}}},
	{"a described subject whose verb ends in -ed after the phrase",
		"The council met on Monday. After saying he was nervous to ask a question, the man ended up in the middle of the room.",
		[]wantQuote{{I, "he was nervous to ask a question", "Man", "the man", "saying"}}},
	{"a time between the participle and that",
		"Since announcing in October that she would not run again, Vasquez has backed Becker.",
		[]wantQuote{{I, "she would not run again", "Vasquez", "Vasquez", "announcing"}}},
	{"a participle before a preposition reports nothing here",
		"Repeating from his speech at the much-praised festival, Becker attacked the plan.",
		nil},
	{"a participle with an object and no clause reports nothing",
		"Explaining his reasons, Becker said: “It is over.”",
		[]wantQuote{{D, "It is over.", "Becker", "Becker", "said"}}},
	{"a horizontal bar sets off an aside before the next speaker",
		"When Vasquez noted that the pier had not been repaired ― as was true for years ― Becker boasted, “That saves money.”",
		[]wantQuote{
			{I, "the pier had not been repaired ― as was true for years", "Vasquez", "Vasquez", "noted"},
			{D, "That saves money.", "Becker", "Becker", "boasted"}}},

	// Circumstances and subjects.
	{"a day and its part after the verb",
		"The council will publish the audit soon, a spokesman announced Monday morning.",
		[]wantQuote{{I, "The council will publish the audit soon", "Spokesman", "a spokesman", "announced"}}},
	{"a dateline set off by a horizontal bar",
		"HARBOR CITY ― The pier is a danger to swimmers, lifeguards said Friday afternoon.",
		[]wantQuote{{I, "The pier is a danger to swimmers", "Lifeguards", "lifeguards", "said"}}},
	{"some of whom speak for the ones named before",
		"This has not gone over well with family members of the victims, many of whom say the claims are unfounded.",
		[]wantQuote{{I, "the claims are unfounded", "Family members", "family members of the victims, many of whom", "say"}}},
	{"no verb in the antecedent of whom",
		"Forty veterans attended, most of whom had previously announced their support.",
		nil},

	// Characterisations.
	{"what X described as, with no quotation",
		"The mayor engaged in what critics described as old tricks: delay and denial.",
		[]wantQuote{{I, "as old tricks: delay and denial", "Critics", "critics", "described"}}},
	{"described as before a colon and a quotation",
		"Becker described the plan as a waste: “It is over.”",
		[]wantQuote{
			{I, "the plan as a waste", "Becker", "Becker", "described"},
			{D, "It is over.", "Becker", "Becker", ":"}}},
	{"described as with no quotation and no what",
		"Becker described the plan as a waste.",
		nil},

	// Nouns of saying.
	{"warnings from X that",
		"The vote went ahead despite repeated warnings from the harbourmaster that the pier was unsafe.",
		[]wantQuote{{I, "the pier was unsafe", "Harbourmaster", "the harbourmaster", "warnings"}}},
	{"claims by X that",
		"Vasquez dismissed claims by critics that the audit was rigged.",
		[]wantQuote{{I, "the audit was rigged", "Critics", "critics", "claims"}}},
	{"warnings from a place are no one's",
		"Warnings from 2019 that the pier was unsafe went unheeded.",
		nil},

	{"an adverb before an amount is the amount's",
		"Larking told councillors approximately $100,000 had been spent.",
		[]wantQuote{{I, "approximately $100,000 had been spent", "Larking", "Larking", "told"}}},
	{"based on … set off by commas after the verb",
		"Becker met voters on Monday but said, based on legal advice, an appeal would be pointless.",
		[]wantQuote{{I, "an appeal would be pointless", "Becker", "Becker", "said"}}},

	// Names after a body's title.
	{"a name not in the given-name list after a body's name",
		"Chief Registrar of the Harbor Authority Kwame Mensah said the session was private.",
		[]wantQuote{{I, "the session was private", "Kwame Mensah", "Chief Registrar of the Harbor Authority Kwame Mensah", "said"}}},
	{"a body's name ending in its own words stays a title",
		"Head of the Harbor Development Fund said the sale was off.",
		[]wantQuote{{I, "the sale was off", "Head", "Head of the Harbor Development Fund", "said"}}},

	{"a person of an acronym's body is the person",
		"“The strike will hurt the town,” said Pieter Botha of UASA.",
		[]wantQuote{{D, "The strike will hurt the town", "Pieter Botha", "Pieter Botha of UASA", "said"}}},

	{"a body's figures are the body's",
		"According to HCC figures, 97 people were waiting.",
		[]wantQuote{{I, "97 people were waiting", "HCC", "HCC figures", "According to"}}},
	{"figures that declare are people",
		"Top council figures declared the pier lost.",
		[]wantQuote{{I, "the pier lost", "Top council figures", "Top council figures", "declared"}}},

	// Adjectives of insistence.
	{"was adamant that",
		"Becker was adamant that the pier would be saved.",
		[]wantQuote{{I, "the pier would be saved", "Becker", "Becker", "adamant"}}},
	{"was insistent with no that, after an opening phrase",
		"Despite the loss, Vasquez was insistent the council had done well.",
		[]wantQuote{{I, "the council had done well", "Vasquez", "Vasquez", "insistent"}}},
	{"adamant about a thing reports nothing",
		"The council is adamant about the sale.",
		nil},
	{"an adamant critic is a description",
		"Becker, an adamant critic of the plan, left the hall.",
		nil},

	// Complements of a reporting verb.
	{"respond to a request reports nothing",
		"A spokesman for Becker did not respond to a request for comment.",
		nil},
	{"respond to requests, a plural, reports nothing",
		"A spokesman for Becker did not respond to requests for comment.",
		nil},
	{"when it was said, after a quotation",
		"“It is over,” Becker said as he left the hall.",
		[]wantQuote{{D, "It is over", "Becker", "Becker", "said"}}},
	{"as before a clause without a quotation",
		"Becker said as mayor he had saved the pier.",
		[]wantQuote{{I, "he had saved the pier", "Becker", "Becker", "said"}}},
	{"called into a show reports nothing",
		"Vasquez called into the WHBR morning show on Monday.",
		nil},
	{"a hearer, then what is asked of them",
		"Vasquez pleaded with voters to back the pier.",
		[]wantQuote{{I, "with voters to back the pier", "Vasquez", "Vasquez", "pleaded"}}},
	{"a pledge to do something reports",
		"Becker pledged to oppose the sale.",
		[]wantQuote{{I, "to oppose the sale", "Becker", "Becker", "pledged"}}},
	{"wrote to a hearer that",
		"Becker wrote to the council that the pier was lost.",
		[]wantQuote{{I, "the pier was lost", "Becker", "Becker", "wrote"}}},

	// Titles.
	{"a show's name after a possessive is no quotation",
		"Vasquez said on WHBR's “Harbor Morning Show” that the pier was lost.",
		[]wantQuote{{I, "the pier was lost", "Vasquez", "Vasquez", "said"}}},
	{"a show told, then words said",
		"Becker told “Morning Report” the pier was “a lost cause.”",
		[]wantQuote{
			{I, "“Morning Report” the pier was “a lost cause.”", "Becker", "Becker", "told"},
			{D, "a lost cause.", "Becker", "Becker", "told"}}},
	{"a name given is the speaker's words",
		"Vasquez called the plan “Harbor First.”",
		[]wantQuote{
			{I, "the plan “Harbor First.”", "Vasquez", "Vasquez", "called"},
			{D, "Harbor First.", "Vasquez", "Vasquez", "called"}}},
	{"a capitalised sentence after a colon is said",
		"Asked about the pier, Becker was blunt: “It Is Over.”",
		[]wantQuote{
			{I, "about the pier", "", "", "Asked"},
			{D, "It Is Over.", "Becker", "Becker", ":"}}},
	{"a pronoun opens words said, not a title",
		"Becker said he had read the sign on “I Am Harbor” twice.",
		[]wantQuote{
			{I, "he had read the sign on “I Am Harbor” twice", "Becker", "Becker", "said"},
			{D, "I Am Harbor", "Becker", "Becker", "said"}}},

	// Transcripts.
	{"a transcript's turns in quotations reopened at each paragraph",
		"Mayor Elena Vasquez spoke to the radio host Ann Lee on Sunday.\n\n\"LEE: Will the pier be sold?\n\n\"VASQUEZ: Not while I am mayor. The council agrees with me.\n\n\"LEE: And if it does not?",
		[]wantQuote{
			{D, "Will the pier be sold?", "Ann Lee", "LEE", ":"},
			{D, "Not while I am mayor. The council agrees with me.", "Elena Vasquez", "VASQUEZ", ":"},
			{D, "And if it does not?", "Ann Lee", "LEE", ":"}}},
	{"a transcript's turns as plain paragraphs, quoted words and reports inside",
		"ANN LEE: Is the pier “a lost cause”?\n\nVASQUEZ: It is not. Becker said it was, but he is wrong.",
		[]wantQuote{
			{D, "Is the pier “a lost cause”?", "Ann Lee", "ANN LEE", ":"},
			{D, "It is not. Becker said it was, but he is wrong", "Vasquez", "VASQUEZ", ":"},
			{I, "it was, but he is wrong", "Becker", "Becker", "said"}}},
	{"a stage direction in a turn's quotation is nobody's words",
		"\"LEE: Will the pier be sold?\n\n\"(CROSSTALK.)\n\n\"VASQUEZ: Not while I am mayor.",
		[]wantQuote{
			{D, "Will the pier be sold?", "Lee", "LEE", ":"},
			{D, "Not while I am mayor.", "Vasquez", "VASQUEZ", ":"}}},
	{"one label is a rubric, not a dialogue",
		"UPDATE: The council voted on Tuesday.\n\nBecker said the pier was sold.",
		[]wantQuote{{I, "the pier was sold", "Becker", "Becker", "said"}}},
	{"rubrics are no speakers",
		"UPDATE: The council voted on Tuesday.\n\nVIDEO: Watch the vote.",
		nil},
	{"a label before capitals is a headline",
		"LEE: Is the pier sold?\n\nCOUNCIL: PIER SOLD TO DEVELOPER",
		nil},
}

func TestAttributionRound4(t *testing.T) { checkCases(t, round4Cases) }

func TestSpeakerLabel(t *testing.T) {
	for _, tc := range []struct {
		in, label, rest string
	}{
		{"WALLACE: Let's start.", "WALLACE", "Let's start."},
		{"\"PENCE: Well, look.", "PENCE", "Well, look."},
		{"“JAKE TAPPER: Welcome back.", "JAKE TAPPER", "Welcome back."},
		{"O'NEILL: No.", "O'NEILL", "No."},
		{"RAMOS:\u00a0 Secretary Clinton, did you lie?", "RAMOS", "Secretary Clinton, did you lie?"},
		{"UN: PEACEKEEPERS PAYING FOR SEX", "", ""},
		{"Q: Why?", "", ""},
		{"Wallace: Hello.", "", ""},
		{"ONE TWO THREE FOUR: too long", "", ""},
		{"WALLACE:", "", ""},
		{"WALLACE said: hello", "", ""},
		{"", "", ""},
	} {
		ls, le, after, ok := speakerLabel(tc.in)
		label, rest := "", ""
		if ok {
			label, rest = tc.in[ls:le], tc.in[after:]
		}
		if label != tc.label || rest != tc.rest {
			t.Errorf("speakerLabel(%q) = %q, %q; want %q, %q", tc.in, label, rest, tc.label, tc.rest)
		}
	}
}

func TestStageDirection(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want bool
	}{
		{"(CROSSTALK.)", true},
		{"[APPLAUSE]", true},
		{"(LAUGHTER)", true},
		{"(D-Wis.)", false},
		{"(It was over.)", false},
		{"(UN)", false},
		{"CROSSTALK", false},
		{"", false},
	} {
		if got := stageDirection(tc.in); got != tc.want {
			t.Errorf("stageDirection(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}
