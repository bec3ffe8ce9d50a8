package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/edigw/edigw"
	"github.com/edigw/edigw/edi/ack"
	"github.com/edigw/edigw/mapping"
	"github.com/spf13/cobra"
)

// generateKinds maps --kind to the record type it reads and the claim kind.
var generateKinds = map[string]edigw.ClaimKind{"837p": edigw.Professional, "837i": edigw.Institutional, "837d": edigw.Dental, "835": "", "278": "",
	"999": "", "277ca": "", "ta1": "",
	"276": "", "277": "", "270": "", "271": ""}

// ackKinds maps --kind to the acknowledgment records it writes.
var ackKinds = map[string]struct {
	kind  edigw.AckKind
	write func(io.Writer, mapping.Envelope, []*edigw.Acknowledgment) error
}{
	"999":   {edigw.Ack999, mapping.Write999},
	"277ca": {edigw.Ack277CA, mapping.Write277CA},
	"ta1":   {edigw.AckTA1, mapping.WriteTA1},
}

func newGenerateCmd() *cobra.Command {
	var from, kind, sender, receiver, usage string
	var start int64
	c := &cobra.Command{
		Use:   "generate FILE|- --from json --kind 837p|837i|837d|835|278|270|271|276|277|999|277ca|ta1",
		Short: "Generate an X12 file from edigw records (JSON)",
		Long: `generate reads records as JSON — the lines "edigw translate --to json" writes,
a JSON array of records, or one record — and writes them as one X12 interchange
with envelopes and control numbers: claims as an 837 (at most 5000 per set),
remittances as 835s, authorization requests as 278 requests (or responses, when
they carry a decision), eligibility inquiries as 270s and responses as 271s
(one set per member). The file is validated as it is written back; invalid
output is an error.

--kind 276 and 277 write claim status inquiries and responses (005010X212);
--kind 277ca writes 277CA acknowledgments (005010X214).

Exit status: 0 written and valid, 1 the output did not validate, 2 bad input or usage.`,
		Args: cobra.ExactArgs(1),
		RunE: func(c *cobra.Command, args []string) error {
			if from != "json" {
				return &exitError{code: exitUnusable, err: fmt.Errorf("--from %q: only json is supported", from)}
			}
			if _, ok := generateKinds[kind]; !ok {
				return &exitError{code: exitUnusable, err: fmt.Errorf("--kind %q: want 837p, 837i, 837d, 835, 278, 270, 271, 276, 277, 999, 277ca or ta1", kind)}
			}
			in, _, err := openInput(c, args[0])
			if err != nil {
				return err
			}
			defer in.Close()
			env := mapping.Envelope{SenderID: sender, ReceiverID: receiver, Usage: usage, Numbers: &ack.Sequence{Start: start}, Newline: true}
			var buf bytes.Buffer
			n, err := generate(&buf, in, kind, env)
			if err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			res, err := mapping.Read(bytes.NewReader(buf.Bytes()), "generated", mapping.Handlers{})
			if err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			if _, err := c.OutOrStdout().Write(buf.Bytes()); err != nil {
				return &exitError{code: exitUnusable, err: err}
			}
			fmt.Fprintf(c.ErrOrStderr(), "edigw generate: %d records, %d bytes, %d errors\n", n, buf.Len(), res.Report.ErrorCount)
			for _, e := range res.Report.Errors {
				fmt.Fprintln(c.ErrOrStderr(), e)
			}
			if !res.Report.OK() {
				return fileErrors
			}
			return nil
		},
	}
	c.Flags().StringVar(&from, "from", "json", "input format (json)")
	c.Flags().StringVar(&kind, "kind", "", "what to write: 837p, 837i, 837d, 835, 278, 270, 271, 276, 277, 999, 277ca or ta1")
	c.Flags().StringVar(&sender, "sender", "EDIGW", "ISA06/GS02 sender ID")
	c.Flags().StringVar(&receiver, "receiver", string(edigw.Cigna), "ISA08/GS03 receiver ID")
	c.Flags().StringVar(&usage, "usage", "T", "ISA15: T test or P production")
	c.Flags().Int64Var(&start, "start", 1, "first control number (ISA13, GS06, ST02)")
	return c
}

// generate decodes the records of one kind from in and writes them to w.
func generate(w io.Writer, in io.Reader, kind string, env mapping.Envelope) (int, error) {
	raws, err := decodeRecords(in)
	if err != nil {
		return 0, err
	}
	if len(raws) == 0 {
		return 0, errors.New("no records in the input")
	}
	switch kind {
	case "276": // claim status, X212 (claimstatus.go)
		return writeAll(w, env, raws, claimStatusInquiryType, mapping.Write276)
	case "277":
		return writeAll(w, env, raws, claimStatusResponseType, mapping.Write277)
	case "835":
		return writeAll(w, env, raws, "remittance", mapping.Write835)
	case "278":
		return writeAll(w, env, raws, "authorization", mapping.Write278)
	case "270":
		return writeAll(w, env, raws, "eligibility_inquiry", mapping.Write270)
	case "271":
		return writeAll(w, env, raws, "eligibility_response", mapping.Write271)
	case "999", "277ca", "ta1":
		recs, err := decodeAll[edigw.Acknowledgment](raws, "acknowledgment")
		if err != nil {
			return 0, err
		}
		ak := ackKinds[kind]
		for i, a := range recs {
			if a.Kind != ak.kind {
				return 0, fmt.Errorf("record %d is a %s acknowledgment, not %s", i+1, a.Kind, ak.kind)
			}
		}
		return len(recs), ak.write(w, env, recs)
	}
	claims, err := decodeAll[edigw.Claim](raws, "claim")
	if err != nil {
		return 0, err
	}
	for i, c := range claims {
		if c.Kind == "" {
			c.Kind = generateKinds[kind]
		}
		if c.Kind != generateKinds[kind] {
			return 0, fmt.Errorf("record %d is a claim of kind %s, not %s", i+1, c.Kind, kind)
		}
	}
	return len(claims), mapping.Write837(w, env, claims)
}

// typedRecord is one line of "edigw translate --to json".
type typedRecord struct {
	Type   string          `json:"type"`
	Record json.RawMessage `json:"record"`
}

// decodeRecords reads JSON lines, a JSON array or a single JSON object;
// translate's {"type","record"} wrappers are unwrapped.
func decodeRecords(in io.Reader) ([]typedRecord, error) {
	raw, err := io.ReadAll(bufio.NewReader(in))
	if err != nil {
		return nil, err
	}
	// Descriptions of the JSON view ("...Value") are dropped: the records
	// translate prints can be fed back as they are.
	var lines [][]byte
	for _, l := range bytes.Split(raw, []byte("\n")) {
		if l = bytes.TrimSpace(l); len(l) > 0 {
			if s, err := mapping.StripDescriptions(l); err == nil {
				l = s
			}
			lines = append(lines, l)
		}
	}
	var out []typedRecord
	dec := json.NewDecoder(bytes.NewReader(bytes.Join(lines, []byte("\n"))))
	for n := 1; ; n++ {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("JSON value %d: %s", n, jsonProblem(err, "the record"))
		}
		t := bytes.TrimSpace(raw)
		if len(t) > 0 && t[0] == '[' {
			var items []json.RawMessage
			if err := json.Unmarshal(t, &items); err != nil {
				return nil, fmt.Errorf("JSON value %d: %s", n, jsonProblem(err, "the array"))
			}
			for _, it := range items {
				out = append(out, unwrap(it))
			}
			continue
		}
		out = append(out, unwrap(t))
	}
}

func unwrap(raw json.RawMessage) typedRecord {
	var tr typedRecord
	if json.Unmarshal(raw, &tr) == nil && tr.Type != "" && len(tr.Record) > 0 {
		return tr
	}
	return typedRecord{Record: raw}
}

// writeAll decodes every record as T (decodeAll) and writes them with write.
func writeAll[T any](w io.Writer, env mapping.Envelope, raws []typedRecord, typ string,
	write func(io.Writer, mapping.Envelope, []*T) error) (int, error) {
	recs, err := decodeAll[T](raws, typ)
	if err != nil {
		return 0, err
	}
	return len(recs), write(w, env, recs)
}

// decodeAll decodes every record as T; a wrapper of another type is an
// error naming the record.
func decodeAll[T any](raws []typedRecord, typ string) ([]*T, error) {
	out := make([]*T, 0, len(raws))
	for i, r := range raws {
		if r.Type != "" && r.Type != typ {
			return nil, fmt.Errorf("record %d is a %s, not a %s", i+1, r.Type, typ)
		}
		v := new(T)
		dec := json.NewDecoder(bytes.NewReader(r.Record))
		dec.DisallowUnknownFields()
		if err := dec.Decode(v); err != nil {
			return nil, fmt.Errorf("record %d: %s", i+1, jsonProblem(err, "a "+typ))
		}
		out = append(out, v)
	}
	return out, nil
}

// jsonProblem says why JSON does not decode as what, without the value at
// fault: encoding/json's syntax errors quote the offending character and a
// type's own errors (an amount's) quote the value, which may be PHI, and
// the latter carry their package's "edigw:" prefix, which would follow
// this command's own.
func jsonProblem(err error, what string) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at byte %d", se.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "the JSON ends early"
	case errors.As(err, &te) && te.Field != "":
		kind, _, _ := strings.Cut(te.Value, " ") // "number 1e99": the JSON type, not the value
		return fmt.Sprintf("%s: expected %s, got a JSON %s", te.Field, expected(te.Type), kind)
	case errors.As(err, &te):
		kind, _, _ := strings.Cut(te.Value, " ")
		return fmt.Sprintf("a JSON %s cannot be %s", kind, what)
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		return strings.TrimPrefix(err.Error(), "json: ") // names a key, not a value
	}
	return "a value does not decode (amounts are decimal strings with at most two decimals, such as \"125.50\")"
}

// expected names what a field of type t holds, as the API's problems do.
func expected(t reflect.Type) string {
	switch {
	case t == reflect.TypeFor[edigw.Amount]():
		return "an amount as a decimal string"
	case t.Kind() == reflect.String:
		return "a string"
	case t.Kind() >= reflect.Int && t.Kind() <= reflect.Uint64:
		return "an integer"
	case t.Kind() == reflect.Bool:
		return "true or false"
	case t.Kind() == reflect.Slice || t.Kind() == reflect.Array:
		return "an array"
	case t.Kind() == reflect.Struct || t.Kind() == reflect.Map || t.Kind() == reflect.Pointer:
		return "an object"
	}
	return "a " + t.Kind().String()
}
