package cli

import (
	"bytes"
	"flag"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestParse(t *testing.T) {
	tests := []struct {
		args []string
		rest string
		set  string // json, n, d after parsing
		err  string
	}{
		{nil, "", "false 0 0s", ""},
		{[]string{"a", "--json", "b"}, "a b", "true 0 0s", ""},
		{[]string{"-json=false", "a"}, "a", "false 0 0s", ""},
		{[]string{"--n", "3", "-d=2s", "x"}, "x", "false 3 2s", ""},
		{[]string{"-", "--n=4"}, "-", "false 4 0s", ""},
		{[]string{"--", "--json", "-n"}, "--json -n", "false 0 0s", ""},
		{[]string{"--n"}, "", "", "--n needs a value"},
		{[]string{"--n", "three"}, "", "", `--n "three": not a whole number`},
		{[]string{"--d", "soon"}, "", "", `--d "soon": not a duration`},
		{[]string{"--json=maybe"}, "", "", `--json "maybe": not true or false`},
		{[]string{"--nope"}, "", "", "unknown flag --nope"},
		{[]string{"-nope=1"}, "", "", "unknown flag --nope"},
		{[]string{"x", "--help"}, "", "", "flag: help requested"},
	}
	for _, tt := range tests {
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		j := fs.Bool("json", false, "")
		n := fs.Int("n", 0, "")
		d := fs.Duration("d", 0, "")
		rest, err := parse(fs, tt.args)
		switch {
		case tt.err != "":
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("%q: error %v, want %q", tt.args, err, tt.err)
			}
		case err != nil:
			t.Errorf("%q: %v", tt.args, err)
		default:
			if got := strings.Join(rest, " "); got != tt.rest {
				t.Errorf("%q: arguments %q, want %q", tt.args, got, tt.rest)
			}
			if got := strings.Join([]string{boolString(*j), itoa(*n), d.String()}, " "); got != tt.set {
				t.Errorf("%q: flags %q, want %q", tt.args, got, tt.set)
			}
		}
	}
}

func boolString(b bool) string { return map[bool]string{true: "true", false: "false"}[b] }

func itoa(n int) string { return strconv.Itoa(n) }

func TestProgram(t *testing.T) {
	var got []string
	var wait time.Duration
	prog := func() (*Program, *bytes.Buffer, *bytes.Buffer) {
		var out, errb bytes.Buffer
		return &Program{
			Name: "tool", Summary: "does things", Stdout: &out, Stderr: &errb,
			Commands: []*Command{
				{Args: "[FILE]", Summary: "open", MaxArgs: 1, Takes: func(a string) bool { return strings.HasSuffix(a, ".txt") },
					Run: func(args []string) int { got = append([]string{"open"}, args...); return 0 }},
				{Name: "wait", Args: "[--for D]", Summary: "wait", Setup: func(fs *flag.FlagSet) { fs.DurationVar(&wait, "for", time.Second, "how long") },
					Run: func(args []string) int { got = []string{"wait", wait.String()}; return 3 }},
			},
		}, &out, &errb
	}
	tests := []struct {
		args        []string
		code        int
		ran         string
		out, errout string
	}{
		{nil, 0, "open", "", ""},
		{[]string{"a.txt"}, 0, "open a.txt", "", ""},
		{[]string{"wait", "--for", "2s"}, 3, "wait 2s", "", ""},
		{[]string{"wait"}, 3, "wait 1s", "", ""},
		{[]string{"wat"}, 2, "", "", "tool: unknown command \"wat\"\ntool: does things"},
		{[]string{"wait", "x"}, 2, "", "", "too many arguments: \"x\"\nusage: tool wait [--for D]\n'tool help wait' for more."},
		{[]string{"help", "wait"}, 0, "", "usage: tool wait [--for D]\n\nflags:\n  --for DURATION  how long (default 1s)\n", ""},
		{[]string{"wait", "--help"}, 0, "", "usage: tool wait", ""},
		{[]string{"help"}, 0, "", "  tool [FILE]          open\n  tool wait [--for D]  wait\n", ""},
		{[]string{"--version"}, 0, "", "tool ", ""},
	}
	for _, tt := range tests {
		got = nil
		p, out, errb := prog()
		code := p.Main(tt.args)
		if code != tt.code || strings.Join(got, " ") != tt.ran || !strings.Contains(out.String(), tt.out) || !strings.Contains(errb.String(), tt.errout) {
			t.Errorf("%q: exit %d, ran %q\nstdout %q\nstderr %q", tt.args, code, got, out, errb)
		}
	}
}
