package s3store

import (
	"errors"
	"net/http"
	"slices"

	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// hasCode tells whether err is an S3 error with one of the codes.
func hasCode(err error, codes ...string) bool {
	var apiErr smithy.APIError
	return errors.As(err, &apiErr) && slices.Contains(codes, apiErr.ErrorCode())
}

// isNoSuchKey tells whether err says the object is absent. A 404 for a
// missing bucket (NoSuchBucket) is not: that is a configuration error, and
// treating it as "no object" would hide it. HEAD responses carry no body,
// so their 404 reads as NotFound.
func isNoSuchKey(err error) bool {
	return hasCode(err, "NoSuchKey", "NotFound")
}

// isPreconditionFailed tells whether a conditional write lost: 412 when an
// object is already at the key, 409 ConditionalRequestConflict when another
// conditional write to the key was in flight at the same time.
func isPreconditionFailed(err error) bool {
	if hasCode(err, "PreconditionFailed", "ConditionalRequestConflict") {
		return true
	}
	var respErr *smithyhttp.ResponseError
	return errors.As(err, &respErr) && respErr.HTTPStatusCode() == http.StatusPreconditionFailed
}
