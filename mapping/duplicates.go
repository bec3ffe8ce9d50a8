package mapping

import (
	"encoding/binary"
	"hash/maphash"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/payers"
)

// Duplicate claims (decision 0019): a claim of the same billing provider,
// patient, patient control number, dates of service and charge as one
// before it in the same file or submission. The payer profile's
// Duplicates policy says what it does: warn (default) or reject (277CA,
// the profile's status). Duplicates are found inside the billing provider
// only: two providers may use the same numbers.

// maxDuplicateKeys bounds what a file remembers (16 bytes and a map
// entry a claim, about 8 MB at the bound); claims beyond it are not
// compared, so memory stays bounded whatever the file's size.
const maxDuplicateKeys = 200_000

// duplicateSeen remembers the claims of one file by a digest of what
// makes two claims the same (no value is kept in the clear).
type duplicateSeen struct {
	seen map[[16]byte]int // the claim's place in the file, from 1
	n    int
	buf  []byte // duplicateKey's, kept from claim to claim
}

// duplicateSeeds key duplicateKey's two 64-bit digests: random for each
// process, so that nobody can make two different claims share a key, and
// 128 bits, so that the 200,000 claims a file remembers never do by
// chance (about 1 in 10^28). The keys live only in memory, for the length
// of one file or submission. It was SHA-256 (cut to 16 bytes) before
// decision 0031's round 5: ten times the work, for nothing a key needs.
var duplicateSeeds = [2]maphash.Seed{maphash.MakeSeed(), maphash.MakeSeed()}

// duplicateKey digests the fields that make two claims the same, each
// followed by a zero byte; buf is scratch space, returned for reuse.
func duplicateKey(c *edigw.Claim, buf []byte) ([16]byte, []byte) {
	b := buf[:0]
	field := func(s ...string) {
		for _, p := range s {
			b = append(b, p...)
		}
		b = append(b, 0)
	}
	field(string(c.PayerID))
	field(c.BillingProvider.TaxID)
	field(c.BillingProvider.NPI())
	for _, p := range []*edigw.Person{&c.Subscriber, c.Patient} {
		if p == nil {
			field("-")
			continue
		}
		field(p.MemberID)
		field(p.LastName)
		field(p.FirstName)
		field(p.BirthDate)
	}
	field(c.PatientControlNumber)
	if c.ServicePeriod != nil {
		field(c.ServicePeriod.From, "-", c.ServicePeriod.To)
	}
	for _, l := range c.Lines {
		if l.ServiceDate != nil {
			field(l.ServiceDate.From, "-", l.ServiceDate.To)
		}
	}
	b = strconv.AppendInt(b, int64(c.TotalCharge), 10)
	b = append(b, 0)
	var k [16]byte
	binary.LittleEndian.PutUint64(k[:8], maphash.Bytes(duplicateSeeds[0], b))
	binary.LittleEndian.PutUint64(k[8:], maphash.Bytes(duplicateSeeds[1], b))
	return k, b
}

// check remembers c and returns an issue when a claim before it in the
// file is the same claim.
func (d *duplicateSeen) check(c *edigw.Claim, at *claimSpots) *Issue {
	d.n++
	if d.seen == nil {
		d.seen = map[[16]byte]int{}
	}
	var k [16]byte
	k, d.buf = duplicateKey(c, d.buf)
	first, dup := d.seen[k]
	if !dup {
		if len(d.seen) < maxDuplicateKeys {
			d.seen[k] = d.n
		}
		return nil
	}
	return duplicateIssue(c, at.claim, first)
}

// duplicateIssue is the finding on a claim that repeats the first-th
// claim of its file or submission, as its payer's policy makes it.
func duplicateIssue(c *edigw.Claim, where spot, first int) *Issue {
	policy := duplicatePolicy(c.PayerID)
	stc := ""
	if policy.Rejects() {
		stc = policy.RejectStatus()
	}
	is := issueAt(where, 1, "duplicate-claim", 7, c.PatientControlNumber, 0, "patientControlNumber", stc,
		"the claim repeats claim %d before it: the same billing provider, patient, patient control number, dates of service and charge", first)
	is.Warning = !policy.Rejects()
	return is
}

// duplicateProblems are CheckClaims' duplicate findings on a submission:
// the claims that repeat one before them. Only a rejecting policy makes
// them problems (a warning does not refuse a submission).
func duplicateProblems(claims []*edigw.Claim) []Problem {
	var out []Problem
	seen := map[[16]byte]int{}
	var buf []byte
	for i, c := range claims {
		var k [16]byte
		k, buf = duplicateKey(c, buf)
		first, dup := seen[k]
		if !dup {
			seen[k] = i + 1
			continue
		}
		if is := duplicateIssue(c, spot{}, first); !is.Warning {
			out = append(out, Problem{Record: i, Field: is.Field, Message: is.Err.Msg})
		}
	}
	return out
}

// duplicatePolicy is the payer profile's Duplicates (warn without a
// profile); a variable so that tests can try a rejecting one.
var duplicatePolicy = func(payer edigw.PayerID) payers.Duplicates {
	if p, ok := payers.Lookup(payer); ok {
		return p.Duplicates
	}
	return payers.Duplicates{}
}
