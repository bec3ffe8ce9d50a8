package main

import (
	"context"

	"go.uber.org/zap"

	"github.com/edigw/edigw/clearinghouse"
	"github.com/edigw/edigw/storage"
)

// startAuthorizationScheduler runs the authorization lifecycle's
// scheduler (time-based events, once across instances) until stop is
// closed or work ends; the channel it returns closes when it has.
func startAuthorizationScheduler(work context.Context, stop <-chan struct{}, db *storage.DB, log *zap.Logger) <-chan struct{} {
	done := make(chan struct{})
	go func() {
		defer close(done)
		(&clearinghouse.AuthorizationScheduler{Store: db, Log: log.Named("scheduler")}).Run(work, stop)
	}()
	return done
}
