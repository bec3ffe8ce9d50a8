package canary

import (
	"reflect"
	"strings"
)

// PlantRecord puts a text canary into every non-empty string field of the
// record v points to (a claim, an authorization request ...), through
// nested structs, pointers and slices, but the fields keep names, by their
// JSON path ("payerId", "billingProvider.taxId", "lines.procedureCode";
// slices add no index). A field whose value is a date (eight digits) gets an
// impossible date canary instead, so the record fails validation there. It
// returns the canaries planted.
func PlantRecord(v any, seed int, keep ...string) []string {
	p := &planter{variant: Invalid, n: seed * 10_000, days: seed*400 + 1}
	kept := map[string]bool{}
	for _, k := range keep {
		kept[k] = true
	}
	p.record(reflect.ValueOf(v), "", kept)
	return p.tokens
}

func (p *planter) record(v reflect.Value, path string, keep map[string]bool) {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			p.record(v.Elem(), path, keep)
		}
	case reflect.Struct:
		t := v.Type()
		for i := range v.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "-" {
				continue
			}
			if name == "" && f.Anonymous {
				p.record(v.Field(i), path, keep) // its fields are the outer's in JSON
				continue
			}
			if name == "" {
				name = f.Name
			}
			sub := name
			if path != "" {
				sub = path + "." + name
			}
			p.record(v.Field(i), sub, keep)
		}
	case reflect.Slice:
		for i := range v.Len() {
			p.record(v.Index(i), path, keep)
		}
	case reflect.String:
		if keep[path] || v.Len() == 0 || !v.CanSet() {
			return
		}
		if s := v.String(); len(s) == 8 && allDigits(s) {
			p.days = 0 // an impossible date: the 13th month
			v.SetString(p.date())
			return
		}
		v.SetString(p.text(8))
	}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}
