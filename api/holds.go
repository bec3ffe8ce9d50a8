package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"time"

	"github.com/edigw/edigw"
)

// The payer side's hold on a request (decisions/0023): PUT
// /v1/authorizations/{id}/hold sets what is missing and when it is due,
// DELETE lifts it when the information has arrived (the decision clock
// restarts). Only an operator's token may: the operations entitlement and
// an empty scope (Token.Operator), the gateway's payer-side users. A
// provider's token, whatever its entitlements, is 403 even for its own
// requests: a hold is the reviewer's word, and a provider lifting one
// would restart the clock it is measured by.

// maxHoldBody bounds a hold's body.
const maxHoldBody = 16 << 10

func (s *Server) putHold(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	id, ok := s.holdTarget(w, r, tok)
	if !ok {
		return
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxHoldBody))
	if err != nil {
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", "a hold is a small JSON object")
		return
	}
	var h edigw.HoldUpdate
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&h); err != nil {
		writeError(w, http.StatusBadRequest, "bad_hold", `send {"missing": ["PWK:77", ...], "dueDate": "CCYY-MM-DD"}`)
		return
	}
	if _, err := time.Parse(time.DateOnly, h.DueDate); err != nil {
		writeError(w, http.StatusBadRequest, "bad_hold", "dueDate must be a date, CCYY-MM-DD")
		return
	}
	for _, m := range h.Missing {
		if m == "" || len(m) > 32 {
			writeError(w, http.StatusBadRequest, "bad_hold", "each missing item is a code of 1 to 32 characters")
			return
		}
	}
	a, err := s.Store.SetAuthorizationHold(r.Context(), id, h)
	if s.holdDone(w, r, err) {
		writeJSON(w, http.StatusOK, holdAnswer(a))
	}
}

func (s *Server) deleteHold(w http.ResponseWriter, r *http.Request, tok *edigw.Token) {
	id, ok := s.holdTarget(w, r, tok)
	if !ok {
		return
	}
	a, err := s.Store.ReleaseAuthorizationHold(r.Context(), id)
	if s.holdDone(w, r, err) {
		writeJSON(w, http.StatusOK, holdAnswer(a))
	}
}

// holdTarget checks the token and reads the path's request ID.
func (s *Server) holdTarget(w http.ResponseWriter, r *http.Request, tok *edigw.Token) (int64, bool) {
	if !tok.Operator() {
		closeUnread(w, r)
		writeError(w, http.StatusForbidden, "not_operator",
			"holds are the payer side's: a token with the operations entitlement and no TIN or NPI")
		return 0, false
	}
	return pathID(w, r)
}

// holdDone answers the store's refusals; true when there is none.
func (s *Server) holdDone(w http.ResponseWriter, r *http.Request, err error) bool {
	switch {
	case errors.Is(err, edigw.ErrDecided):
		writeError(w, http.StatusConflict, "decided", "the authorization is decided: a hold no longer applies")
		return false
	case errors.Is(err, edigw.ErrSentRequest):
		writeError(w, http.StatusConflict, "sent_request", "edigw sent this request to the payer: the payer's 278 response holds it")
		return false
	case errors.Is(err, edigw.ErrNotOnHold):
		writeError(w, http.StatusConflict, "not_on_hold", "the authorization is not on hold")
		return false
	}
	return s.found(w, r, err, "authorization")
}

// holdState is what a hold call answers: where the request stands, without
// the record (an operator's token reads no provider's records).
type holdState struct {
	ID     int64                     `json:"id,string"`
	Status edigw.AuthorizationStatus `json:"status"`
	edigw.AuthorizationLifecycle
}

func holdAnswer(a *edigw.StoredAuthorization) holdState {
	return holdState{ID: a.ID, Status: a.Request.Status, AuthorizationLifecycle: a.AuthorizationLifecycle}
}
