package storage

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/edigw/edigw"
)

// Matching answers to the records they are about (docs/clearinghouse.md,
// Matching rules). A patient control number or a trace number is chosen by
// the provider, and any provider may choose another's: so an answer is
// matched inside the partner it came from and the provider it names, and
// only when that leaves exactly one record. An answer that matches nothing,
// or more than one record, changes nothing: it is stored, counted
// (IngestResult.Unmatched) and reported to operators by an event naming the
// file, never attached to a guess.

// claimQuery is what an answer (a 277CA claim, an 835 claim payment) says
// of the claim it is about.
type claimQuery struct {
	payer edigw.PayerID
	pcn   string // CLM01 as the answer repeats it (2200D TRN02, CLP01)
	// The billing provider the answer names (2000C; the 835's payee):
	// each identifier given must be the claim's, and one must be given.
	npi, tin string
	// The 837's envelope as the answer gives it, the answer's ISA06 and
	// ISA08 swapped: the claim must have gone from us to partner (in an
	// interchange edigw sent, or one it received). An 835 carries no
	// envelope into its records: anyEnvelope is then set, and the partner
	// is the payer of the file the answer came in (ingest.matchPayer).
	partner, us string
	anyEnvelope bool
	// Only to tell apart claims that match otherwise equally (the same
	// claim number sent again): an 835's CLP07 (the payer claim number a
	// 277CA recorded) and a 277CA's 2200B TRN02 (the 837's BHT03, which is
	// the set's ST02 in the 837s edigw writes).
	payerClaimNumber string
	batch            string
}

// Why an answer matched no claim.
const (
	missNone      = "unmatched" // no record
	missAmbiguous = "ambiguous" // more than one record
)

// candidate is a claim an answer may be about.
type candidate struct {
	*lockedClaim
	payerClaimNumber, set string
}

// matchClaims finds the one claim each query is about and locks the
// candidates (in ID order, so that concurrent ingests do not deadlock).
// found[i] is nil when query i matched no claim or several (miss[i] says
// which); queries that find the same claim share its lockedClaim, so that
// a claim named twice moves on from the status the first answer gave it.
func matchClaims(ctx context.Context, tx pgx.Tx, qs []claimQuery) (found []*lockedClaim, miss []string, err error) {
	found, miss = make([]*lockedClaim, len(qs)), make([]string, len(qs))
	if len(qs) == 0 {
		return found, miss, nil
	}
	ords := make([]int32, len(qs))
	payers, pcns, npis, tins := make([]string, len(qs)), make([]string, len(qs)), make([]string, len(qs)), make([]string, len(qs))
	partners, uss, anys := make([]string, len(qs)), make([]string, len(qs)), make([]bool, len(qs))
	for i, q := range qs {
		ords[i] = int32(i)
		payers[i], pcns[i], npis[i], tins[i] = string(q.payer), q.pcn, strings.TrimSpace(q.npi), strings.TrimSpace(q.tin)
		partners[i], uss[i], anys[i] = strings.TrimSpace(q.partner), strings.TrimSpace(q.us), q.anyEnvelope
	}
	// A claim edigw sent names its interchange; one it received was in an
	// inbound file, whose interchanges are its envelopes. A claim still
	// queued has gone nowhere: nothing answers it.
	rows, err := tx.Query(ctx, `
		SELECT k.ord, c.id, c.status, coalesce(c.billing_tin, ''), coalesce(c.billing_npi, ''),
			coalesce(c.payer_claim_number, ''), coalesce(c.set_number, '')
		FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::bool[])
			AS k (ord, payer, pcn, npi, tin, partner, us, any_envelope)
		JOIN claims c ON c.payer_id = k.payer AND c.patient_control_number = k.pcn
		WHERE (k.npi <> '' OR k.tin <> '')
		  AND (k.npi = '' OR c.billing_npi = k.npi) AND (k.tin = '' OR c.billing_tin = k.tin)
		  AND (k.any_envelope AND (c.interchange_id IS NOT NULL OR c.direction = 'inbound')
		    OR EXISTS (SELECT 1 FROM interchanges i WHERE i.id = c.interchange_id
		        AND i.receiver_id = k.partner AND i.sender_id = k.us)
		    OR c.interchange_id IS NULL AND c.direction = 'inbound' AND EXISTS (SELECT 1 FROM interchanges i
		        WHERE i.file_id = c.file_id AND i.direction = 'inbound' AND i.receiver_id = k.partner AND i.sender_id = k.us))
		ORDER BY c.id FOR UPDATE OF c`, ords, payers, pcns, npis, tins, partners, uss, anys)
	if err != nil {
		return nil, nil, fmt.Errorf("claims by control number: %w", err)
	}
	defer rows.Close()
	byID := map[int64]*lockedClaim{}
	cands := make([][]candidate, len(qs))
	for rows.Next() {
		var ord int32
		var id int64
		c := candidate{lockedClaim: &lockedClaim{}}
		if err := rows.Scan(&ord, &id, &c.status, &c.tin, &c.npi, &c.payerClaimNumber, &c.set); err != nil {
			return nil, nil, err
		}
		if known, ok := byID[id]; ok {
			c.lockedClaim = known
		} else {
			c.id = id
			byID[id] = c.lockedClaim
		}
		cands[ord] = append(cands[ord], c)
	}
	if err := rows.Err(); err != nil {
		return nil, nil, err
	}
	for i, q := range qs {
		c := narrow(cands[i], q)
		switch {
		case len(c) == 1:
			found[i] = c[0].lockedClaim
		case len(c) == 0:
			miss[i] = missNone
		default:
			miss[i] = missAmbiguous
		}
	}
	return found, miss, nil
}

// narrow keeps, of several candidates, those the answer's disambiguating
// numbers name, when they name exactly one; otherwise the candidates stay
// as they are (and the answer is ambiguous).
func narrow(cs []candidate, q claimQuery) []candidate {
	if len(cs) < 2 {
		return cs
	}
	keep := func(ok func(candidate) bool) []candidate {
		var out []candidate
		for _, c := range cs {
			if ok(c) {
				out = append(out, c)
			}
		}
		return out
	}
	if q.payerClaimNumber != "" {
		if c := keep(func(c candidate) bool { return c.payerClaimNumber == q.payerClaimNumber }); len(c) == 1 {
			return c
		}
	}
	if b := strings.TrimLeft(q.batch, "0"); b != "" {
		if c := keep(func(c candidate) bool { return c.set != "" && strings.TrimLeft(c.set, "0") == b }); len(c) == 1 {
			return c
		}
	}
	return cs
}

// matchPayer is the payer an answer's records are matched under: the
// payer of the partner whose prefix the file came in (edigw.File.PayerID),
// which no record in the file can change; the record's own payer only
// when the file has none (a file ingested outside the pipeline).
func (in *ingest) matchPayer(recordPayer edigw.PayerID) edigw.PayerID {
	if in.payer != "" {
		return in.payer
	}
	return recordPayer
}

// unmatched counts an answer that changed nothing and returns the
// operators' event about it: about the file (its ledger ID) or the stored
// record holding the answer (a remittance), the answer named by its
// envelope or its place, no provider (so no scoped token sees it) and no
// value from inside the set.
func (in *ingest) unmatched(kind edigw.EventKind, payer edigw.PayerID, subject string, subjectID int64, reference, why string) event {
	in.res.Unmatched++
	return event{kind: kind, payer: payer, subject: subject, subjectID: subjectID, reference: reference, status: why}
}

// subjectFile is the subject of the events about a file as a whole.
const subjectFile = "file"

// audience collects the providers whose records a file answers, to be
// written to file_audience in the ingest's transaction.
type audience map[audienceRow]struct{}

type audienceRow struct{ subject, tin, npi string }

func (a audience) add(subject, tin, npi string) { a[audienceRow{subject, tin, npi}] = struct{}{} }

// unattributed marks the file as answering a record edigw could not find:
// nobody's but the operators'.
func (a audience) unattributed(subject string) { a.add(subject, "", "") }

// save writes the rows (once each: file_audience's key ignores repeats).
func (a audience) save(ctx context.Context, tx pgx.Tx, fileID int64) error {
	if len(a) == 0 {
		return nil
	}
	var subjects, tins, npis []string
	for r := range a {
		subjects, tins, npis = append(subjects, r.subject), append(tins, r.tin), append(npis, r.npi)
	}
	_, err := tx.Exec(ctx, `INSERT INTO file_audience (file_id, subject, tin, npi)
		SELECT $1, s, t, n FROM unnest($2::text[], $3::text[], $4::text[]) AS u (s, t, n)
		ON CONFLICT DO NOTHING`, fileID, subjects, tins, npis)
	if err != nil {
		return fmt.Errorf("file audience: %w", err)
	}
	return nil
}
