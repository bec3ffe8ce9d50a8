package clearinghouse

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/internal/canary"
)

// TestPipelineRepeatsNoCanary (issue 11, finding 7): a claim, a 278 and an
// 835 with a distinctive value in every data element, once fitting the
// guide, once breaking it so that guide errors, business rules and
// rejections fire, and once passing the business rules too (so that
// claims are stored), go through the whole inbound pipeline on PostgreSQL.
// No canary may appear in the pipeline's log, in a reason file under
// error/, or in any text, JSON or array column of any table but the
// record columns (canary.RecordColumns, which store the records by
// design): not in the ledger's reason, a claim's status reason, an event.
// The acknowledgments in outbound/ and the files kept in archive/ and
// error/ are the data itself and are not searched.
func TestPipelineRepeatsNoCanary(t *testing.T) {
	ctx := context.Background()
	dbURL := testDatabase(t)
	db := openStore(t, dbURL)
	objs := openObjects(t, objectsSpec("dir:"+t.TempDir()))
	p := pipelineOn(db, objs)
	var logs syncBuffer
	p.Log = zap.New(zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.AddSync(&logs), zap.DebugLevel))

	var tokens []string
	files := 0
	for i, name := range []string{"03-837p-claims.edi", "02-278-response.edi", "06-835-remittance.edi"} {
		src, err := os.ReadFile(filepath.Join("..", "fixtures", "story", name))
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range []canary.Variant{canary.Valid, canary.Invalid, canary.Sound} {
			pl, err := canary.Plant(src, v, 20+3*i+int(v))
			if err != nil {
				t.Fatal(err)
			}
			tokens = append(tokens, pl.Tokens...)
			// In file order: the claims before the answers to them.
			putBytes(t, objs, strings.Repeat("z", i)+name+variantSuffix[v], pl.Data)
			files++
		}
	}
	outs, err := p.PollOnce(ctx)
	if err != nil || len(outs) != files {
		t.Fatalf("poll: %d outcomes for %d files: %v", len(outs), files, err)
	}
	// The sound claims are accepted and stored: the committed path is
	// searched too.
	sound := Cigna.Inbound() + "03-837p-claims.edi" + variantSuffix[canary.Sound]
	rejected := 0
	for _, o := range outs {
		if o.Key == sound && (o.Status != edigw.FileArchived || o.Result == nil || o.Result.Claims == 0) {
			t.Errorf("the sound claims were not stored: %+v", o)
		}
		if o.Reason != "" {
			rejected++
		}
		if found := found(tokens, o.Reason); len(found) > 0 {
			t.Errorf("%s: the outcome's reason repeats %v: %s", o.Key, found, o.Reason)
		}
	}
	if rejected == 0 {
		t.Fatal("no file was rejected: the test would prove nothing about reasons")
	}

	// error/: the reason files (the rejected files themselves are the data).
	list, err := objs.List(ctx, Cigna.Error())
	if err != nil {
		t.Fatal(err)
	}
	reasons := 0
	for _, o := range list {
		if !strings.HasSuffix(o.Key, ".reason.txt") {
			continue
		}
		reasons++
		if text := readObject(t, objs, o.Key); len(found(tokens, text)) > 0 {
			t.Errorf("%s repeats %v: %s", o.Key, found(tokens, text), text)
		}
	}
	if reasons == 0 {
		t.Error("no reason file under error/")
	}

	// The database, but for the record columns.
	hits, searched, err := canary.SearchDatabase(ctx, dbURL, tokens)
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range hits {
		t.Errorf("database: %s", h)
	}
	if searched < 20 {
		t.Errorf("only %d columns searched", searched)
	}

	// The log.
	if hits := found(tokens, logs.String()); len(hits) > 0 {
		t.Errorf("the log repeats %v:\n%s", hits, logs.String())
	}
	if !strings.Contains(logs.String(), "not accepted") && !strings.Contains(logs.String(), "rejected") {
		t.Errorf("the log says nothing of the rejections:\n%s", logs.String())
	}
}

var variantSuffix = map[canary.Variant]string{canary.Valid: ".valid", canary.Invalid: ".invalid", canary.Sound: ".sound"}

func found(tokens []string, text string) []string {
	var out []string
	for _, t := range tokens {
		if strings.Contains(text, t) {
			out = append(out, t)
		}
	}
	return out
}

// syncBuffer is a bytes.Buffer the pipeline's goroutines may log to.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}
