package webhook_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/webhook"
)

// BenchmarkDelivery measures what docs/benchmarks.md reports (run it with
// -benchtime=1x): events committed at 1,000 a second, 50 per transaction
// every 50 ms, for 10 seconds, delivered by serve's setup (two workers,
// 200 ms idle wait, a real clock) to a local receiver that notes each
// event's commit-to-delivery time; then a backlog of 20,000 events (a
// receiver back after an outage) delivered from scratch.
func BenchmarkDelivery(b *testing.B) {
	for range b.N {
		e := newEnv(b)
		a := e.token("A", "111111111", "", edigw.EntitleClaims)
		var mu sync.Mutex
		var lags []time.Duration
		seen := map[int64]bool{}
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			body, _ := io.ReadAll(r.Body)
			var m struct {
				Data edigw.Event `json:"data"`
			}
			_ = json.Unmarshal(body, &m)
			mu.Lock()
			if !seen[m.Data.ID] {
				seen[m.Data.ID] = true
				lags = append(lags, time.Since(m.Data.At))
			}
			mu.Unlock()
			w.WriteHeader(http.StatusNoContent)
		}))
		defer srv.Close()
		e.subscribe(a, srv.URL, nil, nil)
		count := func() int { mu.Lock(); defer mu.Unlock(); return len(seen) }

		run := func(total int) time.Duration {
			ctx, cancel := context.WithCancel(context.Background())
			stop := make(chan struct{})
			var wg sync.WaitGroup
			p := &webhook.Policy{AllowHTTP: true}
			client := p.Client(webhook.DefaultTimeout)
			for i := range 2 {
				w := &webhook.Worker{Store: e.db, Owner: "bench-" + string(rune('a'+i)), Client: client}
				wg.Go(func() { w.Run(ctx, stop, 200*time.Millisecond) })
			}
			start := time.Now()
			for count() < total {
				time.Sleep(5 * time.Millisecond)
			}
			took := time.Since(start)
			close(stop)
			cancel()
			wg.Wait()
			return took
		}

		// Live: 1,000 events/s for 10 s.
		const live = 10_000
		go func() {
			tick := time.NewTicker(50 * time.Millisecond)
			defer tick.Stop()
			for sent := 0; sent < live; sent += 50 {
				<-tick.C
				e.events(50, "111111111")
			}
		}()
		run(live)
		mu.Lock()
		sorted := slices.Clone(lags)
		mu.Unlock()
		slices.Sort(sorted)
		p50, p99, worst := sorted[len(sorted)/2], sorted[len(sorted)*99/100], sorted[len(sorted)-1]
		b.ReportMetric(p50.Seconds()*1000, "p50-ms")
		b.ReportMetric(p99.Seconds()*1000, "p99-ms")
		b.ReportMetric(worst.Seconds()*1000, "max-ms")

		// Backlog: 20,000 events waiting, delivered from scratch.
		const backlog = 20_000
		for range backlog / 1000 {
			e.events(1000, "111111111")
		}
		took := run(live + backlog)
		b.ReportMetric(float64(backlog)/took.Seconds(), "backlog-events/s")
	}
}

// events commits n events of a provider in one transaction.
func (e *env) events(n int, tin string) {
	ctx := context.Background()
	tx, err := e.conn.Begin(ctx)
	if err != nil {
		e.t.Error(err)
		return
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, "SELECT pg_advisory_xact_lock($1, $2)", 0x6564, 2); err != nil {
		e.t.Error(err)
		return
	}
	if _, err := tx.Exec(ctx, `INSERT INTO events (id, at, kind, payer_id, subject, subject_id, reference, status, tin)
		SELECT nextval('event_ids'), statement_timestamp(), 'claim.accepted', '62308', 'claim', g, 'REF', 'accepted', $2
		FROM generate_series(1, $1) g`, n, tin); err != nil {
		e.t.Error(err)
		return
	}
	if err := tx.Commit(ctx); err != nil {
		e.t.Error(err)
	}
}
