package clearinghouse

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/edigw/edigw/internal/testenv"
)

// TestS3Smoke proves the test S3 server works end to end with the AWS SDK:
// bucket creation, put and get of an object, and the conditional put
// (If-None-Match: *) that write-once object stores rely on.
func TestS3Smoke(t *testing.T) {
	env := testenv.S3(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	cfg, err := config.LoadDefaultConfig(ctx,
		config.WithRegion(env.Region),
		config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider(env.AccessKeyID, env.SecretAccessKey, "")),
	)
	if err != nil {
		t.Fatalf("load AWS config: %v", err)
	}
	client := s3.NewFromConfig(cfg, func(o *s3.Options) {
		o.UsePathStyle = true
		o.BaseEndpoint = aws.String(env.Endpoint)
	})

	var suffix [6]byte
	if _, err := rand.Read(suffix[:]); err != nil {
		t.Fatal(err)
	}
	bucket := "edigw-smoke-" + hex.EncodeToString(suffix[:])
	if _, err := client.CreateBucket(ctx, &s3.CreateBucketInput{Bucket: aws.String(bucket)}); err != nil {
		t.Fatalf("create bucket %s: %v", bucket, err)
	}
	key := "inbound/2024/01/02/000000001.x12"
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		for _, k := range []string{key, key + ".new"} {
			if _, err := client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(bucket), Key: aws.String(k)}); err != nil {
				t.Errorf("cleanup: delete %s: %v", k, err)
			}
		}
		if _, err := client.DeleteBucket(ctx, &s3.DeleteBucketInput{Bucket: aws.String(bucket)}); err != nil {
			t.Errorf("cleanup: delete bucket: %v", err)
		}
	})

	body := []byte("ISA*00*          *00*          *ZZ*SENDER         *ZZ*RECEIVER       *240102*1200*^*00501*000000001*0*T*:~\n\x00\xff")
	if _, err := client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader(body),
	}); err != nil {
		t.Fatalf("put object: %v", err)
	}
	if got := get(ctx, t, client, bucket, key); !bytes.Equal(got, body) {
		t.Fatalf("get object returned %q, want %q", got, body)
	}

	// A conditional put on an existing key is refused with 412 and leaves
	// the object as it was.
	_, err = client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(bucket), Key: aws.String(key), Body: bytes.NewReader([]byte("overwritten")),
		IfNoneMatch: aws.String("*"),
	})
	var respErr *smithyhttp.ResponseError
	if !errors.As(err, &respErr) || respErr.HTTPStatusCode() != http.StatusPreconditionFailed {
		t.Fatalf("conditional put on an existing key: err = %v, want HTTP 412 Precondition Failed", err)
	}
	if got := get(ctx, t, client, bucket, key); !bytes.Equal(got, body) {
		t.Fatalf("after the refused conditional put the object is %q, want %q", got, body)
	}

	// The same conditional put on a new key succeeds.
	if _, err := client.PutObject(ctx, &s3.PutObjectInput{
		Bucket: aws.String(bucket), Key: aws.String(key + ".new"), Body: bytes.NewReader([]byte("new")),
		IfNoneMatch: aws.String("*"),
	}); err != nil {
		t.Fatalf("conditional put on a new key: %v", err)
	}
	if got := get(ctx, t, client, bucket, key+".new"); string(got) != "new" {
		t.Fatalf("get new key returned %q, want %q", got, "new")
	}
}

func get(ctx context.Context, t *testing.T, client *s3.Client, bucket, key string) []byte {
	t.Helper()
	out, err := client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(bucket), Key: aws.String(key)})
	if err != nil {
		t.Fatalf("get %s: %v", key, err)
	}
	defer out.Body.Close()
	b, err := io.ReadAll(out.Body)
	if err != nil {
		t.Fatalf("read %s: %v", key, err)
	}
	return b
}
