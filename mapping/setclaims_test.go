package mapping

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/edigw/edigw"
)

// TestSpooledClaimsReadAlike: the claims of a set that wait on disk (past
// setClaimsInMemory) come out exactly as claims held in memory, with the
// same statuses, in the same order.
func TestSpooledClaimsReadAlike(t *testing.T) {
	for _, file := range []string{
		"../fixtures/story/03-837p-claims.edi",
		"../fixtures/edi/cigna-837p-one-claim-rejected.edi",
		"../fixtures/edi/cigna-837p-dme-claim.edi",
	} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		read := func() string {
			var out bytes.Buffer
			enc := json.NewEncoder(&out)
			res, err := Read(bytes.NewReader(data), file, Handlers{Claim: func(c *edigw.Claim) error { return enc.Encode(c) }})
			if err != nil || res.Claims == 0 {
				t.Fatalf("%s: %d claims, %v", file, res.Claims, err)
			}
			return out.String()
		}
		inMemory := read()
		saved := setClaimsInMemory
		setClaimsInMemory = 0
		spooled := read()
		setClaimsInMemory = saved
		if spooled != inMemory {
			t.Errorf("%s: spooled claims differ:\n%s\nwant\n%s", file, spooled, inMemory)
		}
	}
}
