// Package docs holds the documents the binary serves: the OpenAPI 3
// description of the HTTP API (GET /v1/openapi.yaml). It lives beside the
// other docs because go:embed cannot reach a parent directory.
package docs

import _ "embed"

// OpenAPI is docs/openapi.yaml.
//
//go:embed openapi.yaml
var OpenAPI []byte
