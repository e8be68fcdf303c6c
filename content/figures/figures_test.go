package figures

import (
	"fmt"
	"strings"
	"testing"
)

// fig is an expected figure: its text, kind, value and unit.
type fig struct {
	text  string
	kind  Kind
	value string
	unit  string
}

// figureCases are sentences written for these tests, one paragraph each,
// with every figure expected in them, in order. An empty list says the
// sentence has none.
var figureCases = []struct {
	text string
	want []fig
}{
	// counts
	{"Officials said 275,000 residents remain in the old town.", []fig{{"275,000", Count, "275000", "residents"}}},
	{"About 8,000 rebels hold the eastern districts.", []fig{{"8,000", Count, "8000", "rebels"}}},
	{"The four ministers met behind closed doors.", []fig{{"four", Count, "4", "ministers"}}},
	{"A dozen reporters waited outside the gate.", []fig{{"A dozen", Count, "12", "reporters"}}},
	{"Tens of thousands of people marched on the capital.", []fig{{"Tens of thousands", Count, "", "people"}}},
	{"Hundreds of millions of viewers watched the final.", []fig{{"Hundreds of millions", Count, "", "viewers"}}},
	{"The city now has 1.2 million inhabitants.", []fig{{"1.2 million", Count, "1200000", "inhabitants"}}},
	{"The army sent 40 Syrian tanks and 3,500 armed volunteers.", []fig{{"40", Count, "40", "tanks"}, {"3,500", Count, "3500", "volunteers"}}},
	{"Two thirds of voters backed the plan.", []fig{{"Two thirds", Count, "0.666666666667", "voters"}}},
	{"More than half of the staff left.", []fig{{"half", Count, "0.5", "staff"}}},
	{"Roughly one in five adults smokes.", []fig{{"one in five", Count, "0.2", "adults"}}},
	{"The Senate voted 52-48 to confirm him.", []fig{{"52-48", Count, "52-48", ""}}},
	{"Inspectors found the plant was at three times its rated load.", []fig{{"three", Count, "3", "times"}}},
	{"The city spends twice as much on roads.", []fig{{"twice", Count, "2", "times"}}},
	{"Polls show her ahead 3 points, HuffPollster 4.3 points.", []fig{{"3", Count, "3", "points"}, {"4.3", Count, "4.3", "points"}}},
	{"Costs rose by a third.", []fig{{"a third", Count, "0.333333333333", ""}}},
	// quantities
	{"The convoy drove 40 km through the desert.", []fig{{"40 km", Quantity, "40", "km"}}},
	{"The new wall stands 6 feet high.", []fig{{"6 feet", Quantity, "6", "ft"}}},
	{"Each truck carried 3.5 tons of flour.", []fig{{"3.5 tons", Quantity, "3.5", "ton"}}},
	{"The boxer weighed in at 200lbs on Tuesday.", []fig{{"200lbs", Quantity, "200", "lb"}, {"Tuesday", Date, "XXXX-WXX-2", ""}}},
	{"The village lies 12 miles north of the border.", []fig{{"12 miles", Quantity, "12", "mi"}}},
	{"Temperatures hit 40 degrees Celsius in the valley.", []fig{{"40 degrees Celsius", Quantity, "40", "°C"}}},
	{"Kerry, 72, flew to Geneva.", []fig{{"72", Quantity, "72", "years old"}}},
	{"The victim was a 17-year-old student.", []fig{{"17-year-old", Quantity, "17", "years old"}}},
	// "m" and "bn" after digits: million and billion, metres only where a length is measured
	{"The country has about 1.6m Muslims, and 1.1m people live in the capital.",
		[]fig{{"1.6m", Count, "1600000", "Muslims"}, {"1.1m", Count, "1100000", "people"}}},
	{"The council will spend £7.4m on roads, announced by the chancellor.", []fig{{"£7.4m", Money, "7400000", "GBP"}}},
	{"Exports grew to 3bn and the population to 2.4m.", []fig{{"3bn", Count, "3000000000", ""}, {"2.4m", Count, "2400000", ""}}},
	{"He earned 7.4m euros and his wells pumped 2m barrels.", []fig{{"7.4m euros", Money, "7400000", "EUR"}, {"2m barrels", Quantity, "2000000", "bbl"}}},
	{"A 1.5m-strong workforce went on strike.", []fig{{"1.5m", Count, "1500000", "workforce"}}},
	{"She won the 100m race and later swam 400m.", []fig{{"100m", Quantity, "100", "m"}, {"400m", Quantity, "400", "m"}}},
	{"They built a 40m-high tower beside a 20m wall.", []fig{{"40m", Quantity, "40", "m"}, {"20m", Quantity, "20", "m"}}},
	{"The shaft reached a depth of 30m.", []fig{{"30m", Quantity, "30", "m"}}},
	// percents
	{"Turnout fell 15 percent, or 15% of the electorate, a drop of 0.5 percentage points.",
		[]fig{{"15 percent", Percent, "15", "%"}, {"15%", Percent, "15", "%"}, {"0.5 percentage points", Percent, "0.5", "percentage points"}}},
	{"Support ranged from 5 percent to 25 percent.", []fig{{"5 percent to 25 percent", Percent, "5/25", "%"}}},
	// money
	{"The deal is worth $75 million, or $6 a share.", []fig{{"$75 million", Money, "75000000", "USD"}, {"$6", Money, "6", "USD"}}},
	{"Tickets cost 6 dollars at the door.", []fig{{"6 dollars", Money, "6", "USD"}}},
	{"The bank set aside €3bn and fined one trader £20.", []fig{{"€3bn", Money, "3000000000", "EUR"}, {"£20", Money, "20", "GBP"}}},
	{"Donors pledged 75 million dollars for reconstruction.", []fig{{"75 million dollars", Money, "75000000", "USD"}}},
	{"The yacht sold for US$1.5 million, and the fund lost 50 cents a share.",
		[]fig{{"US$1.5 million", Money, "1500000", "USD"}, {"50 cents", Money, "0.5", "USD"}}},
	{"Bids ranged from $5 million to $10 million.", []fig{{"$5 million to $10 million", Money, "5000000/10000000", "USD"}}},
	{"Lobbyists spent millions of dollars on the campaign.", []fig{{"millions of dollars", Money, "", "USD"}}},
	{"The contract is worth 420 million Swiss francs.", []fig{{"420 million Swiss francs", Money, "420000000", "CHF"}}},
	// dates
	{"The vote is set for October 17.", []fig{{"October 17", Date, "XXXX-10-17", ""}}},
	{"The ceasefire began on Oct. 3, 2016, and collapsed within days.", []fig{{"Oct. 3, 2016", Date, "2016-10-03", ""}}},
	{"Ministers will meet again on Friday.", []fig{{"Friday", Date, "XXXX-WXX-5", ""}}},
	{"Prices rose sharply in June.", []fig{{"June", Date, "XXXX-06", ""}}},
	{"The company was founded in 1998.", []fig{{"1998", Date, "1998", ""}}},
	{"Rents doubled during the 1990s.", []fig{{"the 1990s", Date, "199X", ""}}},
	{"The factory opened in the mid-1990s.", []fig{{"the mid-1990s", Date, "199X", ""}}},
	{"Sales peaked in early 2016, in mid-1990s terms.", []fig{{"early 2016", Date, "2016", ""}, {"mid-1990s", Date, "199X", ""}}},
	{"The embassy reopened last month.", []fig{{"last month", Date, "", ""}}},
	{"The offensive began three weeks ago.", []fig{{"three weeks ago", Date, "", ""}}},
	{"The attacks of 9/11 changed airport security.", []fig{{"9/11", Date, "2001-09-11", ""}}},
	{"She was born on 17 October 1960 in Leeds.", []fig{{"17 October 1960", Date, "1960-10-17", ""}}},
	{"He arrived in mid-October and left the next day.", []fig{{"mid-October", Date, "XXXX-10", ""}, {"the next day", Date, "", ""}}},
	{"The minister resigned yesterday.", []fig{{"yesterday", Date, "", ""}}},
	{"During a May interview he named the debate tonight.", []fig{{"May", Date, "XXXX-05", ""}, {"tonight", Date, "", ""}}},
	{"We hope for a brighter tomorrow after many years of war.", nil},
	{"Think twice; it was his first full day, and people today disagree.", nil},
	{"Poverty fell in the 20th century.", []fig{{"20th century", Date, "19XX", ""}}},
	{"It happened at 10:30 a.m. on Monday.", []fig{{"Monday", Date, "XXXX-WXX-1", ""}}},
	{"The poll ran from Sept. 19 to 22.", []fig{{"Sept. 19 to 22", Date, "XXXX-09-19/XXXX-09-22", ""}}},
	// bare months and British day ranges
	{"Blair and May said the plan was sound.", nil},
	{"In June, May said the plan was sound.", []fig{{"June", Date, "XXXX-06", ""}}},
	{"The talks ran on 5 and 6 May 2005 in Paris.", []fig{{"5", Date, "2005-05-05", ""}, {"6 May 2005", Date, "2005-05-06", ""}}},
	{"Votes are cast on 5-6 May.", []fig{{"5-6 May", Date, "XXXX-05-05/XXXX-05-06", ""}}},
	{"The vote took place in January this year.", []fig{{"January this year", Date, "XXXX-01", ""}}},
	// durations
	{"The meeting lasted four hours.", []fig{{"four hours", Duration, "PT4H", ""}}},
	{"She gave a 40-minute speech.", []fig{{"40-minute", Duration, "PT40M", ""}}},
	{"The trial ran for 18 months and the sentence was eight years.", []fig{{"18 months", Duration, "P18M", ""}, {"eight years", Duration, "P8Y", ""}}},
	{"Peace held for a decade.", []fig{{"a decade", Duration, "P10Y", ""}}},
	{"The project took two and a half years.", []fig{{"two and a half years", Duration, "P2.5Y", ""}}},
	{"The law passed in 2014 after two years of debate.", []fig{{"2014", Date, "2014", ""}, {"two years", Duration, "P2Y", ""}}},
	// ordinals
	{"The festival is in its 21st year.", []fig{{"21st", Ordinal, "21", "year"}}},
	{"It was the third time the bridge closed.", []fig{{"third", Ordinal, "3", "time"}}},
	{"Germany is the world's fourth-largest economy.", []fig{{"fourth-largest", Ordinal, "4", "economy"}}},
	{"The No. 2 official in the ministry resigned.", []fig{{"No. 2", Ordinal, "2", "official"}}},
	{"The talks were the first since the spring.", nil},
	{"It was the first meeting since October 3.", []fig{{"October 3", Date, "XXXX-10-03", ""}}},
	{"Among black voters, Trump ranks fourth, second only to Clinton.", []fig{{"fourth", Ordinal, "4", ""}, {"second", Ordinal, "2", ""}}},
	{"She would be the second-ever woman in the post.", []fig{{"second-ever", Ordinal, "2", "woman"}}},
	{"First, we need to count the ballots.", nil},
	{"The second round of talks starts soon.", nil},
	{"Japan's fourth largest bank merged with the second biggest.", []fig{{"fourth largest", Ordinal, "4", "bank"}, {"second biggest", Ordinal, "2", ""}}},
	{"It was Mr Brown's eighth budget and the party's third most popular policy.", []fig{{"eighth", Ordinal, "8", "budget"}, {"third most popular", Ordinal, "3", "policy"}}},
	{"Her second term began after the second test at Lord's.", []fig{{"second", Ordinal, "2", "term"}}},
	{"The speech will be the senator's fifth since the election.", []fig{{"fifth", Ordinal, "5", ""}}},
	{"The third and final debate takes place in Ohio.", []fig{{"third", Ordinal, "3", "debate"}}},
	{"The plant may close later in the year, the manager said.", []fig{{"later in the year", Date, "", ""}}},
	{"If a bus is late at 9.30 on a Monday, nobody notices.", []fig{{"Monday", Date, "XXXX-WXX-1", ""}}},
	// quarters of a year
	{"Profits rose in the fourth quarter and fell in the third quarter of 2004.", []fig{{"fourth quarter", Date, "XXXX-Q4", ""}, {"third quarter of 2004", Date, "2004-Q3", ""}}},
	{"Fourth-quarter sales beat the first quarter of the year; Q3 2004 was worse.", []fig{{"Fourth-quarter", Date, "XXXX-Q4", ""}, {"first quarter of the year", Date, "XXXX-Q1", ""}, {"Q3 2004", Date, "2004-Q3", ""}}},
	// a bound or a part of a period: the modifier stays out of the span, as
	// in "more than four hours" (the seed's figure is "four hours")
	{"The ban could last up to a week or as long as a year.", []fig{{"a week", Duration, "P1W", ""}, {"a year", Duration, "P1Y", ""}}},
	{"More than 25% of voters stayed home.", []fig{{"25%", Percent, "25", "%"}}},
	{"The law will change later this year; rates rose earlier this month.", []fig{{"later this year", Date, "", ""}, {"earlier this month", Date, "", ""}}},
	// "three quarters": of a year, a period; of a whole, a fraction
	{"The economy grew for three quarters in a row, after two consecutive quarters of decline.",
		[]fig{{"three quarters", Duration, "P9M", ""}, {"two consecutive quarters", Duration, "P6M", ""}}},
	{"Growth slowed over the past three quarters.", []fig{{"three quarters", Duration, "P9M", ""}}},
	{"Three quarters of voters backed the plan.", []fig{{"Three quarters", Count, "0.75", "voters"}}},
	{"The new stand was three quarters full.", []fig{{"three quarters", Count, "0.75", ""}}},
	// ranges
	{"Shells hit from 10 to 20 villages.", []fig{{"10 to 20", Count, "10/20", "villages"}}},
	{"Output grew every year in 2011-2013.", []fig{{"2011-2013", Date, "2011/2013", ""}}},
	{"Outages last eight to 10 hours a day.", []fig{{"eight to 10 hours", Duration, "PT8H/PT10H", ""}}},
	{"1. What causes the outbreak?", nil},
	{"2016. That was the year it closed.", []fig{{"2016", Date, "2016", ""}}},
	{"Between 5 and 10 million people fled.", []fig{{"5 and 10 million", Count, "5000000/10000000", "people"}}},
	{"The 2016-17 season ended early.", []fig{{"2016-17", Date, "2016/2017", ""}}},
	// times of day are not figures
	{"Trading opened at 1230 GMT and closed at 12.30.", nil},
	{"The meeting starts at 10.30am and ends at 2pm.", nil},
	{"He rang at three or four in the morning.", nil},
	{"She worked until three in the morning.", nil},
	{"Shops open from 9.30 to 11.00 and the talks began at 0930 hours local time.", nil},
	{"The index fell 12.30 points.", []fig{{"12.30", Count, "12.3", "points"}}},
	{"Three in the morning session were hurt.", []fig{{"Three", Count, "3", ""}}},
	// not figures: names, identifiers, brands, pronouns
	{"Fans flocked to Euro 2004 in Portugal.", nil},
	{"He was charged under section 5/6 of the act, and later under section 4/7.", nil},
	{"MPs debated clauses 4 and 5 and article 12 of the treaty before Article 50 was invoked.", nil},
	{"The office PCs still ran Windows XP.", nil},
	{"She wrote an article 50 pages long.", []fig{{"50", Count, "50", "pages"}}},
	{"Full-year profits rose and the firm expects growth for the full year.", nil},
	{"It took a full year to build, and a full-year ban followed.", []fig{{"full year", Duration, "P1Y", ""}, {"full-year", Duration, "P1Y", ""}}},
	{"A Boeing 747 landed at the airport.", nil},
	{"Hospitals treated COVID-19 patients.", nil},
	{"The laptop still runs Windows 10.", nil},
	{"They drove along Route 66 and then I-95.", nil},
	{"Leaders of the G7 flew in with an F-16 escort.", nil},
	{"He bought coffee at a 7-Eleven.", nil},
	{"Call 555-123-4567 or read https://example.org/2016/10/17/story for details.", nil},
	{"He is one of the few who voted no.", nil},
	{"She is the one who called the police.", nil},
	{"A man was arrested at a checkpoint.", nil},
	{"Give me a second to check.", nil},
	{"Zero tolerance applies to late filings.", nil},
	{"The group met at 131 West 23rd Street.", nil},
	{"Email press@example.com with your questions.", nil},
	{"Her film “13th” opens Friday; the 13th Amendment is its subject.", []fig{{"Friday", Date, "XXXX-WXX-5", ""}, {"13th", Ordinal, "13", "Amendment"}}},
	{`<tweet timestamp="1474387200" id="778257943577919488">A 10-point lead</tweet>`, []fig{{"10", Count, "10", "point"}}},
	{"She led by a ten-point margin; at least one recount is due.", []fig{{"ten", Count, "10", "point"}, {"one", Count, "1", "recount"}}},
}

func TestFindTable(t *testing.T) {
	for _, c := range figureCases {
		got := Find(c.text)
		var g, w []string
		for _, f := range got {
			g = append(g, fmt.Sprintf("%s %q=%q %q", f.Kind, f.Text, f.Value, f.Unit))
		}
		for _, f := range c.want {
			w = append(w, fmt.Sprintf("%s %q=%q %q", f.kind, f.text, f.value, f.unit))
		}
		if strings.Join(g, "; ") != strings.Join(w, "; ") {
			t.Errorf("%s\n got: %s\nwant: %s", c.text, strings.Join(g, "; "), strings.Join(w, "; "))
		}
	}
}

// Dates without a year take one only where the text ties it to them. Each
// case is one or more paragraphs, each given to Find alone, as an article
// is read: a year never crosses from one paragraph to another.
func TestFiguresYear(t *testing.T) {
	cases := []struct {
		paras []string
		want  map[string]string // figure text → value
	}{
		// A full date earlier in the same paragraph gives a month-and-day date its year.
		{[]string{"The summit opened on Oct. 3, 2016, and a second round followed on October 17."},
			map[string]string{"October 17": "2016-10-17"}},
		// A full date in another paragraph does not: the writer may have moved on.
		{[]string{"The summit opened on Oct. 3, 2016, in Geneva.", "A second meeting followed on October 17."},
			map[string]string{"October 17": "XXXX-10-17"}},
		// Nor does a later full date, the article's only one.
		{[]string{"Talks resume on October 17.", "They broke down on Oct. 3, 2016."},
			map[string]string{"October 17": "XXXX-10-17"}},
		// A bare year in the same paragraph is history, not the date's year.
		{[]string{"The party last won in 1997 and the next vote is on 5 May."},
			map[string]string{"5 May": "XXXX-05-05"}},
		// A bare month never borrows a year, even from a dated month beside it.
		{[]string{"Exports fell in March 2003.", "In January the plant shut and by December it had been sold."},
			map[string]string{"January": "XXXX-01", "December": "XXXX-12"}},
		{[]string{"The plant opened on 4 June 2001 and shut in January."},
			map[string]string{"January": "XXXX-01"}},
		// A list or a range shares the year that closes it.
		{[]string{"Sales in January and February 2005 beat the forecast."},
			map[string]string{"January": "2005-01", "February 2005": "2005-02"}},
		{[]string{"Polls opened on Oct. 3 and Oct. 5, 2016, in most states."},
			map[string]string{"Oct. 3": "2016-10-03", "Oct. 5, 2016": "2016-10-05"}},
		{[]string{"Strikes hit in April, May and June 2004, then stopped."},
			map[string]string{"April": "2004-04", "May": "2004-05", "June 2004": "2004-06"}},
		// Not a list: a clause between the dates.
		{[]string{"In January, when the plant opened in March 2004, nobody came."},
			map[string]string{"January": "XXXX-01"}},
		// A year counted from the time of writing stays open.
		{[]string{"The vote took place in January this year, and a recount in March of last year."},
			map[string]string{"January this year": "XXXX-01", "March of last year": "XXXX-03"}},
	}
	for _, c := range cases {
		got := map[string]string{}
		for _, p := range c.paras {
			for _, f := range Find(p) {
				got[f.Text] = f.Value
			}
		}
		for text, v := range c.want {
			if g, ok := got[text]; !ok || g != v {
				t.Errorf("%q: %q = %q (found %v), want %q", c.paras, text, g, ok, v)
			}
		}
	}
}

// A text without figures gives nil, not an empty list: the article model
// tells "none" by length, and nothing is allocated for the many paragraphs
// that have none.
func TestFindNothing(t *testing.T) {
	for _, text := range []string{"", " ", "The talks ended without a deal."} {
		if got := Find(text); got != nil {
			t.Errorf("Find(%q) = %#v, want nil", text, got)
		}
	}
}
