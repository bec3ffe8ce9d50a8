package mapping

import (
	"io"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// ReadRemittances validates an 835 file and calls fn with the remittance of
// every 835 transaction set without errors, in file order. A set with
// errors is counted, not handed over: a payment is taken whole or not at
// all. An error from fn stops reading and is returned.
func ReadRemittances(r io.Reader, name string, fn func(*edigw.Remittance) error) (*Result, error) {
	return Read(r, name, Handlers{Remittance: fn})
}

type remitBuilder struct {
	set   *ig.SetResult
	rm    *edigw.Remittance
	claim *edigw.ClaimPayment
	svc   *edigw.ServicePayment
}

func (b *remitBuilder) take(s *ig.SetResult) *edigw.Remittance {
	if b.set != s {
		return nil
	}
	rm := b.rm
	*b = remitBuilder{}
	return rm
}

func (b *remitBuilder) segment(ev *ig.Event) {
	if ev.Set == nil || ev.Walker == nil || ev.Set.Header.ID != "835" || ev.Match.Def == nil {
		return
	}
	if b.set != ev.Set {
		*b = remitBuilder{set: ev.Set, rm: &edigw.Remittance{}}
	}
	s, rm := ev.Seg, b.rm
	str := s.String
	loop := ev.Match.Loop.ID
	switch s.ID() {
	case "BPR":
		rm.Handling, rm.CreditDebit, rm.PaymentMethod, rm.PaymentDate = str(1), str(3), str(4), str(16)
		rm.PaymentAmount, _ = edigw.ParseAmount(str(2))
	case "TRN":
		rm.TraceNumber, rm.TraceOriginator = str(2), str(3)
	case "DTM":
		switch {
		case loop == "ST" && str(1) == "405":
			rm.ProductionDate = str(2)
		case b.svc != nil && loop == "2110" && (str(1) == "472" || str(1) == "150"):
			if b.svc.ServiceDate == nil {
				b.svc.ServiceDate = &edigw.Period{From: str(2)}
			}
		case b.svc != nil && loop == "2110" && str(1) == "151" && b.svc.ServiceDate != nil:
			b.svc.ServiceDate.To = str(2)
		case b.claim != nil && loop == "2100" && str(1) == "232":
			b.claim.StatementPeriod = &edigw.Period{From: str(2)}
		case b.claim != nil && loop == "2100" && str(1) == "233" && b.claim.StatementPeriod != nil:
			b.claim.StatementPeriod.To = str(2)
		}
	case "N1":
		p := edigw.Party{Name: str(2), IDQualifier: str(3), ID: str(4)}
		switch loop {
		case "1000A":
			rm.Payer = p
		case "1000B":
			rm.Payee = p
		}
	case "N3", "N4":
		var p *edigw.Party
		switch loop {
		case "1000A":
			p = &rm.Payer
		case "1000B":
			p = &rm.Payee
		}
		if p != nil {
			if p.Address == nil {
				p.Address = &edigw.Address{}
			}
			if s.ID() == "N3" {
				p.Address.Line1, p.Address.Line2 = str(1), str(2)
			} else {
				p.Address.City, p.Address.State, p.Address.PostalCode = str(1), str(2), str(3)
			}
		}
	case "REF":
		switch {
		case loop == "1000A" && str(1) == "2U":
			rm.PayerID = edigw.PayerID(str(2))
		case loop == "1000B" && str(1) == "TJ":
			rm.Payee.TaxID = str(2)
		case b.svc != nil && loop == "2110" && str(1) == "6R":
			b.svc.LineItemControlNumber = str(2)
		}
	case "CLP":
		rm.Claims = append(rm.Claims, edigw.ClaimPayment{PatientControlNumber: str(1), StatusCode: str(2),
			FilingCode: str(6), PayerClaimNumber: str(7), FacilityCode: str(8), FrequencyCode: str(9)})
		b.claim, b.svc = &rm.Claims[len(rm.Claims)-1], nil
		b.claim.Charge, _ = edigw.ParseAmount(str(3))
		b.claim.Paid, _ = edigw.ParseAmount(str(4))
		b.claim.PatientResponsibility, _ = edigw.ParseAmount(str(5))
	case "NM1":
		if b.claim != nil && str(1) == "QC" {
			b.claim.Patient = edigw.Person{LastName: str(3), FirstName: str(4), MiddleName: str(5), Suffix: str(7), MemberID: str(9)}
		}
	case "CAS":
		adj := adjustments(s)
		switch {
		case b.svc != nil && loop == "2110":
			b.svc.Adjustments = append(b.svc.Adjustments, adj...)
		case b.claim != nil:
			b.claim.Adjustments = append(b.claim.Adjustments, adj...)
		}
	case "SVC":
		if b.claim != nil {
			sp := edigw.ServicePayment{ProcedureQualifier: string(s.Component(1, 1)), ProcedureCode: string(s.Component(1, 2)), Units: str(5)}
			for j := 3; j <= 6; j++ {
				if m := s.Component(1, j); len(m) > 0 {
					sp.Modifiers = append(sp.Modifiers, string(m))
				}
			}
			sp.Charge, _ = edigw.ParseAmount(str(2))
			sp.Paid, _ = edigw.ParseAmount(str(3))
			b.claim.Services = append(b.claim.Services, sp)
			b.svc = &b.claim.Services[len(b.claim.Services)-1]
		}
	case "AMT":
		if b.svc != nil && loop == "2110" && str(1) == "B6" {
			a, err := edigw.ParseAmount(str(2))
			if err == nil {
				b.svc.Allowed = &a
			}
		}
	case "LQ":
		if b.svc != nil && str(1) == "HE" {
			b.svc.RemarkCodes = append(b.svc.RemarkCodes, str(2))
		}
	case "PLB":
		// Up to six adjustments per PLB: pairs of reason composite and amount.
		for i := 3; i+1 <= s.Len(); i += 2 {
			if len(s.Element(i)) == 0 {
				continue
			}
			amt, _ := edigw.ParseAmount(str(i + 1))
			rm.ProviderAdjusts = append(rm.ProviderAdjusts, edigw.ProviderAdjust{ProviderID: str(1), FiscalDate: str(2),
				Reason: string(s.Component(i, 1)), Reference: string(s.Component(i, 2)), Amount: amt})
		}
	}
}

// adjustments reads a CAS: a group and up to six reason/amount/quantity triples.
func adjustments(s *edi.Segment) []edigw.Adjustment {
	var out []edigw.Adjustment
	group := s.String(1)
	for i := 2; i+1 <= s.Len(); i += 3 {
		if len(s.Element(i)) == 0 {
			continue
		}
		amt, _ := edigw.ParseAmount(s.String(i + 1))
		out = append(out, edigw.Adjustment{Group: group, Reason: s.String(i), Amount: amt, Quantity: s.String(i + 2)})
	}
	return out
}
