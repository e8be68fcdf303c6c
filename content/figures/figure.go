package figures

// FigureKind is the kind of a checkable figure.
type Kind string

const (
	Count    Kind = "count"
	Date     Kind = "date"
	Duration Kind = "duration"
	Percent  Kind = "percent"
	Money    Kind = "money"
	Ordinal  Kind = "ordinal"
	Quantity Kind = "quantity"
)

// figure is a figure of one text, its offsets bytes into that text.
type Figure struct {
	Start, End int
	Text       string
	Kind       Kind
	Value      string // normalised: digits, ISO 8601; "" when it cannot be resolved
	Unit       string // counted noun or unit, when present
}
