package figures

import (
	"strings"

	"copydesk/content/text"
)

// The word lists of the figure recogniser. Every word a rule needs is here,
// looked up once per token, so the rules themselves stay free of spellings.

type numClass uint8

const (
	ncNone numClass = iota
	ncOnes          // zero … nine
	ncTeen          // ten … nineteen
	ncTens          // twenty … ninety
	ncHundred
	ncScale // thousand, million, lakh …
	ncDozen
)

type timeUnit uint8

const (
	tuNone timeUnit = iota
	tuSecond
	tuMinute
	tuHour
	tuDay
	tuWeek
	tuFortnight
	tuMonth
	tuYear
	tuDecade
	tuCentury
	tuQuarter // a quarter of a year, only after a count (see quarterPeriod)
)

type lexFlag uint32

const (
	// fCommon marks ordinary words: capitalised before a number they start a
	// sentence or a phrase ("Nearly 300", "In 2016"), they do not name a
	// product or a road ("Boeing 747", "Route 66").
	fCommon lexFlag = 1 << iota
	// fNotNoun words never name what a number counts ("5 were", "10 of").
	fNotNoun
	// fModifier words may stand between a number and its noun ("3 more people").
	fModifier
	// fApprox words make "half" and "a quarter" quantities ("nearly half").
	fApprox
	// fTimePrep words introduce a time ("in June", "since 1998").
	fTimePrep
	// fRelative words anchor a date to the time of writing ("last month").
	fRelative
	// fVague words are quantities without a number ("several days").
	fVague
	// fNation words qualify a currency ("Australian dollars").
	fNation
	// fPrefix words join a number with a hyphen and keep it a figure
	// ("mid-1990s", "pre-2008", "under-18s").
	fPrefix
	// fPlural marks the vague plurals of scale words ("tens of thousands").
	fPlural
	// fAgo words turn a duration into a date ("three weeks ago").
	fAgo
	// fRange words join the two ends of a range ("10 to 20").
	fRange
	// fSeason names a season.
	fSeason
	// fTrigger words may start a figure anywhere: numbers, months, weekdays.
	fTrigger
	// fReference words point into a law or a document: the number after
	// them is a place in the text ("section 5/6", "Article 50").
	fReference
)

// trigKind names the check a common word needs before it may start a figure.
type trigKind uint8

const (
	trigNone       trigKind = iota
	trigThe                 // "the 1990s", "the next day"
	trigArticle             // "a dozen", "a decade"
	trigRelative            // "last month", "next Friday"
	trigUnitNext            // "several days", "all day", "another week"
	trigNumberNext          // "minus 5", "percent of 10"
	trigCode                // "USD 200", "rmb 10"
	trigNo                  // "No. 2"
	trigPer                 // "per cent of"
	trigLater               // "later this year", "earlier this month"
)

type lexeme struct {
	flags   lexFlag
	cls     numClass
	num     int  // value of a cardinal word; scale words: power of ten
	ord     int  // ordinal value: first=1, hundredth=100
	ordPl   bool // "thirds": an ordinal that can only be a denominator
	month   int  // 1…12
	wday    int  // ISO 8601: Monday=1 … Sunday=7
	wdayAbb bool // "wed", "sun": a weekday only inside a date
	tu      timeUnit
	unit    string // measurement unit, canonical
	cur     string // currency: ISO 4217 code, or the word when none fits
	minor   bool   // cents, pence: a hundredth of cur
	plural  bool   // unit or ordinal word in the plural
	scale   int    // magnitude word after digits: power of ten
	pctWord bool
	trig    trigKind
}

var lexicon = map[string]*lexeme{}

func lx(w string) *lexeme {
	l := lexicon[w]
	if l == nil {
		l = &lexeme{}
		lexicon[w] = l
	}
	return l
}

func addFlag(f lexFlag, words string) {
	for _, w := range strings.Fields(words) {
		lx(w).flags |= f
	}
}

func init() {
	for i, w := range strings.Fields("zero one two three four five six seven eight nine") {
		l := lx(w)
		l.cls, l.num = ncOnes, i
	}
	for _, w := range []string{"nought", "naught"} {
		lx(w).cls = ncOnes
	}
	for i, w := range strings.Fields("ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen") {
		l := lx(w)
		l.cls, l.num = ncTeen, 10+i
	}
	for i, w := range strings.Fields("twenty thirty forty fifty sixty seventy eighty ninety") {
		l := lx(w)
		l.cls, l.num = ncTens, 20+10*i
	}
	lx("fourty").cls, lx("fourty").num = ncTens, 40
	lx("hundred").cls, lx("hundred").num = ncHundred, 2
	for w, p := range map[string]int{"thousand": 3, "million": 6, "billion": 9, "trillion": 12, "lakh": 5, "crore": 7} {
		l := lx(w)
		l.cls, l.num = ncScale, p
	}
	for _, w := range []string{"dozen", "dozens", "doz", "dozs", "dzs", "dz"} {
		lx(w).cls = ncDozen
	}
	lx("dozens").flags |= fPlural
	for _, w := range strings.Fields("hundreds thousands millions billions trillions tens scores") {
		lx(w).flags |= fPlural
	}

	// Magnitudes written after digits: "10k", "$3bn", "2mil", "1.2b".
	for w, p := range map[string]int{"k": 3, "mn": 6, "mil": 6, "mln": 6, "m": 6, "mm": 6,
		"b": 9, "bn": 9, "bln": 9, "tn": 12, "tln": 12, "trn": 12} {
		lx(w).scale = p
	}

	ords := strings.Fields("first second third fourth fifth sixth seventh eighth ninth tenth " +
		"eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth")
	for i, w := range ords {
		lx(w).ord = i + 1
		if i >= 2 {
			p := lx(w + "s")
			p.ord, p.ordPl = i+1, true
		}
	}
	lx("firsts").ord, lx("firsts").ordPl = 1, true
	for i, w := range strings.Fields("twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth") {
		lx(w).ord = 20 + 10*i
		p := lx(w + "s")
		p.ord, p.ordPl = 20+10*i, true
	}
	for w, v := range map[string]int{"hundredth": 100, "thousandth": 1000, "millionth": 1e6, "billionth": 1e9, "trillionth": 1e12} {
		lx(w).ord = v
		p := lx(w + "s")
		p.ord, p.ordPl = v, true
	}
	for _, w := range []string{"half", "halves"} {
		lx(w).ord, lx(w).ordPl = 2, true
	}
	for _, w := range []string{"quarter", "quarters"} {
		lx(w).ord, lx(w).ordPl = 4, true
	}
	lx("halves").plural, lx("quarters").plural = true, true

	for i, w := range strings.Fields("january february march april may june july august september october november december") {
		lx(w).month = i + 1
	}
	for w, m := range map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7,
		"aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12} {
		lx(w).month = m
	}
	for i, w := range strings.Fields("monday tuesday wednesday thursday friday saturday sunday") {
		lx(w).wday = i + 1
		lx(w + "s").wday = i + 1
		lx(w + "s").plural = true
	}
	for w, d := range map[string]int{"tues": 2, "weds": 3, "thur": 4, "thurs": 4} {
		lx(w).wday = d
	}
	for w, d := range map[string]int{"mon": 1, "tue": 2, "wed": 3, "thu": 4, "fri": 5, "sat": 6, "sun": 7} {
		lx(w).wday, lx(w).wdayAbb = d, true
	}

	for tu, ws := range map[timeUnit]string{
		tuSecond:    "second seconds sec secs",
		tuMinute:    "minute minutes min mins",
		tuHour:      "hour hours hr hrs h",
		tuDay:       "day days nights",
		tuWeek:      "week weeks wk wks",
		tuFortnight: "fortnight fortnights",
		tuMonth:     "month months",
		tuYear:      "year years yr yrs",
		tuDecade:    "decade decades",
		tuCentury:   "century centuries",
	} {
		for _, w := range strings.Fields(ws) {
			lx(w).tu = tu
			lx(w).plural = strings.HasSuffix(w, "s") || w == "centuries"
		}
	}

	for unit, ws := range map[string]string{
		"km":    "km kms kilometer kilometers kilometre kilometres",
		"mi":    "mi mile miles",
		"m":     "meter meters metre metres",
		"cm":    "cm centimeter centimeters centimetre centimetres",
		"mm":    "millimeter millimeters millimetre millimetres",
		"ft":    "ft foot feet",
		"in":    "inch inches",
		"yd":    "yd yds yard yards",
		"kg":    "kg kgs kilogram kilograms kilogramme kilogrammes kilo kilos",
		"g":     "gram grams gramme grammes",
		"mg":    "mg milligram milligrams",
		"lb":    "lb lbs",
		"oz":    "oz ounce ounces",
		"ton":   "ton tons",
		"t":     "tonne tonnes",
		"acre":  "acre acres",
		"ha":    "ha hectare hectares",
		"L":     "liter liters litre litres",
		"mL":    "ml milliliter milliliters millilitre millilitres",
		"gal":   "gal gallon gallons",
		"bbl":   "bbl barrel barrels",
		"mph":   "mph",
		"km/h":  "kph kmh",
		"kn":    "knot knots",
		"°":     "degree degrees",
		"MW":    "mw megawatt megawatts",
		"GW":    "gw gigawatt gigawatts",
		"kW":    "kw kilowatt kilowatts",
		"kWh":   "kwh",
		"W":     "watt watts",
		"kcal":  "calorie calories kcal",
		"GB":    "gb gigabyte gigabytes",
		"TB":    "tb terabyte terabytes",
		"MB":    "megabyte megabytes",
		"sq mi": "sqmi",
	} {
		for _, w := range strings.Fields(ws) {
			lx(w).unit = unit
		}
	}

	for code, ws := range map[string]string{
		"USD": "dollar dollars usd",
		"EUR": "euro euros eur",
		"GBP": "sterling gbp",
		"JPY": "yen jpy 円",
		"CNY": "yuan renminbi rmb cny 元",
		"CHF": "chf",
		"CAD": "cad",
		"AUD": "aud",
		"NZD": "nzd",
		"HKD": "hkd",
		"INR": "rupee rupees inr",
		"RUB": "rouble roubles ruble rubles rub",
		"MXN": "mxn",
		"BRL": "reais brl",
		"TRY": "lira lire",
		"ZAR": "rand zar",
		"SEK": "krona kronor sek",
		"NOK": "krone kroner nok",
		"ILS": "shekel shekels ils",
		"SAR": "riyal riyals",
		"AED": "dirham dirhams aed",
		"THB": "baht",
		"MYR": "ringgit",
		"IDR": "rupiah",
		"NGN": "naira",
		"ESP": "peseta pesetas",
		"NLG": "guilder guilders",
		"FIM": "markka markkaa",
		"DEM": "deutschmark deutschmarks",
		"BTC": "bitcoin bitcoins btc",
	} {
		for _, w := range strings.Fields(ws) {
			lx(w).cur = code
		}
	}
	for _, w := range []string{"franc", "francs", "peso", "pesos", "dinar", "dinars"} {
		lx(w).cur = strings.TrimSuffix(w, "s")
	}
	for _, w := range []string{"pound", "pounds"} {
		lx(w).cur = "GBP" // money only with a magnitude or a currency context; else weight
	}
	for w, c := range map[string]string{"cent": "USD", "cents": "USD", "pence": "GBP", "penny": "GBP", "pennies": "GBP"} {
		lx(w).cur, lx(w).minor = c, true
	}
	// Words that start or shape a figure without a role above.
	for _, w := range strings.Fields("yesterday tomorrow tmrw tonight negative full aged weekend night point") {
		lx(w)
	}
	for _, w := range []string{"percent", "percents", "pct", "percentage"} {
		lx(w).pctWord = true
	}

	addFlag(fNation, "us u american australian canadian hong kong new zealand singapore singaporean "+
		"taiwan taiwanese swiss french turkish chinese japanese indian russian mexican brazilian "+
		"south african british egyptian swedish norwegian danish israeli saudi finnish dutch belgian "+
		"argentine chilean colombian philippine deutsche")
	addFlag(fPrefix, "mid pre post early late over under top")
	addFlag(fAgo, "ago earlier later")
	addFlag(fRange, "to through and")
	addFlag(fSeason, "spring summer fall autumn winter")
	addFlag(fReference, "section sections subsection article articles clause clauses paragraph "+
		"paragraphs chapter chapters regulation regulations resolution annex appendix directive")
	addFlag(fRelative, "last next this past coming previous following")
	addFlag(fVague, "several few many some")
	addFlag(fApprox, "about nearly almost roughly around approximately some over under than "+
		"only just least most barely exactly fully precisely estimated")
	addFlag(fTimePrep, "in since until till by from through before after during of between "+
		"early late mid and to around circa c throughout as for")
	addFlag(fModifier, "more other additional extra new young old armed small large big major "+
		"senior former top key local foreign civilian military total separate different "+
		"american unarmed injured wounded elderly innocent full empty")

	// Words that are not names and never the noun a number counts.
	addFlag(fCommon|fNotNoun, "a an the and or but nor of to in on at by for from with without "+
		"into onto upon over under above below about around across after before during since "+
		"until till than as per via between among against within through throughout toward "+
		"towards near nearly almost roughly approximately some only just more less fewer most "+
		"least all both each every any no not another other such these those this that which "+
		"who whom whose what when where while whereas if then so yet also even still again "+
		"his her its their our your my he she it they we you i me him them us is are was were "+
		"be been being am has have had having do does did doing will would shall should can "+
		"could may might must say says said saying told tell tells according up down out off "+
		"there here now ago later earlier once twice thrice times total totaling totalling "+
		"exactly estimated about nearly top number numbers among including include includes "+
		"included like unlike plus minus times whether because though although however "+
		"there's it's that's got get gets getting gave give gives make makes made making "+
		"reached reach reaches rose rise rises fell fall falls grew grow grows dropped drop "+
		"increased increase decreased decrease jumped climbed surged slipped declined "+
		"killed died were wounded injured arrested left remain remained remains stood stands "+
		"went came come comes go goes took take takes won win wins lost lose loses "+
		"began begins became becomes seemed seems saw "+
		"percent per cent pct percentage respectively apiece each alone altogether overall "+
		"last next first second third")
	// What may start a figure.
	for _, l := range lexicon {
		if l.cls != ncNone || l.ord > 0 || l.month > 0 || l.wday > 0 || l.flags&fPlural != 0 {
			l.flags |= fTrigger
		}
	}
	for w, k := range map[string]trigKind{"the": trigThe, "a": trigArticle, "an": trigArticle,
		"several": trigUnitNext, "few": trigUnitNext, "many": trigUnitNext, "some": trigUnitNext,
		"another": trigUnitNext, "all": trigUnitNext, "full": trigUnitNext,
		"minus": trigNumberNext, "negative": trigNumberNext, "percent": trigPer, "percents": trigPer,
		"no": trigNo, "per": trigPer, "later": trigLater, "earlier": trigLater} {
		lx(w).trig = k
	}
	for _, w := range strings.Fields("last next this past coming previous following") {
		lx(w).trig = trigRelative
	}
	for _, w := range strings.Fields("half quarter mid early late yesterday tomorrow tmrw tonight twice thrice q") {
		lx(w).flags |= fTrigger
	}
	for w, l := range lexicon {
		if isoCode(w) != "" || isoCode(strings.ToUpper(w)) != "" {
			l.trig = trigCode
		}
	}

	// Common words that may start a sentence before a number without naming it.
	addFlag(fCommon, "almost approximately roughly around nearly some another additional "+
		"estimated only just over under fewer least at nearly since until among "+
		"page pages chapter verse says said officials police voters people polls poll "+
		"yes no sept oct nov dec jan feb aug apr mar jun jul "+
		"january february march april may june july august september october november december "+
		"monday tuesday wednesday thursday friday saturday sunday "+
		"dollars euros pounds yen yuan cents percent")
}

// The lexicon is probed once per word of every article, so it has its own
// open-addressed table keyed by a hash the tokenizer computes as it reads the
// letters, with no copy and no allocation.

const lexSlots = 1 << 12

type lexSlot struct {
	key string
	l   *lexeme
}

var lexTable [lexSlots]lexSlot

// lexHash is FNV-1a over the word with ASCII letters lower-cased.
func lexHash(h uint32, c byte) uint32 {
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	return text.HashByte(h, c)
}

func init() {
	for w, l := range lexicon {
		h := uint32(text.HashStart)
		for i := 0; i < len(w); i++ {
			h = lexHash(h, w[i])
		}
		for j := h; ; j++ {
			if s := &lexTable[j&(lexSlots-1)]; s.l == nil {
				s.key, s.l = w, l
				break
			}
		}
	}
}

// lookupHashed returns the lexicon entry of word s, whose lexHash is h.
func lookupHashed(s string, h uint32) *lexeme {
	for j := h; ; j++ {
		slot := &lexTable[j&(lexSlots-1)]
		if slot.l == nil {
			return nil
		}
		if len(slot.key) == len(s) && text.EqualLower(s, slot.key) {
			return slot.l
		}
	}
}

// currencyPrefix maps what may stand before "$" to the dollar it means.
var currencyPrefix = map[string]string{
	"us": "USD", "usd": "USD", "c": "CAD", "ca": "CAD", "can": "CAD", "cad": "CAD",
	"a": "AUD", "au": "AUD", "aud": "AUD", "nz": "NZD", "nzd": "NZD", "hk": "HKD", "hkd": "HKD",
	"s": "SGD", "sgd": "SGD", "r": "BRL", "mex": "MXN", "mx": "MXN", "mxn": "MXN", "nt": "TWD",
}

// currencySymbol maps currency signs to ISO 4217 codes.
var currencySymbol = map[rune]string{
	'$': "USD", '€': "EUR", '£': "GBP", '¥': "JPY", '₹': "INR", '₩': "KRW", '₽': "RUB",
	'₺': "TRY", '₪': "ILS", '₡': "CRC", '₾': "GEL", '₭': "LAK", '₿': "BTC", '฿': "THB",
	'₦': "NGN", '₱': "PHP", '₫': "VND", '₴': "UAH",
}

// nationCurrency names the currency of a qualified currency word.
var nationCurrency = map[string]string{
	"us dollar": "USD", "u s dollar": "USD", "american dollar": "USD",
	"australian dollar": "AUD", "canadian dollar": "CAD", "hong kong dollar": "HKD",
	"new zealand dollar": "NZD", "singapore dollar": "SGD", "singaporean dollar": "SGD",
	"taiwan dollar": "TWD", "taiwanese dollar": "TWD",
	"swiss franc": "CHF", "french franc": "FRF", "belgian franc": "BEF",
	"turkish lira": "TRY", "chinese yuan": "CNY", "japanese yen": "JPY",
	"indian rupee": "INR", "russian rouble": "RUB", "russian ruble": "RUB",
	"mexican peso": "MXN", "argentine peso": "ARS", "chilean peso": "CLP",
	"colombian peso": "COP", "philippine peso": "PHP", "brazilian reais": "BRL",
	"south african rand": "ZAR", "british pound": "GBP", "egyptian pound": "EGP",
	"swedish krona": "SEK", "swedish kronor": "SEK", "norwegian krone": "NOK",
	"norwegian kroner": "NOK", "danish krone": "DKK", "danish kroner": "DKK",
	"israeli shekel": "ILS", "saudi riyal": "SAR", "finnish markka": "FIM",
	"dutch guilder": "NLG", "deutsche mark": "DEM",
}

// knownISO are the currency codes recognised in capitals ("USD 200", "15 EUR").
var knownISO = map[string]bool{
	"USD": true, "EUR": true, "GBP": true, "JPY": true, "CNY": true, "CHF": true, "CAD": true,
	"AUD": true, "NZD": true, "HKD": true, "INR": true, "RUB": true, "MXN": true, "BRL": true,
	"ZAR": true, "SEK": true, "NOK": true, "DKK": true, "ILS": true, "SGD": true, "KRW": true,
	"TRY": true, "RMB": true, "AED": true, "SAR": true, "BTC": true,
}
