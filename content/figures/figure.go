package figures

// Kind is what a figure counts or measures, which decides how its value is
// written and how a fact-checker checks it. The strings are the JSON
// contract's.
type Kind string

// The kinds of figure; Find documents the value and unit of each.
const (
	Count    Kind = "count"    // things counted: "275,000 civilians"
	Date     Kind = "date"     // a day, month, year or period: "October 17", "the 1990s"
	Duration Kind = "duration" // a length of time: "four hours", "a decade"
	Percent  Kind = "percent"  // "25%", "ten percentage points"
	Money    Kind = "money"    // "$5 million", "50 cents"
	Ordinal  Kind = "ordinal"  // a rank: "the third time", "21st"
	Quantity Kind = "quantity" // a measure with a unit: "40 km", "72 years old"
)

// Figure is a figure of one text, with byte offsets into that text: the
// recogniser knows nothing of paragraphs, and a caller places the figure
// in its article.
type Figure struct {
	Start, End int    // bytes of the text: Text == text[Start:End]
	Text       string // the figure as written
	Kind       Kind   // what it counts or measures
	Value      string // normalised: digits, ISO 8601; "" when it cannot be resolved
	Unit       string // counted noun or unit, when present
}
