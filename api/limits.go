package api

import (
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// retryAfter is what a refused submission is told to wait: about the
// time a 1,000-claim submission takes to validate and queue.
const retryAfter = time.Second

// admitSubmission takes one of the MaxSubmissions slots, waiting up to
// SubmissionWait for one, or answers 503 with Retry-After (and closes the
// connection without reading the body) when none comes free. It runs
// before the body is read: the memory of a submission is its body,
// decoded and validated, so a submission waiting here costs next to
// nothing, and the slots bound the memory of all submissions together.
// The caller releases the slot when it has answered.
func (s *Server) admitSubmission(w http.ResponseWriter, r *http.Request) (release func(), ok bool) {
	select {
	case s.submissions <- struct{}{}:
		return func() { <-s.submissions }, true
	default:
	}
	wait := time.NewTimer(s.submissionWait())
	defer wait.Stop()
	select {
	case s.submissions <- struct{}{}:
		return func() { <-s.submissions }, true
	case <-r.Context().Done():
		return nil, false // the client is gone: nobody to answer
	case <-wait.C:
	}
	closeUnread(w, r)
	w.Header().Set("Retry-After", strconv.Itoa(int(retryAfter/time.Second)))
	writeError(w, http.StatusServiceUnavailable, "busy",
		fmt.Sprintf("the server is serving %d submissions, its limit; nothing was queued: send it again after Retry-After", cap(s.submissions)))
	return nil, false
}

// closeUnread makes an answer given before the request body is read
// close the connection at once. Otherwise net/http reads the rest of
// the body (up to 256 KB) before it writes the answer, to keep the
// connection: a client that sends its body slowly, or never, would wait
// for the read timeout to hear that it has no token.
func closeUnread(w http.ResponseWriter, r *http.Request) {
	if r.ContentLength == 0 || r.ProtoMajor != 1 {
		return
	}
	w.Header().Set("Connection", "close")
	// Whatever net/http still reads of the body fails now, instead of
	// waiting for bytes that may never come.
	_ = http.NewResponseController(w).SetReadDeadline(time.Now())
}
