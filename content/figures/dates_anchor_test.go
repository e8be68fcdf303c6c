package figures

import (
	"encoding/json"
	"flag"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"copydesk/internal/testkit"
)

// TestRecognizersTextAnchored measures FindAt on the recognizers-text cases
// that carry a reference date, against the value the data resolves a date
// to from that date. A result is measured when its resolution can be written
// in a form FindAt produces (a day, an ISO week, a month, a quarter, a
// year) and it needs the reference date: its TIMEX leaves a part open
// ("XXXX-10-02", "XXXX-WXX-5") or its year is not written in its span
// ("yesterday" is "2016-11-06", "last week" "2016-W44"). Where the data
// lists a past and a future reading of an open date (a bare "Friday" is the
// one before or the one after), either is accepted. Find, which knows no
// date, is measured on the same results for comparison.
func TestRecognizersTextAnchored(t *testing.T) {
	dir := rtDir(t)
	verbose := os.Getenv("FIGURES_VERBOSE") != ""
	type tally struct{ n, found, before, after int }
	var counted, open tally // counted from the day of writing; open in TIMEX
	for _, c := range loadRT(t, dir, "DateTime-English-DateTimeModel.json") {
		if c.Context == nil || c.Context.ReferenceDateTime == "" {
			continue
		}
		ref, err := time.Parse("2006-01-02", c.Context.ReferenceDateTime[:min(10, len(c.Context.ReferenceDateTime))])
		if err != nil {
			continue
		}
		var plain, anchored []Figure
		for _, r := range c.Results {
			want, isOpen, ok := rtAnchoredValues(r)
			if !ok {
				continue
			}
			if plain == nil {
				plain, anchored = Find(c.Input), FindAt(c.Input, ref)
			}
			tl := &counted
			if isOpen {
				tl = &open
			}
			tl.n++
			rs, re := r.runeSpan()
			f0, share := coverage(c.Input, plain, rs, re)
			f1, _ := coverage(c.Input, anchored, rs, re)
			if share < 0.5 {
				if verbose {
					t.Logf("ANCHOR MISS %q in %q", r.Text, c.Input)
				}
				continue
			}
			tl.found++
			if rtWanted(want, f0.Value) {
				tl.before++
			}
			if rtWanted(want, f1.Value) {
				tl.after++
			} else if verbose {
				t.Logf("ANCHOR %q in %q (%s): got %q, want one of %v", r.Text, c.Input, ref.Format("2006-01-02 Mon"), f1.Value, keys(want))
			}
		}
	}
	for _, x := range []struct {
		what string
		tl   tally
	}{{"counted from the reference date", counted}, {"open parts (no year, a weekday)", open}} {
		t.Logf("%-32s %3d  found %3d  right: Find %3d, FindAt %3d (%.3f of found, %.3f of all)",
			x.what, x.tl.n, x.tl.found, x.tl.before, x.tl.after, ratio(x.tl.after, x.tl.found), ratio(x.tl.after, x.tl.n))
	}
	all := tally{counted.n + open.n, counted.found + open.found, counted.before + open.before, counted.after + open.after}
	t.Logf("%-32s %3d  found %3d  right: Find %3d, FindAt %3d (%.3f of found, %.3f of all)",
		"all", all.n, all.found, all.before, all.after, ratio(all.after, all.found), ratio(all.after, all.n))
	for _, x := range []struct {
		what      string
		got, want float64
	}{
		{"counted from the reference date", ratio(counted.after, counted.found), anchoredCountedRight},
		{"open parts", ratio(open.after, open.found), anchoredOpenRight},
	} {
		if x.got < x.want {
			t.Errorf("%s: FindAt right on %.3f of the dates found, below the floor %.3f", x.what, x.got, x.want)
		}
	}

	// The date extractor file's cases with a reference date carry no
	// resolution: what FindAt makes of them is logged, not measured.
	var spans, found, resolved int
	for _, c := range loadRT(t, dir, "DateTime-English-DateExtractor.json") {
		if c.Context == nil || len(c.Context.ReferenceDateTime) < 10 {
			continue
		}
		ref, err := time.Parse("2006-01-02", c.Context.ReferenceDateTime[:10])
		if err != nil {
			continue
		}
		figs := FindAt(c.Input, ref)
		for _, r := range c.Results {
			spans++
			rs, re := r.runeSpan()
			f, share := coverage(c.Input, figs, rs, re)
			if share < 0.5 {
				continue
			}
			found++
			if f.Kind == Date && f.Value != "" && !strings.Contains(f.Value, "X") {
				resolved++
			} else if verbose {
				t.Logf("EXTRACTOR %q in %q (%s): %q", r.Text, c.Input, ref.Format("2006-01-02"), f.Value)
			}
		}
	}
	t.Logf("date extractor, with a reference date: %d spans, %d found, %d of them dated in full", spans, found, resolved)
}

// The floors of TestRecognizersTextAnchored: the shares of found dates
// FindAt resolved right when it began to assert them (85 of 125 counted
// from the reference date, 73 of 83 with open parts), less 0.01. Find gets
// 5 and 3 of them.
const (
	anchoredCountedRight = 85.0/125 - 0.01 // 0.670
	anchoredOpenRight    = 73.0/83 - 0.01  // 0.870
)

// rtWanted reports a value among those wanted; a range is compared by its
// first end where the data gives a run of days.
func rtWanted(want map[string]bool, v string) bool {
	if first, _, ok := strings.Cut(v, "/"); ok {
		return want[first+"/"] || want[first]
	}
	return want[v]
}

func keys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

var (
	rtYMD     = regexp.MustCompile(`^\d{4}-\d\d-\d\d$`)
	rtOurForm = regexp.MustCompile(`^\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d|-Q[1-4])?$`)
)

// rtAnchoredValues returns the values a date result of the DateTime model
// file resolves to, in FindAt's forms; open tells a TIMEX with an open part
// from one counted from the reference date; ok is false for a result that
// is not measured.
func rtAnchoredValues(r rtResult) (want map[string]bool, open, ok bool) {
	if r.TypeName != "datetimeV2.date" && r.TypeName != "datetimeV2.daterange" {
		return nil, false, false
	}
	var res struct {
		Values []struct{ Timex, Value, Start, End string } `json:"values"`
	}
	if json.Unmarshal(r.Resolution, &res) != nil || len(res.Values) == 0 {
		return nil, false, false
	}
	timex := res.Values[0].Timex
	want = map[string]bool{}
	for _, v := range res.Values {
		switch {
		case rtOurForm.MatchString(v.Timex):
			want[v.Timex] = true
		case r.TypeName == "datetimeV2.date" && rtYMD.MatchString(v.Value):
			want[v.Value] = true
		case rtYMD.MatchString(v.Start) && rtYMD.MatchString(v.End):
			if p := calendarPeriod(v.Start, v.End); p != "" {
				want[p] = true
			} else if strings.HasPrefix(timex, "(XXXX-") {
				// a run of days without a year ("November 19-20"); the
				// data's ends disagree on including the last day, so only
				// the first is compared: the data's ends disagree on
				// including the last day, so only the first is compared
				want[v.Start+"/"] = true
			}
		}
	}
	if len(want) == 0 {
		return nil, false, false
	}
	open = strings.Contains(timex, "X")
	if !open {
		// a year written in the span needs no reference date
		for w := range want {
			if len(w) < 4 || strings.Contains(r.Text, w[:4]) || regexp.MustCompile(`[/.'’-]`+w[2:4]+`\b`).MatchString(r.Text) {
				return nil, false, false
			}
		}
	}
	return want, open, true
}

// calendarPeriod writes the interval [start, end) as the day, ISO week,
// month, quarter or year it is, or "" when it is none of them.
func calendarPeriod(start, end string) string {
	s, err1 := time.Parse("2006-01-02", start)
	e, err2 := time.Parse("2006-01-02", end)
	if err1 != nil || err2 != nil {
		return ""
	}
	switch {
	case e.Equal(s.AddDate(0, 0, 1)):
		return start
	case e.Equal(s.AddDate(0, 0, 7)) && s.Weekday() == time.Monday:
		return isoWeek(s)
	case s.Day() != 1:
		return ""
	case e.Equal(s.AddDate(0, 1, 0)):
		return start[:7]
	case e.Equal(s.AddDate(0, 3, 0)) && (s.Month()-1)%3 == 0:
		return quarterValue(s.Year(), int(s.Month()-1)/3+1)
	case e.Equal(s.AddDate(1, 0, 0)) && s.Month() == time.January:
		return start[:4]
	}
	return ""
}

// anchoredCases are sentences written for these tests, each with the day
// it was published and the dates FindAt finds in it, in order, as text and
// value. The other figures are checked against Find's.
var anchoredCases = []struct {
	pub   string // the publication day, a Saturday unless said
	text  string
	dates []string // "text=value"
}{
	// counted from the day of writing
	{"2016-10-15", "The embassy reopened last month, weeks after the ambassador left.", []string{"last month=2016-09"}},
	{"2016-10-15", "Exports rose this month and are forecast to rise again next month.", []string{"this month=2016-10", "next month=2016-11"}},
	{"2016-10-15", "The party lost ground last year, hopes to recover this year and to win outright next year.",
		[]string{"last year=2015", "this year=2016", "next year=2017"}},
	{"2016-10-15", "The rebels launched the offensive three weeks ago.", []string{"three weeks ago=2016-09-24"}},
	{"2016-10-15", "Two years ago the town had 40,000 residents.", []string{"Two years ago=2014"}},
	{"2016-10-15", "The deal expires in 18 months; it was signed a week ago.", []string{"a week ago=2016-10-08"}},
	{"2016-10-15", "Sales have halved since two quarters ago and were flat a couple of days ago.",
		[]string{"two quarters ago=2016-Q2", "a couple of days ago=2016-10-13"}},
	{"2016-10-17", "Talks collapsed yesterday and will resume tomorrow, a spokesman said tonight.", // a Monday
		[]string{"yesterday=2016-10-16", "tomorrow=2016-10-18", "tonight=2016-10-17"}},
	{"2016-10-17", "Ministers met last week and will meet again next week; this week belongs to the experts.",
		[]string{"last week=2016-W41", "next week=2016-W43", "this week=2016-W42"}},
	{"2016-01-01", "Sales fell last week, the statistics office said.", []string{"last week=2015-W52"}}, // a Friday in ISO week 2015-W53
	{"2016-12-30", "The new rules take effect next week, early next year.", []string{"next week=2017-W01", "early next year=2017"}},
	{"2016-10-15", "Prices will rise later this year, after falling earlier this month.", []string{"later this year=2016", "earlier this month=2016-10"}},
	{"2016-10-15", "The company has been struggling since late last year.", []string{"late last year=2015"}},
	{"2016-10-15", "The vote took place in January this year, and a recount in March of last year.",
		[]string{"January this year=2016-01", "March of last year=2015-03"}},
	{"2016-10-15", "Elections are due next October, a year after the talks that began last October.",
		[]string{"next October=2017-10", "last October=2015-10"}},
	{"2016-10-15", "Talks resume on the 20th of next month, the envoy said.", []string{"20th of next month=2016-11-20"}},
	// weekdays
	{"2016-10-17", "The minister resigned last Friday.", []string{"last Friday=2016-10-14"}},
	{"2016-10-14", "The minister resigned last Friday.", []string{"last Friday=2016-10-07"}}, // a Friday: the one before
	{"2016-10-17", "The minister said on Friday that she would not resign.", []string{"Friday=2016-10-14"}},
	{"2016-10-17", "Foreign ministers will meet in Lausanne on Saturday.", []string{"Saturday=2016-10-22"}},
	{"2016-10-15", "Kerry and Lavrov met in Lausanne on Saturday.", []string{"Saturday=2016-10-15"}},
	{"2016-10-15", "The two sides are scheduled to meet again on Saturday.", []string{"Saturday=2016-10-15"}},
	{"2016-10-12", "On Friday, the council will vote on the budget.", []string{"Friday=2016-10-14"}}, // a Wednesday
	{"2016-10-12", "The ceasefire, agreed on Monday, is due to expire on Friday.", []string{"Monday=2016-10-10", "Friday=2016-10-14"}},
	{"2016-10-12", "Voting ends this coming Friday, officials said.", []string{"coming Friday=2016-10-14"}},
	{"2016-10-14", "Voting ends next Friday.", []string{"next Friday=2016-10-21"}},
	{"2016-10-12", "The envoy flies to Geneva this Friday.", []string{"this Friday=2016-10-14"}},
	{"2016-10-15", "The summit will take place on Wednesday the 26th.", []string{"Wednesday the 26th=2016-10-26"}},
	{"2016-10-15", "Elections are held on the first Tuesday of November.", []string{"the first Tuesday of November=2016-11-01"}},
	// dates without a year: the nearest
	{"2017-01-03", "The last ballots were counted on December 30.", []string{"December 30=2016-12-30"}},
	{"2016-10-15", "The vote is set for October 17.", []string{"October 17=2016-10-17"}},
	{"2017-01-03", "He was elected on Nov. 8 and takes office on Jan. 20.", []string{"Nov. 8=2016-11-08", "Jan. 20=2017-01-20"}},
	{"2016-03-10", "The plant closed in mid-October.", []string{"mid-October=2015-10"}},
	{"2016-10-15", "Profits fell in the fourth quarter and rose in the first quarter of this year.",
		[]string{"fourth quarter=2016-Q4", "first quarter of this year=2016-Q1"}},
	{"2017-02-01", "Profits fell in the fourth quarter.", []string{"fourth quarter=2016-Q4"}},
	{"2016-10-15", "The poll ran from Sept. 19 to 22.", []string{"Sept. 19 to 22=2016-09-19/2016-09-22"}},
	// what the text dates stays; what counts from a time the story tells stays open
	{"2016-10-15", "He arrived on Oct. 3, 2015, and left on October 17.", []string{"Oct. 3, 2015=2015-10-03", "October 17=2015-10-17"}},
	{"2016-10-15", "The factory opened in 1998 and expanded through the 1990s.", []string{"1998=1998", "the 1990s=199X"}},
	{"2016-10-15", "He arrived in mid-October and left the next day.", []string{"mid-October=2016-10", "the next day="}},
	{"2016-10-15", "Officials said the following Friday was quiet.", []string{"following Friday=XXXX-WXX-5"}},
	{"2016-10-15", "The city fell three weeks later, after a siege that lasted four hours.", []string{"three weeks later="}},
	{"2016-10-15", "Over the past week, prices fell; in the last year they doubled.", []string{"past week=", "last year="}},
	{"2016-10-15", "The blast happened three hours ago.", []string{"three hours ago="}},
}

func TestFindAtTable(t *testing.T) {
	for _, c := range anchoredCases {
		pub, err := time.Parse("2006-01-02", c.pub)
		if err != nil {
			t.Fatal(err)
		}
		got, plain := FindAt(c.text, pub), Find(c.text)
		var dates []string
		for _, f := range got {
			if f.Kind == Date {
				dates = append(dates, f.Text+"="+f.Value)
			}
		}
		if strings.Join(dates, "; ") != strings.Join(c.dates, "; ") {
			t.Errorf("%s %q\n got: %s\nwant: %s", c.pub, c.text, strings.Join(dates, "; "), strings.Join(c.dates, "; "))
		}
		sameFiguresButDates(t, c.text, plain, got)
	}
}

// sameFiguresButDates fails unless FindAt found the figures Find found,
// with the same spans and kinds, and the same values but for dates.
func sameFiguresButDates(t *testing.T, text string, plain, got []Figure) {
	t.Helper()
	if len(got) != len(plain) {
		t.Fatalf("%q: FindAt found %d figures, Find %d", text, len(got), len(plain))
	}
	for i := range got {
		g, p := got[i], plain[i]
		if g.Kind == Date && p.Kind == Date {
			g.Value = p.Value
		}
		if g != p {
			t.Fatalf("%q: FindAt %+v, Find %+v", text, got[i], plain[i])
		}
	}
}

// A zero publication date is Find, for every sentence the tests know.
func TestFindAtZeroIsFind(t *testing.T) {
	var texts []string
	for _, c := range figureCases {
		texts = append(texts, c.text)
	}
	for _, c := range anchoredCases {
		texts = append(texts, c.text)
	}
	for _, text := range texts {
		a, b := FindAt(text, time.Time{}), Find(text)
		if len(a) != len(b) {
			t.Fatalf("%q: FindAt with no date found %d figures, Find %d", text, len(a), len(b))
		}
		for i := range a {
			if a[i] != b[i] {
				t.Errorf("%q: FindAt with no date %+v, Find %+v", text, a[i], b[i])
			}
		}
	}
}

// The day of publication is the calendar day where it was published, not
// in UTC: a story filed late in the evening in New York is of that day.
func TestFindAtLocalDay(t *testing.T) {
	ny := time.FixedZone("EDT", -4*3600)
	pub := time.Date(2016, 10, 15, 23, 30, 0, 0, ny) // 03:30 on the 16th in UTC
	got := FindAt("The minister resigned yesterday.", pub)
	if len(got) != 1 || got[0].Value != "2016-10-14" {
		t.Errorf("got %+v, want yesterday as 2016-10-14", got)
	}
}

// FuzzFindAt checks what must hold for any text and any publication day:
// no panic, Find's spans and kinds, values of a well-formed shape (with
// real calendar days), Find's value wherever Find stated one in full, and
// the same answer twice.
func FuzzFindAt(f *testing.F) {
	for i, c := range anchoredCases {
		f.Add(c.text, int32(i*97-2000))
	}
	for i, c := range figureCases {
		f.Add(c.text, int32(i*389))
	}
	for _, s := range []string{"", "yesterday", "last week", "Friday", "3 weeks ago", "XXXX", "Wednesday the 31st",
		"the first Friday of February", "29 February", "a year and a half ago", "9999 years ago", "On Friday, they will"} {
		f.Add(s, int32(0))
		f.Add(s, int32(-737000)) // near year 1
		f.Add(s, int32(2900000)) // near year 9999
	}
	f.Fuzz(func(t *testing.T, s string, days int32) {
		if !utf8.ValidString(s) || strings.IndexByte(s, 0) >= 0 {
			return
		}
		pub := time.Date(2016, 10, 15, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(days))
		plain := Find(s)
		got := guarded(t, s, func() []Figure { return FindAt(s, pub) })
		checkFigures(t, s, got)
		sameFiguresButDates(t, s, plain, got)
		for i, g := range got {
			if g.Kind != Date {
				continue
			}
			if !anchoredForm(g.Value) {
				t.Fatalf("%q on %s: %+v: malformed value", s, pub.Format("2006-01-02"), g)
			}
			if p := plain[i].Value; p != "" && !strings.Contains(p, "X") && g.Value != p {
				t.Fatalf("%q on %s: FindAt %q, Find stated %q", s, pub.Format("2006-01-02"), g.Value, p)
			}
		}
		again := FindAt(s, pub)
		for i := range again {
			if again[i] != got[i] {
				t.Fatalf("not deterministic: %+v then %+v", got[i], again[i])
			}
		}
	})
}

var anchoredPart = regexp.MustCompile(`^(?:\d{4}(?:-\d\d(?:-\d\d)?|-W\d\d|-Q[1-4])?|XXXX(?:-\d\d(?:-\d\d)?|-WXX-[1-7]|-XX-\d\d|-Q[1-4])|\d{3}X|\d{2}XX)$`)

// anchoredForm reports a date value FindAt may give: empty, or parts
// joined by "/" of the shapes Find writes and those FindAt adds (a week, a
// day of any year), each day a real one.
func anchoredForm(v string) bool {
	if v == "" {
		return true
	}
	for _, p := range strings.Split(v, "/") {
		if !anchoredPart.MatchString(p) {
			return false
		}
		if len(p) == 10 && p[:4] != "XXXX" {
			if _, err := time.Parse("2006-01-02", p); err != nil {
				return false
			}
		}
		if len(p) == 8 && p[5] == 'W' {
			if w := atoiTok(p[6:]); w < 1 || w > 53 {
				return false
			}
		}
	}
	return true
}

// guarded runs find, which under -fuzz fails the input it does not return
// on (see findGuarded).
func guarded(t *testing.T, s string, find func() []Figure) []Figure {
	if fl := flag.Lookup("test.fuzz"); fl == nil || fl.Value.String() == "" {
		return find()
	}
	done := make(chan []Figure, 1)
	go func() { done <- find() }()
	select {
	case figs := <-done:
		return figs
	case <-time.After(time.Minute):
		t.Fatalf("FindAt did not return on %q", s)
		return nil
	}
}

// BenchmarkFindAt compares FindAt with Find on the seed article's
// paragraphs and on the PolNeAR texts: anchoring dates must cost next to
// nothing.
func BenchmarkFindAt(b *testing.B) {
	pub := time.Date(2016, 10, 15, 0, 0, 0, 0, time.UTC)
	for _, set := range []struct {
		name string
		ps   func(b *testing.B) []string
	}{
		{"seed", func(b *testing.B) []string { return testkit.Paragraphs(seedText(b)) }},
		{"polnear", polnearText},
	} {
		for _, at := range []struct {
			name string
			pub  time.Time
		}{{"Find", time.Time{}}, {"FindAt", pub}} {
			b.Run(set.name+"/"+at.name, func(b *testing.B) {
				ps := set.ps(b)
				b.SetBytes(textBytes(ps))
				b.ReportAllocs()
				for b.Loop() {
					for _, p := range ps {
						FindAt(p, at.pub)
					}
				}
			})
		}
	}
}
