package testenv

import (
	"fmt"
	"strings"
	"testing"
)

// recorder is a testing.TB that records Skipf and Fatalf instead of stopping
// the goroutine. Methods it does not override panic (nil embedded TB).
type recorder struct {
	testing.TB
	skipped, fatal string
}

func (r *recorder) Helper() {}
func (r *recorder) Skipf(format string, args ...any) {
	r.skipped = fmt.Sprintf(format, args...)
}
func (r *recorder) Fatalf(format string, args ...any) {
	r.fatal = fmt.Sprintf(format, args...)
}

func clearEnv(t *testing.T) {
	for _, k := range []string{"CI", EnvDatabaseURL, EnvS3, EnvS3Endpoint, EnvAccessKeyID, EnvSecretAccessKey, EnvRegion} {
		t.Setenv(k, "")
	}
}

func setS3(t *testing.T) {
	t.Setenv(EnvS3, "1")
	t.Setenv(EnvS3Endpoint, "http://127.0.0.1:9")
	t.Setenv(EnvAccessKeyID, "ak")
	t.Setenv(EnvSecretAccessKey, "sk")
}

func TestDatabaseURL(t *testing.T) {
	clearEnv(t)
	t.Setenv(EnvDatabaseURL, "postgres://x@127.0.0.1:1/postgres")
	r := &recorder{}
	if got := DatabaseURL(r); got != "postgres://x@127.0.0.1:1/postgres" {
		t.Errorf("DatabaseURL = %q", got)
	}
	if r.skipped != "" || r.fatal != "" {
		t.Errorf("skipped %q, fatal %q; want neither", r.skipped, r.fatal)
	}
}

func TestMissingSkipsOutsideCI(t *testing.T) {
	for _, ci := range []string{"", "false", "0"} {
		clearEnv(t)
		t.Setenv("CI", ci)
		r := &recorder{}
		DatabaseURL(r)
		if r.fatal != "" || !strings.Contains(r.skipped, "make test") || !strings.Contains(r.skipped, EnvDatabaseURL) {
			t.Errorf("CI=%q, DatabaseURL: skipped %q, fatal %q; want a skip naming make test and %s", ci, r.skipped, r.fatal, EnvDatabaseURL)
		}
		r = &recorder{}
		S3(r)
		if r.fatal != "" || !strings.Contains(r.skipped, "make test") {
			t.Errorf("CI=%q, S3: skipped %q, fatal %q; want a skip naming make test", ci, r.skipped, r.fatal)
		}
	}
}

func TestMissingFailsInCI(t *testing.T) {
	for _, ci := range []string{"true", "1", "TRUE"} {
		clearEnv(t)
		t.Setenv("CI", ci)
		r := &recorder{}
		DatabaseURL(r)
		if r.skipped != "" || !strings.Contains(r.fatal, EnvDatabaseURL) {
			t.Errorf("CI=%q, DatabaseURL: skipped %q, fatal %q; want a failure naming %s", ci, r.skipped, r.fatal, EnvDatabaseURL)
		}
		r = &recorder{}
		S3(r)
		if r.skipped != "" || r.fatal == "" {
			t.Errorf("CI=%q, S3: skipped %q, fatal %q; want a failure", ci, r.skipped, r.fatal)
		}
	}
}

func TestS3(t *testing.T) {
	clearEnv(t)
	setS3(t)
	r := &recorder{}
	got := S3(r)
	want := S3Config{Endpoint: "http://127.0.0.1:9", AccessKeyID: "ak", SecretAccessKey: "sk", Region: DefaultRegion}
	if got != want || r.skipped != "" || r.fatal != "" {
		t.Errorf("S3 = %+v (skipped %q, fatal %q); want %+v", got, r.skipped, r.fatal, want)
	}
	t.Setenv(EnvRegion, "eu-west-1")
	if got := S3(r); got.Region != "eu-west-1" {
		t.Errorf("S3 region = %q, want eu-west-1", got.Region)
	}
}

// Real AWS settings without EDIGW_TEST_S3=1 must not be taken for a test
// server, and each missing piece is reported.
func TestS3Incomplete(t *testing.T) {
	for _, unset := range []string{EnvS3, EnvS3Endpoint, EnvAccessKeyID, EnvSecretAccessKey} {
		clearEnv(t)
		setS3(t)
		t.Setenv(unset, "")
		r := &recorder{}
		S3(r)
		if !strings.Contains(r.skipped, unset) {
			t.Errorf("without %s: skipped %q; want a skip naming it", unset, r.skipped)
		}
	}
	clearEnv(t)
	setS3(t)
	t.Setenv(EnvS3, "true")
	r := &recorder{}
	S3(r)
	if r.skipped == "" {
		t.Errorf("%s=true: not skipped; only 1 turns the test server on", EnvS3)
	}
}
