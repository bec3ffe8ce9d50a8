package storage

import (
	"testing"

	"github.com/edigw/edigw"
)

// TestEnvelopeRejections: a 999 that rejects a whole group (AK9 R, no set
// named) rejects every claim of the group, and a TA1 that rejects an
// interchange every claim of the interchange; claims of other envelopes,
// and an update naming no envelope, change nothing.
func TestEnvelopeRejections(t *testing.T) {
	db, _ := openDB(t)
	ctx := testCtx(t)
	ids, err := db.QueueClaims(ctx, "", []*edigw.Claim{
		claim("G1", tinA, npiA, 100, ""), claim("G2", tinA, npiA, 100, ""), // interchange 11, group 21, sets 1 and 2
		claim("I1", tinA, npiA, 100, ""), claim("I2", tinB, npiB, 100, ""), // interchange 12, groups 22 and 23
		claim("K1", tinA, npiA, 100, ""), // interchange 13: untouched
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.TakeQueuedClaims(ctx, edigw.Cigna, edigw.Professional, 10); err != nil {
		t.Fatal(err)
	}
	files := map[string]int64{}
	send := func(key, isa string, group, set string, claimIDs []int64) {
		t.Helper()
		fileID, ok := files[key]
		if !ok {
			fileID, err = db.RecordFile(ctx, &edigw.File{PayerID: edigw.Cigna, Key: key, Direction: edigw.Outbound, Kind: "837", Status: edigw.FilePending})
			if err != nil {
				t.Fatal(err)
			}
			files[key] = fileID
		}
		ic := edigw.Interchange{SenderQualifier: "ZZ", SenderID: "EDIGW", ReceiverQualifier: "ZZ", ReceiverID: "CIGNA62308", ControlNumber: isa}
		if err := db.MarkSent(ctx, "claim", claimIDs, fileID, ic, group, set); err != nil {
			t.Fatal(err)
		}
	}
	send("f11", "000000011", "21", "0001", ids[0:1])
	send("f11", "000000011", "21", "0002", ids[1:2])
	send("f12", "000000012", "22", "0001", ids[2:3])
	send("f12", "000000012", "23", "0001", ids[3:4])
	send("f13", "000000013", "24", "0001", ids[4:5])

	res := mustIngest(t, db, batch{statuses: []edigw.ClaimStatusUpdate{
		{PayerID: edigw.Cigna, SenderID: "EDIGW", ReceiverID: "CIGNA62308", GroupNumber: "000000021",
			Status: edigw.ClaimRejected, Reason: "999 AK9 R 2"},
		{PayerID: edigw.Cigna, SenderID: "EDIGW", ReceiverID: "CIGNA62308", InterchangeNumber: "12",
			Status: edigw.ClaimRejected, Reason: "TA1 R 022"},
		{PayerID: edigw.Cigna, SenderID: "EDIGW", ReceiverID: "CIGNA62308", Status: edigw.ClaimRejected, Reason: "names nothing"},
		{PayerID: edigw.Cigna, SenderID: "SOMEONE", ReceiverID: "CIGNA62308", InterchangeNumber: "13",
			Status: edigw.ClaimRejected, Reason: "another sender"},
	}})
	if res.StatusUpdates != 4 {
		t.Errorf("%d status updates, want 4", res.StatusUpdates)
	}
	for pcn, want := range map[string]string{"G1": "999 AK9 R 2", "G2": "999 AK9 R 2", "I1": "TA1 R 022", "I2": "TA1 R 022", "K1": ""} {
		c := claimByPCN(t, db, pcn)
		rejected := c.Claim.Status == edigw.ClaimRejected
		if rejected != (want != "") || c.StatusReason != want {
			t.Errorf("%s: %q %q, want reason %q", pcn, c.Claim.Status, c.StatusReason, want)
		}
	}
}
