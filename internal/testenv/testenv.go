// Package testenv tells integration tests where their servers are.
//
// scripts/with-services.sh (run by `make test` and CI) starts a throwaway
// PostgreSQL and an S3-compatible server (versitygw) and exports:
//
//	EDIGW_TEST_DATABASE_URL  URL of a PostgreSQL database the tests may use
//	                         freely (create and drop databases in it)
//	EDIGW_TEST_S3=1          the AWS_* variables below point at a test server
//	                         (so a developer's real AWS settings are never used)
//	AWS_ENDPOINT_URL_S3      S3 endpoint, e.g. http://127.0.0.1:PORT
//	AWS_ACCESS_KEY_ID        credentials of that server
//	AWS_SECRET_ACCESS_KEY
//	AWS_REGION               region (us-east-1 when empty)
//
// When a server's variables are missing the test is skipped with a pointer
// to `make test`, except when CI=true: then the test fails, so that CI never
// passes by skipping its integration tests.
package testenv

import (
	"os"
	"strconv"
	"testing"
)

// Names of the environment variables read by this package.
const (
	EnvDatabaseURL     = "EDIGW_TEST_DATABASE_URL"
	EnvS3              = "EDIGW_TEST_S3"
	EnvS3Endpoint      = "AWS_ENDPOINT_URL_S3"
	EnvAccessKeyID     = "AWS_ACCESS_KEY_ID"
	EnvSecretAccessKey = "AWS_SECRET_ACCESS_KEY"
	EnvRegion          = "AWS_REGION"
)

// DefaultRegion is the region used when AWS_REGION is empty.
const DefaultRegion = "us-east-1"

// S3Config is where the test S3 server is and how to sign requests to it.
type S3Config struct {
	Endpoint        string // e.g. http://127.0.0.1:PORT; use path-style addressing
	AccessKeyID     string
	SecretAccessKey string
	Region          string
}

// DatabaseURL returns the URL of the test PostgreSQL server, or skips the
// test (fails it when CI=true) when EDIGW_TEST_DATABASE_URL is not set.
func DatabaseURL(t testing.TB) string {
	t.Helper()
	url := os.Getenv(EnvDatabaseURL)
	if url == "" {
		missing(t, "PostgreSQL", EnvDatabaseURL+" is not set")
	}
	return url
}

// S3 returns the test S3 server, or skips the test (fails it when CI=true)
// when EDIGW_TEST_S3 is not 1 or the endpoint or credentials are not set.
func S3(t testing.TB) S3Config {
	t.Helper()
	c := S3Config{
		Endpoint:        os.Getenv(EnvS3Endpoint),
		AccessKeyID:     os.Getenv(EnvAccessKeyID),
		SecretAccessKey: os.Getenv(EnvSecretAccessKey),
		Region:          os.Getenv(EnvRegion),
	}
	switch {
	case os.Getenv(EnvS3) != "1":
		missing(t, "S3", EnvS3+" is not 1")
	case c.Endpoint == "":
		missing(t, "S3", EnvS3Endpoint+" is not set")
	case c.AccessKeyID == "" || c.SecretAccessKey == "":
		missing(t, "S3", EnvAccessKeyID+" or "+EnvSecretAccessKey+" is not set")
	}
	if c.Region == "" {
		c.Region = DefaultRegion
	}
	return c
}

// missing skips t, or fails it when running in CI.
func missing(t testing.TB, server, why string) {
	t.Helper()
	if inCI() {
		t.Fatalf("no test %s server in CI (%s): CI must run the tests through `make test` (scripts/with-services.sh)", server, why)
		return
	}
	t.Skipf("no test %s server (%s): run `make test` to run integration tests", server, why)
}

func inCI() bool {
	ci, err := strconv.ParseBool(os.Getenv("CI"))
	return err == nil && ci
}
