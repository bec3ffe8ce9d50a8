package mapping

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/edigw/edigw/mapping/codes"
)

// The JSON view of records is what billing systems read: the records'
// camelCase fields, amounts as decimal strings, and beside each code a
// "...Value" field with its description (CARC and RARC text, place of
// service, HCR action ...). The records themselves stay free of
// descriptions; the view adds them on the way out and drops them on the
// way in, so a view can be posted back as a record.

// describers says which code list describes a field: the key is the field
// name, optionally prefixed with the field holding its object ("parent.")
// when the same name means different codes in different places.
var describers = map[string]*codes.List{
	"adjustments.reason":         codes.CARC,
	"adjustments.group":          codes.AdjustmentGroup,
	"remarkCodes":                codes.RARC,
	"providerAdjustments.reason": codes.ProviderAdjustmentReason,
	"claims.statusCode":          codes.ClaimStatus,
	"paymentMethod":              codes.PaymentMethod,
	"placeOfService":             codes.PlaceOfService,
	"frequencyCode":              codes.ClaimFrequency,
	"claimFilingCode":            codes.ClaimFilingIndicator,
	"filingCode":                 codes.ClaimFilingIndicator,
	"decision.action":            codes.HCRAction,
	"requestCategory":            codes.UMRequestCategory,
	"certificationType":          codes.CertificationType,
	"serviceType":                codes.ServiceType,
	"unitBasis":                  codes.UnitBasis,
	"gender":                     codes.Gender,
	"diagnoses.qualifier":        codes.DiagnosisQualifier,
	"presentOnAdmission":         codes.PresentOnAdmission,
	"codes.category":             codes.ClaimStatusCategory,
	"codes.status":               codes.ClaimStatusCode,
	"statusCodes.category":       codes.ClaimStatusCategory,
	"statusCodes.status":         codes.ClaimStatusCode,
	"statusCodes.entity":         codes.EntityIdentifier,
	"interchange.code":           codes.InterchangeAckCode,
	"interchange.noteCode":       codes.InterchangeNote,
	"group.code":                 codes.GroupAckCode,
	"group.errors":               codes.GroupSyntaxError,
	"sets.code":                  codes.SetAckCode,
	"sets.errors":                codes.SetSyntaxError,
	"segmentErrors.code":         codes.SegmentSyntaxError,
	"elements.code":              codes.ElementSyntaxError,
}

// describerFor finds the list for a field inside an object held by parent.
func describerFor(parent, field string) *codes.List {
	if l := describers[parent+"."+field]; l != nil {
		return l
	}
	return describers[field]
}

// WriteJSON writes v (a record or a slice of records) as its JSON view.
func WriteJSON(w io.Writer, v any) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return err
	}
	// AppendView gives Describe's bytes in one scan, ten times faster
	// (held to it by its tests and FuzzAppendView).
	out, err := AppendView(make([]byte, 0, len(raw)+len(raw)/4+1), raw)
	if err != nil {
		return err
	}
	_, err = w.Write(append(out, '\n'))
	return err
}

// Describe adds "...Value" descriptions beside the known codes of a record's
// JSON, keeping the order of the fields.
func Describe(raw []byte) ([]byte, error) { return rewrite(raw, true) }

// StripDescriptions removes the "...Value" fields Describe adds, so a view
// decodes as a record with unknown fields refused.
func StripDescriptions(raw []byte) ([]byte, error) { return rewrite(raw, false) }

// rewrite walks the JSON token stream, copying it and either adding a
// description after each described field or dropping the descriptions.
func rewrite(raw []byte, describe bool) ([]byte, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var b bytes.Buffer
	b.Grow(len(raw) + len(raw)/4)
	// frame is one open object or array: its key in its parent (arrays
	// pass their key down), whether it has written a member yet, and for
	// an object the key whose value comes next.
	type frame struct {
		object, wrote bool
		name, key     string
		haveKey       bool
		list          *codes.List // an array of codes: describe them all
		descs         []string
	}
	var stack []frame
	comma := func() {
		if n := len(stack); n > 0 {
			f := &stack[n-1]
			if f.wrote && (!f.object || !f.haveKey) {
				b.WriteByte(',')
			}
			f.wrote = true
		}
	}
	writeString := func(s string) {
		q, _ := json.Marshal(s)
		b.Write(q)
	}
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("mapping: JSON view: %w", err)
		}
		top := len(stack) - 1
		inObject := top >= 0 && stack[top].object
		if inObject && !stack[top].haveKey {
			if d, ok := tok.(json.Delim); ok && d == '}' {
				b.WriteByte('}')
				stack = stack[:top]
				continue
			}
			key, _ := tok.(string)
			if !describe && strings.HasSuffix(key, "Value") && describerFor(stack[top].name, strings.TrimSuffix(key, "Value")) != nil {
				if err := skipValue(dec); err != nil {
					return nil, err
				}
				continue
			}
			comma()
			writeString(key)
			b.WriteByte(':')
			stack[top].key, stack[top].haveKey = key, true
			continue
		}
		// A value: in an object it belongs to the pending key.
		var key, parent string
		if inObject {
			key, parent = stack[top].key, stack[top].name
			stack[top].haveKey = false
		} else if d, ok := tok.(json.Delim); !ok || d == '{' || d == '[' {
			comma() // a value in an array (not its closing bracket)
		}
		switch t := tok.(type) {
		case json.Delim:
			switch t {
			case '{', '[':
				name := key
				if top >= 0 && !stack[top].object {
					name = stack[top].name // array elements take the array's name
				}
				b.WriteByte(byte(t))
				f := frame{object: t == '{', name: name}
				if t == '[' && inObject && describe {
					f.list = describerFor(parent, key)
				}
				stack = append(stack, f)
			case ']':
				b.WriteByte(']')
				arr := stack[top]
				stack = stack[:top]
				if arr.list != nil && len(arr.descs) > 0 {
					// A list of codes (remarkCodes) gets a list of descriptions.
					b.WriteByte(',')
					writeString(arr.name + "Value")
					b.WriteByte(':')
					q, _ := json.Marshal(arr.descs)
					b.Write(q)
				}
			}
			continue
		case string:
			writeString(t)
			if top >= 0 && stack[top].list != nil {
				stack[top].descs = append(stack[top].descs, stack[top].list.Describe(t))
			}
			if describe && inObject {
				if l := describerFor(parent, key); l != nil {
					if d := l.Describe(t); d != "" {
						b.WriteByte(',')
						writeString(key + "Value")
						b.WriteByte(':')
						writeString(d)
					}
				}
			}
		case json.Number:
			b.WriteString(t.String())
		case bool:
			if t {
				b.WriteString("true")
			} else {
				b.WriteString("false")
			}
		case nil:
			b.WriteString("null")
		}
	}
	if len(stack) != 0 {
		return nil, errors.New("mapping: JSON view: unbalanced JSON")
	}
	return b.Bytes(), nil
}

// skipValue consumes one JSON value from dec.
func skipValue(dec *json.Decoder) error {
	var v json.RawMessage
	return dec.Decode(&v)
}
