package mapping

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/edigw/edigw"
)

func TestJSONViewDescribesCodesInPlace(t *testing.T) {
	rm := &edigw.Remittance{PaymentMethod: "CHK", PaymentAmount: 88000, Claims: []edigw.ClaimPayment{{
		PatientControlNumber: "DME-1", StatusCode: "4",
		Adjustments: []edigw.Adjustment{{Group: "CO", Reason: "197", Amount: 185000}},
		Services:    []edigw.ServicePayment{{ProcedureCode: "E0260", RemarkCodes: []string{"M62", "N999999"}}},
	}}, ProviderAdjusts: []edigw.ProviderAdjust{{Reason: "L6", Amount: -125}}}
	var buf bytes.Buffer
	if err := WriteJSON(&buf, rm); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		`"paymentMethod":"CHK","paymentMethodValue":"`,
		`"statusCode":"4","statusCodeValue":"`,
		`"group":"CO","groupValue":"`,
		`"reason":"197","reasonValue":"`,
		`"remarkCodes":["M62","N999999"],"remarkCodesValue":["`,
		`"reason":"L6","reasonValue":"`,
		`"paymentAmount":"880"`,
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in %s", want, out)
		}
	}
	var generic map[string]any
	if err := json.Unmarshal(buf.Bytes(), &generic); err != nil {
		t.Fatalf("the view is not JSON: %v", err)
	}
	// An unknown code gets an empty description, keeping the list aligned.
	if !strings.Contains(out, `"remarkCodesValue":["`) || !strings.Contains(out, `",""]`) {
		t.Errorf("remark descriptions not aligned with the codes: %s", out)
	}
	// Stripping the descriptions gives back the record's own JSON.
	stripped, err := StripDescriptions(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	plain, _ := json.Marshal(rm)
	if !bytes.Equal(stripped, plain) {
		t.Errorf("stripped view differs from the record:\n%s\n%s", stripped, plain)
	}
	var back edigw.Remittance
	dec := json.NewDecoder(bytes.NewReader(stripped))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&back); err != nil {
		t.Errorf("stripped view does not decode strictly: %v", err)
	}
}

func TestJSONViewRefusesBrokenJSON(t *testing.T) {
	for _, in := range []string{`{"a":`, `[1,2`, `{"a":1}}`} {
		if _, err := Describe([]byte(in)); err == nil {
			t.Errorf("%q: no error", in)
		}
	}
}
