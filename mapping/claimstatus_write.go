package mapping

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/edi/ig"
)

const x212 = "005010X212"

// ClaimStatusRecord names claim status records in a writer's errors.
const ClaimStatusRecord RecordKind = "claim status record"

// Write276 writes claim status inquiries as one 276 interchange (group
// HR). Consecutive inquiries that share a BHT (reference and creation
// time) go in one set, and within it those that share their payer,
// receiver, provider, subscriber and dependent share those levels: what
// ReadClaimStatus made of a 276 is written back as the same claims.
//
// Defaults for what the guide requires and a record may lack: BHT03 is
// ST02, BHT04-05 the envelope's clock, the payer's NM108 PI with the
// payer ID. The file is validated against X212 before it reaches w.
func Write276(w io.Writer, env Envelope, inquiries []*edigw.ClaimStatusInquiry) error {
	rs := make([]*edigw.ClaimStatusResponse, len(inquiries))
	for i, q := range inquiries {
		if q == nil {
			return &RecordError{Kind: ClaimStatusRecord, Index: i + 1, Err: errNilRecord}
		}
		rs[i] = &edigw.ClaimStatusResponse{PayerID: q.PayerID, Reference: q.Reference, CreatedAt: q.CreatedAt,
			Payer: q.Payer, Receiver: q.Receiver, Provider: q.Provider, ClaimStatusClaim: q.ClaimStatusClaim}
	}
	return writeClaimStatus(w, env, rs, false)
}

// Write277 writes claim status responses as one 277 (X212) interchange
// (group HN), grouped as Write276 groups inquiries. Each claim needs a
// status, and so does each line.
func Write277(w io.Writer, env Envelope, responses []*edigw.ClaimStatusResponse) error {
	for i, r := range responses {
		if r == nil {
			return &RecordError{Kind: ClaimStatusRecord, Index: i + 1, Err: errNilRecord}
		}
	}
	return writeClaimStatus(w, env, responses, true)
}

// CheckClaimStatusForWriting reports what a record lacks that every 276
// (response false) or 277 requires.
func CheckClaimStatusForWriting(r *edigw.ClaimStatusResponse, response bool) error {
	return checkClaimStatus(r, 0, response)
}

func checkClaimStatus(r *edigw.ClaimStatusResponse, index int, response bool) error {
	var missing []string
	need := func(ok bool, what string) {
		if !ok {
			missing = append(missing, what)
		}
	}
	need(r.PayerID != "" || r.Payer.ID != "", "missing payerId (2100A NM109)")
	need(r.PayerID == "" || r.Payer.ID == "" || string(r.PayerID) == r.Payer.ID, "payerId and payer.id to agree (both are 2100A NM109)")
	need(r.Payer.Name != "", "missing payer.name (2100A NM103)")
	need(r.Receiver.ID != "", "missing receiver.id (2100B NM109)")
	need(r.Provider.ID != "" && r.Provider.IDQualifier != "", "missing provider id and idQualifier (2100C NM108-09)")
	need(r.Subscriber.LastName != "" && r.Subscriber.MemberID != "", "missing subscriber lastName and memberId (2100D)")
	need(r.Patient == nil || r.Patient.LastName != "", "missing patient.lastName (2100E)")
	need(response || r.Patient == nil || r.Patient.BirthDate != "" && r.Patient.Gender != "", "missing patient birthDate and gender (2000E DMG)")
	need(r.TraceNumber != "", "missing traceNumber (TRN02)")
	need(r.CreatedAt == "" || validStamp(r.CreatedAt), "createdAt as CCYYMMDDHHMM[SS[DD]] (BHT04-05)")
	need(!response || len(r.Statuses) > 0, "missing statuses (STC)")
	// A 2200B or 2200C loop needs both its TRN and an STC.
	need(!response || (r.ReceiverTrace == "") == (len(r.ReceiverStatuses) == 0), "receiverTrace and receiverStatuses together (2200B TRN02 and STC)")
	need(!response || (r.ProviderTrace == "") == (len(r.ProviderStatuses) == 0), "providerTrace and providerStatuses together (2200C TRN02 and STC)")
	for i, l := range r.Lines {
		need(l.Procedure.Qualifier != "" && l.Procedure.Code != "", fmt.Sprintf("missing lines[%d].procedure (SVC01)", i))
		need(l.ServiceDate != nil && l.ServiceDate.From != "", fmt.Sprintf("missing lines[%d].serviceDate (DTP*472)", i))
		need(!response || len(l.Statuses) > 0, fmt.Sprintf("missing lines[%d].statuses (STC)", i))
	}
	if len(missing) == 0 {
		return nil
	}
	return &RecordError{Kind: ClaimStatusRecord, Index: index, Reasons: missing, Err: ErrIncomplete}
}

func writeClaimStatus(w io.Writer, env Envelope, rs []*edigw.ClaimStatusResponse, response bool) error {
	if len(rs) == 0 {
		return errors.New("mapping: no claim status records to write")
	}
	for i, r := range rs {
		if err := checkClaimStatus(r, i+1, response); err != nil {
			return err
		}
	}
	set, fid := "276", "HR"
	if response {
		set, fid = "277", "HN"
	}
	var buf bytes.Buffer
	o, err := env.begin(&buf, fid, x212)
	if err != nil {
		return err
	}
	for start := 0; start < len(rs); {
		end := start + 1
		for end < len(rs) && rs[end].Reference == rs[start].Reference && rs[end].CreatedAt == rs[start].CreatedAt {
			end++
		}
		o.claimStatusSet(set, rs[start:end], response)
		start = end
	}
	if err := o.finish(); err != nil {
		return err
	}
	v := &ig.Validator{MaxErrors: 1}
	rep, err := v.Run(bytes.NewReader(buf.Bytes()))
	if err != nil {
		return fmt.Errorf("mapping: validating the written %s: %w", set, err)
	}
	if !rep.OK() {
		return fmt.Errorf("mapping: the records would not validate as a %s: %w", set, rep.Errors[0])
	}
	_, err = w.Write(buf.Bytes())
	return err
}

// claimStatusLevels numbers the HL levels of one set as the records
// open them: a level is new when its party differs from the open one's.
type claimStatusLevels struct {
	o                      *out
	n                      int
	source, receiver, prov int // the open levels' HL01
	subscriber             int
	last                   *edigw.ClaimStatusResponse
}

func (o *out) claimStatusSet(set string, rs []*edigw.ClaimStatusResponse, response bool) {
	st02 := o.beginSet(set, x212)
	at := or(rs[0].CreatedAt, o.now.Format("200601021504"))
	if response {
		o.seg("BHT", "0010", "08", or(rs[0].Reference, st02), at[:8], at[8:], "DG")
	} else {
		o.seg("BHT", "0010", "13", or(rs[0].Reference, st02), at[:8], at[8:])
	}
	lv := &claimStatusLevels{o: o}
	for i, r := range rs {
		var next *edigw.ClaimStatusResponse
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		lv.claim(r, next, response)
	}
	o.endSet()
}

func (lv *claimStatusLevels) hl(parent int, level string, hasChildren bool) int {
	lv.n++
	p, child := "", "0"
	if parent > 0 {
		p = fmt.Sprint(parent)
	}
	if hasChildren {
		child = "1"
	}
	if level == "23" {
		child = ""
	}
	lv.o.seg("HL", fmt.Sprint(lv.n), p, level, child)
	return lv.n
}

func samePayer(a, b *edigw.ClaimStatusResponse) bool {
	return a.PayerID == b.PayerID && reflect.DeepEqual(a.Payer, b.Payer)
}
func sameReceiver(a, b *edigw.ClaimStatusResponse) bool {
	return samePayer(a, b) && reflect.DeepEqual(a.Receiver, b.Receiver) &&
		a.ReceiverTrace == b.ReceiverTrace && reflect.DeepEqual(a.ReceiverStatuses, b.ReceiverStatuses)
}
func sameProvider(a, b *edigw.ClaimStatusResponse) bool {
	return sameReceiver(a, b) && reflect.DeepEqual(a.Provider, b.Provider) &&
		a.ProviderTrace == b.ProviderTrace && reflect.DeepEqual(a.ProviderStatuses, b.ProviderStatuses)
}
func sameSubscriber(a, b *edigw.ClaimStatusResponse) bool {
	return sameProvider(a, b) && reflect.DeepEqual(a.Subscriber, b.Subscriber) && a.SubscriberIDQualifier == b.SubscriberIDQualifier
}
func samePatient(a, b *edigw.ClaimStatusResponse) bool {
	return sameSubscriber(a, b) && a.Patient != nil && b.Patient != nil && reflect.DeepEqual(*a.Patient, *b.Patient)
}

// claim writes one record, opening the levels it does not share with the
// one before. A subscriber's own claims (2200D) come before its
// dependents (2000E): a subscriber claim after a dependent's opens the
// subscriber again.
func (lv *claimStatusLevels) claim(r, next *edigw.ClaimStatusResponse, response bool) {
	o, last := lv.o, lv.last
	newSource := last == nil || !samePayer(last, r)
	newReceiver := newSource || !sameReceiver(last, r)
	newProvider := newReceiver || !sameProvider(last, r)
	newSubscriber := newProvider || !sameSubscriber(last, r) || r.Patient == nil && last.Patient != nil
	if newSource {
		lv.source = lv.hl(0, "20", true)
		p := r.Payer
		p.ID = or(p.ID, string(r.PayerID))
		p.IDQualifier = or(p.IDQualifier, "PI")
		p.EntityType = "2"
		o.nm1("PR", p)
		if response {
			o.per("IC", p.Contact)
		}
	}
	if newReceiver {
		lv.receiver = lv.hl(lv.source, "21", true)
		rc := r.Receiver
		rc.IDQualifier = "46"
		o.nm1("41", rc)
		if response {
			o.levelStatus("2", r.ReceiverTrace, r.ReceiverStatuses)
		}
	}
	if newProvider {
		lv.prov = lv.hl(lv.receiver, "19", true)
		o.nm1("1P", r.Provider)
		if response {
			o.levelStatus("1", r.ProviderTrace, r.ProviderStatuses)
		}
	}
	if newSubscriber {
		// HL04: whether a dependent of this subscriber follows.
		children := r.Patient != nil || next != nil && next.Patient != nil && sameSubscriber(r, next)
		lv.subscriber = lv.hl(lv.prov, "22", children)
		if !response {
			o.dmg(r.Subscriber)
		}
		s := r.Subscriber
		o.seg("NM1", "IL", "1", s.LastName, s.FirstName, s.MiddleName, "", s.Suffix, or(r.SubscriberIDQualifier, "MI"), s.MemberID)
	}
	if r.Patient != nil && (newSubscriber || !samePatient(last, r)) {
		lv.hl(lv.subscriber, "23", false)
		if !response {
			o.dmg(*r.Patient)
		}
		p := r.Patient
		o.seg("NM1", "QC", "1", p.LastName, p.FirstName, p.MiddleName, "", p.Suffix)
	}
	lv.last = r
	lv.claimLoop(r, response)
}

func (lv *claimStatusLevels) claimLoop(r *edigw.ClaimStatusResponse, response bool) {
	o := lv.o
	if response {
		o.seg("TRN", "2", r.TraceNumber)
		for _, d := range r.Statuses {
			o.stc212(d)
		}
	} else {
		o.seg("TRN", "1", r.TraceNumber)
	}
	for _, ref := range [...][2]string{{"1K", r.PayerClaimControlNumber}, {"BLT", r.BillType}, {"EJ", r.PatientControlNumber},
		{"XZ", r.Prescription}, {"VV", r.Voucher}, {"D9", r.ClearinghouseTrace}} {
		if ref[1] != "" {
			o.seg("REF", ref[0], ref[1])
		}
	}
	if !response && r.Charge != nil {
		o.seg("AMT", "T3", r.Charge.String())
	}
	o.dtp("472", r.ServiceDate)
	for _, l := range r.Lines {
		pay, units := "", l.Units
		if response {
			pay = "0"
			if l.Payment != nil {
				pay = l.Payment.String()
			}
			units = or(units, "1")
		}
		o.segE("SVC", procedure(l.Procedure.Qualifier, l.Procedure.Code, l.Procedure.Modifiers), edi.Simple(l.Charge.String()), edi.Simple(pay),
			edi.Simple(l.RevenueCode), edi.Simple(""), edi.Simple(""), edi.Simple(units))
		if response {
			for _, d := range l.Statuses {
				o.stc212(d)
			}
		}
		if l.ControlNumber != "" {
			o.seg("REF", "FJ", l.ControlNumber)
		}
		o.dtp("472", l.ServiceDate)
	}
}

// levelStatus writes a 2200B (TRN01 "2") or 2200C (TRN01 "1") loop when
// the level has statuses.
func (o *out) levelStatus(traceType, trace string, statuses []edigw.ClaimStatusDetail) {
	if trace == "" && len(statuses) == 0 {
		return
	}
	o.seg("TRN", traceType, trace)
	for _, d := range statuses {
		o.stc212(d)
	}
}

// stc212 writes an STC of X212.
func (o *out) stc212(d edigw.ClaimStatusDetail) {
	elems := make([]edi.Elem, 11)
	for i := range elems {
		elems[i] = edi.Simple("")
	}
	for i, c := range d.StatusCodes {
		if i > 2 {
			break
		}
		parts := []string{c.Category, c.Status}
		if c.Entity != "" || c.CodeList != "" {
			parts = append(parts, c.Entity)
		}
		if c.CodeList != "" {
			parts = append(parts, c.CodeList)
		}
		at := [...]int{0, 9, 10}[i]
		elems[at] = edi.Composite(parts...)
	}
	amount := func(a *edigw.Amount) string {
		if a == nil {
			return ""
		}
		return a.String()
	}
	elems[1], elems[3], elems[4] = edi.Simple(d.Date), edi.Simple(amount(d.Charge)), edi.Simple(amount(d.Payment))
	elems[5], elems[7], elems[8] = edi.Simple(d.FinalizedDate), edi.Simple(d.RemittanceDate), edi.Simple(d.RemittanceTrace)
	o.segE("STC", elems...)
}
