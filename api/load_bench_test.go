package api_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/testenv"
)

// BenchmarkRemittanceFeed loads the remittance feed the way billing
// systems poll it: a real HTTP server over a database of 20,000
// remittances (20 providers with 1,000 each, three claim payments per
// remittance), and 20 clients, one token per provider, each following its
// own cursor through its feed (back to the start when it reaches the end)
// at a fixed total of 500 requests per second for five seconds. Requests
// are sent on schedule whether or not earlier ones have answered, and a
// request's latency counts from its scheduled time, so a server falling
// behind shows in the figures. It reports p50, p99 and the worst latency
// (ms), the rate achieved and the mean response size; it asserts nothing
// about time.
//
// Two loads: limit=10 at 500 requests/s, pollers that read a few new
// remittances each time (every page is full, so this is heavier than
// pollers at the head of the feed, whose pages are mostly empty); and
// limit=100 (the default page) at 100 requests/s, clients catching up on
// full pages of about 270 KB.
func BenchmarkRemittanceFeed(b *testing.B) {
	const (
		providers   = 20
		perProvider = 1000
		duration    = 5 * time.Second
	)
	e := newEnv(b, envOptions{})
	start := time.Now()
	tokens := make([]string, providers)
	for p := range providers {
		tin := fmt.Sprintf("7%08d", p)
		npi := benchNPI(p)
		tokens[p], _ = e.token(b, "system "+tin, []edigw.Entitlement{edigw.EntitleRemittances}, []string{tin}, nil)
		// One 835 file per provider: 1,000 remittances of three claims.
		rms := make([]*edigw.Remittance, perProvider)
		for i := range rms {
			rms[i] = remittance(fmt.Sprintf("EFT%d-%05d", p, i), tin, npi,
				fmt.Sprintf("P%d-%05d-1", p, i), fmt.Sprintf("P%d-%05d-2", p, i), fmt.Sprintf("P%d-%05d-3", p, i))
		}
		e.ingest(b, fmt.Sprintf("cigna-62308/inbound/bench-%02d.x12", p), nil, rms)
	}
	b.Logf("loaded %d remittances in %s", providers*perProvider, time.Since(start).Round(time.Millisecond))
	// A settled database, as one in service would be: statistics current,
	// no autovacuum of the bulk load competing with the measurement.
	if err := testenv.Exec(context.Background(), e.dbURL, "VACUUM (ANALYZE)"); err != nil {
		b.Fatal(err)
	}

	for _, load := range []struct{ limit, rate int }{{10, 500}, {100, 40}} {
		b.Run(fmt.Sprintf("limit=%d,rate=%d", load.limit, load.rate), func(b *testing.B) {
			// A second of the same load first warms connections and caches.
			// The load runs once whatever b.N is: its figures are the
			// result, not the time per iteration.
			pollAtRate(b, e.server.URL, tokens, load.limit, load.rate, time.Second)
			b.ResetTimer()
			r := pollAtRate(b, e.server.URL, tokens, load.limit, load.rate, duration)
			b.ReportMetric(r.p50, "p50-ms")
			b.ReportMetric(r.p99, "p99-ms")
			b.ReportMetric(r.max, "max-ms")
			b.ReportMetric(r.rate, "req/s")
			b.ReportMetric(r.bytes, "B/resp")
		})
	}
}

// benchNPI makes a valid NPI (Luhn over 80840 and the first nine digits).
func benchNPI(n int) string {
	base := fmt.Sprintf("19%07d", n)
	sum := 24 // the 80840 prefix's contribution
	for i := len(base) - 1; i >= 0; i-- {
		d := int(base[i] - '0')
		if (len(base)-1-i)%2 == 0 {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
	}
	return base + strconv.Itoa((10-sum%10)%10)
}

type loadResult struct {
	p50, p99, max, rate, bytes float64
}

// pollAtRate sends GET /v1/remittances requests on a fixed schedule, each
// client with its own cursor, and measures them.
func pollAtRate(b *testing.B, base string, tokens []string, limit, rate int, d time.Duration) loadResult {
	b.Helper()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256}, Timeout: 30 * time.Second}
	defer client.CloseIdleConnections()
	type clientState struct {
		mu     sync.Mutex
		cursor int64
	}
	states := make([]*clientState, len(tokens))
	for i := range states {
		states[i] = &clientState{}
	}
	total := int(d.Seconds() * float64(rate))
	interval := time.Second / time.Duration(rate)
	latencies := make([]time.Duration, total)
	sizes := make([]int64, total)
	var failed sync.Map
	var wg sync.WaitGroup
	ctx, cancel := context.WithTimeout(context.Background(), d+time.Minute)
	defer cancel()
	begin := time.Now()
	for i := range total {
		at := begin.Add(time.Duration(i) * interval)
		time.Sleep(time.Until(at))
		c := rand.IntN(len(tokens))
		wg.Add(1)
		go func() {
			defer wg.Done()
			st := states[c]
			st.mu.Lock()
			after := st.cursor
			st.mu.Unlock()
			req, _ := http.NewRequestWithContext(ctx, "GET", fmt.Sprintf("%s/v1/remittances?after=%d&limit=%d", base, after, limit), nil)
			req.Header.Set("Authorization", "Bearer "+tokens[c])
			res, err := client.Do(req)
			if err != nil {
				failed.Store(i, err.Error())
				return
			}
			var page struct {
				Items []json.RawMessage `json:"items"`
				Next  string            `json:"next"`
			}
			body, err := io.ReadAll(res.Body)
			res.Body.Close()
			latencies[i] = time.Since(at)
			sizes[i] = int64(len(body))
			if err != nil || res.StatusCode != http.StatusOK || json.Unmarshal(body, &page) != nil {
				failed.Store(i, fmt.Sprintf("status %d", res.StatusCode))
				return
			}
			next, _ := strconv.ParseInt(page.Next, 10, 64)
			if len(page.Items) == 0 {
				next = 0 // at the end: start over
			}
			st.mu.Lock()
			if st.cursor == after {
				st.cursor = next
			}
			st.mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(begin)
	n := 0
	failed.Range(func(k, v any) bool {
		if n < 3 {
			b.Errorf("request %v failed: %v", k, v)
		}
		n++
		return true
	})
	if n > 0 {
		b.Fatalf("%d of %d requests failed", n, total)
	}
	slices.Sort(latencies)
	ms := func(q float64) float64 {
		return float64(latencies[min(len(latencies)-1, int(q*float64(len(latencies))))].Microseconds()) / 1000
	}
	var sum int64
	for _, s := range sizes {
		sum += s
	}
	return loadResult{p50: ms(0.50), p99: ms(0.99), max: ms(1), rate: float64(total) / elapsed.Seconds(),
		bytes: float64(sum) / float64(total)}
}
