// compat.go is temporary: it keeps ui/ and the root package compiling while they move to the new packages.

package content

import (
	"copydesk/content/attribution"
	"copydesk/content/figures"
	"copydesk/content/text"
)

// The reader and the analyze command still name attribution's and the
// figure recogniser's types and values through this package.
type (
	Quote      = attribution.Quote
	Speaker    = attribution.Speaker
	FigureKind = figures.Kind
)

// Direct and the figure kinds keep their old names until ui/ and the root
// package use attribution.Direct and figures.Count … directly.
const (
	Direct   = attribution.Direct
	Count    = figures.Count
	Date     = figures.Date
	Duration = figures.Duration
	Percent  = figures.Percent
	Money    = figures.Money
	Ordinal  = figures.Ordinal
	Quantity = figures.Quantity
)

// Placeholder keeps its old name until ui/ uses text.Placeholder.
const Placeholder = text.Placeholder

// Clean keeps its old name until ui/ and the root package call text.Clean.
func Clean(s string) string { return text.Clean(s) }

// CleanEach keeps its old name until ui/ calls text.CleanEach.
func CleanEach(s string, fn func(r rune, off int)) { text.CleanEach(s, fn) }
