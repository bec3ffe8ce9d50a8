package storage

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/edigw/edigw"
)

const partnerColumns = `name, payer_id, object_prefix, our_isa_qualifier, our_isa_id, our_gs_id,
	their_isa_qualifier, their_isa_id, their_gs_id, usage,
	(extract(epoch FROM ack_999_within) * 1000000)::bigint, (extract(epoch FROM ack_277ca_within) * 1000000)::bigint, contact`

// Partners lists the trading partners by payer ID.
func (db *DB) Partners(ctx context.Context) ([]edigw.TradingPartner, error) {
	rows, err := db.pool.Query(ctx, "SELECT "+partnerColumns+" FROM trading_partners ORDER BY payer_id")
	if err != nil {
		return nil, fmt.Errorf("storage: partners: %w", err)
	}
	ps, err := pgx.CollectRows(rows, func(row pgx.CollectableRow) (edigw.TradingPartner, error) {
		var p edigw.TradingPartner
		var ack999, ack277 int64
		err := row.Scan(&p.Name, &p.PayerID, &p.Prefix, &p.OurQualifier, &p.OurID, &p.OurGroupID,
			&p.TheirQualifier, &p.TheirID, &p.TheirGroupID, &p.Usage, &ack999, &ack277, &p.Contact)
		p.Ack999Within, p.Ack277CAWithin = time.Duration(ack999)*time.Microsecond, time.Duration(ack277)*time.Microsecond
		return p, err
	})
	if err != nil {
		return nil, fmt.Errorf("storage: partners: %w", err)
	}
	return ps, nil
}

// AddPartner adds a trading partner, or replaces the one of its payer ID.
// Its payer is added too when it is new (named as the partner). The
// partner is validated first; a prefix or interchange ID another payer's
// partner has is refused.
func (db *DB) AddPartner(ctx context.Context, p edigw.TradingPartner) error {
	p = p.WithDefaults()
	if err := p.Validate(); err != nil {
		return err
	}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO payers (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING`, p.PayerID, p.Name); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `INSERT INTO trading_partners (payer_id, name, object_prefix,
				our_isa_qualifier, our_isa_id, our_gs_id, their_isa_qualifier, their_isa_id, their_gs_id, usage,
				ack_999_within, ack_277ca_within, contact)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 * interval '1 microsecond', $12 * interval '1 microsecond', $13)
			ON CONFLICT (payer_id) DO UPDATE SET name = excluded.name, object_prefix = excluded.object_prefix,
				our_isa_qualifier = excluded.our_isa_qualifier, our_isa_id = excluded.our_isa_id, our_gs_id = excluded.our_gs_id,
				their_isa_qualifier = excluded.their_isa_qualifier, their_isa_id = excluded.their_isa_id,
				their_gs_id = excluded.their_gs_id, usage = excluded.usage, ack_999_within = excluded.ack_999_within,
				ack_277ca_within = excluded.ack_277ca_within, contact = excluded.contact`,
			p.PayerID, p.Name, p.Prefix, p.OurQualifier, p.OurID, p.OurGroupID, p.TheirQualifier, p.TheirID, p.TheirGroupID,
			p.Usage, p.Ack999Within.Microseconds(), p.Ack277CAWithin.Microseconds(), p.Contact)
		return err
	})
	var pgErr *pgconn.PgError
	if errors.As(err, &pgErr) && pgErr.Code == "23505" {
		what := map[string]string{
			"trading_partners_object_prefix_key":                    "prefix " + p.Prefix,
			"trading_partners_isa_qualifier_isa_id_key":             "interchange ID " + p.TheirQualifier + ":" + p.TheirID,
			"trading_partners_their_isa_qualifier_their_isa_id_key": "interchange ID " + p.TheirQualifier + ":" + p.TheirID,
		}[pgErr.ConstraintName]
		if what == "" {
			what = pgErr.ConstraintName
		}
		return fmt.Errorf("storage: partner %q: another payer's partner has %s", p.Name, what)
	}
	if err != nil {
		return fmt.Errorf("storage: add partner %q: %w", p.Name, err)
	}
	return nil
}

// RemovePartner removes the trading partner of a payer; ErrNotFound when
// it has none. The payer, its records and its files stay.
func (db *DB) RemovePartner(ctx context.Context, payer edigw.PayerID) error {
	tag, err := db.pool.Exec(ctx, "DELETE FROM trading_partners WHERE payer_id = $1", payer)
	if err != nil {
		return fmt.Errorf("storage: remove partner %s: %w", payer, err)
	}
	if tag.RowsAffected() == 0 {
		return edigw.ErrNotFound
	}
	return nil
}
