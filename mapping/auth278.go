package mapping

import (
	"io"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

// ReadAuthorizations validates a 278 file and calls fn with one
// AuthorizationRequest per patient event (2000E) of every set without
// errors: requests as sent, responses with their Decision (HCR) and the
// worklist status it means. An error from fn stops reading.
func ReadAuthorizations(r io.Reader, name string, fn func(*edigw.AuthorizationRequest) error) (*Result, error) {
	return Read(r, name, Handlers{Authorization: fn})
}

type authBuilder struct {
	set       *ig.SetResult
	payer     edigw.PayerID
	requester edigw.Party
	subscr    edigw.Person
	patient   *edigw.Person
	cur       *edigw.AuthorizationRequest
	svc       *edigw.RequestedService
	done      []*edigw.AuthorizationRequest
}

func (b *authBuilder) take(s *ig.SetResult) []*edigw.AuthorizationRequest {
	if b.set != s {
		return nil
	}
	b.close()
	out := b.done
	*b = authBuilder{}
	return out
}

func (b *authBuilder) close() {
	if b.cur == nil {
		return
	}
	a := b.cur
	a.Status = edigw.AuthPending
	if a.Decision != nil {
		if st, ok := edigw.StatusForAction(a.Decision.Action); ok {
			a.Status = st
		}
	}
	b.done = append(b.done, a)
	b.cur, b.svc = nil, nil
}

func (b *authBuilder) segment(ev *ig.Event) {
	if ev.Set == nil || ev.Walker == nil || ev.Set.Header.ID != "278" || ev.Match.Def == nil {
		return
	}
	if b.set != ev.Set {
		*b = authBuilder{set: ev.Set}
	}
	s := ev.Seg
	str := s.String
	loop := ev.Match.Loop.ID
	switch s.ID() {
	case "HL":
		switch str(3) {
		case "EV":
			b.close()
			b.cur = &edigw.AuthorizationRequest{PayerID: b.payer, Requester: b.requester, Subscriber: b.subscr}
			if b.patient != nil {
				p := *b.patient
				b.cur.Patient = &p
			}
		case "SS":
			if b.cur != nil {
				b.cur.Services = append(b.cur.Services, edigw.RequestedService{})
				b.svc = &b.cur.Services[len(b.cur.Services)-1]
			}
		case "22":
			b.close()
			b.subscr, b.patient = edigw.Person{}, nil
		case "23":
			b.close()
			b.patient = nil
		default:
			b.close()
		}
	case "NM1":
		switch loop {
		case "2010A":
			b.payer = edigw.PayerID(str(9))
		case "2010B":
			b.requester = party(s)
		case "2010C":
			b.subscr = person(s)
		case "2010D":
			p := person(s)
			b.patient = &p
		case "2010EA":
			if b.cur != nil && b.cur.ServiceProvider == nil {
				p := party(s)
				b.cur.ServiceProvider = &p
			}
		}
	case "DMG":
		switch loop {
		case "2010C":
			b.subscr.BirthDate, b.subscr.Gender = str(2), str(3)
		case "2010D":
			if b.patient != nil {
				b.patient.BirthDate, b.patient.Gender = str(2), str(3)
			}
		}
	case "TRN":
		if b.cur != nil && loop == "2000E" && b.cur.TraceNumber == "" {
			b.cur.TraceNumber = str(2)
		}
	case "UM":
		if b.cur != nil && loop == "2000E" {
			b.cur.RequestCategory, b.cur.CertificationType, b.cur.ServiceType = str(1), str(2), str(3)
			b.cur.PlaceOfService = string(s.Component(4, 1))
		}
	case "HCR":
		d := &edigw.Decision{Action: str(1), CertificationNumber: str(2)}
		for _, r := range s.Repetitions(3) {
			d.Reasons = append(d.Reasons, string(r))
		}
		switch {
		case b.svc != nil && loop == "2000F":
			b.svc.Decision = d
		case b.cur != nil && loop == "2000E":
			b.cur.Decision = d
		}
	case "DTP":
		p := period(str(2), str(3))
		switch {
		case b.svc != nil && loop == "2000F" && str(1) == "472":
			b.svc.Period = p
		case b.cur != nil && loop == "2000E":
			switch str(1) {
			case "AAH":
				b.cur.EventPeriod = p
			case "007", "036":
				if b.cur.Decision != nil && p != nil {
					if b.cur.Decision.EffectivePeriod == nil {
						b.cur.Decision.EffectivePeriod = &edigw.Period{}
					}
					if str(1) == "007" {
						b.cur.Decision.EffectivePeriod.From, b.cur.Decision.EffectivePeriod.To = p.From, max(p.To, b.cur.Decision.EffectivePeriod.To)
					} else {
						b.cur.Decision.EffectivePeriod.To = p.From
					}
				}
			case "102":
				if b.cur.Decision != nil && p != nil {
					b.cur.Decision.IssueDate = p.From
				}
			}
		}
	case "HI":
		if b.cur != nil && loop == "2000E" {
			for i := 1; i <= s.Len(); i++ {
				if q, code := string(s.Component(i, 1)), string(s.Component(i, 2)); code != "" {
					b.cur.Diagnoses = append(b.cur.Diagnoses, edigw.Diagnosis{Qualifier: q, Code: code})
				}
			}
		}
	case "SV1", "SV2", "SV3":
		if b.svc != nil {
			requestedService(b.svc, s)
		}
	case "SE":
		b.close()
	}
}

// requestedService reads the procedure and quantity of a 2000F service.
func requestedService(r *edigw.RequestedService, s *edi.Segment) {
	proc, unitAt, qtyAt := 1, 3, 4
	switch s.ID() {
	case "SV2":
		proc, unitAt, qtyAt = 2, 4, 5
	case "SV3":
		proc, unitAt, qtyAt = 1, 0, 6
	}
	r.ProcedureQualifier, r.ProcedureCode = string(s.Component(proc, 1)), string(s.Component(proc, 2))
	for j := 3; j <= 6; j++ {
		if m := s.Component(proc, j); len(m) > 0 {
			r.Modifiers = append(r.Modifiers, string(m))
		}
	}
	if unitAt > 0 {
		r.UnitBasis = s.String(unitAt)
	}
	r.Quantity = s.String(qtyAt)
}
