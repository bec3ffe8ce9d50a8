package api

import (
	"net/http"
	"path"
	"time"

	"github.com/edigw/edigw"
)

// overdueView is a file whose acknowledgment is overdue, as operators
// list it: the file (no href: an operator's token has no providers, so it
// downloads no file) and what it still lacks.
type overdueView struct {
	ID        int64            `json:"id,string"`
	Name      string           `json:"name"`
	Kind      string           `json:"kind"`
	Status    edigw.FileStatus `json:"status"`
	SentAt    time.Time        `json:"sentAt"`
	Overdue   []string         `json:"overdue"` // 999, 277CA
	DueAt     time.Time        `json:"dueAt"`
	PayerID   edigw.PayerID    `json:"payerId"`
	Direction edigw.Direction  `json:"direction"`
}

// listFiles is the operators' listing of files: GET /v1/files?overdue=true
// &after=&limit=, the files edigw sent whose 999 or 277CA is overdue, in
// ID order. Operators are tokens with the operations entitlement and an
// empty scope (Token.Operator, decision 0019); any other token is 403.
func (s *Server) listFiles(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	if !tok.Operator() {
		writeError(w, http.StatusForbidden, "not_operator",
			"the file listing is for operators: a token with the operations entitlement and no TIN or NPI")
		return
	}
	if r.URL.Query().Get("overdue") != "true" {
		writeError(w, http.StatusBadRequest, "bad_overdue", "GET /v1/files lists the files whose acknowledgment is overdue: give overdue=true")
		return
	}
	after, limit, ok := page(w, r)
	if !ok {
		return
	}
	files, err := s.Store.OverdueFiles(r.Context(), after, limit)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	out := feed[overdueView]{Items: []overdueView{}, Next: after}
	for _, o := range files {
		f := o.File
		sent := f.CompletedAt
		if sent.IsZero() {
			sent = f.CreatedAt
		}
		out.Items = append(out.Items, overdueView{ID: f.ID, Name: path.Base(f.Key), Kind: f.Kind, Status: f.Status, SentAt: sent,
			Overdue: o.Kinds, DueAt: o.DueAt, PayerID: f.PayerID, Direction: f.Direction})
		out.Next = f.ID
	}
	writeJSON(w, http.StatusOK, out)
}
