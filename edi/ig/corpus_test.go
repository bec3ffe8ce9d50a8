package ig

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/edigw/edigw/edi"
	"github.com/edigw/edigw/internal/corpus"
)

// corpusValidation states the outcome of validating every corpus file
// (SNIP 1-2 with the real guides): "" is valid; otherwise the codes found,
// with segment and element for IK304/IK403 and a count when repeated. Why
// the non-empty ones are right (checked by reading the files):
//
//   - IK502=4, IK502=3, TA105/AK905 codes: the envelope defects edi's corpus
//     test already states (wrong SE01, SE02, GE01, IEA02 ...).
//   - IK502=I6: versions edigw does not support: X221/X222 without the A1
//     errata, X222A2/X223A3/X224A3 (later errata), X291/X292/X298
//     (predetermination 837s), GS08 "005010" and 004010-era envelopes.
//   - X217 non-emergency-transportation request: HL02 of its two 2000F
//     levels names the previous service level instead of the event (4).
//   - X223A2 institutional claim: DTP*434*RD8 carries a single date.
//   - imsweb suite: HI written with * between qualifier and code
//     (HI*BK*8901*BF*...), HL01 "2" used twice with HL02 "3", plus the
//     defect each file is named for (bad identifier, bad code, missing
//     elements, segments out of order, loops over their maximum ...).
//   - LinuxForHealth 835s: no PER*BL (required in 1000A), a 5-digit BPR16,
//     an invalid BPR16 date, TS309/TS311 where X221A1 uses TS313/TS315.
//   - moov sample2: BPR16 20990080 is not a date.
//   - staedi and pyx12 999s naming 005010X231 (without the A1 errata):
//     IK502=I6, the version is not supported (decisions/0020; before, they
//     were read with X231A1, which judged the staedi ones by the errata's
//     CTX rules); invalid999 is invalid on purpose. The mjkubba 999:
//     X231-era CTX use (CTX06, repeated CTX01) under an X231A1 ST03.
//   - HL04 (IK403=7:HL04): a level says a child follows and none does (the
//     imsweb suite's subscribers, HL04 1 with no patient level) or the
//     other way round (mjkubba 278 demo, HL04 0 followed by a child).
//   - keironstoddart united_healthcare_legacy_sample: payee N402 "NP" is
//     no state or province (a made-up North Pole address); imsweb
//     x12_complex: placeholder addresses (N402 "11" and the like).
//   - mjkubba demos: no 1000A/1000B, shifted NM1 elements, DTP*472 in 2300,
//     CL1 after HI, 278 levels and qualifiers that X217 does not have.
//   - ballerina 837: truncated, shifted elements. Bare ST..SE messages and
//     prose without an ISA stop at TA105=022.
var corpusValidation = map[string]string{
	"kputnam__stupidedi/X217_pass__admission-request-for-review.edi":                                                               "IK502=4",
	"kputnam__stupidedi/X217_pass__admission-response-to-request-for-review.edi":                                                   "",
	"kputnam__stupidedi/X217_pass__emergency-admission-request-for-review.edi":                                                     "",
	"kputnam__stupidedi/X217_pass__emergency-admission-response-to-request-for-review.edi":                                         "",
	"kputnam__stupidedi/X217_pass__referral-request-for-review.edi":                                                                "",
	"kputnam__stupidedi/X217_pass__referral-response-to-request-for-review.edi":                                                    "",
	"kputnam__stupidedi/X217_pass__request-for-home-health-care.edi":                                                               "IK502=4",
	"kputnam__stupidedi/X217_pass__request-for-medical-services-reservation.edi":                                                   "",
	"kputnam__stupidedi/X217_pass__request-for-non-emergency-transportation.edi":                                                   "IK403=7:HL02*2",
	"kputnam__stupidedi/X217_pass__response-to-medical-services-reservation.edi":                                                   "",
	"kputnam__stupidedi/X217_pass__response-to-non-emergency-transportation.edi":                                                   "",
	"kputnam__stupidedi/X221_case__1.edi":                                                                                          "IK502=I6 TA105=022",
	"kputnam__stupidedi/X221_case__2.edi":                                                                                          "IK502=I6 TA105=022",
	"kputnam__stupidedi/X221_case__3a.edi":                                                                                         "IK502=4 IK502=I6 TA105=022",
	"kputnam__stupidedi/X221A1_pass__dollars-and-data-sent-separate.edi":                                                           "",
	"kputnam__stupidedi/X221A1_pass__dollars-and-data-sent-together.edi":                                                           "",
	"kputnam__stupidedi/X221A1_pass__era-sample.edi":                                                                               "",
	"kputnam__stupidedi/X221A1_pass__multiple-claims-single-check.edi":                                                             "",
	"kputnam__stupidedi/X221A1_pass__secondary-payment-with-higher-fee-schedule.edi":                                               "",
	"kputnam__stupidedi/X221A1_pass__secondary-payments.edi":                                                                       "",
	"kputnam__stupidedi/X221A1_pass__tertiary-payments.edi":                                                                        "",
	"kputnam__stupidedi/X222_case__1.edi":                                                                                          "IK502=I6 TA105=022",
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
	"kputnam__stupidedi/X223A2_pass__837-institutional-claim.edi":                                                                  "IK403=8:DTP03",
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
	"kputnam__stupidedi/X291_pass__ambulance.edi":                                                                                  "IK502=I6",
	"kputnam__stupidedi/X292_pass__837-institutional-claim.edi":                                                                    "IK502=I6",
	"kputnam__stupidedi/X298_pass__pacdr-professional-external-example.edi":                                                        "IK502=I6",
	"LinuxForHealth__x12/cob-contractural-adjustment.835":                                                                          "IK304=3:PER IK403=1:BPR16 IK403=1:SVC01 IK403=5:SVC01",
	"LinuxForHealth__x12/managed-care.835":                                                                                         "IK304=3:PER IK403=8:BPR16",
	"LinuxForHealth__x12/medicare-part-a.835":                                                                                      "IK304=3:PER IK403=I10:TS309*2 IK403=I10:TS311*2",
	"LinuxForHealth__x12/demo.ambulance.example5.837":                                                                              "IK502=I6",
	"LinuxForHealth__x12/demo.autoaccident.837":                                                                                    "IK502=I6",
	"LinuxForHealth__x12/demo.cob.example3.C.837":                                                                                  "IK502=I6",
	"LinuxForHealth__x12/demo.drug.example10.3.837":                                                                                "IK502=I6",
	"LinuxForHealth__x12/demo.example1.837":                                                                                        "IK502=I6",
	"LinuxForHealth__x12/demo.example11.837":                                                                                       "IK502=I6",
	"LinuxForHealth__x12/institutional-claim.837i":                                                                                 "IK502=I6",
	"LinuxForHealth__x12/out-of-network-repriced-claim.837i":                                                                       "IK502=I6",
	"LinuxForHealth__x12/ppo-repriced-claim.837i":                                                                                  "IK502=I6",
	"LinuxForHealth__x12/two-claims-single-provider.837i":                                                                          "IK502=I6",
	"imsweb__x12-parser/x12_999_accepted.txt":                                                                                      "TA105=001 TA105=024",
	"imsweb__x12-parser/x12_999_rejected.txt":                                                                                      "",
	"imsweb__x12-parser/x12_277CA_accepted.txt":                                                                                    "",
	"imsweb__x12-parser/x12_valid.txt":                                                                                             "IK403=1:HI01*2 IK403=1:HI02*2 IK403=1:HI03*2 IK403=1:HI04*2 IK403=5:HI02*2 IK403=5:HI04*2 IK403=7:HL01 IK403=7:HL02 IK403=7:HL04 IK502=4",
	"imsweb__x12-parser/x12_valid_different_separators.txt":                                                                        "IK403=1:HI01*2 IK403=1:HI02*2 IK403=1:HI03*2 IK403=1:HI04*2 IK403=5:HI02*2 IK403=5:HI04*2 IK403=7:HL01 IK403=7:HL02 IK403=7:HL04 IK502=4",
	"imsweb__x12-parser/x12_no_errors.txt":                                                                                         "IK403=1:HI01*2 IK403=1:HI02*2 IK403=1:HI03*2 IK403=1:HI04*2 IK403=5:HI02*2 IK403=5:HI04*2 IK403=7:HL01 IK403=7:HL04*2 IK502=4",
	"imsweb__x12-parser/x12_complex.txt":                                                                                           "AK905=5 IK304=3:REF*8 IK403=1:HI01*6 IK403=1:HI02*6 IK403=1:HI03*6 IK403=1:HI04*6 IK403=2:FRM02*8 IK403=5:HI02*6 IK403=5:HI04*6 IK403=7:HL01*2 IK403=7:HL02*2 IK403=7:N402*16 IK403=7:NM108*6 IK403=7:OI04*8 IK502=4*2",
	"imsweb__x12-parser/x12_multiple_gs.txt":                                                                                       "AK905=19*2 IK403=1:HI01*6 IK403=1:HI02*6 IK403=1:HI03*6 IK403=1:HI04*6 IK403=5:HI02*6 IK403=5:HI04*6 IK403=7:HL01*3 IK403=7:HL02*3 IK403=7:HL04*3 IK502=4*3 TA105=021",
	"imsweb__x12-parser/x12_multiple_isa.txt":                                                                                      "IK403=1:HI01*4 IK403=1:HI02*4 IK403=1:HI03*4 IK403=1:HI04*4 IK403=5:HI02*4 IK403=5:HI04*4 IK403=7:HL01*2 IK403=7:HL02*2 IK403=7:HL04*2 IK502=4*2",
	"imsweb__x12-parser/x12_multiple_st.txt":                                                                                       "AK905=5 IK403=1:HI01*4 IK403=1:HI02*4 IK403=1:HI03*4 IK403=1:HI04*4 IK403=5:HI02*4 IK403=5:HI04*4 IK403=7:HL01*2 IK403=7:HL02*2 IK403=7:HL04*2 IK502=23 IK502=4*2",
	"imsweb__x12-parser/x12_bad_first_line.txt":                                                                                    "IK403=1:HI01*2 IK403=1:HI02*2 IK403=1:HI03*2 IK403=1:HI04*2 IK403=5:HI02*2 IK403=5:HI04*2 IK403=7:HL01 IK403=7:HL02 IK403=7:HL04 IK502=4 TA105=011",
	"imsweb__x12-parser/x12_bad_segment_identifier.txt":                                                                            "IK304=1: IK304=1:NM31 IK304=1:Nd4 IK304=3:N4 IK304=3:NM1 IK304=3:PER IK403=1:HI01*2 IK403=1:HI02*2 IK403=1:HI03*2 IK403=1:HI04*2 IK403=5:HI02*2 IK403=5:HI04*2 IK403=7:HL01 IK403=7:HL02 IK403=7:HL04 IK502=4",
	"imsweb__x12-parser/x12_bad_valid_code.txt":                                                                                    "IK403=1:HI01*2 IK403=1:HI02*2 IK403=1:HI03*2 IK403=1:HI04*2 IK403=5:HI02*2 IK403=5:HI04*2 IK403=7:HL01 IK403=7:HL02 IK403=7:HL04 IK403=7:NM101 IK502=4",
	"imsweb__x12-parser/x12_missing_elements.txt":                                                                                  "IK403=1:CLM05 IK403=1:HI01*2 IK403=1:HI02*2 IK403=1:HI03*2 IK403=1:HI04*2 IK403=1:NM102 IK403=5:HI02*2 IK403=5:HI04*2 IK403=7:HL01 IK403=7:HL02 IK403=7:HL04 IK502=4",
	"imsweb__x12-parser/x12_segments_out_of_order.txt":                                                                             "IK304=2:N3 IK304=2:N4 IK304=3:N3 IK304=3:N4 IK403=1:HI01*2 IK403=1:HI02*2 IK403=1:HI03*2 IK403=1:HI04*2 IK403=5:HI02*2 IK403=5:HI04*2 IK403=7:HL01 IK403=7:HL02 IK403=7:HL04 IK502=4",
	"imsweb__x12-parser/x12_segment_errors.txt":                                                                                    "IK304=3:HI IK304=3:N3 IK304=5:REF IK403=7:HL04 IK502=4",
	"imsweb__x12-parser/x12_loop_errors1_exceeds_max_1_parent.txt":                                                                 "IK304=4:NM1 IK403=1:HI01 IK403=1:HI02 IK403=1:HI03 IK403=1:HI04 IK403=5:HI02 IK403=5:HI04 IK403=7:HL04 IK502=4",
	"imsweb__x12-parser/x12_loop_errors2_exceeds_max_repeats_multiple_parents.txt":                                                 "IK304=4:NM1 IK403=1:HI01*2 IK403=1:HI02*2 IK403=1:HI03*2 IK403=1:HI04*2 IK403=5:HI02*2 IK403=5:HI04*2 IK403=7:HL01 IK403=7:HL04*2 IK502=4",
	"imsweb__x12-parser/x12_loop_errors3_missing_loops.txt":                                                                        "IK304=3:NM1 IK403=1:HI01 IK403=1:HI02 IK403=1:HI03 IK403=1:HI04 IK403=5:HI02 IK403=5:HI04 IK403=7:HL04 IK502=4",
	"imsweb__x12-parser/x12_missing_required_loop_in_one_repeat.txt":                                                               "IK304=3:NM1 IK403=1:HI01*2 IK403=1:HI02*2 IK403=1:HI03*2 IK403=1:HI04*2 IK403=5:HI02*2 IK403=5:HI04*2 IK403=7:HL01 IK403=7:HL02 IK403=7:HL04*2 IK502=4",
	"imsweb__x12-parser/x12_missing_required_loops_mult_repeats.txt":                                                               "IK304=2:DTP*2 IK304=2:SV1*2 IK304=3:LX*2 IK403=1:HI01*5 IK403=1:HI02*5 IK403=1:HI03*5 IK403=1:HI04*5 IK403=5:HI02*5 IK403=5:HI04*5 IK403=7:HL01*4 IK403=7:HL02 IK403=7:HL04*4 IK502=4",
	"imsweb__x12-parser/x12_ambiguous_loop.txt":                                                                                    "IK403=7:HL04 IK502=4",
	"imsweb__x12-parser/x12_writer_test.txt":                                                                                       "IK403=7:HL04 IK502=4",
	"imsweb__x12-parser/x12_many_claims.txt":                                                                                       "IK403=1:HI01*820 IK403=1:HI02*820 IK403=1:HI03*820 IK403=1:HI04*820 IK403=5:HI02*820 IK403=5:HI04*820 IK403=7:HL01*819 IK403=7:HL02*410 IK403=7:HL04*410 IK502=4",
	"imsweb__x12-parser/x12_multiple_transactions.txt":                                                                             "IK403=1:HI01*624 IK403=1:HI02*624 IK403=1:HI03*624 IK403=1:HI04*624 IK403=5:HI02*624 IK403=5:HI04*624 IK403=7:HL01*312 IK403=7:HL02*312 IK403=7:HL04*312 IK502=4*312",
	"imsweb__x12-parser/x223-test.txt":                                                                                             "IK304=3:DTP IK304=3:REF IK403=7:CLM05 IK403=7:DTP01 IK403=7:DTP02 IK403=I10:CLM06 IK403=I10:CLM10 IK403=I10:NM103 IK403=I10:NM108 IK403=I10:NM109 IK502=4",
	"xlate__staedi/x12_interchange_ack.txt":                                                                                        "TA105=021",
	"xlate__staedi/invalid999.edi":                                                                                                 "IK502=4 IK502=I6",
	"xlate__staedi/simple999.edi":                                                                                                  "IK502=I6",
	"xlate__staedi/837-header-ref-only.edi":                                                                                        "IK304=2:REF IK304=3:HL IK304=3:NM1*2 IK403=7:BHT01",
	"xlate__staedi/sample837-original.edi":                                                                                         "IK502=I6 TA105=010 TA105=017",
	"xlate__staedi/sample837-small.edi":                                                                                            "IK502=I6*2 TA105=010 TA105=017",
	"xlate__staedi/sample837-HL-nested.edi":                                                                                        "IK502=I6*2 TA105=010",
	"moov-io__x12/sample1.txt":                                                                                                     "",
	"moov-io__x12/sample2.txt":                                                                                                     "IK403=8:BPR16",
	"moov-io__x12/example_5010_837d__sample.txt":                                                                                   "",
	"moov-io__x12/example_5010_837p__sample.txt":                                                                                   "",
	"keironstoddart__edi-835-parser/blue_cross_nc_sample.txt":                                                                      "TA105=022",
	"keironstoddart__edi-835-parser/united_healthcare_legacy_sample.txt":                                                           "IK403=7:N402",
	"tastypackets__x12-parser/multi-line-not-delimited.edi":                                                                        "",
	"tastypackets__x12-parser/profee-multiple.edi":                                                                                 "",
	"tastypackets__x12-parser/profee.edi":                                                                                          "",
	"azoner__pyx12/834_ls_le_ls_5010.999.txt":                                                                                      "IK502=I6",
	"azoner__pyx12/834_lui_id_5010.999.txt":                                                                                        "IK502=I6*4",
	"azoner__pyx12/835_mult_loops.txt":                                                                                             "",
	"zentist__TigerShark/5010-835-example-1.txt":                                                                                   "",
	"zentist__TigerShark/5010-835-example-2.txt":                                                                                   "IK502=3",
	"zentist__TigerShark/5010-835-example-3.txt":                                                                                   "",
	"mjkubba__edi/edi278-demo-005010X217.edi":                                                                                      "IK304=2:DTP IK304=2:SV2 IK304=2:TRN*2 IK403=7:HL03*2 IK403=7:HL04*3 IK403=7:NM101 IK403=7:NM108 IK403=7:PRV02*2 IK403=7:REF01*2 IK403=7:UM08 IK403=I10:NM108 IK403=I10:NM109",
	"mjkubba__edi/edi835-demo-005010X221.edi":                                                                                      "IK403=5:PLB03 IK502=4",
	"mjkubba__edi/edi837D-demo-005010X224.edi":                                                                                     "IK502=I6",
	"mjkubba__edi/edi837I-demo-005010X223.edi":                                                                                     "IK304=2:CL1 IK304=3:CL1 IK304=3:NM1*2 IK403=2:NM109 IK403=5:NM108 IK403=I10:CLM06 IK403=I10:CLM10 IK403=I10:HI02 IK403=I10:NM107 IK502=4",
	"mjkubba__edi/edi837P-demo-005010X222.edi":                                                                                     "IK304=3:NM1*2 IK403=2:NM109 IK403=5:NM108 IK403=7:DTP01",
	"mjkubba__edi/edi999-demo-005010X231.edi":                                                                                      "IK403=1:CTX02*2 IK403=1:CTX03*2 IK403=6:CTX05 IK403=I10:CTX06",
	"UHIN__x12-parser-library/837.edi":                                                                                             "",
	"UHIN__x12-parser-library/TA1.edi":                                                                                             "TA105=006 TA105=008 TA105=011 TA105=013 TA105=017 TA105=021",
	"albmarin__badX12/error_validation.edi":                                                                                        "AK905=1 AK905=4 AK905=5 IK502=3 IK502=4 TA105=001 TA105=021 TA105=024*2",
	"albmarin__badX12/segment_terminator.edi":                                                                                      "TA105=023",
	"ballerina-platform__module-ballerina-edi/x12-278__message.edi":                                                                "TA105=022",
	"ballerina-platform__module-ballerina-edi/edi-837__message.edi":                                                                "AK905=3 IK304=3:HI IK304=3:LX IK403=1:HL04 IK403=1:NM108*4 IK403=1:NM109*4 IK403=1:ST03 IK403=7:HL02 IK403=7:HL03 IK403=7:SBR05 IK403=I10:HL02 IK403=I10:NM104*2 IK403=I10:NM105*2 IK403=I10:NM106*2 IK502=2 TA105=023",
}

// validationOutcome renders a report the way corpusValidation states it.
func validationOutcome(errs []*edi.Error) string {
	counts := map[string]int{}
	for _, x := range errs {
		k := x.Code.String()
		if x.Code.Kind == edi.IK304 || x.Code.Kind == edi.IK403 {
			k += ":" + x.SegmentID
			if x.Element > 0 {
				k += fmt.Sprintf("%02d", x.Element)
			}
		}
		counts[k]++
	}
	var keys []string
	for k, n := range counts {
		if n > 1 {
			k = fmt.Sprintf("%s*%d", k, n)
		}
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return strings.Join(keys, " ")
}

func TestCorpusValidation(t *testing.T) {
	dir, entries := corpus.Manifest(t)
	if len(entries) != len(corpusValidation) {
		t.Errorf("manifest lists %d files, the test states %d outcomes", len(entries), len(corpusValidation))
	}
	valid := 0
	for _, e := range entries {
		t.Run(e.File, func(t *testing.T) {
			want, ok := corpusValidation[e.File]
			if !ok {
				t.Fatalf("no outcome stated for %s", e.File)
			}
			f, err := os.Open(filepath.Join(dir, e.File))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			v := &Validator{File: e.File, MaxErrors: 1 << 20}
			rep, err := v.Run(f)
			if err != nil {
				t.Fatal(err)
			}
			if got := validationOutcome(rep.Errors); got != want {
				t.Errorf("outcome\n got %q\nwant %q", got, want)
				for _, x := range rep.Errors[:min(20, len(rep.Errors))] {
					t.Log(x)
				}
			}
			if want == "" {
				valid++
				if rep.SetsRejected != 0 || rep.SetsAccepted != e.Sets {
					t.Errorf("valid file: %d sets accepted, %d rejected, manifest says %d sets", rep.SetsAccepted, rep.SetsRejected, e.Sets)
				}
			}
		})
	}
	// The X12.org TR3 examples of every supported guide are among the valid.
	if valid < 50 {
		t.Errorf("only %d corpus files validate clean", valid)
	}
}
