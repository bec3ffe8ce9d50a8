package api_test

import (
	"context"
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/edigw/edigw"
)

// A file whose records name a provider by its NPI alone (as the story's
// 278 request names NPI A) downloads for a token of the TIN the operator
// declared that NPI under, as the request itself reads for it (decision
// 0024); never for another provider's TIN, nor for a TIN under which the
// NPI is not declared.
func TestFileNamingADeclaredNPIDownloadsForItsTIN(t *testing.T) {
	e := newEnv(t, envOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	e.token(t, "clinic a", allEntitlements, []string{tinA}, []string{npiA}) // declares NPI A under TIN A
	e.token(t, "clinic b", allEntitlements, []string{tinB}, []string{npiB})
	tinOnlyA, _ := e.token(t, "clinic a by tin", allEntitlements, []string{tinA}, nil)
	tinOnlyB, _ := e.token(t, "clinic b by tin", allEntitlements, []string{tinB}, nil)
	npiOnlyA, _ := e.token(t, "clinic a by npi", allEntitlements, nil, []string{npiA})

	if res := e.call(t, "POST", "/v1/authorizations", tinOnlyA, authorizationFor(t, "T-DECL", "", npiA)); res.status != http.StatusAccepted {
		t.Fatalf("submit: %d %s", res.status, res.body)
	}
	keys, err := e.pipeline.FlushOutbound(ctx)
	if err != nil || len(keys) != 1 {
		t.Fatalf("flush: %v %v", keys, err)
	}
	f, err := e.db.FileByKey(ctx, edigw.Outbound, keys[0])
	if err != nil {
		t.Fatal(err)
	}
	aud, err := e.db.FileAudience(ctx, f.ID)
	if err != nil || len(aud.Providers) != 1 || aud.Providers[0] != (edigw.Provider{NPI: npiA}) {
		t.Fatalf("the case needs a file naming NPI A alone: %+v %v", aud, err)
	}
	href := "/v1/files/" + strconv.FormatInt(f.ID, 10)
	for _, c := range []struct {
		who, tok string
		want     int
	}{{"A's TIN", tinOnlyA, http.StatusOK}, {"A's NPI", npiOnlyA, http.StatusOK}, {"B's TIN", tinOnlyB, http.StatusNotFound}} {
		if res := e.call(t, "GET", href, c.tok, nil); res.status != c.want {
			t.Errorf("%s downloads the 278 naming NPI A alone: %d, want %d", c.who, res.status, c.want)
		}
	}
}
