package edigw

import (
	"context"
	"errors"
	"io"
	"time"
)

// ObjectStore is where clearinghouse files live: S3 in production, a local
// directory by default. Keys are slash-separated paths such as
// "cigna-62308/inbound/claims-0001.x12". Implementations are safe for
// concurrent use by several edigw instances.
type ObjectStore interface {
	// List returns the objects whose keys start with prefix, in key order.
	List(ctx context.Context, prefix string) ([]Object, error)
	// Get opens an object for reading; ErrObjectNotFound when absent.
	Get(ctx context.Context, key string) (io.ReadCloser, error)
	// Put writes an object whole, replacing any object at key. A reader
	// never sees a partial object.
	Put(ctx context.Context, key string, r io.Reader) error
	// PutIfAbsent writes an object only if none exists at key (S3
	// If-None-Match: *); ErrObjectExists when one does. It is what makes
	// a key a lease or a write-once record.
	PutIfAbsent(ctx context.Context, key string, r io.Reader) error
	// Move copies an object to a new key and then deletes the old one;
	// ErrObjectNotFound when from is absent, ErrObjectExists (both left
	// as they are) when an object is at to: it never replaces one. It is
	// not atomic: a crash in between leaves both, and callers treat a
	// copy that exists as done.
	Move(ctx context.Context, from, to string) error
	// Delete removes an object; deleting an absent object is not an error.
	Delete(ctx context.Context, key string) error
}

// Object describes one stored object.
type Object struct {
	Key      string
	Size     int64
	Modified time.Time
	ETag     string // opaque version tag, when the store has one
}

var (
	ErrObjectNotFound = errors.New("edigw: object not found")
	ErrObjectExists   = errors.New("edigw: object already exists")
)
