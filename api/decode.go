package api

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"strconv"

	"github.com/edigw/edigw/mapping"
)

// decodeRecords reads a submission: one JSON record or an array of them.
// The JSON view's descriptions ("...Value" fields) are dropped; any other
// field the record does not have is refused, naming it. It answers the
// request itself and returns false when the body is not acceptable.
func decodeRecords[T any](w http.ResponseWriter, r *http.Request, maxBody int64, maxBatch int) ([]*T, bool) {
	raw, ok := readJSON(w, r, maxBody, fmt.Sprintf("the body exceeds %d bytes", maxBody), "send a record or an array of records")
	if !ok {
		return nil, false
	}
	stripped, err := mapping.StripDescriptions(raw)
	if err != nil {
		writeError(w, http.StatusBadRequest, "malformed_json", "the body is not a JSON record or array of records")
		return nil, false
	}
	items := []json.RawMessage{stripped}
	if stripped[0] == '[' {
		items = nil
		if err := json.Unmarshal(stripped, &items); err != nil {
			writeError(w, http.StatusBadRequest, "malformed_json", "the body is not a JSON record or array of records")
			return nil, false
		}
	}
	if len(items) == 0 || len(items) > maxBatch {
		writeError(w, http.StatusBadRequest, "batch_size", fmt.Sprintf("send 1 to %d records, not %d", maxBatch, len(items)))
		return nil, false
	}
	out := make([]*T, len(items))
	var problems []mapping.Problem
	for i, it := range items {
		v := new(T)
		if it[0] != '{' {
			problems = append(problems, mapping.Problem{Record: i, Message: "a record must be a JSON object"})
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(it))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			field, msg := locate(it, v)
			if msg == "" {
				msg = "the record does not decode"
			}
			problems = append(problems, mapping.Problem{Record: i, Field: field, Message: msg})
			continue
		}
		out[i] = v
	}
	if len(problems) > 0 {
		writeProblems(w, http.StatusBadRequest, "bad_record", "records do not match the record format; nothing was queued", problems)
		return nil, false
	}
	return out, true
}

// readJSON reads a JSON body of at most limit bytes, trimmed of white
// space: it refuses another Content-Type, a larger body (tooBig), an
// empty one (empty says what to send) and malformed JSON, answering the
// request itself when it returns false.
func readJSON(w http.ResponseWriter, r *http.Request, limit int64, tooBig, empty string) ([]byte, bool) {
	if ct := r.Header.Get("Content-Type"); ct != "" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			closeUnread(w, r)
			writeError(w, http.StatusUnsupportedMediaType, "unsupported_media_type", "send Content-Type: application/json")
			return nil, false
		}
	}
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, limit))
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		writeError(w, http.StatusRequestEntityTooLarge, "too_large", tooBig)
		return nil, false
	case err != nil:
		writeError(w, http.StatusBadRequest, "unreadable_body", "the body could not be read")
		return nil, false
	}
	raw = bytes.TrimSpace(raw)
	if len(raw) == 0 {
		writeError(w, http.StatusBadRequest, "empty_body", empty)
		return nil, false
	}
	if msg := syntaxError(raw); msg != "" {
		writeError(w, http.StatusBadRequest, "malformed_json", msg)
		return nil, false
	}
	return raw, true
}

// syntaxError says where malformed JSON breaks, by line and column, or
// returns "" for well-formed JSON. It leaves out json.SyntaxError's text,
// which quotes the offending character of what may be PHI.
func syntaxError(raw []byte) string {
	if json.Valid(raw) {
		return ""
	}
	var v any
	err := json.Unmarshal(raw, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return "malformed JSON"
	}
	line, col := lineColumn(raw, se.Offset)
	return fmt.Sprintf("malformed JSON at line %d, column %d", line, col)
}

// lineColumn turns the byte offset a SyntaxError gives (just past the
// offending byte) into a 1-based line and column.
func lineColumn(raw []byte, offset int64) (line, col int) {
	if offset > int64(len(raw)) {
		offset = int64(len(raw))
	}
	before := raw[:max(offset-1, 0)]
	line = bytes.Count(before, []byte{'\n'}) + 1
	col = len(before) - bytes.LastIndexByte(before, '\n')
	return line, col
}

// pathID reads the {id} of a route.
func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusBadRequest, "bad_id", "the id must be a positive integer")
		return 0, false
	}
	return id, true
}

// page reads a feed's after and limit parameters.
func page(w http.ResponseWriter, r *http.Request) (after int64, limit int, ok bool) {
	q := r.URL.Query()
	if v := q.Get("after"); v != "" {
		n, err := strconv.ParseInt(v, 10, 64)
		if err != nil || n < 0 {
			writeError(w, http.StatusBadRequest, "bad_cursor", "after must be a non-negative integer: the next value of the page before")
			return 0, 0, false
		}
		after = n
	}
	limit = DefaultLimit
	if v := q.Get("limit"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > MaxLimit {
			writeError(w, http.StatusBadRequest, "bad_limit", fmt.Sprintf("limit must be 1 to %d", MaxLimit))
			return 0, 0, false
		}
		limit = n
	}
	return after, limit, true
}
