package main

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/mapping/codes"
	"github.com/edigw/edigw/storage"
)

func newTokenCmd() *cobra.Command {
	return newGroupCmd("token", "Create, list and revoke the bearer tokens billing systems use with the HTTP API",
		newTokenCreateCmd(), newTokenListCmd(), newTokenRevokeCmd())
}

func newTokenCreateCmd() *cobra.Command {
	var sf storeFlags
	var name, expires string
	var ents, tins, npis []string
	c := &cobra.Command{
		Use:   "create --name NAME --entitlement claims,precertification,remittances (--tin TIN | --npi NPI)... [--expires 720h|DATE]",
		Short: "Create a token; its secret is printed once, on standard output",
		Long: `create stores a new API token and prints its secret on standard output, once:
edigw keeps only the secret's SHA-256. Entitlements are those of the payer's
provider portal: claims (submit and read claims), precertification (submit and
read authorization requests), remittances (read remittances), eligibility (ask
and read eligibility and benefits, 270/271). The token sees the
records of the provider TINs and NPIs given, and no others.

A token given one TIN and some NPIs also declares those NPIs as billing under
that TIN: another token holding only the TIN (or only one of the NPIs) may then
submit claims naming the pair. See docs/api.md, "Tokens, entitlements and scope".

--expires makes the token stop working after a duration (720h) or at a date
(2027-01-31: at 00:00 UTC that day; or an RFC 3339 time).`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			tok, err := tokenFromFlags(name, ents, tins, npis)
			if err == nil && expires != "" {
				tok.ExpiresAt, err = expiryFromFlag(expires, time.Now())
			}
			if err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			secret, hash, err := api.NewSecret()
			if err != nil {
				return err
			}
			if err := sf.withDatabase(c.Context(), func(db *storage.DB) error {
				_, err := db.CreateToken(c.Context(), tok, hash)
				return err
			}); err != nil {
				return err
			}
			fmt.Fprintf(c.ErrOrStderr(), "token %d %q: entitlements %s; TINs %s; NPIs %s; expires %s\n", tok.ID, tok.Name,
				joinOr(tok.Entitlements), joinOr(tok.Scope.TINs), joinOr(tok.Scope.NPIs), timeOr(tok.ExpiresAt, "never"))
			fmt.Fprintln(c.ErrOrStderr(), "the secret follows; it is shown once and cannot be recovered:")
			fmt.Fprintln(c.OutOrStdout(), secret)
			return nil
		},
	}
	sf.addDatabase(c)
	c.Flags().StringVar(&name, "name", "", "who the token is for, e.g. the billing system's name (required)")
	c.Flags().StringSliceVar(&ents, "entitlement", nil, "claims, precertification, remittances, eligibility (comma-separated or repeated), or operations alone")
	c.Flags().StringSliceVar(&tins, "tin", nil, "provider tax ID (9 digits) whose records the token sees")
	c.Flags().StringSliceVar(&npis, "npi", nil, "provider NPI (10 digits) whose records the token sees")
	c.Flags().StringVar(&expires, "expires", "", "when the token stops working: a duration (720h) or a date (2027-01-31, 00:00 UTC) or RFC 3339 time; default never")
	return c
}

// expiryFromFlag reads --expires: a duration from now, a date (the token
// stops at 00:00 UTC that day) or an RFC 3339 time; it must be in the
// future.
func expiryFromFlag(v string, now time.Time) (*time.Time, error) {
	var at time.Time
	if d, err := time.ParseDuration(v); err == nil {
		at = now.Add(d)
	} else if t, err := time.Parse(time.DateOnly, v); err == nil {
		at = t
	} else if t, err := time.Parse(time.RFC3339, v); err == nil {
		at = t
	} else {
		return nil, fmt.Errorf("--expires %q: want a duration (720h), a date (2027-01-31) or an RFC 3339 time", v)
	}
	if !at.After(now) {
		return nil, fmt.Errorf("--expires %q: that is not in the future", v)
	}
	at = at.UTC()
	return &at, nil
}

// timeOr formats a time for token list and create (UTC, to the second),
// or says def when there is none.
func timeOr(t *time.Time, def string) string {
	if t == nil {
		return def
	}
	return t.UTC().Format("2006-01-02 15:04:05Z")
}

func newTokenListCmd() *cobra.Command {
	var sf storeFlags
	c := &cobra.Command{
		Use:   "list",
		Short: "List tokens: ID, name, entitlements, scope, created, last used, expiry and state (never a secret)",
		Long: `list prints every token, live, expired or revoked, one a line: its ID, name,
entitlements, TINs and NPIs, when it was created, last used (to the minute) and
when it expires, and its state. Secrets are never shown: edigw does not have
them, and their hashes are not printed either.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			toks, err := readDatabase(c.Context(), &sf, func(db *storage.DB) ([]*edigw.Token, error) { return db.Tokens(c.Context()) })
			if err != nil {
				return err
			}
			now := time.Now()
			tw := newListTable(c.OutOrStdout(), "ID\tNAME\tENTITLEMENTS\tTINS\tNPIS\tCREATED\tLAST USED\tEXPIRES\tSTATE")
			for _, t := range toks {
				state := "live"
				switch {
				case t.RevokedAt != nil:
					state = "revoked " + timeOr(t.RevokedAt, "")
				case !t.Live(now):
					state = "expired"
				}
				fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t.ID, strconv.Quote(t.Name), joinOr(t.Entitlements),
					joinOr(t.Scope.TINs), joinOr(t.Scope.NPIs), timeOr(&t.CreatedAt, ""), timeOr(t.LastUsedAt, "never"),
					timeOr(t.ExpiresAt, "never"), state)
			}
			return tw.Flush()
		},
	}
	sf.addDatabase(c)
	return c
}

// tokenFromFlags checks create's flags and builds the token.
func tokenFromFlags(name string, ents, tins, npis []string) (*edigw.Token, error) {
	tok := &edigw.Token{Name: strings.TrimSpace(name)}
	if tok.Name == "" {
		return nil, errors.New("--name is required")
	}
	for _, e := range ents {
		e := edigw.Entitlement(strings.ToLower(strings.TrimSpace(e)))
		if !slices.Contains(edigw.Entitlements, e) {
			return nil, fmt.Errorf("--entitlement %q: want claims, precertification, remittances, eligibility or operations", e)
		}
		if !slices.Contains(tok.Entitlements, e) {
			tok.Entitlements = append(tok.Entitlements, e)
		}
	}
	if len(tok.Entitlements) == 0 {
		return nil, errors.New("--entitlement is required: claims, precertification, remittances")
	}
	for _, t := range tins {
		t = strings.ReplaceAll(strings.TrimSpace(t), "-", "")
		if len(t) != 9 || strings.Trim(t, "0123456789") != "" {
			return nil, fmt.Errorf("--tin %q: a TIN is 9 digits", t)
		}
		tok.Scope.TINs = append(tok.Scope.TINs, t)
	}
	for _, n := range npis {
		n = strings.TrimSpace(n)
		if !codes.ValidNPI(n) {
			return nil, fmt.Errorf("--npi %q: not a valid NPI (10 digits with its check digit)", n)
		}
		tok.Scope.NPIs = append(tok.Scope.NPIs, n)
	}
	operations := tok.Allows(edigw.EntitleOperations)
	switch {
	case operations && len(tok.Scope.TINs)+len(tok.Scope.NPIs) > 0:
		return nil, errors.New("an operations token has no --tin or --npi: it reads the operators' views, no provider's records")
	case operations && len(tok.Entitlements) > 1:
		return nil, errors.New("operations goes alone: a token with no providers reads no claims, authorizations or remittances")
	case !operations && len(tok.Scope.TINs)+len(tok.Scope.NPIs) == 0:
		return nil, errors.New("give at least one --tin or --npi: a token sees only its providers' records")
	}
	return tok, nil
}

func joinOr[T ~string](list []T) string {
	if len(list) == 0 {
		return "-"
	}
	s := make([]string, len(list))
	for i, v := range list {
		s[i] = string(v)
	}
	return strings.Join(s, ",")
}

func newTokenRevokeCmd() *cobra.Command {
	var sf storeFlags
	c := &cobra.Command{
		Use:   "revoke ID",
		Short: "Revoke a token: requests with it get 401 from then on",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return &exitError{code: exitUnusable, err: fmt.Errorf("token ID %q: want the number token create printed", args[0])}
			}
			err = sf.withDatabase(c.Context(), func(db *storage.DB) error { return db.RevokeToken(c.Context(), id) })
			if errors.Is(err, edigw.ErrNotFound) {
				return &exitError{code: exitUnusable, err: fmt.Errorf("no token %d", id)}
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "token %d revoked\n", id)
			return nil
		},
	}
	sf.addDatabase(c)
	return c
}
