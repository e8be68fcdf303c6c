package sshserver

import "testing"

func TestSplitReplies(t *testing.T) {
	for _, tc := range []struct{ in, replies, typed, partial string }{
		{"\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c", "\x1b]11;rgb:0000/0000/0000\x1b\\\x1b[?62;22c", "", ""},
		{"jk\x1b]11;rgb:ff/ff/ff\x07q", "\x1b]11;rgb:ff/ff/ff\x07", "jkq", ""},
		{"j\x1b[A\x1b[?1;2c", "\x1b[?1;2c", "j\x1b[A", ""},
		{"j\x1b]11;rgb:00", "", "j", "\x1b]11;rgb:00"},
		{"\x1b", "", "", "\x1b"},
		{"\x1b[", "", "", "\x1b["},
		{"\x1bj", "", "\x1bj", ""},
		{"\x1b[?25h", "", "\x1b[?25h", ""},
	} {
		r, ty, pa := splitReplies([]byte(tc.in))
		if string(r) != tc.replies || string(ty) != tc.typed || string(pa) != tc.partial {
			t.Errorf("%q: replies %q typed %q partial %q; want %q %q %q", tc.in, r, ty, pa, tc.replies, tc.typed, tc.partial)
		}
	}
}
