// Package styles is the registry of highlighting themes, empty until one is
// registered.
package styles

import "github.com/alecthomas/chroma/v2"

// Registry holds the registered themes by name.
var Registry = map[string]*chroma.Style{}

// Register adds a theme to the registry and returns it.
func Register(s *chroma.Style) *chroma.Style {
	Registry[s.Name] = s
	return s
}
