package storage

import (
	"encoding/json"
	"strconv"
	"unicode/utf8"

	"github.com/edigw/edigw"
)

// appendClaimJSON appends c exactly as encoding/json encodes it (field
// order, omitempty, null for a nil slice without omitempty, Amount through
// its MarshalText, HTML-safe escaping): the stored claim record. A bulk
// load encodes a record per claim, and encoding/json's reflection was 15%
// of an 837's CPU in the loading process; this is four to five times
// faster (docs/benchmarks.md). TestClaimJSONIsEncodingJSON holds it to
// encoding/json byte for byte, on every field of every type it writes:
// a field added to edigw.Claim and not here fails that test.
func appendClaimJSON(b []byte, c *edigw.Claim) []byte {
	w := jsonWriter{b: b}
	w.open()
	w.str("payerId", string(c.PayerID))
	w.str("kind", string(c.Kind))
	w.str("patientControlNumber", c.PatientControlNumber)
	w.amount("totalCharge", c.TotalCharge)
	w.str("facilityCode", c.FacilityCode)
	w.str("facilityCodeQualifier", c.FacilityCodeQualifier)
	w.str("frequencyCode", c.FrequencyCode)
	w.strOmit("providerSignature", c.ProviderSignature)
	w.strOmit("assignment", c.Assignment)
	w.strOmit("benefitsAssigned", c.BenefitsAssigned)
	w.strOmit("releaseOfInformation", c.ReleaseOfInformation)
	w.strOmit("patientSignatureSource", c.PatientSignatureSource)
	w.strOmit("delayReason", c.DelayReason)
	w.party("submitter", &c.Submitter)
	w.party("receiver", &c.Receiver)
	w.party("billingProvider", &c.BillingProvider)
	w.partyOmit("renderingProvider", c.RenderingProvider)
	w.partyOmit("referringProvider", c.ReferringProvider)
	w.partyOmit("attendingProvider", c.AttendingProvider)
	w.person("subscriber", &c.Subscriber)
	if c.Patient != nil {
		w.person("patient", c.Patient)
	}
	w.party("payer", &c.Payer)
	w.strOmit("payerResponsibility", c.PayerResponsibility)
	w.strOmit("claimFilingCode", c.ClaimFilingCode)
	w.strOmit("groupNumber", c.GroupNumber)
	w.strOmit("groupName", c.GroupName)
	w.strOmit("insuranceType", c.InsuranceType)
	w.strOmit("patientRelationship", c.PatientRelationship)
	if c.Diagnoses == nil {
		w.key("diagnoses")
		w.null()
	} else {
		w.array("diagnoses", len(c.Diagnoses), func(i int) {
			d := &c.Diagnoses[i]
			w.open()
			w.str("qualifier", d.Qualifier)
			w.str("code", d.Code)
			w.strOmit("presentOnAdmission", d.PresentOnAdmission)
			w.close()
		})
	}
	w.strOmit("priorAuthorization", c.PriorAuthorization)
	w.strOmit("payerClaimNumber", c.PayerClaimNumber)
	w.periodOmit("servicePeriod", c.ServicePeriod)
	w.strOmit("admissionType", c.AdmissionType)
	w.strOmit("admissionSource", c.AdmissionSource)
	w.strOmit("patientStatus", c.PatientStatus)
	w.strOmit("admissionDate", c.AdmissionDate)
	w.strOmit("dischargeHour", c.DischargeHour)
	w.strOmit("drg", c.DRG)
	if len(c.ValueCodes) > 0 {
		w.array("valueCodes", len(c.ValueCodes), func(i int) {
			w.open()
			w.str("code", c.ValueCodes[i].Code)
			w.amount("amount", c.ValueCodes[i].Amount)
			w.close()
		})
	}
	w.strOmit("initialTreatmentDate", c.InitialTreatmentDate)
	w.strOmit("lastSeenDate", c.LastSeenDate)
	w.strOmit("clearinghouseTrace", c.ClearinghouseTrace)
	w.strOmit("medicalRecordNumber", c.MedicalRecordNumber)
	w.notesOmit("notes", c.Notes)
	w.partyOmit("payTo", c.PayTo)
	w.partyOmit("serviceFacility", c.ServiceFacility)
	if c.Lines == nil {
		w.key("lines")
		w.null()
	} else {
		w.array("lines", len(c.Lines), func(i int) { w.line(&c.Lines[i]) })
	}
	w.str("status", string(c.Status))
	if len(c.AuthorizationFindings) > 0 {
		w.array("authorizationFindings", len(c.AuthorizationFindings), func(i int) {
			f := &c.AuthorizationFindings[i]
			w.open()
			w.str("rule", f.Rule)
			w.str("code", f.Code)
			w.str("action", f.Action)
			w.intOmit("line", f.Line)
			w.strOmit("category", f.Category)
			w.str("message", f.Message)
			w.close()
		})
	}
	w.close()
	return w.b
}

func (w *jsonWriter) line(l *edigw.ServiceLine) {
	w.open()
	w.key("number")
	w.b = strconv.AppendInt(w.b, int64(l.Number), 10)
	w.str("procedureQualifier", l.ProcedureQualifier)
	w.str("procedureCode", l.ProcedureCode)
	w.stringsOmit("modifiers", l.Modifiers)
	w.strOmit("revenueCode", l.RevenueCode)
	w.amount("charge", l.Charge)
	w.strOmit("unitBasis", l.UnitBasis)
	w.strOmit("units", l.Units)
	w.strOmit("placeOfService", l.PlaceOfService)
	if len(l.DiagnosisPointers) > 0 {
		w.array("diagnosisPointers", len(l.DiagnosisPointers), func(i int) {
			w.b = strconv.AppendInt(w.b, int64(l.DiagnosisPointers[i]), 10)
		})
	}
	w.periodOmit("serviceDate", l.ServiceDate)
	w.strOmit("lineItemControlNumber", l.LineItemControlNumber)
	w.strOmit("description", l.Description)
	w.notesOmit("notes", l.Notes)
	if len(l.Teeth) > 0 {
		w.array("teeth", len(l.Teeth), func(i int) {
			w.open()
			w.str("number", l.Teeth[i].Number)
			w.stringsOmit("surfaces", l.Teeth[i].Surfaces)
			w.close()
		})
	}
	w.stringsOmit("oralCavity", l.OralCavity)
	w.close()
}

func (w *jsonWriter) party(k string, p *edigw.Party) {
	w.key(k)
	w.open()
	w.str("name", p.Name)
	w.strOmit("entityType", p.EntityType)
	w.strOmit("firstName", p.FirstName)
	w.strOmit("middleName", p.MiddleName)
	w.strOmit("suffix", p.Suffix)
	w.strOmit("idQualifier", p.IDQualifier)
	w.strOmit("id", p.ID)
	w.strOmit("taxId", p.TaxID)
	w.strOmit("taxonomy", p.Taxonomy)
	w.addressOmit(p.Address)
	if c := p.Contact; c != nil {
		w.key("contact")
		w.open()
		w.strOmit("name", c.Name)
		w.strOmit("phone", c.Phone)
		w.strOmit("email", c.Email)
		w.strOmit("fax", c.Fax)
		w.strOmit("url", c.URL)
		w.close()
	}
	w.close()
}

func (w *jsonWriter) partyOmit(k string, p *edigw.Party) {
	if p != nil {
		w.party(k, p)
	}
}

func (w *jsonWriter) person(k string, p *edigw.Person) {
	w.key(k)
	w.open()
	w.str("lastName", p.LastName)
	w.strOmit("firstName", p.FirstName)
	w.strOmit("middleName", p.MiddleName)
	w.strOmit("suffix", p.Suffix)
	w.strOmit("memberId", p.MemberID)
	w.strOmit("birthDate", p.BirthDate)
	w.strOmit("gender", p.Gender)
	w.addressOmit(p.Address)
	w.strOmit("ssn", p.SSN)
	w.close()
}

func (w *jsonWriter) addressOmit(a *edigw.Address) {
	if a == nil {
		return
	}
	w.key("address")
	w.open()
	w.str("line1", a.Line1)
	w.strOmit("line2", a.Line2)
	w.str("city", a.City)
	w.strOmit("state", a.State)
	w.strOmit("postalCode", a.PostalCode)
	w.strOmit("country", a.Country)
	w.close()
}

func (w *jsonWriter) periodOmit(k string, p *edigw.Period) {
	if p == nil {
		return
	}
	w.key(k)
	w.open()
	w.str("from", p.From)
	w.strOmit("to", p.To)
	w.close()
}

func (w *jsonWriter) notesOmit(k string, notes []edigw.Note) {
	if len(notes) > 0 {
		w.array(k, len(notes), func(i int) {
			w.open()
			w.str("code", notes[i].Code)
			w.str("text", notes[i].Text)
			w.close()
		})
	}
}

// jsonWriter appends one JSON object's members: first says whether the
// next member is the first of its object (no comma before it).
type jsonWriter struct {
	b     []byte
	first bool
}

func (w *jsonWriter) open()  { w.b, w.first = append(w.b, '{'), true }
func (w *jsonWriter) close() { w.b, w.first = append(w.b, '}'), false }
func (w *jsonWriter) null()  { w.b = append(w.b, "null"...) }

// array writes member k, an array of n elements that elem writes.
func (w *jsonWriter) array(k string, n int, elem func(i int)) {
	w.key(k)
	w.b = append(w.b, '[')
	for i := range n {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		elem(i)
	}
	w.b = append(w.b, ']')
}

// key starts a member; k is one of this file's names, which need no
// escaping.
func (w *jsonWriter) key(k string) {
	if !w.first {
		w.b = append(w.b, ',')
	}
	w.first = false
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
}

func (w *jsonWriter) str(k, v string) {
	w.key(k)
	w.string(v)
}

func (w *jsonWriter) strOmit(k, v string) {
	if v != "" {
		w.str(k, v)
	}
}

func (w *jsonWriter) intOmit(k string, v int) {
	if v != 0 {
		w.key(k)
		w.b = strconv.AppendInt(w.b, int64(v), 10)
	}
}

// amount is an Amount as encoding/json writes it: its MarshalText, a
// string.
func (w *jsonWriter) amount(k string, a edigw.Amount) {
	w.key(k)
	w.string(a.String())
}

func (w *jsonWriter) stringsOmit(k string, vs []string) {
	if len(vs) > 0 {
		w.array(k, len(vs), func(i int) { w.string(vs[i]) })
	}
}

// string appends s quoted. The printable ASCII that encoding/json writes
// as it is (all but the quote, the backslash and its HTML-escaped <, >
// and &) is copied; anything else, rare in a claim, is left to
// encoding/json itself, so that escapes are its own to the byte.
func (w *jsonWriter) string(s string) {
	for i := 0; i < len(s); i++ {
		if !plainJSON[s[i]] {
			q, _ := json.Marshal(s) // a string always encodes
			w.b = append(w.b, q...)
			return
		}
	}
	w.b = append(w.b, '"')
	w.b = append(w.b, s...)
	w.b = append(w.b, '"')
}

// plainJSON says which bytes encoding/json writes inside a string as they
// are: printable ASCII but the quote, the backslash, <, > and &.
var plainJSON = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' && c != 0x7f
	}
	return t
}()
