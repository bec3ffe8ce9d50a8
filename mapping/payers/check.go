package payers

import (
	"fmt"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/codes"
)

// Finding is one prior-authorization problem of a claim (SNIP 7, payer
// rules). Findings are warnings: the payer decides, and a claim that
// draws one may still be paid. Msg names the claim (CLM01), the line (LX01),
// the procedure and the certification number, and nothing about the
// patient, so findings may be logged.
type Finding struct {
	Severity string `json:"severity"` // SeverityWarning
	Code     string `json:"code"`     // stable, for machines: one of the Finding codes
	Msg      string `json:"msg"`
	ClaimID  string `json:"claimId"`            // CLM01
	Line     int    `json:"line,omitempty"`     // LX01; 0 for the claim as a whole
	Category string `json:"category,omitempty"` // the profile category that needs authorization
}

// SeverityWarning is the severity of every prior-authorization finding.
const SeverityWarning = "warning"

// Finding codes.
const (
	// AuthMissing: a line needs prior authorization and the claim names
	// no certification (no REF*G1).
	AuthMissing = "auth-missing"
	// AuthNotFound: REF*G1 names a certification number edigw does not know.
	AuthNotFound = "auth-not-found"
	// AuthNotApproved: the authorization is pending, denied or cancelled.
	AuthNotApproved = "auth-not-approved"
	// AuthProcedureNotApproved: the line's procedure is not among the
	// services the authorization approved.
	AuthProcedureNotApproved = "auth-procedure-not-approved"
	// AuthNotYetValid: the line's service date is before the authorization's
	// effective date.
	AuthNotYetValid = "auth-not-yet-valid"
	// AuthExpired: the line's service date is after the last day the
	// authorization covers.
	AuthExpired = "auth-expired"
	// AuthValidityUnknown: the authorization's validity could not be worked
	// out (no effective date, no approved months for a monthly rental).
	AuthValidityUnknown = "auth-validity-unknown"
	// DMEPlaceOfService: durable medical equipment billed at a place of
	// service other than the one the payer requires (12, home).
	DMEPlaceOfService = "dme-place-of-service"
)

// CheckClaim is SNIP 7 for prior authorization. For every service line of c
// that needs prior authorization under the profile it looks up the
// certification the claim names in REF*G1 (Claim.PriorAuthorization) with
// lookup, and warns when there is none, when it is not Approved or
// Partially Approved, when the line's procedure is not among its approved
// services, or when the line's service dates fall outside the window the
// authorization covers (see AuthorizationValidThrough). It also warns when
// durable medical equipment is billed at a place of service other than the
// profile's DMEPlaceOfService (837P/D only: an 837I has no place of
// service).
//
// The caller chooses the profile for the claim's payer (Lookup(c.PayerID)).
// lookup returns nil for an unknown certification number; a nil lookup
// knows none.
func (p *Profile) CheckClaim(c *edigw.Claim, lookup func(certificationNumber string) *edigw.AuthorizationRequest) []Finding {
	var out []Finding
	var auth *edigw.AuthorizationRequest
	looked := false
	for _, l := range c.Lines {
		s := settingOf(c, l)
		cat, ok := p.categoryIn(s, l)
		if !ok {
			continue
		}
		f := lineFinder{claimID: c.PatientControlNumber, line: l.Number, category: cat.Name, service: serviceName(l, cat)}
		if cat.Kind == KindDME && p.PriorAuthorization.DMEPlaceOfService != "" && s.placeOfService != "" &&
			s.placeOfService != p.PriorAuthorization.DMEPlaceOfService {
			out = append(out, f.finding(DMEPlaceOfService, "is durable medical equipment billed at a place of service (CLM05-1/SV105) other than %s, the one %s expects",
				p.PriorAuthorization.DMEPlaceOfService, p.Name))
		}
		cert := strings.TrimSpace(c.PriorAuthorization)
		if cert == "" {
			out = append(out, f.finding(AuthMissing, "needs prior authorization and the claim names none (REF*G1)"))
			continue
		}
		if !looked {
			if lookup != nil {
				auth = lookup(cert)
			}
			looked = true
		}
		if auth == nil {
			out = append(out, f.finding(AuthNotFound, "needs prior authorization; the certification the claim names (REF*G1) is not known"))
			continue
		}
		if finding, bad := p.checkLineAgainst(auth, cert, c, l, f); bad {
			out = append(out, finding)
		}
	}
	return out
}

// checkLineAgainst checks one line against the authorization the claim
// names.
func (p *Profile) checkLineAgainst(a *edigw.AuthorizationRequest, cert string, c *edigw.Claim, l edigw.ServiceLine, f lineFinder) (Finding, bool) {
	status := statusOf(a.Status, a.Decision)
	if !approved(status) {
		detail := ""
		if status == edigw.AuthPending && a.Decision != nil && a.Decision.PendDueDate != "" {
			detail = ", documentation due by the decision's date"
		}
		return f.finding(AuthNotApproved, "relies on the certification it names (REF*G1), which is %s%s", statusText(status), detail), true
	}
	services := approvedServicesFor(a, l)
	if len(services) == 0 {
		return f.finding(AuthProcedureNotApproved, "is not among the services the certification it names (REF*G1) approved"), true
	}
	from, to := lineDates(c, l)
	if from == "" {
		return Finding{}, false // no service date to compare: the guide requires one, SNIP 2 reports its absence
	}
	// Any approved service whose window covers the line will do; otherwise
	// report the first one's problem.
	var first Finding
	for i, s := range services {
		finding, bad := p.checkWindow(a, s, cert, from, to, f)
		if !bad {
			return Finding{}, false
		}
		if i == 0 {
			first = finding
		}
	}
	return first, true
}

func (p *Profile) checkWindow(a *edigw.AuthorizationRequest, s *edigw.RequestedService, cert, from, to string, f lineFinder) (Finding, bool) {
	through, err := p.AuthorizationValidThrough(a, s)
	if err != nil {
		return f.finding(AuthValidityUnknown, "relies on the certification it names (REF*G1), whose validity cannot be worked out: %v", err), true
	}
	start := validityStart(a, s)
	if from < start {
		return f.finding(AuthNotYetValid, "was given (DTP*472) before the certification it names (REF*G1) takes effect"), true
	}
	if to > through {
		return f.finding(AuthExpired, "was given (DTP*472) after the certification it names (REF*G1) ended"), true
	}
	return Finding{}, false
}

// approvedServicesFor are the services of a that match the line (same
// procedure code, or on an institutional line without one the same
// revenue code) and that the decision approved: those with their own
// approving decision, or with none under an approving event.
func approvedServicesFor(a *edigw.AuthorizationRequest, l edigw.ServiceLine) []*edigw.RequestedService {
	var out []*edigw.RequestedService
	code := strings.ToUpper(strings.TrimSpace(l.ProcedureCode))
	for i := range a.Services {
		s := &a.Services[i]
		switch {
		case code != "" && strings.ToUpper(strings.TrimSpace(s.ProcedureCode)) == code:
		case code == "" && l.RevenueCode != "" && s.RevenueCode == l.RevenueCode:
		default:
			continue
		}
		if s.Decision != nil && s.Decision.Action != "" {
			st, _ := codes.AuthorizationStatus(s.Decision.Action)
			if !approved(st) {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// statusOf is the worklist status, or the one the event's HCR01 gives when
// the record has none.
func statusOf(status edigw.AuthorizationStatus, d *edigw.Decision) edigw.AuthorizationStatus {
	if status == "" && d != nil {
		status, _ = codes.AuthorizationStatus(d.Action)
	}
	return status
}

func approved(s edigw.AuthorizationStatus) bool {
	return s == edigw.AuthApproved || s == edigw.AuthPartiallyApproved
}

func statusText(s edigw.AuthorizationStatus) string {
	if s == "" {
		return "without a decision"
	}
	return strings.ToLower(string(s))
}

// lineDates are a line's first and last service dates (DTP*472), or the
// claim's service period when the line has none.
func lineDates(c *edigw.Claim, l edigw.ServiceLine) (from, to string) {
	per := l.ServiceDate
	if per == nil || per.From == "" {
		per = c.ServicePeriod
	}
	if per == nil || per.From == "" {
		return "", ""
	}
	from, to = datePart(per.From), datePart(per.To)
	if to == "" {
		to = from
	}
	return from, to
}

// lineFinder writes the findings of one line.
type lineFinder struct {
	claimID  string
	line     int
	category string
	service  string
}

func (f lineFinder) finding(code, format string, args ...any) Finding {
	return Finding{
		Severity: SeverityWarning,
		Code:     code,
		Msg:      fmt.Sprintf("line %d: the %s ", f.line, f.service) + fmt.Sprintf(format, args...),
		ClaimID:  f.claimID,
		Line:     f.line,
		Category: f.category,
	}
}

// serviceName names a line's service by the payer profile's category and
// the element its code is in, e.g. "hospital beds service (SV101)", never
// by the code: a message carries no value from the claim.
func serviceName(l edigw.ServiceLine, cat Category) string {
	if l.ProcedureCode == "" {
		return cat.Name + " service (revenue code)"
	}
	return cat.Name + " service (procedure code)"
}
