package mapping

import (
	"fmt"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/mapping/codes"
)

// Issue is a business-rule finding at an exact place: SNIP 3 balancing,
// SNIP 5 code sets, SNIP 7 payer rules. In an 837 an issue that is not a
// warning rejects its claim (the 277CA says why); in an 835 or a 278 it is
// reported and the record is kept, because the sender's arithmetic or
// coding does not change what was paid or decided.
type Issue struct {
	Rule  string // a stable name: claim-balance, npi, diagnosis-code ...
	Level int    // SNIP level: 2 (a guide note answered per claim), 3, 5 or 7
	Claim string // CLM01 or CLP01; empty for a remittance-level rule
	Line  int    // LX01 or the SVC's ordinal; 0 at claim level
	// Field is the record field at fault, as a JSON path of the record
	// (lines[0].procedureCode), so API callers see their own names.
	Field   string
	Warning bool
	Err     *edi.Error // where, the message, and the 277 status (Code)
}

func (i *Issue) Error() string {
	// The claim is named by its position (in Err), not by CLM01, which is
	// a value from inside the set.
	what := fmt.Sprintf("SNIP %d %s", i.Level, i.Rule)
	if i.Line > 0 {
		what += fmt.Sprintf(" line %d", i.Line)
	}
	return what + ": " + i.Err.Error()
}

// Claim status codes (277 STC01 category:status[:entity]) for rejected
// business rules: A7 rejected for invalid information, with the status
// naming what is invalid.
const (
	stcOutOfBalance      = "A7:400" // claim is out of balance
	stcNPI               = "A7:562" // entity's National Provider Identifier; entity appended
	stcPrincipalDiag     = "A7:254" // principal diagnosis code
	stcDiagnosis         = "A7:255" // diagnosis code
	stcProcedure         = "A7:454" // procedure code for services rendered
	stcPlaceOfService    = "A7:249" // place of service code
	stcLineCharge        = "A7:178" // submitted charges
	stcPostalCode        = "A7:500" // entity's postal/zip code; entity appended
	stcRemittanceBalance = ""       // 835 rules are warnings: no claim status
)

// issueAt builds an issue at a spot.
func issueAt(at spot, element int, rule string, level int, claim string, line int, field, stc, format string, args ...any) *Issue {
	return issueText(at, element, rule, level, claim, line, field, stc, fmt.Sprintf(format, args...))
}

// issueText is issueAt with its message written out.
func issueText(at spot, element int, rule string, level int, claim string, line int, field, stc, msg string) *Issue {
	// One allocation for the issue and its error, which live as long.
	both := &struct {
		is Issue
		e  edi.Error
	}{}
	e := &both.e
	*e = edi.Error{Pos: at.pos, SegmentID: at.segment, Element: element, Loop: at.loop, Msg: msg}
	if stc != "" {
		e.Code = edi.Code{Kind: edi.STC, Value: stc}
	}
	both.is = Issue{Rule: rule, Level: level, Claim: claim, Line: line, Field: field, Err: e}
	return &both.is
}

// claimIssues checks one claim's balance (SNIP 3), code sets (SNIP 5) and
// the guides' 9-digit ZIP of the billing provider and service facility.
// Messages name the rule and where (the element, the line, the diagnosis'
// ordinal), never a value from the claim: not even a code or an amount
// (docs/decisions/0009-no-values-in-messages.md).
func claimIssues(c *edigw.Claim, at *claimSpots) []*Issue {
	var out []*Issue
	pcn := c.PatientControlNumber
	add := func(i *Issue) { out = append(out, i) }

	var sum edigw.Amount
	for _, l := range c.Lines {
		sum += l.Charge
	}
	if sum != c.TotalCharge {
		add(issueAt(at.claim, 2, "claim-balance", 3, pcn, 0, "totalCharge", stcOutOfBalance,
			"the total charge (CLM02) is not the sum of the line charges"))
	}

	npi := func(p *edigw.Party, where spot, role, field, entity string) {
		if p != nil && p.IDQualifier == "XX" && !codes.ValidNPI(p.ID) {
			add(issueAt(where, 9, "npi", 5, pcn, 0, field+".id", stcNPI+":"+entity,
				"the %s NPI (NM109) fails the check digit (Luhn with prefix 80840)", role))
		}
	}
	npi(&c.BillingProvider, at.billing, "billing provider", "billingProvider", "85")
	npi(c.RenderingProvider, at.rendering, "rendering provider", "renderingProvider", "82")
	npi(c.ReferringProvider, at.referring, "referring provider", "referringProvider", "DN")
	npi(c.AttendingProvider, at.attending, "attending provider", "attendingProvider", "71")

	// The 5010 837 guides require the full ZIP+4 (N403) of the billing
	// provider and the service facility; payers reject the claim, not the
	// file, so it is a claim rule here rather than an element check of
	// edi/ig (docs/decisions/0020-conformance-depth.md). Only US addresses:
	// N404 is present only outside the US.
	zip9 := func(p *edigw.Party, where spot, role, field, entity string) {
		if p == nil || p.Address == nil || where.segment != "N4" || p.Address.Country != "" && p.Address.Country != "US" {
			return
		}
		if !isZip9(p.Address.PostalCode) {
			add(issueAt(where, 3, "zip-9", 2, pcn, 0, field+".address.postalCode", stcPostalCode+":"+entity,
				"the %s ZIP code (N403) is not the 9 digits the guide requires", role))
		}
	}
	zip9(&c.BillingProvider, at.billingZip, "billing provider", "billingProvider", "85")
	zip9(c.ServiceFacility, at.facilityZip, "service facility", "serviceFacility", "77")

	if c.Kind != edigw.Institutional && c.FacilityCodeQualifier == "B" && !codes.PlaceOfService.Has(c.FacilityCode) {
		add(issueAt(at.claim, 5, "place-of-service", 5, pcn, 0, "facilityCode", stcPlaceOfService,
			"the place of service (CLM05-1) is not a CMS place of service code"))
	}
	for i, d := range c.Diagnoses {
		if codes.ValidDiagnosis(d.Qualifier, d.Code) {
			continue
		}
		stc := stcDiagnosis
		if d.Qualifier == "ABK" || d.Qualifier == "BK" {
			stc = stcPrincipalDiag
		}
		where := at.claim
		if i < len(at.diagnoses) {
			where = at.diagnoses[i]
		}
		add(issueAt(where, where.element, "diagnosis-code", 5, pcn, 0, fmt.Sprintf("diagnoses[%d].code", i), stc,
			"diagnosis %d is not in the form of its code set (ICD-10-CM for AB*, ICD-9-CM for B*)", i+1))
	}
	for i, l := range c.Lines {
		where := at.claim
		if i < len(at.lines) {
			where = at.lines[i]
		}
		procAt := 1
		if c.Kind == edigw.Institutional {
			procAt = 2
		}
		if l.ProcedureCode != "" && !codes.ValidProcedure(l.ProcedureQualifier, l.ProcedureCode) {
			add(issueAt(where, procAt, "procedure-code", 5, pcn, l.Number, fmt.Sprintf("lines[%d].procedureCode", i), stcProcedure,
				"the procedure code is not a valid code of its qualifier"))
		}
		if l.PlaceOfService != "" && !codes.PlaceOfService.Has(l.PlaceOfService) {
			add(issueAt(where, 5, "place-of-service", 5, pcn, l.Number, fmt.Sprintf("lines[%d].placeOfService", i), stcPlaceOfService,
				"the line's place of service is not a CMS place of service code"))
		}
		if l.Charge < 0 {
			add(issueAt(where, 0, "line-charge", 3, pcn, l.Number, fmt.Sprintf("lines[%d].charge", i), stcLineCharge, "the line charge is negative"))
		}
		for _, p := range l.DiagnosisPointers {
			if p > len(c.Diagnoses) {
				add(issueAt(where, 0, "diagnosis-pointer", 3, pcn, l.Number, fmt.Sprintf("lines[%d].diagnosisPointers", i), stcDiagnosis,
					"a diagnosis pointer names no diagnosis (the claim has %d)", len(c.Diagnoses)))
			}
		}
	}
	return append(out, lifecycleIssues(c, at)...) // lifecycle.go
}

// remittanceIssues checks an 835's balancing (SNIP 3): the payment equals
// the claims' payments less the provider adjustments; each claim's charge
// less its payment equals its adjustments (claim and service CAS); each
// service's charge less its payment equals its adjustments. It is
// claimBalanceIssues for each claim, then paymentBalanceIssues: the
// rules-only builder (rulesonly835.go) calls the first as each claim ends,
// while the claim is still in the cache, and the second at the set's end.
func remittanceIssues(rm *edigw.Remittance, at *remitSpots) []*Issue {
	var out []*Issue
	for i := range rm.Claims {
		out = claimBalanceIssues(out, rm, at, i)
	}
	return paymentBalanceIssues(out, rm, at, claimsPaid(rm))
}

// claimBalanceIssues appends to out the balancing issues of claim i: its
// services', then its own.
func claimBalanceIssues(out []*Issue, rm *edigw.Remittance, at *remitSpots, i int) []*Issue {
	c := &rm.Claims[i]
	adj := sumAdjustments(c.Adjustments)
	for j := range c.Services {
		s := &c.Services[j]
		sa := sumAdjustments(s.Adjustments)
		adj += sa
		if s.Charge-s.Paid != sa {
			out = append(out, warn(issueAt(at.service(i, j), 3, "service-balance", 3, c.PatientControlNumber, j+1, fmt.Sprintf("claims[%d].services[%d].paid", i, j), stcRemittanceBalance,
				"the service charge (SVC02) less its payment (SVC03) is not the total of its adjustments (CAS)")))
		}
	}
	// Reversals (CLP02 22) carry negative amounts and adjustments: the rule holds as is.
	if c.Charge-c.Paid != adj {
		out = append(out, warn(issueAt(at.claim(i), 4, "claim-payment-balance", 3, c.PatientControlNumber, 0, fmt.Sprintf("claims[%d].paid", i), stcRemittanceBalance,
			"the claim charge (CLP03) less its payment (CLP04) is not the total of its and its services' adjustments (CAS)")))
	}
	return out
}

// paymentBalanceIssues appends to out the issue of a payment that is not
// the claims' payments (paid, claimsPaid's) less the provider adjustments.
func paymentBalanceIssues(out []*Issue, rm *edigw.Remittance, at *remitSpots, paid edigw.Amount) []*Issue {
	var plb edigw.Amount
	for _, p := range rm.ProviderAdjusts {
		plb += p.Amount
	}
	payment := rm.PaymentAmount
	if rm.CreditDebit == "D" { // a debit takes the amount back (paymentIssues)
		payment = -payment
	}
	if payment != paid-plb {
		out = append(out, warn(issueAt(at.header(), 2, "payment-balance", 3, "", 0, "paymentAmount", stcRemittanceBalance,
			"the payment (BPR02) is not the claims' payments (CLP04) less the provider adjustments (PLB)")))
	}
	return out
}

// claimsPaid is the total of the claims' payments (CLP04).
func claimsPaid(rm *edigw.Remittance) edigw.Amount {
	var paid edigw.Amount
	for i := range rm.Claims {
		paid += rm.Claims[i].Paid
	}
	return paid
}

// isZip9 reports whether a ZIP code is a ZIP+4 written as 9 digits, as
// N403 carries it (no hyphen).
func isZip9(z string) bool {
	if len(z) != 9 {
		return false
	}
	for i := 0; i < len(z); i++ {
		if z[i] < '0' || z[i] > '9' {
			return false
		}
	}
	return true
}

func warn(i *Issue) *Issue {
	i.Warning = true
	return i
}

func sumAdjustments(as []edigw.Adjustment) edigw.Amount {
	var t edigw.Amount
	for _, a := range as {
		t += a.Amount
	}
	return t
}
