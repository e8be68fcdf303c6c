// compat.go is temporary: it keeps ui/ and the root package compiling while they move to the new packages.

package content

import (
	"copydesk/content/attribution"
	"copydesk/content/figures"
	"copydesk/content/text"
)

// Quote is attribution.Quote under its old name, until ui/ and the root
// package name attribution's types.
type Quote = attribution.Quote

// Speaker is attribution.Speaker under its old name, until ui/ names
// attribution's types.
type Speaker = attribution.Speaker

// FigureKind is figures.Kind under its old name, until ui/ names the
// figure recogniser's types.
type FigureKind = figures.Kind

// Direct is attribution.Direct under its old name, until ui/ and the root
// package name attribution's values.
const Direct = attribution.Direct

// The figure kinds under their old names, until ui/ names figures.Count …
// directly.
const (
	Count    = figures.Count
	Date     = figures.Date
	Duration = figures.Duration
	Percent  = figures.Percent
	Money    = figures.Money
	Ordinal  = figures.Ordinal
	Quantity = figures.Quantity
)

// Placeholder is text.Placeholder under its old name, until ui/ uses the
// sanitiser of package text.
const Placeholder = text.Placeholder

// Clean is text.Clean under its old name, until ui/ and the root package
// use the sanitiser of package text.
func Clean(s string) string { return text.Clean(s) }

// CleanEach is text.CleanEach under its old name, until ui/ uses the
// sanitiser of package text.
func CleanEach(s string, fn func(r rune, off int)) { text.CleanEach(s, fn) }
