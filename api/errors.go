package api

import (
	"encoding/json"
	"net/http"
)

// errorBody is every error response: a stable code for programs, a
// message for people, and for invalid records the problems, each naming
// its record and field. Messages never repeat submitted values (PHI).
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code     string    `json:"code"`
	Message  string    `json:"message"`
	Problems []Problem `json:"problems,omitempty"`
}

// Problem is one thing wrong with a submitted record. The record is named
// by its index, never by a value of it such as its patientControlNumber
// (docs/decisions/0009-no-values-in-messages.md).
type Problem struct {
	Record  int    `json:"record"`          // 0-based index in the submission
	Field   string `json:"field,omitempty"` // the field's JSON path in the record, when known
	Message string `json:"message"`
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, errorBody{Error: errorDetail{Code: code, Message: msg}})
}

func writeProblems(w http.ResponseWriter, status int, code, msg string, problems []Problem) {
	writeJSON(w, status, errorBody{Error: errorDetail{Code: code, Message: msg, Problems: problems}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
