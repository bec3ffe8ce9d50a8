package storage

import (
	"context"
	"fmt"
)

// maxControlNumber is the largest ISA13, GS06 and ST02 (nine digits);
// the next one after it is 1.
const maxControlNumber = 999999999

// NextControlNumber allocates the next ISA13, GS06 or ST02 ("ISA", "GS",
// "ST") for an outbound sender and receiver, starting at 1: one atomic
// upsert, so concurrent callers (in any instance) never get the same
// number. After 999999999 the numbers start again at 1.
func (db *DB) NextControlNumber(ctx context.Context, kind, sender, receiver string) (int64, error) {
	switch kind {
	case "ISA", "GS", "ST":
	default:
		return 0, fmt.Errorf("storage: control number kind %q (want ISA, GS or ST)", kind)
	}
	var n int64
	err := db.pool.QueryRow(ctx, `INSERT INTO control_counters AS c (kind, sender, receiver, last) VALUES ($1, $2, $3, 1)
		ON CONFLICT (kind, sender, receiver) DO UPDATE
		SET last = CASE WHEN c.last >= $4 THEN 1 ELSE c.last + 1 END
		RETURNING last`, kind, trim(sender), trim(receiver), maxControlNumber).Scan(&n)
	if err != nil {
		return 0, wrap("next control number", err)
	}
	return n, nil
}
