package faults

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/edigw/edigw/clearinghouse/dirstore"
)

// echo serves lines back until the connection ends.
func echo(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	go func() {
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			go func() { _, _ = io.Copy(c, c); c.Close() }()
		}
	}()
	return ln.Addr().String()
}

func roundTrip(addr string) error {
	c, err := net.DialTimeout("tcp", addr, time.Second)
	if err != nil {
		return err
	}
	defer c.Close()
	_ = c.SetDeadline(time.Now().Add(2 * time.Second))
	if _, err := c.Write([]byte("ping\n")); err != nil {
		return err
	}
	line, err := bufio.NewReader(c).ReadString('\n')
	if err != nil {
		return err
	}
	if line != "ping\n" {
		return errors.New("echo answered " + line)
	}
	return nil
}

// TestProxyCutAndRestore: a cut ends open connections and refuses new
// ones; after Restore connections go through again.
func TestProxyCutAndRestore(t *testing.T) {
	p, err := NewProxy(echo(t))
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	if err := roundTrip(p.Addr()); err != nil {
		t.Fatalf("before the cut: %v", err)
	}
	open, err := net.Dial("tcp", p.Addr())
	if err != nil {
		t.Fatal(err)
	}
	defer open.Close()
	if _, err := open.Write([]byte("x\n")); err != nil {
		t.Fatal(err)
	}
	if _, err := bufio.NewReader(open).ReadString('\n'); err != nil {
		t.Fatal(err)
	}
	p.Cut()
	_ = open.SetReadDeadline(time.Now().Add(2 * time.Second))
	if _, err := open.Read(make([]byte, 1)); err == nil {
		t.Error("an open connection survived the cut")
	}
	if err := roundTrip(p.Addr()); err == nil {
		t.Error("a new connection went through a cut proxy")
	}
	p.Restore()
	if err := roundTrip(p.Addr()); err != nil {
		t.Errorf("after Restore: %v", err)
	}
}

// TestObjectsFaults: an outage fails the calls it matches, as many as it
// was given, and a Read hook ends a download where it says.
func TestObjectsFaults(t *testing.T) {
	dir, err := dirstore.New(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	out := NewOutage(2, func(op Op, _ string) bool { return op == Put })
	o := &Objects{ObjectStore: dir, Before: out.Before}
	for i, want := range []error{ErrOutage, ErrOutage, nil, nil} {
		if err := o.Put(ctx, "a/b", strings.NewReader("0123456789")); !errors.Is(err, want) {
			t.Errorf("put %d: %v, want %v", i, err, want)
		}
	}
	if out.Hits() != 2 || o.Puts()["a/b"] != 2 {
		t.Errorf("hits %d, puts %v", out.Hits(), o.Puts())
	}
	if _, err := o.List(ctx, "a/"); err != nil {
		t.Errorf("list during a put outage: %v", err)
	}
	cut := errors.New("connection reset")
	o.CutRead = func(string) (int64, error) { return 4, cut }
	body, err := o.Get(ctx, "a/b")
	if err != nil {
		t.Fatal(err)
	}
	defer body.Close()
	got, err := io.ReadAll(io.LimitReader(body, 100))
	if !errors.Is(err, cut) || string(got) != "0123" {
		t.Errorf("read %q, %v; want the download cut after 4 bytes", got, err)
	}
}
