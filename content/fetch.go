package content

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"
)

// FetchTimeout bounds a whole fetch, redirects and body included, so a
// server that accepts the connection and then stalls cannot hang the reader.
var FetchTimeout = 20 * time.Second

// maxRedirects is as many redirects as Fetch follows; a longer chain is
// almost always a loop.
const maxRedirects = 10

// fetchTransport is the transport Fetch uses; tests replace it to resolve
// names without a network.
var fetchTransport http.RoundTripper = http.DefaultTransport

// acceptHeader asks for what the formats package reads, and still takes
// anything else a server insists on, so the refusal can name what it sent.
const acceptHeader = "text/html, text/markdown, text/plain;q=0.9, */*;q=0.1"

var userAgent = sync.OnceValue(func() string {
	v := "devel"
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	return "copydesk/" + v
})

// IsURL reports whether a command-line argument is an http or https URL
// rather than a file name.
func IsURL(s string) bool {
	for _, prefix := range []string{"http://", "https://"} {
		if len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix) {
			return true
		}
	}
	return false
}

var errTooManyRedirects = fmt.Errorf("too many redirects (more than %d)", maxRedirects)

// Fetch gets the article at rawURL, an http or https URL, reading at most
// maxSize bytes of body. It returns the body, the response's Content-Type
// header as sent (its charset is for formats.Decode), and the URL the body
// came from after redirects, against which the page's links resolve.
// Errors start with rawURL.
func Fetch(ctx context.Context, rawURL string, maxSize int64) (data []byte, contentType string, final *url.URL, err error) {
	u, err := url.Parse(rawURL)
	if err != nil {
		return nil, "", nil, fmt.Errorf("%q: not a valid URL: %w", rawURL, errors.Unwrap(err))
	}
	switch u.Scheme {
	case "http", "https":
	case "":
		return nil, "", nil, fmt.Errorf("%s: not an http or https URL", rawURL)
	default:
		return nil, "", nil, fmt.Errorf("%s: cannot fetch %q URLs, only http and https", rawURL, u.Scheme)
	}
	if u.Host == "" {
		return nil, "", nil, fmt.Errorf("%s: the URL names no host", rawURL)
	}

	parent := ctx
	ctx, cancel := context.WithTimeout(ctx, FetchTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u.String(), nil)
	if err != nil {
		return nil, "", nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	req.Header.Set("User-Agent", userAgent())
	req.Header.Set("Accept", acceptHeader)
	client := &http.Client{
		Transport: fetchTransport,
		Timeout:   FetchTimeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > maxRedirects {
				return errTooManyRedirects
			}
			if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
				return fmt.Errorf("redirected to %s, which is not an http or https URL", req.URL)
			}
			return nil
		},
	}
	resp, err := client.Do(req)
	if err != nil {
		return nil, "", nil, fetchError(parent, rawURL, u.Host, err)
	}
	defer resp.Body.Close()
	final = resp.Request.URL

	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		if final.String() != u.String() {
			return nil, "", nil, fmt.Errorf("%s: %s (redirected to %s)", rawURL, resp.Status, final)
		}
		return nil, "", nil, fmt.Errorf("%s: %s", rawURL, resp.Status)
	}
	contentType = resp.Header.Get("Content-Type")
	if !readableType(contentType) {
		return nil, "", nil, fmt.Errorf("%s: the server sent %s, not an article in HTML, Markdown or plain text", rawURL, mediaType(contentType))
	}
	if resp.ContentLength > maxSize {
		return nil, "", nil, fmt.Errorf("%s: %w", rawURL, tooLarge(maxSize))
	}

	var buf bytes.Buffer
	if resp.ContentLength > 0 {
		buf.Grow(int(resp.ContentLength) + bytes.MinRead) // ReadFrom wants MinRead free before each read
	}
	// Content-Length is a claim, and absent from chunked or compressed
	// responses: the limit is kept while reading.
	n, err := buf.ReadFrom(io.LimitReader(resp.Body, maxSize+1))
	if err != nil {
		return nil, "", nil, fetchError(parent, rawURL, final.Host, err)
	}
	if n > maxSize {
		return nil, "", nil, fmt.Errorf("%s: %w", rawURL, tooLarge(maxSize))
	}
	return buf.Bytes(), contentType, final, nil
}

// fetchError words a failed request or body read; host is the one asked
// when the error does not say which.
func fetchError(parent context.Context, rawURL, host string, err error) error {
	if parent.Err() != nil {
		return fmt.Errorf("%s: %w", rawURL, parent.Err()) // the caller gave up; nothing to explain
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if fu, perr := url.Parse(ue.URL); perr == nil && fu.Host != "" {
			host = fu.Host // a redirect's target may be another host
		}
		err = ue.Err // its message repeats the method and URL
	}
	var netErr net.Error
	var dnsErr *net.DNSError
	var opErr *net.OpError
	switch {
	case errors.Is(err, errTooManyRedirects):
		return fmt.Errorf("%s: %w", rawURL, errTooManyRedirects)
	case errors.Is(err, context.DeadlineExceeded) || errors.As(err, &netErr) && netErr.Timeout():
		return fmt.Errorf("%s: no complete response from %s within %s", rawURL, host, FetchTimeout)
	case errors.As(err, &dnsErr):
		return fmt.Errorf("%s: cannot find host %s: %s", rawURL, dnsErr.Name, dnsErr.Err)
	case errors.As(err, &opErr) && opErr.Op == "dial":
		cause := opErr.Err
		var se *os.SyscallError
		if errors.As(cause, &se) {
			cause = se.Err // "connection refused" rather than "connect: connection refused"
		}
		return fmt.Errorf("%s: cannot connect to %s: %v", rawURL, host, cause)
	}
	return fmt.Errorf("%s: %w", rawURL, err)
}

// mediaType is the type and subtype of a Content-Type header, lower-case.
func mediaType(contentType string) string {
	t, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(t))
}

// readableType reports whether a response's Content-Type is one the formats
// package reads. A response without one is read too: the bytes decide.
func readableType(contentType string) bool {
	switch mediaType(contentType) {
	case "", "text/html", "application/xhtml+xml", "text/markdown", "text/x-markdown", "text/plain":
		return true
	}
	return false
}
