package payers

import (
	"fmt"
	"strings"
	"time"

	"github.com/edigw/edigw"
)

// LinesOfBusiness are a payer's lines of business (commercial, Medicare
// Advantage ...) and how a request's line of business is found. The 278
// has no element for it: the gateway decides from data, in this order
// (decisions/0022):
//
//  1. the subscriber's references (2010C REF) that a rule of References
//     names by qualifier and value prefix (a plan's group numbers);
//  2. Default.
//
// A trading partner's own setting (a partner sending one line of business
// only) would come between the two; partners carry none yet.
//
// The line of business decides only which clocks run (the regulatory one
// or not) and how metrics group requests; never who may read a request.
type LinesOfBusiness struct {
	Default    string              `json:"default"`
	Lines      []LineOfBusiness    `json:"lines"`
	References []LineOfBusinessRef `json:"references,omitempty"`
	Note       string              `json:"note,omitempty"`
}

// LineOfBusiness is one line of business and whether a regulatory
// decision clock covers it.
type LineOfBusiness struct {
	Name string `json:"name"`
	// Regulatory names the rule whose clock covers the line ("" none).
	Regulatory string `json:"regulatory,omitempty"`
}

// LineOfBusinessRef puts a request in a line of business by a subscriber
// reference: its qualifier (REF01: 1L group or policy number, 6P group
// number) and a prefix of its value.
type LineOfBusinessRef struct {
	Qualifier      string `json:"qualifier"`
	Prefix         string `json:"prefix"`
	LineOfBusiness string `json:"lineOfBusiness"`
}

// RegulatoryClock is a rule's decision times (CMS-0057-F: 72 hours
// expedited, 7 calendar days standard), in force from a date.
type RegulatoryClock struct {
	Name           string
	ExpeditedHours int
	StandardDays   int
	Since          time.Time
}

// regulatoryClocks are general, not one payer's: code, named from the
// profile's lines of business.
var regulatoryClocks = map[string]RegulatoryClock{
	"CMS-0057-F": {Name: "CMS-0057-F", ExpeditedHours: 72, StandardDays: 7, Since: time.Date(2026, time.January, 1, 0, 0, 0, 0, time.UTC)},
}

// LineOfBusinessOf finds a request's line of business: a subscriber
// reference rule, else the default.
func (p *Profile) LineOfBusinessOf(a *edigw.AuthorizationRequest) string {
	for _, rule := range p.LinesOfBusiness.References {
		for _, ref := range a.SubscriberReferences {
			if ref.Qualifier == rule.Qualifier && strings.HasPrefix(strings.TrimSpace(ref.Value), rule.Prefix) {
				return rule.LineOfBusiness
			}
		}
	}
	return p.LinesOfBusiness.Default
}

// RegulatoryClockOf is the regulatory clock covering a line of business
// for a request received at received, if any.
func (p *Profile) RegulatoryClockOf(line string, received time.Time) (RegulatoryClock, bool) {
	for _, l := range p.LinesOfBusiness.Lines {
		if l.Name == line && l.Regulatory != "" {
			c, ok := regulatoryClocks[l.Regulatory]
			if ok && !received.Before(c.Since) {
				return c, true
			}
		}
	}
	return RegulatoryClock{}, false
}

// checkLines is Parse's check of the lines of business.
func (p *Profile) checkLines() []error {
	var errs []error
	lb := p.LinesOfBusiness
	if len(lb.Lines) == 0 && lb.Default == "" && len(lb.References) == 0 {
		return nil // a profile without lines of business: no regulatory clock
	}
	seen := map[string]bool{}
	for _, l := range lb.Lines {
		if l.Name == "" || seen[l.Name] {
			errs = append(errs, fmt.Errorf("linesOfBusiness: line %q is empty or listed twice", l.Name))
		}
		seen[l.Name] = true
		if _, ok := regulatoryClocks[l.Regulatory]; l.Regulatory != "" && !ok {
			errs = append(errs, fmt.Errorf("linesOfBusiness: line %q names unknown rule %q", l.Name, l.Regulatory))
		}
	}
	if !seen[lb.Default] {
		errs = append(errs, fmt.Errorf("linesOfBusiness: default %q is not a line", lb.Default))
	}
	for _, r := range lb.References {
		if r.Qualifier == "" || r.Prefix == "" || !seen[r.LineOfBusiness] {
			errs = append(errs, fmt.Errorf("linesOfBusiness: a reference rule needs a qualifier, a prefix and a known line"))
		}
	}
	return errs
}
