package main

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/storage"
	"github.com/edigw/edigw/webhook"
)

// webhookKeyEnv holds the key that seals webhook signing keys at rest
// (32 bytes in base64; decisions/0026). serve and webhook create read it.
const webhookKeyEnv = "EDIGW_WEBHOOK_KEY"

func webhookSealer() (*webhook.Sealer, error) {
	s, err := webhook.NewSealer(os.Getenv(webhookKeyEnv))
	if err != nil {
		return nil, &exitError{code: exitUnusable, err: fmt.Errorf("%s: %w", webhookKeyEnv, err)}
	}
	return s, nil
}

func newWebhookCmd() *cobra.Command {
	return newGroupCmd("webhook", "List, create and delete the webhook subscriptions that push tokens' events to billing systems",
		newWebhookListCmd(), newWebhookCreateCmd(), newWebhookDeleteCmd())
}

func newWebhookCreateCmd() *cobra.Command {
	var sf storeFlags
	var tokenID int64
	var url, digest, zone string
	var kinds []string
	var allowHTTP bool
	c := &cobra.Command{
		Use:   "create --token ID --url URL [--kind claim.*]... [--digest daily@HH:MM|weekly:DAY@HH:MM --time-zone ZONE]",
		Short: "Subscribe a URL to a token's events; the signing secret is printed once, on standard output",
		Long: `create subscribes a URL to the events the token reads from GET /v1/events
(as POST /v1/webhooks does for the token itself), from the next event on. --kind
narrows them (claim.accepted, claim.*; default every kind). --digest adds a
digest of the period's claims and authorizations, daily@07:30 or
weekly:monday@07:30 in --time-zone (IANA, e.g. America/New_York).

The URL must be https unless --allow-http (local use; serve must run with
--allow-http-webhooks to deliver it). The signing secret (whsec_...) goes to
standard output, once; with EDIGW_WEBHOOK_KEY set it is stored sealed.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if tokenID <= 0 || url == "" {
				return &exitError{code: exitUnusable, err: errors.New("--token and --url are required")}
			}
			sub := &edigw.Subscription{TokenID: tokenID, URL: url, Kinds: kinds}
			if digest != "" {
				d, err := digestFromFlag(digest, zone)
				if err != nil {
					return &exitError{code: exitUnusable, err: err}
				}
				sub.Digest = d
			}
			sealer, err := webhookSealer()
			if err != nil {
				return err
			}
			prep, err := webhook.Prepare(c.Context(), &webhook.Policy{AllowHTTP: allowHTTP}, sealer, time.Now(), sub)
			if err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			err = sf.withDatabase(c.Context(), func(db *storage.DB) error {
				toks, err := db.Tokens(c.Context())
				if err != nil {
					return err
				}
				for _, t := range toks {
					if t.ID == tokenID {
						return db.CreateWebhook(c.Context(), sub, prep.Stored, prep.Sealed, prep.DigestDue)
					}
				}
				return &exitError{code: exitUnusable, err: fmt.Errorf("no token %d", tokenID)}
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(c.ErrOrStderr(), "webhook %d for token %d: kinds %s; digest %s\n", sub.ID, tokenID, joinOr(sub.Kinds), digestText(sub.Digest))
			fmt.Fprintln(c.ErrOrStderr(), "the signing secret follows; it is shown once:")
			fmt.Fprintln(c.OutOrStdout(), prep.Secret)
			return nil
		},
	}
	sf.addDatabase(c)
	c.Flags().Int64Var(&tokenID, "token", 0, "the token whose events are delivered (its ID in token list)")
	c.Flags().StringVar(&url, "url", "", "where to deliver (https)")
	c.Flags().StringSliceVar(&kinds, "kind", nil, "event kinds: claim.accepted, claim.*, * (comma-separated or repeated; default every kind)")
	c.Flags().StringVar(&digest, "digest", "", "a digest schedule: daily@HH:MM or weekly:DAY@HH:MM")
	c.Flags().StringVar(&zone, "time-zone", "UTC", "the digest's IANA time zone")
	c.Flags().BoolVar(&allowHTTP, "allow-http", false, "accept an http URL or a loopback address (local use)")
	return c
}

// digestFromFlag reads daily@HH:MM or weekly:DAY@HH:MM.
func digestFromFlag(v, zone string) (*edigw.DigestSchedule, error) {
	when, at, ok := strings.Cut(v, "@")
	if !ok {
		return nil, fmt.Errorf("--digest %q: want daily@HH:MM or weekly:DAY@HH:MM", v)
	}
	d := &edigw.DigestSchedule{At: at, Zone: zone}
	d.Every, d.Weekday, _ = strings.Cut(when, ":")
	if _, err := webhook.ParseSchedule(d); err != nil {
		return nil, fmt.Errorf("--digest: %w", err)
	}
	return d, nil
}

func digestText(d *edigw.DigestSchedule) string {
	switch {
	case d == nil:
		return "none"
	case d.Every == "weekly":
		return fmt.Sprintf("weekly on %s at %s %s", d.Weekday, d.At, d.Zone)
	}
	return fmt.Sprintf("daily at %s %s", d.At, d.Zone)
}

func newWebhookListCmd() *cobra.Command {
	var sf storeFlags
	c := &cobra.Command{
		Use:   "list",
		Short: "List webhook subscriptions: ID, token, URL, kinds, digest, cursor, state (never a secret)",
		Args:  cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			subs, err := readDatabase(c.Context(), &sf, func(db *storage.DB) ([]edigw.Subscription, error) { return db.Webhooks(c.Context(), 0) })
			if err != nil {
				return err
			}
			tw := newListTable(c.OutOrStdout(), "ID\tTOKEN\tURL\tKINDS\tDIGEST\tCURSOR\tCREATED\tSTATE")
			for _, s := range subs {
				fmt.Fprintf(tw, "%d\t%d\t%s\t%s\t%s\t%d\t%s\t%s\n", s.ID, s.TokenID, s.URL, joinOr(s.Kinds), digestText(s.Digest),
					s.Cursor, timeOr(&s.CreatedAt, ""), s.State)
			}
			return tw.Flush()
		},
	}
	sf.addDatabase(c)
	return c
}

func newWebhookDeleteCmd() *cobra.Command {
	var sf storeFlags
	c := &cobra.Command{
		Use:   "delete ID",
		Short: "Delete a webhook subscription: nothing more is delivered to it",
		Args:  cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			id, err := strconv.ParseInt(args[0], 10, 64)
			if err != nil || id <= 0 {
				return &exitError{code: exitUnusable, err: fmt.Errorf("webhook ID %q: want the number webhook list shows", args[0])}
			}
			err = sf.withDatabase(c.Context(), func(db *storage.DB) error { return db.DeleteWebhook(c.Context(), 0, id) })
			if errors.Is(err, edigw.ErrNotFound) {
				return &exitError{code: exitUnusable, err: fmt.Errorf("no webhook %d", id)}
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(c.OutOrStdout(), "webhook %d deleted\n", id)
			return nil
		},
	}
	sf.addDatabase(c)
	return c
}
