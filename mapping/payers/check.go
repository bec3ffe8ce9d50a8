package payers

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping/codes"
)

// Finding is one prior-authorization problem of a claim (SNIP 7, payer
// rules). What it does is the profile's policy for its rule (Action):
// a warning by default, since the payer decides and a claim that draws one
// may still be paid. Msg names the line (LX01), the profile's category and
// the element at fault, and nothing of the claim's values (no procedure
// code, certification number, member ID or date), so findings may be
// logged and shown.
type Finding struct {
	Severity string `json:"severity"` // SeverityWarning, or SeverityError for a rejecting policy
	// Rule is one of RuleMissing, RuleExpired, RuleNotCovering,
	// RuleDMEPlaceOfService: what the profile's policy is keyed on.
	Rule string `json:"rule"`
	// Code says more precisely why: one of the Finding codes.
	Code     string `json:"code"`
	Msg      string `json:"msg"`
	ClaimID  string `json:"claimId"`            // CLM01 (for the caller; never in Msg)
	Line     int    `json:"line,omitempty"`     // LX01; 0 for the claim as a whole
	Category string `json:"category,omitempty"` // the profile category that needs authorization
	// Action is what the profile's policy says the finding does, and
	// ClaimStatus the 277CA STC01 of a rejection.
	Action      Action `json:"action"`
	ClaimStatus string `json:"claimStatus,omitempty"`
}

// Severities: a finding whose policy is reject is an error.
const (
	SeverityWarning = "warning"
	SeverityError   = "error"
)

// Finding codes (Code); Rule groups them (policy.go).
const (
	// AuthMissing: a line needs prior authorization, the claim names no
	// certification (no REF*G1) and none is known for the same patient,
	// provider and procedure.
	AuthMissing = "auth-missing"
	// AuthNotFound: REF*G1 names a certification number edigw does not
	// know for the claim's payer and providers.
	AuthNotFound = "auth-not-found"
	// AuthNotApproved: the authorization is pending, denied or cancelled.
	AuthNotApproved = "auth-not-approved"
	// AuthProcedureNotApproved: the line's procedure is not among the
	// services the authorization approved.
	AuthProcedureNotApproved = "auth-procedure-not-approved"
	// AuthUnitsExceeded: the line bills more units than were approved.
	AuthUnitsExceeded = "auth-units-exceeded"
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
// that needs prior authorization under the profile it looks among known
// for an approved authorization covering the line (match.go: the claim's
// payer and providers, by its REF*G1 first, else the same patient), and
// finds a problem when there is none, when none is Approved or Partially
// Approved, when the line's procedure is not among the approved services
// or bills more units, or when the line's service dates fall outside the
// window the authorization covers (see AuthorizationValidThrough). It also
// finds durable medical equipment billed at a place of service other than
// the profile's DMEPlaceOfService (837P/D only: an 837I has no place of
// service). Each finding carries the action the profile's policy gives
// its rule.
//
// The caller chooses the profile for the claim's payer (Lookup(c.PayerID))
// and passes what its store knows that may concern the claim; known may
// hold other claims' authorizations too, which are never used.
func (p *Profile) CheckClaim(c *edigw.Claim, known []*edigw.AuthorizationRequest) []Finding {
	cats, _ := p.LineCategories(c)
	return p.CheckClaimLines(c, cats, known)
}

// CheckClaimLines is CheckClaim for a claim whose lines' categories
// LineCategories gave (cats; nil when no line needs authorization).
func (p *Profile) CheckClaimLines(c *edigw.Claim, cats []*Category, known []*edigw.AuthorizationRequest) []Finding {
	var out []Finding
	var cands []*edigw.AuthorizationRequest
	byCert, looked := false, false
	for i, l := range c.Lines {
		if i >= len(cats) || cats[i] == nil {
			continue
		}
		cat := cats[i]
		f := lineFinder{p: p, claimID: c.PatientControlNumber, line: l.Number, category: cat.Name,
			byRevenue: l.ProcedureCode == ""}
		if cat.Kind == KindDME && p.PriorAuthorization.DMEPlaceOfService != "" {
			if s := settingOf(c, l); s.placeOfService != "" && s.placeOfService != p.PriorAuthorization.DMEPlaceOfService {
				out = appendFinding(out, cats, f.finding(DMEPlaceOfService, "is durable medical equipment billed at a place of service (CLM05-1/SV105) other than %s, the one %s expects",
					p.PriorAuthorization.DMEPlaceOfService, p.Name))
			}
		}
		if !looked {
			cands, byCert = candidatesFor(c, known)
			looked = true
		}
		named := strings.TrimSpace(c.PriorAuthorization) != ""
		f.ref = "the certification it names (REF*G1)"
		lineCands := cands
		if !byCert {
			f.ref = "the approval for the same patient, provider and procedure"
			lineCands = withProcedure(cands, l)
		}
		if len(lineCands) == 0 {
			if named {
				out = appendFinding(out, cats, f.finding(AuthNotFound, "needs prior authorization; the certification the claim names (REF*G1) is not known"))
			} else {
				out = appendFinding(out, cats, f.finding(AuthMissing, "needs prior authorization and the claim names none (REF*G1)"))
			}
			continue
		}
		// Any authorization that covers the line will do; otherwise report
		// the problem of the one that came closest.
		var best Finding
		covered := false
		for _, a := range lineCands {
			finding, bad := p.checkLineAgainst(a, c, l, f)
			if !bad {
				covered = true
				break
			}
			if best.Code == "" || closeness(finding.Code) > closeness(best.Code) {
				best = finding
			}
		}
		if !covered {
			out = appendFinding(out, cats, best)
		}
	}
	return out
}

// appendFinding appends f to out, which it makes room in for a finding a
// line that needs authorization (cats) the first time: most claims draw one
// or none.
func appendFinding(out []Finding, cats []*Category, f Finding) []Finding {
	if out == nil {
		n := 0
		for _, c := range cats {
			if c != nil {
				n++
			}
		}
		out = make([]Finding, 0, n)
	}
	return append(out, f)
}

// closeness orders the problems of an authorization that does not cover a
// line: the one reported is the closest to covering it.
func closeness(code string) int {
	switch code {
	case AuthNotApproved:
		return 1
	case AuthProcedureNotApproved:
		return 2
	case AuthValidityUnknown:
		return 3
	case AuthUnitsExceeded:
		return 4
	}
	return 5 // a date outside the window: the right service, approved
}

// withProcedure keeps the authorizations with a service of the line's
// procedure (or revenue code).
func withProcedure(as []*edigw.AuthorizationRequest, l edigw.ServiceLine) []*edigw.AuthorizationRequest {
	var out []*edigw.AuthorizationRequest
	for _, a := range as {
		for i := range a.Services {
			if sameService(&a.Services[i], l) {
				out = append(out, a)
				break
			}
		}
	}
	return out
}

// checkLineAgainst checks one line against an authorization.
func (p *Profile) checkLineAgainst(a *edigw.AuthorizationRequest, c *edigw.Claim, l edigw.ServiceLine, f lineFinder) (Finding, bool) {
	status := statusOf(a.Status, a.Decision)
	if !approved(status) {
		detail := ""
		if status == edigw.AuthPending && a.Decision != nil && a.Decision.PendDueDate != "" {
			detail = ", documentation due by the decision's date"
		}
		return f.finding(AuthNotApproved, "relies on %s, which is %s%s", f.ref, statusText(status), detail), true
	}
	services := approvedServicesFor(a, l)
	if len(services) == 0 {
		return f.finding(AuthProcedureNotApproved, "is not among the services %s approved", f.ref), true
	}
	from, to := lineDates(c, l)
	if from == "" {
		return Finding{}, false // no service date to compare: the guide requires one, SNIP 2 reports its absence
	}
	// Any approved service whose window covers the line will do; otherwise
	// report the first one's problem.
	var first Finding
	for i, s := range services {
		finding, bad := p.checkWindow(a, s, from, to, f)
		if !bad && unitsExceed(l, s) {
			finding, bad = f.finding(AuthUnitsExceeded, "bills more units (SV104) than %s approved", f.ref), true
		}
		if !bad {
			return Finding{}, false
		}
		if i == 0 {
			first = finding
		}
	}
	return first, true
}

func (p *Profile) checkWindow(a *edigw.AuthorizationRequest, s *edigw.RequestedService, from, to string, f lineFinder) (Finding, bool) {
	through, err := p.AuthorizationValidThrough(a, s)
	if err != nil {
		return f.finding(AuthValidityUnknown, "relies on %s, whose validity cannot be worked out: %v", f.ref, err), true
	}
	start := validityStart(a, s)
	if from < start {
		return f.finding(AuthNotYetValid, "was given (DTP*472) before %s takes effect", f.ref), true
	}
	if to > through {
		return f.finding(AuthExpired, "was given (DTP*472) after %s ended", f.ref), true
	}
	return Finding{}, false
}

// approvedServicesFor are the services of a that match the line (same
// procedure code, or on an institutional line without one the same
// revenue code) and that the decision approved: those with their own
// approving decision, or with none under an approving event.
func approvedServicesFor(a *edigw.AuthorizationRequest, l edigw.ServiceLine) []*edigw.RequestedService {
	var out []*edigw.RequestedService
	for i := range a.Services {
		s := &a.Services[i]
		if !sameService(s, l) {
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

// sameService: the same procedure code, or on an institutional line
// without one the same revenue code.
func sameService(s *edigw.RequestedService, l edigw.ServiceLine) bool {
	code := strings.ToUpper(strings.TrimSpace(l.ProcedureCode))
	switch {
	case code != "":
		return strings.ToUpper(strings.TrimSpace(s.ProcedureCode)) == code
	case l.RevenueCode != "":
		return s.RevenueCode == l.RevenueCode
	}
	return false
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
	p        *Profile
	ref      string // how messages name the authorization
	claimID  string
	line     int
	category string
	// byRevenue: the line names its service by revenue code, not by
	// procedure code (serviceName).
	byRevenue bool
}

func (f lineFinder) finding(code, format string, args ...any) Finding {
	rule := ruleOf(code)
	policy := f.p.Policy(rule)
	severity := SeverityWarning
	if policy.Action == Reject {
		severity = SeverityError
	}
	return Finding{
		Severity:    severity,
		Rule:        rule,
		Action:      policy.Action,
		ClaimStatus: policy.ClaimStatus,
		Code:        code,
		Msg:         "line " + strconv.Itoa(f.line) + ": the " + f.category + serviceName(f.byRevenue) + " " + sprintf(format, args),
		ClaimID:     f.claimID,
		Line:        f.line,
		Category:    f.category,
	}
}

// sprintf formats only when there is something to format: most messages
// are constant, and a file may draw one a claim.
func sprintf(format string, args []any) string {
	if len(args) == 0 {
		return format
	}
	return fmt.Sprintf(format, args...)
}

// serviceName names a line's service after the payer profile's category
// by the element its code is in, e.g. "hospital beds" + " service
// (procedure code)", never by the code: a message carries no value from
// the claim. Only findings put the name together.
func serviceName(byRevenue bool) string {
	if byRevenue {
		return " service (revenue code)"
	}
	return " service (procedure code)"
}
