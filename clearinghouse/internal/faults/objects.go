// Package faults breaks things on purpose for the clearinghouse's tests: an
// object store whose calls fail or stop where a test says, a record store
// whose ingests stop at a chosen step, and a TCP proxy that cuts a
// database's connections and lets them back.
package faults

import (
	"context"
	"io"
	"sync"

	"github.com/edigw/edigw"
)

// Op names an object-store call.
type Op string

const (
	List        Op = "list"
	Get         Op = "get"
	Put         Op = "put"
	PutIfAbsent Op = "put-if-absent"
	Move        Op = "move"
	Delete      Op = "delete"
)

// Objects wraps an object store. Before runs ahead of every call: an error
// it returns is the call's (the store is not reached), and it may block (a
// process to be killed there). CutRead, when set, is asked at each Get:
// when it returns an error, the body gives the first at bytes and then
// that error (a connection lost mid-download). After runs once a get,
// write or move succeeded (a server to be stopped while a body streams, a
// process to be killed right after a write). Puts counts the calls that
// wrote.
type Objects struct {
	edigw.ObjectStore
	Before  func(op Op, key string) error
	After   func(op Op, key string)
	CutRead func(key string) (at int64, err error)

	mu   sync.Mutex
	puts map[string]int
}

func (o *Objects) before(op Op, key string) error {
	if o.Before == nil {
		return nil
	}
	return o.Before(op, key)
}

func (o *Objects) List(ctx context.Context, prefix string) ([]edigw.Object, error) {
	if err := o.before(List, prefix); err != nil {
		return nil, err
	}
	return o.ObjectStore.List(ctx, prefix)
}

func (o *Objects) Get(ctx context.Context, key string) (io.ReadCloser, error) {
	if err := o.before(Get, key); err != nil {
		return nil, err
	}
	body, err := o.ObjectStore.Get(ctx, key)
	if err == nil {
		o.after(Get, key)
	}
	if err != nil || o.CutRead == nil {
		return body, err
	}
	at, cut := o.CutRead(key)
	if cut == nil {
		return body, nil
	}
	return &cutBody{ReadCloser: body, left: at, err: cut}, nil
}

func (o *Objects) Put(ctx context.Context, key string, r io.Reader) error {
	if err := o.before(Put, key); err != nil {
		return err
	}
	err := o.ObjectStore.Put(ctx, key, r)
	if err == nil {
		o.count(key)
		o.after(Put, key)
	}
	return err
}

func (o *Objects) PutIfAbsent(ctx context.Context, key string, r io.Reader) error {
	if err := o.before(PutIfAbsent, key); err != nil {
		return err
	}
	err := o.ObjectStore.PutIfAbsent(ctx, key, r)
	if err == nil {
		o.count(key)
		o.after(PutIfAbsent, key)
	}
	return err
}

func (o *Objects) Move(ctx context.Context, from, to string) error {
	if err := o.before(Move, from); err != nil {
		return err
	}
	err := o.ObjectStore.Move(ctx, from, to)
	if err == nil {
		o.after(Move, from)
	}
	return err
}

func (o *Objects) after(op Op, key string) {
	if o.After != nil {
		o.After(op, key)
	}
}

func (o *Objects) Delete(ctx context.Context, key string) error {
	if err := o.before(Delete, key); err != nil {
		return err
	}
	err := o.ObjectStore.Delete(ctx, key)
	if err == nil {
		o.after(Delete, key)
	}
	return err
}

func (o *Objects) count(key string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.puts == nil {
		o.puts = map[string]int{}
	}
	o.puts[key]++
}

// Puts returns how many times each key was written through this wrapper.
func (o *Objects) Puts() map[string]int {
	o.mu.Lock()
	defer o.mu.Unlock()
	out := make(map[string]int, len(o.puts))
	for k, n := range o.puts {
		out[k] = n
	}
	return out
}

type cutBody struct {
	io.ReadCloser
	left int64
	err  error
}

func (b *cutBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		return 0, b.err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.ReadCloser.Read(p)
	b.left -= int64(n)
	return n, err
}

// Outage is a Before for Objects (or anything keyed by calls) that fails
// calls while it is down: the first Fail calls after Start, or until Up.
type Outage struct {
	mu    sync.Mutex
	left  int // calls still to fail; -1: until Up
	hits  int // calls failed
	match func(Op, string) bool
}

// ErrOutage is what a failed call returns: a retryable failure, as a
// network error or a 503 from S3 would be.
var ErrOutage = outageError{}

type outageError struct{}

func (outageError) Error() string { return "faults: service unavailable (injected)" }

// NewOutage fails the next n calls that match (all calls when match is
// nil); n < 0 fails them until Up.
func NewOutage(n int, match func(Op, string) bool) *Outage {
	return &Outage{left: n, match: match}
}

// Before fails the call while the outage lasts.
func (o *Outage) Before(op Op, key string) error {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.left == 0 || (o.match != nil && !o.match(op, key)) {
		return nil
	}
	if o.left > 0 {
		o.left--
	}
	o.hits++
	return ErrOutage
}

// Up ends the outage.
func (o *Outage) Up() {
	o.mu.Lock()
	o.left = 0
	o.mu.Unlock()
}

// Hits returns how many calls failed.
func (o *Outage) Hits() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.hits
}
