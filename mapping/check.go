package mapping

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
)

// checkEnvelope is the envelope records are test-written in.
func checkEnvelope() Envelope {
	return Envelope{SenderID: "EDIGWCHECK", ReceiverID: "EDIGWCHECK", Numbers: &ack.Sequence{}}
}

// CheckClaims holds claims to the rules an inbound 837 meets: what the
// guide requires (each claim is written as an 837 and validated), the
// balancing and code-set rules. Problems name the claim and, where the
// rule knows it, the field.
func CheckClaims(claims []*edigw.Claim) []Problem {
	var out []Problem
	for i, c := range claims {
		var re *RecordError
		if err := CheckClaimForWriting(c); errors.As(err, &re) {
			for _, m := range re.Missing() {
				field, _, _ := strings.Cut(m, " ")
				out = append(out, Problem{Record: i, Field: field, Message: "missing " + m})
			}
			continue
		}
		var buf bytes.Buffer
		if err := Write837(&buf, checkEnvelope(), []*edigw.Claim{c}); err != nil {
			out = append(out, Problem{Record: i, Message: writeProblem(err)})
			continue
		}
		res, err := Read(&buf, "claim", Handlers{})
		if err != nil {
			out = append(out, Problem{Record: i, Message: err.Error()})
			continue
		}
		seen := map[string]bool{}
		for _, is := range res.Issues {
			if !is.Warning {
				out = append(out, Problem{Record: i, Field: is.Field, Message: is.Err.Msg})
				seen[is.Err.Msg] = true
			}
		}
		for _, e := range res.Report.Errors {
			if !seen[e.Msg] {
				out = append(out, Problem{Record: i, Message: guideProblem(e.SegmentID, e.Element, e.Loop, e.Msg)})
			}
		}
	}
	return append(out, duplicateProblems(claims)...) // duplicates.go
}

// CheckAuthorizations holds 278 requests to the guide and the code sets.
func CheckAuthorizations(reqs []*edigw.AuthorizationRequest) []Problem {
	var out []Problem
	for i, a := range reqs {
		var buf bytes.Buffer
		if err := Write278(&buf, checkEnvelope(), []*edigw.AuthorizationRequest{a}); err != nil {
			out = append(out, Problem{Record: i, Message: writeProblem(err)})
			continue
		}
		res, err := Read(&buf, "authorization", Handlers{})
		if err != nil {
			out = append(out, Problem{Record: i, Message: err.Error()})
			continue
		}
		for _, is := range res.Issues {
			out = append(out, Problem{Record: i, Field: is.Field, Message: is.Err.Msg})
		}
		for _, e := range res.Report.Errors {
			out = append(out, Problem{Record: i, Message: guideProblem(e.SegmentID, e.Element, e.Loop, e.Msg)})
		}
	}
	return out
}

// guideProblem says where in the X12 a record breaks the guide, since a
// guide error has no record field.
func guideProblem(seg string, elem int, loop, msg string) string {
	where := seg
	if elem > 0 {
		where += fmt.Sprintf("%02d", elem)
	}
	if loop != "" {
		where += " (loop " + loop + ")"
	}
	return where + ": " + msg
}

// writeProblem is why a writer refused the record, without "mapping:
// claim #1" before it: the record is checked alone, so the writer's number
// is not the record's; the problem names it by its index.
func writeProblem(err error) string {
	var re *RecordError
	if errors.As(err, &re) {
		if len(re.Reasons) > 0 {
			return "cannot be written: " + joinReasons(re.Reasons)
		}
		if re.Err != nil {
			return re.Err.Error()
		}
	}
	return strings.TrimPrefix(err.Error(), "mapping: ")
}
