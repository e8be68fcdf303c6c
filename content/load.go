package content

import (
	"context"
	"fmt"
	"io"
)

// Load opens the article at path: a file, "-" for stdin, an http or https
// URL, or the embedded article when path is empty.
func Load(path string, stdin io.Reader, maxSize int64) (*Article, error) {
	switch {
	case path == "":
		return Embedded(), nil
	case IsURL(path):
		data, contentType, final, err := Fetch(context.Background(), path, maxSize)
		if err != nil {
			return nil, err
		}
		a, err := parse(path, data, contentType, final)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return a, nil
	}
	return Open(path, stdin, maxSize)
}
