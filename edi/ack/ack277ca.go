package ack

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
	"github.com/edigw/edigw/internal/spool"
)

// Version277CA is the implementation guide of the 277CA edigw writes.
const Version277CA = "005010X214"

// Claim status codes edigw uses (STC01: category:status:entity).
var (
	// Accepted into adjudication: A2 (acknowledgement/acceptance into
	// adjudication system), 20 (accepted for processing).
	stcAccepted = []string{"A2", "20"}
	// Rejected: A3 (returned as unprocessable), 21 (missing or invalid
	// information), entity 85 or IL as the error's level says.
	stcRejected = []string{"A3", "21"}
	// Batch receipt at the information receiver level: A1 (acknowledgement
	// / receipt), 19 (entity acknowledges receipt), PR (payer).
	stcReceipt = []string{"A1", "19", "PR"}
)

// Write277CA writes an interchange holding one 277CA that answers one 837
// set: the batch receipt for the submitter, then each billing provider and
// each claim, accepted (A2:20, action WQ) or rejected (A3:21 with the codes
// that name the data in error, action U) with
// the counts and amounts X214 asks for.
func Write277CA(w io.Writer, cs *Claims, o Options) error {
	b, err := build277CA(cs, o)
	if err != nil {
		return err
	}
	defer b.data.Close()
	var chunk []byte
	return write277CA(w, cs.Set.Group, b.data.Reader(), b.segments, o, &chunk)
}

// body277CA is a 277CA's set without its envelope: the Acknowledger builds
// it as the 837 set ends, so the set's claims need not wait for the group's
// end, and envelopes it when the group's outcome is known.
type body277CA struct {
	data               *spool.Buffer // the set's segments, on disk past 64 KB
	segments           int
	accepted, rejected int
}

// write277CA envelopes a body (segments segments read from body):
// interchange, group and set with new control numbers, addressed back to
// the sender of group g.
func write277CA(w io.Writer, g *ig.GroupResult, body io.Reader, segments int, o Options, chunk *[]byte) error {
	wr := edi.NewWriter(w, o.delims())
	wr.Newline = o.Newline
	ew := edi.NewEnvelopeWriter(wr)
	var isa edi.InterchangeHeader
	if g.Interchange != nil {
		isa = g.Interchange.Header
	}
	isa.SenderID, isa.ReceiverID = padID(orDefault(isa.SenderID, "UNKNOWN"), 15), padID(orDefault(isa.ReceiverID, "UNKNOWN"), 15)
	if _, err := reply(ew, isa, &o); err != nil {
		return err
	}
	gh := g.Header
	gh.Sender, gh.Receiver = padID(gh.Sender, 15), padID(gh.Receiver, 15)
	if err := group(ew, "HN", Version277CA, gh, &o); err != nil {
		return err
	}
	if err := set(ew, "277", Version277CA, gh, &o); err != nil {
		return err
	}
	if err := copySegments(ew, body, segments, chunk); err != nil {
		return err
	}
	if err := ew.EndSet(); err != nil {
		return err
	}
	if err := ew.EndGroup(); err != nil {
		return err
	}
	return ew.EndInterchange()
}

// providerRun counts the claims of one billing provider level (2000C).
type providerRun struct {
	accepted, rejected       int
	acceptedAmt, rejectedAmt int64
}

// build277CA writes the segments of a 277CA's set from BHT on. It reads
// the spooled claims twice: once for the counts and amounts the batch and
// each provider level open with, once to write each claim.
func build277CA(cs *Claims, o Options) (*body277CA, error) {
	if cs == nil || cs.Set == nil || cs.Set.Group == nil {
		return nil, fmt.Errorf("ack: a 277CA needs an 837 set inside a functional group")
	}
	var accN, rejN int
	var accAmt, rejAmt int64
	var runs []providerRun // one per run of claims under one provider level
	prov := -1
	err := cs.Each(func(c *Claim) error {
		if c.provider != prov || len(runs) == 0 {
			prov = c.provider
			runs = append(runs, providerRun{})
		}
		r := &runs[len(runs)-1]
		if c.Rejected() {
			rejN++
			rejAmt += cents(c.Charge)
			r.rejected++
			r.rejectedAmt += cents(c.Charge)
		} else {
			accN++
			accAmt += cents(c.Charge)
			r.accepted++
			r.acceptedAmt += cents(c.Charge)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}

	buf := &spool.Buffer{}
	ew := edi.NewWriter(buf, o.delims())
	ew.Newline = o.Newline
	g := cs.Set.Group
	w := NewClaimAckWriter(ew)
	now := o.now()
	today := now.Format("20060102")
	ref := clean(orDefault(cs.Reference, cs.Set.Header.ControlNumber), 50)
	w.Header(ref, today, now.Format("1504"))

	// 2000A information source: the payer side that received the 837.
	w.Source(&Party{Entity: "PR", Type: "2", Name: clean(orDefault(cs.Receiver.Name, "RECEIVER"), 60),
		IDQualifier: "PI", ID: clean(orDefault(cs.Receiver.ID, g.Header.Receiver), 80)},
		[]Receipt{{TraceNumber: clean(g.Header.ControlNumber+"-"+cs.Set.Header.ControlNumber, 50), Received: today, Processed: today}})

	// 2000B information receiver: the submitter of the 837.
	w.Receiver(&Party{Entity: "41", Type: "2", Name: clean(orDefault(cs.Submitter.Name, "SUBMITTER"), 60),
		IDQualifier: "46", ID: clean(orDefault(cs.Submitter.ID, g.Header.Sender), 80)}, ref,
		[]Status{{Codes: [][]string{stcReceipt}, Date: today, Action: "WQ", Charge: money(accAmt + rejAmt)}},
		totals(accN, rejN, accAmt, rejAmt), true)

	// 2000C billing providers, 2000D patients (one per claim).
	prov, run := -1, -1
	err = cs.Each(func(c *Claim) error {
		if c.provider != prov || run < 0 {
			prov = c.provider
			run++
			p := Provider{Name: "UNKNOWN", IDQualifier: "XX", ID: "0000000000"}
			if c.Provider != nil && c.Provider.ID != "" {
				p = *c.Provider
			}
			r := runs[run]
			w.Provider(&Party{Entity: "85", Type: "2", Name: clean(orDefault(p.Name, "UNKNOWN"), 60),
				IDQualifier: qualifier(p.IDQualifier), ID: clean(p.ID, 80)}, "0", nil, nil,
				totals(r.accepted, r.rejected, r.acceptedAmt, r.rejectedAmt), true)
		}
		w.Patient(&Party{Entity: "QC", Type: "1", Name: clean(orDefault(c.PatientLast, "UNKNOWN"), 60), First: clean(c.PatientFirst, 35),
			IDQualifier: memberQual(c.MemberID), ID: clean(c.MemberID, 80)})
		codes, action := [][]string{stcAccepted}, "WQ"
		if c.Rejected() {
			codes, action = rejection(c.Errors), "U"
		}
		stc := Status{Codes: codes, Date: today, Action: action, Charge: money(cents(c.Charge))}
		date := Period{From: c.ServiceFrom}
		if c.ServiceTo != c.ServiceFrom {
			date.To = c.ServiceTo
		}
		w.Claim(&ClaimAnswer{PatientControlNumber: clean(orDefault(c.PatientControlNumber, "UNKNOWN"), 50),
			Statuses: []Status{stc}, ServiceDate: date})
		return w.Err()
	})
	if err := errors.Join(err, w.Err(), ew.Flush()); err != nil {
		buf.Close()
		return nil, err
	}
	return &body277CA{data: buf, segments: int(ew.Segments()), accepted: accN, rejected: rejN}, nil
}

// totals are the accepted and rejected counts and amounts of a level; a
// level without accepted (or rejected) claims has neither.
func totals(acc, rej int, accAmt, rejAmt int64) *Totals {
	var t Totals
	if acc > 0 {
		t.AcceptedClaims, t.AcceptedAmount = strconv.Itoa(acc), money(accAmt)
	}
	if rej > 0 {
		t.RejectedClaims, t.RejectedAmount = strconv.Itoa(rej), money(rejAmt)
	}
	return &t
}

// rejection is the STC01, STC10 and STC11 of a rejected claim. A business
// rule's error brings its own status (A7:562:85). A guide error is A3:21,
// which the code list pairs with codes naming the data in error
// (statuscodes.go): one for the first guide error in STC10, one for the
// next that names other data in STC11. STC12 stays empty: X214 allows free
// text only with status code 448.
func rejection(errs []*edi.Error) [][]string {
	if errs[0].Code.Kind == edi.STC {
		return [][]string{strings.Split(errs[0].Code.Value, ":")}
	}
	codes := [][]string{stcRejected}
	for _, e := range errs {
		if len(codes) == 3 {
			break
		}
		if e.Code.Kind == edi.STC {
			continue
		}
		d := dataStatus(e)
		if !slices.ContainsFunc(codes[1:], func(c []string) bool { return slices.Equal(c, d) }) {
			codes = append(codes, d)
		}
	}
	return codes
}

func qualifier(q string) string {
	switch q {
	case "XX", "FI", "SV":
		return q
	}
	return "XX"
}

func memberQual(id string) string {
	if id == "" {
		return ""
	}
	return "MI"
}

// cents reads an X12 decimal amount into cents (0 when it is not one).
func cents(v string) int64 {
	neg := false
	if len(v) > 0 && v[0] == '-' {
		neg, v = true, v[1:]
	}
	var whole, frac int64
	digits, inFrac := 0, false
	for i := 0; i < len(v); i++ {
		c := v[i]
		switch {
		case c == '.' && !inFrac:
			inFrac = true
		case c >= '0' && c <= '9' && !inFrac:
			whole = whole*10 + int64(c-'0')
		case c >= '0' && c <= '9' && digits < 2:
			frac = frac*10 + int64(c-'0')
			digits++
		case c >= '0' && c <= '9':
		default:
			return 0
		}
	}
	for ; digits < 2; digits++ {
		frac *= 10
	}
	n := whole*100 + frac
	if neg {
		n = -n
	}
	return n
}

// money formats cents as an X12 decimal.
func money(c int64) string {
	s := strconv.FormatInt(c/100, 10)
	if r := c % 100; r != 0 {
		if r < 0 {
			r = -r
		}
		s += fmt.Sprintf(".%02d", r)
	}
	return s
}

// clean keeps a copied value writable: printable, no delimiter characters,
// at most n bytes.
func clean(v string, n int) string {
	b := []byte(v)
	for i, c := range b {
		if c < 0x20 || c > 0x7E || c == '*' || c == '^' || c == ':' || c == '~' {
			b[i] = ' '
		}
	}
	if len(b) > n {
		b = b[:n]
	}
	return string(b)
}
