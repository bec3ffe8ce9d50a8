package main

import (
	"errors"
	"fmt"

	"github.com/edigw/edigw/edi"
)

// notX12 is the exit of a command whose input holds no ISA at all (empty,
// prose, a bare ST): it is not X12, so it could not be read (exit 2)
// rather than read with errors (exit 1). err is the error reading stopped
// at, nil when it did not stop; nil is returned unless it is that one.
func notX12(err error) error {
	if err == nil || !errors.Is(err, edi.ErrNoInterchange) {
		return nil
	}
	return &exitError{code: exitUnusable, err: fmt.Errorf("could not be read: %w", err)}
}

// fatalOf is a report's fatal error as an error (nil when there is none:
// a nil *edi.Error is not a nil error).
func fatalOf(e *edi.Error) error {
	if e == nil {
		return nil
	}
	return e
}
