package api

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// encoding/json names an unknown field without saying where it sits, and
// reports a bad amount without naming its field at all. locate walks a
// record's JSON beside its Go type to find the first field at fault and
// say what is wrong with it, as a path such as "lines[1].charge".

var (
	jsonUnmarshaler = reflect.TypeFor[json.Unmarshaler]()
	textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()
)

// locate returns the path of the first field of raw that does not decode
// into v's type, and why; ("", "") when it finds none.
func locate(raw json.RawMessage, v any) (path, msg string) {
	return walk(raw, reflect.TypeOf(v), "")
}

func walk(raw json.RawMessage, t reflect.Type, path string) (string, string) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	raw = bytes.TrimSpace(raw)
	if string(raw) == "null" {
		return "", ""
	}
	pt := reflect.PointerTo(t)
	if pt.Implements(jsonUnmarshaler) || pt.Implements(textUnmarshaler) || t.Kind() != reflect.Struct && t.Kind() != reflect.Slice {
		return leaf(raw, t, path)
	}
	if t.Kind() == reflect.Slice {
		if raw[0] != '[' {
			return leaf(raw, t, path)
		}
		var elems []json.RawMessage
		if err := json.Unmarshal(raw, &elems); err != nil {
			return path, "not a valid array"
		}
		for i, e := range elems {
			if p, m := walk(e, t.Elem(), fmt.Sprintf("%s[%d]", path, i)); m != "" {
				return p, m
			}
		}
		return "", ""
	}
	if raw[0] != '{' {
		return leaf(raw, t, path)
	}
	fields := jsonFields(t)
	dec := json.NewDecoder(bytes.NewReader(raw))
	if _, err := dec.Token(); err != nil { // {
		return path, "not a valid object"
	}
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return path, "not a valid object"
		}
		key, _ := tok.(string)
		var val json.RawMessage
		if err := dec.Decode(&val); err != nil {
			return join(path, key), "not a valid value"
		}
		ft, ok := fields[key]
		if !ok {
			ft, ok = foldedField(fields, key)
		}
		if !ok {
			return join(path, key), fmt.Sprintf("unknown field %q", key)
		}
		if p, m := walk(val, ft, join(path, key)); m != "" {
			return p, m
		}
	}
	return "", ""
}

// leaf decodes a value into its type and explains a failure without
// repeating the value (it may be PHI).
func leaf(raw json.RawMessage, t reflect.Type, path string) (string, string) {
	err := json.Unmarshal(raw, reflect.New(t).Interface())
	if err == nil {
		return "", ""
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		// te.Value is "number 1e99" for a number out of range: keep the
		// JSON type, never the value.
		kind, _, _ := strings.Cut(te.Value, " ")
		return path, fmt.Sprintf("expected %s, got a JSON %s", describeType(t), kind)
	}
	if t.Name() == "Amount" {
		return path, "expected an amount: a decimal string with at most two decimals, such as \"125.50\""
	}
	// A type's own decoding error may quote the value: say only what was
	// expected.
	return path, fmt.Sprintf("not a valid value for %s", describeType(t))
}

func describeType(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32, reflect.Uint64:
		if t.Name() == "Amount" {
			return "an amount as a decimal string"
		}
		return "an integer"
	case reflect.Float32, reflect.Float64:
		return "a number"
	case reflect.Bool:
		return "true or false"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	}
	return "a " + t.Kind().String()
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// jsonFields maps the JSON names of a struct's fields to their types, with
// the fields of embedded structs promoted as encoding/json promotes them
// (a shallower field hides a deeper one of the same name).
func jsonFields(t reflect.Type) map[string]reflect.Type {
	out := map[string]reflect.Type{}
	level := []reflect.Type{t}
	for len(level) > 0 {
		var next []reflect.Type
		found := map[string]reflect.Type{}
		for _, st := range level {
			for i := range st.NumField() {
				f := st.Field(i)
				tag := f.Tag.Get("json")
				if tag == "-" {
					continue
				}
				name, _, _ := strings.Cut(tag, ",")
				if f.Anonymous && name == "" {
					et := f.Type
					if et.Kind() == reflect.Pointer {
						et = et.Elem()
					}
					if et.Kind() == reflect.Struct {
						next = append(next, et)
						continue
					}
				}
				if !f.IsExported() {
					continue
				}
				if name == "" {
					name = f.Name
				}
				if _, hidden := out[name]; !hidden {
					found[name] = f.Type
				}
			}
		}
		for name, ft := range found {
			out[name] = ft
		}
		level = next
	}
	return out
}

// foldedField matches a key case-insensitively, as encoding/json does.
func foldedField(fields map[string]reflect.Type, key string) (reflect.Type, bool) {
	for name, t := range fields {
		if strings.EqualFold(name, key) {
			return t, true
		}
	}
	return nil, false
}
