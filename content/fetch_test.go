package content

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"
)

const fetchLimit = 1 << 20 // the size limit the tests fetch with

const fetchPage = "<!DOCTYPE html><html><head><title>Budget</title></head><body><p>The budget is balanced.</p></body></html>\n"

// fetchServer serves the cases of TestFetch.
func fetchServer(t *testing.T) *httptest.Server {
	t.Helper()
	done := make(chan struct{}) // releases the handlers that hang
	mux := http.NewServeMux()
	mux.HandleFunc("/article", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, fetchPage)
	})
	mux.HandleFunc("/untyped", func(w http.ResponseWriter, r *http.Request) {
		w.Header()["Content-Type"] = nil // net/http would sniff one
		fmt.Fprint(w, "The budget is balanced.\n")
	})
	mux.HandleFunc("/headers", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprintf(w, "%s\n%s", r.Header.Get("User-Agent"), r.Header.Get("Accept"))
	})
	mux.HandleFunc("/gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/markdown")
		w.Header().Set("Content-Encoding", "gzip")
		zw := gzip.NewWriter(w)
		fmt.Fprint(zw, "# Budget\n\nThe budget is balanced.\n")
		zw.Close()
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/article", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/moved-missing", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/missing", http.StatusFound)
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	mux.HandleFunc("/chain/{n}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		if n == 0 {
			http.Redirect(w, r, "/article", http.StatusFound)
			return
		}
		http.Redirect(w, r, fmt.Sprintf("/chain/%d", n-1), http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/article.txt", http.StatusFound)
	})
	mux.HandleFunc("/error", func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "database down", http.StatusInternalServerError)
	})
	mux.HandleFunc("/picture", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/report", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/pdf")
		w.Write([]byte("%PDF-1.7\n"))
	})
	// /size/{n}/{how} sends n bytes, announced in Content-Length or
	// streamed in chunks without one.
	mux.HandleFunc("/size/{n}/{how}", func(w http.ResponseWriter, r *http.Request) {
		n, _ := strconv.Atoi(r.PathValue("n"))
		w.Header().Set("Content-Type", "text/plain")
		chunk := bytes.Repeat([]byte("news "), 2000)
		if r.PathValue("how") == "length" {
			w.Header().Set("Content-Length", strconv.Itoa(n))
		}
		for n > 0 {
			k := min(n, len(chunk))
			if _, err := w.Write(chunk[:k]); err != nil {
				return // the client stopped reading
			}
			w.(http.Flusher).Flush()
			n -= k
		}
	})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-done:
		}
	})
	mux.HandleFunc("/hang-in-body", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<p>The budget")
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-done:
		}
	})
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(done) }) // before Close, which waits for the handlers
	return srv
}

// closedAddress is an address nothing listens on.
func closedAddress(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

func TestFetch(t *testing.T) {
	srv := fetchServer(t)
	base := srv.URL
	refused := closedAddress(t)
	host := strings.TrimPrefix(base, "http://")

	tests := []struct {
		name      string
		url       string
		timeout   time.Duration // FetchTimeout for the case; 0 keeps the default
		body      string        // the body expected, when no error is
		typ       string        // the Content-Type expected
		final     string        // the final URL expected; "" for url
		err       string        // the error expected, in full
		errPrefix string        // or its start, when the rest is the system's wording
	}{
		{name: "HTML page", url: base + "/article", body: fetchPage, typ: "text/html; charset=utf-8"},
		{name: "no Content-Type", url: base + "/untyped", body: "The budget is balanced.\n", typ: ""},
		{name: "gzip", url: base + "/gzip", body: "# Budget\n\nThe budget is balanced.\n", typ: "text/markdown"},
		{name: "headers sent", url: base + "/headers", body: userAgent() + "\n" + acceptHeader, typ: "text/plain"},
		{name: "redirect", url: base + "/moved", body: fetchPage, typ: "text/html; charset=utf-8", final: base + "/article"},
		{name: "ten redirects", url: base + "/chain/9", body: fetchPage, typ: "text/html; charset=utf-8", final: base + "/article"},
		{name: "eleven redirects", url: base + "/chain/10", err: base + "/chain/10: too many redirects (more than 10)"},
		{name: "redirect loop", url: base + "/loop", err: base + "/loop: too many redirects (more than 10)"},
		{name: "redirect to ftp", url: base + "/to-ftp", err: base + "/to-ftp: redirected to ftp://example.com/article.txt, which is not an http or https URL"},
		{name: "404", url: base + "/missing", err: base + "/missing: 404 Not Found"},
		{name: "404 after a redirect", url: base + "/moved-missing", err: base + "/moved-missing: 404 Not Found (redirected to " + base + "/missing)"},
		{name: "500", url: base + "/error", err: base + "/error: 500 Internal Server Error"},
		{name: "image", url: base + "/picture", err: base + "/picture: the server sent image/png, not an article in HTML, Markdown or plain text"},
		{name: "PDF", url: base + "/report", err: base + "/report: the server sent application/pdf, not an article in HTML, Markdown or plain text"},
		{name: "at the limit with Content-Length", url: base + "/size/1048576/length", body: strings.Repeat("news ", fetchLimit/5+1)[:fetchLimit], typ: "text/plain"},
		{name: "at the limit, streamed", url: base + "/size/1048576/stream", body: strings.Repeat("news ", fetchLimit/5+1)[:fetchLimit], typ: "text/plain"},
		{name: "over the limit with Content-Length", url: base + "/size/1048577/length", err: base + "/size/1048577/length: larger than the 1 MB limit (raise it with --max-size)"},
		{name: "over the limit, streamed", url: base + "/size/1048577/stream", err: base + "/size/1048577/stream: larger than the 1 MB limit (raise it with --max-size)"},
		{name: "no response", url: base + "/hang", timeout: 200 * time.Millisecond, err: base + "/hang: no complete response from " + host + " within 200ms"},
		{name: "body stalls", url: base + "/hang-in-body", timeout: 200 * time.Millisecond, err: base + "/hang-in-body: no complete response from " + host + " within 200ms"},
		{name: "unsupported scheme", url: "ftp://example.com/article.txt", err: `ftp://example.com/article.txt: cannot fetch "ftp" URLs, only http and https`},
		{name: "no scheme", url: "example.com/article", err: "example.com/article: not an http or https URL"},
		{name: "no host", url: "http:///article", err: "http:///article: the URL names no host"},
		{name: "invalid URL", url: "http://exa mple.com/", errPrefix: `"http://exa mple.com/": not a valid URL: `},
		{name: "connection refused", url: "http://" + refused + "/article", errPrefix: "http://" + refused + "/article: cannot connect to " + refused + ": "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.timeout != 0 {
				defer func(d time.Duration) { FetchTimeout = d }(FetchTimeout)
				FetchTimeout = tt.timeout
			}
			data, typ, final, err := Fetch(context.Background(), tt.url, fetchLimit)
			switch {
			case tt.err != "" || tt.errPrefix != "":
				if err == nil {
					t.Fatalf("Fetch succeeded, want error %q", tt.err+tt.errPrefix)
				}
				if tt.err != "" && err.Error() != tt.err || tt.errPrefix != "" && !strings.HasPrefix(err.Error(), tt.errPrefix) {
					t.Fatalf("Fetch error\n got %q\nwant %q", err, tt.err+tt.errPrefix)
				}
				if data != nil || typ != "" || final != nil {
					t.Errorf("Fetch returned data with its error")
				}
				return
			case err != nil:
				t.Fatalf("Fetch: %v", err)
			}
			if string(data) != tt.body {
				t.Errorf("body = %.200q, want %.200q", data, tt.body)
			}
			if typ != tt.typ {
				t.Errorf("content type = %q, want %q", typ, tt.typ)
			}
			want := tt.final
			if want == "" {
				want = tt.url
			}
			if final == nil || final.String() != want {
				t.Errorf("final URL = %v, want %s", final, want)
			}
		})
	}
}

// TestFetchDNS resolves through a resolver that has no server, so the
// lookup fails as it does offline, without depending on the network.
func TestFetchDNS(t *testing.T) {
	noDNS := errors.New("no DNS server in tests")
	resolver := &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, network, address string) (net.Conn, error) {
			return nil, noDNS
		},
	}
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.DialContext = (&net.Dialer{Resolver: resolver}).DialContext
	defer func(rt http.RoundTripper) { fetchTransport = rt }(fetchTransport)
	fetchTransport = tr

	const u = "https://news.example.invalid/budget"
	_, _, _, err := Fetch(context.Background(), u, fetchLimit)
	want := u + ": cannot find host news.example.invalid: "
	if err == nil || !strings.HasPrefix(err.Error(), want) {
		t.Fatalf("Fetch error = %v, want %q…", err, want)
	}
}

// TestFetchCanceled checks that a caller's cancellation is reported as
// such, not dressed up as a timeout or a connection failure.
func TestFetchCanceled(t *testing.T) {
	srv := fetchServer(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, _, _, err := Fetch(ctx, srv.URL+"/article", fetchLimit)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Fetch error = %v, want context.Canceled", err)
	}
}

func TestUserAgent(t *testing.T) {
	v, ok := strings.CutPrefix(userAgent(), "copydesk/")
	if !ok || v == "" || strings.ContainsAny(v, " ()") {
		t.Errorf("User-Agent %q, want copydesk/<version>", userAgent())
	}
}

func TestIsURL(t *testing.T) {
	for s, want := range map[string]bool{
		"http://example.com/a":  true,
		"https://example.com/a": true,
		"HTTPS://example.com/a": true,
		"https://":              true, // Fetch explains what is missing
		"ftp://example.com/a":   false,
		"article.txt":           false,
		"http:article":          false,
		"-":                     false,
		"":                      false,
		"./https://x":           false,
	} {
		if got := IsURL(s); got != want {
			t.Errorf("IsURL(%q) = %v, want %v", s, got, want)
		}
	}
}
