package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// ingest is one inbound file's transaction (edigw.Ingest).
type ingest struct {
	tx     pgx.Tx
	fileID int64
	dir    edigw.Direction
	payer  edigw.PayerID // the file's partner's: answers match inside it (matching.go)
	// file is the caller's entry: its Kind, known only once the file is
	// read, is recorded at Commit.
	file   *edigw.File
	events eventStage
	res    edigw.IngestResult
	done   bool
	// ackOrdinal numbers the file's acknowledgments across batches.
	ackOrdinal int
	// now is when the file was taken in (DB.Now): the lifecycle's receipt
	// and decision time of the records it carries.
	now time.Time
	// claimProviders are the billing providers of the claims added, each
	// once (IngestResult.ClaimProviders).
	claimProviders map[edigw.Provider]bool
}

// BeginIngest opens the transaction of one inbound file and enters the
// file in the ledger inside it (f.ID is set; the row becomes visible,
// committed, with the records). The file's digest is given at Commit,
// and its kind (f.Kind) is recorded as f holds it then: the sets a file
// carries are known once it is read.
func (db *DB) BeginIngest(ctx context.Context, f *edigw.File) (edigw.Ingest, error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return nil, wrap("begin ingest", err)
	}
	entry := *f
	if entry.Direction == "" {
		entry.Direction = edigw.Inbound
	}
	entry.Status = edigw.FileCommitted
	entry.SHA256, entry.Size = "", 0 // known at Commit
	id, created, err := insertFile(ctx, tx, &entry)
	if err != nil {
		_ = tx.Rollback(context.Background())
		return nil, wrap("begin ingest", err)
	}
	f.ID, f.CreatedAt = id, created
	return &ingest{tx: tx, fileID: id, dir: entry.Direction, payer: entry.PayerID, file: f, res: edigw.IngestResult{FileID: id},
		now: db.now()}, nil
}

func (in *ingest) check() error {
	if in.done {
		return errors.New("storage: the ingest has ended")
	}
	return nil
}

// Interchange enters an ISA in the ledger; edigw.ErrDuplicateInterchange
// when the same direction, sender, receiver and ISA13 are there (also
// when another ingest holding them commits while this one waits).
func (in *ingest) Interchange(ctx context.Context, ic edigw.Interchange) error {
	if err := in.check(); err != nil {
		return err
	}
	_, err := insertInterchange(ctx, in.tx, in.dir, in.interchangePayer(), ic, in.fileID)
	return err
}

// interchangePayer is the payer an inbound interchange is entered under.
func (in *ingest) interchangePayer() edigw.PayerID {
	if in.dir == edigw.Outbound {
		return ""
	}
	return in.payer
}

// insertInterchange adds an interchange to the ledger and returns its ID.
// payer is the partner's payer for an inbound interchange (” outbound):
// an interchange is a duplicate only of one from the same partner
// (migration 0013).
func insertInterchange(ctx context.Context, q querier, d edigw.Direction, payer edigw.PayerID, ic edigw.Interchange, fileID int64) (int64, error) {
	var id int64
	err := q.QueryRow(ctx, `INSERT INTO interchanges
		(direction, payer_id, sender_qualifier, sender_id, receiver_qualifier, receiver_id, control_number, file_id)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
		ON CONFLICT ON CONSTRAINT interchanges_once DO NOTHING RETURNING id`,
		d, string(payer), trim(ic.SenderQualifier), trim(ic.SenderID), trim(ic.ReceiverQualifier), trim(ic.ReceiverID),
		trim(ic.ControlNumber), fileID).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, edigw.ErrDuplicateInterchange
	}
	if err != nil {
		return 0, wrap("interchange", err) // its message may quote the identifiers PostgreSQL refused
	}
	return id, nil
}

// InterchangeFile returns the file that entered an inbound interchange
// from the partner of payer.
func (db *DB) InterchangeFile(ctx context.Context, payer edigw.PayerID, ic edigw.Interchange) (int64, error) {
	var id int64
	err := db.pool.QueryRow(ctx, `SELECT file_id FROM interchanges WHERE direction = 'inbound' AND payer_id = $1
		AND sender_qualifier = $2 AND sender_id = $3 AND receiver_qualifier = $4 AND receiver_id = $5 AND control_number = $6`,
		string(payer), trim(ic.SenderQualifier), trim(ic.SenderID), trim(ic.ReceiverQualifier), trim(ic.ReceiverID),
		trim(ic.ControlNumber)).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return 0, edigw.ErrNotFound
	}
	return id, wrap("interchange file", err)
}

// trim drops the padding of fixed-width ISA fields: the ledger keeps
// values. An identifier holding bytes outside printable ASCII (which the
// envelope check refuses with a TA1 before it gets here) is stored with
// those bytes as \xHH escapes: PostgreSQL text takes neither invalid
// UTF-8 nor NUL, and a file must never fail on the bytes of its envelope.
func trim(s string) string { return escapeBytes(strings.TrimSpace(s)) }

func escapeBytes(s string) string {
	i := 0
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x7e {
		i++
	}
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.WriteString(s[:i])
	for ; i < len(s); i++ {
		if c := s[i]; c >= 0x20 && c <= 0x7e && c != '\\' {
			b.WriteByte(c)
		} else {
			fmt.Fprintf(&b, `\x%02x`, c)
		}
	}
	return b.String()
}

// Commit records the file's digest and size, moves the staged events to
// the feed and commits. A committed or archived inbound file with the
// same digest makes it roll back with edigw.ErrDuplicateFile.
func (in *ingest) Commit(ctx context.Context, sha256 string, size int64) (*edigw.IngestResult, error) {
	if err := in.check(); err != nil {
		return nil, err
	}
	err := in.commit(ctx, sha256, size)
	if err != nil {
		in.done = true
		_ = in.tx.Rollback(context.Background())
		if isUniqueViolation(err, "files_committed_sha256") {
			return nil, edigw.ErrDuplicateFile
		}
		return nil, wrap("commit", err)
	}
	in.done = true
	res := in.res
	res.Events = in.events.count
	return &res, nil
}

func (in *ingest) commit(ctx context.Context, sha256 string, size int64) error {
	// A unique index settles races; this look first spares the common
	// case an aborted statement.
	var dup bool
	if err := in.tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM files WHERE direction = $1 AND sha256 = $2
		AND status IN ('committed', 'archived') AND id <> $3)`, in.dir, sha256, in.fileID).Scan(&dup); err != nil {
		return err
	}
	if dup {
		return edigw.ErrDuplicateFile
	}
	// Waits for a concurrent ingest of the same content, then fails on
	// the unique index if that one committed.
	if _, err := in.tx.Exec(ctx, "UPDATE files SET sha256 = $2, size = $3, kind = coalesce(nullif($4, ''), kind) WHERE id = $1",
		in.fileID, nullable(sha256), size, in.file.Kind); err != nil {
		return err
	}
	if err := in.events.flush(ctx, in.tx); err != nil {
		return err
	}
	if testHookBeforeCommit != nil {
		testHookBeforeCommit()
	}
	return in.tx.Commit(ctx)
}

// testHookBeforeCommit, when set by a test, runs between handing out
// event IDs and COMMIT: the window a gap in the feed would come from.
var testHookBeforeCommit func()

// Rollback abandons the ingest; it is harmless after Commit.
func (in *ingest) Rollback(ctx context.Context) error {
	if in.done {
		return nil
	}
	in.done = true
	err := in.tx.Rollback(ctx)
	if errors.Is(err, pgx.ErrTxClosed) {
		return nil
	}
	return wrap("rollback", err)
}
