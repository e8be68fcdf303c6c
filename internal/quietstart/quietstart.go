// Package quietstart keeps Bubble Tea v1 from asking the terminal for its
// background when the program starts.
//
// Bubble Tea's package initialisation asks lipgloss whether the background
// is dark, and lipgloss asks the terminal on stdout, waiting up to termenv's
// OSCTimeout (5 s) for a terminal that never answers (a serial console, some
// multiplexers): the reader's first frame waited that long. ui.Run asks the
// terminal itself without holding the first frame up, so the answer is
// settled here first, dark as ui assumes until told otherwise.
//
// This runs before Bubble Tea's init because the Go specification
// initialises packages in the order of their import paths whenever their
// imports allow: this one needs only lipgloss, and "copydesk/…" sorts
// before "github.com/charmbracelet/bubbletea". Import it for its effect.
package quietstart

import "github.com/charmbracelet/lipgloss"

func init() {
	lipgloss.SetHasDarkBackground(true)
}
