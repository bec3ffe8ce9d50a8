package api

import (
	"net/http"
	"strconv"

	"github.com/edigw/edigw"
)

// historyItem is one step of a claim's timeline. A file the token may not
// read (a file of another provider's claims, say) is not named: the step
// keeps its kind and time.
type historyItem struct {
	edigw.ClaimHistoryEntry
	Href string `json:"href,omitempty"` // the file's ledger entry
}

// claimHistory answers GET /v1/claims/{id}/history: how the claim came in,
// the file it was sent in, the acknowledgments and remittances that
// answered it, each status change with its reason. 404 for a claim
// outside the token's scope, as GET /v1/claims/{id}.
func (s *Server) claimHistory(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	c, ok := s.pathClaim(w, r, tok)
	if !ok {
		return
	}
	id := c.ID
	entries, err := s.Store.ClaimHistory(r.Context(), id)
	if !s.found(w, r, err, "claim") {
		return
	}
	out := struct {
		Items []historyItem `json:"items"`
	}{Items: make([]historyItem, 0, len(entries))}
	readable := map[int64]bool{}
	for _, e := range entries {
		item := historyItem{ClaimHistoryEntry: e}
		if e.FileID != 0 {
			ok, seen := readable[e.FileID]
			if !seen {
				d, err := s.fileDenial(r.Context(), tok, e.FileID)
				if err != nil {
					s.internal(w, r, err)
					return
				}
				ok = d == nil
				readable[e.FileID] = ok
			}
			if ok {
				item.Href = "/v1/files/" + strconv.FormatInt(e.FileID, 10)
			} else {
				item.FileID = 0
			}
		}
		out.Items = append(out.Items, item)
	}
	writeJSON(w, http.StatusOK, out)
}
