package mapping

import (
	"bufio"
	"encoding/json"
	"fmt"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/internal/spool"
)

// maxSetCheckErrors bounds the business-rule errors of one set held until
// the set ends: no set keeps more (ig.Validator.MaxErrorsPerSet defaults
// to 100); the rest are only counted.
const maxSetCheckErrors = 100

// setClaimsInMemory bounds the claims of one set held in memory: those
// read from the set's first bytes up to this many. A claim takes about
// seven times its X12 size as a record, so this is about 20 MB; sets of
// the usual size (up to 5,000 claims) never touch the disk, and a bigger
// set costs no more memory, only the JSON round trip of the claims
// beyond. A variable so that tests can send every claim through the spool.
var setClaimsInMemory int64 = 3 << 20

// setClaims holds the claims of the open 837 set until the set ends and
// its errors decide which are rejected: in memory while the set is small,
// then in a spool, as JSON (on disk past 64 KB). One set of 100,000 claims
// costs no more memory than one of 5,000.
type setClaims struct {
	mem     []*edigw.Claim // the first claims
	data    spool.Buffer   // the others
	enc     *json.Encoder
	n       int          // spooled
	errs    []*edi.Error // business-rule errors, at most maxSetCheckErrors
	dropped int          // those beyond
}

// add holds claim c, read by the time the set's first read bytes of it
// were read.
func (sc *setClaims) add(c *edigw.Claim, read int64) error {
	if read < setClaimsInMemory && sc.n == 0 {
		sc.mem = append(sc.mem, c)
		return nil
	}
	if sc.enc == nil {
		sc.enc = json.NewEncoder(&sc.data)
	}
	if err := sc.enc.Encode(c); err != nil {
		return fmt.Errorf("mapping: spooling a claim: %w", err)
	}
	sc.n++
	return nil
}

func (sc *setClaims) addError(e *edi.Error) {
	if len(sc.errs) < maxSetCheckErrors {
		sc.errs = append(sc.errs, e)
		return
	}
	sc.dropped++
}

// len is the number of claims held.
func (sc *setClaims) len() int { return len(sc.mem) + sc.n }

// each hands every claim back, in order, with its index.
func (sc *setClaims) each(f func(i int, c *edigw.Claim) error) error {
	for i, c := range sc.mem {
		if err := f(i, c); err != nil {
			return err
		}
	}
	if sc.n == 0 {
		return nil
	}
	if err := sc.data.Err(); err != nil {
		return fmt.Errorf("mapping: spooling the claims of a set: %w", err)
	}
	dec := json.NewDecoder(bufio.NewReaderSize(sc.data.Reader(), 32<<10))
	for i := range sc.n {
		c := &edigw.Claim{}
		if err := dec.Decode(c); err != nil {
			return fmt.Errorf("mapping: reading back a spooled claim: %w", err)
		}
		if err := f(len(sc.mem)+i, c); err != nil {
			return err
		}
	}
	return nil
}

// reset forgets the set.
func (sc *setClaims) reset() {
	sc.data.Close()
	*sc = setClaims{}
}
