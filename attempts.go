package edigw

// InboundAttempt is what the record store remembers of an inbound object
// that failed for what it is (the database refused its bytes, the object
// store its name): the same cause Failures times in a row, at one Version
// of the object.
type InboundAttempt struct {
	Key      string
	Version  string // the object's ETag, or its size and time
	Cause    string // codes, never values
	Failures int
	Due      bool // its wait is over, by the record store's clock (shared by instances)
}
