package clearinghouse

import (
	"context"
	"testing"

	"github.com/edigw/edigw"
)

// restingOf is where the ledger says the latest file that came under an
// inbound name rests (its archive/ or error/ key).
func restingOf(t testing.TB, db Store, name string) string {
	t.Helper()
	f, err := db.FileByKey(context.Background(), edigw.Inbound, Cigna.Inbound()+name)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	if f.RestingKey == "" {
		t.Fatalf("%s: no resting key in the ledger", name)
	}
	return f.RestingKey
}
