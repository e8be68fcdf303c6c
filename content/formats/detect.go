package formats

import (
	"bytes"
	"path/filepath"
	"regexp"
	"strings"
)

// detectLimit is how much of an input Detect reads.
const detectLimit = 64 << 10

// Detect says what an input is, by its content first and then by the
// extension of its name (.md, .markdown, .html, .htm, .txt).
//
// A page is HTML when, after a byte order mark, white space and comments,
// it opens as an HTML document, or has a <head> or <body>, or is thick
// with <p>, <div> and <br> tags. Markdown must be told from news copy,
// which has numbered lines, stars and dashes of its own, so it takes two
// different kinds of sign (an ATX heading, a [link](url), **strong**,
// fenced code, a list of two lines or more, a setext underline); with a
// .md or .markdown name one sign is enough, and none is needed. The rest
// is Text.
func Detect(name string, data []byte) Format {
	// A document shows what it is near its start; reading no further keeps
	// a long article's first frame from waiting on the whole text.
	if len(data) > detectLimit {
		data = data[:detectLimit]
	}
	ext := strings.ToLower(filepath.Ext(name))
	isMD := ext == ".md" || ext == ".markdown" || ext == ".mdown" || ext == ".mkd"
	if htmlDocument(data) {
		return HTML
	}
	kinds := markdownSigns(data)
	if kinds >= 2 || isMD && kinds >= 1 {
		return Markdown
	}
	if !isMD && tagDense(data) {
		return HTML
	}
	switch {
	case isMD:
		return Markdown
	case ext == ".html" || ext == ".htm" || ext == ".xhtml":
		return HTML
	}
	return Text
}

// htmlDocument says whether data opens as an HTML document or has the
// head or body of one.
func htmlDocument(data []byte) bool {
	s := bytes.TrimPrefix(data, []byte("\xEF\xBB\xBF"))
	for {
		s = bytes.TrimLeft(s, " \t\r\n\f")
		switch {
		case bytes.HasPrefix(s, []byte("<!--")):
			end := bytes.Index(s[4:], []byte("-->"))
			if end < 0 {
				return false
			}
			s = s[4+end+3:]
			continue
		case bytes.HasPrefix(s, []byte("<?xml")):
			end := bytes.Index(s, []byte("?>"))
			if end < 0 {
				return false
			}
			s = s[end+2:]
			continue
		}
		break
	}
	if hasPrefixFold(s, "<!doctype html") || hasPrefixFold(s, "<html") && len(s) > 5 && (s[5] == '>' || isSpace(s[5])) {
		return true
	}
	return headOrBody.Match(data)
}

var headOrBody = regexp.MustCompile(`(?i)<(head|body)[\s>]`)

func hasPrefixFold(s []byte, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(string(s[:len(prefix)]), prefix)
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }

// tagDense says whether block tags are frequent enough that data is an
// HTML fragment: four or more, one in every 500 bytes at least. Prose
// that mentions a tag or two is far below that.
func tagDense(data []byte) bool {
	n := len(blockTag.FindAllIndex(data, -1))
	return n >= 4 && n*500 >= len(data)
}

var blockTag = regexp.MustCompile(`(?i)</?(p|div)[\s>]|<br\s*/?>`)

// The signs of Markdown, each matched against one line.
var (
	atxHeading = regexp.MustCompile(`^ {0,3}#{1,6}[ \t]+\S`)
	setextLine = regexp.MustCompile(`^ {0,3}(={3,}|-{3,})[ \t]*$`)
	listLine   = regexp.MustCompile(`^ {0,3}([-*+]|\d{1,9}[.)])[ \t]+\S`)
	fenceLine  = regexp.MustCompile("^ {0,3}(```|~~~)")
	mdLink     = regexp.MustCompile(`!?\[[^\]\n]+\]\((https?://|mailto:|/|#|\./|\.\./)[^)\s]*( "[^"\n]*")?\)|^ {0,3}\[[^\]\n]+\]:[ \t]+(https?://|/)\S*`)
	mdStrong   = regexp.MustCompile(`\*\*[^\s*][^*\n]*\*\*|\b__[^\s_][^_\n]*__\b`)
)

const (
	signHeading = 1 << iota
	signSetext
	signList
	signFence
	signLink
	signStrong
)

// markdownSigns returns how many different kinds of Markdown sign data
// holds.
func markdownSigns(data []byte) int {
	signs := 0
	var prev []byte // the line before, "" when blank
	listRun := 0
	fenceOpen := false
	for len(data) > 0 {
		line := data
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			line, data = data[:i], data[i+1:]
		} else {
			data = nil
		}
		line = bytes.TrimRight(line, "\r")
		blank := len(bytes.TrimSpace(line)) == 0
		switch {
		case fenceLine.Match(line):
			if fenceOpen {
				signs |= signFence
			}
			fenceOpen = !fenceOpen
		case fenceOpen:
		case atxHeading.Match(line):
			signs |= signHeading
		case setextLine.Match(line) && len(prev) > 0 && !listLine.Match(prev):
			signs |= signSetext
		}
		if !fenceOpen && listLine.Match(line) {
			listRun++
			if listRun >= 2 {
				signs |= signList
			}
		} else {
			listRun = 0
		}
		if !fenceOpen && bytes.IndexByte(line, '[') >= 0 && mdLink.Match(line) {
			signs |= signLink
		}
		if !fenceOpen && (bytes.Contains(line, []byte("**")) || bytes.Contains(line, []byte("__"))) && mdStrong.Match(line) {
			signs |= signStrong
		}
		if blank {
			prev = nil
		} else {
			prev = line
		}
	}
	n := 0
	for ; signs != 0; signs &= signs - 1 {
		n++
	}
	return n
}
