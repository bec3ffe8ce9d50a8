package api

import (
	"bufio"
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/edigw/edigw/docs"
)

// documented reads the operations of docs/openapi.yaml's paths section
// as "METHOD /path" (path templates as the mux writes them). The document
// keeps the usual layout: paths at two spaces, methods at four.
func documented(t *testing.T) []string {
	t.Helper()
	var out []string
	var inPaths bool
	var current string
	sc := bufio.NewScanner(bytes.NewReader(docs.OpenAPI))
	for sc.Scan() {
		line := sc.Text()
		trimmed := strings.TrimSpace(line)
		if trimmed == "" || strings.HasPrefix(trimmed, "#") {
			continue
		}
		indent := len(line) - len(strings.TrimLeft(line, " "))
		switch {
		case indent == 0:
			inPaths = trimmed == "paths:"
		case !inPaths:
		case indent == 2:
			if !strings.HasPrefix(trimmed, "/") || !strings.HasSuffix(trimmed, ":") {
				t.Fatalf("paths: unexpected line %q", line)
			}
			current = strings.TrimSuffix(trimmed, ":")
		case indent == 4:
			method, _, _ := strings.Cut(trimmed, ":")
			switch method {
			case "get", "post", "put", "patch", "delete":
				out = append(out, strings.ToUpper(method)+" "+current)
			case "parameters", "summary", "description":
			default:
				t.Fatalf("paths: %s: unexpected key %q", current, method)
			}
		}
	}
	slices.Sort(out)
	return out
}

func TestOpenAPIDocumentsEveryRoute(t *testing.T) {
	if !bytes.HasPrefix(docs.OpenAPI, []byte("openapi: 3.")) {
		t.Fatal("docs/openapi.yaml is not an OpenAPI 3 document")
	}
	s := &Server{}
	registered := []string{openAPIPattern}
	for _, rt := range s.routes() {
		registered = append(registered, rt.pattern)
	}
	slices.Sort(registered)
	doc := documented(t)
	for _, r := range registered {
		if !slices.Contains(doc, r) {
			t.Errorf("route %s is not in docs/openapi.yaml", r)
		}
	}
	for _, d := range doc {
		if !slices.Contains(registered, d) {
			t.Errorf("docs/openapi.yaml describes %s, which the server does not serve", d)
		}
	}
	if len(doc) < 10 {
		t.Errorf("only %d operations read from the document: %v", len(doc), doc)
	}
}
