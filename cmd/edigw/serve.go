package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/signal"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"github.com/spf13/cobra"
	"go.uber.org/zap"

	"github.com/edigw/edigw/api"
	"github.com/edigw/edigw/console"
	"github.com/edigw/edigw/internal/gcpolicy"
	"github.com/edigw/edigw/webhook"
)

// serveConfig are serve's flags.
type serveConfig struct {
	listen          string
	poll            time.Duration
	maxBody         int64
	maxSubmissions  int
	submissionWait  time.Duration
	shutdownTimeout time.Duration
	// Webhooks: how many deliveries run at once, and whether http (and
	// loopback) receivers are allowed (local use and tests).
	webhookWorkers    int
	allowHTTPWebhooks bool
}

func newServeCmd() *cobra.Command {
	var sf storeFlags
	var cfg serveConfig
	var lf logFlags
	c := &cobra.Command{
		Use:   "serve",
		Short: "Run the gateway: the billing-system API, the web console, inbound polling, outbound files, health and metrics",
		Long: `serve runs the HTTP API for billing systems under /v1 (OpenAPI document at
/v1/openapi.yaml; tokens from "edigw token create") and the web console for
people at / (sign in with a token; docs/console.md), polls every trading
partner's inbound prefix and runs each file through the pipeline (validate,
acknowledge, store, archive), writes queued claims and authorization requests
as 837 and 278 files, delivers webhooks (POST /v1/webhooks, edigw webhook; signing
keys sealed with EDIGW_WEBHOOK_KEY when set), and serves /healthz, /readyz and
/metrics (Prometheus).
Several instances may serve the same stores: each file is processed once.

On SIGINT or SIGTERM it stops taking connections, lets requests in flight
finish, and stops polling once the file in hand is done (a second signal
abandons that file: it stays in inbound/ for the next poll). --poll 0 serves
the API without polling.`,
		Args: cobra.NoArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			gcpolicy.Apply()
			log, err := newLogger(c.ErrOrStderr(), lf)
			if err != nil {
				return err
			}
			defer func() { _ = log.Sync() }()
			return serve(c, &sf, cfg, log)
		},
	}
	sf.add(c)
	lf.add(c.Flags())
	c.Flags().StringVar(&cfg.listen, "listen", "127.0.0.1:8080", "address for the API, health and metrics")
	c.Flags().DurationVar(&cfg.poll, "poll", 5*time.Second, "how often to look for inbound files and flush outbound ones (0: API only)")
	c.Flags().Int64Var(&cfg.maxBody, "max-body", api.DefaultMaxBody, "largest request body in bytes; larger is 413")
	c.Flags().IntVar(&cfg.maxSubmissions, "max-submissions", api.DefaultMaxSubmissions,
		"submissions (POST /v1/claims, /v1/authorizations) served at once; more wait --submission-wait for a slot, then are answered 503 with Retry-After")
	c.Flags().DurationVar(&cfg.submissionWait, "submission-wait", api.DefaultSubmissionWait,
		"how long a submission beyond --max-submissions waits for a slot before it is answered 503")
	c.Flags().IntVar(&cfg.webhookWorkers, "webhook-workers", 2, "webhook subscriptions delivered at once by this instance (0: deliver none)")
	c.Flags().BoolVar(&cfg.allowHTTPWebhooks, "allow-http-webhooks", false,
		"accept and deliver webhooks to http URLs and loopback addresses (local use and tests; never the gateway's own address)")
	c.Flags().DurationVar(&cfg.shutdownTimeout, "shutdown-timeout", 30*time.Second, "how long requests in flight may take to finish on shutdown")
	return c
}

func serve(c *cobra.Command, sf *storeFlags, cfg serveConfig, log *zap.Logger) error {
	if cfg.maxSubmissions < 1 {
		return &exitError{code: exitUnusable, err: fmt.Errorf("--max-submissions %d: want 1 or more", cfg.maxSubmissions)}
	}
	// First signal: stop (close stop: the API stops taking connections,
	// the pipeline stops taking files and finishes the one in hand).
	// Second: abandon the file in hand (end work). Pipeline.Serve does the
	// pipeline's part.
	signals := make(chan os.Signal, 2)
	signal.Notify(signals, syscall.SIGINT, syscall.SIGTERM)
	defer signal.Stop(signals)
	stop := make(chan struct{})
	stopNow := sync.OnceFunc(func() { close(stop) }) // a signal, or the listener failing
	work, abandon := context.WithCancel(context.WithoutCancel(c.Context()))
	defer abandon()
	go func() {
		select {
		case <-signals:
		case <-c.Context().Done():
		}
		log.Info("shutting down")
		stopNow()
		select {
		case <-signals:
			log.Warn("second signal: abandoning the file in hand")
			abandon()
		case <-work.Done():
		}
	}()

	p, db, err := sf.pipeline(work, log)
	if err != nil {
		return err
	}
	defer db.Close()

	reg := newMetrics(p, db, log)
	sealer, err := webhookSealer()
	if err != nil {
		return err
	}
	policy := &webhook.Policy{AllowHTTP: cfg.allowHTTPWebhooks}
	reg.webhooks.RegisterLatency(reg)
	var stopping atomic.Bool
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { fmt.Fprintln(w, "ok") })
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
		defer cancel()
		switch {
		case stopping.Load():
			http.Error(w, "shutting down", http.StatusServiceUnavailable)
		case db.Ping(ctx) != nil:
			http.Error(w, "database unavailable", http.StatusServiceUnavailable)
		default:
			fmt.Fprintln(w, "ready")
		}
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{ErrorLog: zap.NewStdLog(log.Named("metrics"))}))
	// The API takes submissions only for the payers a partner sends to.
	payers := payersOf(p.Partners)
	apiServer := &api.Server{Store: db, Objects: p.Objects, Log: log.Named("api"), Metrics: reg, MaxBody: cfg.maxBody,
		MaxSubmissions: cfg.maxSubmissions, SubmissionWait: cfg.submissionWait, Payers: payers,
		Webhooks: &api.Webhooks{Store: db, Policy: policy, Sealer: sealer}}
	if len(payers) == 1 {
		apiServer.Payer = payers[0] // a record that names no payer goes to the only partner
	}
	mux.Handle("/v1/", apiServer.Handler())
	// The web console for people (docs/console.md) takes every other path.
	consoleServer := &console.Server{Store: db, Objects: p.Objects, Log: log.Named("console")}
	mux.Handle("/", consoleServer.Handler())

	ln, err := net.Listen("tcp", cfg.listen)
	if err != nil {
		return &exitError{code: exitUnusable, err: err}
	}
	// Never a receiver: known before the first request and delivery.
	policy.Self = ln.Addr().String()
	hooks := startWebhooks(work, stop, db, policy, sealer, reg.webhooks, cfg.webhookWorkers, log)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 60 * time.Second, IdleTimeout: 2 * time.Minute, MaxHeaderBytes: 64 << 10,
		ErrorLog: zap.NewStdLog(log.Named("http"))}
	log.Info("serving", zap.String("addr", ln.Addr().String()), zap.Duration("poll", cfg.poll))
	fmt.Fprintf(c.ErrOrStderr(), "edigw serve: listening on http://%s (console /, API /v1, health /healthz, metrics /metrics), polling every %s\n",
		ln.Addr(), cfg.poll)
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	polled := make(chan struct{})
	go func() {
		defer close(polled)
		if cfg.poll > 0 {
			p.Serve(work, stop, cfg.poll)
		}
	}()

	scheduled := startAuthorizationScheduler(work, stop, db, log) // authorization events (docs/authorizations.md)

	var serveErr error
	select {
	case <-stop:
	case serveErr = <-served:
		stopNow() // the listener failed: stop polling too
	}
	stopping.Store(true)
	// Requests in flight finish while the poller finishes its file.
	shutdown, cancel := context.WithTimeout(context.WithoutCancel(c.Context()), cfg.shutdownTimeout)
	defer cancel()
	shutdownErr := srv.Shutdown(shutdown)
	<-scheduled
	<-polled
	hooks.Wait()
	log.Info("stopped")
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return serveErr
	}
	return shutdownErr
}
