package main

import (
	"io"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// The record types translate writes for 276 and 277 (X212) claims, and
// generate reads back.
const (
	claimStatusInquiryType  = "claimStatusInquiry"
	claimStatusResponseType = "claimStatusResponse"
)

// generateClaimStatus writes claim status inquiries as a 276 (kind "276")
// or responses as a 277 X212 (kind "277"; the 277CA is "277ca").
func generateClaimStatus(w io.Writer, raws []typedRecord, kind string, env mapping.Envelope) (int, error) {
	if kind == "276" {
		recs, err := decodeAll[edigw.ClaimStatusInquiry](raws, claimStatusInquiryType)
		if err != nil {
			return 0, err
		}
		return len(recs), mapping.Write276(w, env, recs)
	}
	recs, err := decodeAll[edigw.ClaimStatusResponse](raws, claimStatusResponseType)
	if err != nil {
		return 0, err
	}
	return len(recs), mapping.Write277(w, env, recs)
}
