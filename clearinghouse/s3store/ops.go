package s3store

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"

	"github.com/edigw/edigw"
)

// Get opens the object at key. The body streams from S3; a connection that
// breaks mid-way shows as a read error, not a retry.
func (s *Store) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := checkKey("get", key); err != nil {
		return nil, err
	}
	out, err := s.client.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String(s.bucket), Key: s.key(key)})
	if isNoSuchKey(err) {
		return nil, fmt.Errorf("s3store: get %q: %w", key, edigw.ErrObjectNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("s3store: get %q: %w", key, err)
	}
	return out.Body, nil
}

// List returns the objects whose keys start with prefix, in key order,
// reading every page of ListObjectsV2.
func (s *Store) List(ctx context.Context, prefix string) ([]edigw.Object, error) {
	var objs []edigw.Object
	pages := s3.NewListObjectsV2Paginator(s.client, &s3.ListObjectsV2Input{
		Bucket: aws.String(s.bucket),
		Prefix: aws.String(s.prefix + prefix),
	})
	for pages.HasMorePages() {
		page, err := pages.NextPage(ctx)
		if err != nil {
			return nil, fmt.Errorf("s3store: list %q: %w", prefix, err)
		}
		for _, o := range page.Contents {
			objs = append(objs, edigw.Object{
				Key:      strings.TrimPrefix(aws.ToString(o.Key), s.prefix),
				Size:     aws.ToInt64(o.Size),
				Modified: aws.ToTime(o.LastModified),
				ETag:     aws.ToString(o.ETag),
			})
		}
	}
	// S3 promises byte order (versitygw keeps it too); sort only if a
	// compatible server does not, since the interface promises key order.
	cmp := func(a, b edigw.Object) int { return strings.Compare(a.Key, b.Key) }
	if !slices.IsSortedFunc(objs, cmp) {
		slices.SortFunc(objs, cmp)
	}
	return objs, nil
}

// Move copies from to to and then deletes from, never replacing an object
// at to (edigw.ErrObjectExists, both left as they are). The copy goes
// through PutIfAbsent (If-None-Match: *) rather than a server-side
// CopyObject, whose If-None-Match S3-compatible servers such as versitygw
// ignore: the bytes pass through this process (spooled to disk past 8 MB).
// A crash in between leaves both, which callers allow for.
func (s *Store) Move(ctx context.Context, from, to string) error {
	if err := checkKey("move", from); err != nil {
		return err
	}
	if err := checkKey("move", to); err != nil {
		return err
	}
	body, err := s.Get(ctx, from)
	if err != nil {
		return fmt.Errorf("s3store: move %q to %q: %w", from, to, err)
	}
	defer body.Close()
	if from == to {
		return nil
	}
	if err := s.PutIfAbsent(ctx, to, body); err != nil {
		return fmt.Errorf("s3store: move %q to %q: %w", from, to, err)
	}
	if err := s.deleteObject(ctx, from); err != nil {
		return fmt.Errorf("s3store: move %q to %q: copied, then delete: %w", from, to, err)
	}
	return nil
}

// Delete removes the object at key; S3 answers an absent key with success.
func (s *Store) Delete(ctx context.Context, key string) error {
	if err := checkKey("delete", key); err != nil {
		return err
	}
	if err := s.deleteObject(ctx, key); err != nil {
		return fmt.Errorf("s3store: delete %q: %w", key, err)
	}
	return nil
}

func (s *Store) deleteObject(ctx context.Context, key string) error {
	_, err := s.client.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String(s.bucket), Key: s.key(key)})
	if err != nil && !isNoSuchKey(err) {
		return err
	}
	return nil
}

// copySource is the x-amz-copy-source value for bucket/key: URL-encoded,
// every byte but the unreserved ones and "/" escaped ("+" too, which some
// servers would read as a space).
func copySource(bucket, key string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.WriteString(bucket)
	b.WriteByte('/')
	for i := 0; i < len(key); i++ {
		c := key[i]
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9',
			c == '-', c == '_', c == '.', c == '~', c == '/':
			b.WriteByte(c)
		default:
			b.WriteByte('%')
			b.WriteByte(hex[c>>4])
			b.WriteByte(hex[c&15])
		}
	}
	return b.String()
}
