package storage

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/fixtures/synth"
	"github.com/edigw/edigw/mapping"
)

// TestClaimJSONIsEncodingJSON: the stored claim record is encoding/json's
// encoding byte for byte, for random claims in which every field of every
// type is set, empty or left out in turn (strings with quotes, HTML
// characters, control characters, invalid UTF-8 and line separators; nil
// and empty slices; nil pointers), and for the claims of the story and of
// a generated 837P.
func TestClaimJSONIsEncodingJSON(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	for i := range 3000 {
		c := &edigw.Claim{}
		fill(reflect.ValueOf(c).Elem(), rnd, 0)
		same(t, "random claim "+string(rune('0'+i%10)), c)
	}
	all := map[string]bool{}
	jsonFields(reflect.TypeOf(edigw.Claim{}), all)
	for f := range all {
		if !fieldsSeen[f] {
			t.Errorf("no random claim set %s", f)
		}
	}
	for _, c := range claimsOf(t, filepath.Join("..", "fixtures", "story", "03-837p-claims.edi")) {
		same(t, "story", c)
	}
	var gen bytes.Buffer
	if _, err := synth.Write(&gen, synth.Options{Kind: synth.Kind837P, Claims: 300, Seed: 3, PriorAuthorization: true}); err != nil {
		t.Fatal(err)
	}
	for _, c := range claimsFrom(t, "synth.x12", &gen) {
		same(t, "generated", c)
	}
}

func same(t testing.TB, what string, c *edigw.Claim) {
	t.Helper()
	want, err := json.Marshal(c)
	if err != nil {
		t.Fatal(err)
	}
	if got := appendClaimJSON(nil, c); !bytes.Equal(got, want) {
		t.Fatalf("%s:\n got %s\nwant %s", what, got, want)
	}
}

func claimsOf(t testing.TB, path string) []*edigw.Claim {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return claimsFrom(t, path, f)
}

func claimsFrom(t testing.TB, name string, r interface{ Read([]byte) (int, error) }) []*edigw.Claim {
	var out []*edigw.Claim
	if _, err := mapping.Read(r, name, mapping.Handlers{Claim: func(c *edigw.Claim) error { out = append(out, c); return nil }}); err != nil {
		t.Fatal(err)
	}
	if len(out) == 0 {
		t.Fatalf("%s: no claims", name)
	}
	return out
}

// fieldsSeen are the struct fields fill has set to a non-zero value.
var fieldsSeen = map[string]bool{}

var someStrings = []string{"", "", "A", "62308", "PCN-1 <b>&amp;</b>", `quote " and \ backslash`, "tab\tline\nfeed\r\x01\x1f",
	"caf\u00e9 \u2028\u2029", "bad \xff\xfe utf-8", "\u007f del", "  padded  "}

// fill sets v's exported fields at random, each type's way.
func fill(v reflect.Value, rnd *rand.Rand, depth int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(someStrings[rnd.IntN(len(someStrings))])
	case reflect.Int, reflect.Int64:
		v.SetInt([]int64{0, 0, 1, -1, 12345, -987654321}[rnd.IntN(6)])
	case reflect.Bool:
		v.SetBool(rnd.IntN(2) == 0)
	case reflect.Pointer:
		if rnd.IntN(3) == 0 || depth > 4 {
			return
		}
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem(), rnd, depth+1)
	case reflect.Slice:
		switch rnd.IntN(4) {
		case 0: // nil
		case 1:
			v.Set(reflect.MakeSlice(v.Type(), 0, 0))
		default:
			n := 1 + rnd.IntN(3)
			v.Set(reflect.MakeSlice(v.Type(), n, n))
			for i := range n {
				fill(v.Index(i), rnd, depth+1)
			}
		}
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			fill(v.Field(i), rnd, depth+1)
			if !v.Field(i).IsZero() && !strings.HasPrefix(f.Tag.Get("json"), "-") {
				fieldsSeen[v.Type().Name()+"."+f.Name] = true
			}
		}
	}
}

// jsonFields adds the exported struct fields reachable from t that are
// written (not tagged "-"), as Type.Field.
func jsonFields(t reflect.Type, out map[string]bool) {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return
	}
	for i := range t.NumField() {
		f := t.Field(i)
		if k := t.Name() + "." + f.Name; f.IsExported() && !strings.HasPrefix(f.Tag.Get("json"), "-") && !out[k] {
			out[k] = true
			jsonFields(f.Type, out)
		}
	}
}

// BenchmarkClaimRecordJSON: a generated claim's record, by encoding/json
// (recordEncoder.encode) and by appendClaimJSON.
func BenchmarkClaimRecordJSON(b *testing.B) {
	var gen bytes.Buffer
	if _, err := synth.Write(&gen, synth.Options{Kind: synth.Kind837P, Claims: 1000, Seed: 3, PriorAuthorization: true}); err != nil {
		b.Fatal(err)
	}
	cs := claimsFrom(b, "synth.x12", &gen)
	b.Run("encoding-json", func(b *testing.B) {
		enc := newRecordEncoder()
		for i := 0; b.Loop(); i++ {
			if _, err := enc.encode(cs[i%len(cs)]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("appendClaimJSON", func(b *testing.B) {
		enc := newRecordEncoder()
		for i := 0; b.Loop(); i++ {
			enc.claim(cs[i%len(cs)])
		}
	})
}

// FuzzClaimJSON: any string, in any string field, is written as
// encoding/json writes it.
func FuzzClaimJSON(f *testing.F) {
	for _, s := range someStrings {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := &edigw.Claim{PatientControlNumber: s, Diagnoses: []edigw.Diagnosis{{Code: s}},
			Lines: []edigw.ServiceLine{{ProcedureCode: s, Modifiers: []string{s, s}, Notes: []edigw.Note{{Text: s}}}}}
		c.BillingProvider.Name, c.Subscriber.LastName = s, s
		same(t, "fuzzed", c)
	})
}
