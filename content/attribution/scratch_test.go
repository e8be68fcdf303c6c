package attribution

import (
	"os"
	"strings"
	"testing"
)

func TestScratch(t *testing.T) {
	for _, in := range strings.Split(os.Getenv("SCRATCH"), "|") {
		an := analyzeString(t, in)
		t.Logf("%s", in)
		for _, q := range gotQuotes(an) {
			t.Logf("   %v", q)
		}
	}
}
