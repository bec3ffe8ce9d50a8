package api

import (
	"context"
	"net/http"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// submission is what one submission route (claims, authorizations,
// eligibility, claim status) adds to the sequence they share, which
// submit runs: admission, the Idempotency-Key, decoding, a check per
// record, 403 out_of_scope, 422 invalid_records, queuing and the 202.
type submission[T any] struct {
	// idempotent reads the Idempotency-Key header (claim status takes none).
	idempotent bool
	// record fills in a record's defaults and checks it: the problems of
	// providers outside the scope (403) and of the record (422). An
	// *answered error is written as it says; another error is a 500.
	record func(ctx context.Context, i int, rec *T, check *providerCheck) (outside, invalid []mapping.Problem, err error)
	// validate gives the 422 problems once no record is out of scope,
	// from the per-record ones (invalid); nil: those as they are.
	validate func(r *http.Request, recs []*T, invalid []mapping.Problem) ([]mapping.Problem, error)
	// invalidDetail is the 422's detail; "" is the common one.
	invalidDetail string
	// queue stores the records (under the scoped idempotency key) and
	// returns their IDs, in order.
	queue func(ctx context.Context, key string, recs []*T) ([]int64, error)
	// href is the path a queued record is read at, before its ID.
	href string
	// item describes a queued record for the 202 (its ID and href aside).
	item func(rec *T, id int64) submittedItem
}

// answered is an answer a record's check gives instead of problems (a
// claim status inquiry about a claim not in scope: 404).
type answered struct {
	status       int
	code, detail string
}

func (a *answered) Error() string { return a.detail }

// submit runs a submission route's shared sequence with what sub says.
func submit[T any](s *Server, w http.ResponseWriter, r *http.Request, tok *edigw.Token, sub submission[T]) {
	release, ok := s.admitSubmission(w, r)
	if !ok {
		return
	}
	defer release()
	var key string
	if sub.idempotent {
		if key, ok = idempotencyKey(w, r, tok); !ok {
			return
		}
	}
	recs, ok := decodeRecords[T](w, r, s.maxBody(), s.maxBatch())
	if !ok {
		return
	}
	check := newProviderCheck(s.Store, tok)
	var outside, invalid []mapping.Problem
	for i, rec := range recs {
		out, inv, err := sub.record(r.Context(), i, rec, check)
		if err != nil {
			s.answerError(w, r, err)
			return
		}
		outside = append(outside, out...)
		invalid = append(invalid, inv...)
	}
	if len(outside) > 0 {
		writeProblems(w, http.StatusForbidden, "out_of_scope", "records name providers outside the token's scope; nothing was queued", outside)
		return
	}
	problems := invalid
	if sub.validate != nil {
		var err error
		if problems, err = sub.validate(r, recs, invalid); err != nil {
			s.internal(w, r, err)
			return
		}
	}
	if len(problems) > 0 {
		detail := sub.invalidDetail
		if detail == "" {
			detail = "the records do not pass validation; nothing was queued"
		}
		writeProblems(w, http.StatusUnprocessableEntity, "invalid_records", detail, problems)
		return
	}
	ids, err := sub.queue(r.Context(), key, recs)
	if err != nil {
		s.queueError(w, r, err)
		return
	}
	items := make([]submittedItem, len(ids))
	for i, id := range ids {
		items[i] = sub.item(recs[i], id)
		items[i].ID, items[i].Href = id, sub.href+strconv.FormatInt(id, 10)
	}
	writeJSON(w, http.StatusAccepted, submitted{Status: "queued", Items: items})
}

// answerError writes an *answered error as it says, another as a 500.
func (s *Server) answerError(w http.ResponseWriter, r *http.Request, err error) {
	if a, ok := err.(*answered); ok {
		writeError(w, a.status, a.code, a.detail)
		return
	}
	s.internal(w, r, err)
}
