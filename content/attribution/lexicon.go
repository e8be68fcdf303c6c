package attribution

import (
	"strings"

	"copydesk/content/text"
)

// Word lists for the attribution rules. They live in the code so nothing is
// downloaded at run time; each list is small enough to read and argue with.

// cueVerb describes one form of a reporting verb.
type cueVerb struct {
	lemma      string
	object     bool   // takes a hearer before the content: told reporters that
	ambiguous  bool   // also a common noun (claims, notes): needs its subject right before it
	quotesOnly bool   // attributes quotations but does not report a clause: "continued", "read"
	needsQuote bool   // a speech act ("called it", "mocked"): an attribution only with a quotation
	needsThat  bool   // a verb of judgment ("ruled", "believes"): an attribution only with "that"
	particle   string // a word the verb needs after it: "referred to"
	// plainObject: a verb as often plain transitive as reporting ("posted
	// a profit", "added jobs"): what follows it is reported speech only
	// when it is clearly a clause
	plainObject bool
	// amountObject: a verb that reports speech or a result ("added that
	// …", "added 146,000 jobs"): an amount after it is no speech
	amountObject bool
	// adjective: a word of insistence after "is" or "was" ("was
	// adamant that …"), not a verb
	adjective bool
}

var cueVerbs = map[string]cueVerb{}

// cueWords holds the forms of cueVerbs, so a token knows it may be a cue.
var cueWords = text.NewWordSet("")

// verbForms returns the forms of a verb: "warn" gives warn warns warned
// warning; irregular forms are listed after the base ("say said").
func verbForms(spec string) []string {
	f := splitFields(spec)
	base := f[0]
	if len(f) > 1 {
		return f
	}
	s, ed, ing := base+"s", base+"ed", base+"ing"
	switch {
	case strings.HasSuffix(base, "e"):
		ed, ing = base+"d", base[:len(base)-1]+"ing"
	case strings.HasSuffix(base, "y") && !strings.ContainsAny(base[len(base)-2:len(base)-1], "aeiou"):
		s, ed = base[:len(base)-1]+"ies", base[:len(base)-1]+"ied"
	case strings.HasSuffix(base, "ss") || strings.HasSuffix(base, "sh") || strings.HasSuffix(base, "ch") || strings.HasSuffix(base, "x"):
		s = base + "es"
	}
	return []string{base, s, ed, ing}
}

func init() {
	// add registers the forms of each verb; nouns lists the forms that
	// are also common nouns.
	add := func(v cueVerb, nouns string, specs ...string) {
		amb := map[string]bool{}
		for _, n := range strings.Fields(nouns) {
			amb[n] = true
		}
		for _, spec := range specs {
			forms := verbForms(spec)
			for _, f := range forms {
				w := v
				w.lemma = forms[0]
				w.ambiguous = amb[f]
				if _, dup := cueVerbs[f]; !dup {
					cueVerbs[f] = w
				}
			}
		}
	}
	// Reporting verbs: they report a clause or a quotation.
	add(cueVerb{}, "recall recalls claim claims note notes state states remark remarks promise promises counter counters tweet tweets post posts report reports estimate estimates comment comments vow vows pledge pledges demand demands reply replies answer answers boast boasts joke jokes retort retorts charge charges warning writing posting reading",
		"say says said saying", "add", "write writes wrote written writing", "state", "declare", "note", "explain",
		"insist", "argue", "claim", "warn", "announce", "acknowledge", "reply", "suggest", "recall", "concede",
		"admit admits admitted admitting", "vow", "stress", "predict", "assert", "tweet", "post", "respond", "remark",
		"testify", "confirm", "deny", "repeat", "maintain", "emphasize", "emphasise", "reiterate",
		"quip quips quipped quipping", "joke", "boast", "complain", "counter", "observe", "promise", "contend",
		"allege", "report", "conclude", "estimate", "blog",
		"wonder", "muse", "grumble", "vent", "recount", "pledge", "proclaim", "lament", "bemoan", "retort", "interject", "plead", "demand", "propose", "reveal", "disclose", "mention", "comment", "opine",
		"speculate", "theorize", "guarantee", "swear swears swore sworn swearing", "confide", "brag brags bragged bragging",
		"gush", "snap snaps snapped snapping", "scoff", "snipe", "preach", "answer", "forecast", "advise", "underscore",
		"affirm", "concur", "recommend")
	add(cueVerb{object: true}, "caution cautions", "tell tells told telling", "ask", "assure", "inform", "remind", "urge", "notify", "caution")
	add(cueVerb{quotesOnly: true}, "continue continues read reads", "continue", "read reads read reading")
	// Exclamations: they attribute the words quoted beside them.
	add(cueVerb{quotesOnly: true}, "sigh sighs boom booms cheer cheers roar roars cry cries gasp gasps groan groans rant rants rave raves thunder shout shouts yell yells scream screams chant chants whisper whispers",
		"sigh", "boom", "jeer", "cheer", "holler", "bellow", "roar", "cry cries cried crying", "gasp", "groan",
		"marvel", "rant", "rave", "thunder", "exclaim", "shout", "yell", "scream", "chant", "whisper", "mutter",
		"react", "fume", "remember", "blare", "reminisce", "retweet")
	add(cueVerb{}, "point points", "point")                  // pointed out
	add(cueVerb{needsQuote: true}, "brush brushes", "brush") // brushed aside … as “…”
	add(cueVerb{}, "call calls", "call")                     // called it, called for
	// Speech acts: they attribute the quotation that follows them, "mocked
	// his rival as ''Little Marco''", but report no clause without one.
	add(cueVerb{needsQuote: true}, "label labels brand brands slam slams praise praises blame blames attack attacks question questions challenge challenges mock mocks tease teases dub dubs hail hails tout touts cite cites quote quotes characterize",
		"describe", "label", "dub dubs dubbed dubbing", "brand", "blast", "slam slams slammed slamming", "mock",
		"criticize", "criticise", "praise", "accuse", "blame", "decry", "denounce", "condemn", "dismiss", "hail",
		"tout", "question", "challenge", "attack", "tease", "thank", "characterize", "characterise", "cite", "quote",
		"defend", "ridicule", "deride", "lambaste", "rip rips ripped ripping", "chide", "scold", "rebuke", "berate", "taunt", "needle", "lampoon", "vilify", "insult", "disparage", "belittle")
	add(cueVerb{needsQuote: true}, "compare compares credit credits invite invites welcome welcomes reject rejects dispute disputes oppose opposes endorse endorses press presses protest protests object objects mourn mourns regret regrets celebrate celebrates frame frames cast casts paint paints term terms nickname nicknames hint hints signal signals reference references echo echoes invoke invokes rate rates judge judges grade grades",
		"liken", "compare", "laud", "herald", "credit", "invite", "implore", "applaud", "welcome", "reject",
		"dispute", "rebut", "refute", "oppose", "endorse", "press", "protest", "object", "mourn", "regret",
		"apologize", "celebrate", "frame", "portray", "cast casts cast casting", "depict", "paint", "term",
		"nickname", "imply", "insinuate", "hint", "signal", "reference", "invoke", "echo echoes echoed echoing",
		"rate", "deem", "judge", "grade", "admire", "regard", "view views viewed viewing", "hail", "extol", "laud")
	// Verbs of judgment and belief attribute a clause that holds a
	// quotation: "Politifact ruled that the claim was “true.”"
	add(cueVerb{needsQuote: true, needsThat: true}, "rule rules find finds feel feels fear fears hope hopes worry doubt doubts show shows prove proves",
		"rule", "find finds found finding", "believe", "think thinks thought thinking", "feel feels felt feeling",
		"fear", "worry", "hope", "know knows knew known knowing", "realize", "recognize", "understand understands understood understanding",
		"decide", "determine", "show", "indicate", "prove", "demonstrate", "learn", "assume", "expect", "doubt", "suspect")
	// Adjectives of insistence report after "was": "Stange was insistent
	// the performance was disappointing", "she was adamant that …".
	for _, f := range []string{"insistent", "adamant", "emphatic", "unequivocal", "categorical"} {
		cueVerbs[f] = cueVerb{lemma: f, adjective: true, plainObject: true}
	}
	// Agreement reports a clause only with "that": "52 percent agreed that
	// …", not "agreed to a deal".
	add(cueVerb{needsThat: true}, "", "agree")
	for _, spec := range []string{"fire fires fired firing", "shoot shoots shot shooting", "hit hits hit hitting", "push pushes pushed pushing"} {
		for _, f := range splitFields(spec) {
			cueVerbs[f] = cueVerb{lemma: "fire back", particle: "back"} // "fired back that"
		}
	}
	for _, f := range []string{"put", "puts", "putting"} {
		cueVerbs[f] = cueVerb{lemma: "put", quotesOnly: true, particle: "it"} // "as X put it"
	}
	for _, f := range []string{"refer", "refers", "referred", "referring"} {
		cueVerbs[f] = cueVerb{lemma: "refer", needsQuote: true, particle: "to"}
	}
	// Verbs as often plain transitive as reporting, chosen on the PolNeAR
	// train split: taking what follows them only when it is a clause, or
	// refusing it only when it is an amount, cost no recall there.
	for f, v := range cueVerbs {
		switch v.lemma {
		case "conclude", "estimate", "reveal", "disclose", "forecast", "maintain", "demand", "guarantee", "answer", "concede", "advise", "observe":
			v.plainObject = true
		case "add", "post", "report":
			v.amountObject = true
		}
		cueVerbs[f] = v
	}
	for f := range cueVerbs {
		cueWords.Add(f)
	}
	cueWords.Add("according") // according to
}

func splitFields(s string) []string {
	var out []string
	start := -1
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	return out
}

// auxiliaries and adverbs that may stand between a subject and its verb:
// "Kerry also said", "he has repeatedly said", "she did not say".
var preVerb = text.NewWordSet("now however having long both all each too also has have had was were is are will would could can may might must should did does do not never reportedly publicly privately separately earlier already still just even further flatly firmly simply frequently famously quickly immediately then again later once often recently previously repeatedly initially ultimately eventually finally subsequently been being has had n't explicitly openly bluntly angrily directly specifically clearly similarly likewise sharply strongly plainly forcefully emphatically confidently tearfully generally usually always sometimes herself himself themselves itself")

// focusAdverbs may open a sentence before its subject: "Even China, its
// only ally, said …".
var focusAdverbs = text.NewWordSet("even only also still now then meanwhile")

// subjectPronouns can be the source of a quote.
var subjectPronouns = text.NewWordSet("he she they it i we you who")

var determiners = text.NewWordSet("the a an another this that these those some many several both most one each every all his her their its our my your any no two three four five six seven eight nine ten dozens hundreds numerous various other")

// roleNouns head a description of a speaker: "a senior U.S. official".
var roleNouns = text.NewWordSet(`official officials spokesman spokeswoman spokesperson spokespeople diplomat diplomats
source sources aide aides adviser advisers advisor advisors analyst analysts expert experts lawyer lawyers
attorney attorneys minister ministers president senator senators lawmaker lawmakers legislator legislators
representative representatives congressman congresswoman congressmen governor mayor director directors
chairman chairwoman chair chief executive executives ceo founder cofounder co-founder head leader leaders
member members secretary ambassador envoy commander general officer officers police authorities investigators
investigator prosecutor prosecutors judge justice witness witnesses resident residents people voter voters
supporter supporters critic critics opponent opponents activist activists economist economists scientist
scientists researcher researchers professor professors doctor doctors candidate nominee strategist strategists
pollster pollsters consultant consultants operative operatives manager staffer staffers campaign statement
report reports study studies survey surveys poll polls memo letter document documents filing complaint lawsuit
indictment website newspaper group groups organization organisation committee department ministry agency company
firm government administration team office official's spokesmen spokeswomen man woman men women father mother
son daughter wife husband friend friends colleague colleagues student students teacher teachers worker workers
employee employees owner owners parent parents citizen citizens official, person persons observers observer
historian historians journalist journalists reporter reporters editor editors columnist columnists commentator
commentators host anchor pundit pundits delegate delegates organizer organizers protester protesters
demonstrators demonstrator rebels rebel militants militant fighters commanders soldiers soldier troops
negotiator negotiators mediator mediators envoys ministers presidents governors mayors judges spokespersons
chiefs heads founders partners partner analysis data figures records research paper article post tweet
blog video ad advertisement release announcement transcript account accounts testimony interview speech
sheriff coroner spokesperson deputy deputies representative's regulators regulator officials' leadership
counsel inspector auditor auditors trustees board council panel commission court jury
users user fans fan voter nation country state city county district
councillor councillors councilor councilors treasurer clerk caretaker detective detectives constable
superintendent commissioner commissioners chancellor premier coach coaches captain referee player players
campaigner campaigners union unions charity nurse nurses surgeon surgeons paramedic paramedics boss bosses
neighbour neighbours neighbor neighbors relative relatives victim victims survivor survivors landlord
tenant tenants farmer farmers villager villagers locals priest bishop peer peers pupil pupils headteacher
principal magistrate barrister solicitor solicitors trader traders shopkeeper driver drivers inspectors
registrar registrars ombudsman`)

// personTitles are words of a title before a name, not part of the name:
// "U.S. Secretary of State John Kerry", "Sen. Marco Rubio".
var personTitles = text.NewWordSet(`mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor rev rev. reverend sen sen. senator rep rep.
representative gov gov. governor gen gen. general adm adm. admiral col col. colonel lt lt. lieutenant sgt sgt. sergeant
capt capt. captain maj maj. major cmdr cmdr. commander president vice secretary minister prime foreign defense defence
interior finance justice state attorney chief justice judge mayor ambassador envoy spokesman spokeswoman chairman
chairwoman chair director leader majority minority whip speaker chancellor premier deputy assistant acting former
pope king queen prince princess sheikh emir ayatollah pastor bishop cardinal rabbi imam officer detective sheriff
superintendent commissioner inspector agent coach candidate nominee treasurer clerk auditor comptroller controller
councilor councillor alderman alderwoman supervisor solicitor magistrate marshal principal provost democratic republican democrat gop presidential
congressman congresswoman councilman councilwoman councilmember assemblyman assemblywoman delegate trustee dean
executive ceo cfo coo founder manager strategist pollster spokesperson adviser advisor aide economist analyst
correspondent anchor host editor reporter columnist commentator author writer professor lawyer
u.s. us u.n. un uk u.k. eu nato white house state department campaign national security council press
secretary-general general-secretary first lady senior top deputy special then-president then-candidate`)

// honorifics stand right before a person's name, with or without a full
// stop (British copy writes "Mr Fox").
var honorifics = text.NewWordSet("mr mr. mrs mrs. ms ms. miss dr dr. sir dame mx mx.")

// thingHeads end the names of laws, treaties and plans, which look like
// people's names: "the Licensing Act", "the Finance Bill".
var thingHeads = text.NewWordSet("act acts bill bills treaty treaties accord accords agreement agreements pact convention directive charter amendment amendments protocol statute constitution regulations code doctrine drive road street avenue lane crescent terrace boulevard highway")

// irregularPast are frequent past forms without -ed, verbs of a clause.
var irregularPast = text.NewWordSet("led made took got gave went came saw kept left put thought brought became began felt found held meant paid ran sat set stood won wrote drove grew knew lost sent spent told spoke")

// askedOpeners may stand before a question that opens a sentence: "When
// asked whether …".
var askedOpeners = text.NewWordSet("when after once if as")

// nounsInIng end in -ing without being participles.
var nounsInIng = text.NewWordSet("nothing something anything everything morning evening thing things king beijing wyoming wedding building spring string ceiling feeling meeting funding ruling hearing briefing")

// orgDescriptors before a name make it a company's: "sportswear firm
// Umbro", "media giant TimeWarner".
var orgDescriptors = text.NewWordSet("company companies firm firms group giant maker makers manufacturer retailer carrier airline bank insurer brewer chain operator producer supplier publisher broadcaster conglomerate startup")

// resultNouns are what a company posts or adds, not words: "posted a
// 222% rise", "reporting its first profit".
var resultNouns = text.NewWordSet("profit profits loss losses rise rises fall falls gain gains increase increases decrease decreases decline declines drop drops jump jumps revenue revenues sales earnings jobs growth deficit surplus dividend dividends results turnover income margin margins shares stake points")

// nameParticles are lower-case words inside names: Staffan de Mistura.
var nameParticles = text.NewWordSet("de da di du del della der den van von la le bin ibn al el st. dos das")

// honorificGender gives the gender a title implies.
var honorificGender = map[string]byte{
	"mr": 'm', "mr.": 'm', "mrs": 'f', "mrs.": 'f', "ms": 'f', "ms.": 'f', "miss": 'f',
	"congressman": 'm', "congresswoman": 'f', "spokesman": 'm', "spokeswoman": 'f',
	"chairman": 'm', "chairwoman": 'f', "king": 'm', "queen": 'f', "prince": 'm', "princess": 'f',
	"councilman": 'm', "councilwoman": 'f', "assemblyman": 'm', "assemblywoman": 'f', "sheikh": 'm',
	"pope": 'm', "father": 'm', "mother": 'f', "wife": 'f', "husband": 'm', "son": 'm', "daughter": 'f',
	"man": 'm', "woman": 'f', "lady": 'f',
}

// givenNames gives the usual gender of common first names, so "he" is not
// resolved to Hillary Clinton. Unknown names match either pronoun.
var givenNames = func() map[string]byte {
	m := map[string]byte{}
	for _, n := range splitFields(`john james robert michael william david richard joseph thomas charles christopher daniel
matthew anthony mark donald steven paul andrew joshua kenneth kevin brian george edward ronald timothy jason jeffrey
ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory frank alexander
raymond patrick jack dennis jerry tyler aaron jose adam henry nathan douglas zachary peter kyle walter ethan jeremy
harold keith christian roger noah gerald carl terry sean austin arthur lawrence jesse dylan bryan joe jordan billy
bruce albert willie gabriel logan alan juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip
johnny barack bill mike mitch ted marco jeb chris rand ben newt rick bernie tim reince sergei vladimir bashar
mohammad mohammed muhammad ali ahmed hassan recep francois emmanuel boris nigel angela xi kim jim tom tony sam dan
steve bob rob rudy rudolph corey kellyanne jared eric lindsey harry nancy chuck orrin lamar kevin trey jason darrell
elijah al mitt newt rahm denis josh ron sean martin luther malcolm jesse cory ricky bobby herman hugh dick dick
staffan mohammad javad hans joachim john-paul jean pierre jacques nicolas francois manuel juan carlos luis pedro
miguel hector antonio giuseppe marco paolo giovanni kurt wolfgang helmut friedrich vladimir dmitry sergey igor
alexei mikhail yuri ivan benjamin ehud ariel shimon yitzhak mahmoud abdullah salman hamad tamim hosni anwar gamal`) {
		m[n] = 'm'
	}
	for _, n := range splitFields(`mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa
margaret betty sandra ashley dorothy kimberly emily donna michelle carol amanda melissa deborah stephanie rebecca
laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela nicole samantha katherine emma ruth
christine catherine debra rachel carolyn janet virginia maria heather diane julie joyce victoria kelly christina
joan evelyn lauren judith olivia frances martha cheryl megan andrea hannah jacqueline ann jean alice kathryn gloria
teresa doris sara janice julia marie madison grace judy theresa beverly denise marilyn amber danielle abigail
brittany rose diana natalie sophia alexis lori kayla jane hillary michelle chelsea ivanka melania kellyanne
huma donna debbie elizabeth hope sarah carly nikki condoleezza condi madeleine valerie susan samantha loretta
janet ruth sonia elena theresa angela marine frederica federica christine ursula kamala tulsi jill maxine
nancy dianne barbara kirsten amy claire tammy heidi jeanne lisa shelley mazie cecilia huma neera jennifer
kate katie kathy kat meghan megyn mika rachel gwen judy norah greta brooke erin dana andrea laura`) {
		m[n] = 'f'
	}
	return m
}()

// givenSet holds the given names of givenNames, so a token knows at once
// whether it is one.
var givenSet = func() text.WordSet {
	s := text.NewWordSet("")
	for n := range givenNames {
		s.Add(n)
	}
	return s
}()

// orgWords mark a capitalised name as an organisation, not a person.
var orgWords = text.NewWordSet(`nations house department ministry party committee council agency times post journal news network
university institute center centre foundation association union bank fund corporation corp corp. inc inc. co co. plc ltd ltd. llc llp gmbh
group campaign court congress senate parliament pentagon kremlin reuters ap afp cnn fox nbc abc cbs msnbc politico
bloomberg npr bbc commission organization organisation office administration service services bureau board
authority council police army navy force forces guard command company airlines motors industries holdings
partners press tribune gazette herald review magazine daily weekly television radio channel club league federation
alliance coalition movement front society church school college hospital clinic museum library project initiative
program programme fed reserve treasury state's times' post's democrats republicans gop dnc rnc fbi cia nsa
doj epa irs sec fda cdc who nato opec imf eu un u.n. government judiciary`)

// places are countries and a few cities that often "say" things in news.
var places = text.NewWordSet(`kingdom republic emirates day street avenue boulevard square airport stadium arena plaza bridge river island islands valley bay lake county
afghanistan albania algeria america argentina armenia australia austria azerbaijan bahrain bangladesh
belarus belgium bolivia bosnia brazil britain bulgaria cambodia cameroon canada chile china colombia congo croatia
cuba cyprus czech denmark egypt england estonia ethiopia europe finland france georgia germany ghana greece
guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy japan jordan kazakhstan
kenya korea kosovo kuwait latvia lebanon libya lithuania luxembourg macedonia malaysia mali mexico moldova mongolia
montenegro morocco myanmar nepal netherlands nicaragua niger nigeria norway oman pakistan palestine panama paraguay
peru philippines poland portugal qatar romania russia rwanda scotland senegal serbia singapore slovakia slovenia
somalia spain sudan sweden switzerland syria taiwan tajikistan tanzania thailand tunisia turkey turkmenistan
uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen zambia zimbabwe moscow washington beijing tehran
damascus ankara london paris berlin brussels kiev kyiv tokyo seoul pyongyang jerusalem riyadh cairo baghdad kabul
islamabad delhi havana caracas ottawa canberra aleppo states alabama alaska arizona arkansas california colorado
connecticut delaware florida hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland
massachusetts michigan minnesota mississippi missouri montana nebraska nevada hampshire jersey carolina dakota
ohio oklahoma oregon pennsylvania tennessee texas utah vermont wisconsin wyoming rico`)

// conjunctions join clauses; a clause's subject is found after them.
var conjunctions = text.NewWordSet("and but so yet or nor then")

// adverbialStarts begin a circumstance between a verb and what it reports:
// "said in a statement that", "told reporters prior to the talks that".
var adverbialStarts = text.NewWordSet("in on at during prior after before last this earlier late later following via through over while when as to outside inside from amid despite since without upon")

// adverbialPreps before a subject's verb mark a circumstance, not the
// subject: "Trump on Tuesday said".
// toldThings are told, not told to: "told the story of", "told a joke".
var toldThings = text.NewWordSet("story stories tale tales joke jokes anecdote anecdotes truth lie lies history")

// circumstancePreps open a phrase of place, time or medium after a
// reporting verb: "said in a tweet", "wrote on Friday", "confirmed to
// Reuters".
var circumstancePreps = text.NewWordSet("in on at during via through over after before following from to")

var adverbialPreps = text.NewWordSet("on in at during via through over last this earlier late after before following")

// introWords open a sentence with a circumstance that ends at a comma.
var introWords = text.NewWordSet("here asked speaking however meanwhile still instead later earlier separately yesterday today also indeed previously afterward afterwards once if although though because since unlike like nevertheless nonetheless moreover furthermore besides likewise similarly consequently therefore thus hence shortly subsequently additionally")

// groupPronouns stand for people without naming them: "Several said",
// "Others say".
var groupPronouns = text.NewWordSet("others several many some most both few all one another everyone everybody someone somebody nobody none")

// numberWords count people: "About four in 10 said".
var numberWords = text.NewWordSet("one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million percent half majority minority third quarter dozen dozens hundreds thousands")

// objectPronouns are hearers: "told him", "asked them".
var objectPronouns = text.NewWordSet("him her them us me you reporters journalists supporters voters lawmakers congress listeners viewers attendees students audiences crowds members donors colleagues friends")

// hearerNouns end a named hearer: "told NBC's Today show".
var hearerNouns = text.NewWordSet("show program programme newspaper paper magazine station network radio television tv channel website site blog podcast audience crowd")

// beForms make a following participle passive: "was told", "is said to".
var beForms = text.NewWordSet("is are was were be been being am 's ’s")

// clauseVerbs are frequent verbs that end a noun phrase.
var clauseVerbs = text.NewWordSet("is are was were be been being am has have had do does did will would can could should may might must shall")

// notAdverbs end in -ly but are nouns or adjectives.
var notAdverbs = text.NewWordSet("family ally rally italy july reply supply apply assembly anomaly monopoly homily lily bully belly jelly folly holy ugly only early daily weekly monthly yearly elderly friendly lonely lovely likely unlikely silly costly deadly curly")

// clauseMarkers open a clause whose subject speaks for a participle after
// it: "where about 50 protesters had gathered, chanting …".
var clauseMarkers = text.NewWordSet("where when while after because as since although though whereas until before if")

// circumstances head a phrase between a subject and its verb: "Clinton in a
// statement said".
var circumstances = text.NewWordSet("statement interview tweet tweets post email letter speech rally conference call appearance remarks address briefing release op-ed video message radio television broadcast")

// approximators come before a number in a phrase: "about 200 protesters".
var approximators = text.NewWordSet("about nearly roughly almost around some over only just at")

// documentNouns are things issued or sent that "say" what their author
// says: "issued a statement saying".
// seriesNouns count documents: "a series of tweets".
var seriesNouns = text.NewWordSet("series string flurry stream barrage pair couple volley set spate torrent")

var documentNouns = text.NewWordSet("announcement statement statements release letter letters email emails ad ads tweet tweets post posts report memo response video message note op-ed column editorial advertisement commercial filing brief")

// subordinators open a clause that depends on another.
var subordinators = text.NewWordSet("that who whom whose which what whether if how why where when because although though while since unless")

// judgedSaying are the words before "to say" in idioms that report nobody's
// words: "hard to say", "fair to say", "too early to say".
var judgedSaying = text.NewWordSet("hard difficult easy impossible fair safe early premature needless")

// participlePreps introduce a participle whose subject is the clause's:
// "by saying", "after adding", "despite admitting".
var participlePreps = text.NewWordSet("by while and after before despite without in when since upon from")

// claimNouns name a claim whose words follow "that": "Trump's claim that".
var claimNouns = text.NewWordSet("claim claims assertion assertions argument insistence suggestion statement contention allegation allegations accusation charge promise pledge vow warning prediction boast admission complaint declaration emphasis remark remarks comment comments view belief assurance assurances threat warnings predictions complaints promises pledges threats statements accusations suggestions")

// possessivePronouns own a claim: "his claim that".
var possessivePronouns = text.NewWordSet("his her their its my our your")

// segmentOpeners may open the segment that holds a subject: "As John
// Cornyn, the No. 2 in the leadership, put it".
var segmentOpeners = text.NewWordSet("as while when after because since though although if but and yet so")

// nounSayers before a base form make it a noun: "the final say", "have a
// say".
var nounSayers = text.NewWordSet("a the final last little much more equal greater bigger real")

// verbParticles follow a verb, not an adjective: "handed out flyers".
var verbParticles = text.NewWordSet("out up down off away back over around aside")

// circumstanceStarts open a phrase after a parenthetical frame that tells
// where or how it was said, not what: "he said, in a caution to his
// backers".
var circumstanceStarts = text.NewWordSet("in on at during without with as of who which whose after before amid")
