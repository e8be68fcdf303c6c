// Command copydesk is a terminal reader for news articles that knows who said
// what: `copydesk [FILE|-]` reads, `copydesk analyze` prints the analysis,
// `copydesk serve` serves the reader over SSH.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "analyze":
			return runAnalyze(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintln(stderr, "copydesk: the reader is not built yet")
	return 1
}
