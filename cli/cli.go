// Package cli reads a command line the way Go's own tools do: subcommands,
// flags before or after the arguments, `help CMD` and `CMD --help` on
// standard output with status 0, usage errors on standard error with status
// 2, and --version from the build information.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime/debug"
	"strings"
)

// Command is one subcommand, or the program's default one (Name "").
type Command struct {
	Name string
	// Args is what follows the command's name in its usage line:
	// "[--json] [FILE|-]".
	Args string
	// Summary is the command's line in the program's help.
	Summary string
	// Help is printed after the usage line by `help CMD` and `CMD --help`,
	// before the flags.
	Help string
	// Flags are the command's flags; Setup adds them.
	Setup func(fs *flag.FlagSet)
	// MaxArgs is how many arguments the command takes.
	MaxArgs int
	// Run runs the command with its arguments, its flags already set.
	Run func(args []string) int
	// Takes reports whether the default command takes arg as its argument
	// rather than it being a mistyped subcommand (a file that exists, a
	// path, "-").
	Takes func(arg string) bool
}

// Program is a command-line program made of commands.
type Program struct {
	Name     string
	Summary  string
	Commands []*Command // the first one named "" is the default
	Footer   string     // printed at the end of the program's help
	Stdout   io.Writer
	Stderr   io.Writer
}

// Main runs the command named by args and returns the exit status.
func (p *Program) Main(args []string) int {
	if len(args) > 0 {
		switch args[0] {
		case "help", "-h", "-help", "--help":
			return p.help(args[1:])
		case "-version", "--version", "version":
			fmt.Fprintln(p.Stdout, Version(p.Name))
			return 0
		}
	}
	cmd := p.command("")
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		if c := p.command(args[0]); c != nil && c.Name != "" {
			cmd, args = c, args[1:]
		} else if cmd.Takes == nil || !cmd.Takes(args[0]) {
			return p.usageError(nil, fmt.Sprintf("unknown command %q", args[0]))
		}
	}
	fs := flag.NewFlagSet(p.Name+" "+cmd.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	if cmd.Setup != nil {
		cmd.Setup(fs)
	}
	rest, err := parse(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		p.commandHelp(p.Stdout, cmd, fs)
		return 0
	case err != nil:
		return p.usageError(cmd, err.Error())
	case len(rest) > cmd.MaxArgs:
		return p.usageError(cmd, fmt.Sprintf("too many arguments: %s", quoteAll(rest[cmd.MaxArgs:])))
	}
	return cmd.Run(rest)
}

func (p *Program) command(name string) *Command {
	for _, c := range p.Commands {
		if c.Name == name {
			return c
		}
	}
	return nil
}

// parse sets the flags found anywhere in args and returns the other
// arguments; "--" ends the flags.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(rest, args[i+1:]...), nil
		}
		if len(a) < 2 || a[0] != '-' {
			rest = append(rest, a)
			continue
		}
		name, value, hasValue := strings.Cut(strings.TrimPrefix(a[1:], "-"), "=")
		if name == "h" || name == "help" {
			return nil, flag.ErrHelp
		}
		f := fs.Lookup(name)
		if f == nil {
			return nil, fmt.Errorf("unknown flag --%s", name)
		}
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); ok && b.IsBoolFlag() && !hasValue {
			value, hasValue = "true", true
		}
		if !hasValue {
			if i+1 == len(args) {
				return nil, fmt.Errorf("--%s needs a value", name)
			}
			i++
			value = args[i]
		}
		if err := fs.Set(name, value); err != nil {
			return nil, fmt.Errorf("--%s %q: %v", name, value, valueError(f, err))
		}
	}
	return rest, nil
}

// valueError says what a flag wanted, where the flag package's own values
// only say "parse error".
func valueError(f *flag.Flag, err error) string {
	if err.Error() != "parse error" {
		return err.Error()
	}
	switch kind, _ := flag.UnquoteUsage(f); kind {
	case "":
		return "not true or false"
	case "duration":
		return "not a duration (90s, 15m, 2h)"
	case "int", "uint":
		return "not a whole number"
	default:
		return "not a " + kind
	}
}

func quoteAll(args []string) string {
	q := make([]string, len(args))
	for i, a := range args {
		q[i] = fmt.Sprintf("%q", a)
	}
	return strings.Join(q, " ")
}

// usageError reports a command line that cannot run, with the usage line
// that would, and returns the status for it.
func (p *Program) usageError(cmd *Command, msg string) int {
	fmt.Fprintf(p.Stderr, "%s: %s\n", p.Name, msg)
	if cmd == nil {
		p.programHelp(p.Stderr)
		return 2
	}
	fmt.Fprintf(p.Stderr, "usage: %s\n", p.usageLine(cmd))
	fmt.Fprintf(p.Stderr, "'%s' for more.\n", strings.TrimSpace(p.Name+" help "+cmd.Name))
	return 2
}

func (p *Program) usageLine(cmd *Command) string {
	return strings.Join(strings.Fields(p.Name+" "+cmd.Name+" "+cmd.Args), " ")
}

// help answers `help` and `help CMD`.
func (p *Program) help(args []string) int {
	switch {
	case len(args) == 0:
		p.programHelp(p.Stdout)
		return 0
	case len(args) > 1:
		return p.usageError(nil, fmt.Sprintf("help takes one command, got %s", quoteAll(args)))
	}
	cmd := p.command(args[0])
	if cmd == nil || cmd.Name == "" {
		return p.usageError(nil, fmt.Sprintf("no command %q", args[0]))
	}
	fs := flag.NewFlagSet(cmd.Name, flag.ContinueOnError)
	if cmd.Setup != nil {
		cmd.Setup(fs)
	}
	p.commandHelp(p.Stdout, cmd, fs)
	return 0
}

func (p *Program) programHelp(w io.Writer) {
	fmt.Fprintf(w, "%s: %s\n\nusage:\n", p.Name, p.Summary)
	width := 0
	for _, c := range p.Commands {
		width = max(width, len(p.usageLine(c)))
	}
	for _, c := range p.Commands {
		fmt.Fprintf(w, "  %-*s  %s\n", width, p.usageLine(c), c.Summary)
	}
	fmt.Fprintf(w, "\n'%s help CMD' tells more of a command; '%s --version' which build this is.\n", p.Name, p.Name)
	if p.Footer != "" {
		fmt.Fprintf(w, "%s\n", p.Footer)
	}
}

func (p *Program) commandHelp(w io.Writer, cmd *Command, fs *flag.FlagSet) {
	fmt.Fprintf(w, "usage: %s\n", p.usageLine(cmd))
	if cmd.Help != "" {
		fmt.Fprintf(w, "\n%s\n", strings.TrimRight(cmd.Help, "\n"))
	}
	var flags []string
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		name, _ := flag.UnquoteUsage(f)
		s := "--" + f.Name
		if b, ok := f.Value.(interface{ IsBoolFlag() bool }); !ok || !b.IsBoolFlag() {
			s += " " + strings.ToUpper(name)
		}
		flags = append(flags, s)
		width = max(width, len(s))
	})
	if len(flags) == 0 {
		return
	}
	fmt.Fprintln(w, "\nflags:")
	i := 0
	fs.VisitAll(func(f *flag.Flag) {
		_, usage := flag.UnquoteUsage(f)
		lines := strings.Split(usage, "\n")
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			lines[len(lines)-1] += fmt.Sprintf(" (default %s)", f.DefValue)
		}
		fmt.Fprintf(w, "  %-*s  %s\n", width, flags[i], lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(w, "  %-*s  %s\n", width, "", l)
		}
		i++
	})
}

// Version is the program's module version and VCS revision, as the Go
// toolchain recorded them in the binary.
func Version(name string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return name + " (no build information)"
	}
	v := name + " " + info.Main.Version
	var rev, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev != "" {
		v += fmt.Sprintf(", revision %.12s", rev)
		if at != "" {
			v += " of " + at
		}
		if modified {
			v += " with local changes"
		}
	}
	return v + ", " + info.GoVersion
}
