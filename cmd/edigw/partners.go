package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"go.yaml.in/yaml/v3"

	"github.com/edigw/edigw"
)

// partnersFile is the partners file (--partners, EDIGW_PARTNERS): YAML,
// or JSON, which YAML reads too (decision 0010). Keys are the columns of
// trading_partners; unknown keys are refused, so a typo cannot silently
// fall back to a default.
type partnersFile struct {
	Partners []partnerEntry `yaml:"partners"`
}

type partnerEntry struct {
	Name              string `yaml:"name"`
	PayerID           string `yaml:"payer_id"`
	Prefix            string `yaml:"prefix"`
	OurISAQualifier   string `yaml:"our_isa_qualifier"`
	OurISAID          string `yaml:"our_isa_id"`
	OurGSID           string `yaml:"our_gs_id"`
	TheirISAQualifier string `yaml:"their_isa_qualifier"`
	TheirISAID        string `yaml:"their_isa_id"`
	TheirGSID         string `yaml:"their_gs_id"`
	Usage             string `yaml:"usage"`
	Ack999Within      string `yaml:"ack_999_within"`
	Ack277CAWithin    string `yaml:"ack_277ca_within"`
	Contact           string `yaml:"contact"`
}

// readPartnersFile reads and validates a partners file.
func readPartnersFile(path string) ([]edigw.TradingPartner, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var f partnersFile
	dec := yaml.NewDecoder(bytes.NewReader(b))
	dec.KnownFields(true)
	if err := dec.Decode(&f); err != nil && !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	var ps []edigw.TradingPartner
	var errs []error
	for i, e := range f.Partners {
		p := edigw.TradingPartner{Name: e.Name, PayerID: edigw.PayerID(e.PayerID), Prefix: e.Prefix,
			OurQualifier: e.OurISAQualifier, OurID: e.OurISAID, OurGroupID: e.OurGSID,
			TheirQualifier: e.TheirISAQualifier, TheirID: e.TheirISAID, TheirGroupID: e.TheirGSID,
			Usage: e.Usage, Contact: e.Contact}
		for _, d := range []struct {
			field, v string
			to       *time.Duration
		}{{"ack_999_within", e.Ack999Within, &p.Ack999Within}, {"ack_277ca_within", e.Ack277CAWithin, &p.Ack277CAWithin}} {
			if d.v == "" {
				continue
			}
			if *d.to, err = time.ParseDuration(d.v); err != nil {
				errs = append(errs, fmt.Errorf("%s: partner %d: %s %q: want a duration such as 24h", path, i+1, d.field, d.v))
			}
		}
		ps = append(ps, p.WithDefaults())
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if err := edigw.ValidatePartners(ps); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if len(ps) == 0 {
		return nil, fmt.Errorf("%s: no partners (want a list under \"partners:\")", path)
	}
	return ps, nil
}

// partnerLister is what loadPartners asks of the database (storage.DB).
type partnerLister interface {
	Partners(ctx context.Context) ([]edigw.TradingPartner, error)
}

// loadPartners returns the trading partners: those of the partners file
// when --partners names one, else those in the database. A gateway without
// partners would take claims it can never send: it is refused.
func (f *storeFlags) loadPartners(ctx context.Context, db partnerLister) ([]edigw.TradingPartner, error) {
	if f.partners != "" {
		ps, err := readPartnersFile(f.partners)
		if err != nil {
			return nil, &exitError{code: exitUnusable, err: fmt.Errorf("--partners: %w", err)}
		}
		return ps, nil
	}
	ps, err := db.Partners(ctx)
	if err != nil {
		return nil, err
	}
	for i := range ps {
		ps[i] = ps[i].WithDefaults()
	}
	if err := edigw.ValidatePartners(ps); err != nil {
		return nil, &exitError{code: exitUnusable, err: fmt.Errorf("trading partners in the database: %w", err)}
	}
	if len(ps) == 0 {
		return nil, &exitError{code: exitUnusable, err: errors.New("no trading partners: add one with \"edigw partner add\" or give --partners")}
	}
	return ps, nil
}
