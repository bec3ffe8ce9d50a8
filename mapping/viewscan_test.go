package mapping

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
)

// viewInputs are JSON documents to render both ways: every record of the
// golden JSON views, without and with their descriptions, and documents
// made to reach the corners (escapes Marshal normalizes, code lists in
// arrays, arrays of arrays, whitespace, literals).
func viewInputs(t testing.TB) [][]byte {
	t.Helper()
	inputs := [][]byte{
		[]byte(`{}`), []byte(`[]`), []byte(`"12"`), []byte(`12.5e3`), []byte(`null`), []byte(`[true,false,null,-0.5]`),
		[]byte(` { "placeOfService" : "12" , "frequencyCode":"1", "gender": "F" } `),
		[]byte(`{"adjustments":[{"group":"CO","reason":"45","amount":"250"},{"group":"PR","reason":"1"}],"remarkCodes":["M62","N130"]}`),
		[]byte(`{"claims":[{"statusCode":"1","remarkCodes":["MA01"],"services":[{"adjustments":[{"group":"OA","reason":"23"}]}]}]}`),
		[]byte(`{"remarkCodes":[],"reason":"45","decision":{"action":"A1"},"action":"A1","diagnoses":[{"qualifier":"ABK","code":"E119"}]}`),
		[]byte(`{"remarkCodes":["NOPE","M62",7,{"a":1},["x"]],"placeOfService":"99"}`),
		[]byte(`{"name":"A<B>&C \u00e9 \u2028 \"q\" \\ \n \t \u0001","placeOfService":"1\u0032"}`),
		[]byte(`{"name":"é ☃ 𝄞","x":[[["frequencyCode"]]],"frequencyCode":["1","7"]}`),
		[]byte("{\"gender\":\"F\",\"weird\":\"\xe2\x80\xa8\"}"),
		[]byte(`[{"placeOfService":"11"},{"placeOfService":"12","nested":{"gender":"M"}}]`),
		[]byte(`{"kind":"institutional","diagnoses":[{"qualifier":"ABK","code":"I10","presentOnAdmission":"Y"},{"qualifier":"ABF","code":"E119","presentOnAdmission":"1"}],"drg":"470","valueCodes":[{"code":"80","amount":"4"}],"notes":[{"code":"ADD","text":"X"}],"payTo":{"entityType":"2","address":{"line1":"PO BOX 1","city":"TORONTO","state":"ON","country":"CA"}},"subscriber":{"lastName":"DOE","gender":"F","ssn":"1"},"lines":[{"description":"D","placeOfService":"11","notes":[]}]}`),
		[]byte(`{"sets":[{"code":"R","errors":["5"],"segmentErrors":[{"code":"8","elements":[{"code":"7"}]}]}],"group":{"code":"A","errors":["1"]}}`),
	}
	files, err := filepath.Glob(filepath.Join("..", "fixtures", "golden", "json", "*.jsonl"))
	if err != nil || len(files) == 0 {
		t.Fatalf("golden JSON: %v (%d files)", err, len(files))
	}
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(nil, 16<<20)
		for sc.Scan() {
			line := bytes.Clone(sc.Bytes())
			stripped, err := StripDescriptions(line)
			if err != nil {
				t.Fatalf("%s: %v", name, err)
			}
			inputs = append(inputs, line, stripped)
		}
		f.Close()
	}
	return inputs
}

func TestAppendViewIsDescribe(t *testing.T) {
	inputs := viewInputs(t)
	described := 0
	for i, raw := range inputs {
		want, err := Describe(raw)
		if err != nil {
			t.Fatalf("input %d: Describe: %v", i, err)
		}
		got, err := AppendView([]byte("prefix:"), raw)
		if err != nil {
			t.Fatalf("input %d: AppendView: %v\n%s", i, err, raw)
		}
		if !bytes.Equal(got, append([]byte("prefix:"), want...)) {
			t.Fatalf("input %d differs:\n in:  %s\n got: %s\nwant: prefix:%s", i, raw, got, want)
		}
		if !bytes.Equal(want, raw) {
			described++
		}
	}
	if described < len(inputs)/3 {
		t.Errorf("only %d of %d inputs gained descriptions: the inputs do not exercise the view", described, len(inputs))
	}
}

func TestAppendViewRefusesMalformedJSON(t *testing.T) {
	for _, raw := range []string{``, `{`, `{"a":}`, `{"a" 1}`, `[1,]`, `{"a":1,}`, `"open`, `{"a":"\x01"}`, `tru`, `1 2`, `{}x`, `[1 2]`} {
		if out, err := AppendView(nil, []byte(raw)); err == nil {
			t.Errorf("%q: no error, wrote %q", raw, out)
		}
	}
}

// FuzzAppendView holds AppendView to Describe on any valid JSON.
func FuzzAppendView(f *testing.F) {
	for _, in := range viewInputs(f) {
		if len(in) < 4096 {
			f.Add(in)
		}
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		got, err := AppendView(nil, raw)
		if !json.Valid(raw) {
			if err == nil {
				t.Fatalf("malformed %q rendered as %q", raw, got)
			}
			return
		}
		want, derr := Describe(raw)
		if derr != nil || err != nil {
			t.Fatalf("valid %q: Describe %v, AppendView %v", raw, derr, err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("%q:\n got: %s\nwant: %s", raw, got, want)
		}
	})
}

func BenchmarkDescribeRemittanceView(b *testing.B) {
	raw := largestInput(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Describe(raw); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAppendViewRemittanceView(b *testing.B) {
	raw := largestInput(b)
	b.SetBytes(int64(len(raw)))
	b.ReportAllocs()
	var buf []byte
	for b.Loop() {
		var err error
		if buf, err = AppendView(buf[:0], raw); err != nil {
			b.Fatal(err)
		}
	}
}

// largestInput is the biggest golden record without its descriptions.
func largestInput(b *testing.B) []byte {
	var best []byte
	for _, in := range viewInputs(b) {
		if len(in) > len(best) && !bytes.Contains(in, []byte("Value\"")) {
			best = in
		}
	}
	return best
}
