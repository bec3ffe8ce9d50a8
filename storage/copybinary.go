package storage

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"
)

// copyBinary loads want rows with COPY ... FROM STDIN (FORMAT binary),
// written here rather than by pgx's CopyFrom (claims, their lines, the
// staged events): a claim's 18 values and its lines' 13 went one by one
// through pgx's encoding plans (a lookup by type for each value, a pointer
// unwrapped for each nullable one), 0.36 s of CPU per 100,000 claims on
// the goroutine that feeds the load. The columns' types are few (text,
// bigint, integer, date, text[]) and their binary forms simple; next
// writes one row at a time into a buffer that goes to the server as it
// fills, so memory holds a buffer, not the rows, and reports whether it
// wrote one. A count other than want is an error.
// TestBinaryCopyStoresWhatPgxStores holds the stored values to pgx's.
func copyBinary(ctx context.Context, tx pgx.Tx, table string, columns []string, want int, next func(*binaryRow) bool) error {
	src := &binaryRows{next: next}
	src.row.b = append(make([]byte, 0, copyBufferSize+4096), "PGCOPY\n\xff\r\n\x00\x00\x00\x00\x00\x00\x00\x00\x00"...)
	tag, err := tx.Conn().PgConn().CopyFrom(ctx, src,
		"COPY "+table+" ("+strings.Join(columns, ", ")+") FROM STDIN (FORMAT binary)")
	if err == nil && tag.RowsAffected() != int64(want) {
		err = fmt.Errorf("%s: %d of %d rows copied", table, tag.RowsAffected(), want)
	}
	return err
}

// copyEach is copyBinary of n rows, row writing the i-th's fields after
// their count.
func copyEach(ctx context.Context, tx pgx.Tx, table string, columns []string, n int, row func(r *binaryRow, i int)) error {
	i := 0
	return copyBinary(ctx, tx, table, columns, n, func(r *binaryRow) bool {
		if i == n {
			return false
		}
		r.fields(len(columns))
		row(r, i)
		i++
		return true
	})
}

// copyBufferSize is how much a binary COPY writes at a time.
const copyBufferSize = 64 << 10

// binaryRows is the COPY's stream: the header, the rows, the trailer.
type binaryRows struct {
	next  func(*binaryRow) bool
	row   binaryRow
	off   int
	ended bool
}

func (s *binaryRows) Read(p []byte) (int, error) {
	if s.off == len(s.row.b) {
		s.row.b, s.off = s.row.b[:0], 0
		for !s.ended && len(s.row.b) < copyBufferSize {
			if !s.next(&s.row) {
				s.row.b = binary.BigEndian.AppendUint16(s.row.b, 0xffff) // the trailer: -1
				s.ended = true
			}
		}
		if len(s.row.b) == 0 {
			return 0, io.EOF
		}
	}
	n := copy(p, s.row.b[s.off:])
	s.off += n
	return n, nil
}

// binaryRow appends one row's fields in PostgreSQL's binary COPY format:
// a field count, then each field's length (-1: NULL) and bytes.
type binaryRow struct{ b []byte }

func (r *binaryRow) fields(n int) { r.b = binary.BigEndian.AppendUint16(r.b, uint16(n)) }

func (r *binaryRow) null() { r.b = binary.BigEndian.AppendUint32(r.b, 0xffffffff) }

func (r *binaryRow) text(s string) {
	r.b = binary.BigEndian.AppendUint32(r.b, uint32(len(s)))
	r.b = append(r.b, s...)
}

// textOrNull is NULL for an empty string (an optional value not given).
func (r *binaryRow) textOrNull(s string) {
	if s == "" {
		r.null()
		return
	}
	r.text(s)
}

func (r *binaryRow) bytes(b []byte) {
	r.b = binary.BigEndian.AppendUint32(r.b, uint32(len(b)))
	r.b = append(r.b, b...)
}

func (r *binaryRow) int8(v int64) {
	r.b = binary.BigEndian.AppendUint32(r.b, 8)
	r.b = binary.BigEndian.AppendUint64(r.b, uint64(v))
}

func (r *binaryRow) int8OrNull(v *int64) {
	if v == nil {
		r.null()
		return
	}
	r.int8(*v)
}

func (r *binaryRow) int4(v int32) {
	r.b = binary.BigEndian.AppendUint32(r.b, 4)
	r.b = binary.BigEndian.AppendUint32(r.b, uint32(v))
}

// date is a date as days since 2000-01-01; NULL when not Valid.
func (r *binaryRow) date(d pgtype.Date) {
	if !d.Valid {
		r.null()
		return
	}
	const epoch2000 = 10957 // days from 1970-01-01 to 2000-01-01
	days := d.Time.Unix()/86400 - epoch2000
	r.b = binary.BigEndian.AppendUint32(r.b, 4)
	r.b = binary.BigEndian.AppendUint32(r.b, uint32(int32(days)))
}

// textArray is a one-dimensional text[] (pgx's encoding: nil is NULL, an
// empty slice the empty array).
func (r *binaryRow) textArray(vs []string) {
	if vs == nil {
		r.null()
		return
	}
	const textOID = 25
	size := 12
	if len(vs) > 0 {
		size += 8
		for _, v := range vs {
			size += 4 + len(v)
		}
	}
	r.b = binary.BigEndian.AppendUint32(r.b, uint32(size))
	if len(vs) == 0 {
		r.b = binary.BigEndian.AppendUint32(r.b, 0) // no dimension
		r.b = binary.BigEndian.AppendUint32(r.b, 0) // no NULL
		r.b = binary.BigEndian.AppendUint32(r.b, textOID)
		return
	}
	r.b = binary.BigEndian.AppendUint32(r.b, 1)
	r.b = binary.BigEndian.AppendUint32(r.b, 0)
	r.b = binary.BigEndian.AppendUint32(r.b, textOID)
	r.b = binary.BigEndian.AppendUint32(r.b, uint32(len(vs)))
	r.b = binary.BigEndian.AppendUint32(r.b, 1) // lower bound
	for _, v := range vs {
		r.text(v)
	}
}
