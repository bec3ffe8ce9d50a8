// Package s3store is an edigw.ObjectStore on an S3 bucket (AWS S3 or any
// S3-compatible server such as versitygw), through aws-sdk-go-v2.
//
// Credentials come from the standard AWS chain (environment variables,
// shared config, instance roles). Requests that fail with a retryable error
// (throttling, 5xx, connection resets) are retried by the SDK's standard
// retryer, with backoff, up to MaxAttempts attempts in all.
package s3store

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3/types"

	"github.com/edigw/edigw"
)

// MaxAttempts is how many times one request is tried before its error is
// returned.
const MaxAttempts = 5

// Config says which bucket to use and how to reach it.
type Config struct {
	Bucket string
	// Prefix is put before every key, so several stores can share a bucket;
	// a "/" is added when it does not end with one. Keys in List results
	// are without it.
	Prefix string
	// Endpoint is the S3 URL, e.g. http://127.0.0.1:7070. When empty the
	// SDK's own resolution applies: AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL,
	// the shared config, then AWS's endpoint for the region.
	Endpoint string
	// Region; when empty, AWS_REGION or the shared config.
	Region string
	// UsePathStyle addresses the bucket in the path (http://host/bucket/key)
	// instead of the host name; most S3-compatible servers need it.
	UsePathStyle bool
	// CreateBucket creates the bucket when it does not exist (tests and
	// `make run`; production buckets are made by their owners).
	CreateBucket bool
	// SpoolDir is where Put buffers a stream of unknown length larger than
	// 8 MB before sending it; the system temp directory when empty.
	SpoolDir string
}

// Store is a bucket (or a prefix of one) of objects. It is safe for
// concurrent use.
type Store struct {
	client *s3.Client
	// conditionalRetryer retries PutIfAbsent's requests; see there.
	conditionalRetryer aws.Retryer
	headFirst          int64 // headFirstSize; tests raise it
	bucket             string
	prefix             string
	spoolDir           string
}

var _ edigw.ObjectStore = (*Store)(nil)

// New connects to the bucket in cfg, creating it when cfg.CreateBucket is
// set and it is missing. Without CreateBucket no request is made: a wrong
// bucket shows at the first operation.
func New(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Bucket == "" {
		return nil, errors.New("s3store: no bucket")
	}
	opts := []func(*config.LoadOptions) error{config.WithRetryMaxAttempts(MaxAttempts)}
	if cfg.Region != "" {
		opts = append(opts, config.WithRegion(cfg.Region))
	}
	awsCfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("s3store: load AWS config: %w", err)
	}
	if awsCfg.Region == "" {
		return nil, errors.New("s3store: no region: set Config.Region or AWS_REGION")
	}
	client := s3.NewFromConfig(awsCfg, func(o *s3.Options) {
		if cfg.Endpoint != "" {
			o.BaseEndpoint = aws.String(cfg.Endpoint)
		}
		o.UsePathStyle = cfg.UsePathStyle
	})
	prefix := cfg.Prefix
	if prefix != "" && !strings.HasSuffix(prefix, "/") {
		prefix += "/"
	}
	s := &Store{client: client, conditionalRetryer: newConditionalRetryer(), headFirst: headFirstSize, bucket: cfg.Bucket, prefix: prefix, spoolDir: cfg.SpoolDir}
	if cfg.CreateBucket {
		if err := s.ensureBucket(ctx, awsCfg.Region); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// ensureBucket creates the bucket unless it exists. Two stores starting
// together may both try; the loser's BucketAlreadyOwnedByYou is success.
func (s *Store) ensureBucket(ctx context.Context, region string) error {
	_, err := s.client.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: aws.String(s.bucket)})
	if err == nil {
		return nil
	}
	if !hasCode(err, "NotFound", "NoSuchBucket") {
		return fmt.Errorf("s3store: head bucket %s: %w", s.bucket, err)
	}
	in := &s3.CreateBucketInput{Bucket: aws.String(s.bucket)}
	// us-east-1 is the one region that refuses a location constraint.
	if region != "us-east-1" {
		in.CreateBucketConfiguration = &types.CreateBucketConfiguration{
			LocationConstraint: types.BucketLocationConstraint(region),
		}
	}
	if _, err := s.client.CreateBucket(ctx, in); err != nil && !hasCode(err, "BucketAlreadyOwnedByYou") {
		return fmt.Errorf("s3store: create bucket %s: %w", s.bucket, err)
	}
	return nil
}

// key is the S3 key of an edigw key.
func (s *Store) key(k string) *string { return aws.String(s.prefix + k) }

// checkKey refuses the empty key, which S3 cannot store. Other keys are
// taken as they are.
func checkKey(op, key string) error {
	if key == "" {
		return fmt.Errorf("s3store: %s: empty key", op)
	}
	return nil
}
