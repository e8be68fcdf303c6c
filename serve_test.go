package main

import (
	"strings"
	"testing"
)

func TestServeFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--help"}, 0, "--authorized-keys FILE"},
		{[]string{"serve", "--max-sessions", "0"}, 2, "at least 1"},
		{[]string{"serve", "--idle-timeout", "soon"}, 2, `--idle-timeout "soon": not a duration`},
		{[]string{"serve", "a.txt", "b.txt"}, 2, `too many arguments: "b.txt"`},
		{[]string{"serve", "--host-key", "/dev/null/key", "--listen", "127.0.0.1:0"}, 1, "host key"},
		{[]string{"serve", "/no/such/article.txt"}, 1, "copydesk:"},
	} {
		code, out, errs := runCmd(t, "", tc.args...)
		if code != tc.code || !strings.Contains(out+errs, tc.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tc.args, code, errs, tc.code, tc.want)
		}
	}
}
