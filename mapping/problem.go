package mapping

// Problem is one thing wrong with a record submitted as JSON: which record,
// which field when it is known, and what. CheckClaims and
// CheckAuthorizations return them, and the API serves them as they are in
// its 400, 403 and 422 bodies, so the JSON names are the API's.
//
// The record is named by its index, never by a value of it such as its
// patientControlNumber or traceNumber, and Message repeats no value: a
// problem reaches HTTP bodies and logs
// (docs/decisions/0009-no-values-in-messages.md, 0013-one-error-per-idea.md).
type Problem struct {
	Record  int    `json:"record"`          // 0-based index in the submission
	Field   string `json:"field,omitempty"` // the field's JSON path in the record, when known
	Message string `json:"message"`
}
