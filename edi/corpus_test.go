package edi_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/internal/corpus"
)

// corpusOutcomes is the expected result of reading every file of the shared
// corpus and applying the envelope rules: the TA1/999 codes found, each
// with a count when it occurs more than once ("!" marks a fatal error). ""
// means the envelope is sound. The reasons are the defects MANIFEST.tsv
// records for each file:
//
//   - IK502=4: SE01 does not count the set's segments (the imsweb suite's
//     files keep SE*25 while their content varies; X217 examples off by one).
//   - TA105=022: narrative prose before the ISA (skipped, reported); "!" when
//     no ISA exists at all (bare ST..SE messages).
//   - TA105=010/017: 004010-era ISA01 and ISA12 values; 011/013/006/008: an
//     unpadded ISA; 021: IEA01 counts groups that are not there.
//   - AK905=5, IK502=23, AK905=19: GE01 wrong, ST02 and GS06 reused.
//   - IK304=1: a damaged segment identifier; TA105=023/AK905=3/IK502=2:
//     missing trailers in truncated files.
//   - x12_999_accepted: IEA02 differs from ISA13 (001), and GS05 "102497"
//     has 97 seconds (024).
var corpusOutcomes = map[string]string{
	"kputnam__stupidedi/X217_pass__admission-request-for-review.edi":                                                               "IK502=4",
	"kputnam__stupidedi/X217_pass__admission-response-to-request-for-review.edi":                                                   "",
	"kputnam__stupidedi/X217_pass__emergency-admission-request-for-review.edi":                                                     "",
	"kputnam__stupidedi/X217_pass__emergency-admission-response-to-request-for-review.edi":                                         "",
	"kputnam__stupidedi/X217_pass__referral-request-for-review.edi":                                                                "",
	"kputnam__stupidedi/X217_pass__referral-response-to-request-for-review.edi":                                                    "",
	"kputnam__stupidedi/X217_pass__request-for-home-health-care.edi":                                                               "IK502=4",
	"kputnam__stupidedi/X217_pass__request-for-medical-services-reservation.edi":                                                   "",
	"kputnam__stupidedi/X217_pass__request-for-non-emergency-transportation.edi":                                                   "",
	"kputnam__stupidedi/X217_pass__response-to-medical-services-reservation.edi":                                                   "",
	"kputnam__stupidedi/X217_pass__response-to-non-emergency-transportation.edi":                                                   "",
	"kputnam__stupidedi/X221_case__1.edi":                                                                                          "TA105=022",
	"kputnam__stupidedi/X221_case__2.edi":                                                                                          "TA105=022",
	"kputnam__stupidedi/X221_case__3a.edi":                                                                                         "IK502=4 TA105=022",
	"kputnam__stupidedi/X221A1_pass__dollars-and-data-sent-separate.edi":                                                           "",
	"kputnam__stupidedi/X221A1_pass__dollars-and-data-sent-together.edi":                                                           "",
	"kputnam__stupidedi/X221A1_pass__era-sample.edi":                                                                               "",
	"kputnam__stupidedi/X221A1_pass__multiple-claims-single-check.edi":                                                             "",
	"kputnam__stupidedi/X221A1_pass__secondary-payment-with-higher-fee-schedule.edi":                                               "",
	"kputnam__stupidedi/X221A1_pass__secondary-payments.edi":                                                                       "",
	"kputnam__stupidedi/X221A1_pass__tertiary-payments.edi":                                                                        "",
	"kputnam__stupidedi/X222_case__1.edi":                                                                                          "TA105=022",
	"kputnam__stupidedi/X222A1_pass__COB-claim-from-billing-provider-to-payer-a.edi":                                               "",
	"kputnam__stupidedi/X222A1_pass__COB-claim-from-billing-provider-to-payer-b.edi":                                               "",
	"kputnam__stupidedi/X222A1_pass__COB-claim-from-payer-a-to-payer-b-in-payer-to-payer.edi":                                      "",
	"kputnam__stupidedi/X222A1_pass__ambulance.edi":                                                                                "",
	"kputnam__stupidedi/X222A1_pass__anesthesia.edi":                                                                               "",
	"kputnam__stupidedi/X222A1_pass__chiropractic.edi":                                                                             "",
	"kputnam__stupidedi/X222A1_pass__commercial-health-insurance.edi":                                                              "",
	"kputnam__stupidedi/X222A1_pass__drug-administered-in-the-physician-office.edi":                                                "",
	"kputnam__stupidedi/X222A1_pass__encounter.edi":                                                                                "",
	"kputnam__stupidedi/X222A1_pass__home-infusion-therapy-pharmacy-(adjudicated-with-HCPCS-in-loop-2400-or-NDC-in-loop-2410).edi": "",
	"kputnam__stupidedi/X222A1_pass__home-infusion-therapy-pharmacy-(adjudicated-with-NDC-in-loop-2410).edi":                       "",
	"kputnam__stupidedi/X222A1_pass__medicare-secondary-payer-COB.edi":                                                             "",
	"kputnam__stupidedi/X222A1_pass__out-of-network-repriced-claim.edi":                                                            "",
	"kputnam__stupidedi/X222A1_pass__oxygen.edi":                                                                                   "",
	"kputnam__stupidedi/X222A1_pass__ppo-repriced-claim.edi":                                                                       "",
	"kputnam__stupidedi/X222A1_pass__wheelchair.edi":                                                                               "",
	"kputnam__stupidedi/X223A2_pass__837-institutional-claim.edi":                                                                  "",
	"kputnam__stupidedi/X223A2_pass__automobile-accident.edi":                                                                      "",
	"kputnam__stupidedi/X223A2_pass__out-of-network-repriced-claim.edi":                                                            "",
	"kputnam__stupidedi/X223A2_pass__ppo-repriced-claim.edi":                                                                       "",
	"kputnam__stupidedi/X223A2_pass__two-claims-for-the-same-provider.edi":                                                         "",
	"kputnam__stupidedi/X224A2_pass__claim-from-billing-provider-to-payer-a.edi":                                                   "",
	"kputnam__stupidedi/X224A2_pass__claim-from-billing-provider-to-payer-b.edi":                                                   "",
	"kputnam__stupidedi/X224A2_pass__claim-multi-quantity-single-line.edi":                                                         "",
	"kputnam__stupidedi/X224A2_pass__commercial-health-insurance.edi":                                                              "",
	"kputnam__stupidedi/X224A2_pass__multiple-tooth-numbers.edi":                                                                   "",
	"kputnam__stupidedi/X224A2_pass__orthodontic-treatment-plan.edi":                                                               "",
	"kputnam__stupidedi/X224A2_pass__predetermination-of-benefits.edi":                                                             "",
	"kputnam__stupidedi/X224A2_pass__sales-tax.edi":                                                                                "",
	"kputnam__stupidedi/X231A1_pass__response-to-functional-group-containing-3-837s.edi":                                           "",
	"kputnam__stupidedi/X291_pass__ambulance.edi":                                                                                  "",
	"kputnam__stupidedi/X292_pass__837-institutional-claim.edi":                                                                    "",
	"kputnam__stupidedi/X298_pass__pacdr-professional-external-example.edi":                                                        "",
	"LinuxForHealth__x12/cob-contractural-adjustment.835":                                                                          "",
	"LinuxForHealth__x12/managed-care.835":                                                                                         "",
	"LinuxForHealth__x12/medicare-part-a.835":                                                                                      "",
	"LinuxForHealth__x12/demo.ambulance.example5.837":                                                                              "",
	"LinuxForHealth__x12/demo.autoaccident.837":                                                                                    "",
	"LinuxForHealth__x12/demo.cob.example3.C.837":                                                                                  "",
	"LinuxForHealth__x12/demo.drug.example10.3.837":                                                                                "",
	"LinuxForHealth__x12/demo.example1.837":                                                                                        "",
	"LinuxForHealth__x12/demo.example11.837":                                                                                       "",
	"LinuxForHealth__x12/institutional-claim.837i":                                                                                 "",
	"LinuxForHealth__x12/out-of-network-repriced-claim.837i":                                                                       "",
	"LinuxForHealth__x12/ppo-repriced-claim.837i":                                                                                  "",
	"LinuxForHealth__x12/two-claims-single-provider.837i":                                                                          "",
	"imsweb__x12-parser/x12_999_accepted.txt":                                                                                      "TA105=001 TA105=024",
	"imsweb__x12-parser/x12_999_rejected.txt":                                                                                      "",
	"imsweb__x12-parser/x12_277CA_accepted.txt":                                                                                    "",
	"imsweb__x12-parser/x12_valid.txt":                                                                                             "IK502=4",
	"imsweb__x12-parser/x12_valid_different_separators.txt":                                                                        "IK502=4",
	"imsweb__x12-parser/x12_no_errors.txt":                                                                                         "IK502=4",
	"imsweb__x12-parser/x12_complex.txt":                                                                                           "AK905=5 IK502=4*2",
	"imsweb__x12-parser/x12_multiple_gs.txt":                                                                                       "AK905=19*2 IK502=4*3 TA105=021",
	"imsweb__x12-parser/x12_multiple_isa.txt":                                                                                      "IK502=4*2",
	"imsweb__x12-parser/x12_multiple_st.txt":                                                                                       "AK905=5 IK502=23 IK502=4*2",
	"imsweb__x12-parser/x12_bad_first_line.txt":                                                                                    "IK502=4 TA105=011",
	"imsweb__x12-parser/x12_bad_segment_identifier.txt":                                                                            "IK304=1*3 IK502=4",
	"imsweb__x12-parser/x12_bad_valid_code.txt":                                                                                    "IK502=4",
	"imsweb__x12-parser/x12_missing_elements.txt":                                                                                  "IK502=4",
	"imsweb__x12-parser/x12_segments_out_of_order.txt":                                                                             "IK502=4",
	"imsweb__x12-parser/x12_segment_errors.txt":                                                                                    "IK502=4",
	"imsweb__x12-parser/x12_loop_errors1_exceeds_max_1_parent.txt":                                                                 "IK502=4",
	"imsweb__x12-parser/x12_loop_errors2_exceeds_max_repeats_multiple_parents.txt":                                                 "IK502=4",
	"imsweb__x12-parser/x12_loop_errors3_missing_loops.txt":                                                                        "IK502=4",
	"imsweb__x12-parser/x12_missing_required_loop_in_one_repeat.txt":                                                               "IK502=4",
	"imsweb__x12-parser/x12_missing_required_loops_mult_repeats.txt":                                                               "IK502=4",
	"imsweb__x12-parser/x12_ambiguous_loop.txt":                                                                                    "IK502=4",
	"imsweb__x12-parser/x12_writer_test.txt":                                                                                       "IK502=4",
	"imsweb__x12-parser/x12_many_claims.txt":                                                                                       "IK502=4",
	"imsweb__x12-parser/x12_multiple_transactions.txt":                                                                             "IK502=4*312",
	"imsweb__x12-parser/x223-test.txt":                                                                                             "IK502=4",
	"xlate__staedi/x12_interchange_ack.txt":                                                                                        "TA105=021",
	"xlate__staedi/invalid999.edi":                                                                                                 "IK502=4",
	"xlate__staedi/simple999.edi":                                                                                                  "",
	"xlate__staedi/837-header-ref-only.edi":                                                                                        "",
	"xlate__staedi/sample837-original.edi":                                                                                         "TA105=010 TA105=017",
	"xlate__staedi/sample837-small.edi":                                                                                            "TA105=010 TA105=017",
	"xlate__staedi/sample837-HL-nested.edi":                                                                                        "TA105=010",
	"moov-io__x12/sample1.txt":                                                                                                     "",
	"moov-io__x12/sample2.txt":                                                                                                     "",
	"moov-io__x12/example_5010_837d__sample.txt":                                                                                   "",
	"moov-io__x12/example_5010_837p__sample.txt":                                                                                   "",
	"keironstoddart__edi-835-parser/blue_cross_nc_sample.txt":                                                                      "TA105=022!",
	"keironstoddart__edi-835-parser/united_healthcare_legacy_sample.txt":                                                           "",
	"tastypackets__x12-parser/multi-line-not-delimited.edi":                                                                        "",
	"tastypackets__x12-parser/profee-multiple.edi":                                                                                 "",
	"tastypackets__x12-parser/profee.edi":                                                                                          "",
	"azoner__pyx12/834_ls_le_ls_5010.999.txt":                                                                                      "",
	"azoner__pyx12/834_lui_id_5010.999.txt":                                                                                        "",
	"azoner__pyx12/835_mult_loops.txt":                                                                                             "",
	"zentist__TigerShark/5010-835-example-1.txt":                                                                                   "",
	"zentist__TigerShark/5010-835-example-2.txt":                                                                                   "IK502=3",
	"zentist__TigerShark/5010-835-example-3.txt":                                                                                   "",
	"mjkubba__edi/edi278-demo-005010X217.edi":                                                                                      "",
	"mjkubba__edi/edi835-demo-005010X221.edi":                                                                                      "IK502=4",
	"mjkubba__edi/edi837D-demo-005010X224.edi":                                                                                     "",
	"mjkubba__edi/edi837I-demo-005010X223.edi":                                                                                     "IK502=4",
	"mjkubba__edi/edi837P-demo-005010X222.edi":                                                                                     "",
	"mjkubba__edi/edi999-demo-005010X231.edi":                                                                                      "",
	"UHIN__x12-parser-library/837.edi":                                                                                             "",
	"UHIN__x12-parser-library/TA1.edi":                                                                                             "TA105=006 TA105=008 TA105=011 TA105=013 TA105=017 TA105=021",
	"albmarin__badX12/error_validation.edi":                                                                                        "AK905=1 AK905=4 AK905=5 IK502=3 IK502=4 TA105=001 TA105=021 TA105=024*2",
	"albmarin__badX12/segment_terminator.edi":                                                                                      "TA105=023",
	"ballerina-platform__module-ballerina-edi/x12-278__message.edi":                                                                "TA105=022!",
	"ballerina-platform__module-ballerina-edi/edi-837__message.edi":                                                                "AK905=3 IK502=2 TA105=023",
}

func outcome(res *edi.CheckResult) string {
	counts := map[string]int{}
	for _, e := range res.Errors {
		c := e.Code.String()
		if e.Fatal {
			c += "!"
		}
		counts[c]++
	}
	var keys []string
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for i, k := range keys {
		if counts[k] > 1 {
			keys[i] = fmt.Sprintf("%s*%d", k, counts[k])
		}
	}
	return strings.Join(keys, " ")
}

// TestCorpusOutcomes reads every corpus file and checks the stated outcome,
// and that the number of transaction sets matches the manifest.
func TestCorpusOutcomes(t *testing.T) {
	dir, entries := corpus.Manifest(t)
	if len(entries) != len(corpusOutcomes) {
		t.Errorf("manifest lists %d files, the test states outcomes for %d", len(entries), len(corpusOutcomes))
	}
	for _, e := range entries {
		t.Run(e.File, func(t *testing.T) {
			want, ok := corpusOutcomes[e.File]
			if !ok {
				t.Fatalf("no expected outcome stated for %s (%s)", e.File, e.Notes)
			}
			f, err := os.Open(filepath.Join(dir, e.File))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			res, err := edi.Check(f, e.File, 0)
			if err != nil {
				t.Fatal(err)
			}
			if got := outcome(res); got != want {
				t.Errorf("outcome %q, want %q", got, want)
				for _, e := range res.Errors {
					t.Log(e)
				}
			}
			if fatal := strings.HasSuffix(want, "!"); !fatal && res.Summary.Sets != e.Sets {
				t.Errorf("%d transaction sets, manifest says %d", res.Summary.Sets, e.Sets)
			}
			for _, x := range res.Errors {
				if x.File != e.File || x.Pos.Line < 1 || x.Pos.Index < 1 || x.Code.Kind == 0 {
					t.Errorf("error lacks file, position or code: %+v", x)
				}
			}
		})
	}
}

// readAll returns clones of every segment of a file, stopping at a fatal error.
func readAll(t testing.TB, r io.Reader) ([]*edi.Segment, bool) {
	t.Helper()
	rd := edi.NewReader(r)
	var segs []*edi.Segment
	for {
		s, err := rd.Next()
		if err == io.EOF {
			return segs, true
		}
		if err != nil {
			if edi.IsFatal(err) {
				return segs, false
			}
			continue
		}
		segs = append(segs, s.Clone())
	}
}

// TestCorpusRoundTrip reads every file that has an ISA, writes its segments
// back with the same delimiters, reads that again and expects the same
// segments; then does the same through the default delimiters * ^ : ~,
// where the only acceptable failure is data that holds one of them.
func TestCorpusRoundTrip(t *testing.T) {
	dir, entries := corpus.Manifest(t)
	tripped := 0
	for _, e := range entries {
		raw, err := os.ReadFile(filepath.Join(dir, e.File))
		if err != nil {
			t.Fatal(err)
		}
		segs, ok := readAll(t, bytes.NewReader(raw))
		if !ok {
			if !strings.HasSuffix(corpusOutcomes[e.File], "!") {
				t.Errorf("%s: fatal read error, but its outcome is not fatal", e.File)
			}
			continue
		}
		tripped++
		// Same delimiters: byte-identical segments.
		var buf bytes.Buffer
		var w *edi.Writer
		for _, s := range segs {
			if s.ID() == "ISA" {
				if w != nil {
					w.Flush()
				}
				w = edi.NewWriter(&buf, s.Delimiters())
				w.Newline = s.Delimiters().Segment != '\n'
			}
			if err := w.WriteSegment(s); err != nil {
				t.Fatalf("%s: %v", e.File, err)
			}
		}
		w.Flush()
		back, ok := readAll(t, &buf)
		if !ok || len(back) != len(segs) {
			t.Fatalf("%s: read %d segments back, want %d", e.File, len(back), len(segs))
		}
		for i := range segs {
			if !bytes.Equal(back[i].Raw(), segs[i].Raw()) {
				t.Fatalf("%s: segment %d: wrote %q, read back %q", e.File, i+1, segs[i].Raw(), back[i].Raw())
			}
		}
		// Default delimiters: the same elements, components and repetitions.
		buf.Reset()
		w = edi.NewWriter(&buf, edi.DefaultDelimiters)
		var dataErr *edi.DataError
		failed := false
		for _, s := range segs {
			if err := w.WriteSegment(s); err != nil {
				if !errors.As(err, &dataErr) || !bytes.Contains(s.Raw(), []byte{dataErr.Delimiter}) {
					t.Fatalf("%s: %v", e.File, err)
				}
				failed = true
				break
			}
		}
		if failed {
			continue
		}
		w.Flush()
		back, _ = readAll(t, &buf)
		if len(back) != len(segs) {
			t.Fatalf("%s: re-encoded: %d segments, want %d", e.File, len(back), len(segs))
		}
		for i := range segs {
			if got, want := structure(back[i]), structure(segs[i]); got != want {
				t.Fatalf("%s: segment %d re-encoded as %s, want %s", e.File, i+1, got, want)
			}
		}
	}
	if tripped < 120 {
		t.Errorf("only %d corpus files round-tripped", tripped)
	}
}

// structure renders a segment's elements independently of its delimiters.
func structure(s *edi.Segment) string {
	var b strings.Builder
	b.WriteString(s.ID())
	for i := 1; i <= s.Len(); i++ {
		b.WriteString("|")
		if s.ID() == "ISA" {
			if i != 11 && i != 16 {
				b.Write(s.Element(i))
			}
			continue
		}
		for r, rep := range s.Repetitions(i) {
			if r > 0 {
				b.WriteString("^")
			}
			for c, comp := range s.Components(rep) {
				if c > 0 {
					b.WriteString(":")
				}
				b.Write(comp)
			}
		}
	}
	return b.String()
}
