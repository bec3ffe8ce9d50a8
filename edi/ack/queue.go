package ack

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"io"

	"github.com/edigw/edigw/internal/spool"
)

// queue holds acknowledgments (or 277CA bodies) in one spool, in order,
// until they may be written: the 277CA bodies of a functional group wait
// for its GE, the built acknowledgments of an interchange for its IEA. One
// spool and a header per entry, not a slice of buffers, keeps memory flat
// however many sets a group or an interchange holds.
type queue struct {
	data spool.Buffer
	n    int
	head []byte
}

// entry describes one queued acknowledgment or body.
type entry struct {
	kind, ref                      string
	segments                       int // a 277CA body's segments, for SE01
	claimsAccepted, claimsRejected int
	size                           int64
}

// add queues e with the bytes of body (e.size of them).
func (q *queue) add(e entry, body *spool.Buffer) error {
	e.size = body.Len()
	q.head = appendString(q.head[:0], e.kind)
	q.head = appendString(q.head, e.ref)
	for _, v := range [...]int64{int64(e.segments), int64(e.claimsAccepted), int64(e.claimsRejected), e.size} {
		q.head = binary.AppendUvarint(q.head, uint64(v))
	}
	if _, err := q.data.Write(q.head); err != nil {
		return err
	}
	if _, err := io.Copy(&q.data, body.Reader()); err != nil {
		return err
	}
	q.n++
	return q.data.Err()
}

// each calls f with every entry in order and a reader of its bytes, which
// f must read before returning (or not at all).
func (q *queue) each(f func(e entry, body io.Reader) error) error {
	if q.n == 0 {
		return nil
	}
	r := bufio.NewReaderSize(q.data.Reader(), 32<<10)
	for range q.n {
		var e entry
		var err error
		if e.kind, err = readString(r); err != nil {
			return fmt.Errorf("ack: reading back a held acknowledgment: %w", err)
		}
		if e.ref, err = readString(r); err != nil {
			return fmt.Errorf("ack: reading back a held acknowledgment: %w", err)
		}
		var v [4]uint64
		for i := range v {
			if v[i], err = binary.ReadUvarint(r); err != nil {
				return fmt.Errorf("ack: reading back a held acknowledgment: %w", err)
			}
		}
		e.segments, e.claimsAccepted, e.claimsRejected, e.size = int(v[0]), int(v[1]), int(v[2]), int64(v[3])
		body := io.LimitReader(r, e.size)
		if err := f(e, body); err != nil {
			return err
		}
		if _, err := io.Copy(io.Discard, body); err != nil { // what f left unread
			return fmt.Errorf("ack: reading back a held acknowledgment: %w", err)
		}
	}
	return nil
}

// reset empties the queue and frees its spool.
func (q *queue) reset() {
	q.data.Close()
	q.n = 0
}

// copySegments writes segments read from r (n of them, already in the
// writer's delimiters) into the open transaction set, a chunk at a time.
func copySegments(ew interface{ WriteSegments([]byte, int) error }, r io.Reader, n int, chunk *[]byte) error {
	if cap(*chunk) == 0 {
		*chunk = make([]byte, 32<<10)
	}
	buf := (*chunk)[:cap(*chunk)]
	for {
		k, err := r.Read(buf)
		if k > 0 {
			if werr := ew.WriteSegments(buf[:k], 0); werr != nil {
				return werr
			}
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
	}
	return ew.WriteSegments(nil, n)
}
