// Package quick highlights source code in one call; here it writes the
// code as it is.
package quick

import (
	"io"
	"strings"
)

// Highlight writes source to w unchanged.
func Highlight(w io.Writer, source, lexer, formatter, style string) error {
	_, err := io.Copy(w, strings.NewReader(source))
	return err
}
