// Package chroma stands in for github.com/alecthomas/chroma/v2, the syntax
// highlighter that Glamour's code-block renderer imports (see copydesk's
// go.mod, which puts it in its place).
//
// copydesk hands Glamour article text escaped, so no code block ever
// reaches Glamour, and its styles name no highlighting theme: the
// highlighter is never called. Linking it still costs every start of
// every command its package initialisation, which parses some 250 lexers
// and 70 styles from embedded XML: 20 ms of a 60 ms start-up and 4 MB of
// allocation, measured with GODEBUG=inittrace=1 on a 2-core VM. This
// module holds only the names Glamour v1.0.0 refers to, and highlights
// nothing: a code block is written as it is.
package chroma

// TokenType is the kind of a highlighted token.
type TokenType int

// The token kinds Glamour's style entries name.
const (
	Background TokenType = iota
	Text
	Error
	Comment
	CommentPreproc
	Keyword
	KeywordReserved
	KeywordNamespace
	KeywordType
	Operator
	Punctuation
	Name
	NameBuiltin
	NameTag
	NameAttribute
	NameClass
	NameConstant
	NameDecorator
	NameException
	NameFunction
	NameOther
	Literal
	LiteralNumber
	LiteralDate
	LiteralString
	LiteralStringEscape
	GenericDeleted
	GenericEmph
	GenericInserted
	GenericStrong
	GenericSubheading
)

// StyleEntries maps token kinds to style descriptions.
type StyleEntries map[TokenType]string

// Style is a named highlighting theme.
type Style struct {
	Name    string
	Entries StyleEntries
}

// MustNewStyle returns the theme called name.
func MustNewStyle(name string, entries StyleEntries) *Style {
	return &Style{Name: name, Entries: entries}
}
