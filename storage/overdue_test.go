package storage

import (
	"crypto/sha256"
	"encoding/hex"
	"sync"
	"testing"
	"time"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/mapping"
)

// TestOverdueAcknowledgments: a sent 837 expects its 999 within 24 hours
// and its 277CA within 72 (the partner's defaults); past each, one
// file.acknowledgment_overdue event, however many instances look at once;
// a 999 that comes late takes the file off the operators' listing for
// that kind.
func TestOverdueAcknowledgments(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	ids, err := db.QueueClaims(ctx, "", []*edigw.Claim{claim("OD1", tinA, npiA, 100, "")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 10); err != nil {
		t.Fatal(err)
	}
	fileID, err := db.RecordFile(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/outbound/claims-od.x12", Direction: edigw.Outbound,
		Kind: "837P", Status: edigw.FilePending})
	if err != nil {
		t.Fatal(err)
	}
	ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: "EDIGW", ReceiverQualifier: "ZZ", ReceiverID: "CIGNA62308", ControlNumber: "000000031"}
	if err := db.MarkSent(ctx, "claim", ids, fileID, ic, "31", "0001"); err != nil {
		t.Fatal(err)
	}
	if err := db.SetFileStatus(ctx, fileID, edigw.FileSent, ""); err != nil {
		t.Fatal(err)
	}
	sent, err := db.File(ctx, fileID)
	if err != nil {
		t.Fatal(err)
	}
	at := sent.CompletedAt
	overdueEvents := func() []edigw.Event {
		var out []edigw.Event
		for _, e := range allEvents(t, db, nil) {
			if e.Kind == edigw.EventAckOverdue {
				out = append(out, e)
			}
		}
		return out
	}
	raise := func(now time.Time, instances int) int {
		t.Helper()
		var wg sync.WaitGroup
		var mu sync.Mutex
		total := 0
		for range instances {
			wg.Go(func() {
				n, err := db.RaiseOverdueAcknowledgments(ctx, now)
				if err != nil {
					t.Error(err)
				}
				mu.Lock()
				total += n
				mu.Unlock()
			})
		}
		wg.Wait()
		return total
	}
	if n := raise(at.Add(23*time.Hour), 1); n != 0 {
		t.Errorf("within the window: %d raised", n)
	}
	if n := raise(at.Add(25*time.Hour), 4); n != 1 {
		t.Errorf("past the 999's window, 4 instances: %d raised, want 1", n)
	}
	if n := raise(at.Add(26*time.Hour), 2); n != 0 {
		t.Errorf("again: %d raised", n)
	}
	if evs := overdueEvents(); len(evs) != 1 || evs[0].Status != "999" || evs[0].Subject != "file" || evs[0].SubjectID != fileID ||
		evs[0].TIN != "" || evs[0].NPI != "" {
		t.Errorf("events %+v", evs)
	}
	listed, err := db.OverdueFiles(ctx, 0, 10)
	if err != nil || len(listed) != 1 || listed[0].File.ID != fileID || len(listed[0].Kinds) != 1 || listed[0].Kinds[0] != "999" {
		t.Fatalf("listed %+v %v", listed, err)
	}

	// The same 999 in another partner's file (its payer's, as the pipeline
	// gives it) answers nothing of Cigna's: the file stays listed.
	forged := &edigw.Acknowledgment{Kind: edigw.Ack999, PayerID: "99999", SenderID: "CIGNA62308", ReceiverID: "EDIGW", InterchangeNumber: "000000601",
		GroupNumber: "601", SetNumber: "0001", Group: &edigw.GroupAck{FunctionalID: "HC", ControlNumber: "31", Version: "005010X222A1",
			Code: "A", Included: 1, Received: 1, Accepted: 1}}
	if _, err := ingestAs(t, db, "99999", batch{}, []*edigw.Acknowledgment{forged}); err != nil {
		t.Fatal(err)
	}
	if listed, err := db.OverdueFiles(ctx, 0, 10); err != nil || len(listed) != 1 {
		t.Errorf("after another partner's 999: %+v %v", listed, err)
	}

	// The 999 comes late, accepting the group: the file leaves the list;
	// its claims wait for the 277CA, which is overdue after 72 hours.
	in, err := db.BeginIngest(ctx, &edigw.File{PayerID: edigw.Cigna, Key: "cigna-62308/inbound/999-late.x12", Direction: edigw.Inbound, Kind: "999"})
	if err != nil {
		t.Fatal(err)
	}
	a := &edigw.Acknowledgment{Kind: edigw.Ack999, PayerID: edigw.Cigna, SenderID: "CIGNA62308", ReceiverID: "EDIGW", InterchangeNumber: "000000600",
		GroupNumber: "600", SetNumber: "0001", Group: &edigw.GroupAck{FunctionalID: "HC", ControlNumber: "31", Version: "005010X222A1",
			Code: "A", Included: 1, Received: 1, Accepted: 1}}
	mapping.DecideAcknowledgment(a)
	if err := in.AddAcknowledgments(ctx, []*edigw.Acknowledgment{a}); err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte("late 999"))
	if _, err := in.Commit(ctx, hex.EncodeToString(sum[:]), 1); err != nil {
		t.Fatal(err)
	}
	if listed, err := db.OverdueFiles(ctx, 0, 10); err != nil || len(listed) != 0 {
		t.Errorf("after the 999: %+v %v", listed, err)
	}
	if n := raise(at.Add(73*time.Hour), 3); n != 1 {
		t.Errorf("past the 277CA's window: %d raised, want 1", n)
	}
	if evs := overdueEvents(); len(evs) != 2 || evs[1].Status != "277CA" {
		t.Errorf("events %+v", evs)
	}
	if listed, err := db.OverdueFiles(ctx, 0, 10); err != nil || len(listed) != 1 || listed[0].Kinds[0] != "277CA" {
		t.Errorf("listed %+v %v", listed, err)
	}
}
