package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os/signal"
	"sort"
	"syscall"
	"time"

	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/clearinghouse"
)

func newServeCmd() *cobra.Command {
	var sf storeFlags
	var listen string
	var poll time.Duration
	c := &cobra.Command{
		Use:   "serve",
		Short: "Run the gateway: poll inbound files, write outbound files, serve health and metrics",
		Long: `serve polls every trading partner's inbound prefix and runs each file through the
pipeline (validate, acknowledge, store, archive), writes queued claims and
authorization requests as 837 and 278 files, and serves /healthz, /readyz and
/metrics. Several instances may serve the same stores: each file is processed
once. SIGINT or SIGTERM stops it after the file in hand.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			ctx, stop := signal.NotifyContext(c.Context(), syscall.SIGINT, syscall.SIGTERM)
			defer stop()
			log, err := zap.NewProduction()
			if err != nil {
				return err
			}
			defer func() { _ = log.Sync() }()
			p, closeDB, err := sf.pipeline(ctx, log)
			if err != nil {
				return err
			}
			defer closeDB()

			mux := http.NewServeMux()
			mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
			mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
				ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
				defer cancel()
				if _, err := p.Store.Counts(ctx); err != nil {
					http.Error(w, "database unavailable", http.StatusServiceUnavailable)
					return
				}
				fmt.Fprintln(w, "ready")
			})
			mux.HandleFunc("GET /metrics", func(w http.ResponseWriter, _ *http.Request) { writeMetrics(w, p.Stats()) })
			ln, err := net.Listen("tcp", listen)
			if err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
				WriteTimeout: 30 * time.Second, IdleTimeout: 2 * time.Minute}
			log.Info("serving", zap.String("addr", ln.Addr().String()), zap.Duration("poll", poll))
			fmt.Fprintf(c.ErrOrStderr(), "edigw serve: listening on http://%s (health /healthz, metrics /metrics), polling every %s\n", ln.Addr(), poll)
			errc := make(chan error, 1)
			go func() { errc <- srv.Serve(ln) }()
			runErr := p.Run(ctx, poll)
			shutdown, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			if err := srv.Shutdown(shutdown); err != nil {
				return err
			}
			if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
				return err
			}
			return runErr
		},
	}
	sf.add(c)
	c.Flags().StringVar(&listen, "listen", "127.0.0.1:8080", "address for health, metrics and the API")
	c.Flags().DurationVar(&poll, "poll", 5*time.Second, "how often to look for inbound files")
	return c
}

// writeMetrics writes the pipeline's counters in the Prometheus text
// exposition format.
func writeMetrics(w http.ResponseWriter, s clearinghouse.Stats) {
	w.Header().Set("Content-Type", "text/plain; version=0.0.4")
	fmt.Fprintln(w, "# HELP edigw_inbound_files_total Inbound files processed, by outcome.")
	fmt.Fprintln(w, "# TYPE edigw_inbound_files_total counter")
	statuses := make([]string, 0, len(s.Files))
	for st := range s.Files {
		statuses = append(statuses, string(st))
	}
	sort.Strings(statuses)
	for _, st := range statuses {
		fmt.Fprintf(w, "edigw_inbound_files_total{status=%q} %d\n", st, s.Files[edigw.FileStatus(st)])
	}
	for _, m := range []struct {
		name, help string
		v          int64
	}{
		{"edigw_retries_total", "Store and object-store calls retried.", s.Retries},
		{"edigw_inbound_failures_total", "Inbound files that failed and stay for the next poll.", s.Failures},
		{"edigw_outbound_files_total", "Outbound 837 and 278 files written.", s.Outbound},
	} {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s counter\n%s %d\n", m.name, m.help, m.name, m.name, m.v)
	}
}
