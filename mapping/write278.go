package mapping

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

const x217 = "005010X217"

// Write278 writes authorization requests as one 278 interchange: one
// functional group (HI) and one transaction set per record, since X217
// carries one subscriber per set. A record with a Decision is written as a
// response (BHT02 11: the levels echoed with their AAA rejections, HCR in
// 2000E and in each 2000F with a decision), one without as a request
// (BHT02 13, or the record's Purpose 01/36).
//
// What the guide requires and a record may lack gets a default: BHT03 is
// ST02 and BHT04-05 the envelope's clock when SubmissionReference and
// SubmittedAt are empty; the UMO is NM1*X3, non-person, with the payer ID
// (NM108 PI); the requester's role is 1P and a provider's SJ; UM04-2 is B;
// a TraceNumber without Traces becomes one TRN (type 1 in a request, 2 in
// a response) assigned by 1 + the requester's EIN. The writer drops what
// the direction does not allow (a requester's address and contact in a
// response, the UMO's contact in a request) and what the guide never
// carries (a dependent's member ID, Decision.PendDueDate).
//
// Records are checked before anything is allocated or written (see
// CheckAuthorizationForWriting), and the file is built in memory (278
// batches are small) and validated against X217 before it goes to w: a
// record that would not validate is an error naming it, and w receives
// nothing.
func Write278(w io.Writer, env Envelope, requests []*edigw.AuthorizationRequest) error {
	if len(requests) == 0 {
		return errors.New("mapping: no authorization requests to write")
	}
	for i, a := range requests {
		if a == nil {
			return &RecordError{Kind: AuthorizationRecord, Index: i + 1, Err: errNilRecord}
		}
		if err := checkAuthorization(a, i+1); err != nil {
			return err
		}
	}
	return writeValidated(w, env, "HI", x217, AuthorizationRecord, "278", " as a 278", len(requests), func(o *out, i int) string {
		return o.authorizationSet(requests[i])
	})
}

// writeValidated writes n records as the sets of one interchange (set
// writes record i and returns its ST02), built in memory and validated
// against its guide before it goes to w. A record whose data cannot be
// written, or whose set would not validate, is a RecordError of kind
// naming it; written names the file in an error of the validator, and as
// ends "would not validate" (" as a 278", or nothing).
func writeValidated(w io.Writer, env Envelope, functionalID, guide string, kind RecordKind, written, as string, n int, set func(o *out, i int) string) error {
	var buf bytes.Buffer
	o, err := env.begin(&buf, functionalID, guide)
	if err != nil {
		return err
	}
	bySet := map[string]int{}
	for i := range n {
		bySet[set(o, i)] = i
		if o.err != nil {
			var de *edi.DataError
			if errors.As(o.err, &de) { // the record's data, not the envelope
				return &RecordError{Kind: kind, Index: i + 1, Err: fmt.Errorf("cannot be written: %w", o.err)}
			}
			return o.err
		}
	}
	if err := o.finish(); err != nil {
		return err
	}
	v := &ig.Validator{MaxErrors: 1}
	rep, err := v.Run(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return fmt.Errorf("mapping: validating the written %s: %w", written, err)
	}
	if !rep.OK() {
		e := rep.Errors[0]
		if i, ok := bySet[e.Pos.Set]; ok {
			return &RecordError{Kind: kind, Index: i + 1, Err: fmt.Errorf("would not validate%s: %w", as, e)}
		}
		return fmt.Errorf("mapping: the interchange would not validate%s: %w", as, e)
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// CheckAuthorizationForWriting reports what a request lacks that every 278
// requires: a *RecordError naming the fields.
func CheckAuthorizationForWriting(a *edigw.AuthorizationRequest) error {
	return checkAuthorization(a, 0)
}

// checkAuthorization checks the index-th request of a batch (0: a request
// alone).
func checkAuthorization(a *edigw.AuthorizationRequest, index int) error {
	var missing []string
	need := func(ok bool, what string, args ...any) {
		if !ok {
			missing = append(missing, fmt.Sprintf(what, args...))
		}
	}
	need(a.PayerID != "" || a.Reviewer.ID != "", "payerId (2010A NM109)")
	need(a.Purpose == "" || a.Decision == nil && (a.Purpose == "01" || a.Purpose == "36"),
		"purpose (BHT02) 01 or 36, and only on a request")
	need(a.PayerID == "" || a.Reviewer.ID == "" || string(a.PayerID) == a.Reviewer.ID,
		"payerId and reviewer.id to agree (both are 2010A NM109)")
	need(a.Requester.ID != "" && a.Requester.IDQualifier != "", "requester id and idQualifier (2010B NM108-09)")
	need(a.Subscriber.MemberID != "", "subscriber.memberId (2010C NM109)")
	need(a.RequestCategory != "", "requestCategory (UM01)")
	need(a.CertificationType != "", "certificationType (UM02)")
	need(a.SubmittedAt == "" || validStamp(a.SubmittedAt), "submittedAt as CCYYMMDDHHMM[SS[DD]] (BHT04-05)")
	need(a.Patient != nil || a.PatientRelationship == "" && a.PatientBirthSequence == "" && len(a.PatientReferences) == 0,
		"patient (2010D) for the patient's relationship and references")
	need(a.PatientBirthSequence == "" || a.PatientRelationship != "", "patientRelationship (INS02) with the birth sequence")
	missing = append(missing, checkTraces(a.Traces, "traces")...)
	if len(a.Traces) == 0 && a.TraceNumber != "" {
		need(len(a.Requester.TaxID) == 9, "traces, or requester.taxId (an EIN) to assign the trace number (TRN03)")
	}
	if len(a.Traces) > 0 && a.TraceNumber != "" {
		found := false
		for _, t := range a.Traces {
			found = found || t.Number == a.TraceNumber
		}
		need(found, "traceNumber among the traces")
	}
	need(a.Reviewer.Taxonomy == "", "no reviewer taxonomy (a UMO has no PRV)")
	missing = append(missing, checkParty(a.Requester, "requester")...)
	for j, p := range a.Providers {
		missing = append(missing, checkParty(p, fmt.Sprintf("providers[%d]", j))...)
	}
	if d := a.Decision; d != nil {
		own := false
		for _, r := range d.Rejections {
			own = own || r.Level == ""
		}
		need(d.Action != "" || own, "decision.action (HCR01) or a rejection of the event (AAA): a response event needs one")
		missing = append(missing, checkRejections(a, d, a.Providers, "decision", true)...)
	}
	for j, s := range a.Services {
		at := fmt.Sprintf("services[%d]", j)
		need(s.RequestCategory != "" && s.CertificationType != "" ||
			s.RequestCategory == "" && s.CertificationType == "" && s.ServiceType == "" && s.PlaceOfService == "" && s.LevelOfService == "",
			"%s requestCategory and certificationType (UM01-02) with the service's review information", at)
		hasSV := s.Charge != 0 || s.Quantity != "" || s.UnitBasis != "" || len(s.Modifiers) > 0 || len(s.DiagnosisPointers) > 0 || len(s.OralCavity) > 0
		need(!hasSV || s.ProcedureCode != "" || s.RevenueCode != "", "%s procedureCode (or revenueCode) for its quantity, amount or modifiers", at)
		need(s.ProcedureCode == "" || s.ProcedureQualifier != "", "%s procedureQualifier (HC, AD ...)", at)
		need(svSegment(s) != "SV3" || s.Quantity != "", "%s quantity (SV306, required for a dental service)", at)
		missing = append(missing, checkTraces(s.Traces, at+".traces")...)
		for k, p := range s.Providers {
			missing = append(missing, checkParty(p, fmt.Sprintf("%s.providers[%d]", at, k))...)
		}
		if s.Decision != nil {
			need(a.Decision != nil, "%s.decision only in a response (the record has no decision)", at)
			missing = append(missing, checkRejections(a, s.Decision, s.Providers, at+".decision", false)...)
		}
	}
	if len(missing) > 0 {
		return &RecordError{Kind: AuthorizationRecord, Index: index, Reasons: missing, Err: ErrIncomplete}
	}
	return nil
}

func checkTraces(ts []edigw.Trace, at string) []string {
	var missing []string
	for j, t := range ts {
		if t.Type == "" || t.Number == "" || len(t.Assigner) != 10 {
			missing = append(missing, fmt.Sprintf("%s[%d] type, number and a ten-character assigner (TRN01-03)", at, j))
		}
	}
	return missing
}

func checkParty(p edigw.ReviewParty, at string) []string {
	var missing []string
	if (p.ID == "") != (p.IDQualifier == "") {
		missing = append(missing, at+" id with its idQualifier (NM108-09)")
	}
	if (p.Taxonomy == "") != (p.ProviderCode == "") {
		missing = append(missing, at+" providerCode and taxonomy together (PRV01, PRV03)")
	}
	return missing
}

// checkRejections checks the AAA a decision holds: each at a level the
// record has, with a reason and follow-up.
func checkRejections(a *edigw.AuthorizationRequest, d *edigw.Decision, providers []edigw.ReviewParty, at string, event bool) []string {
	var missing []string
	for j, r := range d.Rejections {
		ok := r.Reason != "" && r.FollowUp != ""
		switch r.Level {
		case "":
		case edigw.LevelProvider:
			ok = ok && r.Provider >= 1 && r.Provider <= len(providers)
		case edigw.LevelPatient:
			ok = ok && event && a.Patient != nil
		case edigw.LevelSystem, edigw.LevelReviewer, edigw.LevelRequester, edigw.LevelSubscriber:
			ok = ok && event
		default:
			ok = false
		}
		ok = ok && (!r.Valid || r.Level == edigw.LevelSystem) && (r.Provider == 0 || r.Level == edigw.LevelProvider)
		if !ok {
			missing = append(missing, fmt.Sprintf("%s.rejections[%d]: reason and followUp (AAA03-04) at a level the record has", at, j))
		}
	}
	return missing
}

// validStamp checks BHT04-05 run together: a date and a time of 4, 6, 7
// or 8 digits.
func validStamp(s string) bool {
	if n := len(s); n != 12 && n != 14 && n != 15 && n != 16 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// authorizationSet writes one 278 transaction set for a record and
// returns its ST02.
func (o *out) authorizationSet(a *edigw.AuthorizationRequest) string {
	st02 := o.beginSet("278", x217)
	response := a.Decision != nil
	purpose := "13"
	switch {
	case response:
		purpose = "11"
	case a.Purpose != "":
		purpose = a.Purpose
	}
	at := or(a.SubmittedAt, o.now.Format("200601021504"))
	o.seg("BHT", "0007", purpose, or(a.SubmissionReference, st02), at[:8], at[8:], a.TransactionType)

	var rejections []edigw.Rejection
	if response {
		rejections = a.Decision.Rejections
	}
	aaa := func(level string, provider int) {
		for _, r := range rejections {
			if r.Level == level && r.Provider == provider {
				o.aaa(r)
			}
		}
	}

	o.seg("HL", "1", "", "20", "1")
	aaa(edigw.LevelSystem, 0)
	umo := a.Reviewer
	umo.Role = or(umo.Role, "X3")
	umo.ID = or(umo.ID, string(a.PayerID))
	umo.IDQualifier = or(umo.IDQualifier, "PI")
	o.reviewNM1(umo)
	if response {
		o.per("IC", umo.Contact)
		aaa(edigw.LevelReviewer, 0)
	}

	o.seg("HL", "2", "1", "21", "1")
	req := a.Requester
	req.Role = or(req.Role, "1P")
	o.reviewNM1(req)
	o.providerRefs(req)
	if response {
		aaa(edigw.LevelRequester, 0)
	} else {
		o.address(req.Address)
		o.per("IC", req.Contact)
	}
	o.prv(req)

	o.seg("HL", "3", "2", "22", "1")
	o.personNM1("IL", a.Subscriber)
	o.memberRefs(a.SubscriberReferences)
	o.address(a.Subscriber.Address)
	aaa(edigw.LevelSubscriber, 0)
	o.dmg(a.Subscriber)
	if a.SubscriberEmploymentStatus != "" {
		o.seg("INS", "Y", "18", "", "", "", "", "", a.SubscriberEmploymentStatus)
	}
	parent := 3
	if p := a.Patient; p != nil {
		parent = 4
		o.seg("HL", "4", "3", "23", "1")
		// A dependent is known by the subscriber's member ID: X217 has no
		// NM108-09 here.
		o.seg("NM1", "QC", "1", p.LastName, p.FirstName, p.MiddleName, "", p.Suffix)
		o.memberRefs(a.PatientReferences)
		o.address(p.Address)
		aaa(edigw.LevelPatient, 0)
		o.dmg(*p)
		if a.PatientRelationship != "" {
			ins := make([]string, 17)
			ins[0], ins[1], ins[16] = "N", a.PatientRelationship, a.PatientBirthSequence
			o.seg("INS", ins...)
		}
	}

	event := parent + 1
	child := "0"
	if len(a.Services) > 0 {
		child = "1"
	}
	o.seg("HL", strconv.Itoa(event), strconv.Itoa(parent), "EV", child)
	o.patientEvent(a, response, aaa)
	for i := range a.Services {
		o.seg("HL", strconv.Itoa(event+1+i), strconv.Itoa(event), "SS", "0")
		o.service(&a.Services[i], response)
	}
	o.endSet()
	return st02
}

// patientEvent writes the 2000E segments and its 2010EA providers.
func (o *out) patientEvent(a *edigw.AuthorizationRequest, response bool, aaa func(level string, provider int)) {
	switch {
	case len(a.Traces) > 0:
		o.traces(a.Traces)
	case a.TraceNumber != "":
		kind := "1"
		if response {
			kind = "2"
		}
		o.seg("TRN", kind, a.TraceNumber, "1"+a.Requester.TaxID)
	}
	aaa("", 0)
	causes := edi.Elem(nil)
	if len(a.RelatedCauses) > 0 || a.AccidentState != "" || a.AccidentCountry != "" {
		c := make([]string, 5)
		copy(c, a.RelatedCauses)
		c[3], c[4] = a.AccidentState, a.AccidentCountry
		causes = edi.Composite(c...)
	}
	o.segE("UM", edi.Simple(a.RequestCategory), edi.Simple(a.CertificationType), edi.Simple(a.ServiceType),
		location(a.PlaceOfService, a.FacilityCodeQualifier), causes, edi.Simple(a.LevelOfService),
		edi.Simple(a.HealthCondition), edi.Simple(a.Prognosis), edi.Simple(a.ReleaseOfInformation), edi.Simple(a.DelayReason))
	if response {
		o.hcr(a.Decision)
	}
	o.reviewRefs(response, a.PreviousAuthorization, a.AdministrativeReference)
	o.date("439", a.AccidentDate)
	o.date("484", a.LastMenstrualPeriod)
	o.date("ABC", a.EstimatedBirthDate)
	o.date("431", a.OnsetDate)
	o.dtp("AAH", a.EventPeriod)
	o.dtp("435", a.AdmissionPeriod)
	o.date("096", a.DischargeDate)
	if response {
		o.certificationDates(a.Decision)
	}
	if len(a.Diagnoses) > 0 {
		hi := make([]edi.Elem, len(a.Diagnoses))
		for i, d := range a.Diagnoses {
			if d.Date != "" {
				hi[i] = edi.Composite(d.Qualifier, d.Code, "D8", d.Date)
			} else {
				hi[i] = edi.Composite(d.Qualifier, d.Code)
			}
		}
		o.segE("HI", hi...)
	}
	o.hsd(a.Delivery)
	if a.AdmissionType != "" || a.AdmissionSource != "" || a.PatientStatus != "" || a.NursingHomeStatus != "" {
		o.seg("CL1", a.AdmissionType, a.AdmissionSource, a.PatientStatus, a.NursingHomeStatus)
	}
	o.pwk(a.Attachments)
	if a.Message != "" {
		o.seg("MSG", a.Message)
	}
	for i, p := range a.Providers {
		o.reviewProvider(p, response, func() { aaa(edigw.LevelProvider, i+1) })
	}
}

// service writes the 2000F segments of one service and its providers.
func (o *out) service(s *edigw.RequestedService, response bool) {
	o.traces(s.Traces)
	d := s.Decision
	aaa := func(provider int) {
		if d == nil {
			return
		}
		for _, r := range d.Rejections {
			if r.Provider == provider && (provider == 0) == (r.Level == "") {
				o.aaa(r)
			}
		}
	}
	aaa(0)
	if s.RequestCategory != "" {
		o.segE("UM", edi.Simple(s.RequestCategory), edi.Simple(s.CertificationType), edi.Simple(s.ServiceType),
			location(s.PlaceOfService, s.FacilityCodeQualifier), nil, edi.Simple(s.LevelOfService))
	}
	if response {
		o.hcr(d)
	}
	o.reviewRefs(response, s.PreviousAuthorization, s.AdministrativeReference)
	o.dtp("472", s.Period)
	if response {
		o.certificationDates(d)
	}
	o.reviewedService(s)
	for _, t := range s.Teeth {
		o.segE("TOO", edi.Simple("JP"), edi.Simple(t.Number), edi.Composite(t.Surfaces...))
	}
	o.hsd(s.Delivery)
	o.pwk(s.Attachments)
	if s.Message != "" {
		o.seg("MSG", s.Message)
	}
	for i, p := range s.Providers {
		o.reviewProvider(p, response, func() { aaa(i + 1) })
	}
}

// svSegment is the SV segment a service is written in ("" for none).
func svSegment(s edigw.RequestedService) string {
	if s.ProcedureCode == "" && s.RevenueCode == "" {
		return ""
	}
	switch {
	case s.Kind == edigw.Institutional || s.Kind == "" && s.RevenueCode != "":
		return "SV2"
	case s.Kind == edigw.Dental || s.Kind == "" && s.ProcedureQualifier == "AD":
		return "SV3"
	}
	return "SV1"
}

func (o *out) reviewedService(s *edigw.RequestedService) {
	amount := ""
	if s.Charge != 0 {
		amount = s.Charge.String()
	}
	var proc edi.Elem
	if s.ProcedureCode != "" {
		proc = procedure(s.ProcedureQualifier, s.ProcedureCode, s.Modifiers)
	}
	switch svSegment(*s) {
	case "SV1":
		pointers := make([]string, len(s.DiagnosisPointers))
		for i, p := range s.DiagnosisPointers {
			pointers[i] = strconv.Itoa(p)
		}
		o.segE("SV1", proc, edi.Simple(amount), edi.Simple(s.UnitBasis), edi.Simple(s.Quantity), nil, nil, edi.Composite(pointers...))
	case "SV2":
		o.segE("SV2", edi.Simple(s.RevenueCode), proc, edi.Simple(amount), edi.Simple(s.UnitBasis), edi.Simple(s.Quantity))
	case "SV3":
		o.segE("SV3", proc, edi.Simple(amount), nil, edi.Composite(s.OralCavity...), nil, edi.Simple(s.Quantity))
	}
}

// location is UM04: the place of service (or facility type) with its
// qualifier, B when the record has none.
func location(code, qualifier string) edi.Elem {
	if code == "" {
		return nil
	}
	return edi.Composite(code, or(qualifier, "B"))
}

func (o *out) traces(ts []edigw.Trace) {
	for _, t := range ts {
		o.seg("TRN", t.Type, t.Number, t.Assigner, t.AssignerDetail)
	}
}

func (o *out) aaa(r edigw.Rejection) {
	valid := "N"
	if r.Valid {
		valid = "Y"
	}
	o.seg("AAA", valid, "", r.Reason, r.FollowUp)
}

// hcr writes the review outcome when the decision has an action.
func (o *out) hcr(d *edigw.Decision) {
	if d == nil || d.Action == "" {
		return
	}
	reasons := make(edi.Elem, len(d.Reasons))
	for i, r := range d.Reasons {
		reasons[i] = []string{r}
	}
	o.segE("HCR", edi.Simple(d.Action), edi.Simple(d.CertificationNumber), reasons, edi.Simple(d.SecondSurgicalOpinion))
}

// certificationDates writes DTP*102, then the effective period the way
// the reader folds it back: an end as DTP*036, a start as DTP*007.
func (o *out) certificationDates(d *edigw.Decision) {
	if d == nil {
		return
	}
	o.date("102", d.IssueDate)
	if ep := d.EffectivePeriod; ep != nil {
		o.date("036", ep.To)
		o.date("007", ep.From)
	}
}

// reviewRefs writes the previous authorization (REF*BB) and the
// administrative reference (REF*NT) in the direction's order.
func (o *out) reviewRefs(response bool, previous, administrative string) {
	refs := [][2]string{{"BB", previous}, {"NT", administrative}}
	if response {
		refs[0], refs[1] = refs[1], refs[0]
	}
	for _, r := range refs {
		if r[1] != "" {
			o.seg("REF", r[0], r[1])
		}
	}
}

// date writes a single-date DTP when the date is known.
func (o *out) date(qualifier, d string) {
	if d != "" {
		o.seg("DTP", qualifier, "D8", d)
	}
}

func (o *out) hsd(d *edigw.DeliveryPattern) {
	if d == nil {
		return
	}
	o.seg("HSD", d.QuantityQualifier, d.Quantity, d.UnitBasis, d.SampleModulus, d.PeriodQualifier, d.PeriodCount, d.Frequency, d.TimeOfDay)
}

func (o *out) pwk(as []edigw.Attachment) {
	for _, p := range as {
		q := ""
		if p.ControlNumber != "" {
			q = "AC"
		}
		o.seg("PWK", p.ReportType, p.Transmission, "", "", q, p.ControlNumber, p.Description)
	}
}

// reviewProvider writes a 2010EA or 2010F(A) loop; aaa writes its rejections
// (a response's, between PER and PRV).
func (o *out) reviewProvider(p edigw.ReviewParty, response bool, aaa func()) {
	p.Role = or(p.Role, "SJ")
	o.reviewNM1(p)
	o.providerRefs(p)
	o.address(p.Address)
	o.per("IC", p.Contact)
	if response {
		aaa()
	}
	o.prv(p)
}

func (o *out) reviewNM1(p edigw.ReviewParty) {
	o.seg("NM1", p.Role, entityType(p.Party), p.Name, p.FirstName, p.MiddleName, "", p.Suffix, p.IDQualifier, p.ID)
}

// providerRefs writes the tax ID (REF*EI) and the other identifiers.
func (o *out) providerRefs(p edigw.ReviewParty) {
	if p.TaxID != "" {
		o.seg("REF", "EI", p.TaxID)
	}
	for _, r := range p.References {
		o.seg("REF", r.Qualifier, r.Value, r.State)
	}
}

func (o *out) memberRefs(refs []edigw.Reference) {
	for _, r := range refs {
		o.seg("REF", r.Qualifier, r.Value)
	}
}

func (o *out) prv(p edigw.ReviewParty) {
	if p.ProviderCode != "" {
		o.seg("PRV", p.ProviderCode, "PXC", p.Taxonomy)
	}
}
