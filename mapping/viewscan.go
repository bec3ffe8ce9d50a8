package mapping

import (
	"encoding/json"
	"errors"
	"sync"
	"unicode/utf8"

	"github.com/edigw/edigw/mapping/codes"
)

// AppendView appends the JSON view of raw (what Describe returns) to dst.
// It scans the bytes once instead of walking encoding/json's token stream,
// which costs an allocation or more per token: the HTTP API renders every
// feed page through it (a page of ten remittances went from about 1.8 ms
// to a tenth of that). For any valid JSON its output is byte for byte
// Describe's, which a differential test and a fuzz target hold it to;
// malformed JSON is an error (Describe's own message where it has one).
func AppendView(dst, raw []byte) ([]byte, error) {
	s := viewScanner{in: raw, out: dst}
	s.space()
	if err := s.value("", "", false); err != nil {
		return dst, describeError(raw, err)
	}
	if s.space(); s.pos != len(s.in) {
		return dst, describeError(raw, errors.New("data after the value"))
	}
	return s.out, nil
}

// describeError gives Describe's own error for input the scanner refused.
func describeError(raw []byte, err error) error {
	if _, derr := Describe(raw); derr != nil {
		return derr
	}
	return errors.New("mapping: JSON view: " + err.Error())
}

var errSyntax = errors.New("malformed JSON")

type viewScanner struct {
	in  []byte
	pos int
	out []byte
}

// viewKeys interns object keys across renders: records have a few hundred
// field names, and a page of them repeats each many times.
var viewKeys = struct {
	sync.RWMutex
	m map[string]string
}{m: map[string]string{}}

// key returns an object key as a string, allocating it once; odd keys
// (long ones, or past the table's bound) are not kept.
func (s *viewScanner) key(b []byte) string {
	viewKeys.RLock()
	k, ok := viewKeys.m[string(b)]
	viewKeys.RUnlock()
	if ok {
		return k
	}
	k = string(b)
	if len(k) <= 64 {
		viewKeys.Lock()
		if len(viewKeys.m) < 4096 {
			viewKeys.m[k] = k
		}
		viewKeys.Unlock()
	}
	return k
}

func (s *viewScanner) space() {
	for s.pos < len(s.in) {
		switch s.in[s.pos] {
		case ' ', '\t', '\n', '\r':
			s.pos++
		default:
			return
		}
	}
}

// value copies one value. parent is the name of the object holding it (as
// Describe names objects: their key, or their array's key), key its key
// there; inObject is false for array elements and the top level.
func (s *viewScanner) value(parent, key string, inObject bool) error {
	if s.pos >= len(s.in) {
		return errSyntax
	}
	switch c := s.in[s.pos]; {
	case c == '{':
		return s.object(key)
	case c == '[':
		if inObject {
			return s.array(key, describerFor(parent, key))
		}
		return s.array(key, nil)
	case c == '"':
		v, err := s.str()
		if err != nil {
			return err
		}
		if inObject {
			if l := describerFor(parent, key); l != nil {
				if d := l.Describe(string(v)); d != "" {
					s.out = append(s.out, ',')
					s.out = appendJSONString(s.out, key+"Value")
					s.out = append(s.out, ':')
					s.out = appendJSONString(s.out, d)
				}
			}
		}
		return nil
	default:
		return s.literal()
	}
}

// object copies an object named name.
func (s *viewScanner) object(name string) error {
	s.pos++ // {
	s.out = append(s.out, '{')
	s.space()
	if s.pos < len(s.in) && s.in[s.pos] == '}' {
		s.pos++
		s.out = append(s.out, '}')
		return nil
	}
	for first := true; ; first = false {
		if !first {
			s.out = append(s.out, ',')
		}
		s.space()
		if s.pos >= len(s.in) || s.in[s.pos] != '"' {
			return errSyntax
		}
		k, err := s.str()
		if err != nil {
			return err
		}
		key := s.key(k)
		s.space()
		if s.pos >= len(s.in) || s.in[s.pos] != ':' {
			return errSyntax
		}
		s.pos++
		s.out = append(s.out, ':')
		s.space()
		if err := s.value(name, key, true); err != nil {
			return err
		}
		if done, err := s.separator('}'); done || err != nil {
			return err
		}
	}
}

// separator consumes the comma between members or elements, or the
// closing brace or bracket; done when it closed.
func (s *viewScanner) separator(closing byte) (done bool, err error) {
	s.space()
	if s.pos >= len(s.in) {
		return false, errSyntax
	}
	switch s.in[s.pos] {
	case ',':
		s.pos++
		return false, nil
	case closing:
		s.pos++
		s.out = append(s.out, closing)
		return true, nil
	}
	return false, errSyntax
}

// array copies an array named name; with a code list, its strings are
// codes and a list of their descriptions follows it.
func (s *viewScanner) array(name string, list *codes.List) error {
	s.pos++ // [
	s.out = append(s.out, '[')
	var descs []string
	s.space()
	if s.pos < len(s.in) && s.in[s.pos] == ']' {
		s.pos++
		s.out = append(s.out, ']')
		return nil
	}
	for first := true; ; first = false {
		if !first {
			s.out = append(s.out, ',')
		}
		s.space()
		if list != nil && s.pos < len(s.in) && s.in[s.pos] == '"' {
			v, err := s.str()
			if err != nil {
				return err
			}
			descs = append(descs, list.Describe(string(v)))
		} else if err := s.element(name); err != nil {
			return err
		}
		done, err := s.separator(']')
		if err != nil {
			return err
		}
		if done {
			if len(descs) > 0 {
				s.out = append(s.out, ',')
				s.out = appendJSONString(s.out, name+"Value")
				s.out = append(s.out, ':')
				b, _ := json.Marshal(descs)
				s.out = append(s.out, b...)
			}
			return nil
		}
	}
}

// element copies an array element: objects and arrays in an array take
// the array's name.
func (s *viewScanner) element(name string) error {
	if s.pos < len(s.in) {
		switch s.in[s.pos] {
		case '{':
			return s.object(name)
		case '[':
			return s.array(name, nil)
		}
	}
	return s.value(name, "", false)
}

// str copies a string as Describe writes it (json.Marshal of its value)
// and returns the value. A string without escapes or characters Marshal
// escapes is copied as it is, without decoding, and its value is a slice
// of the input.
func (s *viewScanner) str() ([]byte, error) {
	start := s.pos
	s.pos++ // "
	plain := true
	for s.pos < len(s.in) {
		c := s.in[s.pos]
		switch {
		case c == '"':
			s.pos++
			tok := s.in[start:s.pos]
			if plain && utf8.Valid(tok) && !hasLineSeparator(tok) {
				s.out = append(s.out, tok...)
				return tok[1 : len(tok)-1], nil
			}
			var v string
			if err := json.Unmarshal(tok, &v); err != nil {
				return nil, errSyntax
			}
			s.out = appendJSONString(s.out, v)
			return []byte(v), nil
		case c == '\\':
			plain = false
			s.pos += 2
		case c < 0x20:
			return nil, errSyntax
		default:
			if c == '<' || c == '>' || c == '&' {
				plain = false
			}
			s.pos++
		}
	}
	return nil, errSyntax
}

// hasLineSeparator reports U+2028 or U+2029, which json.Marshal escapes.
func hasLineSeparator(b []byte) bool {
	for i := 0; i+2 < len(b); i++ {
		if b[i] == 0xE2 && b[i+1] == 0x80 && (b[i+2] == 0xA8 || b[i+2] == 0xA9) {
			return true
		}
	}
	return false
}

// literal copies a number, true, false or null as it is written.
func (s *viewScanner) literal() error {
	start := s.pos
	for s.pos < len(s.in) && isLiteralByte(s.in[s.pos]) {
		s.pos++
	}
	tok := s.in[start:s.pos]
	if len(tok) == 0 || !json.Valid(tok) {
		return errSyntax
	}
	s.out = append(s.out, tok...)
	return nil
}

func isLiteralByte(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c == '-' || c == '+' || c == '.' || c == 'E'
}

// appendJSONString appends v as json.Marshal writes it: quoted as it is
// when nothing in it needs escaping, else through Marshal.
func appendJSONString(dst []byte, v string) []byte {
	for i := 0; i < len(v); i++ {
		if c := v[i]; c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c >= utf8.RuneSelf {
			b, _ := json.Marshal(v)
			return append(dst, b...)
		}
	}
	dst = append(dst, '"')
	dst = append(dst, v...)
	return append(dst, '"')
}
