package main

import (
	"context"
	"fmt"
	"os"
	"sync"
	"time"

	"go.uber.org/zap"

	"github.com/edigw/edigw/storage"
	"github.com/edigw/edigw/webhook"
)

// webhookIdle is how long a delivery worker waits when nothing is due: the
// bound of the delay from an event's commit to its first delivery.
const webhookIdle = 200 * time.Millisecond

// startWebhooks starts serve's delivery workers; they stop when stop is
// closed (the lease in hand is saved first) or work ends.
func startWebhooks(work context.Context, stop <-chan struct{}, db *storage.DB, policy *webhook.Policy, sealer *webhook.Sealer,
	m *webhook.Metrics, n int, log *zap.Logger) *sync.WaitGroup {
	var wg sync.WaitGroup
	host, _ := os.Hostname()
	client := policy.Client(webhook.DefaultTimeout)
	for i := range n {
		w := &webhook.Worker{Store: db, Sealer: sealer, Owner: fmt.Sprintf("%s:%d:%d", host, os.Getpid(), i), Client: client,
			Log: log.Named("webhook"), Metrics: m}
		wg.Go(func() { w.Run(work, stop, webhookIdle) })
	}
	return &wg
}
