package main

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/storage"
)

func newPartnerCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "partner",
		Short: "List, show, add and remove trading partners (the trading_partners table)",
		Long: `A trading partner is one payer's agreement: the ISA and GS IDs on both sides,
the object-store prefix its files live under, ISA15 (P production or T test)
on what edigw sends it, how soon its 999 and 277CA are due, and a contact.
serve and replay read the partners from the database, or from a partners file
given with --partners (see docs/operations.md).`,
	}
	c.AddCommand(newPartnerListCmd(), newPartnerShowCmd(), newPartnerAddCmd(), newPartnerRemoveCmd())
	return c
}

func newPartnerListCmd() *cobra.Command {
	var sf storeFlags
	c := &cobra.Command{
		Use:   "list",
		Short: "List the trading partners (of the database, or of the --partners file, which it checks)",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			var ps []edigw.TradingPartner
			var err error
			if sf.partners != "" {
				ps, err = sf.loadPartners(c.Context(), nil)
			} else {
				ps, err = readDatabase(c.Context(), &sf, func(db *storage.DB) ([]edigw.TradingPartner, error) { return db.Partners(c.Context()) })
			}
			if err != nil {
				return err
			}
			w := newListTable(c.OutOrStdout(), "PAYER\tNAME\tPREFIX\tUSAGE\tOURS (ISA/GS)\tTHEIRS (ISA/GS)\t999 WITHIN\t277CA WITHIN")
			for _, p := range ps {
				p = p.WithDefaults()
				fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s:%s/%s\t%s:%s/%s\t%s\t%s\n", p.PayerID, p.Name, p.Prefix, p.Usage,
					p.OurQualifier, p.OurID, p.OurGroupID, p.TheirQualifier, p.TheirID, p.TheirGroupID, hours(p.Ack999Within), hours(p.Ack277CAWithin))
			}
			return w.Flush()
		},
	}
	sf.addDatabase(c)
	c.Flags().StringVar(&sf.partners, "partners", "", "list (and check) this partners file instead of the database")
	return c
}

func newPartnerShowCmd() *cobra.Command {
	var sf storeFlags
	c := &cobra.Command{
		Use:   "show PAYER",
		Short: "Show one trading partner, by payer ID",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			ps, err := readDatabase(c.Context(), &sf, func(db *storage.DB) ([]edigw.TradingPartner, error) { return db.Partners(c.Context()) })
			if err != nil {
				return err
			}
			for _, p := range ps {
				if string(p.PayerID) == args[0] {
					writePartner(c.OutOrStdout(), p.WithDefaults())
					return nil
				}
			}
			return &exitError{code: exitFileErrors, err: fmt.Errorf("no trading partner for payer %s", args[0])}
		},
	}
	sf.addDatabase(c)
	return c
}

func newPartnerAddCmd() *cobra.Command {
	var sf storeFlags
	var p edigw.TradingPartner
	var payer string
	c := &cobra.Command{
		Use:   "add --payer ID --name NAME --prefix PREFIX --their-isa-id ID [flags]",
		Short: "Add a trading partner, or replace the one of its payer",
		Long: `add adds a trading partner to the database, or replaces the partner of the same
payer. Unset IDs take defaults: qualifiers ZZ, GS IDs equal to the ISA IDs.
Another payer's prefix or interchange ID is refused. serve reads the partners
when it starts: restart it to use the change.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			p.PayerID = edigw.PayerID(payer)
			p = p.WithDefaults()
			if err := p.Validate(); err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			err := sf.withDatabase(c.Context(), func(db *storage.DB) error { return db.AddPartner(c.Context(), p) })
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "partner for payer %s saved\n", p.PayerID)
			return nil
		},
	}
	sf.addDatabase(c)
	f := c.Flags()
	f.StringVar(&payer, "payer", "", "payer ID (NM1*PR NM109 of its claims): one partner per payer (required)")
	f.StringVar(&p.Name, "name", "", "the partner's name (required)")
	f.StringVar(&p.Prefix, "prefix", "", "object-store prefix its inbound/, outbound/, archive/ and error/ live under, e.g. aetna-60054/ (required)")
	f.StringVar(&p.OurQualifier, "our-isa-qualifier", "ZZ", "ISA05: our interchange ID qualifier")
	f.StringVar(&p.OurID, "our-isa-id", "EDIGW", "ISA06: our interchange ID")
	f.StringVar(&p.OurGroupID, "our-gs-id", "", "GS02: our application ID (empty: --our-isa-id)")
	f.StringVar(&p.TheirQualifier, "their-isa-qualifier", "ZZ", "ISA07: the partner's interchange ID qualifier")
	f.StringVar(&p.TheirID, "their-isa-id", "", "ISA08: the partner's interchange ID (required)")
	f.StringVar(&p.TheirGroupID, "their-gs-id", "", "GS03: the partner's application ID (empty: --their-isa-id)")
	f.StringVar(&p.Usage, "usage", "P", "ISA15 on what edigw sends the partner: P production or T test")
	f.DurationVar(&p.Ack999Within, "ack-999-within", edigw.DefaultAck999Within, "how soon the partner's 999 is due after a file is sent")
	f.DurationVar(&p.Ack277CAWithin, "ack-277ca-within", edigw.DefaultAck277CAWithin, "how soon the partner's 277CA is due after an 837 is sent")
	f.StringVar(&p.Contact, "contact", "", "who to call about the exchange (free text)")
	return c
}

func newPartnerRemoveCmd() *cobra.Command {
	var sf storeFlags
	c := &cobra.Command{
		Use:   "remove PAYER",
		Short: "Remove the trading partner of a payer (its payer, records and files stay)",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			err := sf.withDatabase(c.Context(), func(db *storage.DB) error { return db.RemovePartner(c.Context(), edigw.PayerID(args[0])) })
			if errors.Is(err, edigw.ErrNotFound) {
				return &exitError{code: exitFileErrors, err: fmt.Errorf("no trading partner for payer %s", args[0])}
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "partner for payer %s removed\n", args[0])
			return nil
		},
	}
	sf.addDatabase(c)
	return c
}

// writePartner prints a partner as "field: value" lines, with the names of
// the partners file.
func writePartner(w io.Writer, p edigw.TradingPartner) {
	tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
	for _, kv := range [][2]string{
		{"name", p.Name}, {"payer_id", string(p.PayerID)}, {"prefix", p.Prefix},
		{"our_isa_qualifier", p.OurQualifier}, {"our_isa_id", p.OurID}, {"our_gs_id", p.OurGroupID},
		{"their_isa_qualifier", p.TheirQualifier}, {"their_isa_id", p.TheirID}, {"their_gs_id", p.TheirGroupID},
		{"usage", p.Usage}, {"ack_999_within", hours(p.Ack999Within)}, {"ack_277ca_within", hours(p.Ack277CAWithin)},
		{"contact", p.Contact},
	} {
		fmt.Fprintf(tw, "%s:\t%s\n", kv[0], kv[1])
	}
	_ = tw.Flush()
}

// hours writes a window as 24h or 1h30m rather than 24h0m0s.
func hours(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
