package payers

import (
	"slices"
	"strings"

	"github.com/edigw/edigw"
)

// setting is where a line's service was given, as its claim says: a CMS
// place of service on professional and dental claims, or the facility type
// of the type of bill on institutional ones.
type setting struct {
	placeOfService string
	billType       string
}

// settingOf reads the setting of one claim line: an 837I's CLM05-1 (with
// qualifier A) is its type of bill's facility type; otherwise the line's
// place of service (SV105) wins over the claim's (CLM05-1).
func settingOf(c *edigw.Claim, l edigw.ServiceLine) setting {
	if c.FacilityCodeQualifier == "A" || (c.FacilityCodeQualifier == "" && c.Kind == edigw.Institutional) {
		return setting{billType: c.FacilityCode}
	}
	if l.PlaceOfService != "" {
		return setting{placeOfService: l.PlaceOfService}
	}
	return setting{placeOfService: c.FacilityCode}
}

// ClaimLineCategory says whether line l of claim c needs prior
// authorization under the profile, and under which category, in the
// setting the claim gives the line.
func (p *Profile) ClaimLineCategory(c *edigw.Claim, l edigw.ServiceLine) (Category, bool) {
	return p.categoryIn(settingOf(c, l), l)
}

// AuthorizationCategory says whether a professional or dental service line
// given at placeOfService (a CMS place of service code) needs prior
// authorization under the profile, and under which category.
func (p *Profile) AuthorizationCategory(placeOfService string, l edigw.ServiceLine) (Category, bool) {
	return p.categoryIn(setting{placeOfService: placeOfService}, l)
}

// InstitutionalAuthorizationCategory is AuthorizationCategory for an 837I
// line on a claim whose type of bill starts with billType (CLM05-1, e.g.
// 32 for home health).
func (p *Profile) InstitutionalAuthorizationCategory(billType string, l edigw.ServiceLine) (Category, bool) {
	return p.categoryIn(setting{billType: billType}, l)
}

// LineCategories says, for each line of c, the category under which it
// needs prior authorization in the setting the claim gives it (nil for a
// line that needs none; ClaimLineCategory line by line), and whether any
// line does. CheckClaimLines takes what it found, so that a caller that
// asked it whether to look the claim up does not work it out again.
func (p *Profile) LineCategories(c *edigw.Claim) ([]*Category, bool) {
	var out []*Category
	for i := range c.Lines {
		l := &c.Lines[i]
		if cat := p.categoryAt(settingOf(c, *l), l); cat != nil {
			if out == nil {
				out = make([]*Category, len(c.Lines))
			}
			out[i] = cat
		}
	}
	return out, out != nil
}

func (p *Profile) categoryIn(s setting, l edigw.ServiceLine) (Category, bool) {
	if c := p.categoryAt(s, &l); c != nil {
		return *c, true
	}
	return Category{}, false
}

// categoryAt is categoryIn's category in the profile (nil: none).
func (p *Profile) categoryAt(s setting, l *edigw.ServiceLine) *Category {
	pa := &p.PriorAuthorization
	if s.placeOfService != "" && slices.Contains(pa.ExcludedPlacesOfService, s.placeOfService) {
		return nil
	}
	if s.billType != "" && slices.Contains(pa.ExcludedBillTypes, s.billType) {
		return nil
	}
	code := procedureCode(l.ProcedureQualifier, l.ProcedureCode)
	if code != "" && !procedureShaped(code) {
		code = "" // in no range: shaped once here, not once a range
	}
	for i := range pa.Categories {
		c := &pa.Categories[i]
		if code != "" && c.hasShapedCode(code) && c.appliesAt(s) {
			return c
		}
		if s.billType != "" && slices.Contains(c.BillTypes, s.billType) && c.hasRevenueCode(l.RevenueCode) {
			return c
		}
	}
	return nil
}

// categoryOfCode finds the category of a procedure code wherever it is
// given, for the acquisition a category implies.
func (p *Profile) categoryOfCode(qualifier, code string) (Category, bool) {
	code = procedureCode(qualifier, code)
	if code == "" {
		return Category{}, false
	}
	for _, c := range p.PriorAuthorization.Categories {
		if c.hasCode(code) {
			return c, true
		}
	}
	return Category{}, false
}

// procedureCode returns a HCPCS or CPT code (qualifier HC, or none given),
// upper-cased; other code sets (ADA, NDC, HIPPS ...) are not in profiles.
func procedureCode(qualifier, code string) string {
	if qualifier != "" && qualifier != "HC" {
		return ""
	}
	return strings.ToUpper(strings.TrimSpace(code))
}

func (c *Category) hasCode(code string) bool {
	return procedureShaped(code) && c.hasShapedCode(code)
}

// hasShapedCode is hasCode for a code known to be procedure-shaped: every
// claim line of every 837 asks it, so the shape is not checked once a range.
func (c *Category) hasShapedCode(code string) bool {
	letter := isLetter(code[0])
	for _, r := range c.Codes {
		if isLetter(r.From[0]) == letter && r.From <= code && code <= r.To {
			return true
		}
	}
	return false
}

// appliesAt: a category limited to some places of service matches only
// lines given there, so never an institutional line, which has no place of
// service (its revenue codes place it instead).
func (c *Category) appliesAt(s setting) bool {
	return len(c.PlacesOfService) == 0 || slices.Contains(c.PlacesOfService, s.placeOfService)
}

func (c *Category) hasRevenueCode(code string) bool {
	if code == "" {
		return false
	}
	for _, rc := range c.RevenueCodes {
		if rc.Matches(code) {
			return true
		}
	}
	return false
}
