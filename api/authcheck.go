package api

import (
	"fmt"
	"net/http"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// checkAuthorizations runs the payer profiles' prior-authorization check
// over submitted claims with one lookup in the store, and puts each
// claim's findings on it. It returns a problem for each finding the
// profile says rejects; a problem names the record, the line and the
// rule's message, never a value of the claim.
func (s *Server) checkAuthorizations(r *http.Request, claims []*edigw.Claim) ([]mapping.Problem, error) {
	found, err := mapping.CheckClaimAuthorizations(r.Context(), s.Store, claims)
	if err != nil {
		return nil, err
	}
	var problems []mapping.Problem
	for i, fs := range found {
		claims[i].AuthorizationFindings = fs
		for _, f := range fs {
			if f.Action != "reject" {
				continue
			}
			field := "priorAuthorization"
			for j, l := range claims[i].Lines {
				if l.Number == f.Line {
					field = fmt.Sprintf("lines[%d]", j)
					break
				}
			}
			problems = append(problems, mapping.Problem{Record: i, Field: field, Message: f.Rule + ": " + f.Message})
		}
	}
	return problems, nil
}
