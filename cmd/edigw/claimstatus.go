package main

// The record types translate writes for 276 and 277 (X212) claims, and
// generate reads back.
const (
	claimStatusInquiryType  = "claimStatusInquiry"
	claimStatusResponseType = "claimStatusResponse"
)
