package content

import "io"

// Load opens the article at path, "-" for stdin, or the embedded article
// when path is empty.
func Load(path string, stdin io.Reader, maxSize int64) (*Article, error) {
	if path == "" {
		return Embedded(), nil
	}
	return Open(path, stdin, maxSize)
}
