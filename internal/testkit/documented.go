package testkit

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
)

// DocumentedFields reads the fields a contract page (docs/*.md) lists, by
// the path of the object they belong to: "." for the document, "quotes[]"
// for a quote, "quotes[].cue" for its cue. A section "## Name (`path`, …)"
// holds a table whose rows begin with the field's name in backquotes.
func DocumentedFields(tb testing.TB, page string) map[string][]string {
	tb.Helper()
	raw, err := os.ReadFile(page)
	if err != nil {
		tb.Fatal(err)
	}
	fields := map[string][]string{}
	var paths []string
	for _, line := range strings.Split(string(raw), "\n") {
		if strings.HasPrefix(line, "## ") {
			paths = nil
			if _, in, ok := strings.Cut(line, "("); ok {
				for _, p := range strings.Split(strings.TrimSuffix(in, ")"), ",") {
					paths = append(paths, strings.Trim(strings.TrimSpace(p), "`"))
				}
			}
			continue
		}
		if name, ok := strings.CutPrefix(line, "| `"); ok && paths != nil {
			name = name[:strings.IndexByte(name, '`')]
			for _, p := range paths {
				fields[p] = append(fields[p], name)
			}
		}
	}
	return fields
}

// CheckDocumented fails tb for every field the JSON documents write that
// documented does not list, and every field it lists that none of them
// writes.
func CheckDocumented(tb testing.TB, documented map[string][]string, docs ...[]byte) {
	tb.Helper()
	written := map[string]map[string]bool{}
	for _, data := range docs {
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			tb.Fatal(err)
		}
		writtenFields(doc, ".", written)
	}
	for path, names := range documented {
		for _, n := range names {
			if !written[path][n] {
				tb.Errorf("%s %s is documented but not written", path, n)
			}
		}
	}
	for path, names := range written {
		for n := range names {
			if !slices.Contains(documented[path], n) {
				tb.Errorf("%s %s is written but not documented", path, n)
			}
		}
	}
}

// writtenFields collects the fields of the objects in a decoded document by
// their path, as DocumentedFields names them.
func writtenFields(v any, path string, into map[string]map[string]bool) {
	switch v := v.(type) {
	case map[string]any:
		if into[path] == nil {
			into[path] = map[string]bool{}
		}
		for k, x := range v {
			into[path][k] = true
			child := path + "." + k
			if path == "." {
				child = k
			}
			writtenFields(x, child, into)
		}
	case []any:
		for _, x := range v {
			writtenFields(x, path+"[]", into)
		}
	}
}
