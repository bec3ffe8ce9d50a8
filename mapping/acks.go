package mapping

import (
	"io"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// ReadAcknowledgments validates a file and calls fn with every TA1 and
// every 999 and 277CA transaction set without errors, in file order.
func ReadAcknowledgments(r io.Reader, name string, fn func(*edigw.Acknowledgment) error) (*Result, error) {
	return Read(r, name, Handlers{Acknowledgment: fn})
}

// ackBuilder turns 999 and 277CA sets, and TA1 segments, into
// acknowledgment records as the validator walks them.
type ackBuilder struct {
	set *ig.SetResult
	ack *edigw.Acknowledgment
	// 999: the open 2000, 2100 and 2110 loops.
	setAck  *edigw.SetAck
	segErr  *edigw.SegmentError
	elemErr *edigw.ElementError
	// 277CA: the open 2000A-2220D loops.
	src   *edigw.InformationSource
	prov  *edigw.ProviderStatus
	pat   *edigw.PatientClaim
	claim *edigw.ClaimStatusInfo
	line  *edigw.LineStatusInfo
}

// envelope fills the acknowledgment's own envelope from the interchange
// and group it came in.
func envelope(a *edigw.Acknowledgment, ic *ig.InterchangeResult, g *ig.GroupResult) {
	if ic != nil {
		a.SenderID, a.ReceiverID, a.InterchangeNumber = ic.Header.SenderID, ic.Header.ReceiverID, ic.Header.ControlNumber
	}
	if g != nil {
		a.ApplicationSender, a.ApplicationRecv, a.GroupNumber = g.Header.Sender, g.Header.Receiver, g.Header.ControlNumber
	}
}

// ta1 reads a TA1 segment, which sits in an interchange outside any group.
func ta1(ev *ig.Event) *edigw.Acknowledgment {
	s := ev.Seg
	a := &edigw.Acknowledgment{Kind: edigw.AckTA1, Interchange: &edigw.InterchangeAck{
		ControlNumber: s.String(1), Date: s.String(2), Time: s.String(3), Code: s.String(4), NoteCode: s.String(5)}}
	envelope(a, ev.Interchange, nil)
	DecideAcknowledgment(a)
	return a
}

// take hands over the set's acknowledgment.
func (b *ackBuilder) take(s *ig.SetResult) *edigw.Acknowledgment {
	if b.set != s {
		return nil
	}
	a := b.ack
	*b = ackBuilder{}
	if a != nil {
		DecideAcknowledgment(a)
	}
	return a
}

func (b *ackBuilder) segment(ev *ig.Event) {
	if ev.Set == nil || ev.Match.Def == nil {
		return
	}
	if b.set != ev.Set {
		*b = ackBuilder{set: ev.Set, ack: &edigw.Acknowledgment{SetNumber: ev.Set.Header.ControlNumber}}
		var ic *ig.InterchangeResult
		if ev.Set.Group != nil {
			ic = ev.Set.Group.Interchange
		}
		envelope(b.ack, ic, ev.Set.Group)
		switch ev.Set.Header.ID {
		case "999":
			b.ack.Kind, b.ack.Group = edigw.Ack999, &edigw.GroupAck{}
		case "277":
			b.ack.Kind, b.ack.Claims = edigw.Ack277CA, &edigw.ClaimAcknowledgment{}
		}
	}
	switch {
	case b.ack.Group != nil:
		b.segment999(ev.Seg, ev.Match.Loop.ID)
	case b.ack.Claims != nil:
		b.segment277(ev.Seg, ev.Match.Loop.ID)
	}
}

func (b *ackBuilder) segment999(s *edi.Segment, loop string) {
	g, str := b.ack.Group, s.String
	switch s.ID() {
	case "AK1":
		g.FunctionalID, g.ControlNumber, g.Version = str(1), str(2), str(3)
	case "AK2":
		g.Sets = append(g.Sets, edigw.SetAck{SetID: str(1), ControlNumber: str(2), Convention: str(3)})
		b.setAck, b.segErr, b.elemErr = &g.Sets[len(g.Sets)-1], nil, nil
	case "IK3":
		if b.setAck == nil {
			return
		}
		b.setAck.SegmentErrors = append(b.setAck.SegmentErrors, edigw.SegmentError{
			SegmentID: str(1), Position: atoi(str(2)), Loop: str(3), Code: str(4)})
		b.segErr, b.elemErr = &b.setAck.SegmentErrors[len(b.setAck.SegmentErrors)-1], nil
	case "CTX":
		ctx := errorContext(s)
		switch {
		case loop == "2110" && b.elemErr != nil:
			b.elemErr.Contexts = append(b.elemErr.Contexts, ctx)
		case b.segErr != nil:
			b.segErr.Contexts = append(b.segErr.Contexts, ctx)
		}
	case "IK4":
		if b.segErr == nil {
			return
		}
		b.segErr.Elements = append(b.segErr.Elements, edigw.ElementError{
			Position: elementPosition(s, 1), Reference: str(2), Code: str(3), BadValue: str(4)})
		b.elemErr = &b.segErr.Elements[len(b.segErr.Elements)-1]
	case "IK5":
		if b.setAck != nil {
			b.setAck.Code, b.setAck.Errors = str(1), valuesAt(s, 2, 3, 4, 5, 6)
		}
		b.setAck, b.segErr, b.elemErr = nil, nil, nil
	case "AK9":
		g.Code, g.Included, g.Received, g.Accepted = str(1), atoi(str(2)), atoi(str(3)), atoi(str(4))
		g.Errors = valuesAt(s, 5, 6, 7, 8, 9)
	}
}

// errorContext reads a CTX: the repeated C998 pairs, then where the
// triggering segment is.
func errorContext(s *edi.Segment) edigw.ErrorContext {
	var ctx edigw.ErrorContext
	for _, rep := range s.Repetitions(1) {
		parts := s.Components(rep)
		id := edigw.ContextID{Name: string(parts[0])}
		if len(parts) > 1 {
			id.Reference = string(parts[1])
		}
		ctx.IDs = append(ctx.IDs, id)
	}
	ctx.SegmentID, ctx.Position, ctx.Loop = s.String(2), atoi(s.String(3)), s.String(4)
	if len(s.Element(5)) > 0 {
		p := elementPosition(s, 5)
		ctx.Element = &p
	}
	return ctx
}

// elementPosition reads a C030 composite.
func elementPosition(s *edi.Segment, i int) edigw.ElementPosition {
	return edigw.ElementPosition{Element: atoi(string(s.Component(i, 1))), Component: atoi(string(s.Component(i, 2))),
		Repetition: atoi(string(s.Component(i, 3)))}
}

func (b *ackBuilder) segment277(s *edi.Segment, loop string) {
	ca, str := b.ack.Claims, s.String
	switch s.ID() {
	case "BHT":
		ca.Reference, ca.Date, ca.Time = str(3), str(4), str(5)
		return
	case "HL":
		switch loop {
		case "2000A":
			ca.Sources = append(ca.Sources, edigw.InformationSource{})
			b.src, b.prov, b.pat, b.claim, b.line = &ca.Sources[len(ca.Sources)-1], nil, nil, nil, nil
		case "2000C":
			if b.src != nil {
				b.src.Providers = append(b.src.Providers, edigw.ProviderStatus{})
				b.prov, b.pat, b.claim, b.line = &b.src.Providers[len(b.src.Providers)-1], nil, nil, nil
			}
		case "2000D":
			if b.prov != nil {
				b.prov.Patients = append(b.prov.Patients, edigw.PatientClaim{})
				b.pat, b.claim, b.line = &b.prov.Patients[len(b.prov.Patients)-1], nil, nil
			}
		}
		return
	}
	if b.src == nil {
		return
	}
	switch loop {
	case "2100A":
		b.src.Source, b.src.SourceEntity = nm1Party(s), str(1)
	case "2200A":
		switch s.ID() {
		case "TRN":
			b.src.Receipts = append(b.src.Receipts, edigw.ReceiptControl{TraceNumber: str(2)})
		case "DTP":
			if n := len(b.src.Receipts); n > 0 {
				r := &b.src.Receipts[n-1]
				if str(1) == "050" {
					r.Received = str(3)
				} else {
					r.Processed = str(3)
				}
			}
		}
	case "2100B":
		b.src.Receiver = nm1Party(s)
	case "2200B":
		switch s.ID() {
		case "TRN":
			b.src.BatchNumber = str(2)
		case "STC":
			b.src.Statuses = append(b.src.Statuses, statusInfo(s))
		case "QTY", "AMT":
			totals(&b.src.Totals, s)
		}
	case "2100C":
		if b.prov != nil && b.prov.Provider.Name == "" && b.prov.Provider.ID == "" {
			b.prov.Provider = nm1Party(s)
		}
	case "2200C":
		if b.prov == nil {
			return
		}
		switch s.ID() {
		case "TRN":
			b.prov.TraceNumber = str(2)
		case "STC":
			b.prov.Statuses = append(b.prov.Statuses, statusInfo(s))
		case "REF":
			b.prov.References = append(b.prov.References, edigw.Reference{Qualifier: str(1), Value: str(2)})
		case "QTY", "AMT":
			totals(&b.prov.Totals, s)
		}
	case "2100D":
		if b.pat != nil {
			b.pat.Patient = edigw.Person{LastName: str(3), FirstName: str(4), MiddleName: str(5), Suffix: str(7), MemberID: str(9)}
			b.pat.IDQualifier = str(8)
		}
	case "2200D":
		b.claimSegment(s)
	case "2220D":
		b.lineSegment(s)
	}
}

func (b *ackBuilder) claimSegment(s *edi.Segment) {
	if b.pat == nil {
		return
	}
	if s.ID() == "TRN" {
		b.pat.Claims = append(b.pat.Claims, edigw.ClaimStatusInfo{PatientControlNumber: s.String(2)})
		b.claim, b.line = &b.pat.Claims[len(b.pat.Claims)-1], nil
		return
	}
	c := b.claim
	if c == nil {
		return
	}
	switch s.ID() {
	case "STC":
		c.Statuses = append(c.Statuses, statusInfo(s))
	case "REF":
		switch s.String(1) {
		case "1K":
			c.PayerClaimNumber = s.String(2)
		case "D9":
			c.ClearinghouseTrace = s.String(2)
		case "BLT":
			c.BillType = s.String(2)
		}
	case "DTP":
		if p := period(s.String(2), s.String(3)); p != nil {
			c.ServiceDate = *p
		}
	}
}

func (b *ackBuilder) lineSegment(s *edi.Segment) {
	if b.claim == nil {
		return
	}
	if s.ID() == "SVC" {
		l := edigw.LineStatusInfo{Qualifier: string(s.Component(1, 1)), Code: string(s.Component(1, 2)),
			Modifiers: procModifiers(s, 1), RevenueCode: s.String(4), Units: s.String(7)}
		l.Charge, _ = edigw.ParseAmount(s.String(2))
		b.claim.Lines = append(b.claim.Lines, l)
		b.line = &b.claim.Lines[len(b.claim.Lines)-1]
		return
	}
	l := b.line
	if l == nil {
		return
	}
	switch s.ID() {
	case "STC":
		l.Statuses = append(l.Statuses, statusInfo(s))
	case "REF":
		switch s.String(1) {
		case "FJ":
			l.LineItemNumber = s.String(2)
		case "XZ":
			l.Prescription = s.String(2)
		}
	case "DTP":
		l.ServiceDate = period(s.String(2), s.String(3))
	}
}

// nm1Party reads an NM1 naming an organization or a person.
func nm1Party(s *edi.Segment) edigw.Party {
	return edigw.Party{EntityType: s.String(2), Name: s.String(3), FirstName: s.String(4), MiddleName: s.String(5),
		Suffix: s.String(7), IDQualifier: s.String(8), ID: s.String(9)}
}

// statusInfo reads an STC: C043 at STC01, STC10 and STC11.
func statusInfo(s *edi.Segment) edigw.StatusInfo {
	st := edigw.StatusInfo{Date: s.String(2), Action: s.String(3), Message: s.String(12), Codes: stcCodes(s)}
	if v := s.String(4); v != "" {
		a, _ := edigw.ParseAmount(v)
		st.Charge = &a
	}
	return st
}

// stcCodes are the status codes of an STC: its C043s at STC01, STC10 and
// STC11, those present.
func stcCodes(s *edi.Segment) []edigw.StatusCode {
	var codes []edigw.StatusCode
	for _, i := range [...]int{1, 10, 11} {
		if len(s.Element(i)) == 0 {
			continue
		}
		codes = append(codes, edigw.StatusCode{Category: string(s.Component(i, 1)), Status: string(s.Component(i, 2)),
			Entity: string(s.Component(i, 3)), CodeList: string(s.Component(i, 4))})
	}
	return codes
}

// totals reads a QTY or AMT of accepted and rejected claims.
func totals(t *edigw.AckTotals, s *edi.Segment) {
	switch s.ID() {
	case "QTY":
		n := atoi(s.String(2))
		switch s.String(1) {
		case "90", "QA":
			t.AcceptedClaims = &n
		case "AA", "QC":
			t.RejectedClaims = &n
		}
	case "AMT":
		a, _ := edigw.ParseAmount(s.String(2))
		switch s.String(1) {
		case "YU":
			t.AcceptedAmount = &a
		case "YY":
			t.RejectedAmount = &a
		}
	}
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}
