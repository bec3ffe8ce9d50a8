package clearinghouse

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestAckNamesStayBounded(t *testing.T) {
	if got := ackName("claims.x12", "000000001-1-0001", "277ca"); got != "claims.000000001-1-0001.277ca.x12" {
		t.Errorf("a short name changed: %q", got)
	}
	long := strings.Repeat("é", 120) + "x.x12" // 245 bytes, multi-byte characters at the cut
	names := map[string]bool{}
	for _, n := range []string{
		ackName(long, "000000001-1-0001", "277ca"),
		ackName(long, "000000001-1-0002", "277ca"),
		ackName(long, "000000001", "ta1"),
		ackName("y"+long, "000000001", "ta1"),
		ackName(long, strings.Repeat("9", 400), "ta1"),
		reasonName(long),
	} {
		if len(n) > maxNameBytes || !utf8.ValidString(n) {
			t.Errorf("%q: %d bytes, valid UTF-8 %v", n, len(n), utf8.ValidString(n))
		}
		if !strings.HasSuffix(n, ".x12") && !strings.HasSuffix(n, ".reason.txt") {
			t.Errorf("%q lost its suffix", n)
		}
		if names[n] {
			t.Errorf("%q given twice", n)
		}
		names[n] = true
	}
}
