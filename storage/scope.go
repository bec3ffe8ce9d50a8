package storage

import (
	"fmt"

	"github.com/edigw/edigw"
)

// scopeFilter is a scope as SQL: a condition on a record's provider
// columns and its arguments. A nil scope is TRUE.
type scopeFilter struct {
	all        bool
	tins, npis []string
}

func newScopeFilter(s *edigw.Scope) scopeFilter {
	if s == nil {
		return scopeFilter{all: true}
	}
	// Records without a TIN or NPI have NULL there, which matches
	// nothing; empty strings are dropped all the same.
	return scopeFilter{tins: nonEmpty(s.TINs), npis: nonEmpty(s.NPIs)}
}

func nonEmpty(list []string) []string {
	out := make([]string, 0, len(list))
	for _, s := range list {
		if s != "" {
			out = append(out, s)
		}
	}
	return out
}

// sql returns the condition for a record whose TIN is tinExpr and whose
// NPI is npiExpr (SQL expressions), appending the scope's arrays to args.
func (f scopeFilter) sql(tinExpr, npiExpr string, args []any) (string, []any) {
	if f.all {
		return "TRUE", args
	}
	args = append(args, f.tins, f.npis)
	n := len(args)
	return fmt.Sprintf("(%s = ANY($%d::text[]) OR %s = ANY($%d::text[]))", tinExpr, n-1, npiExpr, n), args
}
