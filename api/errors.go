package api

import (
	"encoding/json"
	"net/http"

	"github.com/edigw/edigw/mapping"
)

// errorBody is every error response: a stable code for programs, a
// message for people, and for invalid records the problems, each naming
// its record and field. Messages never repeat submitted values (PHI). A
// problem is mapping's: the API serves mapping.CheckClaims' problems as
// they are (docs/decisions/0013-one-error-per-idea.md).
type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code     string            `json:"code"`
	Message  string            `json:"message"`
	Problems []mapping.Problem `json:"problems,omitempty"`
}

func writeError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, errorBody{Error: errorDetail{Code: code, Message: msg}})
}

func writeProblems(w http.ResponseWriter, status int, code, msg string, problems []mapping.Problem) {
	writeJSON(w, status, errorBody{Error: errorDetail{Code: code, Message: msg, Problems: problems}})
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
