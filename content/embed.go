package content

import (
	_ "embed"
)

//go:embed lausanne-syria-talks.txt
var embedded []byte

// EmbeddedName is the source name of the article built into the binary.
const EmbeddedName = "lausanne-syria-talks.txt"

// Embedded returns the article built into the binary.
func Embedded() *Article {
	a, err := Parse(EmbeddedName, embedded)
	if err != nil {
		panic("embedded article: " + err.Error()) // a build defect, caught by tests
	}
	return a
}
