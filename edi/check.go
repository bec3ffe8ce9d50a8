package edi

import (
	"errors"
	"io"
)

// CheckResult is what Check found in one input.
type CheckResult struct {
	Summary    Summary
	Delimiters Delimiters // of the last interchange read
	Errors     []*Error   // at most the limit given to Check
	ErrorCount int        // every error found, including those over the limit
	Bytes      int64
}

// OK reports whether the input had no errors.
func (r *CheckResult) OK() bool { return r.ErrorCount == 0 }

// Check reads all of r and applies the envelope rules, keeping at most limit
// errors (all of them when limit <= 0). It returns an error only when the
// input cannot be read; syntax and envelope problems, including fatal ones,
// are in the result.
func Check(r io.Reader, name string, limit int) (*CheckResult, error) {
	res := &CheckResult{}
	keep := func(e *Error) {
		res.ErrorCount++
		if limit <= 0 || len(res.Errors) < limit {
			res.Errors = append(res.Errors, e)
		}
	}
	rd := NewReader(r)
	rd.Name = name
	ck := &EnvelopeChecker{File: name, Report: keep}
	var last Position
	for {
		seg, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				return res, err // an I/O error: nothing to report about the content
			}
			keep(e)
			if e.Fatal {
				break
			}
			continue
		}
		last = seg.Pos
		ck.Segment(seg)
	}
	last.Offset, last.Line, last.SetIndex = rd.Offset(), rd.line, 0
	last.Index++
	ck.End(last)
	res.Summary = ck.Summary()
	res.Delimiters = rd.Delimiters()
	res.Bytes = rd.Offset()
	return res, nil
}
